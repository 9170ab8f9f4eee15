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


# -- a year after a bracket of parts, parts before another year's figure --------------------------
def test_the_year_after_a_long_bracket_of_parts() -> None:
    text = REPORT + (
        "Police opened 41 investigations (22 for sex trafficking, 15 for forced labor, and four for forced "
        "begging by parents) in 2020, compared with 37 in 2019."
    )
    assert years(text) == {
        ("investigations", 41, 2020),
        ("investigations", 22, 2020),
        ("investigations", 15, 2020),
        ("investigations", 4, 2020),
        ("investigations", 37, 2019),
    }


def test_parts_take_their_total_year_not_a_later_figure() -> None:
    text = (
        REPORT
        + "Judges convicted 17 traffickers in 2020, nine for sex trafficking and eight for forced labor, and 21 in 2019."
    )
    assert rows(text) == {
        ("convictions", 17, 2020, "total"),
        ("convictions", 9, 2020, "part"),
        ("convictions", 8, 2020, "part"),
        ("convictions", 21, 2019, "total"),
    }


def test_parts_after_a_semicolon_belong_to_the_total_not_to_its_comparison() -> None:
    text = REPORT + (
        "Officials identified 30 victims in 2020, compared with 26 in 2019 and 19 in 2018; 18 were exploited "
        "in forced labor and 12 in sex trafficking."
    )
    got = {
        (f["value"], f["year"], f["scope"], f["part_of"]) for f in facts_of(text, "statistic", "tonga.txt")
    }
    assert {(18, 2020, "part", 30), (12, 2020, "part", 30)} <= got


def test_a_year_opening_the_next_clause_is_not_the_count_before_it() -> None:
    text = (
        REPORT
        + "Judges convicted 14 people in 2020 and 10 in 2019; in 2018, 19 people were convicted, and in 2017, seven."
    )
    assert ("convictions", 19, 2018) in years(text)


def test_the_year_before_opening_a_clause() -> None:
    text = REPORT + "In 2020, the shelter housed 73 victims; the year before, it had housed 58."
    assert years(text) == {("victims_assisted", 73, 2020), ("victims_assisted", 58, 2019)}
    text = (
        REPORT
        + "Embassies repatriated 40 workers; the previous year, consulates repatriated 33 such victims."
    )
    assert years(text) == {("victims_assisted", 40, 2021), ("victims_assisted", 33, 2020)}


def test_a_year_after_from_abroad() -> None:
    assert years(REPORT + "The ministry repatriated 212 victims from abroad in 2020.") == {
        ("victims_assisted", 212, 2020)
    }


def test_a_group_with_a_fiscal_year() -> None:
    text = (
        REPORT
        + "The office brought 150 prosecutions in FY 2020, compared with 162 prosecutions and 240 defendants in FY 2019."
    )
    assert ("prosecutions", 162, 2019) in years(text)
    assert ("prosecutions", 150, 2020) in years(text)


# -- cumulative: since an event -------------------------------------------------------------------
def test_since_a_law_entered_into_force_is_cumulative() -> None:
    text = (
        REPORT + "Since the Anti-Trafficking Act entered into force, courts have convicted 205 traffickers."
    )
    assert rows(text) == {("convictions", 205, None, "cumulative")}
    text = REPORT + "Since the new code came into effect, prosecutors have charged 96 suspects."
    assert rows(text) == {("prosecutions", 96, None, "cumulative")}


# -- a year inside a noun phrase is not the count's ---------------------------------------------------
def test_the_year_of_a_law_does_not_date_a_count() -> None:
    assert years(REPORT + "Magistrates convicted six traffickers under the statute enacted in 2016.") == {
        ("convictions", 6, 2021)
    }
    assert years(REPORT + "Under the 2016 statute, prosecutors charged 23 defendants.") == {
        ("prosecutions", 23, 2021)
    }
    assert years(REPORT + "Inspectors investigated 18 cases under the 2020 national action plan.") == {
        ("investigations", 18, 2021)
    }
    # a year after the article a count was brought under is still the count's
    assert years(REPORT + "Police opened 26 investigations under Article 201 of the Penal Code in 2020.") == {
        ("investigations", 26, 2020)
    }


def test_a_year_after_a_sub_group_is_not_the_total_year() -> None:
    assert years(
        REPORT + "Officers identified 52 victims, including 14 exploited in 2017 who were found late."
    ) >= {("victims_identified", 52, 2021)}
    assert years(REPORT + "Officers identified 52 victims, most of them recruited in 2019.") == {
        ("victims_identified", 52, 2021)
    }


