"""What every result of ``extract`` keeps, whatever the text; shared by the hardening,
property and regression tests (imported as ``from invariants import ...``)."""

from __future__ import annotations

import contextlib
import itertools
import signal
import threading
from collections.abc import Iterator

import quoteattr


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def check_quote(text: str, q: quoteattr.Quote) -> None:
    """Offsets slice back; segments, nested quotations, the speaker mention and the cue lie where
    they should; the confidence is in [0, 1]; a speaker, or the reason there is none."""
    assert text[q.start : q.end] == q.text
    assert q.segments, "a quotation has at least one content segment"
    for seg in q.segments:
        assert q.start <= seg.start <= seg.end <= q.end
    for inner in q.nested:
        assert q.start <= inner.start < inner.end <= q.end, f"nested {inner} outside {q.start, q.end}"
    for part in (q.speaker_mention, q.cue):
        if part is not None:
            assert text[part.start : part.end] == part.text
            for seg in q.segments:
                assert not _overlaps(part.start, part.end, seg.start, seg.end), (
                    f"{part!r} lies inside the quoted words {text[seg.start:seg.end]!r} it attributes"
                )
    assert 0.0 <= q.confidence <= 1.0
    assert (q.speaker is None) == (q.reason is not None), "a speaker, or the reason there is none"
    if q.speaker is None:
        assert q.confidence == 0.0


def check_quotes(text: str, quotes: list[quoteattr.Quote]) -> None:
    """The invariants of each quote; the quotations in marks come in order, without overlap."""
    for q in quotes:
        check_quote(text, q)
    assert quotes == sorted(quotes, key=lambda q: (q.start, q.end)), "quotes come in text order"
    direct = [q for q in quotes if q.kind == "direct"]
    for a, b in itertools.pairwise(direct):
        assert a.end <= b.start, "quotations in marks do not overlap"


@contextlib.contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail, instead of hanging the test run, when the block takes over ``seconds``.

    A guard against hangs and runaway (quadratic, exponential) time, not a speed check: the
    limit is set far above the block's usual time (100 times or more), so no machine is too slow.
    Off the main thread or without SIGALRM it does nothing.
    """
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang or super-linear time")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
