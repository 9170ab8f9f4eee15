"""Properties over random text: never crash, evidence always equals the text it points into."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipkb import extract

WORDS = [
    "Peru",
    "Chile",
    "Peruvian",
    "women",
    "men",
    "children",
    "are",
    "were",
    "trafficked",
    "to",
    "from",
    "in",
    "within",
    "the",
    "country",
    "source",
    "destination",
    "transit",
    "is",
    "a",
    "and",
    ",",
    ".",
    ";",
    "(",
    ")",
    "Tier",
    "2",
    "Watch",
    "List",
    "2014",
    "investigated",
    "12",
    "cases",
    "compared",
    "with",
    "none",
    "$",
    "5,000",
    "allocated",
    "victims",
    "identified",
    "ratified",
    "Palermo",
    "Protocol",
    "May",
    "\n",
    "\n\n",
    "U.S.",
    "[1]",
    "forced",
    "labor",
    "sex",
    "trafficking",
    "internally",
    "Europe",
    "primarily",
    "on",
    "through",
    "seven",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_evidence_offsets_on_word_salad(text: str) -> None:
    for fact in extract(text, "salad.txt"):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert fact.evidence.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_evidence_offsets_on_any_text(text: str) -> None:
    for fact in extract(text, "any.txt"):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


def test_json_round_trip() -> None:
    from tipkb import fact_from_dict

    text = "Peru is a source country. Peruvian women are exploited in Chile. Police identified 12 victims in 2014."
    for fact in extract(text, "peru.txt"):
        assert fact_from_dict(fact.to_dict()).to_dict() == fact.to_dict()
