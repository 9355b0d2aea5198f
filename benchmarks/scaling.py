"""How extraction throughput grows with worker processes.

    python benchmarks/scaling.py ../shared/data                  # 1 and 2 processes
    python benchmarks/scaling.py CORPUS_DIR --processes 1 2 4 --repeat 3 --limit 500

Reads every ``*.jsonl`` file below CORPUS_DIR (one ``{"id", "text"}`` document a line), then
times :func:`quoteattr.batch.extract_many` over all the documents at each number of
processes, pool start-up included, and prints a Markdown table of documents and characters
per second. The settings take turns; the best of ``--repeat`` runs of each is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from quoteattr.batch import extract_many
from quoteattr.extractor import QuoteExtractor


def read_corpus(folder: Path, limit: int | None) -> list[dict]:
    """The documents of a JSONL file, or of every JSONL file below a folder, as {"id", "text"}."""
    docs = []
    for path in sorted(folder.rglob("*.jsonl")) if folder.is_dir() else [folder]:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    doc = json.loads(line)
                    docs.append({"id": doc.get("id"), "text": doc["text"]})
    return docs[:limit] if limit else docs


def time_run(docs: list[dict], processes: int) -> tuple[float, int]:
    """Seconds to extract every document, and how many quotes came back."""
    start = time.perf_counter()
    results = list(extract_many(QuoteExtractor(), docs, processes=processes, progress=False))
    seconds = time.perf_counter() - start
    failed = [r.id for r in results if not r.ok]
    if failed:
        sys.exit(f"documents failed: {failed[:5]}")
    return seconds, sum(len(r.quotes) for r in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder with *.jsonl files (searched recursively)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="default: 1 2")
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting, best kept (default: 3)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    args = parser.parse_args(argv)

    docs = read_corpus(args.corpus, args.limit)
    if not docs:
        parser.error(f"no documents in {args.corpus}/**/*.jsonl")
    chars = sum(len(d["text"]) for d in docs)
    python = sys.version.split()[0]
    print(f"{len(docs)} documents, {chars / 1e6:.1f} M characters, {os.cpu_count()} CPUs, Python {python}")
    print()
    print("| processes | seconds | documents/s | M characters/s | speed-up | quotes |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    # The settings take turns, run after run, so that a busy moment on the machine does not
    # fall on one setting only.
    best: dict[int, tuple[float, int]] = {}
    for _ in range(args.repeat):
        for processes in args.processes:
            best[processes] = min(best.get(processes, (float("inf"), 0)), time_run(docs, processes))
    baseline = best[args.processes[0]][0]
    for processes in args.processes:
        seconds, quotes = best[processes]
        print(
            f"| {processes} | {seconds:.2f} | {len(docs) / seconds:.0f} | {chars / seconds / 1e6:.2f} "
            f"| {baseline / seconds:.2f}× | {quotes} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
