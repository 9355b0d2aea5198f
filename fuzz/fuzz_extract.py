"""Coverage-guided fuzzing of ``quoteattr.extract`` with atheris (libFuzzer for Python).

Each input is read as UTF-8, with bytes that are not UTF-8 turned into lone surrogates
(``surrogateescape``), so the fuzzer reaches every kind of ``str`` the library may be given.
The text goes through ``extract`` with every kind of quotation (direct, mixed, indirect) and
through ``find_quoted_spans``; the results are checked with the invariants of the test suite
(``tests/invariants.py``). An exception or a broken invariant is a crash: libFuzzer saves the
input as ``crash-<sha1>`` and stops. See ``fuzz/README.md`` for how to run it.

    python fuzz/fuzz_extract.py --seed-corpus fuzz/corpus         # write the seed corpus
    python fuzz/fuzz_extract.py fuzz/corpus -atheris_runs=1000000 -max_len=2048 -timeout=20

With ``QUOTEATTR_FUZZ_FINDINGS=DIR`` set, a failing input does not stop the run: it is saved in
DIR (``finding-<sha1>.txt`` with its traceback beside it, one per distinct failure) and the
fuzzer goes on, so that one long run lists every kind of failure it meets.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the shared invariants
sys.path.insert(0, str(ROOT))  # the working tree's quoteattr, installed or not

ALL_KINDS = ("direct", "mixed", "indirect")
SEED_CHARS = 4096  # seed texts are cut to this many characters, as -max_len cuts inputs


def check(data: bytes) -> None:
    """Extract from the text in ``data``; raise on an exception or a broken invariant."""
    from invariants import check_quotes

    import quoteattr

    text = data.decode("utf-8", "surrogateescape")
    quotes = quoteattr.extract(text, kinds=ALL_KINDS)
    check_quotes(text, quotes)
    for span in quoteattr.find_quoted_spans(text):
        assert 0 <= span.start < span.end <= len(text), span
        assert all(span.start <= s.start <= s.end <= span.end for s in span.segments), span
        assert span.is_speech or span.reason, span


_SEEN: set[str] = set()


def check_and_keep_going(data: bytes) -> None:
    """:func:`check`, saving a failing input in ``$QUOTEATTR_FUZZ_FINDINGS`` instead of stopping."""
    try:
        check(data)
    except Exception as exc:  # every failure is a finding to save, whatever its type
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{type(exc).__name__} at {frames[-1].filename}:{frames[-1].lineno}"
        if where in _SEEN:
            return
        _SEEN.add(where)
        folder = Path(os.environ["QUOTEATTR_FUZZ_FINDINGS"])
        folder.mkdir(parents=True, exist_ok=True)
        name = f"finding-{hashlib.sha1(data).hexdigest()}"
        (folder / f"{name}.txt").write_bytes(data)
        (folder / f"{name}.traceback").write_text(where + "\n" + traceback.format_exc(), encoding="utf-8")
        print(f"finding: {where} -> {folder / name}.txt", file=sys.stderr, flush=True)


def seed_texts() -> list[str]:
    """The texts of the golden test cases and of the examples, cut to ``SEED_CHARS``."""
    texts = []
    for path in sorted((ROOT / "tests" / "golden").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    for path in sorted((ROOT / "examples").glob("*.txt")):
        whole = path.read_text(encoding="utf-8")
        texts += [whole[i : i + SEED_CHARS] for i in range(0, len(whole), SEED_CHARS)]
    return [t[:SEED_CHARS] for t in texts]


def write_seed_corpus(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    texts = seed_texts()
    for i, text in enumerate(texts):
        (folder / f"seed-{i:04d}.txt").write_bytes(text.encode("utf-8"))
    return len(texts)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--seed-corpus":
        count = write_seed_corpus(Path(sys.argv[2]))
        print(f"wrote {count} seed inputs to {sys.argv[2]}")
        return
    import atheris

    with atheris.instrument_imports(include=["quoteattr"]):
        import quoteattr  # noqa: F401  (instrumented for coverage)
    target = check_and_keep_going if os.environ.get("QUOTEATTR_FUZZ_FINDINGS") else check
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
