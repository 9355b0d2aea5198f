"""Regressions: inputs that once broke ``extract``, each named after what broke.

Every case asserts the specific behaviour that was wrong and the general invariants too
(``check_quotes``: offsets slice back, attribution lies outside the quoted words, a speaker
or a reason). Found by the property tests (``tests/test_properties_extract.py``), the
hardening tests and the fuzzer (``fuzz/``).
"""

from __future__ import annotations

import itertools
import json

import pytest
from invariants import check_quotes, hang_guard

import quoteattr
from quoteattr.cli import main as cli_main
from quoteattr.spans import _said_after

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


def test_spaces_and_tabs_after_a_quoted_word_are_read_in_linear_time() -> None:
    """A quoted word inside a sentence, then a megabyte of spaces and tabs: read once.

    Whether a speech tag follows the quotation ('“hi,” said Tom') was asked of a pattern that
    gave the run back a character at a time: time quadratic in its length (128,000 characters
    took 42 s, a megabyte hours).
    """
    text = "a \N{LEFT DOUBLE QUOTATION MARK}hi\N{RIGHT DOUBLE QUOTATION MARK}" + " \t" * 500_000 + "x"
    with hang_guard(120):
        quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    assert quotes == []  # (a word in lower case inside a sentence, no cue: a term, no quote)
    # the tags it finds are those it found before: white space, a comma or none, then white space
    close = "\N{RIGHT DOUBLE QUOTATION MARK}"
    tags = {after: _said_after(f"{close}{after}", 1) for after in (", said Tom", " \t said Tom", "  ,  he said", ",he said", " ,said Tom", " Tom Smith quietly said", " Tom, who")}
    assert tags == {", said Tom": True, " \t said Tom": True, "  ,  he said": True, ",he said": False, " ,said Tom": False, " Tom Smith quietly said": True, " Tom, who": False}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("unit", "size"),
    [
        # each comma asked whether the words before it were an opening phrase, splitting them
        ("said Tom, adding that ", 2_000_000),
        # each "called" looked through every quotation of the sentence
        ("called it \N{LEFT DOUBLE QUOTATION MARK}bad\N{RIGHT DOUBLE QUOTATION MARK} and ", 2_500_000),
    ],
)
def test_a_long_sentence_of_repeated_cues_is_read_in_linear_time(unit: str, size: int) -> None:
    """One sentence of megabytes (no full stop) repeating a cue: each repetition reads a
    bounded stretch, not the sentence so far (time was quadratic: about 500 and 400 s here)."""
    text = unit * (size // len(unit))
    with hang_guard(240):
        quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)


def test_a_tag_after_a_quotation_is_looked_for_nearby() -> None:
    """The comma of a tag after a quotation ('« Oui », dit-il') is looked for within 200
    characters: ``regex`` reads a range for the comma before matching, so every short quotation
    of a long text read all the rest of it (a megabyte of them took minutes)."""
    from quoteattr.spans import _tagged_after

    close = "\N{RIGHT DOUBLE QUOTATION MARK}"
    assert _tagged_after(f"{close}, dit-il", 1)
    assert _tagged_after(f"{close}" + " " * 150 + ", dit-il", 1)
    assert not _tagged_after(f"{close}" + " " * 250 + ", dit-il", 1)
    assert not _tagged_after(f"{close}, Dit-il", 1)


@pytest.mark.slow
def test_a_quotation_reopened_in_many_paragraphs_is_read_in_linear_time() -> None:
    """A quotation that runs over 250,000 paragraphs, reopened at each: one quotation with a
    segment a paragraph, its segments gathered once (a tuple copied at each paragraph made the
    time grow with the square of their number: about 190 s here)."""
    text = "\N{LEFT DOUBLE QUOTATION MARK}Hi there.\n\n" * 250_000
    with hang_guard(120):
        quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    [quote] = quotes
    assert quote.unclosed and len(quote.segments) == 250_000
    assert {text[s.start : s.end] for s in quote.segments} == {"Hi there."}


