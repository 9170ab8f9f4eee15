from __future__ import annotations

import pytest
from tests.helpers import facts_of


def tiers(text: str, source: str = "notes.txt") -> set[tuple[str, int | None, str]]:
    return {(f["country"], f["year"], f["tier"]) for f in facts_of(text, "tier", source)}


def test_heading_styles() -> None:
    assert tiers("2012 Trafficking in Persons Report\n\nPERU (Tier 2)\n\nPeru is a source country.") == {
        ("PER", 2012, "2")
    }
    assert tiers("2019 Trafficking in Persons Report: Laos\n\nLAOS: TIER 2 WATCH LIST\n\nText.") == {
        ("LAO", 2019, "2WL")
    }
    assert tiers("CUBA: Tier 3\n\nThe government did little.") == {("CUB", None, "3")}
    assert tiers("SOMALIA (Special Case)\n\nSomalia is a source country.") == {("SOM", None, "special")}


def test_placed_in_several_years() -> None:
    text = 'The U.S. State Department placed the country in "Tier 2 Watchlist" in 2016 and 2018.'
    assert tiers(text, "chad.txt") == {("TCD", 2016, "2WL"), ("TCD", 2018, "2WL")}


def test_remained_implies_last_year() -> None:
    text = "2015 Trafficking in Persons Report: Fiji\n\nTherefore Fiji remained on Tier 2."
    assert tiers(text) == {("FJI", 2015, "2"), ("FJI", 2014, "2")}


def test_last_years_ranking() -> None:
    text = "2013 Trafficking in Persons Report\n\nThis year Benin was placed on Tier 2 Watch List, after last year's Tier Two ranking."
    assert tiers(text, "benin.txt") == {("BEN", 2013, "2WL"), ("BEN", 2012, "2")}


def test_generic_definitions_are_not_placements() -> None:
    assert (
        tiers("Any country ranked on the Tier 2 Watch List for two years must be moved to Tier 3.", "x.txt")
        == set()
    )
    assert tiers("Country Narratives - Tier 2\n\nMore text follows.", "x.txt") == set()


def test_waiver_is_not_a_downgrade() -> None:
    text = (
        "2014 Trafficking in Persons Report\n\nLaos was granted a waiver from an otherwise required downgrade "
        "to Tier 3; therefore Laos remained on Tier 2 Watch List for the second consecutive year."
    )
    assert tiers(text) == {("LAO", 2014, "2WL"), ("LAO", 2013, "2WL")}


def test_moved_from_one_tier_to_another() -> None:
    text = (
        "2012 Trafficking in Persons Report\n\nThe report downgraded Oman from Tier 2 to Tier 2 Watch List."
    )
    assert tiers(text) == {("OMN", 2011, "2"), ("OMN", 2012, "2WL")}


def test_year_before_the_tier() -> None:
    assert tiers("In 2010, Kenya was placed on the Tier 2 Watch List.", "x.txt") == {("KEN", 2010, "2WL")}
    assert tiers("The 2016 TIP report ranked Peru as Tier 1.", "x.txt") == {("PER", 2016, "1")}


def test_years_of_the_reports_named_after_the_tier() -> None:
    text = "Laos was ranked Tier 2 Watch List in the 2018 and 2019 TIP reports."
    assert tiers(text, "x.txt") == {("LAO", 2018, "2WL"), ("LAO", 2019, "2WL")}


def test_a_date_in_another_clause_is_not_the_placement_year() -> None:
    text = (
        "Tier rating: Tier 2 Watch List - Peru failed to show evidence of increasing efforts; "
        "the government sent a draft law to Congress in August 2005."
    )
    assert tiers(text, "x.txt") == {("PER", None, "2WL")}


def test_a_month_and_year_after_the_tier() -> None:
    text = "Peru was moved to the Tier 2 Watch List in March 2004 after an interim review."
    assert tiers(text, "x.txt") == {("PER", 2004, "2WL")}


def test_a_year_stated_before_a_label_is_not_the_placement_year() -> None:
    text = "Peru\nsummary: women were exploited in mines in 2007\ntier rating: Tier 2 - the government acted"
    assert tiers(text, "x.txt") == {("PER", None, "2")}


def test_a_year_after_a_dash_is_about_the_next_statement() -> None:
    text = "Tier rating: Tier 3 - Peru showed no progress in 2009."
    assert tiers(text, "x.txt") == {("PER", None, "3")}


