"""Reading a question: the places, years, victims, kinds of exploitation, statistics and tiers it names,
the part each place plays (from, to, through), and what kind of fact it asks about (``question_kind``).

The words come from the extractor's vocabulary (the places gazetteer and ``PlaceMatcher``, the victims and
exploitation phrases of ``vocabulary.toml``) and from ``data/questions.toml`` (question words), gathered
in ``question_words``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tipkb.analysis.question_kind import asked_kind, compares, unanswerable
from tipkb.analysis.question_words import Lexicon, lexicon, tokenizer_and_matcher
from tipkb.model import EXPLOITATION, ROLES, VICTIMS
from tipkb.places import REGION_PREFIX, gazetteer
from tipkb.places.gazetteer import normalise
from tipkb.vocab import vocabulary

__all__ = [
    "Lexicon",
    "Place",
    "Question",
    "compares",
    "asked_kind",
    "is_english",
    "lexicon",
    "ordered",
    "read_question",
    "unanswerable",
]


# -- reading a question --------------------------------------------------------------------------


@dataclass
class Place:
    code: str
    text: str
    start: int
    end: int
    kind: str
    slot: str | None = None


@dataclass
class Question:
    text: str
    words: list[str]
    low: list[str]
    places: list[Place]
    unknown: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    year: int | None = None
    years: tuple[int, int] | None = None
    only: set[int] | None = None
    out_of_range: list[int] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    exploitation: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    tier: str | None = None
    roles: list[str] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)
    negated: bool = False
    within: str | None = None
    within_end: str = "either"
    within_tokens: set[int] = field(default_factory=set)

    def has(self, cue: str) -> bool:
        return cue in self.cues

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(p.code for p in self.places))

    def slot(self, slot: str | None) -> list[str]:
        return list(dict.fromkeys(p.code for p in self.places if p.slot == slot))

    def describe(self) -> dict[str, Any]:
        return {
            "places": [{"code": p.code, "text": p.text, "role": p.slot} for p in self.places],
            "year": self.year,
            "years": list(self.years) if self.years else None,
            "victims": self.victims,
            "exploitation": self.exploitation,
            "metrics": self.metrics,
            "tier": self.tier,
            "roles": self.roles,
            "within": self.within,
            "cues": sorted(self.cues),
        }


_YEAR = re.compile(r"(?<![\d$.,])\b(\d{4})\b(?!\d|[.,]\d)")
_NAMED_YEAR = re.compile(r"\s*(?:un\b|u\.n\.|tip\b|palermo\b|protocol\b)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|through|until|till)\s*$", re.IGNORECASE)
_TIER = (
    (re.compile(r"\btier\s*(?:2|two|ii)\s*[-\s]?\s*(?:wl|watch\s*-?\s*list)\b|\bwatch\s*-?\s*list\b"), "2WL"),
    (re.compile(r"\bspecial\s+case\b"), "special"),
    (re.compile(r"\btier\s*(?:1|one|i)\b"), "1"),
    (re.compile(r"\btier\s*(?:3|three|iii)\b"), "3"),
    (re.compile(r"\btier\s*(?:2|two|ii)\b"), "2"),
)
_NEGATIONS = frozenset({"not", "n't", "never", "fail", "fails", "failed", "no", "neither", "nor"})
_ORIGINATE = frozenset({"originate", "originated", "originates", "originating", "born"})
_SKIP_BEFORE_PLACE = frozenset({"the", "other"})
_COORDINATORS = frozenset({",", "and", "or", "&", "the", "/"})
_SPANISH_MARKS = ("¿", "¡")
# "the US State Department", "the U.S. TIP report": the author of the reports, not a place in a flow.
_US_BODIES = frozenset(
    {"state", "department", "government", "tip", "trafficking", "report", "embassy", "secretary"}
)


def is_english(text: str) -> bool:
    """False when the question is written in another script or its words are mostly another language's."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    foreign_script = sum(1 for ch in letters if ord(ch) > 0x24F)
    if foreign_script / len(letters) > 0.3:
        return False
    if any(mark in text for mark in _SPANISH_MARKS):
        return False
    lex = lexicon()
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    english = sum(1 for w in words if w in lex.english or w in lex.known)
    foreign = sum(1 for w in words if w in lex.foreign)
    return not (foreign >= 2 and foreign > english) and not (
        foreign >= 1 and english == 0 and len(words) >= 2
    )


