"""Writers of the flow network: places as nodes, flows as weighted edges (GraphML, GEXF, GeoJSON).

An edge's weight is the number of documents that state the flow; lists (victims, exploitation, years,
via) are joined with ';' since GraphML and GEXF attributes are scalars.
"""

from __future__ import annotations

import json
from typing import IO, Any

from tipkb.query import FlowRow, PlaceRow


def _joined(values: list[Any]) -> str:
    return ";".join(str(v) for v in values)


def node_attributes(place: PlaceRow) -> dict[str, Any]:
    """A place's attributes as a graph node carries them."""
    attrs: dict[str, Any] = {
        "name": place.name,
        "kind": place.kind,
        "region": place.region or "",
        "roles": _joined(place.roles),
        "facts": place.facts,
    }
    if place.lat is not None and place.lon is not None:
        attrs.update(lat=float(place.lat), lon=float(place.lon))
    return attrs


def edge_attributes(flow: FlowRow) -> dict[str, Any]:
    """A flow's attributes as a graph edge carries them."""
    return {
        "weight": flow.documents,
        "documents": flow.documents,
        "sentences": flow.sentences,
        "facts": flow.facts,
        "victims": _joined(flow.victims),
        "exploitation": _joined(flow.exploitation),
        "via": _joined(flow.via),
        "years": _joined(flow.years),
        "hedged": flow.hedged,
    }


class GraphExporter:
    """GraphML or GEXF through networkx: ``export_item`` takes places and flows, ``finish`` writes."""

    def __init__(self, file: IO[bytes], fmt: str) -> None:
        import networkx as nx

        self.file = file
        self.fmt = fmt
        self.graph = nx.DiGraph(name="tipkb flows")

    def start(self) -> None:
        pass

    def export_item(self, item: PlaceRow | FlowRow) -> None:
        if isinstance(item, PlaceRow):
            self.graph.add_node(item.code, **node_attributes(item))
        else:
            self.graph.add_edge(item.origin, item.destination, **edge_attributes(item))

    def finish(self) -> None:
        import networkx as nx

        if self.fmt == "gexf":
            nx.write_gexf(self.graph, self.file)
        else:
            nx.write_graphml(self.graph, self.file)


class GeoJsonExporter:
    """A FeatureCollection: a Point for each country (at its centroid) and a LineString for each flow
    between two countries. Regions have no point; flows within one country are the country's
    ``internal_*`` properties rather than lines."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.points: dict[str, dict[str, Any]] = {}
        self.flows: list[FlowRow] = []

    def start(self) -> None:
        pass

    def export_item(self, item: PlaceRow | FlowRow) -> None:
        if isinstance(item, PlaceRow):
            if item.lat is not None and item.lon is not None:
                props = {"code": item.code, **node_attributes(item)}
                props.pop("lat"), props.pop("lon")
                self.points[item.code] = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [float(item.lon), float(item.lat)]},
                    "properties": props,
                }
        else:
            self.flows.append(item)

    def finish(self) -> None:
        lines = []
        for flow in self.flows:
            start, end = self.points.get(flow.origin), self.points.get(flow.destination)
            if start is None or end is None:
                continue
            if flow.origin == flow.destination:
                start["properties"].update(
                    {f"internal_{k}": v for k, v in edge_attributes(flow).items() if k != "weight"}
                )
                continue
            lines.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "LineString",
                        "coordinates": [start["geometry"]["coordinates"], end["geometry"]["coordinates"]],
                    },
                    "properties": {
                        "origin": flow.origin,
                        "origin_name": flow.origin_name,
                        "destination": flow.destination,
                        "destination_name": flow.destination_name,
                        **edge_attributes(flow),
                    },
                }
            )
        collection = {"type": "FeatureCollection", "features": [*self.points.values(), *lines]}
        json.dump(collection, self.file, ensure_ascii=False)
        self.file.write("\n")
