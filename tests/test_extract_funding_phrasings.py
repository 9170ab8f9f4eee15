"""Funding phrasing families: currency forms, whose money it is, what is not money given."""

from __future__ import annotations

from tests.helpers import facts_of


def money(text: str, source: str = "kenya.txt") -> set[tuple[str, float, str]]:
    return {(f["country"], f["amount"], f["currency"]) for f in facts_of(text, "funding", source)}


def test_codes_and_symbols_before_the_amount() -> None:
    assert money("The ministry allocated KES 45 million to the victims' trust fund.") == {
        ("KEN", 45_000_000, "KES")
    }
    assert money("The department budgeted Ksh 2.5 million for rescue operations.") == {
        ("KEN", 2_500_000, "KES")
    }
    assert money("In 2020 the cabinet disbursed EUR 410,000 to two shelters.", "estonia.txt") == {
        ("EST", 410_000, "EUR")
    }
    assert money("The council spent RM 600,000 on its shelters.", "malaysia.txt") == {("MYS", 600_000, "MYR")}


def test_amounts_glued_to_their_symbol_or_scale() -> None:
    assert money("The government set aside $2.4m for victim services.") == {("KEN", 2_400_000, "USD")}
    assert money("The department allocated R7 million to shelters.", "south-africa.txt") == {
        ("ZAF", 7_000_000, "ZAR")
    }
    assert money("The agency provided GH¢120,000 to the shelter fund.", "ghana.txt") == {
        ("GHA", 120_000, "GHS")
    }
    assert money("The police unit received 3.5m shillings from the treasury in 2019.") == {
        ("KEN", 3_500_000, "KES")
    }


def test_south_asian_scales_and_rupees_of_the_country() -> None:
    assert money("The ministry allocated 75 lakh rupees to anti-trafficking units.", "nepal.txt") == {
        ("NPL", 7_500_000, "NPR")
    }
    assert money("The state government sanctioned funds of Rs 3 crore for shelters.", "india.txt") == {
        ("IND", 30_000_000, "INR")
    }


def test_names_several_countries_use_take_the_givers_country() -> None:
    assert money("The ministry spent 900,000 lei on the rehabilitation center.", "moldova.txt") == {
        ("MDA", 900_000, "MDL")
    }
    assert money("The government allocated 2 million dirhams to the shelter.", "morocco.txt") == {
        ("MAR", 2_000_000, "MAD")
    }
    assert money("The council allocated 40 million FCFA to the shelters in 2018.", "cameroon.txt") == {
        ("CMR", 40_000_000, "XAF")
    }
    assert money("The ministry disbursed 12 million CFA francs to the committee.", "senegal.txt") == {
        ("SEN", 12_000_000, "XOF")
    }
    assert money("The government gave 300,000 Uzbek som to a rehabilitation center.", "kyrgyzstan.txt") == {
        ("KGZ", 300_000, "UZS")
    }
    assert money("The ministry financed the hotline with 80,000 rubles.", "belarus.txt") == {
        ("BLR", 80_000, "BYN")
    }


def test_a_named_government_gives_its_own_money() -> None:
    assert money("The U.S. government provided $1.5 million to IOM for shelters in Kenya.") == {
        ("USA", 1_500_000, "USD")
    }
    assert money("The Government of Norway contributed 4 million kroner to a regional program.") == {
        ("NOR", 4_000_000, "NOK")
    }
    assert money("A grant of $300,000 was provided by the Japanese government for a shelter.") == {
        ("JPN", 300_000, "USD")
    }


def test_organizations_donors_and_private_people_are_no_government() -> None:
    assert money("With funding from a foreign government, IOM provided $250,000 for reintegration.") == set()
    assert money("International donors contributed $3 million to the national action plan.") == set()
    assert money("The shelter received $40,000 from a private foundation.") == set()
    assert money("Kenyan migrants spent up to $4,000 to reach the Gulf.") == set()
    assert money("Victims received $150 each as a monthly stipend.") == set()


def test_money_from_the_state_counts_for_the_government() -> None:
    assert money("The shelter received 6 million shillings from the Ministry of Labour.") == {
        ("KEN", 6_000_000, "KES")
    }
    assert money(
        "An NGO ran the hotline, funded by a government grant of 9 million shillings.", "kenya.txt"
    ) == {("KEN", 9_000_000, "KES")}


def test_money_not_given() -> None:
    assert money("The government did not disburse the 20 million shillings it had pledged.") == set()
    assert money("The ministry failed to release $50,000 promised to the shelters.") == set()
    assert money("The court awarded each victim 800,000 shillings in compensation.") == set()
    assert money("Investigators seized assets worth $2 million from the network.") == set()
    assert money("The government did not provide funding for victim services.") == set()
    assert money("The government provided in-kind support to NGO shelters.") == set()


def test_more_words_for_giving_money() -> None:
    assert money("The government gave 500,000 shillings to a church-run shelter.") == {
        ("KEN", 500_000, "KES")
    }
    assert money("The government's contribution to the fund was 7 million shillings.") == {
        ("KEN", 7_000_000, "KES")
    }
    assert money("Funding for the anti-trafficking unit amounted to 15 million shillings in 2019.") == {
        ("KEN", 15_000_000, "KES")
    }


def test_a_comparison_sentence_after_an_allocation() -> None:
    text = (
        "The government allocated 2.2 million soms to the action plan in 2016. "
        "This compares with 1.9 million soms in 2015."
    )
    assert money(text, "kyrgyzstan.txt") == {("KGZ", 2_200_000, "KGS"), ("KGZ", 1_900_000, "KGS")}
    text = (
        "The government allocated 2.2 million soms to the action plan in 2016. "
        "Police arrested nine suspects. This compares with 1.9 million soms in 2015."
    )
    assert money(text, "kyrgyzstan.txt") == {("KGZ", 2_200_000, "KGS")}
