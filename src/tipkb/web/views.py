"""What the API and the pages show, computed once: each view calls ``tipkb.query`` and returns plain
dicts (with links to documents and sentences); ``api`` renders them as JSON, ``pages`` as HTML."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from starlette.exceptions import HTTPException

from tipkb import query
from tipkb.model import EXPLOITATION, METRICS, VICTIMS
from tipkb.places import REGION_PREFIX, region_of
from tipkb.vocab import contract
from tipkb.web.stores import Stores

if TYPE_CHECKING:
    from tipkb.store import Store

# The largest page of any list, and the default.
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
DOC_ID = re.compile(r"^[0-9a-f]{16}$")
DOC_ID_PATTERN = DOC_ID.pattern
CHART_METRICS = ("investigations", "prosecutions", "convictions", "victims_identified")


class NotFound(LookupError):
    """Something a URL names that the store does not have (a document id)."""


# -- places -------------------------------------------------------------------------------------


def region_groups() -> dict[str, str]:
    """Region -> the larger region it lies in ("West Africa" -> "Sub-Saharan Africa"): the contract's
    region tree."""
    return contract().region_parents


def regions() -> list[str]:
    """The region names the fact contract knows."""
    from tipkb.places import gazetteer

    return sorted(code[len(REGION_PREFIX) :] for code in gazetteer().names if code.startswith(REGION_PREFIX))


def in_region(code: str, region: str) -> bool:
    """Whether a place is the region, in it, or in one of its sub-regions."""
    if code.startswith(REGION_PREFIX):
        name = code[len(REGION_PREFIX) :]
    else:
        found = region_of(code)
        if found is None:
            return False
        name = found
    while True:
        if name == region:
            return True
        parent = region_groups().get(name)
        if parent is None:
            return False
        name = parent


@dataclass(frozen=True)
class Position:
    lon: float
    lat: float


def positions(stores: Stores) -> dict[str, Position]:
    """Where each named place is: countries at their centroids, regions at the mean of their countries."""

    def compute(store: Store) -> dict[str, Position]:
        found = {
            p.code: Position(p.lon, p.lat)
            for p in query.places(store)
            if p.lat is not None and p.lon is not None
        }
        members: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for code, _name, kind, region, lat, lon in query.known_places(store):
            if kind == "country" and lat is not None and lon is not None:
                found.setdefault(code, Position(lon, lat))
                name = region
                while name:
                    members[name].append((lon, lat))
                    name = region_groups().get(name)
        for name, pts in members.items():
            found[REGION_PREFIX + name] = Position(
                sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            )
        return found

    return stores.memo("positions", compute)


def place_link(code: str) -> str:
    """The page of a place."""
    return f"/countries/{quote(code, safe='')}"


# -- documents ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocInfo:
    id: str
    source: str
    title: str | None
    subject: str | None
    report_year: int | None
    sentences: int
    facts: int
    digest: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "subject": self.subject,
            "report_year": self.report_year,
            "sentences": self.sentences,
            "facts": self.facts,
            "url": f"/api/documents/{self.id}",
            "page": f"/documents/{self.id}",
        }


def _doc_info(found: query.DocumentInfo) -> DocInfo:
    return DocInfo(
        found.id,
        found.source,
        found.title,
        found.subject,
        found.report_year,
        found.sentences,
        found.facts,
        found.digest,
    )


def document_info(stores: Stores, doc_id: str) -> DocInfo | None:
    """The document whose id (the first 16 hex digits of its content hash) this is, if any: one lookup
    on the hash index."""
    if not DOC_ID.match(doc_id):
        return None
    found = query.document(stores.get(), doc_id)
    return _doc_info(found) if found else None


def document_list(stores: Stores, limit: int, offset: int) -> tuple[list[DocInfo], int]:
    """A page of the stored documents (without their text) by source, and how many there are."""
    found, total = query.documents(stores.get(), limit, offset)
    return [_doc_info(f) for f in found], total


def document_ids(stores: Stores, sources: Iterable[str]) -> dict[str, str]:
    """The ids of the documents stored at these sources (the first 16 hex digits of their content hash),
    read for these sources only: a page links a few documents, whatever the store holds."""
    return query.document_ids(stores.get(), (s for s in sources if isinstance(s, str)))


def evidence_links(ids: Mapping[str, str], source: str, start: int, end: int) -> dict[str, str | None]:
    """Where a sentence can be read: the document in the API and on its page, marked. ``ids``: from
    ``document_ids``."""
    doc_id = ids.get(source)
    if doc_id is None:
        return {"document_id": None, "document_url": None, "sentence_url": None, "page": None}
    return {
        "document_id": doc_id,
        "document_url": f"/api/documents/{doc_id}",
        "sentence_url": f"/api/documents/{doc_id}/sentences?at={start}",
        "page": f"/documents/{doc_id}#ev-{start}-{end}",
    }


def _is_sentence(value: dict[str, Any]) -> bool:
    return {"document", "start", "end", "text"} <= value.keys() and isinstance(value["document"], str)


def _sources(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, list):
        for v in value:
            _sources(v, into)
    elif isinstance(value, dict):
        if _is_sentence(value):
            into.add(value["document"])
        for v in value.values():
            _sources(v, into)
    return into


def linked(stores: Stores, value: Any) -> Any:
    """A row dict (or list of them) with every evidence sentence in it given its links (recursively)."""
    ids = document_ids(stores, _sources(value, set()))

    def link(value: Any) -> Any:
        if isinstance(value, list):
            return [link(v) for v in value]
        if not isinstance(value, dict):
            return value
        out = {k: link(v) for k, v in value.items()}
        if _is_sentence(out):
            out.update(evidence_links(ids, out["document"], out["start"], out["end"]))
        return out

    return link(value)


def fact_dicts(stores: Stores, rows: Sequence[query.FactRow]) -> list[dict[str, Any]]:
    """Stored facts as the extractor writes them, each with its id, a summary and links to its sentence."""
    ids = document_ids(stores, (r.fact.doc for r in rows))
    out = []
    for row in rows:
        d = row.to_dict()
        ev = row.fact.evidence
        d["summary"] = row.summary
        d["links"] = evidence_links(ids, row.fact.doc, ev.start, ev.end)
        out.append(d)
    return out


def search_view(stores: Stores, q: str, limit: int, offset: int) -> tuple[list[dict[str, Any]], bool]:
    """A page of the sentences matching the words, each linked to its document; and whether there are
    more (the API and the search page render it)."""
    found = query.search(stores.get(), q, limit=limit + 1, offset=offset)
    return linked(stores, [r.to_dict() for r in found[:limit]]), len(found) > limit


def facts_view(stores: Stores, limit: int, offset: int, **filters: Any) -> tuple[list[dict[str, Any]], bool]:
    """A page of stored facts (``query.facts`` filters), each with its summary and links; and whether
    there are more (the API and a country's facts page render it)."""
    found = query.facts(stores.get(), limit=limit + 1, offset=offset, **filters)
    return fact_dicts(stores, found[:limit]), len(found) > limit


@dataclass
class DocumentFacts:
    """A page of a document's facts (in text order) with the document: what its API answer and its page
    show. ``next_start``: where the next page's first fact starts in the text (None on the last page)."""

    info: DocInfo
    text: str
    rows: list[query.FactRow]
    limit: int
    offset: int
    next_start: int | None

    @property
    def total(self) -> int:
        return self.info.facts


def document_facts(
    stores: Stores, doc_id: str, limit: int = MAX_LIMIT, offset: int = 0, at: int | None = None
) -> DocumentFacts:
    """A document and ``limit`` of its facts after the first ``offset`` (or, with ``at``, the page of
    facts holding that text offset). Indexed reads of that page only: a document of 200,000 facts is no
    slower to show than one of 20."""
    if not DOC_ID.match(doc_id):
        raise NotFound(f"no document {doc_id!r}: a document id is 16 hexadecimal digits")
    info = document_info(stores, doc_id)
    store = stores.get()
    stored = store.document(info.source) if info else None
    if info is None or stored is None:
        raise NotFound(f"no document {doc_id!r}")
    text, _ = stored
    facts, offset, next_start = query.document_facts(store, _query_info(info), limit, offset, at)
    return DocumentFacts(info, text, list(facts), limit, offset, next_start)


def document_view(
    stores: Stores,
    doc_id: str,
    limit: int = MAX_LIMIT,
    offset: int = 0,
    at: int | None = None,
    with_text: bool = True,
) -> dict[str, Any]:
    """A document: its text, a page of its facts (``facts_total`` in all, ``next`` and ``prev`` pages),
    and the evidence spans of those facts (each with the ids of the facts it states)."""
    found = document_facts(stores, doc_id, limit, offset, at)
    info, text = found.info, found.text
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)
    for r in found.rows:
        spans[(r.fact.evidence.start, r.fact.evidence.end)].append(r.id)
    ordered = sorted(spans.items())
    links = page(
        [],
        limit=limit,
        offset=found.offset,
        path=f"/api/documents/{info.id}",
        params={} if with_text else {"text": "false"},
        more=found.next_start is not None,
    )
    texts = {"text": text, "highlighted": highlight(text, [s for s, _ in ordered])} if with_text else {}
    return {
        **info.to_dict(),
        # (From the facts of this page: the first holds enough of a narrative's country sections.)
        "countries": covered_countries((r.fact for r in found.rows), info.subject),
        **texts,
        "spans": [
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "facts": ids,
                "page": f"/documents/{info.id}#ev-{s}-{e}",
            }
            for (s, e), ids in ordered
        ],
        "facts": fact_dicts(stores, found.rows),
        "facts_total": found.total,
        "limit": limit,
        "offset": found.offset,
        "next": links["next"],
        "prev": links["prev"],
    }


