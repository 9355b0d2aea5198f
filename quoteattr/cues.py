"""Stage 4 — the reporting cue next to a quote, and the words it points to as the speaker.

The narration on either side of a quote is split into small tokens and read with a few
hand-written patterns, one function each:

* after the quote: ``said Shoigu`` / ``– said the Minister of defence of France`` /
  ``cried she`` (inverted), ``Shoigu said`` / ``he told reporters`` / ``X, a doctor, said``,
  ``according to X``;
* before the quote: ``Shoigu said: “…`` / ``He added, “…`` / ``X told reporters on Monday: “…``,
  ``Shoigu: “…``, ``According to X, “…``, ``said Mr. Bennet, “…``.

A speaker is a noun phrase: a pronoun, a name (with titles, initials and particles:
"Rep. G.K. Butterfield", "Jean-Yves Le Drian"), or a nominal built on a role noun
("the Minister of defence of France", "his wife", "the guest").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import regex

from .lexicon import first_names, gesture_verbs, not_names, reporting_verbs, roles, thought_verbs, titles
from .model import Cue, Mention

_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['\N{RIGHT SINGLE QUOTATION MARK}\-][\p{L}\p{N}]+)*|\S")
# ``_TOKEN`` for ASCII text, run by the standard re (a quarter faster there): the ASCII letters
# and digits are its [\p{L}\p{N}], and the regex module's \S matches all ASCII but these six
# (\x1c-\x1f too, which the standard \s would take for space)
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*|[^\t\n\x0b\x0c\r ]")

SUBJECT_PRONOUNS = frozenset("he she they i we you it".split())
_INVERTED_PRONOUNS = frozenset("he she they i we".split())
_DETERMINERS = frozenset("the a an his her their its my our your this that one another".split())
_PARTICLES = frozenset("de del della der den di du da la le van von bin al el y st".split())
_DASHES = frozenset("-\N{EN DASH}\N{EM DASH}\N{HORIZONTAL BAR}")
# Words that end a noun phrase read forwards (a clause or an adjunct begins).
_NP_STOP = frozenset(
    """at in on during after before when while as to from with without who which that because
    about adding saying and but or for if by into over than through under until since
    yesterday today tonight tomorrow later earlier then why how where whether although
    though unless""".split()
)
_STOP_OR_DETERMINER = _NP_STOP | _DETERMINERS


class Tok(NamedTuple):
    """A token of a narration window: its text, lower-cased text and offsets."""

    text: str
    low: str
    start: int
    end: int


class NP(NamedTuple):
    """A noun phrase over tokens ``[i, j)``; ``name`` is the token range of its name part."""

    i: int
    j: int
    kind: str
    name: tuple[int, int] | None = None
    role: str | None = None
    title: str | None = None


class Found(NamedTuple):
    """A cue and the mention it points to; ``rule`` names the pattern that matched."""

    cue: Cue
    mention: Mention
    rule: str
    name: tuple[int, int] | None  # the part of the mention that is a name, if any
    role: str | None  # the role noun of a nominal mention, if any
    title: str | None  # the title before the name ("mrs"), if any
    # the relative pronoun that is the verb's own subject ("Cruz, who has called …"), if any
    relative: tuple[int, int] | None = None


_new_tuple = tuple.__new__  # a Tok without the Python-level ``__new__`` of a NamedTuple


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``text[start:end]`` with absolute offsets."""
    pattern = _ASCII_TOKEN if text[start:end].isascii() else _TOKEN
    return [
        _new_tuple(Tok, (word, word.lower(), a, b))
        for m in pattern.finditer(text, start, end)
        for word, (a, b) in ((m[0], m.span()),)
    ]


@functools.cache
def _speech_forms() -> frozenset[str]:
    forms = set(reporting_verbs())
    forms |= {f for f in thought_verbs() if f in ("thought", "thinks", "wondered")}
    return frozenset(f for f in forms if not f.endswith("ing"))


def is_reporting_verb(low: str) -> bool:
    return low in _speech_forms()


@functools.cache
def _tag_forms() -> frozenset[str]:
    return _speech_forms() | frozenset(f for f in gesture_verbs() if not f.endswith("ing"))


def is_dialogue_tag(low: str) -> bool:
    """A reporting verb, or a gesture that tags dialogue when it follows a quote ("she smiled")."""
    return low in _tag_forms()


def _is_cap(tok: Tok) -> bool:
    return tok.text[:1].isupper()


def _is_title(toks: list[Tok], i: int) -> bool:
    return toks[i].low in titles() and _is_cap(toks[i]) and i + 1 < len(toks)


def _skip_period(toks: list[Tok], i: int) -> int:
    return i + 1 if i < len(toks) and toks[i].text == "." else i


def _name_forward(toks: list[Tok], i: int, *, titled: bool, after_verb: bool = False) -> int:
    """The end of a run of name words starting at ``i`` (``i`` itself if there is none).

    After a title or a reporting verb ("Mr. Marvel", "said Marvel") the first capitalised word
    is a name even when it is also a verb."""
    j = i
    n = min(len(toks), i + 6)  # at most six words (an initial's full stop may be a seventh)
    while j < n:
        t = toks[j]
        first = t.text[:1]
        if first.isupper() and first.isalpha():
            if j == i and not titled and (t.low in not_names() or (_adverb_like(t.low) and not _before_verb(toks, j, after_verb))):
                break
            if t.low in _speech_forms() and (j > i or not (titled or after_verb)):
                break  # a title-case headline: "…, White House Doctor Says"
            if len(t.text) == 1 and j + 1 < len(toks) and toks[j + 1].text == ".":
                j += 2  # an initial: "G." in "G.K. Butterfield"
                continue
            j += 1
        elif t.low in _PARTICLES and (j > i or titled or after_verb) and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
            j += 1  # "de Worms", "Mr. de Worms"
        elif (
            t.low in _PARTICLES and (j > i or titled or after_verb) and j + 2 < len(toks) and toks[j + 1].low in _PARTICLES
            and toks[j + 2].text[:1].isupper()
        ):
            j += 2  # "van der Luyden"
        else:
            break
    return j


