"""The fast scanner reads text exactly as the ``regex`` patterns it replaced did.

The scanner finds quote marks and line breaks with the standard library's ``re`` (it scans
about three times as fast) where the rest of the package uses ``regex``; the character
classes it spells out must mean what ``regex`` means by them.
"""

from __future__ import annotations

import random
import sys

import regex

from quoteattr import marks

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
