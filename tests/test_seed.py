"""The project's example article (``data/seed.json``, a copy of ``shared/gold/seed.json``).

Only quote detection is pinned here; speakers are asserted where attribution is tested.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quoteattr

SEED = json.loads((Path(__file__).parent / "data" / "seed.json").read_text(encoding="utf-8"))
TEXT: str = SEED["text"]
GOLD_DIRECT = [q for q in SEED["quotes"] if q["type"] == "direct"]

# What the scorer (shared/eval/score.py) trims off both ends of a quote before comparing.
_TRIM = (
    "\N{QUOTATION MARK}\N{APOSTROPHE}\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
    "\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}"
    "\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
    "\N{EM DASH}\N{EN DASH}-:;,. \t\n"
)


def _content(start: int, end: int) -> tuple[int, int]:
    """The offsets of a quote's words: marks and edge punctuation trimmed, as the scorer does."""
    while start < end and TEXT[start] in _TRIM:
        start += 1
    while end > start and TEXT[end - 1] in _TRIM:
        end -= 1
    return start, end


def test_seed_has_six_direct_quotes() -> None:
    """The copy of the seed article is the one the brief describes: six direct quotations."""
    assert len(GOLD_DIRECT) == 6
    for q in GOLD_DIRECT:
        assert TEXT[q["start"] : q["end"]] == q["text"]


def test_extract_finds_exactly_the_direct_quotes() -> None:
    """``extract`` returns the six direct quotations and nothing else, in order."""
    quotes = [q for q in quoteattr.extract(TEXT) if q.kind == "direct"]
    assert [(q.start, q.end) for q in quotes] == [(g["start"], g["end"]) for g in GOLD_DIRECT]
    assert len(quoteattr.extract(TEXT, kinds=("direct",))) == 6


@pytest.mark.parametrize("gold", GOLD_DIRECT, ids=[f"quote@{q['start']}" for q in GOLD_DIRECT])
def test_direct_quote_offsets_and_content(gold: dict) -> None:
    """Each gold quote is found with its exact offsets, text and marks-stripped content."""
    (quote,) = [q for q in quoteattr.extract(TEXT) if q.start < gold["end"] and gold["start"] < q.end]
    assert (quote.start, quote.end) == (gold["start"], gold["end"])
    assert quote.text == gold["text"]
    assert _content(quote.start, quote.end) == _content(gold["start"], gold["end"])
    (segment,) = quote.segments
    assert segment.slice(TEXT).strip(_TRIM) == TEXT[slice(*_content(gold["start"], gold["end"]))]
    assert not quote.unclosed


def test_scare_quote_is_not_a_quote() -> None:
    """“Islamic state” is reported by the scanner as not speech, with a reason, and never extracted."""
    (gold,) = SEED["not_quotes"]
    assert (gold["start"], gold["end"]) == (2875, 2890)
    assert all(q.end <= gold["start"] or q.start >= gold["end"] for q in quoteattr.extract(TEXT))
    (span,) = [s for s in quoteattr.find_quoted_spans(TEXT) if s.start == gold["start"]]
    assert span.end == gold["end"]
    assert span.text(TEXT) == "\N{LEFT DOUBLE QUOTATION MARK}Islamic state\N{RIGHT DOUBLE QUOTATION MARK}"
    assert span.is_speech is False
    assert span.reason


def test_extract_with_all_kinds_does_not_return_the_scare_quote() -> None:
    """Asking for every kind of quotation still leaves the quoted name out."""
    quotes = quoteattr.extract(TEXT, kinds=("direct", "mixed", "indirect"))
    assert "\N{LEFT DOUBLE QUOTATION MARK}Islamic state\N{RIGHT DOUBLE QUOTATION MARK}" not in [
        q.text for q in quotes
    ]
