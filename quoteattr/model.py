"""The values every stage passes on: frozen attrs classes with ``[start, end)`` offsets.

Offsets always index the caller's own string: ``source[span.start:span.end]`` is the
text a value describes, whatever the line endings or Unicode of the input.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

QuoteKind = Literal["direct", "mixed", "indirect"]
MentionKind = Literal["name", "pronoun", "nominal"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
MENTION_KINDS: tuple[str, ...] = ("name", "pronoun", "nominal")


def _check_offsets(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(
            f"{type(instance).__name__} needs 0 <= start <= end, got start={instance.start}, "
            f"end={instance.end}"
        )


@attrs.frozen(order=True)
class Span:
    """A ``[start, end)`` range of the source text."""

    start: int
    end: int = attrs.field(validator=_check_offsets)

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The text this span covers in ``text``."""
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@attrs.frozen
class Mention:
    """Words in the text that refer to a person: a name, a pronoun or a nominal ("the Minister")."""

    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str
    kind: MentionKind = attrs.field(validator=attrs.validators.in_(MENTION_KINDS))

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen
class Cue:
    """The reporting verb or construction that introduces a quote ("said", "according to", ":")."""

    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen
class Speaker:
    """A person who speaks: a canonical name, the other names the text uses, and a stable id.

    The id is stable within one document: every quote by the same person carries the same id.
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    id: str = ""


@attrs.frozen
class QuotedSpan:
    """Text between quote marks (or after a dialogue dash), as found by stages 1-2.

    ``segments`` are the content ranges (marks excluded); there are several when a quotation
    runs over paragraphs. ``is_speech`` is False for quoted text nobody speaks (a name, a
    title, a scare quote); ``reason`` says why it was set aside. ``fragment`` is True for
    quoted words that are part of a sentence around them ("called it “a disgrace”"): the
    quoted part of a mixed quotation rather than a sentence of its own.
    """

    start: int
    end: int = attrs.field(validator=_check_offsets)
    segments: tuple[Span, ...] = attrs.field(converter=tuple)
    style: str
    depth: int = 0
    unclosed: bool = False
    is_speech: bool = True
    reason: str | None = None
    fragment: bool = False

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _check_confidence(instance: Any, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must lie in [0, 1], got {value!r}")


@attrs.frozen
class Quote:
    """A quotation and who said it.

    ``text == source[start:end]`` always; ``segments`` are the content spans inside it.
    ``speaker`` is ``None`` when no rule was sure, and then ``reason`` says why.
    """

    text: str
    start: int
    end: int = attrs.field(validator=_check_offsets)
    segments: tuple[Span, ...] = attrs.field(converter=tuple)
    kind: QuoteKind = attrs.field(default="direct", validator=attrs.validators.in_(QUOTE_KINDS))
    speaker: Speaker | None = None
    speaker_mention: Mention | None = None
    cue: Cue | None = None
    confidence: float = attrs.field(default=0.0, validator=_check_confidence)
    rule: str = "none"
    reason: str | None = None
    unclosed: bool = False
    nested: tuple[Span, ...] = attrs.field(default=(), converter=tuple)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def content(self) -> str:
        """The quoted words without the quote marks (segments joined by a space)."""
        return " ".join(self.text[s.start - self.start : s.end - self.start] for s in self.segments)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict; :meth:`from_dict` rebuilds an equal ``Quote``."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "segments": [s.to_list() for s in self.segments],
            "kind": self.kind,
            "speaker": {"name": self.speaker.name, "aliases": list(self.speaker.aliases), "id": self.speaker.id}
            if self.speaker
            else None,
            "speaker_mention": attrs.asdict(self.speaker_mention) if self.speaker_mention else None,
            "cue": attrs.asdict(self.cue) if self.cue else None,
            "confidence": self.confidence,
            "rule": self.rule,
            "reason": self.reason,
            "unclosed": self.unclosed,
            "nested": [s.to_list() for s in self.nested],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        """Rebuild a ``Quote`` from :meth:`to_dict` output (or its JSON round trip)."""
        speaker = data.get("speaker")
        mention = data.get("speaker_mention")
        cue = data.get("cue")
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            segments=tuple(Span(*s) for s in data.get("segments", ())),
            kind=data.get("kind", "direct"),
            speaker=Speaker(
                name=speaker["name"], aliases=tuple(speaker.get("aliases", ())), id=speaker.get("id", "")
            )
            if speaker
            else None,
            speaker_mention=Mention(**mention) if mention else None,
            cue=Cue(**cue) if cue else None,
            confidence=data.get("confidence", 0.0),
            rule=data.get("rule", "none"),
            reason=data.get("reason"),
            unclosed=data.get("unclosed", False),
            nested=tuple(Span(*s) for s in data.get("nested", ())),
        )


# Constructors for the scanner, which builds a Span and a QuotedSpan for each of tens of
# thousands of quotations in a text dense with quote marks. They set the slots directly: no
# validator and no converter runs, so the caller must give 0 <= start <= end and a tuple of
# segments (the scanner's offsets hold by construction; tests compare its values with those of
# the public constructors, which check). Not for use outside the package.
_new = object.__new__
_span_start = Span.__dict__["start"].__set__
_span_end = Span.__dict__["end"].__set__
_qs_start, _qs_end, _qs_segments, _qs_style, _qs_depth, _qs_unclosed, _qs_is_speech, _qs_reason, _qs_fragment = (
    QuotedSpan.__dict__[field.name].__set__ for field in attrs.fields(QuotedSpan)
)


def _unchecked_span(start: int, end: int) -> Span:
    """``Span(start, end)``, unchecked: see above."""
    span = _new(Span)
    _span_start(span, start)
    _span_end(span, end)
    return span


def _unchecked_quoted_span(
    start: int,
    end: int,
    segments: tuple[Span, ...],
    style: str,
    depth: int = 0,
    unclosed: bool = False,
    is_speech: bool = True,
    reason: str | None = None,
    fragment: bool = False,
) -> QuotedSpan:
    """``QuotedSpan(...)``, unchecked, ``segments`` a tuple: see above."""
    span = _new(QuotedSpan)
    _qs_start(span, start)
    _qs_end(span, end)
    _qs_segments(span, segments)
    _qs_style(span, style)
    _qs_depth(span, depth)
    _qs_unclosed(span, unclosed)
    _qs_is_speech(span, is_speech)
    _qs_reason(span, reason)
    _qs_fragment(span, fragment)
    return span
