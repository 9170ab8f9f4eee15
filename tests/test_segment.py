from __future__ import annotations

import textwrap

from tests.wrapping import lines_ending_at

from tipkb.segment import iter_paragraphs, segment


def test_sentences_keep_offsets_and_citations() -> None:
    text = "Peru is a source country.[3] Peruvian women are exploited in Chile. The U.S. In 2010, more."
    seg = segment(text)
    got = [s.text for s in seg.sentences]
    assert got == [
        "Peru is a source country.[3]",
        "Peruvian women are exploited in Chile.",
        "The U.S.",
        "In 2010, more.",
    ]
    for s in seg.sentences:
        assert text[s.start : s.end] == s.text


def test_abbreviations_do_not_end_sentences() -> None:
    seg = segment("Women went to the U.A.E., Oman, and the P.R.C. for work.")
    assert len(seg.sentences) == 1


def test_headings_and_hard_wrapped_paragraphs() -> None:
    text = "CHILE (Tier 1)\n\nChile is a destination country for men\nand women from Bolivia and Peru.\nA second paragraph.\n"
    pars = list(iter_paragraphs(text))
    assert [p.heading for p in pars] == [True, False, False]
    assert pars[1].text == "Chile is a destination country for men\nand women from Bolivia and Peru."
    assert [s.heading for s in segment(text).sentences][0] is True


def test_places_are_attached_to_sentences() -> None:
    seg = segment("Ghanaian boys work in Togo. Nothing here.")
    assert [p.code for p in seg.sentences[0].places] == ["GHA", "TGO"]
    assert seg.sentences[1].places == []


def test_long_paragraph_is_cut_into_blocks() -> None:
    text = "Peru is a source country. " * 8000
    seg = segment(text)
    assert len(seg.sentences) == 8000
    assert all(text[s.start : s.end] == s.text for s in seg.sentences[::997])


def test_a_line_opening_with_a_field_label_starts_an_entry() -> None:
    text = (
        "Peru\nsummary: Peru is a source country for men\nand women exploited in mining in 2009\n"
        "tier rating: Tier 1 - the government met the standards"
    )
    pars = list(iter_paragraphs(text))
    assert [p.text for p in pars] == [
        "Peru",
        "summary: Peru is a source country for men\nand women exploited in mining in 2009",
        "tier rating: Tier 1 - the government met the standards",
    ]
    assert pars[0].heading
    # A wrapped line that merely goes on in lower case is still joined.
    assert len(list(iter_paragraphs("Women from Peru were exploited\nin mines and on farms."))) == 1


def test_a_sentence_runs_across_a_blank_line_and_a_page_break() -> None:
    text = (
        "Cambodian men are recruited for work on fishing boats and are then\n\n"
        "subjected to forced labor in Thai waters.\n\n"
        "Women from Laos are trafficked to\n"
        "17\n"
        "\fCOUNTRY NARRATIVES\n\n"
        "Thailand for domestic servitude.\n"
    )
    seg = segment(text)
    assert len(seg.sentences) == 2
    for s in seg.sentences:
        assert text[s.start : s.end] == s.text
    assert "COUNTRY" not in seg.sentences[1].reading and "17" not in seg.sentences[1].reading
    assert [p.code for p in seg.sentences[1].places] == ["LAO", "THA"]


def test_a_word_hyphenated_at_a_line_end_is_joined_for_matching() -> None:
    text = (
        "Nepali girls were traf-\nficked to India. Anti-trafficking police and anti-\ntrafficking NGOs act."
    )
    seg = segment(text)
    first, second = seg.sentences
    assert "trafficked" in [t.text for t in first.span]
    assert first.text == "Nepali girls were traf-\nficked to India."
    assert "anti-trafficking" in " ".join(second.reading.split())  # written with its hyphen elsewhere
    opening = segment("Traf-\nficking of girls to India is common.").sentences[0]
    assert opening.text.startswith("Traf-\nficking")
    assert [t.text for t in opening.span if not t.is_space][0] == "Trafficking"


def test_headings_and_list_items_still_end_a_sentence() -> None:
    text = (
        "Prosecution\n"
        "The government convicted nine traffickers in a year in which it also\n"
        "opened new shelters for men and boys who were exploited in factories\n"
        "- one in the capital\n"
        "- one in the north\n"
    )
    pars = list(iter_paragraphs(text))
    assert pars[0].heading and pars[0].text == "Prosecution"
    assert [p.text.split()[0] for p in pars[1:]] == ["The", "-", "-"]


def test_a_long_line_is_streamed_and_reads_the_same() -> None:
    text = "Lao women were trafficked to Thailand. " * 4000  # one line of 156,000 characters
    seg = segment(text)
    last = seg.sentences[-1]
    assert last.tokens is None  # no Doc kept for a long paragraph's blocks
    assert [t.text for t in last.span] == ["Lao", "women", "were", "trafficked", "to", "Thailand", "."]
    assert [p.code for p in last.places] == ["LAO", "THA"]
    assert text[last.start : last.end] == last.text


