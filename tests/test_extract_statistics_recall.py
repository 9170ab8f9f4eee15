"""More phrasing families of counts (issue 11, recall): each test names a structure, with sentences
written for it."""

from __future__ import annotations

from tests.helpers import facts_of


def stats(text: str, source: str = "fiji.txt") -> set[tuple[str, int, str | None, int | None]]:
    return {
        (f["metric"], f["value"], f["exploitation"], f["year"]) for f in facts_of(text, "statistic", source)
    }


def test_victims_cared_for_by_a_verb_before_them() -> None:
    assert stats("In 2021, hospitals treated 45 trafficking victims.") == {
        ("victims_assisted", 45, None, 2021)
    }
    assert stats("In 2021, state clinics cared for 30 victims.") == {("victims_assisted", 30, None, 2021)}
    assert stats("In 2021, the new shelter hosted 15 victims.") == {("victims_assisted", 15, None, 2021)}
    assert stats("In 2021, the agency treated 12 victims of forced labor.") == {
        ("victims_assisted", 12, "labor", 2021)
    }
    # treated as someone is no care
    assert stats("In 2021, police treated 12 victims as criminals.") == set()


def test_victims_another_party_cared_for() -> None:
    # the report states what IOM or an NGO did for victims (FACTS.md: victims given services)
    assert stats("In 2019, IOM assisted 60 victims, of whom 41 were victims of forced labor.") == {
        ("victims_assisted", 60, None, 2019),
        ("victims_assisted", 41, "labor", 2019),
    }
    assert stats(
        "In 2019, the state shelter housed 14 victims, and NGO-run centres assisted a further 22."
    ) == {
        ("victims_assisted", 14, None, 2019),
        ("victims_assisted", 22, None, 2019),
    }
    # what another party identified or documented is not the government's count
    assert stats("In 2019, IOM identified 12 victims.") == set()


def test_a_dozen_and_a_few() -> None:
    assert stats("In 2021, authorities identified a dozen victims.") == {
        ("victims_identified", 12, None, 2021)
    }
    assert stats("In 2021, authorities identified a few victims.") == set()
    assert stats("In 2021, prosecutors charged a number of suspects.") == set()


def test_one_official_with_no_verb_before() -> None:
    assert stats("In 2021, a border guard was convicted of facilitating trafficking.") == {
        ("officials_convicted", 1, None, 2021)
    }
    assert stats("A customs inspector was indicted in 2020 for accepting bribes from traffickers.") == {
        ("officials_prosecuted", 1, None, 2020)
    }
    assert stats("In 2021, a senior official was dismissed.") == set()
    assert stats("In 2021, a trafficker was convicted.") == set()


def test_the_only_one() -> None:
    assert stats(
        "In 2021, the state shelter housed the only foreign victim, compared with three victims in 2020."
    ) == {
        ("victims_assisted", 1, None, 2021),
        ("victims_assisted", 3, None, 2020),
    }
    assert stats("In 2021, courts issued the only conviction of the year.") == {
        ("convictions", 1, None, 2021)
    }


def test_part_of_the_group_and_the_group() -> None:
    # "N of the M victims identified": M is the total the participle counts, N a part of it
    assert stats("In 2021, 33 of the 40 victims identified were women.") == {
        ("victims_identified", 33, None, 2021),
        ("victims_identified", 40, None, 2021),
    }
    assert stats("In 2021, nine of the 14 defendants prosecuted were convicted.") == {
        ("convictions", 9, None, 2021),
        ("prosecutions", 14, None, 2021),
    }
    # the group the verb picks from is no count of its own
    assert stats("In 2021, courts convicted nine of the 14 defendants.") == {("convictions", 9, None, 2021)}


def test_a_year_between_the_people_and_their_exploitation() -> None:
    got = stats("Most victims were women: 20 of the 26 victims in 2020 were sexually exploited.")
    assert ("victims_identified", 20, "sexual", 2020) in got


def test_a_form_that_accounts_for_a_share() -> None:
    text = (
        "In 2020, the agency recorded 120 identified victims. Forced labor accounted for 70 of the victims"
        " and sex trafficking for 35, while the rest were exploited in begging."
    )
    assert stats(text) == {
        ("victims_identified", 120, None, 2020),
        ("victims_identified", 70, "labor", 2020),
        ("victims_identified", 35, "sexual", 2020),
    }


