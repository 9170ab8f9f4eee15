"""Questions about flows: from, to or through a place, who and for what, each answer phrased from the
flows ``flow_rows`` finds (one sentence per place asked about, a list, or the victims or purposes named)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tipkb.analysis.question import (
    Question,
    lexicon,
    ordered,
)
from tipkb.model import EXPLOITATION, VICTIMS
from tipkb.query import EvidenceRow, FlowRow

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import MAX_LISTED, _exploitation_text, _name, _names, _Part, _years_text
from tipkb.analysis.ask.flow_rows import _flow_rows, _sectors
from tipkb.analysis.ask.yesno import is_yes_no


def _who(q: Question, rows: Sequence[FlowRow] = ()) -> str:
    """ "Women and girls" as asked; "Victims" when none were asked or the statements name none."""
    if not q.victims or (rows and all(not r.victims for r in rows)):
        return "Victims"
    return " and ".join(q.victims).capitalize()


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


def _answer_flows(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    origins, destinations, vias = q.slot("origin"), q.slot("destination"), q.slot("via")
    loose = [c for c in q.slot(None) if c not in origins + destinations + vias]
    if q.has("internal") and len(q.countries) == 1 and not (q.has("asks_origin") and destinations):
        origins = destinations = q.countries
        loose = []
    if countries and not (origins or destinations or vias or loose):
        loose = list(countries)
    if is_yes_no(q) and loose and bool(origins) != bool(destinations):
        # "Is Qatar a destination for Nepali workers?": the other place is the flow's other end.
        origins, destinations, loose = origins or loose, destinations or loose, []
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

    if "where" in q.low and asks == "exploitation" and bool(origins) != bool(destinations) and not vias:
        # "Where are Nepali and Bangladeshi workers trafficked to, and for what?": both, per country.
        return _where_and_what(store, q, origins, destinations)

    if origins or (loose and asks == "destinations"):
        places = origins or loose
        if len(places) > 1 and asks == "destinations":
            return _where_and_what(store, q, places, [], what=False)
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


def _where_and_what(
    store: Store, q: Question, origins: Sequence[str], destinations: Sequence[str], what: bool = True
) -> _Part:
    """Where victims from each origin go (or where those in each destination come from) and, with
    ``what``, for what: one sentence per place asked about."""
    when = _years_text(q)
    lines: list[str] = []
    values: list[str] = []
    found: list[FlowRow] = []
    cited: list[list[EvidenceRow]] = []
    missing: list[str] = []
    for place in origins or destinations:
        rows = (
            _flow_rows(store, q, origin=place, exploitation=not what)
            if origins
            else _flow_rows(store, q, destination=place, exploitation=not what)
        )
        if not rows:
            missing.append(_name(place))
            continue
        if origins:
            ends = list(dict.fromkeys(r.destination for r in rows))
            line = f"{_who(q, rows)} from {_name(place)} are trafficked{when} {_destinations_text(ends, [place])}"
        else:
            ends = list(dict.fromkeys(r.origin for r in rows))
            line = f"{_who(q, rows)} trafficked to {_name(place)}{when} come from {_names(ends)}"
        values += ends
        if what:
            kinds = ordered({e for r in rows for e in r.exploitation}, EXPLOITATION)
            sectors = _sectors(store, rows)
            line += f", for {_exploitation_text(kinds)}" if kinds else "; the statements do not say what for"
            if sectors:
                line += f" (sectors named: {', '.join(sectors)})"
            values += kinds + sectors
        lines.append(line + f"{_hedge_note(rows, q)}.")
        found.extend(rows)
        cited.append(_flow_evidence(rows))
    if not found:
        return _Part(
            False, "", detail=f"no statement of flows {'from' if origins else 'to'} {_names(missing)}{when}"
        )
    if missing:
        lines.append(f"Nothing is stated for {_names(missing)}{when}.")
    part = _flow_part(" ".join(lines), list(dict.fromkeys(values)), found)
    # Each place's own sentences first, so every place asked about is backed in the first few.
    part.evidence = _interleave(cited)
    return part


def _interleave(groups: Sequence[Sequence[EvidenceRow]]) -> list[EvidenceRow]:
    out: list[EvidenceRow] = []
    for i in range(max((len(g) for g in groups), default=0)):
        out += [g[i] for g in groups if i < len(g)]
    return out


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
