from __future__ import annotations

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
