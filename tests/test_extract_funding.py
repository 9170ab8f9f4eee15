from __future__ import annotations

from tests.helpers import facts_of


def money(text: str, source: str = "armenia.txt") -> set[tuple[float, str]]:
    return {(f["amount"], f["currency"]) for f in facts_of(text, "funding", source)}


def test_dollars_with_approximation() -> None:
    assert money("The government allocated nearly $40,000 for victim assistance in 2012.") == {(40000, "USD")}


def test_local_currency_and_dollar_equivalent() -> None:
    got = money("The ministry spent 19 million drams ($47,000) on shelters in 2015.")
    assert (19_000_000, "AMD") in got and (47000, "USD") in got


def test_currency_code_after_amount() -> None:
    assert money("The unit reported spending 90,000 TTD on victim care.", "trinidad-and-tobago.txt") == {
        (90000, "TTD")
    }


def test_fines_are_not_funding() -> None:
    assert money("The law provides for fines of up to $10,000.") == set()


def test_money_allotted() -> None:
    assert money(
        "The Norwegian Government allotted $12 million to combat trafficking in 2004-2006.", "norway.txt"
    ) == {(12000000, "USD")}


def test_a_demonym_says_whose_currency() -> None:
    assert money(
        "In 2021 the ministry allocated 12 million Egyptian pounds to a new shelter.", "egypt.txt"
    ) == {(12_000_000, "EGP")}
    assert money(
        "Officials disbursed 8 million Dominican pesos for victim care.", "dominican-republic.txt"
    ) == {(8_000_000, "DOP")}
    assert money(
        "The state gave nothing, but the council provided 2 million Kenyan shillings.", "kenya.txt"
    ) == {(2_000_000, "KES")}


def test_currencies_named_after_the_amount() -> None:
    assert money(
        "The regional bureau contributed 90,000 birr toward a reintegration center.", "ethiopia.txt"
    ) == {(90000, "ETB")}
    assert money("The council spent 300,000 rials on its shelter.", "oman.txt") == {(300000, "OMR")}


def test_a_word_far_from_the_amount_does_not_undo_it() -> None:
    got = money(
        "The government allocated 1.1 million bolivianos ($160,000) to the council, mostly for salaries."
    )
    assert (1_100_000, "BOB") in got


def test_not_funding_words_before_the_governing_verb_belong_to_another_clause() -> None:
    got = money("Recruiters paid police $2,000 in bribes, while the ministry provided $7,500 to shelters.")
    assert got == {(7500, "USD")}


def test_dollars_of_another_country_only_with_its_demonym() -> None:
    got = money("The ministry provided 60,000 Fijian dollars ($29,000) to shelters.", "fiji.txt")
    assert got == {(60000, "FJD"), (29000, "USD")}
    assert money("The ministry provided 60,000 dollars to shelters.", "fiji.txt") == {(60000, "USD")}


def test_a_budget_stated_with_a_copula() -> None:
    got = money(
        "The anti-trafficking secretariat's budget was 12.5 million quetzales in 2019.", "guatemala.txt"
    )
    assert got == {(12_500_000, "GTQ")}


def test_a_purpose_broken_after_its_hyphen_at_a_line_end_reads_as_one_word() -> None:
    text = "In 2020, the ministry gave EUR 40,000 to the NGO LEFÖ-\nIBF for shelter.\n"
    assert [f["purpose"] for f in facts_of(text, "funding", "austria.txt")] == [
        "the NGO LEFÖ-IBF for shelter"
    ]
