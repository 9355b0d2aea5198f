"""Stage 3 — a light view of the text that the attribution stages read.

Two producers fill the same types: the built-in rules (:func:`annotate`, paragraphs only, no
model) and the stanza adapter (``quoteattr.stanza_adapter``: words with lemmas, parts of
speech and dependencies, PERSON entities, coreference chains). The stages below use the
richer fields when they are present and fall back to their own rules when they are empty.
All offsets index the caller's string.
"""

from __future__ import annotations

import attrs
import regex

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


_BLANK_LINES = regex.compile(r"(?:\r\n|\n|\r)[^\S\r\n]*(?:\r\n|\n|\r)\s*")
_LINE_PARAGRAPH = regex.compile(r"[^\r\n]*\S[^\r\n]*")


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
