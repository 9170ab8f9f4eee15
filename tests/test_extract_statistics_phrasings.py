"""Phrasing families of counts (issue 11): each test names a structure, with sentences written for it."""

from __future__ import annotations

from tests.helpers import facts_of


def stats(text: str, source: str = "fiji.txt") -> set[tuple[str, int, str | None, int | None]]:
    return {
        (f["metric"], f["value"], f["exploitation"], f["year"]) for f in facts_of(text, "statistic", source)
    }


def test_investigations_into_cases() -> None:
    assert stats("In 2021, detectives opened investigations into 30 suspected trafficking cases.") == {
        ("investigations", 30, None, 2021)
    }
    got = stats(
        "In 2022, the unit began investigations into 26 cases involving 43 suspects, compared with 19 cases involving 30 suspects in 2021."
    )
    assert got == {("investigations", 26, None, 2022), ("investigations", 19, None, 2021)}


def test_cases_sent_to_court_after_the_noun() -> None:
    assert stats("In 2021, the prosecution service brought 13 cases to court.") == {
        ("prosecutions", 13, None, 2021)
    }
    assert stats("In 2021, prosecutors filed 15 trafficking cases in court.") == {
        ("prosecutions", 15, None, 2021)
    }
    assert stats("In 2021, the police referred nine cases to the courts.") == {
        ("prosecutions", 9, None, 2021)
    }


def test_found_guilty_and_sentences() -> None:
    assert stats("In 2021, 14 defendants were found guilty.") == {("convictions", 14, None, 2021)}
    assert stats("In 2021, judges found six defendants guilty of forced labor.") == {
        ("convictions", 6, "labor", 2021)
    }
    assert stats("In 2021, courts issued guilty verdicts against 10 traffickers.") == {
        ("convictions", 10, None, 2021)
    }
    assert stats("In 2021, courts issued guilty verdicts in seven cases.") == {("convictions", 7, None, 2021)}
    assert stats("In 2021, 12 traffickers received prison sentences.") == {("convictions", 12, None, 2021)}
    assert stats("In 2021, judges imposed prison sentences on five traffickers.") == {
        ("convictions", 5, None, 2021)
    }


def test_sentences_of_years_are_no_count() -> None:
    assert stats("In 2021, judges imposed prison sentences of 12 years.") == set()
    assert stats("In 2021, courts sentenced two traffickers to eight years in prison.") == {
        ("convictions", 2, None, 2021)
    }


def test_recognized_and_certified_victims() -> None:
    assert stats("In 2021, the ministry certified 35 victims.") == {("victims_identified", 35, None, 2021)}
    assert stats("In 2021, the government officially recognized 18 trafficking victims.") == {
        ("victims_identified", 18, None, 2021)
    }
