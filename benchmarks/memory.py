"""Peak memory of ``extract`` on a novel of 1, 2 and 4 MB, each size in a fresh process.

    python benchmarks/memory.py ../shared/data/pdnc/train.jsonl
    python benchmarks/memory.py ../shared/data/pdnc/train.jsonl --sizes 1,2,4,8

The novels of the JSONL file (one ``{"id", "text"}`` document a line; PDNC holds whole
novels) are joined, in file order, into one text, and its first N million characters (cut at a
paragraph end) are one document. For each size a child process loads the text, imports
quoteattr, runs ``quoteattr.extract`` once and reports:

* **peak RSS** — the most resident memory the process ever used (``ru_maxrss``): interpreter,
  modules, the text and everything ``extract`` built;
* **before extract** — the resident memory just before the call (interpreter, modules, the text);
* **extract's peak** — the most memory Python objects held during the call, beyond what was
  held before it (``tracemalloc``, run separately, since tracing slows the call down).

"per MB" divides the growth by the text's size: constant when memory is linear in the input.
Nothing is asserted: the script measures and prints, in Markdown.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

MB = 1_000_000

_CHILD = r"""
import json, resource, sys, tracemalloc
path, size, traced = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
parts, total = [], 0
with open(path, encoding="utf-8") as lines:
    for line in lines:
        if line.strip():
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
text = "\n\n".join(parts)
cut = text.rfind("\n\n", 0, size)
text = text[: cut if cut > size // 2 else size]
import quoteattr
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
if traced:
    tracemalloc.start()
    held = tracemalloc.get_traced_memory()[0]
quotes = quoteattr.extract(text)
out = {"chars": len(text), "bytes": len(text.encode("utf-8")), "quotes": len(quotes)}
if traced:
    out["extract_peak"] = tracemalloc.get_traced_memory()[1] - held
else:
    out["before"] = before
    out["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(out))
"""


def child(path: Path, size: int, traced: bool) -> dict:
    """Run one measurement in a fresh interpreter (so no earlier run's memory counts)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(size), "1" if traced else "0"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("novels", type=Path, help="a JSONL file of novels, e.g. ../shared/data/pdnc/train.jsonl")
    parser.add_argument("--sizes", default="1,2,4", help="sizes in millions of characters (default 1,2,4)")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}; "
          f"text: {args.novels.name}\n")
    heads = ["M chars", "MB (UTF-8)", "quotes", "before extract (MB)", "peak RSS (MB)",
             "RSS growth per MB", "extract's peak (MB)", "extract's peak per MB"]
    print("| " + " | ".join(heads) + " |")
    print("| " + " | ".join("---:" for _ in heads) + " |")
    for size in (float(s) for s in args.sizes.split(",")):
        plain = child(args.novels, int(size * MB), traced=False)
        traced = child(args.novels, int(size * MB), traced=True)
        text_mb = plain["bytes"] / MB
        growth = (plain["peak_rss"] - plain["before"]) / MB
        cells = [
            f"{plain['chars'] / MB:.2f}", f"{text_mb:.2f}", str(plain["quotes"]),
            f"{plain['before'] / MB:.0f}", f"{plain['peak_rss'] / MB:.0f}", f"{growth / text_mb:.1f}",
            f"{traced['extract_peak'] / MB:.0f}", f"{traced['extract_peak'] / MB / text_mb:.1f}",
        ]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