def test_a_transcript_turn_ends_where_a_quotation_in_it_starts() -> None:
    """A transcript's turn ("ORTIZ: …") that holds a quotation of its own is the speaker's up to
    it: taken whole, the turn (a direct quote) overlapped the quotation the scanner found in it
    (found by the fuzzer: "ORTIZ: Because it would have cost ever … “The  s`topped.")."""
    text = (
        "HOLT: Why did you vote against the bill?\n\n"
        "ORTIZ: Because it would have cost us all, \N{LEFT DOUBLE QUOTATION MARK}and I will not,"
        "\N{RIGHT DOUBLE QUOTATION MARK} she said."
    )
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("Why did you vote against the bill?", "Holt"),
        ("Because it would have cost us all,", "Ortiz"),
        ("\N{LEFT DOUBLE QUOTATION MARK}and I will not,\N{RIGHT DOUBLE QUOTATION MARK}", "Ortiz"),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_description_over_a_line_break_names_the_speaker_with_single_spaces(newline: str) -> None:
    """A speaker known by a description that runs over a line break ("the new Minister of" /
    "defence") is named with single spaces: the name held the line ending, so it differed
    between \\n and \\r\\n text (found by the explore profile of the property tests)."""
    text = (
        f"The new Minister of{newline}defence said: \N{LEFT DOUBLE QUOTATION MARK}We will win."
        f"\N{RIGHT DOUBLE QUOTATION MARK}{newline}{newline}He left."
    )
    [quote] = quoteattr.extract(text)
    check_quotes(text, [quote])
    assert quote.speaker is not None and quote.speaker.name == "The new Minister of defence"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == f"The new Minister of{newline}defence"
    assert quote.cue is not None and quote.cue.text == "said"  # (not the colon, with "said" in the name)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_chapter_heading_is_read_whatever_the_line_endings(newline: str) -> None:
    """"CHAPTER I" on a line of its own ends with "\\r\\n" in a novel saved on Windows: still a
    heading, so the text is fiction, not news (the heading pattern's "$" stopped at "\\n")."""
    from quoteattr.speakers import is_news

    text = (
        "CHAPTER I\n\nOn Monday, May 2, 2016, officials in Washington said the plan would cost $4.2 million, "
        "a spokesman said on Tuesday. Senator Smith told reporters that it was bad for the 2017 budget.\n\n"
        "\N{LEFT DOUBLE QUOTATION MARK}No,\N{RIGHT DOUBLE QUOTATION MARK} she said."
    )
    assert is_news(text.replace("CHAPTER I\n\n", ""))  # (without its heading it reads as news)
    assert not is_news(text) and not is_news(text.replace("\n", newline))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_move_no_speaker_across_a_long_distance(newline: str) -> None:
    """The rules count distances in characters ("the latest woman named within 5,000"); "\\r\\n"
    made each line a character longer and put Mary out of reach. Text with other line endings
    is read as its "\\n" copy, its offsets moved back into the caller's string."""
    text = (
        "Mary came in.\n\n" + "The rain fell on the roof all day.\n" * 140
        + "\n\N{LEFT DOUBLE QUOTATION MARK}Yes,\N{RIGHT DOUBLE QUOTATION MARK} she said."
    )
    converted = text.replace("\n", newline)
    [plain] = quoteattr.extract(text)
    [quote] = quoteattr.extract(converted)
    check_quotes(converted, [quote])
    assert plain.speaker is not None and plain.speaker.name == "Mary"
    assert quote.speaker is not None and quote.speaker.name == "Mary"
    assert quote.cue is not None and converted[quote.cue.start : quote.cue.end] == "said"


def test_a_label_holding_a_quote_mark_is_no_transcript_turn() -> None:
    """A "label" that holds a quote mark opening a quotation over the turn ("CHA''HOLT: ...")
    is no speaker label: taken for one, the turn (a direct quote) overlapped that quotation
    (found by a random stress of odd marks)."""
    text = "CHA" + "'" * 4 + "HOLT: \N{EM DASH} Oui, \N{EM DASH} dit-il, \N{EM DASH} Oui."
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    assert all(q.rule != "X:" for q in quotes)


def test_quotes_that_start_together_come_shorter_first() -> None:
    """Quotes come in text order, by start and then end, also when a reported clause starts where
    a quotation does (found by a random stress of odd marks: the two came longer first)."""
    text = (
        "According to Tom s\N{LEFT DOUBLE QUOTATION MARK}Hi,\N{RIGHT DOUBLE QUOTATION MARK}"
        "\N{LEFT DOUBLE QUOTATION MARK}Hi, Bab?\N{RIGHT DOUBLE QUOTATION MARK} said Lab.\n\n"
        "\N{LEFT DOUBLE QUOTATION MARK}Yes.\N{RIGHT DOUBLE QUOTATION MARK}"
    )
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    assert [q.kind for q in quotes] == ["indirect", "direct"] and quotes[0].start == quotes[1].start


