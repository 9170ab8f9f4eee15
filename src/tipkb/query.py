"""The query layer: every read of the knowledge base goes through here (the CLI, exports, the web API).

Each function takes an open ``Store`` and returns typed rows (dataclasses with ``to_dict()``) in a
``Rows`` list, which turns into a pandas DataFrame with ``to_pandas()`` where pandas is installed.
Country arguments are codes (``KAZ``, ``region:Africa``); ``resolve_country`` turns what a user typed
into one.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from tipkb.model import EXPLOITATION, FACT_TYPES, METRICS, VICTIMS, Fact
from tipkb.places import REGION_PREFIX, country_name, gazetteer, region_of, resolve_place, suggest_place
from tipkb.store import Store, fact_from_row
from tipkb.store.rollup import STATEMENT_FIELDS, parse_stat_detail, stat_detail

__all__ = [
    "ConflictRow",
    "ConflictSide",
    "EvidenceRow",
    "FactRow",
    "FlowRow",
    "PlaceRow",
    "Profile",
    "QueryError",
    "RoleRow",
    "Rows",
    "SearchRow",
    "StatRow",
    "StatementRow",
    "TierRow",
    "UnknownPlace",
    "check_choices",
    "conflicts",
    "facts",
    "flows",
    "iter_facts",
    "parse_years",
    "place_name",
    "places",
    "profile",
    "resolve_country",
    "search",
    "stats",
    "tiers",
]

T = TypeVar("T")
# Evidence sentences kept per row: enough to check a line, not a dump of every copy.
EVIDENCE_PER_ROW = 5
YearRange = tuple[int, int]


class QueryError(ValueError):
    """A query asked for something that cannot be (unknown metric, backwards years, empty search)."""


class UnknownPlace(QueryError):
    """A country argument that names no known place; ``suggestions`` are the closest names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown country {name!r}{hint}")
        self.name = name
        self.suggestions = suggestions


class Rows(list[T], Generic[T]):
    """A list of result rows."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [row.to_dict() for row in self]  # type: ignore[attr-defined]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (one column per field)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas needs pandas: pip install 'tipkb[export]'") from None
        return pd.DataFrame(self.to_dicts())


def as_dict(obj: Any) -> dict[str, Any]:
    """A dataclass row as a JSON-able dict (nested rows too)."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list):
            value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
        elif hasattr(value, "to_dict"):
            value = value.to_dict()
        out[f.name] = value
    return out


@dataclass(frozen=True)
class EvidenceRow:
    """A sentence that states a fact, and the document it is in."""

    document: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class Supported:
    """How much supports a row: facts, distinct sentences, distinct documents; and, on request, which."""

    facts: int = 0
    sentences: int = 0
    documents: int = 0
    evidence: list[EvidenceRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # The row's own fields first, then its support.
        out = as_dict(self)
        for name in ("facts", "sentences", "documents", "evidence"):
            out[name] = out.pop(name)
        return out


@dataclass(kw_only=True)
class FlowRow(Supported):
    """People trafficked from one place to another, all statements of it together."""

    origin: str
    origin_name: str
    destination: str
    destination_name: str
    victims: list[str] = field(default_factory=list)
    exploitation: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    hedged: bool = False  # every statement of it is hedged


@dataclass(kw_only=True)
class RoleRow(Supported):
    country: str
    role: str
    year: int | None
    extents: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class TierRow(Supported):
    country: str
    name: str
    year: int | None
    tier: str


@dataclass(kw_only=True)
class StatRow(Supported):
    country: str
    metric: str
    year: int | None
    exploitation: str | None
    value: int
    scope: str = "total"  # "total", "part" (of a total) or "cumulative" (over several years)


@dataclass(kw_only=True)
class StatementRow(Supported):
    """A compliance verdict, ratification, penalty or funding, with the years it is stated for."""

    type: str
    country: str
    fields: dict[str, Any]
    years: list[int] = field(default_factory=list)


@dataclass
class FactRow:
    """One stored fact with its id."""

    id: int
    fact: Fact

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.fact.to_dict()}

    @property
    def summary(self) -> str:
        """The fact in a few words: "UZB → KAZ", "KAZ tier 2", "KAZ convictions 21"."""
        d = self.fact.to_dict()
        if self.fact.type == "flow":
            return f"{d['origin']} → {d['destination']}"
        skip = {"type", "doc", "year", "country", "hedged", "rule", "section", "evidence"}
        rest = " ".join(
            f"{k}={_text(v)}" if not isinstance(v, str) else v
            for k, v in d.items()
            if k not in skip and v not in (None, [], ())
        )
        return f"{d.get('country', '')} {rest}".strip()


