"""Quotes as a table: :func:`to_frame` gives a pandas DataFrame, one row a quote.

pandas is optional (``pip install 'quoteattr[dataframe]'``); it is imported only when a
table is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .batch import DocumentResult
from .errors import OptionalDependencyError
from .model import Quote

if TYPE_CHECKING:
    import pandas

# The columns, in order, and their pandas dtypes. Offsets that may be missing use pandas'
# nullable "Int64" so that they stay integers.
COLUMNS: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "text": "object",
    "kind": "object",
    "speaker": "object",
    "speaker_id": "object",
    "mention": "object",
    "mention_start": "Int64",
    "mention_end": "Int64",
    "mention_kind": "object",
    "cue": "object",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "confidence": "float64",
    "rule": "object",
    "reason": "object",
}


def _row(q: Quote) -> tuple[Any, ...]:
    m, c, s = q.speaker_mention, q.cue, q.speaker
    return (
        q.start,
        q.end,
        q.text,
        q.kind,
        s.name if s else None,
        (s.id or None) if s else None,
        m.text if m else None,
        m.start if m else None,
        m.end if m else None,
        m.kind if m else None,
        c.text if c else None,
        c.start if c else None,
        c.end if c else None,
        q.confidence,
        q.rule,
        q.reason,
    )


def to_frame(quotes: Iterable[Quote | DocumentResult]) -> pandas.DataFrame:
    """A pandas DataFrame of quotes, one row a quote.

    The columns are ``start``, ``end``, ``text``, ``kind``, ``speaker`` (the canonical name),
    ``speaker_id``, ``mention``, ``mention_start``, ``mention_end``, ``mention_kind``,
    ``cue``, ``cue_start``, ``cue_end``, ``confidence``, ``rule`` and ``reason``; a missing
    value is ``None`` (``<NA>`` for an offset).

    Args:
        quotes: the quotes of a text (what :func:`quoteattr.extract` returned), or the
            :class:`~quoteattr.batch.DocumentResult` values of :func:`~quoteattr.batch.extract_many`;
            with the latter the table starts with an ``id`` column naming each quote's
            document, and documents that failed add no rows.

    Returns:
        A ``pandas.DataFrame`` (with the same columns when there are no quotes).

    Raises:
        OptionalDependencyError: pandas is not installed.
        TypeError: an item is neither a ``Quote`` nor a ``DocumentResult``.

    >>> from quoteattr.model import Quote, Span
    >>> to_frame([Quote(text="“Hi”", start=0, end=4, segments=[Span(1, 3)])])[["start", "end", "text"]]
       start  end  text
    0      0    4  “Hi”
    """
    try:
        import pandas
    except ImportError as exc:
        raise OptionalDependencyError(
            "to_frame needs pandas, which is not installed: pip install 'quoteattr[dataframe]' "
            "(or pip install pandas)"
        ) from exc
    rows: list[tuple[Any, ...]] = []
    ids: list[Any] = []
    by_document = False
    for item in quotes:
        if isinstance(item, Quote):
            rows.append(_row(item))
            ids.append(None)
        elif isinstance(item, DocumentResult):
            by_document = True
            rows.extend(_row(q) for q in item.quotes)
            ids.extend([item.id] * len(item.quotes))
        else:
            raise TypeError(f"to_frame expected Quote or DocumentResult values, got {type(item).__name__}")
    # Column by column, each built with its dtype, so that None stays None in text columns.
    values = list(zip(*rows, strict=False)) if rows else [()] * len(COLUMNS)
    data = {
        name: pandas.Series(column, dtype=dtype) for (name, dtype), column in zip(COLUMNS.items(), values, strict=False)
    }
    if by_document:
        data = {"id": pandas.Series(ids, dtype="object"), **data}
    return pandas.DataFrame(data)
