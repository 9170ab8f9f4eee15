"""The word sets the flow rules read with (data/vocabulary.toml ``[sets.flows]``) and the parts a place plays."""

from __future__ import annotations

from tipkb.vocab import vocabulary, word_set

ORIGIN, DEST, VIA, LOCAL = "origin", "destination", "via", "local"

DEST_CUES = word_set("flows.dest_cues")

VIA_CUES = word_set("flows.via_cues")

BOUND_FOR = word_set("flows.bound_for")

# Words a list of places is made of, skipped when looking left for the word that governs a place.
GLUE = word_set("flows.glue")

DIRECTIONS = word_set("flows.directions")

# A region followed by these and then countries means those countries, not the region.
NAMING = word_set("flows.naming")

RETURN = word_set("flows.return")

ORIGIN_VERBS = word_set("flows.origin_verbs")

NOT_VICTIMS = word_set("flows.not_victims")

LOCAL_WORDS = word_set("flows.local_words")

FINDERS = word_set("flows.finders")
FINDING = word_set("flows.finding")

ELSEWHERE = word_set("flows.elsewhere")
# "Nepali women exploited abroad", "after migrating": words of people who left the country.
GOING_ABROAD = word_set("flows.going_abroad")

INTERNAL = word_set("flows.internal")

# Clauses that are not statements about what happened: sex tourism, recommendations.
NOT_A_STATEMENT = word_set("flows.not_a_statement")

# Victims described so are not the subject's nationals: no default origin for them.
FOREIGN = word_set("flows.foreign")

OWN_PEOPLE = word_set("flows.own_people")

PASSIVE_AUX = word_set("flows.passive_aux")

# Trigger words and their groups ("trafficked" -> "trafficked", "sells" -> "sold").
TRIGGER_WORDS = {
    word: name.split(".", 1)[1]
    for name, words in vocabulary().sets.items()
    if name.startswith("flow_triggers.")
    for word in words
}
TRIGGERS = frozenset(TRIGGER_WORDS)
FORCED_INTO = word_set("flows.forced_into")
TRAFFICKING_OF = word_set("flows.trafficking_of")
OCCURRED = word_set("flows.occurred")
FACING = word_set("flows.facing")
HEADLINE_VERBS = word_set("flows.headline_verbs")
HEADLINE_PREPS = word_set("flows.headline_preps")

NOT_ABOUT_VICTIMS = word_set("flows.not_about_victims")

CONDITIONS = word_set("flows.conditions")

MOVING = word_set("flows.moving_verbs")
PASSING = word_set("flows.passing_verbs")
PURPOSE_WORDS = word_set("flows.purpose_words")

RECRUITING = word_set("flows.recruiting")

JOB_NOUNS = word_set("flows.job_nouns")
# "the subject of", "are subject to penalties": "subject" as a noun or adjective, not a verb.
NOT_A_VERB_BEFORE = word_set("flows.not_a_verb_before")
# "the Ministry of Women and Vulnerable Populations": a body whose name holds a victim word.
BODIES = word_set("flows.bodies")
# "migrate abroad for domestic work": the work people set out for is no form of exploitation.
MIGRATING = word_set("flows.migrating")
SECTOR_PLACES = word_set("flows.sector_places")
# ", with most victims trafficked internally": words between "with" and the people of its aside.
WITH_LEADS = word_set("flows.with_leads")
LURE_LEADS = word_set("flows.lure_leads")
LURE_VERBS = word_set("flows.lure_verbs")
HIRING = word_set("flows.hiring")
EXPLOITING = word_set("flows.exploiting")

CASES = word_set("flows.case_words")

SERVICES = word_set("flows.services")

# "statistics on victims", "data on the number of victims": figures about victims.
DATA_WORDS = word_set("flows.data_words")

INTO_EXPLOITATION = word_set("flows.into_exploitation")

# "vulnerable to forced labor", "the risk of forced labor": exposure, not exploitation.
NOT_EXPOSED = word_set("flows.not_exposed")

