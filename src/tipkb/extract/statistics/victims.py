"""Whether victims counted are identified or assisted (``victims_identified`` or ``victims_assisted``):
the verb before them, a participle or care after them ("received shelter", "were referred to services"),
a head of assistance before them ("shelter for 12 victims"), a chain of victim verbs ("identified and
referred 30 victims"), an exploitation after them ("55 victims were sexually exploited"), and the same
people named again by a pronoun and cared for ("identified 12 victims and referred them to shelters").
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.verbs import HOME_VERBS, _home_after, _verb_before, _verbs_before
from tipkb.extract.statistics.words import (
    ASSIST_HEADS,
    ASSIST_NOUNS,
    AUX,
    CARE_VERBS,
    EXPLOITED,
    GLUED,
    OF_THEM,
    PROVIDE_VERBS,
    VERB_GAP,
    VERBS,
)


def _victim_verbs(view: View, n: int, end: int) -> list[str]:
    """The victim metrics of a chain of verbs before the count ("identified and referred 30 victims")
    or of coordinated participles after it ("30 victims were identified and assisted")."""
    low = view.low
    found = [m for m in _verbs_before(view, n) if m.startswith("victims")]
    m = end
    while m < len(low) and low[m] in ("were", "was", "had", "have", "been", "also", "later"):
        m += 1
    if found and m == end and low[m + 1 : m + 2] != ["and"]:
        # "funded the repatriation of 12 victims identified in Mexico": a participle that describes
        # the victims a verb before counts is no count of its own
        return list(dict.fromkeys(found)) if len(set(found)) > 1 else []
    while m < len(low) and low[m] in VERBS and low[m].endswith("ed") and VERBS[low[m]].startswith("victims"):
        found.append(VERBS[low[m]])
        if m + 2 < len(low) and low[m + 1] == "and":
            m += 2
            continue
        break
    return list(dict.fromkeys(found)) if len(set(found)) > 1 else []


def _exploited_after(view: View, end: int) -> bool:
    """'25 persons were obliged to beg', '40 women had been sexually exploited'."""
    low = view.low
    m = end
    if low[m : m + 1] in (["in"], ["during"]) and view.year_at(m + 1):
        m += 2  # "47 of the 52 victims in 2015 were sexually exploited"
    if m < len(low) and low[m] in ("were", "had", "have"):
        m += 1
        if m < len(low) and low[m] == "been":
            m += 1
        if m < len(low) and low[m] in ("sexually", "allegedly", "reportedly"):
            m += 1
        return m < len(low) and low[m] in EXPLOITED
    return False


def _modifier_victims(mods: list[str]) -> str | None:
    """'12 repatriated victims', '40 assisted victims'."""
    for w in mods:
        metric = VERBS.get(w)
        if metric and metric.startswith("victims") and w.endswith("ed"):
            return metric
    return None


def _victim_metric(view: View, n: int, k: int) -> str | None:
    """Whether victims counted at n were identified or assisted (verb before, participle or care after)."""
    verb = _verb_before(view, n)
    if verb and verb.startswith("victims"):
        return verb
    low = view.low
    if _assisted_by_head(view, n):
        return "victims_assisted"
    p = n - 1
    while p > 0 and low[p] in VERB_GAP and low[p] not in ("of", "and", "or"):
        p -= 1
    if (
        p >= 0
        and low[p] in PROVIDE_VERBS
        and low[k + 1 : k + 2] == ["with"]
        and any(x in ASSIST_NOUNS for x in low[k + 2 : k + 6])
    ):
        return "victims_assisted"  # "provided 40 victims with shelter"
    if (
        p >= 0
        and low[p] in ("gave", "give", "gives", "giving", "offered", "granted")
        and any(x in ASSIST_NOUNS for x in low[k + 1 : k + 4])
    ):
        return "victims_assisted"  # "the ministry gave 45 victims medical care"
    for m in range(k + 1, min(len(low), k + 12)):
        if low[m] in (";", "(", "compared", ",") or (m > k + 1 and view.number_at(m)):
            break  # "510 victims of trafficking for sexual exploitation were formally identified"
        if _cared_for(low, m):
            return "victims_assisted"
        if low[m] in VERBS and low[m].endswith("ed") and VERBS[low[m]].startswith("victims"):
            return VERBS[low[m]]
    for w in low[max(0, n - 3) : n]:
        if w in ("identified",):
            return "victims_identified"
    if low[k + 1 : k + 2] in (["entered"], ["joined"]) and any(
        w in ("programme", "program", "scheme", "shelter", "shelters") for w in low[k + 2 : k + 6]
    ):
        return "victims_assisted"  # "27 victims entered the Programme of Support and Protection"
    if _exploited_after(view, k + 1):
        return "victims_identified"  # "55 victims were sexually exploited"
    return None


def _cared_for(low: list[str], m: int) -> bool:
    """'received shelter', 'were provided with assistance', 'benefited from government services',
    'stayed in shelters' at m: the people before it were cared for."""
    return low[m] in CARE_VERBS and any(x in ASSIST_NOUNS for x in low[m + 1 : m + 6])


def _care_after(view: View, end: int) -> bool:
    """A bare count followed by its care ('of whom 32 received assistance', '50 of them were
    sheltered', '30 were referred to services'): people assisted."""
    low = view.low
    m = end
    if low[m : m + 2] in (*OF_THEM, ["of", "whom"]):
        m += 2
        if low[m : m + 1] in (["it"], ["they"], ["authorities"], ["officials"]):
            m += 1  # "30 of whom it referred to care"
    while m < len(low) and m < end + 6 and low[m] in AUX | {"later", "subsequently", "all"}:
        m += 1
    if m >= len(low):
        return False
    if _cared_for(low, m):
        return True
    w = low[m]
    if w in VERBS and w.endswith("ed") and VERBS[w] == "victims_assisted":
        return w != "referred" or any(x in ASSIST_NOUNS for x in low[m + 1 : m + 5])
    return w in HOME_VERBS and _home_after(low, m - 1)  # "15 were returned to their families"


_PRONOUNS = frozenset(["them", "her", "him", "both", "all", "each"])


def _cared_for_after(view: View, end: int) -> bool:
    """'identified 12 victims and referred them to shelters', '... one woman and referred her to an
    organization for care', '... 40 victims, all of whom received assistance': the same people,
    named again by a pronoun, were cared for (victims_assisted with the same value)."""
    low = view.low
    stop = min(len(low), end + 14)
    m = end - 1
    while m + 1 < stop:
        m += 1
        w = low[m]
        if w == "including" and m <= end + 1:
            # "identified 337 victims, including 225 children ..., and referred all of them to NGO
            # services": past the sub-groups to the clause that goes on
            close = next((x for x in range(m + 1, min(len(low), m + 25)) if low[x] == ","), None)
            if close is None:
                return False
            stop, m = min(len(low), close + 14), close
            continue
        if w in (";", "(", "compared") or (m > end and view.number_at(m) is not None and w != "all"):
            return False
        if w == "whom" and low[m - 2 : m] == ["all", "of"]:
            return _care_after(view, m + 1) or _cared_for(low, m + 1)
        if m + 1 >= len(low) or low[m + 1] not in _PRONOUNS:
            continue
        after = low[m + 2 : m + 10]
        if w in VERBS and VERBS[w] == "victims_assisted" and w.endswith("ed"):
            return w != "referred" or any(x in ASSIST_NOUNS for x in after)
        if w in PROVIDE_VERBS:
            return any(x in ASSIST_NOUNS for x in after)
    return False


def _assisted_by_head(view: View, n: int) -> bool:
    """'shelter for 12 victims', 'the return home of 23 victims', 'assistance to at least 221 victims',
    'shelter for10 victims'."""
    low = view.low
    glued = GLUED.match(low[n])
    if glued is not None and glued.group(1) in ("for", "of", "to"):
        p = n
    else:
        p = n - 1
        while p > 0 and low[p] in VERB_GAP and low[p] not in ("of", "and", "or"):
            p -= 1
        if low[p - 2 : p + 1] == ["a", "total", "of"]:
            p -= 3  # "legal aid to a total of 41 victims"
        if p <= 0 or low[p] not in ("for", "of", "to"):
            return False
    return any(w in ASSIST_HEADS for w in low[max(0, p - 3) : p])
