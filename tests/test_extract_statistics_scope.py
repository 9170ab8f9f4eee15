"""Statistics with their scope (total, part, cumulative): issue 11's phrasings, in our own sentences."""

from __future__ import annotations

from typing import Any

from tests.helpers import facts_of

Row = tuple[str, int, int | None, str]
# A heading that gives the report's year: counts with no year of their own take the paragraph's or 2021.
TIP = "Fiji: 2021 Trafficking in Persons Report\n\n"


def rows(text: str, source: str = "fiji.txt") -> set[Row]:
    return {(f["metric"], f["value"], f["year"], f["scope"]) for f in facts_of(text, "statistic", source)}


def one(text: str, metric: str, value: int, source: str = "fiji.txt") -> dict[str, Any]:
    found = [f for f in facts_of(text, "statistic", source) if f["metric"] == metric and f["value"] == value]
    assert len(found) == 1, found
    return found[0]


# -- totals: copula and total verbs --------------------------------------------------------------
def test_total_verbs() -> None:
    assert rows("The number of trafficking prosecutions reached 48 in 2017.") == {
        ("prosecutions", 48, 2017, "total")
    }
    assert ("convictions", 9, 2011, "total") in rows(
        "In 2011 the total of trafficking convictions stood at nine."
    )


def test_cumulative_with_a_breakdown_by_year() -> None:
    text = "Identified victims totalled 61 over three years (15 in 2012, 22 in 2013 and 24 in 2014)."
    assert rows(text) == {
        ("victims_identified", 61, None, "cumulative"),
        ("victims_identified", 15, 2012, "total"),
        ("victims_identified", 22, 2013, "total"),
        ("victims_identified", 24, 2014, "total"),
    }
    assert one(text, "victims_identified", 61)["span"] == [2012, 2014]


# -- splits: gapped verbs, dropped nouns, "the remaining" ------------------------------------------
def test_split_with_a_gapped_verb() -> None:
    text = "Of 14 cases opened in 2013, ten concerned forced labor and four sex trafficking."
    got = facts_of(text, "statistic", "fiji.txt")
    assert {(f["value"], f["exploitation"], f["year"], f["scope"], f["part_of"]) for f in got} == {
        (14, None, 2013, "total", None),
        (10, "labor", 2013, "part", 14),
        (4, "sexual", 2013, "part", 14),
    }


def test_split_after_a_semicolon() -> None:
    text = "In 2018 judges convicted 17 traffickers; 12 were found guilty of labor trafficking and five of sex trafficking."
    assert rows(text) == {
        ("convictions", 17, 2018, "total"),
        ("convictions", 12, 2018, "part"),
        ("convictions", 5, 2018, "part"),
    }


def test_the_remaining() -> None:
    text = "In 2019 police investigated 20 cases; eight involved sex trafficking and the remaining 12 forced labor."
    got = {(f["value"], f["exploitation"], f["part_of"]) for f in facts_of(text, "statistic", "fiji.txt")}
    assert got == {(20, None, None), (8, "sexual", 20), (12, "labor", 20)}
    # The remaining ones with no form of their own are no new figure.
    assert rows(
        "Courts heard nine prosecutions in 2019. The remaining four prosecutions were dismissed."
    ) == {("prosecutions", 9, 2019, "total")}


def test_mixed_forms_are_parts() -> None:
    text = "In 2018 the authorities reported six prosecutions (14 in 2017), two for sex trafficking, three for sex and labor trafficking, and one unknown."
    got = {(f["value"], f["year"], f["scope"], f["part_of"]) for f in facts_of(text, "statistic", "fiji.txt")}
    assert (6, 2018, "total", None) in got
    assert (14, 2017, "total", None) in got
    assert (2, 2018, "part", 6) in got
    assert (3, 2018, "part", 6) in got


def test_sub_groups_by_age_and_sex() -> None:
    got = rows("In 2020 the government identified 50 victims, of whom 18 were children.")
    assert got == {("victims_identified", 50, 2020, "total"), ("victims_identified", 18, 2020, "part")}


# -- comparison figures ----------------------------------------------------------------------------
def test_comparison_with_a_participle() -> None:
    assert rows("Prosecutors charged 18 suspects in 2015, compared with 26 charged in 2014.") == {
        ("prosecutions", 18, 2015, "total"),
        ("prosecutions", 26, 2014, "total"),
    }


