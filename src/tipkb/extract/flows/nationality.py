"""People named by their place: a demonym that names victims ("Kazakhstani men", "Ukrainians"), a
region's adjective before people ("West African boys", "South and Southeast Asian men"), and a demonym
negated by "non-" ("non-Thai victims")."""

from __future__ import annotations

from tipkb.extract.common import Place, View
from tipkb.extract.flows.victims import given_to_others
from tipkb.extract.flows.words import (
    FINDERS,
    FINDING,
    NAMING,
    NOT_VICTIMS,
)


def demonym_names_victims(view: View, p: Place) -> bool:
    """'Kazakhstani men', 'Beninese and Ghanaian children', 'Ukrainians': a demonym naming victims."""
    low = view.low
    if non_demonym(view, p):
        return False  # "non-Thai victims": not Thai
    text = low[p.i]
    if text.endswith(("ns", "is", "os", "as")) and p.j - p.i == 1:
        nxt = low[p.j] if p.j < len(low) else ""
        if nxt not in NOT_VICTIMS and nxt not in ("'", "’", "'s", "’s"):
            return True
    demonyms = {q.i: q.j for q in view.places if q.kind == "demonym"}
    k, words = p.j, 0
    while k < len(low) and words < 5:
        if k in demonyms:  # "Burmese, Cambodian, and Lao men"
            k = demonyms[k]
            continue
        w = low[k]
        if w == "(" and (close := _count_aside_end(low, k)) is not None:
            k = close  # "Serbian (22), Bosnian (12) and Albanian (8) nationals": each one's count
            continue
        if w in view.vocab.people:
            return not given_to_others(view, k)  # "sold as brides to Chinese men": the buyers
        if w in NOT_VICTIMS or w in (".", ";", ":") or (w == "," and words):
            return False  # "on Thai fishing boats, while women ...": the boats are Thai, not the women
        words += w not in (",", "and", "or")
        k += 1
    return False


def _count_aside_end(low: list[str], k: int) -> int | None:
    """After '(22)', '(22, 15%)' or '(22 per cent)' at k: the index past its ')', else None."""
    for m in range(k + 1, min(len(low), k + 8)):
        if low[m] == ")":
            return m + 1 if m > k + 1 else None
        if not (low[m][:1].isdigit() or low[m] in (",", "%", "per", "cent", "percent")):
            return None
    return None


def region_adjective_before_people(view: View, p: Place) -> bool:
    """'West African boys', 'Asian and African women': a region's adjective right before people
    (across a list of such adjectives and demonyms), not 'West African countries' or 'the Caribbean'."""
    low, toks = view.low, view.toks
    at = {q.i: q.j for q in view.places if q.kind in ("demonym", "region")}
    # "South and Southeast Asian men": the first word of an elided adjective, read with the next one's
    elided = (
        p.j + 1 in at
        and p.j < len(low)
        and low[p.j] in ("and", "or")
        and toks[at[p.j + 1] - 1].endswith("an")
    )
    if not toks[p.j - 1].endswith(("an", "ern")) and not elided:
        return False
    k = p.j
    while k < len(low):
        if k in at:
            k = at[k]
        elif low[k] in (",", "and", "or"):
            k += 1
        else:
            break
    if k >= len(low) or low[k] not in view.vocab.people:
        return False
    while k < len(low) and low[k] in view.vocab.people:
        k += 1
    if k >= len(low):
        return True
    # "West African women, mainly from Ghana and Nigeria, ...": the region stands for those countries
    if low[k] == "," and k + 1 < len(low) and low[k + 1] in NAMING:
        m = k + 2 + (k + 2 < len(low) and low[k + 2] in ("from", "in"))
        if any(q.i == m and q.kind == "country" for q in view.places):
            return False
    return low[k] not in NOT_VICTIMS  # not "African migrant clients"


def non_demonym(view: View, p: Place) -> bool:
    """'non-Thai victims', 'non-Thai nationals': a demonym negated by 'non-'."""
    low = view.low
    return (p.i >= 2 and low[p.i - 1] == "-" and low[p.i - 2] == "non") or (
        p.i >= 1 and low[p.i - 1] in ("non", "non-")
    )


def finders_country(view: View, p: Place, places: list[Place]) -> bool:
    """'Mexican authorities identified 43 Guatemalan victims', 'victims identified by Mexican police':
    the demonym names the authorities who found the victims, so its country is where they were found
    (only when other victims of the clause are named by their own demonym)."""
    low = view.low
    end = len(low)
    if p.j >= end or low[p.j] not in FINDERS:
        return False
    k = p.j + 1
    if low[p.j] == "law" and (k >= end or low[k] != "enforcement"):
        return False
    if k < end and low[k] in ("enforcement", "officials", "officers", "authorities"):
        k += 1
    after = low[k : k + 3]
    active = any(w in FINDING for w in after)
    passive = p.i >= 2 and low[p.i - 1] == "by" and low[p.i - 2] in FINDING
    if not (active or passive):
        return False
    return any(
        q.kind == "demonym" and q.code != p.code and q.i != p.i and demonym_names_victims(view, q)
        for q in places
    )
