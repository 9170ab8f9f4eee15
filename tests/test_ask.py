"""Questions in English: the question set over the sample and shared corpora (the share answered right,
and no confident answer to a question that must be refused), each kind of question over hand-made
documents, and bad input of every sort."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED, Ran
from store_helpers import BACKENDS, hand_made, store_url
from tipkb.analysis import Answer, ask
from tipkb.analysis.ask import CANT, MAX_CHARS
from tipkb.store import Store, open_store
from tipkb.web.analysis import ask_data

QUESTIONS = Path(__file__).with_name("questions.json")
# What the question set must reach (docs/accuracy.md, "Questions").
TARGET = 0.90


def corpus_paths() -> list[str]:
    corpus = SHARED / "corpus"
    return [
        str(ROOT / "examples" / "corpus"),
        str(corpus / "seed.txt"),
        str(corpus / "dev"),
        str(corpus / "raw"),
    ]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The sample narratives and the shared corpora, ingested once for the module."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the project")
    from tipkb.pipeline import ingest

    path = str(tmp_path_factory.mktemp("corpus") / "kb.db")
    with open_store(path) as store:
        report = ingest(store, corpus_paths())
        assert not report.errors, report.errors
        yield store


def judge(item: dict[str, Any], answer: Answer) -> bool:
    """Whether an answer is right: a refusal where one is due; else answered, with every expected short
    answer and none of the excluded ones."""
    if item.get("refuse"):
        return not answer.answered
    return (
        answer.answered
        and all(v in answer.values for v in item.get("includes", []))
        and not any(v in answer.values for v in item.get("excludes", []))
    )


def score(store: Store, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Answer every question; the share right, overall and by kind, and what went wrong."""
    right, confident_wrong, wrong = 0, [], []
    by_kind: dict[str, list[int]] = {}
    for item in items:
        answer = ask(store, item["q"])
        ok = judge(item, answer)
        right += ok
        kind = "refuse" if item.get("refuse") else item.get("kind", "?")
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += ok
        by_kind[kind][1] += 1
        if not ok:
            wrong.append(f"{item['q']!r}: {answer.text[:200]} values={answer.values[:12]}")
            if item.get("refuse"):
                confident_wrong.append(item["q"])
    return {
        "questions": len(items),
        "right": right,
        "share": right / len(items),
        "refusals": sum(1 for i in items if i.get("refuse")),
        "confident_wrong": confident_wrong,
        "by_kind": by_kind,
        "wrong": wrong,
    }


def test_question_set(corpus_store: Store) -> None:
    items = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    assert len(items) >= 80
    result = score(corpus_store, items)
    assert result["refusals"] >= 15
    assert not result["confident_wrong"], result["confident_wrong"]
    assert result["share"] >= TARGET, "\n".join(result["wrong"])


def test_answers_cite_their_sentences(corpus_store: Store) -> None:
    answer = ask(corpus_store, "Where are Uzbek women trafficked to?")
    assert answer.answered and answer.kind == "flows"
    assert {"ARE", "KAZ", "RUS", "THA"} <= set(answer.values)
    assert any("Uzbekistan is a source country for women and girls" in e.text for e in answer.evidence)
    assert all(e.document and e.end > e.start for e in answer.evidence)
    refused = ask(corpus_store, "Who trains the border guards in Kazakhstan?")
    assert not refused.answered and refused.text.startswith(CANT[:-1])
    assert refused.evidence  # the sentences that best match the question's words


# -- each kind of question, over documents with known facts ----------------------------------------


