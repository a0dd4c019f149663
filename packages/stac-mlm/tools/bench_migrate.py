"""Migration throughput: documents per second on a batch of legacy documents (goal: 5,000/s).

The batch repeats the project's legacy fixtures (and the upstream legacy examples when present) to
BATCH documents, parsed beforehand; the timed part is `migrate()` alone, including the validation of
each result. Prints the best of ROUNDS passes (documents per CPU second), and the figure for
documents already valid under the latest release.

`--baseline REF` also measures the stac_mlm package of git revision REF (same batch, same code here,
in a child process) and prints its figures beside, so both come from one run on one machine. The
rounds alternate (a baseline pass and a pass of this package, the order flipping every round), so a
machine that slows down or speeds up during the run weighs on both sides alike. Documents the older
package refuses (newer fixtures) are left out of both batches:

    python packages/stac-mlm/tools/bench_migrate.py ../shared/upstream-data --baseline main
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import stac_mlm
from _revision import package_at
from stac_mlm import _schema
from stac_mlm.migration import MigrationError, migrate, read_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from migrate_legacy_examples import legacy_files

BATCH = 10_000
ROUNDS = 5
_REFUSED = "refused: "
GOAL = 5_000


def _rate(documents: list[dict]) -> float:
    """Documents per second of CPU time for one pass (process time: steadier than wall time on a
    shared machine)."""
    started = time.process_time()
    for document in documents:
        migrate(document)
    return len(documents) / (time.process_time() - started)


def _migrates(document: dict) -> bool:
    """Whether the measured package migrates the document (an older one may refuse a newer fixture)."""
    try:
        migrate(document)
    except MigrationError:
        return False
    return True


def _batches(sources: list[dict], refused: set[int]) -> tuple[list[dict], list[dict], int]:
    """The legacy batch, the batch of their (valid) migrations, and the number of distinct legacy documents."""
    kept = [d for i, d in enumerate(sources) if i not in refused and _migrates(d)]
    migrated = [(d, migrate(d)) for d in kept]  # (also warms the caches before the timed pass)
    legacy = [d for d, migration in migrated if not migration.valid or migration.report]
    current = [migration.document for _, migration in migrated if not migration.valid or migration.report]
    return (legacy * (BATCH // len(legacy) + 1))[:BATCH], (current * (BATCH // len(current) + 1))[:BATCH], len(legacy)


class _Child:
    """A stac_mlm package measured one pass at a time, each in a fresh child process (this package and
    the baseline alike, so neither side runs in a longer-lived or fuller interpreter)."""

    def __init__(self, upstream: Path, package: tuple[Path, dict[str, str]] | None = None) -> None:
        self.command = [sys.executable, __file__, str(upstream)]
        self.environment = dict(os.environ)
        if package is not None:
            source, self.environment = package
            self.command += ["--expect-package", str(source)]

    def _run(self, *arguments: str) -> list[str]:
        command = [*self.command, *arguments]
        return subprocess.run(
            command, env=self.environment, check=True, capture_output=True, text=True
        ).stdout.splitlines()

    def refused(self) -> set[int]:
        """The documents (by position) this package refuses."""
        return {int(i) for i in self._run("--refused")[0].removeprefix(_REFUSED).split()}

    def rates(self, refused: set[int]) -> tuple[float, float, int]:
        """One pass over each batch, less the ``refused`` documents: legacy documents/s, valid documents/s,
        and the number of distinct legacy documents."""
        legacy, valid, distinct = self._run("--one-pass", "--leave-out", " ".join(map(str, sorted(refused))))
        return float(legacy), float(valid), int(distinct)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[4] / "shared" / "upstream-data"
    parser.add_argument("upstream", nargs="?", type=Path, default=default)
    parser.add_argument("--baseline", metavar="REF", help="also measure the stac_mlm of this git revision")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"passes per figure (default {ROUNDS})")
    parser.add_argument("--expect-package", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--refused", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one-pass", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--leave-out", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.expect_package and args.expect_package not in Path(stac_mlm.__file__).resolve().parents:
        raise SystemExit(f"measuring {stac_mlm.__file__}, not the package under {args.expect_package}")
    sources = [read_document(p.read_bytes())[0] for paths in legacy_files(args.upstream).values() for p in paths]
    if args.refused:  # a child: which documents this package refuses
        print(_REFUSED + " ".join(str(i) for i, d in enumerate(sources) if not _migrates(d)))
        return 0
    if args.one_pass:  # a child: one pass over each batch
        legacy, valid, distinct = _batches(sources, {int(i) for i in args.leave_out.split()})
        print(_rate(legacy), _rate(valid), distinct, sep="\n")
        return 0
    ours: list[tuple[float, float, int]] = []
    theirs: list[tuple[float, float, int]] = []
    with ExitStack() as stack:
        baseline = _Child(args.upstream, stack.enter_context(package_at(args.baseline))) if args.baseline else None
        this = _Child(args.upstream)
        refused = this.refused() | (baseline.refused() if baseline else set())
        for round_number in range(args.rounds):
            # the order flips every round (ABBA...): neither side always runs first, after the other
            if baseline is not None and round_number % 2 == 0:
                theirs.append(baseline.rates(refused))
            ours.append(this.rates(refused))
            if baseline is not None and round_number % 2 == 1:
                theirs.append(baseline.rates(refused))
    distinct = ours[0][2]
    how = f"best of {args.rounds} passes" + (f", alternating with {args.baseline}" if baseline else "")
    rate, valid = max(r for r, _, _ in ours), max(v for _, v, _ in ours)
    print(
        f"migrate: {rate:,.0f} legacy documents/s (batch of {BATCH:,} from {distinct} distinct legacy "
        f"documents, {how}; goal >= {GOAL:,}/s: {'met' if rate >= GOAL else 'NOT met'})"
    )
    print(
        f"migrate: {valid:,.0f} documents/s for documents already valid {_schema.bundle().latest} (returned unchanged)"
    )
    if theirs:
        old, old_valid = max(r for r, _, _ in theirs), max(v for _, v, _ in theirs)
        print(f"baseline {args.baseline}: migrate: {old:,.0f} legacy documents/s (same batch, {how})")
        print(f"baseline {args.baseline}: migrate: {old_valid:,.0f} documents/s for documents already valid")
        print(f"ratio (this / baseline): legacy {rate / old:.3f}, already valid {valid / old_valid:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
