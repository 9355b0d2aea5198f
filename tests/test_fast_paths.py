"""Shortcuts taken for speed give exactly what the patterns they stand in for give."""

from __future__ import annotations

import random
from collections import Counter

import regex

from quoteattr.annotation import scan_mentions
from quoteattr.speakers import _KIN_VOCATIVE, _KIN_WORDS, _news_word_counts, _news_words

# pieces that test case, word boundaries, overlaps and the characters IGNORECASE folds apart
_PIECES = [
    "monday", "Monday", "MONDAY", "official", "officials", "Officials", "officialé", "é", "_", "x",
    " ", ".", "Gov.", "gov", "rep.", "Rep.x", "sen.", "told reporters", "Told  reporters",
    "according to", "accordingto", "\N{COMBINING ACUTE ACCENT}", "K", "\N{KELVIN SIGN}",
    "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}", "\N{LATIN SMALL LETTER LONG S}", "s", "1",
    "percent", "Percent", "spokeswoman", "spokesman", "\n", "\N{RIGHT SINGLE QUOTATION MARK}",
    "-", "the", "statement", "campaign", "\N{LATIN SMALL LETTER SHARP S}",
    "\N{LATIN CAPITAL LETTER D WITH SMALL LETTER Z WITH CARON}",
]


def test_news_word_counts_equal_the_case_insensitive_pattern():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        expected = Counter(w.lower() for w in _news_words().findall(text))
        assert _news_word_counts(text) == expected, text


def test_kin_words_hold_every_word_of_the_kin_pattern():
    """The substring gate of the kin vocatives lets through every text the pattern matches."""
    words = regex.search(r"\(((?:[a-z]+\|)+[a-z]+)\)", _KIN_VOCATIVE.pattern).group(1).split("|")
    assert all(any(k in w for k in _KIN_WORDS) for w in words)
    # IGNORECASE matches i, k and s to characters whose lower case is not that letter
    assert not set("iks") & set("".join(_KIN_WORDS))


def test_scan_mentions_groups_are_read_by_number():
    """scan_mentions reads the pattern's groups as 1 pron, 2 title, 3 name."""
    from quoteattr.annotation import _mention_pattern

    assert _mention_pattern().groupindex == {"pron": 1, "title": 2, "name": 3}
    text = "He told Mr. Bennet that But Jane Austen wrote."
    assert [(text[r.start : r.end], r.kind, r.title, text[r.name_start : r.end]) for r in scan_mentions(text, 0, len(text))] == [
        ("He", "pronoun", None, "He"),
        ("Mr. Bennet", "name", "mr", "Bennet"),
        ("Jane Austen", "name", None, "Jane Austen"),  # "But" cannot start a name
    ]


# pieces of quotes that test the vocative gate: leads, names after them at every distance, the
# white space str.rstrip strips (also what regex's \s does not), particles, pronouns, "-ly" words
_VOCATIVE_PIECES = [
    ",", ", ", ",\t", ",\N{EM SPACE}", ",\x1c", ",\N{NO-BREAK SPACE}", "dear ", "Dear ", "oh ", "Oh ", "O ",
    "O", "Mr. Bennet", "Mr.", "Jane", "Lizzy", "de Worms", "van Gogh", "bin Laden", "al Assad", "de ",
    "But ", "The ", "Surely", "Hastings", "I", "he", "she", "her", "him", " ", "  ", "\t", "\n", "come",
    "here", "well", "!", "?", ".", ";", "\N{LATIN CAPITAL LETTER A WITH GRAVE}ngel", "x", "uncle",
    "\N{LATIN SMALL LETTER LONG S}he", "           ",
]


def test_vocative_gate_keeps_every_vocative(monkeypatch):
    """A quote with no lead before a name is read for its opening name only: the same vocatives
    as reading every mention (the gate opened: a pattern that matches everywhere)."""
    from quoteattr import speakers
    from quoteattr.model import QuotedSpan, Span

    rng = random.Random(11)
    cases = []
    for _ in range(5000):
        text = "".join(rng.choice(_VOCATIVE_PIECES) for _ in range(rng.randint(1, 14)))
        cuts = sorted(rng.sample(range(len(text) + 1), 2)) if len(text) > 1 else [0, len(text)]
        segments = [Span(cuts[0], cuts[1])] if rng.random() < 0.7 else [Span(0, cuts[0]), Span(cuts[1], len(text))]
        segments = [s for s in segments if s.end > s.start] or [Span(0, len(text))]
        span = QuotedSpan(segments[0].start, segments[-1].end, tuple(segments), "", 0, False, True, None, False)
        cases.append((text, span, speakers._vocative_mentions(text, span)))
    monkeypatch.setattr(speakers, "_VOCATIVE_CHANCE", regex.compile(""))
    for text, span, gated in cases:
        assert gated == speakers._vocative_mentions(text, span), (text, span.segments)