def _adverb_like(low: str) -> bool:
    """ "Presently", "Suddenly": a capitalised adverb opening a sentence, not a name; so is a
    participle ("Recovering himself", "Delighted by the effect")."""
    return low.endswith(("ly", "ing", "ed")) and low not in first_names()


def _before_verb(toks: list[Tok], j: int, after_verb: bool) -> bool:
    """Does the capitalised "-ly" word at ``j`` stand where a name does: right after a
    reporting verb or right before one ("said Kelly", "Jolly said")?"""
    return after_verb or (j + 1 < len(toks) and is_reporting_verb(toks[j + 1].low))


# Words that may stand before a name after a reporting verb: "said little Amy", "cried poor Tom".
_EPITHETS = frozenset("little old young poor dear good big".split())


def noun_phrase_after(toks: list[Tok], i: int, *, after_verb: bool = False) -> NP | None:
    """A speaker noun phrase starting at token ``i`` (``after_verb``: right after "said")."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    if t.low in SUBJECT_PRONOUNS:
        return NP(i, i + 1, "pronoun")
    if after_verb and t.low in _EPITHETS and i + 1 < n and toks[i + 1].text[:1].isupper():
        # "added little Amy", "said old Cotter": a fond or plain epithet before the name
        named = _titled_name(toks, i + 1, after_verb=True)
        if named is not None:
            return NP(i, named.j, named.kind, named.name, named.role, named.title)
    # a name (titled or not) starts with a capital: _titled_name finds none at a lower-case word
    named = _titled_name(toks, i, after_verb=after_verb) if t.text[:1].isupper() else None
    nominal = _nominal(toks, i)
    if nominal is not None and (named is None or nominal.j > named.j):
        return nominal
    return named


def _titled_name(toks: list[Tok], i: int, *, after_verb: bool = False) -> NP | None:
    """ "Mr. Bennet", "Sergei Shoigu", "Rep. G.K. Butterfield" """
    n = len(toks)
    j = i
    title = None
    known = titles()
    # _is_title, inline: a capitalised title with a word after it
    while j + 1 < n and toks[j].low in known and toks[j].text[:1].isupper():
        title = title or toks[j].low
        j = _skip_period(toks, j + 1)
    end = _name_forward(toks, j, titled=j > i, after_verb=after_verb)
    if end > j:
        # "the Herald's Tomas Berg": the person is named after the possessive
        owner = next((k for k in range(end - 2, j - 1, -1) if _possessive(toks[k])), None)
        first = j if owner is None else owner + 1
        return NP(i, end, "name", (first, end), title if title in roles() else None, title)
    return None


def _nominal(toks: list[Tok], i: int) -> NP | None:
    """ "the Minister of defence of France", "his wife", "the Russian defense Minister, army
    General Sergei Shoigu", "French defense Minister Jean-Yves Le Drian" """
    n = len(toks)
    t = toks[i]
    k = i + 1 if t.low in _DETERMINERS or _possessive(t) else i
    head = None
    speech, known = _speech_forms(), roles()
    for m in range(k, min(n, k + 6)):
        w = toks[m]
        if w.text == "/" and m > k:
            continue  # "9/11 widow Terry Strada"
        if not w.text[:1].isalnum() or w.low in _STOP_OR_DETERMINER or w.low in speech:
            break
        if w.low in known:
            head = m
            # a name right after the role names the person: "Minister Jean-Yves Le Drian"
            name_end = _name_forward(toks, m + 1, titled=True)
            if name_end > m + 1:
                return NP(i, name_end, "name", (m + 1, name_end), w.low)
            break
    if head is None:
        return None
    if k == i and not _is_cap(toks[head]):
        return None  # a bare lower-case noun without a determiner is not a mention
    role = toks[head].low
    j = head + 1
    # "of defence of France", "of the company"
    while j + 1 < n and toks[j].low == "of":
        m = j + 1
        while m < n and m - j <= 3 and toks[m].text[:1].isalnum() and toks[m].low not in _NP_STOP:
            m += 1
        if m == j + 1:
            break
        j = m
    # an appositive name: "the Russian defense Minister, army General Sergei Shoigu"
    if j + 1 < n and toks[j].text == ",":
        m = j + 1
        while m < n and m - j <= 3 and not _is_cap(toks[m]) and toks[m].text[:1].isalpha():
            m += 1
        while m < n and _is_title(toks, m):
            m = _skip_period(toks, m + 1)
        name_end = _name_forward(toks, m, titled=True)
        if name_end > m and (name_end - m >= 2 or toks[m - 1].low in titles()):
            return NP(i, name_end, "name", (m, name_end), role)
    return NP(i, j, "nominal", None, role)


