"""Flows: clauses with their own people and purposes, and lists of regions and islands, in sentences
written for these tests."""

from __future__ import annotations

from tests.helpers import facts_of, pairs


def flows_of(text: str) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for f in facts_of(text, "flow"):
        out.setdefault((f["origin"], f["destination"]), []).append(f)
    return out


def test_a_new_subject_with_its_origin_before_its_verb_opens_a_clause() -> None:
    text = (
        "Peru is a source country. Men are trafficked from highland villages to coastal towns for forced "
        "labor, and girls from rural areas are trafficked to Lima for commercial sexual exploitation."
    )
    found = {(tuple(f["victims"]), tuple(f["exploitation"])) for f in flows_of(text)[("PER", "PER")]}
    assert (("men",), ("labor",)) in found and (("girls",), ("sexual",)) in found


def test_a_new_subject_after_a_quantity_or_with_a_participle_opens_a_clause() -> None:
    text = (
        "Laos is a transit country. Women from Vietnam are taken through Laos to Thailand, and a small "
        "number of women from Cambodia are forced into prostitution in Laos."
    )
    flows = flows_of(text)
    assert flows[("VNM", "THA")][0]["exploitation"] == []
    assert flows[("KHM", "LAO")][0]["exploitation"] == ["sexual"]
    text = (
        "Belize is a destination country. Honduran children are trafficked into Belize for begging, and "
        "Honduran men recruited to cut timber are in some cases held in forced labor."
    )
    found = {tuple(f["victims"]) for f in flows_of(text)[("HND", "BLZ")]}
    assert ("children",) in found and ("men",) in found


def test_a_second_clause_of_the_country_takes_no_people_before_it() -> None:
    text = (
        "Panama is a destination country. Women from Colombia are trafficked to Panama for sexual "
        "exploitation, and the country also serves as a transit point for Indian migrants who may be "
        "trafficked onward to Mexico."
    )
    flows = flows_of(text)
    assert set(flows) == {("COL", "PAN"), ("IND", "MEX")}
    assert flows[("IND", "MEX")][0]["victims"] == [] and flows[("IND", "MEX")][0]["exploitation"] == []
    assert flows[("IND", "MEX")][0]["hedged"] is True


def test_a_list_of_destinations_with_a_neutral_noun_of_its_own_names_no_victims() -> None:
    text = (
        "Vietnam is a source country. Traffickers exploit Vietnamese girls in sex trafficking in Malaysia, "
        "and lure Vietnamese nationals into online scam operations in Cambodia."
    )
    flows = flows_of(text)
    assert flows[("VNM", "MYS")][0]["victims"] == ["girls"]
    assert flows[("VNM", "KHM")][0]["victims"] == []
    assert flows[("VNM", "KHM")][0]["exploitation"] == ["criminality"]


def test_some_people_named_by_their_nationality_take_no_victims_said_before() -> None:
    text = (
        "Somalia is a source country. Somali women are trafficked to Kenya for domestic servitude. "
        "Some Somalis who cross Ethiopia are sold to traffickers in Yemen."
    )
    flow = flows_of(text)[("SOM", "YEM")][0]
    assert flow["victims"] == [] and flow["exploitation"] == []


def test_regions_joined_by_a_comma_and_and_named_by_their_countries() -> None:
    text = (
        "India is a source country. Traffickers subject Indian workers to forced labor in Africa, "
        "Central Asia, and Southeast Asia, including in Nigeria, Kenya, and Thailand."
    )
    found = pairs(text)
    assert {("IND", "NGA"), ("IND", "KEN"), ("IND", "THA")} <= found
    assert ("IND", "region:Africa") not in found and ("IND", "region:Southeast Asia") not in found


def test_islands_of_a_region_are_its_countries() -> None:
    text = "Guyana is a source country. Guyanese women are trafficked to the Caribbean islands of Barbados and Antigua."
    assert pairs(text) == {("GUY", "BRB"), ("GUY", "ATG")}


def test_the_place_people_go_on_to_after_paying_debts_is_no_destination() -> None:
    text = (
        "Hungary is a transit country. Hungary is a transit point for migrants from Syria; some of them "
        "are forced to beg to repay their debts before continuing to Western Europe."
    )
    flows = flows_of(text)
    assert set(flows) == {("SYR", "HUN")}
    assert sorted(flows[("SYR", "HUN")][0]["exploitation"]) == ["begging", "debt_bondage"]


