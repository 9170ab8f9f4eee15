"""Small helpers for the extractor tests: extract one text and pick facts of a type."""

from __future__ import annotations

from typing import Any

from tipkb import extract


def facts_of(text: str, kind: str, source: str = "notes.txt") -> list[dict[str, Any]]:
    out = []
    for fact in extract(text, source=source):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        if fact.type == kind:
            out.append(fact.to_dict())
    return out


def pairs(text: str, source: str = "notes.txt") -> set[tuple[str, str]]:
    return {(f["origin"], f["destination"]) for f in facts_of(text, "flow", source)}
