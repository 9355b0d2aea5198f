"""Stage 5 — who speaks each quote: the cue's mention, or, without a cue, the conversation.

For every quote, in order:

1. **a cue** next to it (stage 4) names the speaker: "said Shoigu", "he said", "the Minister
   said" — the mention is resolved to a person (stage 6);
2. without a cue, **the same paragraph**: a quote in a paragraph whose earlier quote has a
   speaker is by that speaker ("“Yes,” said Jo. “I will.”");
3. **the paragraph's person**: a paragraph that names one person in its narration and quotes
   someone is that person speaking (`Elizabeth smiled. “Very well.”`);
4. **turn-taking**: in a run of quote paragraphs with no cue, two people alternate; a vocative
   ("…, Mr. Bennet") names the addressee, who is not the speaker and usually answers;
5. **continuation** (news): a quote paragraph with no cue right after a quote goes on with the
   same speaker when the text attributes nearly every quote explicitly.

Each decision carries its rule and a confidence; when no rule applies the speaker is None and
the reason says so.
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections import Counter
from typing import NamedTuple

import regex

from .annotation import Annotation, RawMention, mention_at, scan_mentions
from .cues import Found, colon_subject, cue_after, cue_before, narration_subject
from .lexicon import data_lines, first_names, not_names, pronouns, roles, titles
from .model import Cue, Mention, QuotedSpan, Span, Speaker
from .parsed import cue_from_parse, parse_of
from .reported import find_reported
from .resolve import _EPITHETS, NARRATOR, Entity, Resolver, name_words
from .spans import CHAPTER_HEADING

# Confidence: how often a decision of each kind was right on the development corpora
# (benchmarks/accuracy.py prints accuracy by rule and by confidence band), rounded down. The
# rule gives a base; the kind of evidence scales it: a person named outright is surest, one
# reached through a pronoun or a description less so, and more so in fiction, where pronouns
# are many and descriptions are used for whoever is in the scene.
CONFIDENCE = {
    "said X": 0.95,
    "X said": 0.92,
    "X, who, said": 0.9,
    "said X:": 0.93,
    "X said:": 0.9,
    "X:": 0.85,
    "headline X:": 0.85,
    "according to X": 0.9,
    "— X": 0.95,
    "X said that": 0.86,
    "same paragraph": 0.92,
    "paragraph's person": 0.68,
    "after narration": 0.55,
    "turn-taking": 0.72,
    "addressed": 0.72,
    "continues": 0.6,
    "sentence subject": 0.7,
    "recent other speaker": 0.3,
    "parse: subject of verb": 0.93,
}
# (news, fiction) factors for the kind of mention that decided
EVIDENCE = {"name": (1.0, 1.0), "pronoun": (0.95, 0.85), "nominal": (0.9, 0.55)}
UNRESOLVED_FACTOR = 0.8


def _confidence(q: _Q, news: bool) -> float:
    """The confidence of a quote's attribution, from its rule and its evidence."""
    base = CONFIDENCE.get(q.rule, 0.5)
    if q.found is not None or q.rule == "same paragraph":
        kind = q.mention.kind if q.mention is not None else "name"
    else:  # decided by the conversation: how well is the person known?
        kind = "nominal" if q.entity is not None and q.entity.described else "name"
    conf = base * EVIDENCE[kind][0 if news else 1]
    if q.entity is None:
        conf *= UNRESOLVED_FACTOR
    return round(conf, 3)


class Attribution(NamedTuple):
    """What stages 4-6 decided for one quote."""

    span: QuotedSpan
    speaker: Speaker | None
    mention: Mention | None
    cue: Cue | None
    rule: str
    confidence: float
    reason: str | None
    kind: str = "direct"
    nested: tuple[Span, ...] = ()


class _Q:
    """Working state for one quote."""

    __slots__ = (
        "addressees",
        "entity",
        "found",
        "kind",
        "mention",
        "nested",
        "para_first",
        "para_last",
        "reason",
        "rule",
        "span",
        "vocatives",
    )

    def __init__(self, span: QuotedSpan, para_first: int, para_last: int) -> None:
        self.span = span
        self.para_first = para_first
        self.para_last = para_last
        self.found: Found | None = None
        self.entity: Entity | None = None
        self.mention: Mention | None = None
        self.rule = "none"
        self.addressees: list[Entity] = []
        self.vocatives: list[RawMention] = []
        self.kind = "direct"
        self.nested: tuple[Span, ...] = ()
        self.reason: str | None = None


_RUN_WORD = regex.compile(r"\S+")


def _person_start(
    text: str, raw: RawMention, known: set[str], *, keep_before: bool = False
) -> tuple[int, str | None] | None:
    """Where a person's name starts in a capitalised run, and the title before it, or None if
    the run names no person.

    A run is a person when it has a title, starts with a given name, or holds a name the cues
    gave a speaker. A title or role inside the run starts the name after it ("Russian Defence
    Minister Sergei Shoigu"); a sentence adverb before a name is dropped ("Presently Tony"); other
    capitalised words before a known name are kept ("Kwame Mensah" when "Mensah" speaks).
    """
    if raw.title:
        return raw.name_start, raw.title
    if (
        not keep_before
        and _MONTH.match(text, raw.name_start, raw.end)
        and _TIME_PREPOSITION.search(text, max(0, raw.start - 12), raw.start)
    ):
        return None  # "in June", "since April": a month, though a given name too
    start: int | None = None
    title = None
    person = False
    for m in _RUN_WORD.finditer(text, raw.name_start, raw.end):
        w = m.group()
        low = w.lower().rstrip(".")
        if low.endswith(("'s", "\N{RIGHT SINGLE QUOTATION MARK}s")):
            low = low[:-2]
        if low in titles() or low in roles():
            start, title, person = None, low, low in titles()
            continue
        if low == "of" and title is not None and start is None:
            return None  # "THE QUEEN OF HEARTS": what follows is her realm, not her name
        if low in not_names() or (low.endswith("ly") and low not in first_names()):
            if start is None:
                continue  # "But Elizabeth", "Presently Tony"
            break
        if (low in first_names() and not w.isupper()) or low in known:
            if start is None or not (person or keep_before):
                # fiction opens sentences with "Poor Charlotte", "Dear Jane": the word before a
                # name is kept only in news, where it is a given name ("Kwame Mensah")
                start = m.start()  # "Poor Charlotte": a sentence's first word is dropped
            person = True
        elif start is None:
            start = m.start()
    if start is not None and not person and " " in text[start : raw.end].strip() and _appositive_roles(text, raw.start, raw.end):
        person = True  # "Ingrid Halvorsen, the Norwegian fisheries minister,"
    if start is None or not person:
        return None
    return start, title


