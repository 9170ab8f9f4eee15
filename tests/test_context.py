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