def test_boys_recruited_to_fight_are_child_soldiers() -> None:
    text = "Sudan is a source country. Militias recruited Sudanese boys to fight in Libya."
    assert flows_of(text)[("SDN", "LBY")][0]["exploitation"] == ["child_soldiers"]


def test_an_onward_leg_takes_only_the_purposes_named_after_it() -> None:
    text = (
        "Nepal is a source country. Traffickers move Nepali girls to brothels in India, and in some cases "
        "onward to Oman and Qatar."
    )
    flows = flows_of(text)
    assert flows[("NPL", "IND")][0]["exploitation"] == ["sexual"]
    assert flows[("NPL", "OMN")][0]["exploitation"] == [] and flows[("NPL", "OMN")][0]["via"] == ["IND"]
    text = "Nepal is a source country. Nepali men are trafficked to India and on to Qatar for forced labor."
    assert flows_of(text)[("NPL", "QAT")][0]["exploitation"] == ["labor"]


def test_the_region_people_migrate_to_gives_way_to_its_countries_named_after() -> None:
    text = (
        "Kenya is a source country. Kenyan women who migrate for work to the Gulf, often through agencies, "
        "face domestic servitude in Saudi Arabia, Qatar and Oman."
    )
    assert pairs(text) == {("KEN", "SAU"), ("KEN", "QAT"), ("KEN", "OMN")}
    text = "Kenya is a source country. Kenyan women are trafficked to Saudi Arabia and other Gulf states."
    assert pairs(text) == {("KEN", "SAU"), ("KEN", "region:Gulf")}


def test_girls_with_an_origin_of_their_own_are_no_part_of_the_children_before() -> None:
    text = (
        "Niger is a source country. Nigerien children are exploited in forced begging in Mali, and girls "
        "from the eastern regions are sometimes sold into early marriage."
    )
    flow = flows_of(text)[("NER", "MLI")][0]
    assert flow["victims"] == ["children"] and flow["exploitation"] == ["begging"]


def test_some_of_the_migrants_a_frame_named_take_no_victims_said_before() -> None:
    text = (
        "Croatia is a transit country. Croatian women are exploited in prostitution in Italy. Croatia is a "
        "transit point for migrants from Iraq; some of them are forced to work to repay their debts."
    )
    flow = flows_of(text)[("IRQ", "HRV")][0]
    assert flow["victims"] == []
    assert sorted(flow["exploitation"]) == ["debt_bondage", "labor"]


def test_people_brought_into_a_part_of_a_country_for_a_purpose() -> None:
    text = "Tajikistan is a source country. Afghan girls have been brought into southern Tajikistan for forced marriage."
    assert flows_of(text)[("AFG", "TJK")][0]["exploitation"] == ["marriage"]


def test_upon_arrival_a_clause_still_points_back() -> None:
    text = "Malawi is a source country. Malawian women are trafficked to Oman. Upon arrival, many are subjected to domestic servitude."
    found = {tuple(f["exploitation"]) for f in flows_of(text)[("MWI", "OMN")]}
    assert ("domestic_servitude",) in found


def test_a_new_subject_listing_people_with_commas_keeps_them_all() -> None:
    text = (
        "Chile is a destination country. Girls from Peru and Bolivia are exploited in prostitution in Chile, "
        "and men, women, and children from Haiti and Venezuela are subjected to forced labor on farms."
    )
    flows = flows_of(text)
    assert flows[("PER", "CHL")][0]["victims"] == ["girls"]
    assert flows[("HTI", "CHL")][0]["victims"] == ["men", "women", "children"]
    assert flows[("HTI", "CHL")][0]["exploitation"] == ["labor"]


def test_parts_of_a_count_that_name_their_places_keep_their_own_purposes_and_people() -> None:
    text = (
        "Albania is a source country. Authorities identified 15 victims in 2019; nine were victims of "
        "forced labor in Greece and Italy, five were exploited in sex trafficking in Kosovo, and one "
        "child was forced to beg within Albania."
    )
    flows = flows_of(text)
    assert flows[("ALB", "GRC")][0]["exploitation"] == ["labor"]
    assert flows[("ALB", "GRC")][0]["victims"] == []
    assert (
        flows[("ALB", "XKX")][0]["exploitation"] == ["sexual"] and flows[("ALB", "XKX")][0]["victims"] == []
    )
    assert flows[("ALB", "ALB")][0] == {
        **flows[("ALB", "ALB")][0],
        "victims": ["children"],
        "exploitation": ["begging"],
    }


