"""``python -m quoteattr``: the command line."""

from .cli import run

run()
