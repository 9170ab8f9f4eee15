"""The words counts are read with: metric nouns and verbs, and the word sets of vocabulary.toml's
``[sets.statistics]``."""

from __future__ import annotations

import re

from tipkb.vocab import word_set

METRIC_NOUNS = {
    "investigations": "investigations",
    "investigation": "investigations",
    "prosecutions": "prosecutions",
    "prosecution": "prosecutions",
    "convictions": "convictions",
    "conviction": "convictions",
    "indictments": "prosecutions",
    "indictment": "prosecutions",
    "victims": "victims",
    "victim": "victims",
    "survivors": "victims",  # NGO register: "gave shelter to 118 survivors"
    "survivor": "victims",
    "beneficiaries": "victims",  # NGO register: "our center housed 62 beneficiaries"
    "probes": "investigations",  # "Of the 2014 probes, 19 concerned forced criminality"
    "probe": "investigations",
}
CASE_NOUNS = word_set("statistics.case_nouns")
PERSON_NOUNS = word_set("statistics.person_nouns")
OFFICIALS = word_set("statistics.officials")
CARE_BEFORE = word_set("statistics.care_before")
NOT_ONE = word_set("statistics.not_one")
# "<form> accounted for N": the count is that form's share.
ACCOUNT_VERBS = frozenset(["accounted", "accounts", "account", "accounting"])
VERBS = {
    "investigated": "investigations",
    "investigating": "investigations",
    "investigate": "investigations",
    "investigates": "investigations",
    "initiated": "investigations",
    "initiating": "investigations",
    "initiate": "investigations",
    "opening": "investigations",
    "opened": "investigations",
    "launched": "investigations",
    "conducted": "investigations",
    "prosecuted": "prosecutions",
    "prosecuting": "prosecutions",
    "prosecute": "prosecutions",
    "prosecutes": "prosecutions",
    "indicted": "prosecutions",
    "charged": "prosecutions",
    "charging": "prosecutions",
    "charge": "prosecutions",
    "indicting": "prosecutions",
    "tried": "prosecutions",
    "heard": "prosecutions",  # "courts heard 17 trafficking cases"
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
    "repatriating": "victims_assisted",
    "repatriate": "victims_assisted",
    "served": "victims_assisted",
    "accommodated": "victims_assisted",
    "housed": "victims_assisted",
    "supported": "victims_assisted",
    "helped": "victims_assisted",
    "admitted": "victims_assisted",
    "registered": "victims_identified",
    "recognized": "victims_identified",
    "recognised": "victims_identified",
    "certified": "victims_identified",
    "confirmed": "victims_identified",
    "rescued": "victims_identified",
    "freed": "victims_identified",
    "liberated": "victims_identified",
    "removed": "victims_identified",
    "detected": "victims_identified",
    "placed": "victims_assisted",
}
# Between a verb and its count ("the police formally identified 87", "investigated only 43").
VERB_GAP = word_set("statistics.verb_gap")
# Between a count and its noun ("22 trafficking investigations", "three corrupt police officials").
MODIFIERS = word_set("statistics.modifiers")
# Words that end the run of modifiers between a count and its noun.
NOT_MODIFIERS = word_set("statistics.not_modifiers")
OFFICIAL_METRICS = {"prosecutions": "officials_prosecuted", "convictions": "officials_convicted"}
ASSIST_NOUNS = word_set("statistics.assist_nouns")
CARE_VERBS = word_set("statistics.care_verbs")
PROVIDE_VERBS = word_set("statistics.provide_verbs")
NEGATION = word_set("statistics.negation")
BREAKS = word_set("statistics.breaks")
SKIP_AFTER = word_set("statistics.skip_after")
THIRD_PARTIES = word_set("statistics.third_parties")
# Words of a comparison between two figures ("compared with", "up from", "whereas").
COMPARING = frozenset(
    [
        "compared",
        "comparison",
        "versus",
        "vs.",
        "from",
        "than",
        "increase",
        "decrease",
        "up",
        "down",
        "whereas",
        "while",
    ]
)
LAST_YEARS = (
    "the previous year",
    "the prior year",
    "last year",
    "the previous reporting period",
    "the year before",
    "last reporting period",
    "the preceding year",
    "the preceding reporting period",
    "a year earlier",
    "a year before",
    "one year earlier",
    "the year prior",
)
ESTIMATES = word_set("statistics.estimates")
# Nouns of laws and plans: a year after one of them dates the law, not the count ("convicted nine
# traffickers under the law adopted in 2015").
LAW_NOUNS = word_set("statistics.law_nouns")
TO_COURT = word_set("statistics.to_court")
# Besides metric nouns and verbs, words that make a sentence worth reading for counts ("brought 13
# cases to court", "found 14 defendants guilty", "recorded 30 cases").
READ_WORDS = frozenset(["court", "courts", "trial", "guilty", "sentences", "verdicts", "recorded"])
AUTHORITIES = word_set("statistics.authorities")
# Cases the police record or register are investigations ("registered 30 cases", "offences recorded by
# the police").
RECORDED_CASES = frozenset(["cases", "case", "crimes", "offenses", "offences", "proceedings", "complaints"])
RECORD_VERBS = frozenset(["registered", "recorded", "detected", "uncovered"])
# Proceedings whose defendants a count after "against" is ("proceedings were instituted against two
# officials"), and the verbs that open them.
PROCEEDINGS = frozenset(["proceedings", "charges", "indictments", "cases"])
OPENED = frozenset(["opened", "instituted", "initiated", "brought", "launched", "started", "filed"])


