"""Stage 2 — pair quote marks into quoted spans.

Pairing works paragraph by paragraph with a stack, in one pass over the marks of stage 1:

* a mark that can close looks for an opener it closes near the top of the stack;
* a weak closer (``students’``) closes only when the quotation it would close cannot be closed
  by any stronger mark later in the paragraph;
* at a paragraph end, a quotation still open continues if the next paragraph starts with an
  opening mark of its family (the convention for quotations that run over paragraphs); else it
  is recovered at the paragraph end and flagged ``unclosed``;
* a paragraph that starts with a dash is dialogue, up to a spaced dash or a reporting clause
  ("—Back to barracks! he said sternly.").

Top-level spans are then classified: quoted text nobody speaks (a name, a title, a scare
quote) is kept with ``is_speech=False`` and the reason.
"""

from __future__ import annotations

import functools

import attrs
import regex

from .errors import check_text
from .lexicon import reporting_verbs
from .marks import BREAK, CLOSE, CLOSERS, DASH, FAMILY, OPEN, WEAK, scan, uses_blank_lines
from .model import QuotedSpan, Span

# How far down the stack a closing mark looks for its opener. Bounded so that deeply nested
# or garbled text stays linear; real text never needs more than three.
_STACK_REACH = 6
# Quoted text this short, with no punctuation of its own and no cue nearby, is a name, a title
# or a scare quote rather than speech.
_SHORT_WORDS = 4

_TERMINAL = frozenset(".,;:!?\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-")
_LOWER_FUNCTION_WORDS = frozenset(
    "a an and at by for from in of on or the to with vs via de la le du von van".split()
)


class _Open:
    """An opening mark on the pairing stack (mutable while its paragraph is scanned)."""

    __slots__ = ("glyph", "start", "seg_start", "segments")

    def __init__(self, glyph: str, start: int, seg_start: int) -> None:
        self.glyph = glyph
        self.start = start
        self.seg_start = seg_start
        self.segments: list[tuple[int, int]] = []


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@functools.cache
def _reporting_clause() -> regex.Pattern[str]:
    """A narrator's clause after a line of dash dialogue: ", he said", "! said Buck Mulligan"."""
    verbs = "|".join(sorted(reporting_verbs(), key=len, reverse=True))
    return regex.compile(
        rf"""
        (?<=[,.!?\N{{HORIZONTAL ELLIPSIS}}])      # after the line's own punctuation
        [ \t]+
        (?:
            (?:he|she|they|I|we|[\p{{Lu}}][\w'\N{{RIGHT SINGLE QUOTATION MARK}}.-]*
               (?:[ \t]+[\p{{Lu}}][\w'\N{{RIGHT SINGLE QUOTATION MARK}}.-]*){{0,3}})
            [ \t]+(?:\w+ly[ \t]+)?(?:{verbs})\b  # "he said", "Stephen said quietly"
          | (?:{verbs})[ \t]+(?:he|she|[\p{{Lu}}])  # "said Buck Mulligan"
        )
        """,
        regex.VERBOSE,
    )


# A spaced dash inside a dialogue paragraph: the narrator's words begin ("— Yes, — he said").
_SPACED_DASH = regex.compile(r"[ \t]+[\N{EM DASH}\N{EN DASH}][ \t]+|,[\N{EM DASH}\N{EN DASH}][ \t]*")
_RESUME_DASH = regex.compile(r"[,.]?[ \t]*[\N{EM DASH}\N{EN DASH}][ \t]+(?=\S)")


