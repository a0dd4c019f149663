"""End-to-end throughput of `stac-mlm validate` against python-jsonschema on the same schema, same corpus.

Writes an NDJSON corpus (the project's seed documents with changed ids, 40% of them made invalid), then
times, as separate processes from start to exit: `stac-mlm validate corpus.ndjson --format json` (all
cores, then one), and a plain python-jsonschema loop doing the same job (read each line, parse, collect
every error, write one JSON line). Also prints the peak memory of the command on 1x and 5x the corpus.

Usage: python packages/stac-mlm/tools/bench_cli.py [DOCUMENTS]   (default 20000; run by `nox -s bench`)
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests"))
from support.documents import downscaling_item, landcover_item, model_collection

INVALID_SHARE = 0.4  # invalid documents cost more (their messages are built): the goal holds at 40%

BASELINE = """
import json, sys
import jsonschema
from stac_mlm._schema import json_schema
validator = jsonschema.Draft7Validator(json_schema())
path = sys.argv[1]
with open(path, "rb") as lines, open(sys.argv[2], "w") as out:
    for number, line in enumerate(lines, 1):
        errors = [{"path": "/" + "/".join(map(str, e.absolute_path)), "message": e.message}
                  for e in validator.iter_errors(json.loads(line))]
        out.write(json.dumps({"source": f"{path}:{number}", "valid": not errors, "errors": errors}) + "\\n")
"""

#: The floor: parsing and validating only (orjson + the compiled validator), one process, no messages.
FLOOR = """
import sys
import orjson
from stac_mlm._schema import bundle
from stac_mlm.problems import _validator
validator = _validator(bundle().latest)  # the schema a document declaring the latest release meets
with open(sys.argv[1], "rb") as lines:
    for line in lines:
        validator.is_valid(orjson.loads(line))
"""


def _breakers() -> list:
    def no_name(d):
        d.get("properties", d.get("summaries", {})).pop("mlm:name", None)

    def bad_task(d):
        if "properties" in d:
            d["properties"]["mlm:tasks"] = ["guessing"]
        else:
            d["summaries"] = "none"

    def wrong_type(d):
        d["assets"] = ["not", "an", "object"]

    return [no_name, bad_task, wrong_type]


def write_corpus(path: Path, count: int) -> int:
    rng = random.Random(20000)
    seeds = [landcover_item(), downscaling_item(), model_collection()]
    breakers = _breakers()
    invalid = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            document = json.loads(json.dumps(seeds[number % len(seeds)]))
            document["id"] = f"{document['id']}-{number}"
            if rng.random() < INVALID_SHARE:
                rng.choice(breakers)(document)
                invalid += 1
            out.write(json.dumps(document) + "\n")
    return invalid


#: Every command runs as an installed package does: with its bytecode cached (a shell that sets
#: PYTHONDONTWRITEBYTECODE would otherwise make each run compile the package from source, ~0.1 s).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float, float]:
    """Seconds from start to exit, CPU seconds (with the workers it waited for), and peak resident MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed with status {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    cli = [sys.executable, "-m", "stac_mlm", "validate", "--format", "json", "--no-progress"]
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.ndjson"
        invalid = write_corpus(corpus, count)
        size = corpus.stat().st_size / 2**20
        print(f"corpus: {count} documents ({invalid} invalid), {size:.1f} MiB of NDJSON; {os.cpu_count()} CPUs")
        timed([*cli, str(corpus)])  # warm-up: writes the bytecode caches, reads the corpus into the page cache
        ours, ours_cpu, memory = timed([*cli, str(corpus)])
        one_core, one_cpu, _ = timed([*cli, "--jobs", "1", str(corpus)])
        floor, floor_cpu, _ = timed([sys.executable, "-c", FLOOR, str(corpus)])
        baseline, baseline_cpu, _ = timed([sys.executable, "-c", BASELINE, str(corpus), os.devnull])
        rows = [
            ("stac-mlm validate (all cores)", ours, ours_cpu),
            ("stac-mlm validate --jobs 1", one_core, one_cpu),
            ("floor: parse + is_valid, 1 core", floor, floor_cpu),
            ("python-jsonschema loop", baseline, baseline_cpu),
        ]
        for name, wall, cpu in rows:
            print(
                f"{name:30} {count / wall:9,.0f} documents/s "
                f"({wall:6.2f} s wall, {cpu / count * 1e6:7.1f} CPU-us/document)"
            )
        print(
            f"speed-up: {baseline / ours:.0f}x python-jsonschema end to end (goal: at least 50x); "
            f"{baseline_cpu / ours_cpu:.0f}x in CPU time per document"
        )
        print(
            f"against the floor: all cores {floor / ours:.2f}x its speed, --jobs 1 {floor / one_core:.2f}x "
            f"({one_cpu / floor_cpu:.1f}x its CPU time per document; invalid documents also get their messages)"
        )
        bigger = Path(folder) / "bigger.ndjson"
        with bigger.open("wb") as out:
            for _ in range(5):
                out.write(corpus.read_bytes())
        _, _, memory5 = timed([*cli, str(bigger)])
        print(f"peak memory: {memory:.0f} MiB for {count} documents, {memory5:.0f} MiB for {5 * count} (streaming)")


if __name__ == "__main__":
    main()
