"""What every intent of ``ask`` shares: the answer and its parts, names, years, and fact lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from tipkb import query
from tipkb.analysis.question import (
    Question,
)
from tipkb.analysis.regions import in_region
from tipkb.query import EvidenceRow
from tipkb.vocab import contract

if TYPE_CHECKING:
    from tipkb.store import Store


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
    not_understood, off_topic, need_country, no_data); ``parsed`` is how the question was read;
    ``verdict``, for a yes/no question: "yes", "no" or "not_said" (the texts do not say)."""

    question: str
    kind: str
    answered: bool
    text: str
    values: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    reason: str | None = None
    parsed: dict[str, Any] = field(default_factory=dict)
    verdict: str | None = None

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
            "verdict": self.verdict,
        }


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
