"""What quoteattr does with input that is not text, and with text that holds nothing."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import InputTypeError, QuoteattrError

ENTRY_POINTS = [quoteattr.extract, quoteattr.find_quoted_spans, quoteattr.QuoteExtractor().extract]
ENTRY_IDS = ["extract", "find_quoted_spans", "QuoteExtractor.extract"]


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=ENTRY_IDS)
@pytest.mark.parametrize(
    "data", [b"\xe2\x80\x9cHi,\xe2\x80\x9d he said.", bytearray(b"text"), memoryview(b"text")],
    ids=["bytes", "bytearray", "memoryview"],
)
def test_bytes_say_to_decode(entry, data) -> None:
    """Bytes raise InputTypeError, also a TypeError and a QuoteattrError, telling to decode."""
    with pytest.raises(InputTypeError, match=r"decode") as info:
        entry(data)
    assert isinstance(info.value, TypeError) and isinstance(info.value, QuoteattrError)
    assert "bytes" in str(info.value)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=ENTRY_IDS)
@pytest.mark.parametrize("data", [None, 42, 3.5, ["a list of", "strings"]], ids=["None", "int", "float", "list"])
def test_non_text_is_rejected_with_its_type(entry, data) -> None:
    """Anything else that is not a str raises InputTypeError naming the type it got."""
    with pytest.raises(InputTypeError, match=type(data).__name__):
        entry(data)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=ENTRY_IDS)
@pytest.mark.parametrize("text", ["", " ", "\n\n", "\r\n\t \r\n", "\N{NO-BREAK SPACE}\N{IDEOGRAPHIC SPACE}"])
def test_empty_and_blank_text_give_nothing(entry, text) -> None:
    """Empty or whitespace-only text gives an empty list, not an error."""
    assert entry(text) == []


def test_str_subclass_is_text() -> None:
    """A subclass of str is accepted like a str."""

    class Text(str):
        pass

    quotes = quoteattr.extract(Text("\N{LEFT DOUBLE QUOTATION MARK}We will win,\N{RIGHT DOUBLE QUOTATION MARK} she said."))
    assert [q.text for q in quotes] == ["\N{LEFT DOUBLE QUOTATION MARK}We will win,\N{RIGHT DOUBLE QUOTATION MARK}"]


@pytest.mark.parametrize(
    "options",
    [{"language": "fr"}, {"kinds": ("direct", "reported")}, {"kinds": ()}, {"nlp": "spacy"}],
    ids=["language", "unknown-kind", "no-kind", "nlp"],
)
def test_bad_options_raise_config_error(options) -> None:
    """An option value quoteattr does not accept raises ConfigError, also a ValueError."""
    with pytest.raises(quoteattr.ConfigError) as info:
        quoteattr.extract("text", **options)
    assert isinstance(info.value, ValueError)


def test_error_hierarchy() -> None:
    """Each quoteattr error subclasses QuoteattrError and the built-in it resembles."""
    assert issubclass(quoteattr.NLPUnavailableError, ImportError)
    assert issubclass(quoteattr.ModelNotFoundError, RuntimeError)
    for error in (InputTypeError, quoteattr.ConfigError, quoteattr.NLPUnavailableError, quoteattr.ModelNotFoundError):
        assert issubclass(error, QuoteattrError)
