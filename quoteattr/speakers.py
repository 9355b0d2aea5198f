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
from typing import NamedTuple

from .annotation import Annotation, RawMention, scan_mentions
from .cues import Found, cue_after, cue_before
from .lexicon import first_names, not_names, roles, titles
from .model import Cue, Mention, QuotedSpan, Speaker
from .resolve import Entity, Resolver

# Confidence of each rule: how often it was right on the development corpora (see
# benchmarks/accuracy.py, "accuracy by rule"), rounded down.
CONFIDENCE = {
    "said X": 0.95,
    "X said": 0.93,
    "X, who, said": 0.9,
    "said X:": 0.9,
    "X said:": 0.9,
    "X:": 0.85,
    "according to X": 0.9,
    "— X": 0.9,
    "same paragraph": 0.85,
    "paragraph's person": 0.6,
    "turn-taking": 0.55,
    "addressed": 0.6,
    "continues": 0.7,
}
# A pronoun or an unresolved description is less sure than a name.
PRONOUN_FACTOR = 0.9
UNRESOLVED_FACTOR = 0.8


class Attribution(NamedTuple):
    """What stages 4-6 decided for one quote."""

    span: QuotedSpan
    speaker: Speaker | None
    mention: Mention | None
    cue: Cue | None
    rule: str
    confidence: float
    reason: str | None


class _Q:
    """Working state for one quote."""

    __slots__ = ("span", "para_first", "para_last", "found", "entity", "mention", "rule", "conf", "addressees", "reason")

    def __init__(self, span: QuotedSpan, para_first: int, para_last: int) -> None:
        self.span = span
        self.para_first = para_first
        self.para_last = para_last
        self.found: Found | None = None
        self.entity: Entity | None = None
        self.mention: Mention | None = None
        self.rule = "none"
        self.conf = 0.0
        self.addressees: list[Entity] = []
        self.reason: str | None = None


def _person_name(text: str, raw: RawMention, known: set[str]) -> bool:
    """Is a capitalised run a person's name? Titled, a given name, or named as a speaker."""
    if raw.title:
        return True
    words = text[raw.name_start : raw.end].split()
    if not words:
        return False
    first = words[0].lower()
    if first in not_names() or first in roles():
        return False
    if first in first_names() and not (len(words) == 1 and text[raw.name_start : raw.end].isupper()):
        return True
    return any(w.lower() in known for w in words)


def attribute(annotation: Annotation, spans: list[QuotedSpan]) -> list[Attribution]:
    """Speaker, mention, cue, rule and confidence for each top-level speech span."""
    text = annotation.text
    paras = annotation.paragraphs
    starts = [p.start for p in paras]

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    quotes = [
        _Q(s, para_of(s.start), para_of(max(s.start, s.end - 1)))
        for s in spans
        if s.depth == 0 and s.is_speech
    ]
    n = len(text)

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

    # stage 4: cues
    for i, q in enumerate(quotes):
        a, b = window_after(i)
        found = cue_after(text, a, b)
        if found is None:
            a, b = window_before(i)
            found = cue_before(text, a, b)
        q.found = found

    # narration mentions: scanned names and pronouns, replaced by cue mentions where they meet
    cue_mentions = {q.found.mention.start: q.found for q in quotes if q.found is not None}
    known = set()
    for f in cue_mentions.values():
        if f.name:
            known |= {w.lower() for w in text[f.name[0] : f.name[1]].split() if w.lower() not in not_names()}
    events: list[tuple[int, int, object]] = []  # (position, order, payload)
    covered: list[tuple[int, int]] = sorted((f.mention.start, f.mention.end) for f in cue_mentions.values())
    cov_starts = [c[0] for c in covered]
    pos = 0
    for q in quotes + [None]:
        end = q.span.start if q is not None else n
        if end > pos:
            for raw in scan_mentions(text, pos, end):
                k = bisect.bisect_right(cov_starts, raw.end) - 1
                if k >= 0 and covered[k][1] > raw.start:
                    continue  # inside a cue's mention
                if raw.kind == "name" and not _person_name(text, raw, known):
                    continue
                events.append((raw.start, 1, raw))
        if q is not None:
            pos = max(pos, q.span.end)
    for f in cue_mentions.values():
        events.append((f.mention.start, 0, f))
    events.sort(key=lambda ev: (ev[0], ev[1]))

    # stage 6: resolve every mention in document order
    resolver = Resolver(annotation)
    entity_at: dict[int, Entity | None] = {}
    for position, _, payload in events:
        entity_at[position] = _resolve(resolver, text, payload)

    # quotes: addressees named inside them (vocatives) help turn-taking
    for q in quotes:
        q.addressees = _vocatives(resolver, text, q.span)

    # stage 5: decide, quote by quote
    mentions_by_para: dict[int, list[int]] = {}
    for position in entity_at:
        mentions_by_para.setdefault(para_of(position), []).append(position)
    explicit = sum(1 for q in quotes if q.found is not None)
    news_like = bool(quotes) and explicit >= 0.6 * len(quotes)
    para_speaker: dict[int, Entity] = {}
    for i, q in enumerate(quotes):
        if q.found is not None:
            f = q.found
            q.entity = entity_at.get(f.mention.start)
            q.mention = f.mention
            q.rule = f.rule
            conf = CONFIDENCE.get(f.rule, 0.8)
            if f.mention.kind == "pronoun":
                conf *= PRONOUN_FACTOR
            if q.entity is None:
                conf *= UNRESOLVED_FACTOR
            q.conf = conf
        else:
            _implicit(quotes, i, q, resolver, entity_at, mentions_by_para, para_speaker, news_like, text)
        if q.entity is not None:
            for p in range(q.para_first, q.para_last + 1):
                para_speaker.setdefault(p, q.entity)

    out = []
    for q in quotes:
        speaker = q.entity.speaker() if q.entity is not None else None
        if speaker is None and q.mention is not None and q.mention.kind != "pronoun":
            speaker = Speaker(name=q.mention.text, aliases=(), id="")
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
                q.mention,
                q.found.cue if q.found is not None else None,
                q.rule if speaker is not None or q.mention is not None else "none",
                round(q.conf, 3) if speaker is not None else 0.0,
                reason,
            )
        )
    return out


