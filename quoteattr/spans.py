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

import bisect
import functools
import itertools
import sys

import regex

from .doubled import restore, shadow
from .errors import check_text
from .lexicon import reporting_verbs
from .marks import (
    CLOSE,
    CLOSERS,
    DASHES,
    FAMILY,
    OPEN,
    SINGLE,
    WEAK,
    dialogue_dashes,
    paragraph_breaks,
    quote_marks,
    uses_blank_lines,
)
from .model import QuotedSpan, Span
from .model import _unchecked_quoted_span as _quoted
from .model import _unchecked_span as _span
from .newlines import LineFeeds

# How far down the stack a closing mark looks for its opener. Bounded so that deeply nested
# or garbled text stays linear; real text never needs more than three.
_STACK_REACH = 6
# Quoted text this short, with no punctuation of its own and no cue nearby, is a name, a title
# or a scare quote rather than speech.
_SHORT_WORDS = 4

_TERMINAL = frozenset(".,;:!?\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-")
# Words that make a few quoted words a clause someone says ("I do not think") rather than a
# name or a term: personal pronouns, auxiliaries, negation, yes/no.
_SPEECH_WORDS = frozenset(
    """i i'm i've i'll i'd me my we us our you your he him his she her they them it's
    am is are was were be been do does did don't can can't will won't would shall should
    could must may might have has had not no yes oh ah well please let let's""".split()
)
_EDGE = ".,;:!?\"'()[]\N{HORIZONTAL ELLIPSIS}\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}_*-"
_LOWER_FUNCTION_WORDS = frozenset(
    "a an and at by for from in of on or the to with vs via de la le du von van".split()
)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without white space at either edge (« Oui » has spaces inside)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
          | (?:{verbs})[ \t]+(?:he|she|the|a|an|his|her|[\p{{Lu}}])  # "said Buck Mulligan", "said the soldier"
        )
        """,
        regex.VERBOSE,
    )


# A spaced dash inside a dialogue paragraph: the narrator's words begin ("— Yes, — he said").
# (Both dash patterns start a run of spaces only at its first space: tried inside a long run,
# each try ran to the run's end, quadratic time.)
_SPACED_DASH = regex.compile(r"(?<![ \t])[ \t]+[\N{EM DASH}\N{EN DASH}][ \t]+|,[\N{EM DASH}\N{EN DASH}][ \t]*")
# After the narrator's words, a dash gives the floor back to the speaker ("— he said, — I come").
_RESUME_DASH = regex.compile(r"(?<![ \t])[,.]?[ \t]*([\N{EM DASH}\N{EN DASH}])[ \t]+(?=\S)")
# Without a dash, the speaker resumes only where the narrator's clause ends in a comma
# ("—Look at yourself, he said, you dreadful bard!"); after a full stop the words that follow
# may as well be narration ("he said sternly. He turned away.").
_CLAUSE_END = regex.compile(r"[,.;!?]")


_WORD_APOSTROPHE = regex.compile(r"(?<=\w)['\N{RIGHT SINGLE QUOTATION MARK}](?=\w)")
_SPOKEN = regex.compile(r"\b(?:I|I'm|I’m|me|my|we|us|our|you|your|yours)\b|[?!]\s*$", regex.IGNORECASE)


def _sounds_spoken(text: str, start: int, end: int) -> bool:
    """After "he said." does the rest of the line speak (first or second person, a question or
    an exclamation: "Were you in a funk?") rather than narrate ("He turned away.")?"""
    rest = text[start:end]
    marks = _WORD_APOSTROPHE.sub("", rest)  # "you’re": an apostrophe, no quote mark
    if any(g in marks for g in FAMILY):
        return False  # quotations in marks follow: the line is narrated around them
    return _SPOKEN.search(rest) is not None


def _dash_parts(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The spoken parts of a dialogue paragraph whose words start at ``start``.

    Each part is ``(part start, content start, content end)``; the first part's start is the
    paragraph's dash, a later part starts at its own dash or, with none, at its first word.
    Searches are reused until passed, so a long paragraph is read a bounded number of times.
    """
    parts = []
    clause = _reporting_clause()
    pos = start
    part_start = -1
    dash = said = None
    while pos < end:
        if dash is None or dash.start() < pos:
            dash = _SPACED_DASH.search(text, pos, end)
        if said is None or said.start() < pos:
            said = clause.search(text, pos, end)
        if said is not None and (dash is None or said.start() < dash.start()):
            parts.append((part_start, pos, said.start()))
            clause_end = _CLAUSE_END.search(text, said.end(), end)
            if clause_end is None:
                break
            if clause_end.group() != "," and not _sounds_spoken(text, clause_end.end(), end):
                break
            pos = clause_end.end()
            while pos < end and text[pos] in " \t":
                pos += 1
            if pos >= end or text[pos] in FAMILY:
                break  # a quotation in marks goes on by itself
            part_start = pos
            continue
        if dash is None:
            parts.append((part_start, pos, _rstrip_end(text, pos, end)))
            break
        parts.append((part_start, pos, _rstrip_end(text, pos, dash.start())))
        resume = _RESUME_DASH.search(text, dash.end(), end)
        if resume is None:
            break
        part_start, pos = resume.start(1), resume.end()
    return [(ps, s, e) for ps, s, e in parts if e > s]