def test_vocative_gate_white_space_is_what_rstrip_strips():
    """The gate's white space is exactly the characters str.rstrip strips before a lead."""
    from quoteattr.speakers import _VOCATIVE_CHANCE

    space = regex.search(r"\[\\s[^\]]*\]", _VOCATIVE_CHANCE.pattern).group()
    read = regex.compile(space)
    assert all((read.match(chr(c)) is not None) == chr(c).isspace() for c in range(0x110000))


_APPOSITIVE_PIECES = [
    "the", "The", "a", "an", "AN", "Russian", "defense", "Minister", "minister", "army", "General",
    "former", "and", "Sergei Shoigu", ",", ", ", " ", "  ", "\n", "\t", "\x1c", "\N{NO-BREAK SPACE}",
    "-", "x-y", "\N{KELVIN SIGN}", "\N{LATIN SMALL LETTER LONG S}", ".", "said", "the minister,", "army ",
]


def test_appositive_gate_lets_every_match_through():
    """``_APPOSITIVE_BEFORE`` finds nothing in a window that ``_comma_just_before`` turns away."""
    from quoteattr.speakers import _APPOSITIVE_BEFORE, _comma_just_before

    rng = random.Random(3)
    matched = 0
    for _ in range(20000):
        text = " ".join(rng.choice(_APPOSITIVE_PIECES) for _ in range(rng.randint(1, 16)))
        pos = len(text) if rng.random() < 0.8 else rng.randint(0, len(text))  # where a name starts
        lo = max(0, pos - 80)
        if _APPOSITIVE_BEFORE.search(text, lo, pos) is not None:
            matched += 1
            assert _comma_just_before(text, lo, pos), (text, pos)
    assert matched > 100


def test_scan_mentions_first_is_the_first_of_the_full_scan():
    """``first=True`` stops the scan at its first mention; no mention begins where
    ``mention_at`` says the pattern does not match."""
    from quoteattr.annotation import mention_at

    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(_VOCATIVE_PIECES) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(text))
        full = scan_mentions(text, start, len(text))
        assert scan_mentions(text, start, len(text), first=True) == full[:1], text
        if not mention_at(text, start, len(text)):
            assert all(r.start > start for r in full), (text, start)


# pieces of news sentences for the reported-speech gates: subjects, structure words, marks,
# quotes and line breaks; the rules' own words are added from their word lists
_REPORTED_PIECES = [
    "Clinton", "Mr. Obama", "the senator", "The campaign", "A CBS poll", "he", "she", "they", "it",
    "Trump's", "her", "his", "that", "to", "in", "the", "a", "of", "about", "whether", "for", "on",
    "according to", "Fox poll", "documents", "show", "said", "told reporters", "calling him",
    "called", "the plan works", "was", "is", "percent", "Monday", ",", ",", ".", ".", ":", ";",
    "\N{EM DASH}", "“We will win,”", "“a total stiff.”", "\"No,\"", "'", "\n", "\n\n", "Q:", "TAPPER:",
    "and", "but", "later", "also", "Reid", "Sanders'", "(D-N.Y.)", "1", "Said", "SAYS",
    "Trump's claim that", "her repeated assertion that", "wants to sign up", "declined to comment",
    "complained about his mic", "asked whether the deals", "spoke out about", "plans to",
    "The inquiry", "found", "shows", "data", "Exit polling",
]


def test_reported_rule_gates_change_nothing(monkeypatch):
    """A sentence is given to a reported-speech rule only when it holds one of the rule's words
    (``_may_hold``), and a finding's subject is read only after a record or before "that"
    (``_names_records``): the same quotations as giving every sentence to every rule."""
    import quoteattr
    from quoteattr import reported

    rule_words = sorted(
        reported._cue_words() | reported._complement_verbs() | reported._about_words() | reported._CALLED
    )
    rng = random.Random(17)
    texts = []
    for _ in range(2500):
        pieces = [rng.choice(_REPORTED_PIECES) if rng.random() < 0.7 else rng.choice(rule_words) for _ in range(rng.randint(4, 30))]
        texts.append(" ".join(pieces))
    gated = [quoteattr.extract(text) for text in texts]
    monkeypatch.setattr(reported, "_may_hold", lambda words, needs: True)
    monkeypatch.setattr(reported, "_names_records", lambda toks: True)
    reports = 0
    for text, quotes in zip(texts, gated, strict=True):
        assert quotes == quoteattr.extract(text), text
        reports += sum(q.kind in ("indirect", "mixed") for q in quotes)
    assert reports > 500  # (the texts do hold reported speech)


