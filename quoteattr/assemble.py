"""Stage 7 — build the :class:`Quote` values from spans, cues, mentions and speakers."""

from __future__ import annotations

from .annotation import Annotation
from .model import Quote, QuotedSpan, Span

NO_ATTRIBUTION = "speaker attribution has not run"


def _nested(spans: list[QuotedSpan], i: int) -> tuple[Span, ...]:
    outer = spans[i]
    out = []
    for inner in spans[i + 1 :]:
        if inner.start >= outer.end:
            break
        out.append(inner.span)
    return tuple(out)


def assemble(annotation: Annotation, spans: list[QuotedSpan]) -> list[Quote]:
    """One :class:`Quote` per top-level quoted span that is speech."""
    text = annotation.text
    quotes = []
    for i, span in enumerate(spans):
        if span.depth or not span.is_speech:
            continue
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                segments=span.segments,
                kind="mixed" if span.fragment else "direct",
                reason=NO_ATTRIBUTION,
                unclosed=span.unclosed,
                nested=_nested(spans, i),
            )
        )
    return quotes
