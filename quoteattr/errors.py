"""Exceptions raised by quoteattr.

Each one subclasses :class:`QuoteattrError` and the built-in it resembles, so callers can catch
either ``quoteattr.QuoteattrError`` or, say, ``TypeError``.
"""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class InputTypeError(QuoteattrError, TypeError):
    """The text given is not a ``str`` (or a ``stanza.Document``)."""


class ConfigError(QuoteattrError, ValueError):
    """An option has a value quoteattr does not accept."""


class NLPUnavailableError(QuoteattrError, ImportError):
    """An optional NLP library (stanza) was asked for but is not installed."""


class ModelNotFoundError(QuoteattrError, RuntimeError):
    """The NLP library is installed but its models are not on this machine."""


BYTES_ERROR_TEXT = (
    "quoteattr works on str, not bytes: decode the text first, e.g. "
    "data.decode('utf-8') (or the document's own encoding), and pass the result."
)


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a clear :class:`InputTypeError`."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputTypeError(BYTES_ERROR_TEXT)
    raise InputTypeError(
        f"quoteattr expected the text as a str, got {type(text).__name__} ({text!r:.60}); "
        "pass the document's text, e.g. str(value) if it is meant to be text."
    )


class OptionalDependencyError(QuoteattrError, ImportError):
    """A feature needs an optional package (pandas, for instance) that is not installed."""
