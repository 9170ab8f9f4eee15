"""Rollups: how many facts, sentences and documents state each group of facts, kept up to date as documents
are written and removed, so that a profile or a flow table reads a few rows instead of every fact.

A group is (kind, a, b, year, detail):

| kind | a | b | year | detail |
| --- | --- | --- | --- | --- |
| flow | origin | destination | 0 | "" |
| role | country | role | year | "" |
| tier | country | tier | year | "" |
| statistic | country | metric | year | "exploitation|value" (the fact's ``detail`` column) |
| compliance, ratification, penalty, funding | country | "" | 0 | the fields that make the statement, as JSON (``detail``) |
| place | a place any fact names | "" | 0 | "" |

(year 0: none, or not part of the group). Documents are disjoint, so a document's counts simply add to
the group's, and subtract when it is removed. Values of lists (flow victims, exploitation, via, years;
role extents; statement years) are counted in ``rollup_values``, so a group's union of them is exact too.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from tipkb.store.dialect import Dialect

GroupKey = tuple[str, str, str, int, str]
# The fields that make two statements of one kind the same statement (their years aside).
STATEMENT_FIELDS = {
    "compliance": ("fully_meets", "significant_efforts"),
    "ratification": ("instrument", "year", "month"),
    "penalty": ("articles", "min_years", "max_years"),
    "funding": ("amount", "currency", "purpose"),
}
# Columns of a fact row that the rollups read, in this order.
ROLLUP_COLUMNS = (
    "document_id",
    "sentence_id",
    "type",
    "country",
    "origin",
    "destination",
    "via",
    "year",
    "role",
    "extent",
    "tier",
    "metric",
    "victims",
    "exploitation",
    "hedged",
    "detail",
)


def _items(delimited: str | None) -> list[str]:
    return [v for v in (delimited or "").split(",") if v]


def fact_detail(kind: str, fields: dict[str, Any]) -> str:
    """The part of a fact's rollup group that no column holds (see the table above); "" for the rest.

    ``fields``: the fact as ``Fact.to_dict()`` gives it.
    """
    if kind in STATEMENT_FIELDS:
        return json.dumps({k: fields.get(k) for k in STATEMENT_FIELDS[kind]}, sort_keys=True)
    if kind == "statistic":
        return stat_detail(fields.get("exploitation"), int(fields["value"]), fields.get("scope"))
    return ""


def stat_detail(exploitation: str | None, value: int, scope: str | None = None) -> str:
    """A statistic's detail: "exploitation|value", and "|scope" for a part or a cumulative figure (so
    a part and its total, or a multi-year figure, are never one group)."""
    base = f"{exploitation or ''}|{value}"
    return base if not scope or scope == "total" else f"{base}|{scope}"


def parse_stat_detail(detail: str) -> tuple[str | None, int, str]:
    """The inverse of ``stat_detail``: (exploitation, value, scope)."""
    parts = detail.split("|")
    scope = parts[2] if len(parts) > 2 else "total"
    return parts[0] or None, int(parts[1]), scope


# A flow statement's attributes, as filters see them: (year or 0, hedged, victims, exploitation, via), the
# lists as stored (",a,b,", "" for none).
Cell = tuple[int, int, str, str, str]


class FlowGroups:
    """Flow statements counted so that any filter on their attributes reads a few rows, exactly.

    A document's statements of one flow (origin, destination) fall into *cells*: their year, hedging,
    victims, exploitation and via. The sorted list of a document's cells for a flow is its *signature*.
    A filter keeps some cells; a document of that signature then counts once if any of its cells is kept,
    with the statements and sentences of the kept cells. So ``flow_groups`` has a row per flow, signature
    and cell, counting over all the documents of that signature: their statements and sentences in that
    cell, and the documents (the same on every row of the signature). Documents are disjoint, so the
    counts add (and subtract when a document goes); a query sums the kept cells' statements and
    sentences, and each signature's documents once if it keeps any of its cells.

    That needs a document's cells of a flow to share no sentence (two statements of one flow in one
    sentence, with different attributes); documents where they do are listed in ``flow_overflow`` and
    read from the facts.
    """

    def __init__(self) -> None:
        # (origin, destination, signature, cell number) -> [*cell, statements, sentences, documents]
        self.cells: dict[tuple[str, str, int, int], list[Any]] = {}
        # (origin, destination, document) -> 1
        self.overflow: dict[tuple[str, str, Any], int] = {}

    def add_document(self, doc: Any, flows: dict[tuple[str, str], dict[Cell, list[Any]]]) -> None:
        """Count one document's flow statements: (origin, destination) -> cell -> [statements, sentences]."""
        for (origin, destination), cells in flows.items():
            sentences = [s for _, s in cells.values()]
            if len(cells) > 1 and sum(len(s) for s in sentences) != len(set().union(*sentences)):
                key = (origin, destination, doc)
                self.overflow[key] = self.overflow.get(key, 0) + 1
                continue
            ordered = sorted(cells)
            signature = _hash64(json.dumps(ordered, separators=(",", ":")))
            for i, cell in enumerate(ordered):
                n, members = cells[cell]
                counts = self.cells.setdefault((origin, destination, signature, i), [*cell, 0, 0, 0])
                counts[5] += n
                counts[6] += len(members)
                counts[7] += 1

    def merge(self, other: FlowGroups) -> None:
        for cell_key, theirs in other.cells.items():
            counts = self.cells.setdefault(cell_key, [*theirs[:5], 0, 0, 0])
            for i in (5, 6, 7):
                counts[i] += theirs[i]
        for doc_key, n in other.overflow.items():
            self.overflow[doc_key] = self.overflow.get(doc_key, 0) + n

    def apply(self, dialect: Dialect, sign: int) -> None:
        """Add (sign 1) or take away (sign -1) these counts, in the caller's transaction."""
        rows = [
            (*key, *c[:5], sign * c[5], sign * c[6], sign * c[7]) for key, c in sorted(self.cells.items())
        ]
        dialect.executemany(
            "INSERT INTO flow_groups (origin, destination, signature, cell, year, hedged, victims, exploitation, "
            "via, facts, sentences, documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (origin, destination, signature, cell) DO UPDATE SET "
            "facts = flow_groups.facts + excluded.facts, sentences = flow_groups.sentences + excluded.sentences, "
            "documents = flow_groups.documents + excluded.documents",
            rows,
        )
        overflow = [(*key, sign * n) for key, n in sorted(self.overflow.items())]
        dialect.executemany(
            "INSERT INTO flow_overflow (origin, destination, document_id, n) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (origin, destination, document_id) DO UPDATE SET n = flow_overflow.n + excluded.n",
            overflow,
        )
        if sign < 0:
            dialect.executemany(
                "DELETE FROM flow_groups WHERE origin = ? AND destination = ? AND signature = ? AND cell = ? "
                "AND documents <= 0",
                [row[:4] for row in rows],
            )
            dialect.executemany(
                "DELETE FROM flow_overflow WHERE origin = ? AND destination = ? AND document_id = ? AND n <= 0",
                [row[:3] for row in overflow],
            )


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def rebuild_flow_groups(dialect: Dialect) -> None:
    """Count ``flow_groups`` and ``flow_overflow`` again from the facts (in the caller's transaction)."""
    dialect.execute("DELETE FROM flow_groups")
    dialect.execute("DELETE FROM flow_overflow")
    tally = Tally()
    tally.add_rows(dialect.execute(f"SELECT {', '.join(ROLLUP_COLUMNS)} FROM facts WHERE type = 'flow'"))
    tally.flows.apply(dialect, 1)


