from __future__ import annotations

from tests.helpers import facts_of


def test_range_and_articles() -> None:
    (fact,) = facts_of(
        "Articles 201 and 202(2) of the penal code prescribe penalties of four to 12 years imprisonment.",
        "penalty",
        "chile.txt",
    )
    assert fact["min_years"] == 4 and fact["max_years"] == 12
    assert fact["articles"] == ["201", "202(2)"]


def test_up_to() -> None:
    (fact,) = facts_of("The law prescribes penalties of up to 20 years imprisonment.", "penalty", "chile.txt")
    assert fact["min_years"] is None and fact["max_years"] == 20
