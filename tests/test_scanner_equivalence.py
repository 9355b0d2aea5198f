"""The fast scanner reads text exactly as the ``regex`` patterns it replaced did.

The scanner finds quote marks and line breaks with the standard library's ``re`` (it scans
about three times as fast) where the rest of the package uses ``regex``; the character
classes it spells out must mean what ``regex`` means by them.
"""

from __future__ import annotations

import random
import re
import sys

import regex

from quoteattr import doubled, marks, spans

ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))


def test_hspace_is_regex_white_space_but_line_breaks() -> None:
    """``marks.HSPACE`` is ``regex``'s ``[^\\S\\r\\n]``, character for character."""
    ours = regex.findall(f"[{marks.HSPACE}]", ALL_CHARS)
    theirs = regex.findall(r"[^\S\r\n]", ALL_CHARS)
    assert ours == theirs


# The paragraph breaks as the scanner first read them, with the regex module (atomic groups).
REGEX_BREAKS = {
    True: regex.compile(r"(?>\r\n|\n|\r)(?:[^\S\r\n]*(?>\r\n|\n|\r))+"),  # at blank lines
    False: regex.compile(r"(?>\r\n|\n|\r)(?:[^\S\r\n]*(?>\r\n|\n|\r))*"),  # at each line break
}


def test_paragraph_breaks_as_regex_reads_them() -> None:
    """``marks.paragraph_breaks`` finds the breaks the ``regex`` patterns find, \\r\\n and all."""
    pieces = ["\n", "\r", "\r\n", " ", "\t", "\u3000", "\x85", "\u2028", "\x0b", "\x1c", "a", "\N{EM DASH}"]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        for blank_lines, pattern in REGEX_BREAKS.items():
            theirs = [m.span() for m in pattern.finditer(text)]
            assert marks.paragraph_breaks(text, blank_lines) == theirs, (text, blank_lines)


# The doubled-mark patterns as first written, each look-behind before the pair (tried at every
# position of a text); ``doubled`` starts them with the pair and looks behind it.
FIRST_DOUBLED = {
    "open": re.compile(r"(?<![^\s(\[{\N{EM DASH}\N{EN DASH}-])(?:''|``)(?=[\w$(\[\N{HORIZONTAL ELLIPSIS}.])"),
    "close": re.compile(r"(?<=[\w.,!?;:)\]%\N{HORIZONTAL ELLIPSIS}\N{EM DASH}-])''(?![\w'])"),
}


def test_doubled_mark_patterns_find_what_the_first_ones_found() -> None:
    """``doubled``'s patterns match where the look-behind-first patterns matched, text edges too."""
    pieces = ["'", "''", "'''", "`", "``", " ", "\n", "a", "(", "{", "\N{EM DASH}", ".", "$", "%", "-", "\N{HORIZONTAL ELLIPSIS}"]
    rng = random.Random(12)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for name, ours in (("open", doubled._OPEN), ("close", doubled._CLOSE)):
            theirs = [m.start() for m in FIRST_DOUBLED[name].finditer(text)]
            assert [m.start() for m in ours.finditer(text)] == theirs, (text, name)


def test_elision_is_read_from_a_window_after_the_apostrophe() -> None:
    """``marks._ELIDED`` of the ``_ELISION_WINDOW`` characters after an apostrophe is what
    ``_ELISION`` matching in the whole text says, for every elision word and its neighbours."""
    words = [
        "tis", "twas", "twere", "twill", "twould", "em", "n", "cause", "cos", "til", "till", "bout", "round",
        "nuff", "neath", "ere", "gainst", "twixt", "ow", "im", "er", "e", "is", "ave", "appen", "prentice",
        "possum", "coon", "gator", "cello", "copter", "fraid", "scuse", "spect", "90", "90s", "68", "1968",
    ]
    words += [tens + "ties" for tens in ("twen", "thir", "for", "fif", "six", "seven", "eigh", "nine")]
    words += [w.upper() for w in words] + ["the", "then", "Ann", "émigré", "a"]
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice([*words, " ", "s", "x", "'", ".", "\n", "\u00e9", "_", "5"]) for _ in range(rng.randint(1, 5)))
        for at in range(len(text) + 1):
            window = text[at : at + marks._ELISION_WINDOW]
            assert marks._ELIDED[window] == (marks._ELISION.match(text, at) is not None), (text, at)


def test_sentence_start_is_after_the_last_stop_before() -> None:
    """``spans._sentence_start`` finds what the last of one ``rfind`` per stop character finds."""
    pieces = [".", "!", "?", "\n", "\r", "\r\n", " ", "a", "said", "\N{HORIZONTAL ELLIPSIS}", ":"]
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for start in range(len(text) + 1):
            for lo in range(start + 1):
                before = text[lo:start]
                cut = max(before.rfind(c) for c in ".!?\n\r")
                assert spans._sentence_start(text, lo, start) == lo + cut + 1, (text, lo, start)


def test_trailing_words_are_those_a_search_from_the_left_finds() -> None:
    """``spans._trailing_words`` (matched from the right) starts where the first pattern, searched
    from the left, started: line breaks, colons and commas at the end included."""
    first = regex.compile(r"[\w'\N{RIGHT SINGLE QUOTATION MARK}\- \t,]*[,:]?[ \t]*$")
    pieces = ["a", "said", " ", "\t", ",", ":", "\n", "\r", "\u2028", "\x85", ".", "'", "\N{RIGHT SINGLE QUOTATION MARK}", "-"]
    pieces += ["\u00e9", "_", "1", ";"]
    rng = random.Random(15)
    for _ in range(10_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for start in range(len(text) + 1):
            for lo in range(start + 1):
                assert spans._trailing_words(text, lo, start) == first.search(text, lo, start).start(), (text, lo, start)
