"""Answers to questions in English from the knowledge base, each with the sentences that support it.

``ask(store, question)`` reads a question with the extractor's own vocabulary (the places gazetteer and
``PlaceMatcher``, the victims and exploitation phrases of ``vocabulary.toml``) and the question words in
``data/questions.toml``; finds what it asks (flows from, to or through a place, who and for what;
roles; tiers; ratification; compliance; statistics; funding; penalties; a comparison of two countries; an
overview of one); and answers from the query layer. No model or service is called.

A question it cannot read or the data cannot answer gets "I can't answer that from the data" with the
sentences that best match its words (full-text search), never a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from tipkb import query
from tipkb.analysis.question import (
    Question,
    asked_kind,
    compares,
    is_english,
    lexicon,
    ordered,
    read_question,
    unanswerable,
)
from tipkb.analysis.regions import in_region
from tipkb.model import EXPLOITATION, ROLES, VICTIMS
from tipkb.query import EvidenceRow, FlowRow, TierRow
from tipkb.vocab import contract

if TYPE_CHECKING:
    from tipkb.store import Store

__all__ = ["CANT", "MAX_CHARS", "Answer", "ask"]

CANT = "I can't answer that from the data."
MAX_CHARS = 500
MAX_EVIDENCE = 10
MAX_LISTED = 30

# How a sentence names the contract's codes, and the tiers' order (data/contract.toml).
EXPLOITATION_NAMES = contract().exploitation_phrases
METRIC_NAMES = contract().metric_phrases
TIER_NAMES = contract().tier_phrases
# Tiers from best to worst (Special Case is outside the order).
_TIER_RANK = contract().tier_rank
ROLE_NAMES = contract().role_phrases

_T = TypeVar("_T")


@dataclass(kw_only=True)
class Answer:
    """An answer: what kind of question it was, the answer in words, the short answer (``values``: codes,
    tiers, counts), the rows it comes from, the sentences that state them, and whether the data answered
    it. ``reason`` says why not (empty, too_long, language, unknown_place, year_out_of_range,
    not_understood, off_topic, need_country, no_data); ``parsed`` is how the question was read."""

    question: str
    kind: str
    answered: bool
    text: str
    values: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    reason: str | None = None
    parsed: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "kind": self.kind,
            "answered": self.answered,
            "text": self.text,
            "values": list(self.values),
            "rows": self.rows,
            "evidence": [e.to_dict() for e in self.evidence],
            "reason": self.reason,
            "parsed": self.parsed,
        }


# -- parts of answers ---------------------------------------------------------------------------


@dataclass
class _Part:
    answered: bool
    text: str
    values: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    detail: str | None = None


@dataclass
class _PerCountry:
    """An answer put together country by country: a line of text for each country with something
    stated, the short answers, rows and sentences behind them, and what is stated for no country."""

    countries: Sequence[str]
    lines: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def stated(self, find: Callable[[str], list[_T]]) -> Iterator[tuple[str, list[_T]]]:
        """Each country asked about with what ``find`` finds for it; one it finds nothing for is missing."""
        for code in self.countries:
            found = find(code)
            if found:
                yield code, found
            else:
                self.missing.append(code)

    def value(self, code: str, value: str) -> None:
        """A short answer, as "KAZ:2" when the question asks about more than one country."""
        self.values.append(value if len(self.countries) == 1 else f"{code}:{value}")

    def part(self, nothing: str, missing: str | None = None) -> _Part:
        """The answer; ``nothing`` says why there is none, ``missing`` (if some country has nothing
        stated) ends its text."""
        if not self.lines:
            return _Part(False, "", detail=nothing)
        if self.missing and missing:
            self.lines.append(missing)
        return _Part(True, " ".join(self.lines), self.values, self.rows, self.evidence)


def _name(code: str) -> str:
    return query.place_name(code)


def _names(codes: Sequence[str], limit: int = MAX_LISTED) -> str:
    shown = [_name(c) for c in codes[:limit]]
    more = f" and {len(codes) - limit} more" if len(codes) > limit else ""
    if len(shown) <= 1:
        return (shown[0] if shown else "") + more
    return ", ".join(shown[:-1]) + (" and " if not more else ", ") + shown[-1] + more


def _years_text(q: Question) -> str:
    if q.year is not None:
        return f" in {q.year}"
    if q.only:
        years = sorted(q.only)
        return " in " + ", ".join(map(str, years[:-1])) + f" and {years[-1]}"
    if q.years:
        return f" in {q.years[0]}–{q.years[1]}"
    return ""


def _in_years(q: Question, years: Iterable[int | None]) -> bool:
    """Whether facts stated for these years fit the question's years (any year, when it names none)."""
    stated = [y for y in years if y is not None]
    if q.year is not None:
        return q.year in stated
    if q.only:
        return bool(q.only & set(stated))
    if q.years:
        return any(q.years[0] <= y <= q.years[1] for y in stated)
    return True


def _facts(store: Store, q: Question, fact_type: str, country: str | None = None) -> list[query.FactRow]:
    """The facts of a type (about a country) stated for the question's years."""
    return [
        fr for fr in query.facts(store, fact_type=fact_type, country=country) if _in_years(q, [fr.fact.year])
    ]


def _ev(fact_rows: Iterable[query.FactRow]) -> list[EvidenceRow]:
    out = []
    for row in fact_rows:
        ev = row.fact.evidence
        out.append(EvidenceRow(row.fact.doc, ev.start, ev.end, ev.text))
    return out


def _listed(q: Question, codes: list[str]) -> list[str]:
    """The codes within the region the question narrows to ("which countries in Africa ...")."""
    return [c for c in codes if in_region(c, q.within)] if q.within else codes


def _region_text(q: Question) -> str:
    return f" in {_name(q.within)}" if q.within else ""


def _count_text(q: Question, codes: Sequence[str]) -> str:
    return f"{len(codes)} {'country' if len(codes) == 1 else 'countries'}. " if q.has("count") else ""