PRONOUN_SUBJECTS = word_set("flows.pronoun_subjects")
# "Some victims are also trafficked ...": people named by a word that says nothing of who they are.
NEUTRAL_PEOPLE = word_set("flows.neutral_people")
# "most foreign victims", "some identified victims": still the neutral noun
NEUTRAL_QUALIFIERS = word_set("flows.neutral_qualifiers")
# "Most trafficking in X is internal", "some cases": a quantifier before a noun that is not people.
NOT_PEOPLE_HEADS = word_set("flows.not_people_heads")
# "Eastern European women constituted the next largest group": a share of the victims.
SHARE_VERBS = word_set("flows.share_verbs")
SHARE_NOUNS = word_set("flows.share_nouns")

# "Primary destination countries include A, B and C", "Other major destinations are ...".
LIST_HEADS = {
    "destination": DEST,
    "destinations": DEST,
    "source": ORIGIN,
    "sources": ORIGIN,
    "origin": ORIGIN,
}

LIST_ADJECTIVES = word_set("flows.list_adjectives")

LIST_NOUNS = word_set("flows.list_nouns")

LIST_VERBS = word_set("flows.list_verbs")

SERVING = word_set("flows.serving")

ABOUT_TRAFFICKING = word_set("flows.about_trafficking")

# "Reports of internal trafficking continued": trafficking said to happen, with no verb of moving.
REPORTS_OF = word_set("flows.reports_of")

GOES_ON = word_set("flows.goes_on")

NOT_GOING_ON = word_set("flows.not_going_on")

# "X is a place where ...", "X is the regional centre of a trafficking network that ...".
PLACE_NOUNS = word_set("flows.place_nouns")

HUBS = word_set("flows.hubs")

NETWORKS = word_set("flows.networks")

# "married off to men from X", "sold to men from X": people given to others.
GIVEN_TO = word_set("flows.given_to")
# "forced to marry Chinese men": the people after these are husbands.
MARRYING = word_set("flows.marrying")
SERVING_CLIENTS = word_set("flows.serving_clients")
QUOTES = frozenset(['"', "“", "”", "'", "‘", "’"])

# "the use of force", "the labor force", "a task force": force as a noun, no forcing.
FORCE_AS_NOUN = word_set("flows.force_as_noun")

# "crimes that occurred within X": where crimes took place.
CRIMES = word_set("flows.crimes")

# "the (East Asian) city of Macau": the list of places goes on past these.
SETTLEMENT_OF = word_set("flows.settlement_of")

QUANTIFIERS = frozenset("some many most other the these those several".split())

# "bonded labor" is debt bondage and labor both.
ALSO_LABOR = word_set("flows.also_labor")
# "Filipina domestic workers": demonyms of women only.
FEMALE_DEMONYMS = word_set("flows.female_demonyms")
# "two were children": a count of a part of the victims.
COUNT_COPULA = word_set("flows.count_copula")
# "half of them were girls": a part of a count.
PART_WORDS = word_set("flows.part_words")
# "through threats and sexual abuse": sexual abuse as a means of coercion.
MEANS_CUES = word_set("flows.means_cues")
COERCION = word_set("flows.coercion")
ABUSE_KINDS = word_set("flows.abuse_kinds")
# "Nevertheless, some end up ...": words before the people a clause points back to.
CONNECTIVES = word_set("flows.connectives")
# "originated mostly in R"; "gangs based in Serbia".
EXTENT_ADVERBS = word_set("flows.extent_adverbs")
BASED_IN = word_set("flows.based_in")
# "fishing vessels operating in the waters of X": where the vessels are is where people work.
VESSELS = word_set("flows.vessels")
# "on vessels in Cambodian waters": a demonym before these names the place, not people.
WATERS = word_set("flows.waters")
# "found working to pay off debts", "to repay their loans": debt bondage.
REPAYING = word_set("flows.repaying")
PAYING_OFF = word_set("flows.paying_off")
OFF_WORDS = word_set("flows.off_words")
DEBTS = word_set("flows.debts")
WORKING = word_set("flows.working")
# "abuse amounting to forced labor", "indicators of forced labor": exploitation said of people.
AMOUNTING = word_set("flows.amounting")
INDICATORS = word_set("flows.indicators")