def covered_countries(facts: Iterable[Any], subject: str | None = None) -> list[str]:
    """The countries a document covers when it is about more than one (a narrative of many country
    sections): those its facts with a country are about (tiers, roles, verdicts, figures), most facts
    first. Empty when one country, its subject, holds most of them."""
    counts: Counter[str] = Counter()
    for fact in facts:
        code = getattr(fact, "country", None)
        if isinstance(code, str) and not code.startswith("region:"):
            counts[code] += 1
    if len(counts) < 2 or (subject is not None and counts[subject] * 2 > sum(counts.values())):
        return []
    return [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def highlight(text: str, spans: Sequence[tuple[int, int]], mark: tuple[str, str] = ("**", "**")) -> str:
    """The text with each span wrapped in the markers (overlapping spans merge)."""
    out, pos = [], 0
    for start, end in _merged(spans):
        out.extend([text[pos:start], mark[0], text[start:end], mark[1]])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _query_info(info: DocInfo) -> query.DocumentInfo:
    return query.DocumentInfo(
        info.id,
        info.source,
        info.title,
        info.subject,
        info.report_year,
        info.sentences,
        info.facts,
        info.digest,
    )


def document_sentences(
    stores: Stores, doc_id: str, at: int | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], bool]:
    """A document's sentences in text order (from the one holding offset ``at``), each with the ids of the
    facts it states; and whether there are more."""
    info = document_info(stores, doc_id)
    if info is None:
        raise NotFound(f"no document {doc_id!r}")
    rows, more = query.sentences(stores.get(), _query_info(info), at, limit, offset)
    return [
        {
            "start": s,
            "end": e,
            "text": t,
            "facts": ids,
            "page": f"/documents/{doc_id}?sentence={s}-{e}#sentence",
        }
        for s, e, t, ids in rows
    ], more