def _exploitation_text(values: Sequence[str]) -> str:
    return ", ".join(EXPLOITATION_NAMES.get(v, v) for v in values) or "purposes not stated"


def _who(q: Question, rows: Sequence[FlowRow] = ()) -> str:
    """ "Women and girls" as asked; "Victims" when none were asked or the statements name none."""
    if not q.victims or (rows and all(not r.victims for r in rows)):
        return "Victims"
    return " and ".join(q.victims).capitalize()


def _victim_options(victims: Sequence[str]) -> list[tuple[str, ...]]:
    """Each victim group asked for, alone; children also as girls or boys. No groups: no filter."""
    if not victims:
        return [()]
    options: list[tuple[str, ...]] = []
    for v in victims:
        for each in ("children", "girls", "boys") if v == "children" else (v,):
            if (each,) not in options:
                options.append((each,))
    return options


def _merge(a: FlowRow, b: FlowRow) -> FlowRow:
    evidence = list(a.evidence)
    for e in b.evidence:
        if all((e.document, e.start) != (x.document, x.start) for x in evidence):
            evidence.append(e)
    return replace(
        a,
        victims=ordered(set(a.victims) | set(b.victims), VICTIMS),
        exploitation=ordered(set(a.exploitation) | set(b.exploitation), EXPLOITATION),
        via=sorted(set(a.via) | set(b.via)),
        years=sorted(set(a.years) | set(b.years)),
        documents=max(a.documents, b.documents),
        sentences=max(a.sentences, b.sentences),
        facts=max(a.facts, b.facts),
        hedged=a.hedged and b.hedged,
        evidence=evidence,
    )


def _flow_rows(
    store: Store,
    q: Question,
    origin: str | None = None,
    destination: str | None = None,
    via: str | None = None,
    country: str | None = None,
    exploitation: bool = True,
) -> list[FlowRow]:
    """Flows that fit the question: any of its victim groups, any of its kinds of exploitation. When no
    statement names the victims asked about, flows whose statements name no victims at all (which say
    nothing against them: "workers from Ethiopia")."""
    kinds: list[tuple[str, ...]] = [(e,) for e in q.exploitation] if exploitation and q.exploitation else [()]

    def collect(options: list[tuple[str, ...]]) -> dict[tuple[str, str], FlowRow]:
        merged: dict[tuple[str, str], FlowRow] = {}
        for victims in options:
            for kind in kinds:
                for row in query.flows(
                    store,
                    origin=origin,
                    destination=destination,
                    via=via,
                    country=country,
                    year=q.year,
                    years=q.years,
                    victims=victims,
                    exploitation=kind,
                    evidence=True,
                ):
                    if q.only and not q.only & set(row.years):
                        continue
                    if q.within and not _narrowed(q, row):
                        continue
                    key = (row.origin, row.destination)
                    merged[key] = _merge(merged[key], row) if key in merged else row
        return merged

    found = collect(_victim_options(q.victims))
    if not found and q.victims:
        found = {key: row for key, row in collect([()]).items() if not row.victims}
    return sorted(found.values(), key=lambda r: (-r.documents, -r.sentences, r.origin, r.destination))


def _narrowed(q: Question, row: FlowRow) -> bool:
    """Whether a flow's asked-for end lies in the region the question narrows to."""
    assert q.within is not None
    ends = {"destinations": [row.destination], "origins": [row.origin]}.get(
        q.within_end, [row.origin, row.destination]
    )
    return any(in_region(end, q.within) for end in ends)


def _flow_dict(row: FlowRow) -> dict[str, Any]:
    d = row.to_dict()
    d.pop("evidence", None)
    return d


def _flow_evidence(rows: Sequence[FlowRow]) -> list[EvidenceRow]:
    return [e for row in rows for e in row.evidence]


def _flow_part(text: str, values: list[str], rows: Sequence[FlowRow]) -> _Part:
    """An answer from these flows: their rows and their sentences."""
    return _Part(True, text, values, [_flow_dict(r) for r in rows], _flow_evidence(rows))


def _flow_list(lead: str, rows: Sequence[FlowRow]) -> _Part:
    """ "{lead}: A → B; C → D.", with the flows (as "A>B") for the short answer."""
    text = f"{lead}: " + "; ".join(f"{_name(r.origin)} → {_name(r.destination)}" for r in rows[:MAX_LISTED])
    return _flow_part(text + ".", [f"{r.origin}>{r.destination}" for r in rows], rows)


def _sectors(store: Store, rows: Sequence[FlowRow]) -> list[str]:
    """Sectors the flows' statements name (they are kept on the facts, not the grouped rows)."""
    pairs = {(r.origin, r.destination) for r in rows}
    found: list[str] = []
    for origin in sorted({o for o, _ in pairs}):
        for fr in query.facts(store, fact_type="flow", country=origin):
            fact = fr.fact
            if (getattr(fact, "origin", None), getattr(fact, "destination", None)) in pairs:
                for sector in getattr(fact, "sectors", []) or []:
                    if sector not in found:
                        found.append(sector)
    return found