class Tally:
    """Contributions of some documents to the rollups, summed: add them, or take them away.

    Documents are disjoint, so each document is counted on its own and the counts add: a tally made
    where a document was extracted (``DocumentRows.tally``) merges into the writer's.
    """

    def __init__(self) -> None:
        # group -> [facts, sentences, documents, hedged facts]; (group, attribute, value) -> facts
        self.groups: dict[GroupKey, list[int]] = {}
        self.values: dict[tuple[GroupKey, str, str], int] = {}
        self.flows = FlowGroups()

    def add_rows(self, rows: Iterable[Sequence[Any]]) -> Tally:
        """Count fact rows whose columns are ``ROLLUP_COLUMNS`` (of any documents); returns self."""
        by_document: dict[Any, list[Sequence[Any]]] = defaultdict(list)
        for row in rows:
            by_document[row[0]].append(row)
        for doc, doc_rows in by_document.items():
            self._add_document(doc, doc_rows)
        return self

    def _add_document(self, doc: Any, rows: list[Sequence[Any]]) -> None:
        # group -> [facts, hedged facts, sentences]
        groups: dict[GroupKey, list[Any]] = {}
        flows: dict[tuple[str, str], dict[Cell, list[Any]]] = defaultdict(dict)
        for row in rows:
            (
                _doc,
                sent,
                kind,
                country,
                origin,
                dest,
                via,
                year,
                role,
                extent,
                tier,
                metric,
                victims,
                exp,
                hedged,
                detail,
            ) = row
            values: list[tuple[str, str]] = []
            if kind == "flow":
                cell: Cell = (int(year or 0), int(bool(hedged)), victims or "", exp or "", via or "")
                found = flows[(origin or "", dest or "")].setdefault(cell, [0, set()])
                found[0] += 1
                if sent is not None:
                    found[1].add(sent)
                group: GroupKey = ("flow", origin, dest, 0, "")
                values = [("victims", v) for v in _items(victims)]
                values += [("exploitation", v) for v in _items(exp)]
                values += [("via", v) for v in _items(via)]
                if year is not None:
                    values.append(("year", str(year)))
                places = {origin, dest}
            else:
                places = {country} if country else set()
                if kind == "role":
                    group = ("role", country, role, year or 0, "")
                    if extent:
                        values = [("extent", extent)]
                elif kind == "tier":
                    group = ("tier", country, tier, year or 0, "")
                elif kind == "statistic":
                    group = ("statistic", country, metric, year or 0, detail)
                elif kind in STATEMENT_FIELDS:
                    group = (kind, country, "", 0, detail)
                    if year is not None:
                        values = [("year", str(year))]
                else:
                    continue
            # A key part the extractor left empty groups under "" (the rollup's columns are NOT NULL).
            group = (group[0], group[1] or "", group[2] or "", group[3], group[4])
            for g in (group, *(("place", p, "", 0, "") for p in places if p)):
                counts = groups.setdefault(g, [0, 0, set()])
                counts[0] += 1
                counts[1] += int(bool(hedged))
                if sent is not None:
                    counts[2].add(sent)
            for attribute, v in values:
                key = (group, attribute, v)
                self.values[key] = self.values.get(key, 0) + 1
        for g, (n, hedged_n, sentences) in groups.items():
            total = self.groups.setdefault(g, [0, 0, 0, 0])
            total[0] += n
            total[1] += len(sentences)
            total[2] += 1
            total[3] += hedged_n
        self.flows.add_document(doc, flows)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (of other documents) to these."""
        for g, theirs in other.groups.items():
            total = self.groups.setdefault(g, [0, 0, 0, 0])
            for i in range(4):
                total[i] += theirs[i]
        for key, n in other.values.items():
            self.values[key] = self.values.get(key, 0) + n
        self.flows.merge(other.flows)

    def apply(self, dialect: Dialect, sign: int) -> None:
        """Add (sign 1) or take away (sign -1) these counts, in the caller's transaction.

        Rows are touched in key order, so that concurrent writers (PostgreSQL) cannot deadlock.
        """
        self.flows.apply(dialect, sign)
        groups = [(*g, *(sign * c for c in counts)) for g, counts in sorted(self.groups.items())]
        dialect.executemany(
            "INSERT INTO rollup (kind, a, b, year, detail, facts, sentences, documents, hedged) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, a, b, year, detail) DO UPDATE SET "
            "facts = rollup.facts + excluded.facts, sentences = rollup.sentences + excluded.sentences, "
            "documents = rollup.documents + excluded.documents, hedged = rollup.hedged + excluded.hedged",
            groups,
        )
        values = [(*key[0], *key[1:], sign * n) for key, n in sorted(self.values.items())]
        dialect.executemany(
            "INSERT INTO rollup_values (kind, a, b, year, detail, attribute, value, facts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, a, b, year, detail, attribute, value) "
            "DO UPDATE SET facts = rollup_values.facts + excluded.facts",
            values,
        )
        if sign < 0:
            dialect.executemany(
                "DELETE FROM rollup WHERE kind = ? AND a = ? AND b = ? AND year = ? AND detail = ? AND facts <= 0",
                [g[:5] for g in groups],
            )
            dialect.executemany(
                "DELETE FROM rollup_values WHERE kind = ? AND a = ? AND b = ? AND year = ? AND detail = ? "
                "AND attribute = ? AND value = ? AND facts <= 0",
                [v[:7] for v in values],
            )
