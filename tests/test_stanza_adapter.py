"""The stanza adapter: stanza's words, parse, entities and chains as quoteattr's Annotation.

stanza's models cannot be fetched on the build machines, so nothing here runs a neural model.
What is real: stanza itself, its ``Document`` objects (built by hand with ``tests/stanza_docs.py``
or read from CoNLL-U fixtures with stanza's reader), and a real ``stanza.Pipeline`` whose
processors need no model files (whitespace tokenizing with ``tokenize_pretokenized=True`` and
the identity lemmatizer) over a ``resources.json`` written to a temporary folder. What is
replaced: ``stanza.download`` (it needs the network), and ``build_pipeline`` in the one test
that checks the extractor builds its pipeline once.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest
import stanza
from stanza.models.coref.coref_chain import CorefChain, CorefMention
from stanza.utils.conll import CoNLL
from stanza_docs import FIXTURES, guest_document, make_document, read_conllu, set_coref

import quoteattr
from quoteattr import annotation as annotation_module
from quoteattr import stanza_adapter
from quoteattr.errors import ConfigError, InputTypeError, ModelNotFoundError, NLPUnavailableError

# -- documents ---------------------------------------------------------------------------------

PARAGRAPHS_TEXT = (
    "The Minister of Defence spoke first.\n"
    "\n"
    "“We will not retreat,” she told Reuters in Paris.  Le Drian nodded.\n"
    "\n"
    "The French delegation left."
)


def paragraphs_document() -> stanza.Document:
    """Three paragraphs, four sentences, with PERSON, ORG, GPE and NORP entities and a chain."""
    return make_document(
        PARAGRAPHS_TEXT,
        [
            ["The the DET 2 det", "Minister minister NOUN 5 nsubj", "of of ADP 4 case",
             "Defence defence PROPN 2 nmod", "spoke speak VERB 0 root", "first first ADV 5 advmod",
             ". . PUNCT 5 punct"],
            ["“ “ PUNCT 5 punct", "We we PRON 5 nsubj", "will will AUX 5 aux", "not not PART 5 advmod",
             "retreat retreat VERB 10 ccomp", ", , PUNCT 5 punct", "” ” PUNCT 5 punct",
             "she she PRON 9 nsubj", "told tell VERB 0 root", "Reuters Reuters PROPN 9 obj S-ORG",
             "in in ADP 12 case", "Paris Paris PROPN 9 obl S-GPE", ". . PUNCT 9 punct"],
            ["Le Le PROPN 3 nsubj B-PERSON", "Drian Drian PROPN 1 flat E-PERSON",
             "nodded nod VERB 0 root", ". . PUNCT 3 punct"],
            ["The the DET 3 det", "French French ADJ 3 amod S-NORP", "delegation delegation NOUN 4 nsubj",
             "left leave VERB 0 root", ". . PUNCT 4 punct"],
        ],
        # "The Minister of Defence" ... "she" ... "Le Drian"; stanza lists mentions as found,
        # here out of order, with the name as representative.
        coref=[([(2, 0, 2), (0, 0, 4), (1, 7, 8)], 0)],
    )


def all_documents() -> list[tuple[str, stanza.Document]]:
    return [("guest", guest_document()), ("paragraphs", paragraphs_document())]


@pytest.fixture
def tokenize_pipeline(tmp_path: Path) -> stanza.Pipeline:
    """A real stanza.Pipeline that needs no model files: whitespace tokens, identity lemmas.

    stanza reads only ``resources.json`` to build it; with ``tokenize_pretokenized=True`` the
    tokenizer splits on white space (sentences at line breaks) instead of loading its model.
    """
    resources = {"en": {"lang_name": "English", "tokenize": {"default": {}}, "lemma": {"identity": {}}}}
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    return stanza.Pipeline(
        "en",
        dir=str(tmp_path),
        processors={"tokenize": "default", "lemma": "identity"},
        tokenize_pretokenized=True,
        download_method=None,
        logging_level="WARN",
    )


# -- conversion ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, doc", all_documents())
def test_every_offset_slices_back_to_its_text(name, doc):
    """Words, entities, sentences and chain mentions index the document's own text."""
    ann = stanza_adapter.annotate_document(doc)
    text = doc.text
    assert ann.text == text and ann.source == "stanza"
    stanza_words = [w for s in doc.sentences for w in s.words]
    assert [w.text for w in ann.words] == [w.text for w in stanza_words]
    for word in ann.words:
        assert text[word.start : word.end] == word.text
    assert [(e.text, e.label) for e in ann.entities] == [(e.text, e.type) for e in doc.ents]
    for ent in ann.entities:
        assert text[ent.start : ent.end] == ent.text
    for span, sentence in zip(ann.sentences, doc.sentences, strict=True):
        assert span.slice(text) == sentence.text
    for chain, stanza_chain in zip(ann.coref, doc.coref, strict=True):
        assert chain.name_span.slice(text) == stanza_chain.representative_text


