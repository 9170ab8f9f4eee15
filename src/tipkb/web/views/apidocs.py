"""The API docs view: the API's endpoints and parameters, from its OpenAPI document, each with an
example (the page ``/api/docs`` renders it)."""

from __future__ import annotations

from typing import Any


def api_endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of an OpenAPI document: method, path, summary, parameters (with their types),
    tag, and an example URL for a GET."""
    endpoints = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description", ""),
                    "type": _schema_type(p.get("schema", {})),
                }
                for p in op.get("parameters", [])
            ]
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "tag": (op.get("tags") or [""])[0],
                    "example": _example(path, method),
                }
            )
    return endpoints


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if schema.get("type") == "array":
        return f"list of {_schema_type(schema.get('items', {}))}"
    out = str(schema.get("type", "string"))
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum") if k in schema]
    return out + (f" ({', '.join(bounds)})" if bounds else "")


EXAMPLES = {
    "/api": "/api",
    "/api/countries": "/api/countries?kind=country&limit=5",
    "/api/countries/{country}": "/api/countries/Kazakhstan",
    "/api/flows": "/api/flows?destination=KAZ&exploitation=labor&evidence=true",
    "/api/tiers": "/api/tiers?years=2008-2010",
    "/api/statistics": "/api/statistics?country=KAZ&metric=convictions",
    "/api/facts": "/api/facts?type=tier&limit=5",
    "/api/documents": "/api/documents?limit=5",
    "/api/search": "/api/search?q=forced+labor&limit=5",
    "/api/conflicts": "/api/conflicts",
    "/api/network": "/api/network?country=KAZ&steps=2&top=5",
    "/api/network.svg": "/api/network.svg?exploitation=labor",
    "/api/changes": "/api/changes?year=2018&country=MDA",
    "/api/ask": "/api/ask?q=Where+are+Uzbek+women+trafficked+to%3F",
    "/api/export/{fmt}": "/api/export/jsonl?type=flow",
}


def _example(path: str, method: str) -> str | None:
    return EXAMPLES.get(path) if method == "get" else None
