"""Stage 1 — find the quote marks of a text and what each one can do.

Every quotation mark is classified by the characters on either side of it (its *flanking*):
a mark followed by a word and preceded by a space can open a quotation; a mark preceded by a
word and followed by a space or punctuation can close one. An apostrophe inside a word
(don't, O'Brien) is never returned, and elisions that start a word ('tis, '90s, rock 'n' roll)
are recognised from a short list. A right single quote after a letter and before a space
("the students’ books") may be a possessive or may close a quotation; it is returned as a
*weak* closer, and an elision ('tis) as a *weak* opener: the spans stage decides with what
follows.

The paragraph breaks and dialogue dashes that the spans stage needs come from the same single
scan of the text, so the text is read once, in C, by one regular expression.
"""

from __future__ import annotations

import functools
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
# Mark flags.
OPEN, CLOSE, WEAK = 1, 2, 4

_APOS = "\N{APOSTROPHE}\N{RIGHT SINGLE QUOTATION MARK}"

# The scan: one regex, one branch a line; which branch matched is read from the first char.
_MARK_BRANCHES = r"""
    [{apos}] (?: (?<!\w[{apos}]) | (?!\w) )      # ' or ’ not inside a word (don't, O’Brien are skipped)
  | [{others}]                                    # every other quote mark
  | [{dashes}]                                    # a dash: dialogue if it starts a paragraph
"""
_BLANK_LINE_BREAK = r"""
  | (?> \r\n | \n | \r ) (?: [^\S\r\n]* (?> \r\n | \n | \r ) )+   # paragraphs end at a blank line
"""
_LINE_BREAK = r"""
  | (?> \r\n | \n | \r ) (?: [^\S\r\n]* (?> \r\n | \n | \r ) )*   # paragraphs end at each line break
"""


def _compile(breaks: str) -> regex.Pattern[str]:
    others = "".join(g for g in QUOTE_GLYPHS if g not in _APOS)
    body = _MARK_BRANCHES.format(
        apos=regex.escape(_APOS), others=regex.escape(others), dashes=regex.escape(DASHES)
    )
    return regex.compile(body + breaks, regex.VERBOSE)


_SCAN_BLANK = _compile(_BLANK_LINE_BREAK)
_SCAN_LINES = _compile(_LINE_BREAK)
# White space within a line: what ``regex`` calls ``\s`` (Unicode White_Space) but for \r and
# \n, spelled out so that the standard library's ``re``, which scans text about three times as
# fast, reads it the same way (tests/test_scanner_equivalence.py checks it).
HSPACE = "\t\x0b\x0c \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# A line break, white space, a line break. (``\r(?!\n)``: a \r\n is one break, never two.)
_HAS_BLANK_LINE = re.compile(rf"(?:\r\n|\n|\r(?!\n))[{HSPACE}]*[\r\n]")
_LONG_LINE = 100  # characters

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


def scan(text: str, *, blank_lines: bool | None = None) -> Iterator[Token]:
    """Yield the marks, paragraph breaks and dashes of ``text`` in order.

    A quote mark comes with its flags: ``OPEN`` and/or ``CLOSE`` for what it can do, ``WEAK``
    when it may as well be an apostrophe. Marks that can do neither are not yielded.
    """
    if blank_lines is None:
        blank_lines = uses_blank_lines(text)
    pattern = _SCAN_BLANK if blank_lines else _SCAN_LINES
    n = len(text)
    closers = CLOSERS
    for m in pattern.finditer(text):
        s, e = m.span()
        g = text[s]
        if g in "\r\n":
            yield Token(BREAK, s, e, "", 0)
            continue
        if g in DASHES:
            yield Token(DASH, s, e, g, 0)
            continue
        prev = text[s - 1] if s else " "
        nxt = text[e] if e < n else " "
        prev_space = prev.isspace()
        next_space = nxt.isspace()
        prev_word = prev.isalnum()
        flags = 0
        if g in _OPEN_ONLY:
            flags = OPEN
        elif g in _CLOSE_ONLY:
            flags = CLOSE
        else:
            if g in closers and not next_space and not prev_word:
                flags |= OPEN
            if not prev_space:
                flags |= CLOSE
            if g in _APOS:
                if flags & OPEN and _ELISION.match(text, e):
                    # 'tis, 'em, the '90s: an apostrophe, unless a closer later needs it
                    yield Token(MARK, s, e, g, OPEN | WEAK)
                    continue
                if flags & CLOSE and prev_word:
                    if nxt.isalnum():
                        continue  # inside a word (only reached for lone marks at edges)
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
        if flags:
            yield Token(MARK, s, e, g, flags)