DETERMINERS = frozenset(["the", "these", "those", "them"])
# Words after a count that point back to a group named before ("24 of them", "Of these, ...").
OF_THEM = (["of", "these"], ["of", "them"], ["of", "those"])
CASE_HEADS = frozenset(["prosecutions", "investigations", "convictions"])
# Passive verbs that make the people counted victims ("25 persons were obliged to beg").
EXPLOITED = word_set("statistics.exploited")
NOUN_HEADS = {
    # "preliminary charges against seven suspects", "the repatriations of 177 victims"
    "charges": "prosecutions",
    "charge": "prosecutions",
    "indictments": "prosecutions",
    "indictment": "prosecutions",
    "repatriations": "victims_assisted",
    "repatriation": "victims_assisted",
    "identification": "victims_identified",  # "calls leading to the identification of 40 victims"
}
# Nouns for the people a case involves ("six cases involving 14 defendants": the cases are the count).
CASE_PEOPLE = word_set("statistics.case_people")
# Nouns before "for"/"of"/"to" that make the victims counted after them assisted ("shelter for 12
# victims", "the return home of 23 victims", "assistance to at least 221 victims").
ASSIST_HEADS = word_set("statistics.assist_heads")
TOTAL_VERBS = word_set("statistics.total_verbs")
# Between a bare count and the year it is for ("none had been obtained in 2014", "26 charged in 2014").
AUX = word_set("statistics.aux")
# Verbs of a figure moving ("the number fell to 87", "before dropping back to 33", "rose to 58 from 38")
# and the adverbs between such a verb and its figure.
MOVING = TOTAL_VERBS | {"climbed", "jumped", "doubled", "dropping", "falling", "rising", "climbing", "going"}
MOVE_ADVERBS = frozenset(
    ["then", "again", "back", "further", "sharply", "slightly", "steadily", "had", "has"]
)
# After a bare count that a verb governs: the count ends there ("courts convicted nine.").
BARE_END = frozenset(
    [".", ",", ";", "in", "during", "and", ")", "(", "compared", "—", "–", "over", "since", "between", "more"]
)
# A number glued to the word before it ("for10 victims").
GLUED = re.compile(r"^(for|of|to|with|and|by|in|from|including|assisted|identified)(\d[\d,]*)$")
LINKS = word_set("statistics.links")
