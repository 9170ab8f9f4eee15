"""The query layer's quick paths give the answers of the slow ones: pages (offset), flows at either end
with filters (two index ranges), search's document counts (kept by every write), and a store made by
schema 1 migrated to the current one."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store_helpers import BACKENDS, flow, hand_made, record, sql, store_url
from tipkb import query
from tipkb.model import fact_from_dict
from tipkb.store import SCHEMA_VERSION, DocumentRecord, Store, open_store, reads


def extra() -> list[DocumentRecord]:
    """A flow inside Kazakhstan, a sentence said twice in one document and again in another."""
    return [
        record(
            "reports/kaz-internal.txt",
            [
                (
                    "Rural Kazakh women are forced into labor in Almaty.",
                    [flow("KAZ", "KAZ", 2010, ["women"], ["labor"])],
                ),
                ("Men from Uzbekistan are forced to work on farms in Kazakhstan.", []),
                ("Men from Uzbekistan are forced to work on farms in Kazakhstan.", []),
                (
                    "Kyrgyz men are forced to work in Kazakhstan.",
                    [flow("KGZ", "KAZ", 2010, ["men"], ["labor"], hedged=True)],
                ),
            ],
        )
    ]


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with open_store(url) as opened:
        opened.write_documents([*hand_made(), *extra()])
        yield opened


def recount(store: Store) -> dict[int, int]:
    """Documents per sentence text, counted from the sentences."""
    return {
        int(t): int(n)
        for t, n in sql(store, "SELECT text_id, COUNT(DISTINCT document_id) FROM spans GROUP BY text_id")
    }


def kept(store: Store) -> dict[int, int]:
    return {int(t): int(n) for t, n in sql(store, "SELECT text_id, documents FROM text_documents")}


def test_facts_pages(store: Store) -> None:
    everything = query.facts(store)
    ids = [r.id for r in everything]
    assert [r.id for r in query.facts(store, limit=3, offset=2)] == ids[2:5]
    assert [r.id for r in query.facts(store, offset=4)] == ids[4:]
    assert query.facts(store, limit=5, offset=len(ids)) == []
    assert [r.id for r in query.facts(store, limit=0)] == []
    # The old positional call still works, and filters combine with pages.
    tiers = query.facts(store, "tier", "KAZ")
    assert [r.id for r in query.facts(store, "tier", "KAZ", limit=1, offset=1)] == [tiers[1].id]
    # Document and text order.
    order = [(r.fact.doc, r.fact.evidence.start) for r in everything]
    assert order == sorted(order)


def test_search_pages(store: Store) -> None:
    hits = query.search(store, "forced", limit=50)
    assert len(hits) >= 4
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    texts = [h.text for h in hits]
    assert [h.text for h in query.search(store, "forced", limit=2, offset=1)] == texts[1:3]
    assert query.search(store, "forced", limit=5, offset=len(texts)) == []
    assert all("**" in h.highlighted for h in query.search(store, "forced", limit=2, offset=2))


def test_search_counts_documents(store: Store) -> None:
    hits = query.search(store, "farms Uzbekistan")
    assert [(h.text, h.documents) for h in hits] == [
        ("Men from Uzbekistan are forced to work on farms in Kazakhstan.", 2)
    ]
    # The first document holding it (lowest id), at its first place there.
    first = min(hand_made()[0], extra()[0], key=lambda r: r.id)
    assert hits[0].document == first.source
    assert hits[0].start == first.text.index("Men from Uzbekistan")


def test_text_documents_follow_writes(url: str) -> None:
    with open_store(url) as store:
        store.write_documents(hand_made())
        assert kept(store) == recount(store)
        store.write_documents(extra())
        assert kept(store) == recount(store)
        # Replaced: the same source with other text (one sentence fewer).
        changed = extra()[0]
        shorter = record(changed.source, [("Kyrgyz men are forced to work in Kazakhstan.", [])])
        assert store.write_document(shorter) == "replaced"
        assert kept(store) == recount(store)
        assert store.delete_document("reports/kaz-2009.txt")
        assert kept(store) == recount(store)
        assert query.search(store, "farms Uzbekistan") == []
        sql(store, "DELETE FROM text_documents")
        store.rebuild_rollups()
        assert kept(store) == recount(store)


def reference_flows(store: Store, country: str, **filters: object) -> dict[tuple[str, str], tuple]:
    """Either end as the union of flows out of the country and flows into it."""
    out = {}
    for rows in (
        query.flows(store, origin=country, **filters),  # type: ignore[arg-type]
        query.flows(store, destination=country, **filters),  # type: ignore[arg-type]
    ):
        for r in rows:
            out[(r.origin, r.destination)] = (
                r.facts,
                r.sentences,
                r.documents,
                r.hedged,
                r.victims,
                r.exploitation,
                r.via,
                r.years,
            )
    return out


@pytest.mark.parametrize(
    "filters",
    [
        {"exploitation": ["labor"]},
        {"year": 2010},
        {"years": (2009, 2010)},
        {"victims": ["men"]},
        {"hedged": False},
        {"via": "KAZ"},
    ],
)
def test_flows_either_end_filtered(store: Store, filters: dict[str, object]) -> None:
    rows = query.flows(store, country="KAZ", evidence=True, **filters)  # type: ignore[arg-type]
    assert {
        (r.origin, r.destination): (
            r.facts,
            r.sentences,
            r.documents,
            r.hedged,
            r.victims,
            r.exploitation,
            r.via,
            r.years,
        )
        for r in rows
    } == reference_flows(store, "KAZ", **filters)
    assert all(r.evidence for r in rows)
    assert [(r.documents, r.sentences) for r in rows] == sorted(
        ((r.documents, r.sentences) for r in rows), reverse=True
    )


def test_flows_either_end_counts_a_flow_inside_once(store: Store) -> None:
    rows = query.flows(store, country="KAZ", exploitation=["labor"])
    assert sorted((r.origin, r.destination, r.facts) for r in rows) == [
        ("KAZ", "KAZ", 1),
        ("KGZ", "KAZ", 1),
        ("UZB", "KAZ", 1),
    ]


def test_store_of_schema_1_is_migrated(url: str) -> None:
    with open_store(url) as store:
        store.write_documents([*hand_made(), *extra(), *varied(3, 10)])
        before = [h.to_dict() for h in query.search(store, "forced", limit=50)]
        profile = query.profile(store, "KAZ").to_dict()
        filtered = [answered(query.flows(store, **filters)) for filters in FILTERS]
        # Back to what schema 1 made.
        for statement in (
            "DROP TABLE text_documents",
            "DROP INDEX documents_listing",
            "DROP INDEX facts_document_order",
            "DROP INDEX facts_evidence",
            "DROP TABLE flow_groups",
            "DROP TABLE flow_overflow",
            "CREATE INDEX facts_document ON facts (document_id)",
            "CREATE INDEX facts_country ON facts (country, type, year) WHERE country IS NOT NULL",
            "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
        ):
            sql(store, statement)
    with open_store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert kept(store) == recount(store)
        assert [h.to_dict() for h in query.search(store, "forced", limit=50)] == before
        assert query.profile(store, "KAZ").to_dict() == profile
        assert [answered(query.flows(store, **filters)) for filters in FILTERS] == filtered
        store.write_documents([record("reports/new.txt", [("Forced labor in mines.", [])])])
        assert kept(store) == recount(store)


def facts_flows(store: Store, **filters: Any) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Filtered flows counted straight from the facts (what flow_groups must agree with)."""
    where, params = ["type = 'flow'"], []
    for end in ("origin", "destination"):
        if filters.get(end):
            where.append(f"{end} = ?")
            params.append(filters[end])
    if filters.get("country"):
        where.append("(origin = ? OR destination = ?)")
        params += [filters["country"]] * 2
    if filters.get("via"):
        where.append("via LIKE ?")
        params.append(f"%,{filters['via']},%")
    if filters.get("year") is not None:
        where.append("year = ?")
        params.append(filters["year"])
    if filters.get("years"):
        where.append("year BETWEEN ? AND ?")
        params += list(filters["years"])
    for name in ("victims", "exploitation"):
        for value in filters.get(name, ()):
            where.append(f"{name} LIKE ?")
            params.append(f"%,{value},%")
    if filters.get("hedged") is not None:
        where.append("hedged = ?")
        params.append(int(filters["hedged"]))
    out: dict[tuple[str, str], Any] = {}
    for o, d, doc, sent, hedged, vic, exp, via, year in sql(
        store,
        "SELECT origin, destination, document_id, sentence_id, hedged, victims, exploitation, via, year "
        f"FROM facts WHERE {' AND '.join(where)}",
        params,
    ):
        row = out.setdefault((o, d), [0, set(), set(), True, set(), set(), set(), set()])
        row[0] += 1
        if sent is not None:
            row[1].add(sent)
        row[2].add(doc)
        row[3] = row[3] and bool(hedged)
        for i, listed in ((4, vic), (5, exp), (6, via)):
            row[i].update(v for v in (listed or "").split(",") if v)
        if year is not None:
            row[7].add(year)
    return {
        k: (n, len(s), len(d), h, sorted(v), sorted(e), sorted(w), sorted(y))
        for k, (n, s, d, h, v, e, w, y) in out.items()
    }


