"""Flows: routes, purposes and debts (moved through X to Y, to and through X, sent to X to beg, working
to pay off debts, married off, exposed to exploitation), in sentences written for these tests."""

from __future__ import annotations

from tests.helpers import facts_of, pairs


def by_pair(text: str) -> dict[tuple[str, str], dict]:
    return {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}


def test_people_moved_through_a_transit_country_to_a_destination() -> None:
    flows = by_pair("Laos is a source country. Cambodian and Burmese women are moved through Laos to China.")
    assert set(flows) == {("KHM", "CHN"), ("MMR", "CHN")}
    assert all(f["via"] == ["LAO"] and f["victims"] == ["women"] for f in flows.values())
    assert flows[("KHM", "CHN")]["rule"] == "flows.v2:moved-through"


def test_people_transported_via_a_country_onward_to_another() -> None:
    flows = by_pair("Nepal is a source country. Nepali girls are transported via India and onward to Oman.")
    assert set(flows) == {("NPL", "OMN")}
    assert flows[("NPL", "OMN")]["via"] == ["IND"]
    assert pairs("Nepal is a source country. Girls are brought through India to Saudi Arabia.") == {
        ("NPL", "SAU")
    }


def test_migrants_smuggled_along_a_route_make_no_flow() -> None:
    text = "Mexico is a transit country. Migrants smuggled by cartels are moved through Mexico to Canada."
    assert pairs(text) == set()


def test_to_and_through_a_country_then_to_another_goes_through_it() -> None:
    text = "Chad is a transit country. Sudanese girls are trafficked to and through Chad to Libya and Niger for sexual exploitation."
    flows = by_pair(text)
    assert set(flows) == {("SDN", "TCD"), ("SDN", "LBY"), ("SDN", "NER")}
    assert flows[("SDN", "TCD")]["via"] == []
    assert flows[("SDN", "LBY")]["via"] == ["TCD"] and flows[("SDN", "NER")]["via"] == ["TCD"]


def test_sent_to_a_place_to_beg_or_to_work_in_brothels() -> None:
    flows = by_pair("Guinea is a source country. Guinean boys are sent to Mali to beg.")
    assert flows[("GIN", "MLI")]["exploitation"] == ["begging"]
    flows = by_pair(
        "Albania is a source country. Traffickers send Albanian women to Italy to work in brothels."
    )
    assert flows[("ALB", "ITA")]["exploitation"] == ["sexual"]
    assert pairs("Mali is a source country. Malian boys are sent to Senegal to study the Koran.") == set()


def test_brought_to_a_place_to_harvest_organs() -> None:
    text = "Egypt is a destination country. Criminal networks bring Eritrean men to Egypt to harvest their organs."
    flows = by_pair(text)
    assert flows[("ERI", "EGY")]["exploitation"] == ["organ_removal"]
    flows = by_pair(
        "Egypt is a destination country. Eritrean men are trafficked to Egypt for the removal of kidneys."
    )
    assert flows[("ERI", "EGY")]["exploitation"] == ["organ_removal"]


def test_working_to_pay_off_debts_is_debt_bondage_and_labor() -> None:
    text = "Ireland is a destination country. Pakistani men were found working to pay off their travel debts in car washes."
    flows = by_pair(text)
    assert set(flows) == {("PAK", "IRL")}
    assert sorted(flows[("PAK", "IRL")]["exploitation"]) == ["debt_bondage", "labor"]
    assert flows[("PAK", "IRL")]["rule"] == "flows.v2:works-off-debt"
    text = "Lebanon is a destination country. Ethiopian women in Lebanon must repay large loans to their recruiters."
    assert by_pair(text)[("ETH", "LBN")]["exploitation"] == ["debt_bondage"]


def test_settling_relatives_debts_is_no_debt_bondage() -> None:
    text = "Nepal is a source country. Nepali girls are married off to settle their fathers' debts in India."
    flows = by_pair(text)
    assert flows[("NPL", "IND")]["exploitation"] == ["marriage"]


def test_married_off_and_given_in_marriage() -> None:
    flows = by_pair("Afghanistan is a source country. Afghan girls are married off to older men in Iran.")
    assert flows[("AFG", "IRN")]["victims"] == ["girls"]
    assert flows[("AFG", "IRN")]["exploitation"] == ["marriage"]
    text = "Niger is a source country. Young girls are given in marriage to wealthy men within the country."
    assert by_pair(text)[("NER", "NER")]["exploitation"] == ["marriage"]
    text = "Laos is a source country. Some Lao girls are married off as child brides to men in China."
    assert by_pair(text)[("LAO", "CHN")]["victims"] == ["girls"]


