"""The metric of one count, by the kind of noun it has.

A metric noun names it ("22 investigations"; victims identified or assisted from the words around,
``metric_noun``); a noun of people or cases takes it from its verb, participle or modifier ("prosecuted
nine cases", "six traffickers convicted", ``people_or_cases``); a bare number takes it from a
participle, care or a total verb after it, else continues the count before it as another year's figure
or a part of it ("(10 in 2017)", "429 sex trafficking", ``bare_number``). Each returns a ``Reading``,
or None when the number is no count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.statistics import labels
from tipkb.extract.statistics.continuations import _continues, _continues_anchor
from tipkb.extract.statistics.filters import _about_officials
from tipkb.extract.statistics.participles import (
    _coordinated_after,
    _modifier_verb,
    _participle_after,
    _participle_metric,
    other_fate_after,
)
from tipkb.extract.statistics.phrases import (
    about_victims,
    earlier_years,
    in_another_place,
    labelled,
    pending,
    relative_verb,
    sentence_breakdown,
    zero_list,
)
from tipkb.extract.statistics.verbs import (
    _bare_after_verb,
    _pick,
    _sent_to_court,
    _to_prosecution,
    _total_verb_metric,
    _verbs_before,
    figure_named_before,
)
from tipkb.extract.statistics.victims import (
    _assisted_by_head,
    _care_after,
    _exploited_after,
    _modifier_victims,
    _victim_metric,
    _victim_verbs,
)
from tipkb.extract.statistics.words import (
    CASE_NOUNS,
    CASE_PEOPLE,
    METRIC_NOUNS,
    OF_THEM,
    OFFICIAL_METRICS,
    OFFICIALS,
    OPENED,
    PERSON_NOUNS,
    PROCEEDINGS,
    RECORD_VERBS,
    RECORDED_CASES,
    VERB_GAP,
    VERBS,
)

if TYPE_CHECKING:
    from tipkb.extract.statistics.count import Count


@dataclass(slots=True)
class Reading:
    """What a count's words decide: its metric, where its phrase ends, and how it continues."""

    metric: str | None
    phrase_end: int
    also: tuple[str, ...] = ()
    inherits: bool = False
    split: bool = False
    previous: bool = False


# Past participles before a count that are no metric's verb but that do not stop a list either.
_LIST_VERBS = frozenset(["reported", "recorded", "registered", "involved", "compared", "included", "totaled"])


def _other_verb(view: View, n: int) -> bool:
    """A verb of another action governs the count at n ("acquitted four defendants", "arrested 12
    suspects", "released five"): it continues no count before it."""
    low = view.low
    p = n - 1
    while p > 0 and low[p] in VERB_GAP and low[p] not in ("and", "or", "of"):
        p -= 1
    w = low[p] if p >= 0 else ""
    return w.isalpha() and w.endswith("ed") and w not in VERBS and w not in _LIST_VERBS


def metric_noun(view: View, n: int, k: int, noun: str, mods: list[str], value: int) -> Reading:
    """A count whose noun at k names its metric ("22 investigations", "30 victims identified")."""
    low = view.low
    also: tuple[str, ...] = ()
    metric: str | None = METRIC_NOUNS[noun]
    if metric == "victims":
        metric = _victim_metric(view, n, k) or (
            "victims_identified"
            if "identified" in mods or _recorded(low, n, k)
            else _modifier_victims(mods) or "victims"
        )
    if metric and metric.startswith("victims"):
        # "three victims were identified and assisted", "identified and referred 30 victims"
        also = tuple(m for m in _victim_verbs(view, n, k + 1) if m != metric)
    if "prosecution" in mods and noun in ("cases", "case"):
        metric = "prosecutions"
    if value == 0:
        also = zero_list(low, k)  # "no prosecutions or convictions": both zero
    phrase_end = k + 1
    if metric in ("investigations", "prosecutions", "convictions") and _about_officials(view, phrase_end):
        # "no investigations, prosecutions or convictions of officials": the officials' metrics (the
        # contract counts no officials investigated)
        mapped = [OFFICIAL_METRICS[m] for m in (metric, *also) if m in OFFICIAL_METRICS]
        metric, also = (mapped[0] if mapped else None), tuple(mapped[1:])
    return Reading(metric, phrase_end, also)


