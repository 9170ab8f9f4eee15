"""The Count record: one number of a sentence and what the extractor decided about it.

Shared by every module of the package (finding counts, their metric, parts and timing), so it lives
apart from all of them and none imports another just for the type.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Count:
    start: int
    end: int  # after the noun (or the number)
    value: int
    metric: str | None
    exploitation: str | None
    year: int | None
    inherits: bool  # no noun of its own: takes the anchor's metric
    also: tuple[str, ...] = ()  # the metrics of coordinated verbs ("prosecuted and convicted two")
    noun: str = ""
    own_year: bool = False  # the year is stated with the count itself
    years: tuple[int, ...] = ()  # more years stated with it ("zero in 2019 and 2018")
    split: bool = False  # a part of the count it continues ("ten concerned forced labor")
    sub_group: bool = False  # its noun phrase names a sub-group ("male victims", "foreign victims")
    restated: bool = False  # "Of the 19 convicted ...": a count stated before, named again
    remaining: bool = False  # "the remaining three"
    previous: bool = False  # "120 victims, up from 95": the figure of the period before its anchor's
    anchor: Count | None = None  # the count it continues
    parent: Count | None = None  # the total it is a part of
    scope: str = "total"
    span: tuple[int | None, int | None] | None = None
    drop: bool = False
    lead: bool = (
        False  # "Of these," / "Of the cases prosecuted in 2020,": the group a sentence splits, no count
    )
    sub: list[Count] = field(default_factory=list)
