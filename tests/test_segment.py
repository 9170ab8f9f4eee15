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
