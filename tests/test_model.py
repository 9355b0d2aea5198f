"""The frozen values of ``quoteattr.model``: immutability, validation, the dict round trip."""

from __future__ import annotations

import json

import attrs
import pytest

from quoteattr import Cue, Mention, Quote, QuotedSpan, Span, Speaker

SOURCE = "\N{LEFT DOUBLE QUOTATION MARK}We will win,\N{RIGHT DOUBLE QUOTATION MARK} said the Minister."


def _full_quote() -> Quote:
    return Quote(
        text=SOURCE[0:14],
        start=0,
        end=14,
        segments=[Span(1, 13)],
        kind="direct",
        speaker=Speaker("Sergei Shoigu", aliases=["Shoigu", "the Minister"], id="e1"),
        speaker_mention=Mention(20, 32, "the Minister", "nominal"),
        cue=Cue(15, 19, "said"),
        confidence=0.75,
        rule="said-X",
        reason=None,
        unclosed=False,
        nested=[Span(3, 5)],
    )


@pytest.mark.parametrize(
    ("value", "field", "new"),
    [
        (Span(0, 3), "start", 1),
        (Mention(0, 2, "he", "pronoun"), "text", "she"),
        (Cue(0, 4, "said"), "end", 5),
        (Speaker("Le Drian"), "name", "Shoigu"),
        (_full_quote(), "confidence", 0.1),
        (QuotedSpan(0, 3, [Span(1, 2)], "\"\""), "is_speech", False),
    ],
    ids=["Span", "Mention", "Cue", "Speaker", "Quote", "QuotedSpan"],
)
def test_values_are_frozen(value: object, field: str, new: object) -> None:
    """Assigning to a field of a model value raises; attrs.evolve makes a changed copy."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, new)
    changed = attrs.evolve(value, **{field: new})
    assert getattr(changed, field) == new and changed != value


def test_quote_round_trips_through_json() -> None:
    """to_dict -> json.dumps -> json.loads -> from_dict gives an equal Quote, every field kept."""
    quote = _full_quote()
    back = Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert back == quote
    assert back.speaker.aliases == ("Shoigu", "the Minister")
    assert back.speaker_mention.kind == "nominal"
    assert back.cue == Cue(15, 19, "said")
    assert back.nested == (Span(3, 5),) and back.segments == (Span(1, 13),)


def test_quote_without_speaker_round_trips_through_json() -> None:
    """A quote with a mention and a cue but no speaker round-trips to an equal Quote."""
    quote = attrs.evolve(_full_quote(), speaker=None, reason="no name for the mention")
    back = Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert back == quote
    assert back.speaker_mention == Mention(20, 32, "the Minister", "nominal")
    assert back.cue == Cue(15, 19, "said") and back.nested == (Span(3, 5),)


def test_bare_quote_round_trips_through_json() -> None:
    """A quote with no speaker, mention or cue (None fields) also round-trips exactly."""
    quote = Quote(
        text=SOURCE[0:13], start=0, end=13, segments=[Span(1, 13)], reason="no cue", unclosed=True
    )
    back = Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert back == quote
    assert back.speaker is None and back.speaker_mention is None and back.cue is None


def test_to_dict_is_plain_json() -> None:
    """to_dict holds only JSON types, with offsets as [start, end] lists."""
    data = attrs.evolve(_full_quote(), speaker=None).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["segments"] == [[1, 13]] and data["nested"] == [[3, 5]]
    assert data["cue"] == {"start": 15, "end": 19, "text": "said"}
    assert data["speaker_mention"] == {"start": 20, "end": 32, "text": "the Minister", "kind": "nominal"}


def test_quote_content_and_span() -> None:
    """Quote.content is the words between the marks; Quote.span its [start, end)."""
    quote = _full_quote()
    assert quote.content == "We will win,"
    assert quote.span == Span(0, 14) and quote.span.slice(SOURCE) == quote.text
    assert len(quote.span) == 14


def test_multi_segment_content_joins_segments() -> None:
    """A quotation over two paragraphs gives its two contents joined by a space."""
    text = "\N{LEFT DOUBLE QUOTATION MARK}One.\n\n\N{LEFT DOUBLE QUOTATION MARK}Two.\N{RIGHT DOUBLE QUOTATION MARK}"
    quote = Quote(text=text, start=0, end=len(text), segments=[Span(1, 5), Span(8, 12)])
    assert quote.content == "One. Two."


@pytest.mark.parametrize(
    "make",
    [
        lambda: Span(-1, 3),
        lambda: Span(5, 4),
        lambda: Cue(3, 2, "said"),
        lambda: Mention(-2, 0, "he", "pronoun"),
        lambda: QuotedSpan(4, 1, [], "\"\""),
        lambda: Quote(text="x", start=2, end=1, segments=[]),
        lambda: Quote(text="x", start=-1, end=0, segments=[]),
    ],
    ids=["negative-start", "end-before-start", "cue", "mention", "quoted-span", "quote", "quote-negative"],
)
def test_bad_offsets_are_rejected(make) -> None:
    """Offsets must satisfy 0 <= start <= end; the error names both values."""
    with pytest.raises(ValueError, match=r"start=-?\d+, end=-?\d+"):
        make()


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2, float("nan")])
def test_confidence_outside_unit_interval_is_rejected(confidence: float) -> None:
    """Quote.confidence must lie in [0, 1]."""
    with pytest.raises(ValueError, match="confidence"):
        attrs.evolve(_full_quote(), confidence=confidence)


@pytest.mark.parametrize("confidence", [0, 0.0, 0.5, 1, 1.0])
def test_confidence_bounds_are_accepted(confidence: float) -> None:
    """Both ends of [0, 1] are valid confidences."""
    assert attrs.evolve(_full_quote(), confidence=confidence).confidence == confidence


def test_unknown_kinds_are_rejected() -> None:
    """A Quote kind outside direct/mixed/indirect and a Mention kind outside name/pronoun/nominal fail."""
    with pytest.raises(ValueError):
        attrs.evolve(_full_quote(), kind="reported")
    with pytest.raises(ValueError):
        Mention(0, 2, "he", "person")


def test_empty_span_is_allowed() -> None:
    """start == end is a valid, empty span (the content of “”)."""
    assert len(Span(4, 4)) == 0 and Span(4, 4).slice("abcdef") == ""
