"""Stage 3, with stanza: turn stanza's parses, entities and coreference into an :class:`Annotation`.

This is the only module of quoteattr that imports stanza (and so torch), and it does so inside
its functions: ``import quoteattr`` stays light, and a machine without stanza only meets it
when it asks for ``nlp="stanza"``.

What it does:

- :func:`build_pipeline` loads a ``stanza.Pipeline`` from models already on disk. It never
  downloads (``download_method=None``); missing models raise :class:`ModelNotFoundError` at
  once, naming the folder looked in and the ``stanza.download(...)`` call that fetches them.
- :func:`check_pipeline` accepts a user's own pipeline if it tokenizes (the one thing quoteattr
  cannot do without) and logs a warning, once per pipeline, for each useful processor it lacks.
- :func:`annotate_texts` runs many texts through a pipeline in one call; :func:`annotate_document`
  converts a document the caller has already annotated.
- :func:`download_models` fetches the models, for machines that are online.

The conversion keeps quoteattr's promise that offsets index the caller's own string. stanza's
offsets usually do, but not always (a pipeline with ``tokenize_pretokenized=True`` counts them
in a text it rebuilds with single spaces), so every token is checked against the text and
placed again where it does not match.
"""

from __future__ import annotations

import logging
import operator
import weakref
from collections.abc import Mapping
from typing import Any

from .annotation import Annotation, CorefChain, EntityMention, Word, paragraphs
from .errors import ConfigError, InputTypeError, ModelNotFoundError, NLPUnavailableError
from .model import Span

log = logging.getLogger("quoteattr")

#: The processors quoteattr asks stanza for; stanza adds ``mwt`` itself where a language has it.
PROCESSORS: tuple[str, ...] = ("tokenize", "pos", "lemma", "depparse", "ner")
#: Added to :data:`PROCESSORS` when coreference is wanted.
COREF_PROCESSOR = "coref"

# What quoteattr loses without each processor, for the warning about a user's pipeline.
_WITHOUT = {
    "pos": "parts of speech",
    "lemma": "lemmas",
    "depparse": "the dependency parse (the subject of a reporting verb)",
    "ner": "named entities (person names)",
}

INSTALL_HINT = 'pip install "quoteattr[stanza]"'


_START_END = operator.attrgetter("start", "end")

def _stanza() -> Any:
    """The stanza module, or :class:`NLPUnavailableError` saying how to install it."""
    try:
        import stanza
    except ImportError as exc:
        raise NLPUnavailableError(
            f"nlp='stanza' needs the stanza package, which is not installed: {INSTALL_HINT} "
            "(on a machine without a GPU, install the CPU build of torch first so that pip "
            "does not fetch the large CUDA one)."
        ) from exc
    return stanza


def processors_for(*, coref: bool) -> str:
    """The processors quoteattr loads, as stanza's comma-separated string.

    >>> processors_for(coref=False)
    'tokenize,pos,lemma,depparse,ner'
    >>> processors_for(coref=True)
    'tokenize,pos,lemma,depparse,ner,coref'
    """
    return ",".join(PROCESSORS + ((COREF_PROCESSOR,) if coref else ()))


def resolved_model_dir(model_dir: str | None) -> str:
    """The folder stanza reads models from: ``model_dir``, or stanza's default.

    stanza's default is ``$STANZA_RESOURCES_DIR`` if set, else a folder in the user's cache.
    """
    if model_dir is not None:
        return str(model_dir)
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return str(DEFAULT_MODEL_DIR)


def download_call(language: str, *, coref: bool, model_dir: str | None) -> str:
    """The ``stanza.download(...)`` call that fetches what :func:`build_pipeline` loads."""
    return (
        f"stanza.download({language!r}, processors={processors_for(coref=coref)!r}, "
        f"model_dir={resolved_model_dir(model_dir)!r})"
    )