def test_comparison_with_two_years_and_none() -> None:
    text = "Courts convicted four traffickers in 2015, whereas none had been obtained in either 2013 or 2014."
    assert rows(text) == {
        ("convictions", 4, 2015, "total"),
        ("convictions", 0, 2013, "total"),
        ("convictions", 0, 2014, "total"),
    }


def test_from_zero_the_year_before_and_previously() -> None:
    assert rows("The government convicted six traffickers in 2016, up from zero the year before.") == {
        ("convictions", 6, 2016, "total"),
        ("convictions", 0, 2015, "total"),
    }
    assert rows("In 2021 prosecutors tried 16 trafficking cases, compared with four previously.") == {
        ("prosecutions", 16, 2021, "total"),
        ("prosecutions", 4, 2020, "total"),
    }


def test_comparison_years_after_a_bracketed_split() -> None:
    text = "In 2019 officials identified 30 victims (18 sex trafficking and 12 labor trafficking victims), compared to 41 victims (25 sex trafficking and 16 labor trafficking victims) in 2018."
    got = rows(text)
    assert ("victims_identified", 41, 2018, "total") in got
    assert ("victims_identified", 25, 2018, "part") in got
    assert ("victims_identified", 16, 2018, "part") in got
    assert ("victims_identified", 18, 2019, "part") in got


def test_comparison_with_a_bare_participle_and_last_period() -> None:
    text = "In 2019 the ministry assisted 140 trafficking victims, an increase compared to 57 assisted last reporting period."
    assert rows(text) == {("victims_assisted", 140, 2019, "total"), ("victims_assisted", 57, 2018, "total")}


# -- counts inside noun phrases ----------------------------------------------------------------------
def test_counts_inside_noun_phrases() -> None:
    assert rows("In 2017 the ministry paid for the return home of 23 victims.") == {
        ("victims_assisted", 23, 2017, "total")
    }
    assert rows("In 2017 the state arranged shelter for 12 victims.") == {
        ("victims_assisted", 12, 2017, "total")
    }
    assert rows("In 2017 the state facilitated the repatriations of 31 victims.") == {
        ("victims_assisted", 31, 2017, "total")
    }
    assert ("convictions", 7, 2017, "total") in rows(
        "In 2017 prosecutors obtained convictions for at least seven traffickers."
    )


def test_number_glued_to_the_word_before() -> None:
    assert rows("The government provided shelter for10 victims in 2019.") == {
        ("victims_assisted", 10, 2019, "total")
    }


# -- years opening a clause, paragraphs, reporting periods -------------------------------------------
def test_year_opening_a_clause_after_a_semicolon() -> None:
    assert rows("Police investigated 30 cases in 2018; in 2019, courts convicted nine.") == {
        ("investigations", 30, 2018, "total"),
        ("convictions", 9, 2019, "total"),
    }


def test_a_clause_year_of_another_matter_does_not_date_the_count() -> None:
    text = "As of March 2019, labor inspectors could prosecute trafficking cases; inspectors prosecuted five cases."
    assert rows(text) == {("prosecutions", 5, None, "total")}


def test_a_one_year_reporting_period_dates_by_its_end() -> None:
    text = "Prosecutors initiated 12 prosecutions between March 2019 and February 2020."
    assert rows(text) == {("prosecutions", 12, 2020, "total")}


# -- cumulative figures ------------------------------------------------------------------------------
def test_cumulative_figures_have_no_year() -> None:
    text = "The government did not convict any traffickers in 2019, compared to zero in 2018; over the past five years, courts have convicted seven traffickers, out of 38 investigations and 44 prosecutions."
    assert rows(text) == {
        ("convictions", 0, 2019, "total"),
        ("convictions", 0, 2018, "total"),
        ("convictions", 7, None, "cumulative"),
        ("investigations", 38, None, "cumulative"),
        ("prosecutions", 44, None, "cumulative"),
    }


def test_cumulative_spans() -> None:
    assert one("Since 2015, courts have convicted 40 traffickers.", "convictions", 40)["span"] == [2015, None]
    fact = one("Between 2016 and 2019, police investigated 120 cases.", "investigations", 120)
    assert (fact["year"], fact["scope"], fact["span"]) == (None, "cumulative", [2016, 2019])
    fact = one("Courts convicted 40 traffickers since 2015.", "convictions", 40)
    assert (fact["year"], fact["scope"]) == (None, "cumulative")


