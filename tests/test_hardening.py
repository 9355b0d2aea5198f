"""Input that could break ``extract``, one class a test, each with the behaviour it gets.

Input that is not text raises :class:`quoteattr.InputTypeError` naming what came; text of any
shape and any size gives quotations whose offsets slice back to their text (checked by
``invariants.check_quotes``). Bytes and the common non-text types are also pinned in
``tests/test_errors.py``; here are the rest. The largest inputs run under a hang guard set
far above their usual time: it turns a hang into a failure and measures nothing.
"""

from __future__ import annotations

import concurrent.futures
import decimal
import fractions
import json
import random
from pathlib import Path

import pytest
from invariants import check_quotes, hang_guard

import quoteattr
from quoteattr import InputTypeError
from quoteattr.marks import DASHES, QUOTE_GLYPHS

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ, RSQ = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ALL_KINDS = ("direct", "mixed", "indirect")

# A short dialogue every test below can dress up: three quotations, three speakers.
DIALOGUE = (
    f"{LDQ}We will win,{RDQ} said Ann.\n"
    f"Shoigu told reporters: {LDQ}The talks were useful.{RDQ}\n"
    f"{LDQ}Never,{RDQ} he said."
)


def speakers(text: str) -> list[tuple[str, str | None]]:
    """The quotations of ``text`` (all kinds) and their speakers, invariants checked."""
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    return [(q.content, q.speaker.name if q.speaker else None) for q in quotes]


# -- not text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [True, 7j, decimal.Decimal("1.5"), fractions.Fraction(1, 3), float("nan"), 10**400, object()],
    ids=["bool", "complex", "Decimal", "Fraction", "nan", "huge-int", "object"],
)
def test_numbers_and_objects_raise_input_type_error(value) -> None:
    """Any number (bool and huge ints too) or object raises InputTypeError naming its type."""
    with pytest.raises(InputTypeError, match=type(value).__name__) as info:
        quoteattr.extract(value)
    assert "expected the text as a str" in str(info.value)


def test_none_among_many_documents_is_one_failed_result() -> None:
    """In ``extract_many`` a None text fails its own document only, with the type named."""
    docs = [{"id": "a", "text": DIALOGUE}, {"id": "b", "text": None}, {"id": "c", "text": DIALOGUE}]
    results = list(quoteattr.QuoteExtractor().extract_many(docs, progress=False))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert results[0].error is None and results[2].error is None
    assert "NoneType" in str(results[1].error)
    assert results[0].quotes == results[2].quotes and len(results[0].quotes) == 3


# -- text of every shape -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["\u2028", "\x0b\x0c\x1c\x1d\x1e\x85", "\N{IDEOGRAPHIC SPACE}" * 1000, "\N{ZERO WIDTH SPACE}\N{BYTE ORDER MARK}", "\t" * 10_000],
    ids=["line-separator", "control-breaks", "ideographic-spaces", "zero-width", "tabs"],
)
def test_blank_text_of_any_kind_gives_nothing(text: str) -> None:
    """Text with nothing but separators, spaces or zero-width marks has no quotations."""
    assert quoteattr.extract(text, kinds=ALL_KINDS) == []


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_give_the_same_quotes_and_speakers(newline: str) -> None:
    """\\r\\n and \\r line endings give the quotes and speakers of \\n, at offsets in that text."""
    text = DIALOGUE.replace("\n", newline)
    assert speakers(text) == speakers(DIALOGUE)
    assert [q.text for q in quoteattr.extract(text)] == [q.text for q in quoteattr.extract(DIALOGUE)]


def test_line_endings_of_a_whole_chapter() -> None:
    """A chapter of a novel read with \\r\\n endings keeps every quote, speaker and cue."""
    chapter = (EXAMPLES / "pride_and_prejudice_ch1.txt").read_text(encoding="utf-8")
    assert speakers(chapter.replace("\n", "\r\n")) == speakers(chapter)


@pytest.mark.parametrize(
    "control",
    ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9b", "\N{ZERO WIDTH JOINER}", "\N{SOFT HYPHEN}"],
    ids=["NUL", "SOH", "BEL", "ESC", "DEL", "CSI", "ZWJ", "SHY"],
)
def test_control_characters_inside_words_keep_every_quote(control: str) -> None:
    """A control character inside the words leaves every quotation found, offsets exact."""
    text = DIALOGUE.replace("win", f"wi{control}n").replace("talks", f"{control}talks")
    assert [content for content, _ in speakers(text)] == [
        f"We will wi{control}n,", f"The {control}talks were useful.", "Never,"
    ]