@dataclass(kw_only=True)
class PlaceRow:
    """A country or region, with where it is and what the facts say it is."""

    code: str
    name: str
    kind: str
    region: str | None
    lat: float | None
    lon: float | None
    roles: list[str]
    facts: int

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class SearchRow:
    """A sentence that matches a search, with the matched words between ``**``."""

    document: str
    title: str | None
    start: int
    end: int
    text: str
    highlighted: str
    score: float
    documents: int = 1  # how many documents hold this same sentence

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class ConflictSide:
    """One value of a disputed fact, and what states it."""

    value: Any
    documents: int
    evidence: list[EvidenceRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class ConflictRow:
    """Two or more values stated for what should be one: a tier for a country-year, a ratification date,
    a statistic for a country-metric-year-exploitation."""

    kind: str
    country: str
    year: int | None
    metric: str | None
    exploitation: str | None
    sides: list[ConflictSide]

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class Profile:
    """Everything the store knows about one country."""

    country: str
    name: str
    region: str | None
    documents: int
    roles: Rows[RoleRow]
    tiers: Rows[TierRow]
    compliance: Rows[StatementRow]
    ratifications: Rows[StatementRow]
    penalties: Rows[StatementRow]
    funding: Rows[StatementRow]
    outbound: Rows[FlowRow]
    inbound: Rows[FlowRow]
    statistics: Rows[StatRow]

    SECTIONS = (
        "roles",
        "tiers",
        "compliance",
        "ratifications",
        "penalties",
        "funding",
        "outbound",
        "inbound",
        "statistics",
    )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "country": self.country,
            "name": self.name,
            "region": self.region,
            "documents": self.documents,
        }
        for section in self.SECTIONS:
            out[section] = getattr(self, section).to_dicts()
        return out


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


# -- arguments ---------------------------------------------------------------------------------


def resolve_country(name: str, regions: bool = True) -> str:
    """The code for a code, name, alias or demonym ("KAZ", "Kazakhstan", "Kazakhstani" -> "KAZ").

    Raises UnknownPlace (with "did you mean" suggestions) for anything else, and for a region when
    ``regions`` is false.
    """
    text = name.strip()
    names = gazetteer().names
    code: str | None = None
    if text.upper() in names:
        code = text.upper()
    elif text.startswith(REGION_PREFIX) and text in names:
        code = text
    else:
        code = resolve_place(text)
    if code is None or (not regions and code.startswith(REGION_PREFIX)):
        raise UnknownPlace(name, suggest_place(text))
    return code


def place_name(code: str | None) -> str:
    """Display name of a code; the code itself if the gazetteer does not know it."""
    if code is None:
        return ""
    try:
        return country_name(code)
    except KeyError:
        return code


