"""What one sentence leaves for the next within a document ("for the same purposes", "(nine in 2018)")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Memory:
    """Per-document state the extractors share, reset for each document."""

    victims: tuple[str, ...] = ()
    exploitation: tuple[str, ...] = ()
    metric: str | None = None
    # Statistics: each (metric, value) stated as a total so far, with its year ("Of the 19 convicted"
    # names one again); the year the paragraph's last counts stated, and that paragraph.
    stat_seen: dict[tuple[str, int], int | None] = field(default_factory=dict)
    stat_year: int | None = None
    stat_paragraph: int = -1
    # Places named by a clause that said nothing of exploitation ("Women from A and B migrate to C"),
    # for a next clause about "some" or "they" ("; some are subjected to forced labor"): (parts, at).
    pending: Any = None
    pending_at: int = -1
    previous_sentence: int = -1
    # The last sentence that spoke of victims or gave flows, for a list that goes on from it ("Primary
    # destination countries include ...").
    trafficking_at: int = -1
    # The origins a sentence named for its flows, their destinations and victims, for a next sentence
    # about "some of these women" ("Women from A and B are trafficked to C. Some of these women are
    # trafficked onward to D."): set at the sentence's start offset.
    named_at: int = -1
    named_origins: tuple[str, ...] = ()
    named_dests: tuple[str, ...] = ()
    named_victims: tuple[str, ...] = ()
    # What the last role frame said of each role ("X is a source country for women trafficked for
    # sexual exploitation": origin -> (victims, exploitation)), for flows of the frame's country with no
    # purpose of their own in that sentence or the next: (frame country, roles, at).
    frame: str | None = None
    frame_said: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None
    frame_at: int = -1
    # Sentences read so far, and the countries last named together as a subject ("Papua New Guinea and
    # Fiji are both source ... countries"), for "the Pacific nations are ranked Tier 2": (codes, at).
    sentence_no: int = 0
    group: tuple[str, ...] = ()
    group_at: int = -1