# -- filters --------------------------------------------------------------------------------------


def country_code(name: str | None, regions: bool = True) -> str | None:
    """A code for what a user typed (None for nothing); UnknownPlace with suggestions otherwise."""
    if name is None or not name.strip():
        return None
    return query.resolve_country(name, regions)


def year_range(text: str | None) -> query.YearRange | None:
    """A year range as typed ("2008-2010"), or None when blank; QueryError when malformed."""
    return query.parse_years(text) if text and text.strip() else None


def _codes(names: str | list[str] | None) -> list[str]:
    """The codes of one or several places as typed (empty ones left out)."""
    listed = [names] if isinstance(names, str) else names or []
    return [code for code in (country_code(n) for n in listed) if code]


@dataclass
class FlowFilters:
    """The flow filters of ``tipkb flows``, plus a region (either end in it), as given and resolved."""

    origin: str | list[str] | None = None
    destination: str | list[str] | None = None
    country: str | list[str] | None = None
    via: str | None = None
    region: str | None = None
    year: int | None = None
    years: str | None = None
    victims: list[str] = field(default_factory=list)
    exploitation: list[str] = field(default_factory=list)
    hedged: bool | None = None

    def run(self, store: Store, evidence: bool = False) -> query.Rows[query.FlowRow]:
        query.check_choices("victims", self.victims)
        query.check_choices("exploitation", self.exploitation)
        if self.region and self.region not in regions():
            raise query.QueryError(f"unknown region {self.region!r}; choose from {', '.join(regions())}")
        rows = query.flows(
            store,
            origin=_codes(self.origin),
            destination=_codes(self.destination),
            country=_codes(self.country),
            via=country_code(self.via),
            year=self.year,
            years=year_range(self.years),
            victims=self.victims,
            exploitation=self.exploitation,
            hedged=self.hedged,
            evidence=evidence,
        )
        if self.region:
            region = self.region
            rows = query.Rows(
                r for r in rows if in_region(r.origin, region) or in_region(r.destination, region)
            )
        return rows

    def params(self) -> dict[str, Any]:
        """The filters as query parameters (for links to the next page)."""
        out: dict[str, Any] = {}
        for name in ("origin", "destination", "country", "via", "region", "year", "years"):
            value = getattr(self, name)
            if value not in (None, "", []):
                out[name] = value
        if self.victims:
            out["victims"] = self.victims
        if self.exploitation:
            out["exploitation"] = self.exploitation
        if self.hedged is not None:
            out["hedged"] = str(self.hedged).lower()
        return out


