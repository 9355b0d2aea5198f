"""How long ``import quoteattr`` takes, and which imports take it, from ``python -X importtime``.

    python benchmarks/import_time.py            # 7 fresh interpreters, the median
    python benchmarks/import_time.py --runs 15 --top 12

Each run starts a fresh interpreter with ``-X importtime -c "import quoteattr"`` and reads the
cumulative time of the ``quoteattr`` line (everything it imports, the standard library and
``regex`` and ``attrs`` included, but not the interpreter's own start). The table lists the
imports with the most time of their own (the "self" column of ``-X importtime``), as the
median over the runs. Nothing is asserted: the script measures and prints, in Markdown.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import defaultdict


def one_run() -> dict[str, tuple[int, int]]:
    """Module -> (self µs, cumulative µs) of one fresh ``import quoteattr``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import quoteattr"],
        check=True,
        capture_output=True,
        text=True,
    )
    times: dict[str, tuple[int, int]] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[len("import time:") :].split("|")
        times[name.strip()] = (int(own), int(cumulative))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=10, help="how many imports to list")
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    totals = sorted(run["quoteattr"][1] / 1000 for run in runs)
    print(f"`import quoteattr`: median {statistics.median(totals):.0f} ms "
          f"(min {totals[0]:.0f}, max {totals[-1]:.0f}) over {args.runs} fresh interpreters, "
          f"Python {sys.version.split()[0]}\n")
    own: dict[str, list[int]] = defaultdict(list)
    cumulative: dict[str, list[int]] = defaultdict(list)
    for run in runs:
        for name, (s, c) in run.items():
            own[name].append(s)
            cumulative[name].append(c)
    print("| import | self (ms) | with what it imports (ms) |")
    print("| --- | ---: | ---: |")
    ranked = sorted(own, key=lambda n: statistics.median(own[n]), reverse=True)
    for name in ranked[: args.top]:
        print(f"| `{name}` | {statistics.median(own[name]) / 1000:.1f} | {statistics.median(cumulative[name]) / 1000:.1f} |")


if __name__ == "__main__":
    main()
