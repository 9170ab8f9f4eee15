"""Victims, forms of exploitation and sectors named in a span of a sentence."""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.flows.jobs import in_sector_list, job_migrated_for, lured_with, migrated_for, promised_job
from tipkb.extract.flows.words import (
    ABUSE_KINDS,
    ALSO_LABOR,
    BODIES,
    COERCION,
    COUNT_COPULA,
    DEBTS,
    EXPLOITING,
    FEMALE_DEMONYMS,
    GIVEN_TO,
    MARRYING,
    MEANS_CUES,
    OFF_WORDS,
    PART_WORDS,
    PAYING_OFF,
    QUOTES,
    REPAYING,
    SECTOR_PLACES,
    SERVING_CLIENTS,
    WORKING,
)
from tipkb.model import VICTIMS


def victims_in(view: View, start: int, end: int) -> tuple[str, ...]:
    """Victim groups named in a span; words inside a form of exploitation ("child soldiers") do not count."""
    inside = {n for i, j, _ in view.vocab.exploitation.find(view.low, start, end) for n in range(i, j)}
    low = view.low
    hits = [
        (i, value)
        for i, j, value in view.vocab.victims.find(low, start, end)
        if i not in inside
        and not given_to_others(view, i)
        and not sub_count(view, i)
        and not compound(view, i, j)
        and not in_a_name(view, i)
    ]
    # "women and girls, some of them minors": children among the girls or boys just named, no more people.
    hits = [
        (i, v)
        for n, (i, v) in enumerate(hits)
        if not (
            v == "children"
            and low[i - 2 : i] in (["of", "them"], ["of", "whom"])
            and any(w in ("girls", "boys") for _, w in hits[:n])
        )
    ]
    found = set()
    # "Filipina domestic workers": a demonym of women only.
    if any(p.kind == "demonym" and start <= p.i < end and low[p.i] in FEMALE_DEMONYMS for p in view.places):
        found.add("women")
    skip = -1
    for n, (i, value) in enumerate(hits):
        # "minor females": girls, not children; "adult and minor Venezuelan females": women and girls
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if low[i] == "minor" and nxt is not None and nxt[1] in ("women", "men") and nxt[0] - i <= 3:
            value = "girls" if nxt[1] == "women" else "boys"
            skip = -1 if "adult" in low[max(start, i - 2) : i] else n + 1
        # "female children", "male minors": girls, boys
        if low[i] in ("female", "male") and nxt is not None and nxt[1] == "children" and nxt[0] == i + 1:
            value = "girls" if low[i] == "female" else "boys"
            skip = n + 1
        if n != skip:
            found.add(value)
    return tuple(v for v in VICTIMS if v in found)


def in_a_name(view: View, i: int) -> bool:
    """Is the word at i part of the name of a body ("the Ministry of Women and Vulnerable Populations",
    "the Office for Children's Rights")?"""
    toks = view.toks
    if i == 0 or not toks[i][:1].isupper():
        return False
    return any(toks[m][:1].isupper() and view.low[m] in BODIES for m in range(max(0, i - 4), i))


def compound(view: View, i: int, j: int) -> bool:
    """Is the word at i:j part of a hyphenated compound ("the one-child policy", "child-sensitive"),
    not set off by a dash ("boys - referred to as ...")?"""
    low, at = view.low, view.chars

    def joined(a: int) -> bool:  # no space between tokens a and a + 1
        return at[a] + len(low[a]) == at[a + 1]

    before = i >= 2 and low[i - 1] in ("-", "‐") and joined(i - 2) and joined(i - 1)
    after = j + 1 < len(low) and low[j] in ("-", "‐") and joined(j - 1) and joined(j)
    return before or after


FIGHTERS = frozenset(
    ["army", "militia", "militias", "rebels", "rebel", "insurgents", "insurgent", "guerrillas"]
)
YOUNG = frozenset(["children", "child", "boys", "girls", "minors"])


def quoted_marriages(view: View, start: int, end: int) -> bool:
    """'subjected to so-called "summer marriages"', 'sold into "tourist marriages"': a marriage practice
    named in quotes."""
    low = view.low
    return any(
        low[n] in ("marriages", "marriage")
        and n + 1 < end
        and low[n + 1] in QUOTES
        and any(w in QUOTES for w in low[max(start, n - 3) : n])
        for n in range(start, end)
    )


def used_by_fighters(view: View, start: int, end: int) -> bool:
    """'(some of these children were) used by the Lord's Resistance Army', 'boys used by rebels':
    children used by a fighting force are child soldiers."""
    low = view.low
    if not YOUNG & set(low[start:end]):
        return False
    return any(
        low[n] == "used" and low[n + 1] == "by" and any(w in FIGHTERS for w in low[n + 2 : min(end, n + 8)])
        for n in range(start, end - 2)
    )


HOMES = frozenset(["in households", "private homes", "private households"])


