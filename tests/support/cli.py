"""Run the stac-mlm command line in-process or as a subprocess, and write input files for it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support.paths import REPO

STAC_MLM_SRC = REPO / "packages" / "stac-mlm" / "src"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def records(self) -> list[dict[str, Any]]:
        """The JSON lines of ``--format json`` output."""
        return [json.loads(line) for line in self.out.splitlines()]


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes | None = None) -> Run:
    """``main(argv)`` in this process; ``stdin`` (bytes) replaces standard input."""
    from stac_mlm.cli import main

    if stdin is not None:
        saved = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(argv)
    finally:
        if stdin is not None:
            sys.stdin = saved
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def run_process(argv: list[str], stdin: bytes | None = None, timeout: float = 120) -> Run:
    """``python -m stac_mlm ARGV`` as a child process (the package found on the source tree if not installed)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(STAC_MLM_SRC), env.get("PYTHONPATH")]))
    env.pop("STAC_MLM_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "stac_mlm", *argv],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        timeout=timeout,
    )
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def write_ndjson(path: Path, documents: list[Any]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    return path