def url_with(path: str, params: dict[str, Any]) -> str:
    """A URL with these query parameters (blank ones left out)."""
    clean = {k: v for k, v in params.items() if v not in (None, "", [])}
    return f"{path}?{urlencode(clean, doseq=True)}" if clean else path


def page(
    items: Sequence[Any],
    *,
    limit: int,
    offset: int,
    path: str,
    params: dict[str, Any],
    total: int | None = None,
    more: bool | None = None,
) -> dict[str, Any]:
    """A page of a list: the items, where it starts, how many there are, and links to its neighbours."""
    if more is None:
        more = total is not None and offset + limit < total
    nxt = url_with(path, {**params, "limit": limit, "offset": offset + limit}) if more else None
    prev = (
        url_with(path, {**params, "limit": limit, "offset": max(offset - limit, 0)}) if offset > 0 else None
    )
    return {"items": list(items), "total": total, "limit": limit, "offset": offset, "next": nxt, "prev": prev}


# -- views shared by the API and the pages -------------------------------------------------------------


def country_rows(stores: Stores) -> list[dict[str, Any]]:
    """Every place some fact names, with its roles, latest tier, and links."""

    def compute(store: Store) -> list[dict[str, Any]]:
        latest: dict[str, tuple[int, str]] = {}
        for t in query.tiers(store):
            if t.year is not None and (t.country not in latest or t.year >= latest[t.country][0]):
                latest[t.country] = (t.year, t.tier)
        out = []
        for p in query.places(store):
            d = p.to_dict()
            year, tier = latest.get(p.code, (None, None))
            d.update(
                latest_tier=tier,
                latest_tier_year=year,
                url=f"/api/countries/{quote(p.code, safe='')}",
                page=place_link(p.code),
            )
            out.append(d)
        return out

    return stores.memo("countries", compute)


