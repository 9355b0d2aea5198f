"""Regressions: inputs that once broke ``extract``, each named after what broke.

Every case asserts the specific behaviour that was wrong and the general invariants too
(``check_quotes``: offsets slice back, attribution lies outside the quoted words, a speaker
or a reason). Found by the property tests (``tests/test_properties_extract.py``), the
hardening tests and the fuzzer (``fuzz/``).
"""

from __future__ import annotations

from invariants import check_quotes, hang_guard

import quoteattr

ALL_KINDS = ("direct", "mixed", "indirect")


def test_mixed_quote_keeps_a_nested_quote_ending_in_the_trimmed_comma() -> None:
    """A reported clause whose last quoted words end in a comma still contains them.

    The clause's content drops its final punctuation; an unclosed quotation ending in that
    comma was listed in ``nested`` while reaching one character past the quote's end.
    """
    text = "Shoigu said that cooperation with France was growing and was now \N{LEFT DOUBLE QUOTATION MARK}useful,\n"
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    [mixed] = [q for q in quotes if q.kind == "mixed"]
    assert mixed.text.endswith("\N{LEFT DOUBLE QUOTATION MARK}useful,")
    assert [text[s.start : s.end] for s in mixed.nested] == ["\N{LEFT DOUBLE QUOTATION MARK}useful,"]


def test_a_long_line_of_spaces_is_read_in_linear_time() -> None:
    """A line of spaces is passed over once, not once per position (a 1 MB one took over an hour).

    Paragraph finding tried its line pattern at every position of a blank line, each try
    running to the line's end: time quadratic in the line's length.
    """
    text = " " * 1_000_000 + "\n\N{LEFT DOUBLE QUOTATION MARK}Yes,\N{RIGHT DOUBLE QUOTATION MARK} said Ann.\n" + "\t" * 500_000
    with hang_guard(120):
        quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    assert [(q.text, q.speaker.name) for q in quotes] == [("\N{LEFT DOUBLE QUOTATION MARK}Yes,\N{RIGHT DOUBLE QUOTATION MARK}", "Ann")]