def parse_years(text: str) -> YearRange:
    """ "2008-2010" -> (2008, 2010); "2008" -> (2008, 2008). QueryError when malformed or backwards."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]|\.\.)?\s*(\d{4})?\s*", text)
    if not m:
        raise QueryError(f"bad year range {text!r}: write it as 2008-2010")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if first > last:
        raise QueryError(f"year range {text!r} is backwards: write {last}-{first}")
    return first, last


CHOICES: dict[str, Sequence[str]] = {
    "victims": VICTIMS,
    "exploitation": EXPLOITATION,
    "metric": METRICS,
    "fact type": FACT_TYPES,
}


def check_choices(kind: str, values: Iterable[str]) -> None:
    """QueryError unless every value is one of the known ``kind`` (victims, exploitation, metric, fact type)."""
    choices = CHOICES[kind]
    for value in values:
        if value not in choices:
            raise QueryError(f"unknown {kind} {value!r}; choose from {', '.join(choices)}")


class _Where:
    """A WHERE clause built up from optional filters."""

    def __init__(self, *clauses: str, params: Sequence[Any] = ()) -> None:
        self.clauses = list(clauses)
        self.params: list[Any] = list(params)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def years(self, year: int | None, years: YearRange | None, column: str = "f.year") -> None:
        if year is not None:
            self.add(f"{column} = ?", year)
        if years is not None:
            self.add(f"{column} BETWEEN ? AND ?", *years)

    def listed(self, column: str, values: Iterable[str]) -> None:
        for value in values:
            self.add(f"{column} LIKE ?", f"%,{value},%")

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


def _split(delimited: str | None) -> list[str]:
    return [v for v in (delimited or "").split(",") if v]


def _ordered(values: Iterable[str], order: Sequence[str]) -> list[str]:
    seen = set(values)
    return [v for v in order if v in seen] + sorted(seen - set(order))


def _evidence(store: Store, where: _Where, limit: int = EVIDENCE_PER_ROW) -> list[EvidenceRow]:
    """Distinct sentences among the first ``limit`` facts ``where`` selects (a few rows, whatever the store size)."""
    rows = store.rows(
        "SELECT d.source, f.ev_start, f.ev_end, f.ev_text FROM facts f JOIN documents d ON d.id = f.document_id "
        f"WHERE {where.sql} LIMIT {limit}",
        where.params,
    )
    out: list[EvidenceRow] = []
    for source, start, end, text in rows:
        if all(e.text != text for e in out):
            out.append(EvidenceRow(source, start, end, text))
            if len(out) == limit:
                break
    return out


def _year_clause(where: _Where, year: int | None) -> None:
    if year is None:
        where.add("f.year IS NULL")
    else:
        where.add("f.year = ?", year)


def _rollup(
    store: Store, kind: str, where: _Where
) -> list[tuple[str, str, int | None, str, int, int, int, int]]:
    """Rollup groups of a kind: (a, b, year, detail, facts, sentences, documents, hedged facts)."""
    return [
        (a, b, year or None, detail, n, ns, nd, nh)
        for a, b, year, detail, n, ns, nd, nh in store.rows(
            "SELECT r.a, r.b, r.year, r.detail, r.facts, r.sentences, r.documents, r.hedged FROM rollup r "
            f"WHERE r.kind = ? AND {where.sql}",
            [kind, *where.params],
        )
    ]


def _rollup_values(store: Store, kind: str, where: _Where) -> dict[tuple[Any, ...], dict[str, set[str]]]:
    """Values counted in rollup groups: (a, b, year, detail) -> attribute -> values."""
    out: dict[tuple[Any, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a, b, year, detail, attribute, value in store.rows(
        "SELECT r.a, r.b, r.year, r.detail, r.attribute, r.value FROM rollup_values r "
        f"WHERE r.kind = ? AND {where.sql}",
        [kind, *where.params],
    ):
        out[(a, b, year or None, detail)][attribute].add(value)
    return out


# -- queries -----------------------------------------------------------------------------------


def flows(
    store: Store,
    origin: str | None = None,
    destination: str | None = None,
    country: str | None = None,
    via: str | None = None,
    year: int | None = None,
    years: YearRange | None = None,
    victims: Sequence[str] = (),
    exploitation: Sequence[str] = (),
    hedged: bool | None = None,
    evidence: bool = False,
) -> Rows[FlowRow]:
    """Flows grouped by origin and destination, most documents first.

    ``country`` matches either end; ``victims`` and ``exploitation`` keep flows that name all those given;
    ``hedged`` keeps only hedged (True) or only stated (False) flows. Without filters on the flows'
    attributes (via, years, victims, exploitation, hedged) the rows come from the rollups; with them,
    from the flow groups (``tipkb.store.rollup.FlowGroups``): either way a few rows per flow, whatever
    the number of statements.
    """
    check_choices("victims", victims)
    check_choices("exploitation", exploitation)
    filtered = via or year is not None or years or victims or exploitation or hedged is not None
    if not filtered:
        group = _Where()
        if origin:
            group.add("r.a = ?", origin)
        if destination:
            group.add("r.b = ?", destination)
        if country:
            group.add("(r.a = ? OR r.b = ?)", country, country)
        found = _flows_from_rollup(store, group)
    else:
        found = _flows_from_groups(
            store,
            _ends("g", origin, destination, country),
            _ends("x", origin, destination, country),
            _flow_attributes(via, year, years, victims, exploitation, hedged, alias="g"),
            _flow_attributes(via, year, years, victims, exploitation, hedged),
        )
    rows = Rows(sorted(found.values(), key=lambda r: (-r.documents, -r.sentences, r.origin, r.destination)))
    if evidence:
        attrs = _flow_attributes(via, year, years, victims, exploitation, hedged)
        for row in rows:
            ev = _Where(
                "f.type = 'flow'",
                "f.origin = ?",
                "f.destination = ?",
                *attrs.clauses,
                params=[row.origin, row.destination, *attrs.params],
            )
            row.evidence = _evidence(store, ev)
    return rows


def _flow_row(o: str, d: str, n: int, ns: int, nd: int, hedged: bool) -> FlowRow:
    return FlowRow(
        origin=o,
        origin_name=place_name(o),
        destination=d,
        destination_name=place_name(d),
        facts=n,
        sentences=ns,
        documents=nd,
        hedged=hedged,
    )


def _set_lists(
    row: FlowRow,
    victims: Iterable[str],
    exploitation: Iterable[str],
    via: Iterable[str],
    years: Iterable[int],
) -> None:
    row.victims = _ordered(victims, VICTIMS)
    row.exploitation = _ordered(exploitation, EXPLOITATION)
    row.via = sorted(set(via))
    row.years = sorted(set(years))


def _flows_from_rollup(store: Store, group: _Where) -> dict[tuple[str, str], FlowRow]:
    found = {
        (o, d): _flow_row(o, d, n, ns, nd, nh == n)
        for o, d, _, _, n, ns, nd, nh in _rollup(store, "flow", group)
    }
    for (o, d, _, _), values in _rollup_values(store, "flow", group).items():
        if (o, d) in found:
            _set_lists(
                found[(o, d)],
                values["victims"],
                values["exploitation"],
                values["via"],
                (int(y) for y in values["year"]),
            )
    return found


def _flow_attributes(
    via: str | None,
    year: int | None,
    years: YearRange | None,
    victims: Sequence[str],
    exploitation: Sequence[str],
    hedged: bool | None,
    alias: str = "f",
) -> _Where:
    """The filters on flows' attributes as SQL over the facts (or flow_groups, whose year 0 is none)."""
    where = _Where()
    if via:
        where.listed(f"{alias}.via", [via])
    where.years(year, years, column=f"{alias}.year")
    if alias == "g" and (year is not None or years):
        where.add("g.year <> 0")
    where.listed(f"{alias}.victims", victims)
    where.listed(f"{alias}.exploitation", exploitation)
    if hedged is not None:
        where.add(f"{alias}.hedged = ?", int(hedged))
    return where


