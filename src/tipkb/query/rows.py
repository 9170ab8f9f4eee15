"""The query layer's result rows: typed dataclasses with ``to_dict()``, in ``Rows`` lists, and its errors."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from tipkb.model import Fact

T = TypeVar("T")
# Evidence sentences kept per row: enough to check a line, not a dump of every copy.
EVIDENCE_PER_ROW = 5


class QueryError(ValueError):
    """A query asked for something that cannot be (unknown metric, backwards years, empty search)."""


class UnknownPlace(QueryError):
    """A country argument that names no known place; ``suggestions`` are the closest names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown country {name!r}{hint}")
        self.name = name
        self.suggestions = suggestions


class Rows(list[T], Generic[T]):
    """A list of result rows."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [row.to_dict() for row in self]  # type: ignore[attr-defined]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (one column per field)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas needs pandas: pip install 'tipkb[export]'") from None
        return pd.DataFrame(self.to_dicts())


def as_dict(obj: Any) -> dict[str, Any]:
    """A dataclass row as a JSON-able dict (nested rows too)."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list):
            value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
        elif hasattr(value, "to_dict"):
            value = value.to_dict()
        out[f.name] = value
    return out


@dataclass(frozen=True)
class EvidenceRow:
    """A sentence that states a fact, and the document it is in."""

    document: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class Supported:
    """How much supports a row: facts, distinct sentences, distinct documents; and, on request, which."""

    facts: int = 0
    sentences: int = 0
    documents: int = 0
    evidence: list[EvidenceRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # The row's own fields first, then its support.
        out = as_dict(self)
        for name in ("facts", "sentences", "documents", "evidence"):
            out[name] = out.pop(name)
        return out


@dataclass(kw_only=True)
class FlowRow(Supported):
    """People trafficked from one place to another, all statements of it together."""

    origin: str
    origin_name: str
    destination: str
    destination_name: str
    victims: list[str] = field(default_factory=list)
    exploitation: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    hedged: bool = False  # every statement of it is hedged


@dataclass(kw_only=True)
class RoleRow(Supported):
    country: str
    role: str
    year: int | None
    extents: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class TierRow(Supported):
    country: str
    name: str
    year: int | None
    tier: str


@dataclass(kw_only=True)
class StatRow(Supported):
    country: str
    metric: str
    year: int | None
    exploitation: str | None
    value: int
    scope: str = "total"  # "total", "part" (of a total) or "cumulative" (over several years)


@dataclass(kw_only=True)
class SeriesCell(Supported):
    """One country's total for one metric and year: the value most documents state (the other totals
    stated in ``also``), with its sentences."""

    country: str
    name: str
    metric: str
    year: int
    value: int
    also: list[int] = field(default_factory=list)


@dataclass(kw_only=True)
class StatementRow(Supported):
    """A compliance verdict, ratification, penalty or funding, with the years it is stated for."""

    type: str
    country: str
    fields: dict[str, Any]
    years: list[int] = field(default_factory=list)


@dataclass
class FactRow:
    """One stored fact with its id."""

    id: int
    fact: Fact

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.fact.to_dict()}

    @property
    def summary(self) -> str:
        """The fact in a few words: "UZB → KAZ", "KAZ tier 2", "KAZ convictions 21"."""
        d = self.fact.to_dict()
        if self.fact.type == "flow":
            return f"{d['origin']} → {d['destination']}"
        skip = {"type", "doc", "year", "country", "hedged", "rule", "section", "evidence"}
        rest = " ".join(
            f"{k}={_text(v)}" if not isinstance(v, str) else v
            for k, v in d.items()
            if k not in skip and v not in (None, [], ())
        )
        return f"{d.get('country', '')} {rest}".strip()


@dataclass(kw_only=True)
class PlaceRow:
    """A country or region, with where it is and what the facts say it is."""

    code: str
    name: str
    kind: str
    region: str | None
    lat: float | None
    lon: float | None
    roles: list[str]
    facts: int

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class SearchRow:
    """A sentence that matches a search, with the matched words between ``**``."""

    document: str
    title: str | None
    start: int
    end: int
    text: str
    highlighted: str
    score: float
    documents: int = 1  # how many documents hold this same sentence

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class ConflictSide:
    """One value of a disputed fact, and what states it."""

    value: Any
    documents: int
    evidence: list[EvidenceRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class ConflictRow:
    """Two or more values stated for what should be one: a tier for a country-year, a ratification date,
    a statistic for a country-metric-year-exploitation."""

    kind: str
    country: str
    year: int | None
    metric: str | None
    exploitation: str | None
    sides: list[ConflictSide]

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(kw_only=True)
class Profile:
    """Everything the store knows about one country."""

    country: str
    name: str
    region: str | None
    documents: int
    roles: Rows[RoleRow]
    tiers: Rows[TierRow]
    compliance: Rows[StatementRow]
    ratifications: Rows[StatementRow]
    penalties: Rows[StatementRow]
    funding: Rows[StatementRow]
    outbound: Rows[FlowRow]
    inbound: Rows[FlowRow]
    statistics: Rows[StatRow]

    SECTIONS = (
        "roles",
        "tiers",
        "compliance",
        "ratifications",
        "penalties",
        "funding",
        "outbound",
        "inbound",
        "statistics",
    )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "country": self.country,
            "name": self.name,
            "region": self.region,
            "documents": self.documents,
        }
        for section in self.SECTIONS:
            out[section] = getattr(self, section).to_dicts()
        return out


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)
