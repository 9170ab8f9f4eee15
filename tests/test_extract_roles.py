from __future__ import annotations

from tests.helpers import facts_of


def roles(text: str) -> set[tuple[str, str, str | None]]:
    return {(f["country"], f["role"], f["extent"]) for f in facts_of(text, "role")}


def test_three_roles() -> None:
    assert roles("Peru is a source, transit, and destination country for men, women, and children.") == {
        ("PER", "origin", None),
        ("PER", "transit", None),
        ("PER", "destination", None),
    }


def test_extent_applies_to_the_roles_after_it() -> None:
    assert roles("Belarus is a source and, to a lesser extent, a transit and destination country.") == {
        ("BLR", "origin", None),
        ("BLR", "transit", "secondary"),
        ("BLR", "destination", "secondary"),
    }


def test_primary_and_growing() -> None:
    assert roles("In 2007 Laos was primarily a source country for trafficked women.") == {
        ("LAO", "origin", "primary")
    }
    assert ("CHL", "destination", "growing") in roles("Chile is increasingly a destination country for men.")


def test_country_of_origin_and_point_of_transit() -> None:
    got = roles(
        "Niger was a country of origin, a point of transit, and a destination for trafficked children."
    )
    assert {r for _, r, _ in got} == {"origin", "transit", "destination"}


def test_pronoun_refers_to_subject() -> None:
    text = "Kenya is a source country for children trafficked internally, though it is also a destination country."
    assert ("KEN", "destination", None) in roles(text)


def test_year_from_the_sentence() -> None:
    (fact,) = [f for f in facts_of("In 2011, Oman was a destination country for migrant workers.", "role")]
    assert fact["year"] == 2011


def test_sex_tourism_destination_is_not_a_role() -> None:
    assert roles("Cuba is a destination for child sex tourism.") == set()
    assert roles("Nothing here names a country that is a source.") == set()


def test_serves_as() -> None:
    assert roles("Panama serves as a transit and destination country for migrants.") == {
        ("PAN", "transit", None),
        ("PAN", "destination", None),
    }


def test_a_second_role_phrase_after_the_first_ones_victims() -> None:
    text = (
        "Ecuador is a source country for women subjected to sex trafficking in Spain and Italy, "
        "as well as a transit and destination country for men subjected to forced labor."
    )
    assert roles(text) == {("ECU", "origin", None), ("ECU", "transit", None), ("ECU", "destination", None)}
    text = "Kenya is a source country for girls trafficked to Oman and, to a lesser extent, a destination country."
    assert roles(text) == {("KEN", "origin", None), ("KEN", "destination", "secondary")}


def test_a_second_phrase_that_is_no_trafficking_role() -> None:
    text = "Belize is a source country for women trafficked to Mexico and a destination country for sex tourists."
    assert roles(text) == {("BLZ", "origin", None)}
    # A role phrase about another country named in the list is not the subject's.
    text = "Fiji is a source country for girls trafficked to Samoa and Tonga, a destination country."
    assert roles(text) == {("FJI", "origin", None)}


def test_a_verb_of_judging_before_the_country() -> None:
    text = "The 2019 report found Benin a source, transit, and destination country for children."
    assert roles(text) == {("BEN", "origin", None), ("BEN", "transit", None), ("BEN", "destination", None)}
    text = "Observers described Togo and Benin as transit countries for trafficked children."
    assert roles(text) == {("TGO", "transit", None), ("BEN", "transit", None)}
    assert roles("The study considered Niger to be primarily a source country.") == {
        ("NER", "origin", "primary")
    }
    # No role phrase after the country: no role.
    assert roles("Officials considered Niger a priority for aid.") == set()
    assert roles("The report found Niger's efforts a source of concern.") == set()


