"""Migrate every legacy example (upstream DLM, ml-model and MLM v1.x, and the project's own fixtures)
to MLM v1.5.2 and validate each result; count them as complete, with placeholders to fill, or
refused. Run by `nox -s generate`; exits 1 if any result is invalid or any example is refused."""

from __future__ import annotations

import sys
from pathlib import Path

from stac_mlm.migration import MigrationError, migrate_text

ROOT = Path(__file__).resolve().parents[3]
SUFFIXES = {".json", ".jsonc"}


def legacy_files(upstream: Path) -> dict[str, list[Path]]:
    folders = [upstream / "dlm", upstream / "ml-model", *sorted((upstream / "mlm").glob("v1.*"))]
    upstream_files = sorted(p for f in folders if f.is_dir() for p in f.rglob("examples/**/*.json"))
    fixtures = sorted(p for p in (ROOT / "tests" / "fixtures" / "legacy").iterdir() if p.suffix in SUFFIXES)
    return {"upstream": upstream_files, "project fixtures": fixtures}


def main(argv: list[str]) -> int:
    upstream = Path(argv[0]) if argv else ROOT.parent / "shared" / "upstream-data"
    groups = legacy_files(upstream)
    if not groups["upstream"]:
        print(f"upstream legacy examples not found under {upstream}: migrating the project's fixtures only")
    failures = 0
    counts = []
    outcomes = {"complete": 0, "with placeholders to fill": 0, "refused": 0}
    for label, paths in groups.items():
        for path in paths:
            try:
                migration = migrate_text(path.read_bytes())
            except MigrationError as error:
                failures += 1
                outcomes["refused"] += 1
                print(f"FAIL {path}: {error}")
                continue
            if migration.problems:
                failures += 1
                print(f"FAIL {path}: the migrated document is not valid MLM v1.5.2")
                for problem in migration.problems[:3]:
                    print(f"    {problem}")
            outcomes["complete" if migration.complete else "with placeholders to fill"] += 1
        counts.append(f"{len(paths)} {label}")
    total = sum(len(p) for p in groups.values())
    print(f"migrated {total} legacy example(s) ({', '.join(counts)}) to MLM v1.5.2: {failures} failure(s)")
    print("; ".join(f"{count} {outcome}" for outcome, count in outcomes.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
