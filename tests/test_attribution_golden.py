"""Speaker attribution against the golden cases in ``golden/attribution_news.jsonl`` and
``golden/attribution_fiction.jsonl``.

Each line of a data file is one case; ``golden/README.md`` gives the schema and how a case is
matched. A case with an ``"xfail"`` key is a known bug: it runs as ``xfail(strict=True)``, so a
fix shows up as a failure that asks for the key to be removed. ``test_reported_golden.py``
runs the reported-speech cases with the same checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Quote

GOLDEN = Path(__file__).parent / "golden"
FILES = ("attribution_news.jsonl", "attribution_fiction.jsonl")

CASE_KEYS = {"name", "text", "kinds", "quotes", "absent", "xfail"}
QUOTE_KEYS = {"text", "kind", "speaker", "mention", "cue"}


def load(filename: str) -> list[dict[str, Any]]:
    """The cases of one golden file, in order."""
    with (GOLDEN / filename).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def params(filename: str) -> list[Any]:
    """One pytest param per case, named ``<file stem>:<case name>``, xfail (strict) where marked."""
    out = []
    for case in load(filename):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        out.append(pytest.param(case, id=f"{Path(filename).stem}:{case['name']}", marks=marks))
    return out


def _locate(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _show(q: Quote) -> str:
    who = q.speaker.name if q.speaker else None
    mention = q.speaker_mention.text if q.speaker_mention else None
    cue = q.cue.text if q.cue else None
    return f"{q.kind} [{q.start}:{q.end}] {q.text!r} speaker={who!r} mention={mention!r} cue={cue!r} rule={q.rule!r}"


def _match(want: dict[str, Any], at: tuple[int, int], quotes: list[Quote]) -> Quote | None:
    """The returned quote for a golden one: a direct quote at exactly the golden offsets, a
    reported (indirect or mixed) one of the same kind whose span covers the golden text."""
    for q in quotes:
        if q.kind != want["kind"]:
            continue
        if want["kind"] == "direct" and (q.start, q.end) == at:
            return q
        if want["kind"] != "direct" and q.start <= at[0] and at[1] <= q.end:
            return q
    return None


def _check_quote(text: str, want: dict[str, Any], got: Quote) -> list[str]:
    """What is wrong with a matched quote: its speaker, mention or cue, where the case gives them."""
    problems = []
    name = got.speaker.name if got.speaker else None
    if name != want["speaker"]:
        problems.append(f"speaker {name!r}, expected {want['speaker']!r}")
    for key, value in (("mention", got.speaker_mention), ("cue", got.cue)):
        if key not in want:
            continue
        if value is not None and text[value.start : value.end] != value.text:
            problems.append(f"{key} {value.text!r} does not slice back from its offsets")
        seen = value.text if value is not None else None
        if seen != want[key]:
            problems.append(f"{key} {seen!r}, expected {want[key]!r}")
        if (
            value is not None
            and got.kind != "direct"
            and _overlaps((value.start, value.end), (got.start, got.end))
        ):
            problems.append(f"the reported content covers its own {key} {value.text!r}")
    return [f"{want['text']!r}: {p}" for p in problems]


def _check_ids(pairs: list[tuple[dict[str, Any], Quote]]) -> list[str]:
    """The quotes of one person share one speaker id; two people never share one."""
    ids: dict[str, set[str]] = {}
    for want, got in pairs:
        if want["speaker"] is not None and got.speaker is not None and got.speaker.name == want["speaker"]:
            ids.setdefault(want["speaker"], set()).add(got.speaker.id)
    problems = [
        f"{name!r} has several speaker ids {sorted(found)}" for name, found in ids.items() if len(found) > 1
    ]
    owners: dict[str, list[str]] = {}
    for name, found in ids.items():
        for speaker_id in found:
            owners.setdefault(speaker_id, []).append(name)
    problems += [f"speaker id {i!r} is shared by {names}" for i, names in owners.items() if len(names) > 1]
    return problems


def check_case(case: dict[str, Any]) -> list[str]:
    """Everything that ``extract`` gets wrong in a golden case; empty when it passes."""
    text = case["text"]
    quotes = quoteattr.extract(text, kinds=tuple(case["kinds"]))
    problems: list[str] = []
    pairs = []
    for want in case["quotes"]:
        at = _locate(text, want["text"])
        got = _match(want, at, quotes)
        if got is None:
            near = [_show(q) for q in quotes if _overlaps((q.start, q.end), at)] or ["nothing"]
            problems.append(f"{want['text']!r}: no {want['kind']} quote; returned there: {'; '.join(near)}")
            continue
        pairs.append((want, got))
        problems += _check_quote(text, want, got)
        others = [
            _show(q) for q in quotes if q is not got and _overlaps((q.start, q.end), (got.start, got.end))
        ]
        if others:
            problems.append(f"{want['text']!r}: also returned over it: {'; '.join(others)}")
    problems += _check_ids(pairs)
    for absent in case.get("absent", []):
        at = _locate(text, absent)
        problems += [
            f"{absent!r} must not be a quote: {_show(q)}" for q in quotes if _overlaps((q.start, q.end), at)
        ]
    if not case["quotes"]:
        problems += [f"no quote expected: {_show(q)}" for q in quotes]
    return problems


def check_well_formed(cases: list[dict[str, Any]]) -> None:
    """Unique names, known keys and kinds, golden texts that occur once in their case's text."""
    names = [case["name"] for case in cases]
    assert len(names) == len(set(names)), "case names are unique"
    for case in cases:
        name, text = case["name"], case["text"]
        assert set(case) <= CASE_KEYS, name
        assert case["kinds"] and set(case["kinds"]) <= {"direct", "mixed", "indirect"}, name
        if "xfail" in case:
            assert case["xfail"].strip(), f"{name}: an xfail says why"
        for want in case["quotes"]:
            assert set(want) >= {"text", "kind", "speaker"} and set(want) <= QUOTE_KEYS, name
            assert want["kind"] in case["kinds"], f"{name}: {want['kind']} is asked for"
            assert text.count(want["text"]) == 1, f"{name}: {want['text']!r} occurs once"
            for key in ("mention", "cue"):
                assert want.get(key) is None or want[key] in text, f"{name}: {want[key]!r} in the text"
        for absent in case.get("absent", []):
            assert text.count(absent) == 1, f"{name}: {absent!r} occurs once"


@pytest.mark.parametrize("case", [p for filename in FILES for p in params(filename)])
def test_attribution_golden_case(case: dict[str, Any]) -> None:
    """``extract`` finds each golden quote with its speaker, mention and cue, and nothing over it."""
    problems = check_case(case)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("filename", FILES)
def test_attribution_golden_file_is_well_formed(filename: str) -> None:
    """Every case of the file follows the schema of ``golden/README.md``."""
    check_well_formed(load(filename))
