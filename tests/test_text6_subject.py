"""The subject of a document (issue 12): a stray first sentence, an agency's country. Own sentences."""

from __future__ import annotations

from tests.helpers import facts_of


def tiers(text: str, source: str = "notes.txt") -> set[tuple[str, int | None, str]]:
    return {(f["country"], f["year"], f["tier"]) for f in facts_of(text, "tier", source)}


def test_a_stray_first_sentence_in_a_paragraph_that_goes_on_about_another_country() -> None:
    text = (
        "Samoa acceded to the Protocol in 2014. The government made modest efforts to prosecute traffickers "
        "in Tonga. Tonga is a source country for women. The country was placed on Tier 2 in 2018."
    )
    assert tiers(text) == {("TON", 2018, "2")}


def test_a_stray_first_sentence_in_a_file_named_for_another_country() -> None:
    text = (
        "Samoa acceded to the Protocol in 2014. The government made modest efforts to prosecute traffickers. "
        "The country was placed on Tier 2 in 2018."
    )
    assert tiers(text, "tonga-2018.txt") == {("TON", 2018, "2")}
    assert tiers("Samoa acceded to the Protocol in 2014.\n\n" + text[39:], "tonga.txt") == {
        ("TON", 2018, "2")
    }


def test_a_stray_first_sentence_under_a_title_naming_another_country() -> None:
    text = (
        "Trafficking in Tonga\n\nSamoa acceded to the Protocol in 2014.\n\n"
        "The government made modest efforts. The country was placed on Tier 2 in 2018."
    )
    assert tiers(text, "report.txt") == {("TON", 2018, "2")}


def test_the_stray_sentence_keeps_its_own_country() -> None:
    text = (
        "The Palermo Protocol binds most Pacific states. Samoa acceded to the Protocol in 2014. Tonga is a "
        "source country. The country was placed on Tier 2 in 2018."
    )
    ratified = {(f["country"], f["year"]) for f in facts_of(text, "ratification", "tonga.txt")}
    assert ratified == {("WSM", 2014)}


def test_an_agency_s_country_is_never_the_subject() -> None:
    text = "The U.S. Department of State, in its 2018 report, rated the country Tier 1."
    assert tiers(text, "palau.txt") == {("PLW", 2018, "1")}
    # With no other country anywhere, the agency's is still not the one rated.
    assert tiers(text, "report.txt") == set()
    text = (
        "The United States Department of State rated the country Tier 2 in 2017, noting that the government "
        "was making significant efforts. The government of Palau prosecuted two cases."
    )
    assert tiers(text, "report.txt") == {("PLW", 2017, "2")}
    verdicts = [(f["country"], f["significant_efforts"]) for f in facts_of(text, "compliance", "report.txt")]
    assert verdicts == [("PLW", True)]


def test_a_country_s_own_government_is_no_agency() -> None:
    text = "The Palau government prosecuted two cases. The country was placed on Tier 2 in 2017."
    assert tiers(text, "report.txt") == {("PLW", 2017, "2")}


def test_a_country_that_rates_is_the_rater() -> None:
    text = (
        "The United States rated the country Tier 1 in 2018.\n\nThe government of Palau prosecuted two cases."
    )
    assert tiers(text, "report.txt") == {("PLW", 2018, "1")}
    assert tiers("The United States placed Fiji on Tier 3 in 2012.", "report.txt") == {("FJI", 2012, "3")}
    # "X ranked Tier 2" is X's placement.
    assert tiers("Tonga ranked Tier 2 in 2014.", "report.txt") == {("TON", 2014, "2")}


def test_an_opening_paragraph_about_another_country_keeps_it() -> None:
    # No title or file name names a country, and the paragraph does not name Tonga: it is about Samoa.
    text = (
        "Samoa is a source country for women. The country was placed on Tier 2 in 2018.\n\n"
        "Tonga is a destination country. Tonga made efforts.\n\n"
        "Tonga is a transit country. Tonga was placed on Tier 1 in 2019.\n\nTonga trained police."
    )
    assert tiers(text, "report.txt") == {("WSM", 2018, "2"), ("TON", 2019, "1")}
