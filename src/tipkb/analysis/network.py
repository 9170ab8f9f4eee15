"""The flow network: places as nodes, flows as edges weighted by the documents that state them.

``flow_graph`` builds a networkx DiGraph from the store (filtered by years, exploitation and victims);
``network_report`` ranks origins, destinations and transit hubs, finds the places that are both origin
and destination, the corridors (communities of places that trade victims mostly among themselves), and,
for one country, its upstream and downstream partners up to N steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tipkb import query
from tipkb.places import REGION_PREFIX

if TYPE_CHECKING:
    from tipkb.store import Store

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Corridor",
    "NetworkReport",
    "Partner",
    "PlaceScore",
    "flow_graph",
    "neighbourhood",
    "network_report",
]

MAX_STEPS = 10


def require_networkx() -> Any:
    """The networkx module, or an ImportError that says how to install it."""
    try:
        import networkx
    except ImportError:
        raise ImportError("the flow network needs networkx: pip install 'tipkb[analysis]'") from None
    return networkx


@dataclass(kw_only=True)
class PlaceScore:
    """A place's part in the network. Weights count documents; internal flows are kept apart."""

    code: str
    name: str
    kind: str
    out_weight: int = 0
    in_weight: int = 0
    out_partners: int = 0
    in_partners: int = 0
    via_weight: int = 0
    betweenness: float = 0.0
    internal: int = 0
    corridor: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return query.as_dict(self)


@dataclass(kw_only=True)
class Corridor:
    """A community of places that victims move among: its members, weight, and strongest flows."""

    id: int
    members: list[str]
    names: list[str]
    weight: int
    flows: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return query.as_dict(self)


@dataclass(kw_only=True)
class Partner:
    """A place reached from (downstream) or reaching (upstream) a country in ``steps`` flows.

    ``path`` runs in the direction victims move; ``weight`` is the documents behind its weakest link.
    """

    code: str
    name: str
    direction: str
    steps: int
    weight: int
    path: list[str]

    def to_dict(self) -> dict[str, Any]:
        return query.as_dict(self)


@dataclass(kw_only=True)
class NetworkReport:
    """What the flow network shows, filtered as ``filters`` says."""

    filters: dict[str, Any]
    places: int
    flows: int
    documents: int
    origins: list[PlaceScore]
    destinations: list[PlaceScore]
    hubs: list[PlaceScore]
    both: list[PlaceScore]
    corridors: list[Corridor]
    country: str | None = None
    steps: int | None = None
    upstream: list[Partner] = field(default_factory=list)
    downstream: list[Partner] = field(default_factory=list)
    # Places with trafficking within them: flows from a place to itself, kept on the node, not edges.
    internal: int = 0

    def to_dict(self) -> dict[str, Any]:
        return query.as_dict(self)


def flow_graph(
    store: Store,
    year: int | None = None,
    years: query.YearRange | None = None,
    exploitation: Sequence[str] = (),
    victims: Sequence[str] = (),
    hedged: bool | None = None,
) -> nx.DiGraph:
    """The flows as a DiGraph: an edge per origin and destination with ``weight`` = documents.

    Nodes carry name, kind (country or region), region, lat, lon, and ``internal`` (documents stating
    trafficking within the place); internal flows are not edges, so that they do not count as partners.
    Edges carry victims, exploitation, via, years, hedged, sentences and ``distance`` = 1 / weight.
    """
    nx = require_networkx()
    rows = query.flows(
        store,
        year=year,
        years=years,
        victims=victims,
        exploitation=exploitation,
        hedged=hedged,
    )
    graph = nx.DiGraph(name="tipkb flows")
    known = {p.code: p for p in query.places(store)}

    def add_node(code: str) -> None:
        if code in graph:
            return
        place = known.get(code)
        graph.add_node(
            code,
            name=query.place_name(code),
            kind="region" if code.startswith(REGION_PREFIX) else "country",
            region=place.region if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            internal=0,
            via_weight=0,
        )

    documents: set[tuple[str, str]] = set()
    for row in rows:
        add_node(row.origin)
        add_node(row.destination)
        documents.add((row.origin, row.destination))
        for place in row.via:
            add_node(place)
            graph.nodes[place]["via_weight"] += row.documents
        if row.origin == row.destination:
            graph.nodes[row.origin]["internal"] += row.documents
            continue
        graph.add_edge(
            row.origin,
            row.destination,
            weight=row.documents,
            distance=1.0 / max(row.documents, 1),
            sentences=row.sentences,
            victims=list(row.victims),
            exploitation=list(row.exploitation),
            via=list(row.via),
            years=list(row.years),
            hedged=row.hedged,
        )
    graph.graph["documents"] = _documents(store, year, years) if rows else 0
    return graph