def test_text_of_control_characters_only() -> None:
    """Every C0 and C1 control character, many times over: no quotation, no error."""
    controls = "".join(chr(c) for c in [*range(0, 32), *range(127, 160)])
    assert quoteattr.extract(controls * 200, kinds=ALL_KINDS) == []


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\udc80"], ids=["high", "low", "escaped-byte"])
def test_lone_surrogates(surrogate: str) -> None:
    """Lone surrogates (from surrogateescape or JSON escapes) are characters like any other."""
    text = surrogate + " " + DIALOGUE.replace("win", f"win{surrogate}").replace("\n", f" {surrogate}\n") + surrogate
    found = speakers(text)
    assert found[0] == (f"We will win{surrogate},", "Ann")
    assert len(found) == 3
    json.dumps([q.to_dict() for q in quoteattr.extract(text)])  # JSON-ready, escaped


@pytest.mark.parametrize(
    "before, after",
    [
        ("\N{COMBINING ACUTE ACCENT}", "\N{COMBINING DIAERESIS}"),
        ("\N{GRINNING FACE}", "\N{THUMBS UP SIGN}\N{EMOJI MODIFIER FITZPATRICK TYPE-4}"),
        ("\N{REGIONAL INDICATOR SYMBOL LETTER F}\N{REGIONAL INDICATOR SYMBOL LETTER R}", "\N{VARIATION SELECTOR-16}"),
        ("\N{MAN}\N{ZERO WIDTH JOINER}\N{WOMAN}\N{ZERO WIDTH JOINER}\N{GIRL}", "\N{COMBINING ENCLOSING KEYCAP}"),
    ],
    ids=["combining", "emoji-skin-tone", "flag-variation", "zwj-family-keycap"],
)
def test_combining_marks_and_emoji_next_to_quote_marks(before: str, after: str) -> None:
    """Marks and emoji around and inside the quote marks leave the quotation and its speaker."""
    text = f"{before} {LDQ}{after}We will win{after},{RDQ} said Ann{after}. {before}"
    quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    assert [q.text for q in quotes] == [f"{LDQ}{after}We will win{after},{RDQ}"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name.startswith("Ann")


def test_emoji_glued_to_quote_marks() -> None:
    """An emoji touching the marks on the outside: the quotation is still found, exactly."""
    text = f"\N{GRINNING FACE}{LDQ}Yes,{RDQ}\N{GRINNING FACE} said Ann."
    quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    assert [q.content for q in quotes] == ["Yes,"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("\N{HEBREW LETTER SHIN}\N{HEBREW LETTER LAMED}\N{HEBREW LETTER VAV}\N{HEBREW LETTER FINAL MEM} "
         "\"\N{HEBREW LETTER KAF}\N{HEBREW LETTER FINAL NUN} \N{HEBREW LETTER LAMED}\N{HEBREW LETTER ALEF},\" "
         "\N{HEBREW LETTER ALEF}\N{HEBREW LETTER MEM}\N{HEBREW LETTER RESH} \N{HEBREW LETTER DALET}\N{HEBREW LETTER VAV}\N{HEBREW LETTER DALET}.",
         "\N{HEBREW LETTER KAF}\N{HEBREW LETTER FINAL NUN} \N{HEBREW LETTER LAMED}\N{HEBREW LETTER ALEF},"),
        ("\N{ARABIC LETTER QAF}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}: "
         "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{ARABIC LETTER NOON}\N{ARABIC LETTER AIN}\N{ARABIC LETTER MEEM} "
         "\N{ARABIC LETTER SHEEN}\N{ARABIC LETTER KAF}\N{ARABIC LETTER REH}\N{ARABIC LETTER ALEF}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
         "\N{ARABIC LETTER NOON}\N{ARABIC LETTER AIN}\N{ARABIC LETTER MEEM} \N{ARABIC LETTER SHEEN}\N{ARABIC LETTER KAF}\N{ARABIC LETTER REH}\N{ARABIC LETTER ALEF}"),
        (f"\N{RIGHT-TO-LEFT EMBEDDING}{LDQ}We will win,{RDQ}\N{POP DIRECTIONAL FORMATTING} said Ann\N{RIGHT-TO-LEFT MARK}.",
         "We will win,"),
    ],
    ids=["hebrew", "arabic-guillemets", "bidi-controls"],
)
def test_right_to_left_text(text: str, content: str) -> None:
    """Right-to-left scripts and bidi controls: quotes are found in logical (storage) order.

    (Whether one is speech needs English cues; the scanner finds it whatever the script.)
    """
    speakers(text)  # the invariants of whatever extract returns
    spans = quoteattr.find_quoted_spans(text)
    assert content in [text[seg.start : seg.end] for span in spans for seg in span.segments]


# -- text of extreme shape and size ------------------------------------------------------------