def test_parts_of_a_count_without_places_give_their_purposes_to_no_flow() -> None:
    text = (
        "Serbian women are trafficked to Austria. Of the 40 victims identified in 2018, 25 were victims of "
        "sex trafficking and 15 of labor trafficking."
    )
    assert all(f["exploitation"] == [] for f in facts_of(text, "flow"))


def test_what_people_were_promised_or_hired_as_is_no_form_of_exploitation() -> None:
    text = (
        "Nepal is a source country. Nepali women are trafficked to India for sexual exploitation, often "
        "after being promised jobs or marriage."
    )
    assert flows_of(text)[("NPL", "IND")][0]["exploitation"] == ["sexual"]
    text = "Chad is a source country. Young women are trafficked to Libya, many after being recruited legally as maids."
    assert flows_of(text)[("TCD", "LBY")][0]["exploitation"] == []
    text = (
        "Oman is a destination for women from India who migrate to work as domestic servants, some of whom "
        "are subjected to forced labor."
    )
    assert flows_of(text)[("IND", "OMN")][0]["exploitation"] == ["labor"]
    # forced to work as servants: the job is the exploitation
    text = "Nepal is a source country. Nepali girls are forced to work as domestic servants in India."
    assert "domestic_servitude" in flows_of(text)[("NPL", "IND")][0]["exploitation"]


def test_domestic_work_listed_among_places_of_forced_labor_is_a_sector() -> None:
    text = (
        "Qatar is a destination. Migrant workers from Nepal are exploited in forced labor on construction "
        "sites, in hotels, and in domestic work."
    )
    assert flows_of(text)[("NPL", "QAT")][0]["exploitation"] == ["labor"]
    text = "Qatar is a destination. Women from Nepal are trafficked to Qatar for domestic work."
    assert flows_of(text)[("NPL", "QAT")][0]["exploitation"] == ["domestic_servitude"]


def test_a_part_of_a_count_with_its_own_people_and_purpose_is_a_flow_of_its_own() -> None:
    text = (
        "Latvia is a source country. Of the 50 victims, 30 were Latvian women exploited in domestic work in "
        "Ireland, and 12 were children exploited in sex trafficking within the country."
    )
    flows = flows_of(text)
    assert flows[("LVA", "IRL")][0]["victims"] == ["women"]
    assert flows[("LVA", "LVA")][0]["victims"] == ["children"]
    assert flows[("LVA", "LVA")][0]["exploitation"] == ["sexual"]
    # a sub-count said after the flow is no victims of it
    text = "Latvian women are trafficked to Ireland for sexual exploitation. Police identified 14 victims; two were children."
    assert flows_of(text)[("LVA", "IRL")][0]["victims"] == ["women"]


def test_domestic_work_in_a_list_of_sectors_of_debt_bondage_is_a_sector() -> None:
    text = (
        "Qatar is a destination. Migrant workers from Nepal end up in forced labor or debt bondage in "
        "construction, domestic work and manufacturing."
    )
    assert flows_of(text)[("NPL", "QAT")][0]["exploitation"] == ["labor", "debt_bondage"]


def test_an_elided_region_adjective_before_people_is_an_origin_too() -> None:
    text = "Oman is a destination for South and Southeast Asian women who are forced into domestic servitude."
    assert {("region:South Asia", "OMN"), ("region:Southeast Asia", "OMN")} <= set(flows_of(text))


def test_where_jobs_were_promised_is_no_destination_when_people_were_taken_elsewhere_instead() -> None:
    text = (
        "Oman is a transit country for Bangladeshi women who are recruited for jobs in Oman but are instead "
        "trafficked to Yemen for forced labor."
    )
    assert set(flows_of(text)) == {("BGD", "YEM")}
    text = (
        "Ghanaian women who had been promised work in Lebanon were instead sent on to Kuwait, where they "
        "were forced into domestic servitude."
    )
    assert set(flows_of(text)) == {("GHA", "KWT")}
    # without "instead", a job in a place where people were then exploited keeps the place
    text = "Ghanaian women recruited for jobs in Lebanon are forced into domestic servitude there."
    assert ("GHA", "LBN") in flows_of(text)


