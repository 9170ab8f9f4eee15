"""tipkb: facts about human trafficking, extracted from narratives, each cited to its sentence."""

from tipkb.extract import extract, extract_document
from tipkb.model import (
    ComplianceFact,
    Document,
    Evidence,
    Fact,
    FlowFact,
    FundingFact,
    PenaltyFact,
    RatificationFact,
    RoleFact,
    StatisticFact,
    TierFact,
    fact_from_dict,
)
from tipkb.store import open_store

__version__ = "0.1.0"

__all__ = [
    "ComplianceFact",
    "Document",
    "Evidence",
    "Fact",
    "FlowFact",
    "FundingFact",
    "PenaltyFact",
    "RatificationFact",
    "RoleFact",
    "StatisticFact",
    "TierFact",
    "extract",
    "extract_document",
    "fact_from_dict",
    "open_store",
]
