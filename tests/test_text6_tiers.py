"""Tier phrasings of issue 12 (own sentences): the paragraph's year, several years, definitions."""

from __future__ import annotations

from tests.helpers import facts_of


def tiers(text: str, source: str = "notes.txt") -> set[tuple[str, int | None, str]]:
    return {(f["country"], f["year"], f["tier"]) for f in facts_of(text, "tier", source)}


def compliance(text: str, source: str = "notes.txt") -> list[tuple[str, bool | None, bool | None]]:
    return [
        (f["country"], f["fully_meets"], f["significant_efforts"])
        for f in facts_of(text, "compliance", source)
    ]


def test_a_tier_without_a_year_takes_the_year_that_opens_its_paragraph() -> None:
    text = (
        "In 2016, the government of Tonga adopted a new action plan against forced labor. Officials trained "
        "border guards in the capital. The country was placed on Tier 2 Watch List.\n\n"
        "Later, the ministry opened two shelters."
    )
    assert tiers(text) == {("TON", 2016, "2WL")}


def test_reports_for_both_years_and_again() -> None:
    text = "Nauru is a small island nation. Nauru was ranked Tier 2 in the Trafficking in Persons Reports for both 2012 and 2014."
    assert tiers(text) == {("NRU", 2012, "2"), ("NRU", 2014, "2")}
    assert tiers("Nauru was placed on Tier 3 in 2009 and again in 2011.") == {
        ("NRU", 2009, "3"),
        ("NRU", 2011, "3"),
    }


def test_a_span_of_years_is_each_year() -> None:
    assert tiers("Fiji was rated Tier 2 Watch List from 2005 to 2007.") == {
        ("FJI", 2005, "2WL"),
        ("FJI", 2006, "2WL"),
        ("FJI", 2007, "2WL"),
    }
    assert tiers("Between 2010 and 2012, Fiji was ranked Tier 3.") == {
        ("FJI", 2010, "3"),
        ("FJI", 2011, "3"),
        ("FJI", 2012, "3"),
    }
    # The span after a tier is that tier's, not the next one's.
    assert tiers("Fiji was ranked Tier 2 in 2010-2012, and Tier 3 in 2013.") == {
        ("FJI", 2010, "2"),
        ("FJI", 2011, "2"),
        ("FJI", 2012, "2"),
        ("FJI", 2013, "3"),
    }
    # Two tiers with a year each are no span.
    assert tiers("Fiji moved from Tier 2 in 2010 to Tier 3 in 2012.") == {
        ("FJI", 2010, "2"),
        ("FJI", 2012, "3"),
    }


def test_a_definition_of_a_tier_is_no_placement() -> None:
    lead = "Fiji is an island country in the Pacific.\n\n"
    for sentence in (
        "A Tier 3 rating indicates that a government does not fully meet the minimum standards and is not "
        "making significant efforts to do so.",
        "Tier 2 countries are those whose governments do not fully meet the minimum standards.",
        "Countries on Tier 3 are those whose governments are not making significant efforts.",
        "A country placed on Tier 2 is one whose government is making significant efforts.",
        "Tier 2 Watch List countries are defined as those where the number of victims is significant.",
        "Placement on Tier 2 means that a government does not fully meet the minimum standards.",
        "Tier 1 countries fully meet the minimum standards.",
        "A country is placed on Tier 2 when its government does not fully meet the minimum standards but is "
        "making significant efforts.",
        "Governments of Tier 3 countries do not fully meet the minimum standards and are not making "
        "significant efforts.",
    ):
        assert tiers(lead + sentence, "fiji.txt") == set(), sentence
        assert compliance(lead + sentence, "fiji.txt") == [], sentence
    # A placement beside stays one; so does a country that is a tier's country.
    text = lead + "Fiji was placed on Tier 2 in 2015 because its government is making significant efforts."
    assert tiers(text, "fiji.txt") == {("FJI", 2015, "2")}
    assert tiers(lead + "Fiji is a Tier 2 country.", "fiji.txt") == {("FJI", None, "2")}


def test_a_verb_of_staying_is_the_tier_s_it_governs() -> None:
    text = (
        "Fiji was downgraded to Tier 3 in 2011 and remained there in 2012, before being upgraded to the "
        "Tier 2 Watch List in 2013."
    )
    assert tiers(text) == {("FJI", 2011, "3"), ("FJI", 2012, "3"), ("FJI", 2013, "2WL")}
    text = "Fiji was placed on Tier 3 in 2011, and it remained on Tier 3 in 2012."
    assert tiers(text) == {("FJI", 2011, "3"), ("FJI", 2012, "3")}
    assert tiers("Fiji was placed on Tier 2 again in 2014.") == {("FJI", 2014, "2"), ("FJI", 2013, "2")}


def test_again_belongs_to_its_own_tier() -> None:
    text = "Fiji was rated Tier 3 in 2009 and again in 2011, and Tier 2 in 2013."
    assert tiers(text) == {("FJI", 2009, "3"), ("FJI", 2011, "3"), ("FJI", 2013, "2")}
    text = "Fiji was placed on Tier 3 in 2010, and was again placed on Tier 2 in 2013."
    assert tiers(text) == {("FJI", 2010, "3"), ("FJI", 2013, "2"), ("FJI", 2012, "2")}


def test_years_listed_before_the_reports() -> None:
    assert tiers("The 2012 and 2014 TIP reports placed Fiji on Tier 2.") == {
        ("FJI", 2012, "2"),
        ("FJI", 2014, "2"),
    }
    text = "In its 2012, 2013 and 2014 reports, the State Department placed Fiji on Tier 2."
    assert tiers(text) == {("FJI", 2012, "2"), ("FJI", 2013, "2"), ("FJI", 2014, "2")}
