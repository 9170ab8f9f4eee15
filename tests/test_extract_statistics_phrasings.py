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


def test_victims_provided_with_care() -> None:
    assert stats("In 2021, the ministry provided 40 victims with shelter.") == {
        ("victims_assisted", 40, None, 2021)
    }
    assert stats("In 2021, 25 victims benefited from state-funded assistance.") == {
        ("victims_assisted", 25, None, 2021)
    }
    assert stats("In 2021, 14 victims stayed in government shelters.") == {
        ("victims_assisted", 14, None, 2021)
    }
    # care for things that are not people is no count
    assert stats("In 2021, the ministry provided 40 shelters with funding.") == set()


def test_bare_count_with_its_care() -> None:
    got = stats("In 2021, officials identified 40 victims, of whom 32 received medical care.")
    assert got == {("victims_identified", 40, None, 2021), ("victims_assisted", 32, None, 2021)}
    got = stats("In 2021, officials identified 40 victims and referred 32 to shelters.")
    assert got == {("victims_identified", 40, None, 2021), ("victims_assisted", 32, None, 2021)}
    got = stats("In 2021, officials identified 70 victims; 50 of them were sheltered.")
    assert got == {("victims_identified", 70, None, 2021), ("victims_assisted", 50, None, 2021)}
    got = stats("During 2021, officials identified 40 victims. Of these, 30 received shelter.")
    assert got == {("victims_identified", 40, None, 2021), ("victims_assisted", 30, None, 2021)}
    # a count of something else that is given care words
    assert stats("In 2021, 30 received training on victim assistance.") == set()


def test_the_sentence_year_holds_for_its_later_counts() -> None:
    got = stats(
        "The agency said it identified 40 trafficking victims in 2021 and that 35 received services.",
        source="fiji-2022.txt",
    )
    assert got == {("victims_identified", 40, None, 2021), ("victims_assisted", 35, None, 2021)}


def test_parts_after_a_bracketed_year_belong_to_the_total() -> None:
    got = stats(
        "In 2022, the unit reported identifying 349 victims (210 in 2021), including 147 sex trafficking victims and 52 labor trafficking victims."
    )
    assert got == {
        ("victims_identified", 349, None, 2022),
        ("victims_identified", 210, None, 2021),
        ("victims_identified", 147, "sexual", 2022),
        ("victims_identified", 52, "labor", 2022),
    }
    got = stats(
        "In 2022, prosecutors charged 37 suspects (46 in 2021) and continued prosecutions of 54 defendants from previous years."
    )
    assert ("prosecutions", 54, None, 2021) not in got
    assert {("prosecutions", 37, None, 2022), ("prosecutions", 46, None, 2021)} <= got


def test_split_after_a_colon_or_dash() -> None:
    for link in (":", "—"):
        got = stats(
            f"The agency identified 12 victims in 2021{link} seven of sex trafficking and five of forced labor."
        )
        assert got == {
            ("victims_identified", 12, None, 2021),
            ("victims_identified", 7, "sexual", 2021),
            ("victims_identified", 5, "labor", 2021),
        }


def test_officials_counted_by_a_later_bare_verb() -> None:
    got = stats("In 2021, prosecutors charged three police officers for complicity and convicted one.")
    assert got == {("officials_prosecuted", 3, None, 2021), ("officials_convicted", 1, None, 2021)}
    got = stats("In 2021, prosecutors charged three traffickers and convicted one.")
    assert got == {("prosecutions", 3, None, 2021), ("convictions", 1, None, 2021)}


def test_respectively_gives_one_year_to_each_count() -> None:
    got = stats("Investigators opened 20 and 24 cases in 2020 and 2021, respectively.")
    assert got == {("investigations", 20, None, 2020), ("investigations", 24, None, 2021)}
    got = stats("Courts convicted five and eight traffickers in 2020 and 2021.")
    assert len(got) == 4  # without "respectively" each count may be for either year