def test_zero_for_each_metric_of_a_list() -> None:
    assert stats("The government reported no investigations, prosecutions, or convictions in 2021.") == {
        ("investigations", 0, None, 2021),
        ("prosecutions", 0, None, 2021),
        ("convictions", 0, None, 2021),
    }
    assert stats("In 2021, there were no investigations, and 12 prosecutions.") == {
        ("investigations", 0, None, 2021),
        ("prosecutions", 12, None, 2021),
    }


def test_counts_after_their_label() -> None:
    assert stats(
        "In 2021, the ministry gave these figures: investigations (31), prosecutions (12) and convictions (4)."
    ) == {
        ("investigations", 31, None, 2021),
        ("prosecutions", 12, None, 2021),
        ("convictions", 4, None, 2021),
    }
    assert stats("In 2021, the ministry reported investigations: 31; prosecutions: 12; convictions: 4.") == {
        ("investigations", 31, None, 2021),
        ("prosecutions", 12, None, 2021),
        ("convictions", 4, None, 2021),
    }
    assert stats("In 2021, identified victims: 52; victims assisted: 40.") == {
        ("victims_identified", 52, None, 2021),
        ("victims_assisted", 40, None, 2021),
    }
    # a bracket after a count is another year's figure, as before
    assert stats("In 2021, the government reported 22 prosecutions (14 in 2020).") == {
        ("prosecutions", 22, None, 2021),
        ("prosecutions", 14, None, 2020),
    }
    assert stats("In 2021, the ministry reported trafficking victims (52) and suspects (20).") == set()


def test_a_second_verb_in_a_who_clause() -> None:
    assert stats("In 2021, prosecutors charged two police officers, who were later convicted.") == {
        ("officials_prosecuted", 2, None, 2021),
        ("officials_convicted", 2, None, 2021),
    }
    assert stats(
        "In 2021, the state prosecuted one official, a district clerk, who was convicted in court."
    ) == {
        ("officials_prosecuted", 1, None, 2021),
        ("officials_convicted", 1, None, 2021),
    }
    assert stats("In 2021, prosecutors charged two police officers, who remained in detention.") == {
        ("officials_prosecuted", 2, None, 2021)
    }


def test_the_same_count_for_another_place() -> None:
    assert stats("In 2021, about 90 persons were exploited in Germany, and 64 in Austria.") == {
        ("victims_identified", 90, None, 2021),
        ("victims_identified", 64, None, 2021),
    }
    assert stats("In 2021, the government repatriated 30 victims to Nepal and 12 to India.") == {
        ("victims_assisted", 30, None, 2021),
        ("victims_assisted", 12, None, 2021),
    }


def test_crimes_and_offenses_are_cases() -> None:
    assert stats("In 2021, authorities investigated 27 trafficking offenses.") == {
        ("investigations", 27, None, 2021)
    }
    assert stats("In 2021, the police registered 18 trafficking crimes.") == {
        ("investigations", 18, None, 2021)
    }


def test_victims_freed_or_removed_from_exploitation() -> None:
    assert stats("In 2021, labor inspectors freed 36 workers from forced labor.") == {
        ("victims_identified", 36, "labor", 2021)
    }
    assert stats("In 2021, police removed 19 victims from their exploiters.") == {
        ("victims_identified", 19, None, 2021)
    }


def test_zeros_of_any_and_no_one() -> None:
    assert stats("In 2021, the government did not secure any convictions.") == {
        ("convictions", 0, None, 2021)
    }
    assert stats("In 2021, courts convicted no one for trafficking.") == {("convictions", 0, None, 2021)}
    assert stats("In 2021, no one was prosecuted for trafficking.") == {("prosecutions", 0, None, 2021)}
    # not reporting is no data, not a zero; "no one" is never a count of one
    assert stats("The government did not report any convictions in 2021.") == set()
    assert stats("In 2021, no one was identified as a victim.") == set()


