"""The places gazetteer and its matcher."""

from __future__ import annotations

import pycountry
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tipkb.places import (
    PlaceMatcher,
    PlaceMention,
    country_codes,
    country_name,
    region_of,
    resolve_place,
    suggest_place,
)
from tipkb.places.gazetteer import gazetteer, normalise

REGIONS = {
    "Africa", "North Africa", "West Africa", "East Africa", "Central Africa", "Southern Africa",
    "Sub-Saharan Africa", "Europe", "Western Europe", "Eastern Europe", "Central Europe", "Southern Europe",
    "Northern Europe", "Balkans", "Middle East", "Gulf", "Asia", "Central Asia", "East Asia", "South Asia",
    "Southeast Asia", "Latin America", "Central America", "South America", "Caribbean", "North America",
    "Oceania",
}  # fmt: skip
ISO_CODES = sorted({c.alpha_3 for c in pycountry.countries} | {"XKX"})


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def matcher(nlp: spacy.language.Language) -> PlaceMatcher:
    return PlaceMatcher(nlp.vocab)


@pytest.fixture(scope="module")
def find(nlp, matcher):
    """Text -> [(mention text, code)]."""

    def find(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.code) for m in matcher(nlp(text))]

    return find


def demonyms(code: str) -> list[str]:
    return [s for s, (c, kind) in gazetteer().surfaces.items() if c == code and kind == "demonym"]


# --- the data ---------------------------------------------------------------------------------------


def test_every_iso_country_and_kosovo_is_in_the_data():
    assert country_codes() == ISO_CODES


@pytest.mark.parametrize("code", ISO_CODES)
def test_country_name_and_demonyms_resolve_to_the_code(code):
    assert country_name(code)
    assert resolve_place(country_name(code)) == code
    assert demonyms(code), f"{code} has no demonym"
    for demonym in demonyms(code):
        assert resolve_place(demonym) == code, demonym


@pytest.mark.parametrize("code", ISO_CODES)
def test_country_name_and_demonyms_are_found_in_text(code, find):
    name = country_name(code)
    assert find(f"Victims from {name} were found.") == [(name, code)]
    for demonym in demonyms(code):
        assert find(f"Officials identified {demonym} victims.") == [(demonym, code)]


def test_no_surface_form_names_two_places():
    owner: dict[str, str] = {}
    clashes = []
    for surface, (code, _kind) in gazetteer().surfaces.items():
        key = normalise(surface)
        if owner.setdefault(key, code) != code:
            clashes.append((surface, owner[key], code))
    assert clashes == []


def test_regions_are_the_contract_regions():
    assert {name for code, name in gazetteer().names.items() if code.startswith("region:")} == REGIONS
    assert {region_of(code) for code in ISO_CODES} - {None} <= REGIONS
    assert region_of("KAZ") == "Central Asia"
    assert region_of("ATA") is None
    assert region_of("region:Africa") is None


# --- resolve_place, country_name, suggest_place -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("the Slovak Republic", "SVK"),
        ("the Kyrgyz Republic", "KGZ"),
        ("U.A.E.", "ARE"),
        ("P.R.C.", "CHN"),
        ("People’s Republic of China", "CHN"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("the UK", "GBR"),
        ("Kazakhstani", "KAZ"),
        ("Togolese", "TGO"),
        ("Filipina", "PHL"),
        ("Burmese", "MMR"),
        ("Nepali", "NPL"),
        ("Nigerian", "NGA"),
        ("Nigerien", "NER"),
        ("Kosovo", "XKX"),
        ("Macau", "MAC"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("Emirati", "ARE"),
        ("Uzbek", "UZB"),
        ("Republic of Korea", "KOR"),
        ("Korean", "KOR"),
        ("Congolese", "COD"),
        ("Congo", "COG"),
        ("Dominican", "DOM"),
        ("Guinean", "GIN"),
        ("THE GAMBIA", "GMB"),
        ("turkey", "TUR"),
        ("the Middle East", "region:Middle East"),
        ("Gulf states", "region:Gulf"),
        ("the Persian Gulf", "region:Gulf"),
        ("the Arab States of the Persian Gulf", "region:Gulf"),
        ("other African countries", "region:Africa"),
        ("Western Europe", "region:Western Europe"),
    ],
)
def test_resolve_place_hard_cases(name, code):
    assert resolve_place(name) == code