def _documents(store: Store, year: int | None, years: query.YearRange | None) -> int:
    """How many documents state some flow (in the years asked for)."""
    return store.flow_documents(year, years)


def _routes(graph: nx.DiGraph) -> nx.DiGraph:
    """The graph plus the legs of each flow's route through its transit places (origin → via → dest),
    so that betweenness sees the places that flows pass through."""
    routes = graph.copy()
    for origin, destination, data in graph.edges(data=True):
        stops = [origin, *[v for v in data["via"] if v not in (origin, destination)], destination]
        for a, b in zip(stops, stops[1:], strict=False):
            if a == b:
                continue
            if routes.has_edge(a, b):
                continue
            routes.add_edge(a, b, weight=data["weight"], distance=data["distance"])
    return routes


def place_scores(graph: nx.DiGraph) -> dict[str, PlaceScore]:
    """Weighted in/out degree, partners, transit weight and betweenness of every node."""
    nx = require_networkx()
    routes = _routes(graph)
    between = nx.betweenness_centrality(routes, weight="distance", normalized=True) if len(routes) > 2 else {}
    scores: dict[str, PlaceScore] = {}
    for code, data in graph.nodes(data=True):
        scores[code] = PlaceScore(
            code=code,
            name=data["name"],
            kind=data["kind"],
            out_weight=int(graph.out_degree(code, weight="weight")),
            in_weight=int(graph.in_degree(code, weight="weight")),
            out_partners=graph.out_degree(code),
            in_partners=graph.in_degree(code),
            via_weight=int(data["via_weight"]),
            betweenness=round(float(between.get(code, 0.0)), 4),
            internal=int(data["internal"]),
        )
    return scores


def corridors(graph: nx.DiGraph, flows_per_corridor: int = 5) -> list[Corridor]:
    """Communities of the flow network (greedy modularity on the undirected, document-weighted graph),
    largest first; places alone in their community are left out."""
    nx = require_networkx()
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    for a, b, data in graph.edges(data=True):
        w = data["weight"] + (undirected[a][b]["weight"] if undirected.has_edge(a, b) else 0)
        undirected.add_edge(a, b, weight=w)
    if undirected.number_of_edges() == 0:
        return []
    found = nx.community.greedy_modularity_communities(undirected, weight="weight")
    out: list[Corridor] = []
    for members in found:
        if len(members) < 2:
            continue
        inside = [(a, b, d) for a, b, d in graph.edges(data=True) if a in members and b in members]
        strength = {m: int(undirected.degree(m, weight="weight")) for m in members}
        ordered = sorted(members, key=lambda m: (-strength[m], m))
        top = sorted(inside, key=lambda e: (-e[2]["weight"], e[0], e[1]))[:flows_per_corridor]
        out.append(
            Corridor(
                id=0,
                members=ordered,
                names=[graph.nodes[m]["name"] for m in ordered],
                weight=sum(d["weight"] for _, _, d in inside),
                flows=[{"origin": a, "destination": b, "documents": d["weight"]} for a, b, d in top],
            )
        )
    out.sort(key=lambda c: (-c.weight, c.members))
    for i, corridor in enumerate(out, 1):
        corridor.id = i
    return out


def neighbourhood(graph: nx.DiGraph, country: str, steps: int) -> tuple[list[Partner], list[Partner]]:
    """Places upstream (whose victims reach ``country``) and downstream (reached from it) within
    ``steps`` flows, nearest first. Raises QueryError for steps outside 1..10."""
    if not 1 <= steps <= MAX_STEPS:
        raise query.QueryError(f"--steps must be between 1 and {MAX_STEPS}, not {steps}")
    if country not in graph:
        return [], []
    down = _walk(graph, country, steps, forward=True)
    up = _walk(graph, country, steps, forward=False)
    return up, down