def test_word_fields_come_from_stanza():
    """Lemma, part of speech, relation and sentence number are carried over word by word."""
    ann = stanza_adapter.annotate_document(guest_document())
    guest = next(w for w in ann.words if w.text == "guest")
    assert (guest.lemma, guest.upos, guest.deprel, guest.sentence) == ("guest", "NOUN", "nsubj", 1)
    assert ann.parsed


def test_heads_index_all_words_of_the_document():
    """stanza's 1-based in-sentence head becomes an index into Annotation.words; root is None."""
    ann = stanza_adapter.annotate_document(guest_document())
    words = ann.words

    def head_of(text: str) -> str | None:
        word = next(w for w in words if w.text == text)
        return None if word.head is None else words[word.head].text

    assert head_of("guest") == "said"  # in the second sentence: an index past the first's words
    assert head_of("Anna") == "introduced"
    assert head_of("Jones") == "Robert"
    assert head_of("said") is None and head_of("introduced") is None
    for word in words:
        if word.head is not None:
            assert words[word.head].sentence == word.sentence


def test_paragraphs_and_sentences():
    """Paragraphs follow the blank lines of the text; sentences are stanza's, as spans."""
    ann = stanza_adapter.annotate_document(paragraphs_document())
    assert ann.paragraphs == annotation_module.paragraphs(PARAGRAPHS_TEXT)
    assert [p.slice(PARAGRAPHS_TEXT) for p in ann.paragraphs] == PARAGRAPHS_TEXT.split("\n\n")
    assert [s.slice(PARAGRAPHS_TEXT) for s in ann.sentences] == [
        "The Minister of Defence spoke first.",
        "“We will not retreat,” she told Reuters in Paris.",
        "Le Drian nodded.",
        "The French delegation left.",
    ]
    assert [w.sentence for w in ann.words if w.text == "."] == [0, 1, 2, 3]


def test_entities_keep_every_label():
    """All of stanza's entity types are kept, not only PERSON."""
    ann = stanza_adapter.annotate_document(paragraphs_document())
    assert [(e.text, e.label) for e in ann.entities] == [
        ("Reuters", "ORG"),
        ("Paris", "GPE"),
        ("Le Drian", "PERSON"),
        ("French", "NORP"),
    ]


def test_chains_become_sorted_character_spans():
    """Mentions come out in document order, and the representative follows its mention."""
    ann = stanza_adapter.annotate_document(paragraphs_document())
    (chain,) = ann.coref
    mentions = [m.slice(PARAGRAPHS_TEXT) for m in chain.mentions]
    assert mentions == ["The Minister of Defence", "she", "Le Drian"]
    assert chain.name_span.slice(PARAGRAPHS_TEXT) == "Le Drian"


def test_chain_without_representative_takes_the_longest_mention():
    """stanza leaves representative_index None when it found no span; the longest is chosen."""
    doc = paragraphs_document()
    doc.coref = [CorefChain(0, [CorefMention(1, 7, 8), CorefMention(0, 0, 4)], "_", None)]
    (chain,) = stanza_adapter.annotate_document(doc).coref
    assert chain.name_span.slice(PARAGRAPHS_TEXT) == "The Minister of Defence"


