"""Stage 4 with a parse: the reporting verb next to a quote and its subject, read from the
dependency parse when the annotation has one (``nlp="stanza"`` or a parsed stanza Document).

The rules of :mod:`quoteattr.cues` read a few words on either side of a quote; a parse knows the
subject of "said" however long it is ("the tall woman who runs the shop told them") and through
a relative clause ("Smith, who had said nothing all day, added"). Where the parse finds no
reporting verb with a subject next to a quote, the rules' answer stands.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from .annotation import Annotation, Word
from .cues import Found
from .lexicon import reporting_verbs, roles, titles
from .model import Cue, Mention

_SUBJECT = ("nsubj", "nsubj:pass", "csubj")
# Dependents that belong to the name or description of a subject ("the tall woman",
# "Mr. Bennet", "Jean-Yves Le Drian"), not clauses hanging on it.
_NOUN_PHRASE = frozenset("det amod compound compound:prt flat flat:name nmod:poss nummod fixed goeswith".split())
_RELATIVE = frozenset("who which that whom".split())


class Parse(NamedTuple):
    """The words of a parsed annotation, with their dependents and start offsets."""

    words: tuple[Word, ...]
    children: list[list[int]]
    starts: list[int]


def parse_of(annotation: Annotation) -> Parse | None:
    """The parse of an annotation, or None when it has no dependency relations."""
    if not annotation.parsed:
        return None
    words = annotation.words
    children: list[list[int]] = [[] for _ in words]
    for i, w in enumerate(words):
        if w.head is not None and 0 <= w.head < len(words):
            children[w.head].append(i)
    return Parse(words, children, [w.start for w in words])


def _is_reporting(word: Word) -> bool:
    lemma = (word.lemma or word.text).lower()
    return word.upos in ("VERB", "AUX") and (lemma in reporting_verbs() or word.text.lower() in reporting_verbs())


def _noun_phrase(parse: Parse, head: int) -> tuple[int, int]:
    """The span of a subject's own words: the head and its name and modifier dependents."""
    lo, hi = parse.words[head].start, parse.words[head].end
    stack = [head]
    while stack:
        i = stack.pop()
        for c in parse.children[i]:
            if parse.words[c].deprel in _NOUN_PHRASE:
                lo = min(lo, parse.words[c].start)
                hi = max(hi, parse.words[c].end)
                stack.append(c)
    return lo, hi


def cue_from_parse(parse: Parse, text: str, lo: int, hi: int, near: int) -> Found | None:
    """The reporting verb in ``text[lo:hi]`` nearest to ``near`` that has a subject, as a cue.

    ``lo``-``hi`` is the narration on one side of a quote and ``near`` the quote's edge.
    """
    a = bisect.bisect_left(parse.starts, lo)
    b = bisect.bisect_left(parse.starts, hi)
    verbs = [i for i in range(a, b) if parse.words[i].end <= hi and _is_reporting(parse.words[i])]
    verbs.sort(key=lambda i: abs(parse.words[i].start - near))
    for v in verbs[:2]:
        subjects = [c for c in parse.children[v] if (parse.words[c].deprel or "") in _SUBJECT]
        if not subjects:
            continue
        s = subjects[0]
        subject = parse.words[s]
        if subject.text.lower() in _RELATIVE and parse.words[v].deprel == "acl:relcl" and parse.words[v].head is not None:
            s = parse.words[v].head  # "Smith, who …, added": the person the clause is about
            subject = parse.words[s]
        start, end = _noun_phrase(parse, s)
        if subject.upos == "PRON":
            kind = "pronoun"
        elif any(parse.words[i].upos == "PROPN" for i in range(bisect.bisect_left(parse.starts, start), b) if parse.words[i].end <= end):
            kind = "name"
        else:
            kind = "nominal"
        verb = parse.words[v]
        mention = Mention(start, end, text[start:end], kind)  # type: ignore[arg-type]
        name = None
        title = None
        if kind == "name":
            # the proper nouns of the phrase are its name; a title before them is kept apart
            names = [
                w
                for w in parse.words[bisect.bisect_left(parse.starts, start) : b]
                if w.end <= end and w.upos == "PROPN" and w.text.lower().rstrip(".") not in titles()
            ]
            if names:
                name = (names[0].start, names[-1].end)
                before = text[start : names[0].start].split()
                if before and before[-1].lower().rstrip(".") in titles():
                    title = before[-1].lower().rstrip(".")
        role = None
        if kind == "nominal" or name is not None:
            heads = [w.lower() for w in text[start:end].replace(",", " ").split() if w.lower() in roles()]
            role = heads[-1] if heads else (subject.lemma or subject.text).lower()
        return Found(Cue(verb.start, verb.end, verb.text), mention, "parse: subject of verb", name, role, title)
    return None