def _recorded(low: list[str], n: int, k: int) -> bool:
    """Were the victims counted at n..k recorded ("the national referral system recorded 340 presumed
    victims", "45 victims were recorded in 2019")? Recorded victims are identified ones."""
    before = n - 1
    while before > 0 and low[before] in ("some", "about", "around", "approximately", "nearly", "over"):
        before -= 1
    return (before >= 0 and low[before] == "recorded") or low[k + 1 : k + 3] in (
        ["were", "recorded"],
        ["was", "recorded"],
    )


def _proceedings_against(low: list[str], n: int) -> int | None:
    """Where the proceedings are named that a count after "against" at n is the defendants of
    ("proceedings against 52 defendants", "criminal cases were opened against 11 officials"), or None."""
    if n < 2 or low[n - 1] != "against":
        return None
    m = n - 2
    while m >= max(0, n - 8) and (low[m] in OPENED or low[m] in ("were", "was", "have", "had", "been")):
        m -= 1
    if low[m] == ")" and "(" in low[max(0, m - 4) : m]:
        m = max(k for k in range(max(0, m - 4), m) if low[k] == "(") - 1  # "charges (acusaciones) against"
    return m if m >= 0 and low[m] in PROCEEDINGS else None


_PROSECUTORS = frozenset(["prosecutors", "prosecutor", "prosecution", "prosecutions", "procuracy"])


# Who takes complaints that open a criminal case, and where complaints are no case ("a hotline").
_COMPLAINT_TAKERS = frozenset([*_PROSECUTORS, "prosecutor's", "procuratorate"])
_COMPLAINT_LINES = frozenset(["hotline", "helpline", "hotlines", "helplines", "line", "ombudsman"])


def _lodged(low: list[str], n: int, noun: str) -> bool:
    """Are the cases counted at n recorded crimes? Complaints are, when prosecutors take them ("the
    prosecutor's office registered 320 complaints of trafficking"), not the police's (before it opens
    investigations into some) or a hotline's."""
    if noun != "complaints":
        return True
    return any(w in _COMPLAINT_TAKERS for w in low[:n]) and not any(w in _COMPLAINT_LINES for w in low)


def _prosecutors_opened(low: list[str], n: int) -> bool:
    """Did prosecutors open or register the cases counted at n ("prosecutors opened 23 cases", "the Office
    of the Director of Public Prosecutions registered 96 new cases")? Then the cases are prosecutions
    (not the pre-trial proceedings or complaints they register: investigations)."""
    v = n - 1
    if v >= 1 and low[v] not in OPENED and low[v] not in RECORD_VERBS and low[v].endswith("ly"):
        v -= 1  # "prosecutors formally opened"
    if v < 0 or not (low[v] in OPENED or low[v] in RECORD_VERBS):
        return False
    subject = low[max(0, v - 10) : v]
    if any(w in (",", ";", "and", "police", "which", "who") for w in subject[-3:]):
        return False
    return any(w in _PROSECUTORS for w in subject)


