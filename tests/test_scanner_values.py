"""The scanner builds its values with unchecked constructors (``model._unchecked_span`` and
``model._unchecked_quoted_span``), which skip the validators for speed: its values must be
those the public constructors build, and the public constructors must still check."""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest

from quoteattr import find_quoted_spans
from quoteattr.model import QuotedSpan, Span, _unchecked_quoted_span, _unchecked_span

GOLDEN = Path(__file__).parent / "golden" / "scanner.jsonl"

_PIECES = [
    '"', "'", "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}", "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}", "\N{DOUBLE LOW-9 QUOTATION MARK}", "\N{LEFT CORNER BRACKET}",
    "\N{RIGHT CORNER BRACKET}", "\N{EM DASH}", "\N{EN DASH}", "''", "``", "don't", "'tis", "dogs'", "\n", "\n\n",
    "\r\n", " ", " ", " ", "he said", "said Ann", "CHAPTER I\n\n   ", ",", ".", "!", "?", "we", "Paris", "the",
]


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in GOLDEN.open(encoding="utf-8") if line.strip()]
    rng = random.Random(5)
    texts += ["".join(rng.choices(_PIECES, k=rng.randint(0, 60))) for _ in range(400)]
    return texts


def _rebuilt(span: QuotedSpan) -> QuotedSpan:
    """The same value, built by the public constructors (which check every offset)."""
    return QuotedSpan(
        span.start,
        span.end,
        [Span(s.start, s.end) for s in span.segments],
        span.style,
        span.depth,
        span.unclosed,
        span.is_speech,
        span.reason,
        span.fragment,
    )


def test_scanner_values_are_those_of_the_public_constructors() -> None:
    """Every value the scanner returns passes the validators and equals (and hashes as) the one
    the public constructors build from its fields, with a tuple of ``Span`` as segments."""
    count = 0
    for text in _texts():
        for span in find_quoted_spans(text):
            assert type(span) is QuotedSpan and type(span.segments) is tuple
            assert all(type(s) is Span for s in span.segments)
            attrs.validate(span)
            for segment in span.segments:
                attrs.validate(segment)
            rebuilt = _rebuilt(span)
            assert rebuilt == span and hash(rebuilt) == hash(span) and repr(rebuilt) == repr(span)
            count += 1
    assert count > 1000


def test_unchecked_constructors_set_every_field() -> None:
    """Each field is set: the value equals the checked one, defaults included."""
    assert _unchecked_span(2, 5) == Span(2, 5)
    segments = (Span(3, 4),)
    assert _unchecked_quoted_span(2, 5, segments, '""') == QuotedSpan(2, 5, segments, '""')
    full = _unchecked_quoted_span(2, 5, segments, "«»", 1, True, False, "a term or scare quote", True)
    assert attrs.asdict(full, recurse=False) == {
        "start": 2, "end": 5, "segments": segments, "style": "«»", "depth": 1, "unclosed": True,
        "is_speech": False, "reason": "a term or scare quote", "fragment": True,
    }


@pytest.mark.parametrize(
    "make",
    [
        lambda: Span(-1, 3),
        lambda: Span(5, 4),
        lambda: QuotedSpan(4, 1, [], '""'),
        lambda: QuotedSpan(-1, 1, [], '""'),
        lambda: attrs.evolve(QuotedSpan(1, 4, [], '""'), end=0),
    ],
)
def test_public_constructors_still_check_offsets(make) -> None:
    """The scanner's unchecked constructors leave the public ones checking 0 <= start <= end."""
    find_quoted_spans("He said \N{LEFT DOUBLE QUOTATION MARK}yes\N{RIGHT DOUBLE QUOTATION MARK}.")
    with pytest.raises(ValueError, match=r"start=-?\d+, end=-?\d+"):
        make()


def test_values_stay_frozen() -> None:
    """A value the scanner built is as frozen as one built by its class."""
    span = find_quoted_spans("He said \N{LEFT DOUBLE QUOTATION MARK}yes\N{RIGHT DOUBLE QUOTATION MARK}.")[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.segments[0].end = 1  # type: ignore[misc]
