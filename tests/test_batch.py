"""Many documents: order kept, ids carried, bad documents reported, several processes, the CLI."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import sys
import types

import attrs
import pytest

from quoteattr.batch import DocumentResult, extract_many
from quoteattr.cli import main
from quoteattr.errors import ConfigError
from quoteattr.extractor import QuoteExtractor

TEXTS = [
    "“We will win,” she said.",
    "Nothing quoted here.",
    "He called it “a disgrace” and left. “No comment,” said the Minister.",
    "‘Come in,’ said Ann. ‘Sit down.’",
] * 5


def plain(results):
    return [(r.id, list(r.quotes), r.error) for r in results]


def expected(extractor, texts, ids):
    return [(i, list(extractor.extract(t)), None) for i, t in zip(ids, texts, strict=True)]


@pytest.mark.parametrize("processes", [1, 2])
def test_strings_keep_their_order_and_positions(processes):
    """Plain strings come back in order, each with its position as id and the quotes
    ``extract`` finds."""
    extractor = QuoteExtractor()
    results = list(extract_many(extractor, TEXTS, processes=processes, progress=False))
    assert all(isinstance(r, DocumentResult) for r in results)
    assert plain(results) == expected(extractor, TEXTS, range(len(TEXTS)))
    assert sum(len(r.quotes) for r in results) >= len(TEXTS)  # not all empty


@pytest.mark.parametrize("processes", [1, 2])
def test_dicts_carry_their_ids_and_bad_documents_do_not_stop_the_rest(processes):
    """A dict's "id" is carried (None when absent); a document that fails gives an error
    record in its place and the documents after it are still read."""
    docs = [
        {"id": "a", "text": TEXTS[0], "extra": [1, 2]},
        {"id": "b", "text": b"bytes, not text"},
        {"id": "c", "body": "no text key"},
        {"text": TEXTS[2]},
        12345,
        {"id": 7, "text": TEXTS[3]},
        types.MappingProxyType({"id": "m", "text": TEXTS[0]}),  # any mapping will do
    ]
    results = list(extract_many(QuoteExtractor(), docs, processes=processes, progress=False))
    assert [r.id for r in results] == ["a", "b", "c", None, 4, 7, "m"]
    assert [r.ok for r in results] == [True, False, False, True, False, True, True]
    assert results[1].error.startswith("InputTypeError: ") and "decode" in results[1].error
    assert results[2].error.startswith("ValueError: ") and "'body'" in results[2].error
    assert results[4].error.startswith("InputTypeError: ")
    assert [q.text for q in results[5].quotes] == ["‘Come in,’", "‘Sit down.’"]
    assert all(r.quotes == () for r in results if not r.ok)


def test_workers_use_the_parents_options():
    """Workers build their extractor from the parent's options (here: no direct quotes)."""
    extractor = QuoteExtractor(kinds=["mixed"])
    results = list(extract_many(extractor, TEXTS, processes=2, progress=False))
    assert plain(results) == expected(extractor, TEXTS, range(len(TEXTS)))
    assert plain(results) != expected(QuoteExtractor(), TEXTS, range(len(TEXTS)))
    assert "direct" not in {q.kind for r in results for q in r.quotes}


def test_several_processes_really_start_workers_and_stop_them_when_closed():
    """processes=2 extracts in child processes, which end when the iterator is closed early."""
    results = extract_many(QuoteExtractor(), TEXTS * 10, processes=2, progress=False, chunksize=1)
    first = next(results)
    assert first.id == 0
    assert len(multiprocessing.active_children()) == 2
    results.close()
    for child in multiprocessing.active_children():
        child.join(timeout=10)
    assert multiprocessing.active_children() == []


def test_input_is_read_lazily_in_one_process():
    """With one process, an endless generator of documents is fine: results come as asked."""
    endless = (f"“Number {i},” he said." for i in itertools.count())
    first = list(itertools.islice(extract_many(QuoteExtractor(), endless, progress=False), 3))
    assert [r.quotes[0].text for r in first] == ["“Number 0,”", "“Number 1,”", "“Number 2,”"]


@pytest.mark.parametrize(
    "options", [{"processes": 0}, {"processes": "2"}, {"processes": True}, {"chunksize": 0}]
)
def test_bad_options_fail_at_once(options):
    """A bad processes or chunksize raises ConfigError at the call, before any document."""
    with pytest.raises(ConfigError, match="must be a positive int"):
        extract_many(QuoteExtractor(), TEXTS, progress=False, **options)