def _mentions(text: str) -> tuple[Any, list[Place]]:
    """The question's tokens, and the places named in it (as written; in lower-case questions also as if
    capitalised; three-letter codes in capitals)."""
    pipeline, matcher = tokenizer_and_matcher()
    doc = pipeline(text)
    found = {(m.start, m.end): m for m in matcher(doc)}
    if not any(ch.isupper() for ch in text[1:]):
        titled = re.sub(r"(?<![\w'’])([a-z])", lambda m: m.group(1).upper(), text)
        titled_doc = pipeline(titled)
        if len(titled_doc) == len(doc):
            for m in matcher(titled_doc):
                if not any(s < m.end and m.start < e for s, e in found):
                    found[(m.start, m.end)] = m
    places = [
        Place(m.code, doc[m.start : m.end].text, m.start, m.end, m.kind)
        for _, m in sorted(found.items())
        if not (m.code == "USA" and m.end < len(doc) and doc[m.end].lower_ in _US_BODIES)
    ]
    shouting = sum(1 for ch in text if ch.isupper()) > 0.6 * max(1, sum(1 for ch in text if ch.isalpha()))
    if not shouting:
        names = gazetteer().names
        taken = {i for p in places for i in range(p.start, p.end)}
        for tok in doc:
            if tok.i not in taken and len(tok.text) == 3 and tok.text.isupper() and tok.text in names:
                places.append(Place(tok.text, tok.text, tok.i, tok.i + 1, "code"))
        places.sort(key=lambda p: p.start)
    return doc, places


def _unknown_names(q: Question) -> tuple[list[str], list[str]]:
    """Capitalised words that name no known place and are no known word, and lower-case words after
    "from", "to", "in", ... that look like a misspelt place; with the closest known names."""
    lex = lexicon()
    taken = {i for p in q.places for i in range(p.start, p.end)} | q.within_tokens
    letters = [ch for ch in q.text if ch.isalpha()]
    shouting = sum(1 for ch in letters if ch.isupper()) > 0.6 * max(1, len(letters))
    unknown: list[str] = []
    run: list[str] = []
    for i, word in enumerate(q.words):
        low = q.low[i]
        capital = word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()
        if i not in taken and capital and not shouting and low not in lex.known and low not in lex.off_topic:
            run.append(word)
            continue
        if i not in taken and word.isalpha() and word.islower() and len(word) >= 4 and low not in lex.known:
            before = q.low[i - 1] if i else ""
            if before in lex.slots and difflib.get_close_matches(
                normalise(word), [normalise(s) for s in gazetteer().surfaces], n=1, cutoff=0.8
            ):
                run.append(word)
                continue
        if run:
            unknown.append(" ".join(run))
            run = []
    if run:
        unknown.append(" ".join(run))
    suggestions: list[str] = []
    for name in unknown:
        suggestions.extend(s for s in _close_places(name) if s not in suggestions)
    return unknown, suggestions[:3]


def _close_places(name: str) -> list[str]:
    """Names of the places whose names, aliases or demonyms are spelt much like ``name`` (one name per
    place): "Kazakstan" -> ["Kazakhstan"]; nothing for a name like no place's."""
    gaz = gazetteer()
    index = gaz.index
    close = difflib.get_close_matches(normalise(name), list(index), n=6, cutoff=0.75)
    return list(dict.fromkeys(gaz.names[index[key]] for key in close))[:3]


def _within(q: Question) -> None:
    """ "Which West African countries ...", "what European destinations ...": a region right after a
    question word narrows the answer to its countries rather than naming a place of the flow."""
    for place in list(q.places):
        before = q.low[max(0, place.start - 2) : place.start]
        if place.code.startswith(REGION_PREFIX) and (
            before[-1:] in (["which"], ["what"]) or before in (["countries", "in"], ["countries", "of"])
        ):
            q.within = place.code
            q.within_tokens = set(range(place.start, place.end))
            q.places.remove(place)
            return


def _slots(q: Question) -> None:
    """Give each place its part in a flow: the preposition before it, "originated in", a people word
    after it (Uzbek women), then the part of a place it is listed with (from A and B)."""
    lex = lexicon()
    n = len(q.low)
    for place in q.places:
        j = place.start - 1
        while j >= 0 and q.low[j] in _SKIP_BEFORE_PLACE:
            j -= 1
        if j >= 1 and (q.low[j - 1], q.low[j]) == ("out", "of"):
            place.slot = "origin"
        elif j >= 0 and q.low[j] in lex.slots:
            place.slot = lex.slots[q.low[j]]
            if q.low[j] == "in" and j >= 1 and q.low[j - 1] in _ORIGINATE:
                place.slot = "origin"
        if place.slot is None and place.end < n and q.low[place.end] in lex.people:
            place.slot = "origin"
        # "Do Russians get trafficked?": nationals are the people moved.
        if place.slot is None and place.kind == "demonym" and place.text.endswith(("s", "ese", "ish")):
            place.slot = "origin"
        # "did Honduras send women ...", "does Qatar receive workers ...": the place is the subject.
        if place.slot is None and place.end < n and q.low[place.end] in lex.subject_slots:
            place.slot = lex.subject_slots[q.low[place.end]]

    def listed(a: Place, b: Place) -> bool:
        between = q.low[a.end : b.start]
        return all(w in _COORDINATORS for w in between) and any(
            w in (",", "and", "or", "&", "/") for w in between
        )

    for a, b in zip(q.places, q.places[1:], strict=False):
        if b.slot is None and a.slot is not None and listed(a, b):
            b.slot = a.slot
    for a, b in reversed(list(zip(q.places, q.places[1:], strict=False))):
        if a.slot is None and b.slot == "origin" and listed(a, b):
            a.slot = b.slot


