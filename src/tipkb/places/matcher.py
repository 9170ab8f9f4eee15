"""A spaCy matcher that finds the gazetteer's place names in a Doc."""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.attrs import IS_SPACE
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tipkb.places.gazetteer import REGION_PREFIX, gazetteer, normalise, not_places, spellings

_NOT_PLACE = "-"
_SMALL_WORDS = frozenset({"and", "of", "the"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a Doc: token span, character span, and the code it stands for."""

    start: int
    end: int
    start_char: int
    end_char: int
    code: str
    kind: str
    text: str


def _title(text: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in text.split(" "))


def _variants(surface: str, kind: str) -> set[str]:
    """The capitalisations under which a surface form matches: as written and ALL CAPS (headings);
    regions also in Title Case ("Gulf States"); countries and demonyms also with a hyphen added or
    dropped ("Sierra-Leone", "Bosnia Herzegovina", "Sierra-Leonean"). Each with straight and curly
    apostrophes ("People's", "People’s")."""
    variants = {surface}
    if kind == "region":
        variants.add(_title(surface))
    else:
        variants |= spellings(surface)
    variants |= {v.upper() for v in variants}
    return variants | {v.replace("'", "’") for v in variants} | {v.replace("’", "'") for v in variants}


class PlaceMatcher:
    """Find country names, abbreviations, demonyms and regions in a Doc made by the English tokenizer.

    One PhraseMatcher pass (case-sensitive on ORTH) and a linear filter: overlapping matches keep the
    longest, ties the earliest. A leading "the" is never part of a mention (except in "The Gambia",
    "The Bahamas"). In "West and Central African countries" the bare "West" is a mention of its own
    (region:West Africa), read as "West African countries".
    """

    def __init__(self, vocab: Vocab) -> None:
        gaz = gazetteer()
        pattern_to_key: dict[str, tuple[str, str]] = {}
        for text in not_places():
            for variant in _variants(text, "country"):
                pattern_to_key.setdefault(variant, (_NOT_PLACE, _NOT_PLACE))
        for surface, (code, kind) in gaz.surfaces.items():
            for variant in _variants(surface, kind):
                pattern_to_key.setdefault(variant, (code, kind))
        by_key: dict[tuple[str, str], list[str]] = {}
        for text, key in pattern_to_key.items():
            by_key.setdefault(key, []).append(text)

        self._matcher = PhraseMatcher(vocab, attr="ORTH")
        self._keys: dict[int, tuple[str, str]] = {}
        # Patterns are tokenised like the text, so "U.A.E." is one token and "People’s" two.
        make_doc = spacy.blank("en", vocab=vocab).make_doc
        for (code, kind), texts in by_key.items():
            label = f"{kind} {code}"
            self._matcher.add(label, [make_doc(text) for text in texts])
            self._keys[vocab.strings[label]] = (code, kind)
        self._index = gaz.index

    def __call__(self, doc: Doc) -> list[PlaceMention]:
        """The place mentions in ``doc``, by token and character span in it. Whitespace tokens (the run of
        spaces a page break or a blanked running header leaves in the text as read) are looked through:
        "Slovak" and "Republic" on either side of a page break are one name, its span running across
        the break."""
        words = _words(doc)
        if words is None:
            found = self._find(doc)
        else:
            compact = Doc(
                doc.vocab,
                words=[doc[i].text for i in words],
                spaces=[bool(doc[i].whitespace_) or doc[i + 1 : i + 2].text.isspace() for i in words],
            )
            found = [(words[s], words[e - 1] + 1, code, kind) for s, e, code, kind in self._find(compact)]
        return [_mention(doc, start, end, code, kind) for start, end, code, kind in found]

    def _find(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        matches = sorted(self._matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
        taken = bytearray(len(doc))
        kept: list[tuple[int, int, str, str]] = []
        for match_id, start, end in matches:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            code, kind = self._keys[match_id]
            if code != _NOT_PLACE:
                kept.append((start, end, code, kind))
        kept.sort()
        return self._add_elided_names(doc, kept, taken)

    def _add_elided_names(
        self, doc: Doc, kept: list[tuple[int, int, str, str]], taken: bytearray
    ) -> list[tuple[int, int, str, str]]:
        """In "West and Central Africa", "North and South Korea", the bare first word is a mention too
        ("West Africa", "North Korea") when it makes a known name with the rest of the next mention."""
        out: list[tuple[int, int, str, str]] = []
        for start, end, code, kind in kept:
            if end - start > 1 and start >= 2 and doc[start - 1].lower_ == "and" and not taken[start - 2]:
                word = doc[start - 2]
                if word.is_title or word.is_upper:
                    elided = self._index.get(normalise(f"{word.text} {doc[start + 1 : end].text}"))
                    # Same category only: "South and Central Africa" does not mean South Africa.
                    if elided and elided.startswith(REGION_PREFIX) == code.startswith(REGION_PREFIX):
                        out.append((start - 2, start - 1, elided, kind))
            out.append((start, end, code, kind))
        return out


def _words(doc: Doc) -> list[int] | None:
    """The indices of the tokens that are not whitespace, or None when all are words."""
    space = doc.to_array(IS_SPACE)
    if not space.any():
        return None
    return [int(i) for i in (space == 0).nonzero()[0]]


def _mention(doc: Doc, start: int, end: int, code: str, kind: str) -> PlaceMention:
    # Span.text, not Doc.text: the latter walks the whole Doc on each access.
    span = doc[start:end]
    return PlaceMention(start, end, span.start_char, span.end_char, code, kind, span.text)
