"""How a dashboard page is rendered: the Jinja2 environment with its filters (numbers, places, tiers,
fact fields, search marks), ``render`` for a page and ``error_page`` for an error, and the small helpers
the page routes share (the request's stores, the place choices of a form, a typed text parameter)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePath
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from tipkb import __version__, query
from tipkb.vocab import contract
from tipkb.web import maps, svg, views
from tipkb.web.stores import Stores

METRIC_LABELS = contract().metric_labels


def short_name(source: str) -> str:
    return PurePath(source).name or source


def _marked(highlighted: str) -> Markup:
    """Search text with matched words between ``**`` as escaped HTML with <mark>s."""
    parts = str(escape(highlighted)).split("**")
    return Markup("".join(f"<mark>{p}</mark>" if i % 2 else p for i, p in enumerate(parts)))


def _fields(fields: dict[str, Any]) -> str:
    out = []
    for key, value in fields.items():
        if value is None or value == []:
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        elif isinstance(value, float) and value.is_integer():
            value = f"{int(value):,}"
        elif isinstance(value, int) and key in ("amount", "value"):
            value = f"{value:,}"
        out.append(f"{key.replace('_', ' ')}: {value}")
    return "; ".join(out)


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("tipkb.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["short"] = short_name
    env.filters["marked"] = _marked
    env.filters["fields"] = _fields
    env.filters["place"] = query.place_name
    env.filters["place_link"] = views.place_link
    env.filters["tier_label"] = lambda t: svg.TIER_LABELS.get(t, t)
    env.filters["tier_class"] = lambda t: svg.TIER_CLASSES.get(t, "nodata")
    env.filters["metric"] = lambda m: METRIC_LABELS.get(m, m)
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["corridor_class"] = maps.corridor_class
    env.globals["version"] = __version__
    return env


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page: the template rendered with the request and the context."""
    upload = request.app.state.upload
    html = (
        _env()
        .get_template(template)
        .render(request=request, path=request.url.path, uploads=upload.enabled, **context)
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str, suggestions: list[str] | None = None) -> Response:
    """An error as a page: the status, one line saying what was wrong, and suggestions."""
    links = []
    for name in suggestions or []:
        try:
            links.append((name, views.place_link(query.resolve_country(name))))
        except query.QueryError:
            continue
    return render(
        request, "error.html", status=status, title=f"Error {status}", message=message, suggestions=links
    )


def stores_of(request: Request) -> Stores:
    stores: Stores = request.app.state.stores
    return stores


def place_choices(stores: Stores) -> list[tuple[str, str]]:
    return [(r["code"], r["name"]) for r in views.country_rows(stores)]


def text_param(value: str | None) -> str | None:
    """A text parameter as typed: stripped, at most 100 characters, None when empty."""
    value = (value or "").strip()
    return value[:100] or None