def exploitation_in(view: View, start: int, end: int) -> tuple[str, ...]:
    low = view.low
    out: list[str] = []
    homes = said = False  # domestic servitude said only by where ("in households") / said as such
    for i, j, value in view.vocab.exploitation.find(low, start, end):
        if j < len(low) and low[j] in view.vocab.exploitation_blockers:
            continue
        if value == "domestic_servitude":
            venue = " ".join(low[i:j]) in HOMES
            homes, said = homes or venue, said or not venue
        if i > 0 and low[i - 1] in ("anti", "anti-", "counter"):
            continue
        if value == "sexual" and coercion(view, i, j, start):
            continue
        if counted_part(view, i, j) or migrated_for(view, start, i) or lured_with(view, start, i, value):
            continue
        # "forced labor on farms, in hotels and in domestic work": a place of the labor, a sector
        if (
            value == "domestic_servitude"
            and low[i:j] == ["domestic", "work"]
            and in_sector_list(view, start, i)
        ):
            continue
        if value not in out:
            out.append(value)
        if " ".join(low[i:j]) in ALSO_LABOR and "labor" not in out:
            out.append("labor")
    if "marriage" not in out and quoted_marriages(view, start, end):
        out.append("marriage")
    if "child_soldiers" not in out and used_by_fighters(view, start, end):
        out.append("child_soldiers")
    # "sex trafficking occurs in bars, massage parlors and private homes": homes as a venue of it
    if homes and not said and "sexual" in out:
        out.remove("domestic_servitude")
    for n in range(start, end):
        worked = repays_debt_at(view, n, end)
        if worked is None:
            continue
        out += [x for x in ("debt_bondage", "labor" if worked else "") if x and x not in out]
    return tuple(out)


def repays_debt_at(view: View, n: int, end: int) -> bool | None:
    """Is a debt being paid off at n ("working to pay off smuggling debts", "to repay their loans",
    "work off the debt"): debt bondage. True when the people work to pay it (labor too), False when
    they only pay it, None when no debt is paid off at n."""
    low = view.low
    w = low[n]
    if w in REPAYING:
        k = n + 1
    elif w in PAYING_OFF and n + 1 < end and low[n + 1] in OFF_WORDS:
        k = n + 2
    else:
        return None
    for m in range(k, min(end, k + 4)):
        if low[m] in DEBTS:
            break
        if low[m] in (",", ";", ":", "(", ")", "and", "or", "to", "for"):
            return None
    else:
        return None
    return w in WORKING or any(low[m] in WORKING for m in range(max(0, n - 3), n))


def counted_part(view: View, i: int, j: int) -> bool:
    """Is the exploitation at i:j that of a part of a count ("523 were victims of sex trafficking, 244 of
    labor trafficking", "a majority were victims of labor trafficking"), not of all the victims? A part
    that names where it happened ("seven were victims of forced labor in Russia") is a flow of its own,
    and the exploitation is its."""
    low = view.low
    if (
        j < len(low)
        and low[j] in ("in", "to", "within", "into")
        and any(q.i == j + 1 or (q.i == j + 2 and low[j + 1] == "the") for q in view.places)
    ):
        return False
    # "35 of both labor and sex trafficking": past the words of a coordination back to "of"
    if i >= 2 and low[i - 1] in ("and", "or"):
        for m in range(i - 2, max(0, i - 6), -1):
            if low[m] == "of":
                i = m + 1
                break
            if low[m] in (",", ";", ":", "(", ")"):
                break
    if i >= 3 and low[i - 1] in ("both", "either"):
        i -= 1
    if i < 2 or low[i - 1] != "of":
        return False
    if view.number_at(i - 2) is not None:
        return low[i - 3] != "the" if i >= 3 else True  # "244 of labor trafficking", not "the 2000 of"
    if i >= 4 and low[i - 2] in ("victims", "victim") and low[i - 3] in COUNT_COPULA:
        return view.number_at(i - 4) is not None or low[i - 4] in PART_WORDS
    return False


def sectors_in(view: View, start: int, end: int) -> tuple[str, ...]:
    out: list[str] = []
    hits = view.vocab.sectors.find(view.low, start, end)
    # "forced to tend cannabis farms": the words of a form of exploitation name no sector
    inside = {
        n for i, j, _ in view.vocab.exploitation.find(view.low, start, end) for n in range(i, j) if j - i > 1
    }
    # "to serve foreign men working on logging projects": the work of the clients, not of the victims
    clients = [i for i, _, _ in view.vocab.victims.find(view.low, start, end) if given_to_others(view, i)]
    for n, (i, j, value) in enumerate(hits):
        if i in inside or any(c < i <= c + 5 and not set(view.low[c:i]) & {",", ";", ":"} for c in clients):
            continue
        if (
            value not in out
            and not promised_job(view, start, i)
            and not job_migrated_for(view, start, i, j)
            and not names_place(view, hits, n, j)
        ):
            out.append(value)
    return tuple(out)


def names_place(view: View, hits: list[tuple[int, int, str]], n: int, j: int) -> bool:
    """Does the sector at hits[n] (ending at j) name a place ("in logging and mining areas", "to mining
    camps"), past the sectors joined to it?"""
    low = view.low
    for i2, j2, _ in hits[n + 1 :]:
        if i2 == j + 1 and low[j] in ("and", "or", ","):
            j = j2
        else:
            break
    return j < len(low) and low[j] in SECTOR_PLACES