def _walk(graph: nx.DiGraph, start: str, steps: int, forward: bool) -> list[Partner]:
    """Breadth-first along (or against) the flows; each place once, at its fewest steps, by the path
    whose weakest link is strongest."""
    best: dict[str, tuple[int, int, list[str]]] = {}
    frontier: dict[str, tuple[int, list[str]]] = {start: (10**9, [start])}
    for step in range(1, steps + 1):
        reached: dict[str, tuple[int, list[str]]] = {}
        for node, (weakest, path) in frontier.items():
            nexts = graph.successors(node) if forward else graph.predecessors(node)
            for other in nexts:
                if other == start or other in best or other in path:
                    continue
                edge = graph[node][other] if forward else graph[other][node]
                weight = min(weakest, int(edge["weight"]))
                if other not in reached or weight > reached[other][0]:
                    reached[other] = (weight, [*path, other])
        for node, (weight, path) in reached.items():
            best[node] = (step, weight, path)
        frontier = reached
        if not frontier:
            break
    out = []
    for node, (step, weight, path) in best.items():
        ordered = path if forward else list(reversed(path))
        out.append(
            Partner(
                code=node,
                name=graph.nodes[node]["name"],
                direction="downstream" if forward else "upstream",
                steps=step,
                weight=weight,
                path=ordered,
            )
        )
    out.sort(key=lambda p: (p.steps, -p.weight, p.name))
    return out


def network_report(
    store: Store,
    year: int | None = None,
    years: query.YearRange | None = None,
    exploitation: Sequence[str] = (),
    victims: Sequence[str] = (),
    country: str | None = None,
    steps: int = 2,
    top: int = 10,
    graph: nx.DiGraph | None = None,
) -> NetworkReport:
    """Rank the network's places and find its corridors; with ``country``, its partners within ``steps``.

    Arguments are codes and checked values (see ``query.resolve_country``, ``query.parse_years``);
    QueryError for unknown victims or exploitation, or steps outside 1..10.
    """
    if top < 1:
        raise query.QueryError(f"--top must be at least 1, not {top}")
    if country is not None and not 1 <= steps <= MAX_STEPS:
        raise query.QueryError(f"--steps must be between 1 and {MAX_STEPS}, not {steps}")
    if graph is None:
        graph = flow_graph(store, year=year, years=years, exploitation=exploitation, victims=victims)
    scores = place_scores(graph)
    found = corridors(graph)
    for corridor in found:
        for member in corridor.members:
            scores[member].corridor = corridor.id
    values = list(scores.values())
    origins = sorted(
        (s for s in values if s.out_weight), key=lambda s: (-s.out_weight, -s.out_partners, s.name)
    )
    destinations = sorted(
        (s for s in values if s.in_weight), key=lambda s: (-s.in_weight, -s.in_partners, s.name)
    )
    # Places flows are said to pass through first, then those that lie between others in the graph.
    hubs = sorted(
        (s for s in values if s.betweenness > 0 or s.via_weight > 0),
        key=lambda s: (-s.via_weight, -s.betweenness, s.name),
    )
    both = sorted(
        (s for s in values if s.kind == "country" and s.out_weight and s.in_weight),
        key=lambda s: (-min(s.out_weight, s.in_weight), -(s.out_weight + s.in_weight), s.name),
    )
    filters: dict[str, Any] = {
        "year": year,
        "years": list(years) if years else None,
        "exploitation": list(exploitation),
        "victims": list(victims),
    }
    report = NetworkReport(
        filters=filters,
        places=graph.number_of_nodes(),
        flows=graph.number_of_edges(),
        documents=int(graph.graph.get("documents", 0)),
        origins=origins[:top],
        destinations=destinations[:top],
        hubs=hubs[:top],
        both=both[:top],
        corridors=found[:top],
        internal=sum(1 for _, n in graph.nodes(data="internal") if n),
    )
    if country is not None:
        report.country = country
        report.steps = steps
        report.upstream, report.downstream = neighbourhood(graph, country, steps)
    return report
