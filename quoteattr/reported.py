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
    _APOSTROPHES,
    _APPROXIMATELY,
    _CLAUSE_WORDS,
    _INVERTED_PRONOUNS,
    _NUMBER_WORDS,
    _PREPOSITIONS,
    _WEEKDAYS,
    CUE_REACH,
    NP,
    Found,
    _back_over_adverbs,
    _found,
    _sentence_subject,
    _speech_forms,
    clause_subject_before,
    cue_in_tokens,
    is_reporting_verb,
    noun_core,
    noun_phrase_after,
    noun_phrase_before,
    plain_word,
    tokens,
)
from .lexicon import inflect, reporting_verbs, roles, titles
from .model import Cue, QuotedSpan, Span
from .spans import starts_sentence

# Verbs whose clause may come without "that" ("he said the plan works"). Others need "that".
_THAT_OPTIONAL = frozenset(
    "say tell claim add argue insist warn tweet predict promise suggest admit acknowledge "
    "announce concede contend declare explain note report testify vow assert".split()
)
# Verbs that may drop "that" too but as often take an object ("recalled his meetings with
# Shoigu"): their clause must show a verb before its first comma ("revealed her husband had
# taken her name").
_THAT_OPTIONAL_WITH_VERB = frozenset(
    "reveal confirm agree allege estimate recall reiterate repeat stress maintain complain boast "
    "indicate hint signal speculate emphasize joke quip counter reply remark observe write".split()
)
# Verbs that are not speech even when followed by a clause.
_NOT_SPEECH = frozenset("begin continue go speak wonder read laugh sigh sing groan smile".split())
# Verbs that take the person spoken to before the clause: "told reporters that".
_WITH_ADDRESSEE = frozenset("tell remind assure warn inform advise promise".split())
_BE = frozenset("is are was were been be am".split())
# Verbs whose report follows a particle: "called for …", "called on X to …".
_WITH_PARTICLE = frozenset({("call", "for"), ("call", "on")})
# Verbs of a promise or a threat, reported as "vowed to …".
_COMMITMENTS = frozenset("vow pledge promise threaten".split())
# Verbs that report a request or an order as "asked X to …".
_WITH_INFINITIVE = frozenset("ask urge tell warn advise beg implore call invite encourage".split())
_SUBJECTS = frozenset("he she they it we i you there this these those".split())
_CLAUSE_START = frozenset("the a an his her their its our my your some many most all no every each".split())
_ADJUNCT_WORDS = frozenset(
    """on in at during after before last this next earlier later today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday a an the statement interview
    conference speech call of with by to for told week month year night morning afternoon
    evening recent recently also again via email twitter""".split()
)

# Words after "said," with which the narrator goes on: "''Follow us,'' Ms. Gil said, and the
# boys trailed behind".
_NARRATOR_GOES_ON = frozenset("and but or nor yet as while aboard amid amidst despite outside inside alongside via".split())
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

# Abbreviations that may end a sentence too, and the words that then open the next one.
_ENDS_SENTENCE_TOO = regex.compile(r"\b(?:U\.S|a\.m|p\.m|Inc|Co|Corp|Ltd|etc|Jr|Sr)\.$")
# (read after a full stop: its white space is taken whole and never given back, and a try
# starts only after a character that is not white space, so a long run of it is read once)
_OPENS_SENTENCE = regex.compile(r"(?<!\s)\s++(?:He|She|They|It|We|I|The|But|This|That|There|His|Her|Their|Its)\b")


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
        if k >= 0 and quotes[k].start < m.start() and cut < quotes[k].end:
            continue  # inside a quotation (one that closes with the full stop ends the sentence)
        if (
            m.group().startswith(".")
            and _ABBREVIATION.search(text, max(start, m.start() - 6), m.start() + 1)
            and not (_ENDS_SENTENCE_TOO.search(text, max(start, m.start() - 6), m.start() + 1) and _OPENS_SENTENCE.match(text, cut, end))
        ):
            continue  # "Mr. Smith", "the U.S. Senate"; but "… in the U.S. He says …" ends there
        out.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out


def _outside(toks: list, quotes: list[QuotedSpan], qstarts: list[int]) -> list:
    """The tokens that start outside the quotations: the last quotation that starts at or before
    a token must end at or before it. One pass (token starts grow: that quotation moves on)."""
    if not quotes:
        return toks
    out = []
    k, last = -1, len(quotes) - 1
    for t in toks:
        pos = t.start
        while k < last and qstarts[k + 1] <= pos:
            k += 1
        if k < 0 or pos >= quotes[k].end:
            out.append(t)
    return out


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
    for before, para in zip((None, *paragraphs), paragraphs, strict=False):
        k = bisect.bisect_left(qstarts, para.start)
        # (not where a quotation from the paragraph before runs on into this one: its words)
        running_on = k > 0 and top[k - 1].end > para.start
        block = None if running_on else _block_quote(text, before, para, qstarts) or _labelled_line(text, para, before is None, qstarts)
        if block is not None:
            found.append(block)
            continue
        lo = bisect.bisect_left(qstarts, para.start)
        if lo > 0 and top[lo - 1].end > para.start:
            lo -= 1  # a quotation from the paragraph before runs on into this one
        hi = bisect.bisect_left(qstarts, para.end)
        local = top[lo:hi]
        for s, e in sentences(text, para.start, para.end, local):
            r = _sentence(text, s, e, local)
            if r is not None:
                other = _other_part(text, s, e, r, local)
                found.extend(sorted((r, other), key=_content_start) if other is not None else (r,))
                then = _second_report(text, r, e, local)
                if then is not None:
                    found.append(then)
    return found


# A colon and nothing but white space after it (read backwards from the end): a text whose
# last token is ":" (the token pattern's ``\S`` is the complement of this ``\s``).
_ENDS_IN_COLON = regex.compile(r"(?r):\s*\Z")


# "TAPPER: Do you think …", "Q: And the wall?", "Clinton: I support D.C. statehood." — a label
# of up to five capitalised words (or Q and A) and a colon opening a paragraph.
_LABEL = regex.compile(r"(?P<label>[\p{Lu}][\w.'\N{RIGHT SINGLE QUOTATION MARK}-]*(?:[ \t]+[\p{Lu}][\w.'\N{RIGHT SINGLE QUOTATION MARK}-]*){0,4}):[ \t]+(?=\S)")
# Labels that head a paragraph but name nobody who speaks.
_NOT_LABELS = frozenset(
    """update updated breaking correction note editor's editor’s watch related read photo photos
    video source sources transcript video transcript top stories clarification disclosure
    warning advertisement listen""".split()
)


def _labelled_line(text: str, para: Span, first: bool, qstarts: list[int]) -> Reported | None:
    """A paragraph that a speaker's label opens: a transcript's turn ("TAPPER: Do you think …",
    "Q: …", "A: …"; the speaker's words, so direct) or a headline naming who said what
    ("Clinton: I support D.C. statehood.", the first paragraph only; a gist, so indirect)."""
    m = _LABEL.match(text, para.start, para.end)
    if m is None:
        return None
    label = m.group("label")
    if label.lower() in _NOT_LABELS or any(w.lower() in _NOT_LABELS for w in label.split()[:1]):
        return None
    letters = [c for c in label if c.isalpha()]
    transcript = label in ("Q", "A") or (len(letters) > 1 and all(c.isupper() for c in letters))
    if not (transcript or first):
        return None
    first = bisect.bisect_left(qstarts, para.start)
    if first < len(qstarts) and qstarts[first] < m.end():
        return None  # a quote mark inside the label ("CHA''HOLT:"): a quotation opens there
    k = bisect.bisect_left(qstarts, m.end())
    if k < len(qstarts) and qstarts[k] < m.end() + 2:
        return None  # "Trump: “…”": a quotation the scanner has, with its cue
    # a turn that quotes someone ("ORTIZ: It would cost “the earth,” he said …") is the speaker's
    # up to the quotation: the quotation is the scanner's, and quotations do not overlap
    quoted = qstarts[k] if k < len(qstarts) and qstarts[k] < para.end else para.end
    toks = tokens(text, para.start, m.end())
    np = noun_phrase_after(toks, 0)
    if np is None or np.j != len(toks) - 1:
        if not transcript:
            return None
        np = NP(0, len(toks) - 1, "name", (0, len(toks) - 1), None, None)
    found = _found(toks, (len(toks) - 1, len(toks)), np, "X:" if transcript else "headline X:", text)
    # (a transcript's turn is its words as spoken, full stop and all; a headline's is trimmed)
    if transcript:
        start, end = m.end(), quoted
        while end > start and text[end - 1].isspace():
            end -= 1
    else:
        start, end = _trim(text, m.end(), quoted)
    if len(text[start:end].split()) < 3:
        return None
    return Reported(Span(start, end), found, "direct" if transcript else "indirect", ())


def _block_quote(text: str, before: Span | None, para: Span, qstarts: list[int]) -> Reported | None:
    """A paragraph quoted without quote marks after a paragraph that ends in a reporting verb
    and a colon: "The governor added:" / "It's typical of her. She knows nothing." It is
    the speaker's words, so a direct quotation."""
    if before is None or para.end - para.start < 20 or text[para.end - 1 : para.end] == ":":
        return None
    k = bisect.bisect_left(qstarts, para.start)
    if k < len(qstarts) and qstarts[k] < para.end:
        return None  # a paragraph with a quotation in it is the scanner's (a block has no marks)
    lo = max(before.start, before.end - 200)
    if _ENDS_IN_COLON.search(text, lo, before.end) is None:
        return None  # (the test of the last token below, without reading the paragraph's tokens)
    toks = tokens(text, lo, before.end)
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    for v in range(len(toks) - 2, max(0, len(toks) - 7), -1):
        low = toks[v].low
        if is_reporting_verb(low) and _speech_verb(low) and toks[v].text[:1].islower():
            subject = _subject_of(toks, v)
            if subject is None:
                return None
            found = _found(toks, (v, v + 1), subject, "X said:", text)
            chunk = text[para.start : para.end]
            start = para.start + len(chunk) - len(chunk.lstrip())
            end = para.end - (len(chunk) - len(chunk.rstrip()))
            return Reported(Span(start, end), found, "direct", ()) if end - start >= 8 else None
        if toks[v].text in ".!?":
            break
    return None


