"""The subject of a document and of its paragraphs: the country they are about (FACTS.md).

A document's subject is the country its title or headings name (the United States only when no other
is, being the speaker of many titles), unless its file name names one the title or opening names too;
else the country its first sentences open with as their subject ("Togo is ...", "In 2008, Vietnam
was ...", an entry label "Chile: ..."), else the one its file name names. The places a sentence names count without an agency's country ("the U.S. Department of State")
or a rating one ("The United States rated the country Tier 1"). ``tipkb.context`` uses the same readers
to hand the subject on to a paragraph or a country heading ("KAZAKHSTAN: TIER 2").
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING

from tipkb.context.years import as_year
from tipkb.places import resolve_place
from tipkb.segment import Segmented, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

    from tipkb.places import PlaceMention

# A country at the head of a paragraph's first sentence, then one of these, is what the paragraph is about.
_SUBJECT_VERBS = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "remains",
        "remained",
        "continues",
        "continued",
        "ratified",
        "acceded",
        "became",
        "are",
        "were",
        "does",
        "did",
        "made",
        "prohibits",
        "criminalizes",
        "criminalized",
    ]
)
_SUBJECT_LEAD = frozenset(["in", "during", "the", "government", "of", ","])


def subject_from_name(source: str) -> str | None:
    """The country a file name names (``r12-palau.txt``, ``romania-2021.md``), if any."""
    stem = PurePath(source).stem.lower()
    words = [w for w in re.split(r"[-_\s.]+", stem) if w and not re.fullmatch(r"[a-z]?\d+", w)]
    for size in range(len(words), 0, -1):
        for first in range(0, len(words) - size + 1):
            code = resolve_place(" ".join(words[first : first + size]))
            if code and not code.startswith("region:"):
                return code
    return None


def leading_country(sent: Sentence) -> str | None:
    """The country a sentence opens with as its subject ("Togo is", "In 2008, Vietnam was"), or as
    the label of an entry ("Chile: ...", "Chile current situation: Chile is ...")."""
    if not sent.places:
        return None
    first = sent.places[0]
    if first.kind != "country":
        return None
    span = sent.span
    lead = [t.lower_ for t in span[: first.start - span.start] if not t.is_space]
    if any(not (w in _SUBJECT_LEAD or as_year(w)) for w in lead):
        return None
    after = first.end - span.start
    if not lead and _labels_entry(span[after : after + 6]):
        return first.code
    tokens = [t for t in span[after : after + 3] if not t.is_space]
    # "The Kyrgyz Republic ratified", "Kazakhstan also allocated": skip one adverb.
    for tok in tokens[:2]:
        if tok.lower_ in _SUBJECT_VERBS:
            return first.code
        if not tok.lower_.endswith("ly") and tok.lower_ not in ("also", "again", "still"):
            break
    return None


def _labels_entry(tokens: Span) -> bool:
    """After a country that opens a paragraph: a colon, or up to three lower-case content words and a
    colon ("Chile: ...", "Chile current situation: ..."), as in the entries of a listing."""
    words = [t for t in tokens if not t.is_space]
    for n, tok in enumerate(words[:4]):
        if tok.text == ":":
            return True
        if not (tok.is_alpha and tok.is_lower) or tok.is_stop or n == 3:
            return False
    return False


_INSTITUTION = frozenset(["department", "state", "government", "embassy", "secretary", "office", "congress"])


def heading_countries(sent: Sentence) -> list[str]:
    """The countries a heading names, not counting institutions ("U.S. Department of State")."""
    doc = sent.span.doc
    out = []
    for place in sent.places:
        nxt = doc[place.end].lower_ if place.end < len(doc) else ""
        if place.kind == "country" and nxt not in _INSTITUTION:
            out.append(place.code)
    return out


def heading_country(sent: Sentence) -> str | None:
    countries = heading_countries(sent)
    return countries[0] if countries else None


def document_subject(seg: Segmented, source: str) -> str | None:
    """The country a document is about (FACTS.md: title or heading, first sentences, file name).

    Titles often name the United States as the speaker ("U.S. Says Uzbekistan ..."), so it counts only
    when no other country is named. A file name that names a country the opening names wins.
    """
    heads: list[str] = []
    for sent in seg.sentences[:12]:
        if sent.heading and sent.paragraph < 8:
            heads.extend(code for code in heading_countries(sent) if code not in heads)
    if len(heads) > 1 and "USA" in heads:
        heads.remove("USA")
    named = subject_from_name(source)
    if named:
        opening = {p.code for s in seg.sentences[:12] for p in s.places}
        if not heads or named in heads or named in opening:
            return named
    if heads:
        return heads[0]
    # The country the first sentences open with; a stray first sentence about another country ("Samoa
    # acceded to the Protocol" atop a narrative on Tonga) gives way to the one the text goes on about.
    running = [sent for sent in seg.sentences[:8] if not sent.heading]
    leaders = [code for sent in running if (code := leading_country(sent))]
    if leaders:
        if named in leaders:
            return named
        mentions: dict[str, int] = {}
        for sent in seg.sentences:
            for place in _own_places(sent):
                mentions[place.code] = mentions.get(place.code, 0) + 1
        # A first sentence that is a paragraph of its own is the likeliest stray one.
        sizes: dict[int, int] = {}
        for sent in running:
            sizes[sent.paragraph] = sizes.get(sent.paragraph, 0) + 1
        lone = len(running) > 2 and sizes[running[0].paragraph] == 1 and sizes[running[1].paragraph] > 1
        first = leaders[0] if lone and leading_country(running[0]) else None
        return max(
            leaders,
            key=lambda code: (
                leaders.count(code),
                mentions.get(code, 0),
                code != first,
                -leaders.index(code),
            ),
        )
    if named:
        return named
    for sent in seg.sentences[:5]:
        for place in _own_places(sent):
            if place.kind in ("country", "demonym"):
                return place.code
    return None


def names_later(seg: Segmented, sent: Sentence, code: str) -> bool:
    """Does a later sentence of the sentence's paragraph name the country?"""
    after = (s for s in seg.sentences if s.paragraph == sent.paragraph and s.start > sent.start)
    return any(p.code == code for s in after for p in s.places)