def noun_phrase_before(toks: list[Tok], j: int) -> NP | None:
    """A speaker noun phrase ending just before token ``j`` (read backwards)."""
    if j <= 0:
        return None
    last = toks[j - 1]
    if last.low in SUBJECT_PRONOUNS:
        return NP(j - 1, j, "pronoun")
    # a relative clause: "the butler, who said", "Maria …, who, breathless with agitation, cried"
    if last.low == "who" and j >= 2 and toks[j - 2].text == ",":
        return _antecedent(toks, j - 2)
    if last.low == "who" and j >= 2:
        # a restrictive one: "Republicans who say", "those who said", "business leaders who say"
        if toks[j - 2].low in ("those", "others"):
            return NP(j - 2, j - 1, "nominal", None, toks[j - 2].low)
        head = noun_phrase_before(toks, j - 1)
        return head if head is not None and head.kind != "pronoun" else None
    # a second verb of the sentence's subject: "Mr. Darcy felt their rudeness and said", "…
    # has encouraged them to spend more but has said she will …"
    if last.low in ("and", "but"):
        return _sentence_subject(toks, j - 1)
    # skip an appositive: "Shoigu, the defence minister, said"
    if last.text == ",":
        k = j - 2
        while k >= 0 and toks[k].text != "," and j - k < 12:
            k -= 1
        if k > 0 and toks[k].text == ",":
            if toks[k - 1].low == "who" and k >= 2 and toks[k - 2].text == ",":
                return _antecedent(toks, k - 2)
            inner = noun_phrase_before(toks, k)
            if inner is not None and inner.kind == "nominal" and inner.name is None:
                # "the Vatican spokesman, Federico Lombardi, said": the name between the commas
                named = noun_phrase_after(toks, k + 1)
                if named is not None and named.kind == "name" and named.j == j - 1:
                    return NP(inner.i, named.j, "name", named.name, inner.role, named.title)
            if inner is not None and (inner.kind != "pronoun" or toks[inner.i].low in _INVERTED_PRONOUNS):
                return inner
        return None
    best = _longest_phrase_ending(toks, j) or _generic_nominal_before(toks, j)
    if (best is not None and best.i >= 2 and toks[best.i - 1].low in ("of", "at", "for", "from", "with")) or (
        best is not None and best.i >= 3 and toks[best.i - 1].low == "the" and toks[best.i - 2].low in ("of", "at", "for", "from")
    ):
        # "Mr. Morgan of the Sierra Club said": the speaker is the head before the preposition
        p = best.i - 1 if toks[best.i - 1].low != "the" else best.i - 2
        head = noun_phrase_before(toks, p)
        if head is not None and head.kind != "pronoun":
            return NP(head.i, best.j, head.kind, head.name, head.role, head.title)
    return best


def _longest_phrase_ending(toks: list[Tok], j: int) -> NP | None:
    """The longest noun phrase that ends at token ``j``: from the farthest start, up to eight
    tokens back and this side of punctuation, the first that ends there (far starts first: a
    short phrase near ``j`` is read only where no longer one ends there)."""
    first = j
    while first > max(0, j - 8) and not _ends_phrase(toks, first - 1):
        first -= 1
    for i in range(first, j):
        np = noun_phrase_after(toks, i)
        if np is not None and np.j == j:
            return np
    return None


def _antecedent(toks: list[Tok], j: int) -> NP | None:
    """The person a "who" refers to ("met Maria in the landing place, who" -> Maria): the
    noun phrase right before the comma if it names a person or a role, else the nearest name or
    role, else that noun phrase whatever it is."""
    adjacent = None
    for i in range(j - 1, max(-1, j - 10), -1):
        if _ends_phrase(toks, i):
            break
        np = noun_phrase_after(toks, i)
        if np is None or np.j > j or np.kind == "pronoun":
            continue
        if np.j == j and adjacent is None:
            adjacent = np
        if np.kind == "name" or np.role in roles():
            return np
    return adjacent or _generic_nominal_before(toks, j)


def _sentence_subject(toks: list[Tok], j: int) -> NP | None:
    """The noun phrase that opens the sentence holding token ``j``."""
    i = j - 1
    while i >= 0 and not _ends_phrase(toks, i) and j - i < 40:
        i -= 1
    # the sentence's first noun phrase, or the first after an opening phrase and its comma
    # ("During a speech earlier in the day, Trump attacked …")
    starts = [i + 1, *[m + 1 for m in range(i + 1, j) if toks[m].text == ","][:2]]
    for start in starts:
        np = noun_phrase_after(toks, start)
        if np is not None and np.j <= j and (np.kind != "nominal" or np.role in roles()):
            return np
    return None


def _possessive(t: Tok) -> bool:
    """ "Obama's" (former campaign strategist) acts as a determiner."""
    return t.low.endswith(("'s", "\N{RIGHT SINGLE QUOTATION MARK}s")) and t.text[:1].isupper()


_PREPOSITIONS = frozenset(
    "about above across after against along among around at before behind below beneath beside between "
    "beyond by down during from in inside into near of off on onto out outside over past since through "
    "throughout to toward towards under until up upon with within without".split()
)
_OBJECT_PRONOUNS = frozenset("him her them me us it his their".split())


_MODALS = frozenset("must would will can could should may might shall is are was were".split())


