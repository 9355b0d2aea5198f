"""Stage 3 — a light view of the text that the attribution stages read.

Two producers fill the same types: the built-in rules (:func:`annotate`, paragraphs only, no
model) and the stanza adapter (``quoteattr.stanza_adapter``: words with lemmas, parts of
speech and dependencies, PERSON entities, coreference chains). The stages below use the
richer fields when they are present and fall back to their own rules when they are empty.
All offsets index the caller's string.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import attrs
import regex

from .lexicon import not_names, titles
from .marks import uses_blank_lines
from .model import Span


@attrs.frozen
class Word:
    """A word of a parsed sentence (stanza's words, in document order).

    ``head`` is the index in :attr:`Annotation.words` of this word's syntactic head, or ``None``
    for a sentence root; ``deprel`` is the Universal Dependencies relation to it.
    """

    start: int
    end: int
    text: str
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None
    deprel: str | None = None
    sentence: int = 0


@attrs.frozen
class EntityMention:
    """A named entity found by NER; quoteattr reads the ``PERSON`` ones (and ``ORG``, ``NORP``)."""

    start: int
    end: int
    text: str
    label: str


@attrs.frozen
class CorefChain:
    """Mentions of one entity, in document order; ``representative`` indexes the best name."""

    mentions: tuple[Span, ...] = attrs.field(converter=tuple)
    representative: int = 0

    @property
    def name_span(self) -> Span:
        return self.mentions[self.representative]


@attrs.frozen
class Annotation:
    """What the attribution stages know of a text besides its quotations."""

    text: str
    paragraphs: tuple[Span, ...] = attrs.field(converter=tuple)
    sentences: tuple[Span, ...] = attrs.field(default=(), converter=tuple)
    words: tuple[Word, ...] = attrs.field(default=(), converter=tuple)
    entities: tuple[EntityMention, ...] = attrs.field(default=(), converter=tuple)
    coref: tuple[CorefChain, ...] = attrs.field(default=(), converter=tuple)
    source: str = "rules"

    @property
    def parsed(self) -> bool:
        """True when words carry a dependency parse."""
        return any(w.deprel for w in self.words[:50])


_BLANK_LINES = regex.compile(r"(?>\r\n|\n|\r)[^\S\r\n]*(?>\r\n|\n|\r)\s*")
# a line with something on it, tried only where a line starts: tried at every position, a
# long line of spaces cost time quadratic in its length
_LINE_PARAGRAPH = regex.compile(r"(?<![^\r\n])[^\S\r\n]*\S[^\r\n]*")


def paragraphs(text: str) -> tuple[Span, ...]:
    """The paragraphs of ``text`` as spans, trimmed of surrounding white space.

    Paragraphs end at blank lines in hard-wrapped text and at every line break otherwise, the
    same rule the quote scanner uses.
    """
    out = []
    if uses_blank_lines(text):
        pos = 0
        for m in _BLANK_LINES.finditer(text):
            _add_trimmed(text, pos, m.start(), out)
            pos = m.end()
        _add_trimmed(text, pos, len(text), out)
    else:
        for m in _LINE_PARAGRAPH.finditer(text):
            _add_trimmed(text, m.start(), m.end(), out)
    return tuple(out)


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def annotate(text: str) -> Annotation:
    """The built-in, model-free annotation: paragraphs only; the later stages do the rest."""
    return Annotation(text=text, paragraphs=paragraphs(text))


# titles written short with a full stop ("Mr.", "Gen.", "Prof.")
_ABBREVIATED = frozenset(
    "mr mrs ms mme mlle messrs dr st gen col capt cpt lt sgt maj cmdr adm rev fr prof sen rep gov "
    "pres supt insp det hon sr jr esq".split()
)


@functools.cache
def _mention_pattern() -> regex.Pattern[str]:
    title_words = sorted((t for t in titles() if " " not in t), key=len, reverse=True)
    # only a short form takes a full stop before the name ("Gen. Shoigu"): after a whole word
    # the stop ends the sentence ("the nerves of the Secretary. He was ...")
    short = "|".join(t.capitalize() for t in title_words if t in _ABBREVIATED)
    whole = "|".join(t.capitalize() for t in title_words if t not in _ABBREVIATED)
    titles_re = f"(?:{short})\\.?|(?:{whole})"
    # a capitalised word; inner hyphens and apostrophes only between letters (Jean-Yves,
    # O'Brien), so "Churchill--must" stops at "Churchill"
    word = r"\p{Lu}[\p{L}\p{M}]*(?:['\N{RIGHT SINGLE QUOTATION MARK}\-][\p{L}\p{M}]+)*"
    return regex.compile(
        rf"""
          (?=[hHsSmMI])\b(?P<pron>(?i:he|she|him|her|his|himself|herself|me|my|myself)|I)\b   # pronouns
        | (?=\p{{Lu}}|\b(?:de|van|von|le|la|du|da|di|del|der|ten|ter)[ \t]+(?:(?:der|den|la|le|los)[ \t]+)?\p{{Lu}})  # (cheap first check)
          (?P<title>(?:(?:{titles_re})(?:[ \t]+|[ \t]*\r?\n[ \t]*(?=\p{{Lu}})))*)  # titles (a line may end after one)
          (?P<name>(?:\b(?:de|van|von|le|la|du|da|di|del|der|ten|ter)[ \t]+(?:(?:der|den|la|le|los)[ \t]+)?(?=\p{{Lu}}))?  # de Worms, van der Luyden
            (?:\p{{Lu}}\.[ \t]?){{0,3}}                                              # initials
            {word}                                                               # capitalised words
            (?:[ \t]+(?:\p{{Lu}}\.(?!\w)|{word}
                   |(?:de|van|von|le|la|du|da|di|del|der|bin|al)(?=[ \t]+\p{{Lu}})))*)
        """,
        regex.VERBOSE,
    )


class RawMention(NamedTuple):
    """A possible person mention found by the built-in rules, before anyone decides who it is."""

    start: int
    end: int
    kind: str  # "pronoun" or "name"
    name_start: int
    title: str | None


def scan_mentions(text: str, start: int, end: int, *, first: bool = False) -> list[RawMention]:
    """Pronouns and capitalised names (with their titles) in ``text[start:end]``; with
    ``first``, only the first of them (the scan stops there).

    Leading words that never start a name ("But", "The") are dropped from a capitalised run;
    a run left empty is not returned. Whether a name is a person is decided later.
    """
    out = []
    add = out.append
    skip = not_names()
    new = tuple.__new__  # a RawMention without the NamedTuple's Python-level __new__
    # groups by number: 1 pron, 2 title, 3 name
    for m in _mention_pattern().finditer(text, start, end):
        ms, me = m.span()
        if m[1]:
            add(new(RawMention, (ms, me, "pronoun", ms, None)))
        elif not m[2]:
            ns = m.start(3)
            # drop leading words that cannot start a name: "But Elizabeth" -> "Elizabeth"
            for w in m[3].split():
                if w.lower().rstrip(".") in skip:
                    ns += len(w)
                    while ns < me and text[ns] in " \t":
                        ns += 1
                else:
                    break
            if ns >= me:
                continue
            add(new(RawMention, (ns, me, "name", ns, None)))
        else:
            add(new(RawMention, (ms, me, "name", m.start(3), m[2].split()[0].rstrip(".").lower())))
        if first:
            break
    return out


def mention_at(text: str, start: int, end: int) -> bool:
    """Does the mention pattern match at ``start``? (Where it does not, no mention of
    ``scan_mentions(text, start, end)`` begins there.)"""
    return _mention_pattern().match(text, start, end) is not None