# -- zeros -------------------------------------------------------------------------------------------
def test_zeros_by_negation_total_or_part() -> None:
    assert rows("In 2019 the government did not convict any traffickers.") == {
        ("convictions", 0, 2019, "total")
    }
    assert rows("In 2019 the government did not identify any male victims.") == {
        ("victims_identified", 0, 2019, "part")
    }
    # a sub-group with no total stated beside it is a count of its own (FACTS.md: a part is of a stated
    # total), and so are its figures for other years
    assert rows("In 2020 officials identified one foreign victim (zero in 2019 and 2018).") == {
        ("victims_identified", 1, 2020, "total"),
        ("victims_identified", 0, 2019, "total"),
        ("victims_identified", 0, 2018, "total"),
    }
    assert ("victims_identified", 0, 2019, "part") in rows(
        "In 2020 officials identified 15 victims, including one foreign victim (zero in 2019)."
    )


def test_any_of_those_is_no_zero() -> None:
    assert (
        rows("NGOs reported 40 cases in 2019, but the police did not investigate any of those cases.")
        == set()
    )


# -- what the verb counts ----------------------------------------------------------------------------
def test_cases_involving_defendants() -> None:
    assert rows("In 2016 prosecutors prosecuted six cases involving 14 defendants.") == {
        ("prosecutions", 6, 2016, "total")
    }
    assert rows("In 2016 the police investigated 11 potential cases with 19 suspects.") == {
        ("investigations", 11, 2016, "total")
    }


def test_case_investigations_and_prosecutions_of_defendants() -> None:
    text = "In 2021 the police investigated 13 cases, compared with seven case investigations and prosecutions of two defendants in the previous reporting period."
    assert rows(text) == {
        ("investigations", 13, 2021, "total"),
        ("investigations", 7, 2020, "total"),
        ("prosecutions", 2, 2020, "total"),
    }


def test_charging_and_assistance_verbs() -> None:
    assert ("investigations", 11, 2016, "total") in rows("In 2016 the police initiated 11 investigations.")
    assert ("prosecutions", 13, 2016, "total") in rows("In 2016 prosecutors charged 13 suspects.")
    assert ("prosecutions", 7, 2016, "total") in rows(
        "In 2016 prosecutors filed preliminary charges against seven suspects."
    )
    for verb in ("referred", "sheltered", "repatriated", "admitted"):
        assert ("victims_assisted", 25, 2016, "total") in rows(f"In 2016 the government {verb} 25 victims.")
    assert ("victims_identified", 40, 2016, "total") in rows(
        "In 2016 the registry registered 40 possible victims."
    )
    assert ("victims_assisted", 8, 2016, "part") in rows(
        "In 2016 the police referred 30 victims for care, including eight of the minors for sex trafficking."
    )


# -- across sentences ----------------------------------------------------------------------------------
def test_a_restated_total_is_no_new_figure_and_dates_its_parts() -> None:
    text = (
        "In 2007 courts convicted 21 traffickers. Of the 21 convicted offenders, three received suspended sentences.\n\n"
        "The government identified 60 victims in 2022. Of the 60 victims identified, traffickers exploited 40 victims in sex trafficking and 20 victims in forced labor."
    )
    got = {
        (f["metric"], f["value"], f["year"], f["scope"], f["part_of"])
        for f in facts_of(text, "statistic", "fiji.txt")
    }
    assert got == {
        ("convictions", 21, 2007, "total", None),
        ("victims_identified", 60, 2022, "total", None),
        ("victims_identified", 40, 2022, "part", 60),
        ("victims_identified", 20, 2022, "part", 60),
    }


def test_the_paragraph_year_carries_to_the_next_sentence() -> None:
    text = "Fiji: 2023 Trafficking in Persons Report\n\nThe government identified 79 victims in 2022. The government also identified 1,204 potential victims.\n\nThe police investigated 12 cases."
    got = rows(text)
    assert ("victims_identified", 1204, 2022, "total") in got
    assert ("investigations", 12, 2023, "total") in got


