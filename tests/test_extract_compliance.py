from __future__ import annotations

from tests.helpers import facts_of


def verdicts(text: str, source: str = "notes.txt") -> set[tuple[str, bool | None, bool | None]]:
    return {
        (f["country"], f["fully_meets"], f["significant_efforts"])
        for f in facts_of(text, "compliance", source)
    }


def test_does_not_fully_meet_but_significant_efforts() -> None:
    text = "The Government of Peru does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so."
    assert verdicts(text) == {("PER", False, True)}


def test_past_tense_with_however() -> None:
    text = "In 2009 the Government of Chad did not fully comply with the minimum standards for the elimination of trafficking; however, it made significant efforts to do so."
    assert verdicts(text) == {("TCD", False, True)}


def test_tier_three_verdict() -> None:
    text = "The Government of Eritrea does not fully meet the minimum standards and is not making significant efforts to do so."
    assert verdicts(text) == {("ERI", False, False)}


def test_fully_meets() -> None:
    assert verdicts(
        "The Government of Norway fully meets the minimum standards for the elimination of trafficking."
    ) == {("NOR", True, None)}


def test_failed_to_comply_without_efforts() -> None:
    text = "Nauru has again been placed on the watch list because it failed to fully comply with the minimum standards."
    assert verdicts(text, "nauru.txt") == {("NRU", False, None)}


def test_efforts_without_verdict() -> None:
    assert verdicts("The Government of Togo is making significant efforts to combat trafficking.") == {
        ("TGO", None, True)
    }


def test_generic_definition() -> None:
    text = "A Tier 3 ranking indicates a government does not fully comply with the minimum standards."
    assert verdicts(text, "x.txt") == set()


def test_early_reports_without_fully() -> None:
    text = "The Government of Bahrain does not meet the minimum standards and has not yet made significant efforts to combat trafficking."
    assert verdicts(text) == {("BHR", False, False)}
    assert (
        verdicts(
            "However, the government did not meet the minimum standards in several key areas.", "peru.txt"
        )
        == set()
    )


def test_their_governments_after_countries_named_together() -> None:
    text = (
        "Samoa and Tonga are both source countries for women subjected to sex trafficking. They are ranked "
        "Tier 2. A Tier 2 ranking means their governments do not fully comply with the Trafficking Victims "
        "Protection Act but are making significant efforts to do so."
    )
    assert verdicts(text) == {("WSM", False, True), ("TON", False, True)}
    # With no countries named together before, a definition is no verdict.
    text = (
        "Samoa is a source country. A Tier 2 ranking means their governments do not fully comply with the "
        "minimum standards but are making significant efforts to do so."
    )
    assert verdicts(text) == set()


def test_the_trafficking_victims_protection_act_as_the_standards() -> None:
    text = "The Government of Tonga does not fully comply with the Trafficking Victims Protection Act."
    assert verdicts(text) == {("TON", False, None)}


def test_an_agency_noting_efforts_is_about_the_subject() -> None:
    from tests.helpers import facts_of

    text = (
        "Fiji is a destination country. The U.S. Department of State rated the country Tier 2, "
        "noting that the government was making significant efforts."
    )
    assert [(c["country"], c["significant_efforts"]) for c in facts_of(text, "compliance")] == [("FJI", True)]


def test_the_year_and_country_of_a_us_tip_report_verdict() -> None:
    text = (
        "Belize is a source country. The 2019 US Trafficking in Persons Report kept Belize on Tier 2, "
        "finding that the government did not fully meet the minimum standards."
    )
    facts = facts_of(text, "compliance", "belize.txt")
    assert [(f["country"], f["year"], f["fully_meets"]) for f in facts] == [("BLZ", 2019, False)]
    text = (
        "Belize is a source country. The Trafficking in Persons Report of 2021 placed Belize on Tier 2, "
        "finding that the government does not fully meet the minimum standards."
    )
    facts = facts_of(text, "compliance", "belize.txt")
    assert [(f["country"], f["year"], f["fully_meets"]) for f in facts] == [("BLZ", 2021, False)]
