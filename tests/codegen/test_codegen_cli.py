"""The generator's CLI works as the docs say (issue 22): every `nox -s <session>` the docs and README name is a
session of the noxfile, no page tells readers to run `python -m stac_ext_codegen` (it fails outside an
environment that has the package), and the console script `stac-ext-codegen` runs `diff`."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

from support.paths import DOCS_DIR, REPO, VERSIONS_INDEX

PAGES = [REPO / "README.md", *sorted(p for p in DOCS_DIR.rglob("*.md") if p.name != "changelog.md")]


def _sessions() -> set[str]:
    """Session names of the noxfile (the function name, or `name=` of the decorator)."""
    names = set()
    for node in ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8")).body:
        for decorator in getattr(node, "decorator_list", []):
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if ast.unparse(target) == "nox.session":
                given = [k.value for k in getattr(decorator, "keywords", []) if k.arg == "name"]
                names.add(given[0].value if given and isinstance(given[0], ast.Constant) else node.name)
    return names


def test_every_documented_session_exists() -> None:
    sessions = _sessions()
    assert {"generate", "check"} <= sessions
    named = {(p.name, m) for p in PAGES for m in re.findall(r"nox (?:-R )?-s ([\w-]+)", p.read_text("utf-8"))}
    missing = sorted(f"{page}: nox -s {name}" for page, name in named if name not in sessions)
    assert not missing, missing


def test_no_page_tells_readers_to_run_the_module() -> None:
    offenders = [p.name for p in PAGES if "python -m stac_ext_codegen" in p.read_text(encoding="utf-8")]
    assert not offenders, offenders


def test_the_console_script_runs_diff() -> None:
    versions = [v["version"] for v in json.loads(VERSIONS_INDEX.read_text(encoding="utf-8"))["versions"]]
    script = Path(sys.executable).parent / "stac-ext-codegen"
    command = [str(script), "--root", str(REPO), "diff", versions[-2], versions[-1], "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert (report["old"], report["new"]) == (versions[-2], versions[-1])
