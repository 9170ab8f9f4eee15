"""The words questions are read with, loaded once: ``lexicon()`` gathers the question words of
``data/questions.toml`` (cues, slots, metrics, years, English and foreign words, stopwords) and the
extractor's vocabulary (victims, exploitation, people, roles) into a ``Lexicon``;
``tokenizer_and_matcher()`` makes the tokenizer and place matcher that split a question and find its
places."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from tipkb.places import PlaceMatcher
from tipkb.vocab import Phrases, vocabulary

__all__ = ["Lexicon", "lexicon", "tokenizer_and_matcher"]


@dataclass(frozen=True)
class Lexicon:
    metrics: dict[str, str]
    cues: dict[str, Phrases]
    cue_words: dict[str, frozenset[str]]
    slots: dict[str, str]
    since: frozenset[str]
    until: frozenset[str]
    english: frozenset[str]
    foreign: frozenset[str]
    off_topic: frozenset[str]
    filler: frozenset[str]
    stopwords: frozenset[str]
    known: frozenset[str]
    people: frozenset[str]
    subject_slots: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The question words and phrases (data/questions.toml and the extractor's vocabulary), loaded once."""
    raw = tomllib.loads(files("tipkb.data").joinpath("questions.toml").read_text("utf-8"))
    vocab = vocabulary()
    cues = {name: Phrases.build(dict.fromkeys(phrases, name)) for name, phrases in raw["cues"].items()}
    slots = {word: slot for slot, words in raw["slots"].items() for word in words}
    subject_slots = {word: slot for slot, words in raw["subject_slots"].items() for word in words}
    english = frozenset(raw["english"]["words"])
    known: set[str] = set(english) | set(raw["metrics"]) | set(slots) | set(subject_slots)
    for phrases in raw["cues"].values():
        for phrase in phrases:
            known.update(phrase.split())
    for phrases in (vocab.victims, vocab.exploitation, vocab.sectors, vocab.extent):
        for options in phrases.by_first.values():
            for words, _ in options:
                known.update(words)
    known.update(vocab.people, vocab.roles, vocab.months, vocab.numbers, vocab.hedges)
    people = frozenset(vocab.people) | {
        w for options in vocab.victims.by_first.values() for ws, _ in options for w in ws
    }
    return Lexicon(
        metrics=dict(raw["metrics"]),
        cues=cues,
        cue_words={
            name: frozenset(p for p in phrases if " " not in p) for name, phrases in raw["cues"].items()
        },
        slots=slots,
        since=frozenset(raw["years"]["since"]),
        until=frozenset(raw["years"]["until"]),
        english=english,
        foreign=frozenset(raw["foreign"]["words"]),
        off_topic=frozenset(raw["off_topic"]["words"]),
        filler=frozenset(raw["profile_filler"]["words"]),
        stopwords=frozenset(raw["stopwords"]["words"]),
        known=frozenset(known),
        people=people,
        subject_slots=subject_slots,
    )


@lru_cache(maxsize=1)
def tokenizer_and_matcher() -> tuple[Any, PlaceMatcher]:
    """The tokenizer and place matcher that read questions, made once."""
    from tipkb.segment import nlp

    pipeline = nlp()
    return pipeline, PlaceMatcher(pipeline.vocab)
