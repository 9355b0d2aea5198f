"""Reported speech (indirect and mixed quotations) against the golden cases in
``golden/reported.jsonl``, with the checks of ``test_attribution_golden.py``.

A mixed quotation must come back as one quote of kind "mixed", with no direct quote for its
quoted words; a case without quotes (narration, thoughts, beliefs) must return nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_attribution_golden import check_case, check_well_formed, load, params

FILE = "reported.jsonl"


@pytest.mark.parametrize("case", params(FILE))
def test_reported_golden_case(case: dict[str, Any]) -> None:
    """``extract`` finds each reported quote with its kind and speaker, and nothing else over it."""
    problems = check_case(case)
    assert not problems, "\n".join(problems)


def test_reported_golden_file_is_well_formed() -> None:
    """Every case follows the schema of ``golden/README.md``, and the file has cases of each kind."""
    cases = load(FILE)
    check_well_formed(cases)
    kinds = {want["kind"] for case in cases for want in case["quotes"]}
    assert {"indirect", "mixed"} <= kinds
    assert any(not case["quotes"] for case in cases), "some cases are narration that is not speech"