def test_the_husbands_people_are_forced_to_marry_are_no_victims() -> None:
    assert pairs("Laos is a source country. Lao girls are forced to marry Chinese men.") == set()
    flows = by_pair("Laos is a source country. Lao girls are forced to marry men in China.")
    assert flows[("LAO", "CHN")]["victims"] == ["girls"]
    assert flows[("LAO", "CHN")]["exploitation"] == ["marriage"]


def test_tending_cannabis_is_forced_criminality() -> None:
    text = (
        "Ireland is a destination country. Chinese teenagers are forced to tend cannabis plants in Ireland."
    )
    flows = by_pair(text)
    assert flows[("CHN", "IRL")]["exploitation"] == ["criminality"]
    assert flows[("CHN", "IRL")]["sectors"] == []


def test_exposed_to_exploitation_is_a_flow_and_may_be_hedged() -> None:
    text = (
        "Armenia is a source country. Armenian men working on farms in Russia may be exposed to forced labor."
    )
    flows = by_pair(text)
    assert flows[("ARM", "RUS")]["hedged"] is True
    assert flows[("ARM", "RUS")]["exploitation"] == ["labor"]
    assert (
        pairs("Armenia is a source country. Armenian men in Russia are vulnerable to forced labor.") == set()
    )


def test_the_subjects_own_people_exploited_with_no_place_named_are_exploited_at_home() -> None:
    text = "Human trafficking in Peru\n\nSome Peruvian children are forced to beg in the streets."
    flows = by_pair(text)
    assert set(flows) == {("PER", "PER")}
    assert flows[("PER", "PER")]["exploitation"] == ["begging"]
    # abroad, another place in an aside, or the people not opening the clause: no flow at home
    assert pairs("Human trafficking in Peru\n\nPeruvian women are exploited in prostitution abroad.") == set()
    text = "Human trafficking in Peru\n\nPeruvian men are forced to work in mining (e.g., in Chile)."
    assert ("PER", "PER") not in pairs(text)
    text = "Human trafficking in Peru\n\nTraffickers use debts and threats to compel Peruvian victims into servitude."
    assert pairs(text) == set()


def test_a_demonym_before_things_names_no_people_of_a_later_clause() -> None:
    text = "Cambodia is a source country. Men are forced to work on Thai fishing boats, while women are sold to brothels in Malaysia."
    assert pairs(text) == {("KHM", "MYS")}


def test_a_demonym_before_waters_names_the_place() -> None:
    text = "Ghana is a destination country. Burmese and Lao men are forced to work on fishing boats in Ghanaian waters."
    flows = by_pair(text)
    assert set(flows) == {("MMR", "GHA"), ("LAO", "GHA")}
    assert flows[("MMR", "GHA")]["sectors"] == ["fishing"]


def test_used_as_beggars_or_in_prostitution() -> None:
    flows = by_pair("Senegal is a source country. Senegalese boys are used as beggars in Gambia.")
    assert flows[("SEN", "GMB")]["exploitation"] == ["begging"]
    assert flows[("SEN", "GMB")]["rule"] == "flows.v2:used-as"
    flows = by_pair("Senegal is a source country. Senegalese girls were used in prostitution in Mali.")
    assert flows[("SEN", "MLI")]["exploitation"] == ["sexual"]


def test_domestic_help_bonded_laborers_maids_and_wives() -> None:
    flows = by_pair("Nepal is a source country. Nepali girls are exploited as domestic help in India.")
    assert flows[("NPL", "IND")]["exploitation"] == ["domestic_servitude"]
    flows = by_pair("Nepal is a source country. Nepali men are exploited as bonded laborers in India.")
    assert sorted(flows[("NPL", "IND")]["exploitation"]) == ["debt_bondage", "labor"]
    flows = by_pair(
        "Nepal is a source country. Nepali women are taken to Kuwait and forced to work as maids."
    )
    assert "domestic_servitude" in flows[("NPL", "KWT")]["exploitation"]
    flows = by_pair("Nepal is a source country. Nepali women are sold as wives in China.")
    assert flows[("NPL", "CHN")]["exploitation"] == ["marriage"]