def test_zero_anaphora_mentions_are_left_out():
    """A dropped pronoun (an empty node, tuple word indices) has no text and is not a mention."""
    text = "Ana llegó. Dijo que sí."
    rows = [["Ana Ana PROPN 2 nsubj S-PERSON", "llegó llegar VERB 0 root", ". . PUNCT 2 punct"],
            ["Dijo decir VERB 0 root", "que que SCONJ 3 mark", "sí sí ADV 1 ccomp", ". . PUNCT 1 punct"]]
    doc = make_document(text, rows, empty_words=[[], [{"id": (1, 1), "text": "_"}]])
    doc.coref = [
        CorefChain(0, [CorefMention(0, 0, 1), CorefMention(1, (1, 1), (1, 1))], "Ana", 0),
        CorefChain(1, [CorefMention(1, (1, 1), (1, 1))], "_", None),
    ]
    (chain,) = stanza_adapter.annotate_document(doc).coref
    assert [m.slice(text) for m in chain.mentions] == ["Ana"]


def test_words_of_a_multi_word_token_take_the_token_offsets():
    """A word without offsets of its own ("de" + "le" of "du") spans its whole token."""
    text = "Il parle du livre."
    sentence = [
        {"id": 1, "text": "Il", "lemma": "il", "upos": "PRON", "head": 2, "deprel": "nsubj",
         "start_char": 0, "end_char": 2},
        {"id": 2, "text": "parle", "lemma": "parler", "upos": "VERB", "head": 0, "deprel": "root",
         "start_char": 3, "end_char": 8},
        {"id": (3, 4), "text": "du", "start_char": 9, "end_char": 11},
        {"id": 3, "text": "de", "lemma": "de", "upos": "ADP", "head": 5, "deprel": "case"},
        {"id": 4, "text": "le", "lemma": "le", "upos": "DET", "head": 5, "deprel": "det"},
        {"id": 5, "text": "livre", "lemma": "livre", "upos": "NOUN", "head": 2, "deprel": "obl",
         "start_char": 12, "end_char": 17},
        {"id": 6, "text": ".", "lemma": ".", "upos": "PUNCT", "head": 2, "deprel": "punct",
         "start_char": 17, "end_char": 18},
    ]
    ann = stanza_adapter.annotate_document(stanza.Document([sentence], text=text))
    de, le = ann.words[2:4]
    assert [(w.start, w.end, w.text, w.lemma) for w in (de, le)] == [(9, 11, "du", "de"), (9, 11, "du", "le")]
    assert [ann.words[w.head].lemma for w in ann.words[2:4]] == ["livre", "livre"]


def test_conllu_fixture_reads_as_stanza_wrote_it():
    """The guest fixture, in stanza's own CoNLL-U output, gives back its text, entities and chain."""
    doc = guest_document()
    assert doc.text == "Anna Smith introduced Robert Jones. “It is an honour,” said the guest."
    assert [(e.text, e.type) for e in doc.ents] == [("Anna Smith", "PERSON"), ("Robert Jones", "PERSON")]
    (chain,) = stanza_adapter.annotate_document(doc).coref
    assert [m.slice(doc.text) for m in chain.mentions] == ["Robert Jones", "the guest"]
    assert chain.name_span.slice(doc.text) == "Robert Jones"


def test_conllu_round_trip_keeps_the_annotation(tmp_path):
    """Writing a document with stanza's CoNLL-U writer and reading it back converts the same."""
    doc = paragraphs_document()
    path = tmp_path / "doc.conllu"
    path.write_text(f"{doc:C}\n\n", encoding="utf-8")  # stanza's CoNLL-U writer
    assert stanza_adapter.annotate_document(read_conllu(path)) == stanza_adapter.annotate_document(doc)


def test_document_without_text_is_refused():
    """A CoNLL-U document read without its text cannot give offsets: a clear InputTypeError."""
    doc = CoNLL.conll2doc(input_file=str(FIXTURES / "guest.conllu"))
    assert doc.text is None
    with pytest.raises(InputTypeError, match="reconstruct_text=True"):
        stanza_adapter.annotate_document(doc)


