"""Statistics: counts of investigations, prosecutions, convictions and victims (FACTS.md ``statistic``).

A count is a number (or *one*, *seven*, *no*, *none*, *zero*) and what it counts: a noun that names the
metric ("22 investigations", "one conviction"), or a noun of people or cases whose metric comes from the
verb ("prosecuted nine cases", "six sex traffickers convicted", "33 females identified as victims").
Counts with no noun of their own ("(10 in 2017)", "compared with 698 in 2019", "429 sex trafficking")
take the metric of the count they follow. Each count gets its own year: the one stated with it, else
the one its group states, else the sentence's, paragraph's or report's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import StatisticFact
from tipkb.vocab import word_set

RULE = "statistics.v1"

_METRIC_NOUNS = {
    "investigations": "investigations",
    "investigation": "investigations",
    "prosecutions": "prosecutions",
    "prosecution": "prosecutions",
    "convictions": "convictions",
    "conviction": "convictions",
    "victims": "victims",
    "victim": "victims",
}
_CASE_NOUNS = word_set("statistics.case_nouns")
_PERSON_NOUNS = word_set("statistics.person_nouns")
_OFFICIALS = word_set("statistics.officials")
_VERBS = {
    "investigated": "investigations",
    "investigating": "investigations",
    "investigate": "investigations",
    "investigates": "investigations",
    "initiated": "investigations",
    "opened": "investigations",
    "launched": "investigations",
    "conducted": "investigations",
    "prosecuted": "prosecutions",
    "prosecuting": "prosecutions",
    "prosecute": "prosecutions",
    "prosecutes": "prosecutions",
    "indicted": "prosecutions",
    "charged": "prosecutions",
    "tried": "prosecutions",
    "convicted": "convictions",
    "convicting": "convictions",
    "convict": "convictions",
    "convicts": "convictions",
    "sentenced": "convictions",
    "identified": "victims_identified",
    "identifying": "victims_identified",
    "identify": "victims_identified",
    "identifies": "victims_identified",
    "assisted": "victims_assisted",
    "assisting": "victims_assisted",
    "sheltered": "victims_assisted",
    "sheltering": "victims_assisted",
    "referred": "victims_assisted",
    "referring": "victims_assisted",
    "repatriated": "victims_assisted",
    "served": "victims_assisted",
    "accommodated": "victims_assisted",
    "housed": "victims_assisted",
    "supported": "victims_assisted",
}
# Between a verb and its count ("the police formally identified 87", "investigated only 43").
_VERB_GAP = word_set("statistics.verb_gap")
# Between a count and its noun ("22 trafficking investigations", "three corrupt police officials").
_MODIFIERS = word_set("statistics.modifiers")
# Words that end the run of modifiers between a count and its noun.
_NOT_MODIFIERS = word_set("statistics.not_modifiers")
_OFFICIAL_METRICS = {"prosecutions": "officials_prosecuted", "convictions": "officials_convicted"}
_ASSIST_NOUNS = word_set("statistics.assist_nouns")
_NEGATION = word_set("statistics.negation")
_BREAKS = word_set("statistics.breaks")
_SKIP_AFTER = word_set("statistics.skip_after")
_THIRD_PARTIES = word_set("statistics.third_parties")
_LAST_YEARS = (
    "the previous year",
    "the prior year",
    "last year",
    "the previous reporting period",
    "the year before",
)
_ESTIMATES = word_set("statistics.estimates")
_TO_COURT = word_set("statistics.to_court")
_AUTHORITIES = word_set("statistics.authorities")


@dataclass(slots=True)
class _Count:
    start: int
    end: int  # after the noun (or the number)
    value: int
    metric: str | None
    exploitation: str | None
    year: int | None
    inherits: bool  # no noun of its own: takes the anchor's metric
    also: tuple[str, ...] = ()  # the metrics of coordinated verbs ("prosecuted and convicted two")


def extract(view: View, memory: Memory) -> list[StatisticFact]:
    if view.sent.heading or not _has_count_words(view):
        return []
    country = view.ctx.subject
    if not country:
        return []
    counts = _counts(view)
    facts: list[StatisticFact] = []
    seen: set[tuple[str, int, int | None]] = set()
    for c in counts:
        if not c.metric or c.metric == "victims":
            continue
        for metric in (c.metric, *c.also):
            key = (metric, c.value, c.year)
            if key in seen:
                continue
            seen.add(key)
            facts.append(
                StatisticFact(
                    doc=view.ctx.doc,
                    year=c.year,
                    evidence=view.evidence(),
                    hedged=False,
                    rule=RULE,
                    section=view.ctx.section,
                    country=country,
                    metric=metric,
                    value=c.value,
                    exploitation=c.exploitation,
                )
            )
    if facts:
        memory.metric = facts[-1].metric
    return facts


def _has_count_words(view: View) -> bool:
    low = view.low
    return any(w in _METRIC_NOUNS or w in _VERBS or _to_court(low, m) for m, w in enumerate(low))


def _counts(view: View) -> list[_Count]:
    low = view.low
    out: list[_Count] = []
    anchor: _Count | None = None
    n = 0
    while n < len(low):
        found = _count_at(view, n, anchor)
        if found is None:
            n += 1
            continue
        follows = bool(out) and _continues(view.low[out[-1].end : found.start])
        if found.metric == "victims":
            found.metric = (
                anchor.metric if anchor and anchor.metric and "victims" in anchor.metric and follows else None
            )
        if found.inherits:
            if anchor is None or not follows:
                n = found.end
                continue
            found.metric = anchor.metric
            if found.year is None:
                found.year = anchor.year
        if found.metric and not found.inherits:
            anchor = found
        out.append(found)
        n = found.end
    # A count with no year of its own takes a year stated before the first count ("In 2017,
    # authorities investigated ..."), else the paragraph's or report's, not a comparison's year.
    opening = view.stated_year(0, out[0].start) if out else None
    for c in out:
        if c.year is None:
            c.year = opening or view.ctx.year
    return out


def _count_at(view: View, n: int, anchor: _Count | None) -> _Count | None:
    low = view.low
    w = low[n]
    number = view.number_at(n)
    value: int
    if number is not None:
        if as_year(low[n]) and "," not in view.toks[n]:
            return None
        if (
            n > 0
            and low[n - 1] in ("$", "article", "articles", "law", "aged", "age", "no.", "of")
            and (low[n - 1] != "of" or (n > 1 and low[n - 2] in ("article", "articles", "ages")))
        ):
            return None
        value_f, end = number
        if value_f != int(value_f):
            return None
        value = int(value_f)
    elif w in ("zero", "none", "no"):
        value, end = 0, n + 1
    elif w in ("a", "an", "any"):
        verb = _verb_before(view, n)
        if verb is None:
            return None
        value, end = (0 if w == "any" or _negated(view, n) else 1), n + 1
    else:
        return None
    if end < len(low) and (low[end] in _SKIP_AFTER or low[end] in view.vocab.currency_names.by_first):
        return None
    if _estimated(view, n):
        return None
    # The noun: skip modifiers, places and demonyms ("33 adult and minor Venezuelan females").
    k = end
    named = {q.i: q.j for q in view.places}
    exploitation_words_start = k
    known = _METRIC_NOUNS.keys() | _CASE_NOUNS | _OFFICIALS | _PERSON_NOUNS
    while k < len(low) and k - end < 6 and low[k] not in known:
        if k in named:
            k = named[k]
            continue
        w = low[k]
        if w in _MODIFIERS or (w.isalpha() and w not in _NOT_MODIFIERS and w not in _VERBS):
            k += 1
            continue
        break
    noun = low[k] if k < len(low) else ""
    if noun not in known:
        # "one male from India": the last modifier was the noun.
        for m in range(k - 1, end - 1, -1):
            if low[m] in _PERSON_NOUNS:
                k, noun = m, low[m]
                break
    if noun == "as" and k == end:
        # "identified 30 as trafficking victims"
        victims_at = next(
            (m for m in range(k + 1, min(len(low), k + 4)) if low[m] in ("victims", "victim")), None
        )
        if victims_at is not None:
            k, noun = victims_at, low[victims_at]
    mods = low[end:k]
    exploitation = _exploitation(view, exploitation_words_start, min(len(low), k + 7))
    metric: str | None = None
    inherits = False
    also: tuple[str, ...] = ()
    if noun in _METRIC_NOUNS:
        metric = _METRIC_NOUNS[noun]
        if metric == "victims":
            metric = _victim_metric(view, n, k) or (
                "victims_identified" if "identified" in mods else "victims"
            )
        if "prosecution" in mods and noun in ("cases", "case"):
            metric = "prosecutions"
        phrase_end = k + 1
        if _about_officials(view, phrase_end) and metric in ("prosecutions", "convictions"):
            metric = _OFFICIAL_METRICS[metric]
    elif noun in _CASE_NOUNS or noun in _OFFICIALS or noun in _PERSON_NOUNS:
        phrase_end = k + 1
        chain = _verbs_before(view, n)
        verb = _pick(chain) or _participle_after(view, phrase_end) or _modifier_verb(mods)
        # "prosecuted and convicted two traffickers": a count for each verb.
        others = [m for m in chain if m != verb and not m.startswith("victims")]
        if noun in _OFFICIALS:
            metric = _OFFICIAL_METRICS.get(verb or "")
            also = tuple(_OFFICIAL_METRICS[m] for m in others if m in _OFFICIAL_METRICS)
        elif noun in _PERSON_NOUNS:
            metric = verb if verb and verb.startswith("victims") else None
        elif "prosecution" in mods:
            metric = "prosecutions"
        elif verb and not verb.startswith("victims"):
            metric = verb
            also = tuple(others)
        elif anchor is not None and not verb:
            inherits = True
    else:
        phrase_end = end
        if not _continues_anchor(view, n, end, anchor):
            return None
        inherits = True
    if value == 0 and low[n] == "no" and metric is None:
        return None
    year = _year(view, n, phrase_end)
    return _Count(n, phrase_end, value, metric, exploitation, year, inherits, also)


_LINKS = word_set("statistics.links")


def _continues(gap: list[str]) -> bool:
    """Is the text between two counts a list or comparison ("), compared with", ", and")?"""
    if "out" in gap or gap[-1:] == ["of"]:
        return False
    if any(w in ("compared", "versus", "(") for w in gap):
        return len(gap) <= 20
    return len(gap) <= 10 and (not gap or any(w in _LINKS for w in gap))


def _verb_before(view: View, n: int) -> str | None:
    """The metric verb that governs a count at n ("investigated 76", "convicted and sentenced 15"), or
    a metric noun with "of"/"against"/"involving" ("initiated investigations of 12 cases")."""
    return _pick(_verbs_before(view, n))


def _pick(found: list[str]) -> str | None:
    """The metric of a chain of verbs: the nearest, or victims_identified when one is 'identified'."""
    if not found:
        return None
    return "victims_identified" if "victims_identified" in found else found[0]


def _verbs_before(view: View, n: int) -> list[str]:
    """The metrics of the verbs that govern a count at n, nearest first ("prosecuted and convicted two",
    "sent to court 110"), or of a metric noun with "of"/"against"/"involving"."""
    low = view.low
    if n > 1 and low[n - 1] in ("of", "against", "involving") and low[n - 2] in _METRIC_NOUNS:
        metric = _METRIC_NOUNS[low[n - 2]]
        return ["victims_identified" if metric == "victims" else metric]
    k = n - 1
    found: list[str] = []
    while k >= 0 and n - k <= 6:
        w = low[k]
        if k >= 2 and _to_court(low, k - 2):
            found.append("prosecutions")
            k -= 3
            continue
        if w in _VERBS:
            found.append(_VERBS[w])
        elif w not in _VERB_GAP:
            break
        k -= 1
    return list(dict.fromkeys(found))


def _to_court(low: list[str], m: int) -> bool:
    """'sent to court', 'referred to trial', 'brought to court' at m: cases prosecuted."""
    return (
        m + 2 < len(low)
        and low[m] in _TO_COURT
        and low[m + 1] in ("to", "before")
        and low[m + 2] in ("court", "courts", "trial")
    )


def _participle_after(view: View, k: int) -> str | None:
    """'six sex traffickers convicted in 2016', 'one male from India identified as ...'."""
    low = view.low
    named = {q.i: q.j for q in view.places}
    m = k
    steps = 0
    while m < len(low) and steps < 5:
        if m in named:
            m = named[m]
            steps += 1
            continue
        w = low[m]
        if _to_court(low, m):
            return "prosecutions"  # "110 cases were sent to court"
        if w in _VERBS and w.endswith("ed"):
            return _VERBS[w]
        if w in ("from", "in", "each", "also", "who", "were", "was", "had", "been", "later"):
            m += 1
            steps += 1
            continue
        break
    return None


def _modifier_verb(mods: list[str]) -> str | None:
    for w in mods:
        if w in ("convicted", "identified", "prosecuted", "investigated"):
            return _VERBS[w]
    return None


def _victim_metric(view: View, n: int, k: int) -> str | None:
    """Whether victims counted at n were identified or assisted (verb before, participle or care after)."""
    verb = _verb_before(view, n)
    if verb and verb.startswith("victims"):
        return verb
    low = view.low
    for m in range(k + 1, min(len(low), k + 12)):
        if low[m] in (";", "(", "compared", ",") or (m > k + 1 and view.number_at(m)):
            break  # "510 victims of trafficking for sexual exploitation were formally identified"
        if low[m] in ("receive", "received", "receiving", "given", "provided") and m + 1 < len(low):
            nxt = low[m + 1 : m + 4]
            if any(x in _ASSIST_NOUNS for x in nxt):
                return "victims_assisted"
        if low[m] in _VERBS and low[m].endswith("ed") and _VERBS[low[m]].startswith("victims"):
            return _VERBS[low[m]]
    for w in low[max(0, n - 3) : n]:
        if w in ("identified",):
            return "victims_identified"
    return None


def _about_officials(view: View, k: int) -> bool:
    """'prosecutions involving complicit officials', 'convictions of government officials'."""
    low = view.low
    window = low[k : k + 4]
    return (
        bool(window) and window[0] in ("involving", "of", "against") and any(w in _OFFICIALS for w in window)
    )


def _continues_anchor(view: View, n: int, end: int, anchor: _Count | None) -> bool:
    """A bare number that continues the count before it: '(10 in 2017)', 'compared with 698 in
    2019', '429 sex trafficking', 'three for labor trafficking', 'none reported in 2016'."""
    if anchor is None:
        return False
    low = view.low
    nxt = low[end] if end < len(low) else ""
    if view.year_after(end, 3) and nxt in ("in", "during"):
        return True
    if nxt in ("reported", "each") or (
        nxt in ("for", "of") and end + 1 < len(low) and view.vocab.exploitation.match_at(low, end + 1)
    ):
        return True
    if view.vocab.exploitation.match_at(low, end):
        return True
    prev = low[n - 1] if n > 0 else ""
    if prev in ("(", "to", "with", "from") and " ".join(low[end : end + 4]).startswith(_LAST_YEARS):
        return True  # "compared with 65 the previous year"
    return prev in ("(", "to", "with") and nxt in (")", ",", "in", ";", ".")


