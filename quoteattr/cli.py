"""The command line: ``quoteattr FILE.txt`` and ``quoteattr --jsonl IN -o OUT``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import IO, Any

import regex

from .batch import extract_many
from .extractor import QuoteExtractor
from .model import Quote

# Bytes that are not UTF-8, as the input file's decoding (surrogateescape) leaves them.
_UNDECODABLE = regex.compile("[\udc80-\udcff]")


def quote_record(q: Quote) -> dict[str, Any]:
    """One quote in the JSONL contract of DESIGN.md."""
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "type": q.kind,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_span": [q.speaker_mention.start, q.speaker_mention.end] if q.speaker_mention else None,
        "cue": [q.cue.start, q.cue.end] if q.cue else None,
        "confidence": q.confidence,
        "rule": q.rule,
    }


def _documents(inp: IO[str], lines: deque[tuple[int, str | None]]) -> Iterator[dict[str, Any]]:
    """The documents of a JSONL stream; each line's number goes into ``lines``, in order, with
    ``None`` for a document passed on or the reason a bad line was not."""
    for lineno, line in enumerate(inp, 1):
        if not line.strip():
            continue
        try:
            if _UNDECODABLE.search(line):
                raise ValueError("the line is not UTF-8 text")
            doc = json.loads(line)
            if not isinstance(doc, dict) or "text" not in doc:
                raise ValueError('expected a JSON object with a "text" key')
        except ValueError as exc:
            lines.append((lineno, str(exc)))
            continue
        lines.append((lineno, None))
        yield doc


def _run_jsonl(
    extractor: QuoteExtractor,
    inp: IO[str],
    out: IO[str],
    err: IO[str],
    *,
    processes: int = 1,
    progress: bool = False,
) -> int:
    # Bad lines are reported here, in line order, as the results of the documents around
    # them come back; ``lines`` is filled as the documents are read (by a pool thread when
    # processes > 1), always before their results arrive.
    lines: deque[tuple[int, str | None]] = deque()
    failures = 0

    def report_bad_lines() -> None:
        nonlocal failures
        while lines and lines[0][1] is not None:
            lineno, problem = lines.popleft()
            failures += 1
            print(f"line {lineno}: skipped: {problem}", file=err)

    for result in extract_many(extractor, _documents(inp, lines), processes=processes, progress=progress):
        report_bad_lines()
        lineno, _ = lines.popleft()
        if result.error is not None:  # a bad document must not stop the others
            failures += 1
            print(f"line {lineno}: skipped: {result.error}", file=err)
            continue
        record = {"id": result.id, "quotes": [quote_record(q) for q in result.quotes]}
        try:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        except UnicodeEncodeError:  # lone surrogates (from \ud800 escapes): written escaped
            out.write(json.dumps(record) + "\n")
    report_bad_lines()
    return 1 if failures else 0


def _print_quotes(text: str, quotes: list[Quote], out: IO[str]) -> None:
    if not quotes:
        print("no quotations found", file=out)
    for q in quotes:
        who = q.speaker.name if q.speaker else f"(no speaker: {q.reason})"
        cue = f" [{q.cue.text}]" if q.cue else ""
        print(f"{q.start}-{q.end} {q.kind} {who}{cue} conf={q.confidence:.2f} rule={q.rule}", file=out)
        print(f"    {q.text}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="quoteattr", description="Find the quotations in a text and say who said each one."
    )
    parser.add_argument("file", nargs="?", help="a UTF-8 text file whose quotes to print")
    parser.add_argument("--jsonl", metavar="IN", help='JSON Lines input, one {"id", "text"} a line ("-" for stdin)')
    parser.add_argument("-o", "--output", metavar="OUT", help="JSON Lines output (default: stdout)")
    parser.add_argument(
        "--processes",
        metavar="N",
        type=int,
        default=1,
        help="with --jsonl, extract in N processes at once (default: 1); the output keeps the input order",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="with --jsonl, no progress bar (it is shown on a terminal when tqdm is installed)",
    )
    args = parser.parse_args(argv)
    if (args.file is None) == (args.jsonl is None):
        parser.error("give either a text FILE or --jsonl IN")
    if args.processes < 1:
        parser.error(f"--processes must be at least 1, got {args.processes}")
    extractor = QuoteExtractor()
    with contextlib.ExitStack() as files:
        try:
            out = sys.stdout if args.output in (None, "-") else files.enter_context(open(args.output, "w", encoding="utf-8"))
            if args.jsonl is not None:
                inp = (
                    sys.stdin
                    if args.jsonl == "-"
                    else files.enter_context(open(args.jsonl, encoding="utf-8", errors="surrogateescape"))
                )
            else:
                with open(args.file, encoding="utf-8", newline="") as f:
                    text = f.read()
        except UnicodeDecodeError as exc:
            parser.error(f"{args.file} is not UTF-8 text ({exc}); convert it to UTF-8 first")
        except OSError as exc:
            parser.error(f"cannot open {exc.filename}: {exc.strerror}")
        if args.jsonl is not None:
            progress = not args.no_progress and sys.stderr.isatty()
            return _run_jsonl(extractor, inp, out, sys.stderr, processes=args.processes, progress=progress)
        _print_quotes(text, extractor.extract(text), out)
    return 0


def run() -> None:
    """The console script: :func:`main`, and a quiet stop when the reader of the output goes
    away (``quoteattr file.txt | head``), as Unix tools do."""
    try:
        code = main()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.exit(code)
