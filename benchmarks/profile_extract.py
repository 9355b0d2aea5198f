"""Where ``extract`` spends its time: news (many short articles) and a novel (one long text).

    python benchmarks/profile_extract.py ../shared/data/polnear/dev.jsonl ../shared/data/pdnc/train.jsonl
    python benchmarks/profile_extract.py NEWS.jsonl NOVELS.jsonl --top 25 --pyinstrument

The first file's documents are extracted one by one (news); the first document of the second
file is one whole novel. Each workload runs once to warm the caches (word lists, compiled
patterns), then under ``cProfile``; the table lists the functions with the most time of their
own ("self"), with their time including what they call ("total") and their number of calls.
With ``--pyinstrument`` (``pip install pyinstrument``) a sampled call tree is printed as well,
which shows which caller the time comes through. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
from collections.abc import Callable
from pathlib import Path

import quoteattr

MB = 1_000_000


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def workloads(news: Path, novels: Path) -> dict[str, tuple[Callable[[], object], int]]:
    """Name -> (a function running the workload, its size in UTF-8 bytes)."""
    articles = _texts(news)
    novel = _texts(novels)[0]

    def run_news() -> None:
        for text in articles:
            quoteattr.extract(text)

    return {
        f"news: {news.name}, {len(articles)} documents": (run_news, sum(len(t.encode()) for t in articles)),
        f"novel: first document of {novels.name}": (lambda: quoteattr.extract(novel), len(novel.encode())),
    }


def _where(func: tuple[str, int, str]) -> str:
    path, line, name = func
    if path == "~":
        return name  # a built-in: "<method 'finditer' of '_regex.Pattern' objects>"
    parts = Path(path).parts
    short = "/".join(parts[parts.index("quoteattr") :]) if "quoteattr" in parts else Path(path).name
    return f"{short}:{line} {name}"


def hot_spots(run: Callable[[], object], top: int) -> list[tuple[str, float, float, int]]:
    profiler = cProfile.Profile()
    profiler.runcall(run)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [(_where(func), tt, ct, nc) for func, (cc, nc, tt, ct, callers) in stats.items()]
    return sorted(rows, key=lambda r: r[1], reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("news", type=Path)
    parser.add_argument("novels", type=Path)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--pyinstrument", action="store_true", help="also print pyinstrument's call tree")
    args = parser.parse_args()
    for name, (run, size) in workloads(args.news, args.novels).items():
        run()  # warm: word lists and patterns are built on first use
        print(f"### {name} ({size / MB:.2f} MB)\n")
        print("| function | self (s) | total (s) | calls |")
        print("| --- | ---: | ---: | ---: |")
        for where, own, total, calls in hot_spots(run, args.top):
            print(f"| `{where}` | {own:.3f} | {total:.3f} | {calls} |")
        print()
        if args.pyinstrument:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
            run()
            profiler.stop()
            print("```")
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            print("```\n")


if __name__ == "__main__":
    main()
