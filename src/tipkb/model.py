"""The fact model: FACTS.md as typed classes, and the document a fact comes from."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

from tipkb.vocab import contract

# The contract's codes, in their order (data/contract.toml).
_CONTRACT = contract()
FACT_TYPES = _CONTRACT.fact_types
ROLES = _CONTRACT.roles
EXTENTS = _CONTRACT.extents
VICTIMS = _CONTRACT.victims
EXPLOITATION = _CONTRACT.exploitation
TIERS = _CONTRACT.tiers
METRICS = _CONTRACT.metrics

Role = Literal["origin", "transit", "destination"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the document's text: ``text == document[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True, kw_only=True)
class Fact:
    """Fields every fact carries; subclasses add their own (see FACTS.md)."""

    type: ClassVar[str] = ""
    doc: str
    year: int | None
    evidence: Evidence
    hedged: bool = False
    rule: str = ""
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fact as the JSON object of the contract (type first, evidence last)."""
        out: dict[str, Any] = {"type": self.type, "doc": self.doc, "year": self.year}
        for f in fields(self):
            if f.name in ("doc", "year", "evidence", "hedged", "rule", "section"):
                continue
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        out["hedged"] = self.hedged
        out["rule"] = self.rule
        if self.section:
            out["section"] = self.section
        out["evidence"] = self.evidence.to_dict()
        return out

    def key(self) -> tuple[Any, ...]:
        """What makes this fact the same fact as another (the scorer's key, plus the type)."""
        raise NotImplementedError


@dataclass(slots=True, kw_only=True)
class RoleFact(Fact):
    type: ClassVar[str] = "role"
    country: str
    role: str
    extent: str | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.role)


@dataclass(slots=True, kw_only=True)
class FlowFact(Fact):
    type: ClassVar[str] = "flow"
    origin: str
    destination: str
    via: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()
    exploitation: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.origin, self.destination)


@dataclass(slots=True, kw_only=True)
class RatificationFact(Fact):
    type: ClassVar[str] = "ratification"
    country: str
    instrument: str = "palermo_protocol"
    month: int | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.year, self.month)


@dataclass(slots=True, kw_only=True)
class TierFact(Fact):
    type: ClassVar[str] = "tier"
    country: str
    tier: str

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.year, self.tier)


@dataclass(slots=True, kw_only=True)
class ComplianceFact(Fact):
    type: ClassVar[str] = "compliance"
    country: str
    fully_meets: bool | None
    significant_efforts: bool | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.fully_meets, self.significant_efforts)


@dataclass(slots=True, kw_only=True)
class StatisticFact(Fact):
    type: ClassVar[str] = "statistic"
    country: str
    metric: str
    value: int
    exploitation: str | None = None
    # What the count covers (FACTS.md): "total" for its year, "part" of a total (``part_of``: the
    # total's value where stated), or "cumulative" over several years (no year; ``span``: [first, last]
    # where stated, either may be None).
    scope: str = "total"
    part_of: int | None = None
    span: tuple[int | None, int | None] | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.metric, self.value, self.exploitation, self.year, self.scope)


@dataclass(slots=True, kw_only=True)
class FundingFact(Fact):
    type: ClassVar[str] = "funding"
    country: str
    amount: float
    currency: str = "USD"
    purpose: str | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.amount, self.currency)


@dataclass(slots=True, kw_only=True)
class PenaltyFact(Fact):
    type: ClassVar[str] = "penalty"
    country: str
    articles: tuple[str, ...] = ()
    min_years: float | None = None
    max_years: float | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.type, self.country, self.articles, self.min_years, self.max_years)


FACT_CLASSES: dict[str, type[Fact]] = {
    cls.type: cls
    for cls in (
        RoleFact,
        FlowFact,
        RatificationFact,
        TierFact,
        ComplianceFact,
        StatisticFact,
        FundingFact,
        PenaltyFact,
    )
}


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """Rebuild a fact from its JSON object (the inverse of ``Fact.to_dict``)."""
    kind = data.get("type")
    cls = FACT_CLASSES.get(str(kind))
    if cls is None:
        raise ValueError(f"unknown fact type: {kind!r}")
    names = {f.name for f in fields(cls)}
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name not in names:
            continue
        if name == "evidence":
            value = Evidence(int(value["start"]), int(value["end"]), str(value["text"]))
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[name] = value
    return cls(**kwargs)


@dataclass(slots=True)
class Document:
    """A decoded document: the text facts point into, where it came from, and what the reader knew."""

    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
