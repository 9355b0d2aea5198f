"""Does any regular expression of quoteattr backtrack badly? Each one on its worst inputs.

    python benchmarks/regex_worst_case.py                 # sizes 10k, 100k, 1M characters
    python benchmarks/regex_worst_case.py --sizes 10000,100000 --all

Every compiled pattern of the package is found by looking, not listed by hand: the module
level ``regex.Pattern`` and ``re.Pattern`` objects (the scanner's are ``re``) of each
``quoteattr`` module and the cached functions that build one (``annotation._mention_pattern()``, ``spans._reporting_clause()`` ...). Each pattern
scans (``finditer``, every start position tried, as the worst use of a pattern is) texts made
to be hard for regular expressions: long runs of one character class, the pieces the
patterns are made of repeated without end (capitalised words, hyphen and apostrophe chains,
initials, titles, reporting verbs, commas, dashes, quote marks), and a lone prefix before a long
run (a verb then spaces, a line break then spaces), where a pattern that backtracks tries the
run again from every position.

Every input is scanned at the two smallest sizes; the larger sizes scan the three slowest
inputs so far and any whose time grew more than 15 times for 10 times the text. For each
pattern the table gives its slowest input at the largest size and the seconds at each
size; "x10" is the ratio of the time at one size to the time at the size ten times smaller
(10 when the time is linear, 100 when quadratic). A pattern whose ratio passes 30 is flagged.
Nothing is asserted: the script measures and prints, in Markdown.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import itertools
import pkgutil
import platform
import re
import sys
import time
from collections.abc import Callable

import regex

import quoteattr

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
SKIPPED_MODULES = {"__main__", "stanza_adapter"}  # runs the CLI / imports stanza


Pattern = regex.Pattern[str] | re.Pattern[str]


def package_patterns() -> dict[str, Pattern]:
    """Every compiled pattern of quoteattr, by ``module.name`` (``module.name()`` for builders)."""
    found: dict[str, Pattern] = {}
    for info in pkgutil.iter_modules(quoteattr.__path__):
        if info.name in SKIPPED_MODULES:
            continue
        module = importlib.import_module(f"quoteattr.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, functools._lru_cache_wrapper) and value.__module__ == module.__name__:
                params = inspect.signature(value).parameters.values()
                if all(p.default is not p.empty for p in params):
                    built = value()
                    if isinstance(built, (regex.Pattern, re.Pattern)):
                        found[f"{info.name}.{name}()"] = built
    return found


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _prefix_then(prefix: str, unit: str) -> Callable[[int], str]:
    return lambda size: prefix + _repeat(unit)(size - len(prefix))


# Inputs hard for regular expressions: name -> text of a given size.
WORST_INPUTS: dict[str, Callable[[int], str]] = {
    "spaces": _repeat(" "),
    "tabs and spaces": _repeat(" \t"),
    "line breaks": _repeat("\n"),
    "\\r\\n": _repeat("\r\n"),
    "lone \\r": _repeat("\r"),
    "blank lines of spaces": _repeat("\n \t "),
    "line break then spaces": _prefix_then("\n", " "),
    "\\r\\n then spaces": _repeat("\r\n \t\u3000"),
    "one long line": _repeat("ab "),
    "letters": _repeat("a"),
    "capitals": _repeat("A"),
    "capitalised words": _repeat("Ab "),
    "hyphen/apostrophe chain": _repeat("a-b'"),
    "capitalised chain": _repeat("Ab-Cd\N{RIGHT SINGLE QUOTATION MARK}"),
    "initials": _repeat("A. "),
    "titles": _repeat("Mr. "),
    "particles": _repeat("de la "),
    "reporting verbs": _repeat("said "),
    "verbs glued": _repeat("saidtoldasked"),
    "verb then spaces": _prefix_then("said", " "),
    "verb then commas": _prefix_then("said", ", "),
    "determiners": _repeat("the a an "),
    "commas": _repeat(", "),
    "sentence ends": _repeat(". A"),
    "abbreviations": _repeat("Mr.Dr.Sen."),
    "punctuation": _repeat(".!?;:"),
    "dashes": _repeat("\N{EM DASH} \N{EN DASH}"),
    "quote marks": _repeat('"\'' + LDQ + RDQ + "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"),
    "apostrophes in words": _repeat("don't 'tis O'Brien "),
    "doubled apostrophes": _repeat("''a'' ``b'' "),
    "digits": _repeat("9"),
    "pronouns": _repeat("he she I me "),
    "appositive shape": _repeat("the big red dog, a b "),
    "dialogue": _repeat(f"{LDQ}Yes,{RDQ} said Ann. "),
}


# A scan that takes longer than this is stopped (regex's own timeout) and shown as "> LIMIT":
# a pattern that backtracks badly would otherwise keep the script running for hours. (``re``
# has no timeout: a bad ``re`` pattern shows as a script that does not finish.)
LIMIT = 20.0


def seconds(pattern: Pattern, text: str, budget: float = 0.05) -> float:
    """Seconds for one ``finditer`` over ``text``; short runs are repeated for a steadier figure."""
    runs = 0
    start = time.perf_counter()
    while True:
        try:
            if isinstance(pattern, regex.Pattern):
                matches = pattern.finditer(text, timeout=LIMIT)
            else:
                matches = pattern.finditer(text)
            for _ in matches:
                pass
        except TimeoutError:
            return float("inf")
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= budget or runs >= 50:
            return elapsed / runs


def measure(pattern: Pattern, sizes: list[int]) -> dict[str, list[float]]:
    """Seconds at each size for every worst input."""
    times: dict[str, list[float]] = {name: [] for name in WORST_INPUTS}
    for k, size in enumerate(sizes):
        chosen = list(WORST_INPUTS)
        if k >= 2:
            # the largest sizes only for the inputs that may be worst there: the slowest three
            # so far and any whose time grew faster than the text
            slowest = sorted(chosen, key=lambda n: times[n][-1], reverse=True)[:3]
            chosen = [n for n in chosen if n in slowest or _growth(times[n][-2], times[n][-1]) > 15]
        for name in WORST_INPUTS:
            previous = times[name][-1] if times[name] else 0.0
            if name not in chosen:
                times[name].append(float("nan"))
            elif previous == float("inf"):
                times[name].append(float("inf"))  # past a scan that hit the limit, a larger one would too
            else:
                times[name].append(seconds(pattern, WORST_INPUTS[name](size)))
    return times


def _growth(before: float, after: float) -> float:
    """How many times longer the larger scan took; 0 for scans too short to time (under 1 ms)."""
    return after / before if before > 1e-3 and after == after else 0.0


def _cell(secs: float) -> str:
    if secs != secs:  # nan: not measured at this size
        return "-"
    return f"> {LIMIT:.0f}" if secs == float("inf") else f"{secs:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="text sizes in characters")
    parser.add_argument("--all", action="store_true", help="a row for every pattern and input, not only the slowest")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"Python {platform.python_version()}, regex {regex.__version__}, {platform.machine()}\n")
    heads = ["pattern", "slowest input"] + [f"{s:,} chars (s)" for s in sizes] + [f"x10 at {s:,}" for s in sizes[1:]]
    print("| " + " | ".join(heads) + " |")
    print("| --- | --- | " + " | ".join("---:" for _ in heads[2:]) + " |")
    flagged = []
    for name, pattern in package_patterns().items():
        times = measure(pattern, sizes)
        rows = sorted(times.items(), key=lambda kv: -1.0 if kv[1][-1] != kv[1][-1] else kv[1][-1], reverse=True)
        for inp, secs in rows if args.all else rows[:1]:
            ratios = [b / a if a > 0 else float("nan") for a, b in itertools.pairwise(secs)]
            cells = [f"`{name}`", inp] + [_cell(s) for s in secs] + [f"{r:.1f}" for r in ratios]
            print("| " + " | ".join(cells) + " |", flush=True)
        worst_ratio = max((_growth(a, b) for secs in times.values() for a, b in itertools.pairwise(secs)), default=0.0)
        if any(s == float("inf") for secs in times.values() for s in secs):
            # (a scan stopped at the limit has no ratio to show: it is flagged all the same)
            flagged.append(f"{name} (over {LIMIT:.0f} s)")
        elif worst_ratio > 30:
            flagged.append(f"{name} (x{worst_ratio:.0f})")
    print()
    print("super-linear: " + (", ".join(flagged) if flagged else f"none (every ratio at most 30, no scan over {LIMIT:.0f} s)"))


if __name__ == "__main__":
    sys.exit(main())