def test_another_others_and_a_total_in_care() -> None:
    assert stats("In 2021, the agency sheltered 30 victims and referred 12 others to NGO shelters.") == {
        ("victims_assisted", 30, None, 2021),
        ("victims_assisted", 12, None, 2021),
    }
    assert ("victims_assisted", 20, None, 2021) in stats(
        "In 2021, the ministry sheltered 50 victims, and police referred another 20 adult victims to NGOs for care."
    )
    assert stats("In 2021, the fund provided medical aid to a total of 41 victims.") == {
        ("victims_assisted", 41, None, 2021)
    }


def test_officials_listed_after_one_verb_are_summed() -> None:
    # the verb counts every group it names: one count, their sum
    assert stats("In 2022, prosecutors indicted a customs officer and a border guard for complicity.") == {
        ("officials_prosecuted", 2, None, 2022)
    }
    assert stats("In 2022, the court convicted two police officers, a judge and three soldiers.") == {
        ("officials_convicted", 6, None, 2022)
    }
    assert stats("In 2022, investigators charged one tax inspector and two police officers.") == {
        ("officials_prosecuted", 3, None, 2022)
    }
    # a list after a comma that restates who the officials were is no second group
    assert stats(
        "In 2022, the state prosecuted four officials, three police officers and a municipal employee, "
        "for taking bribes from traffickers."
    ) == {("officials_prosecuted", 4, None, 2022)}
    # traffickers after officials are no officials
    assert stats("In 2022, courts convicted two officials and five traffickers.") == {
        ("officials_convicted", 2, None, 2022),
        ("convictions", 5, None, 2022),
    }


def test_victims_brought_home_or_to_care() -> None:
    assert stats("In 2020, the ministry reunited 14 children with their parents.") == {
        ("victims_assisted", 14, None, 2020)
    }
    assert stats(
        "In 2020, of the 40 children removed from the farms, 25 were placed in a state shelter and 15 "
        "were returned to their families."
    ) >= {("victims_assisted", 25, None, 2020), ("victims_assisted", 15, None, 2020)}
    # a verb's place of care between it and the count
    assert stats("In 2020, police identified and referred to care 61 trafficking victims.") == {
        ("victims_identified", 61, None, 2020),
        ("victims_assisted", 61, None, 2020),
    }
    # returned to a place that is no home is no care
    assert stats("In 2020, the authorities returned 30 migrants to the border.") == set()


def test_the_number_of_cases_sent_to_court_was() -> None:
    # the subject names the metric and the year; the copula gives the count
    assert stats("The number of cases brought to trial in 2019 was 33, against 28 cases tried in 2018.") == {
        ("prosecutions", 33, None, 2019),
        ("prosecutions", 28, None, 2018),
    }


def test_parts_of_a_victims_count_keep_its_metric() -> None:
    # the parts split by exploitation are of the victims the total counts (here assisted), not new
    # identifications
    text = (
        "In 2018, NGOs assisted 70 victims. Of the 70 victims, 52 had been trafficked for forced labor "
        "and 18 for sexual exploitation."
    )
    assert stats(text) == {
        ("victims_assisted", 70, None, 2018),
        ("victims_assisted", 52, "labor", 2018),
        ("victims_assisted", 18, "sexual", 2018),
    }
    assert stats("In 2018, the state shelter housed 33 victims: 21 had been forced into labor.") == {
        ("victims_assisted", 33, None, 2018),
        ("victims_assisted", 21, "labor", 2018),
    }


def test_a_figure_named_again_by_the_number_or_the_total() -> None:
    # "the number", "the figure", "the total", "it" carry the metric of the count stated before them
    text = (
        "In 2010 prosecutors registered 64 trafficking proceedings; the following year the number rose "
        "to 70, and in 2012 it fell again to 58."
    )
    assert stats(text) == {
        ("investigations", 64, None, 2010),
        ("investigations", 70, None, 2011),
        ("investigations", 58, None, 2012),
    }
    text = "Courts convicted 25 traffickers in 2009. In 2010 the figure was 31."
    assert stats(text) == {("convictions", 25, None, 2009), ("convictions", 31, None, 2010)}
    text = (
        "Police opened 12 investigations in 2015. The total then jumped to a record 40 in 2016, before "
        "falling back to 22 in 2017."
    )
    assert stats(text) == {
        ("investigations", 12, None, 2015),
        ("investigations", 40, None, 2016),
        ("investigations", 22, None, 2017),
    }
    # a number with no figure before it points back to nothing
    assert stats("Police opened 12 investigations in 2015. The unit then moved to 14 regional offices.") == {
        ("investigations", 12, None, 2015)
    }