def _ends(alias: str, origin: str | None, destination: str | None, country: str | None) -> _Where:
    where = _Where()
    if origin:
        where.add(f"{alias}.origin = ?", origin)
    if destination:
        where.add(f"{alias}.destination = ?", destination)
    if country:
        where.add(f"({alias}.origin = ? OR {alias}.destination = ?)", country, country)
    return where


def _flows_from_groups(
    store: Store, where: _Where, over: _Where, attrs: _Where, facts: _Where
) -> dict[tuple[str, str], FlowRow]:
    """Flows filtered on their attributes, exactly, from ``flow_groups`` (a few rows per flow: see
    tipkb.store.rollup.FlowGroups) and the facts of the few documents listed in ``flow_overflow``.

    ``where`` and ``over``: the ends, over flow_groups (``g``) and flow_overflow (``x``); ``attrs`` and
    ``facts``: the filters on the attributes, over flow_groups and over the facts (``f``).
    """
    totals: dict[tuple[str, str], list[Any]] = {}
    signatures: set[tuple[str, str, int]] = set()
    for o, d, signature, n, ns, nd, hedged, victims, exploitation, via, year in store.rows(
        "SELECT g.origin, g.destination, g.signature, g.facts, g.sentences, g.documents, g.hedged, g.victims, "
        f"g.exploitation, g.via, g.year FROM flow_groups g WHERE {where.sql} AND {attrs.sql}",
        [*where.params, *attrs.params],
    ):
        total = totals.get((o, d))
        if total is None:
            total = totals[(o, d)] = [0, 0, 0, True, set(), set(), set(), set()]
        total[0] += n
        total[1] += ns
        if (o, d, signature) not in signatures:  # a document counts once, whichever of its cells are kept
            signatures.add((o, d, signature))
            total[2] += nd
        total[3] = total[3] and bool(hedged)
        total[4].update(_split(victims))
        total[5].update(_split(exploitation))
        total[6].update(_split(via))
        if year:
            total[7].add(int(year))
    found = {}
    for (o, d), (n, ns, nd, hedged, victims, exploitation, via, years) in totals.items():
        row = _flow_row(o, d, n, ns, nd, hedged)
        _set_lists(row, victims, exploitation, via, years)
        found[(o, d)] = row
    # Documents that state a flow twice in one sentence, differently: from their facts. Documents are
    # disjoint, so their counts add to the others'.
    listed = {
        (o, d, doc)
        for o, d, doc in store.rows(
            f"SELECT x.origin, x.destination, x.document_id FROM flow_overflow x WHERE {over.sql}",
            over.params,
        )
    }
    docs = sorted({doc for _, _, doc in listed})
    more: dict[tuple[str, str], list[Any]] = {}
    for i in range(0, len(docs), 500):
        chunk = docs[i : i + 500]
        for o, d, doc, sentence, hedged, victims, exploitation, via, year in store.rows(
            "SELECT f.origin, f.destination, f.document_id, f.sentence_id, f.hedged, f.victims, f.exploitation, "
            f"f.via, f.year FROM facts f WHERE f.type = 'flow' AND f.document_id IN ({', '.join('?' * len(chunk))}) "
            f"AND {facts.sql}",
            [*chunk, *facts.params],
        ):
            if (o, d, doc) not in listed:
                continue
            total = more.setdefault((o, d), [0, set(), set(), True, set(), set(), set(), set()])
            total[0] += 1
            if sentence is not None:
                total[1].add(sentence)
            total[2].add(doc)
            total[3] = total[3] and bool(hedged)
            total[4].update(_split(victims))
            total[5].update(_split(exploitation))
            total[6].update(_split(via))
            if year is not None:
                total[7].add(int(year))
    for (o, d), (n, sentences, documents, hedged, victims, exploitation, via, years) in more.items():
        if (o, d) not in found:
            found[(o, d)] = _flow_row(o, d, 0, 0, 0, True)
        row = found[(o, d)]
        row.facts += n
        row.sentences += len(sentences)
        row.documents += len(documents)
        row.hedged = row.hedged and hedged
        _set_lists(
            row,
            [*row.victims, *victims],
            [*row.exploitation, *exploitation],
            [*row.via, *via],
            [*row.years, *years],
        )
    return found


def _flows_from_facts(store: Store, where: _Where, year: int | None = None) -> dict[tuple[str, str], FlowRow]:
    """Flows counted straight from the facts ``where`` selects: what the rollups and flow groups must agree
    with (the tests compare them)."""
    # One pass over the facts (the covering flow indexes hold every column read here). With one year
    # asked for, that is every row's year: no need to collect them.
    agg = store.dialect.distinct_values
    years_sql = "NULL" if year is not None else agg("CAST(f.year AS TEXT)")
    found = {}
    for o, d, n, ns, nd, hedged, vic, exp, via, years in store.rows(
        "SELECT f.origin, f.destination, COUNT(*), COUNT(DISTINCT f.sentence_id), COUNT(DISTINCT f.document_id), "
        f"MIN(f.hedged), {agg('f.victims')}, {agg('f.exploitation')}, {agg('f.via')}, {years_sql} "
        f"FROM facts f WHERE {where.sql} GROUP BY f.origin, f.destination",
        where.params,
    ):
        row = _flow_row(o, d, n, ns, nd, bool(hedged))
        stated = [year] if year is not None else [int(y) for y in _split(years)]
        _set_lists(row, _split(vic), _split(exp), _split(via), stated)
        found[(o, d)] = row
    return found