# months that are given names too, and the words before them that say they are months ("in
# June", "the vault of June", "a June night", "since April")
_MONTH = regex.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!['\N{RIGHT SINGLE QUOTATION MARK}]|\s+\p{Lu})")
_TIME_PREPOSITION = regex.compile(r"\b(?:[Ii]n|[Oo]f|[Aa]|[Tt]he|[Ss]ince|[Uu]ntil|[Tt]ill|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id)\s+$")


def _unshared_name(e: Entity, resolver: Resolver, news_like: bool) -> str | None:
    """Fiction: the full name of a person known by a given name another person of the text
    shares ("John Andrew" when there is a "John Beaver" too), else None (the usual name)."""
    if news_like:
        return None
    name = e.canonical(fullest=False)
    if " " in name or not name:
        return None
    if not any(o is not e and not o.described for o in resolver._by_word.get(name.lower(), ())):
        return None
    # the given name and the family name, as the text writes them more than once
    fuller = [f for f in e.forms if f.startswith(name + " ") and e.forms[f] > 1]
    return max(fuller, key=lambda f: e.forms[f]) if fuller else None


# News and fiction follow different conventions: a quote paragraph without a cue goes on with
# the same speaker in news but answers the previous one in dialogue, and news reports speech
# indirectly far more. A text is judged news by a score per 1000 characters: groups of digits
# (dates, money, ages) plus twice the words of news (news_words.txt: "percent", "officials",
# weekdays …) minus a twentieth of the personal pronouns (he, she, I … that fill fiction).
# Each news word counts at most _NEWS_WORD_CAP times (a character may be called Sunday), and
# a text with a chapter heading is a book whatever its score. On the development corpora this
# misjudges none of 98 fiction texts and 11 of 924 news ones.
NEWS_SCORE = 0.5
_NEWS_WORD_CAP = 5
_DIGIT_GROUPS = regex.compile(r"\d+")

_PERSONAL = regex.compile(r"\b(?:he|she|her|him|his|I|me|my)\b")


@functools.cache
def _news_word_list() -> tuple[str, ...]:
    return tuple(sorted(data_lines("news_words.txt"), key=len, reverse=True))


@functools.cache
def _news_words() -> regex.Pattern[str]:
    words = _news_word_list()
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\w)", regex.IGNORECASE)


_WORD_CHAR = regex.compile(r"\w")
# the two characters that IGNORECASE matches to an ASCII letter but str.lower() does not make one
_FOLDED_APART = ("\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}", "\N{LATIN SMALL LETTER LONG S}")


def _news_word_counts(text: str) -> Counter[str]:
    """How often each news word stands in ``text`` (lower case): what ``_news_words()`` finds.

    Searched as plain substrings of the lower-cased text, each place checked for the pattern's
    word boundaries, which is several times faster than the case-insensitive pattern. Lowering
    keeps every offset and matches exactly what IGNORECASE matches when the words are ASCII and
    the text has neither of ``_FOLDED_APART``; otherwise the pattern itself is used.
    """
    words = _news_word_list()
    if any(c in text for c in _FOLDED_APART) or not all(w.isascii() for w in words):
        return Counter(w.lower() for w in _news_words().findall(text))
    low = text.lower()
    n = len(low)

    def word_char(i: int) -> bool:
        return 0 <= i < n and _WORD_CHAR.match(low, i) is not None

    at: dict[int, str] = {}  # start -> the first word, in the pattern's order, that matches there
    for w in words:
        w = w.lower()
        i = low.find(w)
        while i >= 0:
            if i not in at and word_char(i - 1) != word_char(i) and not word_char(i + len(w)):
                at[i] = w
            i = low.find(w, i + 1)
    counts: Counter[str] = Counter()
    end = 0
    for i in sorted(at):  # the matches a left-to-right scan keeps: none overlaps the one before
        if i >= end:
            counts[at[i]] += 1
            end = i + len(at[i])
    return counts


def is_news(text: str) -> bool:
    """Does ``text`` read like news rather than fiction? (See ``NEWS_SCORE``.)"""
    if not text or CHAPTER_HEADING.search(text):
        return False  # (a book's chapters: its dates and weekdays do not make it news)
    per_k = 1000.0 / len(text)
    digits = len(_DIGIT_GROUPS.findall(text)) * per_k
    # each word counts at most a few times: in a novel a weekday or "the President" may be a
    # character's name, said on every page (Chesterton's Sunday)
    seen = _news_word_counts(text)
    words = sum(min(n, _NEWS_WORD_CAP) for n in seen.values()) * per_k
    pronouns = len(_PERSONAL.findall(text)) * per_k
    return digits + 2 * words - pronouns / 20 >= NEWS_SCORE