def _second_report(text: str, r: Reported, e: int, quotes: list[QuotedSpan]) -> Reported | None:
    """A second report joined to the first one of its sentence: "His aides say it's too early
    but noted that Scott won …", "… — and he noted that …", "…, arguing that …". Its speaker
    is the first report's when it names none of its own."""
    if r.content.start < r.found.cue.start:
        return _participle_after_cue(text, r, e, quotes)  # fronted content: "…, X said, noting …"
    if r.content.end >= e - 8:
        return None  # (a clause that runs to the sentence's end)
    rest = r.content.end
    toks = tokens(text, rest, e)
    where = _joined_clause(toks)
    if where is None or where[0] != 1:
        # (a verb right after "and", "but" or the comma has no subject of its own: the first
        # report's; else the rest is read as a sentence, its own subject and all)
        second = _sentence(text, rest, e, quotes)
        if second is not None and second.content.start > rest:
            return second
    if where is None:
        return None
    v, start = where
    found = Found(Cue(toks[v].start, toks[v].end, toks[v].text), r.found.mention, "X said that", r.found.name, r.found.role, r.found.title)
    # (a judgement may be two words: "…, calling it “absurd.”")
    return _make(text, start, e, found, [q for q in quotes if q.start < e and rest < q.end], short=toks[v].low == "calling")


# Verbs that news puts before their speaker after fronted content: "…, said Smith".
_INVERTING = frozenset("say add write report predict explain note continue insist argue tell".split())


def _participle_after_cue(text: str, r: Reported, e: int, quotes: list[QuotedSpan]) -> Reported | None:
    """ "Trump's excesses are sickening, Hollande said Tuesday in Paris, noting the Republican
    …": after fronted content and its cue, a participle's clause, the same speaker's."""
    rest = max(r.found.cue.end, r.found.mention.end)
    toks = tokens(text, rest, e)
    comma = next((m for m in range(min(len(toks), 8)) if toks[m].text == ","), None)
    if comma is None or comma + 2 >= len(toks) or not toks[comma + 1].low.endswith("ing"):
        return None
    where = _joined_clause(toks[comma:])
    if where is None or where[0] != 1:
        return None
    v, start = comma + 1, where[1]
    found = Found(Cue(toks[v].start, toks[v].end, toks[v].text), r.found.mention, "X said that", r.found.name, r.found.role, r.found.title)
    return _make(text, start, e, found, [q for q in quotes if q.start < e and rest < q.end])


def _joined_clause(toks: list) -> tuple[int, int] | None:
    """The verb (its index) and where the content starts, of a report that joins another one
    with no subject of its own: "… and noted that …", "…, arguing that …", "…, calling him
    “a total stiff.”", "… and defended the plan"."""
    for v in range(1, min(len(toks) - 2, 6)):
        low = toks[v].low
        if not (is_reporting_verb(low) or (low.endswith("ing") and low in _lemma_of())) or not _speech_verb(low):
            continue
        k = v + 1
        if toks[k].low == "that":
            return v, toks[k].end
        if _lemma_of()[low] in _THAT_OPTIONAL and _starts_clause(toks, k):
            return v, toks[k].start
        if low == "calling" and toks[k].text[:1].isalnum() and toks[k].low not in _NOT_CALLED:
            return v, toks[k].start  # "…, calling him “a total stiff.”": a judgement
        break  # (the first verb decides; it may still be a stance with its object)
    if len(toks) > 2 and toks[0].low in ("and", "but") and _joined_stance(toks, 1):
        return 1, toks[2].start  # "… and defended the plan": the stance's object
    return None


_START, _END, _LOW = operator.attrgetter("start"), operator.attrgetter("end"), operator.attrgetter("low")
_WORDS = re.compile(r"[A-Za-z]+")  # ASCII only: the standard re is faster here
_LOWER_WORDS = re.compile(r"[a-z]+")


@functools.cache
def _cue_words() -> frozenset[str]:
    return frozenset(reporting_verbs()) | {"according"} | _SURVEYS | _CLAIMS | _PHRASE_WORDS | _FINDINGS | _topic_words() | frozenset(_ABOUT_VERBS) | _intention_words()


