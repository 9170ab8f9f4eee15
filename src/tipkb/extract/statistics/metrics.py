"""What a count counts, read from the words around its number: the verb before or after it ("prosecuted
nine", "six convicted"), a participle, the victims it names, an exploitation, a negation or an estimate
(``counts`` finds the counts and asks these)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.statistics import scope
from tipkb.extract.statistics.words import (
    ASSIST_HEADS,
    ASSIST_NOUNS,
    AUTHORITIES,
    AUX,
    BARE_END,
    CARE_BEFORE,
    CARE_VERBS,
    CASE_HEADS,
    CASE_NOUNS,
    CASE_PEOPLE,
    ESTIMATES,
    EXPLOITED,
    GLUED,
    LAST_YEARS,
    LINKS,
    METRIC_NOUNS,
    NEGATION,
    NOUN_HEADS,
    OFFICIALS,
    PERSON_NOUNS,
    PROVIDE_VERBS,
    THIRD_PARTIES,
    TO_COURT,
    TOTAL_VERBS,
    VERB_GAP,
    VERBS,
)

if TYPE_CHECKING:
    from tipkb.extract.statistics.count import Count


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


def _participle_metric(view: View, end: int) -> str | None:
    """A bare count with its participle: '57 assisted last reporting period', '86 identified in 2018'."""
    low = view.low
    if end >= len(low):
        return None
    w = low[end]
    if w in VERBS and w.endswith("ed"):
        return VERBS[w]
    # "of which 20 were sent to court", "eight of whom were convicted", "12 were found guilty",
    # "nine of these went to trial"
    m = end
    if low[m : m + 2] in (["of", "whom"], ["of", "which"], ["of", "them"], ["of", "these"]):
        m += 2
    if low[m : m + 1] in (["went"], ["proceeded"], ["go"]) and low[m + 1 : m + 3] in (
        ["to", "trial"],
        ["to", "court"],
    ):
        return "prosecutions"
    if low[m : m + 1] in (["resulted"], ["ended"], ["led"]) and low[m + 1 : m + 2] in (["in"], ["to"]):
        metric = next((METRIC_NOUNS[x] for x in low[m + 2 : m + 5] if x in METRIC_NOUNS), None)
        if metric is not None and metric != "victims":
            return metric  # "of the 30 cases prosecuted, 20 resulted in convictions"
    if m >= len(low) or low[m] not in ("were", "was", "had", "have"):
        return None
    m += 1
    while m < len(low) and low[m] in ("been", "later", "subsequently", "also", "eventually", "all"):
        m += 1
    if m >= len(low):
        return None
    if _to_court(low, m) or (low[m] in TO_COURT and _to_prosecution(low, m + 1)):
        return "prosecutions"  # "20 were referred to prosecutors"
    if low[m] == "found" and low[m + 1 : m + 2] == ["guilty"]:
        return "convictions"
    w = low[m]
    if w in VERBS and w.endswith("ed") and not VERBS[w].startswith("victims") and w != "sentenced":
        return VERBS[w]  # not "four were sentenced to ten years": a breakdown by sentence
    return None


def _total_verb_metric(view: View, n: int) -> str | None:
    """'The number of trafficking prosecutions reached 48', 'Identified victims totalled 61'."""
    low = view.low
    k = n - 1
    if k >= 0 and low[k] in ("at", "to", "from"):
        k -= 1  # "stood at 12", "rose to 48", "increased from 10 in 2016 to 25 in 2017"
    if (
        k > 0
        and low[k + 1] in ("to", "at")
        and low[k] in METRIC_NOUNS
        and low[k] not in ("victims", "victim")
        and any(w in TOTAL_VERBS for w in low[:k])
    ):
        return METRIC_NOUNS[low[k]]  # "investigations rose to 30, prosecutions to 20"
    if k < 0 or low[k] not in TOTAL_VERBS:
        return None
    clause_start = max((a for a, _ in view.clauses() if a <= n), default=0)
    subject = low[max(clause_start, k - 10) : k]
    if low[k] in ("was", "were", "is", "are") and not ({"number", "total"} & set(subject)):
        return None
    for m in range(k - 1, max(clause_start, k - 10) - 1, -1):
        noun = low[m]
        if (
            noun in VERBS
            and noun.endswith("ed")
            and low[m - 1 : m]
            and low[m - 1] in CASE_NOUNS | PERSON_NOUNS
        ):
            return VERBS[noun]  # "The number of persons prosecuted for trafficking was 14"
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
    sent = end < len(low) and low[end] == "to"  # "referred 32 to shelters", "repatriated 12 to Nepal"
    if end < len(low) and low[end] not in BARE_END and not of_them and not sent:
        return None
    chain = _verbs_before(view, n)
    if not chain or (n > 0 and low[n - 1] in ("of", "against", "involving", "for", "into")):
        return None
    metric = _pick(chain)
    if sent and low[n - 1 : n] in (["referred"], ["sent"], ["transferred"]) and _to_prosecution(low, end):
        return "prosecutions"  # "referred 19 to the prosecutor's office"
    if sent and metric != "victims_assisted":
        return None
    return metric


def _continues(gap: list[str]) -> bool:
    """Is the text between two counts a list or comparison ("), compared with", ", and")?"""
    if "out" in gap or gap[-1:] == ["of"]:
        return False
    if gap == [";"]:
        return True  # "convicted 17 traffickers; 12 were found guilty of labor trafficking"
    if any(w in ("compared", "versus", "(", "increase", "decrease", "rise", "drop", "decline") for w in gap):
        return len(gap) <= 20  # "..., a sharp increase from 1,262 victims in 2022"
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
    if p > 1 and low[p] in ("against", "in", "on", "for") and _sentence_head(low, p - 1):
        return ["convictions"]  # "guilty verdicts against 10 traffickers", "prison sentences on 12"
    if p > 2 and low[p] in ("against", "into", "in", "for", "of") and low[p - 1].endswith("ed"):
        # "prosecutions were initiated against 20 suspects", "charges were filed in 14 cases"
        q = p - 2
        while q > 0 and low[q] in ("were", "was", "been", "have", "has", "had", "also"):
            q -= 1
        if q < p - 2 and q >= 0:
            if low[q] in NOUN_HEADS:
                return [NOUN_HEADS[low[q]]]
            if low[q] in METRIC_NOUNS and METRIC_NOUNS[low[q]] != "victims":
                return [METRIC_NOUNS[low[q]]]
    if p > 1 and low[p] == "in" and low[p - 1] in CASE_PEOPLE and low[p - 2] in VERBS:
        return [VERBS[low[p - 2]]]  # "convicted offenders in 26 of them", "convicted traffickers in 12 cases"
    if p > 1 and low[p] == "in" and low[p - 1] in VERBS and low[p - 1].endswith("ed") and low[p - 2] in AUX:
        metric = VERBS[low[p - 1]]  # "proceedings were opened in 104 cases"
        if not metric.startswith("victims"):
            return [metric]
    if (
        p > 2
        and low[p] == "against"
        and low[p - 1] in ("filed", "brought", "pressed", "lodged")
        and any(w in ("charges", "indictments", "indictment") for w in low[max(0, p - 4) : p - 1])
    ):
        return ["prosecutions"]  # "indictments were filed against 82 persons"
    if p > 0 and low[p] in ("against", "into") and low[p - 1] in ("cases", "case", "proceedings"):
        # "opened criminal cases against 11 suspects": the verb before the cases counts them
        q = p - 2
        while q > 0 and low[q] in MODIFIERS_BEFORE_CASES:
            q -= 1
        if q >= 0 and low[q] in VERBS and not VERBS[low[q]].startswith("victims"):
            if low[q - 1 : q] in (["prosecutors"], ["prosecutor"]) and VERBS[low[q]] == "investigations":
                return ["prosecutions"]  # "prosecutors initiated cases against 366 defendants"
            return [VERBS[low[q]]]
    if p > 0 and (
        low[p] in ("of", "against", "involving", "for", "into")
        or (low[p] == "in" and (low[p - 1] in CASE_HEADS or low[p - 1] in ("charges", "indictments")))
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
        elif w in ("return", "reintegrate", "resettle") and low[k - 1 : k] == ["helped"]:
            found.append("victims_assisted")  # "helped return 31 nationals"
        elif w in CARE_BEFORE and "as" not in low[n + 1 : n + 7]:
            found.append(
                "victims_assisted"
            )  # "hospitals treated 45 victims"; not "treated them as offenders"
        elif w == "for" and low[k - 1 : k] in (["cared"], ["caring"]):
            found.append("victims_assisted")  # "the ministry cared for 15 victims"
            k -= 2
            continue
        elif w not in VERB_GAP:
            break
        k -= 1
    return list(dict.fromkeys(found))


def _sentence_head(low: list[str], m: int) -> bool:
    """'guilty verdicts', 'convictions and sentences', 'prison sentences' ending at m: a court's
    verdict on the people or cases counted after it."""
    if low[m] in ("verdicts", "verdict", "judgments", "judgements"):
        return low[m - 1] in ("guilty", "conviction", "convicting")
    if low[m] in ("sentences", "sentence"):
        return low[m - 1] in ("prison", "imprisonment", "jail", "custodial") and low[m - 2] in (
            "imposed",
            "handed",
            "issued",
            "gave",
            "delivered",
            "down",
        )
    return False


MODIFIERS_BEFORE_CASES = frozenset(["criminal", "trafficking", "new", "separate", "formal", "court", "legal"])


def _to_court(low: list[str], m: int) -> bool:
    """'sent to court', 'referred to trial', 'brought to court' at m: cases prosecuted."""
    return (
        m + 2 < len(low)
        and low[m] in TO_COURT
        and low[m + 1] in ("to", "before")
        and low[m + 2] in ("court", "courts", "trial")
    )


_COURT_TARGETS = frozenset(
    ["court", "courts", "trial", "prosecutors", "prosecutor", "prosecution", "judiciary"]
)


def _to_prosecution(low: list[str], m: int) -> bool:
    """'to court', 'to the courts', 'to prosecutors', "to the prosecutor's office", 'for prosecution' at
    m: what a case is sent to when it is prosecuted."""
    if low[m : m + 1] not in (["to"], ["for"], ["before"]):
        return False
    k = m + 1
    if low[k : k + 1] == ["the"]:
        k += 1
    return k < len(low) and (low[k] in _COURT_TARGETS or low[k].startswith("prosecutor"))


def _sent_to_court(view: View, n: int, k: int) -> bool:
    """'brought 13 cases to court', 'filed 15 cases in court', 'referred nine cases to the courts':
    a verb of sending before the count and its court after the noun (at k)."""
    low = view.low
    p = n - 1
    while p > 0 and low[p] in VERB_GAP and low[p] not in ("of", "and", "or"):
        p -= 1
    if p < 0 or (low[p] not in TO_COURT and low[p] not in ("filed", "took", "taken")):
        return False
    after = low[k : k + 4]
    if after[:2] in (["for", "prosecution"], ["for", "trial"], ["to", "prosecutors"]):
        return True  # "referred 11 cases for prosecution", "sent 11 cases to prosecutors"
    if after[:1] == ["to"] or after[:1] == ["in"] or after[:1] == ["before"]:
        rest = after[2:3] if after[1:2] == ["the"] else after[1:2]
        return rest in (["court"], ["courts"], ["trial"])
    return False


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
        if w == "found" and low[m + 1 : m + 2] == ["guilty"]:
            return "convictions"  # "14 defendants were found guilty"
        if w in ("went", "proceeded") and low[m + 1 : m + 3] in (["to", "trial"], ["to", "court"]):
            return "prosecutions"  # "six of those cases went to trial"
        if w in ("resulted", "ended", "led", "culminated") and low[m + 1 : m + 2] in (["in"], ["to"]):
            metric = next((METRIC_NOUNS[x] for x in low[m + 2 : m + 5] if x in METRIC_NOUNS), None)
            if metric is not None and metric != "victims":
                return metric  # "three cases resulted in convictions"
        if w in ("received", "receiving") and any(
            x in ("sentences", "sentence", "sentenced") for x in low[m + 1 : m + 4]
        ):
            return "convictions"  # "12 traffickers received prison sentences"
        if w in VERBS and w.endswith("ed"):
            return VERBS[w]
        if w.endswith("ed") and low[m + 1 : m + 2] == ["and"] and m + 2 < len(low) and low[m + 2] in VERBS:
            m += 2  # "14 suspects were arrested and charged"
            steps += 1
            continue
        if w in ("from", "in", "each", "also", "who", "were", "was", "had", "been", "later"):
            m += 1
            steps += 1
            continue
        if w == "," and m == k:
            # "Two officials, a police officer and a soldier, were convicted": past the apposition
            close = next((x for x in range(m + 1, min(len(low), m + 9)) if low[x] == ","), None)
            if close is not None and not any(view.number_at(x) for x in range(m + 1, close)):
                m = close + 1
                steps += 1
                continue
        break
    return None


def _coordinated_after(view: View, k: int) -> list[str]:
    """The metrics of participles coordinated with the one after a count ("no officials were
    prosecuted or convicted", "12 suspects were charged and convicted")."""
    low = view.low
    m = k
    while m < len(low) and m < k + 5 and not (low[m] in VERBS and low[m].endswith("ed")):
        m += 1
    found = []
    while (
        m + 2 < len(low) and low[m + 1] in ("and", "or") and low[m + 2] in VERBS and low[m + 2].endswith("ed")
    ):
        found.append(VERBS[low[m + 2]])
        m += 2
    return found


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
    if low[m : m + 2] in (["of", "them"], ["of", "these"], ["of", "those"], ["of", "whom"]):
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
    return False


_PRONOUNS = frozenset(["them", "her", "him", "both", "all", "each"])


def _cared_for_after(view: View, end: int) -> bool:
    """'identified 12 victims and referred them to shelters', '... one woman and referred her to an
    organization for care', '... 40 victims, all of whom received assistance': the same people,
    named again by a pronoun, were cared for (victims_assisted with the same value)."""
    low = view.low
    stop = min(len(low), end + 14)
    for m in range(end, stop):
        w = low[m]
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


def _about_officials(view: View, k: int) -> bool:
    """'prosecutions involving complicit officials', 'convictions of government officials'."""
    low = view.low
    if low[k : k + 1] in (["or"], ["and"]) and k + 1 < len(low) and low[k + 1] in METRIC_NOUNS:
        k += 2  # "no prosecutions or convictions of complicit officials"
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
    if (
        prev in (",", "and", "with", "to")
        and nxt in (",", "and", "in", ")")
        and "respectively" in low[end : end + 10]
    ):
        return "compare"  # "(42, 29, and 22 in 2019, respectively)"
    if (
        prev == "from"
        and nxt in (")", ",", ";", ".")
        and low[n - 2 : n - 1] in (["up"], ["down"], ["increase"], ["decrease"])
    ):
        return "previous"  # "identified 120 victims, up from 95": the previous period's figure
    if prev in ("another", "additional"):
        return "compare"  # "10 under the trafficking law and another four under other laws"
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
            return False
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


def _exploitation(view: View, start: int, end: int) -> str | None:
    """The form of exploitation a count is split by ("73 sex trafficking cases", "87 victims of labor
    trafficking"); None when it names none or several."""
    low = view.low
    stop = end
    for m in range(start, end):
        if m > start and (low[m] in ("(", ")") or (view.number_at(m) and not view.year_at(m))):
            stop = m
            break
        if low[m] in (",", ";", "compared", "and") and m > start:
            if low[m] == "and" and m + 1 < len(low) and view.vocab.exploitation.match_at(low, m + 1):
                return None  # "two for sex and labor trafficking"
            if low[m] != "and":
                stop = m
                break
    found = {value for _, _, value in view.vocab.exploitation.find(low, start, stop)}
    if "domestic_servitude" in found:
        found.discard("labor")  # "involuntary domestic servitude" also reads as labor
    return found.pop() if len(found) == 1 else None