def attribute(
    annotation: Annotation, spans: list[QuotedSpan], *, reported: bool = False, news: bool | None = None
) -> list[Attribution]:
    """Speaker, mention, cue, rule and confidence for each quotation.

    ``news`` says whether the text follows the conventions of news (judged here if None).
    The quotations are the top-level speech spans, and with ``reported`` the indirect and mixed
    quotations of the narration too (quoted words inside a mixed one are nested in it; quoted
    words that no reported clause holds are dropped).
    """
    text = annotation.text
    paras = annotation.paragraphs
    starts = [p.start for p in paras]

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    quotes = [
        _Q(s, para_of(s.start), para_of(max(s.start, s.end - 1)))
        for s in spans
        if s.depth == 0 and s.is_speech and not s.fragment
    ]
    n = len(text)
    news_like = is_news(text) if news is None else news

    # narration: the text between quotes, paragraph by paragraph
    def window_before(i: int) -> tuple[int, int]:
        q = quotes[i]
        lo = paras[q.para_first].start if paras else 0
        if i > 0 and quotes[i - 1].para_last == q.para_first:
            lo = max(lo, quotes[i - 1].span.end)
        return lo, q.span.start

    def window_after(i: int) -> tuple[int, int]:
        q = quotes[i]
        hi = paras[q.para_last].end if paras else n
        if i + 1 < len(quotes) and quotes[i + 1].para_first == q.para_last:
            hi = min(hi, quotes[i + 1].span.start)
        return q.span.end, max(q.span.end, hi)

    # stage 4: cues, from the rules and, when the annotation has one, from the parse
    parse = parse_of(annotation)
    for i, q in enumerate(quotes):
        a, b = window_after(i)
        found = cue_after(text, a, b)
        if found is not None and found.mention.kind == "pronoun":
            # "McCaskill scolded him: “…” she said": the name before wins over the pronoun after
            a2, b2 = window_before(i)
            named = cue_before(text, a2, b2)
            if named is not None and named.mention.kind != "pronoun":
                found = named
        if found is None:
            a, b = window_before(i)
            found = cue_before(text, a, b)
            if found is None and q.para_first > 0 and not text[a:b].strip():
                # introduced at the end of the paragraph before: "He said:\n\n“…"
                prev_para = paras[q.para_first - 1]
                lo = prev_para.start
                if i > 0 and quotes[i - 1].para_last == q.para_first - 1:
                    lo = max(lo, quotes[i - 1].span.end)
                tail = text[lo : prev_para.end].rstrip()
                if tail.endswith((":", ",", "-", "\N{EM DASH}")):
                    found = cue_before(text, lo, prev_para.end)
                    if found is None and tail.endswith(":"):
                        # any verb before a colon introduces what follows: "The Old Man
                        # introduced him with a quirk of the lips:" - its subject speaks
                        found = colon_subject(text, lo, prev_para.end)
            if found is None and news_like:
                found = narration_subject(text, a, b)
        if parse is not None:
            # a parse knows the subject of the verb however long it is: it is preferred
            a, b = window_after(i)
            parsed = cue_from_parse(parse, text, a, b, q.span.end)
            if parsed is None:
                a, b = window_before(i)
                parsed = cue_from_parse(parse, text, a, b, q.span.start)
            found = parsed or found
        q.found = found

    # reported speech in the narration
    extra: list[_Q] = []
    if reported:
        for r in find_reported(text, paras, [s for s in spans if s.depth == 0]):
            span = QuotedSpan(r.content.start, r.content.end, (r.content,), "", 0, False, True, None, False)
            rq = _Q(span, para_of(span.start), para_of(max(span.start, span.end - 1)))
            rq.found, rq.kind, rq.nested = r.found, r.kind, r.nested
            extra.append(rq)

    # narration mentions: scanned names and pronouns, replaced by cue mentions where they meet
    cue_mentions = {q.found.mention.start: q.found for q in quotes + extra if q.found is not None}
    known = set()
    for f in cue_mentions.values():
        if f.name:
            known |= {w.lower() for w in name_words(text[f.name[0] : f.name[1]]) if w.lower() not in not_names()}
    events: list[tuple[int, int, object]] = []  # (position, order, payload)
    covered: list[tuple[int, int]] = sorted((f.mention.start, f.mention.end) for f in cue_mentions.values())
    cov_starts = [c[0] for c in covered]
    # (by start: each stretch of narration finds its own by bisection)
    persons = sorted((e for e in annotation.entities if e.label in ("PERSON", "PER")), key=_START_OF)
    pos = 0
    for q in [*quotes, None]:
        end = q.span.start if q is not None else n
        if end > pos:
            for raw in _narration_mentions(annotation, persons, pos, end):
                k = bisect.bisect_right(cov_starts, raw.end) - 1
                if k >= 0 and covered[k][1] > raw.start:
                    continue  # inside a cue's mention
                if raw.kind == "name" and not persons:
                    found_name = _person_start(text, raw, known, keep_before=news_like)
                    if found_name is None:
                        continue
                    start, title = found_name
                    if start != raw.name_start:
                        raw = RawMention(start if title is None else raw.start, raw.end, "name", start, title)
                events.append((raw.start, 1, raw))
        if q is not None:
            pos = max(pos, q.span.end)
    for f in cue_mentions.values():
        events.append((f.mention.start, 0, f))
    events.sort(key=lambda ev: (ev[0], ev[1]))

    # quotes: the names they address (vocatives), who are not the speaker a cue's pronoun means
    for q in quotes:
        q.vocatives = _vocative_mentions(text, q.span)
    addressed_at = {
        q.found.mention.start: frozenset(
            w.lower() for raw in q.vocatives if raw.kind == "name" for w in name_words(text[raw.name_start : raw.end])
        )
        for q in quotes
        if q.found is not None and q.found.mention.kind == "pronoun" and q.vocatives
    }

    # stage 6: resolve every mention in document order
    resolver = Resolver(annotation, fiction=not news_like)
    entity_at: dict[int, Entity | None] = {}
    for position, _, payload in events:
        p = para_of(position)
        para_start = paras[p].start if paras else 0
        # subjects count from the paragraph before when the quote opens its own paragraph
        since = paras[p - 1].start if p > 0 and isinstance(payload, Found) and _opens_paragraph(text, payload, para_start) else para_start
        addressed = addressed_at.get(position, frozenset()) if isinstance(payload, Found) else frozenset()
        e = entity_at[position] = _resolve(resolver, text, payload, para_start, since, addressed)
        if e is not None and _subject_position(text, position, para_start) and (
            text[position : position + 3].lower() not in ("him", "his", "her")
        ):
            e.subject_at = position

    if extra:
        absorbed = {n.start for rq in extra for n in rq.nested}
        # (in text order: by start, then end, as the quotes are returned)
        quotes = sorted(
            [q for q in quotes if q.span.start not in absorbed] + extra, key=lambda q: (q.span.start, q.span.end)
        )

    # quotes: addressees named inside them (vocatives) help turn-taking
    for q in quotes:
        if q.kind != "direct" and not q.vocatives:  # a reported quote: not scanned above
            q.vocatives = _vocative_mentions(text, q.span)
        q.addressees = _vocatives(resolver, text, q.vocatives)
        if not news_like and q.found is not None:
            q.addressees += _vocatives(resolver, text, _told(text, q.found))

    # stage 5: decide
    mentions_by_para: dict[int, list[int]] = {}
    for position in entity_at:
        mentions_by_para.setdefault(para_of(position), []).append(position)
    for q in quotes:
        if q.found is not None:
            f = q.found
            q.entity = entity_at.get(f.mention.start)
            q.mention = f.mention
            q.rule = f.rule
    if not news_like:
        _the_other(quotes)
        _answered_by_addressee(quotes)
    _same_paragraph(quotes)
    _paragraph_person(quotes, resolver, entity_at, mentions_by_para, news_like, text, paras)
    if news_like:
        _continuation(quotes)
    else:
        _turn_taking(quotes, resolver, entity_at, mentions_by_para, text, paras)
        _the_other(quotes)  # again, now that turn-taking knows more of the lines before
        _after_narration(quotes, resolver, entity_at, mentions_by_para, text, paras)
        _turn_taking(quotes, resolver, entity_at, mentions_by_para, text, paras)
        _other_recent_speaker(quotes, resolver)

    _name_narrator(quotes, resolver, text)

    out = []
    speakers: dict[int, Speaker] = {}  # by id(entity): every decision is made, names are final
    for q in quotes:
        speaker = None
        if q.entity is not None:
            speaker = speakers.get(id(q.entity))
            if speaker is None:
                speaker = speakers[id(q.entity)] = q.entity.speaker(fullest=news_like, name=_unshared_name(q.entity, resolver, news_like))
        if speaker is None and q.mention is not None and q.mention.kind != "pronoun":
            speaker = Speaker(name=q.mention.text, aliases=(), id="")
        mention = q.mention
        if q.kind != "direct" and q.found is not None and q.found.relative is not None and mention is q.found.mention:
            # "Cruz, who has called the mogul a phony": the report's subject is "who", which
            # names Cruz (as "he" would)
            a, b = q.found.relative
            mention = Mention(a, b, text[a:b], "pronoun")
        reason = None
        if speaker is None:
            reason = q.reason or (
                "the pronoun of the cue has no person it could refer to"
                if q.mention is not None
                else "no cue next to the quote and no conversation to follow"
            )
        out.append(
            Attribution(
                q.span,
                speaker,
                mention,
                q.found.cue if q.found is not None else None,
                q.rule if speaker is not None or q.mention is not None else "none",
                _confidence(q, news_like) if speaker is not None else 0.0,
                reason,
                q.kind,
                q.nested,
            )
        )
    return out


# "the Queen", "the old man": a role or a kind of person after "the" (an adjective may come
# between). Only the holder the text already knows is meant: narration names nobody new this way.
_ROLE_MENTION = regex.compile(r"\b[Tt]he\s+(?:([a-z][\w-]*)\s+)?([A-Za-z][\w-]*)")


def _role_mentions(text: str, start: int, end: int) -> list[RawMention]:
    out = []
    for m in _ROLE_MENTION.finditer(text, start, end):
        for g in (2, 1):
            word = m.group(g)
            if word and word[0].isupper() and word.lower() in roles() and not (word.isupper() and len(word) > 1):
                out.append(RawMention(m.start(), m.end(g), "nominal", m.start(g), None))
                break
    return out


_START_OF = operator.attrgetter("start")