def test_the_clients_victims_are_made_to_serve_are_no_victims_and_their_work_no_sector() -> None:
    text = (
        "Cambodian women are trafficked to Laos for sexual exploitation, often to serve foreign men working "
        "on mining projects."
    )
    flow = flows_of(text)[("KHM", "LAO")][0]
    assert (flow["victims"], flow["exploitation"], flow["sectors"]) == (["women"], ["sexual"], [])


def test_where_traffickers_are_based_is_no_destination_by_default() -> None:
    text = "Serbia is a transit country. Gangs based in Serbia force Montenegrin girls into prostitution."
    assert flows_of(text) == {}
    text = "Serbia is a transit country. Gangs based in Serbia force Montenegrin girls into prostitution in Italy."
    assert set(flows_of(text)) == {("MNE", "ITA")}


def test_victims_brought_home_from_places_named_after_a_partitive_were_exploited_there() -> None:
    text = (
        "Indonesia is a source country. The ministry repatriated 900 Indonesian trafficking victims from "
        "abroad in 2019, most of them from Malaysia and Saudi Arabia."
    )
    assert set(flows_of(text)) == {("IDN", "MYS"), ("IDN", "SAU")}


def test_followed_by_goes_on_with_the_places_before_it() -> None:
    text = (
        "Moldova is a source country. Of the victims assisted in 2010, more than half had been exploited in "
        "Russia, followed by Turkey and Israel."
    )
    assert set(flows_of(text)) == {("MDA", "RUS"), ("MDA", "TUR"), ("MDA", "ISR")}


def test_trafficking_mostly_of_people_from_a_to_b() -> None:
    text = (
        "Moldova is a source country. Internal trafficking, mostly of young women from rural areas to "
        "Chisinau for sexual exploitation, is an emerging concern."
    )
    flow = flows_of(text)[("MDA", "MDA")][0]
    assert (flow["victims"], flow["exploitation"]) == (["women"], ["sexual"])


def test_people_moved_through_a_transit_country_are_a_flow() -> None:
    text = "Benin is also a transit point for children moved from Togo to Nigeria and Gabon."
    flows = flows_of(text)
    assert set(flows) == {("TGO", "NGA"), ("TGO", "GAB")}
    assert flows[("TGO", "NGA")][0]["rule"] == "flows.v2:moved-in-transit"
    # moved with no transit frame is no statement of trafficking
    assert flows_of("Benin is a source country. Families moved from Togo to Nigeria in the 1990s.") == {}


def test_victims_counted_by_nationality_are_flows_to_where_they_were_found() -> None:
    text = (
        "Qatar is a destination country. Authorities identified 80 victims in 2023. Of these, 61 were "
        "women and 19 men; 40 were Filipino, 22 Kenyan, and nine Nepali nationals, and the remainder came "
        "from Bangladesh and Sri Lanka."
    )
    flows = flows_of(text)
    assert set(flows) == {("PHL", "QAT"), ("KEN", "QAT"), ("NPL", "QAT"), ("BGD", "QAT"), ("LKA", "QAT")}
    assert all(
        f["victims"] == [] and f["rule"] == "flows.v2:victims-by-nationality"
        for fs in flows.values()
        for f in fs
    )
    text = (
        "Japan is a destination country. Authorities identified 50 victims in 2021; 28 were Japanese "
        "nationals and 22 were foreign nationals, primarily from the Philippines and Thailand."
    )
    assert set(flows_of(text)) == {("JPN", "JPN"), ("PHL", "JPN"), ("THA", "JPN")}


def test_people_in_a_list_of_parts_are_no_victims_of_the_flow() -> None:
    text = (
        "Kosovo is a source country. Of the 30 victims, 21 were female and nine male; the foreign victims "
        "came from Albania and Serbia."
    )
    flows = flows_of(text)
    assert set(flows) == {("ALB", "XKX"), ("SRB", "XKX")}
    assert all(f["victims"] == [] for fs in flows.values() for f in fs)