def _generic_nominal_before(toks: list[Tok], j: int) -> NP | None:
    """Any determiner-led noun phrase right before a reporting verb: "the letter", "a narrator
    in the Clinton ad", "Obama's former campaign strategist" — the verb makes it a speaker."""
    last = toks[j - 1] if j > 0 else None
    for i in range(j - 1, max(-1, j - 7), -1):
        t = toks[i]
        if (
            t.low in _OBJECT_PRONOUNS
            or t.low in _MODALS
            or is_reporting_verb(t.low)
            or (i < j - 1 and t.low.endswith("ed") and i > 0 and toks[i - 1].low not in _DETERMINERS)
        ):
            return None  # "the bar greeted him", "the government must ensure": a clause
        if not t.text[:1].isalnum() or (t.low in _NP_STOP and t.low not in ("in", "of", "for", "at")):
            # a bare plural after a boundary: "experts say", "labor-policy experts say"
            if (
                last is not None
                and i < j - 1
                and last.low.endswith("s")
                and last.low not in _NOT_PLURAL
                and not last.text[:1].isupper()
                and last.low not in _NP_STOP
                and j - i <= 4
                and all(
                    u.text[:1].isalnum() and u.low not in _NP_STOP and u.low not in SUBJECT_PRONOUNS and u.low not in _BETWEEN
                    for u in toks[i + 1 : j]
                )
            ):
                return NP(i + 1, j, "nominal", None, last.low)
            return None
        if (t.low in _DETERMINERS or _possessive(t)) and i < j - 1:
            if toks[j - 1].low in _DETERMINERS or toks[j - 1].low in _NP_STOP or toks[j - 1].low in ("of", "for"):
                return None
            if _possessive(toks[j - 1]) or toks[j - 1].low.endswith(("'s", "\N{RIGHT SINGLE QUOTATION MARK}s")):
                return None  # "one of the woman's quotes": a possessive, not a subject
            if i > 0 and toks[i - 1].low in _PREPOSITIONS:
                return None  # "marching through the streets chanted": the object of a preposition
            return NP(i, j, "nominal", None, toks[j - 1].low)
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
def plain_word(t) -> bool:
    """A word that can stand in a noun phrase: not punctuation, not a word of a clause (a
    capitalised verb is a name's word: "the United States", "the Washington Post")."""
    return t.text[:1].isalnum() and t.low not in _CLAUSE_WORDS and (t.text[:1].isupper() or not is_reporting_verb(t.low))


_DEMONSTRATIVES = frozenset("this that these those".split())
_APPROXIMATELY = frozenset("about around nearly almost roughly over under".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# After these an "-ed" or "-ing" word is an adjective, not a verb: "of registered voters".
_ADJECTIVE_BEFORE = frozenset("of the a an some many most".split())
# Quantifiers that are a whole subject on their own: "Some say", "Many argue", "Both said".
_QUANTITY_PRONOUNS = frozenset("some many most several both few all".split())
_APOSTROPHES = frozenset("'\N{RIGHT SINGLE QUOTATION MARK}")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())


def _number(t) -> bool:
    return t.text[:1].isdigit() or t.low in _NUMBER_WORDS


def _out_of_number(toks: list, m: int, j: int) -> bool:
    """Is token ``m`` the "out" or "of" of a share "nine out of 10"?"""
    if toks[m].low == "out":
        return _number(toks[m - 1]) and m + 2 < j and toks[m + 1].low == "of" and _number(toks[m + 2])
    return m > 1 and toks[m - 1].low == "out" and _number(toks[m - 2]) and m + 1 < j and _number(toks[m + 1])


# Adjectives that follow a noun with their preposition: "an official familiar with the case".
_POSTMODIFIERS = frozenset("familiar close loyal opposed sympathetic friendly allied aligned affiliated connected critical".split())
# "-ed" words that are adjectives before a noun, not verbs: "Democratic registered voters".
_ADJECTIVES_IN_ED = frozenset("registered retired unnamed undecided unaffiliated married unmarried educated college-educated".split())