def test_the_following_year_is_the_year_after_the_one_stated() -> None:
    text = "In 2016, police identified 45 victims. The next year, they identified 52 victims."
    assert stats(text) == {("victims_identified", 45, None, 2016), ("victims_identified", 52, None, 2017)}


def test_passive_counts_of_people_recognized_as_victims_and_cases_for_an_offence() -> None:
    assert stats("In 2019, 230 people were formally recognized as victims of trafficking.") == {
        ("victims_identified", 230, None, 2019)
    }
    assert stats(
        "Police records show 19 criminal proceedings for trafficking in persons were opened in 2018."
    ) == {("investigations", 19, None, 2018)}
    assert stats("In 2018 the prosecution office registered 40 pre-trial proceedings for trafficking.") == {
        ("investigations", 40, None, 2018)
    }


def test_people_a_verb_of_justice_counts_whoever_they_are() -> None:
    # the verb names the metric; the people may be employers, recruiters, teachers
    assert stats("In 2011, prosecutors charged six employers.") == {("prosecutions", 6, None, 2011)}
    assert stats("In 2011, courts convicted five labor recruiters.") == {("convictions", 5, None, 2011)}
    # people a verb of care counts are assisted
    assert stats("In 2011, the ministry repatriated 40 Ethiopian maids.") == {
        ("victims_assisted", 40, None, 2011)
    }
    assert stats("In 2011, the state centre gave shelter to 95 children.") == {
        ("victims_assisted", 95, None, 2011)
    }


def test_sent_to_judges_and_reaching_the_courts_are_prosecutions() -> None:
    assert stats("In 2011, police arrested 30 suspects; 18 were brought before a judge.") == {
        ("prosecutions", 18, None, 2011)
    }
    assert stats("In 2011 only five cases reached the courts and seven people were found guilty.") == {
        ("prosecutions", 5, None, 2011),
        ("convictions", 7, None, 2011),
    }
    assert stats("In 2012 the number of people found guilty fell to three.") == {
        ("convictions", 3, None, 2012)
    }


def test_counts_of_cases_with_the_offence_between_noun_and_verb() -> None:
    assert stats("Police data show 44 cases of trafficking opened in 2016 and 39 in 2017.") == {
        ("investigations", 44, None, 2016),
        ("investigations", 39, None, 2017),
    }
    # "but only" goes on with the same metric for another year
    assert stats("Police opened 25 labor trafficking investigations in 2009 but only four in 2012.") >= {
        ("investigations", 25, "labor", 2009),
        ("investigations", 4, None, 2012),
    }


def test_partitive_openings_with_a_year_and_the_remaining_part() -> None:
    text = "In 2013, police opened 30 probes. Of the 2013 probes, 20 concerned sexual exploitation and ten forced labor."
    assert stats(text) == {
        ("investigations", 30, None, 2013),
        ("investigations", 20, "sexual", 2013),
        ("investigations", 10, "labor", 2013),
    }
    text = (
        "The agency recorded 90 identified victims in 2013, of whom 70 were exploited sexually; the "
        "remaining 20 were victims of forced begging."
    )
    assert ("victims_identified", 20, "begging", 2013) in stats(text)


def test_one_official_named_with_a_place_and_officials_cases() -> None:
    assert stats("In 2014 a customs officer in Durban was indicted.", "south-africa.txt") == {
        ("officials_prosecuted", 1, None, 2014)
    }
    text = "In 2014, police investigated 20 officials for complicity, but only three of these cases reached the courts."
    assert stats(text) == {("officials_prosecuted", 3, None, 2014)}


def test_comparisons_by_a_possessive_of_time_or_a_sentence_of_their_own() -> None:
    assert stats("In 2017, police investigated 30 cases, compared with the previous year's 22.") == {
        ("investigations", 30, None, 2017),
        ("investigations", 22, None, 2016),
    }
    assert stats("In 2017, courts convicted nine traffickers, against 2016's five.") == {
        ("convictions", 9, None, 2017),
        ("convictions", 5, None, 2016),
    }
    text = (
        "In 2017, the government identified 310 victims. This compared with 280 victims in the previous year."
    )
    assert stats(text) == {("victims_identified", 310, None, 2017), ("victims_identified", 280, None, 2016)}


