"""``LineFeeds``: a text read with ``\\n`` endings, and its offsets moved back."""

from __future__ import annotations

import random

from quoteattr.model import Cue, Mention, Quote, Span
from quoteattr.newlines import LineFeeds


def test_every_offset_goes_back_to_the_same_character():
    """Each character of the ``\\n`` copy is the same character in the caller's text, a line
    ending for a line ending (an offset at one is before its "\\r")."""
    rng = random.Random(17)
    for _ in range(500):
        text = "".join(rng.choice(["a", "b", " ", "\n", "\r\n", "\r", "\u201c"]) for _ in range(rng.randint(0, 40)))
        lines = LineFeeds(text)
        assert "\r" not in lines.plain
        assert lines.at(len(lines.plain)) == len(text)
        for i, c in enumerate(lines.plain):
            j = lines.at(i)
            assert text[j] == c or (c == "\n" and text[j] == "\r"), (text, i)


def test_a_quote_found_in_the_copy_slices_back_from_the_callers_text():
    text = "Ann said:\r\n\r\n\u201cGo\r\n\r\n\u201con,\u201d she said."
    lines = LineFeeds(text)
    plain = lines.plain
    start, end = plain.index("\u201cGo"), plain.index("on,\u201d") + 4
    found = Quote(
        text=plain[start:end],
        start=start,
        end=end,
        segments=(Span(start + 1, start + 3), Span(end - 4, end - 1)),
        speaker_mention=Mention(plain.index("she"), plain.index("she") + 3, "she", "pronoun"),
        cue=Cue(plain.rindex("said"), plain.rindex("said") + 4, "said"),
    )
    moved = lines.quote(found)
    assert moved.text == text[moved.start : moved.end] == "\u201cGo\r\n\r\n\u201con,\u201d"
    assert [text[s.start : s.end] for s in moved.segments] == ["Go", "on,"]
    assert moved.speaker_mention is not None and text[moved.speaker_mention.start : moved.speaker_mention.end] == "she"
    assert moved.cue is not None and moved.cue.text == text[moved.cue.start : moved.cue.end] == "said"