def test_the_same_as_in_another_year() -> None:
    got = stats("In 2021, judges convicted two traffickers, the same number as in 2020.")
    assert got == {("convictions", 2, None, 2021)}


def test_bare_passive_after_a_relative() -> None:
    got = stats("In 2021, investigators examined 43 cases, of which 20 were sent to court.")
    assert got == {("prosecutions", 20, None, 2021)}
    got = stats("In 2021, prosecutors charged 20 individuals, eight of whom were later convicted.")
    assert got == {("prosecutions", 20, None, 2021), ("convictions", 8, None, 2021)}
    # a breakdown by sentence length is no count of its own
    got = stats("In 2021, judges convicted nine traffickers; four were sentenced to ten years' imprisonment.")
    assert got == {("convictions", 9, None, 2021)}


def test_cases_that_resulted_in_a_verdict() -> None:
    assert stats("In 2021, three cases resulted in convictions.") == {("convictions", 3, None, 2021)}
    assert stats("In 2021, police registered 30 cases of trafficking.") == {
        ("investigations", 30, None, 2021)
    }
    assert stats("In 2021, police recorded 30 trafficking cases.") == {("investigations", 30, None, 2021)}


def test_another_verb_or_pending_cases_continue_no_count() -> None:
    got = stats("In 2021, judges convicted 10 traffickers and acquitted four defendants.")
    assert got == {("convictions", 10, None, 2021)}
    got = stats("In 2021, judges convicted 10 traffickers, while 12 cases remained pending.")
    assert got == {("convictions", 10, None, 2021)}
    got = stats("In 2021, judges convicted 10 traffickers, compared with six traffickers in 2020.")
    assert got == {("convictions", 10, None, 2021), ("convictions", 6, None, 2020)}


def test_a_dash_glued_to_a_number() -> None:
    got = stats(
        "In 2021, the ministry identified 12 victims—seven of sex trafficking and five of forced labor."
    )
    assert ("victims_identified", 7, "sexual", 2021) in got


def test_helped_victims() -> None:
    assert stats("In 2021, the embassy helped 78 victims return home.") == {
        ("victims_assisted", 78, None, 2021)
    }


def test_the_same_victims_cared_for_by_a_pronoun() -> None:
    got = stats(
        "In 2021, police identified one woman exploited in forced labor and referred her to an NGO for care."
    )
    assert ("victims_assisted", 1, "labor", 2021) in got
    got = stats("In 2021, police identified 78 victims and referred them to shelters.")
    assert got == {("victims_identified", 78, None, 2021), ("victims_assisted", 78, None, 2021)}
    got = stats("In 2021, police identified 78 victims, all of whom received assistance.")
    assert got == {("victims_identified", 78, None, 2021), ("victims_assisted", 78, None, 2021)}
    # referred to the police is no care
    got = stats("In 2021, inspectors identified 78 victims and referred them to the police.")
    assert got == {("victims_identified", 78, None, 2021)}


def test_a_comparison_sentence_sets_no_year_for_the_next() -> None:
    text = (
        "Fiji: 2023 Trafficking in Persons Report\n\n"
        "The ministry identified 39 victims in 2022. This compared with eight victims identified in the "
        "previous reporting period. The ministry referred 18 victims to shelters."
    )
    got = stats(text)
    assert got == {
        ("victims_identified", 39, None, 2022),
        ("victims_identified", 8, None, 2021),
        ("victims_assisted", 18, None, 2022),
    }


def test_a_government_funded_ngo_counts_for_the_government() -> None:
    assert stats("In 2021, state-funded NGO shelters assisted 64 victims.") == {
        ("victims_assisted", 64, None, 2021)
    }
    assert stats("In 2021, state-funded NGOs identified 20 victims.") == {
        ("victims_identified", 20, None, 2021)
    }
    assert stats("In 2021, NGOs identified 20 victims.") == set()