def test_resolve_place_unknown_is_none():
    assert resolve_place("Atlantis") is None
    assert resolve_place("") is None


def test_country_name():
    assert country_name("KAZ") == "Kazakhstan"
    assert country_name("MMR") == "Burma"
    assert country_name("region:Africa") == "Africa"
    with pytest.raises(KeyError):
        country_name("ZZZ")


def test_suggest_place():
    assert "Kazakhstan" in suggest_place("Kazakstan")
    assert len(suggest_place("Kazakstan", n=2)) <= 2
    assert suggest_place("qqqqqqqq") == []


# --- PlaceMatcher -------------------------------------------------------------------------------------


def test_all_caps_headings(find):
    assert find("KAZAKHSTAN: TIER 2") == [("KAZAKHSTAN", "KAZ")]
    assert find("BOSNIA AND HERZEGOVINA (Tier 2)") == [("BOSNIA AND HERZEGOVINA", "BIH")]
    assert find("KYRGYZ REPUBLIC (Tier 2 Watch List)") == [("KYRGYZ REPUBLIC", "KGZ")]


def test_leading_the_is_not_part_of_the_mention(find):
    assert find("Recruiters sent them to the United States and the UK.") == [
        ("United States", "USA"),
        ("UK", "GBR"),
    ]
    # ...unless it is part of the short name people write.
    assert find("Boats left The Gambia for the Bahamas.") == [("The Gambia", "GMB"), ("Bahamas", "BHS")]


def test_abbreviations(find):
    assert find("Brokers in the U.A.E., the P.R.C. and the P.R.C all did so.") == [
        ("U.A.E.", "ARE"),
        ("P.R.C.", "CHN"),
        ("P.R.C", "CHN"),
    ]
    assert find("Officials of the People’s Republic of China and the DRC met.") == [
        ("People’s Republic of China", "CHN"),
        ("DRC", "COD"),
    ]


def test_straight_and_curly_apostrophes_match_alike(find):
    assert find("Workers of the Democratic People’s Republic of Korea and of Côte d’Ivoire met.") == [
        ("Democratic People’s Republic of Korea", "PRK"),
        ("Côte d’Ivoire", "CIV"),
    ]
    assert find("Lao People's Democratic Republic and the People’s Republic of Bangladesh") == [
        ("Lao People's Democratic Republic", "LAO"),
        ("People’s Republic of Bangladesh", "BGD"),
    ]
    assert resolve_place("Democratic People’s Republic of Korea") == "PRK"


def test_lower_case_words_are_not_places(find):
    assert find("They ate turkey in a chad of jordan almonds in niger.") == []


def test_demonyms(find):
    assert find("Kazakhstani and Togolese men met Filipinas and Nigeriens.") == [
        ("Kazakhstani", "KAZ"),
        ("Togolese", "TGO"),
        ("Filipinas", "PHL"),
        ("Nigeriens", "NER"),
    ]
    assert find("NIGERIAN WORKERS") == [("NIGERIAN", "NGA")]
    assert find("nigerian workers") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boats crossed the Niger Delta at night.", []),
        ("Fishers in the Indian Ocean were held.", []),
        ("He moved from New Mexico to New Jersey.", []),
        ("Officers in Washington and Victoria agreed.", []),
        ("Labor migrants from Papua New Guinea arrived.", [("Papua New Guinea", "PNG")]),
        ("Equatorial Guinea, Guinea-Bissau and Guinea", [
            ("Equatorial Guinea", "GNQ"), ("Guinea-Bissau", "GNB"), ("Guinea", "GIN")]),
        ("Dominica and the Dominican Republic", [("Dominica", "DMA"), ("Dominican Republic", "DOM")]),
        ("Sudan and South Sudan", [("Sudan", "SDN"), ("South Sudan", "SSD")]),
        ("Korea and North Korea", [("Korea", "KOR"), ("North Korea", "PRK")]),
        ("Jersey", [("Jersey", "JEY")]),
        ("American Samoa", [("American Samoa", "ASM")]),
        ("Latin American workers", [("Latin American", "region:Latin America")]),
        ("South African men", [("South African", "ZAF")]),
        ("the Central African Republic", [("Central African Republic", "CAF")]),
        ("Central African migrants", [("Central African", "region:Central Africa")]),
        ("Northern Ireland", [("Northern Ireland", "GBR")]),
        ("It was paid in US dollars.", []),
        ("The Inter-American Commission met on the South China Sea.", []),
    ],
)  # fmt: skip
def test_guard_words_and_longest_match(find, text, expected):
    assert find(text) == expected