def _narration_mentions(annotation: Annotation, persons: list, start: int, end: int) -> list[RawMention]:
    """The people mentioned in ``text[start:end]``: pronouns, and names — the PERSON entities of
    the annotation when it has named entities, else the capitalised names the rules find."""
    text = annotation.text
    found = scan_mentions(text, start, end) + _role_mentions(text, start, end)
    if not persons:
        return sorted(found, key=lambda r: r.start)
    out = [r for r in found if r.kind != "name"]
    # (``persons`` are sorted by start: only those that start in the stretch are read, not all
    # of them for each stretch, which grew with the square of a long annotated text)
    for k in range(bisect.bisect_left(persons, start, key=_START_OF), len(persons)):
        e = persons[k]
        if e.start > end:
            break
        if e.end <= end:
            words = text[e.start : e.end].split()
            title = words[0].lower().rstrip(".") if len(words) > 1 and words[0].lower().rstrip(".") in titles() else None
            name_start = e.start + (len(words[0]) + 1 if title else 0)
            while name_start < e.end and text[name_start].isspace():
                name_start += 1
            out.append(RawMention(e.start, e.end, "name", name_start, title))
    out.sort(key=lambda r: r.start)
    return out


_PHRASE_BREAK = regex.compile(r"[.,;:!?()\[\]\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]")


def _resolve(
    resolver: Resolver, text: str, payload: object, para_start: int = 0, subjects_since: int = 0, addressed: frozenset[str] = frozenset()
) -> Entity | None:
    """The entity of a cue's mention or a narration mention; ``addressed``: name words of the
    people the quote speaks to, whom the cue's pronoun does not mean ("“You are mistaken,
    Elinor,” said she")."""
    if isinstance(payload, Found):
        m = payload.mention
        chained = resolver.chain_entity(m.start, m.end, m.start)
        if chained is not None:
            resolver._touch(chained, m.start, m)
            return chained
        if m.kind == "pronoun":
            # the cue's "he" is most likely the subject of the narration just before, and never
            # the person the cue says was spoken to ("he told Smith")
            after = _ADDRESSEE.match(text, payload.cue.end)
            addressee = frozenset({after.group(1).lower()}) if after and after.group(1).lower() not in not_names() else frozenset()
            addressee |= addressed
            hearer = _HEARER.search(text, max(0, m.start - 60), m.start)
            if hearer is not None and hearer.group(1).lower() not in not_names():
                addressee |= {hearer.group(1).lower()}  # "Mary heard her say": "her" is not Mary
            return resolver.pronoun(m.text, m.start, m, subjects_since=subjects_since, not_named=addressee)
        if m.kind == "name" and payload.name:
            a, b = payload.name
            role_words = text[m.start : a].split()
            return resolver.name(text[a:b], m.start, title=payload.title, role_words=role_words, mention=m)
        return (
            resolver.nominal(m.text, payload.role, m.start, m)
            or resolver.epithet(m.text, payload.role, m.start, m, subjects_since=subjects_since)
            or resolver.describe(m.text, payload.role, m.start, m)
        )
    raw: RawMention = payload  # type: ignore[assignment]
    chained = resolver.chain_entity(raw.start, raw.end, raw.start)
    mention = Mention(raw.start, raw.end, text[raw.start : raw.end], raw.kind)  # type: ignore[arg-type]
    if chained is not None:
        return resolver._touch(chained, raw.start, mention)
    if raw.kind == "nominal":
        return resolver.nominal(mention.text, text[raw.name_start : raw.end].lower(), raw.start, mention)
    if raw.kind == "pronoun":
        low = mention.text.lower()
        if low in ("him", "his", "her", "himself", "herself"):
            # object and possessive pronouns keep a person salient but do not add a mention
            return resolver.pronoun(low, raw.start, None)
        if _subject_position(text, raw.start, para_start):
            # a subject "he" goes on with the paragraph's subject of that sex, not with the
            # person just named as an object ("Archer looked at Riviere. He continued to stare")
            return resolver.pronoun(mention.text, raw.start, mention, subjects_since=subjects_since)
        return resolver.pronoun(mention.text, raw.start, mention)
    if resolver.fiction and raw.kind == "name" and _in_heading(text, raw.start, raw.end):
        return None  # "CHAPTER VIII. / THE PROFESSOR EXPLAINS": a chapter's title names no one
    role_words = []
    if raw.title:
        # the words before a title qualify the role: "French defense Minister Jean-Yves Le Drian"
        # (only as modifiers: a title or role among them belongs to someone else)
        before = _PHRASE_BREAK.split(text[max(0, raw.start - 40) : raw.start])[-1]
        role_words = [
            w for w in before.split()[-3:] if w.lower() not in roles() and w.lower() not in titles()
        ] + text[raw.start : raw.name_start].split()
    role_words += _appositive_roles(text, raw.start, raw.end)
    described = _appositive_description(text, raw.start, raw.end) if resolver.fiction else None
    return resolver.name(
        text[raw.name_start : raw.end],
        raw.start,
        title=raw.title,
        role_words=role_words,
        mention=mention,
        description=described,
    )


