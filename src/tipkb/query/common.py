"""What the queries share: a match's evidence sentences, and values in the contract's order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tipkb.query.rows import EVIDENCE_PER_ROW, EvidenceRow
from tipkb.store import Match, Store


def evidence(store: Store, match: Match, limit: int = EVIDENCE_PER_ROW) -> list[EvidenceRow]:
    """Distinct sentences among the first ``limit`` facts the match selects (a few rows, whatever the
    store size)."""
    out: list[EvidenceRow] = []
    for source, start, end, text in store.evidence(match, limit):
        if all(e.text != text for e in out):
            out.append(EvidenceRow(source, start, end, text))
            if len(out) == limit:
                break
    return out


def ordered(values: Iterable[str], order: Sequence[str]) -> list[str]:
    """The values in the given order, then those it does not list, sorted."""
    seen = set(values)
    return [v for v in order if v in seen] + sorted(seen - set(order))