def test_a_section_headed_by_a_year_dates_its_counts() -> None:
    text = (
        "Human trafficking in Fiji\n\n=== 2013 ===\nThe police opened 41 investigations. Courts convicted "
        "six traffickers.\n\n=== 2016 ===\nThe police opened 52 investigations.\n"
    )
    assert stats(text) == {
        ("investigations", 41, None, 2013),
        ("convictions", 6, None, 2013),
        ("investigations", 52, None, 2016),
    }


def test_room_for_people_is_no_count_of_them() -> None:
    assert stats("In 2017, the state shelter had capacity for 20 victims.") == set()
    assert stats("In 2017, the ministry opened investigations into 14 of them.") == {
        ("investigations", 14, None, 2017)
    }
    assert stats("In 2017, it sheltered nine victims and gave legal aid to four who chose to testify.") == {
        ("victims_assisted", 9, None, 2017),
        ("victims_assisted", 4, None, 2017),
    }


def test_child_as_a_modifier_of_offenders_and_verbs_coordinated_with_a_metric_verb() -> None:
    assert stats("In 2012, police prosecuted 15 suspected child traffickers.") == {
        ("prosecutions", 15, None, 2012)
    }
    # the metric verb may be the first of two ("identified and discharged")
    assert ("victims_identified", 40, "child_soldiers", 2012) in stats(
        "In 2012, the army identified and released 40 child soldiers."
    )


def test_in_that_year_and_a_partitive_year_date_their_counts() -> None:
    text = "After the 2018 raids, prosecutors brought charges against 27 suspects in that year."
    assert stats(text) == {("prosecutions", 27, None, 2018)}
    text = "In 2011, police opened 21 probes. Of the 2011 probes, 15 concerned sexual exploitation."
    assert ("investigations", 15, "sexual", 2011) in stats(text)


def test_none_after_officials_and_counts_that_are_no_statistic() -> None:
    text = "In 2009, three gendarmes accused of taking bribes were suspended, but none were prosecuted."
    assert stats(text) == {("officials_prosecuted", 0, None, 2009)}
    assert stats("In 2009, police arrested 12 suspects, but none were prosecuted.") == {
        ("prosecutions", 0, None, 2009)
    }
    # no metric counts officials investigated
    assert stats("In 2009, the police reported no investigations of officials for complicity.") == set()
    # another country's authorities count for that country, not the subject
    assert stats("In 2009, Thai authorities identified 35 Fijian victims of forced labor.") == set()
    # what victims chose to do is no count of the verb before them
    text = "In 2009, the government repatriated 20 victims; six victims chose to remain in the country."
    assert stats(text) == {("victims_assisted", 20, None, 2009)}


def test_a_partitive_year_holds_without_a_report_year() -> None:
    text = "Human trafficking in Fiji\n\nOf the 2015 probes, 11 concerned forced labour and four sexual exploitation.\n"
    assert stats(text) == {("investigations", 11, "labor", 2015), ("investigations", 4, "sexual", 2015)}


def test_people_a_verb_of_care_counts_are_assisted() -> None:
    assert stats("In 2019, the government assisted 210 individuals.") == {
        ("victims_assisted", 210, None, 2019)
    }
    assert stats("In 2019, the ministry provided shelter to 40 persons.") == {
        ("victims_assisted", 40, None, 2019)
    }
    assert stats("In 2019, victim assistance was provided to 25 individuals.") == {
        ("victims_assisted", 25, None, 2019)
    }
    # sent to prosecutors, the people are cases
    assert stats("In 2019, police referred 20 persons to prosecutors.") == {("prosecutions", 20, None, 2019)}
    assert stats("In 2019, hotline calls led to the identification of 40 victims.") == {
        ("victims_identified", 40, None, 2019)
    }


