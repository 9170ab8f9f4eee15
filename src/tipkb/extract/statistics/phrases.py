"""Phrase shapes around a count (``counts`` asks these): whether the people counted are victims, cases
carried over or counted from earlier years, breakdowns by sentence; one official with no verb before
("a border guard was convicted"); the group of an "N of the M victims identified"; zeros for a list
of metrics ("no investigations, prosecutions or convictions"); counts after their label
("prosecutions (14)", "convictions: 3"); a second verb in a "who" clause ("prosecuted one official,
who was convicted"); the same count for another place ("40 in Italy, and 18 in Spain"); and a form
of exploitation named before a count ("sexual exploitation accounted for 294 of the victims and
labor exploitation for 81", "forced labor made up 40 of the cases")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.statistics.participles import _participle_after
from tipkb.extract.statistics.verbs import _pick, _verbs_before
from tipkb.extract.statistics.words import (
    ACCOUNT_VERBS,
    CASE_NOUNS,
    METRIC_NOUNS,
    MODIFIERS,
    OF_THEM,
    OFFICIAL_METRICS,
    OFFICIALS,
    VERBS,
)

if TYPE_CHECKING:
    from tipkb.extract.statistics.count import Count


# Words a form of exploitation named before a bracketed count follows ("..., followed by labour
# exploitation (52)", "exploited for sexual exploitation (19)").
_FORM_STARTS = frozenset([",", "by", "and", "for", ":", ";", ")", "(", "of"])


def form_before(view: View, n: int, anchor: Count | None) -> str | None:
    """The one form of exploitation a count at n is said to be the share of, named before it: the
    subject of 'accounted for N' / 'made up N', or the form after 'and' in a gapped second part
    ('..., and labor exploitation for 81'); else None."""
    low = view.low
    if n < 2:
        return None
    start: int | None = None
    share = low[n - 2 : n] in (["made", "up"], ["make", "up"], ["makes", "up"])
    if share or (low[n - 1] == "for" and low[n - 2] in ACCOUNT_VERBS):
        start = max((a for a, _ in view.clauses() if a <= n), default=0)
        stop = n - 2
    elif (
        low[n - 1] == "for"
        and anchor is not None
        and anchor.exploitation is not None
        and "and" in low[anchor.end : n - 1]
        and not any(w in ACCOUNT_VERBS or w.endswith("ed") for w in low[anchor.end : n - 1])
    ):
        start, stop = anchor.end, n - 1
    elif (
        low[n - 1] == "("
        and (number := view.number_at(n)) is not None
        and (
            low[number[1] : number[1] + 1] == [")"]
            or low[number[1] : number[1] + 2] in (["victims", ")"], ["victim", ")"])
        )
    ):
        # "followed by labour exploitation (52), forced begging (11)": the form before the bracket
        stop = n - 1
        start = next(
            (m + 1 for m in range(stop - 1, max(-1, stop - 8), -1) if low[m] in _FORM_STARTS),
            max(0, stop - 7),
        )
    if start is None or stop <= start:
        return None
    found = {value for _, _, value in view.vocab.exploitation.find(low, start, stop)}
    if "domestic_servitude" in found:
        found.discard("labor")
    return found.pop() if len(found) == 1 else None


def zero_list(low: list[str], k: int) -> tuple[str, ...]:
    """The other metrics a zero at k names in a list ("no prosecutions or convictions", "no
    investigations, prosecutions, or convictions"): each is a zero too."""
    out: list[str] = []
    m = k + 1
    while m + 1 < len(low) and low[m] in (",", "or", "and"):
        m += 1
        if low[m] in ("or", "and"):
            m += 1
        metric = METRIC_NOUNS.get(low[m] if m < len(low) else "", "victims")
        if metric == "victims":
            break
        out.append(metric)
        m += 1
    return tuple(dict.fromkeys(out))


def labelled(view: View, n: int, end: int, before: Count | None) -> str | None:
    """'investigations (14), prosecutions (9)', 'victims identified: 52': a count in brackets or after
    a colon right after the metric it counts (not a bracket after a count: '22 prosecutions (14 in
    2019)'); the metric, or None."""
    low = view.low
    if n < 2 or low[n - 1] not in ("(", ":") or (before is not None and before.end >= n - 1):
        return None
    after = low[end : end + 1]
    if low[n - 1] == "(" and after != [")"]:
        return None
    if low[n - 1] == ":" and after not in ([";"], [","], ["."], ["and"], []):
        return None
    label, head = low[n - 2], low[n - 3] if n >= 3 else ""
    if label in VERBS and label.endswith("ed") and head in METRIC_NOUNS:
        label, head = head, label  # "victims identified: 52", "prosecutions initiated (14)"
    metric = METRIC_NOUNS.get(label)
    if metric == "victims":
        verb = VERBS.get(head, "")
        return verb if verb.startswith("victims") and head.endswith("ed") else None
    return metric


def relative_verb(view: View, k: int) -> str | None:
    """'prosecuted one official, a village head, who was convicted' from k (after the people): the
    metric of the verb of a 'who' clause about the same people, past one apposition; else None."""
    low = view.low
    m = k
    if low[m : m + 1] == [","]:
        m += 1
        if low[m : m + 1] != ["who"]:
            close = next((x for x in range(m, min(len(low), m + 9)) if low[x] == ","), None)
            if close is None or any(view.number_at(x) for x in range(m, close)):
                return None
            m = close + 1
    if low[m : m + 1] != ["who"]:
        return None
    m += 1
    while m < len(low) and low[m] in ("was", "were", "had", "have", "been", "later", "subsequently", "also"):
        m += 1
    w = low[m] if m < len(low) else ""
    metric = VERBS.get(w, "")
    return metric if w.endswith("ed") and metric and not metric.startswith("victims") else None


def in_another_place(view: View, n: int, end: int) -> bool:
    """'150 persons were exploited in Italy, and 185 in Spain': a bare number after a list's link,
    then 'in' and a country: the count before it, for another place."""
    low = view.low
    if n < 1 or low[n - 1] not in ("and", ",") or low[end : end + 1] not in (["in"], ["to"]):
        return False
    return any(q.i == end + 1 or (q.i == end + 2 and low[end + 1] == "the") for q in view.places)


def group_counted(view: View, n: int, end: int) -> bool:
    """'47 of the 52 victims identified in 2015 were women': the group after 'N of the' is a count of
    its own when a participle right after its noun says what was done to it and no verb governs N."""
    low = view.low
    m = end
    while m < len(low) and m < end + 4 and low[m] in MODIFIERS:
        m += 1
    if m + 1 >= len(low) or low[m] not in METRIC_NOUNS.keys() | CASE_NOUNS:
        return False
    w = low[m + 1]
    return w in VERBS and w.endswith("ed") and not _verbs_before(view, n - 3)


def one_official(view: View, k: int) -> bool:
    """'A police sub-inspector was indicted', 'a border guard was convicted' from k: one official
    prosecuted or convicted, with no verb before."""
    low = view.low
    m = k
    while m < len(low) and m < k + 4 and low[m] not in OFFICIALS and (low[m].isalpha() or low[m] == "-"):
        m += 1
    if m >= len(low) or low[m] not in OFFICIALS:
        return False
    if low[m + 1 : m + 2] == ["in"]:
        # "a police officer in Mombasa was charged": past the place, a name of one or two words
        name = m + 2
        while name < len(low) and name < m + 4 and view.toks[name][:1].isupper():
            name += 1
        if name > m + 2:
            m = name - 1
    elif low[m + 1 : m + 2] == ["of"]:
        # "an officer of the Bureau of Foreign Employment was prosecuted": past the body's name
        name = m + 2
        while (
            name < len(low)
            and name < m + 11
            and (view.toks[name][:1].isupper() or low[name] in ("the", "of", "and"))
        ):
            name += 1
        if name > m + 3 and low[name : name + 1] == ["was"]:
            m = name - 1
    elif m + 1 < len(low) and low[m + 1].endswith("ed") and low[m + 1] not in VERBS:
        # "a police officer accused of protecting a brothel was indicted": past the reduced relative clause
        was = next((x for x in range(m + 2, min(len(low), m + 14)) if low[x] in ("was", ",", ";")), None)
        if was is not None and low[was] == "was":
            m = was - 1
    if low[m + 1 : m + 2] != ["was"]:
        return False
    return _participle_after(view, m + 1) in OFFICIAL_METRICS


def sentence_breakdown(low: list[str], end: int) -> bool:
    """A count of people by the sentence they got ("received prison terms of less than three years",
    "were sentenced to ten years", "received suspended sentences"): a breakdown, not a count of its own."""
    head = low[end : end + 3]
    if low[end : end + 1] in (["convicted"], ["sentenced"]) and view_year_words(low, end + 1):
        head = low[end + 3 : end + 6]  # "one trafficker convicted in 2024 received a fine"
    if not any(w in ("received", "receiving", "got", "given", "sentenced", "served") for w in head):
        return False
    return any(
        w in ("years", "year", "months", "suspended", "probation", "fines", "fine")
        for w in low[end : end + 12]
    )


def view_year_words(low: list[str], m: int) -> bool:
    """'in 2024' at m."""
    return low[m : m + 1] in (["in"], ["during"]) and m + 1 < len(low) and low[m + 1].isdecimal()


def earlier_years(low: list[str], m: int) -> bool:
    """'in prior years', 'in previous years', 'in earlier years' at m."""
    return low[m : m + 1] in (["in"], ["from"], ["during"]) and low[m + 1 : m + 3] in (
        ["prior", "years"],
        ["previous", "years"],
        ["earlier", "years"],
        ["past", "years"],
    )


def pending(low: list[str], end: int) -> bool:
    """'12 cases remained pending', 'five cases were ongoing': cases carried over, no count of a verb."""
    nxt = low[end : end + 3]
    return (
        bool(nxt)
        and nxt[0] in ("remained", "remain", "remains", "were", "are", "was", "is")
        and any(w in ("pending", "ongoing", "underway") for w in nxt[1:])
    )


def about_victims(low: list[str], n: int, anchor: Count | None, prior: str | None = None) -> bool:
    """Are the people a bare count at n counts victims: its anchor counts victims, or the sentence
    named victims before it, or opens with "Of these" (the victims of the sentence before), or it is
    "N of them" after a sentence that counted victims (``prior``: that sentence's metric)."""
    if anchor is not None and anchor.metric and anchor.metric.startswith("victims"):
        return True
    if any(w in ("victims", "victim") for w in low[:n]):
        return True
    if low[:2] in OF_THEM:
        return True
    if anchor is not None or prior is None or not prior.startswith("victims"):
        return False
    # after a sentence that counted victims: "93 of them", "All 11 were placed in a shelter",
    # "Forty-one of them were nationals, and 53 were exploited in sex trafficking"
    return (
        low[n + 1 : n + 3] in OF_THEM
        or low[n - 1 : n] == ["all"]
        or any(low[m : m + 2] in (["of", "them"], ["of", "these"]) for m in range(n))
    )


def no_one(view: View, n: int) -> str | None:
    """'courts convicted no one', 'prosecuted nobody', 'no one was convicted': a zero of the verb
    before or after (not of victims)."""
    after = n + (1 if view.low[n] == "nobody" else 2)
    metric = _pick(_verbs_before(view, n))
    if metric is None and view.low[after : after + 1] in (["was"], ["has"], ["had"]):
        metric = _participle_after(view, after)
    return metric if metric and not metric.startswith("victims") else None


def any_metric(view: View, k: int) -> bool:
    """'did not obtain any convictions', 'has not opened any new investigations' from k: a metric noun
    (no victims) after a negated 'any' with no metric verb of its own."""
    low = view.low
    m = k
    while m < len(low) and m < k + 3 and low[m] in MODIFIERS:
        m += 1
    return METRIC_NOUNS.get(low[m] if m < len(low) else "", "victims") != "victims"