def test_a_count_of_nationals_that_is_not_of_victims_is_no_flow() -> None:
    text = "Qatar is a destination country. The ministry issued 40,000 visas in 2023; 12,000 were Nepali nationals."
    assert flows_of(text) == {}


def test_demonyms_joined_by_and_open_a_new_subject() -> None:
    text = (
        "Some Kyrgyz victims transit Russia on their way to the U.A.E., and Uzbek and Tajik women are "
        "trafficked through the Kyrgyz Republic en route to the Middle East."
    )
    flows = flows_of(text)
    assert ("KGZ", "region:Middle East") not in flows
    assert {("UZB", "region:Middle East"), ("TJK", "region:Middle East")} <= set(flows)


def test_a_new_subject_with_an_ing_participle_opens_a_clause() -> None:
    text = (
        "Traffickers exploit Cuban women in sex trafficking in Mexico, and Cuban migrants transiting "
        "Guatemala toward the United States are vulnerable to forced labor."
    )
    assert flows_of(text)[("CUB", "MEX")][0]["exploitation"] == ["sexual"]


def test_the_jobs_people_migrated_for_are_no_sector_of_their_exploitation() -> None:
    text = (
        "Sri Lankan men who migrate to Malaysia for construction and factory jobs are exploited in debt "
        "bondage after paying recruitment fees."
    )
    flow = flows_of(text)[("LKA", "MYS")][0]
    assert (flow["exploitation"], flow["sectors"]) == (["debt_bondage"], [])
    flow = flows_of("Nepali men are trafficked to Qatar for forced labor in construction jobs.")[
        ("NPL", "QAT")
    ][0]
    assert (flow["exploitation"], flow["sectors"]) == (["labor"], ["construction"])


def test_a_number_of_them_points_back_across_a_sentence() -> None:
    text = (
        "Sri Lankan women migrate to Kuwait and Qatar as housemaids. Many of these migrants come from rural "
        "areas. A number of them are subjected to forced labor once abroad."
    )
    flows = flows_of(text)
    assert set(flows) == {("LKA", "KWT"), ("LKA", "QAT")}
    assert flows[("LKA", "KWT")][0]["exploitation"] == ["labor"]


def test_each_role_phrase_keeps_its_people_purposes_and_internal_flow() -> None:
    text = (
        "Ecuador is a source country for women and children trafficked within the country for forced "
        "labor, and a destination country for Colombian women trafficked for sexual exploitation."
    )
    flows = flows_of(text)
    assert set(flows) == {("ECU", "ECU"), ("COL", "ECU")}
    assert (flows[("ECU", "ECU")][0]["victims"], flows[("ECU", "ECU")][0]["exploitation"]) == (
        ["women", "children"],
        ["labor"],
    )
    assert (flows[("COL", "ECU")][0]["victims"], flows[("COL", "ECU")][0]["exploitation"]) == (
        ["women"],
        ["sexual"],
    )


def test_people_exploited_on_the_way_to_where_they_were_heading_give_no_flow_there() -> None:
    text = (
        "Pakistan is a transit country for Afghan migrants smuggled toward Iran and Turkey, some of whom "
        "are exploited in forced labor en route."
    )
    assert flows_of(text) == {}
    assert set(flows_of("Nepali women are trafficked toward India and exploited in brothels there.")) == {
        ("NPL", "IND")
    }


def test_a_clause_taking_places_from_a_clause_before_reads_no_cue_of_its_own_words() -> None:
    # the waiting places carry token positions of the clause before; reading them as this clause's crashed
    text = (
        "Costa Rica is a destination. Women from Nicaragua are exploited in sex trafficking in Costa Rica; "
        "some of them were first exploited in Panama before crossing the southern border."
    )
    assert ("NIC", "CRI") in flows_of(text)


def test_pointing_back_with_a_place_the_people_went_to_takes_their_origins() -> None:
    text = (
        "Bahrain is a destination country. Men and women from India and Nepal migrate voluntarily to "
        "Bahrain to work as laborers. Some of these workers face conditions of forced labor once in Bahrain."
    )
    flows = flows_of(text)
    assert set(flows) == {("IND", "BHR"), ("NPL", "BHR")}
    assert flows[("IND", "BHR")][0]["exploitation"] == ["labor"]