def _segment(text: str, start: int, end: int) -> Span:
    """The words in ``[start, end)``, without white space at either edge."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return _span(start, end)  # (the common case, asked first)
    return _span(*_strip(text, start, end))


class _Found:
    """The quotations found, as parallel lists indexed by opening mark, the dialogue lines
    after the marks: start, end (0 where a mark opens nothing), segments, style and whether
    unclosed. Lists rather than a tuple for each quotation: fewer objects for the garbage
    collector to follow where quotations are many."""

    __slots__ = ("ends", "segments", "starts", "styles", "unclosed")

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts
        self.ends = [0] * len(starts)
        self.segments: list[tuple[Span, ...]] = [()] * len(starts)
        self.styles = [""] * len(starts)
        self.unclosed = [False] * len(starts)

    def add(self, start: int, end: int, segments: tuple[Span, ...], style: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.segments.append(segments)
        self.styles.append(style)
        self.unclosed.append(False)


def _open_segment(text: str, start: int, end: int) -> tuple[int, Span]:
    """A quotation left open from ``start`` to ``end``: its end, moved back over white space,
    and its words, without white space at either edge."""
    while end > start and text[end - 1].isspace():
        end -= 1
    words = start
    while words < end and text[words].isspace():
        words += 1
    return end, _span(words, end)


def _strong_ahead(flags: list[int], lo: int, hi: int) -> list[int]:
    """For each mark ``k`` in ``[lo, hi]``: how many strong single closers stand among the marks
    ``k .. hi - 1`` that no opener after them claims (``[hi - lo]`` is 0)."""
    ahead = [0] * (hi - lo + 1)
    balance = 0
    for k in range(hi - 1, lo - 1, -1):
        f = flags[k]
        if f & SINGLE:
            if f & (CLOSE | WEAK) == CLOSE:
                balance += 1
            elif f & (OPEN | WEAK) == OPEN and balance:
                balance -= 1
        ahead[k - lo] = balance
    return ahead


def _pair_marks(text: str, breaks: list[tuple[int, int]]) -> _Found:
    """Pair the quote marks of ``text``, paragraph by paragraph, with a stack.

    A quotation is found at the index of its opening mark; an opener may be dropped (a single
    quote left open inside another quotation is taken for an apostrophe). A quotation on the
    stack is the index of its opening mark: nothing is made for a mark until its quotation is
    found.
    """
    positions, flags = quote_marks(text)
    found = _Found(positions)
    ends, segments_of, styles, unclosed_ones = found.ends, found.segments, found.styles, found.unclosed
    n = len(text)
    opened: list[int] = []  # the stack: the indices of the opening marks
    wanted: list[str] = []  # (and the glyphs that close each)
    open_single = 0  # single-quote openers on the stack
    # A quotation that runs over paragraphs: its words start after the mark that reopened it
    # in this paragraph, and it has segments in the paragraphs before.
    # (a list, grown in place: a quotation reopened in each of thousands of paragraphs copied a
    # growing tuple at each, time growing with the square of their number)
    cont, cont_from = -1, 0
    cont_segments: list[Span] = []
    carry = -1  # the quotation the last paragraph left open (its segments: cont_segments)

    def unclosed(k: int, end: int) -> None:
        """Quotation ``k`` ends unclosed before ``end``."""
        start = cont_from if k == cont else positions[k] + 1
        if start < end and not text[end - 1].isspace() and not text[start].isspace():
            words = _span(start, end)  # (the common case, asked first)
        else:
            end, words = _open_segment(text, start, end)
        ends[k] = end
        segments_of[k] = (*cont_segments, words) if k == cont else (words,)
        styles[k] = text[positions[k]]
        unclosed_ones[k] = True

    def carried_over(k: int, segments: tuple[Span, ...]) -> None:
        """The quotation a paragraph left open does not go on in the next: it ends unclosed."""
        ends[k] = segments[-1].end
        segments_of[k] = segments
        styles[k] = text[positions[k]]
        unclosed_ones[k] = True

    next_break, last_break = 0, len(breaks)
    ps, pe = 0, breaks[0][0] if breaks else n  # this paragraph
    ahead: list[int] = []  # _strong_ahead of this paragraph's marks, once a weak mark asks
    ahead_lo = -1  # (-1: not asked yet)
    for i, s, f in zip(itertools.count(), positions, flags):
        if s > pe:  # this mark is the first of a later paragraph
            if opened:
                # what the paragraph leaves open ends with it, but its first quotation, which
                # may go on in the next
                for k in opened[1:]:
                    if not flags[k] & SINGLE:
                        unclosed(k, pe)
                carry = opened[0]
                _, last = _open_segment(text, cont_from if carry == cont else positions[carry] + 1, pe)
                if carry == cont:
                    cont_segments.append(last)
                else:
                    cont_segments = [last]
                opened.clear()
                wanted.clear()
                open_single, cont = 0, -1
            while s > pe:
                ps = breaks[next_break][1]
                next_break += 1
                pe = breaks[next_break][0] if next_break < last_break else n
                if s > pe and carry >= 0:  # a paragraph without marks
                    carried_over(carry, tuple(cont_segments))
                    carry = -1
            ahead_lo = -1
            if carry >= 0:
                glyph = text[positions[carry]]
                if f & OPEN and FAMILY[text[s]] == FAMILY[glyph] and (s == ps or text[ps:s].isspace()):
                    # the quotation goes on: this mark reopens it
                    cont, cont_from, carry = carry, s + 1, -1
                    opened.append(cont)
                    wanted.append(CLOSERS[glyph])
                    open_single = flags[cont] >> 3 & 1  # (SINGLE)
                    continue
                carried_over(carry, tuple(cont_segments))
                carry = -1
        if f & WEAK and ahead_lo < 0:
            ahead_lo = i + 1
            ahead = _strong_ahead(flags, ahead_lo, bisect.bisect_left(positions, pe, i))
        if f & CLOSE and opened:
            g = text[s]
            if g in wanted[-1]:  # (the common case: the last quotation opened ends)
                j = top = len(opened) - 1
            else:
                top = len(opened) - 1
                low = top - _STACK_REACH if top >= _STACK_REACH else -1
                j = top - 1
                while j > low and g not in wanted[j]:
                    j -= 1
                if j == low:
                    j = -1
            if j >= 0 and not (f & WEAK and ahead[i + 1 - ahead_lo] >= open_single):
                if j < top:
                    for k in opened[j + 1 :]:
                        if flags[k] & SINGLE:
                            open_single -= 1
                        else:
                            unclosed(k, s)
                    del wanted[j + 1 :], opened[j + 1 :]
                k = opened.pop()
                del wanted[-1]
                open_single -= flags[k] >> 3 & 1
                a = positions[k]
                if k == cont:
                    segments_of[k] = (*cont_segments, _segment(text, cont_from, s))
                elif a + 1 < s and not text[a + 1].isspace() and not text[s - 1].isspace():
                    segments_of[k] = (_span(a + 1, s),)
                else:
                    segments_of[k] = (_segment(text, a + 1, s),)
                ends[k] = s + 1
                styles[k] = text[a] + g
                continue
        if f & OPEN and not (f & WEAK and ahead[i + 1 - ahead_lo] <= open_single):
            opened.append(i)
            wanted.append(CLOSERS[text[s]])
            open_single += f >> 3 & 1
    if opened:
        for k in opened[1:]:
            if not flags[k] & SINGLE:
                unclosed(k, pe)
        unclosed(opened[0], pe)
    return found


def _pair(text: str) -> tuple[_Found, list[int]]:
    """Pair the marks of ``text`` and find its dialogue lines: what was found, and the indices
    of the quotations and dialogue lines in it by position."""
    breaks = paragraph_breaks(text, uses_blank_lines(text))
    found = _pair_marks(text, breaks)
    marks = len(found.starts)
    dashes = dialogue_dashes(text, breaks) if "\N{EM DASH}" in text or "\N{EN DASH}" in text else []
    if dashes:
        clause = _reporting_clause()
        lines = []
        for ds, _ps, pe in dashes:
            cs = ds + 1
            while cs < pe and text[cs] in " \t":
                cs += 1
            heading = text[_rstrip_end(text, cs, pe) - 1] in DASHES  # "— I —", a chapter number
            if cs < pe and not heading and (
                text[cs].isalpha() or text[cs] in FAMILY or text[cs] in ".\N{HORIZONTAL ELLIPSIS}"
            ):
                lines.append((ds, cs, pe))
        # one dash paragraph alone is dialogue only if a narrator's clause marks it as such
        if len(lines) >= 2 or any(clause.search(text, cs, pe) for _, cs, pe in lines):
            for ds, cs, pe in lines:
                for part_start, s, e in _dash_parts(text, cs, pe):
                    if part_start < 0:
                        part_start = ds
                    style = text[part_start] if text[part_start] in DASHES else ""
                    found.add(part_start, e, (_span(s, e),), style)
    order = list(itertools.compress(range(len(found.ends)), found.ends))
    if len(found.starts) > marks:
        order.sort(key=found.starts.__getitem__)  # (two runs in order: merged in one pass)
    return found, order


_WINDOW_WORDS = regex.compile(r"\p{L}+(?:['\N{RIGHT SINGLE QUOTATION MARK}-]\p{L}+)*")
_SENTENCE_STOP = regex.compile(r"[.!?\r\n]")
# Words, commas and spaces up to a position, perhaps a colon after them: the words that may
# introduce a quotation there. Matched from the right (``(?r)``): searched from the left, the
# pattern was tried at each position before and ran to the end from each, quadratic time.
_TRAILING_WORDS = regex.compile(r"(?r)[\w'\N{RIGHT SINGLE QUOTATION MARK}\- \t,]*[,:]?[ \t]*\Z")


def _trailing_words(text: str, lo: int, start: int) -> int:
    """Where the words before ``start`` that may introduce a quotation begin, ``lo`` at the
    farthest: what a search from the left for ``_TRAILING_WORDS`` without ``(?r)``, ending in
    ``$``, finds (its ``$`` also matches before a line break that ends the text searched)."""
    end = start - 1 if start > lo and text[start - 1] == "\n" else start
    return _TRAILING_WORDS.search(text, lo, end).start()


@functools.cache
def _cue_words() -> frozenset[str]:
    """Reporting verbs and "according", as lower-case words ("so-called" is a word of its own)."""
    return frozenset(reporting_verbs()) | {"according"}


def _has_cue_word(text: str, start: int, end: int) -> bool:
    return not _cue_words().isdisjoint(map(str.lower, _WINDOW_WORDS.findall(text, start, end)))


def _verb_just_before(text: str, start: int) -> bool:
    """Does a reporting verb introduce the quote at ``start``: 'said “…', 'told reporters on
    Monday: “…', 'according to X, “…'? At most three words stand between verb and quote.

    "called" names or labels ("what critics have called the “border tax”"): it introduces
    speech only as "called out" ("called out “Lucy!”").
    """
    lo = max(0, start - 80)
    words = list(map(str.lower, _WINDOW_WORDS.findall(text, _trailing_words(text, lo, start), start)))[-4:]
    verbs = reporting_verbs()
    for i, w in enumerate(words):
        if w == "according" and i + 1 < len(words) and words[i + 1] == "to":
            return True
        base = verbs.get(w)
        if base is not None and (base != "call" or (i + 1 < len(words) and words[i + 1] == "out")):
            return True
    return False


# (Spaces and tabs are read once: the run is taken whole, never given back, as no word after it
# can start with one; and a try starts only after a character that is neither, where a quotation
# ends. "[ \t]*,?[ \t]+" gave them back one by one: a quotation then a megabyte of spaces and
# tabs took hours, and ``finditer`` over the run was cubic.)
_SAID_AFTER = regex.compile(
    r"(?<![ \t])(?:[ \t]*+,)?[ \t]++(?:(?:he|she|they|I|we|\p{Lu}[\w.'-]*(?:[ \t]+\p{Lu}[\w.'-]*){0,3})[ \t]+(?:\w+ly[ \t]+)?(\w+)"
    r"|(\w+)[ \t]+(?:he|she|they|I|we|the|\p{Lu}))"
)


def _said_after(text: str, end: int) -> bool:
    """Does a speech tag follow the quote ('“too,” she said', '“yes,” said Tom')?"""
    m = _SAID_AFTER.match(text, end)
    return m is not None and (m.group(1) or m.group(2)).lower() in reporting_verbs()


_CLAUSE_VERBS = frozenset(
    "is was are were be been being am would will could should can must may might shall has have had".split()
)


# The last full stop, question or exclamation mark or line break before a position (searched
# from the right: one search instead of one for each character).
_LAST_SENTENCE_STOP = regex.compile(r"(?r)[.!?\r\n]")


def _sentence_start(text: str, lo: int, start: int) -> int:
    """Where the sentence that holds ``start`` begins, looked for from ``lo`` on: after the last
    full stop, question or exclamation mark or line break before ``start`` (``lo`` if none)."""
    stop = _LAST_SENTENCE_STOP.search(text, lo, start)
    return lo if stop is None else stop.end()


def _reported_before(text: str, start: int) -> bool:
    """Is the quote at ``start`` what a reporting verb before it in its sentence reports: the
    verb itself just before ('murmured “hum”') or a clause of its own after it ('said it was “a
    mistake”'), rather than a word named ('pronounced it “arrum”', 'announced an “important
    change”')?"""
    sentence = _sentence_start(text, max(0, start - 120), start)
    words = list(map(str.lower, _WINDOW_WORDS.findall(text, sentence, start)))
    verbs = reporting_verbs()
    for i in range(len(words) - 1, -1, -1):
        if words[i] in verbs and verbs[words[i]] != "call":
            return i == len(words) - 1 or not _CLAUSE_VERBS.isdisjoint(words[i + 1 :])
    return False


def _cue_near(text: str, start: int, end: int) -> bool:
    """A reporting verb or a colon in the same sentence: short quoted words are then speech."""
    lo = max(0, start - 80)
    if text[lo:start].rstrip().endswith(":"):
        return True
    if _has_cue_word(text, _sentence_start(text, lo, start), start):
        return True
    hi = min(len(text), end + 60)
    stop = _SENTENCE_STOP.search(text, end, hi)
    return _has_cue_word(text, end, stop.start() if stop else hi)


# Characters after which a quotation starts a sentence of its own.
_SENTENCE_START = frozenset(
    ".!?:;()[]\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-*\u2022>" + "".join(FAMILY)
)


def starts_sentence(text: str, start: int) -> bool:
    """Is the quote at ``start`` the beginning of a sentence or paragraph (not embedded)?"""
    i = start - 1
    while i >= 0 and text[i] in " \t\N{NO-BREAK SPACE}":
        i -= 1
    if i < 0 or text[i] in "\r\n" or text[i] in _SENTENCE_START:
        return True
    if text[i] == ",":
        # '…, “Come here,” she said' follows a comma only after a reporting verb
        return _verb_just_before(text, start)
    return False


_TAG_AFTER = regex.compile(r"[ \t]*+,[ \t]++\p{Ll}")
# How far after a quotation its tag's comma is looked for. (Bounded because ``regex`` looks
# for a pattern's required character, the comma, from the start to the end of the range
# before it matches: without the bound, every quotation of a long text read the rest of it.)
_TAG_REACH = 200


def _tagged_after(text: str, end: int) -> bool:
    """Is the quote followed by a comma and a lower-case word, as dialogue is when its tag comes
    after it and the punctuation stays outside the marks: « Oui », dit-il. 'Yes', he said."""
    return _TAG_AFTER.match(text, end, end + _TAG_REACH) is not None


# A quotation inside a sentence whose words are all capitalised (but for little words) is a
# title when it has at most this many words.
_TITLE_WORDS = 10


def _title_case(words: list[str]) -> bool:
    """Are these words a title: capitalised but for little words ("The Poet and the Peasant")?"""
    stripped = [w.strip(_EDGE) for w in words]
    return sum(1 for w in stripped if w[:1].isupper()) >= 2 and all(
        w[:1].isupper() or w.lower() in _LOWER_FUNCTION_WORDS or not w[:1].isalpha() for w in stripped if w
    )


# A line that is a book's chapter heading ("CHAPTER IV", "Chapter 2", "BOOK I.").
# (a line's start and end read for every line ending, \n, \r\n or \r: "(?m)^…$" took "CHAPTER I\r\n"
# for no heading, and a novel with Windows line endings for news)
CHAPTER_HEADING = regex.compile(
    r"(?<![^\r\n])[ \t]*(?:CHAPTER|Chapter|BOOK|Book)[ \t]+(?:[IVXLC]+|\d+|[A-Z][a-z]+)\b[.:]?[ \t]*(?=[\r\n]|\Z)"
)
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def _epigraph(text: str, start: int) -> bool:
    """Does the quotation at ``start`` open an indented line right after a chapter heading (and
    perhaps the chapter's title)? That is an epigraph — “Mine ear is open …” --Shakespeare —
    which nobody in the story says."""
    line_start = start  # back over the indentation only: a search for the line's start could
    while line_start > 0 and text[line_start - 1] in " \t":  # cross a whole long paragraph
        line_start -= 1
    if start - line_start < 3 or (line_start > 0 and text[line_start - 1] not in "\r\n"):
        return False
    lines = [line for line in _LINE_BREAK.split(text[max(0, line_start - 300) : line_start]) if line.strip()][-2:]
    return any(CHAPTER_HEADING.fullmatch(line) for line in lines)


def _classify(
    text: str, start: int, end: int, segments: tuple[Span, ...], style: str
) -> tuple[bool, str | None, bool]:
    """Is a top-level quoted span, closed, speech, why not if not, and is it a fragment of a
    sentence?"""
    if len(segments) > 1 or not style or style[0] in DASHES:
        return True, None, False
    seg = segments[0]
    content = text[seg.start : seg.end].strip()
    if not content:
        return False, "nothing between the quote marks", False
    if style[0] in "\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}":
        return True, None, False  # CJK text has no spaces to count words by
    # (the words are counted up to _TITLE_WORDS + 1: a long quotation is not split to the end)
    words = content.strip("_*").split(maxsplit=_TITLE_WORDS)
    short = len(words) <= _SHORT_WORDS
    if short and _SPEECH_WORDS.isdisjoint([w.strip(_EDGE).lower() for w in words]):
        punctuated = content.rstrip("_*")[-1:] in _TERMINAL
    else:
        short = False
    if starts_sentence(text, start):
        if _epigraph(text, start):
            return False, "an epigraph", False
        if short and not punctuated and not _tagged_after(text, end) and not _cue_near(text, start, end):
            return False, _name_or_term(words), False
        return True, None, False
    # embedded in a sentence: a quotation introduced by a reporting verb, or quoted words
    if (
        len(words) <= 2
        and content.lstrip("_*")[:1].islower()
        and not _reported_before(text, start)
        and not _said_after(text, end)
    ):
        # a word or two in lower case, inside a sentence whose words so far report nothing, is
        # a word being talked about: the "we", the "oath"; after a reporting verb it is quoted
        # speech ('murmured “hum”', 'said it was “a mistake”')
        return False, "a term or scare quote", False
    if _verb_just_before(text, start):
        return True, None, False
    if not short:
        if len(words) <= _TITLE_WORDS and _title_case(words):
            # "the overture to “The Poet and the Peasant.”", "charged with “The Wilful Murder
            # of Emily Agnes Inglethorp,”": a title inside a sentence, not a line of speech
            return False, "a name or title in quote marks", False
        return True, None, False
    if _cue_near(text, start, end):
        return True, None, True
    return False, _name_or_term(words), False


def _name_or_term(words: list[str]) -> str:
    """Why a few quoted words that nobody says are set aside: capitalised (but for little words)
    they are a name or title, else a term or a scare quote."""
    if all(w[:1].isupper() or w.lower() in _LOWER_FUNCTION_WORDS or not w[:1].isalpha() for w in words):
        return "a name or title in quote marks"
    return "a term or scare quote"


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
    if "\r" in text:
        # read with \n endings, the spans moved back: the same spans whatever the line endings
        # (the scanner's counts of lines and blank lines read "\n" only)
        lines = LineFeeds(text)
        return [lines.quoted_span(s) for s in _find_unshadowed(lines.plain)]
    return _find_unshadowed(text)


def _find_unshadowed(text: str) -> list[QuotedSpan]:
    """The spans of ``text``, doubled apostrophes read as double quote marks where they are."""
    doubled = shadow(text)
    if doubled is not None:
        return restore(_find(doubled[0]), doubled[1], doubled[2])
    return _find(text)


def _find(text: str) -> list[QuotedSpan]:
    found, order = _pair(text)
    starts, ends_of, segments_of, styles, unclosed_ones = (
        found.starts,
        found.ends,
        found.segments,
        found.styles,
        found.unclosed,
    )
    spans: list[QuotedSpan] = []
    append = spans.append
    quoted = _quoted
    # the ends of the spans that contain the current position, innermost last, over one that
    # contains them all (the stack is then never empty: one test less for each span)
    ends: list[int] = [sys.maxsize]
    owners: list[int] = [-1]  # (and their indices in spans)
    for k in order:
        start, end = starts[k], ends_of[k]
        while ends[-1] <= start:
            del ends[-1], owners[-1]
        owners.append(len(spans))
        depth = len(ends) - 1
        if depth:  # nested: speech, as far as the scanner can tell
            level = len(ends) - 1
            while level > 0 and end > ends[level]:
                # only a dialogue line can be crossed: a quotation that starts inside it and
                # ends after its narrator's clause. The line then runs to that quotation's end,
                # and so does every span around it that the quotation would cross too.
                o = owners[level]
                ko = order[o]
                ends_of[ko] = end
                last = segments_of[ko][-1]
                segments_of[ko] = (*segments_of[ko][:-1], _span(last.start, max(last.end, end)))
                spans[o] = _quoted_span(text, found, ko, level - 1)
                ends[level] = end
                level -= 1
            append(quoted(start, end, segments_of[k], styles[k], depth, unclosed_ones[k]))
        elif unclosed_ones[k]:  # (an epigraph is indented: most need no look)
            if start and text[start - 1] in " \t" and _epigraph(text, start):
                append(quoted(start, end, segments_of[k], styles[k], 0, True, False, "an epigraph"))
            else:
                append(quoted(start, end, segments_of[k], styles[k], 0, True))
        else:
            segments, style = segments_of[k], styles[k]
            speech, reason, fragment = _classify(text, start, end, segments, style)
            append(quoted(start, end, segments, style, 0, False, speech, reason, fragment))
        ends.append(end)
    return spans


def _quoted_span(text: str, found: _Found, k: int, depth: int) -> QuotedSpan:
    start, end, segments, style = found.starts[k], found.ends[k], found.segments[k], found.styles[k]
    if depth or found.unclosed[k]:
        return _quoted(start, end, segments, style, depth, found.unclosed[k])
    speech, reason, fragment = _classify(text, start, end, segments, style)
    return _quoted(start, end, segments, style, 0, False, speech, reason, fragment)
