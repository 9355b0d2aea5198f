"""Quotes as a pandas table, and a clear error when pandas is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quoteattr.batch import DocumentResult, extract_many
from quoteattr.errors import OptionalDependencyError, QuoteattrError
from quoteattr.extractor import QuoteExtractor
from quoteattr.frame import COLUMNS, to_frame
from quoteattr.model import Cue, Mention, Quote, Span, Speaker


@pytest.fixture
def pandas():
    """pandas, or a skip where it is not installed (the test extra installs it)."""
    return pytest.importorskip("pandas")


TEXT = "“We will win,” said Ann Smith. “Why?”"
ATTRIBUTED = Quote(
    text="“We will win,”",
    start=0,
    end=14,
    segments=[Span(1, 13)],
    speaker=Speaker("Ann Smith", id="e1"),
    speaker_mention=Mention(start=20, end=29, text="Ann Smith", kind="name"),
    cue=Cue(start=15, end=19, text="said"),
    confidence=0.9,
    rule="cue-before-name",
)
UNATTRIBUTED = Quote(text="“Why?”", start=31, end=37, segments=[Span(32, 36)], reason="no cue")


def test_one_row_a_quote_with_every_field(pandas):
    """Each quote is a row; speaker, mention and cue are spread over their own columns."""
    frame = to_frame([ATTRIBUTED, UNATTRIBUTED])
    assert list(frame.columns) == list(COLUMNS)
    first, second = frame.to_dict("records")
    assert first == {
        "start": 0, "end": 14, "text": "“We will win,”", "kind": "direct",
        "speaker": "Ann Smith", "speaker_id": "e1",
        "mention": "Ann Smith", "mention_start": 20, "mention_end": 29, "mention_kind": "name",
        "cue": "said", "cue_start": 15, "cue_end": 19,
        "confidence": 0.9, "rule": "cue-before-name", "reason": None,
    }  # fmt: skip
    assert second["speaker"] is None and second["mention"] is None and second["reason"] == "no cue"
    assert frame["mention_start"].iloc[1] is pandas.NA and frame["cue_end"].iloc[1] is pandas.NA
    assert TEXT[first["start"] : first["end"]] == first["text"]


def test_offsets_stay_integers_when_some_are_missing(pandas):
    """Missing offsets do not turn the column into floats: nullable Int64."""
    frame = to_frame([ATTRIBUTED, UNATTRIBUTED])
    assert str(frame["mention_start"].dtype) == "Int64"
    assert frame["start"].dtype == "int64" and frame["confidence"].dtype == "float64"


def test_no_quotes_gives_the_columns_and_no_rows(pandas):
    """An empty list gives an empty table that still has every column."""
    frame = to_frame([])
    assert frame.empty and list(frame.columns) == list(COLUMNS)


def test_document_results_add_an_id_column(pandas):
    """The results of extract_many give a table with the document id first; failed
    documents add no rows."""
    docs = [{"id": "a", "text": TEXT}, {"id": "bad", "text": None}, {"id": "c", "text": "“Hi,” he said."}]
    results = list(extract_many(QuoteExtractor(), docs, progress=False))
    frame = to_frame(results)
    assert list(frame.columns) == ["id", *COLUMNS]
    expected_ids = [r.id for r in results for _ in r.quotes]
    assert frame["id"].tolist() == expected_ids and set(expected_ids) == {"a", "c"}
    assert to_frame([DocumentResult("x", [ATTRIBUTED])])["id"].tolist() == ["x"]


def test_other_values_are_refused(pandas):
    """Something that is neither a Quote nor a DocumentResult is a TypeError naming it."""
    with pytest.raises(TypeError, match="got str"):
        to_frame(["“We will win,”"])


def test_without_pandas_a_clear_error(monkeypatch):
    """Without pandas, to_frame raises OptionalDependencyError (an ImportError) saying what
    to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(OptionalDependencyError, match=r"pip install 'quoteattr\[dataframe\]'") as info:
        to_frame([ATTRIBUTED])
    assert isinstance(info.value, ImportError) and isinstance(info.value, QuoteattrError)
    assert isinstance(info.value.__cause__, ImportError)


def test_import_quoteattr_leaves_the_optional_packages_alone():
    """``import quoteattr`` (which exports to_frame, to_html and QuoteList) imports neither
    pandas, tqdm, dask nor pyarrow: they are loaded only when a feature needs them."""
    import subprocess

    code = (
        "import sys, quoteattr; "
        "assert quoteattr.to_frame and quoteattr.to_html and quoteattr.QuoteList; "
        "print(sorted(m for m in ('pandas', 'tqdm', 'dask', 'pyarrow') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.strip() == "[]"
