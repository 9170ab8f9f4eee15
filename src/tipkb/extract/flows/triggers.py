"""Frames and triggers: does a clause say people were trafficked, exploited, forced or found as victims,
and by which pattern (the pattern's id becomes the fact's ``rule``)."""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.flows.victims import repays_debt_at
from tipkb.extract.flows.words import (
    AMOUNTING,
    CASES,
    CONDITIONS,
    DATA_WORDS,
    DIRECTIONS,
    EXTENT_ADVERBS,
    FACING,
    FORCE_AS_NOUN,
    FORCED_INTO,
    FOREIGN,
    GOES_ON,
    INDICATORS,
    INTERNAL,
    INTO_EXPLOITATION,
    MOVING,
    NETWORKS,
    NOT_A_VERB_BEFORE,
    NOT_ABOUT_VICTIMS,
    NOT_EXPOSED,
    NOT_GOING_ON,
    OCCURRED,
    ORIGIN_VERBS,
    PASSING,
    PASSIVE_AUX,
    PURPOSE_WORDS,
    QUANTIFIERS,
    RECRUITING,
    REPORTS_OF,
    SERVICES,
    TRAFFICKING_OF,
    TRIGGER_WORDS,
    VIA_CUES,
)


def is_victimization(view: View, start: int, end: int) -> bool:
    """Does the clause say people were trafficked, exploited, forced or found as victims?"""
    return trigger(view, start, end) is not None


