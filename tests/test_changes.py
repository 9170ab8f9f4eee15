"""What changed in a year, over hand-made documents with known tiers, counts and flows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import Ran
from store_helpers import BACKENDS, flow, record, store_url
from tipkb import query
from tipkb.analysis.changes import changes
from tipkb.store import DocumentRecord, Store, open_store
from tipkb.web.analysis import changes_data


def tier(country: str, year: int, value: str) -> dict[str, Any]:
    return {"type": "tier", "country": country, "year": year, "tier": value}


def stat(country: str, metric: str, value: int, year: int) -> dict[str, Any]:
    return {"type": "statistic", "country": country, "metric": metric, "value": value, "year": year}


def documents() -> list[DocumentRecord]:
    kaz_2009 = record(
        "chg/kazakhstan-2009.txt",
        [
            ("KAZAKHSTAN: TIER 2 WATCH LIST", [tier("KAZ", 2009, "2WL")]),
            (
                "Courts convicted 20 traffickers and police opened 10 cases.",
                [
                    stat("KAZ", "convictions", 20, 2009),
                    stat("KAZ", "investigations", 10, 2009),
                ],
            ),  # fmt: skip
            ("Prosecutors brought no cases.", [stat("KAZ", "prosecutions", 0, 2009)]),
            ("Uzbek men are forced to work in Kazakhstan.", [flow("UZB", "KAZ", 2009, ["men"], ["labor"])]),
            ("Kazakh women are exploited in Turkey.", [flow("KAZ", "TUR", 2009, ["women"], ["sexual"])]),
        ],
        subject="KAZ",
        report_year=2009,
    )
    kaz_2010 = record(
        "chg/kazakhstan-2010.txt",
        [
            ("KAZAKHSTAN: TIER 2", [tier("KAZ", 2010, "2")]),
            (
                "Courts convicted 25 traffickers and police opened 5 cases.",
                [
                    stat("KAZ", "convictions", 25, 2010),
                    stat("KAZ", "investigations", 5, 2010),
                ],
            ),  # fmt: skip
            ("Prosecutors brought four cases.", [stat("KAZ", "prosecutions", 4, 2010)]),
            ("The police identified 30 victims.", [stat("KAZ", "victims_identified", 30, 2010)]),
            (
                "Uzbek men are still forced to work in Kazakhstan.",
                [flow("UZB", "KAZ", 2010, ["men"], ["labor"])],
            ),
            (
                "Kazakh women are exploited in the Emirates.",
                [flow("KAZ", "ARE", 2010, ["women"], ["sexual"])],
            ),
        ],
        subject="KAZ",
        report_year=2010,
    )
    mda_a = record(
        "chg/moldova-2010.txt",
        [
            (
                "Moldova was on Tier 2 in 2009 and on Tier 3 in 2010.",
                [tier("MDA", 2009, "2"), tier("MDA", 2010, "3")],
            ),
            (
                "It convicted 12 traffickers in 2009 and six in 2010.",
                [
                    stat("MDA", "convictions", 12, 2009),
                    stat("MDA", "convictions", 6, 2010),
                ],
            ),  # fmt: skip
        ],
        subject="MDA",
    )
    mda_b = record(
        "chg/moldova-other.txt",
        [
            ("Moldova convicted 12 traffickers in 2009.", [stat("MDA", "convictions", 12, 2009)]),
            ("Another count says ten.", [stat("MDA", "convictions", 10, 2009)]),
        ],
        subject="MDA",
    )
    hti = record(
        "chg/haiti.txt",
        [
            (
                "Haiti went from Tier 3 in 2009 to a Special Case in 2010.",
                [tier("HTI", 2009, "3"), tier("HTI", 2010, "special")],
            )
        ],
        subject="HTI",
    )
    return [kaz_2009, kaz_2010, mda_a, mda_b, hti]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The documents in a fresh store: SQLite, and PostgreSQL when TIPKB_TEST_PG is set."""
    for url in store_url(request.param, tmp_path):
        with open_store(url) as store:
            store.write_documents(documents())
        yield url


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with open_store(db, create=False) as opened:
        yield opened


def test_tiers(store: Store) -> None:
    found = {t.country: t for t in changes(store, 2010).tiers}
    assert {c: t.direction for c, t in found.items()} == {
        "KAZ": "upgrade",
        "MDA": "downgrade",
        "HTI": "changed",
    }
    kaz = found["KAZ"]
    assert (kaz.before.year, kaz.before.value, kaz.after.year, kaz.after.value) == (2009, "2WL", 2010, "2")
    assert kaz.before.evidence[0].text == "KAZAKHSTAN: TIER 2 WATCH LIST"
    assert kaz.after.documents == ["chg/kazakhstan-2010.txt"]
    assert changes(store, 2009).tiers == []  # nothing earlier to compare with


