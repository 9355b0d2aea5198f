"""The Dask recipe (examples/dask_recipe.py) gives what the command line gives, on Dask's
local schedulers, as JSON Lines and as Parquet."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.batch import extract_many
from quoteattr.cli import main as cli_main
from quoteattr.extractor import QuoteExtractor

pytest.importorskip("dask.bag")
pandas = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "examples" / "dask_recipe.py"

DOCS = [
    {"id": "n1", "text": "“We will not stop,” said Shoigu. He added: “Never.”"},
    {"id": "n2", "text": "No quotations in this one."},
    {"id": 3, "text": "“Is it late?” asked Ann.\n\n“Very,” said Bob."},
    {"id": "n4", "text": 5},  # not text: reported, not written
    {"id": "n5", "text": "The minister called it “a step back”, according to Reuters."},
]


def load_recipe():
    spec = importlib.util.spec_from_file_location("dask_recipe", RECIPE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus(tmp_path):
    """Two JSONL files; the second has a line that is not JSON."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = [json.dumps(d, ensure_ascii=False) for d in DOCS]
    (folder / "a.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join([lines[2], "{oops", *lines[3:]]) + "\n", encoding="utf-8")
    return folder


def cli_output(corpus: Path, tmp_path: Path) -> list[str]:
    """What ``quoteattr --jsonl`` writes for the same documents, file after file."""
    joined = tmp_path / "joined.jsonl"
    joined.write_text("".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.jsonl"))))
    out = tmp_path / "cli.jsonl"
    cli_main(["--jsonl", str(joined), "-o", str(out), "--no-progress"])
    return out.read_text(encoding="utf-8").splitlines()


def written_lines(folder: Path) -> list[str]:
    return [line for p in sorted(folder.glob("part-*.jsonl")) for line in p.read_text("utf-8").splitlines()]


def test_jsonl_output_is_the_command_lines(corpus, tmp_path, capsys):
    """On the synchronous scheduler, the part files hold exactly the lines ``quoteattr --jsonl``
    writes, in order; the bad line and the bad document are reported, not written."""
    expected = cli_output(corpus, tmp_path)
    capsys.readouterr()
    out = tmp_path / "out"
    summary = load_recipe().run(str(corpus / "*.jsonl"), str(out), scheduler="synchronous")
    assert written_lines(out) == expected
    assert [json.loads(line)["id"] for line in expected] == ["n1", "n2", 3, "n5"]
    assert summary["documents"] == 6
    failed = dict(summary["failed"])
    assert set(failed) == {None, "n4"}
    assert failed[None].startswith("not a JSON line") and failed["n4"].startswith("InputTypeError")


def test_parquet_output_is_one_row_a_quote(corpus, tmp_path):
    """Parquet output reads back as the table ``to_frame`` makes, ids as text."""
    out = tmp_path / "quotes.parquet"
    load_recipe().run(
        [str(p) for p in sorted(corpus.glob("*.jsonl"))], str(out), format="parquet", scheduler="synchronous"
    )
    table = pandas.read_parquet(out)
    results = [r for r in extract_many(QuoteExtractor(), DOCS, progress=False) if r.ok]
    expected = [(str(r.id), q.start, q.end, q.text) for r in results for q in r.quotes]
    assert list(table[["id", "start", "end", "text"]].itertuples(index=False, name=None)) == expected
    assert len(expected) >= 4
    assert str(table["mention_start"].dtype) == "Int64"


def test_script_on_the_process_scheduler(corpus, tmp_path):
    """Run as a script with two worker processes, the recipe writes the same lines and exits
    1, naming the documents it skipped."""
    expected = cli_output(corpus, tmp_path)
    out = tmp_path / "out"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [
            sys.executable,
            str(RECIPE),
            str(corpus / "*.jsonl"),
            "-o",
            str(out),
            "--scheduler",
            "processes",
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert written_lines(out) == expected
    assert "document 'n4': skipped: InputTypeError" in done.stderr
    assert "4 documents written" in done.stderr
