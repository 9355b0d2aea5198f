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

from .batch import DocumentResult
from .display import QuoteList, to_html
from .errors import (
    ConfigError,
    InputTypeError,
    ModelNotFoundError,
    NLPUnavailableError,
    OptionalDependencyError,
    QuoteattrError,
)
from .extractor import QuoteExtractor, download_models, extract
from .frame import to_frame
from .model import Cue, Mention, Quote, QuotedSpan, Span, Speaker
from .spans import find_quoted_spans

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Cue",
    "DocumentResult",
    "InputTypeError",
    "Mention",
    "ModelNotFoundError",
    "NLPUnavailableError",
    "OptionalDependencyError",
    "Quote",
    "QuoteExtractor",
    "QuoteList",
    "QuoteattrError",
    "QuotedSpan",
    "Span",
    "Speaker",
    "__version__",
    "download_models",
    "extract",
    "find_quoted_spans",
    "to_frame",
    "to_html",
]