def noun_core(toks: list, i: int, j: int, *, bare: bool = False) -> NP | None:
    """``toks[i:j]`` as a subject noun phrase — "Several cast members", "Police officials",
    "Experts on North Korea and nuclear nonproliferation", "one of the family's attorneys" —
    or None when it reads as anything else. The phrase's head (before any preposition other
    than "of") is its mention. ``bare``: a phrase may open with a lower-case noun ("police
    said"), where its place shows it is a subject."""
    if not 0 <= i < j or j - i > 14:
        return None
    first = toks[i]
    # "That person said", "those surveyed said": a demonstrative opens the phrase
    demonstrative = first.low in _DEMONSTRATIVES and i + 1 < j and toks[i + 1].text[:1].isalnum()
    # "About three in 10", "Nearly half": an approximation before a number
    approximate = first.low in _APPROXIMATELY and i + 1 < j and _number(toks[i + 1])
    if (first.low in _NP_STOP and not demonstrative and not approximate) or first.low in ("but", "yet", "so", "nor"):
        return None
    capitalised = first.text[:1].isupper() or first.low in _QUANTIFIERS or first.text[:1].isdigit() or demonstrative
    if not capitalised and (not bare or first.low in _PREPOSITIONS or first.low.endswith(("ed", "ing", "ly"))):
        return None
    head = j
    for m in range(i + demonstrative, j):
        t = toks[m]
        if t.low == "in" and m > i and _number(toks[m - 1]) and m + 1 < j and _number(toks[m + 1]):
            continue  # "six in 10 voters", "one in five": a share, not a place
        if t.low == "than" and m > i and toks[m - 1].low in ("more", "fewer", "less") and m + 1 < j and _number(toks[m + 1]):
            continue  # "More than six in 10"
        if t.low in ("out", "of") and m > i and _out_of_number(toks, m, j):
            continue  # "nine out of 10": a share
        if t.text == "%" and m > i and toks[m - 1].text[:1].isdigit() and toks[m - 1].end == t.start:
            continue  # "42% say"
        if t.low in _PREPOSITIONS and t.low != "of" and m > i:
            head = min(head, m)
            continue
        if t.low in _POSTMODIFIERS and m > i and m + 1 < j and toks[m + 1].low in ("with", "to"):
            head = min(head, m)  # "an official familiar with the investigation", "an aide close to"
            continue
        if t.low == "and" and m > i:
            if head == j and not (toks[m - 1].text[:1].isupper() and m + 1 < j and toks[m + 1].text[:1].isupper()):
                return None  # "the economy grew and experts …": two clauses, not one phrase
            continue
        if t.text in _APOSTROPHES and m > i and toks[m - 1].low.endswith("s") and toks[m - 1].end == t.start:
            continue  # a plural's possessive: "Gates' work"
        if t.text == "/" and m > i and m + 1 < j:
            continue  # "the Reuters/Ipsos poll", "an NBC/WSJ survey"
        lower = not t.text[:1].isupper()
        participle = lower and t.low.endswith(("ed", "ing")) and t.low not in _QUANTIFIERS and m > i and t.low not in _ADJECTIVES_IN_ED
        after_demonstrative = demonstrative and m == i + 1  # "those surveyed": a noun
        if participle and m < head and not after_demonstrative and (m + 1 == j or toks[m + 1].low in _PREPOSITIONS or toks[m + 1].low in _WEEKDAYS):
            head = m  # "A statement posted on the website", "the poll released (Friday)"
            continue
        # a noun that is also a reporting verb, inside the phrase: "An earlier report in …",
        # "Some protest leaders"
        noun_verb = m > i and not participle and t.text[:1].isalpha() and t.low not in _CLAUSE_WORDS
        if not plain_word(t) and not noun_verb and not _possessive(t) and t.text not in ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s", "."):
            return None
        if m < head and participle and not after_demonstrative and toks[m - 1].low not in _ADJECTIVE_BEFORE:
            return None  # "Trump attacked …": a verb, so a clause ("those surveyed": a noun)
    last = toks[head - 1].low
    # a quantifier ends no phrase ("the top", "several") unless it is all of it ("Some say")
    # or a name's last word ("The Islamic State")
    share = head - 2 > i and toks[head - 2].low == "in" and _number(toks[head - 1])  # "Two in three"
    quantifier = last in _QUANTIFIERS and not share and not (head - 1 > i and toks[head - 1].text[:1].isupper()) and not (
        head - 1 == i and last in _QUANTITY_PRONOUNS
    )
    percent = last == "%" and head - 1 > i and toks[head - 2].text[:1].isdigit()
    if head - i - sum(t.text == "." for t in toks[i:head]) > 7 or not (toks[head - 1].text[:1].isalnum() or percent) or last in _PREPOSITIONS or quantifier or last.endswith("ly"):
        return None
    named = noun_phrase_after(toks, i)
    if named is not None and named.kind == "name" and (named.j == head or (named.j < head and toks[head - 1].text[:1].isupper())):
        return NP(named.i, named.j, named.kind, named.name, named.role, named.title)
    return NP(i, head, "nominal", None, toks[head - 1].low)


def _ends_phrase(toks: list[Tok], i: int) -> bool:
    """Is token ``i`` punctuation that a phrase cannot cross (a period after "Mr" can be)?"""
    t = toks[i].text
    if t == ".":
        return not (i > 0 and (toks[i - 1].low in titles() or len(toks[i - 1].text) == 1))
    return t in "!?;:\"" or t in _DASHES


def _cue(toks: list[Tok], a: int, b: int, text: str) -> Cue:
    return Cue(toks[a].start, toks[b - 1].end, text[toks[a].start : toks[b - 1].end])


def _mention(toks: list[Tok], np: NP, text: str) -> Mention:
    a, b = toks[np.i].start, toks[np.j - 1].end
    return Mention(a, b, text[a:b], np.kind)  # type: ignore[arg-type]


def _found(toks: list[Tok], cue: tuple[int, int], np: NP, rule: str, text: str) -> Found:
    name_span = (toks[np.name[0]].start, toks[np.name[1] - 1].end) if np.name else None
    b = _back_over_adverbs(toks, cue[0])
    relative = (toks[b - 1].start, toks[b - 1].end) if b - 1 >= np.j and toks[b - 1].low in ("who", "which") else None
    return Found(_cue(toks, cue[0], cue[1], text), _mention(toks, np, text), rule, name_span, np.role, np.title, relative)


# Adverbs and auxiliaries that may stand between a speaker and the verb: "he also said",
# "she has since said", "it further wrote".
_BETWEEN = frozenset(
    """also further then later again still even just once since has had have would will soon
    afterwards presently now immediately instantly suddenly at last first did does do not
    n't never""".split()
)
# Words ending in -s that are not plural nouns.
_NOT_PLURAL = frozenset(
    """always sometimes perhaps besides nevertheless thus towards afterwards backwards forwards
    hers its yours ours theirs is was has does this his as us yes unless less across plus
    whereas alas""".split()
)


def _is_adverb(t: Tok) -> bool:
    """An adverb or auxiliary between a speaker and the verb; a capitalised "-ly" word is a
    name ("Kelly said", "said Emily"), not an adverb."""
    low = t.low
    if low in _BETWEEN or low in _DEGREE:
        return True
    return low.endswith("ly") and len(low) > 3 and not t.text[:1].isupper() and not is_reporting_verb(low)


# Words of degree before an adverb: "she very innocently said".
_DEGREE = frozenset("very quite rather".split())


def _skip_adverbs(toks: list[Tok], k: int) -> int:
    while k < len(toks) and _is_adverb(toks[k]):
        k += 1
    return k


