"""Flows of a tuning set, gold against what tipkb extracts: each flow keyed by (doc, origin, destination)
as the shared scorer keys it, printed when it is missed, spurious, or matched with other victims or
purposes, with the sentence each side gives as evidence.

    python benchmarks/flow_diff.py SET [SET ...] [--shared ../shared] [--all]

SET is a tuning set's name: seed, dev, h1, h2, h4, h5, cs1, cs3, cf1, cf3, cf4, ... Blind sets
(benchmarks/challenge/README.md, benchmarks/holdout/README.md) are refused: they are only scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import CHALLENGE, CHALLENGES, HOLDOUT, HOLDOUTS, ROOT  # noqa: E402
from tipkb.extract import extract_document  # noqa: E402
from tipkb.read import read_document  # noqa: E402

# The sets accuracy.py names blind or scored only.
BLIND = {stem for name, stem, *_ in (*HOLDOUTS, *CHALLENGES) if "blind" in name or "scored only" in name}


def set_files(name: str, shared: Path) -> tuple[Path, list[Path]]:
    corpus = shared / "corpus"
    if name == "seed":
        return corpus / "seed.gold.jsonl", [corpus / "seed.txt"]
    if name == "dev":
        return corpus / "dev" / "dgold.jsonl", sorted((corpus / "dev").glob("*.txt"))
    for _, stem, folder in HOLDOUTS:
        if stem == name:
            gold = HOLDOUT / f"{stem}.gold.jsonl"
            docs = {json.loads(line)["doc"] for line in gold.read_text(encoding="utf-8").splitlines() if line}
            return gold, [corpus / folder / f"{d}.txt" for d in sorted(docs)]
    folder = CHALLENGE / name
    return folder / f"{name}.gold.jsonl", sorted(folder.glob("*.txt"))


def code(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() if value.startswith("region:") else value.strip().upper()


def flows_by_key(facts: list[dict]) -> dict[tuple[str, str | None, str | None], list[dict]]:
    out: dict[tuple[str, str | None, str | None], list[dict]] = defaultdict(list)
    for f in facts:
        if f.get("type") == "flow":
            out[(Path(str(f["doc"])).stem, code(f.get("origin")), code(f.get("destination")))].append(f)
    return out


def said(f: dict) -> str:
    return f"victims={sorted(f.get('victims') or [])} exploitation={sorted(f.get('exploitation') or [])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--all", action="store_true", help="print agreeing flows too")
    args = parser.parse_args()
    for name in args.sets:
        if name in BLIND:
            sys.exit(f"{name} is a blind set: it is only scored (make accuracy)")
        gold_path, files = set_files(name, args.shared)
        gold = flows_by_key([json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x])
        texts = {p.stem: p.read_text(encoding="utf-8") for p in files}
        pred = flows_by_key([f.to_dict() for p in files for f in extract_document(read_document(p))])
        print(f"== {name}")
        for k in sorted(set(gold) | set(pred), key=str):
            g, p = gold.get(k, []), pred.get(k, [])
            optional = bool(g) and all(f.get("optional") for f in g)
            if g and p:
                agree = {
                    attr: any(sorted(a.get(attr) or []) == sorted(b.get(attr) or []) for a in g for b in p)
                    for attr in ("victims", "exploitation")
                }
                if all(agree.values()) and not args.all:
                    continue
                status = (
                    "ok" if all(agree.values()) else "DIFF " + ",".join(a for a, v in agree.items() if not v)
                )
            elif g:
                if optional:
                    continue
                status = "MISSED"
            else:
                status = "SPURIOUS"
            print(f"-- {status} {k[0]} {k[1]} -> {k[2]}{' (optional)' if optional else ''}")
            text = texts.get(k[0], "")
            for f in g:
                ev = f.get("evidence") or {}
                print(f"   gold {said(f)} {f.get('note', '')}")
                print(f"        «{text[ev.get('start', 0) : ev.get('end', 0)]}»")
            for f in p:
                print(f"   pred {said(f)} rule={f.get('rule')}")
                if not g:
                    print(f"        «{(f.get('evidence') or {}).get('text', '')}»")


if __name__ == "__main__":
    main()
