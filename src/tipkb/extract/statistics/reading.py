"""Reading a count: the number at a word and the noun it counts.

The number is digits ("22", "1,262", "for10"), a number word ("seven"), a zero word ("no", "none",
"zero", "no one"), "a"/"an"/"any" after a metric verb ("convicted a trafficker", "did not obtain any
convictions") or "the only"/"its sole". It is no count when it is a year, an article or an age, the
group of a partitive ("16 of the 22 defendants"), years, percent or money ("12 years", "5 percent"), or
an estimate. The noun comes after modifiers, places and demonyms ("33 adult and minor Venezuelan
females"), or is the last person noun among them ("one male from India").
"""

from __future__ import annotations

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.statistics.filters import _estimated, _negated
from tipkb.extract.statistics.phrases import any_metric, group_counted, no_one, one_official
from tipkb.extract.statistics.verbs import _verb_before
from tipkb.extract.statistics.words import (
    CASE_NOUNS,
    DETERMINERS,
    GLUED,
    METRIC_NOUNS,
    MODIFIERS,
    NOT_MODIFIERS,
    NOT_ONE,
    OFFICIALS,
    PERSON_NOUNS,
    SKIP_AFTER,
    VERBS,
)


def known_nouns() -> set[str]:
    """The nouns a count may count: metric nouns, nouns of cases, officials and people."""
    return METRIC_NOUNS.keys() | CASE_NOUNS | OFFICIALS | PERSON_NOUNS


def read_number(view: View, n: int) -> tuple[int, int, str | None] | None:
    """The count's number at n: (value, end after it, the metric of a "no one"/"nobody"), or None when
    the word there is no number that counts."""
    low = view.low
    w = low[n]
    number = view.number_at(n)
    glued = GLUED.match(w) if number is None else None
    value: int
    nobody: str | None = None
    if glued is not None:
        value, end = int(glued.group(2).replace(",", "")), n + 1
    elif number is not None:
        if low[n - 1 : n] == ["no"] and w == "one":
            return None  # "no one was convicted": the zero counts at "no"
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
    elif w in ("zero", "none", "no", "nobody") or (
        w == "neither" and low[n + 1 : n + 2] in (["was"], ["were"], ["has"], ["had"], ["of"])
    ):  # "neither was convicted", not "neither ... nor"
        value, end = 0, n + 1
        if w == "nobody" or low[n : n + 2] == ["no", "one"]:
            nobody = no_one(view, n)  # "courts convicted no one in 2021"
            if nobody is None:
                return None
            end = n + 1 if w == "nobody" else n + 2
    elif w in ("a", "an", "any"):
        if w != "any" and n + 1 < len(low) and (low[n + 1] in NOT_ONE or view.number_at(n + 1)):
            return None  # "a few victims", "a number of cases"; "a dozen" counts at its number
        verb = _verb_before(view, n)
        if verb is None and not (
            one_official(view, n + 1) if w != "any" else (_negated(view, n) and any_metric(view, n + 1))
        ):
            return None  # not "a trafficker was convicted"; "did not obtain any convictions" is a zero
        value, end = (0 if w == "any" or _negated(view, n) else 1), n + 1
    elif w in ("the", "its", "their") and low[n + 1 : n + 2] in (["only"], ["sole"]):
        if n + 2 >= len(low) or view.number_at(n + 2) or low[n + 2] in ("one", "way", "time"):
            return None
        value, end = 1, n + 2  # "accommodated the only child victim", "its sole conviction"
    else:
        return None
    return value, end, nobody


# Room for people, not people counted ("capacity for 12 victims").
_ROOM = frozenset(["capacity", "beds", "places", "spaces", "space", "room"])


def rejected(view: View, n: int, end: int) -> bool:
    """Is the number at n..end no count: a partitive's group, years, percent, money, or an estimate?"""
    low = view.low
    if (
        n >= 3
        and low[n - 2 : n] == ["of", "the"]
        and view.number_at(n - 3)
        and not group_counted(view, n, end)
    ):
        return True  # "convicted 16 of the 22 defendants": the 22 is the group, not a count of the verb
    if end < len(low) and (low[end] in SKIP_AFTER or view.vocab.currency_names.match_at(low, end)):
        return True  # "12 years", "5 percent", "19 million drams"; not "12 new investigations"
    second = view.number_at(end + 1) if low[end : end + 1] in (["to"], ["-"], ["–"], ["and"]) else None
    if second is not None and second[1] < len(low) and low[second[1]] in SKIP_AFTER:
        return True  # "one to ten years' imprisonment": a range of years, not a count
    if n >= 2 and low[n - 1] in ("for", "of") and low[n - 2] in _ROOM:
        return True  # "a shelter with capacity for 12 victims", "30 beds for victims": room, not people
    if n >= 2 and low[n - 2 : n] == ["all", "but"]:
        return True  # "all but two were foreign nationals": the rest of a group, not a count
    if n >= 1 and low[n - 1] in _UNDOING:
        return True  # "appellate courts overturned six earlier convictions": no count of the year's
    if n >= 1 and low[n - 1] == "sentenced" and low[end : end + 2] == ["of", "the"]:
        return True  # "sentenced one of the convicted traffickers to ten years": a breakdown by sentence
    return _estimated(view, n)


