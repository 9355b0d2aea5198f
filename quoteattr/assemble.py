"""Stage 7 — build the :class:`Quote` values from spans and their attributions."""

from __future__ import annotations

from .annotation import Annotation
from .model import Cue, Mention, Quote, QuotedSpan, Span
from .speakers import attribute


def _nested(spans: list[QuotedSpan]) -> dict[int, tuple[Span, ...]]:
    """For each top-level span (by start), the spans nested inside it."""
    out: dict[int, list[Span]] = {}
    outer: QuotedSpan | None = None
    for span in spans:
        if span.depth == 0:
            outer = span
        elif outer is not None and outer.start <= span.start and span.end <= outer.end:
            out.setdefault(outer.start, []).append(span.span)
    return {k: tuple(v) for k, v in out.items()}


_OWN_WORDS = "the only cue for it lies inside its own quoted words"


def _inside_its_words(part: Mention | Cue | None, span: QuotedSpan) -> bool:
    """Does ``part`` (a mention or a cue) overlap the quoted words of ``span``?"""
    return part is not None and any(part.start < seg.end and seg.start < part.end for seg in span.segments)


def assemble(
    annotation: Annotation, spans: list[QuotedSpan], *, reported: bool = False, news: bool | None = None
) -> list[Quote]:
    """One :class:`Quote` per quotation, attributed: every top-level quoted span that is
    speech, and with ``reported`` the indirect and mixed quotations of the narration."""
    text = annotation.text
    nested = _nested(spans)
    quotes = []
    for a in attribute(annotation, spans, reported=reported, news=news):
        span = a.span
        if _inside_its_words(a.mention, span) or _inside_its_words(a.cue, span):
            # a speaker named only inside the quotation's own words (another quotation's cue,
            # read in text this one quotes) is no speaker of it
            a = a._replace(speaker=None, mention=None, cue=None, rule="none", confidence=0.0, reason=_OWN_WORDS)
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                segments=span.segments,
                kind=a.kind,  # type: ignore[arg-type]
                speaker=a.speaker,
                speaker_mention=a.mention,
                cue=a.cue,
                confidence=a.confidence,
                rule=a.rule,
                reason=a.reason,
                unclosed=span.unclosed,
                nested=a.nested or nested.get(span.start, ()),
            )
        )
    return quotes
