"""Show quotations in their text: HTML for notebooks and pages, in the manner of displaCy.

:func:`to_html` writes the text with each quotation highlighted in its speaker's colour, the
speaker's name in a label after it, the mention that names the speaker underlined and the
cue in italics. :class:`QuoteList` is a ``list`` of quotes that remembers its text, so that
Jupyter shows it that way by itself.

Every character of the source appears once, escaped, in document order; the marks are
split where they cross so that the elements always nest.

>>> "Hi &lt;b&gt;" in to_html("Hi <b>", [])
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import attrs

from .model import Quote

# Background colours, one per speaker in order of first appearance (cycled when there are more
# speakers than colours): light enough for black text on them.
PALETTE: tuple[str, ...] = (
    "#ffd166",
    "#8ecae6",
    "#b5e48c",
    "#f4a3c0",
    "#cdb4db",
    "#f9c784",
    "#90e0c0",
    "#e0c39e",
    "#a3c4f3",
    "#f28482",
)
NO_SPEAKER_COLOUR = "#d9d9d9"
# Appended to a colour to tint the whole quotation, narration within it included (#rrggbbaa).
TINT = "59"

_WRAPPER_STYLE = (
    "white-space: pre-wrap; line-height: 2.2; "
    "font-family: Georgia, 'Times New Roman', serif; font-size: 1em; padding: 0.5em 0"
)
_LABEL_STYLE = (
    "font-family: sans-serif; font-size: 0.7em; font-weight: bold; padding: 0.1em 0.45em; "
    "margin: 0 0.25em; border-radius: 0.35em; vertical-align: middle; user-select: none; "
    "background: {colour}"
)

# Rank orders marks that cover exactly the same characters: the outer one first.
_QUOTE, _CONTENT, _MENTION, _CUE = range(4)


@attrs.frozen
class _Mark:
    """One element to wrap around ``text[start:end]``: its rank and its opening tag."""

    start: int
    end: int
    rank: int
    name: str
    open_tag: str

    @property
    def close_tag(self) -> str:
        return f"</{self.name}>"


def _tag(name: str, css_class: str, style: str, **attributes: str) -> str:
    """An opening tag; ``data_speaker="x"`` gives the attribute ``data-speaker="x"``."""
    parts = [f'<{name} class="{css_class}" style="{html.escape(style)}"']
    for key, value in attributes.items():
        parts.append(f' {key.replace("_", "-")}="{html.escape(value)}"')
    return "".join(parts) + ">"


def _check_span(text: str, start: int, end: int, quoted: str, what: str) -> None:
    if not (0 <= start <= end <= len(text)) or text[start:end] != quoted:
        raise ValueError(
            f"{what} at {start}-{end} ({quoted!r:.40}) is not in the text given "
            f"(text[{start}:{end}] is {text[start:end]!r:.40}); pass the text the quotes were "
            "extracted from, unchanged"
        )


def _speaker_colours(quotes: Sequence[Quote]) -> dict[str, str]:
    colours: dict[str, str] = {}
    for q in quotes:
        if q.speaker is not None:
            key = q.speaker.id or q.speaker.name
            colours.setdefault(key, PALETTE[len(colours) % len(PALETTE)])
    return colours


def _marks_and_labels(text: str, quotes: Sequence[Quote]) -> tuple[list[_Mark], dict[int, list[str]]]:
    colours = _speaker_colours(quotes)
    marks: dict[tuple[int, int, int], _Mark] = {}
    labels: dict[int, list[str]] = {}

    def add(
        start: int, end: int, rank: int, name: str, css_class: str, style: str, **attributes: str
    ) -> None:
        if start < end:  # an empty element would show nothing
            open_tag = _tag(name, css_class, style, **attributes)
            marks.setdefault((start, end, rank), _Mark(start, end, rank, name, open_tag))

    for q in quotes:
        _check_span(text, q.start, q.end, q.text, "quote")
        if q.speaker is not None:
            name = q.speaker.name
            colour = colours[q.speaker.id or q.speaker.name]
            title = f"{name} (rule {q.rule}, confidence {q.confidence:.2f})"
        else:
            name = "?"
            colour = NO_SPEAKER_COLOUR
            title = f"no speaker: {q.reason or 'none found'}"
        add(
            q.start,
            q.end,
            _QUOTE,
            "span",
            "qa-quote",
            f"background: {colour}{TINT}; border-radius: 0.3em; padding: 0.15em 0",
            title=f"{q.kind} quotation — {title}",
            data_speaker=q.speaker.name if q.speaker else "",
        )
        for segment in q.segments:
            add(segment.start, segment.end, _CONTENT, "mark", "qa-content", f"background: {colour}")
        if q.speaker_mention is not None:
            m = q.speaker_mention
            _check_span(text, m.start, m.end, m.text, "speaker mention")
            add(
                m.start,
                m.end,
                _MENTION,
                "span",
                "qa-mention",
                f"border-bottom: 0.2em solid {colour}; font-weight: bold",
                title=f"speaker mention ({m.kind}) — {name}",
            )
        if q.cue is not None:
            _check_span(text, q.cue.start, q.cue.end, q.cue.text, "cue")
            add(
                q.cue.start,
                q.cue.end,
                _CUE,
                "span",
                "qa-cue",
                "font-style: italic; text-decoration: underline dotted",
                title="cue",
            )
        label = html.escape(name)
        labels.setdefault(q.end, []).append(
            f'<span class="qa-label" style="{html.escape(_LABEL_STYLE.format(colour=colour))}" '
            f'title="{html.escape(title)}">{label}</span>'
        )
    return list(marks.values()), labels


def _render(text: str, marks: list[_Mark], labels: dict[int, list[str]]) -> str:
    """The escaped text with ``marks`` wrapped round their characters, always well nested.

    A sweep over the boundaries of all marks: between two boundaries the same marks cover
    every character, so the piece is wrapped in exactly those, outer (earlier, longer) first.
    Marks open for the previous piece stay open as far as the two lists agree; the rest are
    closed and opened again, which splits a mark only where another one crosses it.
    """
    starting: dict[int, list[_Mark]] = {}
    ending: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
        ending.setdefault(mark.end, []).append(mark)
    bounds = sorted({0, len(text), *starting, *ending, *labels})
    order = {mark: (mark.start, -mark.end, mark.rank) for mark in marks}
    active: set[_Mark] = set()
    stack: list[_Mark] = []
    out: list[str] = []
    for pos, next_pos in zip(bounds, [*bounds[1:], len(text)], strict=False):
        active.difference_update(ending.get(pos, ()))
        active.update(starting.get(pos, ()))
        wanted = sorted(active, key=order.__getitem__)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(stack.pop().close_tag)
        out.extend(labels.get(pos, ()))
        for mark in wanted[keep:]:
            out.append(mark.open_tag)
            stack.append(mark)
        out.append(html.escape(text[pos:next_pos], quote=False))
    while stack:
        out.append(stack.pop().close_tag)
    return "".join(out)


def to_html(text: str, quotes: Iterable[Quote], *, page: bool = False) -> str:
    """The text as HTML with its quotations, speakers, mentions and cues marked.

    Each quotation is tinted in its speaker's colour (one colour per speaker, grey when there
    is none) with its quoted words in the full colour and the speaker's name in a label after
    it; the mention that names the speaker is underlined in that colour, the cue is in italics.
    Hovering shows the rule and confidence. Everything from the text is escaped, so a document
    that contains markup shows it as text.

    Args:
        text: the text the quotes were extracted from, unchanged.
        quotes: the quotes of ``text`` (e.g. what :func:`quoteattr.extract` returned).
        page: ``False`` (default) for a ``<div>`` to put in a page or notebook; ``True`` for
            a whole HTML document, ready to write to a ``.html`` file.

    Returns:
        The HTML, as a ``str``.

    Raises:
        ValueError: a quote, mention or cue does not match ``text`` at its offsets.

    >>> from quoteattr.model import Quote, Span
    >>> q = Quote(text="“Hi”", start=0, end=4, segments=[Span(1, 3)])
    >>> print(to_html("“Hi” & bye", [q]))  # doctest: +ELLIPSIS
    <div class="quoteattr" ...><span class="qa-quote" ...>“<mark ...>Hi</mark>”</span>...&amp; bye</div>
    """
    quotes = list(quotes)
    marks, labels = _marks_and_labels(text, quotes)
    body = f'<div class="quoteattr" style="{_WRAPPER_STYLE}">{_render(text, marks, labels)}</div>'
    if not page:
        return body
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Quotations — quoteattr</title>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n"
    )


class QuoteList(list):
    """The quotes of one text: a plain ``list`` of :class:`~quoteattr.Quote` that keeps the text.

    It compares, pickles and slices as a list does (a slice is a plain ``list``); Jupyter
    shows it as the text with its quotations marked (see :func:`to_html`).

    Args:
        quotes: the quotes, in order.
        text: the text they were extracted from.

    >>> quotes = QuoteList([], text="No quotes here.")
    >>> quotes == [] and quotes.text
    'No quotes here.'
    """

    def __init__(self, quotes: Iterable[Quote] = (), *, text: str) -> None:
        super().__init__(quotes)
        self.text = text

    def _repr_html_(self) -> str:
        return to_html(self.text, self)
