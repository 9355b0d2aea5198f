"""Find the quotations in a text and say who said each one.

The public API is re-exported here; the work is done in the stage modules (``marks``,
``spans``, ...) and in :mod:`quoteattr.extractor`.

>>> import quoteattr
>>> text = "“We will win,” she said."
>>> [(q.start, q.end, q.text) for q in quoteattr.extract(text)]
[(0, 14, '“We will win,”')]
>>> [s.text(text) for s in quoteattr.find_quoted_spans(text)]
['“We will win,”']
"""

from .errors import ConfigError, InputTypeError, ModelNotFoundError, NLPUnavailableError, QuoteattrError
from .extractor import QuoteExtractor, extract
from .model import Cue, Mention, Quote, QuotedSpan, Span, Speaker
from .spans import find_quoted_spans

__version__ = "0.1.0"


def download_models(language: str = "en", *, coref: bool = False, model_dir: str | None = None) -> str:
    """Download the stanza models ``nlp="stanza"`` needs; see :func:`quoteattr.stanza_adapter.download_models`.

    Defined here rather than imported so that ``import quoteattr`` never imports stanza.
    """
    from .stanza_adapter import download_models as _download_models

    return _download_models(language, coref=coref, model_dir=model_dir)


__all__ = [
    "ConfigError",
    "Cue",
    "InputTypeError",
    "Mention",
    "ModelNotFoundError",
    "NLPUnavailableError",
    "Quote",
    "QuoteExtractor",
    "QuoteattrError",
    "QuotedSpan",
    "Span",
    "Speaker",
    "__version__",
    "download_models",
    "extract",
    "find_quoted_spans",
]

# Notebooks, tables and many documents (pandas, tqdm and dask stay optional: imported on use).
from .batch import DocumentResult  # noqa: E402
from .display import QuoteList, to_html  # noqa: E402
from .errors import OptionalDependencyError  # noqa: E402
from .frame import to_frame  # noqa: E402

__all__ += ["DocumentResult", "OptionalDependencyError", "QuoteList", "to_frame", "to_html"]
