"""Invariants of the scanner and of ``extract`` that hold for any text whatsoever."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import quoteattr
from quoteattr.marks import DASHES, QUOTE_GLYPHS

# The pieces quote-heavy text is made of: every quote mark and dash the scanner knows,
# apostrophes in and around words, every kind of line break, spaces and short words.
# (with the doubled marks of news archives: ''…'' and ``…'')
_MARKS = st.sampled_from([*QUOTE_GLYPHS, *DASHES, "''", "``"])
_BREAKS = st.sampled_from(
    ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\N{PARAGRAPH SEPARATOR}", "\N{LINE TABULATION}"]
)
_SPACES = st.sampled_from([" ", "  ", "\t", "\N{NO-BREAK SPACE}", "\N{NARROW NO-BREAK SPACE}"])
_WORDS = st.sampled_from(
    [
        "he", "said", "She", "says", "Shoigu", "according", "to", "don't", "O'Brien", "'tis",
        "'90s", "rock 'n' roll", "students'", "dogs\N{RIGHT SINGLE QUOTATION MARK}", "y'know",
        "dit-il", "Yes,", "No.", "Why?", "Go!", "...", "\N{HORIZONTAL ELLIPSIS}", ",", ":", ".",
        "\N{CJK UNIFIED IDEOGRAPH-5F7C}\N{HIRAGANA LETTER HA}", "\N{COMBINING ACUTE ACCENT}", "x" * 30,
    ]
)
_PIECES = st.one_of(
    _MARKS, _MARKS, _MARKS, _BREAKS, _SPACES, _SPACES, _WORDS, _WORDS, st.text(max_size=4)
)
# Shapes the pairing stage has rules for: a quotation (possibly without its closer), a new
# paragraph that opens with a quote mark, a paragraph of dash dialogue with a narrator's clause.
_PHRASE = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_QUOTED = st.tuples(_MARKS, _PHRASE, st.one_of(_MARKS, st.just(""))).map("".join)
_REOPEN = st.tuples(_BREAKS, _MARKS, _PHRASE).map("".join)
_DIALOGUE = st.tuples(
    _BREAKS, st.sampled_from(list(DASHES)), st.sampled_from(["", " "]), _PHRASE,
    st.sampled_from(["! he said.", ", said Ann.", " \N{EM DASH} dit-il, \N{EM DASH} ", ""]),
).map("".join)
_PIECE = st.one_of(_PIECES, _QUOTED, _REOPEN, _DIALOGUE)

# Text built from those pieces, so that almost every example is dense with marks; plus
# plain random Unicode, so that nothing outside the pieces is forgotten.
quote_heavy_text = st.lists(_PIECE, max_size=40).map("".join)
any_text = st.one_of(quote_heavy_text, st.text(max_size=200))


def _check_nesting(spans: list[tuple[int, int]]) -> None:
    """Spans sorted by position overlap only by one lying inside the other."""
    assert spans == sorted(spans, key=lambda s: (s[0], -s[1]))
    open_ends: list[int] = []
    for start, end in spans:
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends:
            assert end <= open_ends[-1], f"span {start, end} crosses the end of its container"
        open_ends.append(end)


@given(any_text)
def test_quoted_spans_slice_back_and_nest(text: str) -> None:
    """Every quoted span and segment lies in the text, spans nest, top level never overlaps."""
    spans = quoteattr.find_quoted_spans(text)
    _check_nesting([(s.start, s.end) for s in spans])
    top = [s for s in spans if s.depth == 0]
    for a, b in itertools.pairwise(top):
        assert a.end <= b.start
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.text(text) == text[s.start : s.end]
        assert s.segments, "a quoted span has at least one content segment"
        for seg in s.segments:
            assert s.start <= seg.start <= seg.end <= s.end
        assert [g.start for g in s.segments] == sorted(g.start for g in s.segments)
        assert s.is_speech or s.reason, "a span set aside says why"


@given(any_text)
def test_extract_quotes_slice_back_in_order(text: str) -> None:
    """``extract`` returns quotes whose text is their slice of the input, sorted, disjoint."""
    quotes = quoteattr.extract(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        for seg in q.segments:
            assert q.start <= seg.start <= seg.end <= q.end
        for inner in q.nested:
            assert q.start <= inner.start < inner.end <= q.end
    for a, b in itertools.pairwise(quotes):
        assert a.end <= b.start, "top-level quotes do not overlap"


@given(quote_heavy_text)
def test_extract_returns_the_speech_of_find_quoted_spans(text: str) -> None:
    """Every top-level span that is speech (not quoted words inside a sentence) lies in a direct
    quote, and a direct quote is made of such spans."""
    speech = [s for s in quoteattr.find_quoted_spans(text) if s.depth == 0 and s.is_speech and not s.fragment]
    quotes = quoteattr.extract(text, kinds=("direct",))
    for s in speech:
        assert any(q.start <= s.start and s.end <= q.end for q in quotes), s
    for q in quotes:
        inside = [s for s in speech if q.start <= s.start and s.end <= q.end]
        assert inside and inside[0].start == q.start and inside[-1].end == q.end, q
        assert set(q.segments) <= {seg for s in inside for seg in s.segments}, q


@given(quote_heavy_text, st.sampled_from(["Intro.\n\n", "Intro.\r\n"]))
def test_offsets_shift_with_a_neutral_prefix(text: str, prefix: str) -> None:
    """After a narration paragraph, a one-paragraph text has the same spans, shifted."""
    assume(len((text + ".").splitlines()) == 1)  # no line break of any kind
    base = [(s.start, s.end, s.depth, s.is_speech) for s in quoteattr.find_quoted_spans(text)]
    shifted = [
        (s.start - len(prefix), s.end - len(prefix), s.depth, s.is_speech)
        for s in quoteattr.find_quoted_spans(prefix + text)
    ]
    assert shifted == base


# Regressions: examples the properties above found, kept so that they are always run.


def _assert_invariants(text: str) -> None:
    spans = quoteattr.find_quoted_spans(text)
    _check_nesting([(s.start, s.end) for s in spans])
    assert len({(s.start, s.end) for s in spans}) == len(spans), "a span is reported twice"
    for s in spans:
        if s.style and s.style[0] not in "\N{EM DASH}\N{EN DASH}":
            # a span in quote marks starts at its opener and ends at its closer (or unclosed)
            assert s.text(text).startswith(s.style[0])
            assert s.unclosed or s.text(text).endswith(s.style[-1])


@pytest.mark.parametrize(
    "text",
    [
        "\N{EM DASH}Stop! he said. She called \N{LEFT DOUBLE QUOTATION MARK}Wait, she said, for me"
        "\N{RIGHT DOUBLE QUOTATION MARK} and ran.",
        "\n\N{EM DASH}'tis! he said.\"Yes, he'\"",
    ],
    ids=["realistic", "found_by_hypothesis"],
)
def test_dash_part_resumed_after_clause_does_not_cross_quotation(text: str) -> None:
    """A dialogue part that resumes after 'he said.' nests with quotations in marks, never crosses."""
    _assert_invariants(text)


def test_dash_part_resumed_after_clause_does_not_repeat_quotation() -> None:
    """A quotation in marks after a dialogue line's clause is reported once, not twice."""
    _assert_invariants(
        "\N{EM DASH}Is it far? he asked, \N{LEFT DOUBLE QUOTATION MARK}or near?\N{RIGHT DOUBLE QUOTATION MARK}"
    )
