"""Finding counts in a sentence: a number, what it counts and the year it is for.

A count is a number (or *one*, *seven*, *no*, *none*, *zero*) and what it counts: a noun that names the
metric ("22 investigations", "one conviction"), or a noun of people or cases whose metric comes from the
verb ("prosecuted nine cases", "six sex traffickers convicted", "33 females identified as victims").
Counts with no noun of their own ("(10 in 2017)", "compared with 698 in 2019", "429 sex trafficking")
take the metric of the count they follow. Each count gets its own year: the one stated with it, else
the one its group states, else the sentence's, paragraph's or report's.
"""

from __future__ import annotations

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.statistics import scope
from tipkb.extract.statistics.continuations import _continues, _continues_anchor, _exploitation
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.filters import _about_officials, _estimated, _negated, _third_party
from tipkb.extract.statistics.participles import (
    _coordinated_after,
    _modifier_verb,
    _participle_after,
    _participle_metric,
)
from tipkb.extract.statistics.phrases import (
    about_victims,
    any_metric,
    earlier_years,
    form_before,
    group_counted,
    in_another_place,
    labelled,
    no_one,
    one_official,
    pending,
    relative_verb,
    sentence_breakdown,
    zero_list,
)
from tipkb.extract.statistics.verbs import (
    _bare_after_verb,
    _pick,
    _sent_to_court,
    _to_court,
    _total_verb_metric,
    _verb_before,
    _verbs_before,
)
from tipkb.extract.statistics.victims import (
    _assisted_by_head,
    _care_after,
    _cared_for_after,
    _exploited_after,
    _modifier_victims,
    _victim_metric,
    _victim_verbs,
)
from tipkb.extract.statistics.words import (
    CARE_BEFORE,
    CARE_VERBS,
    CASE_NOUNS,
    CASE_PEOPLE,
    DETERMINERS,
    EXPLOITED,
    GLUED,
    METRIC_NOUNS,
    MODIFIERS,
    NOT_MODIFIERS,
    NOT_ONE,
    NOUN_HEADS,
    OFFICIAL_METRICS,
    OFFICIALS,
    PERSON_NOUNS,
    PROVIDE_VERBS,
    READ_WORDS,
    SKIP_AFTER,
    VERB_GAP,
    VERBS,
)
from tipkb.extract.statistics.years import more_years, year_of


def has_count_words(view: View) -> bool:
    low = view.low
    return any(
        w in METRIC_NOUNS
        or w in VERBS
        or w in NOUN_HEADS
        or w in EXPLOITED
        or _to_court(low, m)
        or w in READ_WORDS
        or w in CARE_VERBS
        or w in CARE_BEFORE
        or w == "cared"
        or w in PROVIDE_VERBS
        or GLUED.match(w)
        for m, w in enumerate(low)
    )


def find(view: View, base_year: int | None = None, before: str | None = None) -> list[Count]:
    """The counts of a sentence, left to right, each with its metric and the year stated with it
    (``base_year``: the year in force before the sentence, for 'the previous year'; ``before``: the
    metric of the sentence before, for the victims of an 'Of these, 45 were victims of ...')."""
    low = view.low
    out: list[Count] = []
    anchor: Count | None = None
    n = 0
    while n < len(low):
        found = _count_at(view, n, anchor, out[-1] if out else None, base_year, before)
        if found is None:
            named = _named_again(view, n, out)
            if named is not None:
                out.append(named)
                anchor = named
            n += 1
            continue
        follows = bool(out) and _continues(view.low[out[-1].end : found.start])
        if found.metric == "victims":
            found.metric = (
                anchor.metric if anchor and anchor.metric and "victims" in anchor.metric and follows else None
            )
            if (
                found.metric is None
                and anchor is None
                and before is not None
                and before.startswith("victims")
                and (
                    view.low[:2] in (["of", "these"], ["of", "them"], ["of", "those"])
                    or (
                        view.low[found.start + 1 : found.start + 4] == ["of", "the", found.noun]
                        and found.exploitation is not None
                    )
                )
            ):
                # "... identified 183 victims. Of these, 45 were victims of ...", "Sexual exploitation
                # accounted for 294 of the victims"
                found.metric = before
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
        if low[found.start + 1 : found.start + 3] == ["of", "the"] and view.number_at(found.start + 3):
            n = found.start + 3  # "47 of the 52 victims identified": the group may be a count too
    return out


