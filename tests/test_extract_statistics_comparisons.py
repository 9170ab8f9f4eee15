"""Figures set against another year's (issue 11): a verb of change from one figure to another, a list of
earlier figures, a figure named by a noun the sentence counted before, an aside between dashes."""

from __future__ import annotations

from tests.helpers import facts_of

REPORT = "2014 Trafficking in Persons Report\nNAURU (Tier 2)\n\n"


def stats(text: str) -> set[tuple[str, int, str | None, int | None]]:
    return {
        (f["metric"], f["value"], f["exploitation"], f["year"])
        for f in facts_of(REPORT + text, "statistic", "nauru.txt")
    }


def test_a_verb_of_change_to_one_figure_from_another() -> None:
    # with no year stated, the figure moved from is the year before's
    assert stats("The number of convicted traffickers climbed to 25 from 17.") == {
        ("convictions", 25, None, 2014),
        ("convictions", 17, None, 2013),
    }
    assert stats("Identified victims dropped sharply from 80 to 45.") == {
        ("victims_identified", 45, None, 2014),
        ("victims_identified", 80, None, 2013),
    }
    # years stated: each figure its own
    assert stats("Prosecutions rose from 12 in 2011 to 20 in 2012.") == {
        ("prosecutions", 12, None, 2011),
        ("prosecutions", 20, None, 2012),
    }
    # a range of values is no change
    assert ("convictions", 17, None, 2013) not in stats("Courts convicted from 17 to 25 traffickers.")


def test_a_list_of_earlier_figures() -> None:
    assert stats(
        "State shelters housed 310 and 140 victims, respectively, in 2013, up from 290 and 120 the year before."
    ) == {
        ("victims_assisted", 310, None, 2013),
        ("victims_assisted", 140, None, 2013),
        ("victims_assisted", 290, None, 2012),
        ("victims_assisted", 120, None, 2012),
    }


def test_an_earlier_figure_counting_a_noun_named_again() -> None:
    assert stats("Judges issued 52 convicting judgments in 2013, compared with 41 judgments in 2012.") == {
        ("convictions", 52, None, 2013),
        ("convictions", 41, None, 2012),
    }
    # a noun no count of the sentence counted is no earlier figure
    assert stats("Judges issued 52 convicting judgments in 2013, compared with 41 hearings in 2012.") == {
        ("convictions", 52, None, 2013),
    }


def test_against_an_earlier_figure() -> None:
    assert stats("The agency recognised 37 persons as victims in 2013 against 30 persons in 2012.") == {
        ("victims_identified", 37, None, 2013),
        ("victims_identified", 30, None, 2012),
    }


def test_an_aside_between_dashes_is_read_as_brackets() -> None:
    got = stats(
        "The commission granted victim status to 27 persons in 2013 - 15 women, eight men and four"
        " children - against 19 persons in 2012."
    )
    assert ("victims_identified", 27, None, 2013) in got
    assert ("victims_identified", 19, None, 2012) in got
    # the parts are of the 2013 total, never a figure for 2012
    assert not {f for f in got if f[3] == 2012 and f[1] != 19}
    assert stats(
        "Prosecutors sent 18 cases to the courts—11 for forced labor and seven for sex trafficking—and"
        " judges convicted nine traffickers."
    ) == {
        ("prosecutions", 18, None, 2014),
        ("prosecutions", 11, "labor", 2014),
        ("prosecutions", 7, "sexual", 2014),
        ("convictions", 9, None, 2014),
    }


def test_label_dashes_are_no_aside() -> None:
    assert stats(
        "Cases recorded in 2013 by form: sexual exploitation - 6, forced labour - 9, other - 1."
    ) >= {
        ("investigations", 6, "sexual", 2013),
        ("investigations", 9, "labor", 2013),
    }


def test_officials_counted_by_a_bare_number_with_its_charge() -> None:
    assert stats("The ministry investigated six officials and prosecuted two for complicity.") >= {
        ("officials_prosecuted", 2, None, 2014),
    }
    assert stats("In 2013 prosecutors charged three officials with complicity. Neither was convicted.") == {
        ("officials_prosecuted", 3, None, 2013),
        ("officials_convicted", 0, None, 2013),
    }
    # "neither ... nor" is no count
    assert stats("Neither the police nor the courts reported convictions.") == set()
