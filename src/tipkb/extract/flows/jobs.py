"""Work people set out for or were lured with, as against what was done to them: the job people
migrated or were hired for ("migrate abroad for domestic work", "recruited legally as domestic
workers", "for construction and factory jobs"), what they were promised ("promised jobs or marriage",
"offers of work on farms"), and domestic work named among the places of a forced labor. None of these
is a form of exploitation or the sector of one.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.flows.words import (
    EXPLOITING,
    HIRING,
    JOB_NOUNS,
    LURE_LEADS,
    LURE_VERBS,
    MIGRATING,
)

# "migrate legally to A", "travel abroad for": words between the verb of moving and its ends
MANNER = frozenset(["abroad", "overseas", "legally", "voluntarily", "often", "mainly"])
# "who come to Jordan to work in restaurants": coming to a place for a job, beside MIGRATING's verbs
COMING = frozenset(["come", "comes", "came", "coming"])


def past_manner(view: View, start: int, k: int) -> int:
    """Back from k past the words of manner and the places people went to ("migrate legally to
    Kuwait, Jordan, and the U.A.E. for ...", "who migrate to Jordan as domestic workers"): the index of
    the word before them, the verb of moving when there is one."""
    low = view.low
    while k >= start and low[k] in MANNER:
        k -= 1
    covered = {n for q in view.places_in(start, k + 1) for n in range(q.i, q.j)}
    if k in covered:
        m = k
        while m >= start and (m in covered or low[m] in (",", "and", "or", "the")):
            m -= 1
        if m >= start and low[m] == "to":
            k = m - 1
            while k >= start and low[k] in MANNER:
                k -= 1
    return k


def moving(view: View, k: int, start: int) -> bool:
    """Is the word at k a verb of migrating (or of coming to a place) to work?"""
    return k >= start and (view.low[k] in MIGRATING or view.low[k] in COMING)


def migrated_for(view: View, start: int, i: int) -> bool:
    """Is the work at i what people migrated for ("migrate abroad for domestic work", "migrate to
    Lebanon for domestic work"), not their exploitation ("trafficked for domestic work")?"""
    low = view.low
    k = i - 1
    if k < start or low[k] not in ("for", "as"):
        return False
    return moving(view, past_manner(view, start, k - 1), start)


def lured_with(view: View, start: int, i: int, value: str) -> bool:
    """Is the form of exploitation at i what people were lured with or hired for ("often after being
    promised jobs or marriage", "recruited legally as domestic workers", "migrate to work as domestic
    servants"), not what was done to them ("forced to work as maids")?"""
    low = view.low
    if low[i] == "as":  # "as maids", "as wives": the phrase holds its "as"
        i += 1
    # "women recruited for domestic work have been exploited in A": the job they were hired for
    if value == "domestic_servitude" and i - 2 >= start and low[i - 1] == "for" and low[i - 2] in HIRING:
        return True
    for m in range(i - 1, max(start, i - 6) - 1, -1):
        w = low[m]
        if w in (";", ":", "(", ")") or w in EXPLOITING:
            return False
        # "recruited as domestic workers end up in domestic servitude" (not "promised jobs in ...")
        if w in ("in", "into", "under") and m > start and low[m - 1] not in JOB_NOUNS:
            return False
        if w in LURE_VERBS:
            return True
        if w == "as" and value in ("domestic_servitude", "labor"):  # not "recruited as child soldiers"
            k = m - 1
            if k >= start and low[k] in ("work", "serve") and low[k - 1 : k] == ["to"]:
                k -= 2  # "migrate to work as", "recruited to serve as"
            while k >= start and low[k] in (*MANNER, "initially"):
                k -= 1
            return k >= start and (low[k] in HIRING or low[k] in MIGRATING)
    return False


def in_sector_list(view: View, start: int, i: int) -> bool:
    """Is the domestic work at i one of the places of a forced labor named before it ("forced labor on
    construction sites, in hotels, and in domestic work", "debt bondage in construction, domestic work
    and manufacturing"), a sector rather than domestic servitude?"""
    low = view.low
    said = {v for _, _, v in view.vocab.exploitation.find(low, start, i)}
    if not said & {"labor", "debt_bondage"}:
        return False
    sectors = {n for a, b, _ in view.vocab.sectors.find(low, start, i) for n in range(a, b)}
    for m in range(i - 1, max(start, i - 12) - 1, -1):
        if low[m] in ("in", "on", "at") and (m + 1 == i or m + 1 in sectors):
            return True
        if not (
            m in sectors or low[m] in (",", "and", "or", "the", "in", "on", "at") or low[m].endswith("s")
        ):
            return False
    return False


def promised_job(view: View, start: int, i: int) -> bool:
    """Is the sector at i that of the job people were lured with ("travel abroad for jobs in
    restaurants", "offers of work on farms"), not of their exploitation ("forced to work on farms")?"""
    low = view.low
    # "promised jobs as waitresses or in factories": back past the jobs joined to it
    for m in range(i - 1, max(start, i - 7) - 1, -1):
        if low[m] in (",", ";", ":", "(", ")"):
            return False
        if low[m] in JOB_NOUNS:  # "for (internationally brokered marriages or) jobs in"
            for k in range(m - 1, max(start, m - 6) - 1, -1):
                if low[k] in LURE_LEADS:
                    return True
                if low[k] in ("to", ",", ";", ":", "(", ")") or low[k] in view.vocab.exploitation.by_first:
                    return False
            return False
    return False


def job_migrated_for(view: View, start: int, i: int, j: int) -> bool:
    """Is the sector at i:j that of the jobs people migrated or were hired for ("men who migrate to the
    Gulf for construction and factory jobs are exploited in debt bondage", "women who come to A to
    work in restaurants and nightclubs are forced into prostitution"), not of their exploitation?"""
    low = view.low
    if went_to_work_in(view, start, i):
        return True
    m = j
    while m < len(low) and m < j + 4 and low[m] not in JOB_NOUNS:
        if low[m] in (",", ";", ":", "(", ")", "in", "on", "at"):
            return False
        m += 1
    if m >= len(low) or low[m] not in JOB_NOUNS:
        return False
    window = set(low[max(start, i - 10) : i])
    return "for" in window and bool(window & (MIGRATING | HIRING))


def went_to_work_in(view: View, start: int, i: int) -> bool:
    """Is the sector at i where people went to work ("who come to Jordan to work in restaurants and
    nightclubs", "after migrating to A to work on farms"), past the sectors joined to it?"""
    low = view.low
    m = i - 1
    sectors = {n for a, b, _ in view.vocab.sectors.find(low, start, i) for n in range(a, b)}
    while m >= start and (m in sectors or low[m] in (",", "and", "or", "the")):
        m -= 1
    if m - 2 < start or low[m] not in ("in", "on", "at") or low[m - 2 : m] != ["to", "work"]:
        return False
    return moving(view, past_manner(view, start, m - 3), start)
