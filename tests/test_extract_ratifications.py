from __future__ import annotations

from tests.helpers import facts_of


def rats(text: str, source: str = "notes.txt") -> set[tuple[str, int | None, int | None]]:
    return {(f["country"], f["year"], f["month"]) for f in facts_of(text, "ratification", source)}


def test_month_and_year() -> None:
    assert rats("Latvia ratified the 2000 UN TIP Protocol in May 2004.") == {("LVA", 2004, 5)}


def test_year_only_and_the_country() -> None:
    assert rats("The country acceded to the Palermo Protocol in 2011.", "gabon.txt") == {("GAB", 2011, None)}


def test_the_protocols_own_year_is_not_the_date() -> None:
    assert rats("Myanmar ratified the 2000 UN TIP Protocol.") == {("MMR", None, None)}


def test_not_ratified() -> None:
    assert rats("Bhutan has not ratified the 2000 UN TIP Protocol.") == set()


def test_not_a_party() -> None:
    assert rats("Iran is not a party to the 2000 UN TIP Protocol.") == set()
    assert rats("Nepal acceded to the Palermo Protocol on 16 June 2020.") == {("NPL", 2020, 6)}


def test_the_date_before_the_verb() -> None:
    assert rats("In June 2009, Chad acceded to the Palermo Protocol.") == {("TCD", 2009, 6)}
    text = "Parliament passed an anti-trafficking law in 2004, and in May of the same year Peru ratified the protocol on trafficking."
    assert rats(text) == {("PER", 2004, 5)}


def test_the_un_trafficking_protocol() -> None:
    assert rats("Benin ratified the UN Trafficking Protocol in 2004.") == {("BEN", 2004, None)}