def build_pipeline(language: str, *, coref: bool, model_dir: str | None) -> Any:
    """A ``stanza.Pipeline`` for ``language`` built from models already on this machine.

    Nothing is downloaded (``download_method=None``), so a machine without the models gets an
    error at once instead of a download or a hang.

    Args:
        language: stanza's language code, e.g. ``"en"``.
        coref: also load stanza's coreference model.
        model_dir: the folder holding stanza's models; stanza's default if None.

    Returns:
        The pipeline, with the processors :func:`processors_for` names.

    Raises:
        NLPUnavailableError: stanza (or, for ``coref``, the transformers and peft packages it
            needs) is not installed.
        ModelNotFoundError: the models are not in the model folder; the message names the folder
            and the ``stanza.download(...)`` call that fetches them.
    """
    stanza = _stanza()
    processors = processors_for(coref=coref)
    options: dict[str, Any] = {"processors": processors, "download_method": None}
    if model_dir is not None:
        options["model_dir"] = str(model_dir)
    try:
        return stanza.Pipeline(language, **options)
    except FileNotFoundError as exc:
        folder = resolved_model_dir(model_dir)
        raise ModelNotFoundError(
            f"stanza's models for {language!r} (processors {processors}) are not in the model "
            f"folder {folder}, and quoteattr never downloads them by itself. On a machine that "
            "is online, run\n"
            f"    {download_call(language, coref=coref, model_dir=model_dir)}\n"
            "or, to also fetch what the processors load from elsewhere (coref's transformer),\n"
            f"    quoteattr.download_models({language!r}, coref={coref!r}, model_dir={folder!r})\n"
            "then bring that folder here, or pass model_dir= naming a folder that has the models. "
            f"stanza said: {exc}"
        ) from exc
    except ImportError as exc:
        raise NLPUnavailableError(
            f"stanza could not load its {processors} processors because a package is missing: "
            f"{exc}. For coref=True stanza needs transformers and peft: "
            'pip install "stanza[transformers]".'
        ) from exc


# Pipelines already warned about, so that a pipeline reused for many texts warns once.
_CHECKED: weakref.WeakSet[Any] = weakref.WeakSet()


def check_pipeline(pipeline: Any) -> None:
    """Check that ``pipeline`` can annotate texts for quoteattr.

    A pipeline without the ``tokenize`` processor is refused: without words there is nothing to
    convert. A pipeline without ``pos``, ``lemma``, ``depparse`` or ``ner`` is accepted, with one
    warning on the ``"quoteattr"`` logger naming what will be missing; the attribution stages
    then use their built-in rules for it. ``coref`` is optional and not warned about.

    Raises:
        ConfigError: the pipeline has no ``tokenize`` processor, or no processors at all.
    """
    processors = getattr(pipeline, "processors", None)
    if not isinstance(processors, Mapping):
        raise ConfigError(
            f"nlp must be a built stanza.Pipeline with a processors mapping, got {pipeline!r:.80}"
        )
    present = {name for name, proc in processors.items() if proc}
    if "tokenize" not in present:
        raise ConfigError(
            "the stanza.Pipeline given as nlp has no tokenize processor, which quoteattr needs to "
            f"find words; it has {sorted(present) or 'none'}. Build it with, e.g., "
            f"stanza.Pipeline('en', processors={processors_for(coref=False)!r})."
        )
    missing = [name for name in _WITHOUT if name not in present]
    if not missing:
        return
    try:
        if pipeline in _CHECKED:
            return
        _CHECKED.add(pipeline)
    except TypeError:  # an object that cannot be weakly referenced: warn every time instead
        pass
    log.warning(
        "the stanza.Pipeline given as nlp has no %s processor; quoteattr will do without %s and "
        "use its built-in rules there. Add them with processors=%r.",
        ", ".join(missing),
        "; ".join(_WITHOUT[name] for name in missing),
        processors_for(coref=False),
    )


def annotate_texts(pipeline: Any, texts: list[str]) -> list[Annotation]:
    """Annotate many texts with one call of ``pipeline`` (stanza batches them internally).

    Blank texts are not sent to stanza: they have no words, and their annotation has paragraphs
    and nothing else.

    Returns:
        One :class:`Annotation` per text, in order; offsets index each caller's string.
    """
    stanza = _stanza()
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    docs = pipeline([stanza.Document([], text=texts[i]) for i in wanted]) if wanted else []
    if len(docs) != len(wanted):
        raise RuntimeError(f"the stanza pipeline returned {len(docs)} documents for {len(wanted)} texts")
    out = [Annotation(text=text, paragraphs=paragraphs(text), source="stanza") for text in texts]
    for i, doc in zip(wanted, docs, strict=False):
        out[i] = _convert(doc, texts[i])
    return out


