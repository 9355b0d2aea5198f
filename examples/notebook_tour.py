# %% [markdown]
# # quoteattr in a notebook
#
# A tour in notebook cells (open it with Jupytext or VS Code, or run it as a script):
# extract the quotations of a chapter, look at them in their text, put them in a table,
# and do the same for many documents at once. Needs `pip install 'quoteattr[dataframe]'`.
# The HTML page is written to the folder named by `QUOTEATTR_TOUR_OUTPUT` (default: the
# system's temporary folder).

# %%
import os
import tempfile
from pathlib import Path

import quoteattr

try:
    HERE = Path(__file__).resolve().parent
except NameError:  # in a notebook, run from the examples folder
    HERE = Path.cwd()
OUTPUT = Path(os.environ.get("QUOTEATTR_TOUR_OUTPUT", tempfile.gettempdir()))

text = (HERE / "pride_and_prejudice_ch1.txt").read_text(encoding="utf-8")
quotes = quoteattr.extract(text)
print(f"{len(quotes)} quotations in chapter 1")

# %% [markdown]
# ## The quotations in their text
#
# In a notebook, a `QuoteList` on the last line of a cell shows the text with each quotation
# in its speaker's colour, the speaker's name beside it, the mention underlined and the cue
# in italics. `to_html` gives the same as a page to save or send.

# %%
view = quotes if isinstance(quotes, quoteattr.QuoteList) else quoteattr.QuoteList(quotes, text=text)
page = OUTPUT / "pride_and_prejudice_ch1.html"
page.write_text(quoteattr.to_html(text, quotes, page=True), encoding="utf-8")
print(f"wrote {page}")
view  # noqa: B018  (a notebook shows the last expression)

# %% [markdown]
# ## A table, one row a quotation

# %%
table = quoteattr.to_frame(quotes)
print(table[["start", "end", "speaker", "mention", "cue", "rule", "confidence"]].head(10).to_string())

# %%
# Who speaks most in the chapter (unattributed quotations under "(none)")?
print(table["speaker"].fillna("(none)").value_counts().to_string())

# %% [markdown]
# ## Many documents
#
# `extract_many` takes plain texts or `{"id", "text"}` dicts and gives one result per
# document, in order; `processes=2` would share them out over two processes. A document
# that fails (here: bytes instead of text) gives an error and the others go on.

# %%
docs = [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(HERE.glob("*.txt"))]
docs.append({"id": "not-text", "text": b"raw bytes"})
results = list(quoteattr.QuoteExtractor().extract_many(docs, progress=False))
for result in results:
    print(result.id, f"{len(result.quotes)} quotations" if result.ok else result.error[:50], sep=": ")

everything = quoteattr.to_frame(results)
print(everything.groupby("id").size().to_string())
