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
