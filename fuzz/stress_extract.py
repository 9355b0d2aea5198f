"""A random stress of ``extract`` without atheris: texts glued from the worst-case pieces.

    python fuzz/stress_extract.py                       # 5 minutes, seed 0
    python fuzz/stress_extract.py --seconds 60 --seed 7

Each text is one to eight pieces: short cuts of the adversarial texts of
``benchmarks/extract_worst_case.py`` (repeated cues, dialogue among many people, quote marks of
every kind, labels, chapter headings) and loose fragments (quote marks, line endings, labels,
a transcript turn holding a quotation, "He said:" before a paragraph). Every kind is extracted
and checked with the invariants of the tests (``tests/invariants.py``); the text with ``\\r\\n``
endings must give the same quotes, speakers and rules as with ``\\n``. The first failures are
printed with the text that broke; the exit status is 1 if any. It found two bugs that the
property tests and the fuzzer had not (a label holding a quote mark, quotes starting together
in the wrong order).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from extract_worst_case import TEXTS  # noqa: E402
from invariants import check_quotes  # noqa: E402

import quoteattr  # noqa: E402

KINDS = ("direct", "mixed", "indirect")
L, R = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
FRAGMENTS = [
    "\n", "\n\n", "\r\n", "\r", " ", ". ", ", ", ":", "(", ")", L, R, "'", '"', "\N{EM DASH}",
    "said", "Ann", "HOLT: ", "Q: ", "He said:\n\n", "CHAPTER I\r\n\r\n", "the Minister of\ndefence",
    f"TAPPER: Do you {L}think{R} so? ", "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK} Oui "
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}, dit-il. ", "\N{LEFT SINGLE QUOTATION MARK}Yes,"
    "\N{RIGHT SINGLE QUOTATION MARK} she said. ", f"{L}We will win,{R} said the head of the party. ",
    "according to ", "which Democrats say ", f"calling it {L}bad{R} ",
]


def random_text(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.5:
            pieces.append(TEXTS[rng.choice(list(TEXTS))](rng.randint(1, 120)))
        else:
            pieces.append(rng.choice(FRAGMENTS))
    return "".join(pieces)


def shape(quotes: list[quoteattr.Quote]) -> list[tuple]:
    return [(q.kind, q.rule, q.speaker.name if q.speaker else None) for q in quotes]


def check(text: str) -> None:
    check_quotes(text, quoteattr.extract(text, kinds=KINDS))
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    assert shape(quoteattr.extract(plain)) == shape(quoteattr.extract(plain.replace("\n", "\r\n"))), "line endings"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="failures printed in full")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    end = time.monotonic() + args.seconds
    runs = failures = 0
    while time.monotonic() < end:
        text = random_text(rng)
        runs += 1
        try:
            check(text)
        except Exception:
            failures += 1
            if failures <= args.show:
                print(f"FAILED on {text!r}")
                traceback.print_exc(limit=3)
    print(f"{runs} texts, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