def _named_again(view: View, n: int, out: list[Count]) -> Count | None:
    """'It identified 163 victims in 2018, ...; of the 163, 122 were female': a number the sentence
    counted before, named again as the group its next counts split (no fact of its own)."""
    low = view.low
    number = view.number_at(n)
    if number is None or low[n - 2 : n] != ["of", "the"] or low[number[1] : number[1] + 1] != [","]:
        return None
    same = next((c for c in out if c.value == number[0] and c.metric and not c.inherits), None)
    if same is None:
        return None
    named = Count(n, number[1], same.value, same.metric, None, same.year, False, noun=same.noun)
    named.own_year, named.restated = same.own_year, True
    return named


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


def _count_at(
    view: View,
    n: int,
    anchor: Count | None,
    before: Count | None,
    base_year: int | None,
    prior: str | None = None,
) -> Count | None:
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
    elif w in ("zero", "none", "no", "nobody"):
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
    if (
        n >= 3
        and low[n - 2 : n] == ["of", "the"]
        and view.number_at(n - 3)
        and not group_counted(view, n, end)
    ):
        return None  # "convicted 16 of the 22 defendants": the 22 is the group, not a count of the verb
    if end < len(low) and (low[end] in SKIP_AFTER or view.vocab.currency_names.match_at(low, end)):
        return None  # "12 years", "5 percent", "19 million drams"; not "12 new investigations"
    if _estimated(view, n):
        return None
    # The noun: skip modifiers, places and demonyms ("33 adult and minor Venezuelan females").
    k = end
    named = {q.i: q.j for q in view.places}
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
    exploitation_words_start = k
    while k < len(low) and k - end < 6 and low[k] not in known:
        if k in named:
            k = named[k]
            continue
        w = low[k]
        if k > end and view.number_at(k) is not None:
            break  # "convicted five and eight traffickers": the next count starts here
        if k == end and w in ("and", "or"):
            break  # "prosecutions to 20 and convictions to 10": the number stands alone
        if w == "-" and k > end and k + 1 < len(low) and low[k + 1].isalpha():
            k += 1  # "26 trafficking-related criminal cases"
            continue
        if w in MODIFIERS or (w.isalpha() and w not in NOT_MODIFIERS and w not in VERBS):
            k += 1
            continue
        break
    noun = low[k] if k < len(low) else ""
    people = False  # the noun is a demonym ("31 Colombians"): people, not a sub-group of them
    if noun not in known and low[end : end + 2] in (["guilty", "verdicts"], ["guilty", "verdict"]):
        k, noun = end + 1, "convictions"  # "courts handed down 12 guilty verdicts"
    if noun not in known:
        # "one male from India": the last modifier was the noun; "31 Colombians": a demonym.
        demonyms = {p.i for p in view.places if p.kind == "demonym"}
        for m in range(k - 1, end - 1, -1):
            if low[m] in PERSON_NOUNS:
                k, noun = m, low[m]
                break
        else:
            if end in demonyms and low[end].endswith("s") and end == k - 1:
                k, noun, people = end, "nationals", True
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
    named_before = form_before(view, n, anchor)
    exploitation = exploitation or named_before
    metric: str | None = None
    inherits = False
    split = False
    previous = False
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
        if value == 0:
            also = zero_list(low, k)  # "no prosecutions or convictions": both zero
        phrase_end = k + 1
        if _about_officials(view, phrase_end) and metric in ("prosecutions", "convictions"):
            metric = OFFICIAL_METRICS[metric]
            also = tuple(OFFICIAL_METRICS.get(m, m) for m in also)
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
        if noun in CASE_NOUNS and _sent_to_court(view, n, phrase_end):
            chain = ["prosecutions"]  # "brought 13 cases to court"
        elif low[n - 1 : n] == ["found"] and low[phrase_end : phrase_end + 1] == ["guilty"]:
            chain = ["convictions"]  # "the courts found 14 defendants guilty"
        elif noun in ("cases", "case", "crimes", "offenses", "offences") and low[n - 1 : n] in (
            ["registered"],
            ["recorded"],
        ):
            chain = ["investigations"]  # "the police registered 30 cases of trafficking"
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
        elif anchor is not None and not verb and not _other_verb(view, n) and not pending(low, phrase_end):
            inherits = True  # not "convicted 10 traffickers and acquitted four defendants"
    else:
        phrase_end = end
        participle = _participle_metric(view, end)
        if participle is None and _care_after(view, end) and about_victims(low, n, anchor, prior):
            participle = "victims_assisted"  # "of whom 32 received assistance", "30 were sheltered"
        if (
            participle is None
            and (
                low[end : end + 2] in (["of", "them"], ["of", "these"], ["of", "those"])
                or low[end : end + 1] in ([";"], ["."], [","], [")"])
                or end >= len(low)
            )
            and _assisted_by_head(view, n)
            and about_victims(low, n, anchor, prior)
        ):
            participle = "victims_assisted"  # "identified 77 victims and provided shelter to 50 of them"
        if participle is None and _exploited_after(view, end) and about_victims(low, n, anchor, prior):
            participle = "victims_identified"  # "... and 30 were forced into labor"
        if participle is not None and earlier_years(low, end + 1):
            return None  # "15 victims, including four identified in prior years": not this year's count
        if participle is not None:
            metric = participle  # "compared to 57 assisted", "26 charged in 2014", "Of the 952 identified"
            phrase_end = end + 1
        elif low[end : end + 1] in (["were"], ["was"]) and any(
            low[end + 1 : end + 3] == [w, "of"] for w in ("victims", "victim")
        ):
            metric, phrase_end = "victims", end + 2  # "(of these,) 45 were victims of sex trafficking"
        else:
            metric = (
                _total_verb_metric(view, n)
                or _bare_after_verb(view, n, end)
                or labelled(view, n, end, before)
                or nobody
            )
        if (
            metric in OFFICIAL_METRICS
            and before is not None
            and before.noun in OFFICIALS
            and (_continues(low[before.end : n]) or low[end : end + 2] == ["of", "them"])
        ):
            metric = OFFICIAL_METRICS[metric]  # "prosecuted two officials and convicted one", "one of them"
        if metric is None:
            # "sexual exploitation accounted for 294 of the victims and labor exploitation for 81"
            how = "split" if named_before and anchor is not None else _continues_anchor(view, n, end, anchor)
            if how is None and anchor is not None and in_another_place(view, n, end):
                how = "compare"  # "150 persons were exploited in Italy, and 185 in Spain"
            if how is None:
                return None
            inherits = True
            split = how == "split"
            previous = how == "previous"
    if value == 0 and low[n] == "no" and metric is None:
        return None
    if _third_party(view, n):
        # "IOM assisted 243 victims": the victims another party cared for are a statistic the report
        # states; what it identified, documented or estimated is not (FACTS.md)
        if "victims_assisted" in also:
            metric, also = "victims_assisted", ()
        if metric not in ("victims_assisted", "victims") and not inherits:
            return None
        also = ()
    if (
        metric == "victims_identified"
        and value > 0
        and "victims_assisted" not in also
        and _cared_for_after(view, phrase_end)
    ):
        also = (*also, "victims_assisted")  # "identified 12 victims and referred them to shelters"
    year = year_of(view, n, phrase_end, base_year)
    count = Count(n, phrase_end, value, metric, exploitation, year, inherits, also, noun=noun)
    count.own_year = year is not None
    if year is not None:
        count.years = more_years(view, phrase_end)
    count.split = split
    count.previous = previous and year is None
    count.sub_group = not people and (
        noun in scope.PART_WORDS
        or scope.is_part_phrase(view, end, k)
        or (phrase_end > end and scope.group_after(view, phrase_end))
        or (low[end : end + 1] == ["of"] and scope.group_after(view, end))
        or (
            # "Ten of the identified victims were minors"; not "convicted 16 of the 22 defendants"
            low[end : end + 2] == ["of", "the"]
            and not (n > 0 and low[n - 1] == "all")
            and not _verbs_before(view, n)
            # "16 of the 22 defendants were convicted": the year's convictions, not a sub-group
            and (metric is None or metric.startswith("victims") or not view.number_at(end + 2))
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
