"""Reported speech — indirect and mixed quotations, found in the narration around the quotes.

A reported quotation is a clause that the text attributes to someone without quoting it word
for word. The patterns, one function each, over the sentences of each paragraph:

* **complement**: a reporting verb with a clause after it — "Shoigu said (that) cooperation
  is growing", "He stressed that …", "X told reporters on Monday that …"; without "that" only
  for the verbs that commonly drop it (say, tell, claim …) and only before a subject;
* **fronted**: the clause first, the cue after a comma — "Cooperation is growing, said the
  Russian defense Minister, army General Sergei Shoigu." / "…, the Minister said.";
* **according to**: "According to X, …" and "…, according to X."

A reported clause that holds quoted words is one *mixed* quotation (the quoted words are nested
in it). Verbs of thought and belief (think, believe, hope …) are not speech: their clauses are
not returned. Content spans leave out "that" and the sentence's final punctuation.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from typing import NamedTuple

import regex

from .cues import (
    _PREPOSITIONS,
    NP,
    Found,
    _back_over_adverbs,
    _found,
    _possessive,
    cue_after,
    is_reporting_verb,
    noun_phrase_after,
    noun_phrase_before,
    tokens,
)
from .lexicon import reporting_verbs, roles, titles
from .model import QuotedSpan, Span
from .spans import starts_sentence

# Verbs whose clause may come without "that" ("he said the plan works"). Others need "that".
_THAT_OPTIONAL = frozenset(
    "say tell claim add argue insist warn write tweet predict promise suggest admit acknowledge "
    "announce concede contend declare explain note report state testify vow assert".split()
)
# Verbs that are not speech even when followed by a clause.
_NOT_SPEECH = frozenset("begin continue go speak wonder read laugh sigh sing groan smile".split())
# Verbs that take the person spoken to before the clause: "told reporters that".
_WITH_ADDRESSEE = frozenset("tell remind assure warn inform advise promise".split())
_BE = frozenset("is are was were been be am".split())
# Verbs whose report follows a particle: "called for …", "called on X to …".
_WITH_PARTICLE = frozenset({("call", "for"), ("call", "on")})
# Verbs that report a request or an order as "asked X to …".
_WITH_INFINITIVE = frozenset("ask urge tell warn advise beg implore call invite encourage".split())
_SUBJECTS = frozenset("he she they it we i you there this these those".split())
_CLAUSE_START = frozenset("the a an his her their its our my your some many most all no every each".split())
_ADJUNCT_WORDS = frozenset(
    """on in at during after before last this next earlier later today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday a an the statement interview
    conference speech call of with by to for told week month year night morning afternoon
    evening recent recently also again""".split()
)

# Words after a verb that show no clause follows it.
_NOT_CLAUSE = frozenset(
    """about above after against along among around as at before behind below beside between
    by during for from in into like near of off on onto over since through throughout to toward
    towards under until upon with within without so yes no nothing something anything it him
    her them me us so thanks goodbye hello again also too though however otherwise""".split()
)

# Sentence ends: ., ! or ? (with closing quotes or brackets) then space and a capital or quote.
_SENTENCE_END = regex.compile(
    r"""[.!?\N{HORIZONTAL ELLIPSIS}]+["'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})\]]*
        (?=\s+["'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}(\[]?[\p{Lu}\d])""",
    regex.VERBOSE,
)
_ABBREVIATION = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sr|Jr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Inc|Co|Corp|Ltd|No|Vol|"
    r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|vs|etc|U\.S|a\.m|p\.m)|\b\p{Lu})\.$"
)


class Reported(NamedTuple):
    """A reported quotation: its content, the cue that reports it, and its kind."""

    content: Span
    found: Found
    kind: str  # "indirect" or "mixed"
    nested: tuple[Span, ...]