def _read_years(q: Question, bounds: tuple[int, int] | None) -> None:
    found: list[tuple[int, int, int]] = []
    for m in _YEAR.finditer(q.text):
        if _NAMED_YEAR.match(q.text, m.end()):
            continue  # "the 2000 UN TIP Protocol" names a treaty, not a year
        found.append((m.start(), m.end(), int(m.group(1))))
    if not found:
        return
    lo, hi = bounds if bounds else (1990, 2100)
    lower = q.text.lower()

    def word_before(pos: int) -> str:
        words = re.findall(r"[a-z]+", lower[max(0, pos - 12) : pos])
        return (
            " ".join(words[-2:])
            if len(words) >= 2 and words[-2:] == ["up", "to"]
            else (words[-1] if words else "")
        )

    lex = lexicon()
    if len(found) >= 2 and _RANGE_JOIN.match(q.text[found[0][1] : found[1][0]]):
        first, last = sorted((found[0][2], found[1][2]))
        q.years = (first, last)
    elif len(found) == 1 and word_before(found[0][0]) in lex.since:
        q.years = (found[0][2] + (1 if word_before(found[0][0]) == "after" else 0), max(hi, found[0][2]))
    elif len(found) == 1 and word_before(found[0][0]) in lex.until:
        q.years = (min(lo, found[0][2]), found[0][2] - (1 if word_before(found[0][0]) == "before" else 0))
    elif len(found) == 1:
        q.year = found[0][2]
    else:
        stated = sorted({y for _, _, y in found})
        q.years = (stated[0], stated[-1])
        q.only = set(stated)
    if q.year is not None and not lo <= q.year <= hi:
        q.out_of_range.append(q.year)
    if q.years is not None:
        a, b = q.years
        if b < lo or a > hi or a > b:
            q.out_of_range.extend(y for _, _, y in found)
        elif q.only:
            q.out_of_range.extend(y for y in sorted(q.only) if not lo <= y <= hi)


def read_question(text: str, bounds: tuple[int, int] | None) -> Question:
    """What a question asks: its intent, places, years and the other slots it fills."""
    lex = lexicon()
    vocab = vocabulary()
    doc, places = _mentions(text)
    words = [t.text for t in doc]
    low = [t.lower_ for t in doc]
    q = Question(text=text, words=words, low=low, places=places)
    for name, phrases in lex.cues.items():
        if phrases.find(low):
            q.cues.add(name)
    taken = {i for p in places for i in range(p.start, p.end)}
    q.victims = ordered(v for s, e, v in vocab.victims.find(low) if s not in taken)
    exploitation = []
    for s, e, value in vocab.exploitation.find(low):
        if s in taken or (e < len(low) and low[e] in vocab.exploitation_blockers):
            continue
        exploitation.append(value)
    q.exploitation = [e for e in EXPLOITATION if e in exploitation]
    metrics = [lex.metrics[w] for w in low if w in lex.metrics]
    if "officials" in low or "official" in low:
        metrics = [
            {"prosecutions": "officials_prosecuted", "convictions": "officials_convicted"}.get(m, m)
            for m in metrics
        ]
    q.metrics = list(dict.fromkeys(metrics))
    lowered = text.lower()
    for pattern, tier in _TIER:
        if pattern.search(lowered):
            q.tier = tier
            break
    q.roles = ordered((vocab.roles.get(w) or vocab.roles.get(w.removesuffix("s")) or "" for w in low), ROLES)
    q.negated = any(w in _NEGATIONS for w in low)
    _within(q)
    _slots(q)
    _read_years(q, bounds)
    q.unknown, q.suggestions = _unknown_names(q)
    return q


def ordered(values: Iterable[str], order: Sequence[str] = VICTIMS) -> list[str]:
    """The values in the order of the contract's list, then the others as given."""
    seen = set(values)
    return [v for v in order if v in seen]
