"""What one sentence leaves for the next within a document ("for the same purposes", "(nine in 2018)")."""

from __future__ import annotations

from dataclasses import dataclass, field

from tipkb.extract.flows.memory import FlowMemory


@dataclass(slots=True)
class Memory:
    """Per-document state the extractors share, reset for each document."""

    metric: str | None = None
    # Ratifications: the protocol named last is the Palermo Protocol, so a bare "the Protocol" means it.
    palermo_last: bool = False
    # What the flow rules keep (tipkb.extract.flows.memory).
    flows: FlowMemory = field(default_factory=FlowMemory)
    # Statistics: each (metric, value) stated as a total so far, with its year ("Of the 19 convicted"
    # names one again); the year the paragraph's last counts stated, and that paragraph.
    stat_seen: dict[tuple[str, int], int | None] = field(default_factory=dict)
    stat_year: int | None = None
    stat_paragraph: int = -1
    # The totals the section stated so far, (metric, year) to value: the total of a later sub-count
    # with none beside it ("Of these, 26 were ...", "Ten of the identified victims were minors").
    stat_totals: dict[tuple[str, int | None], int] = field(default_factory=dict)
    stat_section: str | None = None
    # The metric of a list the sentence before announced ("... was as follows:"), for its labelled
    # lines ("2015: 59;").
    stat_listing: str | None = None
    stat_listing_year: int | None = None
    stat_listing_fresh: bool = False  # the list's title was the sentence before: no line of it yet
    # The years, in order, of the last sentence that stated counts for two or more years, and that
    # sentence's number: "The number of persons prosecuted in the same years was 8, 11 and 6 respectively."
    stat_years: tuple[int, ...] = ()
    stat_years_at: int = -1
    # Sentences read so far, and the countries last named together as a subject ("Papua New Guinea and
    # Fiji are both source ... countries"), for "the Pacific nations are ranked Tier 2": (codes, at).
    sentence_no: int = 0
    group: tuple[str, ...] = ()
    group_at: int = -1
    # Funding: the last sentence that stated money given, for "This compares with 1.2 million soms in 2013".
    funding_at: int = -1
