"""What an analyst asks first: compound questions answered in both parts per country, yes/no questions
answered yes, no or "the texts do not say" first, counts answered with the total."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from store_helpers import flow, record
from tipkb.analysis.ask import ask
from tipkb.analysis.ask.statistics import _total_first
from tipkb.query import StatRow
from tipkb.store import Store, open_store
from web_fixtures import documents


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    bangladesh = record(
        "notes/bangladesh.txt",
        [
            (
                "Bangladeshi men are made to work without pay on farms in Qatar.",
                [flow("BGD", "QAT", 2017, ["men"], ["labor"])],
            ),
            (
                "Bangladeshi women are sold to brothels across the border in India.",
                [flow("BGD", "IND", 2017, ["women"], ["sexual"])],
            ),
        ],
        subject="BGD",
    )
    path = tmp_path_factory.mktemp("ask") / "kb.db"
    with open_store(str(path)) as s:
        s.write_documents([*documents(), bangladesh])
        yield s


def test_where_and_for_what_for_two_countries(store: Store) -> None:
    answer = ask(store, "Where are Nepali and Bangladeshi workers trafficked to, and for what?")
    assert answer.answered and answer.kind == "flows"
    nepal, bangladesh = answer.text.split(". ", 1)
    assert nepal.startswith("Victims from Nepal are trafficked to") and "Qatar" in nepal and "India" in nepal
    assert "forced labor" in nepal and "sexual exploitation" in nepal
    assert bangladesh.startswith("Victims from Bangladesh") and "India and Qatar" in bangladesh
    assert {"QAT", "IND", "MYS", "labor", "sexual"} <= set(answer.values)
    documents_cited = {e.document for e in answer.evidence[:2]}
    assert documents_cited == {"notes/bangladesh.txt", "fixtures/nepal-2016.txt"}  # both, early


def test_two_origins_get_a_sentence_each(store: Store) -> None:
    answer = ask(store, "Where are Nepali and Bangladeshi men trafficked to?")
    assert answer.text.count("are trafficked to") == 2 and "Men from Bangladesh" in answer.text


@pytest.mark.parametrize(
    ("question", "verdict", "lead"),
    [
        ("Is Qatar a destination for Nepali workers?", "yes", "Yes: Nepal → Qatar"),
        ("Are Bangladeshi women trafficked to India?", "yes", "Yes: Bangladesh → India"),
        ("Is Brazil a destination for Nepali workers?", "not_said", "The texts do not say."),
        ("Was Thailand on Tier 3 in 2016?", "yes", "Yes. "),
        ("Was Thailand on Tier 1 in 2016?", "no", "No. Thailand was placed on Tier 3"),
        ("Does Nepal fully meet the minimum standards?", "no", "No. "),
        ("Is Nepal making significant efforts?", "yes", "Yes. "),
        ("Did Nepal ratify the Palermo Protocol?", "yes", "Yes. "),
    ],
)
def test_yes_no_first(store: Store, question: str, verdict: str, lead: str) -> None:
    answer = ask(store, question)
    assert answer.verdict == verdict, answer.text
    assert answer.text.startswith(lead), answer.text
    assert answer.answered == (verdict != "not_said")
    if answer.answered:
        assert answer.evidence


def test_other_questions_have_no_verdict(store: Store) -> None:
    assert ask(store, "Where are Nepali men trafficked to?").verdict is None
    assert ask(store, "How many convictions were there in Nepal in 2016?").verdict is None


@dataclass(kw_only=True)
class ScopedStat(StatRow):
    scope: str | None = None


def _stat(value: float, scope: str, documents: int = 1) -> ScopedStat:
    return ScopedStat(
        country="NPL", metric="victims_identified", year=2019, exploitation=None, value=value,
        documents=documents, scope=scope,
    )  # fmt: skip


def test_a_count_is_answered_with_the_total() -> None:
    total, part, years = _stat(596, "total"), _stat(36, "part", 3), _stat(1200, "cumulative")
    lead, others = _total_first([part, years, total])
    assert lead is total and others == [part, years]
    lead, _ = _total_first([part, years])  # no total stated: the multi-year figure, said to be so
    assert lead is years