@pytest.fixture(params=BACKENDS)
def made(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The hand-made documents in a fresh store: SQLite, and PostgreSQL when TIPKB_TEST_PG is set."""
    for url in store_url(request.param, tmp_path):
        with open_store(url) as store:
            store.write_documents(hand_made())
            yield store


@pytest.mark.parametrize(
    ("question", "kind", "values"),
    [
        ("Where are Uzbek women trafficked to?", "flows", ["KAZ"]),
        ("Which countries send victims to Kazakhstan?", "flows", ["UZB"]),
        ("Through which country are Uzbek men taken to Russia?", "flows", ["KAZ"]),
        ("Who is trafficked from Uzbekistan to Kazakhstan?", "flows", ["men", "women", "girls"]),
        ("For what are Kazakh women trafficked to Turkey?", "flows", ["sexual"]),
        ("Are Uzbek men trafficked to Kazakhstan?", "flows", ["yes"]),
        ("Is Kazakhstan a destination country?", "roles", ["destination"]),
        ("What tier was Kazakhstan on in 2010?", "tiers", ["2"]),
        ("What tier was Kazakhstan on in 2009?", "tiers", ["2", "2WL"]),
        ("Which countries were on the Tier 2 Watch List in 2010?", "tiers", ["MDA"]),
        ("When did Kazakhstan ratify the Palermo Protocol?", "ratification", ["2008-07", "2009"]),
        ("Does Kazakhstan meet the minimum standards?", "compliance", ["fully_meets=false"]),
        ("How many traffickers did Kazakhstan convict in 2008?", "statistics", ["21", "25"]),
        ("How much did Kazakhstan spend on shelters?", "funding", ["35000 USD"]),
        ("What penalties does Kazakhstan's law prescribe?", "penalties", ["up to 15 years"]),
        ("Compare the tiers of Kazakhstan and Moldova in 2010", "comparison", ["KAZ:2", "MDA:2WL"]),
        ("Tell me about Kazakhstan", "profile", ["KAZ"]),
        ("where are uzbek women trafficked to", "flows", ["KAZ"]),
        ("What tier was KAZ in 2010?", "tiers", ["2"]),
    ],
)
def test_kinds(made: Store, question: str, kind: str, values: list[str]) -> None:
    answer = ask(made, question)
    assert answer.answered, answer.text
    assert answer.kind == kind
    assert set(values) <= set(answer.values), (answer.values, answer.text)
    assert answer.evidence
    assert json.loads(json.dumps(answer.to_dict()))["answered"] is True


def test_hedged_flows_say_so(made: Store) -> None:
    answer = ask(made, "Where are Uzbek men trafficked?")
    assert "RUS" in answer.values and "possibly" in answer.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * (MAX_CHARS + 1), "too_long"),
        ("Where are women from " + "very " * 120 + "far away trafficked?", "too_long"),
        ("¿Adónde son traficadas las mujeres uzbekas?", "language"),
        ("Où sont exploitées les femmes ouzbèkes ?", "language"),
        ("Куда вывозят узбекских женщин?", "language"),
        ("乌兹别克妇女被贩卖到哪里?", "language"),
        ("Where are women from Wakanda trafficked to?", "unknown_place"),
        ("What tier was Kazakstan in 2009?", "unknown_place"),
        ("What tier was Kazakhstan in 1850?", "year_out_of_range"),
        ("What tier was Kazakhstan in 2015?", "year_out_of_range"),  # the documents cover 2008-2010
        ("How many victims did Moldova identify in 3000?", "year_out_of_range"),
        ("What is the capital of Kazakhstan?", "off_topic"),
        ("asdf qwer zxcv", "not_understood"),
        ("12345 !!! ???", "not_understood"),
        ("🙂🙂🙂", "not_understood"),
        ("'; DROP TABLE facts; --", "not_understood"),
        ('"unbalanced NEAR( quotes * OR', "not_understood"),
        ("How many convictions?", "need_country"),
        ("What tier was Brazil on in 2009?", "no_data"),
        ("Are Uzbek women trafficked to Brazil?", "no_data"),
    ],
)
def test_refusals(made: Store, question: str, reason: str) -> None:
    answer = ask(made, question)
    assert not answer.answered
    assert answer.kind == "refusal" and answer.reason == reason, (answer.reason, answer.text)
    # A yes/no question the data does not answer says so first (absence is not a no).
    lead = "The texts do not say. " if answer.verdict == "not_said" else ""
    assert answer.text.startswith(lead + CANT[:-1])
    assert answer.values == []


def test_unknown_place_suggests(made: Store) -> None:
    answer = ask(made, "What tier was Kazakstan in 2009?")
    assert "did you mean Kazakhstan" in answer.text


def test_refusal_offers_matching_sentences(made: Store) -> None:
    answer = ask(made, "Do Moldovan children beg on the streets?")
    assert not answer.answered
    assert any("beg on the streets" in e.text for e in answer.evidence)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_never_raises(made: Store, text: str) -> None:
    answer = ask(made, text)
    assert isinstance(answer, Answer)
    assert answer.answered or answer.text.removeprefix("The texts do not say. ").startswith(CANT[:-1])
    json.dumps(answer.to_dict())


def test_api_data(made: Store) -> None:
    data = ask_data(made, "Where are Uzbek women trafficked to?")
    assert data["answered"] and data["values"] == ["KAZ"] and data["evidence"]
    assert ask_data(made, "")["reason"] == "empty"


# -- the command -------------------------------------------------------------------------------


@pytest.fixture
def db(made: Store) -> str:
    return made.url


def test_command(cli: Callable[..., Ran], db: str) -> None:
    ran = cli("ask", "--db", db, "Where are Uzbek women trafficked to?")
    assert ran.returncode == 0, ran.stderr
    assert "Kazakhstan" in ran.stdout and "Supporting sentences:" in ran.stdout
    assert "Uzbek women and girls are forced into prostitution in Kazakhstan." in ran.stdout
    unquoted = cli("ask", "--db", db, "Where", "are", "Uzbek", "women", "trafficked", "to?")
    assert unquoted.returncode == 0 and unquoted.stdout == ran.stdout
    data = json.loads(cli("ask", "--db", db, "-f", "json", "What tier was Kazakhstan in 2010?").stdout)
    assert data["values"] == ["2"] and data["kind"] == "tiers"
    line = json.loads(cli("ask", "--db", db, "-f", "jsonl", "What tier was Kazakhstan in 2010?").stdout)
    assert line == data
    rows = list(
        csv.DictReader(
            io.StringIO(cli("ask", "--db", db, "-f", "csv", "Is Moldova a source country?").stdout)
        )
    )
    assert rows[0]["answered"] == "True" and rows[0]["sentence"]


def test_command_refusals_and_usage(cli: Callable[..., Ran], db: str, tmp_path: Path) -> None:
    refused = cli("ask", "--db", db, "What tier was Narnia in 2009?")
    assert refused.returncode == 1 and "I can't answer that from the data" in refused.stdout
    for args in (["ask", "--db", db, ""], ["ask", "--db", db, "y" * (MAX_CHARS + 5)]):
        ran = cli(*args)
        assert ran.returncode == 2 and ran.stderr.startswith("tipkb: ") and "Traceback" not in ran.stderr
    assert cli("ask", "--db", db).returncode == 2  # no question at all
    missing = cli("ask", "--db", str(tmp_path / "none.db"), "Where?")
    assert missing.returncode in (1, 2) and "Traceback" not in missing.stderr