def test_a_total_named_again_by_its_number_and_a_subject_with_a_relative_clause() -> None:
    text = (
        "In 2021, the police referred 60 potential victims to the support programme. Of the 60 "
        "referrals, 35 involved forced labour and 25 sexual exploitation."
    )
    assert stats(text) == {
        ("victims_assisted", 60, None, 2021),
        ("victims_assisted", 35, "labor", 2021),
        ("victims_assisted", 25, "sexual", 2021),
    }
    text = (
        "The number of persons granted victim status, which opens the state rehabilitation programme to "
        "them, was 18 in 2014 and 26 in 2015."
    )
    assert stats(text) == {("victims_identified", 18, None, 2014), ("victims_identified", 26, None, 2015)}


def test_a_group_named_again_shared_nouns_and_other_fates() -> None:
    text = "In 2018, police identified 40 victims. Of the 40, 31 were women exploited in sex trafficking."
    assert ("victims_identified", 31, "sexual", 2018) in stats(text)
    text = "In 2018, the ministry returned 30 Malian and 12 Guinean children to their families."
    assert stats(text) == {("victims_assisted", 30, None, 2018), ("victims_assisted", 12, None, 2018)}
    text = (
        "In 2018, police identified 90 victims. Of the 90 identified victims, 50 were women and 40 were "
        "men; 70 were labor trafficking victims and 20 were sex trafficking victims."
    )
    assert {("victims_identified", 70, "labor", 2018), ("victims_identified", 20, "sexual", 2018)} <= stats(
        text
    )
    # the acquitted, the dismissed and the released are no count
    text = "In 2018, courts convicted six traffickers and one defendant was acquitted."
    assert stats(text) == {("convictions", 6, None, 2018)}
    text = "In 2018, prosecutors continued nine prosecutions; three of the cases were dismissed."
    assert stats(text) == {("prosecutions", 9, None, 2018)}
    text = "In 2018, prosecutors initiated 20 new cases. Of the new cases, 15 involved forced labor."
    assert ("investigations", 15, "labor", 2018) in stats(text)
    assert stats("In 2018, the state sheltered 40 victims and NGO shelters housed 12 more.") == {
        ("victims_assisted", 40, None, 2018),
        ("victims_assisted", 12, None, 2018),
    }
    assert stats("In 2018, officials took bribes, but no official has been prosecuted.") == {
        ("officials_prosecuted", 0, None, 2018)
    }


def test_inspections_demonyms_exploited_and_care_after_an_including_list() -> None:
    # a conjunction ends the words between a count and its noun: the inspections are no count
    assert stats(
        "In 2019, labor inspectors carried out 900 labor inspections but identified no victims."
    ) == {("victims_identified", 0, None, 2019)}
    assert stats("In 2019, the ministry repatriated 210 Fijians exploited in online scam operations.") == {
        ("victims_assisted", 210, "criminality", 2019)
    }
    text = (
        "In 2019, the ministry identified 90 victims, including 60 children exploited in begging and 30 "
        "in forced labor, and referred all of them to NGO services."
    )
    assert ("victims_assisted", 90, None, 2019) in stats(text)
    text = "In 2019, police investigated 11 cases and referred three of them to the judiciary."
    assert stats(text) == {("investigations", 11, None, 2019), ("prosecutions", 3, None, 2019)}


def test_bracketed_counts_after_a_form_of_exploitation() -> None:
    text = (
        "In 2018, police identified 30 victims. The victims were exploited for sexual exploitation (14), "
        "forced labour (8), forced begging (5) and other forms (3)."
    )
    assert {
        ("victims_identified", 14, "sexual", 2018),
        ("victims_identified", 8, "labor", 2018),
        ("victims_identified", 5, "begging", 2018),
    } <= stats(text)
    text = (
        "In 2018, police identified 40 victims. Forced labour was the most common form, accounting for "
        "21 victims, followed by sexual exploitation (12) and forced criminality (7)."
    )
    assert {
        ("victims_identified", 21, "labor", 2018),
        ("victims_identified", 12, "sexual", 2018),
        ("victims_identified", 7, "criminality", 2018),
    } <= stats(text)


