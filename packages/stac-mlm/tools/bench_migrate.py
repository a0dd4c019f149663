"""Migration throughput: documents per second on a batch of legacy documents (goal: 5,000/s).

The batch repeats the project's legacy fixtures (and the upstream legacy examples when present) to
BATCH documents, parsed beforehand; the timed part is `migrate()` alone, including the validation of
each result. Prints the median of three runs (documents per CPU second), and the figure for
documents already valid v1.5.2.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from stac_mlm.migration import migrate, read_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from migrate_legacy_examples import legacy_files

BATCH = 10_000
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


def main(argv: list[str]) -> int:
    upstream = Path(argv[0]) if argv else Path(__file__).resolve().parents[4] / "shared" / "upstream-data"
    sources = [read_document(p.read_bytes())[0] for paths in legacy_files(upstream).values() for p in paths]
    legacy = [d for d in sources if not migrate(d).valid or migrate(d).report]
    batch = (legacy * (BATCH // len(legacy) + 1))[:BATCH]
    current = [migrate(d).document for d in legacy]
    current = (current * (BATCH // len(current) + 1))[:BATCH]
    rate = _rate(batch)
    print(
        f"migrate: {rate:,.0f} legacy documents/s (batch of {BATCH:,} from {len(legacy)} distinct legacy "
        f"documents, median of 3 runs; goal >= {GOAL:,}/s: {'met' if rate >= GOAL else 'NOT met'})"
    )
    print(f"migrate: {_rate(current):,.0f} documents/s for documents already valid v1.5.2 (returned unchanged)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
