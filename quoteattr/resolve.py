"""Stage 6 — from mentions to people: names, pronouns and roles resolved to one entity each.

The resolver reads the person mentions of the narration in document order and keeps a small
register of the people met so far:

* a name joins the person whose name words it shares ("Le Drian" -> "Jean-Yves Le Drian",
  "Sergei Shoigu" <- "Shoigu"), unless their titles disagree ("Mr. Bennet" is not
  "Mrs. Bennet");
* a role or description ("the Minister of defence of France", "the General") goes to the person
  who was introduced with that role, the one whose role words match best, or the most recent;
* a pronoun goes to the most recently mentioned person whose gender agrees;
* stanza's coreference chains, when present, decide first.

Each person becomes a :class:`~quoteattr.model.Speaker` with a canonical name (the fullest name
the text uses), the other names as aliases, and an id stable within the document.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable

import regex

from .annotation import Annotation
from .lexicon import demonyms, first_names, not_names, pronouns, roles, titles
from .model import Mention, Speaker

# Honorifics that tell people apart and belong in a canonical name ("Mr. Bennet").
_KEPT_TITLES = {"mr": "Mr.", "mrs": "Mrs.", "miss": "Miss", "ms": "Ms.", "sir": "Sir", "lady": "Lady",
                "lord": "Lord", "dr": "Dr.", "madame": "Madame", "mme": "Mme", "mlle": "Mlle",
                "monsieur": "Monsieur", "aunt": "Aunt", "uncle": "Uncle", "captain": "Captain",
                "colonel": "Colonel", "professor": "Professor", "mister": "Mr."}
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['\N{RIGHT SINGLE QUOTATION MARK}\-][\p{L}\p{N}]+)*")
# How far back (characters) a pronoun looks for its person.
PRONOUN_REACH = 5000
# Pronouns that are not a clause's subject.
_OBJECT_FORMS = frozenset(("him", "his", "her", "himself", "herself"))
NARRATOR = "narrator"


# Words for a person that tell only their sex (and age): "the young man" is someone in the scene.
_EPITHETS = frozenset("man woman lady gentleman girl boy lad lass fellow youth maiden".split())


def _key(word: str) -> str:
    """A crude stem so that defence/defense and France/French meet."""
    w = word.lower()
    w = demonyms().get(w, w)
    return w[:5]


class Entity:
    """A person met in the text (mutable while the document is read)."""

    __slots__ = (
        "described",
        "first",
        "form_titles",
        "forms",
        "gender",
        "id",
        "last",
        "mentions",
        "roles",
        "seq",
        "subject_at",
        "title",
        "titled",
        "titles",
        "words",
    )

    def __init__(self, eid: str, pos: int) -> None:
        self.id = eid
        self.forms: dict[str, int] = {}  # name form -> times seen
        self.words: set[str] = set()
        self.title: str | None = None
        self.titles: set[str] = set()
        self.gender = "x"
        self.roles: dict[str, set[str]] = {}
        self.last = pos
        self.first = pos
        self.mentions: list[Mention] = []
        self.described = False
        self.seq = -1  # the order in which the resolver met the person (``Resolver.entities``)
        self.subject_at = -1  # where the person was last the subject of a sentence
        self.form_titles: dict[str, str] = {}  # the title a name form was written with
        self.titled: dict[str, int] = {}  # how often a name form was written with a title

    def canonical(self, fullest: bool = True) -> str:
        """The name to show for this person.

        News introduces people by their full name and then shortens it: ``fullest`` picks the
        fullest name the text uses ("Jean-Yves Le Drian"). Fiction calls people by the name
        they go by, and a fuller form may belong to a relative or be two names side by side:
        without ``fullest`` the most frequent form wins ("Mr. Knightley", "Katharine").
        A title the text gave that very form is kept ("Mr. Bennet", never "Mrs. Elizabeth").
        """
        if self.id == NARRATOR and not self.forms:
            return NARRATOR
        if not self.forms:
            return ""
        if self.described:
            return next(iter(self.forms))
        # a form seen once may be a heading or two names side by side
        repeated = [f for f in self.forms if self.forms[f] > 1]
        if fullest:
            # a first name put before a repeated surname counts too ("Jean-Yves Le Drian")
            repeated += [f for f in self.forms if self.forms[f] == 1 and any(f.endswith(" " + r) for r in repeated)]
            key = lambda f: (len(f.split()), self.forms[f], -len(f))  # noqa: E731
        else:
            key = lambda f: (self.forms[f], len(f.split()), -len(f))  # noqa: E731
        best = max(repeated or list(self.forms), key=key if repeated else (lambda f: (self.forms[f], len(f.split()))))
        title = self.form_titles.get(best)
        if title and not fullest and (best.split()[0].lower() in first_names() or 2 * self.titled.get(best, 0) < self.forms[best]):
            # "Katharine", not "Miss Katharine": a given name goes without one; and "Archer",
            # not "Mr. Archer", when the text mostly writes the name without its title
            title = None
        # fiction keeps a rank too: "General Tilney" is not "Tilney", his son
        shown = _KEPT_TITLES.get(title or "") or (title.capitalize() if title in _RANKS and not fullest else None)
        if shown and not best.startswith(shown):
            return f"{shown} {best}"
        return best

    def speaker(self, fullest: bool = True, name: str | None = None) -> Speaker:
        name = name or self.canonical(fullest)
        aliases = tuple(sorted(f for f in self.forms if f != name))
        if self.id == NARRATOR and name != NARRATOR:
            aliases = (NARRATOR, *aliases)
        return Speaker(name=name, aliases=aliases, id=self.id)

    def add_gender(self, gender: str) -> None:
        if gender in "mf" and self.gender == "x":
            self.gender = gender


# Honorifics that tell a family's members apart: a "Mrs." is not a "Miss", nor a "Mr.".
_TITLE_CLASS = {"mr": "mr", "mister": "mr", "sir": "mr", "lord": "mr", "monsieur": "mr", "herr": "mr",
                "signor": "mr", "mrs": "mrs", "madame": "mrs", "mme": "mrs", "signora": "mrs",
                "miss": "miss", "mlle": "miss", "ms": "miss", "lady": "lady"}


def name_words(name: str) -> list[str]:
    """The words of a name as a canonical name shows them: possessive 's dropped, capitals
    only at the start ("BENNET's" -> "Bennet")."""
    out = []
    for w in _WORD.findall(name):
        if w[-2:].lower() in ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s") and len(w) > 2:
            w = w[:-2]
        if w.isupper() and len(w) > 1:
            w = w.capitalize()
        out.append(w)
    return out


_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "my": "i"}
# Relatives: the title a relative of the same family name bears, their gender, and whether a
# relative never named yet may be created from the owner's name.
_KIN = {
    "wife": ("mrs", "f", True), "lady": ("mrs", "f", True), "husband": ("mr", "m", True),
    "mother": ("mrs", "f", True), "mama": ("mrs", "f", True), "mamma": ("mrs", "f", True),
    "father": ("mr", "m", True), "papa": ("mr", "m", True),
    "sister": (None, "f", False), "daughter": (None, "f", False),
    "brother": (None, "m", False), "son": (None, "m", False),
    # an aunt or uncle mostly bears another family name: found in the scene only
    "aunt": ("mrs", "f", False), "uncle": ("mr", "m", False),
}
_KIN_ELSEWHERE = frozenset(("aunt", "uncle"))


def _compatible(e: Entity, low: set[str], cls: str | None, gender: str) -> bool:
    """May a mention with name words ``low``, title class ``cls`` and ``gender`` be ``e``?"""
    if not (low <= e.words or e.words <= low):
        return False
    if gender in "mf" and e.gender in "mf" and gender != e.gender:
        return False
    have = {_TITLE_CLASS.get(t) for t in e.titles} - {None}
    if cls and have and cls not in have:
        return False  # Mr. Bennet is not Mrs. Bennet, Miss Bingley is not Mrs. Hurst
    family = {"mrs", "miss", "lady"}
    if cls in family and low < e.words and cls not in have:
        return False  # "Miss Bennet" is not necessarily "Elizabeth Bennet"
    # "Elizabeth Bennet" is not "Mrs. Bennet"
    return not (e.words < low and have & family and not cls)


# Ranks that make a title of their own: "General Tilney" is neither "Mr. Tilney" nor "Captain Tilney".
_RANKS = frozenset("general admiral colonel captain major lieutenant commander sergeant".split())


def _ranked_apart(e: Entity, low: set[str], title: str | None) -> bool:
    """Fiction: are a rank and another name two people of one family? "General Tilney" is not
    "Mr. Tilney", "Miss Tilney", "Captain Tilney" nor "Henry Tilney", unless the text once called
    that person by the rank."""
    ranks = e.titles & _RANKS
    if title in ("mr", "mister") and low < e.words and e.gender != "f" and not e.titles:
        return True  # "Mr. Wilcox" is the father of "Charles Wilcox", unless the son was "Mr." once
    if (
        title in (None, "mr", "mister")
        and e.words < low
        and e.titles
        and all(_TITLE_CLASS.get(t) == "mr" for t in e.titles)
        and all(" " not in f for f in e.forms)
    ):
        return True  # and "George Emerson", "Mr. George Emerson" are not "Mr. Emerson", his father
    if title in _RANKS:
        if title in ranks:
            return False
        return bool(e.titles) or low < e.words
    if not ranks or ranks != e.titles:
        return False
    # the person has been called by a rank only: an honorific or a given name is someone else
    return title in _TITLE_CLASS or (not title and e.words < low)


def _gender_of_name(words: list[str], title: str | None) -> str:
    if title and titles().get(title, "x") in "mf":
        return titles()[title]
    if words:
        return first_names().get(words[0].lower(), "x")
    return "x"


_SEQ = operator.attrgetter("seq")
# The holders of a role weighed for "the minister", "his brother": the latest this many to take
# it. (Real texts have a dozen at most; a text of thousands of "X's brother" weighed them all
# for each, in time that grew with the square of the text.)
_HOLDERS = 64


class Resolver:
    """The register of people in one document."""

    def __init__(self, annotation: Annotation | None = None, *, fiction: bool = False) -> None:
        self.fiction = fiction
        self.entities: list[Entity] = []
        self._recent: dict[str, Entity] = {}  # people by their latest mention, oldest first
        self._by_role: dict[str, list[Entity]] = {}  # people by the roles and titles they hold
        self._narrator: Entity | None = None
        self._by_word: dict[str, list[Entity]] = {}
        self._chain_of: dict[tuple[int, int], int] = {}
        self._chain_entity: dict[int, Entity] = {}
        self.annotation = annotation
        if annotation is not None:
            for ci, chain in enumerate(annotation.coref):
                for m in chain.mentions:
                    self._chain_of[(m.start, m.end)] = ci

    # -- registering -----------------------------------------------------------------------

    def _new(self, pos: int) -> Entity:
        e = Entity(f"e{len(self.entities) + 1}", pos)
        e.seq = len(self.entities)
        self.entities.append(e)
        return e

    def known_by(self, words: set[str]) -> list[Entity]:
        """The people whose names hold all of ``words`` (lower case, one at least), in the order
        they were met: looked up by word, not read one by one (a text of thousands of people
        would read them all for each name)."""
        smallest = min((self._by_word.get(w, ()) for w in words), key=len)
        return sorted((e for e in smallest if words <= e.words), key=_SEQ)

    def _touch(self, e: Entity, pos: int, mention: Mention | None) -> Entity:
        if pos >= e.last:
            e.last = pos
            # keep the recency order: the latest mentioned person last
            self._recent.pop(e.id, None)
            self._recent[e.id] = e
        if mention is not None:
            e.mentions.append(mention)
        return e

    def narrator(self, pos: int, mention: Mention | None = None) -> Entity:
        """The first-person narrator ("I"), made when first met."""
        if self._narrator is None:
            self._narrator = Entity(NARRATOR, pos)
            self.entities.append(self._narrator)
        return self._touch(self._narrator, pos, mention)

    def name(
        self,
        name: str,
        pos: int,
        *,
        title: str | None = None,
        role_words: Iterable[str] = (),
        mention: Mention | None = None,
        description: str | None = None,
    ) -> Entity:
        """The person called ``name`` (a new one if nobody matches); ``description``: a noun an
        appositive describes them with ("Mr. Wells, the lawyer,"), held as a role."""
        words = name_words(name)
        low = {w.lower() for w in words}
        gender = _gender_of_name(words, title)
        if len(words) == 1 and not title and any(
            f.split()[-1].lower() == words[0].lower() for e in self._by_word.get(words[0].lower(), ()) for f in e.forms
            if len(f.split()) > 1
        ) and not any(
            f.split()[0].lower() == words[0].lower() for e in self._by_word.get(words[0].lower(), ()) for f in e.forms
        ):
            # "Morris" after "Helen Morris" is her family name, not the given name (unless
            # someone goes by it as one: "Clara Grey" beside a misread "Alfred Clara")
            gender = "x"
        cls = _TITLE_CLASS.get(title or "")
        # in fiction a bare family name ("said Archer") is how men are called; women go by
        # "Mrs. Archer" or their given name, so a man of that name comes first
        surname_only = self.fiction and len(words) == 1 and not title and gender == "x"

        form = " ".join(words)

        def rank(e: Entity) -> tuple[bool, bool, int]:
            # someone already called by this very name and title before someone it is part of
            same = form in e.forms and _TITLE_CLASS.get(e.form_titles.get(form, "")) == cls
            return (not (surname_only and e.gender == "f"), same, e.last)

        best = None
        for w in low:
            for e in self._by_word.get(w, ()):
                if best is e or not _compatible(e, low, cls, gender) or (self.fiction and _ranked_apart(e, low, title)):
                    continue
                if best is None or rank(e) > rank(best):
                    best = e
        e = best or self._new(pos)
        e.forms[form] = e.forms.get(form, 0) + 1
        e.words |= low
        for w in low:
            bucket = self._by_word.setdefault(w, [])
            if e not in bucket:
                bucket.append(e)
        if title:
            e.titles.add(title)
            if e.title is None:
                e.title = title
            e.form_titles.setdefault(form, title)
            e.titled[form] = e.titled.get(form, 0) + 1
        e.add_gender(gender)
        self._add_roles(e, role_words)
        if description and description not in e.roles:
            self._by_role.setdefault(description, []).append(e)
            e.roles[description] = set()
        return self._touch(e, pos, mention)

    def _add_roles(self, e: Entity, role_words: Iterable[str]) -> None:
        words = [w.lower() for r in role_words for w in _WORD.findall(r)]
        if not words:
            return  # most names come without role words
        known_roles, known_titles = roles(), titles()
        heads = [w for w in words if w in known_roles or w in known_titles]
        modifiers = {_key(w) for w in words if w not in known_roles and w not in known_titles and w not in ("the", "of", "a", "an")}
        for h in heads:
            if h not in e.roles:
                self._by_role.setdefault(h, []).append(e)
            e.roles.setdefault(h, set()).update(modifiers)
            gender = roles().get(h, titles().get(h, "x"))
            e.add_gender(gender)

    def nominal(self, text: str, role: str | None, pos: int, mention: Mention | None = None) -> Entity | None:
        """The person a role or description refers to, or None if nobody holds it."""
        words = [w.lower() for w in _WORD.findall(text)]
        for word, title in (("ladyship", "lady"), ("lordship", "lord")):
            if word in words:
                # "her ladyship": the latest person the text called Lady
                for e in reversed(self._recent.values()):
                    if title in e.titles:
                        return self._touch(e, pos, mention)
        heads = [w for w in words if w in roles() or w in titles()]
        if role:
            heads = [role] + [h for h in heads if h != role]
        modifiers = {
            _key(w)
            for w in words
            if w not in roles() and w not in titles() and w not in ("the", "of", "a", "an", "his", "her", "their", "my", "our")
        }
        best, best_score = None, 0.0
        holders = {id(e): e for h in heads for e in self._by_role.get(h, ())[-_HOLDERS:]}
        named_first = min((e.first for e in holders.values() if not e.described), default=pos + 1)
        for e in holders.values():
            for h in heads:
                if h not in e.roles:
                    continue
                have = e.roles[h]
                # words that match count for; words the holder was never described with count
                # against only when it was described at all ("the staring Professor" is still
                # the Professor)
                score = 1.0 + len(modifiers & have) - (0.5 * len(modifiers - have) if have else 0.0)
                if self.fiction and e.described and not modifiers and e.first > named_first:
                    # "the Professor": Professor de Worms, not "the staring Professor" said of him since
                    score -= 0.05
                score += e.last / 1e9  # the most recent wins a tie
                if score > best_score:
                    best, best_score = e, score
        if best is None or best_score < 0.9 or (best.described and self.fiction):
            # a relative found by name comes before someone known only as "her mother"
            if words and words[0] in _POSSESSIVES and role in _KIN:
                kin = self._kin(words[0], role, pos)
                if kin is not None:
                    if role in _KIN_ELSEWHERE:
                        self._add_roles(kin, [role])  # "Uncle, you are not well": the uncle found
                    return self._touch(kin, pos, mention)
            if best is None or best_score < 0.9:
                return None
        return self._touch(best, pos, mention)

    def epithet(
        self, text: str, role: str | None, pos: int, mention: Mention | None = None, *, subjects_since: int | None = None
    ) -> Entity | None:
        """Fiction: "the young man", "the girl" — a plain word for a man or a woman after "the"
        names someone already in the scene, found as "he" or "she" would be. (A capitalised
        epithet is a name: "the Invisible Man".)"""
        if not self.fiction or role not in _EPITHETS or not (text[:3].lower() == "the" and text[3:4].isspace()):
            return None
        gender = roles().get(role, "x")
        if gender not in "mf" or any(w[:1].isupper() for w in text.split()[1:]):
            return None
        return self.pronoun("he" if gender == "m" else "she", pos, mention, subjects_since=subjects_since)

    def describe(self, text: str, role: str | None, pos: int, mention: Mention | None = None) -> Entity:
        """A person known only by a description ("the guest", "a young Lucas") until named."""
        e = self._new(pos)
        # (a description may run over a line break, "the Minister of\ndefence": the name it gives
        # has single spaces, whatever the text's line endings)
        e.forms[" ".join(text.split())] = 1
        e.described = True
        if role:
            self._add_roles(e, [w for w in _WORD.findall(text) if w.lower() not in ("the", "a", "an")] + [role])
        return self._touch(e, pos, mention)

    def _kin(self, possessive: str, role: str, pos: int) -> Entity | None:
        """ "his wife", "her mother": the relative of the person the possessive refers to.

        Spouses and parents share the family name and carry the title that tells them apart
        ("his wife" of Mr. Bennet is Mrs. Bennet); a missing spouse or parent is created with
        that name. Siblings and children must already be known. In fiction, when no family
        name links them (the owner is known by a given name only, or the possessive found no
        one who could be the owner), the relative is looked for in the scene (``_kin_in_scene``).
        """
        owner = self.pronoun(_POSSESSIVES[possessive], pos)
        if role in _KIN_ELSEWHERE:
            return self._kin_in_scene(owner, role, pos) if self.fiction else None
        if owner is None or owner.id == NARRATOR or owner.described or not owner.forms:
            return self._kin_in_scene(None, role, pos) if self.fiction else None
        if not owner.titles and all(len(f.split()) < 2 for f in owner.forms):
            # only a given name is known: no family name to go by
            return self._kin_in_scene(owner, role, pos) if self.fiction else None
        surname = owner.canonical(fullest=True).split()[-1]
        key = surname.lower()
        title, gender, create = _KIN[role]
        owner_cls = {_TITLE_CLASS.get(t) for t in owner.titles}
        if role in ("mother", "father", "mama", "mamma", "papa") and "mrs" in owner_cls:
            # a married woman's parents bear another name (or "her" is not the one it seemed)
            return self._kin_in_scene(None, role, pos) if self.fiction else None
        best = None
        for e in self._by_word.get(key, ()):
            if e is owner or (gender in "mf" and e.gender not in (gender, "x")):
                continue
            cls = {_TITLE_CLASS.get(t) for t in e.titles}
            if title and cls and _TITLE_CLASS[title] not in cls:
                continue
            if best is None or e.last > best.last:
                best = e
        if best is None and create and title:
            best = self.name(surname, pos, title=title)
        return best

    def _kin_in_scene(self, owner: Entity | None, role: str, pos: int) -> Entity | None:
        """Fiction: "her father" of "Elizabeth", whose family name the text never gives — the
        latest person nearby titled as that relative would be ("Mr. Bennet" for a father, a
        "Mrs." for a mother)."""
        title, gender, _ = _KIN[role]
        if title is None:
            return None
        for e in reversed(self._recent.values()):
            if pos - e.last > PRONOUN_REACH:
                break
            if owner is not None and role in _KIN_ELSEWHERE and e.words & owner.words:
                continue  # "her aunt" of Elizabeth Bennet is not Mrs. Bennet
            if e is not owner and e.gender in (gender, "x") and _TITLE_CLASS[title] in {_TITLE_CLASS.get(t) for t in e.titles}:
                return e
        return None

    def pronoun(
        self,
        word: str,
        pos: int,
        mention: Mention | None = None,
        *,
        subjects_since: int | None = None,
        not_named: frozenset[str] = frozenset(),
    ) -> Entity | None:
        """The person a third-person pronoun refers to: the latest whose gender agrees.

        With ``subjects_since``, a person of that gender who was the subject of a sentence since
        that position comes first ("Jock stopped to talk to Beaver. “Well,” he said": Jock).
        """
        low = word.lower()
        if low in ("i", "me", "my", "myself"):
            return self.narrator(pos, mention)
        gender, number = pronouns().get(low, ("x", "pl"))
        if number != "sg" or gender not in "mf":
            return None
        best = None
        fallback = None
        subject = None
        for e in reversed(self._recent.values()):
            if pos - e.last > PRONOUN_REACH:
                break  # the rest were mentioned even earlier
            if e.id == NARRATOR or e.gender not in (gender, "x") or (not_named and not_named & e.words):
                continue  # ("he told Smith": not Smith)
            if e.described and e.gender == "x":
                # a description that says nothing of sex ("the stranger", "the wooer") is
                # meant only when no one else can be
                fallback = fallback or e
                continue
            if best is None or e.last > best.last:
                best = e
            if (
                subjects_since is not None
                and e.subject_at >= subjects_since
                and (subject is None or e.subject_at > subject.subject_at)
            ):
                subject = e
        best = subject or best or fallback
        if best is None:
            return None
        if low not in _OBJECT_FORMS:
            # "Shoigu ... he said": learn Shoigu's gender - from a subject only: an object or
            # a possessive is often someone else's ("Colonel Brandon alone heard her sing")
            best.add_gender(gender)
        return self._touch(best, pos, mention)

    # -- coreference chains (stanza) -----------------------------------------------------------

    def chain_entity(self, start: int, end: int, pos: int) -> Entity | None:
        """The person of the coreference chain holding the mention ``[start, end)``, if any."""
        if self.annotation is None or not self._chain_of:
            return None
        ci = self._chain_of.get((start, end))
        if ci is None:
            for (s, e), c in self._chain_of.items():
                if (s <= start and end <= e) or (start <= s and e <= end):
                    ci = c
                    break
        if ci is None:
            return None
        if ci in self._chain_entity:
            return self._touch(self._chain_entity[ci], pos, None)
        chain = self.annotation.coref[ci]
        rep = chain.name_span
        text = self.annotation.text
        name = text[rep.start : rep.end]
        words = _WORD.findall(name)
        if (words and words[0].lower() in ("the", "a", "an", "his", "her")) or not any(w[:1].isupper() for w in words):
            # the representative is a description; look for a proper name among the mentions
            for m in chain.mentions:
                cand = text[m.start : m.end]
                cw = _WORD.findall(cand)
                if cw and all(w[:1].isupper() for w in cw) and cw[0].lower() not in not_names():
                    name = cand
                    break
        if not any(w[:1].isupper() for w in _WORD.findall(name)):
            return None
        e = self.name(name, pos)
        self._chain_entity[ci] = e
        return e

    # -- lookups -----------------------------------------------------------------------------

    def mention_near(self, e: Entity, start: int, end: int) -> Mention | None:
        """The mention of ``e`` to show for a quote at ``[start, end)``: the latest one before it,
        else the first one after it; never one inside it."""
        mentions = e.mentions  # in document order: they are met in that order
        k = bisect.bisect_left(mentions, start, key=lambda m: m.start)
        for m in reversed(mentions[max(0, k - 8) : k]):
            if m.end <= start:
                return m
        for m in mentions[k : k + 8]:
            if m.start >= end:
                return m
        return None