def test_classified_as_a_tier_for_the_second_year_in_a_row() -> None:
    text = (
        "The 2017 report found for the second year in a row, Chad classified as a Tier 2 Watch List "
        "country, meaning that the government does not fully meet the minimum standards."
    )
    assert tiers(text, "x.txt") == {("TCD", 2017, "2WL"), ("TCD", 2016, "2WL")}
    assert tiers("Chad was ranked Tier Two for the third year in a row.", "x.txt") == set() | {
        ("TCD", None, "2")
    }
    # Classified as something else, or a generic definition: no placement.
    assert tiers("Chad is classified as a least developed country.", "x.txt") == set()
    assert tiers("Any country classified as Tier 3 may face sanctions.", "x.txt") == set()


def test_the_latest_report_of_a_news_item() -> None:
    # The date over the story (after a sidebar of other stories): reports come out in June or July.
    text = (
        "More stories\n\nFloods hit the coast\n\n12 January 2021\n\n"
        "Chad falls short on trafficking\n\nMonday 3 March 2014\n\n"
        "Chad is classified as a Tier 2 Watch List country in the latest State Department report."
    )
    assert tiers(text, "x.txt") == {("TCD", 2013, "2WL")}
    text = "Chad falls short\n\nAugust 4, 2014\n\nChad is currently ranked Tier 3 in the report."
    assert tiers(text, "x.txt") == {("TCD", 2014, "3")}
    # No "latest" or "currently": no year from the date of the news item.
    text = "Chad falls short\n\nAugust 4, 2014\n\nChad was ranked Tier 3."
    assert tiers(text, "x.txt") == {("TCD", None, "3")}


def test_a_group_of_countries_named_before() -> None:
    text = (
        "Samoa and Tonga are both source countries for women subjected to sex trafficking. "
        "Tonga is also a transit country. The Pacific nations are ranked Tier 2 in the 2015 report."
    )
    assert tiers(text, "x.txt") == {("WSM", 2015, "2"), ("TON", 2015, "2")}
    # No group named before: no country is guessed.
    assert tiers("Tonga is a source country. Both countries are ranked Tier 2.", "x.txt") == set()


def test_a_country_that_is_on_a_tier() -> None:
    text = "2018 Trafficking in Persons Report\n\nChad is a Tier 2 Watch List country."
    assert tiers(text, "x.txt") == {("TCD", 2018, "2WL")}
    assert tiers("Chad has been on Tier 2 since 2015.", "x.txt") == {("TCD", 2015, "2")}
    assert tiers("A country that is on Tier 3 may face sanctions.", "x.txt") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Aid workers warned that a Tier 3 ranking would cost Malawi its development grants.",
        "A Tier 2 Watch List placement for a fourth year would mean an automatic downgrade for Malawi.",
        "If Malawi is placed on Tier 3, it may lose some aid.",
        "Malawi risks being downgraded to Tier 3 next June.",
        "Malawi faces a possible downgrade to Tier 3.",
        "Malawi wants to move up to Tier 1 by next year.",
        "Countries ranked Tier 3 may lose non-humanitarian aid, officials in Malawi said.",
    ],
)
def test_a_tier_that_might_be_or_is_wanted_is_no_placement(text: str) -> None:
    assert tiers(text, "malawi-2015.txt") == set()


def test_placements_beside_what_they_may_bring() -> None:
    assert tiers("In 2015 Malawi was ranked Tier 3 and may lose some aid.") == {("MWI", 2015, "3")}
    assert tiers("In 2015 the report gave Malawi a Tier 3 ranking.") == {("MWI", 2015, "3")}
    assert tiers("In 2015 Malawi received a Tier 2 ranking, which may help its exports.") == {
        ("MWI", 2015, "2")
    }


def test_the_month_of_may_is_no_hedge() -> None:
    (fact,) = facts_of("In May 2016, Malawi was placed on Tier 2.", "tier")
    assert (fact["country"], fact["year"], fact["tier"], fact["hedged"]) == ("MWI", 2016, "2", False)
    assert tiers("Malawi may be placed on Tier 3.", "malawi-2015.txt") == set()
    (flow,) = facts_of("Malawian girls may be trafficked to Zambia.", "flow")
    assert flow["hedged"] is True


def test_a_tier_without_a_year_takes_the_year_that_opens_its_paragraph() -> None:
    from tests.helpers import facts_of

    text = "In 2015, Ghana took new steps against trafficking. The government was placed on Tier 2 Watch List after a review."
    assert [(t["country"], t["tier"], t["year"]) for t in facts_of(text, "tier", "ghana.txt")] == [
        ("GHA", "2WL", 2015)
    ]


def test_the_reports_for_both_years_are_two_placements() -> None:
    from tests.helpers import facts_of

    text = "The Trafficking in Persons Reports for both 2011 and 2013 placed Benin on Tier 2."
    assert sorted(t["year"] for t in facts_of(text, "tier", "benin.txt")) == [2011, 2013]