def annotate_document(doc: Any) -> Annotation:
    """Convert a ``stanza.Document`` that is already annotated; its ``text`` is the text.

    The document needs its text and the character offsets of its tokens, which every document
    a stanza pipeline returns has. Whatever it carries is converted: words with lemmas, parts of
    speech and dependencies, named entities (``doc.ents``), coreference chains (``doc.coref``).

    Raises:
        InputTypeError: the document has no text, or a token whose place in it cannot be found.
    """
    text = getattr(doc, "text", None)
    if not isinstance(text, str):
        raise InputTypeError(
            "this stanza.Document has no text (doc.text is None), so quoteattr cannot give "
            "offsets into it. Pass the document a pipeline returned, or build it with text=..., "
            "e.g. CoNLL.conll2doc(..., reconstruct_text=True) for a CoNLL-U file."
        )
    return _convert(doc, text)


# -- conversion -------------------------------------------------------------------------------


def _convert(doc: Any, text: str) -> Annotation:
    tokens = _place_tokens(doc, text)
    words: list[Word] = []
    sentences: list[Span] = []
    # For each of stanza's sentences, the index of its first word in ``words`` (coref needs it).
    first_word: list[int | None] = []
    for sentence in doc.sentences:
        base = len(words)
        count = len(sentence.words)
        if not count:
            first_word.append(None)
            continue
        first_word.append(base)
        index = len(sentences)
        for word in sentence.words:
            start, end = _word_offsets(word, tokens.get(id(word.parent)), text)
            words.append(
                Word(
                    start=start,
                    end=end,
                    text=text[start:end],
                    lemma=word.lemma,
                    upos=word.upos,
                    head=_head_index(word.head, base, count),
                    deprel=word.deprel,
                    sentence=index,
                )
            )
        sentences.append(Span(words[base].start, max(w.end for w in words[base:])))
    return Annotation(
        text=text,
        paragraphs=paragraphs(text),
        sentences=sentences,
        words=words,
        entities=_entities(doc, text, tokens),
        coref=_chains(doc, words, first_word),
        source="stanza",
    )


def _in_text(start: Any, end: Any, text: str) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


def _place_tokens(doc: Any, text: str) -> dict[int, tuple[int, int]]:
    """Where each token of ``doc`` lies in ``text``, keyed by ``id(token)``.

    stanza's offsets are kept where they slice out the token's own text; otherwise the token is
    looked for right after the previous one, past white space only; failing that, stanza's
    offsets are kept if they lie in the text at all.
    """
    placed: dict[int, tuple[int, int]] = {}
    pos = 0
    for sentence in doc.sentences:
        for token in sentence.tokens:
            start, end, form = token.start_char, token.end_char, token.text or ""
            if not (_in_text(start, end, text) and text[start:end] == form):
                found = text.find(form, pos) if form else -1
                if found >= 0 and (found == pos or text[pos:found].isspace()):
                    start, end = found, found + len(form)
                elif not _in_text(start, end, text):
                    raise InputTypeError(
                        f"the stanza token {form!r} (start_char={start}, end_char={end}) cannot be "
                        f"placed in the document's text of {len(text)} characters; was the "
                        "document annotated from a different text?"
                    )
            placed[id(token)] = (start, end)
            pos = max(pos, end)
    return placed


def _word_offsets(word: Any, placed: tuple[int, int] | None, text: str) -> tuple[int, int]:
    """A word's own offsets, moved with its token; its token's offsets when it has none.

    The words of a multi-word token ("du" = "de" + "le") often have no offsets of their own.
    """
    start, end = word.start_char, word.end_char
    token = word.parent
    if placed is None:  # a word outside any token: only its own offsets can place it
        if _in_text(start, end, text):
            return start, end
        raise InputTypeError(
            f"the stanza word {word.text!r} has neither a token nor offsets in the document's text"
        )
    if isinstance(start, int) and isinstance(end, int) and isinstance(token.start_char, int):
        shift = placed[0] - token.start_char
        start, end = start + shift, end + shift
        if placed[0] <= start <= end <= placed[1]:
            return start, end
    return placed


