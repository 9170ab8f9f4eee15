"""The metric a verb before a count gives it ("prosecuted nine", "convicted and sentenced 15",
"sent to court 110", "initiated investigations of 12 cases", "prosecutions reached 48"): the chain of
verbs that governs the number, a metric noun with "of"/"against"/"involving", a total verb after its
metric noun, and the court a case is sent to ("brought 13 cases to court"). ``counts`` asks these
first; ``participles`` and ``victims`` build on them.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.words import (
    ASSIST_HEADS,
    ASSIST_NOUNS,
    AUX,
    BARE_END,
    CARE_BEFORE,
    CASE_HEADS,
    CASE_NOUNS,
    CASE_PEOPLE,
    METRIC_NOUNS,
    MOVE_ADVERBS,
    MOVING,
    NOUN_HEADS,
    OF_THEM,
    OFFICIAL_METRICS,
    OFFICIALS,
    PERSON_NOUNS,
    RECORD_VERBS,
    RECORDED_CASES,
    TO_COURT,
    VERB_GAP,
    VERBS,
)

# Verbs of bringing people home ("returned 412 children to their families", "reunited nine children
# with their families").
HOME_VERBS = frozenset(["returned", "reunited", "reunified"])


def _home_after(low: list[str], n: int) -> bool:
    """Are the people counted at n sent home ("... 412 children to their families", "to their home
    communities", "to their countries of origin", "with their families")?"""
    after = low[n + 1 : n + 12]
    to = next((m for m, w in enumerate(after) if w in ("to", "with")), None)
    if to is None:
        return False
    rest = after[to + 1 :]
    return (
        bool(rest)
        and rest[0] in ("their", "his", "her")
        and any(
            w in ("families", "family", "homes", "home", "communities", "countries", "country", "parents")
            for w in rest[1:4]
        )
    )


def _total_verb_metric(view: View, n: int) -> str | None:
    """'The number of trafficking prosecutions reached 48', 'Identified victims totalled 61'."""
    low = view.low
    k = n - 1
    if k >= 0 and low[k] in ("at", "to", "from"):
        k -= 1  # "stood at 12", "rose to 48", "increased from 10 in 2016 to 25 in 2017"
    while k > 0 and low[k] in MOVE_ADVERBS and low[k - 1] in MOVING:
        k -= 1  # "fell sharply to 45"
    if (
        k > 0
        and low[k + 1] in ("to", "at")
        and low[k] in METRIC_NOUNS
        and low[k] not in ("victims", "victim")
        and any(w in MOVING for w in low[:k])
    ):
        return METRIC_NOUNS[low[k]]  # "investigations rose to 30, prosecutions to 20"
    if k < 0 or low[k] not in MOVING:
        return None
    end = k
    if low[k - 1 : k] == [","]:
        # "The number of persons granted victim status, which gives access to care, was 24": the
        # subject before its relative clause
        opener = next((m for m in range(k - 2, max(0, k - 25), -1) if low[m : m + 1] == [","]), None)
        if opener is not None and low[opener + 1 : opener + 2] in (["which"], ["who"], ["whose"]):
            end = opener
    clause_start = max((a for a, _ in view.clauses() if a <= end), default=0)
    # "The number of investigations opened by the police into offences under Section 104a (...) was 49":
    # a long subject, from its "number of"
    reach = next((m for m in range(end - 1, max(clause_start, end - 30) - 1, -1) if low[m] == "number"), None)
    if reach is not None and reach < end - 10:
        head = next((m for m in range(reach + 2, end) if low[m] in METRIC_NOUNS), None)
        if head is not None:
            end = head + 1
    subject = low[max(clause_start, end - 10) : end]
    if low[k] in ("was", "were", "is", "are") and not ({"number", "total"} & set(subject)):
        return None
    for m in range(end - 1, max(clause_start, end - 10) - 1, -1):
        noun = low[m]
        if (
            noun in VERBS
            and noun.endswith("ed")
            and low[m - 1 : m]
            and low[m - 1] in CASE_NOUNS | PERSON_NOUNS
        ):
            return VERBS[noun]  # "The number of persons prosecuted for trafficking was 14"
        if (
            noun in CASE_NOUNS | PERSON_NOUNS
            and low[m - 1 : m]
            and VERBS.get(low[m - 1], "").startswith(("prosecutions", "convictions", "investigations"))
        ):
            return VERBS[low[m - 1]]  # "The number of convicted traffickers rose to 25"
        if noun in VERBS and noun.endswith("ed") and low[m - 1 : m] and low[m - 1] in OFFICIALS:
            # "The number of officials convicted of corruption was zero"
            return OFFICIAL_METRICS.get(VERBS[noun])
        if noun == "guilty" and low[m - 1 : m] == ["found"]:
            return "convictions"  # "the number of people found guilty fell to four"
        if noun in CASE_NOUNS and to_court(low, m + 1):
            return "prosecutions"  # "The number of cases brought to trial in 2017 was 71"
        if noun in RECORD_VERBS and low[m - 1 : m] and low[m - 1] in RECORDED_CASES:
            return "investigations"  # "The number of cases recorded by the police was 12"
        if noun not in METRIC_NOUNS:
            continue
        metric = METRIC_NOUNS[noun]
        if metric != "victims":
            return metric
        words = set(low[max(clause_start, m - 4) : end])
        assisted = {w for w in words if VERBS.get(w) == "victims_assisted"}
        return "victims_assisted" if assisted else "victims_identified"
    return None


# Words pointing back to a figure stated before ("the figure was 52", "the total then climbed to 49").
FIGURE_WORDS = frozenset(["figure", "number", "total", "count", "tally"])


def figure_named_before(view: View, n: int) -> bool:
    """Is the count at n the new value of a figure stated before: "the following year the number fell to
    87", "it rose again to 96", "In 2016 the figure was 52", "before dropping back to 33"?"""
    low = view.low
    k = n - 1
    while k > 0 and low[k] in ("to", "at", "a", "record", "only", "just", "some", "about", "nearly"):
        k -= 1
    if k <= 0 or low[k] not in MOVING:
        return False
    verb = low[k]
    k -= 1
    while k >= 0 and low[k] in MOVE_ADVERBS:
        k -= 1
    if verb.endswith("ing") and k >= 0 and low[k] in ("before", "after", ","):
        return True  # "..., before dropping back to 33 in 2015"
    if k >= 0 and low[k] == "it":
        return True
    return k >= 1 and low[k] in FIGURE_WORDS and low[k - 1] in ("the", "this", "that")


def _bare_after_verb(view: View, n: int, end: int) -> str | None:
    """'...; in 2019, courts convicted nine.': a count with no noun right after its verb."""
    low = view.low
    of_them = (
        low[n] not in ("any", "none", "no") or (low[n] == "none" and n > 0 and low[n - 1] in VERBS)
    ) and low[end : end + 2] in OF_THEM
    sent = end < len(low) and low[end] == "to"  # "referred 32 to shelters", "repatriated 12 to Nepal"
    # "investigated 11 officials and prosecuted two for complicity": the charge after a bare count
    charged = low[end : end + 1] == ["for"] and end + 1 < len(low) and view.number_at(end + 1) is None
    if end < len(low) and low[end] not in BARE_END and not of_them and not sent and not charged:
        return None
    chain = _verbs_before(view, n)
    headed = (
        of_them and n > 0 and low[n - 1] in ("into", "against")
    )  # "opened investigations into 24 of them"
    if not chain or (n > 0 and low[n - 1] in ("of", "against", "involving", "for", "into") and not headed):
        return None
    metric = _pick(chain)
    if low[n - 1 : n] in (["referred"], ["sent"], ["transferred"]) and _to_prosecution(
        low, end + 2 * of_them
    ):
        return "prosecutions"  # "referred 19 to the prosecutor's office", "referred three of them to the judiciary"
    if sent and metric != "victims_assisted":
        return None
    return metric


def _verb_before(view: View, n: int) -> str | None:
    """The metric verb that governs a count at n ("investigated 76", "convicted and sentenced 15"), or
    a metric noun with "of"/"against"/"involving" ("initiated investigations of 12 cases")."""
    return _pick(_verbs_before(view, n))


def _pick(found: list[str]) -> str | None:
    """The metric of a chain of verbs: the nearest, or victims_identified when one is 'identified'."""
    if not found:
        return None
    return "victims_identified" if "victims_identified" in found else found[0]


# Participles of the verbs that bring or hand down a case, which do not end in -ed.
_IRREGULAR_PARTICIPLES = frozenset(["brought", "begun", "taken", "down", "made"])


def _verbs_before(view: View, n: int) -> list[str]:
    """The metrics of the verbs that govern a count at n, nearest first ("prosecuted and convicted two",
    "sent to court 110"), or of a metric noun with "of"/"against"/"involving"."""
    low = view.low
    p = n - 1
    while p > 1 and (low[p] in VERB_GAP or low[p] == "all") and low[p] not in ("of", "and", "or"):
        p -= 1  # "convictions for at least 12 traffickers", "prosecutions in all eight"
    if p > 1 and low[p] in ("against", "in", "on", "for") and _sentence_head(low, p - 1):
        return ["convictions"]  # "guilty verdicts against 10 traffickers", "prison sentences on 12"
    if (
        p > 2
        and low[p] in ("against", "into", "in", "for", "of")
        and (low[p - 1].endswith("ed") or low[p - 1] in _IRREGULAR_PARTICIPLES)
    ):
        # "prosecutions were initiated against 20 suspects", "charges were filed in 14 cases",
        # "prosecutions were brought against 14 persons", "convictions were handed down against five"
        q = p - 2
        if low[p - 1] == "down" and low[q : q + 1] == ["handed"]:
            q -= 1
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
        if k >= 2 and to_court(low, k - 2) and "and" not in low[k + 1 : n]:
            found.append("prosecutions")
            k -= 3
            continue
        if w in VERBS:
            found.append(VERBS[w])
        elif (
            k == n - 1 and w.endswith("ed") and low[k - 2 : k] and low[k - 1] == "and" and low[k - 2] in VERBS
        ):
            pass  # "identified and discharged 75 child soldiers": the metric verb it is coordinated with
        elif (
            w == "to"
            and k == n - 1
            and low[k - 1 : k]
            and low[k - 1] in ("provided", "given", "offered", "extended", "granted")
            and any(x in ASSIST_NOUNS for x in low[max(0, k - 6) : k - 1])
        ):
            found.append("victims_assisted")  # "assistance was provided to 210 individuals"
            break
        elif w in ("to", "for") and k == n - 1 and low[k - 1 : k] and low[k - 1] in ASSIST_HEADS:
            found.append("victims_assisted")  # "legal services to 121 others", "shelter for 12 girls"
            break
        elif w in ("return", "reintegrate", "resettle") and low[k - 1 : k] == ["helped"]:
            found.append("victims_assisted")  # "helped return 31 nationals"
        elif (
            w in ASSIST_HEADS
            and low[k + 1 : k + 2] in (["of"], ["for"], ["to"])
            and low[n + 1 : n + 2] != ["of"]
        ):
            found.append("victims_assisted")  # "assisted in the return of 180 women", "shelter for 12 girls"
            break
        elif w in ASSIST_NOUNS and k >= 2 and low[k - 1] == "to" and low[k - 2] in VERBS:
            k -= 2  # "identified and referred to care 743 victims": the verb before its place
            continue
        elif w == "the" and k == n - 1 and k > 0 and (low[k - 1] == "returned" or low[k - 1] in VERBS):
            k -= 1  # "returned the seven Senegalese boys to their families", "repatriated the 14 victims"
            continue
        elif w in HOME_VERBS and _home_after(low, n):
            found.append("victims_assisted")  # "returned 412 children to their families"
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


_COURTS = frozenset(["court", "courts", "trial", "judge", "judges"])


def to_court(low: list[str], m: int) -> bool:
    """'sent to court', 'referred to trial', 'brought to court', 'brought before judges', 'reached the
    courts' at m: cases prosecuted."""
    if m + 2 >= len(low):
        return False
    if low[m] == "reached":
        return low[m + 1] == "the" and low[m + 2] in ("court", "courts")
    if low[m] not in TO_COURT or low[m + 1] not in ("to", "before"):
        return False
    k = m + 3 if low[m + 2] in ("a", "the") and m + 3 < len(low) else m + 2
    return low[k] in _COURTS


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
    if low[k : k + 1] in (["public"], ["state"], ["competent"], ["district"], ["regional"]):
        k += 1  # "referred 58 to the public prosecutor"
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
    if low[k : k + 1] == ["involving"] and k + 1 < len(low) and view.number_at(k + 1):
        # "sent 11 cases involving 16 defendants to court": the court after the people
        k = next((m for m in range(k + 2, min(len(low), k + 6)) if low[m] in CASE_PEOPLE), k) + 1
    after = low[k : k + 4]
    if after[:2] in (["for", "prosecution"], ["for", "trial"], ["to", "prosecutors"]):
        return True  # "referred 11 cases for prosecution", "sent 11 cases to prosecutors"
    if after[:1] == ["to"] or after[:1] == ["in"] or after[:1] == ["before"]:
        rest = after[2:3] if after[1:2] == ["the"] else after[1:2]
        return rest in (["court"], ["courts"], ["trial"])
    return False