def tiers(
    store: Store,
    year: int | None = None,
    years: YearRange | None = None,
    country: str | None = None,
    evidence: bool = False,
) -> Rows[TierRow]:
    """Tier placements by country and year."""
    group = _Where()
    if country:
        group.add("r.a = ?", country)
    group.years(year, years, column="r.year")
    rows = Rows(
        TierRow(country=c, name=place_name(c), year=y, tier=t, facts=n, sentences=ns, documents=nd)
        for c, t, y, _, n, ns, nd, _ in _rollup(store, "tier", group)
    )
    rows.sort(key=lambda r: (r.name, r.year or 0, r.tier))
    if evidence:
        for row in rows:
            ev = _Where("f.type = 'tier'", "f.country = ?", "f.tier = ?", params=[row.country, row.tier])
            _year_clause(ev, row.year)
            row.evidence = _evidence(store, ev)
    return rows


def stats(
    store: Store,
    country: str,
    metric: str | None = None,
    year: int | None = None,
    years: YearRange | None = None,
    evidence: bool = False,
) -> Rows[StatRow]:
    """A country's statistics by metric and year, each distinct value with what states it."""
    group = _Where("r.a = ?", params=[country])
    if metric:
        check_choices("metric", [metric])
        group.add("r.b = ?", metric)
    group.years(year, years, column="r.year")
    rows: Rows[StatRow] = Rows()
    for _, m, y, detail, n, ns, nd, _ in _rollup(store, "statistic", group):
        exp, value, scope = parse_stat_detail(detail)
        rows.append(
            StatRow(
                country=country,
                metric=m,
                year=y,
                exploitation=exp,
                value=value,
                scope=scope,
                facts=n,
                sentences=ns,
                documents=nd,
            )
        )
    order = {m: i for i, m in enumerate(METRICS)}
    scopes = {"total": 0, "part": 1, "cumulative": 2}
    rows.sort(
        key=lambda r: (
            r.scope == "cumulative",  # figures over several years apart, after the years
            r.year or 0,
            order.get(r.metric, 99),
            scopes.get(r.scope, 3),
            r.exploitation or "",
            r.value,
        )
    )
    if evidence:
        for row in rows:
            ev = _Where(
                "f.type = 'statistic'",
                "f.country = ?",
                "f.metric = ?",
                "f.detail = ?",
                params=[country, row.metric, stat_detail(row.exploitation, row.value, row.scope)],
            )
            _year_clause(ev, row.year)
            row.evidence = _evidence(store, ev)
    return rows


@dataclass(kw_only=True)
class SeriesCell(Supported):
    """One country's total for one metric and year: the value most documents state (others in
    ``also``), with its sentences."""

    country: str
    name: str
    metric: str
    year: int
    value: int
    also: list[int] = field(default_factory=list)


def series(
    store: Store,
    metric: str,
    countries: Sequence[str] = (),
    years: YearRange | None = None,
    evidence: bool = False,
) -> Rows[SeriesCell]:
    """A law-enforcement series: for one metric, each country's total per year (never a part or a
    figure over several years), by country then year. With ``evidence`` each cell has its sentences."""
    check_choices("metric", [metric])
    group = _Where("r.b = ?", params=[metric])
    if countries:
        group.add(f"r.a IN ({', '.join('?' * len(countries))})", *countries)
    group.years(None, years, column="r.year")
    stated: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for c, _, y, detail, _, _, nd, _ in _rollup(store, "statistic", group):
        exp, value, scope = parse_stat_detail(detail)
        if y is None or exp is not None or scope != "total":
            continue
        stated[(c, y)].append((nd, value))
    rows: Rows[SeriesCell] = Rows()
    for (c, y), values in sorted(stated.items()):
        values.sort(key=lambda dv: (-dv[0], dv[1]))
        (nd, value), others = values[0], values[1:]
        rows.append(
            SeriesCell(
                country=c,
                name=country_name(c) or c,
                metric=metric,
                year=y,
                value=value,
                also=[v for _, v in others],
                documents=nd,
            )
        )
        if evidence:
            ev = _Where(
                "f.type = 'statistic'",
                "f.country = ?",
                "f.metric = ?",
                "f.detail = ?",
                params=[c, metric, stat_detail(None, value)],
            )
            _year_clause(ev, y)
            rows[-1].evidence = _evidence(store, ev)
    return rows


