"""The flows' reads: flows filtered on their attributes from the flow groups, and counted straight from the
facts (what the rollups and groups must agree with)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipkb.store.dialect import Dialect
from tipkb.store.where import FlowTotal, Match, _attributes, _ends, _split


class FlowReads:
    """The store's reads of flows (mixed into ``Store`` through ``Reads``)."""

    dialect: Dialect

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query written with ``?`` placeholders in the SQL both dialects accept."""
        return self.dialect.execute(sql, params)

    def filtered_flows(self, match: Match) -> dict[tuple[str, str], FlowTotal]:
        """Flows filtered on their attributes, exactly, from ``flow_groups`` (a few rows per flow: see
        tipkb.store.rollup.FlowGroups) and the facts of the few documents listed in ``flow_overflow``."""
        where, over = _ends("g", match), _ends("x", match)
        attrs, facts = _attributes(match, alias="g"), _attributes(match)
        totals: dict[tuple[str, str], FlowTotal] = {}
        signatures: set[tuple[str, str, int]] = set()
        for o, d, signature, n, ns, nd, hedged, victims, exploitation, via, year in self._rows(
            "SELECT g.origin, g.destination, g.signature, g.facts, g.sentences, g.documents, g.hedged, g.victims, "
            f"g.exploitation, g.via, g.year FROM flow_groups g WHERE {where.sql} AND {attrs.sql}",
            [*where.params, *attrs.params],
        ):
            total = totals.get((o, d))
            if total is None:
                total = totals[(o, d)] = FlowTotal()
            total.facts += n
            total.sentences += ns
            if (o, d, signature) not in signatures:  # a document counts once, whichever of its cells are kept
                signatures.add((o, d, signature))
                total.documents += nd
            total.hedged = total.hedged and bool(hedged)
            total.victims.update(_split(victims))
            total.exploitation.update(_split(exploitation))
            total.via.update(_split(via))
            if year:
                total.years.add(int(year))
        # Documents that state a flow twice in one sentence, differently: from their facts. Documents are
        # disjoint, so their counts add to the others'.
        listed = {
            (o, d, doc)
            for o, d, doc in self._rows(
                f"SELECT x.origin, x.destination, x.document_id FROM flow_overflow x WHERE {over.sql}",
                over.params,
            )
        }
        docs = sorted({doc for _, _, doc in listed})
        more: dict[tuple[str, str], list[Any]] = {}
        for i in range(0, len(docs), 500):
            chunk = docs[i : i + 500]
            for o, d, doc, sentence, hedged, victims, exploitation, via, year in self._rows(
                "SELECT f.origin, f.destination, f.document_id, f.sentence_id, f.hedged, f.victims, f.exploitation, "
                f"f.via, f.year FROM facts f WHERE f.type = 'flow' AND f.document_id IN ({', '.join('?' * len(chunk))}) "
                f"AND {facts.sql}",
                [*chunk, *facts.params],
            ):
                if (o, d, doc) not in listed:
                    continue
                extra = more.setdefault((o, d), [FlowTotal(), set(), set()])
                total, sentences, documents = extra
                total.facts += 1
                if sentence is not None:
                    sentences.add(sentence)
                documents.add(doc)
                total.hedged = total.hedged and bool(hedged)
                total.victims.update(_split(victims))
                total.exploitation.update(_split(exploitation))
                total.via.update(_split(via))
                if year is not None:
                    total.years.add(int(year))
        for key, (extra_total, sentences, documents) in more.items():
            if key not in totals:
                totals[key] = FlowTotal()
            total = totals[key]
            total.facts += extra_total.facts
            total.sentences += len(sentences)
            total.documents += len(documents)
            total.hedged = total.hedged and extra_total.hedged
            total.victims |= extra_total.victims
            total.exploitation |= extra_total.exploitation
            total.via |= extra_total.via
            total.years |= extra_total.years
        return totals

    def flows_from_facts(self, match: Match) -> dict[tuple[str, str], FlowTotal]:
        """Flows counted straight from the facts (what the rollups and flow groups must agree with)."""
        where = _ends("f", match)
        attrs = _attributes(match)
        where.clauses = ["f.type = 'flow'", *where.clauses, *attrs.clauses]
        where.params += attrs.params
        # One pass over the facts (the covering flow indexes hold every column read here). With one year
        # asked for, that is every row's year: no need to collect them.
        agg = self.dialect.distinct_values
        years_sql = "NULL" if match.year is not None else agg("CAST(f.year AS TEXT)")
        found = {}
        for o, d, n, ns, nd, hedged, vic, exp, via, years in self._rows(
            "SELECT f.origin, f.destination, COUNT(*), COUNT(DISTINCT f.sentence_id), COUNT(DISTINCT f.document_id), "
            f"MIN(f.hedged), {agg('f.victims')}, {agg('f.exploitation')}, {agg('f.via')}, {years_sql} "
            f"FROM facts f WHERE {where.sql} GROUP BY f.origin, f.destination",
            where.params,
        ):
            stated = [match.year] if match.year is not None else [int(y) for y in _split(years)]
            found[(o, d)] = FlowTotal(
                n, ns, nd, bool(hedged), set(_split(vic)), set(_split(exp)), set(_split(via)), set(stated)
            )
        return found