def trigger(view: View, start: int, end: int) -> str | None:
    """The id of the first pattern by which the clause says people were trafficked, exploited, forced
    or found as victims (``PATTERNS``, ``word.<group>``), or None."""
    low = view.low
    vocab = view.vocab
    for n in range(start, end):
        w = low[n]
        group = TRIGGER_WORDS.get(w)
        if group is not None:
            # "victims' countries of origin", "victim assistance", "services for victims": not a
            # statement about victims.
            if group == "victims" and (
                (n + 1 < end and low[n + 1] in NOT_ABOUT_VICTIMS)
                or (n > start and low[n - 1] == "no")  # "identified no victims among ..."
                or served(view, start, n)
                or data_on(view, start, n)
                or (
                    n + 2 < end
                    and low[n + 1] == "-"
                    and low[n + 2] in ("related", "centered", "centred", "based")
                )
            ):  # "victim-related statistics", "a victim-centered approach"
                continue
            if w in ("force", "forces") and n > start and low[n - 1] in FORCE_AS_NOUN:
                continue  # "the use of force", "the labor force", "a task force"
            if w in ("subject", "subjects") and (
                (n + 1 < end and low[n + 1] == "to") or (n > start and low[n - 1] in NOT_A_VERB_BEFORE)
            ):
                continue  # "are subject to penalties", "the subject of": no one subjected
            return f"word.{group}"
        if w == "forced" and (
            (n > start and low[n - 1] in PASSIVE_AUX) or (n + 1 < end and low[n + 1] in FORCED_INTO)
        ):
            return "forced"
        # "boys are made to beg": "made to" and a form of exploitation, said as "forced to"
        if (
            w == "made"
            and start < n < end - 2
            and low[n - 1] in PASSIVE_AUX
            and low[n + 1] == "to"
            and vocab.exploitation.match_at(low, n + 2)
        ):
            return "forced"
        if w in CONDITIONS and n + 2 < end and low[n + 1] == "of" and vocab.exploitation.match_at(low, n + 2):
            return "conditions-of"
        if w == "trafficking" and n + 1 < end and low[n + 1] in TRAFFICKING_OF:
            return "trafficking-of"
        if (  # "Internal trafficking, mostly of young women from A to B, ..."
            w == "trafficking"
            and n + 3 < end
            and low[n + 1] == ","
            and low[n + 2] in EXTENT_ADVERBS
            and low[n + 3] in TRAFFICKING_OF
        ):
            return "trafficking-of"
        if (
            w == "trafficking"
            and n > start
            and low[n - 1] in INTERNAL | {"domestic"}
            and trafficking_goes_on(view, n, end)
        ):
            return "internal-goes-on"  # "Reports of internal trafficking continued", "domestic trafficking persists"
        if w == "trafficking" and n + 2 < end and low[n + 1] in OCCURRED and low[n + 2] == "within":
            return "occurred-within" if any(q.i == n + 3 for q in view.places) else None
        if w in INTERNAL and is_said_internal(view, start, n):
            return "trafficking-is-internal"  # "Trafficking in Nepal is largely internal"
        if w in FACING and n + 1 < end and low[n + 1] in CONDITIONS:
            return "faces-conditions"
        # "face forced labor", "found in forced prostitution", "sold into debt bondage"
        if (
            w in INTO_EXPLOITATION
            and start < n < end - 1
            and low[n - 1] not in NOT_EXPOSED
            and names_exploitation(view, n + 1, end)
        ):
            return "into-exploitation"
        # "a trafficking network that recruits women from A", "traffickers lure girls from B"
        if w in MOVING and by_traffickers(view, start, n) and people_after(view, n, end):
            return "traffickers-move-people"
        # "sent 400 laborers to Qatar for forced labor", "... for forced laboor and sex trafficking",
        # "sent to China through fraudulent marriages"
        if (
            w in ("for", "through")
            and n + 1 < end
            and any(
                names_exploitation(view, m + 1, end)
                for m in range(n, min(end - 1, n + 5))
                if m == n or low[m] in ("and", "or")
            )
            and people_moved(view, start, n)
        ):
            return "moved-for-exploitation"
        # "sent women to Turkey to work in brothels", "bring men to X to harvest their organs"
        if w == "to" and purpose_after(view, n, end) and people_moved(view, start, n):
            return "moved-for-exploitation"
        # "women are moved through Laos to China", "girls are transported via India onward to Oman"
        if (  # "a transit point for children moved from Togo to Nigeria"
            w in PASSING
            and n > start
            and low[n - 1] in vocab.people
            and "transit" in low[start:n]
            and "from" in low[n + 1 : n + 3]
        ):
            return "moved-in-transit"
        if w in PASSING and n > start and low[n - 1] in PASSIVE_AUX and carried_along(view, n, end):
            return "moved-through"
        # "(Boys are forced to beg.) Many of these boys are brought to X from A", "these girls come from
        # A": the victims of the sentence before, moved or coming from a place
        if (w in MOVING or w in ORIGIN_VERBS) and these_people_moved(view, start, n, end):
            return "these-people-moved"
        # "boys are forcibly recruited as child soldiers", "boys recruited by armed groups"
        if w in RECRUITING and made_to_fight(view, start, n, end):
            return "recruited-to-fight"
        # "abuse amounting to forced labor", "indicators of forced labor"
        if (
            (w in AMOUNTING and low[n + 1 : n + 2] == ["to"] and names_exploitation(view, n + 2, end))
            or (w in INDICATORS and low[n + 1 : n + 2] == ["of"] and names_exploitation(view, n + 2, end))
        ) and any(x in vocab.people for x in low[start:end]):
            return "amounts-to"
        # "children are used as beggars", "girls were used for prostitution"
        if (
            w == "used"
            and n > start
            and low[n - 1] in PASSIVE_AUX
            and low[n + 1 : n + 2] in (["as"], ["for"], ["in"])
            and view.vocab.exploitation.match_at(low, n + 2, end) is not None
        ):
            return "used-as"
        # "women working as caregivers in X may be exposed to labor exploitation"
        if w == "exposed" and low[n + 1 : n + 2] == ["to"] and names_exploitation(view, n + 2, end):
            return "exposed-to"
        # "girls are married off to older men", "daughters given in marriage to settle debts"
        if (w == "married" and low[n + 1 : n + 2] == ["off"]) or (
            w == "given" and low[n + 1 : n + 3] == ["in", "marriage"]
        ):
            return "married-off"
        # "found working to pay off smuggling debts", "women work to repay their loans"
        if repays_debt_at(view, n, end) is not None and any(x in vocab.people for x in low[start:end]):
            return "works-off-debt"
        # "documented cases of forced labor of foreigners": cases of exploitation of people
        if w in CASES and n + 2 < end and low[n + 1] == "of":
            k = n + 2
            while (hit := vocab.exploitation.match_at(low, k, end)) is not None:
                k = hit[0]  # "cases of forced labor and prostitution of ..."
                if (
                    k + 1 < end
                    and low[k] in ("and", "or", ",")
                    and vocab.exploitation.match_at(low, k + 1, end)
                ):
                    k += 1
            if k > n + 2 and of_people(view, k, end):
                return "cases-of"
        # "the most common form is the forced begging of boys": a forced exploitation of people
        hit = vocab.exploitation.match_at(low, n, end) if w == "forced" else None
        if hit is not None and of_people(view, hit[0], end):
            return "forced-of"
    return None


