"""The HTML view: well-nested, every character once and escaped, one colour per speaker."""

from __future__ import annotations

import copy
import pickle
import re
from html.parser import HTMLParser

import attrs
import pytest

from quoteattr.display import NO_SPEAKER_COLOUR, QuoteList, to_html
from quoteattr.model import Cue, Mention, Quote, Span, Speaker

ANN = Speaker("Ann Smith", aliases=("Ann",), id="e1")
BOB = Speaker("Bob", id="e2")
# Elements the view may write; anything else in the output came from the text.
ALLOWED_TAGS = {"div", "span", "mark"}
VOID_TAGS = {"meta", "br", "img", "input", "link"}  # elements that have no end tag


class _Reader(HTMLParser):
    """Checks that tags nest and records, for every character of text, the classes around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.tags: list[str] = []
        self.text: list[str] = []  # characters outside labels
        self.classes: list[frozenset[str]] = []  # the classes enclosing each of those characters
        self.labels: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID_TAGS:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data):
        enclosing = frozenset(a.get("class") or "" for _, a in self.stack)
        if "qa-label" in enclosing:
            self.labels.append(data)
            return
        self.text.append(data)
        self.classes.extend([enclosing] * len(data))


def read(page: str) -> _Reader:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    assert not reader.stack, f"left open: {reader.stack}"
    return reader


def quote(text: str, start: int, end: int, segments, **fields) -> Quote:
    return Quote(text=text[start:end], start=start, end=end, segments=[Span(*s) for s in segments], **fields)


def mention(text: str, word: str, kind: str = "name", occurrence: int = 0) -> Mention:
    start = [m.start() for m in re.finditer(re.escape(word), text)][occurrence]
    return Mention(start=start, end=start + len(word), text=word, kind=kind)


def cue(text: str, word: str) -> Cue:
    start = text.index(word)
    return Cue(start=start, end=start + len(word), text=word)


# An interrupted quotation: two segments with the cue and the mention between them.
INTERRUPTED = "Then “I know,” said Ann, “it is late.” The end."


def interrupted_quote() -> Quote:
    t = INTERRUPTED
    return quote(
        t,
        t.index("“I"),
        t.index(" The end"),
        [(t.index("I know"), t.index("”")), (t.index("it is"), t.rindex("”"))],
        speaker=ANN,
        speaker_mention=mention(t, "Ann"),
        cue=cue(t, "said"),
        confidence=0.9,
        rule="cue-after",
    )


def expected_classes(text: str, quotes: list[Quote]) -> list[frozenset[str]]:
    """For each character, the classes of the marks that should cover it."""
    out = [{"quoteattr"} for _ in text]
    for q in quotes:
        for i in range(q.start, q.end):
            out[i].add("qa-quote")
        for s in q.segments:
            for i in range(s.start, s.end):
                out[i].add("qa-content")
        for part, name in ((q.speaker_mention, "qa-mention"), (q.cue, "qa-cue")):
            if part is not None:
                for i in range(part.start, part.end):
                    out[i].add(name)
    return [frozenset(c) for c in out]


def test_interrupted_quote_nests_and_marks_every_character():
    """A quote with two segments and a cue and mention inside it gives well-nested HTML whose
    characters are the source's, each inside exactly the marks that cover it."""
    q = interrupted_quote()
    reader = read(to_html(INTERRUPTED, [q]))
    assert "".join(reader.text) == INTERRUPTED
    assert reader.classes == expected_classes(INTERRUPTED, [q])
    assert reader.labels == ["Ann Smith"]


def test_crossing_marks_are_split_not_misnested():
    """A mention and a cue that cross each other and the end of a quote still nest properly."""
    text = "“Go,” Dr Who told reporters today."
    who = Mention(start=text.index("Who"), end=text.index(" reporters"), text="Who told", kind="name")
    told = Cue(start=text.index("told"), end=text.index(" today"), text="told reporters")
    # A mention that starts inside the quotation and ends outside it.
    odd = Mention(start=2, end=text.index(" Who"), text=text[2 : text.index(" Who")], kind="name")
    quotes = [
        quote(text, 0, 5, [(1, 3)], speaker=BOB, speaker_mention=who, cue=told),
        quote(text, 0, 5, [(1, 3)], speaker=BOB, speaker_mention=odd),
    ]
    reader = read(to_html(text, quotes))
    assert "".join(reader.text) == text
    assert reader.classes == expected_classes(text, quotes)


