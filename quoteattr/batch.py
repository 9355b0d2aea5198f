"""Many documents on one machine: :func:`extract_many`, in order, in one or several processes.

Each document gives one :class:`DocumentResult`: its id, its quotes, or the error that
stopped it, so that one bad document never stops the others.

With ``processes > 1`` the documents go to a :class:`multiprocessing.pool.Pool`; each worker
builds its own :class:`~quoteattr.QuoteExtractor` from the options of the one given (an
extractor holds a lock and may hold a stanza pipeline, neither of which travels between
processes). On platforms that start workers by *spawn* (Windows, macOS, and Linux from
Python 3.14), a script that uses several processes needs the usual
``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .errors import ConfigError
from .model import Quote

if TYPE_CHECKING:
    from .extractor import QuoteExtractor

logger = logging.getLogger("quoteattr")

# The documents go to the workers in batches: at most this many documents...
DEFAULT_CHUNKSIZE = 32
# ... and, when the number of documents is known, few enough that each worker gets several
# batches, so that one worker does not finish long after the others ...
BATCHES_PER_WORKER = 4
# ... and a batch is closed once it holds this many characters, so that long documents (whole
# novels) are spread over the workers instead of landing together on one.
BATCH_CHARACTERS = 200_000


@attrs.frozen
class DocumentResult:
    """What :func:`extract_many` yields for one document.

    Attributes:
        id: the document's ``"id"`` for a dict input (``None`` when it has none); the
            document's position in the input (from 0) for any other input.
        quotes: the quotes found, in order; empty when the document failed.
        error: ``None``, or why the document failed (``"InputTypeError: ..."``).
    """

    id: Any
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=tuple)
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document was read without error."""
        return self.error is None


@attrs.frozen
class _Task:
    """One document as sent to a worker: its id, and its text or why it has none."""

    id: Any
    text: Any = None
    problem: str | None = None


def _task(index: int, item: Any) -> _Task:
    """Read one input: a mapping ``{"id", "text"}``, or the text itself (``str``, stanza Document)."""
    if isinstance(item, Mapping):
        if "text" not in item:
            keys = ", ".join(map(repr, list(item)[:5]))
            return _Task(
                item.get("id"), problem=f'ValueError: expected a dict with a "text" key, got keys {keys}'
            )
        return _Task(item.get("id"), item["text"])
    return _Task(index, item)


def _run(extractor: QuoteExtractor, task: _Task) -> DocumentResult:
    if task.problem is not None:
        return DocumentResult(task.id, error=task.problem)
    try:
        return DocumentResult(task.id, extractor.extract(task.text))
    except Exception as exc:  # one bad document must not stop the others
        logger.debug("document %r failed", task.id, exc_info=True)
        return DocumentResult(task.id, error=f"{type(exc).__name__}: {exc}")


def _spec(extractor: QuoteExtractor) -> dict[str, Any]:
    """The options a worker needs to build an extractor like ``extractor``."""
    if extractor.nlp not in (None, "stanza"):
        raise ConfigError(
            "processes > 1 needs an extractor made with nlp=None or nlp='stanza' (each worker "
            "then builds its own pipeline); a stanza.Pipeline object cannot be sent to other "
            "processes. Use processes=1 with it, or pass nlp='stanza'."
        )
    return {
        "language": extractor.language,
        "nlp": extractor.nlp,
        "coref": extractor.coref,
        "model_dir": extractor.model_dir,
        "kinds": extractor.kinds,
    }


_WORKER_EXTRACTOR: QuoteExtractor | None = None


def _init_worker(spec: dict[str, Any]) -> None:
    from .extractor import QuoteExtractor

    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = QuoteExtractor(**spec)


def _run_batch(extractor: QuoteExtractor, batch: list[_Task]) -> list[DocumentResult]:
    """The results of a batch of documents. With a stanza pipeline the texts of the batch go
    through it in one call (stanza batches them); a batch that fails there is retried one
    document at a time, so that one bad document fails alone."""
    if extractor.nlp is None:
        return [_run(extractor, task) for task in batch]
    texts = [t for t in batch if t.problem is None and isinstance(t.text, str)]
    annotated: dict[int, Any] = {}
    if len(texts) > 1:
        from . import stanza_adapter

        try:
            annotations = stanza_adapter.annotate_texts(extractor.pipeline(), [t.text for t in texts])
        except Exception:
            logger.debug("a batch of %d documents failed in stanza; retrying one by one", len(texts), exc_info=True)
        else:
            annotated = {id(t): a for t, a in zip(texts, annotations, strict=True)}
    results = []
    for task in batch:
        annotation = annotated.get(id(task))
        if annotation is None:
            results.append(_run(extractor, task))
            continue
        try:
            results.append(DocumentResult(task.id, extractor.extract_annotated(annotation)))
        except Exception as exc:  # one bad document must not stop the others
            results.append(DocumentResult(task.id, error=f"{type(exc).__name__}: {exc}"))
    return results