def test_statistics(store: Store) -> None:
    found = {(s.country, s.metric): s for s in changes(store, 2010).statistics}
    assert set(found) == {
        ("KAZ", "convictions"),
        ("KAZ", "investigations"),
        ("KAZ", "prosecutions"),
        ("MDA", "convictions"),
    }
    rose = found[("KAZ", "convictions")]
    assert (rose.direction, rose.change, rose.percent) == ("rose", 5, 25.0)
    assert rose.before.evidence[0].text.startswith("Courts convicted 20")
    assert rose.after.evidence[0].text.startswith("Courts convicted 25")
    fell = found[("KAZ", "investigations")]
    assert (fell.direction, fell.change, fell.percent) == ("fell", -5, -50.0)
    assert found[("KAZ", "prosecutions")].percent is None  # from zero
    disputed = found[("MDA", "convictions")]
    assert (disputed.before.value, disputed.before.others, disputed.after.value) == (12, [10], 6)
    assert disputed.before.documents == ["chg/moldova-2010.txt", "chg/moldova-other.txt"]


def test_flows(store: Store) -> None:
    found = {(f.origin, f.destination): f for f in changes(store, 2010).flows}
    assert {k: f.change for k, f in found.items()} == {("KAZ", "ARE"): "new", ("KAZ", "TUR"): "vanished"}
    new = found[("KAZ", "ARE")]
    assert (new.before.value, new.before.year, new.after.value) == (None, 2009, True)
    assert new.before.documents == ["chg/kazakhstan-2009.txt"]  # the narrative that does not state it
    assert new.after.evidence[0].text == "Kazakh women are exploited in the Emirates."
    gone = found[("KAZ", "TUR")]
    assert gone.before.evidence[0].text == "Kazakh women are exploited in Turkey."
    assert gone.after.documents == ["chg/kazakhstan-2010.txt"]


def test_filters_and_errors(store: Store) -> None:
    mda = changes(store, 2010, country="MDA")
    assert [t.country for t in mda.tiers] == ["MDA"] and not mda.flows
    assert {s.country for s in mda.statistics} == {"MDA"}
    assert changes(store, 2010, since=2008).empty  # no 2008 facts
    assert not changes(store, 2010, since=2009).empty
    for bad in ({"year": 1800}, {"year": 2010, "since": 2010}, {"year": 2010, "since": 1500}):
        with pytest.raises(query.QueryError):
            changes(store, **bad)  # type: ignore[arg-type]


def test_rows_and_api(store: Store) -> None:
    found = changes(store, 2010)
    rows = found.rows()
    assert {r["section"] for r in rows} == {"tiers", "flows", "statistics"}
    kaz = next(
        r
        for r in rows
        if r["section"] == "statistics" and r["what"] == "convictions" and r["country"] == "KAZ"
    )
    assert (kaz["before"], kaz["after"], kaz["change"]) == ("20", "25", "rose +5 (+25.0%)")
    data = changes_data(store, 2010, country="Kazakhstan")
    assert data["country"] == "KAZ" and data["tiers"][0]["direction"] == "upgrade"
    assert json.loads(json.dumps(data)) == data
    with pytest.raises(query.QueryError):
        changes_data(store, 2010, country="Narnia")


def test_command(cli: Callable[..., Ran], db: str) -> None:
    table = cli("changes", "--db", db, "--year", "2010", "--evidence")
    assert table.returncode == 0, table.stderr
    assert "upgrade" in table.stdout and "downgrade" in table.stdout and "vanished" in table.stdout
    assert "Kazakh women are exploited in Turkey." in table.stdout
    as_json = json.loads(cli("changes", "--db", db, "-y", "2010", "-c", "Kazakhstan", "-f", "json").stdout)
    assert as_json["country"] == "KAZ" and len(as_json["flows"]) == 2
    rows = list(csv.DictReader(io.StringIO(cli("changes", "--db", db, "-y", "2010", "-f", "csv").stdout)))
    assert rows and "before_evidence" in rows[0]
    lines = cli("changes", "--db", db, "-y", "2010", "-f", "jsonl").stdout.splitlines()
    assert all(json.loads(line)["section"] for line in lines)
    nothing = cli("changes", "--db", db, "--year", "2003")
    assert nothing.returncode == 0 and "No changes in 2003" in nothing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1800"], "out of range"),
        (["--year", "2010", "--since", "2011"], "must be before"),
        (["--year", "2010", "--country", "Narnia"], "unknown country"),
        ([], "--year"),
    ],
)
def test_usage_errors(cli: Callable[..., Ran], db: str, args: list[str], message: str) -> None:
    ran = cli("changes", "--db", db, *args)
    assert ran.returncode == 2
    assert message in ran.stderr and "Traceback" not in ran.stderr
