"""Migration throughput: documents per second on a batch of legacy documents (goal: 5,000/s).

The batch repeats the project's legacy fixtures (and the upstream legacy examples when present) to
BATCH documents, parsed beforehand; the timed part is `migrate()` alone, including the validation of
each result. Prints the median of three runs (documents per CPU second), and the figure for
documents already valid under the latest release.

`--baseline REF` first measures the stac_mlm package of git revision REF (same batch, same code
here, in a subprocess) and prints its figures beside, so both come from one run on one machine;
documents the older package refuses (newer fixtures) are left out of both batches:

    python packages/stac-mlm/tools/bench_migrate.py ../shared/upstream-data --baseline main
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import stac_mlm
from _revision import package_at
from stac_mlm import _schema
from stac_mlm.migration import MigrationError, migrate, read_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from migrate_legacy_examples import legacy_files

BATCH = 10_000
_REFUSED = "refused: "
GOAL = 5_000


def _rate(documents: list[dict]) -> float:
    """Documents per second of CPU time (process time: steadier than wall time on a shared machine)."""
    runs = []
    for _ in range(3):
        started = time.process_time()
        for document in documents:
            migrate(document)
        runs.append(len(documents) / (time.process_time() - started))
    return statistics.median(runs)


def _migrates(document: dict) -> bool:
    """Whether the measured package migrates the document (an older one may refuse a newer fixture)."""
    try:
        migrate(document)
    except MigrationError:
        return False
    return True


def _baseline(ref: str, upstream: Path) -> tuple[list[str], set[int]]:
    """The figures this script prints for the stac_mlm package of git revision ``ref``, and the
    documents that package refuses (by position), which the comparison leaves out on both sides."""
    with package_at(ref) as (source, environment):
        command = [sys.executable, __file__, str(upstream), "--expect-package", str(source)]
        result = subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    lines = result.stdout.splitlines()
    refused = {int(i) for i in lines[0].removeprefix(_REFUSED).split()}
    return lines[1:], refused


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[4] / "shared" / "upstream-data"
    parser.add_argument("upstream", nargs="?", type=Path, default=default)
    parser.add_argument("--baseline", metavar="REF", help="also measure the stac_mlm of this git revision")
    parser.add_argument("--expect-package", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.expect_package and args.expect_package not in Path(stac_mlm.__file__).resolve().parents:
        raise SystemExit(f"measuring {stac_mlm.__file__}, not the package under {args.expect_package}")
    baseline, refused = _baseline(args.baseline, args.upstream) if args.baseline else ([], set())
    upstream = args.upstream
    sources = [read_document(p.read_bytes())[0] for paths in legacy_files(upstream).values() for p in paths]
    if args.expect_package:  # measuring a baseline: say which documents this package refuses
        print(_REFUSED + " ".join(str(i) for i, d in enumerate(sources) if not _migrates(d)))
    kept = [d for i, d in enumerate(sources) if i not in refused and _migrates(d)]
    legacy = [d for d in kept if not migrate(d).valid or migrate(d).report]
    batch = (legacy * (BATCH // len(legacy) + 1))[:BATCH]
    current = [migrate(d).document for d in legacy]
    current = (current * (BATCH // len(current) + 1))[:BATCH]
    rate = _rate(batch)
    print(
        f"migrate: {rate:,.0f} legacy documents/s (batch of {BATCH:,} from {len(legacy)} distinct legacy "
        f"documents, median of 3 runs; goal >= {GOAL:,}/s: {'met' if rate >= GOAL else 'NOT met'})"
    )
    latest = _schema.bundle().latest
    print(f"migrate: {_rate(current):,.0f} documents/s for documents already valid {latest} (returned unchanged)")
    for line in baseline:
        print(f"baseline {args.baseline}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
