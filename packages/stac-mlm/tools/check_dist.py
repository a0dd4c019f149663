"""Check the built distributions of stac-mlm (run by ``nox -s build``): the wheel holds the package, its
``py.typed`` marker, the bundle index and every schema it lists, the LinkML model, and no tests; the sdist
holds the sources.

Usage: ``python check_dist.py DIST_FOLDER``; exit status 1 with the reasons when something is wrong.
"""

from __future__ import annotations

import json
import sys
import tarfile
import zipfile
from pathlib import Path

PACKAGE = "stac_mlm"


def check_wheel(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as wheel:
        names = set(wheel.namelist())
        problems = [
            f"missing {name}"
            for name in (f"{PACKAGE}/py.typed", f"{PACKAGE}/_generated/versions.json")
            if name not in names
        ]
        if not problems:
            index = json.loads(wheel.read(f"{PACKAGE}/_generated/versions.json"))
            for version in index["versions"]:
                schema = f"{PACKAGE}/_generated/{version['schema']}"
                if schema not in names:
                    problems.append(f"missing the schema of {version['version']}: {schema}")
        if not any(n.startswith(f"{PACKAGE}/_generated/linkml/") and n.endswith(".yaml") for n in names):
            problems.append(f"missing the LinkML model ({PACKAGE}/_generated/linkml/*.yaml)")
    problems += [
        f"holds a test file: {name}" for name in sorted(names) if "/tests/" in f"/{name}" or name.startswith("tests/")
    ]
    return problems


def check_sdist(path: Path) -> list[str]:
    with tarfile.open(path) as sdist:
        names = sdist.getnames()
    wanted = ("py.typed", "_generated/versions.json", "pyproject.toml", "README.md")
    return [f"sdist misses {name}" for name in wanted if not any(n.endswith(name) for n in names)]


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist")
    wheels, sdists = sorted(folder.glob("*.whl")), sorted(folder.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {folder}, found {len(wheels)} and {len(sdists)}")
        return 1
    problems = check_wheel(wheels[0]) + check_sdist(sdists[0])
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{wheels[0].name} and {sdists[0].name}: contents as expected")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
