"""The places', sentences' and documents' reads: the places table and the places facts name, full-text
search over the sentences, documents by hash and a page at a time, a document's sentences and its facts
in text order, and the store's generation (what the web's response cache is keyed on)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from tipkb.store.flow_reads import FlowReads


class DocumentReads(FlowReads):
    """The store's reads of places, sentences and documents (mixed into ``Store`` through ``Reads``)."""

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
