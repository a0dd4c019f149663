"""What installing stac-mlm costs pystac users who read no MLM document: the first read of a plain Item.

Each run is a fresh process that imports pystac and reads one non-MLM Item with ``Item.from_dict`` (the
first read discovers every ``pystac.extensions`` hook); the time from before ``import pystac`` to after the
read is printed. Runs alternate between plain pystac (stac-mlm's entry point filtered out, the baseline)
and pystac with stac-mlm's hook, in the same environment, so both figures come from one run. Goal: at
most 1.3x the baseline. Also times the first read of an MLM Item (the hook loads the migration then).

Usage: python packages/stac-mlm/tools/bench_pystac.py [RUNS]   (default 15; run by `nox -s bench`)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests"))
from support.documents import landcover_item

GOAL = 1.3

CHILD = """
import importlib.metadata as md, json, sys, time
drop = sys.argv[2] == "plain"
found = md.entry_points
def entry_points(**selection):
    points = found(**selection)
    if drop and selection.get("group") == "pystac.extensions":
        return md.EntryPoints(p for p in points if not p.value.startswith("stac_mlm"))
    return points
md.entry_points = entry_points
document = json.load(open(sys.argv[1]))
started = time.perf_counter()
import pystac
pystac.Item.from_dict(document)
print(time.perf_counter() - started)
"""

PLAIN_ITEM = {
    "type": "Feature",
    "stac_version": "1.1.0",
    "stac_extensions": ["https://stac-extensions.github.io/eo/v1.1.0/schema.json"],
    "id": "scene",
    "geometry": None,
    "properties": {"datetime": "2024-01-01T00:00:00Z", "eo:cloud_cover": 3},
    "links": [],
    "assets": {"data": {"href": "scene.tif", "type": "image/tiff"}},
}


def _time(path: Path, variant: str) -> float:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), variant], check=True, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as scratch:
        plain_path, mlm_path = Path(scratch, "plain.json"), Path(scratch, "mlm.json")
        plain_path.write_text(json.dumps(PLAIN_ITEM), encoding="utf-8")
        mlm_path.write_text(json.dumps(landcover_item()), encoding="utf-8")
        times: dict[str, list[float]] = {"plain": [], "hook": [], "mlm": []}
        for _ in range(runs):
            times["plain"].append(_time(plain_path, "plain"))
            times["hook"].append(_time(plain_path, "hook"))
            times["mlm"].append(_time(mlm_path, "hook"))
    plain, hook, mlm = (statistics.median(times[key]) for key in ("plain", "hook", "mlm"))
    print(
        f"import pystac + first Item.from_dict of a non-MLM Item, fresh process, median of {runs}: "
        f"plain pystac {plain * 1000:.0f} ms, with stac-mlm's hook {hook * 1000:.0f} ms = {hook / plain:.2f}x "
        f"(goal <= {GOAL}x); an MLM Item with the hook: {mlm * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
