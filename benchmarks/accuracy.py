"""Accuracy of quoteattr on the annotated corpora, as the shared scorer measures it.

Runs the command line (``python -m quoteattr --jsonl IN -o OUT``, the contract of DESIGN.md)
over each corpus, scores the output with ``score.py`` and prints Markdown tables: detection and
speaker accuracy per corpus, then, pooled over the corpora, speaker accuracy by rule and by
confidence band (so that one can see that confidence orders right above wrong answers).

Usage::

    python benchmarks/accuracy.py ../shared/data [--score ../shared/eval/score.py]
                                  [--gold-seed ../shared/gold/seed.json] [--only polnear,litbank]

The corpora are not part of the repository; give the folder that holds them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (label, file under the corpus folder, --types argument or None)
CORPORA = [
    ("PolNeAR dev, direct", "polnear/dev.jsonl", "direct"),
    ("PolNeAR dev, all types", "polnear/dev.jsonl", None),
    ("QuoteLi3 train", "quoteli3/train.jsonl", None),
    ("LitBank dev", "litbank/dev.jsonl", None),
    ("PDNC train", "pdnc/train.jsonl", None),
]
BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def run_cli(gold: Path, out: Path) -> float:
    """Run the command line on a corpus; returns the seconds it took."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "quoteattr", "--jsonl", str(gold), "-o", str(out)],
        check=False,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def per_quote(scorer, gold: dict, pred: dict, types: set[str] | None):
    """(rule, confidence, right) for every matched gold quote that has a speaker."""
    rows = []
    for doc_id, g in gold.items():
        p = pred.get(doc_id)
        if p is None:
            continue
        pq = [q for q in p["quotes"] if types is None or q.get("type", next(iter(types))) in types]
        index = scorer.characters_named(g)
        for gi, pi, _ in scorer.match(g["text"], g["quotes"], pq):
            gq = g["quotes"][gi]
            if types is not None and gq.get("type") not in types:
                continue
            if not (gq.get("speaker") or gq.get("speaker_mentions")):
                continue
            q = pq[pi]
            rows.append((q.get("rule"), q.get("confidence", 0.0), scorer.same_speaker(q, gq, g, index)))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", type=Path, help="the folder holding polnear/, quoteli3/, litbank/, pdnc/")
    ap.add_argument("--score", type=Path, help="score.py (default: ../eval/score.py next to the corpora)")
    ap.add_argument("--gold-seed", type=Path, help="seed.json (default: ../gold/seed.json next to the corpora)")
    ap.add_argument("--only", help="comma-separated words; keep the corpora whose label contains one")
    args = ap.parse_args(argv)
    root = args.corpora.resolve()
    scorer = load_scorer(args.score or root.parent / "eval" / "score.py")
    seed = args.gold_seed or root.parent / "gold" / "seed.json"
    corpora = list(CORPORA)
    tmp = Path(tempfile.mkdtemp(prefix="quoteattr-accuracy-"))
    if seed.exists():
        seed_jsonl = tmp / "seed.jsonl"
        seed_jsonl.write_text(json.dumps(json.loads(seed.read_text(encoding="utf-8"))) + "\n", encoding="utf-8")
        corpora = [("seed article, direct", str(seed_jsonl), "direct"), ("seed article, all types", str(seed_jsonl), None), *corpora]
    if args.only:
        words = [w.strip().lower() for w in args.only.split(",")]
        corpora = [c for c in corpora if any(w in c[0].lower() for w in words)]

    print("| corpus | documents | detection P / R / F1 | speaker accuracy | end-to-end F1 | MB/s |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    pooled = []
    outputs: dict[str, tuple[Path, float]] = {}
    for label, rel, types in corpora:
        gold_path = Path(rel) if Path(rel).is_absolute() else root / rel
        if not gold_path.exists():
            print(f"| {label} | (missing: {gold_path}) | | | | |")
            continue
        if str(gold_path) not in outputs:
            out = tmp / (gold_path.parent.name + "-" + gold_path.stem + ".out.jsonl")
            outputs[str(gold_path)] = (out, run_cli(gold_path, out))
        out, seconds = outputs[str(gold_path)]
        gold = scorer.load(gold_path)
        pred = scorer.load(out)
        typeset = set(types.split(",")) if types else None
        r = scorer.score(gold, pred, typeset)
        det = r["detection"]
        size = sum(len(d["text"]) for d in gold.values()) / 1e6
        speed = size / seconds if seconds else 0.0
        acc = r["speaker_accuracy_on_found"]
        print(
            f"| {label} | {r['documents']} | {det['precision']:.3f} / {det['recall']:.3f} / {det['f1']:.3f} "
            f"| {acc if acc is None else f'{acc:.3f}'} | {r['end_to_end']['f1']:.3f} | {speed:.2f} |"
        )
        if "seed" not in label and not (label.startswith("PolNeAR") and types is None):
            pooled += per_quote(scorer, gold, pred, typeset)

    if pooled:
        print("\nSpeaker accuracy by rule (matched quotes, pooled over the corpora above but the seed):\n")
        print("| rule | quotes | accuracy |")
        print("| --- | ---: | ---: |")
        rules: dict[str, list[bool]] = {}
        for rule, _, right in pooled:
            rules.setdefault(rule or "none", []).append(right)
        for rule, rights in sorted(rules.items(), key=lambda kv: -len(kv[1])):
            print(f"| {rule} | {len(rights)} | {sum(rights) / len(rights):.3f} |")
        print("\nSpeaker accuracy by confidence band:\n")
        print("| confidence | quotes | accuracy |")
        print("| --- | ---: | ---: |")
        for lo, hi in BANDS:
            rights = [right for _, conf, right in pooled if lo <= (conf or 0.0) < hi]
            if rights:
                print(f"| [{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'} | {len(rights)} | {sum(rights) / len(rights):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