def test_has_cue_of_ascii_text_is_the_plain_reading():
    """``has_cue`` lower-cases an ASCII sentence at once: the same answer as lower-casing each
    of its words (the characters that lower-case to ASCII letters take the plain path)."""
    from quoteattr.reported import _WORDS, _cue_words, has_cue

    pieces = [*_REPORTED_PIECES, "SAID", "sAiD", "\N{KELVIN SIGN}", "as\N{KELVIN SIGN}ed", "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}n", "é", "x"]
    rng = random.Random(19)
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        start, end = sorted(rng.sample(range(len(text) + 1), 2)) if len(text) > 1 else (0, len(text))
        plain = not _cue_words().isdisjoint(map(str.lower, _WORDS.findall(text, start, end)))
        assert has_cue(text, start, end) == plain, (text, start, end)


def test_longest_phrase_ending_is_the_farthest_start_read_near_to_far():
    """``_longest_phrase_ending`` tries the farthest start first and stops at the first phrase
    ending at ``j``: the same phrase as reading every start from near to far and keeping the
    last that ends there."""
    from quoteattr.cues import _ends_phrase, _longest_phrase_ending, noun_phrase_after, tokens

    def near_to_far(toks, j):
        best = None
        for i in range(j - 1, max(-1, j - 9), -1):
            if _ends_phrase(toks, i):
                break
            np = noun_phrase_after(toks, i)
            if np is not None and np.j == j:
                best = np
        return best

    pieces = [*_REPORTED_PIECES, "Russian", "Defense", "Minister", "Sergei Shoigu", "Mr.", "Gen.", "of", "France", "his wife"]
    rng = random.Random(23)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        toks = tokens(text, 0, len(text))
        for j in range(len(toks) + 1):
            assert _longest_phrase_ending(toks, j) == near_to_far(toks, j), (text, j)


