"""The dashboard's analysis pages: the flow network and its corridors (``/network``), what changed in a
year (``/changes``), and questions in English (``/ask``). Routed under ``pages.router``."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from tipkb.model import EXPLOITATION, VICTIMS
from tipkb.web import maps, views
from tipkb.web.render import place_choices, render, stores_of, text_param

router = APIRouter(include_in_schema=False)

YEAR_TEXT = r"^\s*\d{0,4}\s*$"

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
    chosen_years, chosen_exploitation = text_param(years), text_param(exploitation)
    chosen_victims, chosen_country = text_param(victims), text_param(country)
    f: dict[str, Any] = {
        "years": chosen_years,
        "exploitation": chosen_exploitation,
        "victims": chosen_victims,
        "country": chosen_country,
        "steps": steps,
    }
    stores = stores_of(request)
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
        places=place_choices(stores),
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
    stores = stores_of(request)
    chosen = _year(year)
    if chosen is None:
        known = list(views.tier_map(stores))
        chosen = known[-1] if known else None
    found = None
    if chosen is not None:
        found = views.changes_view(stores, chosen, country=text_param(country), since=_year(since))
    f = {"year": chosen, "country": text_param(country), "since": _year(since)}
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
        places=place_choices(stores),
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
    answer = views.ask_view(stores_of(request), q) if q and q.strip() else None
    return render(
        request,
        "ask.html",
        title=f"Ask: {q}" if answer else "Ask",
        q=q or "",
        a=answer,
        examples=ASK_EXAMPLES,
        api=views.url_with("/api/ask", {"q": q}) if answer else None,
    )
