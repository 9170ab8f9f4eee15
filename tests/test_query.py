"""The query layer over a store of hand-made documents (so that the answers do not depend on the extractor)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store_helpers import BACKENDS, hand_made, store_url
from tipkb import query
from tipkb.store import Store, open_store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    for url in store_url(request.param, tmp_path):
        with open_store(url) as opened:
            opened.write_documents(hand_made())
            yield opened


def test_resolve_country() -> None:
    assert query.resolve_country("KAZ") == "KAZ"
    assert query.resolve_country("kaz") == "KAZ"
    assert query.resolve_country("Kazakhstan") == "KAZ"
    assert query.resolve_country("Kazakhstani") == "KAZ"
    assert query.resolve_country("the UK") == "GBR"
    assert query.resolve_country("Africa") == "region:Africa"
    with pytest.raises(query.UnknownPlace, match="did you mean Kazakhstan"):
        query.resolve_country("Kazakstan")
    with pytest.raises(query.UnknownPlace):
        query.resolve_country("Africa", regions=False)


def test_parse_years() -> None:
    assert query.parse_years("2008-2010") == (2008, 2010)
    assert query.parse_years("2009") == (2009, 2009)
    with pytest.raises(query.QueryError, match="backwards"):
        query.parse_years("2010-2008")
    with pytest.raises(query.QueryError, match="bad year range"):
        query.parse_years("last year")


def test_profile(store: Store) -> None:
    p = query.profile(store, "KAZ", evidence=True)
    assert (p.name, p.region, p.documents) == ("Kazakhstan", "Central Asia", 2)
    assert [(r.role, r.year, r.extents) for r in p.roles] == [("destination", 2009, ["primary"])]
    assert [(t.year, t.tier, t.documents) for t in p.tiers] == [
        (2009, "2", 1),
        (2009, "2WL", 1),
        (2010, "2", 1),
    ]
    assert p.tiers[0].evidence[0].text == "KAZAKHSTAN (Tier 2)"
    assert p.tiers[0].evidence[0].document == "reports/kaz-2009.txt"
    assert [c.fields for c in p.compliance] == [{"fully_meets": False, "significant_efforts": True}]
    assert sorted((r.fields["year"], r.fields["month"]) for r in p.ratifications) == [(2008, 7), (2009, None)]
    assert p.penalties[0].fields == {"articles": ["128"], "min_years": None, "max_years": 15}
    assert p.funding[0].fields == {"amount": 35000, "currency": "USD", "purpose": "shelters"}
    inbound = {r.origin: r for r in p.inbound}
    assert set(inbound) == {"UZB"}
    uzb = inbound["UZB"]
    assert (uzb.victims, uzb.exploitation, uzb.years) == (
        ["men", "women", "girls"],
        ["sexual", "labor"],
        [2009, 2010],
    )
    assert (uzb.facts, uzb.sentences, uzb.documents, uzb.hedged) == (2, 2, 2, False)
    assert len(uzb.evidence) == 2
    assert [(r.destination, r.documents) for r in p.outbound] == [("TUR", 1)]
    assert [(s.year, s.metric, s.value) for s in p.statistics] == [
        (2008, "convictions", 21),
        (2008, "convictions", 25),
    ]
    as_dict = p.to_dict()
    assert as_dict["inbound"][0]["origin_name"] == "Uzbekistan"
    assert list(as_dict["inbound"][0])[-4:] == ["facts", "sentences", "documents", "evidence"]


def test_profile_of_a_country_with_nothing(store: Store) -> None:
    p = query.profile(store, "FRA")
    assert p.documents == 0 and not p.roles and not p.inbound and not p.statistics


def test_flows_filters(store: Store) -> None:
    pairs = lambda rows: [(r.origin, r.destination) for r in rows]  # noqa: E731
    everything = query.flows(store)
    assert sorted(pairs(everything)) == [("KAZ", "TUR"), ("MDA", "TUR"), ("UZB", "KAZ"), ("UZB", "RUS")]
    assert pairs(everything)[0] == ("UZB", "KAZ")  # most documents first
    assert sorted(pairs(query.flows(store, origin="UZB"))) == [("UZB", "KAZ"), ("UZB", "RUS")]
    assert sorted(pairs(query.flows(store, destination="TUR"))) == [("KAZ", "TUR"), ("MDA", "TUR")]
    assert sorted(pairs(query.flows(store, country="KAZ"))) == [("KAZ", "TUR"), ("UZB", "KAZ")]
    assert pairs(query.flows(store, via="KAZ")) == [("UZB", "RUS")]
    assert sorted(pairs(query.flows(store, year=2010))) == [("MDA", "TUR"), ("UZB", "KAZ"), ("UZB", "RUS")]
    assert sorted(pairs(query.flows(store, years=(2008, 2009)))) == [("KAZ", "TUR"), ("UZB", "KAZ")]
    assert sorted(pairs(query.flows(store, victims=["women"]))) == [
        ("KAZ", "TUR"),
        ("MDA", "TUR"),
        ("UZB", "KAZ"),
    ]
    assert pairs(query.flows(store, victims=["women", "girls"])) == [("UZB", "KAZ")]
    assert pairs(query.flows(store, exploitation=["begging"])) == [("UZB", "RUS")]
    assert sorted(pairs(query.flows(store, hedged=True))) == [("MDA", "TUR"), ("UZB", "RUS")]
    assert sorted(pairs(query.flows(store, hedged=False))) == [("KAZ", "TUR"), ("UZB", "KAZ")]
    uzb_kaz = query.flows(store, origin="UZB", destination="KAZ", year=2010)[0]
    assert (uzb_kaz.victims, uzb_kaz.documents) == (["women", "girls"], 1)
    assert query.flows(store, origin="UZB", destination="RUS")[0].via == ["KAZ"]
    with pytest.raises(query.QueryError, match="unknown exploitation 'slavery'"):
        query.flows(store, exploitation=["slavery"])


def test_tiers(store: Store) -> None:
    rows = query.tiers(store, year=2010)
    assert [(r.country, r.tier) for r in rows] == [("KAZ", "2"), ("MDA", "2WL")]
    assert [(r.year, r.tier) for r in query.tiers(store, country="KAZ", years=(2009, 2009))] == [
        (2009, "2"),
        (2009, "2WL"),
    ]


def test_stats(store: Store) -> None:
    rows = query.stats(store, "KAZ", metric="convictions", evidence=True)
    assert [(r.year, r.value, r.documents) for r in rows] == [(2008, 21, 1), (2008, 25, 1)]
    assert rows[1].evidence[0].text == "Courts convicted 25 traffickers in 2008."
    assert query.stats(store, "KAZ", metric="prosecutions") == []
    with pytest.raises(query.QueryError, match="unknown metric 'arrests'"):
        query.stats(store, "KAZ", metric="arrests")


def test_facts(store: Store) -> None:
    everything = query.facts(store)
    assert len(everything) == sum(len(d.facts) for d in hand_made())
    tiers = query.facts(store, fact_type="tier", country="KAZ")
    assert [r.fact.to_dict()["tier"] for r in tiers] == ["2", "2WL", "2"]
    assert [r.summary for r in query.facts(store, fact_type="flow", doc="moldova")] == ["MDA → TUR"]
    assert len(query.facts(store, doc="kaz-2010.txt")) == 8
    assert len(query.facts(store, doc="reports/kaz-2010.txt", year=2010)) == 3
    assert len(query.facts(store, limit=2)) == 2
    assert {r.fact.doc for r in query.facts(store, country="UZB")} == {
        "reports/kaz-2009.txt",
        "reports/kaz-2010.txt",
    }
    row = everything[0].to_dict()
    assert isinstance(row["id"], int) and row["evidence"]["text"]
    ids = [r.id for r in query.iter_facts(store, batch=3)]
    assert sorted(ids) == sorted(r.id for r in everything) and len(set(ids)) == len(ids)


def test_search(store: Store) -> None:
    hits = query.search(store, "forced prostitution")
    assert {h.text for h in hits} == {
        "Uzbek women and girls are forced into prostitution in Kazakhstan.",
        "Moldovan women may be forced into prostitution in Turkey.",
    }
    assert {h.document for h in hits} == {"reports/kaz-2010.txt", "reports/moldova.md"}
    assert "**forced**" in hits[0].highlighted and "**prostitution**" in hits[0].highlighted
    assert hits[0].score >= hits[-1].score
    # Stemming: "begging" finds "beg".
    assert [h.text for h in query.search(store, "begging Chisinau")] == [
        "Some Moldovan children beg on the streets of Chisinau."
    ]
    assert query.search(store, 'U.A.E. "(weird" OR') is not None  # punctuation is never query syntax
    assert query.search(store, "zebra") == []
    with pytest.raises(query.QueryError):
        query.search(store, "  ")


def test_conflicts(store: Store) -> None:
    rows = query.conflicts(store)
    kinds = [(r.kind, r.country, r.year, r.metric) for r in rows]
    assert kinds == [
        ("tier", "KAZ", 2009, None),
        ("ratification", "KAZ", None, None),
        ("statistic", "KAZ", 2008, "convictions"),
    ]
    tier = rows[0]
    assert sorted((s.value, s.documents) for s in tier.sides) == [("2", 1), ("2WL", 1)]
    assert {s.evidence[0].document for s in tier.sides} == {"reports/kaz-2009.txt", "reports/kaz-2010.txt"}
    assert sorted(s.value for s in rows[1].sides) == ["2008-07", "2009"]
    assert sorted(s.value for s in rows[2].sides) == [21, 25]
    assert query.conflicts(store, country="MDA") == []


def test_rows_to_pandas(store: Store) -> None:
    pytest.importorskip("pandas")
    frame = query.flows(store).to_pandas()
    assert list(frame["origin"])[:1] == ["UZB"]
    assert {"victims", "documents", "evidence"} <= set(frame.columns)
    assert len(frame) == 4