def test_scope_is_stored_and_read_back() -> None:
    from tipkb.extract import extract
    from tipkb.model import fact_from_dict

    for fact in extract(
        "Since 2015, courts have convicted 40 traffickers, including 12 labor traffickers.", "fiji.txt"
    ):
        again = fact_from_dict(fact.to_dict())
        assert again == fact


def parts(text: str) -> set[tuple[str, int, int | None, str, int | None]]:
    return {
        (f["metric"], f["value"], f["year"], f["scope"], f["part_of"])
        for f in facts_of(text, "statistic", "fiji.txt")
    }


def test_other_forms_in_the_bracket_after_a_total_are_parts() -> None:
    text = "In 2019 police identified 300 victims (200 sex trafficking, 70 labor trafficking, and 30 victims of unknown exploitation), compared with 280 in 2018."
    got = parts(text)
    assert ("victims_identified", 30, 2019, "part", 300) in got
    assert ("victims_identified", 280, 2018, "total", None) in got


def test_a_list_of_parts_goes_on() -> None:
    text = (
        "In 2021 the government identified 50 victims. Of the 50 victims identified, traffickers exploited 20 victims "
        "in sex trafficking, 25 victims in forced labor, and five victims for other purposes."
    )
    assert parts(text) == {
        ("victims_identified", 50, 2021, "total", None),
        ("victims_identified", 20, 2021, "part", 50),
        ("victims_identified", 25, 2021, "part", 50),
        ("victims_identified", 5, 2021, "part", 50),
    }


def test_a_partitive_sentence_gives_parts() -> None:
    text = "In 2021 officials identified 40 victims. Of these victims, 30 were adults and one identified as nonbinary."
    got = parts(text)
    assert ("victims_identified", 40, 2021, "total", None) in got
    assert ("victims_identified", 1, 2021, "part", 40) in got  # the total stated the sentence before


def test_counts_with_a_total_and_sub_groups_after_the_noun() -> None:
    got = parts(
        "In 2019 courts convicted nine traffickers, compared to zero in 2018, with two traffickers sentenced to prison."
    )
    assert ("convictions", 2, 2019, "part", 9) in got
    assert ("convictions", 0, 2018, "total", None) in got
    assert parts("In 2019 authorities identified four victims younger than 16.") == {
        ("victims_identified", 4, 2019, "part", None)
    }
    assert ("investigations", 5, 2019, "part", None) in parts(
        "In 2019 police investigated 12 cases, finding five of these cases to be trafficking."
    )
    assert ("convictions", 3, 2019, "total", None) in parts(
        "In 2019 judges convicted three traffickers under the law."
    )


def test_ongoing_cases_are_parts() -> None:
    got = parts("In 2020 prosecutors charged 11 suspects and continued prosecuting 14 defendants.")
    assert got == {("prosecutions", 11, 2020, "total", None), ("prosecutions", 14, 2020, "part", None)}


def test_coordinated_victim_verbs_give_each_metric() -> None:
    got = rows("In 2007 police broke up a ring; four victims were identified and assisted as a result.")
    assert got == {("victims_identified", 4, 2007, "total"), ("victims_assisted", 4, 2007, "total")}
    got = rows("In 2007 officials identified and referred 30 victims to shelters.")
    assert got == {("victims_identified", 30, 2007, "total"), ("victims_assisted", 30, 2007, "total")}


def test_people_said_to_be_exploited_are_victims() -> None:
    got = rows("In 2009, 25 persons were obliged to beg and 40 women had been sexually exploited.")
    assert ("victims_identified", 25, 2009, "part") in got  # begging: a part by form
    assert ("victims_identified", 40, 2009, "part") in got  # women: a part by sex
    assert rows("In 2009, 25 persons were arrested.") == set()


def test_counts_in_a_partitive_with_modifiers_and_gerunds() -> None:
    assert ("prosecutions", 9, 2019, "total") in rows(
        "In 2019 the state initiated prosecutions in all nine of the confirmed cases."
    )
    got = rows(
        "In 2019 the government reported initiating 14 investigations, charging 9 suspects and convicting 4 traffickers."
    )
    assert got == {
        ("investigations", 14, 2019, "total"),
        ("prosecutions", 9, 2019, "total"),
        ("convictions", 4, 2019, "total"),
    }


