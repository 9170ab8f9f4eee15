"""The dashboard: HTML pages rendered on the server (Jinja2 templates, SVG drawn by ``svg``), from the
same views as the API. Every page works without JavaScript and loads nothing from another origin."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from tipkb import __version__, query
from tipkb.model import EXPLOITATION, VICTIMS
from tipkb.vocab import contract
from tipkb.web import maps, svg, views
from tipkb.web.stores import Stores
from tipkb.web.views import FlowFilters

router = APIRouter(include_in_schema=False)

METRIC_LABELS = contract().metric_labels
FLOW_PAGE = 50
YEAR_TEXT = r"^\s*\d{0,4}\s*$"
FACTS_PAGE = 100


def _short(source: str) -> str:
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
    env.filters["short"] = _short
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


def _stores(request: Request) -> Stores:
    stores: Stores = request.app.state.stores
    return stores


def _place_choices(stores: Stores) -> list[tuple[str, str]]:
    return [(r["code"], r["name"]) for r in views.country_rows(stores)]


# -- the world map ----------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def world_page(
    request: Request,
    year: Annotated[int | None, Query(ge=0, le=9999)] = None,
    by: Annotated[str, Query(pattern="^(tier|role)$")] = "tier",
) -> Response:
    """The world map of tier placements in a year, or of stated roles, with the countries' table."""
    stores = _stores(request)
    placements = views.tier_map(stores)
    years = sorted(placements, reverse=True)
    chosen = year is not None
    if year is None:
        year = views.opening_year(placements)
    drawn, legend, table = maps.world_map(stores, placements.get(year or 0, {}), year, by)
    newer = [(y, len(placements[y])) for y in years if year is not None and y > year]
    return render(
        request,
        "map.html",
        title="World map",
        year=year,
        years=years,
        chosen=chosen,
        shown_countries=len(placements.get(year or 0, {})),
        newer=newer,
        by=by,
        map=Markup(drawn),
        legend=legend,
        table=table,
        counts=stores.memo("counts", lambda store: store.counts()),
    )


# -- a country ----------------------------------------------------------------------------------------


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request, q: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    """A country typed in the search box: to its page."""
    if q and q.strip():
        return RedirectResponse(views.place_link(query.resolve_country(q)), status_code=303)
    return RedirectResponse("/#countries", status_code=303)


@router.get("/countries/{country}", response_class=HTMLResponse)
def country_page(request: Request, country: str) -> Response:
    """A country's profile: its flows on a map, its tier timeline, its statistics, with evidence."""
    code = query.resolve_country(country[:100])
    if code != country:
        return RedirectResponse(views.place_link(code), status_code=307)
    stores = _stores(request)
    profile = views.profile_view(stores, code, evidence=True)
    flow_map = maps.country_map(stores, code, profile)
    by_year: dict[int, list[str]] = defaultdict(list)
    for t in sorted(profile["tiers"], key=lambda t: -t["documents"]):
        if t["year"] is not None:
            by_year[t["year"]].append(t["tier"])
    timeline = svg.tier_timeline(
        sorted(by_year.items()), label=f"Tier placements of {profile['name']} by year"
    )
    charts = [
        (
            metric,
            Markup(
                svg.bar_chart(
                    series,
                    label=f"{METRIC_LABELS[metric]} in {profile['name']} by year",
                    links=profile["chart_links"].get(metric),
                )
            ),
            series,
        )
        for metric, series in profile["charts"].items()
    ]
    return render(
        request,
        "country.html",
        title=profile["name"],
        p=profile,
        flow_map=Markup(flow_map),
        timeline=Markup(timeline),
        charts=charts,
    )


@router.get("/countries/{country}/facts", response_class=HTMLResponse)
def country_facts_page(
    request: Request, country: str, offset: Annotated[int, Query(ge=0, le=100_000)] = 0
) -> Response:
    """Every fact about a country (or naming it as either end of a flow), a page at a time, each with
    its sentence and a link to it in its document."""
    code = query.resolve_country(country[:100])
    if code != country:
        return RedirectResponse(views.place_link(code) + "/facts", status_code=307)
    found, more = views.facts_view(_stores(request), FACTS_PAGE, offset, country=code)
    base = views.place_link(code) + "/facts"
    return render(
        request,
        "facts.html",
        title=f"{query.place_name(code)}: facts",
        code=code,
        name=query.place_name(code),
        facts=found,
        offset=offset,
        next=f"{base}?offset={offset + FACTS_PAGE}" if more else None,
        prev=f"{base}?offset={max(offset - FACTS_PAGE, 0)}" if offset else None,
    )