def test_offsets_outside_the_text_are_refused():
    """A document whose tokens point past its text was annotated from another text."""
    rows = [["Ann Ann PROPN 2 nsubj", "spoke speak VERB 0 root", ". . PUNCT 2 punct"]]
    doc = make_document("Ann spoke.", rows)
    doc.text = "Ann"
    with pytest.raises(InputTypeError, match="different text"):
        stanza_adapter.annotate_document(doc)


def test_tokens_are_placed_again_where_stanza_counted_elsewhere(tokenize_pipeline):
    """stanza's pretokenized mode counts offsets in a text it rebuilds with single spaces; the
    adapter finds each token in the caller's text instead."""
    text = "“We will win,”  she said.\n\n\nAnn   nodded."
    doc = tokenize_pipeline(text)
    assert doc.sentences[1].tokens[0].start_char != text.index("Ann")  # stanza's own offsets are off
    (ann,) = stanza_adapter.annotate_texts(tokenize_pipeline, [text])
    assert [w.text for w in ann.words] == text.split()
    assert [(w.start, w.end) for w in ann.words][-2:] == [(28, 31), (34, 41)]  # "Ann", "nodded."
    for word in ann.words:
        assert text[word.start : word.end] == word.text
    assert [s.slice(text) for s in ann.sentences] == ["“We will win,”  she said.", "Ann   nodded."]


# -- the three ways in ---------------------------------------------------------------------------


def test_extract_accepts_an_annotated_document():
    """quoteattr.extract(doc) quotes the document's text, with offsets into it."""
    doc = guest_document()
    (quote,) = quoteattr.extract(doc)
    assert quote.text == "“It is an honour,”" == doc.text[quote.start : quote.end]
    assert quote.cue is not None and quote.cue.text == "said"


def test_guest_is_robert_jones_through_coreference():
    """“It is an honour,” said the guest: stanza's chain links "the guest" to Robert Jones."""
    (quote,) = quoteattr.extract(guest_document())
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the guest"
    assert quote.speaker is not None and quote.speaker.name == "Robert Jones"


def test_extract_with_the_users_pipeline(tokenize_pipeline, caplog):
    """nlp=pipeline runs the user's own stanza.Pipeline; its missing processors are logged once."""
    text = "“We will win,” she said.\n\n“We shall see,” he said."
    extractor = quoteattr.QuoteExtractor(nlp=tokenize_pipeline)
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        first = extractor.extract(text)
        second = extractor.extract(text)
    assert [q.text for q in first] == ["“We will win,”", "“We shall see,”"]
    assert second == first
    assert all(text[q.start : q.end] == q.text for q in first)
    warnings = [r for r in caplog.records if r.name == "quoteattr" and "no pos" in r.getMessage()]
    assert len(warnings) == 1
    assert "depparse" in warnings[0].getMessage() and "ner" in warnings[0].getMessage()
    assert extractor.annotate(text).source == "stanza"


def test_pipeline_without_tokenizer_is_refused(tokenize_pipeline):
    """A pipeline that cannot find words is a ConfigError naming what to build instead."""
    del tokenize_pipeline.processors["tokenize"]
    with pytest.raises(ConfigError, match="no tokenize processor") as caught:
        quoteattr.extract("“Yes,” she said.", nlp=tokenize_pipeline)
    assert "processors='tokenize,pos,lemma,depparse,ner'" in str(caught.value)


def test_object_without_processors_is_refused():
    """check_pipeline refuses anything that is not a built pipeline."""
    with pytest.raises(ConfigError, match="processors"):
        stanza_adapter.check_pipeline(object())


