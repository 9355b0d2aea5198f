"""The fast scanner reads text exactly as the ``regex`` patterns it replaced did.

The scanner finds quote marks and line breaks with the standard library's ``re`` (it scans
about three times as fast) where the rest of the package uses ``regex``; the character
classes it spells out must mean what ``regex`` means by them.
"""

from __future__ import annotations

import sys

import regex

from quoteattr import marks

ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))


def test_hspace_is_regex_white_space_but_line_breaks() -> None:
    """``marks.HSPACE`` is ``regex``'s ``[^\\S\\r\\n]``, character for character."""
    ours = regex.findall(f"[{marks.HSPACE}]", ALL_CHARS)
    theirs = regex.findall(r"[^\S\r\n]", ALL_CHARS)
    assert ours == theirs
