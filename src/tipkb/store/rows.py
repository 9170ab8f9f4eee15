"""A document as the rows the store writes, and a fact back from its row: ``DocumentRecord`` (a read
document with its sentences and facts), its stable ids (``hash64``, ``content_hash``, ``fact_id``,
``sentence_id``), ``document_rows`` (its own row, its sentences', their texts', its facts', and what
they add to the rollups: made where the document was extracted, so that the one writer only inserts
them), and ``fact_from_row``."""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tipkb.model import Fact, FlowFact, FundingFact, RoleFact, StatisticFact, TierFact, fact_from_dict
from tipkb.store.rollup import ROLLUP_COLUMNS, Tally, fact_detail

FACT_COLUMNS = (
    "id",
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
    "value",
    "victims",
    "exploitation",
    "hedged",
    "detail",
    "rule",
    "ev_start",
    "ev_end",
    "ev_text",
    "data",
)
# Where the rollups' columns are in a fact row.
_ROLLUP_INDEX = [FACT_COLUMNS.index(c) for c in ROLLUP_COLUMNS]


def hash64(text: str) -> int:
    """A stable signed 64-bit id for a string (the first 8 bytes of its BLAKE2b digest)."""
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big", signed=True
    )


def content_hash(text: str) -> str:
    """SHA-256 of a document's decoded text: what makes two documents the same document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class DocumentRecord:
    """A document as stored: its text, sentences (start, end, text) and facts, and what was known of it."""

    source: str
    text: str
    sentences: Sequence[tuple[int, int, str]]
    facts: Sequence[Fact]
    title: str | None = None
    subject: str | None = None
    report_year: int | None = None
    # The identity of the rules that made the facts (``tipkb.pipeline.current_ruleset()``).
    ruleset: str = ""
    hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    @property
    def id(self) -> int:
        return hash64(self.hash)

    def rows(self) -> DocumentRows:
        """The rows that store this document."""
        return document_rows(self)


def _delimited(values: Iterable[str] | str | None) -> str | None:
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list(values)
    return "," + ",".join(items) + "," if items else None


def fact_id(doc_hash: str, fact: Fact) -> int:
    """A fact's stored id: a hash of the document hash, the evidence span, the type and the fact's key."""
    ev = fact.evidence
    return hash64(f"{doc_hash}|{ev.start}|{ev.end}|{fact.type}|{fact.key()!r}")


def sentence_id(doc_hash: str, start: int, end: int) -> int:
    """A sentence's stored id: a hash of the document hash and its span."""
    return hash64(f"{doc_hash}|s|{start}|{end}")


@dataclass
class DocumentRows:
    """A document as the rows that store it: its own, its sentences', their texts', its facts'. Made where
    the document was extracted (a worker process), so that the one writer only inserts them."""

    source: str
    hash: str
    document: tuple[Any, ...]
    sentences: list[tuple[Any, ...]]
    texts: list[tuple[int, str]]
    facts: list[tuple[Any, ...]]
    # What the facts add to the rollups.
    tally: Tally


def document_rows(record: DocumentRecord) -> DocumentRows:
    """The rows that store a document: its own, its sentences', their texts', its facts' (duplicates dropped)."""
    doc_id = record.id
    sentences = sorted(record.sentences)
    texts = {t: hash64(t) for _, _, t in sentences}
    sentence_rows = [(sentence_id(record.hash, s, e), doc_id, s, e, texts[t]) for s, e, t in sentences]
    starts = [s for s, _, _ in sentences]
    fact_rows: dict[int, tuple[Any, ...]] = {}
    for fact in record.facts:
        fid = fact_id(record.hash, fact)
        if fid in fact_rows:
            continue
        ev = fact.evidence
        # The sentence that holds the evidence: the last one starting at or before it, if it ends after.
        k = bisect_right(starts, ev.start) - 1
        sid = sentence_rows[k][0] if k >= 0 and sentences[k][1] >= ev.end else None
        data = fact.to_dict()
        del data["doc"], data["evidence"]
        country = getattr(fact, "country", None)
        origin = destination = via = victims = exploitation = role = extent = tier = metric = None
        value: float | None = None
        if isinstance(fact, FlowFact):
            origin, destination = fact.origin, fact.destination
            via, victims, exploitation = (
                _delimited(fact.via),
                _delimited(fact.victims),
                _delimited(fact.exploitation),
            )
        elif isinstance(fact, RoleFact):
            role, extent = fact.role, fact.extent
        elif isinstance(fact, TierFact):
            tier = fact.tier
        elif isinstance(fact, StatisticFact):
            metric, value, exploitation = fact.metric, float(fact.value), _delimited(fact.exploitation)
        elif isinstance(fact, FundingFact):
            value = float(fact.amount)
        fact_rows[fid] = (
            fid,
            doc_id,
            sid,
            fact.type,
            country,
            origin,
            destination,
            via,
            fact.year,
            role,
            extent,
            tier,
            metric,
            value,
            victims,
            exploitation,
            int(bool(fact.hedged)),
            fact_detail(fact.type, data),
            fact.rule,
            ev.start,
            ev.end,
            ev.text,
            json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        )
    doc_row = (
        doc_id,
        record.hash,
        record.source,
        record.title,
        record.subject,
        record.report_year,
        record.ruleset,
        datetime.now(UTC).isoformat(timespec="seconds"),
        len(sentence_rows),
        len(fact_rows),
        record.text,
    )
    return DocumentRows(
        record.source,
        record.hash,
        doc_row,
        sentence_rows,
        [(i, t) for t, i in texts.items()],
        list(fact_rows.values()),
        Tally().add_rows([row[i] for i in _ROLLUP_INDEX] for row in fact_rows.values()),
    )


def fact_from_row(source: str, data: str, ev_start: int, ev_end: int, ev_text: str) -> Fact:
    """Rebuild a stored fact."""
    fields = json.loads(data)
    fields["doc"] = source
    fields["evidence"] = {"start": ev_start, "end": ev_end, "text": ev_text}
    return fact_from_dict(fields)