def _run_in_worker(batch: list[_Task]) -> list[DocumentResult]:
    assert _WORKER_EXTRACTOR is not None, "the pool initializer did not run"
    return _run_batch(_WORKER_EXTRACTOR, batch)


def _chunksize(texts: Iterable[Any], processes: int) -> int:
    try:
        count = len(texts)  # type: ignore[arg-type]
    except TypeError:
        return DEFAULT_CHUNKSIZE
    return max(1, min(DEFAULT_CHUNKSIZE, count // (processes * BATCHES_PER_WORKER)))


def _batches(tasks: Iterable[_Task], chunksize: int) -> Iterator[list[_Task]]:
    """``tasks`` in order, in lists of at most ``chunksize`` and about BATCH_CHARACTERS."""
    batch: list[_Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        text = task.text if isinstance(task.text, str) else getattr(task.text, "text", None)  # stanza
        size += len(text) if isinstance(text, str) else 0
        if len(batch) >= chunksize or size >= BATCH_CHARACTERS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _with_progress(results: Iterator[DocumentResult], texts: Iterable[Any]) -> Iterator[DocumentResult]:
    """``results`` behind a tqdm bar on stderr, or as they are when tqdm is not installed."""
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    try:
        total: int | None = len(texts)  # type: ignore[arg-type]
    except TypeError:
        total = None
    return iter(tqdm(results, total=total, unit="doc", desc="quoteattr", dynamic_ncols=True))


def extract_many(
    extractor: QuoteExtractor,
    texts: Iterable[Any],
    *,
    processes: int = 1,
    progress: bool = True,
    chunksize: int | None = None,
) -> Iterator[DocumentResult]:
    """Extract the quotes of many documents, lazily and in input order.

    Args:
        extractor: the :class:`~quoteattr.QuoteExtractor` whose options to use.
        texts: the documents: each a ``str``, a dict (any mapping) with a ``"text"`` key and
            an ``"id"`` carried to the result (other keys are ignored), or an annotated
            stanza Document.
            Read lazily, so a generator over a large file is fine.
        processes: how many processes extract at once. ``1`` (default) works in this
            process with ``extractor`` itself; more start a pool of workers that each build
            an extractor with the same options.
        progress: show a progress bar on stderr (needs ``tqdm``; without it, no bar).
        chunksize: with several processes, the most documents a worker takes at a time
            (default: 32, fewer when ``texts`` has a length that is small). A batch also
            ends at about 200,000 characters, so that long documents are shared out.

    Returns:
        An iterator of :class:`DocumentResult`, one per document, in input order. A
        document that fails gives a result with ``error`` set, and the others go on.

    Raises:
        ConfigError: ``processes`` or ``chunksize`` is not a positive int, or several
            processes were asked of an extractor holding a stanza.Pipeline object.

    >>> from quoteattr import QuoteExtractor
    >>> docs = [{"id": "a", "text": "“Yes,” she said."}, {"id": "b", "text": b"bytes"}]
    >>> for r in extract_many(QuoteExtractor(), docs, progress=False):
    ...     print(r.id, [q.text for q in r.quotes], r.error and r.error[:14])
    a ['“Yes,”'] None
    b [] InputTypeError
    """
    for name, value in (("processes", processes), ("chunksize", chunksize)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ConfigError(f"{name} must be a positive int, got {value!r}")
    tasks = (_task(i, item) for i, item in enumerate(texts))
    if processes == 1 and extractor.nlp is None:
        results = (_run(extractor, task) for task in tasks)
    elif processes == 1:
        # with stanza, documents go through the pipeline a batch at a time
        results = (r for batch in _batches(tasks, chunksize or DEFAULT_CHUNKSIZE) for r in _run_batch(extractor, batch))
    else:
        results = _pooled(_spec(extractor), tasks, processes, chunksize or _chunksize(texts, processes))
    return _with_progress(results, texts) if progress else results


def _pooled(
    spec: dict[str, Any], tasks: Iterator[_Task], processes: int, chunksize: int
) -> Iterator[DocumentResult]:
    # The pool lives as long as this generator: closing the generator early (or dropping it)
    # terminates the workers.
    with multiprocessing.Pool(processes, initializer=_init_worker, initargs=(spec,)) as pool:
        for results in pool.imap(_run_in_worker, _batches(tasks, chunksize)):
            yield from results
