"""Scratch copies of the repository for tests that regenerate, draft, amend or release (the generator's CLI
run in-process against the copy)."""

from __future__ import annotations

import contextlib
import glob
import io
import shutil
from collections.abc import Iterable
from pathlib import Path

from .paths import REPO

#: What the generator reads and writes: the model, its outputs, the examples and the runtime's bundle, and
#: generated files that sit among hand-written ones (patterns, as in codegen.yaml's `owned`).
PARTS = (
    "schema",
    "generated",
    "examples",
    "packages/stac-mlm/src/stac_mlm/_generated",
    "packages/stac-mlm/src/stac_mlm/models/v*.py",
)


def copy_parts(root: Path, parts: Iterable[str]) -> None:
    """Copy each folder of ``parts`` (or the files a pattern with a wildcard matches) into ``root``."""
    for part in parts:
        if not glob.has_magic(part):
            shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
            continue
        for path in REPO.glob(part):
            target = root / path.relative_to(REPO)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)


def copy_repository(root: Path, *, changelog: bool = True) -> Path:
    """Copy the generator's parts of the repository into ``root`` (with the README, which holds a generated
    region, and the changelog that `release` reads) and return ``root``."""
    copy_parts(root, PARTS)
    shutil.copy(REPO / "README.md", root / "README.md")
    if changelog:
        (root / "docs").mkdir()
        shutil.copy(REPO / "docs" / "changelog.md", root / "docs" / "changelog.md")
    return root


def run_codegen(root: Path, *args: str) -> tuple[int, str]:
    """Run ``stac_ext_codegen`` on the copy at ``root``: its exit status and everything it printed."""
    from stac_ext_codegen.cli import main as codegen

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = codegen(["--root", str(root), *args])
    return code, out.getvalue()
