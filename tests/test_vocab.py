"""The contract's codes, labels, orders and region tree come from one data file (data/contract.toml), and
every layer reads the same ones."""

from __future__ import annotations

import importlib

from tipkb import model
from tipkb.analysis.regions import in_region, region_members
from tipkb.places import gazetteer
from tipkb.vocab import contract
from tipkb.web import maps, pages, svg, views

# (tipkb.analysis exports functions of these names: the modules themselves.)
ask = importlib.import_module("tipkb.analysis.ask.common")
changes = importlib.import_module("tipkb.analysis.changes")


def test_the_model_enums_are_the_contracts() -> None:
    c = contract()
    assert (
        c.fact_types,
        c.roles,
        c.tiers,
        c.metrics,
    ) == (model.FACT_TYPES, model.ROLES, model.TIERS, model.METRICS)
    assert c.exploitation == model.EXPLOITATION and c.victims == model.VICTIMS


def test_every_code_has_its_names() -> None:
    c = contract()
    assert set(c.tier_labels) == set(c.tier_phrases) == set(c.tier_short) == set(c.tiers)
    assert set(c.metric_labels) == set(c.metric_phrases) == set(c.metrics)
    assert set(c.exploitation_phrases) == set(c.exploitation) and set(c.role_phrases) == set(c.roles)
    assert set(c.tier_rank) == set(c.tiers) - {"special"}
    assert [c.tier_rank[t] for t in ("1", "2", "2WL", "3")] == [0, 1, 2, 3]


def test_one_table_each_for_every_layer() -> None:
    c = contract()
    assert ask.TIER_NAMES is c.tier_phrases and ask.METRIC_NAMES is c.metric_phrases
    assert ask._TIER_RANK is changes.TIER_ORDER is c.tier_rank
    assert svg.TIER_LABELS is c.tier_labels and pages.METRIC_LABELS is c.metric_labels
    assert views.region_groups() is c.region_parents
    assert maps.ROLE_LABELS["r-otd"] == "origin, transit and destination"


def test_the_region_tree_is_every_regions_in_the_gazetteer() -> None:
    names = {code.removeprefix("region:") for code in gazetteer().names if code.startswith("region:")}
    tree = contract().region_parents
    assert set(tree) <= names and set(tree.values()) <= names


def test_sub_saharan_africa_is_africa_south_of_the_sahara_in_analysis_and_web_alike() -> None:
    # Nigeria (West Africa) and Kenya (East Africa) are in it; Egypt (North Africa) is not; it is in Africa.
    for code in ("NGA", "KEN", "ZAF", "COD"):
        assert in_region(code, "region:Sub-Saharan Africa") and views.in_region(code, "Sub-Saharan Africa")
    assert not in_region("EGY", "region:Sub-Saharan Africa")
    assert not views.in_region("EGY", "Sub-Saharan Africa")
    assert in_region("region:Sub-Saharan Africa", "region:Africa")
    assert views.in_region("region:Sub-Saharan Africa", "Africa")
    assert in_region("region:West Africa", "region:Sub-Saharan Africa")
    assert region_members("Sub-Saharan Africa") | region_members("North Africa") == region_members("Africa")