def test_victims_exploited_in_the_passive() -> None:
    got = stats("In 2021, 44 victims were sexually exploited and 21 were forced into labor.")
    assert got == {("victims_identified", 44, "sexual", 2021), ("victims_identified", 21, "labor", 2021)}


def test_up_from_a_figure_without_a_year() -> None:
    got = stats("In 2021, the ministry identified 130 victims, up from 85.")
    assert got == {("victims_identified", 130, None, 2021), ("victims_identified", 85, None, 2020)}
    got = stats(
        "In 2021, judges convicted 10 traffickers under the trafficking law and another four under other laws."
    )
    assert got == {("convictions", 10, None, 2021), ("convictions", 4, None, 2021)}


def test_cases_went_to_trial_and_cases_for_prosecution() -> None:
    got = stats("In 2021, police investigated 12 cases; nine of these went to trial.")
    assert got == {("investigations", 12, None, 2021), ("prosecutions", 9, None, 2021)}
    assert stats("In 2021, the police referred 11 cases for prosecution.") == {
        ("prosecutions", 11, None, 2021)
    }
    assert stats("In 2021, prosecutors brought charges in six cases.") == {("prosecutions", 6, None, 2021)}


def test_cases_and_proceedings_opened_against_people() -> None:
    assert stats("In 2021, police opened criminal cases against 11 suspects.") == {
        ("investigations", 11, None, 2021)
    }
    assert stats("In 2021, prosecutors opened 11 criminal proceedings.") == {
        ("investigations", 11, None, 2021)
    }


def test_care_for_a_part_named_by_of_them() -> None:
    got = stats("In 2021, the ministry identified 77 victims and provided shelter to 50 of them.")
    assert got == {("victims_identified", 77, None, 2021), ("victims_assisted", 50, None, 2021)}
    got = stats(
        "The ministry identified 45 victims during the reporting period, 30 of whom it referred to care."
    )
    assert {m for m, *_ in got} == {"victims_identified", "victims_assisted"}


def test_of_these_were_victims_of_a_form() -> None:
    got = stats(
        "In 2021, the ministry identified 183 victims. Of these, 45 were victims of sex trafficking and 138 were victims of labor trafficking."
    )
    assert got == {
        ("victims_identified", 183, None, 2021),
        ("victims_identified", 45, "sexual", 2021),
        ("victims_identified", 138, "labor", 2021),
    }


def test_cases_referred_to_prosecutors() -> None:
    got = stats(
        "In 2021, the unit investigated 28 cases, compared with 16 in 2020, and referred 19 to the prosecutor's office."
    )
    assert got == {
        ("investigations", 28, None, 2021),
        ("investigations", 16, None, 2020),
        ("prosecutions", 19, None, 2021),
    }
    got = stats("In 2021, police opened 30 cases; of these, 20 were referred to prosecutors.")
    assert got == {("investigations", 30, None, 2021), ("prosecutions", 20, None, 2021)}


def test_guilty_verdicts_and_arrested_and_charged() -> None:
    assert stats("In 2021, the courts handed down 12 guilty verdicts.") == {("convictions", 12, None, 2021)}
    assert stats("In 2021, 14 suspects were arrested and charged.") == {("prosecutions", 14, None, 2021)}
    assert stats("In 2021, 14 suspects were arrested and released.") == set()


def test_child_soldiering() -> None:
    got = stats("In 2021, police investigated 18 cases of sex trafficking and two cases of child soldiering.")
    assert got == {("investigations", 18, "sexual", 2021), ("investigations", 2, "child_soldiers", 2021)}


def test_a_bracket_closed_before_a_colon() -> None:
    got = stats(
        "Police identified 11 victims in 2021 (18 in 2020): six of sex trafficking and five of forced labor."
    )
    assert got == {
        ("victims_identified", 11, None, 2021),
        ("victims_identified", 18, None, 2020),
        ("victims_identified", 6, "sexual", 2021),
        ("victims_identified", 5, "labor", 2021),
    }