def people_or_cases(
    view: View,
    n: int,
    end: int,
    k: int,
    noun: str,
    mods: list[str],
    anchor: Count | None,
    before: Count | None,
) -> Reading | None:
    """A count of people or cases ("prosecuted nine cases", "six sex traffickers convicted"): the metric
    of its verb, participle or modifier; else it continues its anchor's; None when it is no count."""
    low = view.low
    metric: str | None = None
    inherits = False
    also: tuple[str, ...] = ()
    phrase_end = k + 1
    if (
        noun in CASE_PEOPLE
        and n > 0
        and low[n - 1] in ("with", "involving", "against")
        and before is not None
        and before.noun in ("cases", "case", "investigations", "prosecutions")
        and n - before.end <= 4
        # not "12 cases and obtained convictions against 15 traffickers": a metric noun of its own
        and not (low[n - 2] in METRIC_NOUNS and before.end < n - 1)
    ):
        return None  # "six cases involving 14 defendants": the verb counts the cases
    if (
        low[n - 1 : n] in (["in"], ["from"])
        and low[phrase_end : phrase_end + 1]
        and low[phrase_end].endswith("ed")
        and earlier_years(low, phrase_end + 1)
    ):
        return None  # "four defendants in three cases initiated in prior years": not the year's count
    if other_fate_after(view, phrase_end):
        return None  # "one defendant was acquitted": no metric counts them
    if noun in ("persons", "people", "individuals") and _granted_status(low, n):
        return Reading("victims_identified", phrase_end)  # "granted the status of victim to 20 persons"
    chain = _verbs_before(view, n)
    own = low[phrase_end] if phrase_end < len(low) else ""
    if (
        chain
        and own in VERBS
        and own.endswith("ed")
        and n >= 2
        and low[n - 1] in ("and", ",")
        and low[n - 2] in VERBS
        and low[n - 2].endswith("ed")
    ):
        # "compared with 123 defendants prosecuted and 109 traffickers convicted in 2014": the count's
        # own participle, not the verb of the count before it
        chain = [VERBS[own]]
    if noun in CASE_NOUNS and _sent_to_court(view, n, phrase_end):
        chain = ["prosecutions"]  # "brought 13 cases to court"
    elif low[n - 1 : n] == ["found"] and low[phrase_end : phrase_end + 1] == ["guilty"]:
        chain = ["convictions"]  # "the courts found 14 defendants guilty"
    elif noun in ("cases", "case") and _prosecutors_opened(low, n):
        chain = ["prosecutions"]  # "the public prosecution opened 144 judicial cases"
    elif (
        noun in RECORDED_CASES
        and _lodged(low, n, noun)
        and n >= 1
        and (low[n - 1] in RECORD_VERBS or (noun == "complaints" and low[n - 1] == "received"))
    ):
        chain = ["investigations"]  # "the police registered 30 cases of trafficking"
    elif (
        not chain
        and n >= 2
        and low[n - 1] in ("against", "of")
        and METRIC_NOUNS.get(low[n - 2], "victims") != "victims"
    ):
        chain = [METRIC_NOUNS[low[n - 2]]]  # "obtained convictions against 15 traffickers"
    elif (
        (noun in CASE_PEOPLE or noun in OFFICIALS)
        and (opened := _proceedings_against(low, n)) is not None
        and not any(
            c in ("police", "investigators", "investigated") for c in low[max(0, opened - 4) : opened]
        )
    ):
        # "initiated proceedings against 52 defendants", "brought charges against", "criminal cases were
        # opened against 11 officials"; "cases were opened against 62 persons" are investigations
        opened_cases = low[opened] == "cases" and "opened" in low[opened:n]
        chain = ["investigations" if opened_cases and noun not in OFFICIALS else "prosecutions"]
    if noun in RECORDED_CASES and any(m.startswith("victims") for m in chain):
        # "detected and investigated 210 cases": cases are no victims; a case detected is recorded
        chain = [m for m in chain if not m.startswith("victims")] or (
            ["investigations"]
            if _lodged(low, n, noun) and any(w in RECORD_VERBS for w in low[max(0, n - 4) : n])
            else []
        )
    if not chain and sentence_breakdown(low, phrase_end):
        return None  # "11 convicted traffickers received prison terms of less than three years"
    if (
        low[end : end + 2] == ["of", "the"]
        and phrase_end + 2 < len(low)
        and low[phrase_end] in VERBS
        and low[phrase_end + 1] in ("were", "was")
    ):
        phrase_end += 1  # "16 of the 22 defendants prosecuted were convicted": the 16's own verb
    after = None if _pick(chain) else _participle_after(view, phrase_end)
    if (
        after == "victims_identified"
        and noun in RECORDED_CASES
        and _lodged(low, n, noun)
        and any(low[m] in RECORD_VERBS for m in range(phrase_end, min(len(low), phrase_end + 8)))
    ):
        after = "investigations"  # "421 cases of trafficking were registered by the police"
    verb = _pick(chain) or after or _modifier_verb(mods)
    # "prosecuted and convicted two traffickers": a count for each verb.
    others = [m for m in chain if m != verb and not m.startswith("victims")]
    relative = relative_verb(view, phrase_end) if verb and noun in OFFICIALS | CASE_PEOPLE else None
    if relative is not None and relative != verb:
        others.append(relative)  # "prosecuted one official, a village head, who was convicted"
    if after is not None:
        others += [
            m for m in _coordinated_after(view, phrase_end) if m != verb and not m.startswith("victims")
        ]
    if noun in OFFICIALS:
        if verb is None and anchor is not None and anchor.metric in OFFICIAL_METRICS:
            verb = anchor.metric  # "convicted 14 traffickers, including two government officials"
        metric = OFFICIAL_METRICS.get(verb or "")
        also = tuple(OFFICIAL_METRICS[m] for m in others if m in OFFICIAL_METRICS)
        if metric is None and also:
            metric, also = also[0], also[1:]  # "No public servant was investigated or prosecuted"
    elif noun in PERSON_NOUNS or _exploited_after(view, phrase_end):
        metric = verb if verb and verb.startswith("victims") else None
        if metric is None and _exploited_after(view, phrase_end):
            metric = "victims_identified"  # "25 persons were obliged to beg"
        if metric is None and anchor is not None and anchor.metric and "victims" in anchor.metric:
            metric = "victims"  # "of whom 18 were children", "Of the 40 victims, 30 women ..."
    elif "prosecution" in mods:
        metric = "prosecutions"
    elif verb == "victims_identified" and _as_victims(low, phrase_end):
        metric = verb  # "certified 30 individuals as victims", "recognized 14 persons as trafficking victims"
    elif (
        verb == "victims_assisted"
        and noun in ("individuals", "persons", "people")
        and not _to_prosecution(low, phrase_end)
    ):
        metric = verb  # "the government assisted 210 individuals", "provided shelter to 40 persons"
    elif verb and not verb.startswith("victims"):
        metric = verb
        also = tuple(others)
    elif (
        anchor is not None
        and not verb
        and not _other_verb(view, n)
        and not pending(low, phrase_end)
        and not other_fate_after(view, phrase_end)
    ):
        inherits = True  # not "convicted 10 traffickers and acquitted four defendants", "one was acquitted"
    return Reading(metric, phrase_end, also, inherits)


