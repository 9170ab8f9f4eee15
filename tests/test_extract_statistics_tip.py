"""Counts in prosecution and protection paragraphs (issue 11): what a count of the year is not (convictions
overturned, a sentence given to one of the convicted, the rest of a group, cases from prior years), a
count's own participle after a coordination, officials named by rank or again after an apposition, and
victims a care verb counts that a participle only describes."""

from __future__ import annotations

from tests.helpers import facts_of

REPORT = "2013 Trafficking in Persons Report\nTONGA (Tier 2)\n\n"


def stats(text: str) -> set[tuple[str, int, str | None, int | None]]:
    return {
        (f["metric"], f["value"], f["exploitation"], f["year"])
        for f in facts_of(REPORT + text, "statistic", "tonga.txt")
    }


def test_what_no_count_of_the_year_is() -> None:
    assert (
        stats("Judges acquitted 11 defendants, and the high court quashed four earlier convictions.") == set()
    )
    assert stats("The court sentenced one of the convicted traffickers to eight years in prison.") == set()
    assert stats("Police identified 25 victims; all but three were foreign fishermen.") == {
        ("victims_identified", 25, None, 2013)
    }
    earlier = stats(
        "Prosecutors continued prosecuting six defendants in four cases initiated in prior years."
    )
    assert not {f for f in earlier if f[1] == 4}
    assert stats("One trafficker convicted in 2012 received a fine instead of a prison term.") == set()


def test_a_counts_own_participle_after_a_coordination() -> None:
    assert stats(
        "Prosecutors charged 40 defendants in 2012, compared with 35 defendants charged and 22 traffickers"
        " convicted in 2011."
    ) == {
        ("prosecutions", 40, None, 2012),
        ("prosecutions", 35, None, 2011),
        ("convictions", 22, None, 2011),
    }


def test_officials_by_rank_and_after_an_apposition() -> None:
    assert stats("In March 2012, a court convicted a police sergeant of trafficking a teenage girl.") == {
        ("officials_convicted", 1, None, 2012)
    }
    assert stats(
        "Prosecutors charged four officials in 2012; one of them, a customs clerk, was convicted."
    ) == {
        ("officials_prosecuted", 4, None, 2012),
        ("officials_convicted", 1, None, 2012),
    }


def test_a_participle_describing_the_victims_a_care_verb_counts() -> None:
    assert stats("The ministry paid for the repatriation of nine victims identified in Fiji.") == {
        ("victims_assisted", 9, None, 2013)
    }
    assert stats("Police identified and referred 17 victims to shelters.") == {
        ("victims_identified", 17, None, 2013),
        ("victims_assisted", 17, None, 2013),
    }


def test_an_official_with_a_reduced_relative_clause() -> None:
    got = stats("A customs officer accused of taking bribes from recruiters was indicted in 2012.")
    assert {(m, v) for m, v, _, _ in got} == {("officials_prosecuted", 1)}
    assert stats("Two soldiers suspected of selling girls were convicted in 2012.") == {
        ("officials_convicted", 2, None, 2012)
    }


def test_what_a_case_involved_names_its_form_further_on() -> None:
    assert stats(
        "Of the 20 convictions, 14 involved the trafficking of women and girls into prostitution and six"
        " involved men trafficked abroad for forced labor."
    ) >= {("convictions", 14, "sexual", 2013), ("convictions", 6, "labor", 2013)}
