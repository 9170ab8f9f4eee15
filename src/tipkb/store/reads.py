"""Every read of the knowledge base, as named methods of the ``Store`` (mixed in): the query layer, the
web and the analyses call these and never write SQL.

Filters are given as what they mean (``Match``: a fact type, a country, flow ends, years, ...); the SQL,
the rollup tables and how their groups are keyed stay here. Rollup groups come back decoded
(``Group``), with an opaque ``key`` that names the group in later calls (its evidence). Here are the
rollups' reads and the facts'; the flows' are in ``flow_reads``, the places', sentences' and documents'
in ``document_reads``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tipkb.store.document_reads import DocumentReads
from tipkb.store.rollup import STATEMENT_FIELDS, parse_stat_detail
from tipkb.store.where import FlowTotal, Match, YearRange, _attributes, _Where

__all__ = ["FlowTotal", "Group", "Match", "Reads", "StatementKinds"]

# The kinds of statement the rollups count (compliance, ratification, penalty, funding), in order.
StatementKinds = tuple(STATEMENT_FIELDS)
# Documents read at first for a page of facts, and at most in all, before the matching facts are sorted.
FIRST_DOCUMENTS = 1000
MOST_DOCUMENTS = 20000


@dataclass(slots=True)
class Group:
    """A rollup group: what a set of facts has in common (``a``: the country, or a flow's origin; ``b``:
    the tier, role, metric, or a flow's destination), and how much states it.

    ``fields``: a statement's fields (compliance, ratification, penalty, funding); ``exploitation`` and
    ``value``: a statistic's; ``values``: the lists counted in the group (victims, exploitation, via,
    year, extent), when asked for.
    """

    a: str
    b: str
    year: int | None
    key: str
    facts: int
    sentences: int
    documents: int
    hedged: int
    fields: dict[str, Any] = field(default_factory=dict)
    exploitation: str | None = None
    value: int | None = None
    values: dict[str, set[str]] = field(default_factory=dict)
    scope: str = "total"  # a statistic's: total, part or cumulative


def _facts_where(match: Match) -> _Where:
    """A Match as SQL over the facts (``f``)."""
    where = _Where()
    if match.type is not None:
        # The fact types are a closed set of plain words: written into the SQL, as the planner likes.
        if not match.type.isidentifier():
            raise ValueError(f"not a fact type: {match.type!r}")
        where.add(f"f.type = '{match.type}'")
    if match.type == "flow":
        for clause, value in (("f.origin = ?", match.origin), ("f.destination = ?", match.destination)):
            if value:
                where.add(clause, value)
        attrs = _attributes(match)
        where.clauses += attrs.clauses
        where.params += attrs.params
        return where
    if match.country:
        where.add("f.country = ?", match.country)
    for clause, value in (
        ("f.tier = ?", match.tier),
        ("f.role = ?", match.role),
        ("f.metric = ?", match.metric),
    ):
        if value:
            where.add(clause, value)
    if match.key is not None:
        where.add("f.detail = ?", match.key)
    if match.keys:
        where.add(f"f.detail IN ({', '.join('?' * len(match.keys))})", *match.keys)
    if match.no_year:
        where.add("f.year IS NULL")
    where.years(match.year, match.years)
    return where


class Reads(DocumentReads):
    """The store's named read methods (mixed into ``Store``; the flows' in ``FlowReads``, the places',
    sentences' and documents' in ``DocumentReads``)."""

    # -- rollups ------------------------------------------------------------------------------

    def groups(
        self,
        kind: str,
        a: str | None = None,
        b: str | None = None,
        either: str | None = None,
        year: int | None = None,
        years: YearRange | None = None,
        values: bool = False,
    ) -> list[Group]:
        """The rollup groups of a kind (flow, role, tier, statistic, a statement kind, place), decoded;
        with ``values``, each with the lists counted in it."""
        where = _Where()
        if a:
            where.add("r.a = ?", a)
        if b:
            where.add("r.b = ?", b)
        if either:
            where.add("(r.a = ? OR r.b = ?)", either, either)
        where.years(year, years, column="r.year")
        found = [
            self._group(kind, a_, b_, y or None, detail, n, ns, nd, nh)
            for a_, b_, y, detail, n, ns, nd, nh in self._rows(
                "SELECT r.a, r.b, r.year, r.detail, r.facts, r.sentences, r.documents, r.hedged FROM rollup r "
                f"WHERE r.kind = ? AND {where.sql}",
                [kind, *where.params],
            )
        ]
        if values:
            counted: dict[tuple[Any, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
            for a_, b_, y, detail, attribute, value in self._rows(
                "SELECT r.a, r.b, r.year, r.detail, r.attribute, r.value FROM rollup_values r "
                f"WHERE r.kind = ? AND {where.sql}",
                [kind, *where.params],
            ):
                counted[(a_, b_, y or None, detail)][attribute].add(value)
            for group in found:
                group.values.update(counted.get((group.a, group.b, group.year, group.key), {}))
        return found

    @staticmethod
    def _group(
        kind: str, a: str, b: str, year: int | None, detail: str, n: int, ns: int, nd: int, nh: int
    ) -> Group:
        fields: dict[str, Any] = {}
        exploitation, value, scope = None, None, "total"
        if kind in STATEMENT_FIELDS:
            stated = json.loads(detail)
            fields = {k: stated.get(k) for k in STATEMENT_FIELDS[kind]}
        elif kind == "statistic":
            exploitation, value, scope = parse_stat_detail(detail)
        return Group(a, b, year, detail, n, ns, nd, nh, fields, exploitation, value, scope=scope)

    def group_documents(self, match: Match) -> dict[str, set[int]]:
        """For the facts a match selects (``keys``: rollup groups), the documents that state each group
        (``Group.key`` -> document ids)."""
        where = _facts_where(match)
        out: dict[str, set[int]] = defaultdict(set)
        for detail, document in self._rows(
            f"SELECT DISTINCT f.detail, f.document_id FROM facts f WHERE {where.sql}", where.params
        ):
            out[detail].add(document)
        return dict(out)

    def flow_documents(self, year: int | None = None, years: YearRange | None = None) -> int:
        """How many documents state some flow (in the years asked for)."""
        sql = "SELECT COUNT(DISTINCT document_id) FROM facts WHERE type = 'flow'"
        params: list[Any] = []
        if year is not None:
            sql += " AND year = ?"
            params.append(year)
        if years is not None:
            sql += " AND year BETWEEN ? AND ?"
            params.extend(years)
        return int(self._rows(sql, params)[0][0])

    def subject_flows(self, until: int, subject: str | None = None) -> list[tuple[str, str, str, int]]:
        """(subject, origin, destination, year) of the flows that narratives state with their own subject
        country at one end, up to a year (of one subject)."""
        sql = (
            "SELECT DISTINCT d.subject, f.origin, f.destination, f.year FROM facts f "
            "JOIN documents d ON d.id = f.document_id WHERE f.type = 'flow' AND f.year IS NOT NULL "
            "AND f.year <= ? AND (f.origin = d.subject OR f.destination = d.subject)"
        )
        params: list[Any] = [until]
        if subject:
            sql += " AND d.subject = ?"
            params.append(subject)
        return [(s, o, d, int(y)) for s, o, d, y in self._rows(sql, params)]

    def flow_narratives(self, year: int, subject: str) -> list[str]:
        """The sources of the documents about a country that state flows for a year."""
        return [
            source
            for (source,) in self._rows(
                "SELECT DISTINCT d.source FROM facts f JOIN documents d ON d.id = f.document_id "
                "WHERE f.type = 'flow' AND f.year = ? AND d.subject = ? ORDER BY d.source",
                (year, subject),
            )
        ]

    def statistic_countries(self, year: int) -> list[str]:
        """The countries some statistic is stated for in a year."""
        return [
            c
            for (c,) in self._rows(
                "SELECT DISTINCT country FROM facts WHERE type = 'statistic' AND year = ? ORDER BY country",
                (year,),
            )
        ]

    def year_bounds(self) -> tuple[int, int] | None:
        """The first and last year some fact is stated for, or None."""
        row = self._rows("SELECT MIN(year), MAX(year) FROM facts WHERE year IS NOT NULL")
        if not row or row[0][0] is None:
            return None
        return int(row[0][0]), int(row[0][1])

    # -- facts and their evidence ---------------------------------------------------------------

    def evidence(self, match: Match, limit: int) -> list[tuple[str, int, int, str]]:
        """(source, start, end, sentence) of the first ``limit`` facts the match selects."""
        where = _facts_where(match)
        return self._rows(
            "SELECT d.source, f.ev_start, f.ev_end, f.ev_text FROM facts f JOIN documents d ON d.id = f.document_id "
            f"WHERE {where.sql} LIMIT {limit}",
            where.params,
        )

    def fact_rows(
        self,
        fact_type: str | None = None,
        country: str | None = None,
        year: int | None = None,
        years: YearRange | None = None,
        doc: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[tuple[int, str, str, int, int, str]]:
        """(id, source, data, start, end, sentence) of stored facts, in document and text order (``limit``
        of them after the first ``offset``). ``country`` matches a fact's country or either end of a flow;
        ``doc`` a document's source, file name, or file name without extension."""
        where = _Where()
        if fact_type:
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
            first = self._facts_of_first_documents(by_document, where, order, offset + max(int(limit), 0))
        if first is not None:
            rows = first[offset:]
        elif doc or not where.clauses:
            rows = self._rows(f"{by_document} AND {where.sql} {order} {page}", where.params)
        else:
            rows = self._rows(
                f"{select} FROM facts f CROSS JOIN documents d WHERE d.id = f.document_id AND {where.sql} "
                f"{order} {page}",
                where.params,
            )
        return rows

    def _facts_of_first_documents(
        self, by_document: str, where: _Where, order: str, wanted: int
    ) -> list[tuple[Any, ...]] | None:
        """The first ``wanted`` facts ``where`` selects, if the first documents (in source order) hold them;
        None when the facts that match are too few for that to be quick."""
        span = FIRST_DOCUMENTS
        while True:
            bound = self._rows("SELECT source FROM documents ORDER BY source LIMIT 1 OFFSET ?", (span,))
            window = " AND d.source < ?" if bound else ""
            rows = self._rows(
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

    def iter_fact_rows(
        self, fact_type: str | None = None, batch: int = 5000
    ) -> Iterator[tuple[int, str, str, int, int, str]]:
        """(id, source, data, start, end, sentence) of every stored fact (of one type), in id order, read a
        batch at a time."""
        last: int | None = None
        while True:
            where = _Where()
            if fact_type:
                where.add("f.type = ?", fact_type)
            if last is not None:
                where.add("f.id > ?", last)
            rows = self._rows(
                "SELECT f.id, d.source, f.data, f.ev_start, f.ev_end, f.ev_text FROM facts f "
                f"JOIN documents d ON d.id = f.document_id WHERE {where.sql} ORDER BY f.id LIMIT {int(batch)}",
                where.params,
            )
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1][0]