def test_a_partitive_of_the_group_and_such_victims_are_parts() -> None:
    got = parts(
        "In 2018 officials identified 60 victims. Twelve of the identified victims were children (four in 2017)."
    )
    assert ("victims_identified", 12, 2018, "part", 60) in got
    assert ("victims_identified", 4, 2017, "part", None) in got
    assert ("victims_identified", 60, 2018, "total", None) in got
    assert parts("In 2019 inspectors registered nine such victims.") == {
        ("victims_identified", 9, 2019, "part", None)
    }


def test_new_before_the_noun_is_no_currency() -> None:
    assert rows(
        "In 2021 the police reported 12 new investigations, compared with 19 in the previous year."
    ) == {
        ("investigations", 12, 2021, "total"),
        ("investigations", 19, 2020, "total"),
    }


def test_officials_among_a_total_take_its_metric() -> None:
    assert rows("In 2021 courts convicted 14 traffickers, including two government officials.") == {
        ("convictions", 14, 2021, "total"),
        ("officials_convicted", 2, 2021, "total"),
    }


def test_a_count_of_them_after_its_verb() -> None:
    assert rows("In 2020 police arrested 40 suspects and prosecutors indicted 25 of them.") == {
        ("prosecutions", 25, 2020, "total")
    }


def test_total_verb_with_from_and_to() -> None:
    assert rows("Investigations increased from 10 in 2016 to 25 in 2017.") == {
        ("investigations", 10, 2016, "total"),
        ("investigations", 25, 2017, "total"),
    }


def test_previous_years_is_no_year_before() -> None:
    # "from previous years" says where the cases come from, not that the count is last year's.
    assert rows("In 2021 prosecutors continued to prosecute 18 cases initiated in previous years.") == {
        ("prosecutions", 18, 2021, "part")
    }


def test_rescued_victims_are_identified() -> None:
    assert ("victims_identified", 250, 2021, "total") in rows("In 2021 police rescued 250 victims.")


def test_prosecutions_against_defendants_count_the_prosecutions() -> None:
    assert rows("In 2021 prosecutors initiated 28 prosecutions against 41 defendants.") == {
        ("prosecutions", 28, 2021, "total")
    }


def test_convicted_some_of_the_defendants() -> None:
    assert rows("In 2021 judges convicted 16 of the 22 defendants.") == {("convictions", 16, 2021, "total")}


def test_placed_in_shelters_and_ongoing_cases() -> None:
    assert rows("In 2021 the state placed 40 victims in shelters.") == {
        ("victims_assisted", 40, 2021, "total")
    }
    assert rows("In 2021 the courts reported 38 ongoing prosecutions.") == {
        ("prosecutions", 38, 2021, "part")
    }


def test_a_sentence_opening_with_the_previous_year() -> None:
    text = "Fiji: 2022 Trafficking in Persons Report\n\nIn the previous year, police identified 20 victims."
    assert rows(text) == {("victims_identified", 20, 2021, "total")}


def test_since_an_event_is_cumulative() -> None:
    fact = one(
        "Over 2,000 victims have been identified since the hotline was launched.", "victims_identified", 2000
    )
    assert (fact["year"], fact["scope"], fact["span"]) == (None, "cumulative", None)


def test_a_sub_group_counted_after_the_years_total_is_a_part_of_it() -> None:
    text = TIP + (
        "Fiji is a source country. Police identified 64 victims (40 of sex trafficking and 24 of labor "
        "trafficking) in 2020, compared with 51 in 2019. Police identified two foreign victims (none in "
        "2019), and shelters assisted 12 Fijian victims."
    )
    foreign = one(text, "victims_identified", 2)
    assert (foreign["scope"], foreign["part_of"], foreign["year"]) == ("part", 64, 2020)
    assert one(text, "victims_identified", 0)["scope"] == "part"  # the same sub-group in 2019
    assert one(text, "victims_identified", 64)["scope"] == "total"
    # no total of assisted victims stated: the count of its own
    assert one(text, "victims_assisted", 12)["scope"] == "total"


def test_an_of_these_opening_gives_its_bare_counts_the_metric_of_the_group_before() -> None:
    text = TIP + (
        "Fiji is a source country. Police opened 30 investigations in 2020. Of these, 17 involved labor "
        "trafficking, 11 sex trafficking, and two both forms."
    )
    assert rows(text) == {
        ("investigations", 30, 2020, "total"),
        ("investigations", 17, 2020, "part"),
        ("investigations", 11, 2020, "part"),
    }
    assert one(text, "investigations", 17)["exploitation"] == "labor"
    assert one(text, "investigations", 17)["part_of"] == 30


