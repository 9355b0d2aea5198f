"""Every example in examples/ (and the scaling benchmark) still runs, so that none of them rots.

The Dask recipe has its own tests in test_dask_recipe.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEXTS = sorted(EXAMPLES.glob("*.txt"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run Python on ``args`` from the repository root, with the package importable."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": path, **(env or {})},
        timeout=300,
    )


def test_the_chapter_is_there():
    """The public-domain chapter ships with the examples (the news article may join it)."""
    assert EXAMPLES / "pride_and_prejudice_ch1.txt" in TEXTS


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_command_line_on_each_example_text(path):
    """``python -m quoteattr EXAMPLE.txt`` prints quotations whose offsets slice the file."""
    done = run("-m", "quoteattr", str(path))
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    heads = [line.split()[:2] for line in done.stdout.splitlines() if line and not line.startswith(" ")]
    assert heads and ["no", "quotations"] not in heads
    for span, kind in heads:
        start, end = map(int, span.split("-"))
        assert kind in ("direct", "mixed", "indirect")
        if kind == "direct":
            assert text[start:end].startswith(
                ('"', "\N{LEFT DOUBLE QUOTATION MARK}", "'", "\N{LEFT SINGLE QUOTATION MARK}")
            )
        else:
            assert text[start:end].strip() == text[start:end] and end > start


def test_notebook_tour(tmp_path):
    """The notebook tour runs as a script: it writes the chapter as an HTML page and prints
    its table and the per-document counts, a bad document included."""
    done = run(str(EXAMPLES / "notebook_tour.py"), env={"QUOTEATTR_TOUR_OUTPUT": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "pride_and_prejudice_ch1.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="qa-quote"') >= 20
    assert "quotations in chapter 1" in done.stdout
    assert "not-text: InputTypeError" in done.stdout
    assert "pride_and_prejudice_ch1" in done.stdout.split("not-text")[-1]  # the grouped table


def test_scaling_benchmark_on_a_small_corpus(tmp_path):
    """benchmarks/scaling.py reads a corpus folder and reports a row for 1 and 2 processes."""
    folder = tmp_path / "corpus" / "part"
    folder.mkdir(parents=True)
    docs = [{"id": i, "text": f"“Number {i},” she said.", "other": 1} for i in range(20)]
    (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    done = run(str(ROOT / "benchmarks" / "scaling.py"), str(tmp_path / "corpus"), "--repeat", "1")
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 1 |") or line.startswith("| 2 |")]
    assert len(rows) == 2 and all(row.endswith("| 20 |") for row in rows)
    assert done.stdout.startswith("20 documents")
