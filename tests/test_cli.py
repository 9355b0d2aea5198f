"""The command line, run as a user runs it: ``python -m quoteattr`` in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

SEED = json.loads((Path(__file__).parent / "data" / "seed.json").read_text(encoding="utf-8"))
CONTRACT_FIELDS = {"start", "end", "text", "type", "speaker", "speaker_span", "cue", "confidence", "rule"}
OPEN, CLOSE = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )


def _check_record(record: dict, text: str) -> None:
    assert set(record) == {"id", "quotes"}
    for q in record["quotes"]:
        assert set(q) == CONTRACT_FIELDS
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["type"] in ("direct", "mixed", "indirect")
        assert q["speaker"] is None or isinstance(q["speaker"], str)
        for key in ("speaker_span", "cue"):
            span = q[key]
            assert span is None or (len(span) == 2 and all(isinstance(i, int) for i in span) and span[0] <= span[1])
        assert isinstance(q["confidence"], (int, float)) and 0 <= q["confidence"] <= 1
        assert isinstance(q["rule"], str) and q["rule"]


def test_text_file_prints_its_quotes(tmp_path: Path) -> None:
    """``python -m quoteattr FILE.txt`` prints each quote with its offsets, and exits 0."""
    path = tmp_path / "article.txt"
    path.write_text(SEED["text"], encoding="utf-8", newline="")
    result = run(str(path))
    assert result.returncode == 0, result.stderr
    for gold in (q for q in SEED["quotes"] if q["type"] == "direct"):
        assert f"{gold['start']}-{gold['end']} " in result.stdout
        assert gold["text"] in result.stdout
    assert "Islamic state" not in result.stdout


def test_text_file_with_crlf_keeps_offsets(tmp_path: Path) -> None:
    """Offsets printed for a file with \\r\\n line endings index the file's own characters."""
    text = f"Intro.\r\n\r\n{OPEN}We will win,{CLOSE} she said.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    result = run(str(path))
    assert result.returncode == 0, result.stderr
    start = text.index(OPEN)
    assert re.search(rf"^{start}-{start + 14} ", result.stdout, re.MULTILINE), result.stdout


def test_text_without_quotes_says_so(tmp_path: Path) -> None:
    """A file with no quotation prints a line saying so and exits 0."""
    path = tmp_path / "plain.txt"
    path.write_text("Nothing is quoted here. It's O'Brien's dog.\n", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0
    assert result.stdout.strip() == "no quotations found"


def test_jsonl_writes_exactly_the_contract_fields(tmp_path: Path) -> None:
    """``--jsonl IN -o OUT`` writes one {"id", "quotes"} line per document with the 9 quote fields."""
    docs = [
        {"id": SEED["id"], "text": SEED["text"], "quotes": SEED["quotes"], "source": "ignored"},
        {"id": 7, "text": f"{OPEN}Yes,{CLOSE} she said. It's late."},
        {"id": "empty", "text": ""},
    ]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    result = run("--jsonl", str(inp), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [SEED["id"], 7, "empty"]
    for record, doc in zip(records, docs, strict=True):
        _check_record(record, doc["text"])
    direct = [(q["start"], q["end"]) for q in records[0]["quotes"] if q["type"] == "direct"]
    assert direct == [(q["start"], q["end"]) for q in SEED["quotes"] if q["type"] == "direct"]
    assert [q["text"] for q in records[1]["quotes"]] == [f"{OPEN}Yes,{CLOSE}"]
    assert records[2]["quotes"] == []


def test_jsonl_reports_bad_lines_and_writes_the_rest(tmp_path: Path) -> None:
    """Malformed lines are reported on stderr by line number, the others written, exit non-zero."""
    lines = [
        json.dumps({"id": "a", "text": f"{OPEN}One,{CLOSE} he said."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bytes-like", "text": 42}),
        "",
        json.dumps({"id": "b", "text": f"{OPEN}Two,{CLOSE} she said."}),
    ]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--jsonl", str(inp), "-o", str(out))
    assert result.returncode != 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    for n in (2, 3, 4):
        assert re.search(rf"\bline {n}\b", result.stderr), result.stderr
    for n in (1, 5, 6):
        assert not re.search(rf"\bline {n}\b", result.stderr), result.stderr


def test_jsonl_from_stdin_to_stdout() -> None:
    """``--jsonl -`` reads standard input and, without -o, writes to standard output."""
    doc = {"id": "s", "text": f"He said: {OPEN}We leave at dawn.{CLOSE}"}
    result = run("--jsonl", "-", stdin=json.dumps(doc) + "\n")
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    _check_record(record, doc["text"])
    assert [q["text"] for q in record["quotes"]] == [f"{OPEN}We leave at dawn.{CLOSE}"]


def test_missing_id_is_null() -> None:
    """A document without an "id" gets "id": null in the output."""
    result = run("--jsonl", "-", stdin=json.dumps({"text": "No quotes."}) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"id": None, "quotes": []}


@pytest.mark.parametrize("args", [(), ("a.txt", "--jsonl", "b.jsonl")], ids=["nothing", "both"])
def test_needs_exactly_one_input(args: tuple[str, ...]) -> None:
    """Giving neither a FILE nor --jsonl, or both, is a usage error (exit 2) that says what to give."""
    result = run(*args)
    assert result.returncode == 2
    assert "give either a text FILE or --jsonl IN" in result.stderr


def test_console_script_is_declared() -> None:
    """The installed package declares the ``quoteattr`` console script for ``quoteattr.cli:run``
    (``main`` with a quiet stop when the reader goes away)."""
    try:
        dist = metadata.distribution("quoteattr")
    except metadata.PackageNotFoundError:
        pytest.skip("quoteattr is not installed (tests run from a source tree)")
    scripts = {ep.name: ep.value for ep in dist.entry_points if ep.group == "console_scripts"}
    assert scripts["quoteattr"] == "quoteattr.cli:run"


def test_a_reader_that_goes_away_stops_the_command_quietly(tmp_path) -> None:
    """``quoteattr FILE | head -1``: when the reader closes the pipe, no traceback is printed."""
    text = "\n\n".join(f"\N{LEFT DOUBLE QUOTATION MARK}Line {i},\N{RIGHT DOUBLE QUOTATION MARK} said Ann." for i in range(3000))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
