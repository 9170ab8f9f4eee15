"""Flows: the form of exploitation and the victims of a flow, as against the jobs people went for, the
means used on them and the people of other clauses, in sentences written for these tests."""

from __future__ import annotations

from tests.helpers import facts_of


def flows_of(text: str) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for f in facts_of(text, "flow"):
        out.setdefault((f["origin"], f["destination"]), []).append(f)
    return out


def forms(text: str, origin: str, dest: str) -> list[list[str]]:
    return [sorted(f["exploitation"]) for f in flows_of(text)[(origin, dest)]]


def test_the_sector_people_came_to_work_in_is_not_their_exploitation() -> None:
    text = (
        "Some women from Peru and Chile who come to Spain to work in restaurants and hotels are forced "
        "into prostitution."
    )
    assert forms(text, "PER", "ESP") == [["sexual"]]
    text = "Filipino women have been forced into prostitution after migrating to Malaysia to work on farms."
    assert forms(text, "PHL", "MYS") == [["sexual"]]
    # where they are forced to work is the sector of their labor
    text = "Nepali men are forced to work on farms and in factories in Qatar."
    assert forms(text, "NPL", "QAT") == [["labor"]]


def test_the_domestic_work_people_migrated_to_a_place_for_is_not_their_exploitation() -> None:
    text = (
        "Women from Kenya and Uganda who migrate to Oman as domestic workers are subjected to forced "
        "labor, including through the confiscation of passports."
    )
    assert forms(text, "KEN", "OMN") == [["labor"]]
    text = "Kenyan women are trafficked to Oman as domestic workers."
    assert forms(text, "KEN", "OMN") == [["domestic_servitude"]]


def test_jobs_people_were_promised_are_not_their_exploitation_past_a_coordination() -> None:
    text = (
        "Nepali girls are exploited in commercial sex in Kathmandu, often after being promised jobs as "
        "cooks or in factories."
    )
    assert forms(text, "NPL", "NPL") == [["sexual"]]


def test_others_said_to_be_exploited_do_not_take_the_purposes_of_the_people_before() -> None:
    text = (
        "Nepali men travel through India to Qatar, where many are subjected to forced labor in "
        "construction; others are exploited in Oman."
    )
    assert forms(text, "NPL", "QAT") == [["labor"]]
    assert forms(text, "NPL", "OMN") == [[]]
    text = (
        "Ghanaian women are lured to Lebanon with promises of jobs and are then forced into prostitution. "
        "Others are exploited in Italy."
    )
    assert forms(text, "GHA", "ITA") == [[]]
    # "some ... ; others are forced to ...": a purpose of their own
    text = "Some Nepali women are forced into prostitution in India; others are forced to beg in Pakistan."
    assert forms(text, "NPL", "PAK") == [["begging"]]


def test_the_places_of_a_role_phrase_take_its_purposes_not_the_whole_sentence() -> None:
    text = (
        "Jordan is a destination country for women subjected to forced labor and sex trafficking, and a "
        "transit point for Ukrainian women subjected to sex trafficking in Iraq."
    )
    assert forms(text, "UKR", "IRQ") == [["sexual"]]
    text = (
        "Jordan is a destination country for women subjected to forced labor and sex trafficking, and a "
        "transit point for Ukrainian women bound for Iraq."
    )
    assert forms(text, "UKR", "IRQ") == [[]]


def test_a_sentence_that_names_the_conditions_before_as_a_form_gives_it_to_their_flows() -> None:
    text = (
        "Nepali women are trafficked to Qatar and Oman. Once there, their wages are withheld. Researchers "
        "described these conditions as forced labor."
    )
    assert ["labor"] in forms(text, "NPL", "QAT") and ["labor"] in forms(text, "NPL", "OMN")
    # the conditions of no flow stated just before name no flow
    text = "Researchers described these conditions as forced labor."
    assert flows_of(text) == {}
