"""The rule set's identity: a hash of the rule code and vocabulary data, stored per document, so that after a
change `tipkb status` counts the stale documents and `tipkb reextract` redoes exactly those."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import Ran

from store_helpers import write_corpus
from tipkb import ruleset
from tipkb.pipeline import ingest, reextract
from tipkb.ruleset import RULESET, current_ruleset, rule_inputs, ruleset_of
from tipkb.store import open_store

PACKAGE = Path(ruleset.__file__).parent


def changed_inputs(tmp_path: Path, relative: str) -> list[Path]:
    """The installed rule inputs, with one of them replaced by a changed copy (as after an upgrade)."""
    original = PACKAGE / relative
    copy = tmp_path / "changed" / relative
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(original.read_bytes() + b"\n# a changed rule\n")
    return [copy if p == original else p for p in rule_inputs()]


def test_the_identity_covers_rule_code_and_vocabulary_data() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in rule_inputs()}
    assert {
        "extract/flows/clauses.py",
        "extract/tiers.py",
        "data/vocabulary.toml",
        "places/data/countries.tsv",
    } <= names
    assert current_ruleset() == RULESET
    assert RULESET.startswith("tiers.v1+") and "@" in RULESET


@pytest.mark.parametrize("relative", ["extract/tiers.py", "data/vocabulary.toml", "places/data/regions.tsv"])
def test_a_changed_rule_or_vocabulary_file_changes_the_identity(tmp_path: Path, relative: str) -> None:
    names = RULESET.split("@")[0]
    assert ruleset_of(names, rule_inputs()) == RULESET
    assert ruleset_of(names, changed_inputs(tmp_path, relative)) != RULESET


def status(cli: Callable[..., Ran], db: str) -> dict[str, object]:
    done = cli("status", "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_after_a_rule_changes_status_counts_stale_and_reextract_redoes_exactly_those(
    cli: Callable[..., Ran], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    db = str(tmp_path / "kb.db")
    old, new = [str(p) for p in corpus[:2]], str(corpus[2])
    with open_store(db) as store:
        ingest(store, old)
    assert status(cli, db)["stale"] == 0

    # An upgrade: the flows rules' code changed.
    monkeypatch.setattr(ruleset, "rule_inputs", lambda: changed_inputs(tmp_path, "extract/flows/clauses.py"))
    upgraded = current_ruleset()
    assert upgraded != RULESET
    with open_store(db) as store:
        ingest(store, [new])  # made by the new rules
    before = status(cli, db)
    assert before["stale"] == 2 and before["documents"] == 3 and before["ruleset"] == upgraded
    table = cli("status", "--db", db)
    assert "2 stale (extracted by older rules): run `tipkb reextract`" in table.stdout

    redone: list[tuple[str, str]] = []
    with open_store(db) as store:
        report = reextract(store, progress=lambda source, outcome: redone.append((source, outcome)))
        assert dict(report.outcomes) == {"reextracted": 2}
        assert sorted(redone) == sorted((source, "reextracted") for source in old)
        assert store.rulesets() == [(upgraded, 3)]
    assert status(cli, db)["stale"] == 0
    with open_store(db) as store:
        assert dict(reextract(store).outcomes) == {}
