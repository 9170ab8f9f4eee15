"""Exports, each read back with the library a user would read it with, and compared with the store."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from store_helpers import BACKENDS, hand_made, store_url
from tipkb import query
from tipkb.export import ExportError, export
from tipkb.model import FACT_TYPES
from tipkb.store import Store, open_store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    for url in store_url(request.param, tmp_path):
        with open_store(url) as opened:
            opened.write_documents(hand_made())
            yield opened


def stored(store: Store) -> dict[int, dict]:  # type: ignore[type-arg]
    return {row.id: row.to_dict() for row in query.facts(store)}


def test_jsonl(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    assert export(store, "jsonl", out) == store.counts()["facts"]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {row["id"]: row for row in lines} == stored(store)


def test_csv_one_file_per_type(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export(store, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in FACT_TYPES)
    facts = stored(store)
    total = 0
    for kind in FACT_TYPES:
        with (out / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        total += len(rows)
        for row in rows:
            fact = facts[int(row["id"])]
            assert fact["type"] == kind
            assert row["doc"] == fact["doc"] and row["evidence_text"] == fact["evidence"]["text"]
            assert int(row["evidence_start"]) == fact["evidence"]["start"]
            if kind == "flow":
                assert row["victims"].split(";") == fact["victims"]
                assert (row["origin"], row["destination"]) == (fact["origin"], fact["destination"])
    assert total == len(facts)


def test_csv_one_type(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "tiers.csv"
    assert export(store, "csv", out, fact_type="tier") == 4
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:4] == ["id", "doc", "year", "country"]
    assert sorted((r["country"], r["year"], r["tier"]) for r in rows) == [
        ("KAZ", "2009", "2"),
        ("KAZ", "2009", "2WL"),
        ("KAZ", "2010", "2"),
        ("MDA", "2010", "2WL"),
    ]


def test_parquet(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    export(store, "parquet", out)
    table = pq.read_table(out)
    facts = stored(store)
    assert table.num_rows == len(facts)
    for row in table.to_pylist():
        fact = facts[row["id"]]
        assert (row["type"], row["doc"], row["year"]) == (fact["type"], fact["doc"], fact["year"])
        assert row["evidence_text"] == fact["evidence"]["text"]
        if fact["type"] == "flow":
            assert (row["origin"], row["destination"], row["victims"]) == (
                fact["origin"],
                fact["destination"],
                fact["victims"],
            )
        if fact["type"] == "statistic":
            assert (row["metric"], row["value"]) == (fact["metric"], fact["value"])
    frame = pytest.importorskip("pandas").read_parquet(out)
    assert len(frame) == len(facts)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphs_load_in_networkx(store: Store, tmp_path: Path, fmt: str) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / f"flows.{fmt}"
    flows = query.flows(store)
    assert export(store, fmt, out) == len(flows)
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert graph.is_directed()
    assert sorted(graph.edges()) == sorted((f.origin, f.destination) for f in flows)
    for flow in flows:
        attrs = graph.edges[flow.origin, flow.destination]
        assert float(attrs["weight"]) == flow.documents
        assert attrs["victims"] == ";".join(flow.victims)
        assert attrs["exploitation"] == ";".join(flow.exploitation)
        assert attrs["years"] == ";".join(map(str, flow.years))
    kaz = graph.nodes["KAZ"]
    assert (kaz["name"], kaz["region"], kaz["roles"]) == ("Kazakhstan", "Central Asia", "destination")
    assert set(graph.nodes) == {p.code for p in query.places(store)}


def test_geojson(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "flows.geojson"
    export(store, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    points = {f["properties"]["code"]: f for f in data["features"] if f["geometry"]["type"] == "Point"}
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert set(points) == {"KAZ", "MDA", "RUS", "TUR", "UZB"}
    lon, lat = points["KAZ"]["geometry"]["coordinates"]
    assert 40 < lat < 55 and 50 < lon < 90
    assert points["MDA"]["properties"]["roles"] == "origin"
    flows = {(f.origin, f.destination): f for f in query.flows(store)}
    assert {(f["properties"]["origin"], f["properties"]["destination"]) for f in lines} == set(flows)
    for line in lines:
        p = line["properties"]
        flow = flows[(p["origin"], p["destination"])]
        assert p["weight"] == flow.documents
        assert line["geometry"]["coordinates"] == [
            points[p["origin"]]["geometry"]["coordinates"],
            points[p["destination"]]["geometry"]["coordinates"],
        ]


def test_bad_requests_write_nothing(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown fact type"):
        export(store, "jsonl", tmp_path / "x.jsonl", fact_type="rumour")
    with pytest.raises(ExportError, match="--type applies to"):
        export(store, "graphml", tmp_path / "x.graphml", fact_type="flow")
    with pytest.raises(ExportError, match="does not exist"):
        export(store, "jsonl", tmp_path / "no" / "x.jsonl")
    (tmp_path / "file.csv").write_text("keep me")
    with pytest.raises(ExportError, match="is a file"):
        export(store, "csv", tmp_path / "file.csv")
    assert (tmp_path / "file.csv").read_text() == "keep me"
    assert sorted(
        p.name for p in tmp_path.iterdir() if p.name != "kb.db" and not p.name.startswith("kb.db")
    ) == ["file.csv"]