def test_passive_cases_brought_and_handed_down_status_granted_and_counselling() -> None:
    assert stats("In 2016, prosecutions were brought against 14 persons, compared to 8 in 2015.") == {
        ("prosecutions", 14, None, 2016),
        ("prosecutions", 8, None, 2015),
    }
    assert stats("Convictions were handed down against five persons in 2019 and against four in 2020.") >= {
        ("convictions", 5, None, 2019)
    }
    assert stats("In 2021, the council granted the status of victim of trafficking to 20 persons.") == {
        ("victims_identified", 20, None, 2021)
    }
    assert stats("In 2021, counselling centres advised 611 victims.") == {
        ("victims_assisted", 611, None, 2021)
    }
    # "after N the year before" is the year before's figure, and does not date the count before it
    assert stats("In 2021, the proceedings identified 417 victims, after 476 the year before.") == {
        ("victims_identified", 417, None, 2021),
        ("victims_identified", 476, None, 2020),
    }


def test_a_heading_over_labelled_lines_names_their_metric() -> None:
    text = "Fiji 2017 report\n\nNumber of persons convicted of trafficking, by sex\n2014: 6 (4 females, 2 males)\n2015: 3\n"
    assert {("convictions", 6, None, 2014), ("convictions", 3, None, 2015)} <= stats(text)


def test_officials_zeros_in_lists_and_cases_of_complicity() -> None:
    text = "There were no investigations, prosecutions or convictions of complicit officials in 2022."
    assert stats(text) == {("officials_prosecuted", 0, None, 2022), ("officials_convicted", 0, None, 2022)}
    assert stats("No cases of official complicity were prosecuted in 2021.") == {
        ("officials_prosecuted", 0, None, 2021)
    }
    text = (
        "In 2022, the ministry investigated three officials suspected of fraud but prosecuted none of them."
    )
    assert stats(text) == {("officials_prosecuted", 0, None, 2022)}
    # "any of those cases" of another party is no zero of the year's
    text = "In 2016, NGOs documented 700 cases, but the government did not investigate any of those cases."
    assert stats(text) == set()


def test_n_of_these_opening_and_cases_referred_to_the_public_prosecutor() -> None:
    text = "In 2019, police identified 22 victims. Eleven of these were victims of labour exploitation and nine of sexual exploitation."
    assert {("victims_identified", 11, "labor", 2019), ("victims_identified", 9, "sexual", 2019)} <= stats(
        text
    )
    text = "In 2021, the unit investigated 300 cases, of which it referred 58 to the public prosecutor."
    assert stats(text) == {("investigations", 300, None, 2021), ("prosecutions", 58, None, 2021)}


def test_an_official_named_with_the_body_they_serve() -> None:
    text = (
        "In 2022, one officer of the Bureau of Foreign Employment was prosecuted for issuing false permits."
    )
    assert stats(text) == {("officials_prosecuted", 1, None, 2022)}
    assert ("officials_convicted", 1, None, 2022) in {
        (m, v, None, y)
        for m, v, _, y in stats("In 2022, an inspector of the Ministry of Health was convicted.")
    }


def test_a_long_subject_ranges_of_years_and_investigations_into_complicity() -> None:
    text = (
        "The number of investigations opened by the police into offences under Section 104a of the "
        "Criminal Code (trafficking in human beings) was 52 in 2019 (2018: 41)."
    )
    assert stats(text) == {("investigations", 52, None, 2019), ("investigations", 41, None, 2018)}
    assert stats("In 2020, no investigation into the complicity of public officials was opened.") == set()
    text = "In 2020, the law prescribed penalties rising to one to ten years where the victim is a minor."
    assert stats(text) == set()


def test_a_share_in_brackets_after_a_count() -> None:
    text = (
        "In 2016, police identified 40 victims. Of the 40 victims identified in 2016, 24 (60 per cent) "
        "were trafficked for sexual exploitation and 16 (40%) for forced labour."
    )
    assert {("victims_identified", 24, "sexual", 2016), ("victims_identified", 16, "labor", 2016)} <= stats(
        text
    )