def test_a_page_number_between_blank_lines_is_skipped_but_a_year_is_not() -> None:
    text = "Women from Laos are trafficked to\n\n14\n\nThailand for domestic servitude.\n\n2019\n\nA new law passed."
    seg = segment(text)
    assert [" ".join(s.reading.split()) for s in seg.sentences] == [
        "Women from Laos are trafficked to Thailand for domestic servitude.",
        "2019",
        "A new law passed.",
    ]


def _wrapped(*paragraphs: str, width: int = 60) -> str:
    import textwrap

    return "\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs)


RUNNING = (
    "The labor inspectorate visited farms and factories across the provinces during the year and "
    "found that many workers had paid recruitment fees that they could not repay, while employers "
    "kept their passports and their wages for months at a time without any legal basis for it."
)


def test_double_spaced_text_reads_its_blank_lines_as_line_breaks() -> None:
    lines = [
        "Inspectors from the ministry of labor said in their report that",
        "employers in the garment sector had held back the wages of some",
        "4,000 workers from Nepal and Bangladesh for over half a year while",
        "Bangladeshi and Nepali officials asked the government to act on it",
        "quickly; the ministry opened cases against nine of the employers",
        "concerned and fined three of them during the same reporting period.",
    ]
    text = "\n\n".join(lines * 2)
    pars = list(iter_paragraphs(text))
    assert len(pars) == 1 and not pars[0].heading
    assert len(segment(text).sentences) == 2


def test_a_heading_line_as_long_as_the_wrap_width_is_a_heading() -> None:
    title = "Government Report Urges Stronger Protection Of Migrant Workers"  # 62 characters
    text = title + "\n\n" + _wrapped(RUNNING, RUNNING, width=66)
    first = next(iter(iter_paragraphs(text)))
    assert first.heading and first.text == title


def test_a_short_heading_after_a_sentence_that_fills_its_line_stands_alone() -> None:
    # The line before the heading ends a sentence at the wrap width: without the heading standing
    # alone, the paragraph would go on into it.
    paragraph = RUNNING + " " + RUNNING
    lines, k = lines_ending_at(paragraph, len(RUNNING))
    text = "\n".join([*lines[:k], "Prosecution", *lines[k:]])
    pars = list(iter_paragraphs(text))
    assert [(p.heading, p.text.split()[0]) for p in pars] == [
        (False, "The"),
        (True, "Prosecution"),
        (False, "The"),
    ]


def test_lines_holding_a_sentence_end_are_no_heading() -> None:
    text = (
        _wrapped(RUNNING) + "\nOffice of the Prosecutor General (OPG). The\nfollowing\n" + _wrapped(RUNNING)
    )
    assert not any(p.heading for p in iter_paragraphs(text))


def test_after_a_paragraph_cut_short_of_any_stop_no_heading_follows() -> None:
    text = _wrapped(RUNNING) + "\nwhich were listed in annex\nB, section 4:\n" + _wrapped(RUNNING)
    assert not any(p.heading for p in iter_paragraphs(text))


def test_a_page_break_after_a_full_line_is_a_line_break() -> None:
    # A full line may end in an abbreviation or a bracket just before the page break.
    for cut in ("St.", "(Tier 2)", "U.S."):
        paragraph = (
            f"{RUNNING} Workers were also found in the capital of {cut} Lucia and in its ports. {RUNNING}"
        )
        lines, k = lines_ending_at(paragraph, paragraph.index(cut) + len(cut))
        text = "\n".join([*lines[:k], "", "\f12  ANNUAL REPORT", "", *lines[k:]])
        pars = list(iter_paragraphs(text))
        assert len(pars) == 1, cut


def test_number_and_compass_words_keep_their_hyphen_at_a_line_end() -> None:
    text = "The one-\nchild rule and the north-\neastern provinces were named."
    reading = " ".join(segment(text).sentences[0].reading.split())
    assert reading == "The one-child rule and the north-eastern provinces were named."


def test_a_wrapped_line_before_a_colon_is_no_heading_nor_a_label() -> None:
    # A paragraph whose first line ends just before the word a colon follows: that line is a fragment of
    # the sentence (no heading), and the next line ("exposed: the ...") no entry label.
    sentence = (
        "Years of drought have left many rural households exposed: the inspectors heard of sons sent to "
        "distant brick kilns and of daughters promised to brokers for work in city restaurants."
    )
    text = "\n\n".join(_wrapped(p, width=50) for p in (RUNNING, sentence, RUNNING))
    assert "\nYears of drought have left many rural households\nexposed: the" in text
    pars = list(iter_paragraphs(text))
    assert [p.heading for p in pars] == [False, False, False]
    assert " ".join(pars[1].text.split()) == sentence


def test_a_label_after_a_full_line_still_opens_an_entry_in_a_text_of_entries() -> None:
    # A text of entries (a label opens one after a clear break): a label after a line filled short of
    # any stop still opens its entry.
    entry = (
        "current situation: Xland is a source country for men and women subjected to forced labor "
        "on farms and in mines, and girls are exploited in bars in the border towns in 2010"
    )
    rating = "tier rating: Tier 2 - the government made efforts to prosecute offenders"
    for width in range(50, 100):
        lines = textwrap.wrap(entry, width)
        if len(lines[-1]) + 1 + len("tier") > width:
            break
    else:
        raise AssertionError("no width fills the entry's last line")
    text = "\n".join(["Xland", *lines, *textwrap.wrap(rating, width), *textwrap.wrap(rating, width)])
    pars = list(iter_paragraphs(text))
    assert [p.text.split(":")[0] for p in pars][:3] == ["Xland", "current situation", "tier rating"]