def _granted_status(low: list[str], n: int) -> bool:
    """'granted the status of (statutory) victim of trafficking to 20 persons', 'gave victim status to 12
    people': the people counted at n were identified as victims."""
    if low[n - 1 : n] != ["to"]:
        return False
    before = low[max(0, n - 12) : n - 1]
    return "status" in before and any(
        w in ("granted", "gave", "given", "awarded", "accorded") for w in before
    )


def _same_actor_goes_on(gap: list[str]) -> bool:
    """Is the text between a count of officials and a bare count still about the officials: the same
    actor going on after a clause break ("...; it convicted none in 2015"), or the officials' own
    clause going on ("nine officials, most of them police officers, were prosecuted ... and three were
    convicted"), with no other people or cases named between?"""
    if ";" in gap:
        rest = gap[gap.index(";") + 1 :]
        return len(rest) <= 3 and rest[:1] in (["it"], ["they"]) and rest[-1].endswith("ed")
    others = [w for w in gap if (w in CASE_PEOPLE or w in PERSON_NOUNS) and w not in OFFICIALS]
    return not others and len(gap) <= 16 and gap[-1:] == ["and"]


def _as_victims(low: list[str], k: int) -> bool:
    """Are the people counted before k named victims after "as" ("... 14 persons as trafficking victims",
    "407 people were recognized as victims")?"""
    if low[k : k + 1] in (["were"], ["was"]):
        k += 1
        while k < len(low) and low[k] in ("officially", "formally", "also", "later", "subsequently"):
            k += 1
        if not (k < len(low) and VERBS.get(low[k]) == "victims_identified"):
            return False
        k += 1
    return low[k : k + 1] == ["as"] and any(w in ("victims", "victim") for w in low[k + 1 : k + 4])


