"""Real ``stanza.Document`` objects built without models, for tests of the stanza adapter.

stanza's models cannot be downloaded on the build machines, so tests build the documents a
pipeline would return by hand: :func:`make_document` from a compact description, and
:func:`read_conllu` from a CoNLL-U file in stanza's own output format (``tests/fixtures/stanza``,
see the README there). :func:`guest_document` is the fixture of the end-to-end coreference case.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import stanza
from stanza.models.coref.coref_chain import CorefChain, CorefMention
from stanza.utils.conll import CoNLL

FIXTURES = Path(__file__).parent / "fixtures" / "stanza"

# A coreference chain: its mentions as (sentence, first word, word after the last), counted
# from 0 within the sentence as stanza does, and the index of the representative mention.
ChainSpec = tuple[Sequence[tuple[int, int, int]], int]


def make_document(
    text: str,
    sentences: Sequence[Sequence[str]],
    *,
    coref: Iterable[ChainSpec] = (),
    empty_words: Sequence[Sequence[dict]] | None = None,
) -> stanza.Document:
    """A ``stanza.Document`` of ``text`` with the given words, parse, entities and chains.

    Each sentence is a list of rows ``"FORM LEMMA UPOS HEAD DEPREL [NER]"``: HEAD is stanza's
    (1-based within the sentence, 0 for the root) and NER a BIOES tag (``O`` if left out). Every
    FORM is looked for in ``text`` after the previous one, past white space only, which gives
    the tokens their offsets. ``empty_words`` are stanza's empty nodes, a list per sentence
    (the zero pronouns stanza's coreference model adds).

    >>> doc = make_document("Ann spoke.", [["Ann Ann PROPN 2 nsubj S-PERSON", "spoke speak VERB 0 root",
    ...                                      ". . PUNCT 2 punct"]])
    >>> [(e.text, e.type) for e in doc.ents], doc.sentences[0].words[1].start_char
    ([('Ann', 'PERSON')], 4)
    """
    pos = 0
    dicts = []
    for rows in sentences:
        sentence = []
        for i, row in enumerate(rows, start=1):
            form, lemma, upos, head, deprel, *ner = row.split()
            start = text.index(form, pos)
            if text[pos:start].strip():
                raise ValueError(f"{form!r} is not the next word of the text after offset {pos}")
            pos = start + len(form)
            sentence.append(
                {
                    "id": i,
                    "text": form,
                    "lemma": lemma,
                    "upos": upos,
                    "head": int(head),
                    "deprel": deprel,
                    "ner": ner[0] if ner else "O",
                    "start_char": start,
                    "end_char": pos,
                }
            )
        dicts.append(sentence)
    doc = stanza.Document(dicts, text=text, empty_sentences=empty_words)
    set_coref(doc, coref)
    return doc


def set_coref(doc: stanza.Document, chains: Iterable[ChainSpec]) -> None:
    """Give ``doc`` stanza ``CorefChain`` objects, as stanza's coref processor would."""
    built = []
    for index, (mentions, representative) in enumerate(chains):
        mentions = [CorefMention(*m) for m in mentions]
        best = mentions[representative]
        words = doc.sentences[best.sentence].words[best.start_word : best.end_word]
        text = doc.text[words[0].start_char : words[-1].end_char]
        built.append(CorefChain(index, mentions, text, representative))
    doc.coref = built


def read_conllu(path: Path) -> stanza.Document:
    """Read a CoNLL-U file as stanza writes it, coreference included.

    stanza's reader (``CoNLL.conll2doc``) takes the offsets (``start_char``/``end_char``) and
    entities (``ner``) from the MISC column but not the chains stanza writes there as
    ``coref_chains=start-repr-id0,...``; those are read here and set as ``doc.coref``.
    """
    source = path.read_text(encoding="utf-8")
    doc = CoNLL.conll2doc(input_str=source, reconstruct_text=True)
    set_coref(doc, _chains_from_misc(source))
    return doc


def _chains_from_misc(source: str) -> list[ChainSpec]:
    mentions: dict[int, list[tuple[int, int, int]]] = {}
    representative: dict[int, int] = {}
    opened: dict[int, int] = {}
    sentence, word = 0, 0
    for line in source.splitlines():
        if not line.strip():
            if word:
                sentence, word = sentence + 1, 0
            continue
        columns = line.split("\t")
        if line.startswith("#") or not columns[0].isdigit():  # comments, multi-word token ranges
            continue
        for item in columns[9].split("|"):
            if not item.startswith("coref_chains="):
                continue
            for mark in item.removeprefix("coref_chains=").split(","):
                position, *flags = mark.split("-")
                chain = int(flags[-1].removeprefix("id"))
                if position in ("start", "unit"):
                    opened[chain] = word
                    if "repr" in flags:
                        representative[chain] = len(mentions.get(chain, []))
                if position in ("end", "unit"):
                    mentions.setdefault(chain, []).append((sentence, opened.pop(chain), word + 1))
        word += 1
    return [(mentions[c], representative.get(c, 0)) for c in sorted(mentions)]


def guest_document() -> stanza.Document:
    """“Anna Smith introduced Robert Jones. “It is an honour,” said the guest.”

    Parsed as stanza's English models parse such a sentence: "guest" is the ``nsubj`` of
    "said"; "Anna Smith" and "Robert Jones" are PERSON entities; one coreference chain links
    "the guest" to its representative mention, "Robert Jones".
    """
    return read_conllu(FIXTURES / "guest.conllu")