def test_a_title_near_the_wrap_width_ending_in_a_bracket_is_a_heading() -> None:
    # A title (no sentence end) that starts the text, then a blank line and a paragraph: a heading,
    # though it ends in a bracket and its line is as long as the wrap width, or wraps onto a second line.
    title = "Xland: forced labour among seasonal workers on the coast (interim findings)"  # 75 characters
    for width in (78, 62, 44):
        text = (
            "\n".join(textwrap.wrap(title, width))
            + "\n\n"
            + "\n\n".join(_wrapped(RUNNING, width=width) for _ in "ab")
        )
        first = next(iter(iter_paragraphs(text)))
        assert first.heading and " ".join(first.text.split()) == title, width
        assert segment(text).sentences[0].heading
    # A block that holds a sentence end is still running text, bracket or not.
    text = (
        _wrapped(RUNNING)
        + "\n\nThe rest went to Yland. Courts heard two\ncases (in 2011)\n\n"
        + _wrapped(RUNNING)
    )
    assert not any(p.heading for p in iter_paragraphs(text))


def test_a_wrapped_heading_keeps_the_hyphen_it_was_broken_at() -> None:
    from tipkb.context import iter_context

    title = "Xland: labour exploitation in conflict-hit border districts (field notes)"
    text = "\n".join(textwrap.wrap(title, 40)) + "\n\n" + _wrapped(RUNNING, RUNNING, width=40)
    assert "conflict-\nhit" in text
    sections = {ctx.section for _, ctx in iter_context(segment(text), "notes.txt")}
    assert sections == {title}


def test_lines_of_figures_labelled_by_year_are_no_page_furniture() -> None:
    # a table's rows, each alone between blank lines, look like a line met on three pages
    text = (
        "The number of victims identified by the police was as follows:\n\n2015: 59;\n\n2016: 72;\n\n"
        "2017: 57;\n\n2018: 63.\n"
    )
    texts = [s.text for s in segment(text).sentences]
    assert "2015: 59;" in texts and "2017: 57;" in texts


def test_a_line_that_reads_on_is_no_field_label() -> None:
    from tipkb.segment.paragraphs import _reads_on

    assert _reads_on("reported as follows: 2018 - 31; 2019 - 27")
    assert _reads_on("detected: 47 of them were women")
    assert not _reads_on("current situation: Xland is a source country")


def test_one_line_paragraphs_parted_by_blank_lines_are_not_double_spaced_text() -> None:
    long = "The ministry reported that shelters across the country took in more children than in any year before, most of them boys."
    text = (
        "Press release: more children taken off the streets in Xland - a charity\n\nCAPITAL, 3 May 2024 - "
        + "\n\n".join([long] * 7)
    )
    first = segment(text).sentences[0].text
    assert first == "Press release: more children taken off the streets in Xland - a charity"


def test_a_wrapped_sentence_in_sentence_case_is_no_heading_but_a_heading_over_figures_is() -> None:
    text = (
        "Intro.\n\nThe number of victims of trafficking formally identified by the National\n"
        "Referral Mechanism in 2018 was 88.\n\nNumber of persons convicted of trafficking in persons, by sex\n"
        "2014: 6\n2015: 3\n"
    )
    sents = segment(text).sentences
    assert not any(s.heading and s.text.startswith("The number") for s in sents)
    assert any(s.heading and s.text.startswith("Number of persons convicted") for s in sents)


def test_a_line_of_a_table_given_as_text_opens_its_own_paragraph() -> None:
    text = (
        "Intro sentence here.\n\nVictims recognised in 2022, by form of exploitation, as the national\n"
        "Forced labour or services - 18\nSexual exploitation - 21\n"
    )
    texts = [s.text for s in segment(text).sentences]
    assert "Forced labour or services - 18" in texts


def test_a_line_ending_in_a_labels_dash_goes_on_with_its_figure() -> None:
    text = "Intro.\n\nOffences logged in 2022 by purpose: forced labour -\n9, sexual exploitation - 4.\n"
    texts = [s.text for s in segment(text).sentences]
    assert "Offences logged in 2022 by purpose: forced labour -\n9, sexual exploitation - 4." in texts


def test_an_abbreviation_before_a_number_ends_no_sentence() -> None:
    text = "Courts convicted nine. Decree No. 2019-45 of 2 May 2019 set the penalty. See Art. 12 of it. It was no. 2020 came."
    texts = [s.text for s in segment(text).sentences]
    assert texts == [
        "Courts convicted nine.",
        "Decree No. 2019-45 of 2 May 2019 set the penalty.",
        "See Art. 12 of it.",
        "It was no.",
        "2020 came.",
    ]
