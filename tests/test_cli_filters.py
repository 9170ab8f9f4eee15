"""The list commands' filters: honoured, repeatable ones ORed, a single-valued option given twice refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Ran
from tipkb.cli import repeated_option
from tipkb.store import open_store
from web_fixtures import documents


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "kb.db")
    with open_store(path) as store:
        store.write_documents(documents())
    return path


def _json(ran: Ran) -> list[dict[str, object]]:
    assert ran.returncode == 0, ran.stderr
    rows: list[dict[str, object]] = json.loads(ran.stdout)
    return rows


def test_tiers_by_tier_and_country_ored(cli: Callable[..., Ran], db: str) -> None:
    def tiers(*args: str) -> set[tuple[object, ...]]:
        return {
            (r["country"], r["year"], r["tier"]) for r in _json(cli("tiers", *args, "-f", "json", "--db", db))
        }

    assert tiers("--tier", "2WL") == {("NPL", 2016, "2WL"), ("NPL", 2017, "2WL")}
    assert tiers("--tier", "tier 3", "--tier", "2wl") == tiers("--tier", "3") | tiers("--tier", "2WL")
    assert tiers("-c", "Nepal", "-c", "Thai") == tiers("-c", "NPL") | tiers("-c", "THA")
    bad = cli("tiers", "--tier", "4", "--db", db)
    assert bad.returncode == 2 and "unknown tier '4'" in bad.stderr


def test_flows_places_ored(cli: Callable[..., Ran], db: str) -> None:
    def ends(*args: str) -> set[tuple[object, object]]:
        return {(r["origin"], r["destination"]) for r in _json(cli("flows", *args, "-f", "json", "--db", db))}

    both = ends("--from", "Nepal", "--from", "Cambodia")
    assert both == ends("--from", "NPL") | ends("--from", "KHM") and len(both) == 4
    assert ends("--to", "Qatar", "--to", "India") == {("NPL", "QAT"), ("NPL", "IND")}


@pytest.mark.parametrize(
    ("argv", "twice"),
    [
        (["flows", "--year", "2016", "-y", "2017"], "--year"),
        (["flows", "--via=IND", "--via", "THA"], "--via"),
        (["stats", "NPL", "--metric", "convictions", "-m", "investigations"], "--metric"),
        (["flows", "--from", "NPL", "--from", "KHM"], None),  # repeatable
        (["flows", "--victims", "men", "--victims", "women"], None),
        (["flows", "--", "--year", "--year"], None),
        (["search", "--year"], None),  # not a value of its own: click reports it
    ],
)
def test_a_single_valued_option_given_twice(argv: list[str], twice: str | None) -> None:
    assert repeated_option(argv) == twice


def test_repeated_option_exit_2(cli: Callable[..., Ran], db: str) -> None:
    done = cli("tiers", "--year", "2016", "--year", "2017", "--db", db)
    assert done.returncode == 2
    assert done.stderr.strip() == "tipkb tiers: --year given more than once; it takes one value"
