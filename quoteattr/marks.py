"""Stage 1 — find the quote marks of a text and what each one can do.

Every quotation mark is classified by the characters on either side of it (its *flanking*):
a mark followed by a word and preceded by a space can open a quotation; a mark preceded by a
word and followed by a space or punctuation can close one. An apostrophe inside a word
(don't, O'Brien) is never returned, and elisions that start a word ('tis, '90s, rock 'n' roll)
are recognised from a short list. A right single quote after a letter and before a space
("the students’ books") may be a possessive or may close a quotation; it is returned as a
*weak* closer, and an elision ('tis) as a *weak* opener: the spans stage decides with what
follows.

The text is read in C by a few patterns of the standard library's ``re`` (marks, paragraph
breaks, dashes that may start a line of dialogue), and Python looks at each mark once: its
flags come from a dictionary keyed by the three characters around it (``quote_marks``). The
spans stage pairs marks as plain integers; ``scan`` gives the same as tokens, for a reader.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

# What each mark can close when it opens a quotation. A glyph that appears as a key can open;
# a glyph that appears in a value can close. Conventions covered: English “…” ‘…’ "…" '…',
# German „…“ ‚…‘ and »…«, French/Russian «…», Swedish ”…” ’…’ »…», Japanese/Chinese 「…」 『…』.
CLOSERS: dict[str, str] = {
    "\N{QUOTATION MARK}": "\N{QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT DOUBLE QUOTATION MARK}": (
        "\N{RIGHT DOUBLE QUOTATION MARK}\N{QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}"
    ),
    "\N{RIGHT DOUBLE QUOTATION MARK}": "\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{DOUBLE LOW-9 QUOTATION MARK}": (
        "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{QUOTATION MARK}"
    ),
    "\N{APOSTROPHE}": "\N{APOSTROPHE}\N{RIGHT SINGLE QUOTATION MARK}",
    "\N{LEFT SINGLE QUOTATION MARK}": "\N{RIGHT SINGLE QUOTATION MARK}\N{APOSTROPHE}",
    "\N{RIGHT SINGLE QUOTATION MARK}": "\N{RIGHT SINGLE QUOTATION MARK}",
    "\N{SINGLE LOW-9 QUOTATION MARK}": (
        "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    ),
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}": (
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    ),
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}": "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}": (
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
    ),
    "\N{LEFT CORNER BRACKET}": "\N{RIGHT CORNER BRACKET}",
    "\N{LEFT WHITE CORNER BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
}

# Glyphs that only ever close (they appear in CLOSERS' values but are not keys).
_CLOSE_ONLY = "\N{RIGHT CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
# Glyphs that only ever open, whatever surrounds them.
_OPEN_ONLY = (
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}"
    "\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}"
)

# Families: a quotation that runs over paragraphs reopens each paragraph with a mark of its
# own family; a single-quote family mark can also be an apostrophe.
FAMILY: dict[str, str] = {}
for _g in "\N{QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}":
    FAMILY[_g] = "double"
for _g in "\N{APOSTROPHE}\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}":
    FAMILY[_g] = "single"
for _g in (
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
):
    FAMILY[_g] = "angle"
for _g in "\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}":
    FAMILY[_g] = "corner"
del _g

QUOTE_GLYPHS = "".join(FAMILY)
DASHES = "\N{EM DASH}\N{EN DASH}"

# Guillemets may have a space inside them (French: « Oui »); which side depends on direction.
_SPACED = (
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
)
_SPACED_OPEN = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
_SPACED_CLOSE = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"

# Token kinds of the scan.
MARK, BREAK, DASH = 0, 1, 2
# Mark flags. SINGLE is not a flag of the scan's tokens: ``quote_marks`` adds it for marks of
# the single-quote family, which the pairing counts apart.
OPEN, CLOSE, WEAK, SINGLE = 1, 2, 4, 8
_ELIDES = 16  # (a mark's flags if no elision follows it; OPEN | WEAK if one does)

_APOS = "\N{APOSTROPHE}\N{RIGHT SINGLE QUOTATION MARK}"

# White space within a line: what ``regex`` calls ``\s`` (Unicode White_Space) but for \r and
# \n, spelled out so that the standard library's ``re``, which scans text about three times as
# fast, reads it the same way (tests/test_scanner_equivalence.py checks it).
HSPACE = "\t\x0b\x0c \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# Every quote mark but an apostrophe between two ASCII letters or digits (don't, O'Brien),
# which is inside a word whatever else is true; what each mark can do is read from the
# characters on either side of it (``_flags``). One class first: ``re`` then skips the text
# between marks in a fast loop of its own.
_MARKS = re.compile(rf"[{re.escape(QUOTE_GLYPHS)}](?:(?<![A-Za-z0-9][{_APOS}])|(?![A-Za-z0-9]))")
# Paragraph breaks: at a blank line (hard-wrapped text), or at each line break; a break runs
# to the last line break of the white space that follows. A \r\n is one break: ``\r(?!\n)``
# where the next character must not be read as the second line break. (One repeated class
# rather than a repeated group: ``re`` would keep a mark for every line of a long blank run.)
_BREAKS_BLANK = re.compile(rf"(?:\r\n|\n|\r(?!\n))[{HSPACE}\r\n]*[\r\n]")
_BREAKS_LINES = re.compile(rf"[\r\n](?:[{HSPACE}\r\n]*[\r\n])?")
# A line break, white space, a line break.
_HAS_BLANK_LINE = re.compile(rf"(?:\r\n|\n|\r(?!\n))[{HSPACE}]*[\r\n]")
_LONG_LINE = 100  # characters
# A dash with nothing but white space between it and the line break before it (or the start
# of the text): it may start a paragraph of dialogue. (White space without line breaks: a run
# of line breaks would otherwise be read again from each of them. The first line apart: with
# ``\A`` in it, the pattern would be tried at every position.)
_LINE_DASH = re.compile(rf"[\r\n][^\S\r\n]*[{DASHES}]")
_FIRST_LINE_DASH = re.compile(rf"\A[^\S\r\n]*[{DASHES}]")
_DASH = re.compile(f"[{DASHES}]")
_WORD_CHAR = regex.compile(r"\w")  # what regex calls a word character, as the scan always did

# Words that begin with an elision apostrophe: 'tis, 'twas, 'em, rock 'n' roll, the '90s.
_ELISION = regex.compile(
    r"""
      (?: tis | twas | twere | twill | twould | em | n | cause | cos | til | till | bout
        | round | nuff | neath | ere | gainst | twixt | ow | im | er | e | is | ave | appen )
      (?![\w])                                    # a whole word
    | (?: twen | thir | for | fif | six | seven | eigh | nine ) ties (?!\w)   # the 'seventies
    | (?: prentice | possum | coon | gator | cello | copter | fraid | scuse | spect ) (?!\w)
    | \d\d s? (?!\w)                              # the '90s, '68
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# An elision is read from the characters after its apostrophe, at most this many: the longest
# word of _ELISION ("seventies") and the one after it that must not be a word character.
_ELISION_WINDOW = 10