def bare_number(
    view: View,
    n: int,
    end: int,
    anchor: Count | None,
    before: Count | None,
    prior: str | None,
    nobody: str | None,
    named_before: str | None,
) -> Reading | None:
    """A number with no noun ("26 charged in 2014", "of whom 32 received assistance", "(10 in 2017)"):
    the metric of what follows it, else a continuation of its anchor; None when it is no count."""
    low = view.low
    metric: str | None = None
    inherits = False
    split = False
    previous = False
    phrase_end = end
    if other_fate_after(view, end) or (low[end : end + 2] in OF_THEM and other_fate_after(view, end + 2)):
        return None  # "four were acquitted", "two of them were released"
    participle = _participle_metric(view, end)
    if participle is None and _care_after(view, end) and about_victims(low, n, anchor, prior):
        participle = "victims_assisted"  # "of whom 32 received assistance", "30 were sheltered"
    if (
        participle is None
        and (
            low[end : end + 2] in OF_THEM
            or low[end : end + 1] in ([";"], ["."], [","], [")"], ["who"])
            or end >= len(low)
        )
        and _assisted_by_head(view, n)
        and about_victims(low, n, anchor, prior)
    ):
        participle = "victims_assisted"  # "identified 77 victims and provided shelter to 50 of them"
    if participle is None and _exploited_after(view, end) and about_victims(low, n, anchor, prior):
        # "... and 30 were forced into labor": victims; of the anchor's kind when they are its part
        # ("assisted 126 victims: 98 had been trafficked for labor")
        participle = (
            anchor.metric
            if anchor is not None and anchor.metric and anchor.metric.startswith("victims_")
            else "victims_identified"
        )
    if participle is not None and earlier_years(low, end + 1):
        return None  # "15 victims, including four identified in prior years": not this year's count
    if participle is not None:
        metric = participle  # "compared to 57 assisted", "26 charged in 2014", "Of the 952 identified"
        phrase_end = end + 1
    elif low[end : end + 1] in (["were"], ["was"]) and any(
        low[end + 1 : end + 3] == [w, "of"] for w in ("victims", "victim")
    ):
        metric, phrase_end = "victims", end + 2  # "(of these,) 45 were victims of sex trafficking"
    elif (
        low[end : end + 1] in (["were"], ["was"])
        and (
            victims := next(
                (m for m in range(end + 1, min(len(low), end + 5)) if low[m] in ("victims", "victim")), None
            )
        )
        is not None
        and all(w.isalpha() or w == "-" for w in low[end + 1 : victims])
    ):
        metric, phrase_end = "victims", victims + 1  # "528 were labor trafficking victims"
    elif n >= 2 and low[n - 1] == "of" and METRIC_NOUNS.get(low[n - 2], "victims") != "victims":
        metric = METRIC_NOUNS[low[n - 2]]  # "obtained convictions of seven"
        ahead = low[end : end + 10]
        ahead = ahead[: next((m for m, w in enumerate(ahead) if w in (";", ",", ".")), len(ahead))]
        if metric in OFFICIAL_METRICS and any(w in OFFICIALS for w in ahead):
            metric = OFFICIAL_METRICS[
                metric
            ]  # "initiated prosecutions of two Bureau of Employment officials"
    else:
        metric = (
            _total_verb_metric(view, n)
            or _bare_after_verb(view, n, end)
            or labelled(view, n, end, before)
            or nobody
        )
        if metric is None and anchor is None and labels.labelled(view, n, end) is not None:
            # "... was reported as follows: 2018 - 31", a line "2015: 59;" after "... as follows:"
            metric = labels.announced_metric(view, n) or (prior if labels.label_line(view) else None)
        if metric is None and figure_named_before(view, n):
            # "the following year the number fell to 87", "In 2016 the figure was 52": the figure
            # the sentence, or the sentence before, stated
            back = anchor.metric if anchor is not None else prior
            metric = back if back and back != "victims" else None
    if (
        metric in OFFICIAL_METRICS
        and before is not None
        and (before.noun in OFFICIALS or (before.metric or "").startswith("officials_"))
        and (
            _continues(low[before.end : n])
            or low[end : end + 2] == ["of", "them"]
            or _same_actor_goes_on(low[before.end : n])
        )
    ):
        metric = OFFICIAL_METRICS[metric]  # "prosecuted two officials and convicted one", "one of them"
    if (
        metric is None
        and anchor is None
        and named_before
        and low[n - 1 : n] == ["("]
        and prior
        and prior.startswith("victims")
        and any(w in ("victims", "victim") for w in low[:n])
    ):
        metric, split = prior, True  # "The victims were exploited for sexual exploitation (19), ..."
    if metric is None:
        # "sexual exploitation accounted for 294 of the victims and labor exploitation for 81"
        how = "split" if named_before and anchor is not None else _continues_anchor(view, n, end, anchor)
        if how is None and anchor is not None and labels.labelled(view, n, end) is not None:
            how = "compare"  # "49 in 2018 (2017: 44; 2016: 51)", "nine (2013), 12 (2014)"
        if how is None and anchor is not None and in_another_place(view, n, end):
            how = "compare"  # "150 persons were exploited in Italy, and 185 in Spain"
        if how is None:
            return None
        inherits = True
        split = how == "split"
        previous = how == "previous"
    return Reading(metric, phrase_end, (), inherits, split, previous)
