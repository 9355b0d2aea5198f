"""The attribution stages read a stanza parse when there is one: the subject of the reporting
verb, and PERSON entities as the people of the narration (documents built without models)."""

from __future__ import annotations

import pytest

pytest.importorskip("stanza")

import quoteattr
from tests.stanza_docs import make_document

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LONG_SUBJECT = f"{LDQ}We will win,{RDQ} the tall woman who runs the shop told them."


def long_subject_document():
    """stanza's parse of the sentence: "woman" is the subject of "told"; "who runs the shop" a
    relative clause on it."""
    return make_document(
        LONG_SUBJECT,
        [
            [
                f"{LDQ} {LDQ} PUNCT 4 punct",
                "We we PRON 4 nsubj",
                "will will AUX 4 aux",
                "win win VERB 14 ccomp",
                ", , PUNCT 4 punct",
                f"{RDQ} {RDQ} PUNCT 4 punct",
                "the the DET 9 det",
                "tall tall ADJ 9 amod",
                "woman woman NOUN 14 nsubj",
                "who who PRON 11 nsubj",
                "runs run VERB 9 acl:relcl",
                "the the DET 13 det",
                "shop shop NOUN 11 obj",
                "told tell VERB 0 root",
                "them they PRON 14 obj",
                ". . PUNCT 14 punct",
            ]
        ],
    )


def test_the_parse_finds_a_subject_the_rules_miss():
    """With the parse, the speaker is the subject of "told", "the tall woman"; the rules alone,
    reading a few words after the quote, find no speaker there."""
    (rules,) = quoteattr.extract(LONG_SUBJECT)
    assert rules.speaker_mention is None or rules.speaker_mention.text != "the tall woman"
    (parsed,) = quoteattr.extract(long_subject_document())
    assert parsed.speaker_mention is not None and parsed.speaker_mention.text == "the tall woman"
    assert parsed.speaker_mention.kind == "nominal"
    assert parsed.cue is not None and parsed.cue.text == "told"
    assert parsed.rule == "parse: subject of verb"
    assert parsed.speaker is not None and parsed.speaker.name == "the tall woman"


RELATIVE = f"Kofi Boateng, who had been silent all day, added: {LDQ}It is done.{RDQ}"


def relative_document():
    """stanza's parse: "added" is the root, "Boateng" its subject, "who … day" a relative
    clause on "Boateng"; both names are one PERSON entity."""
    return make_document(
        RELATIVE,
        [
            [
                "Kofi Kofi PROPN 2 flat B-PERSON",
                "Boateng Boateng PROPN 11 nsubj E-PERSON",
                ", , PUNCT 2 punct",
                "who who PRON 7 nsubj",
                "had have AUX 7 aux",
                "been be AUX 7 cop",
                "silent silent ADJ 2 acl:relcl",
                "all all DET 9 det",
                "day day NOUN 7 obl:tmod",
                ", , PUNCT 2 punct",
                "added add VERB 0 root",
                ": : PUNCT 11 punct",
                f"{LDQ} {LDQ} PUNCT 16 punct",
                "It it PRON 16 nsubj",
                "is be AUX 16 cop",
                "done do VERB 11 ccomp",
                ". . PUNCT 16 punct",
                f"{RDQ} {RDQ} PUNCT 16 punct",
            ]
        ],
    )


def test_a_person_entity_and_its_verb_name_the_speaker():
    """"Kofi Boateng, who had been silent all day, added:" — the parse takes "Boateng" as the
    subject of "added" past the relative clause, and the PERSON entity gives the full name."""
    (quote,) = quoteattr.extract(relative_document())
    assert quote.cue is not None and quote.cue.text == "added"
    assert quote.rule == "parse: subject of verb"
    assert quote.speaker is not None and quote.speaker.name == "Kofi Boateng"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Kofi Boateng"
    assert quote.speaker_mention.kind == "name"
