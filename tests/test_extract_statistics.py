from __future__ import annotations

from tests.helpers import facts_of


def stats(text: str, source: str = "fiji.txt") -> set[tuple[str, int, str | None, int | None]]:
    return {
        (f["metric"], f["value"], f["exploitation"], f["year"]) for f in facts_of(text, "statistic", source)
    }


def test_counts_with_comparison_years() -> None:
    text = "Police opened 31 trafficking investigations and initiated 12 prosecution cases in 2014, compared to nine investigations and four prosecutions in 2013."
    assert stats(text) == {
        ("investigations", 31, None, 2014),
        ("prosecutions", 12, None, 2014),
        ("investigations", 9, None, 2013),
        ("prosecutions", 4, None, 2013),
    }


def test_metric_from_the_verb() -> None:
    assert ("convictions", 5, "sexual", 2015) in stats("Courts convicted five sex traffickers in 2015.")
    assert ("prosecutions", 8, None, 2015) in stats("In 2015, authorities prosecuted eight cases.")


def test_split_by_exploitation_in_parentheses() -> None:
    text = "In 2016, the government identified 40 victims (30 sex trafficking and 10 labor trafficking), compared with 22 in 2015."
    got = stats(text)
    assert ("victims_identified", 40, None, 2016) in got
    assert ("victims_identified", 30, "sexual", 2016) in got
    assert ("victims_identified", 10, "labor", 2016) in got
    assert ("victims_identified", 22, None, 2015) in got


def test_victims_of_a_form() -> None:
    got = stats("In 2010, police identified 60 victims of forced labor and 15 victims of sex trafficking.")
    assert got == {("victims_identified", 60, "labor", 2010), ("victims_identified", 15, "sexual", 2010)}


def test_zero_and_none() -> None:
    got = stats("The government did not convict any traffickers, compared with none in 2017.")
    assert ("convictions", 0, None, None) in got or any(m == "convictions" and v == 0 for m, v, _, _ in got)
    assert ("prosecutions", 0, None, 2012) in stats(
        "Officials prosecuted one trafficker in 2013, compared to no prosecutions in 2012."
    )


def test_last_year() -> None:
    got = stats("In 2014, the government prosecuted four cases, compared with two cases last year.")
    assert got == {("prosecutions", 4, None, 2014), ("prosecutions", 2, None, 2013)}


def test_victims_assisted_and_officials() -> None:
    assert ("victims_assisted", 18, None, 2019) in stats(
        "In 2019, 18 victims received shelter and care from the government."
    )
    assert ("officials_prosecuted", 2, None, None) in stats(
        "The government prosecuted two complicit border officials."
    )


def test_not_counts() -> None:
    assert stats("The law prescribes penalties of five to 15 years imprisonment.") == set()
    assert stats("UNICEF estimated that 5,000 victims were exploited.") == set()
    assert stats("About 80 percent of investigations stalled.") == set()


def test_recent_report_phrasing() -> None:
    text = "The government reported investigating 40 cases (35 in 2019) and convicting 12 traffickers (nine in 2019)."
    assert stats(text, "2021-fiji.txt") >= {
        ("investigations", 40, None, None),
        ("investigations", 35, None, 2019),
        ("convictions", 12, None, None),
        ("convictions", 9, None, 2019),
    }
    got = stats(
        "In 2020, the government initiated investigations of 14 cases, compared with 11 the previous year."
    )
    assert got == {("investigations", 14, None, 2020), ("investigations", 11, None, 2019)}


def test_counts_by_others_are_not_statistics() -> None:
    assert stats("IOM identified 40 victims in 2015.") == set()
    assert stats("NGOs documented 300 cases of forced labor in 2015.") == set()
    assert stats("The government did not report prosecuting any traffickers.") == set()


def test_identified_as_victims() -> None:
    got = stats("In 2019, officials screened 500 migrants and identified 30 as trafficking victims.")
    assert got == {("victims_identified", 30, None, 2019)}


def test_coordinated_verbs_count_for_each_metric() -> None:
    assert stats("In 2018, courts prosecuted and convicted three slaveholders.") == {
        ("prosecutions", 3, None, 2018),
        ("convictions", 3, None, 2018),
    }
    assert stats("In 2018, the government investigated and prosecuted four officials.") == {
        ("officials_prosecuted", 4, None, 2018),
    }
    # "convicted and sentenced" name one metric.
    assert stats("In 2018, courts convicted and sentenced six traffickers.") == {
        ("convictions", 6, None, 2018)
    }


def test_a_long_noun_phrase_before_victims() -> None:
    got = stats("In 2019, police identified more than 210 child labor and forced begging victims.")
    assert got == {("victims_identified", 210, None, 2019)}


def test_the_last_party_named_is_the_one_counting() -> None:
    text = "NGOs reported 900 cases of abuse and police identified 75 trafficking victims in 2019."
    assert stats(text) == {("victims_identified", 75, None, 2019)}
    # The police are named before the NGO: the count is the NGO's.
    assert stats("After police raids, NGOs identified 75 trafficking victims in 2019.") == set()


def test_cases_sent_to_court_are_prosecutions() -> None:
    assert stats("In 2012, prosecutors sent to court 64 cases, compared with 51 in 2011.") == {
        ("prosecutions", 64, None, 2012),
        ("prosecutions", 51, None, 2011),
    }
    assert stats("In 2012, 38 cases were referred to trial.") == {("prosecutions", 38, None, 2012)}
    # Victims sent to shelters are assisted, not prosecuted.
    assert stats("In 2012, police sent 20 victims to shelters.") == set()


def test_victims_identified_long_after_the_count() -> None:
    text = (
        "In 2016 in Serbia 47 victims of human trafficking for sexual exploitation were formally identified."
    )
    assert stats(text, "serbia.txt") == {("victims_identified", 47, "sexual", 2016)}
    # A verb after another count is that count's.
    text = "In 2016, 47 victims of human trafficking received shelter, and 12 traffickers were identified."
    assert ("victims_identified", 47, None, 2016) not in stats(text, "serbia.txt")