# -- flows ------------------------------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:100] or None


def _with_sentences(stores: Stores, filters: FlowFilters, row: query.FlowRow) -> query.FlowRow:
    """A listed flow with the sentences that state it (under the same filters), for links to the
    document pages."""
    one = replace(filters, origin=row.origin, destination=row.destination, country=None, region=None)
    found = one.run(stores.get(), evidence=True)
    return found[0] if found else row


@router.get("/flows", response_class=HTMLResponse)
def flows_page(
    request: Request,
    origin: str | None = None,
    destination: str | None = None,
    country: str | None = None,
    region: str | None = None,
    exploitation: str | None = None,
    victims: str | None = None,
    years: str | None = None,
    hedged: Annotated[str | None, Query(pattern="^(|true|false)$")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """The flows explorer: flows filtered by place, region, years, victims, exploitation, on a map."""
    filters = FlowFilters(
        origin=_text(origin),
        destination=_text(destination),
        country=_text(country),
        region=_text(region),
        years=_text(years),
        victims=[v for v in [_text(victims)] if v],
        exploitation=[e for e in [_text(exploitation)] if e],
        hedged=None if not hedged else hedged == "true",
    )
    stores = _stores(request)
    rows = filters.run(stores.get(), evidence=False)
    drawn, mapped = maps.flows_map(stores, rows)
    params = {
        "origin": filters.origin,
        "destination": filters.destination,
        "country": filters.country,
        "region": filters.region,
        "exploitation": exploitation,
        "victims": victims,
        "years": filters.years,
        "hedged": hedged,
    }
    chosen = rows[offset : offset + FLOW_PAGE]
    return render(
        request,
        "flows.html",
        title="Flows",
        rows=views.linked(stores, [_with_sentences(stores, filters, r).to_dict() for r in chosen]),
        total=len(rows),
        offset=offset,
        page_size=FLOW_PAGE,
        next=views.url_with("/flows", {**params, "offset": offset + FLOW_PAGE})
        if offset + FLOW_PAGE < len(rows)
        else None,
        prev=views.url_with("/flows", {**params, "offset": max(offset - FLOW_PAGE, 0)}) if offset else None,
        f=params,
        map=Markup(drawn),
        mapped=mapped,
        places=_place_choices(stores),
        regions=views.regions(),
        exploitations=EXPLOITATION,
        victim_kinds=VICTIMS,
        api=views.url_with("/api/flows", {**filters.params(), "limit": 50}),
    )


# -- search, documents, conflicts --------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    """Full-text search over the sentences, best first, each linked to its document."""
    rows: list[dict[str, Any]] = []
    more = False
    if q and q.strip():
        rows, more = views.search_view(_stores(request), q, 50, offset)
        for r in rows:
            doc_id = r["document_id"]
            r["link"] = f"/documents/{doc_id}?sentence={r['start']}-{r['end']}#sentence" if doc_id else None
    return render(
        request,
        "search.html",
        title=f"Search: {q}" if q else "Search",
        q=q or "",
        rows=rows,
        offset=offset,
        next=views.url_with("/search", {"q": q, "offset": offset + 50}) if more else None,
        prev=views.url_with("/search", {"q": q, "offset": max(offset - 50, 0)}) if offset else None,
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> Response:
    """The stored documents, a page at a time."""
    size = 100
    docs, total = views.document_list(_stores(request), size, offset)
    return render(
        request,
        "documents.html",
        title="Documents",
        docs=docs,
        total=total,
        offset=offset,
        next=f"/documents?offset={offset + size}" if offset + size < total else None,
        prev=f"/documents?offset={max(offset - size, 0)}" if offset else None,
    )


SENTENCE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


# Facts on one page of a document; the text shown is the stretch those facts are in.
DOCUMENT_PAGE_FACTS = 500


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    doc_id: str,
    sentence: Annotated[str | None, Query(max_length=30)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    at: Annotated[int | None, Query(ge=0, le=2**31)] = None,
) -> Response:
    """A document with its evidence sentences marked and a page of its facts listed."""
    wanted = None
    if sentence and (m := SENTENCE.match(sentence)):
        wanted = (int(m.group(1)), int(m.group(2)))
        at = wanted[0] if at is None else at
    size = DOCUMENT_PAGE_FACTS
    found = views.document_facts(_stores(request), doc_id, size, offset, at)
    info, text = found.info, found.text
    facts = views.fact_dicts(_stores(request), found.rows)
    # A long document is shown a page of facts at a time, with the text they are in: from this page's
    # first fact (the start, on the first page) to the next page's (the end, on the last).
    start = 0 if found.offset == 0 or not found.rows else found.rows[0].fact.evidence.start
    end = len(text)
    if found.next_start is not None:
        end = max([found.next_start, *(r.fact.evidence.end for r in found.rows)])
    facts_at: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        facts_at[(f["evidence"]["start"], f["evidence"]["end"])].append(f)
    if wanted and not (start <= wanted[0] < wanted[1] <= end):
        wanted = None
    base = f"/documents/{info.id}"
    return render(
        request,
        "document.html",
        title=info.title or _short(info.source),
        doc={
            **info.to_dict(),
            "facts": facts,
            "countries": views.covered_countries((r.fact for r in found.rows), info.subject),
        },
        body=Markup(_document_html(text, sorted(facts_at.items()), wanted, start, end)),
        spans=len(facts_at),
        total=found.total,
        first=found.offset + 1,
        last=found.offset + len(facts),
        cut_before=start > 0,
        cut_after=end < len(text),
        next=f"{base}?offset={found.offset + size}" if found.next_start is not None else None,
        prev=f"{base}?offset={max(found.offset - size, 0)}" if found.offset else None,
    )


def _document_html(
    text: str,
    spans: list[tuple[tuple[int, int], list[dict[str, Any]]]],
    wanted: tuple[int, int] | None,
    start: int = 0,
    end: int | None = None,
) -> str:
    """The text from ``start`` to ``end``, escaped, with each evidence span a <mark> (id ev-START-END)
    naming its facts, and the sentence asked for (from a search) marked as #sentence."""
    text = text if end is None else text[:end]
    events: list[tuple[int, int, str, str]] = []  # (offset, order, kind, html)
    for (start, end), facts in spans:
        label = "; ".join(f"{f['type']}: {f['summary']}" for f in facts)
        events.append(
            (
                start,
                1,
                "open",
                f'<mark id="ev-{start}-{end}" class="ev" title="{escape(label)}" tabindex="-1">',
            )
        )
        events.append((end, 0, "close", "</mark>"))
    if wanted and 0 <= wanted[0] < wanted[1] <= len(text):
        events.append((wanted[0], 2, "open", '<span id="sentence" class="hit" tabindex="-1">'))
        events.append((wanted[1], -1, "close", "</span>"))
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    pos = start
    stack: list[str] = []
    for offset, _, kind, html in events:
        out.append(str(escape(text[pos:offset])))
        pos = offset
        if kind == "open":
            out.append(html)
            stack.append(html)
        else:
            # Close in nesting order: close the tags opened after this one, and reopen them.
            closer = "</span>" if html == "</span>" else "</mark>"
            reopen = []
            while stack:
                top = stack.pop()
                top_close = "</span>" if top.startswith("<span") else "</mark>"
                out.append(top_close)
                if top_close == closer:
                    break
                reopen.append(re.sub(r' id="[^"]*"', "", top))
            for again in reversed(reopen):
                out.append(again)
                stack.append(again)
    out.append(str(escape(text[pos:])))
    return "".join(out)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request, country: Annotated[str | None, Query(max_length=100)] = None
) -> Response:
    """Facts that disagree across statements, each side with its sentences."""
    code = views.country_code(country, regions=False)
    rows = views.conflict_rows(_stores(request), code)
    return render(
        request, "conflicts.html", title="Conflicts", rows=rows[:500], total=len(rows), country=code
    )


# -- analysis: the network, what changed, questions ------------------------------------------------------


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    years: Annotated[str | None, Query(max_length=20)] = None,
    exploitation: str | None = None,
    victims: str | None = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    steps: Annotated[int, Query(ge=1, le=10)] = 2,
) -> Response:
    """The corridor view: the flow network on a map (places coloured by corridor, flows as wide as their
    documents), the corridors, the rankings, and one country's partners upstream and downstream."""
    chosen_years, chosen_exploitation = _text(years), _text(exploitation)
    chosen_victims, chosen_country = _text(victims), _text(country)
    f: dict[str, Any] = {
        "years": chosen_years,
        "exploitation": chosen_exploitation,
        "victims": chosen_victims,
        "country": chosen_country,
        "steps": steps,
    }
    stores = _stores(request)
    data = views.network_view(
        stores,
        years=chosen_years,
        exploitation=[chosen_exploitation] if chosen_exploitation else [],
        victims=[chosen_victims] if chosen_victims else [],
        country=chosen_country,
        steps=steps,
    )
    drawn, mapped, legend, corridor_names = maps.network_map(stores, data)
    filters = {
        "years": f["years"],
        "exploitation": f["exploitation"],
        "victims": f["victims"],
    }
    partners = {**filters, "country": f["country"], "steps": steps if f["country"] else None}
    return render(
        request,
        "network.html",
        title="Network",
        n=data,
        f=f,
        map=Markup(drawn),
        mapped=mapped,
        legend=legend,
        corridor_names=corridor_names,
        places=_place_choices(stores),
        exploitations=EXPLOITATION,
        victim_kinds=VICTIMS,
        api=views.url_with("/api/network", partners),
        picture=views.url_with("/api/network.svg", filters),
    )


@router.get("/changes", response_class=HTMLResponse)
def changes_page(
    request: Request,
    year: Annotated[str | None, Query(max_length=10, pattern=YEAR_TEXT)] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[str | None, Query(max_length=10, pattern=YEAR_TEXT)] = None,
) -> Response:
    """What changed in a year, each side with its sentences and documents."""
    stores = _stores(request)
    chosen = _year(year)
    if chosen is None:
        known = list(views.tier_map(stores))
        chosen = known[-1] if known else None
    found = None
    if chosen is not None:
        found = views.changes_view(stores, chosen, country=_text(country), since=_year(since))
    f = {"year": chosen, "country": _text(country), "since": _year(since)}
    counts: dict[str, int] = defaultdict(int)
    for row in found["rows"] if found else []:
        counts[row["section"]] += 1
    return render(
        request,
        "changes.html",
        title=f"Changes in {chosen}" if chosen else "Changes",
        c=found,
        f=f,
        counts=dict(counts),
        places=_place_choices(stores),
        api=views.url_with("/api/changes", f) if chosen else None,
    )


ASK_EXAMPLES = (
    "Where are Uzbek women trafficked to?",
    "Which countries send victims to Kazakhstan?",
    "What tier was Moldova on in 2011?",
    "How many traffickers did Kazakhstan convict in 2007?",
    "What changed for Cambodia in 2009?",
    "Tell me about Togo",
)


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    """A question in English, answered from the stored facts with the sentences that state them, or "I
    can't answer that from the data" with the closest sentences."""
    answer = views.ask_view(_stores(request), q) if q and q.strip() else None
    return render(
        request,
        "ask.html",
        title=f"Ask: {q}" if answer else "Ask",
        q=q or "",
        a=answer,
        examples=ASK_EXAMPLES,
        api=views.url_with("/api/ask", {"q": q}) if answer else None,
    )


# -- API docs and upload --------------------------------------------------------------------------------


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API's endpoints and parameters, from its OpenAPI document."""
    schema = request.app.openapi()
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
    return render(request, "docs.html", title="API", endpoints=endpoints, info=schema["info"])


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


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    """The upload form (or a note that uploads are off)."""
    return render(request, "upload.html", title="Upload", settings=request.app.state.upload)