# Verbs that undo what a count would count ("overturned six convictions", "quashed two indictments").
_UNDOING = frozenset(["overturned", "quashed", "annulled", "reversed", "vacated", "overturning", "dismissed"])


_OFFENDERS = frozenset(["traffickers", "trafficker", "offenders", "offender", "abusers", "exploiters"])


def _modifies_a_count_noun(low: list[str], k: int, known: set[str]) -> bool:
    """Is the person word at k a modifier of a count noun after it ("21 child trafficking cases",
    "12 child sex trafficking victims"): "child" before "trafficking" or "labor" and a known noun?"""
    if low[k] in ("child", "minor") and k + 1 < len(low) and low[k + 1] in _OFFENDERS | {"victims", "victim"}:
        return True  # "22 suspected child traffickers", "154 child victims were identified"
    if low[k] not in ("child", "children", "minor", "adult", "women", "migrant") or k + 2 >= len(low):
        return False
    rest = low[k + 1 : k + 4]
    return rest[:1] in (["trafficking"], ["sex"], ["labor"], ["labour"], ["sexual"], ["forced"]) and any(
        w in known and w not in PERSON_NOUNS for w in rest[1:]
    )


def find_noun(view: View, n: int, end: int) -> tuple[int, str, bool, int]:
    """The noun a number at n..end counts: (its index, the noun, whether it is a demonym's people, where
    the words of its form of exploitation start)."""
    low = view.low
    # The noun: skip modifiers, places and demonyms ("33 adult and minor Venezuelan females").
    k = end
    named = {q.i: q.j for q in view.places}
    known = known_nouns()
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
    exploitation_words_start = k
    while k < len(low) and k - end < 6 and (low[k] not in known or _modifies_a_count_noun(low, k, known)):
        if k in named:
            k = named[k]
            continue
        w = low[k]
        if k > end and view.number_at(k) is not None:
            break  # "convicted five and eight traffickers": the next count starts here
        if k == end and w in ("and", "or"):
            break  # "prosecutions to 20 and convictions to 10": the number stands alone
        second = view.number_at(k + 1) if w == "and" and k > end else None
        if second is not None:
            # "returned 64 Bissau-Guinean and 18 Malian children": the noun both numbers share
            shared = next((m for m in range(second[1], min(len(low), k + 8)) if low[m] in known), None)
            if shared is not None and all(
                low[m].isalpha() or low[m] == "-" or m in named for m in range(k + 2, shared)
            ):
                k = shared
            break
        if w == "-" and k > end and k + 1 < len(low) and low[k + 1].isalpha():
            k += 1  # "26 trafficking-related criminal cases"
            continue
        if w in MODIFIERS or (w.isalpha() and w not in NOT_MODIFIERS and w not in VERBS):
            k += 1
            continue
        break
    noun = low[k] if k < len(low) else ""
    people = False  # the noun is a demonym ("31 Colombians"): people, not a sub-group of them
    if noun not in known and low[end : end + 2] in (
        ["guilty", "verdicts"],
        ["guilty", "verdict"],
        ["convicting", "judgments"],
        ["convicting", "judgements"],
    ):
        k, noun = end + 1, "convictions"  # "courts handed down 12 guilty verdicts"
    if noun not in known:
        # "one male from India": the last modifier was the noun; "31 Colombians": a demonym.
        demonyms = {p.i for p in view.places if p.kind == "demonym"}
        for m in range(k - 1, end - 1, -1):
            if low[m] in PERSON_NOUNS:
                k, noun = m, low[m]
                break
        else:
            after_demonym = named.get(end, end + 1)
            if (
                end in demonyms
                and low[after_demonym - 1].endswith("s")
                and (
                    end == k - 1 or low[after_demonym : after_demonym + 1] in (["exploited"], ["trafficked"])
                )
            ):
                # "31 Colombians", "1,432 Indonesians exploited in scam operations"
                k, noun, people = after_demonym - 1, "nationals", True
    if noun in CASE_NOUNS and k + 1 < len(low) and low[k + 1] in METRIC_NOUNS and low[k + 1] != "victims":
        k, noun = k + 1, low[k + 1]  # "seven case investigations"
    if noun == "as" and k == end:
        # "identified 30 as trafficking victims"
        victims_at = next(
            (m for m in range(k + 1, min(len(low), k + 4)) if low[m] in ("victims", "victim")), None
        )
        if victims_at is not None:
            k, noun = victims_at, low[victims_at]
    return k, noun, people, exploitation_words_start