def _answer_flows(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    origins, destinations, vias = q.slot("origin"), q.slot("destination"), q.slot("via")
    loose = [c for c in q.slot(None) if c not in origins + destinations + vias]
    if q.has("internal") and len(q.countries) == 1 and not (q.has("asks_origin") and destinations):
        origins = destinations = q.countries
        loose = []
    if countries and not (origins or destinations or vias or loose):
        loose = list(countries)
    asks = _flow_asks(q, origins, destinations, vias)
    q.within_end = asks
    when = _years_text(q)

    if asks == "via" or (vias and not origins and not destinations):
        rows: list[FlowRow] = []
        none: list[str | None] = [None]
        for o in [*origins] or none:
            for d in [*destinations] or none:
                for v in [*vias] or none:
                    rows.extend(_flow_rows(store, q, origin=o, destination=d, via=v))
        if asks == "via" and not vias:
            rows = [r for r in rows if r.via]
        if not rows:
            return _Part(False, "", detail="no statement of a flow through such a place")
        if asks == "via" and not vias:
            through = list(dict.fromkeys(v for r in rows for v in r.via))
            text = f"Stated routes pass through {_names(through)}{when}: " + "; ".join(
                f"{_name(r.origin)} → {_name(r.destination)} via {_names(r.via)}" for r in rows[:MAX_LISTED]
            )
            return _flow_part(text + ".", through, rows)
        return _flow_list(f"Flows through {_names(vias)}{when}", rows)

    if origins and destinations:
        rows = [
            r
            for o in origins
            for d in destinations
            for r in _flow_rows(store, q, origin=o, destination=d, exploitation=asks != "exploitation")
        ]
        if not rows:
            return _Part(
                False,
                "",
                detail=f"no statement that {_who(q).lower()} are trafficked from {_names(origins)} "
                f"to {_names(destinations)}{when}",
            )
        if asks == "destinations":
            dests = list(dict.fromkeys(r.destination for r in rows))
            text = (
                f"{_who(q)} from {_names(origins)} are trafficked{when} {_destinations_text(dests, origins)}"
            )
            text += f"{_hedge_note(rows, q)}."
            return _flow_part(text, dests, rows)
        return _flow_details(store, q, rows, asks, f"from {_names(origins)} to {_names(destinations)}")

    if origins or (loose and asks == "destinations"):
        places = origins or loose
        rows = [
            r for o in places for r in _flow_rows(store, q, origin=o, exploitation=asks != "exploitation")
        ]
        if not origins:
            rows = [r for r in rows if r.origin in places]
        if not rows:
            return _Part(
                False,
                "",
                detail=f"no statement of where {_who(q).lower()} from {_names(places)} are trafficked{when}",
            )
        if asks in ("victims", "exploitation", "exists"):
            return _flow_details(store, q, rows, asks, f"from {_names(places)}")
        dests = list(dict.fromkeys(r.destination for r in rows))
        text = (
            f"{_who(q, rows)} from {_names(places)} are trafficked{when} {_destinations_text(dests, places)}"
        )
        if q.has("count"):
            text = f"{len([d for d in dests if d not in places])} places abroad. " + text
        return _flow_part(text + f"{_hedge_note(rows, q)}.", dests, rows)

    if destinations or (loose and asks == "origins"):
        places = destinations or loose
        rows = [
            r
            for d in places
            for r in _flow_rows(store, q, destination=d, exploitation=asks != "exploitation")
        ]
        if not rows:
            return _Part(
                False, "", detail=f"no statement of where victims in {_names(places)} come from{when}"
            )
        if asks in ("victims", "exploitation", "exists"):
            return _flow_details(store, q, rows, asks, f"to {_names(places)}")
        froms = list(dict.fromkeys(r.origin for r in rows))
        text = (
            f"{_who(q)} trafficked to {_names(places)}{when} come from {_names(froms)}{_hedge_note(rows, q)}."
        )
        if q.has("count"):
            text = f"{len([f for f in froms if f not in places])} places. " + text
        return _flow_part(text, froms, rows)

    if loose:
        rows = [
            r for c in loose for r in _flow_rows(store, q, country=c, exploitation=asks != "exploitation")
        ]
        if not rows:
            return _Part(False, "", detail=f"no flow to or from {_names(loose)}{when}")
        if asks in ("victims", "exploitation"):
            return _flow_details(store, q, rows, asks, f"to or from {_names(loose)}")
        return _flow_list(f"Flows to or from {_names(loose)}{when}", rows)

    if q.victims or q.exploitation:
        rows = _flow_rows(store, q)
        if not rows:
            return _Part(False, "", detail="no flow of that kind")
        what = " and ".join(q.victims) or "victims"
        kinds = f" for {_exploitation_text(q.exploitation)}" if q.exploitation else ""
        return _flow_list(f"Flows of {what}{kinds}{when}", rows)
    return _Part(False, "", detail="the question names no place and no kind of victim")


def _destinations_text(destinations: Sequence[str], origins: Sequence[str]) -> str:
    """ "to A, B and C, and within X": a flow from a place to itself is trafficking within it."""
    abroad = [d for d in destinations if d not in origins]
    within = [d for d in destinations if d in origins]
    parts = [f"to {_names(abroad)}"] if abroad else []
    if within:
        parts.append(f"within {_names(within)}")
    return ", and ".join(parts)


def _hedge_note(rows: Sequence[FlowRow], q: Question | None = None) -> str:
    """What the answer must not be read to say more than: flows only possibly stated, and flows whose
    statements do not say who the victims are."""
    notes = []
    hedged = [r for r in rows if r.hedged]
    if hedged:
        notes.append(
            "only possibly, per the sources: "
            + "; ".join(f"{_name(r.origin)} → {_name(r.destination)}" for r in hedged)
        )
    if q is not None and q.victims and rows and all(not r.victims for r in rows):
        notes.append(f"the statements do not say whether the victims are {' or '.join(q.victims)}")
    return f" ({'; '.join(notes)})" if notes else ""


def _flow_asks(q: Question, origins: list[str], destinations: list[str], vias: list[str]) -> str:
    """What a flow question wants: destinations, origins, victims, exploitation, via or exists."""
    if q.has("asks_via") and not vias:
        return "via"
    if q.has("internal") and "where" in q.low and origins == destinations:
        return "destinations"
    if q.has("asks_exploitation"):
        return "exploitation"
    if q.has("asks_victims"):
        return "victims"
    if q.has("asks_origin"):
        return "origins"
    if "where" in q.low:
        if origins and not destinations:
            return "destinations"
        if destinations and not origins:
            return "origins"
    if origins and destinations:
        return "exists"
    if origins:
        return "destinations"
    if destinations:
        return "origins"
    if q.low and q.low[0] in lexicon().cue_words["asks_yes"]:
        return "exists"
    return "destinations" if {"destinations", "destination"} & set(q.low) else "list"


def _flow_details(store: Store, q: Question, rows: list[FlowRow], asks: str, where: str) -> _Part:
    when = _years_text(q)
    if asks == "victims":
        victims = ordered({v for r in rows for v in r.victims}, VICTIMS)
        if not victims:
            return _Part(False, "", detail=f"the statements of flows {where} do not say who the victims are")
        text = f"Victims trafficked {where}{when}: {', '.join(victims)}{_hedge_note(rows, q)}."
        return _flow_part(text, victims, rows)
    if asks == "exploitation":
        kinds = ordered({e for r in rows for e in r.exploitation}, EXPLOITATION)
        sectors = _sectors(store, rows)
        if not kinds and not sectors:
            return _Part(False, "", detail=f"the statements of flows {where} do not say what for")
        text = f"{_who(q)} are trafficked {where}{when} for {_exploitation_text(kinds)}"
        if sectors:
            text += f"; sectors named: {', '.join(sectors)}"
        return _flow_part(text + f"{_hedge_note(rows, q)}.", kinds + sectors, rows)
    # exists, or a list of flows
    parts = []
    for r in rows[:MAX_LISTED]:
        who = f" ({', '.join(r.victims)})" if r.victims else ""
        why = f" for {_exploitation_text(r.exploitation)}" if r.exploitation else ""
        via = f" via {_names(r.via)}" if r.via else ""
        maybe = " — possibly (hedged)" if r.hedged else ""
        parts.append(
            f"{_name(r.origin)} → {_name(r.destination)}{via}{who}{why}{maybe}, {r.documents} document(s)"
        )
    lead = (
        "Yes"
        if asks == "exists" and not all(r.hedged for r in rows)
        else "Possibly"
        if asks == "exists"
        else "Flows"
    )
    text = f"{lead}: " + "; ".join(parts) + "."
    values = ["yes"] if asks == "exists" else [f"{r.origin}>{r.destination}" for r in rows]
    return _flow_part(text, values, rows)


def _answer_roles(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    asked = q.roles
    if not countries:
        if not asked:
            return _Part(False, "", detail="name a country or a role (source, transit, destination)")
        found: dict[str, list[query.FactRow]] = defaultdict(list)
        for fr in _facts(store, q, "role"):
            if getattr(fr.fact, "role", None) in asked:
                found[getattr(fr.fact, "country", "")].append(fr)
        every = len(asked) > 1 and "or" not in q.low  # "both origins and destinations"
        if every:
            found = {
                c: stated
                for c, stated in found.items()
                if {getattr(fr.fact, "role", None) for fr in stated} >= set(asked)
            }
        codes = _listed(q, sorted(found, key=_name))
        if not codes:
            return _Part(False, "", detail=f"no country{_region_text(q)} is described so")
        what = (" and " if every else " or ").join(ROLE_NAMES[r] for r in asked)
        text = (
            f"{_count_text(q, codes)}Countries{_region_text(q)} described as {what} country{_years_text(q)}: "
        )
        text += f"{_names(codes)}."
        listed = [
            {"country": c, "name": _name(c), "documents": len({f.fact.doc for f in found[c]})} for c in codes
        ]
        return _Part(True, text, codes, listed, _ev(f for c in codes for f in found[c][:1]))
    out = _PerCountry(countries)
    for code in countries:
        by_role: dict[str, list[query.FactRow]] = defaultdict(list)
        for fr in _facts(store, q, "role", code):
            by_role[getattr(fr.fact, "role", "")].append(fr)
        roles = [r for r in ROLES if r in by_role]
        shown = [r for r in roles if not asked or r in asked]
        if not shown:
            out.missing.append(code)
            continue
        parts = []
        for role in shown:
            extents = sorted({e for fr in by_role[role] if (e := getattr(fr.fact, "extent", None))})
            docs = len({fr.fact.doc for fr in by_role[role]})
            extent = f" ({', '.join(extents)})" if extents else ""
            parts.append(f"{ROLE_NAMES[role]}{extent} country in {docs} document(s)")
            out.value(code, role)
            out.rows.append({"country": code, "role": role, "extents": extents, "documents": docs})
            out.evidence.extend(_ev(by_role[role][:2]))
        lead = f"Yes: {_name(code)} is described as " if asked else f"{_name(code)} is described as "
        out.lines.append(lead + "; ".join(parts) + ".")
        if asked and len(shown) < len(asked):
            out.lines.append(
                f"No document calls it {' or '.join(ROLE_NAMES[r] for r in asked if r not in shown)}."
            )
    what = " or ".join(ROLE_NAMES[r] for r in asked) + " country" if asked else "any role"
    return out.part(
        f"no document describes {_names(out.missing)} as {what}",
        f"Nothing is stated about the role of {_names(out.missing)}.",
    )


def _answer_tiers(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        if q.tier is None and q.year is None and q.years is None:
            return _Part(False, "", detail="name a country, a tier or a year")
        rows = [
            r
            for r in query.tiers(store, year=q.year, years=q.years, evidence=True)
            if q.tier in (None, r.tier)
        ]
        rows = [
            r
            for r in rows
            if (not q.only or r.year in q.only) and (not q.within or in_region(r.country, q.within))
        ]
        if not rows:
            what = TIER_NAMES[q.tier] if q.tier else "any tier"
            return _Part(False, "", detail=f"no placement{_region_text(q)} on {what}{_years_text(q)}")
        codes = list(dict.fromkeys(r.country for r in sorted(rows, key=lambda r: r.name)))
        if q.tier:
            text = f"{_count_text(q, codes)}Countries{_region_text(q)} placed on {TIER_NAMES[q.tier]}{_years_text(q)}: "
            text += ", ".join(
                f"{r.name} ({r.year})" if r.year else r.name
                for r in sorted(rows, key=lambda r: (r.name, r.year or 0))
            )
        else:
            text = f"Tier placements{_years_text(q)}: " + ", ".join(
                f"{r.name}: {TIER_NAMES[r.tier]}" + (f" ({r.year})" if r.year else "") for r in rows
            )
        return _Part(True, text + ".", codes, _dicts(rows), [e for r in rows for e in r.evidence[:1]])

    def placements(code: str) -> list[TierRow]:
        rows = query.tiers(store, country=code, year=q.year, years=q.years, evidence=True)
        return [r for r in rows if not q.only or r.year in q.only]

    out = _PerCountry(countries)
    for code, rows in out.stated(placements):
        dated = sorted(rows, key=lambda r: (r.year is None, r.year or 0))
        parts = [
            f"{TIER_NAMES[r.tier]} in {r.year}" if r.year else f"{TIER_NAMES[r.tier]} (year not stated)"
            for r in dated
        ]
        line = f"{_name(code)} was placed on " + ", ".join(parts) + "."
        tiers = list(dict.fromkeys(r.tier for r in dated))
        if q.tier and q.tier not in tiers:
            line += f" No document places it on {TIER_NAMES[q.tier]}{_years_text(q)}."
        out.lines.append(line)
        for tier in tiers:
            out.value(code, tier)
        out.rows.extend(_dicts(dated))
        out.evidence.extend(e for r in dated for e in r.evidence[:2])
    hint = ""
    if not out.lines and (q.year or q.years):
        stated = sorted({r.year for c in out.missing for r in query.tiers(store, country=c) if r.year})
        hint = f"; placements are stated for {', '.join(map(str, stated))}" if stated else ""
    return out.part(
        f"no tier placement of {_names(out.missing)}{_years_text(q)}{hint}",
        f"No tier placement of {_names(out.missing)}{_years_text(q)} is stated.",
    )


def _dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        d = row.to_dict()
        d.pop("evidence", None)
        out.append(d)
    return out


def _grouped(
    facts: Iterable[query.FactRow], fields: Sequence[str]
) -> list[tuple[dict[str, Any], list[query.FactRow]]]:
    """Facts grouped by the values of ``fields``, most documents first."""
    groups: dict[tuple[Any, ...], list[query.FactRow]] = defaultdict(list)
    for fr in facts:
        d = fr.fact.to_dict()
        groups[tuple(_hashable(d.get(f)) for f in fields)].append(fr)
    out = [(dict(zip(fields, key, strict=True)), rows) for key, rows in groups.items()]
    out.sort(key=lambda item: -len({fr.fact.doc for fr in item[1]}))
    return out


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _documents(rows: Sequence[query.FactRow]) -> int:
    return len({fr.fact.doc for fr in rows})


def _answer_ratification(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    def label(d: dict[str, Any]) -> str:
        return f"{d['year']}-{d['month']:02d}" if d.get("month") else str(d["year"])

    def spoken(d: dict[str, Any]) -> str:
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]  # fmt: skip
        return f"{months[d['month'] - 1]} {d['year']}" if d.get("month") else str(d["year"])

    if not countries:
        facts = _facts(store, q, "ratification")
        if not facts:
            return _Part(False, "", detail=f"no ratification{_years_text(q)} is stated")
        by_country: dict[str, list[query.FactRow]] = defaultdict(list)
        for fr in facts:
            by_country[getattr(fr.fact, "country", "")].append(fr)
        codes = _listed(q, sorted(by_country, key=_name))
        if not codes:
            return _Part(False, "", detail=f"no ratification{_region_text(q)}{_years_text(q)} is stated")
        text = (
            f"{_count_text(q, codes)}Countries{_region_text(q)} that ratified the UN TIP (Palermo) Protocol"
        )
        text += f"{_years_text(q)}: " + ", ".join(
            f"{_name(c)} ({spoken(_grouped(by_country[c], ('year', 'month'))[0][0])})" for c in codes
        )
        rows = [
            {"country": c, "name": _name(c), **_grouped(by_country[c], ("year", "month"))[0][0]}
            for c in codes
        ]
        return _Part(True, text + ".", codes, rows, _ev(by_country[c][0] for c in codes))
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: _facts(store, q, "ratification", c)):
        groups = _grouped(facts, ("year", "month"))
        # A date with a month is more precise than the same year alone: keep the year alone only if no
        # statement gives a month in that year.
        months = {d["year"] for d, _ in groups if d.get("month")}
        groups = [(d, stated) for d, stated in groups if d.get("month") or d["year"] not in months]
        said = "; ".join(f"{spoken(d)} ({_documents(stated)} document(s))" for d, stated in groups)
        out.lines.append(f"{_name(code)} ratified the UN TIP (Palermo) Protocol in {said}.")
        for d, stated in groups:
            out.value(code, label(d))
            out.rows.append({"country": code, **d, "documents": _documents(stated)})
            out.evidence.extend(_ev(stated[:3]))
    return out.part(
        f"no ratification by {_names(out.missing)}{_years_text(q)} is stated",
        f"No ratification by {_names(out.missing)} is stated.",
    )


def _compliance_words(d: dict[str, Any]) -> str:
    meets = {True: "fully meets", False: "does not fully meet", None: "(no verdict on)"}[d.get("fully_meets")]
    efforts = {True: "is making significant efforts", False: "is not making significant efforts", None: ""}[
        d.get("significant_efforts")
    ]
    words = f"{meets} the minimum standards"
    return f"{words} and {efforts}" if efforts else words


def _answer_compliance(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        key = "significant_efforts" if "efforts" in q.low else "fully_meets"
        want = not q.negated
        facts = [fr for fr in _facts(store, q, "compliance") if fr.fact.to_dict().get(key) is want]
        if not facts:
            return _Part(False, "", detail="no country is stated to be so")
        codes = _listed(q, sorted({getattr(fr.fact, "country", "") for fr in facts}, key=_name))
        if not codes:
            return _Part(False, "", detail=f"no country{_region_text(q)} is stated to be so")
        what = (
            ("making" if want else "not making") + " significant efforts"
            if key == "significant_efforts"
            else ("fully meeting" if want else "not fully meeting") + " the minimum standards"
        )
        text = f"{_count_text(q, codes)}Countries{_region_text(q)} stated to be {what}{_years_text(q)}: {_names(codes)}."
        return _Part(
            True, text, codes, [{"country": c, "name": _name(c)} for c in codes], _ev(facts[:MAX_EVIDENCE])
        )
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: _facts(store, q, "compliance", c)):
        parts = []
        for d, rows in _grouped(facts, ("fully_meets", "significant_efforts")):
            years = sorted({y for fr in rows if (y := fr.fact.year) is not None})
            when = f" ({', '.join(map(str, years))})" if years else " (year not stated)"
            parts.append(_compliance_words(d) + when)
            for k in ("fully_meets", "significant_efforts"):
                if d.get(k) is not None:
                    out.value(code, f"{k}={str(d[k]).lower()}")
            out.rows.append({"country": code, **d, "years": years, "documents": _documents(rows)})
            out.evidence.extend(_ev(rows[:2]))
        out.lines.append(f"{_name(code)} " + "; ".join(parts) + ".")
    out.values = list(dict.fromkeys(out.values))
    return out.part(
        f"no verdict on the minimum standards for {_names(out.missing)}{_years_text(q)}",
        f"No verdict on {_names(out.missing)} is stated.",
    )


def _answer_statistics(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        return _Part(False, "", detail="name the country the count is for")
    # "victims from Serbia identified in Bosnia": the count is the country that identified them.
    countries = [c for c in countries if c not in q.slot("origin")] or list(countries)
    metrics = q.metrics or (["victims_identified"] if {"victims", "victim"} & set(q.low) else [])
    if not metrics:
        return _Part(False, "", detail="the question names no count the data keeps (investigations, "
                     "prosecutions, convictions, victims identified or assisted)")  # fmt: skip
    out = _PerCountry(countries)
    for code in countries:
        for metric in metrics:
            rows = list(query.stats(store, code, metric=metric, year=q.year, years=q.years, evidence=True))
            rows = [r for r in rows if not q.only or r.year in q.only]
            if q.exploitation:
                rows = [r for r in rows if r.exploitation in q.exploitation]
            else:
                # One answer per year: the totals; a part (a form, sex or age) or a figure over
                # several years only where no total is stated, and said to be one.
                totals = [r for r in rows if r.exploitation is None and r.scope == "total"]
                rows = totals or [r for r in rows if r.scope != "cumulative"] or rows
            if not rows:
                out.missing.append(f"{METRIC_NAMES[metric]} for {_name(code)}")
                continue
            parts = []
            for r in sorted(
                rows, key=lambda r: (r.year is None, r.year or 0, r.exploitation or "", -r.documents)
            ):
                kind = (
                    f" ({EXPLOITATION_NAMES.get(r.exploitation, r.exploitation)})" if r.exploitation else ""
                )
                when = f" in {r.year}" if r.year else " (year not stated)"
                if r.scope == "cumulative":
                    when = " over several years"
                scope = {"part": " (a part of a total)", "cumulative": " (a multi-year figure)"}
                parts.append(f"{r.value:,}{kind}{when}{scope.get(r.scope, '')}")
                out.value(code, str(r.value))
                out.rows.append(_dicts([r])[0])
                out.evidence.extend(r.evidence[:2])
            out.lines.append(f"{_name(code)}, {METRIC_NAMES[metric]}: " + "; ".join(parts) + ".")
    return out.part(
        f"no count of {'; '.join(out.missing)}{_years_text(q)} is stated",
        f"Not stated: {'; '.join(out.missing)}{_years_text(q)}.",
    )


def _answer_funding(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        return _Part(False, "", detail="name the country whose funding you ask about")
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: _facts(store, q, "funding", c)):
        parts = []
        for d, rows in _grouped(facts, ("amount", "currency", "purpose")):
            years = sorted({y for fr in rows if (y := fr.fact.year) is not None})
            amount = f"{d['amount']:,.0f} {d['currency']}"
            purpose = f" for {d['purpose']}" if d.get("purpose") else ""
            when = f" ({', '.join(map(str, years))})" if years else ""
            parts.append(f"{amount}{purpose}{when}")
            out.values.append(f"{d['amount']:.0f} {d['currency']}")
            out.rows.append({"country": code, **d, "years": years, "documents": _documents(rows)})
            out.evidence.extend(_ev(rows[:2]))
        out.lines.append(f"{_name(code)} allocated or spent: " + "; ".join(parts) + ".")
    return out.part(f"no funding by {_names(out.missing)}{_years_text(q)} is stated")


def _answer_penalties(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        return _Part(False, "", detail="name the country whose law you ask about")
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: list(query.facts(store, fact_type="penalty", country=c))):
        parts = []
        for d, rows in _grouped(facts, ("articles", "min_years", "max_years")):
            lo, hi = d.get("min_years"), d.get("max_years")
            span = (
                f"{lo:g} to {hi:g} years"
                if lo is not None and hi is not None
                else f"up to {hi:g} years"
                if hi is not None
                else f"at least {lo:g} years"
                if lo is not None
                else "penalties"
            )
            arts = f" (article {', '.join(d['articles'])})" if d.get("articles") else ""
            parts.append(span + " of imprisonment" + arts)
            out.values.append(span)
            out.rows.append(
                {"country": code, **{k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}}
            )
            out.evidence.extend(_ev(rows[:2]))
        out.lines.append(f"{_name(code)}'s law prescribes " + "; ".join(parts) + ".")
    return out.part(f"no penalties are stated for {_names(out.missing)}")


def _answer_profile(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    out = _PerCountry(countries)
    for code in countries:
        p = query.profile(store, code, evidence=True)
        if not p.documents:
            continue
        region = f", {p.region}" if p.region else ""
        parts = [f"{p.name} ({p.country}{region}): facts from {p.documents} document(s)."]
        roles = ordered({r.role for r in p.roles}, ROLES)
        if roles:
            parts.append("Described as " + ", ".join(ROLE_NAMES[r] for r in roles) + " country.")
        if p.tiers:
            parts.append(
                "Tiers: "
                + ", ".join(f"{TIER_NAMES[t.tier]}" + (f" ({t.year})" if t.year else "") for t in p.tiers)
                + "."
            )
        if p.outbound:
            dests = [r.destination for r in p.outbound if r.destination != code]
            if dests:
                parts.append(f"Victims from it are trafficked to {_names(dests, 8)}.")
        if p.inbound:
            froms = [r.origin for r in p.inbound if r.origin != code]
            if froms:
                parts.append(f"Victims in it come from {_names(froms, 8)}.")
        if any(r.origin == code for r in p.outbound if r.destination == code):
            parts.append("Trafficking within the country is stated.")
        if p.ratifications:
            parts.append("Palermo Protocol ratified: " + ", ".join(
                str(r.fields.get("year")) for r in p.ratifications) + ".")  # fmt: skip
        out.lines.append(" ".join(parts))
        out.values.append(code)
        out.rows.append({"country": code, "name": p.name, "documents": p.documents, "roles": roles})
        for section in (p.roles, p.tiers, p.outbound, p.inbound):
            for row in section[:2]:
                out.evidence.extend(row.evidence[:1])
    return out.part(f"no facts about {_names(list(countries))}")


def _answer_changes(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    from tipkb.analysis.changes import changes

    year = q.year if q.year is not None else q.years[1] if q.years else None
    if year is None:
        return _Part(False, "", detail="name the year to compare with the one before it")
    since = q.years[0] if q.years and q.years[0] < year else None
    out = _PerCountry(countries)
    # A question about one kind of fact ("did convictions fall", "was its tier upgraded") gets that kind.
    kinds = (
        {"statistics"}
        if q.metrics
        else {"tiers"}
        if (q.has("tier") or q.tier)
        else {"tiers", "flows", "statistics"}
    )
    each: list[str | None] = [*countries] or [None]
    for code in each:
        found = changes(store, year, country=code, since=since)
        found.tiers = found.tiers if "tiers" in kinds else []
        found.flows = found.flows if "flows" in kinds else []
        found.statistics = [
            s for s in found.statistics if "statistics" in kinds and (not q.metrics or s.metric in q.metrics)
        ]
        for t in found.tiers:
            out.lines.append(
                f"{t.name}: {t.direction} from {TIER_NAMES.get(t.before.value, t.before.value)} ({t.before.year}) "
                f"to {TIER_NAMES.get(t.after.value, t.after.value)} ({t.after.year})."
            )
            out.values.append(f"{t.country}:tier:{t.before.value}>{t.after.value}")
            if kinds == {"tiers"} and len(countries) == 1:
                out.values.append(str(t.after.value))
            out.evidence.extend(t.before.evidence[:1] + t.after.evidence[:1])
        for s in found.statistics:
            pct = f", {s.percent:+.1f}%" if s.percent is not None else ""
            kind = f" ({EXPLOITATION_NAMES.get(s.exploitation, s.exploitation)})" if s.exploitation else ""
            out.lines.append(
                f"{s.name}: {METRIC_NAMES[s.metric]}{kind} {s.direction} from {s.before.value:,} ({s.before.year}) "
                f"to {s.after.value:,} ({s.after.year}{pct})."
            )
            out.values.append(f"{s.country}:{s.metric}:{s.direction}")
            out.evidence.extend(s.before.evidence[:1] + s.after.evidence[:1])
        new = [f for f in found.flows if f.change == "new"]
        gone = [f for f in found.flows if f.change == "vanished"]
        for label, flows in (("New flows", new), ("Flows no longer stated", gone)):
            if flows:
                out.lines.append(
                    f"{label} in {year}: "
                    + "; ".join(f"{_name(f.origin)} → {_name(f.destination)}" for f in flows[:MAX_LISTED])
                    + "."
                )
                out.values.extend(f"{f.origin}>{f.destination}:{f.change}" for f in flows)
                out.evidence.extend(
                    e for f in flows[:3] for e in (f.after if f.change == "new" else f.before).evidence[:1]
                )
        out.rows.extend(found.rows())
    where = f" for {_names(list(countries))}" if countries else ""
    return out.part(f"no change in {year}{where} against an earlier year is stated")


_HANDLERS: dict[str, Callable[[Store, Question, Sequence[str]], _Part]] = {
    "changes": _answer_changes,
    "flows": _answer_flows,
    "roles": _answer_roles,
    "tiers": _answer_tiers,
    "ratification": _answer_ratification,
    "compliance": _answer_compliance,
    "statistics": _answer_statistics,
    "funding": _answer_funding,
    "penalties": _answer_penalties,
    "profile": _answer_profile,
}


def _compare(store: Store, q: Question, intent: str) -> _Part:
    """The same question for each country, side by side; with one count per country for one year, which
    is higher."""
    handler = _HANDLERS["profile" if intent == "flows" else intent]
    out = _PerCountry(q.countries)
    numbers: dict[str, int] = {}
    placed: dict[str, str] = {}
    for code in q.countries:
        part = handler(store, q, [code])
        if not part.answered:
            out.missing.append(code)
            continue
        out.lines.append(part.text)
        out.values.extend(v if v.startswith(f"{code}:") else f"{code}:{v}" for v in part.values)
        out.rows.extend({"country": code, **r} if "country" not in r else r for r in part.rows)
        out.evidence.extend(part.evidence)
        if intent == "statistics" and len(part.values) == 1 and part.values[0].isdigit():
            numbers[code] = int(part.values[0])
        if (
            intent == "tiers"
            and len(part.values) == 1
            and part.values[0] in _TIER_RANK
            and q.year is not None
        ):
            placed[code] = part.values[0]
    if not out.lines:
        return _Part(False, "", detail=f"nothing to compare for {_names(q.countries)}")
    if out.missing:
        out.lines.append(f"Nothing is stated for {_names(out.missing)}{_years_text(q)}.")
    if len(numbers) >= 2:
        ranked = sorted(numbers.items(), key=lambda kv: -kv[1])
        if ranked[0][1] != ranked[1][1]:
            out.lines.append(
                f"{_name(ranked[0][0])} has the higher count ({ranked[0][1]:,} against {ranked[1][1]:,})."
            )
        else:
            out.lines.append(f"The counts are equal ({ranked[0][1]:,}).")
    if len(placed) >= 2:
        best = sorted(placed.items(), key=lambda kv: _TIER_RANK[kv[1]])
        if _TIER_RANK[best[0][1]] != _TIER_RANK[best[1][1]]:
            out.lines.append(
                f"In {q.year}, {_name(best[0][0])} ({TIER_NAMES[best[0][1]]}) was placed higher than "
                f"{_name(best[1][0])} ({TIER_NAMES[best[1][1]]})."
            )
        else:
            out.lines.append(f"In {q.year} they were on the same tier ({TIER_NAMES[best[0][1]]}).")
    return _Part(True, " ".join(out.lines), out.values, out.rows, out.evidence)


# -- answering ----------------------------------------------------------------------------------


def _bounds(store: Store) -> tuple[int, int] | None:
    return store.year_bounds()


def _search_words(q: Question | None, text: str) -> list[str]:
    """The question's words worth searching for, most telling first: places, then the domain's words,
    then the rest."""
    lex = lexicon()
    if q is None:
        return [w for w in re.findall(r"[^\W_]+", text) if w.lower() not in lex.stopwords][:8]
    places = [p.text for p in q.places]
    taken = {i for p in q.places for i in range(p.start, p.end)}
    words = [
        w
        for i, w in enumerate(q.words)
        if i not in taken and any(ch.isalnum() for ch in w) and w.lower() not in lex.stopwords
    ]
    domain = [w for w in words if w.lower() in lex.known]
    other = [w for w in words if w.lower() not in lex.known]
    return list(dict.fromkeys(places + domain + other))[:8]


def _search(store: Store, words: list[str], limit: int = 5) -> list[EvidenceRow]:
    """The sentences that best match the most of these words (dropping the least telling until some match)."""
    for n in range(len(words), 0, -1):
        try:
            hits = query.search(store, " ".join(f'"{w}"' for w in words[:n]), limit=limit)
        except query.QueryError:
            continue
        if hits:
            return [EvidenceRow(h.document, h.start, h.end, h.text) for h in hits]
    return []


def _refusal(
    store: Store,
    question: str,
    reason: str,
    detail: str | None,
    q: Question | None = None,
    search: bool = True,
) -> Answer:
    text = CANT if not detail else f"{CANT[:-1]}: {detail}."
    evidence = _search(store, _search_words(q, question)) if search else []
    if evidence:
        text += " The sentences that best match the question's words are below."
    return Answer(
        question=question,
        kind="refusal",
        answered=False,
        text=text,
        evidence=evidence,
        reason=reason,
        parsed=q.describe() if q else {},
    )


def _unique(evidence: Iterable[EvidenceRow]) -> list[EvidenceRow]:
    seen: set[tuple[str, int]] = set()
    out = []
    for e in evidence:
        if (e.document, e.start) not in seen:
            seen.add((e.document, e.start))
            out.append(e)
    return out[:MAX_EVIDENCE]


def ask(store: Store, question: str) -> Answer:
    """Answer a question in English from the knowledge base, with the sentences that support the answer.

    Never raises for what the question says: an empty, overlong, foreign or unreadable question, an
    unknown country, a year outside the data, or one the data does not answer gets ``answered=False``,
    the words "I can't answer that from the data", the reason, and the best matching sentences.
    """
    text = (question or "").strip()
    if not text:
        return _refusal(
            store, "", "empty", "the question is empty; ask, for example, 'Where are Uzbek women trafficked to?'",
            search=False,
        )  # fmt: skip
    if len(text) > MAX_CHARS:
        return _refusal(
            store, text, "too_long", f"the question is longer than {MAX_CHARS} characters; ask one thing at a time",
            search=False,
        )  # fmt: skip
    if not any(ch.isalpha() for ch in text):
        return _refusal(store, text, "not_understood", "the question has no words", search=False)
    if not is_english(text):
        return _refusal(store, text, "language", "I can only read questions in English")
    bounds = _bounds(store)
    q = read_question(text, bounds)
    if q.unknown:
        hint = f" (did you mean {', '.join(q.suggestions)}?)" if q.suggestions else ""
        names = ", ".join(repr(u) for u in q.unknown)
        return _refusal(store, text, "unknown_place", f"I know no country or region called {names}{hint}", q)
    if q.out_of_range:
        span = f"; its facts are for {bounds[0]}–{bounds[1]}" if bounds else "; it holds no dated facts"
        years = ", ".join(map(str, sorted(set(q.out_of_range))))
        return _refusal(
            store, text, "year_out_of_range", f"the knowledge base has nothing for {years}{span}", q
        )
    if any(w in lexicon().off_topic for w in q.low):
        return _refusal(
            store, text, "off_topic", "the knowledge base holds facts about human trafficking only", q
        )
    intent = asked_kind(q)
    if intent is None and compares(q):
        intent = "profile"  # "compare Thailand and Vietnam": what is known of each
    why = unanswerable(q, intent)
    if why:
        return _refusal(store, text, "not_understood", why, q)
    if intent is None:
        return _refusal(store, text, "not_understood", None, q)
    if compares(q):
        part = _compare(store, q, intent)
        kind = "comparison"
    else:
        part = _HANDLERS[intent](store, q, q.countries)
        kind = intent
        if intent == "changes" and not part.answered:
            # Nothing earlier to compare with: say what the year itself holds.
            fallback = asked_kind(q, changes=False)
            if fallback is not None:
                part, kind = _HANDLERS[fallback](store, q, q.countries), fallback
    if not part.answered:
        reason = "need_country" if part.detail and part.detail.startswith("name ") else "no_data"
        return _refusal(store, text, reason, part.detail, q)
    return Answer(
        question=text,
        kind=kind,
        answered=True,
        text=part.text,
        values=list(dict.fromkeys(part.values)),
        rows=part.rows,
        evidence=_unique(part.evidence),
        parsed=q.describe(),
    )
