"""The year and scope of each statistic (issue 11): phrasing families by their structure, each with
sentences written for these tests."""

from __future__ import annotations

from tests.helpers import facts_of

REPORT = "Tonga: 2021 Trafficking in Persons Report\n\n"

Row = tuple[str, int, int | None, str]


def rows(text: str) -> set[Row]:
    return {
        (f["metric"], f["value"], f["year"], f["scope"]) for f in facts_of(text, "statistic", "tonga.txt")
    }


def years(text: str) -> set[tuple[str, int, int | None]]:
    return {(f["metric"], f["value"], f["year"]) for f in facts_of(text, "statistic", "tonga.txt")}


# -- fiscal years ---------------------------------------------------------------------------------
def test_fy_before_a_year() -> None:
    assert years(REPORT + "In FY 2020, the unit opened 58 investigations; customs opened 19.") == {
        ("investigations", 58, 2020),
        ("investigations", 19, 2020),
    }
    assert years(REPORT + "Prosecutors charged 71 defendants in FY 2020, compared with 64 in FY 2019.") == {
        ("prosecutions", 71, 2020),
        ("prosecutions", 64, 2019),
    }


def test_fiscal_year_over_two_calendar_years_takes_its_end() -> None:
    assert years(REPORT + "In fiscal year 2019-2020, the police investigated 27 cases.") == {
        ("investigations", 27, 2020)
    }
    assert years(REPORT + "In 2019/20, magistrates convicted 13 traffickers.") == {("convictions", 13, 2020)}
    assert years(REPORT + "Inspectors identified 88 victims in 2019/20, compared with 70 in 2018/19.") == {
        ("victims_identified", 88, 2020),
        ("victims_identified", 70, 2019),
    }
    assert years(
        REPORT + "In FY 2019-20, courts convicted nine traffickers, up from five in FY 2018-19."
    ) == {
        ("convictions", 9, 2020),
        ("convictions", 5, 2019),
    }


def test_a_span_of_years_is_no_fiscal_year() -> None:
    got = rows(REPORT + "Between 2016 and 2020, judges convicted 140 traffickers.")
    assert got == {("convictions", 140, None, "cumulative")}


# -- the reporting period ---------------------------------------------------------------------------
def test_during_the_reporting_period_is_the_report_year() -> None:
    assert years(REPORT + "During the reporting period, the ministry identified 37 victims.") == {
        ("victims_identified", 37, 2021)
    }
    assert years(REPORT + "Officers investigated 16 cases in the reporting period.") == {
        ("investigations", 16, 2021)
    }


def test_the_reporting_period_overrides_an_earlier_year_of_the_paragraph() -> None:
    text = (
        REPORT
        + "In 2019, inspectors identified 21 victims. During the reporting period, the courts convicted six traffickers."
    )
    assert years(text) == {("victims_identified", 21, 2019), ("convictions", 6, 2021)}
    text = (
        REPORT
        + "The force had two officers for years; however, during the reporting period, it opened an investigation."
    )
    assert years(text) == {("investigations", 1, 2021)}


def test_the_previous_reporting_period_is_the_year_before() -> None:
    text = (
        REPORT
        + "Police investigated 40 cases during the reporting period, compared with 31 in the previous reporting period."
    )
    assert years(text) == {("investigations", 40, 2021), ("investigations", 31, 2020)}