def test_an_opening_that_names_cases_and_their_verb_gives_the_metric_and_year() -> None:
    text = TIP + (
        "Fiji is a source country. Of the cases prosecuted in 2019, 40 concerned sex trafficking, 13 labor "
        "trafficking, and the rest other forms."
    )
    assert rows(text) == {("prosecutions", 40, 2019, "part"), ("prosecutions", 13, 2019, "part")}


def test_parts_after_a_semicolon_that_follows_the_totals_year() -> None:
    text = TIP + (
        "Fiji is a source country. Police identified 21 victims in 2020; 13 were victims of forced labor, "
        "six were exploited in sex trafficking, and two children were forced to beg."
    )
    assert {(r[1], r[3]) for r in rows(text)} == {(21, "total"), (13, "part"), (6, "part"), (2, "part")}
    assert one(text, "victims_identified", 13)["exploitation"] == "labor"
    assert one(text, "victims_identified", 13)["year"] == 2020


def test_a_year_opening_the_last_clause_dates_its_bare_count() -> None:
    text = TIP + (
        "Fiji is a source country. Courts convicted 11 persons in 2019 and eight in 2020; in 2018, six "
        "persons were convicted, and in 2017, four."
    )
    assert rows(text) == {
        ("convictions", 11, 2019, "total"),
        ("convictions", 8, 2020, "total"),
        ("convictions", 6, 2018, "total"),
        ("convictions", 4, 2017, "total"),
    }


def test_the_same_actor_going_on_after_a_semicolon_still_counts_officials() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the government prosecuted two officials and convicted one of "
        "them; it convicted none in 2019."
    )
    assert rows(text) == {
        ("officials_prosecuted", 2, 2020, "total"),
        ("officials_convicted", 1, 2020, "total"),
        ("officials_convicted", 0, 2019, "total"),
    }


def test_counts_after_a_count_of_officials_stay_counts_of_officials() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, six officials, most of them customs officers, were prosecuted "
        "for complicity in trafficking offences and two were convicted. The government investigated four "
        "officials in 2020 and prosecuted three, compared with five prosecutions in 2019."
    )
    assert {r for r in rows(text) if r[0].startswith("officials")} == {
        ("officials_prosecuted", 6, 2020, "total"),
        ("officials_convicted", 2, 2020, "total"),
        ("officials_prosecuted", 3, 2020, "total"),
        ("officials_prosecuted", 5, 2019, "total"),
    }
    assert not {r for r in rows(text) if r[0] in ("prosecutions", "convictions")}


def test_survivors_are_victims_in_the_ngo_register() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, we gave shelter to 41 survivors. Caseworkers confirmed 57 "
        "survivors of trafficking, up from 44 in 2019."
    )
    assert rows(text) == {
        ("victims_assisted", 41, 2020, "total"),
        ("victims_identified", 57, 2020, "total"),
        ("victims_identified", 44, 2019, "total"),
    }


def test_a_metric_noun_before_a_count_of_people_gives_its_metric() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the government prosecuted nine cases and obtained convictions "
        "against 11 traffickers."
    )
    assert rows(text) == {("prosecutions", 9, 2020, "total"), ("convictions", 11, 2020, "total")}


def test_people_cared_for_named_in_a_noun_phrase_or_sent_home_are_assisted() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the consulate assisted in the return of 38 women. Police "
        "returned 71 children to their families. Shelters received 19 victims."
    )
    assert rows(text) == {
        ("victims_assisted", 38, 2020, "total"),
        ("victims_assisted", 71, 2020, "total"),
        ("victims_assisted", 19, 2020, "total"),
    }
    assert rows("Fiji is a source country. In 2020, police returned 12 suspects to custody.") == set()


def test_proceedings_or_charges_against_defendants_are_prosecutions() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the state prosecution initiated proceedings against 31 "
        "defendants (27 in 2019). Prosecutors brought charges in nine cases against 20 defendants (seven "
        "cases against 15 defendants in 2019). It referred all 12 victims to care."
    )
    assert rows(text) == {
        ("prosecutions", 31, 2020, "total"),
        ("prosecutions", 27, 2019, "total"),
        ("prosecutions", 9, 2020, "total"),
        ("prosecutions", 7, 2019, "total"),
        ("victims_assisted", 12, 2020, "total"),
    }
    # police opening proceedings investigate
    assert rows("In 2020, police opened proceedings against 14 suspects.") == {
        ("investigations", 14, 2020, "total")
    }