def _skip_parenthesis(toks: list[Tok], k: int) -> int:
    """Past a parenthesis starting at ``k``: "Jason Chaffetz (R-Utah) said"."""
    if k < len(toks) and toks[k].text == "(":
        m = k + 1
        while m < len(toks) and toks[m].text != ")" and m - k < 10:
            m += 1
        if m < len(toks) and toks[m].text == ")":
            return m + 1
    return k


def _generic_nominal_after(toks: list[Tok], i: int) -> NP | None:
    """ "said the ruling", "wrote the union": a determiner and a few words up to punctuation."""
    if i >= len(toks) or toks[i].low not in _DETERMINERS:
        return None
    m = i + 1
    while m < len(toks) and m - i <= 4 and toks[m].text[:1].isalnum() and toks[m].low not in _NP_STOP:
        m += 1
    if m == i + 1 or (m < len(toks) and toks[m].text[:1].isalnum() and toks[m].low not in _NP_STOP):
        return None
    return NP(i, m, "nominal", None, toks[m - 1].low)


CUE_REACH = 200  # characters: how far after a quote ``cue_after`` reads


def cue_after(text: str, start: int, end: int) -> Found | None:
    """A cue in the narration ``text[start:end]`` that follows a quote."""
    return cue_in_tokens(text, tokens(text, start, min(end, start + CUE_REACH)))


def cue_in_tokens(text: str, toks: list[Tok]) -> Found | None:
    """``cue_after`` on the tokens it reads: for a caller that has them already."""
    k = 0
    dashed = False
    while k < len(toks) and (toks[k].text in _DASHES or toks[k].text == ","):
        dashed = dashed or toks[k].text in _DASHES
        k += 1
    if k >= len(toks):
        return None
    t = toks[k]
    if dashed and t.low not in SUBJECT_PRONOUNS and not is_reporting_verb(t.low):
        # a signature after a dash: "” ― Azucena Gonzàlez", "” — John Smith, a voter"
        np = noun_phrase_after(toks, k)
        if np is not None and np.kind == "name" and (np.j == len(toks) or toks[np.j].text in ".,("):
            return _found(toks, (k - 1, k), np, "— X", text)
    if t.low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
        np = noun_phrase_after(toks, k + 2)
        if np is not None:
            return _found(toks, (k, k + 2), np, "according to X", text)
        return None
    v = _skip_adverbs(toks, k)
    if v < len(toks) and is_reporting_verb(toks[v].low):
        # inverted: "said Shoigu", "cried she", "said the ruling"
        np = noun_phrase_after(toks, v + 1, after_verb=True) or _generic_nominal_after(toks, v + 1)
        if np is not None and (np.kind != "pronoun" or toks[np.i].low in _INVERTED_PRONOUNS):
            if toks[v].low in ("told", "tells"):
                return None  # "…,” told The Huffington Post: the one told, not the speaker
            return _found(toks, (v, v + 1), np, "said X", text)
        return None
    np = noun_phrase_after(toks, k)
    if np is not None:
        j = np.j
        # "X, a spokesman for Y, said" / "X, 45, said" / "McConnell, R-Ky., said"
        m = j
        if np.kind == "name" and np.role is not None and m < len(toks) and toks[m].text == ",":
            # "the Vatican spokesman, Federico Lombardi, told …" (read whole, commas and all)
            after_name = _skip_adverbs(toks, m + 1)
            if after_name < len(toks) and is_reporting_verb(toks[after_name].low):
                return _found(toks, (after_name, after_name + 1), np, "X, who, said", text)
        while m < len(toks) and toks[m].text == "," and m - j < 30:
            m += 1
            while m < len(toks) and toks[m].text != "," and m - j < 30 and (
                toks[m].text not in ".!?;" or (toks[m].text == "." and m + 1 < len(toks) and toks[m + 1].text == ",")
            ):
                m += 1
            if m < len(toks) and toks[m].text == ",":
                after_appositive = _skip_adverbs(toks, m + 1)
                if after_appositive < len(toks) and is_reporting_verb(toks[after_appositive].low):
                    named = noun_phrase_after(toks, j + 1) if np.kind == "nominal" and np.name is None else None
                    if named is not None and named.kind == "name" and named.j == m:
                        # "the Vatican spokesman, Federico Lombardi, told …": the name is the speaker's
                        np = NP(np.i, named.j, "name", named.name, np.role, named.title)
                    return _found(toks, (after_appositive, after_appositive + 1), np, "X, who, said", text)
    heard = _heard_say(toks, k)
    if heard is not None:
        return _found(toks, (heard[1], heard[1] + 1), heard[0], "X said", text)
    # "X said", "IMF chief economist Maury Obstfeld said", "Chaffetz (R-Utah) said", "the letter reads"
    v = k
    while v + 1 < min(len(toks), k + 16):
        v += 1
        if toks[v].text == "(":
            past = _skip_parenthesis(toks, v)  # "Rep. Gwen Moore (D-Wis.) said"
            if past > v:
                v = past - 1
                continue
            break  # an unclosed parenthesis: no cue past it
        if _ends_phrase(toks, v) or toks[v].text == ",":
            break
        if not is_dialogue_tag(toks[v].low) or toks[v].text[:1].isupper() or _noun_after_article(toks, v):
            continue  # (a capitalised verb is a name's word: "the Wayne State University"; after
            # an article it is a noun: "in the state", "a simple question")
        if toks[v].low in ("state", "states") and not (v + 1 < len(toks) and toks[v + 1].low == "that"):
            continue  # "his home state of Vermont", "its decrepit state": a noun without its "that"
        before = _back_over_adverbs(toks, v)
        subject = noun_phrase_before(toks, before)
        if subject is None and is_reporting_verb(toks[v].low) and toks[v].text[:1].islower():
            # any plain noun phrase: "police said", "one GOP source in the room said"
            subject = noun_core(toks, k, before, bare=True)
            if subject is not None and toks[k].low in ("his", "her", "their", "its", "my", "our", "your"):
                subject = None  # "his lips repeated", "his anger burst forth": not a speaker
        if subject is not None and k <= subject.i <= k + 3 and (
            is_reporting_verb(toks[v].low) or subject.i == k
        ):
            return _found(toks, (v, v + 1), subject, "X said", text)
        return None
    return None


