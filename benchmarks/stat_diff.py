"""Statistics of a tuning set, gold against what tipkb extracts: each count keyed by (doc, country, metric,
value) as the shared scorer keys it, printed when it is missed, spurious, or matched with another year,
with the sentence each side gives as evidence and the scope each side reads.

    python benchmarks/stat_diff.py SET [SET ...] [--shared ../shared] [--all]

Blind sets are refused, as in flow_diff.py: they are only scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import ROOT  # noqa: E402
from flow_diff import BLIND, code, set_files  # noqa: E402
from tipkb.extract import extract_document  # noqa: E402
from tipkb.read import read_document  # noqa: E402

Key = tuple[str, str | None, str | None, int | None]


def as_int(value: object) -> int | None:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return None


def counts_by_key(facts: list[dict]) -> dict[Key, list[dict]]:
    out: dict[Key, list[dict]] = defaultdict(list)
    for f in facts:
        if f.get("type") == "statistic":
            key = (Path(str(f["doc"])).stem, code(f.get("country")), f.get("metric"), as_int(f.get("value")))
            out[key].append(f)
    return out


def said(f: dict) -> str:
    scope = f.get("scope") or "total"
    extra = f" span={f.get('span')}" if f.get("span") else ""
    return f"year={f.get('year')} scope={scope}{extra} exploitation={f.get('exploitation')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--all", action="store_true", help="print agreeing counts too")
    args = parser.parse_args()
    for name in args.sets:
        if name in BLIND:
            sys.exit(f"{name} is a blind set: it is only scored (make accuracy)")
        gold_path, files = set_files(name, args.shared)
        gold = counts_by_key([json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x])
        pred = counts_by_key([f.to_dict() for p in files for f in extract_document(read_document(p))])
        print(f"== {name}")
        for k in sorted(set(gold) | set(pred), key=str):
            g, p = gold.get(k, []), pred.get(k, [])
            optional = bool(g) and all(f.get("optional") for f in g)
            if g and p:
                agree = any(as_int(a.get("year")) == as_int(b.get("year")) for a in g for b in p)
                if agree and not args.all:
                    continue
                label = "YEAR" if not agree else "OK"
            elif g:
                if optional and not args.all:
                    continue
                label = "MISSED"
            else:
                label = "SPURIOUS"
            print(f"-- {label} {k[0]} {k[1]} {k[2]} {k[3]}{' (optional)' if optional else ''}")
            for f in g:
                note = f" note={f['note']}" if f.get("note") else ""
                print(f"   gold {said(f)}{note}\n        «{f['evidence'].get('text', f['evidence'])}»")
            for f in p:
                print(
                    f"   pred {said(f)} rule={f.get('rule')}\n        «{f['evidence'].get('text', f['evidence'])}»"
                )


if __name__ == "__main__":
    main()
