"""Runtime benchmarks of stac-mlm, printed with their baselines (run by ``nox -s bench``).

1. Cold ``import stac_mlm``: median over fresh interpreters (goal: under 0.3 s).
2. Documents per second on the official v1.5.2 examples: ``stac_mlm.parse`` (validation + typed
   objects), its two halves, and stac-model's ``MLModelProperties`` (reads only the Item properties,
   validates no cross-object rule) on the same documents, when stac-model is installed.
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

IMPORT_RUNS = 15
SECONDS_PER_FIGURE = 1.5


def cold_import(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)]
    for _ in range(IMPORT_RUNS - 1):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        runs.append(float(out))
    return statistics.median(runs)


def throughput(documents: list[Any], read: Callable[[Any], Any]) -> float:
    for document in documents:  # warm up (lazy imports, caches)
        read(document)
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < SECONDS_PER_FIGURE:
        for document in documents:
            read(document)
        count += len(documents)
    return count / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=Path, required=True, help="folder of the official v1.5.2 examples")
    args = parser.parse_args()

    runs = f"over {IMPORT_RUNS} fresh interpreters"
    print(f"cold `import stac_mlm`: median {cold_import('stac_mlm') * 1000:.0f} ms {runs} (goal < 300 ms)")
    models = cold_import("stac_mlm.models")
    print(f"cold `import stac_mlm.models` (the classes, loaded by the first parse): median {models * 1000:.0f} ms")

    import stac_mlm
    from stac_mlm.models import MLMItem

    if not args.examples.is_dir():
        print(f"parse throughput skipped: no examples at {args.examples}")
        return 0
    items = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.examples.glob("item_*.json"))]
    items = [d for d in items if stac_mlm.validate(d) == []]
    figures = {
        "stac_mlm.parse (validate + typed objects)": throughput(items, stac_mlm.parse),
        "  of which stac_mlm.validate": throughput(items, stac_mlm.validate),
        "  of which MLMItem.from_dict": throughput(items, MLMItem.from_dict),
        "stac_mlm.parse(d).to_dict()": throughput(items, lambda d: stac_mlm.parse(d).to_dict()),
    }
    try:
        from importlib.metadata import version

        from stac_model.schema import MLModelProperties
    except ImportError:
        print("stac-model not installed: no baseline (nox -s bench installs stac-model==0.7.0)")
    else:
        accepted = []
        for document in items:
            try:
                MLModelProperties.model_validate(document["properties"])
                accepted.append(document)
            except Exception:
                pass
        label = f"stac-model {version('stac-model')} MLModelProperties (properties only)"
        if accepted:
            from stac_mlm.models import ItemProperties

            same = f"on the {len(accepted)} documents stac-model reads"
            figures[f"{label}, {same}"] = throughput(
                accepted, lambda d: MLModelProperties.model_validate(d["properties"])
            )
            figures[f"stac_mlm ItemProperties.from_dict (properties only), {same}"] = throughput(
                accepted, lambda d: ItemProperties.from_dict(d["properties"])
            )
            figures[f"stac_mlm.parse (whole Item), {same}"] = throughput(accepted, stac_mlm.parse)
            print(f"stac-model reads {len(accepted)} of the {len(items)} documents; its figures are on those")
        else:
            print("stac-model reads none of the documents: no baseline figure")
    print(f"documents/s on the {len(items)} valid official v1.5.2 Item examples ({SECONDS_PER_FIGURE} s per figure)")
    width = max(len(label) for label in figures)
    for label, value in figures.items():
        print(f"  {label:<{width}}  {value:>9,.0f} docs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