def _in_heading(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` in a line of capitals alone, of two words or more, with no
    quote mark: a heading ("THE PROFESSOR EXPLAINS"), whose words are no name? (A heading is
    short: the line's ends are looked for within ``_HEADING_REACH`` characters, so that a long
    paragraph is not read again for each of its names.)"""
    lo = text.rfind("\n", max(0, start - _HEADING_REACH), start) + 1
    if lo == 0 and start > _HEADING_REACH:
        return False
    hi = text.find("\n", end, end + _HEADING_REACH)
    if hi < 0 and len(text) - end > _HEADING_REACH:
        return False
    line = text[lo : hi if hi >= 0 else len(text)]
    return line.isupper() and len(line.split()) >= 2 and not any(c in QUOTE_OPENERS for c in line)


_HEADING_REACH = 200


# the words between the comma and the name qualify it ("army General"); a conjunction, an
# article, a preposition or a verb there starts another phrase ("said the King, and the
# Hatter", "The Secretary, ever since Syme's speech")
_NOT_QUALIFIERS = (
    "and or but nor then while when as the a an to with at by from for of in on since ever after "
    "before until who whose which that had was is having being not now still also however"
).split()
_APPOSITIVE_BEFORE = regex.compile(
    r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,3}?)([\w-]+),\s+"
    rf"(?:(?!(?:{'|'.join(_NOT_QUALIFIERS)})\s)[a-z][\w-]*\s+){{0,2}}$",
    regex.IGNORECASE,
)
_APPOSITIVE_AFTER = regex.compile(r",\s+(?:the|a|an|his|her)\s+((?:[\w-]+\s+){0,3}?)([\w-]+)\s*[,.;]", regex.IGNORECASE)


def _comma_just_before(text: str, lo: int, pos: int) -> bool:
    """Does ``text[lo:pos]`` end in a comma and at most two words? ``_APPOSITIVE_BEFORE`` ends
    so; most names follow no comma that close, and the pattern is not searched for them."""
    comma = text.rfind(",", lo, pos)
    return comma >= 0 and len(text[comma + 1 : pos].split()) <= 2


def _appositive_roles(text: str, start: int, end: int) -> list[str]:
    """The role an appositive gives a name: "the Russian defense Minister, army General Sergei
    Shoigu", "Sergei Shoigu, the Russian defence minister," -> the role's words."""
    words: list[str] = []
    lo = max(0, start - 80)
    before = _APPOSITIVE_BEFORE.search(text, lo, start) if _comma_just_before(text, lo, start) else None
    if before and (before.group(2).lower() in roles() or before.group(2).lower() in titles()):
        words += [*before.group(1).split(), before.group(2)]
    after = _APPOSITIVE_AFTER.match(text, end)
    if after and (after.group(2).lower() in roles() or after.group(2).lower() in titles()):
        words += [*after.group(1).split(), after.group(2)]
    return words


# Descriptions an appositive may not give a person: they point at someone else or at no one.
_NOT_DESCRIPTIONS = frozenset(
    "other others latter former same one two three first last rest whole very only next own "
    "himself herself themselves itself".split()
)


def _appositive_description(text: str, start: int, end: int) -> str | None:
    """Fiction: the head noun of a description an appositive gives a name, whatever the noun
    ("Mr. Wells, the lawyer," "the artist himself, Basil Hallward"), so that "said the lawyer"
    finds him. Only "the": "a friend" is one of many. Roles the word lists know are left to
    ``_appositive_roles``."""
    lo = max(0, start - 80)
    before = _APPOSITIVE_BEFORE.search(text, lo, start) if _comma_just_before(text, lo, start) else None
    heads = []
    if before and before.group(0)[:3].lower() == "the":
        group = [*before.group(1).split(), before.group(2)]
        if group[-1].lower() in ("himself", "herself"):
            group = group[:-1]  # "the artist himself, Basil Hallward"
        if group and before.group(0).rstrip().endswith(","):
            heads.append(group[-1])
    after = _APPOSITIVE_AFTER.match(text, end)
    if after and after.group(0)[1:].lstrip()[:3].lower() == "the":
        heads.append(after.group(2))
    for head in heads:
        low = head.lower()
        if head.isalpha() and head.islower() and len(low) > 2 and low not in _NOT_DESCRIPTIONS and low not in _EPITHETS:
            return low
    return None


# A name right after a cue's verb: the person spoken to ("he told Smith", "she said to Ann").
# (a run of spaces is read from its start only, so that no search goes over it twice)
# the one who hears, right before a heard "him" or "her": "Mary heard her say"
_HEARER = regex.compile(r"\b(\p{Lu}[\w'-]*+)\s++(?:could\s++)?hear[d]?\s++$")
_ADDRESSEE = regex.compile(r"(?<![ \t])[ \t]++(?:to[ \t]++)?(\p{Lu}[\w'\N{RIGHT SINGLE QUOTATION MARK}-]++)")


def _opens_paragraph(text: str, found: Found, para_start: int) -> bool:
    """Does the paragraph of a cue begin with a quote (no narration before its first quote)?"""
    first = text[para_start : para_start + 1]
    return bool(first) and first in QUOTE_OPENERS


QUOTE_OPENERS = frozenset(
    '"\'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}'
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{EM DASH}\N{EN DASH}"
)


# what a vocative follows, when it does not open the quote: "…, Mr. Bennet", "my dear Jane"
_VOCATIVE_LEADS = (",", "dear", "Dear", "oh", "Oh", "O")
_VOCATIVE_ENDS = (",", "!", "?", ".", ";", "\N{EM DASH}")
# A lead, white space (what str.rstrip strips: \s and the separators \x1c-\x1f) and the first
# letter of a name as the mention pattern starts one: somewhere a name may follow a lead. Most
# quotes have none ("…, he said", "…, and the rest"): in them only an opening name can be addressed.
_VOCATIVE_CHANCE = regex.compile(
    rf"""(?:{"|".join(_VOCATIVE_LEADS)})[\s\x1c-\x1f]{{0,12}}
        (?:\p{{Lu}}                                                          # a capital
          |(?:de|van|von|le|la|du|da|di|del|der|ten|ter|bin|al)[ \t]+\p{{Lu}})  # a particle: "de Worms"
    """,
    regex.VERBOSE,
)


def _vocative_mentions(text: str, span: QuotedSpan) -> list[RawMention]:
    """Names addressed inside a quote: "…, Mr. Bennet," "Lizzy!" "my dear Jane"."""
    found = []
    for seg in span.segments:
        if _VOCATIVE_CHANCE.search(text, seg.start, seg.end) is not None:
            mentions = scan_mentions(text, seg.start, seg.end)
        elif mention_at(text, seg.start, seg.end):
            # no lead before a name: only a mention that opens the quote can be addressed
            mentions = scan_mentions(text, seg.start, seg.end, first=True)
        else:
            mentions = []
        for raw in mentions:
            if raw.kind != "name":
                continue
            opening = raw.start == seg.start
            if not opening and not text[max(seg.start, raw.start - 12) : raw.start].rstrip().endswith(_VOCATIVE_LEADS):
                continue
            after = text[raw.end : raw.end + 2]
            # a word that opens a quote is a vocative only before a comma ("Hastings, come"):
            # "Exactly." and "Rubbish!" are answers; after a lead, a dash ends one too ("Oh,
            # Cecil--how you made me jump!")
            trail = after[:1] == "," if opening else raw.end == seg.end or after[:1] in _VOCATIVE_ENDS or after == "--"
            word = text[raw.name_start : raw.end].lower()
            if trail and not (word.endswith("ly") and word not in first_names()):
                found.append(raw)
        # a relative addressed by a kin word: "Surely, uncle, you cannot mean" (lower case)
        low = text[seg.start : seg.end].lower()
        if any(w in low for w in _KIN_WORDS):  # the pattern is slow: tried only where it can match
            for m in _KIN_VOCATIVE.finditer(text, seg.start, seg.end):
                found.append(RawMention(m.start(1), m.end(1), "kin", m.start(1), None))
    return found


# Every word of _KIN_VOCATIVE holds one of these. Its ASCII words have no i, k or s (the letters
# IGNORECASE matches to other characters too), so where it matches the lower-cased text holds one.
_KIN_WORDS = ("uncle", "aunt", "father", "mother", "papa", "mama", "mamma")


_KIN_VOCATIVE = regex.compile(
    r"(?:^|(?<=[,!?]\s)|(?<=\b(?:dear|Dear|oh|Oh)\s))(uncle|aunt|father|mother|papa|mama|mamma|grandmother|grandfather|grandpapa|grandmamma)(?=\s*[,!?.;])",
    regex.IGNORECASE | regex.MULTILINE,
)


# the narration names whom a cue's speaker spoke to: "he asked Poirot", "said Helen to Margaret"
_TOLD_VERBS = "asked|told|answered|addressed|questioned|assured|warned|reminded|informed|begged|urged|implored|thanked"
# (white space is taken whole, and a try starts only after a word: a long run is read once)
_TOLD = regex.compile(
    r"(?<!\s)\s*+(?:,\s*+)?(?:(?<=\s)(?:turning\s+)?to|(?<=\s)at)\s+(?:(?:(Mr|Mrs|Miss|Ms|Dr|Lady|Sir|Lord|Captain|Colonel)\.?\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\b(?!\s+(?:said|asked|answered|replied|cried))"
)
_TOLD_OBJECT = regex.compile(
    rf"(?:{_TOLD_VERBS})\s+(?:(Mr|Mrs|Miss|Ms|Dr|Lady|Sir|Lord|Captain|Colonel)\.?\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)


def _told(text: str, f: Found) -> list[RawMention]:
    """The person the narration of a cue says was spoken to, as a name mention."""
    m = None
    if f.mention.end <= f.cue.start:
        # "he asked Poirot": the verb's object, after a subject before it
        m = _TOLD_OBJECT.match(text, f.cue.start, f.cue.start + 60)
    if m is None:
        at = max(f.cue.end, f.mention.end)
        m = _TOLD.match(text, at, at + 60)
    if m is None:
        return []
    title = m[1].lower() if m[1] else None
    return [RawMention(m.start(1) if m[1] else m.start(2), m.end(2), "name", m.start(2), title)]


def _vocatives(resolver: Resolver, text: str, raws: list[RawMention]) -> list[Entity]:
    """The people the vocatives of a quote name, where the text has met them."""
    found = []
    for raw in raws:
        if raw.kind == "kin":
            word = text[raw.start : raw.end].capitalize()
            held = resolver.nominal(word, word.lower(), raw.start)
            if held is not None:
                found.append(held)
            continue
        words = {w.lower() for w in name_words(text[raw.name_start : raw.end])}
        matches = [
            e
            for e in (resolver.known_by(words) if words else resolver.entities)
            if (not raw.title or not e.title or titles().get(raw.title) == titles().get(e.title))
            # "My dear Mr. Bennet" is no woman of that name, titled or not
            and not (titles().get(raw.title or "") in ("m", "f") and e.gender in "mf" and e.gender != titles()[raw.title])
        ]
        if matches:
            found.append(max(matches, key=lambda e: e.last))
        elif raw.title and titles().get(raw.title) in ("m", "f"):
            # "…, Mr. Harcourt?": a titled name is a person even if the narration never named him
            found.append(resolver.name(text[raw.name_start : raw.end], raw.start, title=raw.title))
    return found


def _name_narrator(quotes: list[_Q], resolver: Resolver, text: str) -> None:
    """Give a first-person narrator the name the others call them by.

    The vocatives in quotes that answer or precede the narrator's own are counted; a name used
    at least three times, and twice as often as any other, becomes the narrator's name.
    """
    narrator = next((e for e in resolver.entities if e.id == NARRATOR), None)
    if narrator is None:
        return
    counts: dict[str, int] = {}
    for i, q in enumerate(quotes):
        if q.entity is narrator:
            continue
        if any(n.entity is narrator for n in quotes[max(0, i - 1) : i + 2]):
            for raw in q.vocatives:
                if raw.kind != "name":
                    continue
                # "Mr. Hastings" and "Hastings" are one name
                name = " ".join(name_words(text[raw.name_start : raw.end]))
                counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])
    if ranked and counts[ranked[0]] >= 3 and (len(ranked) == 1 or counts[ranked[0]] >= 2 * counts[ranked[1]]):
        narrator.forms[ranked[0]] = counts[ranked[0]]


def _take(q: _Q, e: Entity, rule: str, mention: Mention | None, resolver: Resolver | None = None) -> None:
    q.entity = e
    q.rule = rule
    if mention is None and resolver is not None:
        mention = resolver.mention_near(e, q.span.start, q.span.end)
    q.mention = mention


# How far back (characters) the last resort looks for a speaker of the conversation.
_RECENT_REACH = 6000


def _other_recent_speaker(quotes: list[_Q], resolver: Resolver) -> None:
    """Last resort (dialogue): a line no rule decided goes to the latest speaker nearby who is
    not the speaker of the line before it — in a conversation, the one who answers. A guess,
    and its confidence says so."""
    for i, q in enumerate(quotes):
        if q.entity is not None or q.found is not None or q.mention is not None:
            continue
        before = quotes[i - 1].entity if i > 0 else None
        for k in range(i - 1, -1, -1):
            other = quotes[k]
            if q.span.start - other.span.end >= _RECENT_REACH:
                break
            if other.entity is not None and other.entity is not before and other.rule != "recent other speaker":
                if not _addressed(q, other.entity):
                    _take(q, other.entity, "recent other speaker", None, resolver)
                break


# "the other", and the words for someone by the relation of the moment: "his companion", "her
# visitor", "my friend" - in a conversation, the one who is not the speaker just heard
_THE_OTHER = regex.compile(
    r"the\s+other\b(?!s)|(?:his|her|my)\s+(?:\w+\s+)?(?:companion|interlocutor|visitor|guest|host|hostess|friend)\b",
    regex.IGNORECASE,
)


def _the_other(quotes: list[_Q]) -> None:
    """Dialogue: "“…,” said Syme.\n\n“…,” replied the other." — "the other" (or "his
    companion", "her visitor") is the one of the two in the conversation who did not speak the
    line before: the latest earlier speaker who is someone else."""
    for i in range(1, len(quotes)):
        q = quotes[i]
        if q.found is None or q.mention is None or not _THE_OTHER.match(q.mention.text):
            continue
        if q.entity is not None and not q.entity.described:
            continue  # already someone, not the description
        before = quotes[i - 1].entity
        if before is None or q.span.start - quotes[i - 1].span.end >= _RECENT_REACH:
            continue
        for k in range(i - 2, -1, -1):
            e = quotes[k].entity
            if q.span.start - quotes[k].span.end >= _RECENT_REACH:
                break
            if e is not None and e is not before:
                old, q.entity = q.entity, e
                # the rest of its paragraph, which took the description from it (read in
                # place: a copy of the rest of the list for each line made dialogue quadratic)
                for j in range(i + 1, len(quotes)):
                    r = quotes[j]
                    if r.para_first != q.para_last or r.rule != "same paragraph" or r.entity is not old:
                        break
                    r.entity = e
                break


def _answered_by_addressee(quotes: list[_Q]) -> None:
    """Dialogue: "“…, Dorian?” said Hallward.\n\n“…,” he answered." — a "he" or "she" of the
    next paragraph that was resolved to the one who just spoke (who does not answer himself), or
    to someone who has not spoken in the last lines, is the one that line addressed, when the
    gender agrees or is not known yet. The paragraph before is its cued quote's speaker's even
    where its last quote has no cue ("“…, Dr. Bauerstein,” said John. “Have some coffee.”")."""
    for i in range(1, len(quotes)):
        q, prev = quotes[i], quotes[i - 1]
        m = q.mention
        if q.found is None or m is None or m.kind != "pronoun" or q.entity is None:
            continue
        if q.para_first - prev.para_last != 1:
            continue
        gender = pronouns().get(m.text.lower(), ("x", ""))[0]
        if gender not in "mf":
            continue
        in_prev = []  # the quotes of the paragraph before, last first (they run back from i - 1)
        for k in range(i - 1, -1, -1):
            if quotes[k].para_last != prev.para_last:
                break
            in_prev.append(quotes[k])
        said_to = [a for r in in_prev for a in r.addressees]
        # the speaker of the paragraph before: its quotes share it (rule 2 copies it later)
        prev_e = prev.entity or next((r.entity for r in in_prev if r.entity is not None), None)
        for a in said_to:
            if a.gender in (gender, "x") and a is not prev_e and a.id != NARRATOR and (
                q.entity is prev_e
                or (a is not q.entity and all(quotes[k].entity is not q.entity for k in range(max(0, i - 4), i)))
            ):
                q.entity = a
                break


def _addressed(q: _Q, e: Entity | None) -> bool:
    return e is not None and any(a is e for a in q.addressees)


def _same_paragraph(quotes: list[_Q]) -> None:
    """Rule 2: quotes of one paragraph share the speaker of the one that has a cue."""
    i = 0
    while i < len(quotes):
        j = i
        while j + 1 < len(quotes) and quotes[j + 1].para_first == quotes[j].para_last:
            j += 1
        group = quotes[i : j + 1]
        known = [q for q in group if q.entity is not None or q.mention is not None]
        if known:
            for q in group:
                if q.entity is None and q.found is None:
                    src = min(known, key=lambda k: abs(k.span.start - q.span.start))
                    if not _addressed(q, src.entity):
                        # the mention too, even when it resolved to nobody ("she", unknown)
                        q.entity, q.mention, q.rule = src.entity, src.mention, "same paragraph"
        i = j + 1


def _subject_position(text: str, pos: int, lo: int) -> bool:
    """Does the mention at ``pos`` open a sentence or clause (not an object after a verb)? A
    clause opens after a dash too, an em dash or the two hyphens of plain-text books ("--")."""
    i = pos - 1
    while i >= lo and text[i] in " \t\r\n\N{NO-BREAK SPACE}":
        i -= 1
    if i < lo or text[i] in ".!?;:\"\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}'\N{EM DASH}(" or (i > lo and text[i - 1 : i + 1] == "--"):
        return True
    if text[i] == "," and _VERB_AFTER.match(text, _mention_end(text, pos)):
        return True  # after a comma, with its verb: "…and probabilities, Emma could only class it"
    word_start = i
    while word_start > lo and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start : i + 1].lower() in ("and", "but", "then", "while", "when", "so", "as", "yet")


# a finite verb right after a mention (a past tense or a modal, an adverb between or not): the
# mention is the verb's subject
# (a try starts only after a character that is not a space or tab, where a mention ends, and
# the verb at a word's start; a word is taken whole and its ending looked at behind it: a run
# of blanks or of letters is read once however many positions ``finditer`` tries in it, where
# "\p{Ll}{2,}ed" gave a megabyte-long word back a letter at a time)
_VERB_AFTER = regex.compile(
    r"(?<![ \t])[ \t]*+\n?[ \t]*+\b(?:\p{Ll}++(?<=\p{Ll}ly)\s+)?(?:\p{Ll}++(?<=\p{Ll}{2}ed)|was|had|sat|stood|took|came|went|made|felt|saw|began|rose|got"
    r"|gave|kept|left|ran|thought|knew|broke|spoke|held|put|shook|drew|threw|told|heard|found|said|could|would|did)\b"
)


def _paragraph_person(
    quotes: list[_Q],
    resolver: Resolver,
    entity_at: dict[int, Entity | None],
    mentions_by_para: dict[int, list[int]],
    news_like: bool,
    text: str,
    paras: tuple,
) -> None:
    """Rule 3: a paragraph whose narration has one person as a subject is that person talking.

    Each paragraph's subjects are read once (the positions where someone is a subject, and the
    people in the order they first are), not once for each of its quotes: a long paragraph of
    many quotes and subjects took time growing with the square of its length.
    """
    read: dict[int, tuple[list[int], list[Entity]]] = {}

    def subjects(p: int) -> tuple[list[int], list[Entity]]:
        got = read.get(p)
        if got is None:
            lo = paras[p].start if paras else 0
            positions, people, seen = [], [], set()
            for position in sorted(mentions_by_para.get(p, ())):
                e = entity_at.get(position)
                if e is not None and _subject_position(text, position, lo):
                    positions.append(position)
                    if id(e) not in seen:
                        seen.add(id(e))
                        people.append(e)
            got = read[p] = (positions, people)
        return got

    for q in quotes:
        if q.entity is not None or q.found is not None or q.mention is not None:
            continue
        # the first two people who are subjects and whom the quote does not address: one, or more
        people: list[Entity] = []
        for p in range(q.para_first, q.para_last + 1):
            for e in subjects(p)[1]:
                if not _addressed(q, e) and all(e is not o for o in people):
                    people.append(e)
                    if len(people) == 2:
                        break
            if len(people) == 2:
                break
        if len(people) > 1 and not news_like:
            # several: the subject nearest before the quote introduces it ("Her partner now
            # drew near, and said, “…”"), else the paragraph's first
            positions = subjects(q.para_first)[0]
            k = bisect.bisect_left(positions, q.span.start) - 1
            while k >= 0 and _addressed(q, entity_at[positions[k]]):
                k -= 1
            if k >= 0:
                people = [entity_at[positions[k]]]  # type: ignore[list-item]
        if len(people) == 1 or (people and not news_like):
            _take(q, people[0], "paragraph's person", None, resolver)


def _after_narration(
    quotes: list[_Q],
    resolver: Resolver,
    entity_at: dict[int, Entity | None],
    mentions_by_para: dict[int, list[int]],
    text: str,
    paras: tuple,
) -> None:
    """Dialogue: a quote paragraph right after narration is spoken by the person that narration
    was about ("Mr. Wells bowed his head.\n\n“As I was about to …”"): the paragraph before
    when it is all narration, or the narration that closes it after its last quote ("“…,” she
    said. Philip did not know what she meant.\n\n“Why not?”"). The subject of its last sentence
    comes first ("Mary sat down by the fire. Tom looked up from his book.": Tom)."""
    last_quote_end: dict[int, int] = {}
    for q in quotes:
        for p in range(q.para_first, q.para_last + 1):
            last_quote_end[p] = max(last_quote_end.get(p, -1), q.span.end)
    for i, q in enumerate(quotes):
        if q.entity is not None or q.found is not None or q.mention is not None or q.para_first == 0:
            continue
        p = q.para_first - 1
        lo = max(paras[p].start, last_quote_end.get(p, -1))
        if p in last_quote_end and not text[lo : paras[p].end].strip(" \t\r\n.,;:!?\"'\N{RIGHT DOUBLE QUOTATION MARK}"):
            continue  # the paragraph before ends with a quote
        # a narration that ends with a comma or a colon introduces the quote: "…; but Mr.
        # Collins, much offended, laid aside his book, and said," - its last subject speaks
        introduces = text[lo : paras[p].end].rstrip().endswith((",", ":"))
        positions = sorted(mentions_by_para.get(p, ()), reverse=introduces)
        if not introduces:
            # the last sentence's subjects come first: the one the narration ends with speaks
            end = paras[p].end
            last = max((m.end() for m in _SENTENCE_END.finditer(text, lo, end) if text[m.end() : end].strip()), default=lo)
            positions = [x for x in positions if x >= last] + [x for x in positions if x < last]
        for position in positions:
            e = entity_at.get(position)
            if position >= lo and e is not None and not _addressed(q, e) and _subject_position(text, position, lo):
                before = quotes[i - 1] if i > 0 else None
                if (
                    before is not None
                    and before.entity is not None
                    and before.entity is not e
                    and p - before.para_last <= 1
                    and not _addressed(q, before.entity)
                    and _NARRATED_REPLY.match(text, _mention_end(text, position))
                    and not text[lo : paras[p].end].rstrip().endswith((",", ":", ";", "\N{EM DASH}", "-"))
                ):
                    # "Mr. Bennet replied that he had not.": his answer is told, and the one who
                    # spoke before him goes on
                    e = before.entity
                _take(q, e, "after narration", None, resolver)
                break


# the end of a sentence (not the full stop of a title: "Mr. Wells")
_SENTENCE_END = regex.compile(r"(?<!\b(?:Mr|Mrs|Ms|Dr|St))[.!?](?=\s)")


# a narration sentence that tells a person's answer, or that there was none: "He made no answer."
# (white space taken whole, and a try only after a character that is not: a run is read once)
_NARRATED_REPLY = regex.compile(
    r"(?<!\s)\s++(?:\w+ly\s++)?(?:replied|answered|agreed|assented|assured|thanked|bowed"
    r"|made\s+no\s+(?:answer|reply)|returned\s+no\s+answer|said\s+nothing|was\s+silent|did\s+not\s+(?:answer|reply))\b"
)


def _mention_end(text: str, position: int) -> int:
    """The end of the mention (a name of capitalised words with their titles, or a pronoun)
    that starts at ``position``."""
    m = _MENTION_WORDS.match(text, position)
    return m.end() if m else position


_MENTION_WORDS = regex.compile(r"\p{Lu}[\w'.-]*(?:\s+\p{Lu}[\w'.-]*)*|\w+")


def _continuation(quotes: list[_Q]) -> None:
    """Rule 5 (news): a quote paragraph with no cue goes on with the previous quote's speaker."""
    for i in range(1, len(quotes)):
        q, prev = quotes[i], quotes[i - 1]
        if (
            q.entity is None
            and q.found is None  # a cue's own mention stands, even when it names no one known
            and prev.entity is not None
            and q.para_first - prev.para_last == 1
            and not _addressed(q, prev.entity)
        ):
            _take(q, prev.entity, "continues", prev.mention)


# words that address a man or a woman whose name they do not say
_SIR = regex.compile(
    r"(?:^|(?<=[,!?]\s)|(?<=\b(?:dear|Dear|oh|Oh)\s))(?:(sir)|(madam|ma['\N{RIGHT SINGLE QUOTATION MARK} ]am))(?=\s*[,!?.;\N{EM DASH}-])",
    regex.MULTILINE,
)


def _addressed_sex(text: str, quotes: list[_Q]) -> str | None:
    """ "m" when the quotes call the one they speak to "sir", "f" for "madam", else None."""
    found = set()
    for q in quotes:
        for seg in q.span.segments:
            for m in _SIR.finditer(text, seg.start, seg.end):
                found.add("m" if m.group(1) else "f")
    return found.pop() if len(found) == 1 else None


def _turn_taking(
    quotes: list[_Q],
    resolver: Resolver,
    entity_at: dict[int, Entity | None],
    mentions_by_para: dict[int, list[int]],
    text: str,
    text_paras: tuple,
) -> None:
    """Rule 4 (dialogue): in adjacent quote paragraphs two people alternate.

    A paragraph's speaker is the one two paragraphs before (or after), or the person the
    previous speaker addressed, or the one the next speaker addresses; sweeps forwards and
    backwards until nothing changes.
    """
    spoken = [q.entity for q in quotes if q.found is not None and q.entity is not None and q.entity.id == NARRATOR]
    narrator = spoken[0] if len(spoken) >= 2 else None
    # one entry per quote paragraph: its quotes
    paras: list[list[_Q]] = []
    for q in quotes:
        if paras and paras[-1][-1].para_last == q.para_first:
            paras[-1].append(q)
        else:
            paras.append([q])

    def speaker(k: int) -> Entity | None:
        return paras[k][0].entity if 0 <= k < len(paras) else None

    # run[k]: the index of the first quote paragraph of the unbroken run that holds paragraph k
    run: list[int] = []
    for k in range(len(paras)):
        joined = k > 0 and paras[k][0].para_first - paras[k - 1][-1].para_last == 1
        run.append(run[-1] if joined else k)

    def adjacent(k: int, m: int) -> bool:
        """Are quote paragraphs k and m in one run of adjacent quote paragraphs?"""
        return 0 <= k < len(paras) and 0 <= m < len(paras) and run[k] == run[m]

    def assign(k: int, e: Entity) -> None:
        for q in paras[k]:
            if q.entity is None and q.found is None:
                _take(q, e, "turn-taking", None, resolver)

    def others(k: int, e: Entity) -> Entity | None:
        """The latest speaker before paragraph ``k`` (within the conversation) who is not ``e``."""
        for m in range(k - 1, max(-1, k - 12), -1):
            o = speaker(m)
            if o is not None and o is not e:
                return o
            if not adjacent(m, m + 1):
                break
        return None

    def others_after(k: int, e: Entity) -> Entity | None:
        """The next speaker after paragraph ``k`` (within the conversation) who is not ``e``."""
        for m in range(k + 1, min(len(paras), k + 12)):
            if not adjacent(m - 1, m):
                break
            o = speaker(m)
            if o is not None and o is not e:
                return o
        return None

    def scene(k: int, e: Entity, sex: str | None = None) -> Entity | None:
        """Someone other than ``e`` the narration names in the first paragraph of the
        conversation that holds paragraph ``k``, after its first quote ("“…?” said Clara, with a
        glance at Miss Vale. “…”"), else just before the conversation begins, the nearest subject
        first, then the nearest one: "Robert Cohn was waiting for me."; "Tom came into the room
        where Mary sat with Ann." - Tom. With ``sex``, only someone who may be of that sex."""
        first = paras[run[k]][0]
        for position in sorted(mentions_by_para.get(paras[run[k]][-1].para_last, ())):
            o = entity_at.get(position)
            if position > first.span.end and o is not None and o is not e and o is not first.entity and (sex is None or o.gender in (sex, "x")):
                return o
        before = [
            position
            for p in (first.para_first, first.para_first - 1)
            for position in sorted(mentions_by_para.get(p, ()), reverse=True)
            if position < first.span.start
            and entity_at.get(position) not in (None, e)
            and (sex is None or entity_at[position].gender in (sex, "x"))
        ]
        # a subject first: the one the narration is about comes into the conversation
        for position in before:
            p = bisect.bisect_right(para_starts, position) - 1
            if _subject_position(text, position, text_paras[p].start if p >= 0 else 0):
                return entity_at[position]
        return entity_at[before[0]] if before else None

    para_starts = [p.start for p in text_paras]

    def decided(k: int) -> bool:
        return any(q.entity is not None or q.found is not None for q in paras[k])

    # only the paragraphs still undecided are visited: a decided one stays decided
    undecided = [k for k in range(len(paras)) if not decided(k)]
    for _ in range(4):
        changed = False
        for order in (undecided, undecided[::-1]):
            for k in order:
                if decided(k):
                    continue
                mine = paras[k][0]
                prev_e = speaker(k - 1) if adjacent(k - 1, k) else None
                next_e = speaker(k + 1) if adjacent(k, k + 1) else None
                # the candidates, surest first; one ruled out (the neighbour's speaker, or
                # someone this paragraph addresses) gives way to the next
                # "…, sir?": the one who answers is a man ("madam": a woman), and so is the one
                # the next line calls "sir"
                sexes = {
                    _addressed_sex(text, paras[m]) for m in (k - 1, k + 1) if adjacent(m, k)
                } - {None}
                sex = sexes.pop() if len(sexes) == 1 else None
                candidates: list[Entity | None] = []
                # the person the previous speaker addressed answers
                if adjacent(k - 1, k):
                    candidates += [a for q in paras[k - 1] for a in q.addressees]
                # alternation: the speaker two paragraphs away
                if adjacent(k - 2, k):
                    candidates.append(speaker(k - 2))
                if adjacent(k, k + 2):
                    candidates.append(speaker(k + 2))
                # the person the next line addresses spoke this one ("“Thank you, Ann.”")
                if adjacent(k, k + 1):
                    candidates += [a for q in paras[k + 1] for a in q.addressees]
                # the other one in the conversation; in a story whose narrator speaks ("I
                # said"), the narrator is in every conversation the others hold
                if prev_e is not None:
                    candidates += [scene(k, prev_e, sex), others(k - 1, prev_e), narrator]
                if next_e is not None:
                    candidates += [scene(k, next_e, sex), others_after(k + 1, next_e), narrator]
                choice = next(
                    (
                        c
                        for c in candidates
                        if c is not None
                        and c is not prev_e
                        and c is not next_e
                        and not _addressed(mine, c)
                        and (sex is None or c.gender in (sex, "x"))
                    ),
                    None,
                )
                if choice is not None:
                    assign(k, choice)
                    changed = True
        if not changed:
            break
        undecided = [k for k in undecided if not decided(k)]