def test_services_to_others_and_cases_against_labor_recruiters() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the government provided shelter to 18 victims in its shelter for "
        "women and girls, and provided medical and legal services to 44 others. Prosecutors charged seven "
        "cases against labor recruiters, compared with five in 2019."
    )
    assert rows(text) == {
        ("victims_assisted", 18, 2020, "total"),
        ("victims_assisted", 44, 2020, "total"),
        ("prosecutions", 7, 2020, "total"),  # "labor recruiters" names no form of exploitation
        ("prosecutions", 5, 2019, "total"),
    }


def test_people_certified_or_recognized_as_victims_are_identified() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the government certified 30 individuals as victims and "
        "recognized 14 persons as trafficking victims. It recognized three NGOs for their work."
    )
    assert rows(text) == {
        ("victims_identified", 30, 2020, "total"),
        ("victims_identified", 14, 2020, "total"),
    }


def test_counts_named_by_a_noun_phrase_or_an_ngo_word() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the government reported investigating 21 suspected child "
        "trafficking cases, prosecuted nine defendants and obtained convictions of seven. It initiated "
        "prosecutions of two labour ministry officials. Our shelter housed 26 beneficiaries, and social "
        "workers returned the five Tongan boys to their families."
    )
    assert rows(text) == {
        ("investigations", 21, 2020, "total"),
        ("prosecutions", 9, 2020, "total"),
        ("convictions", 7, 2020, "total"),
        ("officials_prosecuted", 2, 2020, "total"),
        ("victims_assisted", 26, 2020, "total"),
        ("victims_assisted", 5, 2020, "total"),  # no total of assisted victims beside it to be a part of
    }


def test_parts_after_a_comparison_and_a_semicolon_are_of_this_years_total() -> None:
    text = TIP + (
        "Fiji is a source country. The government identified 20 victims, compared with 33 victims in the "
        "previous reporting period; 14 were victims of labor trafficking and six were sex trafficking victims."
    )
    assert one(text, "victims_identified", 14)["part_of"] == 20
    assert one(text, "victims_identified", 6)["exploitation"] == "sexual"
    assert one(text, "victims_identified", 33)["year"] == one(text, "victims_identified", 20)["year"] - 1


def test_the_remaining_ones_cared_for_and_the_ones_repatriated_are_assisted() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, the shelter accommodated five of the victims, and the remaining "
        "four received counseling from an NGO. The government repatriated the 12 labor trafficking victims "
        "from Malaysia and returned one girl to her family. Courts convicted nine traffickers; the "
        "remaining six prosecutions did not end in conviction."
    )
    assert {(r[0], r[1]) for r in rows(text)} == {
        ("victims_assisted", 5),
        ("victims_assisted", 4),
        ("victims_assisted", 12),
        ("victims_assisted", 1),
        ("convictions", 9),
    }


def test_indictments_filed_cases_heard_and_care_given() -> None:
    text = TIP + (
        "Fiji is a source country. In 2020, prosecutors filed seven indictments, courts heard 17 trafficking "
        "cases, and the ministry gave 45 victims medical care. The court heard three witnesses."
    )
    assert rows(text) == {
        ("prosecutions", 7, 2020, "total"),
        ("prosecutions", 17, 2020, "total"),
        ("victims_assisted", 45, 2020, "total"),
    }


def test_a_range_of_years_makes_a_cumulative_figure() -> None:
    fact = one("Over the period 2013-2016, courts convicted a total of 64 traffickers.", "convictions", 64)
    assert (fact["scope"], fact["year"], fact["span"]) == ("cumulative", None, [2013, 2016])
    fact = one("During the years 2013–2016, police identified 300 victims.", "victims_identified", 300)
    assert (fact["scope"], fact["span"]) == ("cumulative", [2013, 2016])
    # two years in a row with no word of a period may be a fiscal or reporting year: no cumulative
    fact = one("In 2018-2019, courts convicted 12 traffickers.", "convictions", 12)
    assert fact["scope"] == "total"