def _resolve(resolver: Resolver, text: str, payload: object) -> Entity | None:
    if isinstance(payload, Found):
        m = payload.mention
        chained = resolver.chain_entity(m.start, m.end, m.start)
        if chained is not None:
            resolver._touch(chained, m.start, m)
            return chained
        if m.kind == "pronoun":
            return resolver.pronoun(m.text, m.start, m)
        if m.kind == "name" and payload.name:
            a, b = payload.name
            role_words = text[m.start : a].split()
            return resolver.name(text[a:b], m.start, title=payload.title, role_words=role_words, mention=m)
        return resolver.nominal(m.text, payload.role, m.start, m)
    raw: RawMention = payload  # type: ignore[assignment]
    chained = resolver.chain_entity(raw.start, raw.end, raw.start)
    mention = Mention(raw.start, raw.end, text[raw.start : raw.end], raw.kind)  # type: ignore[arg-type]
    if chained is not None:
        return resolver._touch(chained, raw.start, mention)
    if raw.kind == "pronoun":
        low = mention.text.lower()
        if low in ("him", "his", "her", "himself", "herself"):
            # object and possessive pronouns keep a person salient but do not add a mention
            return resolver.pronoun(low, raw.start, None)
        return resolver.pronoun(mention.text, raw.start, mention)
    role_words = []
    if raw.title:
        # the words before a title qualify the role: "French defense Minister Jean-Yves Le Drian"
        role_words = text[max(0, raw.start - 40) : raw.start].split()[-3:] + text[raw.start : raw.name_start].split()
    return resolver.name(text[raw.name_start : raw.end], raw.start, title=raw.title, role_words=role_words, mention=mention)


def _vocatives(resolver: Resolver, text: str, span: QuotedSpan) -> list[Entity]:
    """People addressed inside a quote: "…, Mr. Bennet," "Lizzy!" "my dear Jane"."""
    found = []
    for seg in span.segments:
        for raw in scan_mentions(text, seg.start, seg.end):
            if raw.kind != "name":
                continue
            before = text[max(seg.start, raw.start - 12) : raw.start].rstrip()
            after = text[raw.end : raw.end + 2]
            lead = raw.start == seg.start or before.endswith((",", "dear", "Dear", "oh", "Oh", "O"))
            trail = raw.end == seg.end or after[:1] in (",", "!", "?", ".", ";")
            if not (lead and trail):
                continue
            words = text[raw.name_start : raw.end].lower().split()
            matches = [
                e
                for e in resolver.entities
                if set(words) <= e.words and (not raw.title or not e.title or titles().get(raw.title) == titles().get(e.title))
            ]
            if len(matches) == 1:
                found.append(matches[0])
            elif matches:
                found.append(max(matches, key=lambda e: e.last))
    return found


def _implicit(
    quotes: list[_Q],
    i: int,
    q: _Q,
    resolver: Resolver,
    entity_at: dict[int, Entity | None],
    mentions_by_para: dict[int, list[int]],
    para_speaker: dict[int, Entity],
    news_like: bool,
    text: str,
) -> None:
    """Rules 2-5 for a quote without a cue."""
    prev = quotes[i - 1] if i > 0 else None
    addressed = set(id(e) for e in q.addressees)

    def take(e: Entity, rule: str, mention: Mention | None = None) -> None:
        q.entity = e
        q.rule = rule
        q.conf = CONFIDENCE[rule]
        q.mention = mention or resolver.mention_before(e, q.span.start)

    # 2. the same paragraph as an attributed quote
    if prev is not None and prev.para_last == q.para_first and prev.entity is not None:
        if id(prev.entity) not in addressed:
            take(prev.entity, "same paragraph", prev.mention)
            return
    # 3. the paragraph's own person (outside the quotes)
    people = []
    for p in range(q.para_first, q.para_last + 1):
        for position in mentions_by_para.get(p, ()):
            e = entity_at.get(position)
            if e is not None and id(e) not in addressed and e not in people:
                people.append(e)
    if len(people) == 1 or (people and not news_like):
        take(people[0], "paragraph's person")
        return
    # 4./5. the previous quote paragraph
    if prev is None or prev.entity is None or q.para_first - prev.para_last > 1:
        q.reason = "no cue next to the quote and no conversation to follow"
        return
    if news_like:
        if id(prev.entity) not in addressed:
            take(prev.entity, "continues", prev.mention)
            return
    # turn-taking: whoever the previous speaker addressed, else the one before them
    for e in prev.addressees:
        if e is not prev.entity:
            take(e, "addressed")
            return
    for j in range(i - 2, max(-1, i - 8), -1):
        other = quotes[j].entity
        if other is not None and other is not prev.entity and id(other) not in addressed:
            take(other, "turn-taking")
            return
    q.reason = "a conversation with one known speaker: the other is not named"