def test_some_exploited_in_places_of_their_own_take_the_origins_of_the_clause_before() -> None:
    text = (
        "Germany is a destination country. Refugees, especially unaccompanied minors from Afghanistan and "
        "Syria, are vulnerable to sex and labor trafficking; some were exploited in Greece and Austria."
    )
    flows = flows_of(text)
    assert {("AFG", "GRC"), ("AFG", "AUT"), ("SYR", "GRC"), ("SYR", "AUT")} <= set(flows)
    assert flows[("AFG", "GRC")][0]["victims"] == ["children"]
    assert flows[("AFG", "GRC")][0]["exploitation"] == ["sexual", "labor"]
    # "some victims": a neutral noun of its own takes no people from before
    text = (
        "Vietnamese men and women migrate abroad for work. Some victims are subjected to forced labor in "
        "Taiwan and Malaysia."
    )
    assert all(f["victims"] == [] for fs in flows_of(text).values() for f in fs)


def test_some_of_them_after_a_flow_of_the_same_sentence_takes_its_origins() -> None:
    text = (
        "Costa Rica is a destination. Women from Nicaragua and Colombia are exploited in sex trafficking in "
        "Costa Rica; some of them were first exploited in Panama."
    )
    assert set(flows_of(text)) == {("NIC", "CRI"), ("COL", "CRI"), ("NIC", "PAN"), ("COL", "PAN")}


def test_the_former_soviet_union_stands_for_the_countries_named_after_it() -> None:
    text = (
        "Israel is a destination. Women from the former Soviet Union, primarily Russia and Ukraine, and "
        "from China are trafficked to Israel for forced prostitution."
    )
    assert set(flows_of(text)) == {("RUS", "ISR"), ("UKR", "ISR"), ("CHN", "ISR")}
    # alone it names no place a flow goes from
    assert (
        flows_of("Israel is a destination. Women from the former Soviet Union are trafficked to Israel.")
        == {}
    )


def test_a_bare_exploited_of_people_already_named_takes_their_exploitation() -> None:
    text = (
        "Finland is a destination country. Women from Russia are subjected to forced prostitution in Finland, "
        "and some Russian women had earlier been exploited in Sweden."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "finland.txt")}
    assert flows[("RUS", "SWE")]["exploitation"] == ["sexual"]
    # other people: what was done to the men is not said of the women
    text = (
        "Finland is a destination country. Men from Russia are subjected to forced labor in Finland, "
        "and women are exploited in Sweden."
    )
    assert all(
        f["exploitation"] == [] for f in facts_of(text, "flow", "finland.txt") if f["destination"] == "SWE"
    )


def test_also_exploited_elsewhere_takes_the_exploitation_of_the_sentence_before() -> None:
    text = "Nepal is a source country. Nepali workers face forced labor in Malaysia. Workers are also exploited in Qatar."
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "nepal.txt")}
    assert flows[("NPL", "QAT")]["exploitation"] == ["labor"]


