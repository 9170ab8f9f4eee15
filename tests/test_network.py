"""The flow network over hand-made documents (known flows, whatever the extractor does): the graph, the
rankings, corridors, partners, filters, the pictures, the command and the API data."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Ran
from store_helpers import BACKENDS, flow, record, store_url
from tipkb import query
from tipkb.analysis.network import flow_graph, neighbourhood, network_report
from tipkb.analysis.plot import PlotError, plot_network, positions, world_outlines
from tipkb.store import DocumentRecord, Store, open_store
from tipkb.web.analysis import network_data, network_svg

pytest.importorskip("networkx")


def documents() -> list[DocumentRecord]:
    """Three narratives: a Central Asian route through Kazakhstan, and a Moldovan one to Europe."""
    uzb = record(
        "net/uzbekistan-2009.txt",
        [
            (
                "Uzbek men are forced to work on farms in Kazakhstan.",
                [flow("UZB", "KAZ", 2009, ["men"], ["labor"])],
            ),
            (
                "Uzbek men are taken through Kazakhstan to building sites in Russia.",
                [flow("UZB", "RUS", 2009, ["men"], ["labor"], via=["KAZ"])],
            ),
            (
                "Kyrgyz women are exploited in brothels in Kazakhstan.",
                [flow("KGZ", "KAZ", 2009, ["women"], ["sexual"])],
            ),
            (
                "Children are forced to pick cotton inside Uzbekistan.",
                [flow("UZB", "UZB", 2009, ["children"], ["labor"])],
            ),
        ],
        subject="UZB",
        report_year=2009,
    )
    kaz = record(
        "net/kazakhstan-2010.txt",
        [
            (
                "Women from Uzbekistan are forced into prostitution in Kazakhstan.",
                [flow("UZB", "KAZ", 2010, ["women"], ["sexual"])],
            ),
            ("Kazakh women are exploited in Turkey.", [flow("KAZ", "TUR", 2010, ["women"], ["sexual"])]),
            (
                "Tajik men pass through Kazakhstan on their way to forced labor in Russia.",
                [flow("TJK", "RUS", 2010, ["men"], ["labor"], via=["KAZ"])],
            ),
        ],
        subject="KAZ",
        report_year=2010,
    )
    mda = record(
        "net/moldova.txt",
        [
            ("Moldovan women are exploited in Turkey.", [flow("MDA", "TUR", None, ["women"], ["sexual"])]),
            ("Moldovan women are exploited in Italy.", [flow("MDA", "ITA", None, ["women"], ["sexual"])]),
            (
                "Ukrainian women may be exploited in Italy.",
                [flow("UKR", "ITA", None, ["women"], ["sexual"], hedged=True)],
            ),
            ("Ukrainian women are exploited in Moldova.", [flow("UKR", "MDA", None, ["women"], ["sexual"])]),
        ],
        subject="MDA",
    )
    return [uzb, kaz, mda]


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


def test_graph(store: Store) -> None:
    graph = flow_graph(store)
    assert graph["UZB"]["KAZ"]["weight"] == 2  # two documents state it
    assert graph["UZB"]["KAZ"]["victims"] == ["men", "women"]
    assert graph["UZB"]["RUS"]["via"] == ["KAZ"]
    assert not graph.has_edge("UZB", "UZB")  # trafficking within a country is not a partner
    assert graph.nodes["UZB"]["internal"] == 1
    assert graph.nodes["KAZ"]["via_weight"] == 2
    assert graph.nodes["KAZ"]["lat"] is not None
    assert graph.graph["documents"] == 3


def test_filters(store: Store) -> None:
    in_2009 = flow_graph(store, year=2009)
    assert in_2009["UZB"]["KAZ"]["weight"] == 1 and not in_2009.has_edge("KAZ", "TUR")
    assert set(flow_graph(store, years=(2010, 2010)).edges) == {
        ("UZB", "KAZ"),
        ("KAZ", "TUR"),
        ("TJK", "RUS"),
    }
    sexual = flow_graph(store, exploitation=["sexual"])
    assert ("UZB", "RUS") not in sexual.edges and ("KGZ", "KAZ") in sexual.edges
    assert set(flow_graph(store, victims=["men"]).edges) == {("UZB", "KAZ"), ("UZB", "RUS"), ("TJK", "RUS")}
    with pytest.raises(query.QueryError):
        flow_graph(store, victims=["aliens"])


def test_report(store: Store) -> None:
    report = network_report(store, top=3)
    assert (report.places, report.flows, report.documents) == (9, 9, 3)
    assert report.origins[0].code == "UZB" and report.origins[0].out_weight == 3
    assert report.destinations[0].code == "KAZ" and report.destinations[0].in_weight == 3
    assert report.hubs[0].code == "KAZ" and report.hubs[0].via_weight == 2
    assert [s.code for s in report.both] == ["KAZ", "MDA"]
    corridor = {m: c.id for c in report.corridors for m in c.members}
    assert corridor["UZB"] == corridor["KGZ"] == corridor["KAZ"]
    assert corridor["MDA"] == corridor["ITA"] == corridor["UKR"]
    assert corridor["UZB"] != corridor["MDA"]
    # Flows within a place are counted apart: with the flows between places, every flow there is.
    assert report.flows + report.internal == len(query.flows(store))
    data = report.to_dict()
    assert data["origins"][0]["name"] == "Uzbekistan"
    assert json.loads(json.dumps(data)) == data


def test_partners(store: Store) -> None:
    graph = flow_graph(store)
    up, down = neighbourhood(graph, "KAZ", 1)
    assert {p.code for p in up} == {"UZB", "KGZ"}
    assert [(p.code, p.path) for p in down] == [("TUR", ["KAZ", "TUR"])]
    _, down = neighbourhood(graph, "UZB", 2)
    reached = {p.code: p for p in down}
    assert (reached["KAZ"].steps, reached["KAZ"].weight) == (1, 2)
    assert (reached["TUR"].steps, reached["TUR"].path, reached["TUR"].weight) == (2, ["UZB", "KAZ", "TUR"], 1)
    up, _ = neighbourhood(graph, "ITA", 3)
    assert {(p.code, p.steps) for p in up} == {("MDA", 1), ("UKR", 1)}
    assert neighbourhood(graph, "BRA", 2) == ([], [])
    with pytest.raises(query.QueryError, match="between 1 and 10"):
        neighbourhood(graph, "KAZ", 0)
    report = network_report(store, country="KAZ", steps=2)
    assert report.country == "KAZ" and {p.code for p in report.upstream} == {"UZB", "KGZ"}


def test_pictures(store: Store, tmp_path: Path) -> None:
    graph = flow_graph(store)
    png = plot_network(graph, tmp_path / "net.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot_network(graph, tmp_path / "net.svg", title="Test")
    assert "<svg" in svg.read_text(encoding="utf-8")
    with pytest.raises(PlotError, match=".png, .svg or .pdf"):
        plot_network(graph, tmp_path / "net.gif")
    where = positions(["KAZ", "region:Europe", "region:Africa", "XXX"])
    assert set(where) == {"KAZ", "region:Europe", "region:Africa"}
    lon, lat = where["region:Europe"]
    assert -25 < lon < 60 and 35 < lat < 70


def test_world_geometry() -> None:
    outlines = world_outlines()
    if not outlines:
        pytest.skip("src/tipkb/data/world.json is not there (maps fall back to country centroids)")
    assert "KAZ" in outlines and all(len(ring) > 2 for ring in outlines["KAZ"])


def test_api_data(store: Store) -> None:
    data = network_data(store, country="Uzbekistan", steps=2, exploitation=["labor"])
    assert data["country"] == "UZB"
    nodes = {n["code"]: n for n in data["graph"]["nodes"]}
    assert nodes["KAZ"]["lat"] is not None and nodes["KAZ"]["via_weight"] == 2
    edges = {(e["origin"], e["destination"]): e for e in data["graph"]["edges"]}
    assert set(edges) == {("UZB", "KAZ"), ("UZB", "RUS"), ("TJK", "RUS")}
    assert edges[("UZB", "RUS")]["via"] == ["KAZ"]
    assert json.loads(json.dumps(data)) == data
    with pytest.raises(query.QueryError):
        network_data(store, country="Narnia")
    with pytest.raises(query.QueryError):
        network_data(store, years="2010-2008")
    assert "<svg" in network_svg(store, victims=["women"])


def test_command(cli: Callable[..., Ran], db: str, tmp_path: Path) -> None:
    table = cli("network", "--db", db, "--country", "Uzbek", "--steps", "2")
    assert table.returncode == 0, table.stderr
    assert "top origins" in table.stdout and "corridors" in table.stdout
    assert "UZB → KAZ → TUR" in table.stdout
    as_json = json.loads(cli("network", "--db", db, "--format", "json").stdout)
    assert as_json["hubs"][0]["code"] == "KAZ"
    lines = [json.loads(line) for line in cli("network", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert {line["section"] for line in lines} >= {"origins", "destinations", "hubs", "both", "corridors"}
    rows = list(
        csv.DictReader(io.StringIO(cli("network", "--db", db, "-f", "csv", "--years", "2010").stdout))
    )
    assert rows[0]["section"] == "origins"
    plotted = cli("network", "--db", db, "--plot", str(tmp_path / "out.svg"), "--victims", "women")
    assert plotted.returncode == 0 and (tmp_path / "out.svg").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "KAZ", "--steps", "0"], "between 1 and 10"),
        (["--country", "Narnia"], "unknown country"),
        (["--exploitation", "fun"], "unknown exploitation"),
        (["--years", "2010-2008"], "backwards"),
        (["--plot", "out.gif"], ".png, .svg or .pdf"),
        (["--top", "0"], "at least 1"),
    ],
)
def test_usage_errors(cli: Callable[..., Ran], db: str, args: list[str], message: str) -> None:
    ran = cli("network", "--db", db, *args)
    assert ran.returncode == 2
    assert message in ran.stderr and "Traceback" not in ran.stderr


def test_missing_store(cli: Callable[..., Ran], tmp_path: Path) -> None:
    ran = cli("network", "--db", str(tmp_path / "none.db"))
    assert ran.returncode in (1, 2) and ran.stderr.startswith("tipkb: ")


def test_plot_names_do_not_overlap_and_colours_have_a_legend(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tipkb.analysis.plot import _place_labels

    fig, ax = plt.subplots()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    fig.canvas.draw()
    crowded = [(f"Place number {i}", (5.0, 5.0)) for i in range(12)]  # all at one point
    placed = _place_labels(ax, crowded)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer=renderer) for t in ax.texts]
    assert 1 < placed == len(boxes) < len(crowded)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    plt.close(fig)
    out = plot_network(flow_graph(store), tmp_path / "net.svg")
    drawn = out.read_text(encoding="utf-8")
    assert "corridor 1" in drawn  # the legend names what each colour is