def has_cue(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold a word that can cue reported speech: a reporting verb,
    "according", a verb of a finding, of a topic or of an intention?

    Its words are listed, lower-cased and looked up in C (findall, map, isdisjoint): a sentence
    without such a word is skipped at once. (A sentence starts and ends next to white space or
    punctuation, so its words are whole: those its paragraph has there.)
    """
    chunk = text[start:end]
    if chunk.isascii():  # (most sentences: lower-cased at once, the same words)
        return not _cue_words().isdisjoint(_LOWER_WORDS.findall(chunk.lower()))
    return not _cue_words().isdisjoint(map(str.lower, _WORDS.findall(chunk)))


def _solid(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` are not white space."""
    chunk = text[start:end]
    return len(chunk) - sum(map(chunk.count, " \t\r\n"))


def _sentence(text: str, s: int, e: int, quotes: list[QuotedSpan]) -> Reported | None:
    """The reported quotation of one sentence, if it has one."""
    if not has_cue(text, s, e):
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
    whole = tokens(text, s, e)
    toks = _outside(whole, quotes, qstarts)
    if len(toks) < 4:
        return None
    # a rule is tried only where the sentence holds one of its words (``_may_hold``)
    words = set(map(_LOW, toks))
    if _may_hold(words, _ACCORDING):
        found = _according_to(text, s, e, toks, inner)
        if found is not None:
            return found
    found = _complement(text, s, e, toks, inner) if _may_hold(words, _complement_verbs()) else None
    if found is not None and text[max(s, found.found.cue.start - 40) : found.found.cue.start].rstrip().endswith(","):
        # ", said one GOP source in the room.": a cue after fronted content, not "said <clause>"
        fronted = _fronted(text, s, e, toks, inner, whole)
        if (
            fronted is not None
            and fronted.found.cue.start == found.found.cue.start
            and fronted.found.mention.start == found.content.start
            and fronted.found.mention.kind != "pronoun"
            and all(map(plain_word, tokens(text, fronted.found.mention.start, fronted.found.mention.end)))
            and _ends_sentence_soon(text, fronted.found.mention.end, e)
        ):
            return fronted
    if found is not None and found.found.mention.end <= found.found.cue.start:
        # "Sanders endorsed Mrs. Clinton, saying …": the stance before the participle is the
        # sentence's first report (the participle's is its second, ``_second_report``)
        earlier = _before_participle(text, s, found.found.cue.start, toks, inner, words, whole)
        if earlier is not None:
            return earlier
    if found is None and _may_hold(words, _CALLED):
        found = _named_as(text, s, e, toks, inner)
        if found is not None and found.found.cue.text == "calling":
            # "Sanders blasted the plan, calling it “absurd”": the stance first, as above
            earlier = _before_participle(text, s, found.found.cue.start, toks, inner, words - _CALLED, whole)
            if earlier is not None:
                return earlier
    if found is None and _may_hold(words, _speech_forms()):
        found = _fronted(text, s, e, toks, inner, whole)
    if found is None and _may_hold(words, _FINDINGS):
        found = _finding(text, s, e, toks, inner)
    if found is None and _may_hold(words, _topic_words()):
        found = _topic(text, s, e, toks, inner)
    if found is None and _may_hold(words, _about_words()):
        found = _about(text, s, e, toks, inner)
    if found is None and _may_hold(words, _ASKED):
        found = _asked_by(text, s, e, toks, inner)
    if found is None and _may_hold(words, _intention_words()):
        found = _intention(text, s, e, toks, inner)
    if found is None and _may_hold(words, _SURVEYS):
        found = _in_survey(text, s, e, toks, inner)  # (a survey's head, after "in")
    if found is None and _may_hold(words, _CLAIMS):
        found = _claim_of(text, s, e, toks, inner)
    if found is None and _may_hold(words, _PHRASE_WORDS):
        found = _phrasal(text, s, e, toks, inner)
    if found is None and _may_hold(words, _RELATIVES) and _may_hold(words, _RELATIVE_VERBS):
        found = _relative_report(text, s, e, toks, inner)
    return found


_ACCORDING = frozenset({"according"})


def _before_participle(text: str, s: int, cue: int, toks: list, inner: list[QuotedSpan], words: set[str], whole: list) -> Reported | None:
    """The sentence's first report, before the comma of a participle cue at ``cue`` or the
    "and"/"but" of a second verb: a judgement, stance or intention ("Carson endorsed Trump,
    calling him …", "Weber criticized the plan but said …") or fronted words ("…, Hollande
    said Tuesday, noting …"). The cue's own report is then the second (``_second_report``)."""
    before = [t for t in toks if t.end <= cue]
    if len(before) < 5 or not (before[-1].text == "," or (before[-1].low in ("and", "but") and toks[len(before)].text[:1].islower())):
        return None  # (a participle after a comma, or a second verb: "… and said …")
    cut = before[-1].start  # (the comma stays: the rules read a clause up to it)
    for needs, rule in ((_CALLED, _named_as), (_topic_words(), _topic), (_intention_words(), _intention)):
        if _may_hold(words, needs):
            found = rule(text, s, cut, before, inner)
            if found is not None:
                return found
    if _may_hold(words, _speech_forms()):
        # "Trump's excesses are sickening, Hollande said Tuesday in Paris, noting …"
        return _fronted(text, s, cut, before, inner, [t for t in whole if t.end <= cut])
    return None


_RELATIVES = frozenset("which who whom that what".split())
_CLOSING_MARKS = "\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
# The verbs of a report inside a relative clause whose subject is the relative word itself:
# "which Democrats say could be aiding Sanders", "who officials say is tied to …" (the rest of
# the clause opens with one of ``_AUXILIARIES``).
_DESCRIBED = frozenset("described describes called calls dubbed labeled labelled branded".split())
_RELATIVE_VERBS = (
    frozenset("say says said claim claims claimed argue argues argued contend contends contended insist insists insisted allege alleges alleged".split())
    | _DESCRIBED
)


def _relative_report(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """A report inside a relative clause, about what the clause's head is or does: "a surge of
    independents, which Democrats say could be aiding Sanders", "hackers who U.S. officials
    say is tied to Russian intelligence", "the kind of job that economists say is the future",
    "what she said is growing demand". The content is the rest of the clause after the verb."""
    for v in _where(toks, _RELATIVE_VERBS, 2, len(toks) - 1):
        # the rest of the clause: a verb ("say could be …"), or how it was described ("which
        # he described as “like an open orchid.”", "what Zimmerman called “a piece of history”")
        described = toks[v].low in _DESCRIBED and (
            toks[v + 1].low == "as" or _quote_starts(inner, toks[v].end, toks[v + 1].start)
        )
        if not toks[v].text[:1].islower() or not (toks[v + 1].low in _AUXILIARIES or described):
            continue
        subject = noun_phrase_before(toks, v)
        if subject is None or subject.i < 1 or toks[subject.i - 1].low not in _RELATIVES:
            continue
        if subject.kind == "pronoun" and toks[subject.i].low == "it":
            continue
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        end = _clause_end(toks, v + 1, e, inner)
        return _make(text, toks[v].end, end, found, inner, short=True) if described else _make(text, toks[v + 1].start, end, found, inner)
    return None

# Multi-word cues: a verb's forms, then the words that make it a report ("pointed out", "made
# clear", "expressed concern about"); the content follows them.
_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "point": (("out", "that"), ("out",), ("to",)),
    "make": (("clear", "that"), ("it", "clear", "that"), ("the", "case", "that"), ("the", "case", "for")),
    "express": tuple(
        (feeling, *after)
        for feeling in "concern concerns support frustration doubt doubts skepticism confidence hope regret opposition dismay outrage sympathy".split()
        for after in (("about",), ("for",), ("over",), ("with",), ("at",), ("that",), ("in",))
    ),
    "raise": tuple(
        (what, after)
        for what in "questions concerns doubts".split()
        for after in ("about", "over", "that")
    ),
    "cast": (("doubt", "on"),),
    "take": (("aim", "at"), ("issue", "with"), ("a", "swipe", "at"), ("swipes", "at")),
    "vote": (("for",), ("against",), ("to",)),
    "weigh": (("in", "on"),),
    "go": (("after",), ("on", "to", "say", "that"), ("on", "to", "say")),
    "speak": (("out", "against"), ("out", "for"), ("in", "favor", "of"), ("in", "support", "of")),
    "focus": (("on",),),
    "push": (("for",), ("back", "on"), ("back", "against")),
    "offer": (("support", "for"), ("praise", "for"), ("no", "evidence", "that"), ("condolences", "to")),
    "lash": (("out", "at"),),
    "hit": (("back", "at"),),
    "rail": (("against",),),
    "refer": (("to",),),
    "talk": (("about",),),
    "agree": (("with",),),
    "side": (("with",),),
    "lay": (("out",),),
    "apologize": (("for",),),
    "distance": (("himself", "from"), ("herself", "from"), ("themselves", "from"), ("itself", "from")),
    "shrug": (("off",),),
    "warn": (("of",),),
    "respond": (("to",),),
    "ask": (("for",),),
}
_PHRASE_FORMS: dict[str, str] = {
    form: lemma
    for lemma, forms in {
        "point": "point points pointed pointing",
        "make": "make makes made making",
        "express": "express expresses expressed expressing",
        "raise": "raise raises raised raising",
        "cast": "cast casts casting",
        "take": "take takes took taking",
        "vote": "vote votes voted voting",
        "weigh": "weigh weighs weighed weighing",
        "go": "went goes going",
        "speak": "speak speaks spoke speaking",
        "focus": "focuses focused focusing",  # ("a new focus on …": a noun)
        "push": "push pushes pushed pushing",
        "offer": "offer offers offered offering",
        "lash": "lash lashes lashed lashing",
        "hit": "hit hits hitting",
        "rail": "rail rails railed railing",
        "refer": "refer refers referred referring",
        "talk": "talking",
        "agree": "agreed agrees agreeing",
        "side": "sided sides siding",
        "lay": "lay lays laid laying",
        "apologize": "apologize apologizes apologized apologizing",
        "distance": "distanced distances distancing",
        "shrug": "shrugged shrugs shrugging",
        "warn": "warned warns warning",
        "respond": "responded responds responding respond",
        "ask": "asked asks asking",
    }.items()
    for form in forms.split()
}


_PHRASE_WORDS = frozenset(_PHRASE_FORMS)


def _phrasal(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Cooper pointed out that the plan …", "She made clear that …", "Sanders expressed
    concern about the vote", "Ryan cast doubt on the report", "Cruz voted against the bill" """
    for v in _where(toks, _PHRASE_FORMS, 1, len(toks) - 2):
        progressive = toks[v - 1].low in _BE and toks[v].low.endswith("ing")  # "is talking about"
        if not toks[v].text[:1].islower() or (toks[v - 1].low in _BE and not progressive):
            continue
        words = [t.low for t in toks[v + 1 : v + 5]]
        phrase = next((p for p in _PHRASES[_PHRASE_FORMS[toks[v].low]] if tuple(words[: len(p)]) == p), None)
        if phrase is None or v + 1 + len(phrase) >= len(toks):
            continue
        participle = toks[v].low.endswith("ing") and toks[v - 1].text == ","
        subject = _verb_subject(toks, v, participle, progressive)
        if subject is None or (subject.kind == "pronoun" and toks[subject.i].low == "it"):
            continue
        k = v + 1 + len(phrase)
        end = e if phrase[-1] == "that" else _clause_end(toks, k + 1, e, inner)
        found = _found(toks, (v, k), subject, "X said that", text)
        return _make(text, toks[k].start, end, found, inner, short=True)
    return None


def _may_hold(words: set[str], needs: frozenset[str]) -> bool:
    """Does a sentence of ``words`` (its tokens' lower-cased texts) hold one of the words a rule
    ``needs``? A rule reads only the positions of its words: without one it finds nothing."""
    return not words.isdisjoint(needs)


def _content_start(r: Reported) -> int:
    return r.content.start


def _other_part(text: str, s: int, e: int, r: Reported, inner: list[QuotedSpan]) -> Reported | None:
    """The other part of a reported clause that its cue interrupts: "The museum, Mr. Obama
    said, would make visitors face …" (the part before the cue), "It would take weeks, he
    said, and interest would be high" / "Turnout fell, Graham said, since …" (the part after).
    Only where the cue stands between commas with its speaker before the verb."""
    cue, mention = r.found.cue, r.found.mention
    if mention.end > cue.start or (mention.kind == "nominal" and r.found.name is None and r.found.role is None):
        return None
    before = text[max(s, mention.start - 3) : mention.start]
    after = text[cue.end : min(e, cue.end + 3)]
    if not (before.rstrip().endswith(",") and after.lstrip().startswith(",")):
        return None
    if r.content.start >= cue.end:
        # the part before: from the sentence's start to the comma before the speaker
        comma = text.rindex(",", s, mention.start)
        if comma <= s or _inside_any(inner, comma) or (_opening_phrase(text, s, comma) and not _subordinate(text, s)):
            # "During his years in office, Mr. Obama said, …": not what was said; but "Though
            # the transition was seamless, he said, …" is (a clause of the statement)
            return None
        part = _make(text, s, comma, r.found, inner, short=True)
    else:
        if text[cue.end:e].count(",") == 0:
            return None
        comma = text.index(",", cue.end, e)
        if text[cue.end : comma].strip():
            return None  # "said on Friday, …": more than the cue before the comma
        first = _LOWER_WORDS.match(text[comma + 1 : e].lstrip())
        if first is not None and first[0].endswith("ing") and first[0] in _lemma_of():
            return None  # "…, Hollande said, adding that …": the participle's own report
        part = _make(text, comma + 1, e, r.found, inner)
    if part is None or (part.content.start < r.content.end and r.content.start < part.content.end):
        return None
    return part


_OPENERS = frozenset("as when while if although though unlike because since once until whenever".split())
_SUBORDINATE = frozenset("when while if although though because since once until whenever".split())


def _subordinate(text: str, start: int) -> bool:
    """Does the stretch at ``start`` open with a subordinator ("Though …", "If …")?"""
    words = text[start : start + 40].split()
    if words and words[0].lower() in ("but", "and", "yet", "so"):
        words = words[1:]
    return bool(words) and words[0].lower().strip(",") in _SUBORDINATE


def _opening_phrase(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a short phrase that sets the scene ("At a rally Friday in Coral
    Springs", "During his years in office", "But when Congress cut funding") rather than a
    clause that someone said? (Twelve words are a phrase at most: more than 400 characters,
    or a 14th word, and it is none; so the many commas of a long sentence, each asking, cost
    no more than its length.)"""
    if end - start > 400:
        return False
    words = text[start:end].split(None, 13)
    if words and words[0].lower() in ("but", "and", "yet", "so") and len(words) > 1:
        words = words[1:]
    if not words or len(words) > 12:
        return False
    first = words[0].lower().strip(",")
    return first in _PREPOSITIONS or first in _OPENERS or first == "to"


def _inside_any(quotes: list[QuotedSpan], pos: int) -> bool:
    """Is ``pos`` inside one of ``quotes`` (top-level ones: apart, and sorted by start)? Only
    the last that starts at or before it can hold it: one look, whatever their number."""
    k = bisect.bisect_right(quotes, pos, key=_START) - 1
    return k >= 0 and pos < quotes[k].end


def _quote_starts(quotes: list[QuotedSpan], lo: int, hi: int) -> bool:
    """Does one of ``quotes`` (sorted by start) start in ``[lo, hi)``?"""
    k = bisect.bisect_left(quotes, lo, key=_START)
    return k < len(quotes) and quotes[k].start < hi


def _ends_sentence_soon(text: str, pos: int, e: int) -> bool:
    """Does the sentence end at ``pos`` or a few words of adjunct after it ("… in the room."),
    or go on with an appositive (", a spokesman for …")? Then the words before ``pos`` are an inverted cue's
    speaker, not the subject of a reported clause ("said Clinton reached out to …")."""
    rest = text[pos : min(e, pos + 120)].strip().rstrip(".!?").split()
    if not rest or rest[0].startswith(","):
        return True
    first = rest[0].lower()
    return len(rest) <= 6 and pos + 120 >= e and (first in _PREPOSITIONS or first in _WEEKDAYS or first in ("today", "yesterday"))


def _make(text: str, start: int, end: int, found: Found, inner: list[QuotedSpan], *, short: bool = False) -> Reported | None:
    """The reported quotation over ``text[start:end]`` (trimmed), or None when it is too short
    to be one (``short``: a word or two is enough, for the part before an interrupting cue)."""
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
    if (not short and (end - start < 8 or len(text[start:end].split()) < 3)) or end - start < 2:
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
            if np.j < len(toks) and toks[np.j].text != "," and (k == 0 or toks[k - 1].text == ","):
                # a long source up to its comma: "According to early results of exit polls
                # conducted for The Associated Press and television networks, …"
                comma = next((m for m in range(np.j, min(len(toks), k + 30)) if toks[m].text == ","), None)
                if comma is not None and not any(t.text in ";:!?" for t in toks[k + 2 : comma]):
                    np = NP(np.i, comma, np.kind, np.name, np.role, np.title)
            found = _found(toks, (k, k + 2), np, "according to X", text)
            if k == 0 and np.j < len(toks) and toks[np.j].text == ",":
                return _make(text, toks[np.j].end, e, found, inner)
            if (
                k > 0
                and toks[k - 1].text == ","
                and np.j + 3 < len(toks)
                and toks[np.j].text == ","
                and (k - 1 <= 3 or _opening_phrase(text, s, toks[k - 1].start))
            ):
                # "Now, according to the poll, some are swinging", "Since November, according
                # to the group, forces have killed …": the clause after the insertion
                return _make(text, toks[np.j].end, e, found, inner)
            if k > 0 and toks[k - 1].text in (",", "\N{EM DASH}", "\N{EN DASH}", "--"):
                # "…, according to X." / "… — according to the journal."
                return _make(text, s, toks[k - 1].start, found, inner)
            if k > 3 and _ends_sentence_soon(text, toks[np.j - 1].end, e):
                # "… 46 percent to 39 percent according to a CBS poll released Monday."
                return _make(text, s, toks[k].start, found, inner)
            return None
    return None


# The heads of a source that findings are "in": "In a new Washington Post-ABC News poll, …".
_SURVEYS = frozenset("poll polls survey surveys study studies analysis average".split())


def _in_survey(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "In May's Washington Post-ABC News poll, Clinton led Trump …", "Kasich was at 25
    percent in the most recent Fox poll": a finding and the survey it is in, its source."""
    for k in _where(toks, frozenset({"in"}), 0, len(toks) - 2):
        head = next((m for m in range(k + 1, min(len(toks), k + 10)) if toks[m].low in _SURVEYS), None)
        if head is None or any(not (plain_word(t) or _possessive_word(t) or t.text in "-/") for t in toks[k + 1 : head]):
            continue
        if not any(t.text[:1].isupper() for t in toks[k + 1 : head]):
            continue  # a named survey ("the latest Fox poll"), not "in the polls", "in many polls"
        source = NP(k + 1, head + 1, "nominal", None, toks[head].low)
        found = _found(toks, (k, k + 1), source, "according to X", text)
        if k == 0:
            # "In the poll, …", "In a Register poll last month, …", "In a Post poll released Sunday, …"
            comma = next((m for m in range(head + 1, min(len(toks), head + 7)) if toks[m].text == ","), None)
            if comma is not None and all(t.text[:1].isalnum() and t.low not in _CLAUSE_WORDS for t in toks[head + 1 : comma]):
                return _make(text, toks[comma].end, e, found, inner)
        if k > 2:
            # "… in the most recent Fox poll" (up to the comma before "in", if any)
            end = toks[k - 1].start if toks[k - 1].text == "," else toks[k].start
            return _make(text, s, end, found, inner)
    return None


def _fronted(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan], whole: list) -> Reported | None:
    """ "Cooperation is growing, said the Minister." / "…, the Minister said." (``whole``: the
    sentence's tokens, those inside quotations too, as ``cue_after`` reads them)"""
    # where the content may end: at a comma, or after a quotation that closes on one
    # ("Trump and Clinton have “very different strategic goals,” Silverman said.")
    ends = [(toks[k].start, k, False) for k in range(3, len(toks) - 1) if toks[k].text == ","]
    for q in inner:
        if (q.fragment or not q.is_speech) and s < q.start and q.end < e and text[q.start : q.end].rstrip(_CLOSING_MARKS).endswith(","):
            k = bisect.bisect_left(toks, q.end, key=_START) - 1
            if 0 <= k < len(toks) - 1:  # (the quoted words count: "Oz is “smart as hell,” X said")
                ends.append((q.end, k, True))
    if not ends:
        return None
    ends.sort()
    verbs = _where(toks, _speech_forms(), 0, len(toks))
    starts = None
    for pos, k, quoted in ends:
        n = bisect.bisect_right(verbs, k)
        if n == len(verbs) or verbs[n] >= k + 16:
            continue  # no cue within reach of this comma: do not read it
        if _opening_phrase(text, s, pos):
            continue  # "At a rally Friday in Coral Springs, Clinton …": an opening phrase
        if starts is None:
            starts = [t.start for t in whole]
        found = cue_in_tokens(text, _window(text, whole, starts, pos, min(e, pos + CUE_REACH)))
        if found is None or found.rule == "according to X" or found.rule == "\N{EM DASH} X":
            continue
        if not _speech_verb(found.cue.text):
            continue
        if found.mention.start > found.cue.start and _lemma_of().get(found.cue.text.lower()) not in _INVERTING:
            continue  # "…, asked former Attorney General Eric Holder whether …": the one asked,
            # not an inverted speaker; news inverts only its plainest verbs ("…, said Smith")
        if not quoted and _appositive(toks, k):
            continue  # "Eva Lund, the former minister, stressed …": a subject, not content
        if toks[k + 1].low in _RELATIVES:
            continue  # "…, which Democrats say could …": a relative clause's report, not fronted content
        if _inside_any(inner, found.cue.start) or _inside_any(inner, found.mention.start):
            continue  # words inside a quotation are not the narrator's cue
        # the cue must close the sentence, with adjuncts at most ("said Friday", "said at a
        # meeting with …"); a clause after it makes it "X said (that) …", not fronted content
        after = _token_after(toks, max(found.cue.end, found.mention.end))
        if after is not None and (after.low == "that" or after.low in _SUBJECTS or after.low == "to"):
            continue
        if found.mention.kind == "pronoun" and found.mention.start > found.cue.start and after is not None and after.text[:1].isalnum() and after.start < e:
            continue  # "…, said he and other rabbis were alarmed": "he" opens the clause said
        if found.mention.kind == "nominal" and found.role not in roles() and found.cue.text.lower().endswith("s") and found.cue.text.lower() not in ("says", "tells", "asks"):
            continue
        return _make(text, s, pos, found, inner)
    return None


@functools.cache
def _lemma_of() -> dict[str, str]:
    return reporting_verbs()


def _speech_verb(word: str) -> bool:
    lemma = _lemma_of().get(word.lower())
    return lemma is not None and lemma not in _NOT_SPEECH


@functools.cache
def _complement_verbs() -> frozenset[str]:
    """The words ``_complement`` reads as verbs: the forms of a verb of speech (``_speech_verb``)
    that are a reporting verb or end in -ing (a token's text is lower-cased once: the same)."""
    return frozenset(
        w for w, lemma in _lemma_of().items() if lemma not in _NOT_SPEECH and (is_reporting_verb(w) or w.endswith("ing"))
    )


def _where(toks: list, words: frozenset[str] | dict[str, str], lo: int, hi: int) -> list[int]:
    """The indices in ``range(lo, hi)`` of the tokens whose lower-cased text is in ``words``:
    the rules below visit only these, not every token of the sentence."""
    return [v for v in range(lo, hi) if toks[v].low in words]


def _complement(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Shoigu said (that) …", "He stressed that …", "X told reporters on Monday that …" """
    lemma_of = _lemma_of()
    for v in _where(toks, _complement_verbs(), 1, len(toks) - 2):
        low = toks[v].low
        # (a verb of speech: a reporting verb's form, or its -ing form after "is" or a comma)
        progressive = low.endswith("ing") and toks[v - 1].low in _BE
        participle = low.endswith("ing") and toks[v - 1].text == ","
        if not (is_reporting_verb(low) or progressive or participle):
            continue
        if toks[v].text[:1].isupper() and not _title_case(toks):
            continue  # "the United States", "New York State": a name, not a verb
        if toks[v - 1].low in _ARTICLES or (v > 1 and toks[v - 2].low in ("a", "an") and toks[v - 1].text[:1].isupper()):
            continue  # "to see D.C. become a state", "said in a June report": a noun, not a verb
        lemma = lemma_of[low]
        # "The White House is saying that …": the subject stands before the auxiliary
        before = _back_over_time(toks, _back_over_adverbs(toks, v - 1 if progressive else v))
        if before > 1 and toks[before - 1].low in ("all", "both"):
            before = _back_over_adverbs(toks, before - 1)  # "X, Y and Z all suggested that"
        if before > 0 and (_possessive_word(toks[before - 1]) or toks[before - 1].low in _POSSESSIVE_PRONOUNS or (low in _CLAIMS and _owned(toks, before))):
            continue  # "the town's report, …", "her repeated claim", "their claims": no verb
        # what follows the verb first: it costs less than the subject, and many verbs fail it
        clause = _clause_after(toks, v, lemma)
        if clause is None:
            continue
        # "Reid mocked Romney, claiming that …": the sentence's subject says it
        first = _verb_subject(toks, v, True, False) if participle else noun_phrase_before(toks, before)
        subject = _or_whole_subject(first, toks, v, before)
        if subject is None:
            continue
        if subject.kind == "nominal" and subject.name is None and low.endswith("s") and low not in ("says", "tells", "asks"):
            continue  # "the suing states were …", "a flurry of tweets": a noun, not a verb
        cue_end, start, joined = clause
        found = _found(toks, (v, cue_end), subject, "X said that", text)
        if toks[cue_end].low in _ANSWERS and toks[cue_end].start == start:
            return _make(text, start, toks[cue_end].end, found, inner, short=True)  # "46 percent said yes"
        if toks[cue_end - 1].low == "for":
            # "called for a boycott of his speech, and …": an object, to its clause's end
            return _make(text, start, _clause_end(toks, cue_end + 1, e, inner, ",;", frozenset()), found, inner)
        return _make(text, start, _next_report(text, toks, start, e, inner) if joined else e, found, inner)
    return None


# Answers said in one word: "46 percent of voters said yes", "55 percent said so".
_ANSWERS = frozenset("yes no so".split())


def _clause_after(toks: list, v: int, lemma: str) -> tuple[int, int, bool] | None:
    """The clause that the reporting verb at ``v`` (of ``lemma``) introduces: where the cue's
    tokens end, where the clause starts, and whether a second report may end it before the
    sentence does (``_next_report``); None where no clause follows."""
    k = v + 1
    if k + 1 < len(toks) and (lemma, toks[k].low) in _WITH_PARTICLE:
        # "called for more school investment", "accused her of lying", "called on people to …"
        k += 1
        if toks[k - 1].low == "for":
            return k, toks[k].start, False
    if lemma in _WITH_ADDRESSEE or lemma in _WITH_INFINITIVE or lemma == "accuse":
        addressee = noun_phrase_after(toks, k) or _object(toks, k) or _generic_object(toks, k)
        if addressee is not None:
            k = addressee.j
        elif lemma == "tell":
            return None  # "told The Huffington Post.": one is told something, never a clause alone
        if lemma == "accuse":
            # "accused the president of politicizing …": any short object before "of"
            k = next((m for m in range(v + 1, min(len(toks) - 1, v + 9)) if toks[m].low == "of" or not toks[m].text[:1].isalnum()), k)
        if lemma == "accuse" and k + 1 < len(toks) and toks[k].low == "of":
            return v + 1, toks[k + 1].start, False
    # adjuncts before "that": "said on Monday that", "said in a statement that",
    # "says at a campaign stop in Toledo, Ohio, that"
    m = k
    if k + 1 < len(toks) and toks[k].low.endswith("ly") and toks[k + 1].low == "that":
        m += 1  # "said explicitly that", "said repeatedly that"
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
        if m + 1 < len(toks) and (toks[m + 1].low in _AUXILIARIES or toks[m + 1].low in _IRREGULAR_PAST):
            # "that" before a verb: the clause's subject ("said that was a mistake"), or, after
            # a noun read as a verb, a relative ("Rust Belt states that have suffered …")
            if toks[v].low.endswith("s") and toks[v].low not in ("says", "tells", "asks"):
                return None
            start = toks[m].start
    elif lemma in _WITH_INFINITIVE and k > v + 1 and k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].low not in _DETERMINERS_AFTER_TO:
        start = toks[k].start  # "asked the candidates to discuss …", "urged him to resign" (not "… rotten to the core")
    elif lemma in _COMMITMENTS and k == v + 1 and k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].text[:1].islower():
        start = toks[k].start  # "has vowed to bring back the jobs", "promised to cut taxes"
    elif k < len(toks) and toks[k].text == ":" and k + 1 < len(toks):
        start = toks[k + 1].start  # "Trump tweeted: Crooked Hillary …"
    elif lemma == "say" and k == v + 1 and toks[k].low in _ANSWERS and (k + 1 == len(toks) or not toks[k + 1].text[:1].isalpha() or toks[k + 1].low in ("and", "in", "while")):
        start = toks[k].start  # "said yes", "said so in December"
    else:
        if k < len(toks) and toks[k].text == ",":
            k += 1  # "Mr. Clarke said, he decided …"
        if k < len(toks) and (
            (lemma in _THAT_OPTIONAL and _starts_clause(toks, k))
            or (lemma in _THAT_OPTIONAL_WITH_VERB and _starts_clause(toks, k) and _finite_verb_soon(toks, k))
        ):
            start = toks[k].start
        else:
            return None
    return v + 1, start, True




# Words that open a contrasting clause of the narrator's after a report: ", although he …".
# After a bare "but", the report's subject's second verb, told by the narrator.
_NARRATED_AUXILIARIES = frozenset("has have had did does hasn't haven't hadn't didn't doesn't".split())
_CONTRASTS = frozenset("but although though while whereas yet".split())
# The tokens at which _next_report may see a second report start.
_JOINS = frozenset({",", "and", "but", "while", "whereas"})


def _next_report(text: str, toks: list, start: int, e: int, inner: list[QuotedSpan]) -> int:
    """Where a reported clause from ``start`` ends: at the sentence's end, or before a second
    report that joins it — ", arguing that …", "— and he noted …", "and Democrats accused …",
    "but noted that …"."""
    k = bisect.bisect_left(toks, start, key=_START)  # (the first token from ``start`` on)
    for m in _where(toks, _JOINS, k + 2, len(toks) - 1):
        t = toks[m]
        if _inside_any(inner, t.start):
            continue
        if t.text == "," and toks[m + 1].low.endswith("ing") and toks[m + 1].low in _lemma_of() and _speech_verb(toks[m + 1].low):
            return t.start  # ", arguing that …"
        if t.text == "," and toks[m + 1].low in _CONTRASTS and m + 3 < len(toks) and (
            toks[m + 2].low in _SUBJECTS - {"there", "it", "this", "these", "those"}
            or (toks[m + 2].text[:1].isupper() and toks[m + 3].text[:1].islower() and toks[m + 3].text[:1].isalpha())
            or (toks[m + 1].low == "but" and (toks[m + 2].low in _PREPOSITIONS or toks[m + 2].low == "for"))  # ", but for Republicans, it is …"
        ):
            return t.start  # ", although he again refused …": the narrator's clause, not the report's
        if t.low in ("and", "but", "while", "whereas"):
            if t.low != "while" and _joined_stance(toks, m + 1):
                return t.start  # "… and defended the plan": the speaker's second report
            if t.low == "but" and toks[m + 1].low in _NARRATED_AUXILIARIES and toks[m - 1].text != ",":
                return t.start  # "Ayotte says she will vote for Trump but has withheld her endorsement"
            for n in range(m + 1, min(len(toks), m + 6)):
                u = toks[n]
                if is_reporting_verb(u.low) and u.text[:1].islower() and _speech_verb(u.low):
                    # "and he noted", "but noted", "and Democrats accused", "while Cruz said",
                    # "and 60 percent said": a subject (or none) then a reporting verb
                    between = toks[m + 1 : n]
                    if all(_subject_word(w) for w in between) and (
                        # (a bare "and" joins a second subject: "… and 60 percent said")
                        toks[m - 1].text in _INSERTION_MARKS or t.low == "but" or (between and between[0].low not in _BETWEEN_WORDS)
                        # "… and said …": the same speaker's second report, when it is one
                        or (t.low == "and" and not between and _joined_clause(toks[m : m + 8]) is not None)
                    ):
                        return toks[m - 1].start if toks[m - 1].text in (",", "\N{EM DASH}", "\N{EN DASH}", "-", "--") else t.start
                    break
    return e


def _joined_stance(toks: list, v: int) -> bool:
    """Is the token at ``v``, right after "and" or "but", a stance verb with an object ("and
    defended his record", "but criticized the plan", "and called the tax a gift")? Its
    subject is the sentence's: a second report."""
    if v + 1 >= len(toks):
        return False
    low, nxt = toks[v].low, toks[v + 1]
    if low not in _TOPIC_VERBS or low in _TOPIC_PLURAL or not toks[v].text[:1].islower():
        return False  # (not the plain form, which could be anything's: "and support")
    return nxt.text[:1].isalnum() and nxt.low not in _NOT_CLAUSE and nxt.low not in _NO_OBJECT


def _subject_word(w) -> bool:
    """Can the word be part of a short subject before a second report's verb ("Cruz", "he",
    "60 percent", "many others")?"""
    return w.text[:1].isupper() or w.text[:1].isdigit() or w.low in _SUBJECTS or w.low in _BETWEEN_WORDS or w.low in _SHARE_WORDS


_SHARE_WORDS = frozenset("percent many most some others other few all both".split())
_SUBJECT_REACH = 40  # tokens
_BETWEEN_WORDS = frozenset("also later then further again has had have".split())
_BEFORE_VERB = frozenset("has have had long not never repeatedly often previously".split())
_MONTHS = frozenset("january february march april june july august september october november december".split())
_TIME_NOUNS = frozenset("week weekend month year spring summer fall autumn winter morning evening".split())
_ARTICLES = frozenset("a an the".split())
# Words that open a clause inside a stretch: its subject follows them.
_SUBORDINATORS = frozenset("that while when whereas although though because since after before if where as".split())
_INSERTION_MARKS = frozenset(",\N{EM DASH}\N{EN DASH}\N{HORIZONTAL BAR}-")


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
    floor = j - _SUBJECT_REACH  # a subject is not longer than this: the scan stays bounded
    while m >= 0:
        if m < floor:
            return None
        t = toks[m]
        if t.text == ")":
            depth = 0
            while m >= max(0, floor):
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
        # no insertion closes before the verb: the subject is the last stretch, from after
        # a word that opens a clause in it ("While old Iowa political hands say",
        # "… is that 78 percent of voters said")
        a, b = parts[-1]
        opener = next((m for m in range(b - 1, a - 1, -1) if toks[m].low in _SUBORDINATORS), None)
        if opener is not None:
            return noun_core(toks, opener + 1, b, bare=True)
        if toks[a].low in ("but", "and", "yet", "so"):
            a += 1
        return noun_core(toks, a, _skip_bracket_back(toks, b), bare=len(parts) > 1)
    # an insertion closes before the verb: the subject is the first stretch that is a noun
    # phrase, after any opening phrase ("In a statement, one of the family's attorneys, …")
    for n, (a, b) in enumerate(parts[:-1]):
        if toks[a].low in ("but", "and", "yet", "so"):
            a += 1
        if n == 0 and a == 0 and _dateline(toks, a, b):
            continue  # "WASHINGTON -- President Obama, dedicating …, said": a dateline
        if a < b and (toks[a].low in _PREPOSITIONS or toks[a].low.endswith("ly")):
            continue
        core = noun_core(toks, a, _skip_bracket_back(toks, b))
        if core is not None and core.kind == "nominal":
            # "one of the club's lawyers, Nadia Petrova, said": the appositive names her
            na, nb = parts[n + 1]
            named = noun_phrase_after(toks, na)
            if named is not None and named.kind == "name" and named.j == nb and named.i == na:
                return NP(core.i, nb, "name", named.name, named.role, named.title)
        return core
    return None


def _dateline(toks: list, a: int, b: int) -> bool:
    """Are ``toks[a:b]`` a dateline's place in capitals ("WASHINGTON", "NEW YORK")?"""
    words = [t.text for t in toks[a:b] if t.text[:1].isalpha()]
    return bool(words) and all(len(w) > 1 and w.isupper() for w in words)


def _skip_bracket_back(toks: list, b: int) -> int:
    """The end of a stretch without the bracket that closes it: "Meeks (D-N.Y.)" -> "Meeks"."""
    if b > 0 and toks[b - 1].text == ")":
        m = b - 1
        while m >= 0 and toks[m].text != "(":
            m -= 1
        return m if m > 0 else b
    return b


def _appositive(toks: list, k: int) -> bool:
    """Are the tokens before the comma at ``k`` a name and its appositive ("Eva Lund, the
    former finance minister")?"""
    name = noun_phrase_after(toks, 0)
    if name is None or name.kind != "name" or name.j >= k or toks[name.j].text != ",":
        return False
    return noun_core(toks, name.j + 1, k, bare=True) is not None


_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())


def _owned(toks: list, j: int) -> bool:
    """Does a possessive stand right before token ``j``, or before an adjective there ("the
    town's report", "her repeated claim")?"""
    t = toks[j - 1]
    if _possessive_word(t) or t.low in _POSSESSIVE_PRONOUNS:
        return True
    return j > 1 and t.text[:1].islower() and (_possessive_word(toks[j - 2]) or toks[j - 2].low in _POSSESSIVE_PRONOUNS)


def _possessive_word(t) -> bool:
    return t.low.endswith(("'s", "\N{RIGHT SINGLE QUOTATION MARK}s")) and len(t.low) > 2


def _verb_subject(toks: list, v: int, participle: bool, progressive: bool) -> NP | None:
    """The subject of the verb at ``v``: the clause's for a participle after a comma ("…,
    praising the mayor"), the one before the auxiliary for a progressive ("Berg is touting"),
    else the one right before it."""
    if participle:
        return clause_subject_before(toks, v - 1) or _sentence_subject(toks, v - 1)
    return _subject_of(toks, v - 1 if progressive else v)


def _back_over_time(toks: list, before: int) -> int:
    """Back over a time between a subject and its verb ("the Supreme Court this month
    rejected", "Wells Fargo just this month announced")."""
    if before >= 3 and toks[before - 1].low in _TIME_NOUNS and toks[before - 2].low in ("this", "last", "next"):
        return _back_over_adverbs(toks, before - 2)
    return before


def _subject_of(toks: list, v: int) -> NP | None:
    """The subject of the verb at ``v``, by the short reader or the whole-phrase one."""
    before = _back_over_time(toks, _back_over_adverbs(toks, v))
    if before > 0 and _possessive_word(toks[before - 1]):
        return None  # "the senator's questions": a noun after a possessive, not a verb
    return _or_whole_subject(noun_phrase_before(toks, before), toks, v, before)


def _or_whole_subject(subject: NP | None, toks: list, v: int, before: int) -> NP | None:
    """``subject`` (a short reader's) or, when it found none, the whole phrase ending at token
    ``before`` as the subject of the verb at ``v`` (not for a capitalised verb, a noun or a
    headline's: "Secretary of State", "Trump Says")."""
    if subject is None and toks[v].text[:1].islower():
        subject = _clause_subject(toks, before)
    return subject


_CALLED = frozenset({"called", "calling", "calls"})
# Words after "called" (or "called him") that make it no judgement: "called back", "called him to".
_NOT_CALLED = frozenset("back up out off in to and or at on".split())


def _named_as(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Clinton called half of Trump's supporters “deplorables”", "The campaign called the
    charges unsubstantiated": a judgement in someone's words, the rest of the clause."""
    # (to the second last token: the judgement may be a quotation, which ``toks`` leaves out)
    for v in _where(toks, _CALLED, 1, len(toks) - 1):
        participle = toks[v].low == "calling"
        comma = toks[v - 1].text == ","
        if (participle and not (comma or toks[v - 1].low == "and")) or toks[v - 1].low in _BE:
            continue  # "was called", "is calling": a name given, not a judgement
        if not participle and comma and not _appositive_subject(toks, v):
            continue  # "a group, called …": a name given; but "Carson, speaking in Iowa, called …"
        nxt = toks[v + 1].low
        person = nxt in ("him", "her", "them", "it") and (
            (v + 2 < len(toks) and toks[v + 2].text[:1].isalnum() and toks[v + 2].low not in _NOT_CALLED)
            # "calling him “a stiff.”", "calls it “the pearl” on the …": a quotation right after it
            or _quote_starts(inner, toks[v + 1].end, toks[v + 2].start if v + 2 < len(toks) else e)
        )
        if (nxt in _NOT_CLAUSE and not person) or nxt in _NOT_CALLED:
            continue  # "called for …", "called on …", "called back", "called him back"
        if toks[v - 1].low == "so":
            continue  # "the so called “Implementation Initiative”"
        if toks[v].low == "calls" and not (person or toks[v + 1].text[:1].isupper() or nxt in _CLAUSE_START):
            continue  # "The phone calls came at night": a noun; "the paper calls it “the pearl”"
        # "Trump went after Bush, calling him “a total stiff.”": the sentence's subject judges
        subject = clause_subject_before(toks, v - 1) if participle else _subject_of(toks, v)
        if subject is None or (subject.kind == "pronoun" and toks[subject.i].low == "it"):
            continue
        if subject.kind == "nominal" and subject.name is None and toks[subject.i].low in ("a", "an") and (
            toks[v + 1].text[:1].isupper() or _quote_starts(inner, toks[v].end, e + 1)
        ):
            continue  # "a group called Citizens for Trump": a name given, not a judgement
        end = _clause_end(toks, v + 2, e, inner, ",;", frozenset())
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        return _make(text, toks[v + 1].start, end, found, inner, short=participle)
    return None


def _appositive_subject(toks: list, v: int) -> bool:
    """Does a name and an insertion between commas come right before the verb at ``v`` ("America
    Rising, a conservative PAC, called …", "Ben Carson, speaking in Iowa, called …")?"""
    subject = noun_phrase_before(toks, v)
    return subject is not None and subject.kind == "name" and subject.j < v - 1


# Verbs that report what a study, a poll or an inquiry found: "that" after them, or any
# clause or object when their subject is a record of some kind (``_EVIDENCE``).
_FINDINGS = frozenset("show shows showed shown find finds found".split())
# Words for records and counts whose findings are reported: "A CBS poll showed a slimmer lead".
_EVIDENCE = frozenset(
    """poll polls polling survey surveys data video videos footage email emails post results
    documents records figures numbers analysis study report inquiry investigation math tally
    count audit review filings average photo photos image images recording tape slide chart
    reports studies analyses averages audits reviews recordings tapes charts""".split()
)


def _finding(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "A Bloomberg poll shows that …", "The inquiry found that …", "A CBS poll showed a
    slimmer lead for Clinton", "…, fundraising documents show." """
    records = _names_records(toks)
    for v in _where(toks, _FINDINGS, 1, len(toks) - 1):
        if not records and toks[v + 1].low != "that":
            continue  # no record to be the subject, no "that": the subject need not be read
        subject = _subject_of(toks, v) or _evidence_before(toks, v)
        evidence = subject is not None and any(t.low in _EVIDENCE for t in toks[subject.i : subject.j])
        if not evidence and toks[v + 1].low != "that":
            # (the phrase before the verb may end a long record's qualifier: "A USA TODAY
            # analysis of super PACs that have raised … since Jan. 1, 2015, shows …")
            subject = _record_subject(toks, v) or subject
            evidence = subject is not None and subject.role in _EVIDENCE
        if subject is None or subject.kind == "pronoun":
            continue  # "he found that the door was locked": what one saw, not a report
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        if v + 1 < len(toks) and toks[v + 1].low == "that":
            return _make(text, toks[v + 1].end, e, found, inner)
        if not evidence:
            continue
        if v + 1 < len(toks) and toks[v + 1].text[:1].isalnum() and (toks[v + 1].low not in _NOT_CLAUSE or toks[v + 1].low in _PERSONS):
            return _make(text, toks[v + 1].start, _clause_end(toks, v + 2, e, inner, ";", frozenset()), found, inner)
        if subject.i > 1 and toks[subject.i - 1].text == "," and all(not t.text[:1].isalnum() for t in toks[v + 1 :]):
            return _make(text, s, toks[subject.i - 1].start, found, inner)  # "…, documents show."
    return None


_PERSONS = frozenset("him her them".split())


def _names_records(toks: list) -> bool:
    """Does the sentence hold a word for records (``_EVIDENCE``)? Without one, a finding is
    only "… found that …": what follows the verb is checked before its subject is read."""
    return not _EVIDENCE.isdisjoint(map(_LOW, toks))


def _record_subject(toks: list, v: int) -> NP | None:
    """A record that opens the sentence, however long what qualifies it before the verb at
    ``v``: "A USA TODAY analysis of super PACs that have raised $1 million or more since Jan.
    1, 2015, shows …", "The RealClearPolitics average of polls taken over two weeks shows …"."""
    for h in range(0, min(v, 7)):
        t = toks[h]
        if t.low in _EVIDENCE:
            return NP(0, h + 1, "nominal", None, t.low)
        if not (t.text[:1].isalnum() or t.text in ("-", "/")) or t.low in _CLAUSE_WORDS:
            return None
    return None


def _evidence_before(toks: list, v: int) -> NP | None:
    """A plain noun phrase of records before a verb: "Exit polling", "fundraising documents"."""
    i = v
    while i > 0 and v - i < 5 and toks[i - 1].text[:1].isalpha() and toks[i - 1].low not in _NOT_CLAUSE:
        i -= 1
    if i < v and toks[v - 1].low in _EVIDENCE:
        return NP(i, v, "nominal", None, toks[v - 1].low)
    return None


def _verb_forms(lemmas: str) -> dict[str, str]:
    """Past and third-person forms of regular verbs: "cite" -> cites, cited."""
    forms = {}
    for lemma in lemmas.split():
        if lemma.endswith("e"):
            past, third = lemma + "d", lemma + "s"
        elif lemma.endswith("y") and lemma[-2] not in "aeiou":
            past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
        elif lemma.endswith(("s", "sh", "ch")):
            past, third = lemma + "ed", lemma + "es"
        else:
            past, third = lemma + "ed", lemma + "s"
        forms[past] = forms[third] = lemma
    return forms


# Verbs of speech whose object names what was said: "Clinton mentioned the remarks Trump had
# made", "the senator criticized the Affordable Care Act as a crazy system".
_TOPIC_VERBS = _verb_forms(
    """acknowledge announce applaud blast cite condemn criticize criticise decry defend deny
    describe detail disclose discuss dismiss dispute emphasize emphasise endorse highlight
    lament mention outline praise propose question recount reiterate reject slam stress tout"""
)
# Verbs of a stance taken in words, whose object is what it is about: "Trump attacked the
# judge's ruling", "Bush endorsed Cruz", "Sanders thanked his supporters".
_TOPIC_VERBS.update(
    _verb_forms(
        """support oppose attack blame mock thank welcome hail champion ridicule rebuke
        chide scold fault bash assail denounce lambaste excoriate castigate"""
    )
)
_TOPIC_VERBS.update({"backed": "back", "backs": "back"})
_TOPIC_VERBS.update(_verb_forms("echo reference invoke recommend"))
_NO_OBJECT = frozenset("that whether if and or but because while although though when most more".split())
# a wish and its object ("Palestinians want East Jerusalem"; with "to", an intention's)
_TOPIC_VERBS.update(_verb_forms("want prefer favor"))
_TOPIC_VERBS.update({"preferred": "prefer"})
del _TOPIC_VERBS["prefered"]
# their plain present after a plural subject: "Two-thirds support reducing …" (``_plural_present``)
# (not those whose plain form is more often a noun or a particle: "the Paris attack", "goes back")
_TOPIC_PLURAL = frozenset(_TOPIC_VERBS.values()) - frozenset("back fault attack champion echo reference detail outline".split())
_TOPIC_VERBS.update({w: w for w in _TOPIC_PLURAL})
_CLAUSE_END = frozenset("but because while although though whereas since before after when".split())


def _clause_end(
    toks: list, k: int, e: int, inner: list[QuotedSpan], marks: str = ",;:", words: frozenset[str] = _CLAUSE_END
) -> int:
    """Where the clause that goes on at token ``k`` ends: at the first of ``marks`` or ``words``
    outside a quotation, else at ``e``."""
    return next((t.start for t in toks[k:] if (t.text in marks or t.low in words) and not _inside_any(inner, t.start)), e)


# The -ing forms of the topic verbs, read only in a progressive ("is touting his record") or a
# participle after a comma ("…, praising the mayor").
_TOPIC_ING = {inflect(lemma)[3]: lemma for lemma in set(_TOPIC_VERBS.values())}
_TOPIC_ING.update({"slamming": "slam", "backing": "back"})
# -ing forms that also follow a noun as a reduced relative: "a super PAC supporting Bush".
_STANCES_ING = frozenset("supporting backing opposing endorsing".split())


@functools.cache
def _topic_words() -> frozenset[str]:
    """The words ``_topic`` reads as verbs (a set: a sentence's words are checked against it)."""
    return frozenset(_TOPIC_VERBS) | frozenset(_TOPIC_ING)


def _topic(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Clinton mentioned disparaging remarks Trump had made about Machado": a speech verb
    and the object that names what was said, up to the end of the clause."""
    for v in _where(toks, _topic_words(), 1, len(toks) - 3):
        low = toks[v].low
        ing = low in _TOPIC_ING
        progressive = ing and toks[v - 1].low in _BE  # "Trump is touting his record"
        participle = ing and toks[v - 1].text == ","  # "…, praising the mayor"
        # "a super PAC supporting Jeb Bush", "groups backing Cruz": a noun and its stance
        reduced = ing and low in _STANCES_ING and not (progressive or participle) and toks[v - 1].text[:1].isalnum()
        if not toks[v].text[:1].islower() or (ing and not (progressive or participle or reduced)) or (not ing and toks[v - 1].low in _BE):
            continue  # "was described as unsafe": not the speaker's verb
        nxt = toks[v + 1]
        # "stressed her support"; "applauded him for defying the establishment"
        determiner = (nxt.low == "her" and toks[v + 2].text[:1].isalnum()) or (nxt.low in ("him", "her", "them") and toks[v + 2].low == "for")
        if (nxt.low in _NOT_CLAUSE and not determiner) or nxt.low in _NO_OBJECT or not nxt.text[:1].isalnum():
            continue  # clauses are the complement rule's; "denied it" says too little; "what
            # they want and …", "the papers she wanted because …": its object is before it
        if reduced and toks[v - 1].low in ("before", "after", "while", "by"):
            subject = _sentence_subject(toks, v - 1)  # "had endorsed Graham before backing Rubio"
        elif reduced:
            subject = noun_phrase_before(toks, v)
            if subject is not None and (subject.kind == "pronoun" or subject.j != v):
                subject = None
        else:
            subject = _verb_subject(toks, v, participle, progressive)
        if subject is None or (subject.kind == "pronoun" and toks[subject.i].low == "it"):
            continue
        if low in _TOPIC_PLURAL and not _plural_present(toks, v, subject):
            continue  # "will discuss", "the support of": no present verb of a plural subject
        if subject.kind == "nominal" and subject.name is None and low.endswith("s") and not low.endswith("ed"):
            continue  # "the senator's questions about …": a noun, not a verb
        if subject.i > 0 and toks[subject.i - 1].low in reporting_verbs():
            continue  # "saying he wants a diverse delegation": what a report says, the report's
        end = _clause_end(toks, v + 2, e, inner)
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        # (what was praised or criticised may be a name or two words: "endorsed Cruz")
        return _make(text, nxt.start, end, found, inner, short=True)
    return None


# Verbs of an intention or a refusal, reported with their infinitive: "Clinton wants to sign up
# five million people", "declined to comment", "sought to clarify the remarks".
_INTENTIONS = {
    **_verb_forms("want plan offer decline refuse intend aim"),
    **{"sought": "seek", "seeks": "seek", "planned": "plan", "plans": "plan"},
    # in a progressive only: "is seeking to", "is planning to"
    **{"seeking": "seek", "planning": "plan", "looking": "look", "refusing": "refuse"},
    "like": "like",  # after "would" only: "Clinton would like to see …"
}
_INTENTIONS_ING = frozenset(w for w in _INTENTIONS if w.endswith("ing"))
# The plain present after a plural subject: "Most Democrats want to keep the White House".
_INTENTIONS_PLURAL = frozenset("want plan intend aim seek refuse decline".split())
_INTENTIONS.update({w: w for w in _INTENTIONS_PLURAL})


@functools.cache
def _intention_words() -> frozenset[str]:
    """The words ``_intention`` reads as verbs."""
    return frozenset(_INTENTIONS)


def _intention(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Clinton wants to sign up five million people", "The campaign declined to comment" """
    for v in _where(toks, _intention_words(), 1, len(toks) - 2):
        progressive = toks[v].low in _INTENTIONS_ING
        if not toks[v].text[:1].islower() or (toks[v - 1].low in _BE) != progressive or toks[v + 1].low != "to":
            continue  # "was offered to …"; "seeking to" only in a progressive
        if toks[v].low == "like" and toks[v - 1].low not in ("would", "'d", "\N{RIGHT SINGLE QUOTATION MARK}d"):
            continue  # "like to" says a wish only after "would"
        if not toks[v + 2].text[:1].isalpha() or toks[v + 2].low in _DETERMINERS_AFTER_TO:
            continue  # "offered to the court", "plans to the board": no infinitive
        subject = _subject_of(toks, v - 1 if progressive else v)
        if subject is None or (subject.kind == "pronoun" and toks[subject.i].low == "it"):
            continue
        if toks[v].low in _INTENTIONS_PLURAL and not _plural_present(toks, v, subject):
            continue  # "a plan to …", "will want to": no present verb of a plural subject
        if subject.kind == "nominal" and subject.name is None and toks[v].low.endswith("s") and not toks[v].low.endswith("ed"):
            continue  # "the administration's plans to …": a noun, not a verb
        end = _clause_end(toks, v + 2, e, inner)
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        return _make(text, toks[v + 1].start, end, found, inner, short=True)
    return None


_PLURAL_PRONOUNS = frozenset("i we they you".split())


def _plural_present(toks: list, v: int, subject: NP) -> bool:
    """Is the plain verb at ``v`` ("want", "support") the present tense of its ``subject``
    right before it, a plural one ("Most Democrats want", "Two-thirds support", "they want")?
    Not after a modal, "to" or a determiner ("will want", "a plan to"), which leave it a noun
    or an infinitive that says nothing was said."""
    if any(t.low in _MODAL_WORDS for t in toks[subject.j : v]) or toks[v - 1].low in _NOT_BEFORE_PRESENT or (
        subject.i > 0 and toks[subject.i - 1].low in ("do", "does", "did")
    ):
        return False  # "will want", "to support", "a plan"; a question: "Do you support …?"
    if subject.kind == "pronoun":
        return toks[subject.i].low in _PLURAL_PRONOUNS
    # the head: the last word before a preposition ("farmers in the valley", "Six in 10 voters")
    head = next((k for k in range(subject.i + 1, subject.j) if toks[k].low in _HEAD_ENDS), subject.j) - 1
    low = toks[head].low
    if low in _PLURAL_QUANTITIES or low[:1].isdigit() or low.endswith("men"):
        return True  # (and plurals without -s: "women", "people")
    return low.endswith("s") and not low.endswith(("'s", "\N{RIGHT SINGLE QUOTATION MARK}s", "ss"))


_MODAL_WORDS = frozenset("will would can could should may might must shall to do does did".split())
_NOT_BEFORE_PRESENT = _MODAL_WORDS | frozenset("not the a an his her its their our my your this that".split())
_HEAD_ENDS = frozenset("of in from at across under over with on among".split())
_PLURAL_QUANTITIES = frozenset(
    "two three four five six seven eight nine ten most many some all both few percent majority half people children police".split()
)


_DETERMINERS_AFTER_TO = frozenset("the a an his her their its our my your this that these those".split())


# Nouns of a statement that a possessive names the maker of: "Trump's claim that …".
_CLAIMS = frozenset(
    """claim claims assertion assertions argument suggestion statement promise pledge vow
    insistence contention warning charge charges accusation accusations allegation
    allegations""".split()
)


def _claim_of(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Politifact seized on Trump's claim that there have been “thousands of shootings”",
    "her repeated assertion that she never sent …": a possessor's statement, its clause."""
    for v in _where(toks, _CLAIMS, 1, len(toks) - 2):
        if toks[v + 1].low != "that":
            continue
        p = v - 1
        if p > 0 and toks[p].text[:1].islower() and not _possessive_word(toks[p]) and toks[p].low not in ("his", "her", "their"):
            p -= 1  # "Trump's repeated claim"
        owner = toks[p]
        if owner.low in ("his", "her", "their"):
            subject = NP(p, p + 1, "pronoun")
        elif _possessive_word(owner) or owner.text in ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s"):
            end = p + 1 if _possessive_word(owner) else p
            subject = noun_phrase_before(toks, end) if end == p else noun_phrase_after(toks, _start_of_name(toks, p))
            if subject is None:
                continue
        else:
            continue
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        return _make(text, toks[v + 1].end, _clause_end(toks, v + 2, e, inner, ";", frozenset()), found, inner)
    return None


def _start_of_name(toks: list, p: int) -> int:
    """The first of the capitalised words that end with the possessive at ``p``."""
    i = p
    while i > 0 and toks[i - 1].text[:1].isupper():
        i -= 1
    return i


# Verbs of speech that name their topic after "about" or "of": "complained about his mic".
_ABOUT_VERBS = _verb_forms("complain talk speak testify joke boast brag warn ask write tweet rant comment")
_ABOUT_VERBS.update({"spoke": "speak", "wrote": "write", "spoken": "speak", "written": "write"})
# Words that open a question reported as such: "asked whether the deals …".
_WH = frozenset("whether if what how why who when where which".split())
_ASKING = frozenset("ask question wonder say explain know tell".split())


@functools.cache
def _about_words() -> frozenset[str]:
    """The words ``_about`` reads as verbs: those with a lemma there."""
    return frozenset(_ABOUT_VERBS) | frozenset(_lemma_of())


def _about(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "The nominee complained about his mic", "She spoke about her ties to the church",
    "Lawmakers also asked whether the deals required …" """
    lemma_of = _lemma_of()
    for v in _where(toks, _about_words(), 1, len(toks) - 3):
        low = toks[v].low
        lemma = _ABOUT_VERBS.get(low) or lemma_of.get(low)
        if lemma is None or not toks[v].text[:1].islower() or toks[v - 1].low in _BE:
            continue
        k = v + 1
        if toks[k].low in ("out", "up") and lemma in ("speak", "write"):
            k += 1  # "spoke out about"
        if lemma == "ask":
            k = _after_object(toks, k)  # "asked the students if …", "asked Trump about …"
        if low in _ABOUT_VERBS and toks[k].low in ("about", "of") and toks[k + 1].text[:1].isalnum():
            start = toks[k + 1].start
        elif lemma in _ASKING and toks[k].low in _WH and toks[k + 1].text[:1].isalnum() and toks[k].low != "which":
            start = toks[k].start
        else:
            continue
        subject = _subject_of(toks, v)
        if subject is None or (subject.kind == "pronoun" and toks[subject.i].low == "it"):
            continue
        end = _clause_end(toks, k + 2, e, inner) if start != toks[k].start else e
        found = _found(toks, (v, v + 1), subject, "X said that", text)
        return _make(text, start, end, found, inner)
    return None


_OBJECT_REACH = 7  # tokens


def _after_object(toks: list, k: int) -> int:
    """Where the question starts after the one asked, read from token ``k``: past "the
    students", "Sanders", "former Attorney General Eric Holder", "him" to "whether", "if",
    "about" … (``k`` itself when no such object and question follow)."""
    if toks[k].low in _WH or toks[k].low == "about":
        return k
    if not (toks[k].low in ("him", "her", "them", "me", "us") or toks[k].text[:1].isupper() or toks[k].low in _CLAUSE_START):
        return k
    for m in range(k + 1, min(len(toks) - 1, k + _OBJECT_REACH)):
        t = toks[m]
        if t.low in _WH or t.low == "about":
            return m if t.low != "which" else k
        if not t.text[:1].isalnum() or t.low in _NOT_CLAUSE or t.low in _SUBJECTS:
            return k
    return k


def _asked_by(text: str, s: int, e: int, toks: list, inner: list[QuotedSpan]) -> Reported | None:
    """ "Asked by Starnes if he believed …, Carson said …", "Sanders was asked by host John
    Dickerson whether his aim was …": the one who asked is the speaker of the question."""
    for v in _where(toks, _ASKED, 0, len(toks) - 4):
        if toks[v + 1].low != "by" or not (v == 0 or toks[v - 1].low in _BE or toks[v - 1].text == "," or toks[v - 1].low == "when"):
            continue
        agent = noun_phrase_after(toks, v + 2)
        if agent is None or agent.kind == "pronoun" or agent.j >= len(toks) - 1:
            continue
        k = agent.j
        if toks[k].low in _WH and toks[k].low != "which" and toks[k + 1].text[:1].isalnum():
            start = toks[k].start
        elif toks[k].low in ("about", "to") and toks[k + 1].text[:1].isalnum():
            start = toks[k + 1].start if toks[k].low == "about" else toks[k].start  # "to respond to …"
        else:
            continue
        found = _found(toks, (v, v + 1), agent, "X said that", text)
        return _make(text, start, _clause_end(toks, k + 1, e, inner, ",;:", frozenset()), found, inner)
    return None


_ASKED = frozenset({"asked"})


def _window(text: str, whole: list, starts: list[int], start: int, end: int) -> list:
    """``tokens(text, start, end)``, from the tokens ``whole`` of a longer stretch (``starts``:
    their starts) in which one token starts at ``start``: those before ``end``, the last one
    read again when ``end`` cuts it."""
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, i)
    window = whole[i:j]
    if window and window[-1].end > end:
        window[-1:] = tokens(text, window[-1].start, end)
    return window


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
    # "told The Huffington Post that", "told a local radio station that", "told a crowded
    # banquet hall at a hotel in downtown Baltimore that"; "told a news conference they are …"
    for m in range(k + 1, min(len(toks), k + _OBJECT_WORDS)):
        if toks[m].low == "that":
            return NP(k, m, "nominal")
        if m > k + 1 and toks[m].low in _INVERTED_PRONOUNS and m + 1 < len(toks) and toks[m + 1].text[:1].islower() and toks[m + 1].text[:1].isalpha():
            return NP(k, m, "nominal")
        if m > k and toks[m - 1].text[:1].isupper() and toks[m].low in _CLAUSE_START and _finite_verb_soon(toks, m + 1):
            return NP(k, m, "nominal")  # "told the AP her group never worked with …"
        if not (plain_word(toks[m]) or toks[m].text[:1].isupper()):
            break
    return None


_OBJECT_WORDS = 13  # how far "that" may follow the one told


def _title_case(toks: list) -> bool:
    """Is the sentence a headline in title case ("Trump Says He Will Win")?"""
    words = [t.text for t in toks if t.text[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


_AUXILIARIES = frozenset("is are was were has have had will would can could may might must shall should does did".split())


def _finite_verb_soon(toks: list, k: int) -> bool:
    """Is there a finite verb (an auxiliary, or a past form after the first word) between token
    ``k`` and the next punctuation, within a dozen words?"""
    for m in range(k, min(len(toks), k + 12)):
        t = toks[m]
        if not t.text[:1].isalnum():
            return False
        if t.low in _AUXILIARIES or (m > k and t.text[:1].islower() and (t.low.endswith("ed") or t.low in _IRREGULAR_PAST)):
            return True
    return False


# Past forms without -ed, as finite verbs of a clause: "she began saying the prayer".
_IRREGULAR_PAST = frozenset(
    """began became brought bought came chose fell felt found gave got grew held kept knew led
    left lost made meant met paid ran saw sent spent spoke stood took thought told understood
    went won wrote""".split()
)


_SHARES = _NUMBER_WORDS | {"half", "a"}


def _starts_clause(toks: list, k: int) -> bool:
    """Could a clause start at token ``k`` (after a verb that may drop "that")? Not where an
    adjunct, an object or punctuation follows the verb: "said on Monday", "said nothing"."""
    t = toks[k]
    if t.low in _AUXILIARIES and toks[k - 1].text != ",":
        return False  # "New York state is shortchanging …": "state" was a noun
    if t.low in _SUBJECTS or t.low in _CLAUSE_START or (t.low in titles() and t.text[:1].isupper()):
        return True  # (a title opens a name: "say Mrs. Clinton's advantage …")
    if t.low in _WEEKDAYS or t.low in _MONTHS:
        # "said Friday after the meeting": a time, not a subject; "said Friday the plan …"
        return k + 1 < len(toks) and _starts_clause(toks, k + 1)
    if k + 1 < len(toks) and t.low == "too" and toks[k + 1].low in ("much", "many", "few", "little"):
        return True  # "says too much is made of …"
    if k + 1 < len(toks) and t.low in _APPROXIMATELY and (toks[k + 1].text[:1].isdigit() or toks[k + 1].low in _SHARES):
        return True  # "said about half of the adjustment reflected …": a share, not a topic
    if len(t.text) == 1 and t.text.isupper() and k + 2 < len(toks) and toks[k + 1].text == "." and toks[k + 2].text[:1].isupper():
        return True  # an initialism: "says U.S. forces …"
    if not t.text[:1].isalnum() or t.low in _NOT_CLAUSE or t.low.endswith("ly") or t.low in _NARRATOR_GOES_ON:
        return False

    if k + 2 < len(toks) and t.low.endswith("s") and toks[k + 1].text in _APOSTROPHES and toks[k + 1].start == t.end:
        return toks[k + 2].text[:1].isalnum()  # a plural's possessive: "said Sanders' arguments …"
    return k + 1 < len(toks) and toks[k + 1].text[:1].isalnum()