def _roles(store: Store, country: str, evidence: bool) -> Rows[RoleRow]:
    group = _Where("r.a = ?", params=[country])
    found = {
        (role, year): RoleRow(country=country, role=role, year=year, facts=n, sentences=ns, documents=nd)
        for _, role, year, _, n, ns, nd, _ in _rollup(store, "role", group)
    }
    for (_, role, year, _), values in _rollup_values(store, "role", group).items():
        if (role, year) in found:
            found[(role, year)].extents = _ordered(values["extent"], ("primary", "secondary", "growing"))
    if evidence:
        for (role, year), row in found.items():
            ev = _Where("f.type = 'role'", "f.country = ?", "f.role = ?", params=[country, role])
            _year_clause(ev, year)
            row.evidence = _evidence(store, ev)
    order = {"origin": 0, "transit": 1, "destination": 2}
    return Rows(sorted(found.values(), key=lambda r: (r.year or 0, order.get(r.role, 9))))


def _statements(store: Store, country: str, evidence: bool) -> dict[str, Rows[StatementRow]]:
    """Compliance verdicts, ratifications, penalties and funding: each distinct statement with its years."""
    out: dict[str, Rows[StatementRow]] = {}
    group = _Where("r.a = ?", params=[country])
    for kind in STATEMENT_FIELDS:
        rows: dict[str, StatementRow] = {}
        for _, _, _, detail, n, ns, nd, _ in _rollup(store, kind, group):
            stated = json.loads(detail)
            rows[detail] = StatementRow(
                type=kind,
                country=country,
                fields={k: stated.get(k) for k in STATEMENT_FIELDS[kind]},
                facts=n,
                sentences=ns,
                documents=nd,
            )
        for (_, _, _, detail), values in _rollup_values(store, kind, group).items():
            if detail in rows:
                rows[detail].years = sorted(int(y) for y in values["year"])
        if evidence:
            for detail, row in rows.items():
                row.evidence = _evidence(
                    store,
                    _Where("f.type = ?", "f.country = ?", "f.detail = ?", params=[kind, country, detail]),
                )
        out[kind] = Rows(sorted(rows.values(), key=lambda r: (-r.documents, r.years[:1])))
    return out


def profile(store: Store, country: str, evidence: bool = False) -> Profile:
    """Everything about one country: roles by year, tiers, compliance, ratification, penalties, funding,
    outbound and inbound flows by partner, statistics by year."""
    statements = _statements(store, country, evidence)
    named = _rollup(store, "place", _Where("r.a = ?", params=[country]))
    return Profile(
        country=country,
        name=place_name(country),
        region=None if country.startswith(REGION_PREFIX) else region_of(country),
        documents=named[0][6] if named else 0,
        roles=_roles(store, country, evidence),
        tiers=tiers(store, country=country, evidence=evidence),
        compliance=statements["compliance"],
        ratifications=statements["ratification"],
        penalties=statements["penalty"],
        funding=statements["funding"],
        outbound=flows(store, origin=country, evidence=evidence),
        inbound=flows(store, destination=country, evidence=evidence),
        statistics=stats(store, country, evidence=evidence),
    )