def these_people_moved(view: View, start: int, n: int, end: int) -> bool:
    """Is the verb at n said of people pointed back to ("these boys", "those women"), right before it
    or past an auxiliary ("are brought", "come"), with a place named after it ("to X", "from A")?"""
    low = view.low
    m = n - 1
    while m > start and low[m] in PASSIVE_AUX:
        m -= 1
    if low[n] in MOVING and m == n - 1:
        return False  # "these boys brought ...": no passive, and no "come from"
    if m - 1 < start or low[m] not in view.vocab.people or low[m - 1] not in ("these", "those"):
        return False
    return any(q.i > n and q.i - 1 < end and low[q.i - 1] in ("to", "into", "from") for q in view.places)


def is_said_internal(view: View, start: int, n: int) -> bool:
    """'Trafficking (in X) is (largely) internal': trafficking said to be internal at n."""
    low = view.low
    k = n - 1
    while k > start and low[k] in EXTENT_ADVERBS:
        k -= 1
    return k > start and low[k] in ("is", "was", "remains", "remained") and "trafficking" in low[start:k]


def trafficking_goes_on(view: View, n: int, end: int) -> bool:
    """Is trafficking named at n said to happen: 'reports of internal trafficking', 'internal
    trafficking continued / is widespread' (not 'internal trafficking is not criminalized')?"""
    low = view.low
    if n >= 3 and low[n - 2] == "of" and low[n - 3] in REPORTS_OF:
        return True
    nxt = low[n + 1 : min(end, n + 4)]
    if not nxt or nxt[0] not in GOES_ON:
        return False
    return not set(nxt[1:]) & NOT_GOING_ON


def names_exploitation(view: View, n: int, end: int) -> bool:
    """A form of exploitation named unmistakably at n ("forced labor", "prostitution", not "labor"),
    and not as a word of something else ("forced labor inspectors")."""
    low = view.low
    hit = view.vocab.exploitation.match_at(low, n, end)
    if hit and hit[0] < len(low) and low[hit[0]] in view.vocab.exploitation_blockers:
        return False
    return bool(hit and hit[0] - n > 1) or low[n] in ("prostitution", "servitude", "bondage")


def people_moved(view: View, start: int, n: int) -> bool:
    """A verb of moving people ("sent", "brought", "recruited") and the place it moves them to ("to
    Qatar") before n, with the people moved ("sent 400 laborers", "girls were sent")."""
    low = view.low
    for m in range(n - 1, max(start, n - 20) - 1, -1):  # past a list of origins
        if low[m] in MOVING:
            to_place = any(
                q.i > m + 1
                and q.j <= n
                and (
                    low[q.i - 1] in ("to", "into")
                    or low[q.i - 2 : q.i] in (["to", "the"], ["into", "the"])
                    or (low[q.i - 1] in DIRECTIONS and low[q.i - 2] in ("to", "into"))  # "into southern X"
                )
                for q in view.places
            )
            return to_place and any(w in view.vocab.people for w in low[start:n])
    return False


def purpose_after(view: View, n: int, end: int) -> bool:
    """A purpose of exploitation a few words after the 'to' at n ('to work in brothels', 'to beg',
    'to harvest their organs'), not a place ('to Qatar')."""
    low = view.low
    if any(q.i == n + 1 or (q.i == n + 2 and low[n + 1] == "the") for q in view.places):
        return False
    return any(
        names_exploitation(view, m, end) or low[m] in PURPOSE_WORDS for m in range(n + 1, min(end, n + 5))
    )


