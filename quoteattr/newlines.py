"""Line endings: the built-in rules read a text with ``\\n`` line endings.

A text written with ``\\r\\n`` (Windows) or ``\\r`` (old Mac) endings is read as its ``\\n`` copy,
and every offset found there is moved back into the caller's own string. The rules then give
the same quotations, speakers and cues whatever the line endings: their distances are counted
in characters ("the latest person named within 5,000 characters"), and ``\\r\\n`` made every
line a character longer, which moved a few of them past a limit.
"""

from __future__ import annotations

import bisect

import attrs

from .model import Cue, Mention, Quote, QuotedSpan, Span


class LineFeeds:
    """``text`` read with ``\\n`` endings (``plain``), and the way back to offsets in ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.plain = text.replace("\r\n", "\n").replace("\r", "\n")  # (a lone \r keeps its place)
        # where, in ``plain``, each "\n" stands for a "\r\n" of ``text`` (one character fewer)
        shifts, k, at = [], 0, text.find("\r\n")
        while at >= 0:
            shifts.append(at - k)
            k += 1
            at = text.find("\r\n", at + 2)
        self._shifts = shifts

    def at(self, i: int) -> int:
        """The offset in ``text`` of offset ``i`` of ``plain``: before a line ending if ``i`` is
        at one (an end there ends before the "\\r"), after it if ``i`` is past it."""
        return i + bisect.bisect_left(self._shifts, i)

    def quote(self, q: Quote) -> Quote:
        """``q``, found in ``plain``, with every offset and text taken from ``text``."""
        at, text = self.at, self.text  # (with lone \r only, the offsets stay, the texts do not)

        def span(s: Span) -> Span:
            return Span(at(s.start), at(s.end))

        start, end = at(q.start), at(q.end)
        m, c = q.speaker_mention, q.cue
        return attrs.evolve(
            q,
            text=text[start:end],
            start=start,
            end=end,
            segments=tuple(map(span, q.segments)),
            nested=tuple(map(span, q.nested)),
            speaker_mention=None if m is None else Mention(at(m.start), at(m.end), text[at(m.start) : at(m.end)], m.kind),
            cue=None if c is None else Cue(at(c.start), at(c.end), text[at(c.start) : at(c.end)]),
        )

    def quoted_span(self, s: QuotedSpan) -> QuotedSpan:
        """``s``, found in ``plain``, with its offsets in ``text``."""
        at = self.at
        return attrs.evolve(s, start=at(s.start), end=at(s.end), segments=tuple(Span(at(g.start), at(g.end)) for g in s.segments))
