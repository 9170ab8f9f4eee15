"""The query layer: every read of the knowledge base that the CLI, exports, the web and the analyses make.

Each function takes an open ``Store`` and returns typed rows (dataclasses with ``to_dict()``) in a
``Rows`` list, which turns into a pandas DataFrame with ``to_pandas()`` where pandas is installed.
Country arguments are codes (``KAZ``, ``region:Africa``); ``resolve_country`` turns what a user typed
into one. No SQL here: the store's named read methods (``tipkb.store.reads``) do the reading; one
module per subject (flows, facts, profiles, statistics, documents, conflicts).
"""

from __future__ import annotations

from tipkb.query.arguments import (
    CHOICES,
    YearRange,
    check_choices,
    normalise_tier,
    parse_years,
    place_name,
    resolve_country,
)
from tipkb.query.conflicts import conflicts
from tipkb.query.documents import (
    DocumentInfo,
    document,
    document_facts,
    document_ids,
    documents,
    search,
    sentences,
)
from tipkb.query.facts import facts, iter_facts, known_places, places
from tipkb.query.flows import flows, flows_from_facts, flows_from_rollup
from tipkb.query.profiles import profile, tiers
from tipkb.query.rows import (
    EVIDENCE_PER_ROW,
    ConflictRow,
    ConflictSide,
    EvidenceRow,
    FactRow,
    FlowRow,
    PlaceRow,
    Profile,
    QueryError,
    RoleRow,
    Rows,
    SearchRow,
    SeriesCell,
    StatementRow,
    StatRow,
    TierRow,
    UnknownPlace,
    as_dict,
)
from tipkb.query.statistics import series, stats

__all__ = [
    "CHOICES",
    "EVIDENCE_PER_ROW",
    "ConflictRow",
    "ConflictSide",
    "DocumentInfo",
    "EvidenceRow",
    "FactRow",
    "FlowRow",
    "PlaceRow",
    "Profile",
    "QueryError",
    "RoleRow",
    "Rows",
    "SearchRow",
    "SeriesCell",
    "StatRow",
    "StatementRow",
    "TierRow",
    "UnknownPlace",
    "YearRange",
    "as_dict",
    "check_choices",
    "conflicts",
    "document",
    "document_facts",
    "document_ids",
    "documents",
    "facts",
    "flows",
    "flows_from_facts",
    "flows_from_rollup",
    "iter_facts",
    "known_places",
    "normalise_tier",
    "parse_years",
    "place_name",
    "places",
    "series",
    "profile",
    "resolve_country",
    "search",
    "sentences",
    "stats",
    "tiers",
]
