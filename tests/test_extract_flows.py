"""Flows: each phrasing the extractor supports, in sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.helpers import facts_of, pairs


def test_demonym_victims_to_a_list_of_countries() -> None:
    text = "Laos is a source country. Lao women and girls were trafficked to Thailand, China, and Malaysia."
    assert pairs(text) == {("LAO", "THA"), ("LAO", "CHN"), ("LAO", "MYS")}


def test_source_frame_gives_origin() -> None:
    text = (
        "Tajikistan is a source country for men who are trafficked to Russia and Kazakhstan for forced labor."
    )
    flows = facts_of(text, "flow")
    assert {(f["origin"], f["destination"]) for f in flows} == {("TJK", "RUS"), ("TJK", "KAZ")}
    assert flows[0]["victims"] == ["men"]
    assert flows[0]["exploitation"] == ["labor"]


def test_destination_frame_with_origins_after_from() -> None:
    text = (
        "Jordan is a destination country for women from Egypt and Sri Lanka subjected to domestic servitude."
    )
    assert pairs(text) == {("EGY", "JOR"), ("LKA", "JOR")}


def test_from_and_to_with_onward_transit() -> None:
    text = (
        "In 2010, Kyrgyzstan was a transit country for women trafficked from Uzbekistan to Kyrgyzstan "
        "and on to Turkey for sexual exploitation."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert set(flows) == {("UZB", "KGZ"), ("UZB", "TUR")}
    assert flows[("UZB", "TUR")]["via"] == ["KGZ"]
    assert flows[("UZB", "TUR")]["year"] == 2010


def test_internal_trafficking() -> None:
    assert pairs("Benin is a source country. Beninese children are trafficked internally for labor.") == {
        ("BEN", "BEN")
    }
    assert pairs("Peru is a source country. Girls are exploited in sex trafficking within the country.") == {
        ("PER", "PER")
    }


def test_local_places_make_internal_flow() -> None:
    text = "Bolivia is a source country. Children are trafficked from rural areas to cities for forced labor."
    assert pairs(text) == {("BOL", "BOL")}


def test_region_named_by_its_countries_is_dropped() -> None:
    text = "Mali is a source country. Malian boys are trafficked to other African countries, mainly Senegal and Guinea."
    assert pairs(text) == {("MLI", "SEN"), ("MLI", "GIN")}


def test_region_alone_is_a_place() -> None:
    text = "Sri Lanka is a source country. Sri Lankan women are subjected to domestic servitude in the Middle East."
    assert pairs(text) == {("LKA", "region:Middle East")}


def test_foreign_victims_identified_in_the_subject() -> None:
    text = "Spain is a destination country. Victims identified in Spain originated in Romania and Paraguay."
    assert pairs(text) == {("ROU", "ESP"), ("PRY", "ESP")}


def test_victims_from_a_country_default_to_the_subject() -> None:
    text = "Greece is a destination country. Police found six victims from Albania in 2012."
    assert pairs(text) == {("ALB", "GRC")}


def test_through_is_a_transit() -> None:
    text = "Men from Ethiopia and Somalia are trafficked through Yemen for forced labor in Saudi Arabia."
    flows = facts_of(text, "flow")
    assert {(f["origin"], f["destination"]) for f in flows} == {("ETH", "SAU"), ("SOM", "SAU")}
    assert all(f["via"] == ["YEM"] for f in flows)


def test_hedged_flow() -> None:
    flows = facts_of("Nepal is a source country. Nepali girls may be trafficked to India.", "flow")
    assert flows and flows[0]["hedged"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Jamaica is a destination for sex tourism, with tourists from Canada and the United States.",
        "Croatia worked with Slovenia on a joint investigation of trafficking.",
        "Human trafficking in Peru is a growing concern.",
        "The government repatriated three victims to Moldova.",
        "Foreign victims in Israel came from neighboring countries.",
        "Romanian officials received assistance from Austria on trafficking cases.",
    ],
)
def test_no_flow_without_victims_moving(text: str) -> None:
    assert pairs(text, source="x.txt") == set()


def test_victims_and_exploitation_attributes() -> None:
    text = "Haiti is a source country. Haitian children are subjected to forced begging and domestic servitude in the Dominican Republic."
    flow = facts_of(text, "flow")[0]
    assert flow["victims"] == ["children"]
    assert set(flow["exploitation"]) == {"begging", "domestic_servitude"}


def test_sectors() -> None:
    text = "Ghana is a source country. Ghanaian boys are subjected to forced labor in the fishing and cocoa sectors in Ivory Coast."
    flow = facts_of(text, "flow")[0]
    assert (flow["origin"], flow["destination"]) == ("GHA", "CIV")
    assert "fishing" in flow["sectors"]


def test_returned_from_is_where_they_were_exploited() -> None:
    text = "Indonesia is a source country. Indonesian women repatriated from Malaysia reported forced labor there after being subjected to abuse."
    assert ("IDN", "MYS") in pairs(text)


def test_contrasting_clause_with_foreign_victims() -> None:
    text = (
        "Serbia was primarily a source for Serbian women trafficked within the country, though it was also "
        "a destination for foreign women subjected to forced prostitution in Serbia and Western Europe."
    )
    assert pairs(text) == {("SRB", "SRB")}


def test_active_voice_of_recent_reports() -> None:
    text = (
        "Chad is a source country. Traffickers exploit Chadian boys in forced labor in Cameroon and Nigeria."
    )
    assert pairs(text) == {("TCD", "CMR"), ("TCD", "NGA")}
    text = "Traffickers exploit women from Kenya and Uganda in sex trafficking in Oman."
    assert pairs(text) == {("KEN", "OMN"), ("UGA", "OMN")}


def test_internally_beside_foreign_origins() -> None:
    text = "Senegal is a destination country. Girls are trafficked internally and from Mali and Guinea for domestic servitude."
    assert pairs(text) == {("SEN", "SEN"), ("MLI", "SEN"), ("GIN", "SEN")}


def test_lesser_extent_inside_a_list() -> None:
    text = "Oman is a destination country for boys trafficked from Sudan and, to a lesser extent, Yemen."
    assert pairs(text) == {("SDN", "OMN"), ("YEM", "OMN")}


def test_attributes_per_origin() -> None:
    text = "Police found 12 Nepali women exploited in sex trafficking and one Indian man held in forced labor in Qatar."
    flows = {f["origin"]: f for f in facts_of(text, "flow", "qatar.txt")}
    assert flows["NPL"]["victims"] == ["women"] and flows["NPL"]["exploitation"] == ["sexual"]
    assert flows["IND"]["victims"] == ["men"] and flows["IND"]["exploitation"] == ["labor"]


def test_exposed_to_exploitation_and_lists_of_demonyms() -> None:
    assert pairs("Some Nepali men who migrate to Qatar for work face forced labor.") == {("NPL", "QAT")}
    assert pairs("Thai women are found in forced prostitution in Japan.") == {("THA", "JPN")}
    text = "Burmese, Cambodian, and Lao men migrate to Thailand where they are subjected to forced labor."
    assert pairs(text) == {("MMR", "THA"), ("KHM", "THA"), ("LAO", "THA")}
    assert pairs("Groups vulnerable to forced labor in Qatar included domestic workers.") == set()


def test_some_of_them_in_the_next_clause() -> None:
    text = (
        "Lebanon is a destination country. Women from Ethiopia and Kenya migrate to Lebanon for domestic work; "
        "some are subjected to forced labor after they arrive."
    )
    assert pairs(text) == {("ETH", "LBN"), ("KEN", "LBN")}
    text = "Men from Nepal travel to Qatar for work. Many encounter forced labor on construction sites."
    assert pairs(text) == {("NPL", "QAT")}
    # No "some" or "they": the earlier places are not carried over.
    assert pairs("Men from Nepal travel to Qatar for work. Police found forced labor in Oman.", "x.txt") != {
        ("NPL", "QAT")
    }


def test_gapped_clause_keeps_its_own_victims_and_purpose() -> None:
    text = "Tajikistan is a source country. Men are trafficked to Russia for forced labor, and women to Turkey for sexual exploitation."
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert set(flows) == {("TJK", "RUS"), ("TJK", "TUR")}
    assert flows[("TJK", "RUS")]["victims"] == ["men"] and flows[("TJK", "RUS")]["exploitation"] == ["labor"]
    assert flows[("TJK", "TUR")]["victims"] == ["women"] and flows[("TJK", "TUR")]["exploitation"] == [
        "sexual"
    ]


def test_a_list_goes_on_after_an_aside_in_brackets() -> None:
    text = (
        "Peru is a source country. Peruvian men are exploited in Spain and Italy (mostly on farms), "
        "continental Europe, and the Gulf."
    )
    assert pairs(text) == {("PER", "ESP"), ("PER", "ITA"), ("PER", "region:Europe"), ("PER", "region:Gulf")}


def test_on_the_borders_of_countries() -> None:
    text = "Lao girls are sold to bar owners on the borders of Thailand, Burma, and China."
    assert pairs(text) == {("LAO", "THA"), ("LAO", "MMR"), ("LAO", "CHN")}
    # Villages near a border are where victims come from, not where they are taken.
    text = "Lao girls from villages near the border of Thailand are trafficked to Vietnam."
    assert pairs(text) == {("LAO", "VNM")}


def test_destined_for_names_the_destination_and_the_transit_frame_the_way() -> None:
    text = (
        "Hungary is a transit country for women trafficked from Romania and Bulgaria and bound for Austria."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert set(flows) == {("ROU", "AUT"), ("BGR", "AUT")}
    assert flows[("ROU", "AUT")]["via"] == ["HUN"]


def test_a_country_migrants_transit_en_route_is_no_destination() -> None:
    text = "Workers from Nepal and India transit Qatar en route to Kuwait; some may be subjected to forced labor."
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "qatar.txt")}
    assert set(flows) == {("NPL", "KWT"), ("IND", "KWT")}
    assert flows[("NPL", "KWT")]["via"] == ["QAT"]
    assert flows[("NPL", "KWT")]["hedged"] is True


def test_en_route_onward_from_the_subject_itself_is_no_flow() -> None:
    # Victims who reach the subject on their way elsewhere did not set out from it.
    text = "Many victims migrate to Morocco en route to Spain, where they are forced into prostitution."
    assert ("MAR", "ESP") not in pairs(text, "morocco.txt")


def test_people_sent_somewhere_for_exploitation() -> None:
    text = "Officials say Burma sent some 300 Burmese fishermen to Thailand for forced labor on boats."
    flows = facts_of(text, "flow", "thailand.txt")
    assert {(f["origin"], f["destination"]) for f in flows} == {("MMR", "THA")}
    assert flows[0]["exploitation"] == ["labor"]
    # Sending officials, or sending people for training on forced labor, is no flow.
    assert (
        pairs("Thailand sent 20 labor inspectors to Burma for forced labor training.", "thailand.txt")
        == set()
    )
    assert pairs("Thailand sent a delegation to Burma for talks on forced labor.", "thailand.txt") == set()
    # Passive voice; and people sent back or sent home from a country are returned, not taken there.
    assert pairs("Burmese boys were sent to Malaysia for forced labor.", "burma.txt") == {("MMR", "MYS")}
    assert ("MMR", "MMR") not in pairs("Victims of forced labor were sent back to Burma.", "burma.txt")
    assert ("MMR", "MMR") not in pairs(
        "Victims of forced labor were sent from Malaysia to Burma.", "burma.txt"
    )


def test_cases_of_exploitation_of_foreign_citizens() -> None:
    text = (
        "The ministry recorded cases of forced labor and sexual exploitation of foreigners, "
        "mainly citizens of Nepal, Bangladesh and Vietnam."
    )
    assert pairs(text, "malaysia.txt") == {("NPL", "MYS"), ("BGD", "MYS"), ("VNM", "MYS")}
    # Cases counted by an agency, with no people they concern, are no flow.
    assert pairs("The police investigated 20 cases of forced labor in Thailand.", "malaysia.txt") == set()


def test_services_for_victims_are_no_statement_about_victims() -> None:
    text = "Stigma, especially in Peru's rural areas, hampers service provision for female victims of sex trafficking."
    assert pairs(text, "peru.txt") == set()
    # "for victims" in a role frame is still about the victims.
    text = "Peru is a transit country for victims from Bolivia."
    assert pairs(text, "peru.txt") == {("BOL", "PER")}


def test_a_list_of_sectors_of_a_country() -> None:
    text = "Men from Armenia are exploited in the mining, farming, and service sectors of Russia."
    assert pairs(text, "armenia.txt") == {("ARM", "RUS")}


def test_citizen_and_foreign_victims_include_the_subjects_own() -> None:
    text = "Citizen and foreign women are victims of sex trafficking in Peru."
    assert pairs(text, "peru.txt") == {("PER", "PER")}
    # Foreign victims alone are not the subject's nationals.
    assert pairs("Foreign women are victims of sex trafficking in Peru.", "peru.txt") == set()


def test_these_women_refer_to_the_origins_of_the_sentence_before() -> None:
    text = (
        "Women from Brazil and Paraguay are trafficked to Chile for sexual exploitation. "
        "Some of these women are later trafficked onward to Spain."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "chile.txt")}
    assert set(flows) == {("BRA", "CHL"), ("PRY", "CHL"), ("BRA", "ESP"), ("PRY", "ESP")}
    assert flows[("BRA", "ESP")]["via"] == ["CHL"]
    # Other victims than the ones named before: the subject stays the origin.
    text = (
        "Women from Brazil and Paraguay are trafficked to Chile for sexual exploitation. "
        "Some of these boys are trafficked to Spain."
    )
    assert pairs(text, "chile.txt") == {("BRA", "CHL"), ("PRY", "CHL"), ("CHL", "ESP")}
    # Only the sentence just before counts.
    text = (
        "Women from Brazil are trafficked to Chile. Chile is also a transit country. "
        "Some of these women are trafficked to Spain."
    )
    assert ("BRA", "ESP") not in pairs(text, "chile.txt")


def test_a_headline_in_its_plainest_form() -> None:
    text = "Charity Helps Nepali Girls Trafficked to India\n\nThe girls returned home last week."
    flows = facts_of(text, "flow", "nepal.txt")
    assert [(f["origin"], f["destination"], f["victims"]) for f in flows] == [("NPL", "IND", ["girls"])]
    # Other headlines are not read.
    assert pairs("India Trafficking Report Names Nepali Brokers\n\nText follows.", "nepal.txt") == set()
    assert pairs("Nepali Officials Sent to India for Talks\n\nText follows.", "nepal.txt") == set()


def test_a_country_reached_en_route_is_on_the_way() -> None:
    text = "Women from Ghana and Togo are trafficked to Libya en route to Italy for sexual exploitation."
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "ghana.txt")}
    assert set(flows) == {("GHA", "ITA"), ("TGO", "ITA")}
    assert flows[("TGO", "ITA")]["via"] == ["LBY"]


def test_a_list_of_destinations_goes_on_from_the_sentence_before() -> None:
    text = (
        "Belarus is a source country for women trafficked for sexual exploitation. "
        "Primary destination countries include Germany, Poland, and Lithuania. "
        "Other destinations are Cyprus and the United Arab Emirates."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "belarus.txt")}
    assert set(flows) == {("BLR", c) for c in ("DEU", "POL", "LTU", "CYP", "ARE")}
    assert flows[("BLR", "CYP")]["victims"] == ["women"]
    assert flows[("BLR", "CYP")]["exploitation"] == ["sexual"]
    # "Source countries include ...": origins into the subject.
    text = (
        "Oman is a destination country for men subjected to forced labor. "
        "Source countries include Bangladesh and Sri Lanka."
    )
    assert pairs(text, "oman.txt") == {("BGD", "OMN"), ("LKA", "OMN")}
    # "Destinations for <victims> included ...": the list is of destinations, not origins.
    text = "Belarus is a source country. Destinations for Belarusian victims included Russia and Turkey."
    assert pairs(text, "belarus.txt") == {("BLR", "RUS"), ("BLR", "TUR")}


def test_countries_serving_as_destinations_in_a_region() -> None:
    text = (
        "Traffickers used more countries in 2009, with some 30 countries serving as destinations "
        "across Europe and beyond, including Japan."
    )
    assert pairs(text, "belarus.txt") == {("BLR", "region:Europe"), ("BLR", "JPN")}


@pytest.mark.parametrize(
    "text",
    [
        # Not about trafficking: no list of a role.
        "Belarus exports machinery. Main destinations for its exports are Russia and Poland.",
        "Belarus is a popular tourist destination. Primary destinations include Minsk and Brest.",
        # The role word does not head a list of places.
        "Belarus is a source country for women trafficked abroad. The source of the problem is poverty in Belarus.",
        # Cooperation with destination countries is not a flow.
        "Belarus is a source country for women trafficked abroad. "
        "The government cooperated with destination countries such as Poland.",
    ],
)
def test_no_list_of_destinations(text: str) -> None:
    assert pairs(text, "belarus.txt") == set()


def test_internal_trafficking_said_to_happen() -> None:
    assert pairs(
        "Belarus is a source country. Reports of internal trafficking continued.", "belarus.txt"
    ) == {("BLR", "BLR")}
    assert pairs("Domestic trafficking remains a problem.", "belarus.txt") == {("BLR", "BLR")}
    # A law about internal trafficking is not a statement that it happens.
    assert pairs("Internal trafficking is not criminalized under the penal code.", "belarus.txt") == set()
    assert pairs("The law covers internal trafficking.", "belarus.txt") == set()


def test_a_place_where_people_are_exploited() -> None:
    text = "Cambodia is a place where Vietnamese girls are forced into prostitution."
    assert pairs(text, "cambodia.txt") == {("VNM", "KHM")}
    # Local and foreign victims: the subject's own people are among them; foreign ones name no place.
    text = (
        "Cambodia is singled out as a place where local and foreign children are subjected to forced begging."
    )
    assert pairs(text, "cambodia.txt") == {("KHM", "KHM")}
    assert pairs("Cambodia is a place where tourists enjoy the temples.", "cambodia.txt") == set()


def test_a_trafficking_network_that_recruits_people() -> None:
    text = (
        "Kenya is the regional hub of a trafficking network that recruits young women from Uganda, "
        "Tanzania and even the island of Zanzibar."
    )
    assert pairs(text, "kenya.txt") == {("UGA", "KEN"), ("TZA", "KEN")}
    text = "The police broke up a trafficking ring that lured girls from Uganda to Kenya."
    assert pairs(text, "kenya.txt") == {("UGA", "KEN")}
    text = "Traffickers recruited women from Uganda to Oman for domestic work."
    assert pairs(text, "kenya.txt") == {("UGA", "OMN")}
    # Recruiting by others than traffickers is not trafficking.
    assert pairs("Employment agencies recruit nurses from Uganda to work in Kenya.", "kenya.txt") == set()
    # A region before a city is an adjective of the city: the city's country counts.
    text = "A trafficking ring recruited girls from Laos and the East Asian city of Macau."
    assert pairs(text, "cambodia.txt") == {("LAO", "KHM"), ("MAC", "KHM")}


def test_a_region_adjective_before_people_is_their_origin() -> None:
    text = "Senegalese and West African boys are forced to beg within the country."
    assert pairs(text, "senegal.txt") == {("SEN", "SEN"), ("region:West Africa", "SEN")}
    # Not before people: not an origin ("West African countries" is a place of its own).
    text = "Senegal cooperated with West African partners; European Union funds paid for shelters for victims in Senegal."
    assert pairs(text, "senegal.txt") == set()
    # Clients are not victims.
    text = "Traffickers moved women from Senegal to Spain for West African migrant clients there."
    assert pairs(text, "senegal.txt") == {("SEN", "ESP")}


def test_the_arab_states_of_the_persian_gulf() -> None:
    text = "Yemeni women are forced into prostitution in the Arab States of the Persian Gulf."
    assert pairs(text, "yemen.txt") == {("YEM", "region:Gulf")}


def test_men_they_are_married_to_are_not_the_victims() -> None:
    text = "Nepali girls are married off to older men from India and taken there for domestic servitude."
    flows = facts_of(text, "flow", "nepal.txt")
    assert [(f["origin"], f["destination"], f["victims"]) for f in flows] == [("NPL", "IND", ["girls"])]
    # Without "taken there", where they go is not said.
    assert pairs("Nepali girls are sold to men from India.", "nepal.txt") == set()


def test_trafficked_into_the_subject_from_nowhere_named() -> None:
    # No origin named: the subject is not assumed to be the origin of people brought into it.
    assert pairs("People are trafficked into Malaysia for forced labor.", "malaysia.txt") == set()
    assert pairs("Women are trafficked to Malaysia for sexual exploitation.", "malaysia.txt") == set()
    # Within it, or to its own cities: internal.
    assert pairs("Women are trafficked within Malaysia.", "malaysia.txt") == {("MYS", "MYS")}
    assert pairs("Girls are trafficked from rural areas into Malaysia's cities.", "malaysia.txt") == {
        ("MYS", "MYS")
    }
    # An origin named: a flow.
    assert pairs("Indonesian women are trafficked into Malaysia.", "malaysia.txt") == {("IDN", "MYS")}


def test_a_new_subject_with_its_own_verb_is_a_new_clause() -> None:
    text = "Workers are trafficked into Malaysia for forced labor and Malaysian women are trafficked abroad."
    assert pairs(text, "malaysia.txt") == set()
    text = "Malaysian women are exploited in Japan and Malaysian men are subjected to forced labor in Korea."
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "malaysia.txt")}
    assert set(flows) == {("MYS", "JPN"), ("MYS", "KOR")}
    assert flows[("MYS", "JPN")]["victims"] == ["women"]
    # A list of victims before one verb is not cut.
    assert pairs("Men, women and children are trafficked to Japan.", "malaysia.txt") == {("MYS", "JPN")}


def test_where_crimes_took_place_is_no_destination() -> None:
    text = (
        "The government did not report investigating trafficking crimes that occurred within Peru "
        "or arresting people who bought sex from trafficking victims."
    )
    assert pairs(text, "peru.txt") == set()


def test_the_legal_definition_of_trafficking_states_no_flow() -> None:
    text = (
        "The EU Directive defines trafficking as the recruitment, transportation, transfer, harbouring "
        "or receipt of persons, by means of the threat or use of force, for the purpose of exploitation."
    )
    assert pairs(text, "romania.txt") == set()
    # "Force" as a noun is no forcing.
    assert pairs("Police used force to disperse a protest in Italy.", "romania.txt") == set()


def test_people_sent_for_exploitation_named_in_a_list() -> None:
    # The first purpose is misspelt; the second one is still a purpose of exploitation.
    text = "Ghanaian women are recruited and sent to the Middle East and Europe for forced labuor and sex trafficking."
    assert pairs(text, "ghana.txt") == {("GHA", "region:Middle East"), ("GHA", "region:Europe")}


def test_places_named_first_as_the_main_destinations() -> None:
    text = (
        "Guinea is a source country for children subjected to forced labor. "
        "Mali and Senegal are the main destinations."
    )
    assert pairs(text, "guinea.txt") == {("GIN", "MLI"), ("GIN", "SEN")}
    text = (
        "Guinea is a destination country for children in forced labor. Mali and Liberia are the main sources."
    )
    assert pairs(text, "guinea.txt") == {("MLI", "GIN"), ("LBR", "GIN")}
    text = "Mali and Senegal are destination countries for Guinean girls subjected to domestic servitude."
    assert pairs(text, "guinea.txt") == {("GIN", "MLI"), ("GIN", "SEN")}


@pytest.mark.parametrize(
    "text",
    [
        # The countries' own roles, not one destination for the subject's victims.
        "Mali and Senegal are source, transit, and destination countries for children.",
        "Mali and Senegal are both source and destination countries for women.",
        # Not about trafficking.
        "Guinea exports bauxite. Mali and Senegal are the main destinations.",
        "Guinea is a source country for children in forced labor. Dakar and Bamako are popular destinations for tourists.",
    ],
)
def test_places_named_first_that_are_no_destinations(text: str) -> None:
    assert pairs(text, "guinea.txt") == set()


def test_each_destination_list_keeps_its_own_purpose() -> None:
    text = (
        "Nepal is a source country. Girls are trafficked to India and Bangladesh for commercial sexual "
        "exploitation and to Kuwait for domestic servitude."
    )
    flows = {f["destination"]: f for f in facts_of(text, "flow")}
    assert set(flows) == {"IND", "BGD", "KWT"}
    assert flows["IND"]["exploitation"] == ["sexual"] and flows["BGD"]["exploitation"] == ["sexual"]
    assert flows["KWT"]["exploitation"] == ["domestic_servitude"]
    assert flows["KWT"]["victims"] == ["girls"]
    text = (
        "Tajikistan is a source country. Men were trafficked to Russia for forced work on building sites - "
        "often for years - to Kazakhstan for tobacco farming, and to Iran for bonded labor."
    )
    flows = {f["destination"]: f for f in facts_of(text, "flow")}
    assert flows["RUS"]["exploitation"] == ["labor"]
    assert flows["KAZ"]["exploitation"] == ["labor"] and flows["KAZ"]["sectors"] == ["tobacco", "agriculture"]
    assert flows["IRN"]["exploitation"] == ["debt_bondage", "labor"] and flows["IRN"]["sectors"] == []
    text = "Tajikistan is a source country. Men are taken to Russia for forced labor and women to Turkey for sex work."
    flows = {f["destination"]: f for f in facts_of(text, "flow")}
    assert (flows["RUS"]["victims"], flows["RUS"]["exploitation"]) == (["men"], ["labor"])
    assert (flows["TUR"]["victims"], flows["TUR"]["exploitation"]) == (["women"], ["sexual"])
    # One list of destinations, or lists with nothing of their own: the clause's purposes are shared.
    text = "Nepal is a source country. Women are trafficked to India and to Kuwait for forced labor."
    assert {f["destination"]: f["exploitation"] for f in facts_of(text, "flow")} == {
        "IND": ["labor"],
        "KWT": ["labor"],
    }
    text = (
        "Nepal is a source country. Women are trafficked to India for forced labor and domestic servitude "
        "and to Kuwait."
    )
    assert {f["destination"]: f["exploitation"] for f in facts_of(text, "flow")} == {
        "IND": ["labor", "domestic_servitude"],
        "KWT": ["labor", "domestic_servitude"],
    }


def test_each_role_phrase_keeps_its_own_victims_and_places() -> None:
    text = (
        "Peru is a source country for women and girls subjected to sex trafficking in Spain and Chile, as "
        "well as a destination country for men from Bolivia and Ecuador subjected to forced labor."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert set(flows) == {("PER", "ESP"), ("PER", "CHL"), ("BOL", "PER"), ("ECU", "PER")}
    assert flows[("PER", "ESP")]["victims"] == ["women", "girls"]
    assert flows[("PER", "ESP")]["exploitation"] == ["sexual"]
    assert flows[("ECU", "PER")]["victims"] == ["men"] and flows[("ECU", "PER")]["exploitation"] == ["labor"]
    # A second role phrase that says nothing of its own changes nothing.
    text = "Jordan is a source country for women trafficked to Iraq for sexual exploitation, and a transit country."
    flows = facts_of(text, "flow")
    assert [(f["origin"], f["destination"], f["exploitation"]) for f in flows] == [("JOR", "IRQ", ["sexual"])]


def test_a_flow_with_no_purpose_takes_its_role_frames() -> None:
    # The frame earlier in the sentence.
    text = (
        "Belarus is a source country for women and girls trafficked for commercial sexual exploitation; "
        "Belarusian women are trafficked to Germany and Poland."
    )
    assert {f["destination"]: f["exploitation"] for f in facts_of(text, "flow")} == {
        "DEU": ["sexual"],
        "POL": ["sexual"],
    }
    # The frame in the sentence before, when the flow takes the frame's country from it.
    text = (
        "Cyprus is a destination country for women trafficked for sexual exploitation. "
        "Last year, women were trafficked from Romania and Moldova."
    )
    assert {f["origin"]: f["exploitation"] for f in facts_of(text, "flow")} == {
        "ROU": ["sexual"],
        "MDA": ["sexual"],
    }
    # Not when the flow names its own places in another sentence, nor for other victims.
    text = (
        "Belarus is a source country for women trafficked for sexual exploitation and forced labor. "
        "Belarusian women are trafficked to Germany and Poland."
    )
    assert {f["exploitation"] == [] for f in facts_of(text, "flow")} == {True}
    text = (
        "Cyprus is a destination country for women trafficked for sexual exploitation. "
        "Last year, men were trafficked from Romania and Moldova."
    )
    assert {f["exploitation"] == [] for f in facts_of(text, "flow")} == {True}
    # Nor from a frame two sentences back.
    text = (
        "Cyprus is a destination country for women trafficked for sexual exploitation. The government "
        "opened a shelter. Last year, women were trafficked from Romania and Moldova."
    )
    assert {f["exploitation"] == [] for f in facts_of(text, "flow")} == {True}


def test_many_or_some_alone_take_the_purposes_said_before() -> None:
    text = (
        "Laotian girls are subjected to sex trafficking abroad; many are deceived by job offers and sold "
        "to brothel owners in Thailand and Malaysia."
    )
    assert {f["destination"]: f["exploitation"] for f in facts_of(text, "flow", "laos.txt")} == {
        "THA": ["sexual"],
        "MYS": ["sexual"],
    }
    # "Many victims" names its own people: nothing is carried over.
    text = (
        "Laos is a source country for women trafficked for sexual exploitation. Many victims are Lao "
        "children trafficked from rural areas to cities."
    )
    assert {f["exploitation"] == [] for f in facts_of(text, "flow", "laos.txt")} == {True}


def test_some_take_only_the_victims_of_the_sentence_just_before() -> None:
    text = (
        "Lao men, women, and children are trafficked to Thailand. The government opened a shelter. Some "
        "victims are subjected to forced labor in Malaysia."
    )
    flows = {f["destination"]: f for f in facts_of(text, "flow", "laos.txt")}
    assert flows["MYS"]["victims"] == []
    text = "Lao men and boys are trafficked to Thailand. Some are subjected to forced labor in Malaysia."
    flows = {f["destination"]: f for f in facts_of(text, "flow", "laos.txt")}
    assert flows["MYS"]["victims"] == ["men", "boys"]


def test_words_for_young_victims_and_newer_forms() -> None:
    text = "Police rescued three teenage victims from Ethiopia who had been forced into domestic servitude in Oman."
    assert [f["victims"] for f in facts_of(text, "flow", "oman.txt")] == [["children"]]
    text = "Officials identified 12 adult and minor Honduran females as victims of sex trafficking in Belize."
    assert [f["victims"] for f in facts_of(text, "flow", "belize.txt")] == [["women", "girls"]]
    text = "Officials identified four minor Honduran males as victims of forced labor in Belize."
    assert [f["victims"] for f in facts_of(text, "flow", "belize.txt")] == [["boys"]]
    text = "Some Cambodian men are trafficked to Burma and forced to work in online scam operations."
    assert [f["exploitation"] for f in facts_of(text, "flow", "cambodia.txt")] == [["labor", "criminality"]]
    text = "Yemen is a destination country for boys trafficked from Somalia as camel jockeys."
    flows = facts_of(text, "flow")
    assert [(f["exploitation"], f["sectors"]) for f in flows] == [(["labor"], ["camel racing"])]
    text = "Nigerien girls are married off to older men from Nigeria and taken there for domestic servitude."
    assert [f["exploitation"] for f in facts_of(text, "flow", "niger.txt")] == [
        ["marriage", "domestic_servitude"]
    ]
    # A minor offense is no victim; an adult woman is a woman.
    text = "Officials identified 12 adult Honduran females as victims of sex trafficking in Belize."
    assert [f["victims"] for f in facts_of(text, "flow", "belize.txt")] == [["women"]]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Lao women were trafficked to Thailand.", "flows.v2:word.trafficked"),
        ("Albanian girls are forced into prostitution in Italy.", "flows.v2:forced"),
        (
            "Moldova is a source country. Traffickers lure girls from Moldova to Turkey.",
            "flows.v2:traffickers-move-people",
        ),
        ("Agents sent 300 Nepali laborers to Qatar for forced labor.", "flows.v2:moved-for-exploitation"),
        (
            "Ukraine is a source country for women subjected to sex trafficking. "
            "Primary destination countries include Turkey and Poland.",
            "flows.v2:role-list",
        ),
        ("Nepali Girls Trafficked to India\n\nThe police acted.", "flows.v2:headline"),
    ],
)
def test_each_flow_names_the_pattern_that_found_it(text: str, rule: str) -> None:
    flows = facts_of(text, "flow")
    assert flows and {f["rule"] for f in flows} == {rule}


def _flows(text: str) -> dict[tuple[str, str], list[dict[str, object]]]:
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    for f in facts_of(text, "flow"):
        out.setdefault((f["origin"], f["destination"]), []).append(f)
    return out


def test_each_clause_keeps_its_own_victims_and_purposes() -> None:
    text = "Kenya is a source country. Kenyan men are forced to labor in Qatar and Oman, and women are sexually exploited in Oman."
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("KEN", "QAT")]] == [(["men"], ["labor"])]
    assert sorted((tuple(f["victims"]), tuple(f["exploitation"])) for f in flows[("KEN", "OMN")]) == [
        (("men",), ("labor",)),
        (("women",), ("sexual",)),
    ]


def test_a_neutral_noun_does_not_take_the_victims_of_the_sentence_before() -> None:
    text = "Togo is a source country. Togolese boys are trafficked to Gabon for labor. Togolese citizens are also exploited in Niger."
    assert _flows(text)[("TGO", "NER")][0]["victims"] == []


def test_sexual_abuse_as_a_means_of_coercion_is_not_sexual_exploitation() -> None:
    text = "Nepal is a source country. Nepali men are subjected to forced labor in Malaysia through debt, threats and sexual abuse."
    assert _flows(text)[("NPL", "MYS")][0]["exploitation"] == ["labor"]
    text = "Nepal is a source country. Nepali girls are trafficked to India for sexual exploitation."
    assert _flows(text)[("NPL", "IND")][0]["exploitation"] == ["sexual"]


def test_people_in_a_sub_count_are_not_the_victims() -> None:
    text = (
        "Peru is a source country. Officials found 12 victims of forced labor in Chile; three were children."
    )
    assert _flows(text)[("PER", "CHL")][0]["victims"] == []


def test_filipina_is_women() -> None:
    text = "Filipina housekeepers are subjected to domestic servitude in Kuwait."
    assert _flows(text)[("PHL", "KWT")][0]["victims"] == ["women"]


def test_a_follow_up_after_a_connective_points_back() -> None:
    text = (
        "Ukraine is a source country. Ukrainian men go to Portugal for seasonal farm work. "
        "Nevertheless, some end up in forced labor on farms."
    )
    flow = _flows(text)[("UKR", "PRT")][0]
    assert flow["victims"] == ["men"] and flow["exploitation"] == ["labor"]


def test_a_follow_up_across_one_sentence_points_back() -> None:
    text = (
        "The Philippines is a source country. Filipino women move to Japan as dancers. "
        "Visa checks are weak. Many of these dancers are later forced into prostitution."
    )
    flow = _flows(text)[("PHL", "JPN")][0]
    assert flow["victims"] == ["women"] and flow["exploitation"] == ["sexual"]
    # Two sentences in between: too far back.
    far = text.replace("Visa checks are weak.", "Visa checks are weak. Fees are high.")
    assert ("PHL", "JPN") not in _flows(far)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mali is a source country. Malian boys are trafficked to and through Niger.", {("MLI", "NER")}),
        (
            "Bulgaria is a source country. Bulgarian women are trafficked into and across Western Europe.",
            {("BGR", "region:Western Europe")},
        ),
        (
            "Girls are trafficked from Laos to Thailand and from Burma to China.",
            {("LAO", "THA"), ("MMR", "CHN")},
        ),
        ("Albania is a source country. Rings based in Greece force Albanian boys into begging.", set()),
        (
            "Sri Lanka is a source country. Sri Lankan women are trafficked to Jordan and even as far as Cyprus.",
            {("LKA", "JOR"), ("LKA", "CYP")},
        ),
        ("Trafficking in Bhutan is largely internal.", {("BTN", "BTN")}),
        ("Malaysia is a destination country. Most victims originated mainly in Indonesia.", {("IDN", "MYS")}),
        (
            "Women from Sierra-Leone and Bosnia Herzegovina were exploited in Spain.",
            {("SLE", "ESP"), ("BIH", "ESP")},
        ),
        (
            "Cambodia is a destination country. Non-Cambodian victims in Cambodia are subjected to forced labor.",
            set(),
        ),
    ],
)
def test_smaller_phrasings(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_a_list_of_the_largest_source_countries_after_a_count_of_victims() -> None:
    # "The largest source countries were ...", "The top countries of victim origin in <year> (...) were ...":
    # a list of origins, the subject's own people among them.
    text = (
        "Authorities referred 900 possible victims in 2015. "
        "The largest source countries were Eritrea, Sudan, and Ireland."
    )
    assert pairs(text, "ireland.txt") == {("ERI", "IRL"), ("SDN", "IRL"), ("IRL", "IRL")}
    text = (
        "Officials identified 700 victims. "
        "The top countries of victim origin in 2015 (by number) were Latvia, Ghana, and Ireland."
    )
    assert pairs(text, "ireland.txt") == {("LVA", "IRL"), ("GHA", "IRL"), ("IRL", "IRL")}


def test_a_breakdown_of_a_count_gives_no_victims_or_purposes_to_the_list_after_it() -> None:
    # "Ninety of the victims were children", "200 were victims of sex trafficking": parts of a count.
    text = (
        "Officials identified 400 trafficking victims in 2015. Of these, 200 were victims of sex trafficking, "
        "150 of labor trafficking, and 20 of both labor and sex trafficking. Ninety of the victims were "
        "children. The top countries of victim origin were Latvia and Ghana."
    )
    flows = facts_of(text, "flow", "ireland.txt")
    assert {(f["origin"], f["destination"]) for f in flows} == {("LVA", "IRL"), ("GHA", "IRL")}
    assert all(f["victims"] == [] and f["exploitation"] == [] for f in flows)
    # "a majority were victims of labor trafficking": a part, not the listed countries' victims.
    text = "Officials referred 500 victims. The largest source countries were Latvia and Ghana, and a majority were victims of labor trafficking."
    assert all(f["exploitation"] == [] for f in facts_of(text, "flow", "ireland.txt"))


def test_victims_brought_home_from_a_country_were_exploited_there() -> None:
    text = (
        "Ghana is a source country. The government paid for the repatriation of 30 trafficking victims back "
        "to Ghana, including the repatriations of 12 women from Lebanon."
    )
    assert pairs(text, "ghana.txt") == {("GHA", "LBN")}
    assert pairs(
        "Ghana is a source country. The ministry supported 20 repatriated victims from Oman.", "ghana.txt"
    ) == {("GHA", "OMN")}
    # Rescued people trafficked from a place still come from it.
    assert pairs(
        "Ghana is a destination country. Police rescued girls trafficked from Togo.", "ghana.txt"
    ) == {("TGO", "GHA")}


def test_victim_related_words_are_no_statement_about_victims() -> None:
    assert (
        pairs("Ghana is a source country. Tracking victim-related data remained weak in Ghana.", "ghana.txt")
        == set()
    )
    assert (
        pairs(
            "Ghana is a source country. Officials adopted a victim-centered approach in Ghana.", "ghana.txt"
        )
        == set()
    )


def test_other_countries_in_the_region_including_a_list() -> None:
    text = "Niger is a destination for children trafficked from other countries in the region, including Togo, Benin, and Chad."
    assert pairs(text, "niger.txt") == {("TGO", "NER"), ("BEN", "NER"), ("TCD", "NER")}


def test_some_victims_with_a_neutral_noun_keep_no_victims_of_the_sentence_before() -> None:
    text = (
        "Norway is a destination country for women trafficked from Russia for sexual exploitation. "
        "Some victims are also trafficked to Norway from Asian countries, particularly Vietnam."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "norway.txt")}
    assert flows[("VNM", "NOR")]["victims"] == []
    # "some" alone still points back.
    text = (
        "Norway is a destination country for women trafficked from Russia for sexual exploitation. "
        "Some are also trafficked to Norway from Vietnam."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "norway.txt")}
    assert flows[("VNM", "NOR")]["victims"] == ["women"]


def test_female_children_are_girls() -> None:
    text = (
        "Chad is a source country for female children trafficked within the country for sexual exploitation."
    )
    flows = facts_of(text, "flow", "chad.txt")
    assert [(f["origin"], f["destination"], f["victims"]) for f in flows] == [("TCD", "TCD", ["girls"])]


def test_a_second_role_phrase_that_leaves_out_its_subject_is_a_clause_of_its_own() -> None:
    text = (
        "Niger is a transit country for traffickers moving children from Mali to Ghana, and is a destination "
        "for children trafficked from other countries in the region, including Togo, Benin, and Chad."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "niger.txt")}
    assert set(flows) == {("MLI", "GHA"), ("TGO", "NER"), ("BEN", "NER"), ("TCD", "NER")}
    assert flows[("MLI", "GHA")]["via"] == ["NER"]


def test_people_of_a_place_that_make_up_a_share_of_the_victims() -> None:
    text = (
        "Ghanaian women made up most of the sex trafficking victims identified in Norway; "
        "Eastern European women constituted the second largest group."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "norway.txt")}
    assert set(flows) == {("GHA", "NOR"), ("region:Eastern Europe", "NOR")}
    assert flows[("region:Eastern Europe", "NOR")]["victims"] == ["women"]
    assert flows[("region:Eastern Europe", "NOR")]["exploitation"] == ["sexual"]
    assert flows[("region:Eastern Europe", "NOR")]["rule"] == "flows.v2:share-of-victims"
    # Not without victims spoken of.
    assert (
        pairs("Norway has many migrants. Eastern European women constituted the largest group.", "norway.txt")
        == set()
    )


def test_from_rural_areas_to_a_city_the_gazetteer_does_not_know() -> None:
    text = (
        "Ghana is a source country. The cases involved 14 Ghanaian male and female victims who were "
        "exploited in forced labor from rural areas in northern Ghana to Tamale."
    )
    flows = facts_of(text, "flow", "ghana.txt")
    assert [(f["origin"], f["destination"], f["victims"], f["exploitation"]) for f in flows] == [
        ("GHA", "GHA", ["men", "women"], ["labor"])
    ]
    # From rural areas abroad: not internal.
    assert pairs(
        "Ghana is a source country. Girls were trafficked from rural areas to Nigeria.", "ghana.txt"
    ) == {("GHA", "NGA")}


def test_statistics_on_victims_are_no_statement_about_victims() -> None:
    text = (
        "Ghana is a source country. Case handling was weak in Ghana, and as in past years, the government "
        "did not provide full statistics on the number of trafficking victims identified."
    )
    assert pairs(text, "ghana.txt") == set()
    assert (
        pairs("Ghana is a source country. The ministry kept no data on victims in Ghana.", "ghana.txt")
        == set()
    )
    # Victims found in a place are still victims there.
    assert pairs("Ghana is a source country. Officials identified 40 victims in Ghana.", "ghana.txt") == {
        ("GHA", "GHA")
    }


def test_joined_regions_named_by_countries_of_only_one_of_them() -> None:
    # Vietnam stands for the Asian countries, not the South American ones.
    text = "Norway is a destination country. Victims are trafficked to Norway from South American and Asian countries, particularly Vietnam."
    assert pairs(text, "norway.txt") == {("region:South America", "NOR"), ("VNM", "NOR")}
    # Both regions of one continent: the countries stand for both.
    text = "Norway is a destination country. Victims are trafficked to Norway from West and Central African countries, primarily Nigeria."
    assert pairs(text, "norway.txt") == {("NGA", "NOR")}


def test_a_list_of_demonyms_before_people_is_one_subject() -> None:
    text = "Chile is a destination country. Peruvian, Bolivian, and Haitian women are subjected to forced labor in Chile."
    assert pairs(text) == {("PER", "CHL"), ("BOL", "CHL"), ("HTI", "CHL")}


def test_coordinated_people_of_a_second_clause_keep_together() -> None:
    text = (
        "Laos is a source country. Lao men are subjected to forced labor on farms in Thailand, "
        "and Lao women and girls are subjected to sex trafficking in China."
    )
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("LAO", "THA")]] == [(["men"], ["labor"])]
    assert [(f["victims"], f["exploitation"]) for f in flows[("LAO", "CHN")]] == [
        (["women", "girls"], ["sexual"])
    ]


def test_a_clause_that_points_back_adds_its_purposes_to_the_flow_before() -> None:
    text = "Nepal is a source country. Nepali women are trafficked to India for sexual exploitation; some are also subjected to forced labor."
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("NPL", "IND")]] == [
        (["women"], ["sexual", "labor"])
    ]


def test_a_sentence_that_points_back_restates_the_flow_with_its_purposes() -> None:
    text = "Nepal is a source country. Nepali girls are taken to India. Many of these girls are forced into prostitution."
    flows = _flows(text)[("NPL", "IND")]
    assert [(f["victims"], f["exploitation"]) for f in flows] == [(["girls"], []), (["girls"], ["sexual"])]
    assert flows[1]["rule"] == "flows.v2:points-back"
    assert flows[1]["evidence"]["text"] == "Many of these girls are forced into prostitution."


def test_parts_of_the_children_of_a_flow_add_to_it() -> None:
    text = (
        "Zambia is a source country. Children are trafficked within the country from villages to towns; "
        "girls are exploited in domestic servitude; boys are forced to beg."
    )
    flows = _flows(text)[("ZMB", "ZMB")]
    assert [(f["victims"], f["exploitation"]) for f in flows] == [
        (["children", "girls", "boys"], ["domestic_servitude", "begging"])
    ]


def test_many_of_them_points_back_to_places_waiting() -> None:
    text = "Nepal is a source country. Nepali men migrate to Qatar for construction work; many of them face forced labor."
    assert [(f["victims"], f["exploitation"]) for f in _flows(text)[("NPL", "QAT")]] == [(["men"], ["labor"])]


@pytest.mark.parametrize(
    ("text", "key", "attributes"),
    [
        (
            "Nepal is a source country. Nepali women are subjected to forced labor in Oman, where employers use threats and sexual abuse to control them.",
            ("NPL", "OMN"),
            (["women"], ["labor"]),
        ),
        (
            "Nepal is a source country. Nepali domestic workers in Oman face physical and sexual abuse and forced labor.",
            ("NPL", "OMN"),
            ([], ["domestic_servitude", "labor"]),
        ),
        (
            "Chad is a source country. Chadian girls are forced into marriages in Sudan.",
            ("TCD", "SDN"),
            (["girls"], ["marriage"]),
        ),
        (
            "Chad is a source country. Chadian boys are forced to commit crimes in Cameroon.",
            ("TCD", "CMR"),
            (["boys"], ["criminality"]),
        ),
        (
            "Chad is a source country. Chadian children are exploited in circuses in Niger.",
            ("TCD", "NER"),
            (["children"], ["labor"]),
        ),
    ],
)
def test_forms_of_exploitation_and_abuse_as_coercion(
    text: str, key: tuple[str, str], attributes: tuple[list[str], list[str]]
) -> None:
    assert [(f["victims"], f["exploitation"]) for f in _flows(text)[key]] == [attributes]


def test_people_recruited_to_fight_are_a_flow() -> None:
    text = "Chad is a source country. Chadian boys are forcibly recruited as child soldiers in Sudan."
    flows = _flows(text)[("TCD", "SDN")]
    assert [(f["victims"], f["exploitation"], f["rule"]) for f in flows] == [
        (["boys"], ["child_soldiers"], "flows.v2:recruited-to-fight")
    ]
    text = "Chad is a source country. Chadian boys are recruited by armed groups in Sudan."
    assert pairs(text) == {("TCD", "SDN")}


def test_a_part_of_a_count_said_to_be_from_a_place_keeps_its_people() -> None:
    text = (
        "Spain is a destination country. Of the victims identified, 40 were women from Brazil subjected "
        "to sex trafficking and 12 were men from Morocco subjected to forced labor."
    )
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("BRA", "ESP")]] == [(["women"], ["sexual"])]
    assert [(f["victims"], f["exploitation"]) for f in flows[("MAR", "ESP")]] == [(["men"], ["labor"])]


def test_each_origin_described_before_it_keeps_its_own_purposes() -> None:
    text = (
        "Spain is a destination country. Police identified 31 victims of forced labor, mostly Moroccan men, "
        "and 20 victims of sex trafficking, mostly Brazilian women."
    )
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("MAR", "ESP")]] == [(["men"], ["labor"])]
    assert [(f["victims"], f["exploitation"]) for f in flows[("BRA", "ESP")]] == [(["women"], ["sexual"])]


def test_the_job_people_were_lured_with_is_no_sector_of_their_exploitation() -> None:
    text = "Laos is a source country. Lao women who go to Thailand for jobs in restaurants are forced into prostitution."
    flows = _flows(text)[("LAO", "THA")]
    assert [(f["exploitation"], f["sectors"]) for f in flows] == [(["sexual"], [])]
    text = "Laos is a source country. Lao men are forced to work in construction in Thailand."
    assert [(f["exploitation"], f["sectors"]) for f in _flows(text)[("LAO", "THA")]] == [
        (["labor"], ["construction"])
    ]


def test_abuse_at_someones_hands_is_not_sexual_exploitation() -> None:
    text = "Laos is a source country. Lao women in Thailand report sexual abuse by employers and are forced to work without pay."
    assert [f["exploitation"] for f in _flows(text)[("LAO", "THA")]] == [["labor"]]


def test_an_aside_with_its_own_people_keeps_its_own_purposes() -> None:
    text = (
        "Chile is a destination country for women and children trafficked for sexual and labor exploitation, "
        "with most victims trafficked internally for exploitation in prostitution."
    )
    assert [f["exploitation"] for f in _flows(text)[("CHL", "CHL")]] == [["sexual"]]
    text = (
        "Italy is a destination country for women trafficked for sexual exploitation, with some victims "
        "from Romania subjected to forced begging."
    )
    assert [f["exploitation"] for f in _flows(text)[("ROU", "ITA")]] == [["begging"]]


def test_origins_listed_together_share_their_victims_and_purposes() -> None:
    text = (
        "Spain is a destination country. Foreign victims identified in Spain included women from Peru, Bolivia "
        "and Ecuador in prostitution, as well as Moroccan and Algerian men forced to work in agriculture."
    )
    flows = _flows(text)
    for origin in ("PER", "BOL", "ECU"):
        assert [(f["victims"], f["exploitation"]) for f in flows[(origin, "ESP")]] == [
            (["women"], ["sexual"])
        ]
    for origin in ("MAR", "DZA"):
        assert [(f["victims"], f["exploitation"]) for f in flows[(origin, "ESP")]] == [(["men"], ["labor"])]


def test_each_list_of_destinations_after_a_comma_and_keeps_its_own_people() -> None:
    text = (
        "Samoa is a source country. Traffickers exploit Samoan women and girls in sex trafficking in Australia and "
        "New Zealand, and in recent years Samoan men and women were subjected to forced labor in Kuwait and Qatar."
    )
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("WSM", "AUS")]] == [
        (["women", "girls"], ["sexual"])
    ]
    assert [(f["victims"], f["exploitation"]) for f in flows[("WSM", "KWT")]] == [
        (["men", "women"], ["labor"])
    ]


def test_a_region_adjective_before_people_opens_a_clause_of_its_own() -> None:
    text = (
        "Fiji is a destination country. Women from China and Malaysia are subjected to forced prostitution in Suva, "
        "and some Asian men are subjected to forced labor in fishing."
    )
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("CHN", "FJI")]] == [(["women"], ["sexual"])]
    assert [(f["victims"], f["exploitation"]) for f in flows[("region:Asia", "FJI")]] == [
        (["men"], ["labor"])
    ]


def test_a_sector_word_naming_a_place_is_no_sector() -> None:
    text = "Fiji is a destination country. Chinese women are subjected to forced prostitution in logging and mining areas in Fiji."
    assert [(f["exploitation"], f["sectors"]) for f in _flows(text)[("CHN", "FJI")]] == [(["sexual"], [])]


def test_minors_among_the_girls_and_husbands_are_no_more_victims() -> None:
    text = "Kyrgyzstan is a source country. Kyrgyz women and girls, some of them minors, are trafficked to Turkey for sexual exploitation."
    assert [f["victims"] for f in _flows(text)[("KGZ", "TUR")]] == [["women", "girls"]]
    text = "Kyrgyzstan is a source country. Kyrgyz girls are sold into forced marriages with men in China."
    assert [f["victims"] for f in _flows(text)[("KGZ", "CHN")]] == [["girls"]]


def test_most_of_the_victims_keep_no_victims_of_the_sentence_before() -> None:
    text = (
        "Oman is a destination country for women and children subjected to forced labor. Most of the victims are "
        "domestic workers from Kenya who are held in domestic servitude."
    )
    assert [f["victims"] for f in _flows(text)[("KEN", "OMN")]] == [[]]


def test_people_from_rural_areas_exploited_in_a_city_are_an_internal_flow() -> None:
    text = "Georgia is a source country. Girls from rural areas are exploited in prostitution in Kutaisi."
    assert [(f["victims"], f["exploitation"]) for f in _flows(text)[("GEO", "GEO")]] == [
        (["girls"], ["sexual"])
    ]


def test_vessels_operating_in_waters_are_where_people_work() -> None:
    text = (
        "Burma is a source country. Burmese men are subjected to forced labor and debt bondage on fishing vessels "
        "operating in the waters of Thailand and Indonesia, and on palm oil plantations in Malaysia."
    )
    flows = _flows(text)
    assert set(flows) == {("MMR", "THA"), ("MMR", "IDN"), ("MMR", "MYS")}
    assert [f["exploitation"] for f in flows[("MMR", "MYS")]] == [["labor", "debt_bondage"]]
    assert pairs(
        "Serbia is a source country. Gangs based in Serbia force Serbian girls into prostitution in Italy."
    ) == {("SRB", "ITA")}


def test_people_brought_from_a_long_list_of_origins_for_a_purpose() -> None:
    text = (
        "China is a destination country. Brokers bring women from Nepal, Burma, Laos, Cambodia, and Mongolia "
        "to China for forced or fraudulent marriages."
    )
    flows = _flows(text)
    assert {o for o, _ in flows} == {"NPL", "MMR", "LAO", "KHM", "MNG"}
    assert flows[("MNG", "CHN")][0]["exploitation"] == ["marriage"]


def test_buyers_named_by_a_demonym_are_no_origin() -> None:
    text = "Laos is a source country. Lao women and girls are sold as brides to Chinese men, and some are later forced into prostitution in China."
    flows = _flows(text)
    assert set(flows) == {("LAO", "CHN")}
    assert [(f["victims"], f["exploitation"]) for f in flows[("LAO", "CHN")]] == [
        (["women", "girls"], ["marriage", "sexual"])
    ]


def test_most_trafficking_takes_no_people_said_before() -> None:
    text = "Chad is a source country for children subjected to forced labor. Most trafficking in Chad is internal."
    assert [(f["victims"], f["exploitation"]) for f in _flows(text)[("TCD", "TCD")]] == [([], [])]


def test_the_removal_of_their_organs() -> None:
    text = "Egypt is a destination country. Migrants from Sudan held in Egypt have been subjected to the removal of their organs."
    assert [f["exploitation"] for f in _flows(text)[("SDN", "EGY")]] == [["organ_removal"]]


def test_a_victim_word_inside_a_hyphenated_compound_names_no_victims() -> None:
    text = "China is a destination country. Brokers bring women from Laos to China for forced marriages, a trade fed by the one-child policy."
    assert [f["victims"] for f in _flows(text)[("LAO", "CHN")]] == [["women"]]
    text = "Mali is a source country. Malian boys - known as talibes - are forced to beg in Senegal."
    assert [f["victims"] for f in _flows(text)[("MLI", "SEN")]] == [["boys"]]


def test_a_region_named_in_particular_by_its_countries() -> None:
    text = "Jordan is a source country. Jordanian women have been trafficked to the Gulf, in particular Kuwait and Oman, for sexual exploitation."
    assert pairs(text) == {("JOR", "KWT"), ("JOR", "OMN")}
    text = "Azerbaijan is a destination country. Men from Central Asia, in particular Tajikistan, are subjected to forced labor in Azerbaijan."
    assert pairs(text) == {("TJK", "AZE")}


def test_fishermen_are_men_and_petty_theft_is_criminality() -> None:
    text = "Fiji is a destination country. Fishermen from Indonesia are exploited in forced labor on vessels in Fiji."
    assert [f["victims"] for f in _flows(text)[("IDN", "FJI")]] == [["men"]]
    text = "Romania is a source country. Romanian children are trafficked to Spain for forced begging and petty theft."
    assert [f["exploitation"] for f in _flows(text)[("ROU", "ESP")]] == [["begging", "criminality"]]


def test_a_second_clause_whose_people_have_an_aside_keeps_its_own_purposes() -> None:
    text = (
        "Georgia is a source country. Within the country, girls from rural areas are exploited in prostitution "
        "in Kutaisi, and children, many of them from poor families, are forced to beg."
    )
    flows = _flows(text)[("GEO", "GEO")]
    assert [(f["victims"], f["exploitation"]) for f in flows] == [(["girls"], ["sexual"])]


def test_a_second_of_clause_keeps_its_own_people() -> None:
    text = (
        "Iraq is a source country. Observers received reports of girls being sold into forced marriages in Iraq, "
        "and of women being forced into prostitution in Syria and Jordan."
    )
    flows = _flows(text)
    assert [f["victims"] for f in flows[("IRQ", "SYR")]] == [["women"]]
    assert [f["victims"] for f in flows[("IRQ", "IRQ")]] == [["girls"]]


def test_a_clause_takes_no_victims_of_a_later_clause() -> None:
    text = (
        "Romania is a source country. Romanian victims identified abroad were mostly exploited in Germany and "
        "Italy, and Romanian men have been trafficked for agricultural labor to Spain."
    )
    flows = _flows(text)
    assert [f["victims"] for f in flows[("ROU", "DEU")]] == [[]]
    assert [f["victims"] for f in flows[("ROU", "ESP")]] == [["men"]]


def test_daughters_are_girls() -> None:
    text = (
        "Egypt is a source country. Rural families send their daughters to work as domestic servants in the "
        "cities, where some are subjected to forced labor."
    )
    assert [f["victims"] for f in _flows(text)[("EGY", "EGY")]] == [["girls"]]


def test_work_people_migrated_for_is_no_form_of_exploitation() -> None:
    text = (
        "Nepal is a source country. Nepali men and women migrate abroad for domestic work and construction, "
        "and some are subjected to forced labor in Kuwait."
    )
    assert [f["exploitation"] for f in _flows(text)[("NPL", "KWT")]] == [["labor"]]


def test_some_of_the_same_people_sent_to_the_same_place_add_a_purpose() -> None:
    text = (
        "Laos is a source country. Lao women and girls are trafficked to Thailand and China for sexual "
        "exploitation, and some women are sent to China through fraudulent marriages."
    )
    flows = _flows(text)
    assert [(f["victims"], f["exploitation"]) for f in flows[("LAO", "CHN")]] == [
        (["women", "girls"], ["sexual", "marriage"])
    ]
    assert [(f["victims"], f["exploitation"]) for f in flows[("LAO", "THA")]] == [
        (["women", "girls"], ["sexual"])
    ]


def test_a_victim_word_in_the_name_of_a_body_names_no_victims() -> None:
    text = (
        "Peru is a source country. The Ministry of Women and Vulnerable Populations repatriated 14 Peruvian "
        "victims from Chile."
    )
    assert [f["victims"] for f in _flows(text)[("PER", "CHL")]] == [[]]


def test_no_victims_found_is_no_flow_and_online_scams_are_criminality() -> None:
    text = "Kenya is a source country. Police identified no victims among the women who returned from Oman."
    assert pairs(text) == set()
    text = "Kenya is a source country. Kenyans lured by fake job offers have been forced to conduct online scams in Laos."
    assert [f["exploitation"] for f in _flows(text)[("KEN", "LAO")]] == [["criminality"]]


def test_traffickers_subject_people_to_exploitation() -> None:
    text = "Kenya is a source country. Traffickers subject Kenyan women to sex trafficking in Oman."
    flows = _flows(text)[("KEN", "OMN")]
    assert [(f["victims"], f["exploitation"], f["rule"]) for f in flows] == [
        (["women"], ["sexual"], "flows.v2:word.subjected")
    ]
    text = "Kenya is a source country. Kenyan recruiters sending workers to Oman are subject to penalties."
    assert pairs(text) == set()


def test_most_of_the_victims_said_to_be_people_of_a_place() -> None:
    text = "Spain is a destination country. Police identified 60 victims of sex trafficking. Most were women from Paraguay."
    flows = _flows(text)[("PRY", "ESP")]
    assert [(f["victims"], f["exploitation"], f["rule"]) for f in flows] == [
        (["women"], ["sexual"], "flows.v2:share-of-victims")
    ]


def test_a_flow_from_one_region_to_another() -> None:
    text = (
        "Turkey is a transit country. Turkey is a transit point for women from Central Asia who are trafficked "
        "to the Gulf states."
    )
    assert ("region:Central Asia", "region:Gulf") in pairs(text)


def test_some_people_of_a_place_take_no_purposes_said_before() -> None:
    text = (
        "Kyrgyzstan is a source country for women subjected to sex trafficking. Some Kazakh victims transit "
        "Kyrgyzstan on their way to Turkey."
    )
    assert [f["exploitation"] for f in _flows(text)[("KAZ", "TUR")]] == [[]]


def test_sexually_abused_is_sexual_exploitation_unless_abuse_of_several_kinds_or_at_someones_hands() -> None:
    text = "Peru is a source country. Peruvian girls who were sexually abused and exploited in forced labor in Chile were repatriated."
    assert [f["exploitation"] for f in _flows(text)[("PER", "CHL")]] == [["sexual", "labor"]]
    text = "Peru is a source country. Peruvian girls in domestic servitude in Chile are physically and sexually abused."
    assert [f["exploitation"] for f in _flows(text)[("PER", "CHL")]] == [["domestic_servitude"]]
    text = "Peru is a source country. Peruvian girls in domestic servitude in Chile are sexually abused by employers."
    assert [f["exploitation"] for f in _flows(text)[("PER", "CHL")]] == [["domestic_servitude"]]


def test_a_sentence_that_points_back_across_one_sentence_between() -> None:
    text = (
        "Nepal is a source country. Nepali girls are taken to India. Border controls are weak. "
        "Many of these girls are forced into prostitution."
    )
    flows = _flows(text)[("NPL", "IND")]
    assert [(f["victims"], f["exploitation"], f["rule"]) for f in flows][-1] == (
        ["girls"],
        ["sexual"],
        "flows.v2:points-back",
    )


def test_talibes_are_boys_and_schoolchildren_children() -> None:
    text = "Senegal is a destination country. Talibes from Mali and Guinea are forced to beg in Dakar."
    assert {f["origin"]: f["victims"] for f in facts_of(text, "flow", "senegal.txt")} == {
        "MLI": ["boys"],
        "GIN": ["boys"],
    }
    text = "Senegal is a source country. Senegalese schoolchildren were forced to pick cotton in Mali."
    assert [f["victims"] for f in facts_of(text, "flow", "senegal.txt")] == [["children"]]


def test_people_after_by_are_the_doers_not_victims() -> None:
    text = "Moldova is a source country. Moldovan women are recruited by men they trust and are exploited in brothels in Italy."
    assert [f["victims"] for f in facts_of(text, "flow", "moldova.txt")] == [["women"]]
    text = "Moldova is a source country. Most victims were women, followed by children, trafficked to Italy for sexual exploitation."
    assert [sorted(f["victims"]) for f in facts_of(text, "flow", "moldova.txt")] == [["children", "women"]]


def test_finders_demonym_is_where_victims_were_found() -> None:
    # the authorities' demonym is where the victims were found, not the document's country
    text = "Belize is a destination country. Mexican authorities identified 43 Guatemalan victims."
    assert pairs(text) == {("GTM", "MEX")}
    text = (
        "Nepal is a source country. Indian law enforcement officials found 20 Nepali women in forced labor."
    )
    assert pairs(text) == {("NPL", "IND")}
    # no other victims' demonym: the finders' demonym names no place
    assert pairs("Nepal is a source country. Nepali authorities identified 20 Nepali victims.") == set()


def test_sham_marriages_are_marriage() -> None:
    text = (
        "Peru is a source country. Peruvian women are recruited for sham marriages in Spain, "
        "where some are subjected to sexual exploitation."
    )
    (flow,) = facts_of(text, "flow")
    assert flow["exploitation"] == ["marriage", "sexual"]


def test_these_people_moved_from_places() -> None:
    # "these boys" are the victims of the sentence before: where they are brought from is their origin
    text = (
        "Senegal is a destination country. Many boys are forced to beg in the streets. "
        "Many of these boys are brought to Senegal from Mali and Guinea."
    )
    flows = facts_of(text, "flow")
    assert {(f["origin"], f["destination"]) for f in flows} == {("MLI", "SEN"), ("GIN", "SEN")}
    assert all(f["exploitation"] == ["begging"] for f in flows)
    text = (
        "Mauritania is a destination country. Boys are forced to beg in the streets; "
        "many of these boys come from Mali and Senegal, while others are Mauritanian."
    )
    assert pairs(text) == {("MLI", "MRT"), ("SEN", "MRT")}


def test_accession_to_a_union_is_no_destination() -> None:
    text = (
        "Estonia is a source country. After accession to the European Union in 2004, Estonian women and "
        "girls were trafficked to Finland and Sweden for prostitution."
    )
    flows = facts_of(text, "flow")
    assert {(f["origin"], f["destination"]) for f in flows} == {("EST", "FIN"), ("EST", "SWE")}
    assert all(sorted(f["victims"]) == ["girls", "women"] for f in flows)


def test_sector_sites_name_where_not_labor() -> None:
    # "at gold-mining sites": where the prostitution is, not mining work
    text = "Peru is a source country. Peruvian women are exploited in prostitution at gold-mining sites in Cusco."
    (flow,) = facts_of(text, "flow")
    assert flow["exploitation"] == ["sexual"]
    text = (
        "Peru is a source country. Peruvian men are subjected to forced labor on construction sites in Chile."
    )
    (flow,) = facts_of(text, "flow")
    assert flow["exploitation"] == ["labor"]


def test_heading_destination_takes_no_purpose_said_elsewhere() -> None:
    # where migrants were heading is no place of the exploitation the clause sets in another country
    text = (
        "Peru is a destination country. Migrants from Haiti and Cuba who transit Peru en route to Chile "
        "are vulnerable, and traffickers have exploited some of them in forced labor in Peru."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("HTI", "CHL")]["exploitation"] == []
    # "en route to B, where ...": the purpose is said of B
    text = (
        "Laos is a transit country. Thai and Chinese women transit Laos en route to Vietnam, "
        "where some are trafficked into prostitution in Hanoi."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("THA", "VNM")]["exploitation"] == ["sexual"]
    # no other place named: the purpose stays with where they were heading
    text = (
        "Libya is a transit country. Migrants from Niger and Chad travelling through Libya towards Italy "
        "have been subjected to extortion and forced labor."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("NER", "ITA")]["exploitation"] == ["labor"]


def test_households_and_private_homes_are_domestic_servitude() -> None:
    text = "Togo is a source country. Togolese children are trafficked to Ghana for work in households."
    (flow,) = facts_of(text, "flow")
    assert flow["exploitation"] == ["domestic_servitude"]
    text = "Laos is a source country. Lao women are subjected to forced labor in factories and private homes in Malaysia."
    (flow,) = facts_of(text, "flow")
    assert sorted(flow["exploitation"]) == ["domestic_servitude", "labor"]
    # a venue of prostitution, not domestic work
    text = "Peru is a source country. Peruvian girls are exploited in commercial sex in bars, nightclubs and private homes."
    (flow,) = facts_of(text, "flow")
    assert flow["exploitation"] == ["sexual"]
    # "from poor households": no venue of anything
    (flow,) = facts_of(
        "Togo is a source country. Children from poor households are trafficked to Ghana.", "flow"
    )
    assert flow["exploitation"] == []


def test_second_role_phrase_internal_keeps_first_phrase_flows() -> None:
    # the second role phrase says the frame country's people are trafficked within it; the first
    # phrase's foreign people still go to the frame country
    text = (
        "Bhutan is a destination country. Bhutan is a destination country for men from Nepal subjected to "
        "forced labor, and a source country for Bhutanese children subjected to sex trafficking within "
        "the country."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert set(flows) == {("NPL", "BTN"), ("BTN", "BTN")}
    assert flows[("BTN", "BTN")]["exploitation"] == ["sexual"]
    assert flows[("NPL", "BTN")]["victims"] == ["men"]


def test_children_used_by_a_fighting_force_are_child_soldiers() -> None:
    text = (
        "Chad is a source country. Rebels abducted Chadian children. Some of these children were taken "
        "across the border and used by the Popular Liberation Army in Sudan."
    )
    (flow,) = facts_of(text, "flow")
    assert (flow["origin"], flow["destination"]) == ("TCD", "SDN")
    assert flow["exploitation"] == ["child_soldiers"]
    # adults used by soldiers: no child soldiers
    text = (
        "Chad is a source country. Chadian men were forced to work and used by the army as porters in Sudan."
    )
    assert all("child_soldiers" not in f["exploitation"] for f in facts_of(text, "flow"))


def test_buyers_place_is_no_origin_and_quoted_marriages_are_marriage() -> None:
    # the men the girls are sold to come from abroad; the girls stay home
    text = (
        "Oman is a source country. Omani girls are exploited for commercial sex in hotels, and some are "
        'sold into temporary "tourist marriages" to men from Saudi Arabia and other Gulf countries.'
    )
    (flow,) = facts_of(text, "flow")
    assert (flow["origin"], flow["destination"]) == ("OMN", "OMN")
    assert flow["exploitation"] == ["sexual", "marriage"]
    text = (
        "Oman is a source country. Omani girls are exploited for commercial sex in hotels, and some are "
        "sold into forced marriages to men from Saudi Arabia."
    )
    assert pairs(text) == {("OMN", "OMN")}


def test_region_adjective_named_by_its_countries_is_dropped() -> None:
    text = "West African women, mainly from Ghana and Nigeria, are forced into prostitution in Algeria."
    assert pairs(text) == {("GHA", "DZA"), ("NGA", "DZA")}
    text = "West African women are forced into prostitution in Algeria."
    assert pairs(text) == {("region:West Africa", "DZA")}