def test_nlp_stanza_builds_the_pipeline_once(tokenize_pipeline, monkeypatch):
    """nlp="stanza" asks build_pipeline once per extractor, with its options, then reuses it."""
    calls = []

    def fake_build(language, *, coref, model_dir):
        calls.append((language, coref, model_dir))
        return tokenize_pipeline

    monkeypatch.setattr(stanza_adapter, "build_pipeline", fake_build)
    extractor = quoteattr.QuoteExtractor(nlp="stanza", coref=True, model_dir="/models")
    for _ in range(3):
        assert [q.text for q in extractor.extract("“Yes,” she said.")] == ["“Yes,”"]
    assert calls == [("en", True, "/models")]


def count_tokenizer_calls(pipeline: stanza.Pipeline, monkeypatch) -> list[int]:
    """A list that records the number of documents of each call to the pipeline's tokenizer."""
    tokenizer = pipeline.processors["tokenize"]
    calls: list[int] = []
    real_bulk = tokenizer.bulk_process

    def counting_bulk(docs):
        calls.append(len(docs))
        return real_bulk(docs)

    monkeypatch.setattr(tokenizer, "bulk_process", counting_bulk)
    return calls


def test_texts_are_annotated_in_one_pipeline_call(tokenize_pipeline, monkeypatch):
    """annotate_texts hands all documents to stanza at once; blank ones are not sent."""
    batches = count_tokenizer_calls(tokenize_pipeline, monkeypatch)
    texts = ["“Yes,” she said.", "", "No.\nMaybe.", "  \n", "Fine."]
    anns = stanza_adapter.annotate_texts(tokenize_pipeline, texts)
    assert batches == [3]
    assert [a.text for a in anns] == texts
    assert [len(a.words) for a in anns] == [3, 0, 2, 0, 1]
    assert all(a.source == "stanza" for a in anns)


# -- models and installation ---------------------------------------------------------------------


def test_missing_models_raise_model_not_found_at_once(tmp_path):
    """An empty model folder: ModelNotFoundError naming it and the download call, within a second."""
    # stanza is imported (at the top of this module), so the time below is the failure alone
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError) as caught:
        quoteattr.extract("“Yes,” she said.", nlp="stanza", model_dir=str(tmp_path))
    assert time.perf_counter() - start < 1.0
    error = caught.value
    assert isinstance(error, RuntimeError)
    assert isinstance(error.__cause__, FileNotFoundError)
    assert type(error.__cause__).__module__.startswith("stanza")
    message = str(error)
    assert str(tmp_path) in message
    processors = "tokenize,pos,lemma,depparse,ner"
    expected = f"stanza.download('en', processors={processors!r}, model_dir={str(tmp_path)!r})"
    assert expected in message
    assert f"quoteattr.download_models('en', coref=False, model_dir={str(tmp_path)!r})" in message


def test_missing_language_folder_raises_model_not_found(tmp_path):
    """resources.json present but no English models: the same error, with coref in the call."""
    # a miniature of stanza's own resources.json: one package of every processor quoteattr loads
    processors = ["tokenize", "mwt", "pos", "lemma", "depparse", "ner", "coref"]
    resources = {
        "en": {
            "lang_name": "English",
            "packages": {"default": {p: "combined" for p in processors}},
            **{p: {"combined": {}} for p in processors},
        }
    }
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    with pytest.raises(ModelNotFoundError) as caught:
        stanza_adapter.build_pipeline("en", coref=True, model_dir=str(tmp_path))
    assert "processors='tokenize,pos,lemma,depparse,ner,coref'" in str(caught.value)
    assert type(caught.value.__cause__).__name__ == "LanguageNotDownloadedError"


def test_pipeline_is_built_without_downloading(tmp_path, monkeypatch):
    """build_pipeline asks stanza for its processors with download_method=None."""
    seen = {}
    real_pipeline = stanza.Pipeline

    def spying_pipeline(*args, **kwargs):
        seen.update(kwargs, args=args)
        return real_pipeline(*args, **kwargs)

    monkeypatch.setattr(stanza, "Pipeline", spying_pipeline)
    with pytest.raises(ModelNotFoundError):
        stanza_adapter.build_pipeline("en", coref=False, model_dir=str(tmp_path))
    assert seen == {
        "args": ("en",),
        "processors": "tokenize,pos,lemma,depparse,ner",
        "download_method": None,
        "model_dir": str(tmp_path),
    }