class _ElisionAfter(dict[str, bool]):
    """Whether ``_ELISION`` matches at the start of these characters (``_ELISION_WINDOW`` of them
    after an apostrophe, fewer at the end of a text), computed once per process: the words after
    apostrophes repeat. Bounded: emptied when full."""

    def __missing__(self, window: str) -> bool:
        if len(self) >= 100_000:
            self.clear()
        elides = self[window] = _ELISION.match(window) is not None
        return elides


_ELIDED = _ElisionAfter()

_CLOSE_PUNCT_AFTER = frozenset(".,;:!?)]}>\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-/" + QUOTE_GLYPHS)


class Token(NamedTuple):
    """One item of the scan: a quote mark, a paragraph break or a dash."""

    kind: int
    start: int
    end: int
    glyph: str
    flags: int


@functools.lru_cache(maxsize=4)  # the scanner and the paragraphs of one text both ask
def uses_blank_lines(text: str) -> bool:
    """True when the text is hard-wrapped: its paragraphs end at blank lines, not line breaks.

    Text with blank lines and almost no line of 100 characters or more is wrapped (a Project
    Gutenberg novel); otherwise each line is a paragraph (news, where a blank line may or may
    not separate paragraphs).
    """
    if _HAS_BLANK_LINE.search(text) is None:
        return False
    lines = max(text.count("\n"), text.count("\r")) + 1
    # a line starts after any line break, a lone \r included (\r\n has an empty line inside)
    if "\r" in text:
        text = text.replace("\r", "\n")
    long_lines = sum(map(_LONG_LINE.__le__, map(len, text.split("\n"))))
    return long_lines * 10 <= lines