def test_a_bracketed_abbreviation_between_the_country_and_its_verb() -> None:
    text = "The United Arab Emirates (U.A.E.) is a destination country for women from India subjected to forced labor."
    assert roles(text) == {("ARE", "destination", None)}
    flows = facts_of(text, "flow", "uae.txt")
    assert [(f["origin"], f["destination"]) for f in flows] == [("IND", "ARE")]


def test_a_tourist_destination_is_not_a_role() -> None:
    assert roles("Peru is a popular tourist destination.") == set()
    assert roles("Chile is an investment destination and a source country for women.") == {
        ("CHL", "origin", None)
    }


def test_a_role_for_goods_is_not_a_trafficking_role() -> None:
    assert roles("Benin is a destination country for cotton grown in Burkina Faso.") == set()
    assert roles("Guatemala is a transit country for cocaine bound for the north.") == set()
    assert roles("Myanmar is a source of teak for Thailand.") == set()
    # For people, their trafficking or a form of exploitation: a role.
    assert roles("Benin is a destination country for cotton pickers trafficked from Togo.") == {
        ("BEN", "destination", None)
    }
    assert roles("Guatemala is a transit country for trafficking.") == {("GTM", "transit", None)}
    assert roles("Myanmar is a source country for forced labor.") == {("MMR", "origin", None)}


def test_to_a_far_lesser_extent_is_secondary() -> None:
    from tests.helpers import facts_of

    roles = facts_of("Jordan is a destination and, to a far lesser extent, a source country for men.", "role")
    assert {(r["role"], r["extent"]) for r in roles} == {("destination", None), ("origin", "secondary")}


def test_a_second_role_phrase_with_another_noun() -> None:
    got = roles(
        "Jordan is a destination country for migrant workers, and a transit point for Syrian refugees."
    )
    assert ("JOR", "destination", None) in got and ("JOR", "transit", None) in got


def test_a_modal_before_the_copula() -> None:
    assert roles("Samoa may also be a transit country for Chinese migrants.") == {("WSM", "transit", None)}


def test_a_relative_clause_between_the_country_and_its_verb() -> None:
    got = roles(
        "Nepal, where many young men leave for work abroad, remains mainly a source country for trafficking."
    )
    assert got == {("NPL", "origin", "primary")}


def test_second_role_phrase_after_and_or_but() -> None:
    assert roles(
        "Moldova remains chiefly a country of destination for trafficked persons and, to a lesser extent, "
        "a country of transit."
    ) == {("MDA", "destination", "primary"), ("MDA", "transit", "secondary")}
    assert roles(
        "Moldova is chiefly a transit country for trafficked persons and, to a lesser extent, a source."
    ) == {
        ("MDA", "transit", "primary"),
        ("MDA", "origin", "secondary"),
    }
    assert roles("Moldova is a source and, to a more limited degree, a transit country.") == {
        ("MDA", "origin", None),
        ("MDA", "transit", "secondary"),
    }
    assert roles(
        "Moldova is chiefly a destination country for migrants and, increasingly, a country of origin."
    ) == {
        ("MDA", "destination", "primary"),
        ("MDA", "origin", "growing"),
    }


def test_second_role_phrase_restating_the_subject() -> None:
    assert roles(
        "Moldova is mainly a country of origin for trafficked persons, but it is increasingly also a "
        "country of destination."
    ) == {("MDA", "origin", "primary"), ("MDA", "destination", "growing")}
    assert roles(
        "Moldova is chiefly a source country for forced labor victims, and since 2015 it has increasingly "
        "become a destination for foreign men forced to work on farms."
    ) == {("MDA", "origin", "primary"), ("MDA", "destination", "growing")}
    assert roles(
        "Moldova is a source country for forced labor, and it is a popular destination for tourists."
    ) == {("MDA", "origin", None)}


def test_a_country_used_as_a_transit_point() -> None:
    assert roles("Gangs may also use Panama as a transit point for Cuban women sent north.") == {
        ("PAN", "transit", None)
    }
    assert roles("Traders use Ghana as a destination for cocoa exports.") == set()
