"""The metric a participle or verb after a count gives it ("six sex traffickers convicted in 2016",
"of which 20 were sent to court", "12 were found guilty", "three cases resulted in convictions"), the
participles coordinated with it ("prosecuted or convicted"), and a metric participle among a count's
modifiers ("15 convicted traffickers").
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.verbs import _to_prosecution, to_court
from tipkb.extract.statistics.words import (
    CASE_NOUNS,
    METRIC_NOUNS,
    OFFICIALS,
    PERSON_NOUNS,
    TO_COURT,
    VERBS,
)

# Words before the number of a provision ("under Article 135 of the Criminal Code").
_ARTICLE_WORDS = frozenset(["article", "articles", "section", "sections", "art.", "paragraph", "chapter"])
_BEFORE_PARTICIPLE = frozenset(
    ["been", "later", "subsequently", "also", "eventually", "all", "formally", "officially"]
)


# Words that may follow a bare count's participle ("86 identified in 2018", "57 assisted last year",
# "26 charged and convicted", "nine prosecuted for forced labor").
_AFTER_PARTICIPLE = frozenset(
    [
        "in",
        "during",
        "by",
        "as",
        "at",
        "for",
        "from",
        "and",
        "or",
        "last",
        "the",
        "this",
        "that",
        "since",
        "with",
        "under",
        "on",
        "to",
        "into",
        "within",
        "between",
        "over",
        "through",
        "after",
        "before",
        "previously",
        "earlier",
        "so",
        "while",
        "but",
        "were",
        "was",
        "that",
        "who",
        "which",
        "each",
        "per",
        "among",
        "against",
        "across",
        "throughout",
        "until",
        "up",
    ]
)


_COUNTED_NOUNS = METRIC_NOUNS.keys() | CASE_NOUNS | OFFICIALS | PERSON_NOUNS


def _participle_metric(view: View, end: int) -> str | None:
    """A bare count with its participle: '57 assisted last reporting period', '86 identified in 2018'."""
    low = view.low
    if end >= len(low):
        return None
    w = low[end]
    if w in VERBS and w.endswith("ed"):
        nxt = low[end + 1] if end + 1 < len(low) else ""
        if nxt.isalpha() and nxt not in _AFTER_PARTICIPLE and nxt not in _COUNTED_NOUNS:
            return None  # "some 40,000 registered refugees": the participle qualifies a noun no count counts
        return VERBS[w]
    # "of which 20 were sent to court", "eight of whom were convicted", "12 were found guilty",
    # "nine of these went to trial"
    m = end
    if low[m : m + 2] in (["of", "whom"], ["of", "which"], ["of", "them"], ["of", "these"]):
        m += 2
    if low[m : m + 1] == [","] and m > end:
        # "one of them, the border guard, was convicted": past the apposition
        close = next((x for x in range(m + 1, min(len(low), m + 8)) if low[x] == ","), None)
        m = close + 1 if close is not None else m
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
    while m < len(low) and low[m] in _BEFORE_PARTICIPLE:
        m += 1
    if m >= len(low):
        return None
    if (
        VERBS.get(low[m]) == "victims_identified"
        and low[m + 1 : m + 2] == ["as"]
        and "victims" in low[m + 2 : m + 5]
    ):
        return "victims_identified"  # "of whom 44 were formally identified as victims"
    if to_court(low, m) or (low[m] in TO_COURT and _to_prosecution(low, m + 1)):
        return "prosecutions"  # "20 were referred to prosecutors"
    if low[m] == "found" and low[m + 1 : m + 2] == ["guilty"]:
        return "convictions"
    w = low[m]
    if w in VERBS and w.endswith("ed") and not VERBS[w].startswith("victims") and w != "sentenced":
        return VERBS[w]  # not "four were sentenced to ten years": a breakdown by sentence
    return None


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
        if w == "(" and (
            close := next((x for x in range(m + 1, min(len(low), m + 6)) if low[x] == ")"), None)
        ):
            m = k = close + 1  # "1,144 complaints (denuncias) of trafficking were registered": past a gloss
            continue
        if to_court(low, m):
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
        if m == k and w.endswith("ed") and w not in VERBS and low[m + 1 : m + 2] in (["of"], ["at"], ["to"]):
            # "a police officer accused of protecting a brothel was indicted": past the reduced relative
            was = next(
                (x for x in range(m + 2, min(len(low), m + 14)) if low[x] in ("was", "were", ",", ";")), None
            )
            if was is not None and low[was] in ("was", "were"):
                m = was
                continue
        if w == "in" and m + 1 < len(low) and view.toks[m + 1][:1].isupper():
            name = m + 1  # "a police officer in Mombasa was charged": past the place's name
            while name < len(low) and name < m + 3 and view.toks[name][:1].isupper():
                name += 1
            m = name
            steps += 1
            continue
        if w in (
            "from",
            "in",
            "each",
            "also",
            "who",
            "were",
            "was",
            "had",
            "has",
            "have",
            "been",
            "later",
            "formally",
            "officially",
        ):
            m += 1
            steps += 1
            continue
        if w in ("for", "on", "under", "of") and m == k:
            # "21 criminal proceedings for trafficking in human beings were initiated", "31 cases of
            # trafficking opened by the police": past the phrase of what the cases are for, to the verb
            verb = next(
                (
                    x
                    for x in range(m + 1, min(len(low), m + 11))
                    if low[x] in ("were", "was") or (low[x] in VERBS and low[x].endswith("ed"))
                ),
                None,
            )
            if verb is not None and not any(
                (view.number_at(x) and low[x - 1] not in _ARTICLE_WORDS) or low[x] in (",", ";", "(")
                for x in range(m + 1, verb)
            ):
                m = verb
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


# What befell people counted that no metric counts ("one defendant was acquitted", "four of the
# cases were dismissed"): such a count continues none before it.
_OTHER_FATES = frozenset(
    [
        "acquitted",
        "dismissed",
        "released",
        "arrested",
        "detained",
        "deported",
        "dropped",
        "closed",
        "suspended",
    ]
)


def other_fate_after(view: View, k: int) -> bool:
    """Does a passive verb of another fate follow the people or cases counted before k?"""
    low = view.low
    if low[k : k + 1] not in (["was"], ["were"]):
        return False
    m = k + 1
    while m < len(low) and low[m] in ("later", "subsequently", "also", "all", "eventually"):
        m += 1
    if m >= len(low) or low[m] not in _OTHER_FATES:
        return False
    # not "14 suspects were arrested and charged": a metric verb coordinated with it
    return not (low[m + 1 : m + 2] in (["and"], ["or"]) and m + 2 < len(low) and low[m + 2] in VERBS)


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
