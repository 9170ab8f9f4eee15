"""Every read of the knowledge base, as named methods of the ``Store`` (mixed in): the query layer, the
web and the analyses call these and never write SQL.

Filters are given as what they mean (``Match``: a fact type, a country, flow ends, years, ...); the SQL,
the rollup tables and how their groups are keyed stay here. Rollup groups come back decoded
(``Group``), with an opaque ``key`` that names the group in later calls (its evidence).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tipkb.store.flow_reads import FlowReads
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


class Reads(FlowReads):
    """The store's named read methods (mixed into ``Store``; the flows' in ``FlowReads``)."""

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

    # -- places -------------------------------------------------------------------------------

    def place_rows(self) -> list[tuple[str, str, str, str | None, float | None, float | None]]:
        """(code, name, kind, region, lat, lon) of every known place."""
        return [
            (code, name, kind, region, lat, lon)
            for code, name, kind, region, lat, lon in self._rows(
                "SELECT code, name, kind, region, lat, lon FROM places"
            )
        ]

    def named_places(self) -> list[tuple[str, int]]:
        """(code, facts) of the places some fact names, by code."""
        return [
            (code, int(n))
            for code, n in self._rows("SELECT a, facts FROM rollup WHERE kind = 'place' ORDER BY a")
        ]

    def place_roles(self) -> list[tuple[str, str]]:
        """(code, role) for each role some fact gives a place."""
        return [
            (code, role) for code, role in self._rows("SELECT DISTINCT a, b FROM rollup WHERE kind = 'role'")
        ]

    # -- sentences and documents ----------------------------------------------------------------

    def search_sentences(self, text: str, limit: int, offset: int) -> list[tuple[Any, ...]] | None:
        """Sentences matching the words, best first: (score, highlighted, documents holding it, source,
        title, start, end, sentence) for each; None when the words leave nothing to search for."""
        query = self.dialect.search_query(text)
        if not query.strip():
            return None
        hits = self.dialect.search(query, max(int(limit), 0), max(int(offset), 0))
        if not hits:
            return []
        ids = [h[0] for h in hits]
        # For each text: how many documents hold it (kept by every write), and its first span in the first
        # of them, in one query over a few index entries per text.
        found: dict[Any, tuple[Any, ...]] = {}
        for tid, n, source, title, start, end, sentence in self._rows(
            "SELECT u.text_id, u.documents, d.source, d.title, s.start_char, s.end_char, t.text "
            "FROM text_documents u JOIN texts t ON t.id = u.text_id "
            "JOIN spans s ON s.text_id = u.text_id "
            "AND s.document_id = (SELECT MIN(m.document_id) FROM spans m WHERE m.text_id = u.text_id) "
            f"JOIN documents d ON d.id = s.document_id WHERE u.text_id IN ({', '.join('?' * len(ids))})",
            ids,
        ):
            if tid not in found or start < found[tid][3]:
                found[tid] = (n, source, title, start, end, sentence)
        out = []
        for tid, score, highlighted in hits:
            if tid in found:  # else a text no document uses any more
                out.append((score, highlighted, *found[tid]))
        return out

    def document_count(self) -> int:
        """How many documents are stored."""
        return int(self._rows("SELECT COUNT(*) FROM documents")[0][0])

    _DOC_COLUMNS = "source, hash, title, subject, report_year, n_sentences, n_facts"

    def document_by_hash_prefix(self, prefix: str) -> tuple[Any, ...] | None:
        """(source, hash, title, subject, report_year, sentences, facts) of the document whose content hash
        starts with these hex digits, if any: one lookup on the hash index (every such hash sorts between
        the digits and the digits followed by "g")."""
        rows = self._rows(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE hash >= ? AND hash < ? ORDER BY hash LIMIT 1",
            [prefix, prefix + "g"],
        )
        return rows[0] if rows else None

    def document_page(self, limit: int, offset: int) -> list[tuple[Any, ...]]:
        """A page of the stored documents by source, as ``document_by_hash_prefix`` gives each."""
        return self._rows(
            f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY source LIMIT {int(limit)} OFFSET {int(offset)}"
        )

    def document_hashes(self, sources: Iterable[str]) -> dict[str, str]:
        """The content hashes of the documents stored at these sources (read for these only)."""
        wanted = sorted(set(sources))
        out: dict[str, str] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            for source, digest in self._rows(
                f"SELECT source, hash FROM documents WHERE source IN ({', '.join('?' * len(chunk))})", chunk
            ):
                out[source] = digest
        return out

    def sentence_page(
        self, document_id: int, at: int | None, limit: int, offset: int
    ) -> list[tuple[int, int, int, str, list[int]]]:
        """(id, start, end, text, fact ids) of a document's sentences in text order, from the one holding
        offset ``at``: ``limit`` of them after the first ``offset``."""
        where, params = "document_id = ?", [document_id]
        if at is not None:
            where += " AND end_char > ?"
            params.append(at)
        rows = self._rows(
            f"SELECT id, start_char, end_char, text FROM sentences WHERE {where} "
            f"ORDER BY start_char LIMIT {int(limit)} OFFSET {int(offset)}",
            params,
        )
        facts_by_sentence: dict[int, list[int]] = defaultdict(list)
        if rows:
            ids = [r[0] for r in rows]
            for fid, sid in self._rows(
                "SELECT id, sentence_id FROM facts WHERE document_id = ? "
                f"AND sentence_id IN ({', '.join('?' * len(ids))}) ORDER BY id",
                [document_id, *ids],
            ):
                facts_by_sentence[sid].append(fid)
        return [(sid, s, e, t, facts_by_sentence.get(sid, [])) for sid, s, e, t in rows]

    def document_fact_page(self, document_id: int, limit: int, offset: int) -> list[tuple[Any, ...]]:
        """(id, data, start, end, evidence text) of a document's facts in text order: ``limit`` of them
        after the first ``offset``, from the index of a document's facts in that order."""
        return self._rows(
            "SELECT id, data, ev_start, ev_end, ev_text FROM facts WHERE document_id = ? "
            f"ORDER BY ev_start, id LIMIT {int(limit)} OFFSET {int(offset)}",
            [document_id],
        )

    def document_facts_before(self, document_id: int, offset: int) -> int:
        """How many of a document's facts have their evidence start before a text offset."""
        return int(
            self._rows(
                "SELECT COUNT(*) FROM facts WHERE document_id = ? AND ev_start < ?",
                [document_id, int(offset)],
            )[0][0]
        )

    def generation(self) -> str:
        """A token that changes when another connection commits (SQLite), or when documents are added,
        replaced or removed (PostgreSQL)."""
        if self.dialect.name == "sqlite":
            # Changes whenever another connection commits: free, where counting the documents reads them all.
            return str(self._rows("PRAGMA data_version")[0][0])
        return str(self._rows("SELECT COUNT(*), MAX(ingested_at) FROM documents")[0])