def sentences(text: str, start: int, end: int, quotes: list[QuotedSpan]) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``; a sentence never ends inside a quotation."""
    out = []
    pos = start
    qstarts = [q.start for q in quotes]
    for m in _SENTENCE_END.finditer(text, start, end):
        cut = m.end()
        k = bisect.bisect_right(qstarts, m.start()) - 1
        if k >= 0 and quotes[k].start < m.start() < quotes[k].end - 1:
            continue  # inside a quotation
        if m.group().startswith(".") and _ABBREVIATION.search(text, max(start, m.start() - 6), m.start() + 1):
            continue
        out.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out


def _inside(quotes: list[QuotedSpan], qstarts: list[int], pos: int) -> QuotedSpan | None:
    k = bisect.bisect_right(qstarts, pos) - 1
    if k >= 0 and quotes[k].start <= pos < quotes[k].end:
        return quotes[k]
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without surrounding space, a leading "that" or the final punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return start, end


def find_reported(text: str, paragraphs: tuple[Span, ...], quotes: list[QuotedSpan]) -> list[Reported]:
    """Every reported quotation of ``text``, in order; ``quotes`` are the top-level quoted spans."""
    top = [q for q in quotes if q.depth == 0]
    qstarts = [q.start for q in top]
    found: list[Reported] = []
    for para in paragraphs:
        lo = bisect.bisect_left(qstarts, para.start)
        if lo > 0 and top[lo - 1].end > para.start:
            lo -= 1  # a quotation from the paragraph before runs on into this one
        hi = bisect.bisect_left(qstarts, para.end)
        local = top[lo:hi]
        cues = cue_positions(text, para.start, para.end)
        if not cues:
            continue
        for s, e in sentences(text, para.start, para.end, local):
            r = _sentence(text, s, e, local, cues)
            if r is not None:
                found.append(r)
    return found


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")
_WORDS = re.compile(r"[A-Za-z]+")  # ASCII only: the standard re is faster here


@functools.cache
def _cue_words() -> frozenset[str]:
    return frozenset(reporting_verbs()) | {"according"}


def cue_positions(text: str, start: int, end: int) -> list[int]:
    """Where the words that can cue reported speech start: a reporting verb or "according".

    One pass over the words; sentences without such a word are then skipped at once.
    """
    words = _cue_words()
    return [m.start() for m in _WORDS.finditer(text, start, end) if m[0].lower() in words]


def _solid(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` are not white space."""
    chunk = text[start:end]
    return len(chunk) - sum(map(chunk.count, " \t\r\n"))


def _sentence(text: str, s: int, e: int, quotes: list[QuotedSpan], cues: list[int]) -> Reported | None:
    """The reported quotation of one sentence, if it has one."""
    k = bisect.bisect_left(cues, s)
    if k == len(cues) or cues[k] >= e:
        return None
    # only the quotations near the sentence: the lists below cost the sentence's length, not
    # its paragraph's (top-level quotations are sorted by start and by end alike)
    quotes = quotes[bisect.bisect_right(quotes, s, key=_END) : bisect.bisect_left(quotes, e, key=_START)]
    qstarts = [q.start for q in quotes]
    inner = [q for q in quotes if q.start < e and s < q.end]  # the quotations the sentence meets
    # a sentence that is a quotation with its cue is a direct quote, not reported speech
    # (counted in characters other than white space, so that line endings do not tip it)
    if inner and sum(
        _solid(text, max(q.start, s), min(q.end, e)) for q in inner if q.is_speech and not q.fragment
    ) > 0.6 * _solid(text, s, e):
        return None
    toks = [t for t in tokens(text, s, e) if _inside(quotes, qstarts, t.start) is None]
    if len(toks) < 4:
        return None
    return (
        _according_to(text, s, e, toks, inner)
        or _complement(text, s, e, toks, inner)
        or _fronted(text, s, e, toks, inner)
    )


def _make(text: str, start: int, end: int, found: Found, inner: list[QuotedSpan]) -> Reported | None:
    # a quotation that reaches across the clause's edge (one running on into the next
    # paragraph) is not cut in two: the clause stops where it starts, or starts where it ends
    for q in inner:
        if q.start < start < q.end:
            start = q.end
        if start < q.start < end < q.end:
            end = q.start
        if start < q.start < end and q.is_speech and not q.fragment and starts_sentence(text, q.start):
            end = q.start  # a quotation that opens a line of its own is not part of the clause
    start, end = _trim(text, start, end)
    if end - start < 8 or len(text[start:end].split()) < 3:
        return None
    if found.mention.start < end and start < found.mention.end:
        return None
    nested = tuple(q.span for q in inner if start <= q.start and q.end <= end + 1)
    if nested and nested[0].start <= start and nested[-1].end >= end:
        return None  # the whole clause is quoted: a direct quote
    if nested:
        end = max(end, nested[-1].end)  # a quotation ending in the trimmed comma stays inside
    return Reported(Span(start, end), found, "mixed" if nested else "indirect", nested)


