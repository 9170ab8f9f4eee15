"""What one sentence leaves for the next within a document ("for the same purposes", "(nine in 2018)")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Memory:
    """Per-document state the extractors share, reset for each document."""

    victims: tuple[str, ...] = ()
    exploitation: tuple[str, ...] = ()
    metric: str | None = None