def test_coordinated_participles_and_zero_pairs_for_officials() -> None:
    got = stats("In 2021, no officials were prosecuted or convicted for complicity.")
    assert got == {("officials_prosecuted", 0, None, 2021), ("officials_convicted", 0, None, 2021)}
    got = stats("In 2021, the ministry reported no prosecutions or convictions of complicit officials.")
    assert got == {("officials_prosecuted", 0, None, 2021), ("officials_convicted", 0, None, 2021)}
    got = stats("In 2021, the ministry reported no prosecutions or convictions.")
    assert got == {("prosecutions", 0, None, 2021), ("convictions", 0, None, 2021)}


def test_verb_and_people_in_n_cases() -> None:
    got = stats("In 2021, police investigated 90 cases, and judges convicted offenders in 21 of them.")
    assert got == {("investigations", 90, None, 2021), ("convictions", 21, None, 2021)}
    got = stats("In 2021, police investigated 30 cases; four of those cases went to trial.")
    assert ("prosecutions", 4, None, 2021) in got


def test_a_third_party_after_a_preposition_or_beside_an_authority() -> None:
    got = stats(
        "Police referred 300 child victims to IOM and local NGOs for care in 2021, compared with 210 in the previous year."
    )
    assert got == {("victims_assisted", 300, None, 2021), ("victims_assisted", 210, None, 2020)}
    assert stats("In 2021, the social ministry and NGOs identified 61 victims.") == {
        ("victims_identified", 61, None, 2021)
    }
    got = stats("In 2021, police identified 46 victims and NGOs identified 12.")
    assert got == {("victims_identified", 46, None, 2021)}


def test_prosecutors_initiating_cases_prosecute() -> None:
    got = stats("In 2021, prosecutors initiated cases against 300 defendants, compared with 220 in 2020.")
    assert got == {("prosecutions", 300, None, 2021), ("prosecutions", 220, None, 2020)}


def test_of_them_after_a_victims_sentence() -> None:
    got = stats(
        "In 2021, police identified 170 victims. The ministry provided shelter to 93 of them in its centers."
    )
    assert got == {("victims_identified", 170, None, 2021), ("victims_assisted", 93, None, 2021)}


def test_a_bracketed_year_is_no_opening_year() -> None:
    got = stats(
        "Fiji: 2022 Trafficking in Persons Report\n\nIn 2021, police identified 12 victims. Prosecutors charged 41 defendants (28 in 2020) and judges convicted 31 traffickers, compared with 24 the previous year."
    )
    assert ("convictions", 24, None, 2020) in got
    assert ("convictions", 31, None, 2021) in got


def test_a_clause_with_its_own_year_after_parts() -> None:
    got = stats(
        "Police identified 63 victims in 2021, including 55 sex trafficking victims and eight forced labor victims; in 2020, they identified 74."
    )
    assert ("victims_identified", 74, None, 2020) in got


def test_a_total_named_again_in_the_same_sentence() -> None:
    got = stats(
        "Police identified 160 victims in 2021, fewer than the 400 identified in 2020; of the 160, 120 were female and 40 were male."
    )
    assert ("victims_identified", 120, None, 2021) in got
    assert ("victims_identified", 40, None, 2021) in got
    assert ("victims_identified", 160, None, 2021) in got


def test_care_to_a_bare_count_at_the_end_of_a_clause() -> None:
    got = stats(
        "In 2021, a state shelter assisted 47 victims, and a state center provided legal and medical aid to 52."
    )
    assert got == {("victims_assisted", 47, None, 2021), ("victims_assisted", 52, None, 2021)}


def test_counts_from_earlier_years_inside_a_total() -> None:
    got = stats(
        "In 2021, the state fund assisted 15 victims in its shelters, including four identified in prior years."
    )
    assert got == {("victims_assisted", 15, None, 2021)}


def test_a_long_gap_before_an_increase_from() -> None:
    got = stats(
        "Police identified 3,300 victims in 2021, including 1,800 victims of labor trafficking and 1,049 whose form of exploitation was not reported, a sharp increase from 1,262 victims in 2020."
    )
    assert ("victims_identified", 1262, None, 2020) in got