def answered(rows: query.Rows[query.FlowRow]) -> dict[tuple[str, str], tuple[Any, ...]]:
    return {
        (r.origin, r.destination): (
            r.facts,
            r.sentences,
            r.documents,
            r.hedged,
            sorted(r.victims),
            sorted(r.exploitation),
            sorted(r.via),
            sorted(r.years),
        )
        for r in rows
    }


def varied(seed: int, n: int) -> list[DocumentRecord]:
    """Documents stating flows among a few countries in many ways: several statements of one flow in one
    document (in one sentence or in several), up to more ways than flow_groups expands."""
    rng = random.Random(seed)
    places = ["KAZ", "UZB", "RUS", "TUR"]
    docs = []
    for i in range(n):
        items = []
        for j in range(rng.randint(1, 9)):
            facts = []
            for _ in range(rng.randint(0, 2)):
                o, d = rng.choice(places), rng.choice(places)
                facts.append(
                    flow(
                        o,
                        d,
                        rng.choice([None, 2008, 2009, 2010]),
                        rng.sample(["men", "women", "children"], rng.randint(0, 2)),
                        rng.sample(["labor", "sexual", "begging"], rng.randint(0, 2)),
                        via=rng.sample([p for p in places if p not in (o, d)], rng.randint(0, 1)),
                        hedged=rng.random() < 0.3,
                    )
                )
            # One fact per flow and sentence (a fact's id is its flow and its evidence).
            unique = {(f["origin"], f["destination"]): f for f in facts}
            items.append((f"Sentence {j} of document {i}.", list(unique.values())))
        docs.append(record(f"varied/{seed}/{i}.txt", items))
    # A document stating one flow in many ways.
    many = [
        (f"Way {k}.", [flow("UZB", "KAZ", 2005 + k, ["men"] if k % 2 else ["women"], ["labor"])])
        for k in range(7)
    ]
    docs.append(record(f"varied/{seed}/many.txt", many))
    # And one stating a flow twice in one sentence, differently (two evidence spans): read from its facts.
    sentence = "Uzbek men are forced to work in Kazakhstan, and Uzbek girls to beg there."
    twice = record(f"varied/{seed}/twice.txt", [(sentence, []), ("Another sentence.", [])])
    for start, end, stated in (
        (0, 42, flow("UZB", "KAZ", 2009, ["men"], ["labor"])),
        (44, len(sentence), flow("UZB", "KAZ", 2009, ["girls"], ["begging"])),
    ):
        fields = {"rule": "test.v1", **stated, "doc": twice.source}
        fields["evidence"] = {"start": start, "end": end, "text": sentence[start:end]}
        twice.facts = [*twice.facts, fact_from_dict(fields)]
    twice.facts = [
        *twice.facts,
        fact_from_dict(
            {
                "rule": "test.v1",
                **flow("UZB", "KAZ", 2010, [], ["labor"]),
                "doc": twice.source,
                "evidence": {
                    "start": len(sentence) + 1,
                    "end": len(sentence) + 18,
                    "text": "Another sentence.",
                },
            }
        ),
    ]
    docs.append(twice)
    return docs


