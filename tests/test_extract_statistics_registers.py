"""Counts as reports outside the TIP narratives state them (issue 11): victims a referral system records,
complaints prosecutors register, groups named again with "those", glosses in brackets, and populations
that are no victims."""

from __future__ import annotations

from tests.helpers import facts_of

REPORT = "2016 Trafficking in Persons Report\nTUVALU (Tier 2)\n\n"


def stats(text: str) -> set[tuple[str, int, str | None, int | None]]:
    return {
        (f["metric"], f["value"], f["exploitation"], f["year"])
        for f in facts_of(REPORT + text, "statistic", "tuvalu.txt")
    }


def test_recorded_victims_are_identified() -> None:
    assert stats("In 2015 the referral mechanism recorded 212 presumed victims.") == {
        ("victims_identified", 212, None, 2015)
    }
    assert stats("In 2015, 38 victims were recorded.") == {("victims_identified", 38, None, 2015)}
    # people recorded are not victims unless the text calls them so
    assert stats("The labour office recorded 500 seasonal workers in 2015.") == set()


def test_a_participle_qualifying_a_population_is_no_count() -> None:
    assert stats("The islands host some 3,000 registered refugees and 12,000 migrant workers.") == set()
    assert stats("In 2015 the police identified 14 victims and registered 2,000 foreign residents.") == {
        ("victims_identified", 14, None, 2015)
    }


def test_complaints_prosecutors_register_are_investigations() -> None:
    assert stats("In 2015 the prosecution service registered 96 complaints of trafficking.") == {
        ("investigations", 96, None, 2015)
    }
    assert stats("The specialised prosecutor received 40 complaints of trafficking in 2015.") == {
        ("investigations", 40, None, 2015)
    }
    # a hotline's complaints, or complaints before the police opens investigations, are no cases
    assert stats("In 2015 the prosecutors' hotline registered 96 complaints.") == set()
    assert ("investigations", 60, None, 2015) not in stats(
        "In 2015 the police registered 60 complaints and opened investigations into 22 of them."
    )


def test_a_gloss_in_brackets_between_a_count_and_its_verb() -> None:
    assert stats(
        "According to the prosecutors, 75 complaints (denuncias) of trafficking were registered in 2015,"
        " against 61 in 2014."
    ) == {("investigations", 75, None, 2015), ("investigations", 61, None, 2014)}


def test_a_total_named_again_with_those() -> None:
    assert stats(
        "In 2015 the police identified 90 victims. Of those 90 victims, 60 were victims of sexual"
        " exploitation and 30 of forced labour."
    ) == {
        ("victims_identified", 90, None, 2015),
        ("victims_identified", 60, "sexual", 2015),
        ("victims_identified", 30, "labor", 2015),
    }


def test_a_line_labelled_by_its_metric() -> None:
    assert stats("Victims identified: 61\nPersons prosecuted - 14 (2014: 9)\nConvicted – 5\n") == {
        ("victims_identified", 61, None, 2016),
        ("prosecutions", 14, None, 2016),
        ("prosecutions", 9, None, 2014),
        ("convictions", 5, None, 2016),
    }
    # the group a labelled line counts is the one the next sentence splits
    assert stats(
        "Survivors sheltered - 40\n\nOf the 40 survivors, 25 had been trafficked for forced labour and 15"
        " for sexual exploitation."
    ) == {
        ("victims_assisted", 40, None, 2016),
        ("victims_assisted", 25, "labor", 2016),
        ("victims_assisted", 15, "sexual", 2016),
    }
    # a label that names no metric, a year as the figure, or prose after the figure: no row
    assert stats("Awareness sessions: 120\nVictims identified: 2015\n") == set()
    assert stats("Helpline calls - 1,400\n") == set()


def test_cases_named_again_split_by_what_they_involved() -> None:
    assert stats(
        "In 2015 prosecutors initiated 30 cases. Of the 30 cases, 21 involved child labor trafficking and"
        " nine involved sex trafficking."
    ) == {
        ("prosecutions", 30, None, 2015),
        ("prosecutions", 21, "labor", 2015),
        ("prosecutions", 9, "sexual", 2015),
    }