def test_ascii_tokens_are_the_unicode_tokens():
    """``tokens`` reads ASCII text with a standard-re pattern: its classes hold exactly the ASCII
    characters of the regex pattern's, and both split random ASCII text alike."""
    from quoteattr.cues import _ASCII_TOKEN, _TOKEN

    ascii_chars = [chr(c) for c in range(128)]
    word = regex.compile(r"[\p{L}\p{N}]")
    assert [c for c in ascii_chars if word.match(c)] == [c for c in ascii_chars if c.isalnum()]
    assert [c for c in ascii_chars if regex.match(r"\S", c)] == [c for c in ascii_chars if _ASCII_TOKEN.fullmatch(c)]
    rng = random.Random(29)
    alphabet = [*ascii_chars, "'", "-", "-", "a", "Z", "9", " "] * 2 + ["don't", "Jean-Yves", "x--y", "a'", "'b"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        start, end = sorted(rng.sample(range(len(text) + 1), 2)) if len(text) > 1 else (0, len(text))
        assert [m.span() for m in _ASCII_TOKEN.finditer(text, start, end)] == [m.span() for m in _TOKEN.finditer(text, start, end)], text


def test_people_known_by_words_are_those_a_full_reading_finds():
    """``Resolver.known_by`` looks people up by word: the same people, in the same order, as
    reading every one of them and keeping those whose names hold all the words."""
    from quoteattr.resolve import Resolver

    rng = random.Random(3)
    given, family = ["Ann", "Tom", "Eva", "Max"], ["Lund", "Berg", "Holm", "Dahl", "Ek"]
    resolver = Resolver(fiction=True)
    for pos in range(0, 4000, 10):
        name = rng.choice([rng.choice(given), rng.choice(family), f"{rng.choice(given)} {rng.choice(family)}"])
        title = rng.choice([None, None, "mr", "mrs", "dr"])
        resolver.name(name, pos, title=title)
        if pos % 70 == 0:
            resolver.describe("the stranger", "stranger", pos)
    assert len(resolver.entities) > 20
    for words in [{"ann"}, {"lund"}, {"ann", "lund"}, {"tom", "ek"}, {"nobody"}, {"eva", "nobody"}]:
        expected = [e for e in resolver.entities if words <= e.words]
        assert resolver.known_by(words) == expected, words


def test_a_role_is_weighed_among_its_latest_holders():
    """"His brother" is looked for among the latest holders of the role (``_HOLDERS``): the
    latest one still wins, however many others held it before."""
    from quoteattr.resolve import _HOLDERS, Resolver

    resolver = Resolver(fiction=False)
    holders = [resolver.describe("the minister", "minister", pos) for pos in range(0, 20 * _HOLDERS, 10)]
    assert resolver.nominal("the minister", "minister", 20 * _HOLDERS) is holders[-1]
    assert resolver.nominal("the senator", "senator", 20 * _HOLDERS) is None


def test_quotation_lookups_by_bisection_equal_reading_them_all():
    """Whether a position lies inside one of a sentence's quotations, or a quotation starts in a
    range, is bisected over the quotations (top-level ones: apart, sorted): the same answers as
    asking each."""
    from quoteattr.model import QuotedSpan, Span
    from quoteattr.reported import _inside_any, _quote_starts

    rng = random.Random(5)
    for _ in range(300):
        quotes, pos = [], 0
        for _ in range(rng.randint(0, 6)):
            start = pos + rng.randint(0, 8)
            end = start + rng.randint(1, 8)
            quotes.append(QuotedSpan(start, end, (Span(start, end),), '"', 0, False, True, None, False))
            pos = end
        for p in range(pos + 3):
            assert _inside_any(quotes, p) == any(q.start <= p < q.end for q in quotes)
            for hi in range(p, pos + 3, 3):
                assert _quote_starts(quotes, p, hi) == any(p <= q.start < hi for q in quotes)


def test_an_opening_phrase_is_read_from_its_first_words_only():
    """``_opening_phrase`` reads at most 14 words and 400 characters: what reading all the words
    gives, for every stretch of up to 400 characters."""
    from quoteattr.reported import _OPENERS, _PREPOSITIONS, _opening_phrase

    def reading_all(text: str) -> bool:
        words = text.split()
        if words and words[0].lower() in ("but", "and", "yet", "so") and len(words) > 1:
            words = words[1:]
        if not words or len(words) > 12:
            return False
        first = words[0].lower().strip(",")
        return first in _PREPOSITIONS or first in _OPENERS or first == "to"

    rng = random.Random(9)
    pieces = ["At", "but", "But", "when", "to", "the", "rally", ",", " ", "  ", "Friday", "in", "a" * 30, "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + " " for _ in range(rng.randint(0, 20)))[:400]
        assert _opening_phrase(text, 0, len(text)) == reading_all(text), text
    long = "At a rally " + "x" * 400
    assert not _opening_phrase(long, 0, len(long))  # (longer than a phrase)


def test_verb_after_a_mention_matches_what_backtracking_matched():
    """``_VERB_AFTER`` takes a word whole and looks at its ending behind it (``\\p{Ll}++(?<=…ed)``)
    instead of giving the word back letter by letter: the same matches at every position."""
    from quoteattr.speakers import _VERB_AFTER

    backtracking = regex.compile(
        _VERB_AFTER.pattern.replace(r"\p{Ll}++(?<=\p{Ll}ly)\s+", r"\p{Ll}+ly\s+").replace(r"\p{Ll}++(?<=\p{Ll}{2}ed)", r"\p{Ll}{2,}ed")
    )
    assert backtracking.pattern != _VERB_AFTER.pattern
    rng = random.Random(11)
    words = ["said", "walked", "quietly", "was", "Emma", "ed", "ly", "bed", "fled", "redly", "aed", "\n", " ", "\t", ","]
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(0, 6)))
        for pos in range(len(text) + 1):
            a, b = _VERB_AFTER.match(text, pos), backtracking.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_named_people_of_a_stretch_are_those_a_full_reading_finds():
    """``_narration_mentions`` finds an annotation's PERSON entities in a stretch of narration
    by bisection over them (sorted by start): the mentions reading every entity gives."""
    from quoteattr.annotation import Annotation, EntityMention
    from quoteattr.model import Span
    from quoteattr.speakers import _narration_mentions

    rng = random.Random(13)
    text = " ".join(rng.choice(["Ann", "Mr. Berg", "he", "said", "the", "Queen", "and", "Eva Lund"]) for _ in range(400))
    entities = []
    for m in regex.finditer(r"Mr\. Berg|Eva Lund|Ann", text):
        entities.append(EntityMention(m.start(), m.end(), m.group(), rng.choice(["PERSON", "PER", "ORG"])))
    rng.shuffle(entities)  # (an annotation need not list them in order)
    annotation = Annotation(text=text, paragraphs=(Span(0, len(text)),), entities=entities)
    persons = sorted((e for e in entities if e.label in ("PERSON", "PER")), key=lambda e: e.start)

    def reading_all(start: int, end: int) -> list:
        found = [r for r in _narration_mentions(Annotation(text=text, paragraphs=()), [], start, end) if r.kind != "name"]
        named = [e for e in persons if start <= e.start and e.end <= end]
        return sorted(found + [(e.start, e.end) for e in named], key=lambda r: r[0])

    for _ in range(300):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randint(0, 300))
        got = _narration_mentions(annotation, persons, start, end)
        assert [(r.start, r.end) for r in got] == [(r[0], r[1]) for r in reading_all(start, end)]