def test_model_folder_defaults_to_stanzas():
    """Without model_dir the message names stanza's default folder."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    call = stanza_adapter.download_call("en", coref=False, model_dir=None)
    processors = "tokenize,pos,lemma,depparse,ner"
    assert call == f"stanza.download('en', processors={processors!r}, model_dir={DEFAULT_MODEL_DIR!r})"


def test_stanza_not_installed(monkeypatch):
    """Without stanza: NLPUnavailableError (an ImportError) saying what to pip install."""
    monkeypatch.setitem(sys.modules, "stanza", None)  # makes `import stanza` fail
    for call in (
        lambda: quoteattr.extract("“Yes,” she said.", nlp="stanza"),
        lambda: stanza_adapter.download_models("en"),
    ):
        with pytest.raises(NLPUnavailableError, match=r'pip install "quoteattr\[stanza\]"') as caught:
            call()
        assert isinstance(caught.value, ImportError)
        assert isinstance(caught.value.__cause__, ImportError)


def test_import_quoteattr_does_not_import_stanza_or_torch():
    """`import quoteattr` (and its public names) stay light: no stanza, no torch."""
    code = (
        "import sys, quoteattr\n"
        "quoteattr.download_models\n"
        "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_download_models_fetches_and_loads_what_extract_needs(tmp_path, monkeypatch):
    """download_models downloads quoteattr's processors, then loads them once so stanza fetches
    what they load from elsewhere. (stanza.download and Pipeline are replaced: no network here.)"""
    calls = []
    monkeypatch.setattr(stanza, "download", lambda *a, **k: calls.append(("download", a, k)))
    monkeypatch.setattr(stanza, "Pipeline", lambda *a, **k: calls.append(("Pipeline", a, k)))
    folder = quoteattr.download_models("en", coref=True, model_dir=str(tmp_path))
    assert folder == str(tmp_path)
    processors = "tokenize,pos,lemma,depparse,ner,coref"
    assert calls == [
        ("download", ("en",), {"processors": processors, "model_dir": str(tmp_path)}),
        (
            "Pipeline",
            ("en",),
            {
                "processors": processors,
                "download_method": stanza.DownloadMethod.REUSE_RESOURCES,
                "model_dir": str(tmp_path),
            },
        ),
    ]


def test_set_coref_helper_matches_stanza_chain_shape():
    """The test helper builds chains the way stanza's coref processor does (a self-check)."""
    doc = make_document("Ann came. She sat.", [
        ["Ann Ann PROPN 2 nsubj S-PERSON", "came come VERB 0 root", ". . PUNCT 2 punct"],
        ["She she PRON 2 nsubj", "sat sit VERB 0 root", ". . PUNCT 2 punct"],
    ])
    set_coref(doc, [([(0, 0, 1), (1, 0, 1)], 0)])
    (chain,) = doc.coref
    assert (chain.index, chain.representative_text, chain.representative_index) == (0, "Ann", 0)
    assert doc.sentences[1].words[0].coref_chains[0].chain is chain


def test_extract_many_sends_a_batch_through_the_pipeline_at_once(tokenize_pipeline, monkeypatch):
    """Many documents with a stanza pipeline: one pipeline call per batch, not one per document;
    the results are those of extracting each document alone, in order, and a bad one fails alone."""
    from quoteattr.batch import extract_many

    calls = count_tokenizer_calls(tokenize_pipeline, monkeypatch)
    extractor = quoteattr.QuoteExtractor(nlp=tokenize_pipeline)
    docs = ["“Yes,” she said.", "No quotes.", b"bytes", "“Go,” said Ann."]
    results = list(extract_many(extractor, docs, progress=False, chunksize=10))
    assert calls == [3]
    assert [r.ok for r in results] == [True, True, False, True]
    assert [[q.text for q in r.quotes] for r in results] == [["“Yes,”"], [], [], ["“Go,”"]]
