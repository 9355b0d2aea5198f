"""Two apostrophes as a double quote mark: ''…'' (and ``…'' ), as news archives write them.

Archives of wire and newspaper text (the New York Times among them) and text from typesetting
systems often quote with two apostrophes, or with two backticks to open: ''We're America,''
the president said. The scanner reads one glyph per mark, so such a text is scanned in a
*shadow*: the same string, each doubled mark replaced by a straight double quote and a space
(' "' to open, '" ' to close), of the same length, so that every offset holds. The spans come
back with their marks widened to the two characters of the caller's own text.

A text is read this way only when it has both an opening and a closing doubled mark, so that
a single quotation nested in another ('he said 'no'') is left as it is.
"""

from __future__ import annotations

import re

import attrs

from .model import QuotedSpan

# (the standard ``re``: these simple classes match alike there and run faster)
# An opening pair: after the start, a space or an opening bracket, before a word.
_OPEN = re.compile(r"(?<![^\s(\[{\N{EM DASH}\N{EN DASH}-])(?:''|``)(?=[\w$(\[\N{HORIZONTAL ELLIPSIS}.])")
# A closing pair: after a word or punctuation, before a space, punctuation or the end.
_CLOSE = re.compile(r"(?<=[\w.,!?;:)\]%\N{HORIZONTAL ELLIPSIS}\N{EM DASH}-])''(?![\w'])")


def shadow(text: str) -> tuple[str, frozenset[int], frozenset[int]] | None:
    """The shadow of ``text`` with the positions of its opening and closing pairs, or None
    when ``text`` does not quote with doubled marks."""
    if "''" not in text:
        return None
    opens = [m.start() for m in _OPEN.finditer(text)]
    closes = [m.start() for m in _CLOSE.finditer(text)]
    if not opens or not closes:
        return None
    chars = list(text)
    for p in opens:
        chars[p], chars[p + 1] = " ", '"'
    for p in closes:
        chars[p], chars[p + 1] = '"', " "
    return "".join(chars), frozenset(opens), frozenset(closes)


def restore(spans: list[QuotedSpan], opens: frozenset[int], closes: frozenset[int]) -> list[QuotedSpan]:
    """The spans found in the shadow, each mark widened to its two characters."""
    out = []
    for s in spans:
        start = s.start - 1 if s.start - 1 in opens else s.start
        end = s.end + 1 if s.end - 1 in closes else s.end
        out.append(s if (start, end) == (s.start, s.end) else attrs.evolve(s, start=start, end=end))
    return out