def test_a_pipeline_object_cannot_go_to_other_processes():
    """An extractor holding a stanza.Pipeline object is refused for processes > 1, clearly."""
    stanza = pytest.importorskip("stanza")
    pipeline = stanza.Pipeline.__new__(stanza.Pipeline)  # a Pipeline object, no models loaded
    extractor = QuoteExtractor(nlp=pipeline)
    with pytest.raises(ConfigError, match="nlp='stanza'"):
        extract_many(extractor, TEXTS, processes=2, progress=False)


def test_progress_bar_on_stderr_and_none_when_off(capsys):
    """progress=True draws a tqdm bar on stderr counting documents; progress=False draws none."""
    list(extract_many(QuoteExtractor(), TEXTS, progress=True))
    err = capsys.readouterr().err
    assert f"{len(TEXTS)}/{len(TEXTS)}" in err and "doc" in err
    list(extract_many(QuoteExtractor(), TEXTS, progress=False))
    assert capsys.readouterr().err == ""


def test_without_tqdm_no_bar_and_no_error(monkeypatch, capsys):
    """When tqdm is not installed, progress=True quietly gives the results without a bar."""
    monkeypatch.setitem(sys.modules, "tqdm", None)
    results = list(extract_many(QuoteExtractor(), TEXTS, progress=True))
    assert len(results) == len(TEXTS)
    assert capsys.readouterr().err == ""


def test_the_extractor_method_delegates_here():
    """``QuoteExtractor.extract_many`` gives the same results as this module's function."""
    extractor = QuoteExtractor()
    assert plain(extractor.extract_many(TEXTS, progress=False)) == plain(
        extract_many(extractor, TEXTS, progress=False)
    )


def test_document_result_is_frozen():
    """A DocumentResult is a frozen value; its quotes are a tuple."""
    result = DocumentResult("x", [])
    assert result.quotes == () and result.ok
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.id = "y"


# -- the command line ------------------------------------------------------------------------

JSONL_LINES = [
    json.dumps({"id": "a", "text": TEXTS[0]}),
    "{not json",
    json.dumps({"id": "b", "text": TEXTS[2]}),
    "",
    json.dumps({"id": "c", "body": "no text"}),
    json.dumps({"id": "d", "text": 42}),
    json.dumps({"id": "e", "text": TEXTS[3]}),
    json.dumps(["a list"]),
]


@pytest.fixture
def jsonl_file(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("processes", ["1", "2"])
def test_cli_processes_keep_order_and_report_bad_lines(jsonl_file, tmp_path, capsys, processes):
    """``--jsonl --processes N`` writes the good documents in input order and names each bad
    line by number on stderr, in order, exiting 1."""
    out = tmp_path / "out.jsonl"
    status = main(["--jsonl", str(jsonl_file), "-o", str(out), "--processes", processes, "--no-progress"])
    assert status == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "e"]
    assert set(records[0]["quotes"][0]) == {
        "start", "end", "text", "type", "speaker", "speaker_span", "cue", "confidence", "rule"
    }  # fmt: skip
    assert records[0]["quotes"][0]["text"] == "“We will win,”"
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == ["line 2", "line 5", "line 6", "line 8"]
    assert all("skipped" in line for line in err)


def test_cli_output_is_the_same_with_one_or_two_processes(jsonl_file, tmp_path):
    """The JSONL written with two processes is byte for byte the one written with one."""
    outputs = []
    for processes in ("1", "2"):
        out = tmp_path / f"out{processes}.jsonl"
        main(["--jsonl", str(jsonl_file), "-o", str(out), "--processes", processes, "--no-progress"])
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]


def test_cli_good_input_exits_zero(tmp_path):
    """With no bad line the exit status is 0."""
    path = tmp_path / "in.jsonl"
    path.write_text(JSONL_LINES[0] + "\n", encoding="utf-8")
    assert main(["--jsonl", str(path), "-o", str(tmp_path / "o.jsonl"), "--processes", "2"]) == 0


def test_cli_refuses_zero_processes(jsonl_file, capsys):
    """``--processes 0`` is a usage error."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--jsonl", str(jsonl_file), "--processes", "0"])
    assert exit_info.value.code == 2
    assert "--processes must be at least 1" in capsys.readouterr().err


def test_batches_share_out_long_documents():
    """Workers get documents in batches of at most ``chunksize``, and a batch closes at about
    BATCH_CHARACTERS, so that long documents do not pile up on one worker; order is kept."""
    from quoteattr.batch import BATCH_CHARACTERS, _batches, _Task

    novel = "x" * BATCH_CHARACTERS
    tasks = [_Task(i, t) for i, t in enumerate(["a", novel, novel, "b", "c", "d", "e", novel])]
    sizes = [[t.id for t in batch] for batch in _batches(tasks, chunksize=3)]
    assert sizes == [[0, 1], [2], [3, 4, 5], [6, 7]]