def _negated(view: View, n: int) -> bool:
    return any(w in _NEGATION for w in view.low[max(0, n - 5) : n])


def _estimated(view: View, n: int) -> bool:
    """Estimates, counts by others than the government ("IOM assisted five children"), and "did not
    report ... any" (no data, not a zero) are not statistics."""
    low = view.low
    window = low[max(0, n - 8) : n]
    if any(w in _ESTIMATES for w in window):
        return True
    if low[n] == "any" and "report" in window:
        return True
    clause_start = max((a for a, _ in view.clauses() if a <= n), default=0)
    # The last party named before the count is the one counting: "NGOs documented ... and police
    # identified 649 victims" is the police's count.
    for w in reversed(low[clause_start:n]):
        if w in _AUTHORITIES:
            return False
        if w in _THIRD_PARTIES:
            return True
    return False


def _exploitation(view: View, start: int, end: int) -> str | None:
    """The form of exploitation a count is split by ("73 sex trafficking cases", "87 victims of labor
    trafficking"); None when it names none or several."""
    low = view.low
    stop = end
    for m in range(start, end):
        if m > start and (low[m] in ("(", ")") or view.number_at(m)):
            stop = m
            break
        if low[m] in (",", ";", "compared", "and") and m > start + 1:
            if low[m] == "and" and m + 1 < len(low) and view.vocab.exploitation.match_at(low, m + 1):
                return None  # "two for sex and labor trafficking"
            if low[m] != "and":
                stop = m
                break
    found = {value for _, _, value in view.vocab.exploitation.find(low, start, stop)}
    if "domestic_servitude" in found:
        found.discard("labor")  # "involuntary domestic servitude" also reads as labor
    return found.pop() if len(found) == 1 else None


def _year(view: View, n: int, end: int) -> int | None:
    """The year a count is for: stated right after it, or for its group ("X and Y in 2007"), or
    'last year' (the year before the sentence's)."""
    low = view.low
    year = view.year_after(end, 4)
    if year:
        return year
    window = " ".join(low[end : end + 5])
    if any(p in window for p in _LAST_YEARS) or any(
        p[4:] in window for p in _LAST_YEARS if p.startswith("the ")
    ):
        base = view.stated_year(0, n) or view.ctx.year
        return base - 1 if base else None
    m = end
    while m < len(low) and m < end + 14:
        if low[m] in _BREAKS:
            break
        y = view.year_at(m)
        if y and m > 0 and low[m - 1] in ("in", "during"):
            return y
        if " ".join(low[m : m + 4]).startswith(
            _LAST_YEARS
        ):  # "46 prosecutions and 26 convictions the previous year"
            base = view.stated_year(0, n) or view.ctx.year
            return base - 1 if base else None
        m += 1
    return None
