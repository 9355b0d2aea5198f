"""``fuzz/stress_extract.py`` runs: its texts pass every check (a short run of the stress)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "fuzz" / "stress_extract.py"


def _stress():
    spec = importlib.util.spec_from_file_location("stress_extract", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_short_stress_finds_nothing():
    stress = _stress()
    rng = random.Random(1)
    texts = [stress.random_text(rng) for _ in range(300)]
    assert len(set(texts)) > 250  # (varied texts, not one repeated)
    for text in texts:
        stress.check(text)


def test_the_stress_check_catches_a_broken_invariant(monkeypatch):
    """The check fails when ``extract`` breaks an invariant (here: quotes out of order)."""
    stress = _stress()
    real = stress.quoteattr.extract
    monkeypatch.setattr(stress.quoteattr, "extract", lambda text, **kw: list(reversed(real(text, **kw))))
    text = "\N{LEFT DOUBLE QUOTATION MARK}Yes,\N{RIGHT DOUBLE QUOTATION MARK} said Ann. \N{LEFT DOUBLE QUOTATION MARK}No,\N{RIGHT DOUBLE QUOTATION MARK} said Tom."
    try:
        stress.check(text)
    except AssertionError:
        return
    raise AssertionError("the stress check let quotes out of order through")