def test_recruited_in_this_way_takes_the_exploitation_of_the_sentence_before() -> None:
    text = (
        "Chad is a source country. Armed groups recruit Chadian children as child soldiers in Chad. "
        "Some children recruited in this way have been taken into Sudan."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow", "chad.txt")}
    assert flows[("TCD", "SDN")]["exploitation"] == ["child_soldiers"]


def test_within_a_country_scopes_the_later_clauses_of_the_sentence() -> None:
    text = (
        "Within Ghana, boys are forced to work on cocoa farms, and some girls are exploited in "
        "prostitution in the larger towns."
    )
    flows = facts_of(text, "flow")
    assert [(f["origin"], f["destination"]) for f in flows] == [("GHA", "GHA")]
    assert sorted(flows[0]["victims"]) == ["boys", "girls"]
    assert sorted(flows[0]["exploitation"]) == ["labor", "sexual"]


def test_within_a_country_a_contrast_keeps_its_own_flow() -> None:
    text = "Within Ghana, girls are exploited in prostitution in Accra, while boys are forced to fish."
    flows = facts_of(text, "flow")
    assert all(f["victims"] != ["boys", "girls"] for f in flows)


def test_a_forced_exploitation_of_people_is_a_flow_and_sets_the_same_purpose() -> None:
    text = (
        "Within Niger, the main form of abuse is the forced begging of boys by their teachers. "
        "Boys from Chad are trafficked to Niger for the same purpose."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("NER", "NER")]["exploitation"] == ["begging"]
    assert flows[("TCD", "NER")]["exploitation"] == ["begging"]


def test_most_foreign_victims_are_neutral_people_not_those_said_before() -> None:
    text = (
        "Estonia is a source country. Thirty victims were women and girls. "
        "Most foreign victims came from Moldova and Georgia."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("MDA", "EST")]["victims"] == []


def test_servitude_of_people_who_went_as_domestic_servants_is_domestic_servitude() -> None:
    text = (
        "Oman is a destination country. Nepalese women migrate legally to work as domestic servants. "
        "Some of them are kept in involuntary servitude by their employers."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("NPL", "OMN")]["exploitation"] == ["domestic_servitude"]


def test_servitude_of_people_who_went_for_other_work_stays_labor() -> None:
    text = (
        "Oman is a destination country. Nepalese men migrate legally to work on construction sites. "
        "Some of them are kept in involuntary servitude by their employers."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("NPL", "OMN")]["exploitation"] == ["labor"]


def test_some_of_the_workers_are_people_of_their_own() -> None:
    text = (
        "Oman is a destination country for men and women trafficked for labor. Some of the many "
        "foreign workers in Oman, who come from India and Nepal, face conditions of forced labor."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("IND", "OMN")]["victims"] == []


def test_domestic_work_people_were_recruited_for_is_no_exploitation() -> None:
    text = "Nepalese women hired for domestic work have been exploited in Kuwait."
    flows = facts_of(text, "flow")
    assert [(f["origin"], f["destination"], f["exploitation"]) for f in flows] == [("NPL", "KWT", [])]


def test_some_after_a_sentence_about_migrants_takes_no_older_victims() -> None:
    text = (
        "Nepal is a source country for men, women, and children trafficked for labor. Many Nepali labor "
        "migrants travel through India to Qatar, where some end up in forced labor. Some are exploited "
        "in India itself, in brick kilns."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("NPL", "IND")]["victims"] == []


def test_hired_as_domestic_workers_then_held_in_domestic_servitude() -> None:
    text = "Filipino women go to Kuwait, where many hired as domestic workers end up in domestic servitude."
    flows = facts_of(text, "flow")
    assert flows and all(f["exploitation"] == ["domestic_servitude"] for f in flows)


def test_two_places_each_with_its_own_forced_purpose() -> None:
    text = "Bulgarian boys are forced to steal in Austria and to work on farms in Greece."
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert flows[("BGR", "AUT")]["exploitation"] == ["criminality"]
    assert flows[("BGR", "GRC")]["exploitation"] == ["labor"]


def test_exploitation_in_connection_with_tourism_is_still_a_flow() -> None:
    text = (
        "Gambia: country profile\n\nThe Gambia is a source country. Gambian girls are exploited in "
        "commercial sex in beach resorts, often in connection with tourism."
    )
    assert ("GMB", "GMB") in pairs(text)


def test_sex_tourism_by_tourists_is_no_flow() -> None:
    text = "British tourists engage in child sex tourism in The Gambia."
    assert pairs(text) == set()


def test_gapped_conjunct_keeps_its_sector_to_its_own_people() -> None:
    flows = {
        (f["origin"], f["destination"]): f
        for f in facts_of(
            "Chilean women were exploited in Spain and Italy, and Chilean men in agriculture in France.",
            "flow",
        )
    }
    assert flows[("CHL", "ESP")]["exploitation"] == [] and flows[("CHL", "ITA")]["exploitation"] == []
    assert flows[("CHL", "FRA")]["exploitation"] == ["labor"] and flows[("CHL", "FRA")]["victims"] == ["men"]


def test_demonym_list_with_counts_in_parentheses() -> None:
    got = pairs(
        "Croatia is a destination country. Croatian nationals were the largest group of identified victims, "
        "followed by Serbian (22), Bosnian (12, 9%) and Albanian (8) nationals."
    )
    assert {("SRB", "HRV"), ("BIH", "HRV"), ("ALB", "HRV")} <= got
