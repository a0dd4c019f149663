"""The stac_mlm package of another git revision, for benchmarks that measure it beside this one."""

from __future__ import annotations

import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


@contextmanager
def package_at(ref: str) -> Iterator[tuple[Path, dict[str, str]]]:
    """Unpack ``packages/stac-mlm/src`` of git revision ``ref`` into a temporary folder; yields that source
    folder and an environment whose PYTHONPATH puts it first (for a child process that imports it)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "packages/stac-mlm/src"], check=True, capture_output=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        source = Path(folder) / "packages" / "stac-mlm" / "src"
        yield source, {**os.environ, "PYTHONPATH": str(source)}
