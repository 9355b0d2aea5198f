"""The public entry points: :func:`extract` and the reusable :class:`QuoteExtractor`."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from .annotation import Annotation, annotate
from .display import QuoteList
from .errors import ConfigError, check_text
from .model import QUOTE_KINDS, Quote
from .newlines import LineFeeds
from .spans import find_quoted_spans
from .speakers import is_news

ALL_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
# kinds=None: news gets every kind, fiction its dialogue (see QuoteExtractor).
DEFAULT_KINDS = None
logger = logging.getLogger("quoteattr")


def _is_stanza_document(obj: object) -> bool:
    """True for a ``stanza.Document`` (or a subclass), checked without importing stanza."""
    stanza = sys.modules.get("stanza")
    return stanza is not None and isinstance(obj, stanza.Document)


def _is_stanza_pipeline(obj: object) -> bool:
    """True for a ``stanza.Pipeline`` (or a subclass), checked without importing stanza."""
    stanza = sys.modules.get("stanza")
    return stanza is not None and isinstance(obj, stanza.Pipeline)


class QuoteExtractor:
    """Finds the quotations of texts and who said them; reusable across many documents.

    All options are keyword-only; every one has a default that needs nothing but the core
    dependencies.

    Args:
        language: the language of the texts. Only ``"en"`` has word lists so far.
        nlp: ``None`` (default) for the built-in rules, no model needed; ``"stanza"`` to parse
            with a stanza pipeline built once and kept by this extractor (needs
            ``pip install quoteattr[stanza]`` and the models on disk); or a
            ``stanza.Pipeline`` of your own.
        coref: with ``nlp="stanza"``, also run stanza's coreference model (slower, better
            pronoun and nominal resolution).
        model_dir: where stanza's models are; if None, stanza's own default
            (``$STANZA_RESOURCES_DIR``, else stanza's folder in the user cache).
        kinds: which kinds of quotation to return, any of ``"direct"``, ``"mixed"`` and
            ``"indirect"``. The default, ``None``, chooses by the text: news (judged by its
            digits, news words and pronouns, see :func:`quoteattr.speakers.is_news`) gets all three, since
            most of what news reports is said indirectly; fiction gets its direct speech only,
            since a novel's narration reports thoughts and speech that readers do not count as
            its dialogue.

    Raises:
        ConfigError: an option has a value quoteattr does not accept.
    """

    def __init__(
        self,
        *,
        language: str = "en",
        nlp: Any = None,
        coref: bool = False,
        model_dir: str | None = None,
        kinds: Iterable[str] | None = DEFAULT_KINDS,
    ) -> None:
        if language != "en":
            raise ConfigError(f"language must be 'en' (the only one with word lists), got {language!r}")
        if nlp not in (None, "stanza") and not _is_stanza_pipeline(nlp):
            raise ConfigError(f"nlp must be None, 'stanza' or a stanza.Pipeline, got {nlp!r:.80}")
        if isinstance(kinds, str):
            kinds = (kinds,)
        if kinds is not None:
            kinds = tuple(kinds)
            unknown = [k for k in kinds if k not in QUOTE_KINDS]
            if unknown or not kinds:
                raise ConfigError(f"kinds must be None or a non-empty selection of {QUOTE_KINDS}, got {kinds!r}")
        self.language = language
        self.nlp = nlp
        self.coref = coref
        self.model_dir = model_dir
        self.kinds = kinds
        self._pipeline: Any = nlp if _is_stanza_pipeline(nlp) else None
        self._lock = threading.Lock()
        self._checked = False  # a user's pipeline is checked (and warned about) once

    def __repr__(self) -> str:
        return (
            f"QuoteExtractor(language={self.language!r}, nlp={self.nlp!r:.40}, coref={self.coref!r}, "
            f"kinds={self.kinds!r})"
        )

    # -- annotation -----------------------------------------------------------------------

    def pipeline(self) -> Any:
        """The stanza pipeline this extractor uses, built on first use (``nlp="stanza"``)."""
        from . import stanza_adapter

        with self._lock:
            if self._pipeline is None:
                self._pipeline = stanza_adapter.build_pipeline(
                    self.language, coref=self.coref, model_dir=self.model_dir
                )
            elif not self._checked:
                stanza_adapter.check_pipeline(self._pipeline)
                self._checked = True
                lang = getattr(self._pipeline, "lang", self.language)
                if lang != self.language:
                    logger.warning(
                        "the stanza pipeline is for language %r but the extractor's word lists are for %r",
                        lang,
                        self.language,
                    )
            return self._pipeline

    def annotate(self, text: Any) -> Annotation:
        """The annotation the attribution stages will read for ``text`` (or a stanza Document)."""
        if _is_stanza_document(text):
            from . import stanza_adapter

            return stanza_adapter.annotate_document(text)
        text = check_text(text)
        if self.nlp is None:
            return annotate(text)
        from . import stanza_adapter

        return stanza_adapter.annotate_texts(self.pipeline(), [text])[0]

    # -- extraction -----------------------------------------------------------------------

    def extract(self, text: Any) -> list[Quote]:
        """The quotations of ``text`` (a ``str``, or an annotated ``stanza.Document``), in order.

        The list is a :class:`~quoteattr.display.QuoteList`: a plain list that also keeps the
        text, so that a notebook shows the quotes marked in it.

        Raises:
            InputTypeError: ``text`` is neither a ``str`` nor a ``stanza.Document``.
        """
        return self.extract_annotated(self.annotate(text))

    def extract_annotated(self, annotation: Annotation) -> list[Quote]:
        """The quotations of an already annotated text."""
        from .assemble import assemble

        text = annotation.text
        lines = None
        if annotation.source == "rules" and "\r" in text and not (annotation.words or annotation.entities or annotation.coref):
            # the rules read the text with \n endings; the offsets go back to the caller's
            # (stanza's annotation keeps its own: its words are placed in the text as it is)
            lines = LineFeeds(text)
            annotation = annotate(lines.plain)
        read = annotation.text
        news = is_news(read)
        kinds = self.kinds if self.kinds is not None else (ALL_KINDS if news else ("direct",))
        reported = "indirect" in kinds or "mixed" in kinds
        quotes = assemble(annotation, find_quoted_spans(read), reported=reported, news=news)
        if lines is not None:
            quotes = [lines.quote(q) for q in quotes]
        return QuoteList((q for q in quotes if q.kind in kinds), text=text)

    def extract_many(
        self,
        texts: Iterable[Any],
        *,
        processes: int = 1,
        progress: bool = True,
    ) -> Iterator[Any]:
        """Extract from many documents, in order; see :func:`quoteattr.batch.extract_many`."""
        from .batch import extract_many

        return extract_many(self, texts, processes=processes, progress=progress)


_EXTRACTORS: dict[tuple, QuoteExtractor] = {}
_EXTRACTORS_LOCK = threading.Lock()


def _extractor_for(options: dict[str, Any]) -> QuoteExtractor:
    """One extractor per set of options, kept, so that a stanza pipeline loads only once."""
    try:
        key = tuple(sorted((k, v if not isinstance(v, list) else tuple(v)) for k, v in options.items()))
        hash(key)
    except TypeError:
        return QuoteExtractor(**options)  # options that cannot be a key (a pipeline object is fine)
    with _EXTRACTORS_LOCK:
        extractor = _EXTRACTORS.get(key)
        if extractor is None:
            extractor = _EXTRACTORS[key] = QuoteExtractor(**options)
        return extractor


def extract(text: Any, **options: Any) -> list[Quote]:
    """The quotations of ``text`` and who said each one.

    Args:
        text: the document, as ``str`` (or an annotated ``stanza.Document``).
        **options: keyword arguments for :class:`QuoteExtractor` (``nlp``, ``kinds`` ...).

    Returns:
        A list of :class:`Quote`, in order of position.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (bytes must be decoded first).
        ConfigError: an option has a value quoteattr does not accept.

    >>> [q.text for q in extract('“We will win,” she said.')]
    ['“We will win,”']
    """
    return _extractor_for(options).extract(text)


def download_models(language: str = "en", *, coref: bool = False, model_dir: str | None = None) -> str:
    """Download the stanza models ``nlp="stanza"`` needs, on a machine that is online.

    See :func:`quoteattr.stanza_adapter.download_models`; stanza is imported only when this
    is called, so that ``import quoteattr`` never imports it.
    """
    from .stanza_adapter import download_models as _download_models

    return _download_models(language, coref=coref, model_dir=model_dir)
