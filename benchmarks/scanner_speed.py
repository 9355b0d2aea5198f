"""How fast the quote scanner and ``extract`` read text, and whether their time grows linearly.

    python benchmarks/scanner_speed.py ../shared/data
    python benchmarks/scanner_speed.py ../shared/data --repeat 5 --max-mb 4
    python benchmarks/scanner_speed.py                    # the synthetic texts only

Three tables, in Markdown:

1. **Corpora** — every ``*.jsonl`` file below the folder given (one ``{"id", "text"}`` document
   a line), each document processed on its own, the first ``--max-mb`` million characters of each file.
2. **1 MB texts** — one document of prose (narration, quotations with "he said", dialogue over
   paragraphs) and one adversarial document (quote marks, apostrophes, dashes and line breaks
   at random between short words), built from a fixed random seed.
3. **Linearity** — the same two kinds of text at 1x and 10x their size (0.1 MB and 1 MB):
   the ratio of the times is about 10 when the time grows linearly.

Each figure is the best of ``--repeat`` runs, timed by the wall clock or, with ``--cpu-time``, by
the CPU time of this process (steadier on a machine other work shares). MB/s counts the text's UTF-8 bytes (10^6 a MB),
M chars/s its Python ``str`` characters (10^6 a M); sizes of generated text are in
characters. Nothing is asserted: the script measures and prints.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import quoteattr

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ, RSQ = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
MB = 1_000_000  # also used for a million characters

_WORDS = (
    "the a of and to in minister said that was he she it they we meeting Paris Moscow "
    "cooperation terrorism would could today after before their French Russian general "
    "sailors discuss continue history risks threats very quite important"
).split()
_ADVERSARIAL_PIECES = [
    '"', "'", LDQ, RDQ, LSQ, RSQ, "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}", "\N{DOUBLE LOW-9 QUOTATION MARK}",
    "\N{SINGLE LOW-9 QUOTATION MARK}", "\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}",
    "\N{EM DASH}", "\N{EN DASH}", "don't", "O'Brien", "'tis", "'90s", "dogs'", "\n", "\n\n", "\r\n",
    " ", " ", " ", "he said", "said Ann", ",", ".", "!", "?",
]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 18))
    return " ".join(words).capitalize() + "."


def prose(size: int, seed: int = 1) -> str:
    """Narration with quotations, in paragraphs, ``size`` characters long."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        kind = rng.random()
        if kind < 0.4:
            para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        elif kind < 0.7:
            para = f"{LDQ}{_sentence(rng)[:-1]},{RDQ} said the {rng.choice(_WORDS)}. {_sentence(rng)}"
        elif kind < 0.8:  # one quotation over two paragraphs
            para = f"{LDQ}{_sentence(rng)}\n\n{LDQ}{_sentence(rng)}{RDQ} he said."
        elif kind < 0.9:
            para = f"She told them: {LSQ}the students{RSQ} books aren{RSQ}t {_sentence(rng)}{RSQ}"
        else:
            para = f"\N{EM DASH}{_sentence(rng)[:-1]}! he said sternly."
        paragraphs.append(para)
        length += len(para) + 2
    return "\n\n".join(paragraphs)[:size]


def adversarial(size: int, seed: int = 2) -> str:
    """Quote marks, apostrophes, dashes and line breaks at random among short words."""
    rng = random.Random(seed)
    pieces = _ADVERSARIAL_PIECES + _WORDS[:10]
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(pieces)
        out.append(piece)
        length += len(piece)
    return "".join(out)[:size]


CLOCK = time.perf_counter  # time.process_time with --cpu-time


def best_seconds(func: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``func`` over every text."""
    best = float("inf")
    for _ in range(repeat):
        start = CLOCK()
        for text in texts:
            func(text)
        best = min(best, CLOCK() - start)
    return best


def read_corpora(folder: Path, max_chars: int) -> dict[str, list[str]]:
    """The texts of each ``*.jsonl`` file below ``folder``, up to ``max_chars`` per file."""
    corpora: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.jsonl")):
        texts: list[str] = []
        total = 0
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if total >= max_chars:
                    break
                if line.strip():
                    text = json.loads(line)["text"]
                    texts.append(text)
                    total += len(text)
        if texts:
            corpora[str(path.relative_to(folder))] = texts
    return corpora


FUNCTIONS: dict[str, Callable[[str], object]] = {
    "find_quoted_spans": quoteattr.find_quoted_spans,
    "extract": quoteattr.extract,
}


def throughput_table(title: str, named_texts: dict[str, list[str]], repeat: int) -> None:
    print(f"### {title}\n")
    heads = ["text", "documents", "MB (UTF-8)"]
    for func in FUNCTIONS:
        heads += [f"`{func}` MB/s", f"`{func}` M chars/s"]
    print("| " + " | ".join(heads) + " |")
    print("| --- | " + " | ".join("---:" for _ in heads[1:]) + " |")
    for name, texts in named_texts.items():
        chars = sum(len(t) for t in texts)
        size = sum(len(t.encode("utf-8")) for t in texts)
        cells = [name, str(len(texts)), f"{size / MB:.2f}"]
        for func in FUNCTIONS.values():
            seconds = best_seconds(func, texts, repeat)
            cells += [f"{size / seconds / MB:.2f}", f"{chars / seconds / MB:.2f}"]
        print("| " + " | ".join(cells) + " |", flush=True)
    print()


def linearity_table(repeat: int) -> None:
    print("### Linearity: 0.1 MB vs 1 MB (one document)\n")
    heads = ["text", "function", "0.1 MB (s)", "1 MB (s)", "ratio (10 = linear)"]
    print("| " + " | ".join(heads) + " |")
    print("| --- | --- | ---: | ---: | ---: |")
    for kind, make in (("prose", prose), ("adversarial", adversarial)):
        small, large = make(MB // 10), make(MB)
        for name, func in FUNCTIONS.items():
            t_small = best_seconds(func, [small], repeat)
            t_large = best_seconds(func, [large], repeat)
            print(f"| {kind} | `{name}` | {t_small:.3f} | {t_large:.3f} | {t_large / t_small:.1f} |", flush=True)
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", help="a folder with *.jsonl files (searched recursively)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept (default: 3)")
    parser.add_argument("--max-mb", type=float, default=2.0, help="millions of characters read per corpus file (default: 2)")
    parser.add_argument(
        "--cpu-time", action="store_true", help="time by this process's CPU time, not the wall clock"
    )
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.cpu_time else time.perf_counter

    print(
        f"quoteattr {quoteattr.__version__}, Python {platform.python_version()}, "
        f"{platform.processor() or platform.machine()}, best of {args.repeat}"
        f"{' (CPU time)' if args.cpu_time else ''}\n"
    )
    if args.corpus is not None:
        corpora = read_corpora(args.corpus, int(args.max_mb * MB))
        if not corpora:
            parser.error(f"no documents in {args.corpus}/**/*.jsonl")
        throughput_table("Corpora (each document on its own)", corpora, args.repeat)
    throughput_table(
        "1 MB texts (10^6 characters, one document)", {"prose": [prose(MB)], "adversarial": [adversarial(MB)]}, args.repeat
    )
    linearity_table(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