def test_cli_writes_a_document_with_a_lone_surrogate(tmp_path) -> None:
    """A JSONL text holding a lone surrogate (a legal \\ud800 escape) is written, not a crash.

    The output was written with ``ensure_ascii=False``: encoding it to UTF-8 raised
    UnicodeEncodeError and the documents after it were lost.
    """
    text = "\N{LEFT DOUBLE QUOTATION MARK}Yes\ud800,\N{RIGHT DOUBLE QUOTATION MARK} said Ann."
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": "ok"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert cli_main(["--jsonl", str(inp), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    [quote] = records[0]["quotes"]
    assert quote["text"] == text[quote["start"] : quote["end"]] and quote["speaker"] == "Ann"


def test_cli_skips_a_jsonl_line_that_is_not_utf8(tmp_path, capsys) -> None:
    """A JSONL line with bytes that are not UTF-8 is reported by number and skipped; the rest go on."""
    inp = tmp_path / "in.jsonl"
    inp.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "\xe2\x80\x9cHi,\xe2\x80\x9d he said."}\n')
    out = tmp_path / "out.jsonl"
    assert cli_main(["--jsonl", str(inp), "-o", str(out)]) == 1
    assert "line 1: skipped: the line is not UTF-8 text" in capsys.readouterr().err
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["b"]


