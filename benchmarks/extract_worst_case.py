"""Does ``extract`` stay linear on texts made to be hard for it? Each adversarial text at growing sizes.

    python benchmarks/extract_worst_case.py                          # 25k, 100k, 400k characters
    python benchmarks/extract_worst_case.py --sizes 100000,400000,1600000 --only "adding that"

``benchmarks/regex_worst_case.py`` tries each regular expression alone; this tries the whole
path (scanner, cues, reported speech, speakers) on texts that repeat one construction without
end: long runs of blanks after a quotation or a verb, one sentence without a full stop that
repeats a cue ("said Tom, adding that …", "called it “bad” and …"), thousands of short
quotations, of unclosed ones, of names, titles, initials, abbreviations, labels, dash dialogue
and quote marks of every kind. A rule that reads, for each cue, all the sentence or text
before or after it makes time grow with the square of the text; this shows it.

Every text is extracted with all kinds (direct, mixed, indirect), timed in CPU seconds; "x4"
is the ratio of the time at one size to the time at the size before (4 when the sizes grow
4 times and the time is linear, 16 when quadratic). A text whose ratio passes 8 is flagged;
one that takes more than ``--limit`` seconds is stopped and flagged. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import signal
import sys
import time
from collections.abc import Callable

import quoteattr

L, R = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
DASH = "\N{EM DASH}"
KINDS = ("direct", "mixed", "indirect")


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _between(before: str, unit: str, after: str) -> Callable[[int], str]:
    return lambda n: before + (unit * (n // len(unit) + 1))[:n] + after


_SYLLABLES = ("ba", "ko", "ri", "mu", "te", "la", "so", "ni")


def _name(i: int) -> str:
    """The ``i``-th of 32,768 made-up names ("Bakoba", "Kobaba", ...), each its own person."""
    return "".join(_SYLLABLES[(i >> (3 * k)) & 7] for k in range(5)).capitalize()


def _people(unit: Callable[[int], str]) -> Callable[[int], str]:
    """Units naming ever new people, up to ``n`` characters."""

    def make(n: int) -> str:
        out, size, i = [], 0, 0
        while size < n:
            piece = unit(i)
            out.append(piece)
            size += len(piece)
            i += 1
        return "".join(out)[:n]

    return make


# name -> a function of the size in characters giving the text
TEXTS: dict[str, Callable[[int], str]] = {
    "quotation then blanks": _between(f"a {L}hi{R}", " \t", "x"),
    "verb then blanks": _between("He said", " \t", "that it was."),
    "verb then commas": _between("He said", ", ", ""),
    "sentence: he said that": _repeat("he said that Tom and "),
    "sentence: Tom said that": _repeat("Tom Smith said that "),
    "sentence: adding that": _repeat("said Tom, adding that "),
    "sentence: and said": _repeat("Tom said it and said "),
    "sentence: called it": _repeat(f"called it {L}bad{R} and "),
    "sentence: told that": _repeat("told reporters that "),
    "sentence: asked whether": _repeat("asked Tom whether "),
    "sentence: which say": _repeat("which Democrats say "),
    "sentence: who": _repeat("Smith, who "),
    "sentence: percent say": _repeat("42% say "),
    "sentence: according to": _repeat("According to "),
    "sentence: of chains": _repeat("the analysis of "),
    "sentence: colons": _repeat("Tom said: "),
    "sentence: the President": _repeat("the President said "),
    "quotations, one paragraph": _repeat(f"{L}Yes,{R} said Tom. "),
    "quotations, no full stop": _repeat(f"{L}Yes,{R} said Tom and "),
    "quotations then a tag": _between("", f"{L}a{R} ", "said Tom."),
    "a tag then quotations": _between("said Tom, ", f"{L}a,{R} ", ""),
    "quotations, one a line": _repeat(f"{L}Hi,{R} he said.\n"),
    "quotations, \\r\\n lines": _repeat(f"{L}Hi,{R} he said.\r\n"),
    "unclosed quotations": _repeat(f"he said, {L}"),
    "one unclosed quotation": _between(L, "a ", ""),
    "one quotation over paragraphs": _repeat(f"{L}Hi there.\n\n"),
    "nested quotations": _repeat(f"{L}a '"),
    "block quotations": _repeat("He said:\n\nIt is so.\n\n"),
    "labels": _repeat("TAPPER: yes. "),
    "label lines": _repeat("TAPPER: yes.\n"),
    "dash dialogue": _repeat(f"{DASH} Oui, {DASH} dit-il, "),
    "spaced dashes": _repeat("Tom - "),
    "em dashes": _repeat(f"said {DASH} "),
    "names": _repeat("Mr. Tom Smith "),
    "names and commas": _repeat("Tom, "),
    "capitalised words": _repeat("Abc "),
    "pronouns": _repeat("he she him her "),
    "titles": _repeat("Mr. "),
    "initials": _repeat("J. "),
    "abbreviations": _repeat("U.S. "),
    "parentheses": _repeat("(said Tom "),
    "hyphens": _repeat("a-"),
    "opening marks": _repeat(L),
    "closing marks": _repeat(R),
    "straight marks": _repeat('"'),
    "apostrophes": _repeat("'"),
    "line breaks": _repeat("\n"),
    "dialogue of many people": _people(lambda i: f"{L}Hi,{R} said {_name(i)} {_name(i + 7)}.\n\n"),
    "many people, spoken to": _people(lambda i: f"{L}Hi,{R} said {_name(i)} to {_name(i + 3)}.\n\n"),
    "many people, addressed": _people(lambda i: f"{L}Hi, {_name(i)},{R} he said.\n\n"),
    "many people's kin": _people(lambda i: f"{L}Yes,{R} said {_name(i)}'s brother. {L}No,{R} said his sister.\n\n"),
    "many people, chapters": _people(lambda i: f"CHAPTER {i % 90 + 1}\n\n{L}Hi,{R} said {_name(i)}.\n\n"),
    "answers to many people": _people(
        lambda i: f"{L}Hi, {_name(i)}?{R} said {_name(i + 5)}.\n\n{L}Yes,{R} he answered.\n\n"
    ),
    "one paragraph, untagged": _repeat(f"He went in. {L}Hi.{R} "),
    "said the other": _repeat(f"{L}Hi,{R} said the other.\n\n"),
    "untagged lines": _repeat(f"{L}Hi.{R}\n\n"),
    "news paragraphs": _people(
        lambda i: f"WASHINGTON - {_name(i)}, a senator, said on Monday that the plan would fail. "
        f"{L}It is bad,{R} {_name(i)} told reporters. According to {_name(i + 1)}, it is fine.\n\n"
    ),
}


class _Stopped(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def seconds(text: str, limit: int) -> float:
    """CPU seconds of one ``extract`` of ``text`` (all kinds); inf when stopped at ``limit``."""
    signal.signal(signal.SIGALRM, _stop)
    signal.alarm(limit)
    start = time.process_time()
    try:
        quoteattr.extract(text, kinds=KINDS)
    except _Stopped:
        return float("inf")
    finally:
        signal.alarm(0)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="25000,100000,400000", help="text sizes in characters")
    parser.add_argument("--limit", type=int, default=120, help="seconds after which a text is stopped")
    parser.add_argument("--only", action="append", help="run only the text of this name (repeatable)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"Python {platform.python_version()}, quoteattr {quoteattr.__version__}, {platform.machine()}\n")
    growth = [f"x{b // a} at {b:,}" for a, b in itertools.pairwise(sizes)]
    heads = ["text"] + [f"{s:,} chars (s)" for s in sizes] + growth
    print("| " + " | ".join(heads) + " |")
    print("| --- | " + " | ".join("---:" for _ in heads[1:]) + " |")
    flagged = []
    for name, make in TEXTS.items():
        if args.only and name not in args.only:
            continue
        times: list[float] = []
        for size in sizes:
            times.append(seconds(make(size), args.limit))
            if times[-1] == float("inf"):
                break
        ratios = [b / a if a > 0 else float("nan") for a, b in itertools.pairwise(times)]
        cells = [f"{t:.3f}" if t != float("inf") else f"> {args.limit}" for t in times]
        cells += ["-"] * (len(sizes) - len(times))
        cells += [f"{r:.1f}" for r in ratios] + ["-"] * (len(sizes) - 1 - len(ratios))
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
        steps = [b / a for a, b in itertools.pairwise(sizes)]
        if times[-1] == float("inf"):
            flagged.append(f"{name} (over {args.limit} s)")
        elif any(r > 2 * step for r, step in zip(ratios, steps, strict=False) if r == r and times[0] > 1e-3):
            flagged.append(f"{name} (x{max(ratios):.1f})")
    print()
    print("super-linear: " + (", ".join(flagged) if flagged else "none (every ratio at most twice the growth of the text)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