def test_part_of_a_year() -> None:
    assert years(REPORT + "The unit reported 31 investigations in the first half of 2020.") == {
        ("investigations", 31, 2020)
    }


def test_a_combined_figure_for_two_years_is_cumulative() -> None:
    text = REPORT + "In 2019 and 2020, the agency identified a combined 118 victims."
    got = facts_of(text, "statistic", "tonga.txt")
    assert [(f["value"], f["year"], f["scope"], f["span"]) for f in got] == [
        (118, None, "cumulative", [2019, 2020])
    ]
    # "respectively" gives each year its own count
    assert years(REPORT + "In 2019 and 2020, courts convicted 14 and 19 traffickers, respectively.") == {
        ("convictions", 14, 2019),
        ("convictions", 19, 2020),
    }


# -- scope: parts of a stated total, sub-groups with none ---------------------------------------------
def scopes(text: str) -> set[tuple[str, int, str, int | None]]:
    return {
        (f["metric"], f["value"], f["scope"], f["part_of"]) for f in facts_of(text, "statistic", "tonga.txt")
    }


def test_a_sub_group_with_no_total_beside_it_is_a_count_of_its_own() -> None:
    assert scopes(REPORT + "Consular officers helped repatriate 17 Tongan victims from Fiji.") == {
        ("victims_assisted", 17, "total", None)
    }
    assert scopes(REPORT + "The welfare office housed 23 child victims in foster homes.") == {
        ("victims_assisted", 23, "total", None)
    }
    # with its total in the sentence it is a part of it
    assert ("victims_identified", 9, "part", 31) in scopes(
        REPORT + "Police identified 31 victims, including nine child victims."
    )


def test_parts_in_the_next_sentence_belong_to_the_total_stated_before() -> None:
    text = REPORT + (
        "In 2020, the task force identified 58 victims. Of these, 33 were victims of sex trafficking and 25 "
        "of forced labor; 14 were foreign nationals."
    )
    got = scopes(text)
    assert ("victims_identified", 58, "total", None) in got
    assert ("victims_identified", 33, "part", 58) in got
    assert ("victims_identified", 25, "part", 58) in got


def test_a_later_sub_group_without_pointing_back_is_its_own_count() -> None:
    text = (
        REPORT
        + "The ministry sheltered 40 victims in 2020. The embassy repatriated 12 Tongan victims in 2020."
    )
    assert ("victims_assisted", 12, "total", None) in scopes(text)


# -- "that year", "in early 2016" -----------------------------------------------------------------
def test_that_year_points_back_to_the_year_just_named() -> None:
    text = REPORT + (
        "The police investigated 12 cases in 2020. Enforcement had collapsed after the 2017 cyclone: that "
        "year police recorded only two investigations and one conviction."
    )
    assert years(text) == {
        ("investigations", 12, 2020),
        ("investigations", 2, 2017),
        ("convictions", 1, 2017),
    }


def test_a_year_after_early_late_or_a_month_is_the_counts() -> None:
    text = REPORT + "Courts convicted three traffickers in early 2019 and two in March 2018."
    assert years(text) == {("convictions", 3, 2019), ("convictions", 2, 2018)}


def test_the_same_year_takes_the_year_of_the_sentence_before_even_with_no_report_year() -> None:
    text = (
        "Human trafficking in Tonga\n\nIn 2017, police identified 40 victims of trafficking. The same year, "
        "prosecutors indicted 61 suspected traffickers, whereas in 2016 the figure had been 52."
    )
    found = {(f["metric"], f["value"], f["year"]) for f in facts_of(text, "statistic", "tonga-wiki.txt")}
    assert found == {("victims_identified", 40, 2017), ("prosecutions", 61, 2017), ("prosecutions", 52, 2016)}


def test_a_comparison_with_its_own_participle_and_year_is_not_the_counts_year() -> None:
    text = REPORT + "The government identified 41 victims, more than double the 18 identified in 2019."
    assert years(text) == {("victims_identified", 41, 2021), ("victims_identified", 18, 2019)}


# -- a headline's year ----------------------------------------------------------------------------
def test_a_headline_ending_in_its_year_dates_the_article() -> None:
    text = (
        "Over 200 Tongans found in forced labour abroad in 2015\n\n"
        "The agency identified 210 victims, most of them men.\n\n"
        "Of them, 120 were obliged to work on farms.\n"
    )
    assert years(text) == {("victims_identified", 210, 2015), ("victims_identified", 120, 2015)}