def _dash_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spoken parts of a dialogue paragraph whose content starts at ``start``."""
    segments = []
    clause = _reporting_clause()
    pos = start
    while pos < end:
        dash = _SPACED_DASH.search(text, pos, end)
        said = clause.search(text, pos, end)
        if said is not None and (dash is None or said.start() < dash.start()):
            segments.append((pos, said.start()))
            break
        if dash is None:
            segments.append((pos, _rstrip_end(text, pos, end)))
            break
        segments.append((pos, _rstrip_end(text, pos, dash.start())))
        resume = _RESUME_DASH.search(text, dash.end(), end)
        if resume is None:
            break
        pos = resume.end()
    return [(s, e) for s, e in segments if e > s]


def _pair(text: str) -> list[tuple[int, int, tuple[Span, ...], str, bool]]:
    """Pair the marks of ``text``: (start, end, segments, style, unclosed) for every span."""
    found: list[tuple[int, int, tuple[Span, ...], str, bool]] = []
    blank_lines = uses_blank_lines(text)
    n = len(text)
    dashes: list[tuple[int, int]] = []  # (dash start, dash end) at paragraph starts
    para_ends: dict[int, int] = {}
    carry: _Open | None = None

    def close(entry: _Open, end: int, closer: str, unclosed: bool) -> None:
        segments = tuple(Span(s, e) for s, e in entry.segments)
        found.append((entry.start, end, segments, entry.glyph + closer, unclosed))

    def paragraph(ps: int, pe: int, marks: list) -> _Open | None:
        nonlocal carry
        stack: list[_Open] = []
        open_single = 0
        i0 = 0
        if carry is not None:
            first = marks[0] if marks else None
            if (
                first is not None
                and first[4] & OPEN
                and FAMILY[first[3]] == FAMILY[carry.glyph]
                and (first[1] == ps or text[ps : first[1]].isspace())
            ):
                carry.seg_start = first[2]
                stack.append(carry)
                open_single += FAMILY[carry.glyph] == "single"
                i0 = 1
            else:
                close(carry, carry.segments[-1][1], "", True)
            carry = None
        # strong single closers from each mark on: a weak closer yields to them
        strong_ahead = [0] * (len(marks) + 1)
        for i in range(len(marks) - 1, i0 - 1, -1):
            _, _, _, g, f = marks[i]
            strong_ahead[i] = strong_ahead[i + 1] + (
                f & CLOSE and not f & WEAK and FAMILY[g] == "single"
            )
        for i in range(i0, len(marks)):
            _, s, e, g, f = marks[i]
            if f & CLOSE and stack:
                j = len(stack) - 1
                low = max(-1, j - _STACK_REACH)
                while j > low and g not in CLOSERS[stack[j].glyph]:
                    j -= 1
                if j > low and not (f & WEAK and strong_ahead[i + 1] >= open_single):
                    for inner in stack[j + 1 :]:
                        if FAMILY[inner.glyph] == "single":
                            open_single -= 1
                        else:
                            inner.segments.append((inner.seg_start, _rstrip_end(text, inner.seg_start, s)))
                            close(inner, inner.segments[-1][1], "", True)
                    entry = stack[j]
                    del stack[j:]
                    open_single -= FAMILY[entry.glyph] == "single"
                    entry.segments.append((entry.seg_start, s))
                    close(entry, e, g, False)
                    continue
            if f & OPEN:
                stack.append(_Open(g, s, e))
                open_single += FAMILY[g] == "single"
        if not stack:
            return None
        for inner in stack[1:]:
            if FAMILY[inner.glyph] != "single":
                inner.segments.append((inner.seg_start, _rstrip_end(text, inner.seg_start, pe)))
                close(inner, inner.segments[-1][1], "", True)
        bottom = stack[0]
        bottom.segments.append((bottom.seg_start, _rstrip_end(text, bottom.seg_start, pe)))
        return bottom

    ps = 0
    marks: list = []
    after_break = True  # no mark or text seen since the paragraph started
    for tok in scan(text, blank_lines=blank_lines):
        kind = tok[0]
        if kind == BREAK:
            carry = paragraph(ps, tok[1], marks)
            para_ends[ps] = tok[1]
            marks = []
            ps = tok[2]
            after_break = True
            continue
        if kind == DASH:
            if after_break and (tok[1] == ps or text[ps : tok[1]].isspace()):
                dashes.append((tok[1], tok[2], ps))
        else:
            marks.append(tok)
        after_break = False
    carry = paragraph(ps, n, marks)
    para_ends[ps] = n
    if carry is not None:
        close(carry, carry.segments[-1][1], "", True)

    if dashes:
        clause = _reporting_clause()
        lines = []
        for ds, de, pstart in dashes:
            pe = para_ends[pstart]
            cs = de
            while cs < pe and text[cs] in " \t":
                cs += 1
            if cs < pe and (text[cs].isalpha() or text[cs] in FAMILY or text[cs] in ".\N{HORIZONTAL ELLIPSIS}"):
                lines.append((ds, de, cs, pe))
        # one dash paragraph alone is dialogue only if a narrator's clause marks it as such
        if len(lines) >= 2 or any(clause.search(text, cs, pe) for _, _, cs, pe in lines):
            for ds, de, cs, pe in lines:
                segments = _dash_segments(text, cs, pe)
                if segments:
                    found.append(
                        (ds, segments[-1][1], tuple(Span(s, e) for s, e in segments), text[ds:de], False)
                    )
    return found


@functools.cache
def _verb_pattern() -> regex.Pattern[str]:
    verbs = "|".join(sorted(reporting_verbs(), key=len, reverse=True))
    return regex.compile(rf"\b(?:{verbs}|according[ \t]+to)\b", regex.IGNORECASE)


def _cue_near(text: str, start: int, end: int) -> bool:
    """A reporting verb or a colon in the same sentence: short quoted words are then speech."""
    before = text[max(0, start - 80) : start]
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind("\n"))
    before = before[cut + 1 :]
    if before.rstrip().endswith(":"):
        return True
    verbs = _verb_pattern()
    if verbs.search(before):
        return True
    after = text[end : end + 60]
    stop = regex.search(r"[.!?\n]", after)
    return verbs.search(after, 0, stop.start() if stop else len(after)) is not None


def _classify(text: str, span: QuotedSpan) -> tuple[bool, str | None]:
    """Is a top-level quoted span speech? If not, why not."""
    if span.unclosed or len(span.segments) > 1 or span.style[:1] in "\N{EM DASH}\N{EN DASH}":
        return True, None
    seg = span.segments[0]
    content = text[seg.start : seg.end].strip()
    if not content:
        return False, "nothing between the quote marks"
    if span.style[:1] in "\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}":
        return True, None  # CJK text has no spaces to count words by
    words = content.split()
    if len(words) > _SHORT_WORDS or content[-1] in _TERMINAL:
        return True, None
    if _cue_near(text, span.start, span.end):
        return True, None
    if all(w[:1].isupper() or w.lower() in _LOWER_FUNCTION_WORDS or not w[:1].isalpha() for w in words):
        return False, "a name or title in quote marks"
    return False, "a term or scare quote"


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span of ``text`` (stages 1-2), speech or not, sorted by position.

    Args:
        text: the document, as ``str``.

    Returns:
        One :class:`QuotedSpan` per quotation, with ``depth`` 0 for top-level spans and more
        for spans nested inside them; ``is_speech`` and ``reason`` say whether a top-level span
        is speech.

    Raises:
        InputTypeError: ``text`` is not a ``str``.

    >>> [s.text(t) for t in ['He said "it is ‘fine’" twice.'] for s in find_quoted_spans(t)]
    ['"it is ‘fine’"', '‘fine’']
    """
    text = check_text(text)
    raw = [list(r) for r in sorted(_pair(text), key=lambda r: (r[0], -r[1]))]
    kept: list[list] = []
    enclosing: list[list] = []  # the spans that contain the current position, innermost last
    for item in raw:
        start, end = item[0], item[1]
        while enclosing and enclosing[-1][1] <= start:
            enclosing.pop()
        if enclosing and end > enclosing[-1][1]:
            outer = enclosing[-1]
            # only a dialogue line can be crossed: a quotation that starts inside it and ends
            # after its narrator's clause. The line then runs to that quotation's end.
            outer[1] = end
            last = outer[2][-1]
            outer[2] = outer[2][:-1] + (Span(last.start, max(last.end, end)),)
        item.append(len(enclosing))
        kept.append(item)
        enclosing.append(item)
    spans: list[QuotedSpan] = []
    for start, end, segments, style, unclosed, depth in kept:
        span = QuotedSpan(start, end, segments, style, depth, unclosed)
        if depth == 0:
            speech, reason = _classify(text, span)
            if not speech:
                span = attrs.evolve(span, is_speech=False, reason=reason)
        spans.append(span)
    return spans
