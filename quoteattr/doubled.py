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

import bisect
import itertools
import operator
import re

import attrs

from .model import QuotedSpan

_START = operator.attrgetter("start")
_END = operator.attrgetter("end")

# (the standard ``re``: these simple classes match alike there and run faster)
# An opening pair: after the start, a space or an opening bracket, before a word.
# (Both patterns start with the pair and look behind it: a pattern that starts with a
# look-behind is tried at every position of the text, one that starts with the pair only
# where the pair stands.)
_OPEN = re.compile(r"(?:''|``)(?<![^\s(\[{\N{EM DASH}\N{EN DASH}-]..)(?=[\w$(\[\N{HORIZONTAL ELLIPSIS}.])")
# A closing pair: after a word or punctuation, before a space, punctuation or the end.
_CLOSE = re.compile(r"''(?<=[\w.,!?;:)\]%\N{HORIZONTAL ELLIPSIS}\N{EM DASH}-]'')(?![\w'])")


def shadow(text: str) -> tuple[str, frozenset[int], frozenset[int]] | None:
    """The shadow of ``text`` with the positions of its opening and closing pairs, or None
    when ``text`` does not quote with doubled marks."""
    if "''" not in text:
        return None
    opens = [m.start() for m in _OPEN.finditer(text)]
    closes = [m.start() for m in _CLOSE.finditer(text)]
    if not opens or not closes:
        return None
    # the characters to write, a closing pair over an opening one where they overlap; the text
    # between them is copied by slices (a list of every character was most of the time on a
    # text dense with quote marks)
    writes = {}
    for p in opens:
        writes[p], writes[p + 1] = " ", '"'
    for p in closes:
        writes[p], writes[p + 1] = '"', " "
    pieces = []
    last = 0
    for p in sorted(writes):
        pieces += (text[last:p], writes[p])
        last = p + 1
    pieces.append(text[last:])
    return "".join(pieces), frozenset(opens), frozenset(closes)


def restore(spans: list[QuotedSpan], opens: frozenset[int], closes: frozenset[int]) -> list[QuotedSpan]:
    """The spans found in the shadow (sorted by start), each mark widened to its two characters."""
    # only the spans at a doubled mark change: those that start after an opening pair are found
    # by bisection (the spans are sorted by start), those that end after a closing one in C
    after_open = frozenset(p + 1 for p in opens)
    after_close = frozenset(p + 1 for p in closes)
    changed = set(itertools.compress(itertools.count(), map(after_close.__contains__, map(_END, spans))))
    for start in after_open:
        i = bisect.bisect_left(spans, start, key=_START)
        while i < len(spans) and spans[i].start == start:
            changed.add(i)
            i += 1
    out = list(spans)
    for i in changed:
        s = out[i]
        start = s.start - 1 if s.start in after_open else s.start
        end = s.end + 1 if s.end in after_close else s.end
        out[i] = attrs.evolve(s, start=start, end=end)
    return out