# -- counts labelled by their year ----------------------------------------------------------------
def test_a_year_label_before_or_after_a_count() -> None:
    text = "In 2019, the police opened 52 investigations into trafficking (2018: 47; 2017: 40)."
    assert years(text) == {
        ("investigations", 52, 2019),
        ("investigations", 47, 2018),
        ("investigations", 40, 2017),
    }
    text = "The number of persons investigated for trafficking was reported as follows: 2017 - 12; 2018 - 15."
    assert years(text) == {("investigations", 12, 2017), ("investigations", 15, 2018)}
    text = "Police initiated criminal proceedings in the following numbers: six (2016), nine (2017) and 11 (2018)."
    assert years(text) == {
        ("investigations", 6, 2016),
        ("investigations", 9, 2017),
        ("investigations", 11, 2018),
    }


def test_labelled_lines_after_a_sentence_that_announces_them() -> None:
    text = (
        "The number of victims who received assistance from the state programme was as follows:\n"
        "2016: 41;\n2017: 38;\n2018: 52.\n\nThe ministry also ran a hotline.\n2019: 12\n"
    )
    # the list ends with the sentence that is no labelled line
    assert years(text) == {
        ("victims_assisted", 41, 2016),
        ("victims_assisted", 38, 2017),
        ("victims_assisted", 52, 2018),
    }
    text = "The number of presumed victims identified by the police developed as follows:\n2016 - 30\n2017 - 44\n"
    assert years(text) == {("victims_identified", 30, 2016), ("victims_identified", 44, 2017)}


def test_lines_labelled_by_their_form_of_exploitation_after_a_list_announced() -> None:
    text = (
        "Possible victims registered by the centre in 2020, by form of exploitation:\n"
        "Sexual exploitation: 310\nForced labour - 120\nCriminal exploitation: 40\nOther or unknown: 9\n"
    )
    got = {
        (f["metric"], f["value"], f["year"], f["exploitation"])
        for f in facts_of(text, "statistic", "tonga.txt")
    }
    assert got == {
        ("victims_identified", 310, 2020, "sexual"),
        ("victims_identified", 120, 2020, "labor"),
        ("victims_identified", 40, 2020, "criminality"),
    }


def test_a_table_title_without_a_colon_labels_the_year_lines_under_it() -> None:
    text = (
        "Tonga is a destination country.\n\n"
        "Persons convicted of trafficking by the courts\n2018 - 14\n2019 (January to June) - 6\n\n"
        "Public officials prosecuted for complicity in trafficking\n2020: 3\n2021: 1\n\n"
        "Cases sent to court with an indictment\n2019: 22\n\n"
        "Offences of trafficking recorded by the police\n2017: 31\n"
    )
    assert years(text) == {
        ("convictions", 14, 2018),
        ("convictions", 6, 2019),
        ("officials_prosecuted", 3, 2020),
        ("officials_prosecuted", 1, 2021),
        ("prosecutions", 22, 2019),
        ("investigations", 31, 2017),
    }


def test_a_title_over_prose_labels_no_count() -> None:
    text = "Tonga is a destination country.\n\nProsecution of traffickers\nIn 2020 the police opened 30 investigations.\n"
    assert years(text) == {("investigations", 30, 2020)}


def test_cases_the_police_recorded_are_investigations() -> None:
    assert years("The number of cases recorded by the police was 12 in 2020.") == {
        ("investigations", 12, 2020)
    }
    assert years("In 2019 the police registered 17 offences of trafficking.") == {
        ("investigations", 17, 2019)
    }


def test_counts_listed_after_a_colon_by_their_form_of_exploitation() -> None:
    def got(text: str) -> set[tuple[str, int, int | None, str, str | None]]:
        return {
            (f["metric"], f["value"], f["year"], f["scope"], f["exploitation"])
            for f in facts_of(text, "statistic", "tonga.txt")
        }

    # the items are the parts of the count before the colon; a residual item is no fact
    assert got("In 2019 the police identified 40 victims: sexual exploitation 25, forced labour 15.") == {
        ("victims_identified", 40, 2019, "total", None),
        ("victims_identified", 25, 2019, "part", "sexual"),
        ("victims_identified", 15, 2019, "part", "labor"),
    }
    # with no count before the colon, the words before it name the metric and the year
    text = "Victims identified in 2021, by form of exploitation: forced labour 26, sexual exploitation 16, other forms 2."
    assert got(text) == {
        ("victims_identified", 26, 2021, "part", "labor"),
        ("victims_identified", 16, 2021, "part", "sexual"),
    }
    assert got("Cases recorded by the police in 2020: sexual exploitation - 8; forced labour - 11.") == {
        ("investigations", 8, 2020, "part", "sexual"),
        ("investigations", 11, 2020, "part", "labor"),
    }
    # items that name no form are not such a list
    assert got("In 2019 the police identified 40 victims: 25 women and 15 men.") >= {
        ("victims_identified", 40, 2019, "total", None)
    }


