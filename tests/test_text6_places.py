"""Country names with a hyphen added or dropped resolve everywhere names are resolved (issue 12)."""

from __future__ import annotations

import pytest
from tests.helpers import pairs

from tipkb.context import subject_from_name
from tipkb.places import resolve_place


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sierra-Leone", "SLE"),
        ("Bosnia Herzegovina", "BIH"),
        ("Bosnia-Herzegovina", "BIH"),
        ("Guinea Bissau", "GNB"),
        ("Timor Leste", "TLS"),
        ("Burkina-Faso", "BFA"),
        ("Papua-New Guinea", "PNG"),
        ("Cote-d'Ivoire", "CIV"),
        ("Trinidad Tobago", "TTO"),
        ("Sierra-Leonean", "SLE"),
        ("SIERRA-LEONE", "SLE"),
    ],
)
def test_a_hyphen_added_or_dropped_resolves(name: str, code: str) -> None:
    assert resolve_place(name) == code


def test_in_running_text() -> None:
    text = (
        "Women from Sierra-Leone are forced into prostitution in Guinea Bissau. Men from Bosnia Herzegovina "
        "are forced to labor in Timor Leste. Boys from Burkina-Faso are forced to work in Cote-d'Ivoire. "
        "Sierra-Leonean girls are exploited in NEW-ZEALAND."
    )
    assert pairs(text) == {("SLE", "GNB"), ("BIH", "TLS"), ("BFA", "CIV"), ("SLE", "NZL")}


def test_in_a_file_name() -> None:
    # "guinea-bissau" is Guinea-Bissau, not Guinea.
    assert subject_from_name("guinea-bissau-2019.txt") == "GNB"
    assert subject_from_name("r3-timor-leste.txt") == "TLS"


def test_names_of_lower_case_words_keep_their_spaces() -> None:
    assert resolve_place("Republic-of-Korea") is None
    assert resolve_place("Guinea") == "GIN"


def test_in_headings_in_capitals() -> None:
    from tests.helpers import facts_of

    text = (
        "2015 Trafficking in Persons Report\n\nSIERRA-LEONE: TIER 2\n\nThe government made efforts.\n\n"
        "GUINEA BISSAU (Tier 2 Watch List)\n\nThe government made few efforts."
    )
    assert {(f["country"], f["year"], f["tier"]) for f in facts_of(text, "tier")} == {
        ("SLE", 2015, "2"),
        ("GNB", 2015, "2WL"),
    }
