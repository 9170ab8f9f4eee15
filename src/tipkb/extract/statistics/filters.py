"""Counts that are no statistic of the report, or of officials: a negation or an estimate before the
number ("an estimated 300 victims", "did not report any"), another party's count ("IOM identified five
children", "NGOs documented 300 cases") unless the government counts with or funds it, and counts of
cases involving officials ("prosecutions of complicit officials").
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.words import (
    AUTHORITIES,
    ESTIMATES,
    METRIC_NOUNS,
    NEGATION,
    OFFICIALS,
    THIRD_PARTIES,
    VERBS,
)


def _about_officials(view: View, k: int) -> bool:
    """'prosecutions involving complicit officials', 'convictions of government officials'."""
    low = view.low
    while low[k : k + 1] in (["or"], ["and"], [","]) and k + 1 < len(low) and low[k + 1] in METRIC_NOUNS:
        k += 2  # "no prosecutions or convictions of complicit officials", "no investigations, prosecutions or ..."
    window = low[k : k + 4]
    return (
        bool(window)
        and window[0] in ("involving", "of", "against", "for")
        and any(w in OFFICIALS or w == "complicity" for w in window)
    )


def _negated(view: View, n: int) -> bool:
    return any(w in NEGATION for w in view.low[max(0, n - 5) : n])


def _estimated(view: View, n: int) -> bool:
    """Estimates and "did not report ... any" (no data, not a zero) are not statistics."""
    low = view.low
    window = low[max(0, n - 8) : n]
    if any(w in ESTIMATES for w in window):
        return True
    return low[n] == "any" and "report" in window


def _third_party(view: View, n: int) -> bool:
    """Is the count at n another party's ("IOM identified five children", "NGOs documented 300
    cases")? Only the victims such a party cared for are the report's statistic (``counts``)."""
    low = view.low
    clause_start = max((a for a, _ in view.clauses() if a <= n), default=0)
    # The last party named before the count is the one counting: "NGOs documented ... and police
    # identified 649 victims" is the police's count.
    for m in range(n - 1, clause_start - 1, -1):
        w = low[m]
        if w in AUTHORITIES:
            # "Mexican authorities identified 43 Guatemalan victims": another country's count
            return any(q.j == m and q.kind == "demonym" and q.code != view.ctx.subject for q in view.places)
        if w in THIRD_PARTIES:
            before = low[max(clause_start, m - 4) : m]
            if any(x in ("to", "with", "through", "via") for x in before):
                continue  # "referred 386 victims to IOM and NGOs for care": not the one counting
            subject = low[max(clause_start, m - 8) : m]
            joint = next((i for i in range(len(subject) - 1, -1, -1) if subject[i] in AUTHORITIES), None)
            if (
                "and" in before
                and joint is not None
                and not any(
                    x in VERBS or view.number_at(max(clause_start, m - 8) + i)
                    for i, x in enumerate(subject)
                    if i > joint
                )
            ):
                return False  # "the ministry and NGOs identified 61 victims": a joint count
            # "government-funded NGO shelters assisted 100 victims": the government's count
            return not any(x in _FUNDED for x in low[max(0, m - 3) : m])
    return False


_FUNDED = frozenset(["funded", "supported", "sponsored", "financed", "subsidized", "subsidised"])