def facts(
    store: Store,
    fact_type: str | None = None,
    country: str | None = None,
    year: int | None = None,
    years: YearRange | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Rows[FactRow]:
    """Stored facts, in document and text order (``limit`` of them after the first ``offset``).
    ``country`` matches a fact's country or either end of a flow; ``doc`` a document's source, file
    name, or file name without extension."""
    where = _Where()
    if fact_type:
        check_choices("fact type", [fact_type])
        where.add("f.type = ?", fact_type)
    if country:
        # Only flows have ends, and only the others a country: so each branch has an index.
        if fact_type == "flow":
            where.add("(f.origin = ? OR f.destination = ?)", country, country)
        elif fact_type:
            where.add("f.country = ?", country)
        else:
            where.add(
                "(f.country = ? OR (f.type = 'flow' AND f.origin = ?) OR (f.type = 'flow' AND f.destination = ?))",
                country,
                country,
                country,
            )
    where.years(year, years)
    select = "SELECT f.id, d.source, f.data, f.ev_start, f.ev_end, f.ev_text"
    order = "ORDER BY d.source, f.ev_start, f.id"
    offset = max(int(offset), 0)
    # (SQLite has no OFFSET without a LIMIT, PostgreSQL no negative LIMIT: "all" is the largest.)
    page = f"LIMIT {max(int(limit), 0) if limit is not None else 2**63 - 1} OFFSET {offset}"
    # Two ways: documents in source order, each one's facts in text order (an index holds both orders
    # and the columns filtered on), stopping when the page is full: no sort, but a walk through every
    # document when few facts match; or the matching facts from their own indexes, then sorted: quick
    # when they are few. (CROSS JOIN keeps SQLite's join order; PostgreSQL plans either by itself.)
    by_document = f"{select} FROM documents d CROSS JOIN facts f WHERE f.document_id = d.id"
    if doc:
        where.add("(d.source = ? OR d.source LIKE ? OR d.source LIKE ?)", doc, f"%/{doc}", f"%/{doc}.%")
    first = None
    if limit is not None and where.clauses and not doc:
        first = _facts_of_first_documents(store, by_document, where, order, offset + max(int(limit), 0))
    if first is not None:
        rows = first[offset:]
    elif doc or not where.clauses:
        rows = store.rows(f"{by_document} AND {where.sql} {order} {page}", where.params)
    else:
        rows = store.rows(
            f"{select} FROM facts f CROSS JOIN documents d WHERE d.id = f.document_id AND {where.sql} "
            f"{order} {page}",
            where.params,
        )
    return Rows(FactRow(fid, fact_from_row(source, data, s, e, t)) for fid, source, data, s, e, t in rows)


# Documents read at first for a page of facts, and at most in all, before the matching facts are sorted.
FIRST_DOCUMENTS = 1000
MOST_DOCUMENTS = 20000


def _facts_of_first_documents(
    store: Store, by_document: str, where: _Where, order: str, wanted: int
) -> list[tuple[Any, ...]] | None:
    """The first ``wanted`` facts ``where`` selects, if the first documents (in source order) hold them;
    None when the facts that match are too few for that to be quick."""
    span = FIRST_DOCUMENTS
    while True:
        bound = store.rows("SELECT source FROM documents ORDER BY source LIMIT 1 OFFSET ?", (span,))
        window = " AND d.source < ?" if bound else ""
        rows = store.rows(
            f"{by_document} AND {where.sql}{window} {order} LIMIT {wanted}",
            [*where.params, *(bound[0] if bound else ())],
        )
        if len(rows) >= wanted or not bound:
            return rows
        if not rows or span >= MOST_DOCUMENTS:
            return None
        # As many documents again as the matches so far say the page needs, and half as many more.
        needed = span * wanted * 3 // (2 * len(rows)) + 1
        if needed > MOST_DOCUMENTS:
            return None
        span = max(needed, span * 2)


def iter_facts(store: Store, fact_type: str | None = None, batch: int = 5000) -> Iterator[FactRow]:
    """Every stored fact (of one type), in id order, read a batch at a time: for exports of any size."""
    if fact_type:
        check_choices("fact type", [fact_type])
    last: int | None = None
    while True:
        where = _Where()
        if fact_type:
            where.add("f.type = ?", fact_type)
        if last is not None:
            where.add("f.id > ?", last)
        rows = store.rows(
            "SELECT f.id, d.source, f.data, f.ev_start, f.ev_end, f.ev_text FROM facts f "
            f"JOIN documents d ON d.id = f.document_id WHERE {where.sql} ORDER BY f.id LIMIT {int(batch)}",
            where.params,
        )
        for fid, source, data, s, e, t in rows:
            yield FactRow(fid, fact_from_row(source, data, s, e, t))
        if len(rows) < batch:
            return
        last = rows[-1][0]


def places(store: Store) -> Rows[PlaceRow]:
    """The places that some fact names, with their roles and how many facts name them."""
    roles: dict[str, set[str]] = defaultdict(set)
    for code, role in store.rows("SELECT DISTINCT a, b FROM rollup WHERE kind = 'role'"):
        roles[code].add(role)
    known = {
        code: (name, kind, region, lat, lon)
        for code, name, kind, region, lat, lon in store.rows(
            "SELECT code, name, kind, region, lat, lon FROM places"
        )
    }
    out: Rows[PlaceRow] = Rows()
    for code, n in store.rows("SELECT a, facts FROM rollup WHERE kind = 'place' ORDER BY a"):
        kind = "region" if code.startswith(REGION_PREFIX) else "country"
        name, kind, region, lat, lon = known.get(code, (code, kind, None, None, None))
        out.append(
            PlaceRow(
                code=code,
                name=name,
                kind=kind,
                region=region,
                lat=lat,
                lon=lon,
                roles=_ordered(roles.get(code, ()), ("origin", "transit", "destination")),
                facts=n,
            )
        )
    return out


def search(store: Store, text: str, limit: int = 20, offset: int = 0) -> Rows[SearchRow]:
    """Sentences matching the words (all of them; "a phrase" in quotes), best first: ``limit`` of them
    after the first ``offset``.

    A sentence found in many documents is one row, naming one of them (the one with the lowest id) and
    counting them all.
    """
    # Control characters (NUL among them) are never words, and PostgreSQL refuses NUL in text.
    query = store.dialect.search_query("".join(c if c.isprintable() else " " for c in text))
    if not query.strip():
        raise QueryError("nothing to search for: give some words")
    hits = store.dialect.search(query, max(int(limit), 0), max(int(offset), 0))
    if not hits:
        return Rows()
    ids = [h[0] for h in hits]
    # For each text: how many documents hold it (kept by every write), and its first span in the first
    # of them, in one query over a few index entries per text.
    found: dict[Any, tuple[Any, ...]] = {}
    for tid, n, source, title, start, end, sentence in store.rows(
        "SELECT u.text_id, u.documents, d.source, d.title, s.start_char, s.end_char, t.text "
        "FROM text_documents u JOIN texts t ON t.id = u.text_id "
        "JOIN spans s ON s.text_id = u.text_id "
        "AND s.document_id = (SELECT MIN(m.document_id) FROM spans m WHERE m.text_id = u.text_id) "
        f"JOIN documents d ON d.id = s.document_id WHERE u.text_id IN ({', '.join('?' * len(ids))})",
        ids,
    ):
        if tid not in found or start < found[tid][3]:
            found[tid] = (n, source, title, start, end, sentence)
    out: Rows[SearchRow] = Rows()
    for tid, score, highlighted in hits:
        if tid not in found:  # a text no document uses any more
            continue
        n, source, title, start, end, sentence = found[tid]
        out.append(
            SearchRow(
                document=source,
                title=title,
                start=start,
                end=end,
                text=sentence,
                highlighted=highlighted,
                score=round(float(score), 4),
                documents=n,
            )
        )
    return out


def _sources_disagree(
    store: Store, country: str, metric: str, year: int, exp: str, values: list[int]
) -> bool:
    """Do two documents state different totals (each a value the other does not)? Two figures in one
    document are two measures (repatriated, assisted), not a disagreement between sources."""
    details = [stat_detail(exp or None, v) for v in values]
    docs: dict[str, set[Any]] = defaultdict(set)
    for document, detail in store.rows(
        "SELECT DISTINCT f.document_id, f.detail FROM facts f WHERE f.type = 'statistic' AND f.country = ? "
        f"AND f.metric = ? AND f.year = ? AND f.detail IN ({', '.join('?' * len(details))})",
        [country, metric, year, *details],
    ):
        docs[detail].add(document)
    sides = list(docs.values())
    return any(a - b and b - a for n, a in enumerate(sides) for b in sides[n + 1 :])


def conflicts(
    store: Store, country: str | None = None, evidence_limit: int = EVIDENCE_PER_ROW
) -> Rows[ConflictRow]:
    """Facts that disagree across statements: two tiers for one country and year, two ratification dates
    for one country, two totals of one statistic (country, metric, year) that two documents state
    (a part never conflicts with its total, nor a figure over several years with a year's)."""
    group = _Where()
    if country:
        group.add("r.a = ?", country)
    out: Rows[ConflictRow] = Rows()

    def side(value: Any, documents: int, where: _Where) -> ConflictSide:
        return ConflictSide(
            value=value, documents=documents, evidence=_evidence(store, where, evidence_limit)
        )

    tiers_of: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for c, tier, year, _, _, _, nd, _ in _rollup(store, "tier", group):
        if year is not None:
            tiers_of[(c, year)].append((tier, nd))
    for (c, year), placed in sorted(tiers_of.items()):
        if len(placed) > 1:
            sides = [
                side(
                    t,
                    nd,
                    _Where(
                        "f.type = 'tier'", "f.country = ?", "f.year = ?", "f.tier = ?", params=[c, year, t]
                    ),
                )
                for t, nd in sorted(placed)
            ]
            out.append(
                ConflictRow(kind="tier", country=c, year=year, metric=None, exploitation=None, sides=sides)
            )
    # A country ratifies once: two years, or two months in one year, disagree.
    dates: dict[str, dict[tuple[int, int | None], list[str]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[str, int] = {}
    for c, _, _, detail, _, _, nd, _ in _rollup(store, "ratification", group):
        fields = json.loads(detail)
        if fields.get("year") is not None:
            dates[c][(fields["year"], fields.get("month"))].append(detail)
            counts[detail] = nd
    for c, stated_dates in sorted(dates.items()):
        years = {y for y, _ in stated_dates}
        months = {(y, m) for y, m in stated_dates if m is not None}
        if len(years) > 1 or len(months) > len({y for y, _ in months}):
            sides = []
            for (y, m), details in sorted(stated_dates.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
                where = _Where("f.type = 'ratification'", "f.country = ?", params=[c])
                where.add(f"f.detail IN ({', '.join('?' * len(details))})", *details)
                label = f"{y}-{m:02d}" if m else str(y)
                sides.append(side(label, sum(counts[d] for d in details), where))
            out.append(
                ConflictRow(
                    kind="ratification", country=c, year=None, metric=None, exploitation=None, sides=sides
                )
            )
    values: dict[tuple[str, str, int, str], list[tuple[int, int]]] = defaultdict(list)
    for c, metric, year, detail, _, _, nd, _ in _rollup(store, "statistic", group):
        exp, number, scope = parse_stat_detail(detail)
        # Only two totals for one year disagree: a part never conflicts with its total, nor a
        # figure over several years with one year's.
        if year is not None and scope == "total":
            values[(c, metric, year, exp or "")].append((number, nd))
    for (c, metric, year, exp), stated in sorted(values.items()):
        if len(stated) > 1 and _sources_disagree(store, c, metric, year, exp, [v for v, _ in stated]):
            sides = []
            for value, nd in stated:
                where = _Where(
                    "f.type = 'statistic'",
                    "f.country = ?",
                    "f.metric = ?",
                    "f.year = ?",
                    "f.detail = ?",
                    params=[c, metric, year, f"{exp}|{value}"],
                )
                sides.append(side(value, nd, where))
            out.append(
                ConflictRow(
                    kind="statistic",
                    country=c,
                    year=year,
                    metric=metric,
                    exploitation=exp or None,
                    sides=sides,
                )
            )
    return out