def test_repatriated_nationals() -> None:
    got = stats("In 2021, consular staff helped repatriate 12 trafficking victims.")
    assert got == {("victims_assisted", 12, None, 2021)}
    got = stats(
        "Since 2019, the foreign ministry has repatriated more than 4,700 nationals from scam compounds."
    )
    assert {(m, v) for m, v, _, _ in got} == {("victims_assisted", 4700)}


def test_a_year_after_a_place_and_a_contrast_clause_has_its_own() -> None:
    got = stats("Officials said 1,100 victims were repatriated from Thailand and Laos in 2019.")
    assert got == {("victims_assisted", 1100, None, 2019)}
    got = stats(
        "In 2021, prosecutors charged three suspects but secured no convictions, whereas in 2020 they convicted two."
    )
    assert got == {
        ("prosecutions", 3, None, 2021),
        ("convictions", 0, None, 2021),
        ("convictions", 2, None, 2020),
    }


def test_a_year_earlier_and_since_an_event_with_a_year() -> None:
    got = stats("In 2021, the agency identified 11 victims, up from five victims a year earlier.")
    assert got == {("victims_identified", 11, None, 2021), ("victims_identified", 5, None, 2020)}
    got = stats("Only 11 trafficking convictions have been recorded since the law was amended in 2006.")
    assert got == {("convictions", 11, None, None)}


def test_all_n_and_of_them_after_a_victims_sentence() -> None:
    got = stats("In 2021, police identified 11 victims. All 11 were placed in a shelter.")
    assert got == {("victims_identified", 11, None, 2021), ("victims_assisted", 11, None, 2021)}
    got = stats(
        "In 2021, police identified 60 victims. Forty of them were nationals and 20 were foreign, and 53 were exploited in sex trafficking while seven were victims of forced labor."
    )
    assert {("victims_identified", 53, "sexual", 2021), ("victims_identified", 7, "labor", 2021)} <= got


def test_the_number_of_people_with_a_participle() -> None:
    got = stats("The number of persons prosecuted for trafficking was 14 in 2020 and 21 in 2021.")
    assert got == {("prosecutions", 14, None, 2020), ("prosecutions", 21, None, 2021)}
    assert stats("The agency reported 52 victims detected in 2021.") == {
        ("victims_identified", 52, None, 2021)
    }


def test_passive_proceedings_and_indictments() -> None:
    got = stats("Pre-trial proceedings were opened in 104 trafficking cases in 2021, against 128 in 2020.")
    assert got == {("investigations", 104, None, 2021), ("investigations", 128, None, 2020)}
    assert stats("Indictments were filed against 82 persons in 2021.") == {("prosecutions", 82, None, 2021)}


def test_an_apposition_before_the_participle() -> None:
    got = stats("In 2021, two officials, a police officer and a soldier, were convicted of trafficking.")
    assert got == {("officials_convicted", 2, None, 2021)}


def test_an_em_dash_between_numbers_and_hyphenated_modifiers() -> None:
    got = stats(
        "The ministry identified 117 victims in 2021—96 victims of sex trafficking and 21 of forced labor—and referred 88 of them to shelters."
    )
    assert got == {
        ("victims_identified", 117, None, 2021),
        ("victims_identified", 96, "sexual", 2021),
        ("victims_identified", 21, "labor", 2021),
        ("victims_assisted", 88, None, 2021),
    }
    assert stats("In 2003, police opened 26 trafficking-related criminal cases.") == {
        ("investigations", 26, None, 2003)
    }


def test_a_demonym_as_the_people_counted() -> None:
    got = stats(
        "In 2021, the foreign ministry helped return 31 Colombians from abroad.", source="colombia.txt"
    )
    assert got == {("victims_assisted", 31, None, 2021)}