def test_text_of_quote_marks_only() -> None:
    """A text of nothing but quote marks of every convention, 200,000 of them."""
    glyphs = QUOTE_GLYPHS + DASHES
    rng = random.Random(7)
    text = "".join(rng.choice(glyphs) for _ in range(200_000))
    with hang_guard(300):
        quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)


@pytest.mark.parametrize("glyph", ['"', "'", LDQ, RDQ, LSQ, RSQ, "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"])
def test_one_quote_mark_repeated(glyph: str) -> None:
    """One mark 100,000 times, alone and between words: no error, offsets exact."""
    for text in (glyph * 100_000, f"a{glyph} " * 30_000):
        with hang_guard(300):
            check_quotes(text, quoteattr.extract(text, kinds=ALL_KINDS))


def _nested(levels: int, *, closed: bool = True) -> str:
    """A quotation with ``levels`` quotations inside each other, double and single in turn."""
    opens = [(LDQ if i % 2 == 0 else LSQ) + f"level {i} says " for i in range(levels)]
    closes = [(RDQ if i % 2 == 0 else RSQ) for i in reversed(range(levels))] if closed else []
    return "Ann said, " + "".join(opens) + "the end" + "".join(closes) + " and left."


def test_a_thousand_levels_of_nested_quotes() -> None:
    """1,000 quotations inside each other: one top-level quotation by Ann, spanning them all."""
    text = _nested(1000)
    with hang_guard(120):
        quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    outer = quotes[0]
    assert outer.text.startswith(LDQ + "level 0 says") and outer.text.endswith(RSQ + RDQ)
    assert outer.speaker is not None and outer.speaker.name == "Ann"
    assert len(quotes) == 1 and outer.nested


def test_a_thousand_opening_marks_never_closed() -> None:
    """1,000 nested openers with no closer: recovered at the paragraph's end, flagged unclosed."""
    text = _nested(1000, closed=False)
    with hang_guard(120):
        quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    assert quotes and quotes[0].unclosed and quotes[0].end == len(text)


def _dialogue_line(i: int) -> str:
    name = ("Ann", "Shoigu", "Mr. Bennet", "Elizabeth")[i % 4]
    return f"{LDQ}Line {i} is said,{RDQ} said {name}. {name} sat down. "


def test_a_one_megabyte_paragraph() -> None:
    """One paragraph of a million characters, quotes all through it, each with its speaker."""
    lines = [_dialogue_line(i) for i in range(25_000)]
    text = "".join(lines)
    assert len(text) > 1_000_000 and "\n" not in text
    with hang_guard(600):
        quotes = quoteattr.extract(text)
    check_quotes(text, quotes)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 25_000
    assert all(q.speaker is not None for q in direct)
    assert direct[-1].content == "Line 24999 is said," and direct[-1].speaker.name == "Elizabeth"


@pytest.mark.slow
def test_a_fifty_megabyte_document() -> None:
    """50 MB of novel and news (the examples, over and over) finishes with every quote found."""
    unit = "\n\n".join(
        (EXAMPLES / name).read_text(encoding="utf-8") for name in ("pride_and_prejudice_ch1.txt", "news_article.txt")
    ) + "\n\n"
    copies = 50_000_000 // len(unit) + 1
    text = unit * copies
    per_unit = sum(q.kind == "direct" for q in quoteattr.extract(unit))
    with hang_guard(1800):
        quotes = quoteattr.extract(text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == per_unit * copies
    check_quotes(text, quotes)


# -- threads -------------------------------------------------------------------------------


def _corpus_like_texts() -> list[str]:
    texts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in sorted(p.name for p in EXAMPLES.glob("*.txt"))]
    rng = random.Random(3)
    for _ in range(12):  # short news-like and dialogue-like documents, made up
        texts.append("\n".join(_dialogue_line(rng.randrange(1000)) for _ in range(rng.randint(1, 30))))
    texts.append(DIALOGUE.replace("\n", "\r\n"))
    return texts


@pytest.mark.parametrize("kinds", [("direct", "mixed"), ALL_KINDS], ids=["default-kinds", "all-kinds"])
def test_one_extractor_shared_by_threads(kinds) -> None:
    """One QuoteExtractor used by 4 threads at once gives what it gives used alone."""
    texts = _corpus_like_texts() * 4
    extractor = quoteattr.QuoteExtractor(kinds=kinds)
    alone = [extractor.extract(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(extractor.extract, texts))
    assert together == alone


def test_module_level_extract_from_threads() -> None:
    """``quoteattr.extract`` (its shared default extractor) from threads matches one thread."""
    texts = _corpus_like_texts()
    alone = [quoteattr.extract(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(quoteattr.extract, texts * 3)) == alone * 3