def tier_map(stores: Stores) -> dict[int, dict[str, list[str]]]:
    """Tier placements by year and country, most-stated tier first."""

    def compute(store: Store) -> dict[int, dict[str, list[str]]]:
        by: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
        for t in query.tiers(store):
            if t.year is not None:
                by[t.year][t.country].append((-t.documents, t.tier))
        return {
            year: {c: [tier for _, tier in sorted(v)] for c, v in countries.items()}
            for year, countries in sorted(by.items())
        }

    return stores.memo("tier_map", compute)


# A year shows on the map first when it has tiers for at least this share of the best-covered year's
# countries: the newest year may hold a single narrative.
BROAD_COVERAGE = 0.5


def opening_year(placements: dict[int, dict[str, list[str]]]) -> int | None:
    """The latest year with broad coverage: tier placements for at least half as many countries as the
    best-covered year."""
    if not placements:
        return None
    best = max(len(countries) for countries in placements.values())
    return max(y for y, countries in placements.items() if len(countries) >= BROAD_COVERAGE * best)


def profile_view(stores: Stores, code: str, evidence: bool = True) -> dict[str, Any]:
    """A country's profile with links, plus the series the charts draw."""
    found = query.profile(stores.get(), code, evidence=evidence)
    d = linked(stores, found.to_dict())
    d["page"] = place_link(code)
    d["charts"] = chart_series(found.statistics)
    d["chart_links"] = chart_links(d["statistics"], d["charts"])
    return d


def chart_links(
    stats: Sequence[dict[str, Any]], charts: dict[str, list[tuple[int, int | None]]]
) -> dict[str, dict[int, str]]:
    """Per charted metric and year, the page of a sentence that states the charted value."""
    out: dict[str, dict[int, str]] = defaultdict(dict)
    for metric, points in charts.items():
        wanted = {year: value for year, value in points if value is not None}
        for s in stats:
            year = s.get("year")
            if s.get("metric") != metric or s.get("scope") != "total" or s.get("exploitation") is not None:
                continue
            if year in wanted and wanted[year] == s.get("value") and year not in out[metric]:
                page = next((e.get("page") for e in s.get("evidence") or [] if e.get("page")), None)
                if page:
                    out[metric][year] = page
    return dict(out)


def country_statistics(stores: Stores, code: str, evidence: bool = True) -> dict[str, Any]:
    """A country's statistics for the API: every figure with its scope, and per charted metric the
    series of yearly totals (the value most documents state), each point with its sentences."""
    store = stores.get()
    rows = query.stats(store, code, evidence=evidence)
    series = {
        metric: query.series(store, metric, countries=[code], evidence=evidence).to_dicts()
        for metric in CHART_METRICS
    }
    return linked(
        stores,
        {
            "country": code,
            "name": query.place_name(code),
            "series": {m: cells for m, cells in series.items() if cells},
            "statistics": rows.to_dicts(),
        },
    )


def chart_series(rows: Sequence[query.StatRow]) -> dict[str, list[tuple[int, int | None]]]:
    """Per charted metric, its value by year (all exploitation together), the value most documents state;
    years between the first and last figure with none are None."""
    best: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for r in rows:
        if r.metric in CHART_METRICS and r.year is not None and r.exploitation is None and r.scope == "total":
            current = best[r.metric].get(r.year)
            if current is None or (r.documents, r.value) > current:
                best[r.metric][r.year] = (r.documents, r.value)
    out: dict[str, list[tuple[int, int | None]]] = {}
    for metric in CHART_METRICS:
        years = best.get(metric)
        if years:
            span = range(min(years), max(years) + 1)
            out[metric] = [(y, years[y][1] if y in years else None) for y in span]
    return out


