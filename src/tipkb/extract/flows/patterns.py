"""The patterns a flow is found by, as data: each pattern's id (a flow's ``rule`` is
``flows.v2:<id>``) and a phrasing it stands for. ``triggers.trigger`` returns these ids; the word
triggers take theirs from the vocabulary's ``[sets.flow_triggers]`` (``word.<group>``). Adding a
pattern: its id and example here, its branch in ``triggers.trigger``, one test sentence.
"""

from __future__ import annotations

# The patterns a clause is recognised by, each with its id (a fact's ``rule`` is ``flows.v2:<id>``) and
# a phrasing it stands for. Word triggers ("trafficked", "sold", "victims") take their ids from the
# vocabulary's ``[sets.flow_triggers]``: ``word.<group>``.
PATTERNS = {
    "forced": "girls are forced into prostitution; men were forced to work",
    "forced-of": "the most common form of trafficking is the forced begging of boys",
    "conditions-of": "workers lived in conditions of forced labor",
    "trafficking-of": "trafficking of children; trafficking within the region",
    "internal-goes-on": "reports of internal trafficking continued",
    "occurred-within": "trafficking occurred within X",
    "trafficking-is-internal": "trafficking in X is largely internal",
    "faces-conditions": "migrants face conditions of ...",
    "into-exploitation": "sold into debt bondage; found in forced prostitution",
    "traffickers-move-people": "traffickers lure girls from X",
    "moved-for-exploitation": "sent 400 laborers to X for forced labor; sent women to X to work in brothels",
    "moved-through": "women are moved through X to Y; girls are transported via X onward to Y",
    "moved-in-transit": "X is a transit point for children moved from A to B",
    "victims-by-nationality": "Of these, 55 were Filipino and 19 Kenyan nationals (flows.breakdown)",
    "cases-of": "documented cases of forced labor of foreigners",
    "recruited-to-fight": "boys are recruited as child soldiers; armed groups used children",
    "amounts-to": "abuse amounting to forced labor; service that amounts to forced labour; indicators of forced labor",
    "used-as": "children are used as beggars; girls were used in prostitution",
    "exposed-to": "workers may be exposed to labor exploitation",
    "married-off": "girls are married off to men in X; daughters are given in marriage",
    "works-off-debt": "men were found working to pay off their debts; women work to repay loans",
    "points-back": "Nepali girls are taken to India. Many of these girls are forced into prostitution (the second)",
    "role-list": "Primary destination countries include X and Y (after a sentence about victims)",
    "share-of-victims": "Nigerian women were most victims; Ghanaian women constituted the next largest group",
    "headline": "Nepali Girls Trafficked to India Rescued (a heading)",
}
