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


GOLD_INDIRECT = [q for q in SEED["quotes"] if q["type"] == "indirect"]
ALL_KINDS = ("direct", "mixed", "indirect")
# The two headline lines "Shoigu: of cooperation …" paraphrase Shoigu; the gold notes say they
# are not counted either way, so a reported quote found there is neither wanted nor wrong.
HEADLINE_END = TEXT.index("MOSCOW, December 21.")


def _overlapping(quotes: list[quoteattr.Quote], start: int, end: int) -> list[quoteattr.Quote]:
    return [q for q in quotes if q.start < end and start < q.end]


def test_direct_quotes_have_their_speakers() -> None:
    """Shoigu's two quotes and Le Drian's four ("he said", both "said the Minister of defence of
    France", "said Le Drian") carry the canonical names of the gold."""
    expected = ["Sergei Shoigu"] * 2 + ["Jean-Yves Le Drian"] * 4
    assert [g["speaker"] for g in GOLD_DIRECT] == expected
    quotes = quoteattr.extract(TEXT, kinds=("direct",))
    assert [q.speaker.name if q.speaker else None for q in quotes] == expected


@pytest.mark.parametrize("gold", GOLD_DIRECT, ids=[f"quote@{q['start']}" for q in GOLD_DIRECT])
def test_direct_quote_speaker_mention_and_cue(gold: dict) -> None:
    """Each direct quote points at the gold's speaker mention ("Shoigu", "he", "the Minister of
    defence of France", "Le Drian") and at its cue, with offsets that slice back to their text."""
    (quote,) = _overlapping(quoteattr.extract(TEXT, kinds=("direct",)), gold["start"], gold["end"])
    mention, cue = quote.speaker_mention, quote.cue
    assert mention is not None and cue is not None
    assert TEXT[mention.start : mention.end] == mention.text
    assert TEXT[cue.start : cue.end] == cue.text
    assert any(mention.start < end and start < mention.end for start, end in gold["speaker_mentions"])
    assert (cue.start, cue.end) == tuple(gold["cue"])


def test_one_speaker_id_per_person() -> None:
    """All quotes of one person share a speaker id, and the two ministers have different ones."""
    ids: dict[str, set[str]] = {}
    for q in quoteattr.extract(TEXT, kinds=ALL_KINDS):
        if q.speaker is not None:
            ids.setdefault(q.speaker.name, set()).add(q.speaker.id)
    assert set(ids) == {"Sergei Shoigu", "Jean-Yves Le Drian"}
    assert all(len(found) == 1 for found in ids.values()), ids
    assert ids["Sergei Shoigu"] != ids["Jean-Yves Le Drian"]


def test_indirect_quotes_are_found_with_their_speakers() -> None:
    """At least five of the six reported (indirect) gold quotes are found — an indirect or mixed
    quote over the gold content — with the gold speaker's canonical name."""
    quotes = [q for q in quoteattr.extract(TEXT, kinds=ALL_KINDS) if q.kind != "direct"]
    assert len(GOLD_INDIRECT) == 6
    right, wrong = [], []
    for gold in GOLD_INDIRECT:
        names = [
            q.speaker.name if q.speaker else None for q in _overlapping(quotes, gold["start"], gold["end"])
        ]
        (right if gold["speaker"] in names else wrong).append((gold["text"][:40], gold["speaker"], names))
    assert len(right) >= 5, f"found with the right speaker: {len(right)} of 6; missed: {wrong}"


def test_no_narration_is_reported_as_speech() -> None:
    """Every indirect or mixed quote returned overlaps a gold quotation: narration such as "He
    also recalled his two previous meetings with Shoigu" is not reported speech."""
    quotes = [q for q in quoteattr.extract(TEXT, kinds=ALL_KINDS) if q.kind != "direct"]
    stray = [
        q.text
        for q in quotes
        if q.start >= HEADLINE_END
        and not any(q.start < g["end"] and g["start"] < q.end for g in SEED["quotes"])
    ]
    assert stray == []