CHOICES = {"victims": list(VICTIMS), "exploitation": list(EXPLOITATION), "metric": list(METRICS)}


def conflict_rows(stores: Stores, country: str | None) -> list[dict[str, Any]]:
    """Conflicts (of one country, or all), with links; remembered until the store changes."""
    return stores.memo(
        f"conflicts:{country or ''}", lambda store: linked(stores, query.conflicts(store, country).to_dicts())
    )


# -- analysis: the flow network, what changed, questions ---------------------------------------------------


@contextmanager
def _analysis() -> Iterator[None]:
    """An analysis that needs a package not installed (networkx, matplotlib): a 503 with its message."""
    try:
        yield
    except ImportError as err:
        raise HTTPException(503, str(err) or "a package the analysis needs is not installed") from None


def _blank(text: str | None) -> str | None:
    return text.strip() or None if text else None


def network_view(
    stores: Stores,
    *,
    year: int | None = None,
    years: str | None = None,
    exploitation: Sequence[str] = (),
    victims: Sequence[str] = (),
    country: str | None = None,
    steps: int = 2,
    top: int = 10,
) -> dict[str, Any]:
    """The flow network (``tipkb network``): rankings, corridors, one country's partners, and the graph a
    corridor view draws; every node with its page."""
    with _analysis():
        from tipkb.web import analysis as endpoints

        data = endpoints.network_data(
            stores.get(),
            year=year,
            years=_blank(years),
            exploitation=list(exploitation),
            victims=list(victims),
            country=_blank(country),
            steps=steps,
            top=top,
        )
    for node in data["graph"]["nodes"]:
        node["page"] = place_link(node["code"])
    return data


def network_svg_view(
    stores: Stores,
    *,
    year: int | None = None,
    years: str | None = None,
    exploitation: Sequence[str] = (),
    victims: Sequence[str] = (),
) -> str:
    """The flow map and network picture of ``tipkb network --plot``, as SVG text."""
    with _analysis():
        from tipkb.web import analysis as endpoints

        return endpoints.network_svg(
            stores.get(),
            year=year,
            years=_blank(years),
            exploitation=list(exploitation),
            victims=list(victims),
        )


def document_pages(stores: Stores, sources: Sequence[str]) -> list[dict[str, str | None]]:
    """Documents named by source, each with its page (None when it is not stored)."""
    ids = document_ids(stores, sources)
    return [
        {
            "document": source,
            "document_id": ids.get(source),
            "page": f"/documents/{ids[source]}" if source in ids else None,
        }
        for source in sources
    ]


def changes_view(
    stores: Stores, year: int, country: str | None = None, since: int | None = None
) -> dict[str, Any]:
    """What changed in a year (``tipkb changes``): tiers, flows and statistics, each side with its
    sentences linked; ``rows`` flat for a table, with the documents of each side (``before_pages``,
    ``after_pages``: a flow not stated lists the documents that leave it out)."""
    with _analysis():
        from tipkb.web import analysis as endpoints

        data = linked(
            stores, endpoints.changes_data(stores.get(), year, country=_blank(country), since=since)
        )
    for row in data["rows"]:
        row["before_pages"] = document_pages(stores, row["before_documents"])
        row["after_pages"] = document_pages(stores, row["after_documents"])
    return data


CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def ask_view(stores: Stores, q: str) -> dict[str, Any]:
    """An answer to a question (``tipkb ask``) with its sentences linked; ``sentence_page`` opens the
    document at the sentence (also for the closest sentences of a refusal, which state no fact)."""
    with _analysis():
        from tipkb.web import analysis as endpoints

        data = linked(stores, endpoints.ask_data(stores.get(), CONTROL.sub(" ", q)))
    for e in data["evidence"]:
        e["sentence_page"] = (
            f"/documents/{e['document_id']}?sentence={e['start']}-{e['end']}#sentence"
            if e.get("document_id")
            else None
        )
    return data
