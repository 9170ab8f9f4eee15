from __future__ import annotations

from tipkb.context import document_subject, iter_context, report_year, subject_from_name
from tipkb.segment import segment


def test_subject_from_file_name() -> None:
    assert subject_from_name("corpus/r12-palau.txt") == "PLW"
    assert subject_from_name("romania-2021.md") == "ROU"
    assert subject_from_name("d17-saint-vincent-and-the-grenadines.txt") == "VCT"
    assert subject_from_name("notes.txt") is None


def test_subject_from_title_then_first_sentence() -> None:
    assert document_subject(segment("Human trafficking in Laos\n\nThe report says much."), "x.txt") == "LAO"
    assert document_subject(segment("In 2008, Chad was a source country."), "x.txt") == "TCD"
    text = "U.S. Says Chad Falls Short\n\nChad did little in 2015."
    assert document_subject(segment(text), "x.txt") == "TCD"


def test_report_year() -> None:
    assert report_year(segment("2014 Trafficking in Persons Report: Chile\n\nText.")) == 2014
    assert report_year(segment("Trafficking in Persons Report\nJune 5, 2006\n\nText.")) == 2006
    assert report_year(segment("Nothing about a report here.")) is None


def test_paragraph_year_and_subject_switch() -> None:
    text = "In 2009, Peru was a source country. Women were exploited.\nBolivia is a source country. Men work."
    ctx = [(s.text, c.subject, c.year) for s, c in iter_context(segment(text), "x.txt")]
    assert ctx[1] == ("Women were exploited.", "PER", 2009)
    assert ctx[3] == ("Men work.", "BOL", None)


def test_heading_with_tier_switches_subject() -> None:
    text = "PERU (Tier 2)\n\nThe government acted.\n\nCHILE (Tier 1)\n\nThe government acted."
    subjects = [c.subject for _, c in iter_context(segment(text), "report.txt")]
    assert subjects == ["PER", "PER", "CHL", "CHL"]


def test_report_year_from_a_dateline_without_a_day() -> None:
    assert (
        report_year(segment("Trafficking in Persons Report\nJuly 2003\nU.S. Department of State\n\nText."))
        == 2003
    )
    assert report_year(segment("Notes\nJuly 2003\n\nText.")) is None


def test_a_country_labelling_an_entry_switches_the_subject() -> None:
    text = (
        "Listing\n\nChile current situation: Chile is a destination country for women.\n"
        "tier rating: Tier 1 - the government acted.\n"
        "Peru current situation: Peru is a source country for men.\n"
        "tier rating: Tier 2 - the government acted.\n"
        "Bolivia: the government acted."
    )
    subjects = [(s.text[:12], c.subject) for s, c in iter_context(segment(text), "listing.txt")]
    assert [code for text, code in subjects if text.startswith("tier rating")] == ["CHL", "PER"]
    assert subjects[-1] == ("Bolivia: the", "BOL")


def test_a_country_followed_by_other_words_is_no_label() -> None:
    text = "Chile is a destination country.\n\nPeru and the region: a summary of what Chile did."
    subjects = [c.subject for _, c in iter_context(segment(text), "notes.txt")]
    assert subjects == ["CHL", "CHL"]


def test_latest_report_from_the_date_over_a_news_story() -> None:
    text = "Other news\n\n5 May 2020\n\nStory title\n\nThursday 30 July 2015\n\nPeru is a source country."
    ctx = [c for _, c in iter_context(segment(text), "peru.txt")]
    assert ctx[-1].latest_report == 2015
    text = "Posted on March 22, 2013\n\nPeru is a source country."
    assert [c for _, c in iter_context(segment(text), "peru.txt")][-1].latest_report == 2012
    # A document with a report year has no need of it.
    text = "2014 Trafficking in Persons Report\n\nMarch 22, 2013\n\nPeru is a source country."
    assert [c for _, c in iter_context(segment(text), "peru.txt")][-1].latest_report is None


def test_a_stray_first_sentence_does_not_become_the_subject() -> None:
    from tests.helpers import facts_of

    text = (
        "Palau acceded to the Protocol in 2013.\n\n"
        "Women are trafficked to the country from China. Nauru was placed on Tier 2 in 2016."
    )
    assert {(f["origin"], f["destination"]) for f in facts_of(text, "flow")} == {("CHN", "NRU")}


def test_an_agency_s_country_is_not_the_subject() -> None:
    from tests.helpers import facts_of

    text = "Nauru is a destination country. The U.S. Department of State, in its 2019 report, rated the country Tier 2."
    assert [(t["country"], t["year"]) for t in facts_of(text, "tier")] == [("NRU", 2019)]