def _noun_after_article(toks: list[Tok], v: int) -> bool:
    """Is the verb form at ``v`` a noun after an article: "the state", "a simple question",
    "the roll call" (a base form two words after one; "the agency says" is a verb)?"""
    if toks[v - 1].low in ("the", "a", "an"):
        return True
    return v >= 2 and toks[v - 2].low in ("the", "a", "an") and reporting_verbs().get(toks[v].low) == toks[v].low


_HEARD_PRONOUNS = frozenset("him her them".split())


def _heard_say(toks: list[Tok], k: int) -> tuple[NP, int] | None:
    """ "Mary heard her say": the one heard speaks, not the one who hears ("Archer heard Lefferts
    say" is read as "Lefferts say"). The heard pronoun and the reporting verb's token, or None."""
    n = len(toks)
    v = k + 1
    while v < min(n, k + 5) and toks[v].low not in ("heard", "hear") and not _ends_phrase(toks, v) and toks[v].text != ",":
        v += 1
    if v + 1 >= min(n, k + 5) or toks[v].low not in ("heard", "hear") or toks[v + 1].low not in _HEARD_PRONOUNS:
        return None
    verb = _skip_adverbs(toks, v + 2)
    if verb < n and is_reporting_verb(toks[verb].low):
        return NP(v + 1, v + 2, "pronoun"), verb
    return None


# Words after a verb that show it does not introduce the quote: "said nothing", "asked questions".
_NOT_INTRODUCING = frozenset(
    "nothing something anything everything questions question no not little much more it so this".split()
)


# Two-word cues of "As X puts it, “…"
_PHRASAL_CUES = frozenset(
    (verb, particle) for verb in ("put", "puts", "pointed", "points", "point") for particle in ("it", "out")
) - {("pointed", "it"), ("points", "it"), ("point", "it"), ("put", "out"), ("puts", "out")}


def cue_before(text: str, start: int, end: int) -> Found | None:
    """A cue in the narration ``text[start:end]`` that introduces the quote after it."""
    toks = tokens(text, max(start, end - 200), end)
    e = len(toks)
    punct = ""
    while e > 0 and (toks[e - 1].text in (":", ",", ";") or toks[e - 1].text in _DASHES):
        punct = punct or toks[e - 1].text
        e -= 1
    if e == 0:
        return None
    # "Shoigu: “…" — a speaker and a colon, as in interviews and transcripts
    if punct == ":":
        np = noun_phrase_before(toks, e)
        if np is not None and (np.i == 0 or toks[np.i - 1].text in ".!?" or toks[np.i - 1].text in _DASHES):
            if np.j - np.i > 1 and toks[e - 1].text[:1].islower() and is_reporting_verb(toks[e - 1].low):
                # "The head of the party said: “…": the verb is the cue, the words before it
                # the speaker (the phrase had taken the verb in: "… the party said")
                return _found(toks, (e - 1, e), np._replace(j=e - 1), "X said:", text)
            return _found(toks, (e, e + 1), np, "X:", text)  # (also "Pollsters agree - Carl Bialik: “…")
    # "As the Post's Dana Milbank puts it, “…", "But as The Hill pointed out, “…"
    if e >= 3 and (toks[e - 2].low, toks[e - 1].low) in _PHRASAL_CUES:
        np = noun_phrase_before(toks, _back_over_adverbs(toks, e - 2))
        k = np.i - 1 if np is not None else -1
        if k > 0 and toks[k].low in ("the", "a", "an"):
            k -= 1  # ("as the Hill …": the reader leaves "the" out of a name)
        if k >= 0 and toks[k].low == "as":
            return _found(toks, (e - 2, e), np, "X said:", text)
    # "According to X, “…"
    for k in range(max(0, e - 8), e - 1):
        if toks[k].low == "according" and toks[k + 1].low == "to":
            np = noun_phrase_after(toks, k + 2)
            if np is not None and np.j == e:
                return _found(toks, (k, k + 2), np, "according to X", text)
    # a reporting verb up to six tokens back: "He added, “" / "X told reporters on Monday: “"
    for v in range(e - 1, max(-1, e - 7), -1):
        if _ends_phrase(toks, v):
            break
        low = toks[v].low
        if not (is_reporting_verb(low) or (v == e - 1 and low.endswith("ing") and low in reporting_verbs())):
            continue
        if toks[v].text[:1].isupper() and v > 0 and not _ends_phrase(toks, v - 1):
            continue  # "calling on the United States “…": a name's word, not a verb
        if v + 1 < e and toks[v + 1].low in _NOT_INTRODUCING:
            return None
        if low.endswith("ing") and v > 0 and toks[v - 1].text == ",":
            # "Trump attacked Clinton for her support of …, saying, “…": the sentence's subject
            subject = _sentence_subject(toks, v - 1)
            if subject is not None:
                return _found(toks, (v, v + 1), subject, "X said:", text)
        u = v
        if u > 0 and toks[u - 1].low in ("has", "had", "would", "will", "also", "then", "later"):
            u -= 1
        subject = noun_phrase_before(toks, _back_over_adverbs(toks, u))
        if subject is not None:
            return _found(toks, (v, v + 1), subject, "X said:", text)
        # inverted, with no subject before the verb: "said Mr. Bennet, “…"
        np = noun_phrase_after(toks, v + 1, after_verb=True)
        if (
            np is not None
            and np.j == e
            and (np.kind != "pronoun" or toks[np.i].low in _INVERTED_PRONOUNS)  # "Said he, “…"
            and (v == 0 or _ends_phrase(toks, v - 1) or toks[v - 1].text == ",")
        ):
            return _found(toks, (v, v + 1), np, "said X:", text)
        return None
    return None


