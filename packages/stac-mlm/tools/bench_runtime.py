"""Runtime benchmarks of stac-mlm, printed with their baselines in the same run (``nox -s bench``).

1. Cold ``import stac_mlm``: median over fresh interpreters (goal: under 0.3 s).
2. Documents per second (CPU time, so that other processes on the machine weigh less) on the official
   v1.5.2 examples: ``stac_mlm.parse``, its parts, ``parse(d).to_dict()`` (goal: at least twice the
   rate of the baseline revision), and ``ItemProperties.from_dict`` beside stac-model's
   ``MLModelProperties.model_validate`` on the documents both accept (goal: at least as fast).

``--baseline REF`` also measures the stac_mlm package of git revision REF (extracted with ``git archive``,
run in a child process on the same documents) and prints both columns and their ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _revision import package_at

IMPORT_RUNS = 15
SECONDS_PER_FIGURE = 1.5
TO_DICT = "stac_mlm.parse(d).to_dict()"
FROM_DICT = "stac_mlm ItemProperties.from_dict (properties only)"
PEER = "stac-model 0.7.0 MLModelProperties.model_validate (properties only)"


def cold_import(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)]
    for _ in range(IMPORT_RUNS - 1):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        runs.append(float(out))
    return statistics.median(runs)


def throughput(documents: list[Any], read: Callable[[Any], Any]) -> float:
    """Documents per CPU second (the best of three rounds)."""
    for document in documents:  # warm up (lazy imports, caches)
        read(document)
    rates = []
    for _ in range(3):
        count, started = 0, time.process_time()
        while (elapsed := time.process_time() - started) < SECONDS_PER_FIGURE / 3:
            for document in documents:
                read(document)
            count += len(documents)
        rates.append(count / elapsed)
    return max(rates)


def _items(examples: Path) -> list[Any]:
    import stac_mlm

    items = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(examples.glob("item_*.json"))]
    return [d for d in items if stac_mlm.validate(d) == []]


def _peer_accepted(items: list[Any]) -> list[Any]:
    try:
        from stac_model.schema import MLModelProperties
    except ImportError:
        return []
    accepted = []
    for document in items:
        try:
            MLModelProperties.model_validate(document["properties"])
        except Exception:
            continue
        accepted.append(document)
    return accepted


def figures(examples: Path) -> dict[str, float]:
    """Documents/s of this interpreter's stac_mlm (the peer's figure too when stac-model is installed)."""
    import stac_mlm
    from stac_mlm.models import ItemProperties, MLMItem

    items = _items(examples)
    found = {
        "stac_mlm.parse (validate + typed objects)": throughput(items, stac_mlm.parse),
        "  of which stac_mlm.validate": throughput(items, stac_mlm.validate),
        "  of which MLMItem.from_dict": throughput(items, MLMItem.from_dict),
        TO_DICT: throughput(items, lambda d: stac_mlm.parse(d).to_dict()),
    }
    accepted = _peer_accepted(items)
    if accepted:
        from stac_model.schema import MLModelProperties

        found[FROM_DICT] = throughput(accepted, lambda d: ItemProperties.from_dict(d["properties"]))
        found[PEER] = throughput(accepted, lambda d: MLModelProperties.model_validate(d["properties"]))
    return found


def baseline_figures(ref: str, examples: Path) -> dict[str, float]:
    """The figures of the stac_mlm package of git revision ``ref``, measured in a child process."""
    with package_at(ref) as (_source, environment):
        command = [sys.executable, __file__, "--examples", str(examples), "--figures-json"]
        result = subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    found: dict[str, float] = json.loads(result.stdout)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, required=True, help="folder of the official examples")
    parser.add_argument("--baseline", metavar="REF", help="also measure the stac_mlm of this git revision")
    parser.add_argument("--figures-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.figures_json:
        print(json.dumps(figures(args.examples)))
        return 0

    runs = f"over {IMPORT_RUNS} fresh interpreters"
    print(f"cold `import stac_mlm`: median {cold_import('stac_mlm') * 1000:.0f} ms {runs} (goal < 300 ms)")
    models = cold_import("stac_mlm.models")
    print(f"cold `import stac_mlm.models` (the classes, loaded by the first parse): median {models * 1000:.0f} ms")
    if not args.examples.is_dir():
        print(f"parse throughput skipped: no examples at {args.examples}")
        return 0
    before: dict[str, float] = {}
    if args.baseline:
        try:
            before = baseline_figures(args.baseline, args.examples)
        except subprocess.CalledProcessError as error:  # e.g. a shallow clone without that revision
            print(f"baseline {args.baseline} not measured: {error.stderr.strip() if error.stderr else error}")
    now = figures(args.examples)
    count = len(_items(args.examples))
    accepted = len(_peer_accepted(_items(args.examples)))
    official = args.examples.resolve().parent.name  # the upstream data's folder per version (mlm/<version>/examples)
    print(f"documents per CPU second on the {count} valid official {official} Item examples", end="")
    print(f" (the properties-only lines: on the {accepted} stac-model reads)" if accepted else "")
    width = max(len(label) for label in now)
    head = f"  {'':<{width}}  {'this tree':>10}"
    print(head + (f"  {args.baseline:>10}  {'ratio':>6}" if before else ""))
    for label, value in now.items():
        line = f"  {label:<{width}}  {value:>10,.0f}"
        if label in before:
            line += f"  {before[label]:>10,.0f}  {value / before[label]:>5.2f}x"
        print(line)
    if TO_DICT in before:
        ratio = now[TO_DICT] / before[TO_DICT]
        print(f"parse(d).to_dict(): {ratio:.2f}x the rate of {args.baseline} (goal: at least 2x)")
    if FROM_DICT in now and PEER in now:
        ratio = now[FROM_DICT] / now[PEER]
        print(f"ItemProperties.from_dict: {ratio:.2f}x stac-model's model_validate (goal: at least 1x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