def _according_to(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    for k in range(len(toks) - 1):
        if toks[k].low == "according" and toks[k + 1].low == "to":
            np = noun_phrase_after(toks, k + 2) or _source_after(toks, k + 2)
            if np is None:
                return None
            found = _found(toks, (k, k + 2), np, "according to X", text)
            if k == 0 and np.j < len(toks) and toks[np.j].text == ",":
                return _make(text, toks[np.j].end, e, found, inner)
            if k > 0 and toks[k - 1].text == ",":
                return _make(text, s, toks[k - 1].start, found, inner)
            return None
    return None


def _fronted(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Cooperation is growing, said the Minister." / "…, the Minister said." """
    for k in range(3, len(toks) - 1):
        if toks[k].text != ",":
            continue
        if not any(is_reporting_verb(t.low) for t in toks[k + 1 : k + 16]):
            continue  # no cue within reach of this comma: do not read it
        found = cue_after(text, toks[k].start, e)
        if found is None or found.rule == "according to X" or found.rule == "\N{EM DASH} X":
            continue
        if not _speech_verb(found.cue.text):
            continue
        if any(q.start <= found.cue.start < q.end or q.start <= found.mention.start < q.end for q in inner):
            continue  # words inside a quotation are not the narrator's cue
        # the cue must close the sentence, with adjuncts at most ("said Friday", "said at a
        # meeting with …"); a clause after it makes it "X said (that) …", not fronted content
        after = _token_after(toks, max(found.cue.end, found.mention.end))
        if after is not None and (after.low == "that" or after.low in _SUBJECTS or after.low == "to"):
            continue
        if found.mention.kind == "nominal" and found.role not in roles() and found.cue.text.lower().endswith("s") and found.cue.text.lower() not in ("says", "tells", "asks"):
            continue
        return _make(text, s, toks[k].start, found, inner)
    return None


@functools.cache
def _lemma_of() -> dict[str, str]:
    return reporting_verbs()


def _speech_verb(word: str) -> bool:
    lemma = _lemma_of().get(word.lower())
    return lemma is not None and lemma not in _NOT_SPEECH


def _complement(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Shoigu said (that) …", "He stressed that …", "X told reporters on Monday that …" """
    for v in range(1, len(toks) - 2):
        low = toks[v].low
        progressive = low.endswith("ing") and low in _lemma_of() and toks[v - 1].low in _BE
        if not (is_reporting_verb(low) or progressive) or not _speech_verb(low):
            continue
        lemma = _lemma_of()[low]
        # "The White House is saying that …": the subject stands before the auxiliary
        before = _back_over_adverbs(toks, v - 1 if progressive else v)
        subject = noun_phrase_before(toks, before)
        if subject is None and toks[v].text[:1].islower():
            # (a capitalised verb is a noun or a headline's: "Secretary of State", "Trump Says")
            subject = _clause_subject(toks, before)
        if subject is None:
            continue
        if subject.kind == "nominal" and subject.name is None and low.endswith("s") and low not in ("says", "tells", "asks"):
            continue  # "the suing states were …", "a flurry of tweets": a noun, not a verb
        k = v + 1
        if k + 1 < len(toks) and (lemma, toks[k].low) in _WITH_PARTICLE:
            # "called for more school investment", "accused her of lying", "called on people to …"
            k += 1
            if toks[k - 1].low == "for":
                found = _found(toks, (v, k), subject, "X said that", text)
                return _make(text, toks[k].start, e, found, inner)
        if lemma in _WITH_ADDRESSEE or lemma in _WITH_INFINITIVE or lemma == "accuse":
            addressee = noun_phrase_after(toks, k) or _object(toks, k) or _generic_object(toks, k)
            if addressee is not None:
                k = addressee.j
            if lemma == "accuse" and k + 1 < len(toks) and toks[k].low == "of":
                found = _found(toks, (v, v + 1), subject, "X said that", text)
                return _make(text, toks[k + 1].start, e, found, inner)
        # adjuncts before "that": "said on Monday that", "said in a statement that",
        # "says at a campaign stop in Toledo, Ohio, that"
        m = k
        while m < len(toks) and m - k < 6 and toks[m].low != "that" and (toks[m].low in _ADJUNCT_WORDS or toks[m].text[:1].isdigit()):
            m += 1
        if m < len(toks) and toks[m].low != "that" and k < len(toks) and toks[k].low in _PREPOSITIONS:
            for mm in range(k, min(len(toks), k + 14)):
                if toks[mm].low == "that":
                    m = mm
                    break
                if toks[mm].text in ".;:!?" or is_reporting_verb(toks[mm].low):
                    break
        if m < len(toks) and toks[m].low == "that":
            start = toks[m].end
        elif lemma in _WITH_INFINITIVE and k > v + 1 and k < len(toks) and toks[k].low == "to":
            start = toks[k].start  # "asked the candidates to discuss …", "urged him to resign"
        elif k < len(toks) and toks[k].text == ":" and k + 1 < len(toks):
            start = toks[k + 1].start  # "Trump tweeted: Crooked Hillary …"
        else:
            if k < len(toks) and toks[k].text == ",":
                k += 1  # "Mr. Clarke said, he decided …"
            if lemma in _THAT_OPTIONAL and k < len(toks) and _starts_clause(toks, k):
                start = toks[k].start
            else:
                continue
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        return _make(text, start, e, found, inner)
    return None


# Words that may open a subject noun phrase in lower case: "several cast members", "some
# experts", "nearly eight of 10 voters".
_QUANTIFIERS = frozenset(
    """the a an his her their its our my your some many most all several few both each every
    other no one two three four five six seven eight nine ten nearly almost about more over
    top senior former local state federal""".split()
)
# Words that show that a stretch of narration is a clause, not a noun phrase.
_CLAUSE_WORDS = frozenset(
    """is are was were be been being has have had do does did will would can could may might
    should must shall not n't that which what whose if when while because although though as
    than so then there he she it they we i you this these those""".split()
)
_BEFORE_VERB = frozenset("has have had long not never repeatedly often previously".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_INSERTION_MARKS = frozenset(",\N{EM DASH}\N{EN DASH}\N{HORIZONTAL BAR}-")


def _plain_word(t) -> bool:
    """A word that can stand in a noun phrase: not punctuation, not a word of a clause."""
    return t.text[:1].isalnum() and t.low not in _CLAUSE_WORDS and not is_reporting_verb(t.low)


def _noun_core(toks: list, i: int, j: int) -> NP | None:
    """``toks[i:j]`` as a subject noun phrase — "Several cast members", "Police officials",
    "Experts on North Korea and nuclear nonproliferation", "one of the family's attorneys" —
    or None when it reads as anything else. The phrase's head (before any preposition other
    than "of") is its mention."""
    if not 0 <= i < j or j - i > 14:
        return None
    first = toks[i]
    if not (first.text[:1].isupper() or first.low in _QUANTIFIERS or first.text[:1].isdigit()):
        return None
    head = j
    for m in range(i, j):
        t = toks[m]
        if t.low in _PREPOSITIONS and t.low != "of" and m > i:
            head = min(head, m)
            continue
        if t.low == "and" and m > i:
            if head == j and not (toks[m - 1].text[:1].isupper() and m + 1 < j and toks[m + 1].text[:1].isupper()):
                return None  # "the economy grew and experts …": two clauses, not one phrase
            continue
        if not _plain_word(t) and not _possessive(t) and t.text not in ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s", "."):
            return None
        lower = not t.text[:1].isupper()
        if m < head and lower and (t.low.endswith(("ed", "ing")) and t.low not in _QUANTIFIERS) and m > i:
            return None  # "Trump attacked …": a verb, so a clause
    if head - i > 7 or not toks[head - 1].text[:1].isalnum() or toks[head - 1].low in _PREPOSITIONS:
        return None
    named = noun_phrase_after(toks, i)
    if named is not None and named.kind == "name" and (named.j == head or (named.j < head and toks[head - 1].text[:1].isupper())):
        return NP(named.i, named.j, named.kind, named.name, named.role, named.title)
    return NP(i, head, "nominal", None, toks[head - 1].low)


def _clause_subject(toks: list, v: int) -> NP | None:
    """The subject of a reporting verb at ``v`` when the short noun-phrase reader finds none:
    a plain noun phrase ("Several cast members said …"), or one with insertions between
    commas, brackets or dashes ("Erin Murphy, a former Clinton aide who accompanied her to
    Burma in 2011, said …", "Rep. Gregory W. Meeks (D-N.Y.), chairman of …, said …"). The
    phrase runs from the sentence's start, or from the comma that ends an opening phrase."""
    j = v
    # back over auxiliaries and a time: "Cruz has long said", "Sanders on Tuesday said"
    while j > 1 and (toks[j - 1].low in _BEFORE_VERB or (toks[j - 1].low in _WEEKDAYS and toks[j - 2].low != "of")):
        j -= 2 if toks[j - 2].low == "on" and toks[j - 1].low in _WEEKDAYS else 1
    # stretches split by commas and dashes; brackets are skipped whole
    parts: list[tuple[int, int]] = []
    end = j
    m = j - 1
    while m >= 0:
        t = toks[m]
        if t.text == ")":
            depth = 0
            while m >= 0:
                depth += (toks[m].text == ")") - (toks[m].text == "(")
                if depth == 0:
                    break
                m -= 1
            m -= 1
            continue
        if t.text in _INSERTION_MARKS or (t.text[:1] in _INSERTION_MARKS and not t.text.strip(t.text[:1])):
            parts.append((m + 1, end))
            end = m
        elif t.text in ".;:!?" and not (m > 0 and (toks[m - 1].low in titles() or len(toks[m - 1].text) == 1)):
            break
        m -= 1
    parts.append((m + 1, end))
    parts.reverse()
    parts = [(a, b) for a, b in parts if b > a]
    if not parts:
        return None
    if parts[-1][1] == j:
        # no insertion closes before the verb: the subject is the last stretch
        a, b = parts[-1]
        if toks[a].low in ("but", "and", "yet", "so"):
            a += 1
        return _noun_core(toks, a, _skip_bracket_back(toks, b))
    # an insertion closes before the verb: the subject is the first stretch that is a noun
    # phrase, after any opening phrase ("In a statement, one of the family's attorneys, …")
    for n, (a, b) in enumerate(parts[:-1]):
        if toks[a].low in ("but", "and", "yet", "so"):
            a += 1
        if a < b and (toks[a].low in _PREPOSITIONS or toks[a].low.endswith("ly")):
            continue
        core = _noun_core(toks, a, _skip_bracket_back(toks, b))
        if core is not None and core.kind == "nominal":
            # "one of the club's lawyers, Nadia Petrova, said": the appositive names her
            na, nb = parts[n + 1]
            named = noun_phrase_after(toks, na)
            if named is not None and named.kind == "name" and named.j == nb and named.i == na:
                return NP(core.i, nb, "name", named.name, named.role, named.title)
        return core
    return None


def _skip_bracket_back(toks: list, b: int) -> int:
    """The end of a stretch without the bracket that closes it: "Meeks (D-N.Y.)" -> "Meeks"."""
    if b > 0 and toks[b - 1].text == ")":
        m = b - 1
        while m >= 0 and toks[m].text != "(":
            m -= 1
        return m if m > 0 else b
    return b


def _token_after(toks: list, pos: int):
    """The first token that starts at or after character ``pos``."""
    for t in toks:
        if t.start >= pos:
            return t
    return None


def _source_after(toks: list, k: int) -> NP | None:
    """A source named by any words up to punctuation: "according to the Bureau of Justice
    Statistics", "according to census data"."""
    m = k
    while m < len(toks) and m - k < 8 and toks[m].text[:1].isalnum():
        m += 1
    return NP(k, m, "nominal") if m > k else None


def _generic_object(toks: list, k: int) -> NP | None:
    """ "the candidates", "voters in Ohio": a short noun phrase before "to"."""
    for m in range(k + 1, min(len(toks), k + 6)):
        if toks[m].low == "to":
            return NP(k, m, "nominal")
        if not toks[m].text[:1].isalnum():
            return None
    return None


def _object(toks: list, k: int) -> NP | None:
    """A plain object after "told": "reporters", "him", "voters that …"."""
    if k < len(toks) and toks[k].low in ("him", "her", "them", "me", "us", "reporters", "journalists", "supporters"):
        return NP(k, k + 1, "nominal")
    # "told The Huffington Post that", "told a local radio station that"
    for m in range(k + 1, min(len(toks), k + 7)):
        if toks[m].low == "that":
            return NP(k, m, "nominal")
        if not (_plain_word(toks[m]) or toks[m].text[:1].isupper()):
            break
    return None


def _starts_clause(toks: list, k: int) -> bool:
    """Could a clause start at token ``k`` (after a verb that may drop "that")? Not where an
    adjunct, an object or punctuation follows the verb: "said on Monday", "said nothing"."""
    t = toks[k]
    if t.low in _SUBJECTS or t.low in _CLAUSE_START:
        return True
    if not t.text[:1].isalnum() or t.low in _NOT_CLAUSE or t.low.endswith("ly"):
        return False
    return k + 1 < len(toks) and toks[k + 1].text[:1].isalnum()