def test_the_definition_of_a_tier_is_no_placement() -> None:
    from tests.helpers import facts_of

    text = "Benin is a source country. A Tier 3 rating indicates that a government does not meet the minimum standards."
    assert facts_of(text, "tier", "benin.txt") == []


def test_each_tier_keeps_the_years_that_follow_it() -> None:
    assert tiers("The State Department ranked Peru on Tier 1 in 2014 and on Tier 2 in 2016 and 2017.") == {
        ("PER", 2014, "1"),
        ("PER", 2016, "2"),
        ("PER", 2017, "2"),
    }
    assert tiers("The report put Fiji on the Tier 2 Watch List in 2012 and raised it to Tier 2 in 2015.") == {
        ("FJI", 2012, "2WL"),
        ("FJI", 2015, "2"),
    }


def test_again_with_its_own_year_implies_no_other() -> None:
    assert tiers("The report placed Chad on the Tier 2 Watch List in 2013 and again in 2014.") == {
        ("TCD", 2013, "2WL"),
        ("TCD", 2014, "2WL"),
    }


def test_years_spent_on_a_tier_are_no_placement() -> None:
    text = "The State Department moved Belarus to Tier 3 in 2011, after four years on the Tier 2 Watch List."
    assert tiers(text) == {("BLR", 2011, "3")}


REPORT = "2019 Trafficking in Persons Report: Kenya\n\n"


def test_a_tier_with_no_country_is_a_definition() -> None:
    assert (
        tiers(REPORT + "Tier 1 is the highest ranking, given to governments that meet the standards.")
        == set()
    )
    assert tiers(REPORT + "The Tier 3 designation carries the threat of aid restrictions.") == set()
    assert tiers(REPORT + "A country placed on Tier 3 may lose non-humanitarian assistance.") == set()


def test_a_waiver_from_a_downgrade_is_no_placement() -> None:
    assert tiers(REPORT + "Kenya received a waiver from an automatic downgrade to Tier 3.") == set()


def test_upgraded_from_a_tier_is_last_years_placement() -> None:
    assert tiers(REPORT + "Kenya was upgraded from Tier 2 Watch List.") == {("KEN", 2018, "2WL")}
    assert tiers(REPORT + "Kenya fell from Tier 2 to the Tier 2 Watch List in 2015.") == {
        ("KEN", 2014, "2"),
        ("KEN", 2015, "2WL"),
    }
    assert tiers(REPORT + "Kenya moved from Tier 2 in 2010 to Tier 3 in 2012.") == {
        ("KEN", 2010, "2"),
        ("KEN", 2012, "3"),
    }


def test_consecutive_years_imply_last_year() -> None:
    assert tiers(REPORT + "Kenya has been on the Tier 2 Watch List for two consecutive years.") == {
        ("KEN", 2019, "2WL"),
        ("KEN", 2018, "2WL"),
    }
    assert tiers(REPORT + "Kenya remains on Tier 2 Watch List for a third consecutive year.") == {
        ("KEN", 2019, "2WL"),
        ("KEN", 2018, "2WL"),
    }


def test_remained_only_for_the_country_of_its_clause() -> None:
    assert tiers(REPORT + "Kenya was placed on Tier 2, while neighboring Uganda remained on Tier 3.") == {
        ("KEN", 2019, "2"),
        ("UGA", 2019, "3"),
        ("UGA", 2018, "3"),
    }


def test_countries_in_an_aside() -> None:
    assert tiers(REPORT + "Kenya, unlike Uganda, was placed on Tier 2 Watch List.") == {("KEN", 2019, "2WL")}
    assert tiers(REPORT + "Kenya, like Uganda and Tanzania, was placed on Tier 2 Watch List.") == {
        ("KEN", 2019, "2WL"),
        ("UGA", 2019, "2WL"),
        ("TZA", 2019, "2WL"),
    }


def test_the_following_year() -> None:
    text = (
        REPORT
        + "In the 2016 report, Kenya was downgraded to Tier 2 Watch List; it returned to Tier 2 the following year."
    )
    assert tiers(text) == {("KEN", 2016, "2WL"), ("KEN", 2017, "2")}


def test_the_us_of_a_tip_report_is_not_the_country_placed() -> None:
    text = "Bhutan is a destination country. In the US Trafficking in Persons Report it was rated Tier 2 in 2016."
    assert tiers(text, "bhutan.txt") == {("BTN", 2016, "2")}


def test_it_as_the_subject_of_a_placing_verb_after_an_opening_phrase() -> None:
    text = "Belize is a transit country. In its latest review it was placed on Tier 3 in 2011."
    assert tiers(text, "belize.txt") == {("BLZ", 2011, "3")}
    assert tiers("Belize is a transit country. In 2011 it was ranked Tier 3.", "belize.txt") == {
        ("BLZ", 2011, "3")
    }
