"""Ratifications of issue 12 (own sentences): a bare "the Protocol" after the Palermo Protocol was named."""

from __future__ import annotations

from tests.helpers import facts_of


def ratifications(text: str, source: str = "notes.txt") -> set[tuple[str, int | None, int | None]]:
    return {(f["country"], f["year"], f["month"]) for f in facts_of(text, "ratification", source)}


def test_the_protocol_after_the_palermo_protocol_was_named() -> None:
    text = (
        "Vanuatu and the Palermo Protocol\n\n"
        "The Palermo Protocol is the main international instrument against human trafficking. "
        "Vanuatu acceded to the Protocol in 2013. Its neighbour Kiribati ratified the protocol in 2005."
    )
    assert ratifications(text) == {("VUT", 2013, None), ("KIR", 2005, None)}


def test_the_protocol_with_no_palermo_protocol_named_is_none() -> None:
    assert ratifications("Samoa acceded to the Protocol in 2014.") == set()


def test_another_protocol_named_since_is_what_the_protocol_means() -> None:
    text = (
        "Kiribati is a source country. The Palermo Protocol entered into force in 2003. Kiribati acceded to "
        "the protocol in May 2005. It ratified the Optional Protocol on the sale of children in 2015. "
        "Kiribati accepted the Protocol in 2016."
    )
    assert ratifications(text) == {("KIR", 2005, 5)}
    # "the Protocol on the Smuggling of Migrants" is not a bare "the Protocol".
    text = "Fiji signed the UN TIP Protocol in 2001. Fiji ratified the Protocol on the Smuggling of Migrants in 2017."
    assert ratifications(text) == set()


def test_a_later_clause_with_its_own_country_that_points_back_at_the_protocol() -> None:
    text = "Fiji ratified the 2000 UN TIP Protocol in September 2005; neighbouring Tonga had acceded to it in 2003."
    assert ratifications(text) == {("FJI", 2005, 9), ("TON", 2003, None)}
    text = "Kiribati acceded to the Palermo Protocol in 2005, and Tuvalu ratified it in 2010."
    assert ratifications(text) == {("KIR", 2005, None), ("TUV", 2010, None)}
    # Negated, with no country of its own, or about another instrument: nothing more.
    assert ratifications("Fiji acceded to the Palermo Protocol in 2017; Tonga has not ratified it.") == {
        ("FJI", 2017, None)
    }
    assert ratifications("Fiji ratified the Palermo Protocol in 2017, and it ratified it again.") == {
        ("FJI", 2017, None)
    }
    text = "Fiji acceded to the Palermo Protocol in 2017 and Tonga ratified the ILO convention in 2019."
    assert ratifications(text) == {("FJI", 2017, None)}


def test_a_ratification_still_to_come_is_none() -> None:
    for text in (
        "The Palermo Protocol was adopted in 2000. Tonga is expected to ratify the Protocol next year.",
        "Tonga will accede to the Palermo Protocol in 2026.",
        "Tonga plans to become a party to the Palermo Protocol.",
    ):
        assert ratifications(text) == set(), text
    assert ratifications("Tonga became a party to the Palermo Protocol in 2008.") == {("TON", 2008, None)}