FILTERS: list[dict[str, Any]] = [
    {"year": 2009},
    {"years": (2008, 2009)},
    {"victims": ["men"]},
    {"victims": ["men", "women"]},
    {"exploitation": ["labor"]},
    {"exploitation": ["labor"], "year": 2010},
    {"hedged": True},
    {"hedged": False, "victims": ["women"]},
    {"via": "RUS"},
    {"origin": "UZB", "exploitation": ["labor"]},
    {"destination": "KAZ", "years": (2005, 2015)},
    {"country": "KAZ", "exploitation": ["labor"]},
    {"country": "UZB", "year": 2008},
    {"origin": "UZB", "destination": "KAZ", "victims": ["men"]},
]


def test_filtered_flows_agree_with_the_facts(url: str) -> None:
    with open_store(url) as store:
        store.write_documents(varied(1, 30))
        assert sql(store, "SELECT COUNT(*) FROM flow_overflow")[0][0] == 1
        assert sql(store, "SELECT MAX(cell) FROM flow_groups")[0][0] >= 6
        for filters in FILTERS:
            assert answered(query.flows(store, **filters)) == facts_flows(store, **filters), filters
        # Removing and replacing documents keeps the groups exact.
        for source in ("varied/1/3.txt", "varied/1/many.txt", "varied/1/twice.txt", "varied/1/7.txt"):
            assert store.delete_document(source)
        store.write_documents(varied(2, 10))
        replaced = varied(1, 12)[5:12]
        store.write_documents([record(r.source, [("Nothing here.", [])]) for r in replaced[:3]])
        for filters in FILTERS:
            assert answered(query.flows(store, **filters)) == facts_flows(store, **filters), filters
        groups = sql(store, "SELECT * FROM flow_groups ORDER BY 1, 2, 3, 4")
        overflow = sql(store, "SELECT * FROM flow_overflow ORDER BY 1, 2, 3")
        store.rebuild_rollups()
        assert sql(store, "SELECT * FROM flow_groups ORDER BY 1, 2, 3, 4") == groups
        assert sql(store, "SELECT * FROM flow_overflow ORDER BY 1, 2, 3") == overflow


@pytest.mark.parametrize("first", [2, 5, 1000])
def test_facts_pages_from_the_first_documents_or_sorted(
    url: str, first: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However a page is found (the first documents in order, or the matching facts sorted), it is the
    same slice of the whole answer."""
    monkeypatch.setattr(reads, "FIRST_DOCUMENTS", first)
    monkeypatch.setattr(reads, "MOST_DOCUMENTS", 12)
    with open_store(url) as store:
        store.write_documents([*hand_made(), *extra(), *varied(4, 30)])
        for filters in (
            {},
            {"country": "KAZ"},
            {"country": "UZB", "fact_type": "flow"},
            {"country": "KAZ", "fact_type": "tier"},
            {"year": 2009},
            {"years": (2008, 2009), "country": "RUS"},
            {"fact_type": "statistic"},
        ):
            whole = [r.id for r in query.facts(store, **filters)]  # type: ignore[arg-type]
            for limit, offset in ((1, 0), (5, 0), (5, 3), (20, 10), (50, 40), (3, len(whole))):
                page = query.facts(store, limit=limit, offset=offset, **filters)  # type: ignore[arg-type]
                assert [r.id for r in page] == whole[offset : offset + limit], (filters, limit, offset)