def _back_over_adverbs(toks: list[Tok], j: int) -> int:
    """Back over adverbs, auxiliaries and a parenthesis before a verb at ``j``."""
    while j > 0:
        if _is_adverb(toks[j - 1]):
            j -= 1
        elif toks[j - 1].text == ")":
            m = j - 2
            while m >= 0 and toks[m].text != "(" and j - m < 10:
                m -= 1
            if m < 0 or toks[m].text != "(":
                break
            j = m
        else:
            break
    return j


def narration_subject(text: str, start: int, end: int) -> Found | None:
    """The subject of the sentence that runs on into a quotation at ``end``, when no reporting
    verb says who speaks: "Trump issued a statement saying that Scalia was “…”", "Gov. Pat
    McCrory blamed the court's “…”", "The email went on to say, “…”", "Priebus later told Fox
    News: “…”" (news, where narration that quotes is its subject's report). The verb after the
    subject is the cue."""
    toks = tokens(text, max(start, end - 400), end)
    n = len(toks)
    if n and (toks[-1].text == ":" or toks[-1].text in _DASHES):
        n -= 1  # "Priebus told Fox News: “…”", "posted two words - “…”"
    if n < 3 or _ends_phrase(toks, n - 1):
        return None
    found = _clause_subject_and_verb(toks, n)
    if found is None:
        return None
    np, v = found
    return _found(toks, (v, v + 1), np, "sentence subject", text)


def clause_subject_before(toks: list[Tok], j: int) -> NP | None:
    """The subject of the clause that a participle at ``j`` hangs on ("Speaking in Salem, Trump
    went after Bush, calling him …" -> Trump)."""
    found = _clause_subject_and_verb(toks, j)
    return found[0] if found is not None else None


def _clause_subject_and_verb(toks: list[Tok], n: int) -> tuple[NP, int] | None:
    """The subject of the sentence that runs to token ``n`` and its verb: the sentence's first
    noun phrase, or the first after an opening phrase and its comma, that a verb follows."""
    i = n - 1
    while i >= 0 and not _ends_phrase(toks, i) and n - i < 60:
        i -= 1
    first = i + 1
    if first < n and toks[first].low in ("but", "and", "yet", "so"):
        first += 1
    commas = [m + 1 for m in range(first, n) if toks[m].text == ","][:3]
    for a in (first, *commas):
        found = _subject_and_verb(toks, a, n)
        if found is not None:
            return found
    return None


def _subject_and_verb(toks: list[Tok], a: int, n: int) -> tuple[NP, int] | None:
    """A subject noun phrase at token ``a`` and the verb after it (past adverbs and an
    insertion between commas: "Jack Dorsey, Twitter's chief executive, posted")."""
    np = noun_phrase_after(toks, a)
    if np is None:
        # any plain noun phrase that a lower-case word follows: "The email went on to say"
        for v in range(a + 1, min(n, a + 8)):
            t = toks[v]
            if t.text[:1].isalpha() and t.text[:1].islower() and t.low not in _NP_STOP and t.low not in _QUANTIFIERS and t.low != "of":
                np = noun_core(toks, a, v)
                if np is not None:
                    break
        if np is None:
            return None
    v = _skip_times(toks, np.j)
    if v < n and toks[v].text == ",":
        close = next((m for m in range(v + 1, min(n, v + 14)) if toks[m].text == ","), None)
        if close is None:
            return None
        v = _skip_times(toks, close + 1)
    if v >= n or not (toks[v].text[:1].isalpha() and toks[v].text[:1].islower()) or toks[v].low in _NP_STOP or toks[v].low in _PREPOSITIONS:
        return None
    return np, v


_TIMES = frozenset("later earlier then again also monday tuesday wednesday thursday friday saturday sunday".split())


def _skip_times(toks: list[Tok], k: int) -> int:
    """Past adverbs and times between a subject and its verb: "Priebus later Thursday told"."""
    while k < len(toks) and ((_is_adverb(toks[k]) and toks[k].low not in _PREPOSITIONS) or toks[k].low in _TIMES):
        k += 1
    return k


def colon_subject(text: str, start: int, end: int) -> Found | None:
    """The subject of a sentence that ends in a colon, as the cue of what follows it: "The Old
    Man introduced him with a quirk of the lips:" (any verb; the colon is the cue)."""
    toks = tokens(text, max(start, end - 300), end)
    if not toks or toks[-1].text != ":":
        return None
    np = _sentence_subject(toks, len(toks) - 1)
    if np is None or (np.kind == "pronoun" and toks[np.i].low not in _INVERTED_PRONOUNS):
        return None
    return _found(toks, (len(toks) - 1, len(toks)), np, "X:", text)
