"""The word lists in ``quoteattr/data`` stay well-formed: header, sorted, unique, tidy."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import lexicon

DATA = Path(lexicon.__file__).parent / "data"
FILES = sorted(DATA.glob("*.txt"))
# Known defects in the lists, each an expected failure until the list is mended.
KNOWN_DISORDER: dict[str, str] = {}
KNOWN_REPEATS: dict[str, str] = {}


def _files(known: dict[str, str]) -> list:
    return [
        pytest.param(
            p, id=p.name, marks=[pytest.mark.xfail(strict=True, reason=known[p.name])] if p.name in known else []
        )
        for p in FILES
    ]
GENDERS = {"m", "f", "n", "x"}
NUMBERS = {"sg", "pl"}


def _entries(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def test_there_are_word_lists() -> None:
    """The package ships its word lists (a packaging mistake would leave the folder empty)."""
    assert {p.name for p in FILES} >= {"pronouns.txt", "reporting_verbs.txt", "thought_verbs.txt"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_header_comes_first(path: Path) -> None:
    """A file opens with a '#' header saying what belongs and where it came from; no # later."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("# ")
    header = [line for line in lines if line.startswith("#")]
    assert lines[: len(header)] == header, "comment lines only at the top"
    assert any("source" in line.lower() for line in header), "the header names a source"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_entries_are_tidy(path: Path) -> None:
    """Entries have no blank lines, no leading, trailing or doubled spaces, and end in a newline."""
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n") and not raw.endswith("\n\n")
    assert "\r" not in raw
    for line in _entries(path):
        assert line, "no blank lines between entries"
        assert line == line.strip(), f"stray whitespace around {line!r}"
        assert "  " not in line, f"doubled space in {line!r}"
        assert line == line.lower(), f"entries are lower case: {line!r}"


@pytest.mark.parametrize("path", _files(KNOWN_DISORDER))
def test_entries_are_sorted_and_unique(path: Path) -> None:
    """Entries are sorted by their first word, and no first word appears twice."""
    keys = [line.split()[0] for line in _entries(path)]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


@pytest.mark.parametrize("path", [p for p in _files(KNOWN_REPEATS) if "verbs" in p.id])
def test_verb_forms_are_listed_once(path: Path) -> None:
    """A line of explicit forms starts with its base form and lists each form once."""
    for line in _entries(path):
        words = line.split()
        assert len(words) == len(set(words)), line
        assert all(w.isalpha() for w in words), line


def test_reporting_and_thought_verbs_do_not_overlap() -> None:
    """A verb is either a reporting verb or a verb of thought, not both."""
    reporting = {line.split()[0] for line in _entries(DATA / "reporting_verbs.txt")}
    thought = {line.split()[0] for line in _entries(DATA / "thought_verbs.txt")}
    assert not reporting & thought


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_columns_are_consistent(path: Path) -> None:
    """A file with tab-separated columns has the same number on every line, none empty."""
    counts = {len(line.split("\t")) for line in _entries(path)}
    assert len(counts) == 1, f"column counts {sorted(counts)}"
    for line in _entries(path):
        assert all(line.split("\t")), f"empty column in {line!r}"


@pytest.mark.parametrize("path", [p for p in FILES if p.name in {"first_names.txt", "roles.txt", "titles.txt"}])
def test_gender_columns_are_valid(path: Path) -> None:
    """Where a list gives a gender in its second column, it is one of m, f, n, x."""
    for line in _entries(path):
        assert line.split("\t")[1] in GENDERS, line


def test_pronouns_have_gender_and_number() -> None:
    """pronouns.txt has three tab-separated columns: pronoun, gender (m/f/n/x), number (sg/pl)."""
    for line in _entries(DATA / "pronouns.txt"):
        columns = line.split("\t")
        assert len(columns) == 3, line
        word, gender, number = columns
        assert word.isalpha(), line
        assert gender in GENDERS, line
        assert number in NUMBERS, line


def test_lexicon_reads_the_files() -> None:
    """The loaded tables agree with the files: every pronoun and every base verb is there."""
    assert lexicon.pronouns()["she"] == ("f", "sg")
    assert len(lexicon.pronouns()) == len(_entries(DATA / "pronouns.txt"))
    verbs = lexicon.reporting_verbs()
    for line in _entries(DATA / "reporting_verbs.txt"):
        assert verbs[line.split()[0]] == line.split()[0]