def test_abuse_amounting_to_forced_labor_and_indicators_of_it() -> None:
    text = "Uganda is a source country. Ugandan men in Iraq described abuse amounting to forced labor."
    flows = by_pair(text)
    assert flows[("UGA", "IRQ")]["exploitation"] == ["labor"]
    assert flows[("UGA", "IRQ")]["rule"] == "flows.v2:amounts-to"
    text = (
        "Uganda is a source country. Ugandan women in Oman report unpaid wages, indicators of forced labor."
    )
    assert pairs(text) == {("UGA", "OMN")}


def test_regions_named_by_countries_after_chiefly_a_colon_or_and_the() -> None:
    text = "Moldova is a source country. Moldovan girls are trafficked to Western Europe, chiefly Italy and Greece."
    assert pairs(text, "moldova.txt") == {("MDA", "ITA"), ("MDA", "GRC")}
    text = (
        "Nepal is a source country. Nepali women are exploited in prostitution in Asia and the Middle East, "
        "primarily India and Oman."
    )
    assert pairs(text, "nepal.txt") == {("NPL", "IND"), ("NPL", "OMN")}
    text = "Haiti is a source country. Haitian women are subjected to sex trafficking in Europe: mainly in France."
    assert pairs(text, "haiti.txt") == {("HTI", "FRA")}


def test_petty_crime_fraud_combat_and_forced_work_phrasings() -> None:
    def exploitation(text: str) -> list[str]:
        return [e for f in facts_of(text, "flow", "notes.txt") for e in f["exploitation"]]

    assert "criminality" in exploitation(
        "Serbia is a source country. Serbian boys are forced to pickpocket and to steal in Austria."
    )
    assert exploitation(
        "Laos is a source country. Lao men taken to Cambodia were forced to defraud people over the internet."
    ) == ["criminality"]
    assert "child_soldiers" in exploitation(
        "Chad is a source country. Militias took Chadian children into Sudan for use as combatants."
    )
    assert exploitation(
        "Nepal is a source country. Brokers move Nepali men to Qatar, take their papers and force them to work."
    ) == ["labor"]
    flows = by_pair(
        "Peru is a source country. Peruvian men indebted to smugglers must work off what they owe in Chile."
    )
    assert set(flows[("PER", "CHL")]["exploitation"]) == {"debt_bondage", "labor"}


def test_regions_named_by_the_countries_of_the_clause_and_a_region_locating_countries() -> None:
    text = (
        "Haiti is a source country. Haitian women are subjected to sex trafficking in Latin America and Europe: "
        "mainly in Jamaica, in Brazil and Chile, and in France."
    )
    assert pairs(text, "haiti.txt") == {("HTI", c) for c in ("JAM", "BRA", "CHL", "FRA")}
    text = "Haiti is a source country. Haitian girls are exploited in Jamaica and Barbados in the Caribbean."
    assert pairs(text, "haiti.txt") == {("HTI", "JAM"), ("HTI", "BRB")}


def test_made_to_and_a_form_of_exploitation_is_a_flow() -> None:
    flows = by_pair("Kyrgyzstan is a source country. Kyrgyz boys are made to beg in Kazakhstan.")
    assert flows[("KGZ", "KAZ")]["exploitation"] == ["begging"]
    assert (
        pairs("Kyrgyzstan is a source country. Kyrgyz officials are made to resign in Kazakhstan.") == set()
    )


def test_another_role_phrases_route_is_no_onward_leg() -> None:
    text = (
        "Chad is a transit country for Sudanese women going to Libya, where some are forced into "
        "prostitution, and for migrants en route to Europe."
    )
    assert pairs(text) == {("SDN", "LBY")}


def test_exploited_on_the_way_through_a_transit_country_is_a_flow_to_it() -> None:
    text = (
        "Serbia is a transit country. Migrants from Iraq pass through the country en route to Austria; "
        "some of them were exploited in forced labor by smugglers."
    )
    flows = {(f["origin"], f["destination"]): f for f in facts_of(text, "flow")}
    assert set(flows) == {("IRQ", "SRB")}
    assert flows[("IRQ", "SRB")]["exploitation"] == ["labor"]


def test_falling_victim_on_the_way_keeps_the_route_onward() -> None:
    text = "Migrants from Iraq transit Serbia en route to Austria; some may fall victim to traffickers."
    assert ("IRQ", "SRB") not in pairs(text)
