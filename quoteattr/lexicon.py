"""The word lists in ``quoteattr/data``, loaded once and cached.

Each list is a sorted text file, one entry a line, with a ``#`` header saying where it came
from and what belongs in it (``tests/test_data_integrity.py`` keeps them well-formed).
"""

from __future__ import annotations

import functools
from importlib import resources

_VOWELS = "aeiou"


def data_lines(name: str) -> list[str]:
    """The entries of ``quoteattr/data/<name>``: comment and blank lines dropped."""
    raw = resources.files("quoteattr").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def inflect(base: str) -> tuple[str, ...]:
    """The regular forms of an English verb: base, -s, -ed and -ing."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", (base if base.endswith("ee") else base[:-1]) + "ing"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return (base, third, past, ing)


def _verb_forms(name: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in data_lines(name):
        words = line.split()
        for form in words if len(words) > 1 else inflect(words[0]):
            forms.setdefault(form, words[0])
    return forms


@functools.cache
def reporting_verbs() -> dict[str, str]:
    """Every accepted form of a reporting verb, mapped to its base form."""
    return _verb_forms("reporting_verbs.txt")


@functools.cache
def thought_verbs() -> dict[str, str]:
    """Every accepted form of a verb of thought or belief, mapped to its base form."""
    return _verb_forms("thought_verbs.txt")


@functools.cache
def gesture_verbs() -> dict[str, str]:
    """Every accepted form of a gesture used as a dialogue tag ("she smiled"), to its base form."""
    return _verb_forms("gesture_verbs.txt")


@functools.cache
def pronouns() -> dict[str, tuple[str, str]]:
    """Personal pronoun -> (gender, number); gender is m, f, n or x (unknown)."""
    table = {}
    for line in data_lines("pronouns.txt"):
        word, gender, number = line.split("\t")
        table[word] = (gender, number)
    return table


def _tabbed(name: str) -> dict[str, str]:
    table = {}
    for line in data_lines(name):
        word, value = line.split("\t")
        table[word] = value
    return table


@functools.cache
def titles() -> dict[str, str]:
    """Title or honorific written before a name (lower case, no period) -> gender m/f/x."""
    return _tabbed("titles.txt")


@functools.cache
def roles() -> dict[str, str]:
    """Role or description noun ("minister", "wife", "guest") -> gender m/f/x."""
    return _tabbed("roles.txt")


@functools.cache
def first_names() -> dict[str, str]:
    """Common given name (lower case) -> the gender it usually implies, m or f."""
    return _tabbed("first_names.txt")


@functools.cache
def not_names() -> frozenset[str]:
    """Capitalised words that never start a person's name (lower case)."""
    return frozenset(data_lines("not_names.txt"))


@functools.cache
def demonyms() -> dict[str, str]:
    """Adjective or demonym ("french") -> the place it is formed from ("france")."""
    return {adjective: place for place, adjective in _tabbed("demonyms.txt").items()}