def _own_places(sent: Sentence) -> list[PlaceMention]:
    """The places a sentence names, not counting an agency's country ("The U.S. Department of State
    ... rated the country Tier 1", "the U.S. Embassy") nor a country that rates another ("The United
    States rated the country Tier 1"): they speak about the document's subject."""
    doc = sent.span.doc
    out = []
    rates = _TIER_WORD.search(sent.text) is not None
    starts = {p.start for p in sent.places}
    for place in sent.places:
        nxt = doc[place.end].lower_ if place.end < len(doc) else ""
        obj = place.end + 1
        if nxt in _AGENCY:
            continue
        if rates and nxt in _RATES and obj < len(doc) and (doc[obj].lower_ in _OBJECTS or obj in starts):
            continue  # "The United States rated the country Tier 1": the rater ("X ranked Tier 2" is X)
        out.append(place)
    return out


# After a country, words that make it an agency's ("the U.S. Department of State"); not "government":
# "the Palau government prosecuted ..." is about Palau.
_AGENCY = frozenset(["department", "state", "embassy", "secretary", "office", "congress", "ambassador"])
# A country that rates, ranks or places on a tier is the rater, not what is rated.
_RATES = frozenset(
    [
        "rated",
        "rates",
        "ranked",
        "ranks",
        "placed",
        "places",
        "downgraded",
        "upgraded",
        "moved",
        "kept",
        "put",
    ]
)
_TIER_WORD = re.compile(r"\btier\b", re.I)
_OBJECTS = frozenset(["the", "it", "its", "this", "them"])


_TIER_HEADING = re.compile(r"tier|special case", re.I)


def looks_like_country_heading(sent: Sentence) -> bool:
    """A heading that names a narrative's country ("KAZAKHSTAN: TIER 2", "Moldova")."""
    if _TIER_HEADING.search(sent.text):
        return True
    words = [t for t in sent.span if not t.is_punct and not t.is_space]
    covered = sum(p.end - p.start for p in sent.places)
    return bool(words) and covered >= len(words)