def test_regions(find):
    assert find("Women went to the Middle East, Gulf States and the Gulf.") == [
        ("Middle East", "region:Middle East"),
        ("Gulf States", "region:Gulf"),
        ("Gulf", "region:Gulf"),
    ]
    assert find("Men from sub-Saharan Africa reached Western Europe.") == [
        ("sub-Saharan Africa", "region:Sub-Saharan Africa"),
        ("Western Europe", "region:Western Europe"),
    ]
    assert find("the middle east") == []


def test_elided_region_and_country_names(find):
    # "West and Central African countries": "West" is a mention of its own, read as "West African countries".
    assert find("Girls went to other West and Central African countries.") == [
        ("West", "region:West Africa"),
        ("Central African countries", "region:Central Africa"),
    ]
    assert find("Central and South America") == [
        ("Central", "region:Central America"),
        ("South America", "region:South America"),
    ]
    assert find("North and South Korea") == [("North", "PRK"), ("South Korea", "KOR")]
    # Not across kinds: "South and Central Africa" does not mention South Africa.
    assert find("South and Central Africa") == [("Central Africa", "region:Central Africa")]


def test_mention_fields(nlp, matcher):
    doc = nlp("Victims from the Kyrgyz Republic were found.")
    (mention,) = matcher(doc)
    assert mention == PlaceMention(3, 5, 17, 32, "KGZ", "country", "Kyrgyz Republic")
    assert doc[mention.start : mention.end].text == mention.text


PIECES = [
    "the", "and", "to", "from", "Niger", "Niger Delta", "Guinea", "Papua New Guinea", "New", "South",
    "Sudan", "U.S.", "UK", "Côte d’Ivoire", "West", "Central African", "countries", "Burmese", ",", ".",
    "Gulf", "Korea", "North", "TURKEY", "turkey", "Latin American", "Middle East",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_mentions_are_sorted_disjoint_and_match_the_text(nlp, matcher, pieces):
    doc = nlp(" ".join(pieces))
    mentions = matcher(doc)
    for m in mentions:
        assert doc.text[m.start_char : m.end_char] == m.text
        assert doc[m.start : m.end].text == m.text
        assert m.kind in {"country", "demonym", "region"}
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


def test_names_are_matched_through_whitespace_tokens(
    nlp: spacy.language.Language, matcher: PlaceMatcher
) -> None:
    # The run of spaces a blanked page break leaves is a token of its own: names read through it.
    text = "Girls went to the Slovak \n\n      \n\nRepublic, West  and\n\n  Central Africa and Bosnia and      Herzegovina."
    doc = nlp(text)
    assert any(t.is_space for t in doc)
    found = matcher(doc)
    assert [m.code for m in found] == ["SVK", "region:West Africa", "region:Central Africa", "BIH"]
    for m in found:
        assert text[m.start_char : m.end_char] == doc[m.start : m.end].text == m.text
    assert " ".join(found[0].text.split()) == "Slovak Republic"
    assert [m.code for m in matcher(nlp("Girls went to the Slovak Republic."))] == ["SVK"]
