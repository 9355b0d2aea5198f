"""The command line: ``quoteattr FILE.txt`` and ``quoteattr --jsonl IN -o OUT``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any, Sequence

from .extractor import QuoteExtractor
from .model import Quote


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


def _run_jsonl(extractor: QuoteExtractor, inp: IO[str], out: IO[str], err: IO[str]) -> int:
    failures = 0
    for lineno, line in enumerate(inp, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict) or "text" not in doc:
                raise ValueError('expected a JSON object with a "text" key')
            quotes = extractor.extract(doc["text"])
        except Exception as exc:  # a bad document must not stop the others
            failures += 1
            print(f"line {lineno}: skipped: {exc}", file=err)
            continue
        record = {"id": doc.get("id"), "quotes": [quote_record(q) for q in quotes]}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
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
    args = parser.parse_args(argv)
    if (args.file is None) == (args.jsonl is None):
        parser.error("give either a text FILE or --jsonl IN")
    extractor = QuoteExtractor()
    if args.jsonl is not None:
        inp = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")
        out = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")
        try:
            return _run_jsonl(extractor, inp, out, sys.stderr)
        finally:
            if inp is not sys.stdin:
                inp.close()
            if out is not sys.stdout:
                out.close()
    with open(args.file, encoding="utf-8", newline="") as f:
        text = f.read()
    out = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")
    try:
        _print_quotes(text, extractor.extract(text), out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
