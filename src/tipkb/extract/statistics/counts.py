"""Finding counts in a sentence: a number, what it counts and the year it is for.

A count is a number (or *one*, *seven*, *no*, *none*, *zero*) and what it counts: a noun that names the
metric ("22 investigations", "one conviction"), or a noun of people or cases whose metric comes from the
verb ("prosecuted nine cases", "six sex traffickers convicted", "33 females identified as victims").
Counts with no noun of their own ("(10 in 2017)", "compared with 698 in 2019", "429 sex trafficking")
take the metric of the count they follow. Each count gets its own year: the one stated with it, else
the one its group states, else the sentence's, paragraph's or report's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.statistics import scope
from tipkb.extract.statistics.words import (
    ASSIST_HEADS,
    ASSIST_NOUNS,
    AUTHORITIES,
    AUX,
    BARE_END,
    CASE_HEADS,
    CASE_NOUNS,
    CASE_PEOPLE,
    DETERMINERS,
    ESTIMATES,
    EXPLOITED,
    GLUED,
    LAST_YEARS,
    LINKS,
    METRIC_NOUNS,
    MODIFIERS,
    NEGATION,
    NOT_MODIFIERS,
    NOUN_HEADS,
    OFFICIAL_METRICS,
    OFFICIALS,
    PERSON_NOUNS,
    SKIP_AFTER,
    THIRD_PARTIES,
    TO_COURT,
    TOTAL_VERBS,
    VERB_GAP,
    VERBS,
)
from tipkb.extract.statistics.years import more_years, year_of


@dataclass(slots=True)
class Count:
    start: int
    end: int  # after the noun (or the number)
    value: int
    metric: str | None
    exploitation: str | None
    year: int | None
    inherits: bool  # no noun of its own: takes the anchor's metric
    also: tuple[str, ...] = ()  # the metrics of coordinated verbs ("prosecuted and convicted two")
    noun: str = ""
    own_year: bool = False  # the year is stated with the count itself
    years: tuple[int, ...] = ()  # more years stated with it ("zero in 2019 and 2018")
    split: bool = False  # a part of the count it continues ("ten concerned forced labor")
    sub_group: bool = False  # its noun phrase names a sub-group ("male victims", "foreign victims")
    restated: bool = False  # "Of the 19 convicted ...": a count stated before, named again
    remaining: bool = False  # "the remaining three"
    anchor: Count | None = None  # the count it continues
    parent: Count | None = None  # the total it is a part of
    scope: str = "total"
    span: tuple[int | None, int | None] | None = None
    drop: bool = False
    sub: list[Count] = field(default_factory=list)


def has_count_words(view: View) -> bool:
    low = view.low
    return any(
        w in METRIC_NOUNS
        or w in VERBS
        or w in NOUN_HEADS
        or w in EXPLOITED
        or _to_court(low, m)
        or GLUED.match(w)
        for m, w in enumerate(low)
    )


def find(view: View, base_year: int | None = None) -> list[Count]:
    """The counts of a sentence, left to right, each with its metric and the year stated with it
    (``base_year``: the year in force before the sentence, for 'the previous year')."""
    low = view.low
    out: list[Count] = []
    anchor: Count | None = None
    n = 0
    while n < len(low):
        found = _count_at(view, n, anchor, out[-1] if out else None, base_year)
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
            found.anchor = anchor
            if found.year is None and anchor.own_year:
                found.year = anchor.year
        if found.metric and not found.inherits:
            anchor = found
        out.append(found)
        n = found.end
    return out


def _count_at(
    view: View, n: int, anchor: Count | None, before: Count | None, base_year: int | None
) -> Count | None:
    low = view.low
    w = low[n]
    number = view.number_at(n)
    glued = GLUED.match(w) if number is None else None
    value: int
    if glued is not None:
        value, end = int(glued.group(2).replace(",", "")), n + 1
    elif number is not None:
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
    if n >= 3 and low[n - 2 : n] == ["of", "the"] and view.number_at(n - 3):
        return None  # "convicted 16 of the 22 defendants": the 22 is the group, not a count of the verb
    if end < len(low) and (low[end] in SKIP_AFTER or view.vocab.currency_names.match_at(low, end)):
        return None  # "12 years", "5 percent", "19 million drams"; not "12 new investigations"
    if _estimated(view, n):
        return None
    # The noun: skip modifiers, places and demonyms ("33 adult and minor Venezuelan females").
    k = end
    named = {q.i: q.j for q in view.places}
    exploitation_words_start = k
    known = METRIC_NOUNS.keys() | CASE_NOUNS | OFFICIALS | PERSON_NOUNS
    if (
        k + 2 < len(low)
        and low[n] not in ("any", "none", "no")
        and low[k] == "of"
        and low[k + 1] in DETERMINERS
    ):
        # "104 of the minors", "all eight of the confirmed cases"
        head = next((m for m in range(k + 2, min(len(low), k + 5)) if low[m] in known), None)
        between = range(k + 2, head or k + 2)
        if head is not None and all(
            low[m] in MODIFIERS or low[m].isalpha() or view.number_at(m) for m in between
        ):
            k = head
    while k < len(low) and k - end < 6 and low[k] not in known:
        if k in named:
            k = named[k]
            continue
        w = low[k]
        if w in MODIFIERS or (w.isalpha() and w not in NOT_MODIFIERS and w not in VERBS):
            k += 1
            continue
        break
    noun = low[k] if k < len(low) else ""
    if noun not in known:
        # "one male from India": the last modifier was the noun.
        for m in range(k - 1, end - 1, -1):
            if low[m] in PERSON_NOUNS:
                k, noun = m, low[m]
                break
    if noun in CASE_NOUNS and k + 1 < len(low) and low[k + 1] in METRIC_NOUNS and low[k + 1] != "victims":
        k, noun = k + 1, low[k + 1]  # "seven case investigations"
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
    split = False
    also: tuple[str, ...] = ()
    if noun in METRIC_NOUNS:
        metric = METRIC_NOUNS[noun]
        if metric == "victims":
            metric = _victim_metric(view, n, k) or (
                "victims_identified" if "identified" in mods else _modifier_victims(mods) or "victims"
            )
        if metric and metric.startswith("victims"):
            # "three victims were identified and assisted", "identified and referred 30 victims"
            also = tuple(m for m in _victim_verbs(view, n, k + 1) if m != metric)
        if "prosecution" in mods and noun in ("cases", "case"):
            metric = "prosecutions"
        phrase_end = k + 1
        if _about_officials(view, phrase_end) and metric in ("prosecutions", "convictions"):
            metric = OFFICIAL_METRICS[metric]
    elif noun in CASE_NOUNS or noun in OFFICIALS or noun in PERSON_NOUNS:
        phrase_end = k + 1
        if (
            noun in CASE_PEOPLE
            and n > 0
            and low[n - 1] in ("with", "involving", "against")
            and before is not None
            and before.noun in ("cases", "case", "investigations", "prosecutions")
            and n - before.end <= 4
        ):
            return None  # "six cases involving 14 defendants": the verb counts the cases
        chain = _verbs_before(view, n)
        verb = _pick(chain) or _participle_after(view, phrase_end) or _modifier_verb(mods)
        # "prosecuted and convicted two traffickers": a count for each verb.
        others = [m for m in chain if m != verb and not m.startswith("victims")]
        if noun in OFFICIALS:
            if verb is None and anchor is not None and anchor.metric in OFFICIAL_METRICS:
                verb = anchor.metric  # "convicted 14 traffickers, including two government officials"
            metric = OFFICIAL_METRICS.get(verb or "")
            also = tuple(OFFICIAL_METRICS[m] for m in others if m in OFFICIAL_METRICS)
        elif noun in PERSON_NOUNS or _exploited_after(view, phrase_end):
            metric = verb if verb and verb.startswith("victims") else None
            if metric is None and _exploited_after(view, phrase_end):
                metric = "victims_identified"  # "25 persons were obliged to beg"
            if metric is None and anchor is not None and anchor.metric and "victims" in anchor.metric:
                metric = "victims"  # "of whom 18 were children", "Of the 40 victims, 30 women ..."
        elif "prosecution" in mods:
            metric = "prosecutions"
        elif verb and not verb.startswith("victims"):
            metric = verb
            also = tuple(others)
        elif anchor is not None and not verb:
            inherits = True
    else:
        phrase_end = end
        participle = _participle_metric(view, end)
        if participle is not None:
            metric = participle  # "compared to 57 assisted", "26 charged in 2014", "Of the 952 identified"
            phrase_end = end + 1
        else:
            metric = _total_verb_metric(view, n) or _bare_after_verb(view, n, end)
        if metric is None:
            how = _continues_anchor(view, n, end, anchor)
            if how is None:
                return None
            inherits = True
            split = how == "split"
    if value == 0 and low[n] == "no" and metric is None:
        return None
    year = year_of(view, n, phrase_end, base_year)
    count = Count(n, phrase_end, value, metric, exploitation, year, inherits, also, noun=noun)
    count.own_year = year is not None
    if year is not None:
        count.years = more_years(view, phrase_end)
    count.split = split
    count.sub_group = (
        noun in scope.PART_WORDS
        or scope.is_part_phrase(view, end, k)
        or (phrase_end > end and scope.group_after(view, phrase_end))
        or (low[end : end + 1] == ["of"] and scope.group_after(view, end))
        or (
            # "Ten of the identified victims were minors"; not "convicted 16 of the 22 defendants"
            low[end : end + 2] == ["of", "the"]
            and not (n > 0 and low[n - 1] == "all")
            and not _verbs_before(view, n)
        )
        or scope.ongoing(view, n, k)
    )
    if (
        noun not in known
        and low[end : end + 1] == ["of"]
        and metric is not None
        and (anchor is None or anchor.metric != metric)
    ):
        count.sub_group = False  # "police arrested 40 suspects and prosecutors indicted 25 of them"
    count.restated = (
        n >= 2
        and low[n - 1] == "the"
        and low[n - 2] == "of"
        and (n == 2 or low[n - 3] in (",", ";", "(", ":"))
    )
    count.remaining = n > 0 and low[n - 1] == "remaining"
    return count


def _victim_verbs(view: View, n: int, end: int) -> list[str]:
    """The victim metrics of a chain of verbs before the count ("identified and referred 30 victims")
    or of coordinated participles after it ("30 victims were identified and assisted")."""
    low = view.low
    found = [m for m in _verbs_before(view, n) if m.startswith("victims")]
    m = end
    while m < len(low) and low[m] in ("were", "was", "had", "have", "been", "also", "later"):
        m += 1
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


def _participle_metric(view: View, end: int) -> str | None:
    """A bare count with its participle: '57 assisted last reporting period', '86 identified in 2018'."""
    low = view.low
    if end >= len(low):
        return None
    w = low[end]
    if w in VERBS and w.endswith("ed"):
        return VERBS[w]
    return None


def _total_verb_metric(view: View, n: int) -> str | None:
    """'The number of trafficking prosecutions reached 48', 'Identified victims totalled 61'."""
    low = view.low
    k = n - 1
    if k >= 0 and low[k] in ("at", "to", "from"):
        k -= 1  # "stood at 12", "rose to 48", "increased from 10 in 2016 to 25 in 2017"
    if k < 0 or low[k] not in TOTAL_VERBS:
        return None
    clause_start = max((a for a, _ in view.clauses() if a <= n), default=0)
    subject = low[max(clause_start, k - 10) : k]
    if low[k] in ("was", "were", "is", "are") and not ({"number", "total"} & set(subject)):
        return None
    for m in range(k - 1, max(clause_start, k - 10) - 1, -1):
        noun = low[m]
        if noun not in METRIC_NOUNS:
            continue
        metric = METRIC_NOUNS[noun]
        if metric != "victims":
            return metric
        words = set(low[max(clause_start, m - 4) : k])
        assisted = {w for w in words if VERBS.get(w) == "victims_assisted"}
        return "victims_assisted" if assisted else "victims_identified"
    return None


def _bare_after_verb(view: View, n: int, end: int) -> str | None:
    """'...; in 2019, courts convicted nine.': a count with no noun right after its verb."""
    low = view.low
    of_them = low[n] not in ("any", "none", "no") and low[end : end + 2] in (
        ["of", "them"],
        ["of", "these"],
        ["of", "those"],
    )
    if end < len(low) and low[end] not in BARE_END and not of_them:
        return None
    chain = _verbs_before(view, n)
    if not chain or (n > 0 and low[n - 1] in ("of", "against", "involving", "for")):
        return None
    return _pick(chain)


def _continues(gap: list[str]) -> bool:
    """Is the text between two counts a list or comparison ("), compared with", ", and")?"""
    if "out" in gap or gap[-1:] == ["of"]:
        return False
    if gap == [";"]:
        return True  # "convicted 17 traffickers; 12 were found guilty of labor trafficking"
    if any(w in ("compared", "versus", "(") for w in gap):
        return len(gap) <= 20
    return len(gap) <= 10 and (not gap or any(w in LINKS for w in gap))


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
    p = n - 1
    while p > 1 and (low[p] in VERB_GAP or low[p] == "all") and low[p] not in ("of", "and", "or"):
        p -= 1  # "convictions for at least 12 traffickers", "prosecutions in all eight"
    if p > 0 and (
        low[p] in ("of", "against", "involving", "for") or (low[p] == "in" and low[p - 1] in CASE_HEADS)
    ):
        head = low[p - 1]
        if head in NOUN_HEADS and low[p] != "for":
            return [NOUN_HEADS[head]]
        if head in METRIC_NOUNS and (low[p] != "for" or head not in ("victims", "victim")):
            metric = METRIC_NOUNS[head]
            return ["victims_identified" if metric == "victims" else metric]
    k = n - 1
    found: list[str] = []
    while k >= 0 and n - k <= 6:
        w = low[k]
        if k >= 2 and _to_court(low, k - 2):
            found.append("prosecutions")
            k -= 3
            continue
        if w in VERBS:
            found.append(VERBS[w])
        elif w not in VERB_GAP:
            break
        k -= 1
    return list(dict.fromkeys(found))


def _to_court(low: list[str], m: int) -> bool:
    """'sent to court', 'referred to trial', 'brought to court' at m: cases prosecuted."""
    return (
        m + 2 < len(low)
        and low[m] in TO_COURT
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
        if w in VERBS and w.endswith("ed"):
            return VERBS[w]
        if w in ("from", "in", "each", "also", "who", "were", "was", "had", "been", "later"):
            m += 1
            steps += 1
            continue
        break
    return None


def _modifier_verb(mods: list[str]) -> str | None:
    for w in mods:
        if w in ("convicted", "identified", "prosecuted", "investigated"):
            return VERBS[w]
    return None


def _victim_metric(view: View, n: int, k: int) -> str | None:
    """Whether victims counted at n were identified or assisted (verb before, participle or care after)."""
    verb = _verb_before(view, n)
    if verb and verb.startswith("victims"):
        return verb
    low = view.low
    if _assisted_by_head(view, n):
        return "victims_assisted"
    for m in range(k + 1, min(len(low), k + 12)):
        if low[m] in (";", "(", "compared", ",") or (m > k + 1 and view.number_at(m)):
            break  # "510 victims of trafficking for sexual exploitation were formally identified"
        if low[m] in ("receive", "received", "receiving", "given", "provided") and m + 1 < len(low):
            nxt = low[m + 1 : m + 4]
            if any(x in ASSIST_NOUNS for x in nxt):
                return "victims_assisted"
        if low[m] in VERBS and low[m].endswith("ed") and VERBS[low[m]].startswith("victims"):
            return VERBS[low[m]]
    for w in low[max(0, n - 3) : n]:
        if w in ("identified",):
            return "victims_identified"
    return None


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
        if p <= 0 or low[p] not in ("for", "of", "to"):
            return False
    return any(w in ASSIST_HEADS for w in low[max(0, p - 3) : p])


def _about_officials(view: View, k: int) -> bool:
    """'prosecutions involving complicit officials', 'convictions of government officials'."""
    low = view.low
    window = low[k : k + 4]
    return (
        bool(window) and window[0] in ("involving", "of", "against") and any(w in OFFICIALS for w in window)
    )


def _continues_anchor(view: View, n: int, end: int, anchor: Count | None) -> str | None:
    """How a bare number continues the count before it: as a figure for another year ("compare":
    '(10 in 2017)', 'compared with 698 in 2019', 'none reported in 2016', 'whereas none had been
    obtained in either 2013 or 2014') or as a part of it ("split": '429 sex trafficking', 'three for
    labor trafficking', 'ten concerned forced labor', '12 were found guilty of labor trafficking')."""
    if anchor is None:
        return None
    low = view.low
    m = end
    while m < len(low) and m < end + 4 and (low[m] in AUX or (low[m] in VERBS and low[m].endswith("ed"))):
        m += 1
    nxt = low[end] if end < len(low) else ""
    after = low[m] if m < len(low) else ""
    if after in ("in", "during") and m + 1 < len(low) and low[m + 1] == "either":
        m += 1  # "in either 2013 or 2014"
    if after in ("in", "during") and view.year_after(m + 1, 3):
        return "compare"
    if low[end : end + 1] in (["were"], ["was"]) and after in PERSON_NOUNS | scope.PART_WORDS:
        return "split"  # "of whom 18 were children", "(14 were children)"
    if nxt in ("reported", "each"):
        return "compare"
    if _exploitation_soon(view, end):
        return "split"
    prev = low[n - 1] if n > 0 else ""
    if nxt == "for" and prev in ("and", ",", "—", "–", "remaining"):
        return "split"  # "five for labor trafficking and five for unspecified exploitation"
    tail = " ".join(low[end + (nxt in ("in", "during")) : end + 5])
    if prev in ("(", "to", "with", "from") and (tail.startswith(LAST_YEARS) or nxt == "previously"):
        return "compare"  # "compared with 65 the previous year", "compared with four previously"
    if prev == "remaining":
        return "split"
    if prev in ("(", "to", "with") and nxt in (")", ",", "in", ";", "."):
        return "compare"
    return None


def _exploitation_soon(view: View, end: int) -> bool:
    """A form of exploitation in the words after a bare count, before the next count or clause."""
    low = view.low
    for m in range(end, min(len(low), end + 7)):
        if low[m] in (",", ";", "(", ")", ".", "—", "–", "compared") or (m > end and view.number_at(m)):
            return False
        if view.vocab.exploitation.match_at(low, m):
            return True
    return False


def _negated(view: View, n: int) -> bool:
    return any(w in NEGATION for w in view.low[max(0, n - 5) : n])


def _estimated(view: View, n: int) -> bool:
    """Estimates, counts by others than the government ("IOM assisted five children"), and "did not
    report ... any" (no data, not a zero) are not statistics."""
    low = view.low
    window = low[max(0, n - 8) : n]
    if any(w in ESTIMATES for w in window):
        return True
    if low[n] == "any" and "report" in window:
        return True
    clause_start = max((a for a, _ in view.clauses() if a <= n), default=0)
    # The last party named before the count is the one counting: "NGOs documented ... and police
    # identified 649 victims" is the police's count.
    for w in reversed(low[clause_start:n]):
        if w in AUTHORITIES:
            return False
        if w in THIRD_PARTIES:
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