def carried_along(view: View, n: int, end: int) -> bool:
    """After a verb of carrying people at n: a transit place ('through Laos', 'via India') and then a
    place they are taken to ('to China', 'onward to Oman'), with people before the verb."""
    low = view.low
    via = next(
        (q for q in view.places if n < q.i < min(end, n + 4) and low[q.i - 1] in VIA_CUES and q.j <= end),
        None,
    )
    if via is None or not any(w in view.vocab.people for w in low[max(0, n - 8) : n]):
        return False
    if any(w.startswith("smuggl") for w in low[max(0, n - 8) : end]):
        return False  # "migrants smuggled ... are moved through X to Y": smuggling, not trafficking
    return any(
        via.j <= q.i - 1 < via.j + 4
        and q.j <= end
        and low[q.i - 1] in ("to", "into")
        or (q.i >= 2 and low[q.i - 2 : q.i] in (["to", "the"], ["into", "the"]) and via.j <= q.i - 2)
        for q in view.places
        if q.i >= via.j
    )


def made_to_fight(view: View, start: int, n: int, end: int) -> bool:
    """A verb of recruiting or using at n, with people, and child soldiers or armed groups a few words
    after it ('boys are recruited as child soldiers', 'armed groups used children as fighters')."""
    low = view.low
    soldiers = any(
        value == "child_soldiers" and i <= n + 5
        for i, _, value in view.vocab.exploitation.find(low, n + 1, min(end, n + 8))
    )
    return soldiers and any(w in view.vocab.people for w in low[start:end])


def by_traffickers(view: View, start: int, n: int) -> bool:
    """Is the verb at n done by traffickers ('traffickers recruit', 'a trafficking network that
    recruits', 'trafficking rings lured')?"""
    window = view.low[max(start, n - 6) : n]
    if "traffickers" in window:
        return True
    return "trafficking" in window and bool(set(window) & NETWORKS)


def people_after(view: View, n: int, end: int) -> bool:
    """People right after n ('recruits women and children', 'lured young girls')."""
    low = view.low
    demonyms = {n for q in view.places if q.kind in ("demonym", "region") for n in range(q.i, q.j)}
    for m in range(n + 1, min(end, n + 5)):
        if low[m] in view.vocab.people:
            return True
        if (
            low[m] not in ("young", "poor", "local", "rural", "vulnerable", "and", ",")
            and low[m] not in QUANTIFIERS
            and m not in demonyms  # "traffickers move Nepali girls"
        ):
            return False
    return False


def of_people(view: View, k: int, end: int) -> bool:
    """'... of foreigners', '... of citizens of A', '... among Ghanaian children' right at k."""
    low = view.low
    if k + 1 >= end or low[k] not in ("of", "among", "involving"):
        return False
    nxt = low[k + 1]
    demonyms = {p.i for p in view.places if p.kind == "demonym"}
    return nxt in view.vocab.people or nxt in FOREIGN or k + 1 in demonyms


def served(view: View, start: int, n: int) -> bool:
    """'services for victims', 'service provision for female victims', 'assistance to victims'."""
    low = view.low
    for m in range(n - 1, max(start, n - 4) - 1, -1):
        if low[m] in ("for", "to"):
            return m > start and low[m - 1] in SERVICES
    return False


def data_on(view: View, start: int, n: int) -> bool:
    """'statistics on the number of trafficking victims', 'kept no data on victims': talk of figures
    about victims, not a statement that people were victimized."""
    low = view.low
    for m in range(n - 1, max(start, n - 7) - 1, -1):
        if low[m] in (",", ";", ":", "(", ")"):
            return False
        if low[m] in ("on", "about", "regarding", "concerning") and m > start:
            return low[m - 1] in DATA_WORDS or (m > start + 1 and low[m - 2] in DATA_WORDS)
    return False


def defines_trafficking(words: set[str]) -> bool:
    """'The recruitment, transportation, transfer, harbouring or receipt of persons ... by means of
    the threat or use of force ...': the legal definition of trafficking, not a statement of a flow."""
    return "receipt" in words and bool(words & {"harbouring", "harboring"})