def test_monitoring_report_shapes() -> None:
    text = (
        "According to the authorities, the number of persons who were granted the status of victim of "
        "trafficking was 12 in 2016 and 18 in 2017."
    )
    assert stats(text) == {("victims_identified", 12, None, 2016), ("victims_identified", 18, None, 2017)}
    text = "In 2021, 150 presumed victims were referred to the centre, of whom 40 were formally identified as victims."
    assert ("victims_identified", 40, None, 2021) in stats(text)
    assert stats("Number of persons prosecuted: 2018: 6; 2019: 7.") == {
        ("prosecutions", 6, None, 2018),
        ("prosecutions", 7, None, 2019),
    }
    text = "A total of 421 cases of trafficking were registered by the police in 2022, against 214 cases registered in 2021."
    assert stats(text) == {("investigations", 421, None, 2022), ("investigations", 214, None, 2021)}
    assert ("convictions", 96, None, 2023) in stats("In 2023, courts issued 96 convicting judgments.")


def test_of_the_total_and_of_the_complaints_registered() -> None:
    text = "In 2023, police identified 90 victims. Of the total, 60 were victims of labour trafficking and 30 of sexual exploitation."
    assert {("victims_identified", 60, "labor", 2023), ("victims_identified", 30, "sexual", 2023)} <= stats(
        text
    )
    text = "In 2023, prosecutors registered 500 complaints. Of the complaints registered in 2023, 300 concerned sexual exploitation."
    assert ("investigations", 300, "sexual", 2023) in stats(text)


def test_provisions_between_noun_and_verb_cases_taken_to_court_and_programmes_entered() -> None:
    text = "In 2021, 289 criminal cases of trafficking under Article 135 of the Criminal Code were initiated (2020: 246)."
    assert stats(text) == {("investigations", 289, None, 2021), ("investigations", 246, None, 2020)}
    text = (
        "In 2022, police registered 400 cases. Of the 400 cases registered in 2022, 160 were taken to court."
    )
    assert ("prosecutions", 160, None, 2022) in stats(text)
    assert stats("The number of officials convicted of corruption was zero in 2020.") == {
        ("officials_convicted", 0, None, 2020)
    }
    assert stats("No public servant was investigated or prosecuted for trafficking in 2023.") == {
        ("officials_prosecuted", 0, None, 2023)
    }
    assert stats("In 2021, 27 victims entered the state support programme.") == {
        ("victims_assisted", 27, None, 2021)
    }


def test_cases_detected_are_recorded_not_victims() -> None:
    text = "In 2022, border units detected and investigated 75 cases of trafficking, down 10 per cent from the 83 cases detected in 2021."
    assert stats(text) == {("investigations", 75, None, 2022), ("investigations", 83, None, 2021)}
    # complaints registered are no investigations by themselves
    assert stats(
        "In 2020, the police registered 31 complaints and opened investigations into 20 of them."
    ) == {("investigations", 20, None, 2020)}


def test_proceedings_against_people_and_officials() -> None:
    assert stats("In 2021, prosecutors filed charges (requerimientos) against 140 defendants.") == {
        ("prosecutions", 140, None, 2021)
    }
    assert stats("In 2020, criminal proceedings were instituted against three officials for complicity.") == {
        ("officials_prosecuted", 3, None, 2020)
    }
    # cases opened against people are investigations; against officials, their prosecution
    assert stats("In 2019, cases were opened against 44 persons.") == {("investigations", 44, None, 2019)}
    assert stats("In 2019, criminal cases were opened against five officials.") == {
        ("officials_prosecuted", 5, None, 2019)
    }


def test_cases_prosecutors_open_are_prosecutions() -> None:
    assert stats("In 2020 the public prosecution opened 51 judicial cases (2019: 38).") == {
        ("prosecutions", 51, None, 2020),
        ("prosecutions", 38, None, 2019),
    }
    assert stats("In 2020 the Office of the Chief Prosecutor registered 19 new trafficking cases.") == {
        ("prosecutions", 19, None, 2020)
    }
    # cases the police open, or the pre-trial proceedings prosecutors register, are investigations
    assert stats("In 2020 the police opened 51 cases.") == {("investigations", 51, None, 2020)}
    assert stats("In 2020 the prosecution service registered 77 pre-trial proceedings.") == {
        ("investigations", 77, None, 2020)
    }
    assert stats("In 2006 the police uncovered 18 trafficking cases, down from 25 in 2005.") == {
        ("investigations", 18, None, 2006),
        ("investigations", 25, None, 2005),
    }
