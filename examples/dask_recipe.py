"""A recipe: the quotes of a corpus larger than one machine, with Dask.

JSON Lines files (one ``{"id", "text"}`` document a line, as ``quoteattr --jsonl`` reads)
go into a ``dask.bag``; each partition builds one extractor and extracts its documents; the
results are written as JSON Lines in the command line's format (one file per partition), or
as a Parquet table with one row a quote (the columns of ``quoteattr.to_frame``, with the
document id first).

On one machine::

    python examples/dask_recipe.py 'corpus/*.jsonl' -o quotes/ --scheduler processes --workers 2
    python examples/dask_recipe.py 'corpus/*.jsonl' -o quotes.parquet --format parquet

On a cluster, start a ``dask.distributed.Client`` for it and call :func:`run` with
``scheduler=None``; paths may then be any that fsspec reads (``s3://bucket/corpus/*.jsonl``).
Needs ``pip install 'quoteattr[dask]'``.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Iterable
from typing import Any

import dask
import dask.bag
import fsspec

from quoteattr.batch import DocumentResult, extract_many
from quoteattr.cli import quote_record
from quoteattr.extractor import QuoteExtractor
from quoteattr.frame import COLUMNS, to_frame


def extract_partition(lines: Iterable[str], options: dict[str, Any]) -> list[DocumentResult]:
    """The results of one partition's JSONL lines, with one extractor for all of them.

    A line that is not JSON gives an error result (id ``None``) like any other bad document.
    """
    extractor = QuoteExtractor(**options)
    results: list[DocumentResult] = []
    for line in lines:
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as exc:
            results.append(DocumentResult(None, error=f"not a JSON line: {exc}: {line[:60]!r}"))
            continue
        results.extend(extract_many(extractor, [doc], progress=False))
    return results


def record(result: DocumentResult) -> str:
    """One output line, as ``quoteattr --jsonl`` writes it."""
    return json.dumps(
        {"id": result.id, "quotes": [quote_record(q) for q in result.quotes]}, ensure_ascii=False
    )


def write_parquet(results: list[DocumentResult], path: str) -> int:
    """Write one partition's quotes to a Parquet file, one row a quote; return the row count.

    Text columns (ids included) are written as strings, so that every file has the same schema
    even where a column is empty in one partition.
    """
    frame = to_frame([DocumentResult(None), *results])  # the empty first one gives the id column
    frame["id"] = frame["id"].map(lambda i: None if i is None else str(i))
    text_columns = ["id", *(name for name, dtype in COLUMNS.items() if dtype == "object")]
    frame.astype(dict.fromkeys(text_columns, "string")).to_parquet(path, index=False)
    return len(frame)


def run(
    inputs: str | list[str],
    output: str,
    *,
    format: str = "jsonl",
    scheduler: str | None = "processes",
    workers: int | None = None,
    blocksize: str | None = None,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Extract the quotes of JSONL files with Dask and write them to ``output``.

    Args:
        inputs: a path, a glob, or a list of them (any fsspec URL).
        output: a folder: ``part-N.jsonl`` files for ``"jsonl"``, a Parquet dataset for
            ``"parquet"``.
        format: ``"jsonl"`` (the command line's output format) or ``"parquet"`` (one row a
            quote, ``part-N.parquet`` files that ``pandas.read_parquet(output)`` reads as one).
        scheduler: a Dask scheduler (``"synchronous"``, ``"threads"``, ``"processes"``), or
            ``None`` for Dask's default (a ``distributed.Client`` if one is running).
        workers: how many workers the local scheduler uses (its default if None).
        blocksize: split files into partitions of about this size (``"64MiB"``); by default one
            partition per file.
        options: keyword arguments for ``QuoteExtractor`` (``kinds``, ``nlp`` ...).

    Returns:
        ``{"documents": N, "failed": [(id, error), ...]}``; the documents that failed are not
        written, as with the command line.
    """
    if format not in ("jsonl", "parquet"):
        raise ValueError(f"format must be 'jsonl' or 'parquet', got {format!r}")
    lines = dask.bag.read_text(inputs, blocksize=blocksize, encoding="utf-8")
    results = lines.map_partitions(functools.partial(extract_partition, options=options or {}))
    good = results.filter(lambda r: r.ok)
    filesystem, folder = fsspec.core.url_to_fs(output)  # a local folder, or s3://..., gs://...
    filesystem.makedirs(folder, exist_ok=True)
    part = output.rstrip("/") + "/part-{}"
    if format == "jsonl":
        write = good.map(record).to_textfiles(
            part.format("*.jsonl"), name_function="{:05d}".format, compute=False
        )
    else:
        write = [
            dask.delayed(write_parquet)(partition, part.format(f"{i:05d}.parquet"))
            for i, partition in enumerate(good.to_delayed())
        ]
    failed = results.filter(lambda r: not r.ok).map(lambda r: (r.id, r.error))
    local = {} if scheduler is None else {"scheduler": scheduler}
    if workers is not None:
        local["num_workers"] = workers
    _, documents, failures = dask.compute(write, results.count(), failed, **local)
    return {"documents": documents, "failed": list(failures)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract quotes from JSONL files with Dask.")
    parser.add_argument("inputs", nargs="+", help="JSONL files or globs, one {id, text} document a line")
    parser.add_argument("-o", "--output", required=True, help="output folder (JSONL) or Parquet dataset")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--scheduler", choices=["synchronous", "threads", "processes"], default="processes")
    parser.add_argument("--workers", type=int, default=None, help="local workers (default: one per core)")
    parser.add_argument("--blocksize", default=None, help="partition size, e.g. 64MiB (default: a file)")
    args = parser.parse_args(argv)
    summary = run(
        args.inputs,
        args.output,
        format=args.format,
        scheduler=args.scheduler,
        workers=args.workers,
        blocksize=args.blocksize,
    )
    for doc_id, error in summary["failed"]:
        print(f"document {doc_id!r}: skipped: {error}", file=sys.stderr)
    written = summary["documents"] - len(summary["failed"])
    print(f"{written} documents written to {args.output}", file=sys.stderr)
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