def test_the_same_years_as_the_sentence_before_respectively() -> None:
    text = (
        "In 2018 the police opened 29 investigations, 34 in 2019 and 21 in 2020. "
        "The number of persons prosecuted in the same years was 8, 11 and 6 respectively."
    )
    assert years(text) >= {("prosecutions", 8, 2018), ("prosecutions", 11, 2019), ("prosecutions", 6, 2020)}
    # "the same four years" points to an earlier paragraph's years
    text = (
        "The number of identified victims in 2016, 2017, 2018 and 2019 was 68, 85, 102 and 73 respectively.\n\n"
        "The law was amended in 2021.\n\n"
        "The number of criminal cases initiated was 31, 29, 40 and 26 in the same four years respectively."
    )
    assert years(text) == {
        ("victims_identified", 68, 2016),
        ("victims_identified", 85, 2017),
        ("victims_identified", 102, 2018),
        ("victims_identified", 73, 2019),
        ("investigations", 31, 2016),
        ("investigations", 29, 2017),
        ("investigations", 40, 2018),
        ("investigations", 26, 2019),
    }
    # "respectively" over forms of exploitation is not over years
    text = "Courts convicted 12 traffickers in 2019, 15 in 2020. Of them, 8 and 4 were convicted of sex and labor trafficking, respectively."
    assert ("convictions", 8, 2020) not in years(text)


def test_a_table_title_wrapped_over_two_lines() -> None:
    text = (
        "Tonga is a destination country.\n\n"
        "Persons prosecuted for trafficking in human beings under Section\n\n168 of the Criminal Code\n\n"
        "2019 - 31\n\n2020 - 16\n\nProtection\n\n2021 - 4\n"
    )
    assert years(text) == {("prosecutions", 31, 2019), ("prosecutions", 16, 2020)}


def test_counts_listed_before_their_noun_with_years_listed_after_respectively() -> None:
    text = "The border police identified 7, 15, 10 and 31 victims of trafficking in 2014, 2015, 2016 and 2017 respectively."
    assert years(text) == {
        ("victims_identified", 7, 2014),
        ("victims_identified", 15, 2015),
        ("victims_identified", 10, 2016),
        ("victims_identified", 31, 2017),
    }


def test_items_after_as_follows_with_a_comma_inside_a_label() -> None:
    text = (
        "The persons assisted in 2018 were exploited as follows: forced labour, including work on farms - 212; "
        "sexual exploitation - 40; other or unknown - 5."
    )
    got = {
        (f["metric"], f["value"], f["year"], f["exploitation"])
        for f in facts_of(text, "statistic", "tonga.txt")
    }
    assert got == {("victims_assisted", 212, 2018, "labor"), ("victims_assisted", 40, 2018, "sexual")}


def test_a_list_by_form_with_brackets_a_total_and_a_residual_line() -> None:
    text = (
        "Tonga is a destination country.\n\n"
        "Presumed victims reported in 2020, by type of exploitation:\n"
        "Domestic servitude: 41\n"
        "Economic exploitation (forced labour on farms): 30\n"
        "Other forms (forced marriage and cases under review): 9\n"
        "Sexual exploitation: 12 (15)\n"
        "Total: 92\n"
    )
    got = {
        (f["metric"], f["value"], f["year"], f["scope"], f["exploitation"])
        for f in facts_of(text, "statistic", "tonga.txt")
    }
    # the residual line is no fact and does not end the list; the bracketed figure names no year
    assert got == {
        ("victims_identified", 41, 2020, "part", "domestic_servitude"),
        ("victims_identified", 30, 2020, "part", "labor"),
        ("victims_identified", 12, 2020, "part", "sexual"),
        ("victims_identified", 92, 2020, "total", None),
    }