def _head_index(head: Any, base: int, count: int) -> int | None:
    """stanza's head (1-based within the sentence, 0 for the root) as an index into all words."""
    if not isinstance(head, int) or not 1 <= head <= count:
        return None
    return base + head - 1


def _entities(doc: Any, text: str, tokens: dict[int, tuple[int, int]]) -> list[EntityMention]:
    out = []
    for ent in getattr(doc, "ents", None) or ():
        ent_tokens = getattr(ent, "tokens", None) or ()
        if ent_tokens and id(ent_tokens[0]) in tokens and id(ent_tokens[-1]) in tokens:
            start, end = tokens[id(ent_tokens[0])][0], tokens[id(ent_tokens[-1])][1]
        elif _in_text(ent.start_char, ent.end_char, text):
            start, end = ent.start_char, ent.end_char
        else:
            log.debug("skipping stanza entity %r: no offsets in the text", ent)
            continue
        out.append(EntityMention(start=start, end=end, text=text[start:end], label=str(ent.type)))
    return out


def _chains(doc: Any, words: list[Word], first_word: list[int | None]) -> list[CorefChain]:
    """stanza's coreference chains as character spans, in document order.

    Mentions of dropped pronouns (zero anaphora, which stanza marks with tuple word indices and
    which have no text) are left out; a chain left with no mention is dropped.
    """
    out = []
    for chain in getattr(doc, "coref", None) or ():
        spans: list[Span] = []
        representative: Span | None = None
        for i, mention in enumerate(chain.mentions):
            span = _mention_span(mention, doc, words, first_word)
            if span is None:
                continue
            spans.append(span)
            if i == chain.representative_index:
                representative = span
        if not spans:
            continue
        spans = sorted(set(spans), key=_START_END)  # (the order of Span's own comparison, faster)
        if representative is None:  # stanza's own choice: the longest mention, the first if tied
            representative = max(spans, key=lambda s: (len(s), -s.start))
        out.append(CorefChain(mentions=spans, representative=spans.index(representative)))
    return out


def _mention_span(mention: Any, doc: Any, words: list[Word], first_word: list[int | None]) -> Span | None:
    sentence, start, end = mention.sentence, mention.start_word, mention.end_word
    if not (isinstance(start, int) and isinstance(end, int)):  # a zero-anaphora node
        return None
    if not 0 <= sentence < len(first_word) or first_word[sentence] is None:
        return None
    count = len(doc.sentences[sentence].words)
    if not 0 <= start < end <= count:
        return None
    base = first_word[sentence]
    return Span(words[base + start].start, words[base + end - 1].end)


# -- models -----------------------------------------------------------------------------------


def download_models(language: str = "en", *, coref: bool = False, model_dir: str | None = None) -> str:
    """Download the stanza models that ``nlp="stanza"`` loads; for a machine that is online.

    It runs ``stanza.download`` for the processors quoteattr uses, then loads the pipeline once
    so that stanza also fetches what its processors load from elsewhere (the transformer behind
    the coreference model goes to the Hugging Face cache, not to ``model_dir``). Afterwards
    ``quoteattr.extract(text, nlp="stanza", model_dir=...)`` works offline.

    Args:
        language: stanza's language code.
        coref: also download the coreference model (needs ``pip install "stanza[transformers]"``).
        model_dir: where to put the models; stanza's default folder if None.

    Returns:
        The model folder.

    Raises:
        NLPUnavailableError: stanza is not installed.
    """
    stanza = _stanza()
    processors = processors_for(coref=coref)
    options: dict[str, Any] = {} if model_dir is None else {"model_dir": str(model_dir)}
    stanza.download(language, processors=processors, **options)
    stanza.Pipeline(
        language, processors=processors, download_method=stanza.DownloadMethod.REUSE_RESOURCES, **options
    )
    return resolved_model_dir(model_dir)
