"""Invariants of the whole ``quoteattr.extract`` path on quote-heavy and dialogue-heavy text.

``tests/test_properties.py`` covers the scanner (stages 1-2); here the text is made of the
shapes the attribution stages have rules for — "“…,” said Ann.", "Ann said: “…”", pronouns,
titles, dash dialogue, quotations nested or left open, noise — and every ``Quote`` that comes
back is checked: its offsets slice back to its text, its speaker mention and cue lie outside
the quoted words they attribute, its confidence lies in [0, 1], and it has a speaker exactly
when it gives no reason for lacking one.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from invariants import check_quotes

import quoteattr
from quoteattr.marks import DASHES, QUOTE_GLYPHS

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ, RSQ = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"

_NAMES = st.sampled_from(
    ["Ann", "Shoigu", "Sergei Shoigu", "Jean-Yves Le Drian", "Elizabeth", "O'Brien", "Mr. Bennet",
     "Mrs. Bennet", "Rep. G.K. Butterfield", "the Minister", "the Minister of defence of France",
     "his wife", "the guest", "Jo", "Lizzy", "Dr. Watson", "Lady Catherine"]
)
_PRONOUNS = st.sampled_from(["he", "she", "they", "I", "we", "He", "She"])
_VERBS = st.sampled_from(["said", "asked", "cried", "replied", "told reporters", "added", "smiled", "wrote"])
_OPEN_CLOSE = st.sampled_from(
    [(LDQ, RDQ), ('"', '"'), (LSQ, RSQ), ("'", "'"), ("\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
     "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"), ("\N{DOUBLE LOW-9 QUOTATION MARK}", LDQ)]
)
_WORD = st.sampled_from(
    ["we", "will", "win", "it", "is", "fine", "don't", "rock 'n' roll", "the '90s", "students'",
     "Paris", "Mr. Darcy", "yes", "no", "never", "\N{HORIZONTAL ELLIPSIS}", "sir", "dear Jane",
     "\N{EM DASH}", "42", "\N{CJK UNIFIED IDEOGRAPH-4F60}\N{CJK UNIFIED IDEOGRAPH-597D}",
     "\N{GRINNING FACE}", "e\N{COMBINING ACUTE ACCENT}", "\N{HEBREW LETTER SHIN}\N{HEBREW LETTER LAMED}"]
)
_WORDS = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_PUNCT = st.sampled_from([",", ".", "!", "?", "", "\N{HORIZONTAL ELLIPSIS}"])
_SPEAKER = st.one_of(_NAMES, _PRONOUNS)


@st.composite
def _quotation(draw: st.DrawFn, depth: int = 0) -> str:
    """Words in quote marks; sometimes with a quotation inside, sometimes left open."""
    opener, closer = draw(_OPEN_CLOSE)
    inner = draw(_WORDS)
    if depth < 3 and draw(st.integers(0, 4)) == 0:
        inner += " " + draw(_quotation(depth + 1)) + " " + draw(_WORDS)
    closing = draw(st.sampled_from([closer, closer, closer, ""]))
    return f"{opener}{inner}{draw(_PUNCT)}{closing}"


_QUOTATION = _quotation()

# One paragraph of each shape the cues and speakers stages read.
_PARAGRAPH = st.one_of(
    st.builds("{} {} {}.".format, _QUOTATION, _VERBS, _SPEAKER),  # “…,” said Ann.
    st.builds("{} {} {}.".format, _QUOTATION, _SPEAKER, _VERBS),  # “…,” he said.
    st.builds("{} {}: {}".format, _SPEAKER, _VERBS, _QUOTATION),  # Ann said: “…”
    st.builds("{} {}, {}".format, _SPEAKER, _VERBS, _QUOTATION),  # He added, “…”
    st.builds("{}: {}".format, _NAMES, _QUOTATION),  # Shoigu: “…”
    st.builds("According to {}, {}".format, _NAMES, _QUOTATION),
    st.builds("{} {} {}, {}".format, _QUOTATION, _VERBS, _SPEAKER, _QUOTATION),  # interrupted
    st.builds("{} {}".format, _QUOTATION, _QUOTATION),  # two quotes, no cue
    st.builds("{}{} {}! {} {}.".format, st.sampled_from(list(DASHES)), st.sampled_from(["", " "]), _WORDS,
              _PRONOUNS, _VERBS),  # —Stop! he said.
    st.builds("{} {} {} {}".format, _SPEAKER, _VERBS, _WORDS, _NAMES),  # narration
    _QUOTATION,  # a quote paragraph alone (turn-taking)
    # a transcript's turn, a quotation in it: HOLT: … “…” …
    st.builds("{}: {} {} {}".format, st.sampled_from(["HOLT", "Q", "A", "MR. TRUMP"]), _WORDS, _QUOTATION, _WORDS),
    st.builds("{} {}:".format, _SPEAKER, _VERBS),  # He said: (the next paragraph may be a block quotation)
    st.text(max_size=30),  # noise
    st.lists(st.sampled_from(list(QUOTE_GLYPHS) + list(DASHES) + [" ", "a", "he said"]), max_size=12).map("".join),
)
_BREAK = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " ", "\n \n"])

dialogue_text = st.lists(st.tuples(_PARAGRAPH, _BREAK).map("".join), max_size=20).map("".join)


@given(dialogue_text)
def test_extract_invariants_on_dialogue(text: str) -> None:
    """On dialogue-heavy text every quote slices back and attributes from outside its words."""
    check_quotes(text, quoteattr.extract(text))


@given(dialogue_text)
def test_every_kind_keeps_the_invariants(text: str) -> None:
    """Asking for every kind (indirect too) keeps the invariants, and keeps every quotation of the
    default: the same span, or nested in a mixed quotation that holds it (the reported clauses
    around may change who a cue-less quote is given to, so only the spans are compared)."""
    every = quoteattr.extract(text, kinds=("direct", "mixed", "indirect"))
    check_quotes(text, every)
    spans = {(q.start, q.end) for q in every}
    nested = {(n.start, n.end) for q in every if q.kind == "mixed" for n in q.nested}
    for q in quoteattr.extract(text):
        assert (q.start, q.end) in spans or (q.start, q.end) in nested, q


@given(dialogue_text, st.sampled_from(["\n", "\r\n", "\r"]))
def test_line_endings_do_not_move_quotes(text: str, newline: str) -> None:
    """The same text with \\r\\n or \\r line endings has the same quotes, speakers and cues."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    converted = text.replace("\n", newline)
    to_new = _offset_map(text, newline)

    def shape(quotes: list[quoteattr.Quote], moved) -> list:
        return [
            (moved(q.start), moved(q.end), q.speaker.name if q.speaker else None,
             moved(q.cue.start) if q.cue else None, q.rule)
            for q in quotes
        ]

    assert shape(quoteattr.extract(converted), lambda i: i) == shape(quoteattr.extract(text), to_new)


def _offset_map(text: str, newline: str):
    """Maps an offset in ``text`` (\\n line endings) to the same place with ``newline`` ones."""
    extra = len(newline) - 1
    breaks = [i for i, c in enumerate(text) if c == "\n"]

    def moved(i: int) -> int:
        import bisect

        return i + extra * bisect.bisect_left(breaks, i)

    return moved
