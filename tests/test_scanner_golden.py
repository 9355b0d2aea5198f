"""The quote scanner (stages marks -> spans) against the golden cases in ``golden/scanner.jsonl``.

Each line of the data file is one case; ``golden/README.md`` gives the schema. A case with an
``"xfail"`` key is a known scanner bug: it runs as ``xfail(strict=True)``, so a fix shows up
as a failure that asks for the key to be removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr import find_quoted_spans

GOLDEN = Path(__file__).parent / "golden" / "scanner.jsonl"
# Keys a span may leave out; when present they are compared too.
OPTIONAL_KEYS = ("start", "reason", "style")


def _load() -> list[dict[str, Any]]:
    with GOLDEN.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


CASES = _load()


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, id=case["name"], marks=marks))
    return params


def _observed(text: str, wanted: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the scanner finds, in the shape of the golden spans (optional keys as asked)."""
    asked = {key for span in wanted for key in OPTIONAL_KEYS if key in span}
    found = []
    for span in find_quoted_spans(text):
        row: dict[str, Any] = {
            "text": span.text(text),
            "depth": span.depth,
            "speech": span.is_speech,
            "unclosed": span.unclosed,
            "segments": [seg.slice(text) for seg in span.segments],
        }
        for key, value in (("start", span.start), ("reason", span.reason), ("style", span.style)):
            if key in asked:
                row[key] = value
        found.append(row)
    # a golden span that leaves out an optional key matches any value of it
    for row, want in zip(found, wanted, strict=False):
        for key in asked - set(want):
            row.pop(key, None)
    return found


@pytest.mark.parametrize("case", _params())
def test_golden_case(case: dict[str, Any]) -> None:
    """The scanner finds exactly the golden spans of the case, in order, with their details."""
    assert _observed(case["text"], case["spans"]) == case["spans"]


def test_golden_file_is_well_formed() -> None:
    """Every case has a unique name and spans that occur in its text at the offsets given."""
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
    for case in CASES:
        assert set(case) <= {"name", "text", "spans", "xfail"}, case["name"]
        for span in case["spans"]:
            assert set(span) <= {"text", "depth", "speech", "unclosed", "segments", *OPTIONAL_KEYS}
            assert span["text"] in case["text"], case["name"]
            if "start" in span:
                start = span["start"]
                assert case["text"][start : start + len(span["text"])] == span["text"], case["name"]
            assert span["speech"] == ("reason" not in span), "a span set aside gives its reason"
            for segment in span["segments"]:
                assert segment in span["text"], case["name"]


def test_span_set_aside_says_why() -> None:
    """Every span that is not speech carries a non-empty reason, and speech carries none."""
    for case in CASES:
        for span in find_quoted_spans(case["text"]):
            assert bool(span.reason) != span.is_speech, (case["name"], span)


@pytest.mark.parametrize(
    "glyphs",
    [
        "\N{QUOTATION MARK}\N{QUOTATION MARK}",
        "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
        "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}",
        "\N{APOSTROPHE}\N{APOSTROPHE}",
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}",
        "\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}",
        "\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}",
        "\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}",
    ],
)
def test_every_convention_pairs_in_the_same_sentence(glyphs: str) -> None:
    """Each pair of marks the design lists quotes the same sentence, with the same offsets."""
    opener, closer = glyphs
    text = f"She said: {opener}We leave at dawn, all of us.{closer} Then she left."
    (span,) = find_quoted_spans(text)
    assert (span.start, span.end, span.style) == (10, 40, glyphs)
    assert [seg.slice(text) for seg in span.segments] == ["We leave at dawn, all of us."]
    assert span.is_speech and not span.unclosed