def test_markup_in_the_text_and_names_is_escaped():
    """A document containing <script> (and a speaker called <img ...>) renders as text."""
    text = '<script>alert("x")</script> “A & B <i>,” said <img src=x onerror=alert(1)>.'
    name = "<img src=x onerror=alert(1)>"
    q = quote(
        text,
        text.index("“"),
        text.index(" said"),
        [(text.index("A &"), text.index("”"))],
        speaker=Speaker(name, id='"><script>'),
        speaker_mention=mention(text, name),
        cue=cue(text, "said"),
        reason="<b>why</b>",
    )
    page = to_html(text, [q])
    reader = read(page)
    assert set(reader.tags) <= ALLOWED_TAGS
    assert "<script" not in page and "<img" not in page and "<i>" not in page
    assert "".join(reader.text) == text
    assert reader.labels == [name]


def test_no_speaker_is_grey_with_a_question_mark():
    """A quote nobody is credited with is shown in grey, labelled "?", its reason on hover."""
    text = "“Who?”"
    page = to_html(text, [quote(text, 0, 6, [(1, 5)], reason="no cue nearby")])
    assert read(page).labels == ["?"]
    assert NO_SPEAKER_COLOUR in page and "no cue nearby" in page


def test_one_colour_per_speaker():
    """Quotes by the same speaker (by id) share a colour; another speaker gets another one."""
    text = "“A,” said Ann. “B,” said Bob. “C,” said Ann."
    starts = [m.start() for m in re.finditer("“", text)]
    speakers = [ANN, BOB, Speaker("Ann", id="e1")]
    quotes = [quote(text, s, s + 4, [(s + 1, s + 2)], speaker=who) for s, who in zip(starts, speakers, strict=True)]
    page = to_html(text, quotes)
    colours = re.findall(r'class="qa-content" style="background: (#[0-9a-f]{6})"', page)
    assert len(colours) == 3
    assert colours[0] == colours[2] != colours[1]
    assert read(page).labels == ["Ann Smith", "Bob", "Ann"]


def test_nothing_to_mark_still_shows_the_text():
    """Without quotes the view is the escaped text; an empty text is an empty view."""
    assert "".join(read(to_html("a < b\r\nc", [])).text) == "a < b\r\nc"
    assert read(to_html("", [])).text == []


def test_quotes_from_another_text_are_refused():
    """Offsets that do not slice back to the quote's text raise a ValueError saying so."""
    text = "“Hello,” she said."
    q = quote(text, 0, 8, [(1, 6)])
    with pytest.raises(ValueError, match="not in the text given"):
        to_html("Something else entirely.", [q])
    with pytest.raises(ValueError, match="speaker mention"):
        to_html(text, [attrs.evolve(q, speaker_mention=Mention(start=9, end=12, text="him", kind="pronoun"))])


def test_page_is_a_whole_document():
    """``page=True`` gives a complete, well-formed HTML document with a charset."""
    page = to_html(INTERRUPTED, [interrupted_quote()], page=True)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    reader = read(page)
    assert "".join(reader.text).strip().startswith("Quotations")  # the <title>
    assert INTERRUPTED in "".join(reader.text)


def test_quote_list_behaves_as_a_list():
    """A QuoteList equals the plain list of its quotes, slices to a list, pickles and copies
    with its text."""
    q = interrupted_quote()
    quotes = QuoteList([q], text=INTERRUPTED)
    assert quotes == [q] and [q] == quotes and isinstance(quotes, list)
    assert quotes[:] == [q] and type(quotes[:]) is list
    assert QuoteList([], text="x") == []
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(quotes, protocol=protocol))
        assert type(back) is QuoteList and back == quotes and back.text == INTERRUPTED
    for copied in (copy.copy(quotes), copy.deepcopy(quotes)):
        assert copied == quotes and copied.text == INTERRUPTED
    assert repr(quotes) == repr([q])


def test_quote_list_shows_itself_in_notebooks():
    """Jupyter's ``_repr_html_`` hook gives the marked-up text."""
    quotes = QuoteList([interrupted_quote()], text=INTERRUPTED)
    assert quotes._repr_html_() == to_html(INTERRUPTED, quotes)
