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


def test_the_verb_nearest_the_instrument_dates_it() -> None:
    text = (
        "Kenya ratified the ILO Forced Labour Protocol in 2019 and acceded to the Palermo Protocol in 2006."
    )
    assert rats(text, "kenya.txt") == {("KEN", 2006, None)}
    text = "Kenya ratified the Palermo Protocol in 2006 but has not ratified the ILO convention on domestic work."
    assert rats(text, "kenya.txt") == {("KEN", 2006, None)}


def test_signed_but_not_ratified_and_other_clauses() -> None:
    assert rats("Kenya signed the Palermo Protocol in 2001 but has not ratified it.", "kenya.txt") == set()
    assert rats("Kenya ratified the Palermo Protocol; in 2011 it passed a new law.", "kenya.txt") == {
        ("KEN", None, None)
    }


def test_more_names_of_the_protocol() -> None:
    assert rats("Kenya has ratified the Trafficking Protocol (2006).", "kenya.txt") == {("KEN", 2006, None)}
    assert rats("Kenya became a party to the UN protocol against trafficking in 2006.", "kenya.txt") == {
        ("KEN", 2006, None)
    }
