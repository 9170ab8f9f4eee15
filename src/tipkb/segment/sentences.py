"""Tokens and sentence ends: spaCy's blank English tokenizer with tipkb's tweaks (a citation marker such as
``[2]`` stays one token, a dash between a word and a number is a break), and the small rule that says
where sentences start in a block of tokens (after . ! ? and any closing quotes, brackets and citations,
before a capital, digit or quote; an abbreviation such as "U.S." ends one only before a word that
usually opens a sentence)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy loads in about a second: only when a document is first segmented
    from spacy.language import Language
    from spacy.tokens import Doc

_CITATION = r"\[\d{1,3}\]|\[[a-z]\]"
_SENT_END = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
# After an abbreviation ending in a dot ("the U.S. In 2007, ..."), only these start a new sentence.
_STARTERS = {"In", "The", "During", "According", "A", "An", "Some", "Many", "Most", "There", "This", "It"}
# Abbreviations before a number ("Law No. 2016-61", "Art. 143", "pp. 12-14"): their dot ends no sentence.
_NUMBER_ABBREVS = {
    "no",
    "nos",
    "art",
    "arts",
    "para",
    "paras",
    "sec",
    "secs",
    "pp",
    "vol",
    "fig",
    "ch",
    "approx",
}


@lru_cache(maxsize=1)
def nlp() -> Language:
    """spaCy's blank English pipeline with tipkb's tokenizer tweaks (citations stay one token)."""
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    pipeline = spacy.blank("en")
    defaults: Any = pipeline.Defaults
    tokenizer: Any = pipeline.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([_CITATION, *defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([_CITATION, *defaults.suffixes]).search
    # A dash between a word and a number is a break ("20 victims—10 men, ..."), as it is between words;
    # so is an em dash between numbers ("117 victims in 2020—96 of them ..."; an en dash is a range).
    tokenizer.infix_finditer = compile_infix_regex(
        [*defaults.infixes, r"(?<=[A-Za-z])[—–](?=[0-9])", r"(?<=[0-9])—(?=[0-9])"]
    ).finditer
    # Emoticons are no tokens in these texts: "(18 in 2015): six ..." ends a bracket, then a colon, and
    # "forced labour (8)," a bracketed count, not "8)".
    tokenizer.rules = {
        k: v
        for k, v in tokenizer.rules.items()
        if not (set(k) & set("():;") and (not any(c.isalpha() for c in k) or any(c.isdigit() for c in k)))
    }
    return pipeline


def _before_a_number(word: str) -> bool:
    low = word.lower()
    return low in _NUMBER_ABBREVS and (low not in ("no", "nos") or word[:1] == "N")


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start: after . ! ? (and any closing quotes, brackets and
    citations), before a capital, digit or quote. Semicolons do not end sentences. An abbreviation
    with inner dots ("U.S.") ends one only before a word that usually opens a sentence."""
    words = [t.text for t in doc]
    n = len(words)
    starts = [0] if n else []
    i = 0
    while i < n:
        text = words[i]
        is_end = text in _SENT_END
        abbrev = not is_end and len(text) > 2 and text[-1] == "." and "." in text[:-1]
        i += 1
        if not (is_end or abbrev):
            continue
        j = i
        while j < n and (words[j] in _CLOSERS or words[j][:1] == "[" or words[j].isspace()):
            j += 1
        if j >= n:
            break
        nxt = words[j]
        if abbrev:
            opens = nxt in _STARTERS
        elif text == "." and i >= 2 and _before_a_number(words[i - 2]) and nxt[:1].isdecimal():
            opens = False  # "Law No. 2016-61", not "The answer was no. 2019 ..."
        else:
            opens = nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "\"“'‘•("
        if opens:
            starts.append(j)
        i = j
    return starts
