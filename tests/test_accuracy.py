"""Accuracy on the shared annotated corpora, scored by the shared scorer; fails below the targets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tipkb.extract import extract_document
from tipkb.read import read_document


def _score(shared: Path, gold: Path, files: list[Path], tmp_path: Path) -> dict:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w") as out:
        for f in files:
            for fact in extract_document(read_document(f)):
                out.write(json.dumps(fact.to_dict()) + "\n")
    gold_facts, _ = scorer.load(gold)
    pred_facts, _ = scorer.load(pred)
    return scorer.score(gold_facts, pred_facts)


def test_seed_targets(shared: Path, tmp_path: Path) -> None:
    result = _score(shared, shared / "corpus/seed.gold.jsonl", [shared / "corpus/seed.txt"], tmp_path)
    assert result["overall"]["f1"] >= 0.97


def test_dev_targets(shared: Path, tmp_path: Path) -> None:
    dev = shared / "corpus/dev"
    result = _score(shared, dev / "dgold.jsonl", sorted(dev.glob("*.txt")), tmp_path)
    assert result["overall"]["f1"] >= 0.93
    assert result["per_type"]["flow"]["f1"] >= 0.92
    for kind, row in result["per_type"].items():
        if row["gold"]:
            assert row["f1"] >= 0.85, kind
    attrs = result["attributes"]
    assert attrs["flow.victims"]["rate"] >= 0.85
    assert attrs["flow.exploitation"]["rate"] >= 0.85


def test_blind_holdout_targets(shared: Path, tmp_path: Path) -> None:
    """Raw narratives coded by annotators who saw neither the rules nor their output (benchmarks/holdout):
    h3, h6 and h7 were never used to change a rule, so they are the nearest thing to unseen text here."""
    holdout = Path(__file__).resolve().parents[1] / "benchmarks" / "holdout"
    floors = {
        "h1": ("raw", 0.95),
        "h2": ("raw", 0.95),
        "h3": ("raw", 0.80),
        "h4": ("raw-stats", 0.75),
        "h5": ("raw-stats", 0.75),
        "h6": ("raw-stats", 0.80),
        "h7": ("raw", 0.90),
    }
    for stem, (folder, floor) in floors.items():
        gold = holdout / f"{stem}.gold.jsonl"
        docs = sorted({json.loads(line)["doc"] for line in gold.read_text().splitlines() if line})
        result = _score(shared, gold, [shared / "corpus" / folder / f"{d}.txt" for d in docs], tmp_path)
        assert result["overall"]["f1"] >= floor, stem


def test_statistics_on_the_statistics_holdouts(shared: Path, tmp_path: Path) -> None:
    """Issue 11: statistics on the raw-stats excerpts (h4 and h5 read for errors, h6 only scored)."""
    holdout = Path(__file__).resolve().parents[1] / "benchmarks" / "holdout"
    floors = {"h4": 0.95, "h5": 0.90, "h6": 0.85}
    for stem, floor in floors.items():
        gold = holdout / f"{stem}.gold.jsonl"
        docs = sorted({json.loads(line)["doc"] for line in gold.read_text().splitlines() if line})
        result = _score(shared, gold, [shared / "corpus" / "raw-stats" / f"{d}.txt" for d in docs], tmp_path)
        row = result["per_type"]["statistic"]
        assert row["f1"] >= floor and row["precision"] >= 0.96, (stem, row)


def test_challenge_sets(shared: Path, tmp_path: Path) -> None:
    """Narratives written for tipkb by authors who saw neither the rules nor their output
    (benchmarks/challenge): cs1, cs3, cf1, cf3, cf4, cs4, cm1, cs5, cs7, cf5, cs9, cf6, cs10, cs11, cf7,
    cf8, cs13, cm4, cs15, cs16, cs17, cs18, cs24, cs25, cs27, cs28 and cf13 are read for errors; cs2, cf2,
    cm2, cm3, cs6, cs8, cs12, cf9, cs14, cs19, cs26, cf12, cf14 and cs30 only scored."""
    challenge = Path(__file__).resolve().parents[1] / "benchmarks" / "challenge"
    floors = {
        "cs1": 0.92,
        "cs2": 0.86,
        "cs3": 0.89,
        "cf1": 0.94,
        "cf2": 0.89,
        "cf3": 0.94,
        "cm1": 0.89,
        "cs5": 0.93,
        "cf4": 0.94,
        "cs4": 0.90,
        "cm2": 0.93,
        "cm3": 0.93,
        "cs6": 0.93,
        "cs8": 0.90,
        "cs7": 0.90,
        "cf5": 0.85,
        "cs9": 0.85,
        "cf6": 0.85,
        "cs11": 0.86,
        "cf8": 0.89,
        "cs10": 0.95,
        "cf7": 0.91,
        "cs12": 0.94,
        "cf9": 0.97,
        "cs13": 0.95,
        "cs14": 0.91,
        "cm4": 0.96,
        "cs15": 0.85,
        "cs16": 0.95,
        "cs19": 0.84,
        "cs17": 0.81,
        "cs18": 0.88,
        "cs24": 0.93,
        "cs25": 0.85,
        "cs26": 0.90,
        "cf12": 0.93,
        "cs27": 0.93,
        "cs28": 0.82,
        "cf13": 0.93,
        "cf14": 0.93,
        "cs30": 0.80,
    }
    for stem, floor in floors.items():
        folder = challenge / stem
        result = _score(shared, folder / f"{stem}.gold.jsonl", sorted(folder.glob("*.txt")), tmp_path)
        assert result["overall"]["f1"] >= floor, (stem, result["overall"])
        assert result["per_type"]["statistic"]["precision"] >= 0.90, stem