def with_sector_labor(exploitation: tuple[str, ...], sectors: tuple[str, ...]) -> tuple[str, ...]:
    """Work in a sector (fishing, mining, brick kilns, street vending) is labor exploitation."""
    if "labor" in exploitation or not any(s != "domestic service" for s in sectors):
        return exploitation
    return (*exploitation, "labor")


def merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(x for x in second if x not in first)


def unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def given_to_others(view: View, i: int) -> bool:
    """Are the people at i those others are given to ('married off to wealthy men', 'sold to men') or
    those who do it ('recruited by men')?"""
    low = view.low
    for n in range(i - 1, max(0, i - 3) - 1, -1):
        if low[n] == "to":  # "married off to men", "sold as brides to Chinese men"
            k = n - 1
            while k > 0 and low[k] in QUOTES:  # 'sold into "tourist marriages" to men from X'
                k -= 1
            return any(w in GIVEN_TO for w in low[max(0, n - 5) : n]) or low[k] in ("marriage", "marriages")
        if low[n] == "with":  # "sold into forced marriages with men in X": the husbands
            k = n - 1
            while k > 0 and low[k] in QUOTES:  # 'sold into "summer marriages" with men'
                k -= 1
            return k >= 0 and low[k] in ("marriage", "marriages", "married", "wed")
        # "recruited by men they consider partners", "abused by men of the household": the doers
        if low[n] == "by" and not (n > 0 and low[n - 1] in ("followed", "accompanied")):
            return True
        if low[n] in MARRYING or low[n] in SERVING_CLIENTS:  # "forced to marry Chinese men", "to serve men"
            return True
    return False


def sub_count(view: View, i: int) -> bool:
    """Are the people at i a part of a count ("14 victims ...; two were children", "of whom three
    were girls", "227 of the victims were children"), not the victims of the flow?"""
    low = view.low
    if (
        i >= 3
        and view.number_at(i - 1) is not None
        and low[i - 2] in ("and", ",")
        and any(w in COUNT_COPULA for w in low[max(0, i - 6) : i - 2])
        and not described_by_place(view, i)
    ):
        return True  # "33 were female and eight male": the list of parts goes on
    if i < 2 or low[i - 1] not in COUNT_COPULA:
        return False
    # "60 were women from Nigeria ...", "12 were children exploited in sex trafficking within the
    # country": the part is a flow of its own, its people its victims
    if described_by_place(view, i) or low[i + 1 : i + 2] and low[i + 1] in EXPLOITING:
        return False
    if view.number_at(i - 2) is not None:
        return True
    # "<number> of the victims were children", "half of them were girls"
    k = i - 2
    if low[k] in ("victims", "persons", "people", "individuals", "them", "whom", "these", "those"):
        k -= 1
        if low[k] in ("the", "these", "those"):
            k -= 1
        if k >= 1 and low[k] == "of":
            return view.number_at(k - 1) is not None or low[k - 1] in PART_WORDS
    return False


def described_by_place(view: View, i: int) -> bool:
    """Are the people at i said to be of or from a place ("women from Nigeria", "Nigerian women")?"""
    hit = view.vocab.victims.match_at(view.low, i)
    j = hit[0] if hit else i + 1
    return any(
        (q.kind == "demonym" and q.j == i) or (q.i == j + 1 and view.low[j] == "from") for q in view.places
    )


def coercion(view: View, i: int, j: int, start: int) -> bool:
    """Is the sexual abuse or violence at i:j named as a means of coercion ("subjected to forced
    labor through passport confiscation, threats and sexual abuse"), not as the exploitation?"""
    low = view.low
    if low[i] == "sexually" and low[i + 1 : i + 2] == ["abused"]:
        # "physically and sexually abused", "sexually abused by employers": abuse; "were sexually
        # abused and exploited in forced labor": the exploitation
        return (i >= 2 and low[i - 1] in ("and", "or", ",") and low[i - 2] in ABUSE_KINDS) or (
            j < len(low) and low[j] in ("by", "at")
        )
    # "physical and sexual abuse", "sexual and physical violence": abuse of several kinds
    if (
        j + 2 < len(low)
        and low[j] in ("and", "or", ",")
        and low[j + 1] in ABUSE_KINDS
        and low[j + 2] in COERCION
    ):
        return True
    if j >= len(low) or low[j] not in COERCION:
        return False
    if j + 1 < len(low) and low[j + 1] in ("by", "from", "at"):
        return True  # "sexual abuse by employers": abuse at someone's hands
    if i >= 2 and low[i - 1] in ("and", "or", ",") and low[i - 2] in ABUSE_KINDS:
        return True
    for n in range(i - 1, max(start, i - 12) - 1, -1):
        w = low[n]
        if w in MEANS_CUES:
            return True
        if w in ("to", "into", "for", "in", ";", ":", "of"):
            return False
    return False
