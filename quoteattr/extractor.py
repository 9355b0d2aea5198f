"""The public entry points: :func:`extract` and the reusable :class:`QuoteExtractor`."""

from __future__ import annotations

from typing import Any

from .errors import ConfigError, check_text
from .model import Quote, QuotedSpan, Span
from .spans import find_quoted_spans

NO_ATTRIBUTION = "speaker attribution has not run"


def _nested_in(spans: list[QuotedSpan], i: int) -> tuple[Span, ...]:
    outer = spans[i]
    out = []
    for inner in spans[i + 1 :]:
        if inner.start >= outer.end:
            break
        out.append(inner.span)
    return tuple(out)


class QuoteExtractor:
    """Finds the quotations of texts and attributes them; reusable across many documents.

    Args:
        language: the language of the texts; only ``"en"`` has word lists so far.
    """

    def __init__(self, *, language: str = "en") -> None:
        if language != "en":
            raise ConfigError(f"language must be 'en' (the only one with word lists), got {language!r}")
        self.language = language

    def extract(self, text: str) -> list[Quote]:
        """The quotations of ``text``, in order of position."""
        text = check_text(text)
        spans = find_quoted_spans(text)
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
                    nested=_nested_in(spans, i),
                )
            )
        return quotes


_DEFAULT: QuoteExtractor | None = None


def extract(text: str, **options: Any) -> list[Quote]:
    """The quotations of ``text`` and who said each one.

    Args:
        text: the document, as ``str``.
        **options: keyword arguments for :class:`QuoteExtractor`.

    Returns:
        A list of :class:`Quote`, in order of position.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (bytes must be decoded first).

    >>> [q.text for q in extract('“We will win,” she said.')]
    ['“We will win,”']
    """
    global _DEFAULT
    if options:
        return QuoteExtractor(**options).extract(text)
    if _DEFAULT is None:
        _DEFAULT = QuoteExtractor()
    return _DEFAULT.extract(text)