def _flags(around: str) -> int:
    """What the mark ``around[1]`` can do between ``around[0]`` and ``around[2]`` (a space
    stands for the edge of the text): OPEN, CLOSE, WEAK and SINGLE; 0 for a mark that can
    neither open nor close (an apostrophe inside a word). ``_ELIDES`` asks the caller to look
    for an elision after the mark ('tis): if there is one, the flags are OPEN | WEAK."""
    prev, g = around[0], around[1]
    nxt = around[2] if len(around) > 2 else " "
    single = SINGLE if FAMILY[g] == "single" else 0
    if g in _APOS and _WORD_CHAR.match(prev) and _WORD_CHAR.match(nxt):
        return 0  # inside a word: don't, O’Brien
    prev_space = prev.isspace()
    next_space = nxt.isspace()
    prev_word = prev.isalnum()
    if g in _OPEN_ONLY:
        return OPEN | single
    if g in _CLOSE_ONLY:
        return CLOSE | single
    flags = 0
    if g in CLOSERS and not next_space and not prev_word:
        flags |= OPEN
    if not prev_space:
        flags |= CLOSE
    elides = 0
    if g in _APOS:
        if flags & OPEN and _WORD_CHAR.match(nxt):  # (every elision starts with a letter or digit)
            elides = _ELIDES  # 'tis, 'em, the '90s: an apostrophe, unless a closer later needs it
        if flags & CLOSE and prev_word:
            if nxt.isalnum():
                return 0  # inside a word (only reached for lone marks at edges)
            if next_space or nxt not in _CLOSE_PUNCT_AFTER:
                flags |= WEAK  # the students’ books, goin' home
    if g in _SPACED and (next_space or prev_space):
        # French typography puts a space inside guillemets: « Oui », dit-il.
        if next_space and not prev_word and g in _SPACED_OPEN:
            flags |= OPEN
        if prev_space and g in _SPACED_CLOSE:
            flags |= CLOSE
    elif prev_space and next_space:
        # a mark between spaces: it may close a quotation left open, never open one
        flags = CLOSE | WEAK if g in _APOS else CLOSE
    return flags | single | elides if flags else 0


class _FlagsByNeighbours(dict[str, int]):
    """``_flags`` of each three characters around a mark, computed once per process. Bounded:
    emptied when full (a pure function's values; any thread may fill or empty it)."""

    def __missing__(self, around: str) -> int:
        if len(self) >= 100_000:
            self.clear()
        flags = self[around] = _flags(around)
        return flags


_FLAGS = _FlagsByNeighbours()


def quote_marks(text: str) -> tuple[list[int], list[int]]:
    """The positions of the quote marks of ``text`` that can open or close, in order, and the
    flags of each: ``OPEN`` and/or ``CLOSE`` for what it can do, ``WEAK`` when it may as well
    be an apostrophe, ``SINGLE`` for the single-quote family.

    A mark is classified by the characters on either side of it, most of them seen before: the
    text is read by ``re`` in C, and a dictionary gives each mark's flags.
    """
    positions = list(map(re.Match.start, _MARKS.finditer(text)))
    if not positions:
        return positions, []
    arounds = [text[s - 1 : s + 2] for s in positions]
    if positions[0] == 0:
        arounds[0] = " " + text[:2]
    flags = list(map(_FLAGS.__getitem__, arounds))
    for k in itertools.compress(range(len(flags)), map(_ELIDES.__and__, flags)):
        after = positions[k] + 1
        elides = _ELIDED[text[after : after + _ELISION_WINDOW]]
        flags[k] = OPEN | WEAK | SINGLE if elides else flags[k] ^ _ELIDES
    if not all(flags):  # (a truth test per flag: cheaper than comparing each with 0)
        positions = list(itertools.compress(positions, flags))
        flags = list(filter(None, flags))
    return positions, flags


def paragraph_breaks(text: str, blank_lines: bool) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each paragraph break: the line breaks and blank lines between
    two paragraphs; paragraphs end at blank lines (hard-wrapped text) or at each line break."""
    pattern = _BREAKS_BLANK if blank_lines else _BREAKS_LINES
    return list(map(re.Match.span, pattern.finditer(text)))


def dialogue_dashes(text: str, breaks: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The paragraphs that start with a dash: ``(dash position, paragraph start, paragraph
    end)`` for each, where nothing but white space stands between paragraph start and dash."""
    out = []
    first = _FIRST_LINE_DASH.match(text)
    for s in itertools.chain([first.end()] if first else [], map(re.Match.end, _LINE_DASH.finditer(text))):
        s -= 1
        k = bisect.bisect_left(breaks, (s,))  # the paragraph's end is the next break's start
        ps = breaks[k - 1][1] if k else 0
        if ps <= s and (ps == s or text[ps:s].isspace()):
            out.append((s, ps, breaks[k][0] if k < len(breaks) else len(text)))
    return out


def scan(text: str, *, blank_lines: bool | None = None) -> Iterator[Token]:
    """Yield the marks, paragraph breaks and dashes of ``text`` in order.

    A quote mark comes with its flags: ``OPEN`` and/or ``CLOSE`` for what it can do, ``WEAK``
    when it may as well be an apostrophe. Marks that can do neither are not yielded.
    """
    if blank_lines is None:
        blank_lines = uses_blank_lines(text)
    positions, flags = quote_marks(text)
    tokens = [
        Token(MARK, s, s + 1, text[s], f & (OPEN | CLOSE | WEAK)) for s, f in zip(positions, flags, strict=True)
    ]
    tokens += [Token(BREAK, s, e, "", 0) for s, e in paragraph_breaks(text, blank_lines)]
    tokens += [Token(DASH, s, s + 1, text[s], 0) for s in map(re.Match.start, _DASH.finditer(text))]
    tokens.sort(key=lambda t: t.start)
    yield from tokens