def test_a_breakdown_by_sentence_is_no_count() -> None:
    assert stats("In 2021, 11 convicted traffickers received prison terms of less than three years.") == set()
    assert stats("In 2021, 12 traffickers received prison sentences.") == {("convictions", 12, None, 2021)}


def test_respectively_with_the_years_first_or_a_bracket_of_figures() -> None:
    got = stats("In 2020 and 2021, judges convicted 12 and 15 traffickers, respectively.")
    assert got == {("convictions", 12, None, 2020), ("convictions", 15, None, 2021)}
    got = stats(
        "The agency reported 46 investigations, 21 prosecutions, and 15 convictions in 2021 (42, 29, and 22 in 2020, respectively)."
    )
    assert got == {
        ("investigations", 46, None, 2021),
        ("prosecutions", 21, None, 2021),
        ("convictions", 15, None, 2021),
        ("investigations", 42, None, 2020),
        ("prosecutions", 29, None, 2020),
        ("convictions", 22, None, 2020),
    }


def test_a_year_after_a_list_with_brackets_holds_for_the_list() -> None:
    got = stats(
        "The agency reported 46 investigations (42 in 2020), 21 prosecutions (29 in 2020), and 15 convictions (22 in 2020) in 2021."
    )
    assert {("investigations", 46, None, 2021), ("prosecutions", 21, None, 2021)} <= got
    # a comparison figure's year is not the list's
    got = stats(
        "Fiji: 2022 Trafficking in Persons Report\n\nPolice identified 34 victims, an increase from 14 victims identified in 2019."
    )
    assert ("victims_identified", 34, None, 2019) not in got


def test_gapped_total_verbs() -> None:
    got = stats("In 2021, investigations rose to 30, prosecutions to 20 and convictions to 10.")
    assert got == {
        ("investigations", 30, None, 2021),
        ("prosecutions", 20, None, 2021),
        ("convictions", 10, None, 2021),
    }


def test_another_partys_count_sets_the_paragraph_year() -> None:
    text = (
        "Fiji: 2011 Trafficking in Persons Report\n\n"
        "IOM identified 243 victims in 2009. The foreign ministry helped repatriate 38 victims from abroad."
    )
    assert stats(text) == {("victims_assisted", 38, None, 2009)}


def test_a_metric_noun_in_the_passive() -> None:
    assert stats("In 2022, prosecutions were initiated against 20 suspects.") == {
        ("prosecutions", 20, None, 2022)
    }
    assert stats("In 2022, investigations were launched into 30 cases.") == {
        ("investigations", 30, None, 2022)
    }
    assert stats("In 2022, convictions were obtained against 12 traffickers.") == {
        ("convictions", 12, None, 2022)
    }
    assert stats("In 2022, charges were filed in 14 cases.") == {("prosecutions", 14, None, 2022)}


def test_no_exploitation_from_past_the_noun() -> None:
    got = stats("In 2022, the police identified 27 victims and labor inspectors identified another 12.")
    assert got == {("victims_identified", 27, None, 2022), ("victims_identified", 12, None, 2022)}


def test_a_bare_count_that_resulted_in_a_verdict() -> None:
    got = stats("In 2022, of the 30 cases prosecuted, 20 resulted in convictions.")
    assert got == {("prosecutions", 30, None, 2022), ("convictions", 20, None, 2022)}
    got = stats(
        "In 2022, two police officers were charged with bribery, and the case against one of them ended in a conviction."
    )
    assert got == {("officials_prosecuted", 2, None, 2022), ("officials_convicted", 1, None, 2022)}


def test_respectively_for_parts_of_one_metric() -> None:
    got = stats(
        "In 2022, the agency reported identifying 17 victims of sex trafficking and 6 victims of labor trafficking, compared with 12 and 4, respectively, in 2021."
    )
    assert got == {
        ("victims_identified", 17, "sexual", 2022),
        ("victims_identified", 6, "labor", 2022),
        ("victims_identified", 12, "sexual", 2021),
        ("victims_identified", 4, "labor", 2021),
    }
