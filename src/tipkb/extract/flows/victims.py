"""Victims, forms of exploitation and sectors named in a span of a sentence."""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.flows.words import (
    ALSO_LABOR,
    COERCION,
    COUNT_COPULA,
    FEMALE_DEMONYMS,
    GIVEN_TO,
    MEANS_CUES,
)
from tipkb.model import VICTIMS


def victims_in(view: View, start: int, end: int) -> tuple[str, ...]:
    """Victim groups named in a span; words inside a form of exploitation ("child soldiers") do not count."""
    inside = {n for i, j, _ in view.vocab.exploitation.find(view.low, start, end) for n in range(i, j)}
    low = view.low
    hits = [
        (i, value)
        for i, _, value in view.vocab.victims.find(low, start, end)
        if i not in inside and not given_to_others(view, i) and not sub_count(view, i)
    ]
    found = set()
    # "Filipina domestic workers": a demonym of women only.
    if any(p.kind == "demonym" and start <= p.i < end and low[p.i] in FEMALE_DEMONYMS for p in view.places):
        found.add("women")
    skip = -1
    for n, (i, value) in enumerate(hits):
        # "minor females": girls, not children; "adult and minor Venezuelan females": women and girls
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if low[i] == "minor" and nxt is not None and nxt[1] in ("women", "men") and nxt[0] - i <= 3:
            value = "girls" if nxt[1] == "women" else "boys"
            skip = -1 if "adult" in low[max(start, i - 2) : i] else n + 1
        if n != skip:
            found.add(value)
    return tuple(v for v in VICTIMS if v in found)


def exploitation_in(view: View, start: int, end: int) -> tuple[str, ...]:
    low = view.low
    out: list[str] = []
    for i, j, value in view.vocab.exploitation.find(low, start, end):
        if j < len(low) and low[j] in view.vocab.exploitation_blockers:
            continue
        if i > 0 and low[i - 1] in ("anti", "anti-", "counter"):
            continue
        if value == "sexual" and coercion(view, i, j, start):
            continue
        if value not in out:
            out.append(value)
        if " ".join(low[i:j]) in ALSO_LABOR and "labor" not in out:
            out.append("labor")
    return tuple(out)


def sectors_in(view: View, start: int, end: int) -> tuple[str, ...]:
    out: list[str] = []
    for _, _, value in view.vocab.sectors.find(view.low, start, end):
        if value not in out:
            out.append(value)
    return tuple(out)


def with_sector_labor(exploitation: tuple[str, ...], sectors: tuple[str, ...]) -> tuple[str, ...]:
    """Work in a sector (fishing, mining, brick kilns, street vending) is labor exploitation."""
    if "labor" in exploitation or not any(s != "domestic service" for s in sectors):
        return exploitation
    return (*exploitation, "labor")


def merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(x for x in second if x not in first)


def unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def given_to_others(view: View, i: int) -> bool:
    """Are the people at i those others are given to ('married off to wealthy men', 'sold to men')?"""
    low = view.low
    for n in range(i - 1, max(0, i - 3) - 1, -1):
        if low[n] == "to":
            return n > 0 and low[n - 1] in GIVEN_TO
    return False


def sub_count(view: View, i: int) -> bool:
    """Are the people at i a part of a count ("14 victims ...; two were children", "of whom three
    were girls"), not the victims of the flow?"""
    low = view.low
    return i >= 2 and low[i - 1] in COUNT_COPULA and view.number_at(i - 2) is not None


def coercion(view: View, i: int, j: int, start: int) -> bool:
    """Is the sexual abuse or violence at i:j named as a means of coercion ("subjected to forced
    labor through passport confiscation, threats and sexual abuse"), not as the exploitation?"""
    low = view.low
    if j >= len(low) or low[j] not in COERCION:
        return False
    for n in range(i - 1, max(start, i - 12) - 1, -1):
        w = low[n]
        if w in MEANS_CUES:
            return True
        if w in ("to", "into", "for", "in", ";", ":", "of"):
            return False
    return False