def test_cli_says_a_text_file_is_not_utf8(tmp_path, capsys) -> None:
    """A text file that is not UTF-8 gives a usage error naming the file, not a traceback."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}Oui\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}, dit-il.".encode("latin-1"))
    with pytest.raises(SystemExit) as info:
        cli_main([str(path)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "latin1.txt is not UTF-8 text" in err and "convert it to UTF-8" in err


def test_each_sentence_of_a_long_paragraph_reads_only_the_quotations_near_it(monkeypatch) -> None:
    """Reported speech looks at the quotations around a sentence, not at its whole paragraph.

    Every sentence with a reporting verb listed all the quotations of its paragraph: time
    quadratic in a paragraph's length (a one-paragraph 1 MB dialogue took a minute).
    """
    from quoteattr import reported

    seen: list[int] = []
    outside = reported._outside

    def counting_outside(toks, quotes, qstarts):
        seen.append(len(quotes))
        return outside(toks, quotes, qstarts)

    monkeypatch.setattr(reported, "_outside", counting_outside)
    text = "".join(
        f"Ann said that line {i} was fine. \N{LEFT DOUBLE QUOTATION MARK}Yes, it is,\N{RIGHT DOUBLE QUOTATION MARK} he said. "
        for i in range(2000)
    )
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    assert sum(q.kind == "direct" for q in quotes) == 2000
    assert sum(q.kind == "indirect" for q in quotes) == 2000
    assert seen and max(seen) <= 2


def test_fronted_clause_cue_is_not_read_inside_the_next_quotation() -> None:
    """The speaker of a reported clause is never a name inside a quotation (found by the fuzzer).

    Fuzzer input, minimised: ``a dit ac,,«N replied``.
    """
    text = "The plan is good,,\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}Shoigu replied"
    check_quotes(text, quoteattr.extract(text, kinds=ALL_KINDS))


def test_unclosed_parenthesis_after_a_quote_does_not_hang():
    """A cue window with '(' and no ')' once looped for ever looking for the reporting verb past
    the parenthesis; it must end, and offsets must slice back."""
    text = "\N{LEFT DOUBLE QUOTATION MARK}We will win,\N{RIGHT DOUBLE QUOTATION MARK} Rep. Gwen Moore (D-Wis said Friday."
    quotes = quoteattr.extract(text, kinds=("direct",))
    assert [q.text for q in quotes] == [text[: text.index(" Rep.")]]
    for q in quotes:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "\N{EM DASH}Stop! he said.\n\N{EM DASH}Go" + " " * 200_000 + "now.\n",
        "\N{EM DASH} Oui, \N{EM DASH} dit-il, \N{EM DASH} je" + "\t " * 100_000 + "viens.\n\N{EM DASH} Non.\n",
    ],
    ids=["spaced-dash", "resume-dash"],
)
def test_dash_dialogue_with_a_long_run_of_spaces_is_read_in_linear_time(text: str) -> None:
    """A dash dialogue line holding a long run of spaces is read once (200,000 spaces took hours).

    The patterns for a spaced dash ("— Yes, — he said") and for the dash that gives the floor
    back ("— he said, — I come") were tried at every space of a run, each try reading to the
    run's end. Found by benchmarks/regex_worst_case.py.
    """
    with hang_guard(120):
        quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    assert quotes[0].content in ("Stop!", "Oui,")
    assert quotes[-1].content in ("Non.", "Go" + " " * 200_000 + "now.")


def test_crlf_line_endings_find_the_same_reported_speech() -> None:
    """\\r\\n endings give the reported speech of \\n endings (found by the property tests).

    Found by ``HYPOTHESIS_PROFILE=explore`` on test_line_endings_do_not_move_quotes.
    """
    text = (
        "Paris.\n\nShoigu said: \N{LEFT DOUBLE QUOTATION MARK}we will win this war and then we will all "
        "go home to our families again,\N{RIGHT DOUBLE QUOTATION MARK}\nand Ann said that\nthe war was over\n"
    )
    crlf = text.replace("\n", "\r\n")
    check_quotes(crlf, quoteattr.extract(crlf, kinds=ALL_KINDS))
    assert [(q.kind, q.content.replace("\r\n", "\n")) for q in quoteattr.extract(crlf, kinds=ALL_KINDS)] == [
        (q.kind, q.content) for q in quoteattr.extract(text, kinds=ALL_KINDS)
    ]


def test_a_quotation_crossing_two_dialogue_parts_stays_nested() -> None:
    """A single quote that opens in one dash part and a second part that ends after it: every
    span around the quotation runs to its end, so spans nest (none crosses its container).

    Found by ``HYPOTHESIS_PROFILE=explore`` on test_quoted_spans_slice_back_and_nest.
    """
    text = "\n\n\N{EM DASH}'tis \N{EM DASH} dit-il, \N{EM DASH} \n\N{EM DASH} students'! he said."
    spans = quoteattr.find_quoted_spans(text)
    assert len(spans) == 3
    for outer in spans:
        for inner in spans:
            if outer.start <= inner.start < outer.end:
                assert inner.end <= outer.end, (outer, inner)


@pytest.mark.parametrize(
    "text",
    [
        # a quotation of the paragraph before runs on into it
        "\n\"'90s said:\n\"\"\"he rock 'n' roll\"",
        # the paragraph holds a quotation of its own, after two stray closing marks
        "\n\"'90s said:\n\N{RIGHT CORNER BRACKET}\N{RIGHT CORNER BRACKET}\"he rock 'n' roll\"",
    ],
)
def test_no_block_quote_over_quoted_words(text: str) -> None:
    """A paragraph after "… said:" is a block quotation only if it holds no quoted words (of a
    quotation running on into it, or of its own): else both would cover the same words.

    Found by ``HYPOTHESIS_PROFILE=explore`` on test_extract_quotes_slice_back_in_order.
    """
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    for a, b in itertools.pairwise(quotes):
        assert a.end <= b.start, (a, b)


def test_the_scanner_reads_any_line_endings_as_line_feeds() -> None:
    """``find_quoted_spans`` gives the spans of the ``\\n`` copy whatever the endings: its counts
    of lines read "\\n" only, so "\\r\\r\\n" endings tipped a dash-dialogue decision, and ``extract``
    (which reads the ``\\n`` copy) disagreed with it (found by the explore profile)."""
    from quoteattr.newlines import LineFeeds

    text = (
        '\n\n\n"\n\N{EM DASH}he he he said \N{EM DASH} dit-il, \N{EM DASH} ""he he O\'Brien O\'Brien"he he Yes, '
        "he said xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\n\r\r\n\r\n"
    )
    lines = LineFeeds(text)
    spans = quoteattr.find_quoted_spans(text)
    assert spans == [lines.quoted_span(s) for s in quoteattr.find_quoted_spans(lines.plain)]
    speech = [s for s in spans if s.depth == 0 and s.is_speech and not s.fragment]
    assert [(q.start, q.end) for q in quoteattr.extract(text, kinds=("direct",))] == [(s.start, s.end) for s in speech]
