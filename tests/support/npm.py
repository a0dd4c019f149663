"""Real npm packages for tests: installed once into ``build/npm/<name>/`` (git-ignored) with the npm client, then
reused while the package list stays the same. Without npm the test skips with the reason; under ``CI=true`` a
missing npm is an error, so CI cannot pass without running these checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .paths import REPO

NPM_DIR = REPO / "build" / "npm"


def require_node() -> tuple[str, str]:
    """Paths of ``node`` and ``npm``, or a skip (an error under CI) when either is missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node and npm:
        return node, npm
    message = "node and npm are needed for this check (Debian: apt-get install nodejs npm)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def installed(name: str, packages: list[str]) -> Path:
    """The folder holding ``node_modules`` with ``packages`` (npm specs such as ``remark-cli@^8.0.0``)."""
    _, npm = require_node()
    folder = NPM_DIR / name
    stamp = folder / "installed.json"
    wanted = sorted(packages)
    if stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text(json.dumps({"name": f"test-{name}", "private": True}), encoding="utf-8")
    result = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--loglevel=error", *wanted],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"npm install failed:\n{result.stderr[-2000:]}"
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    return folder
