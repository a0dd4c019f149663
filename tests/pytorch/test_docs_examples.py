"""Every python and bash block of docs/describe.md runs as written, in page order in one folder, including
the PyTorch block the runtime docs check leaves out (it needs PyTorch, installed in `nox -s tests_torch`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import DOCS_DIR

pytest.importorskip("torch", reason="PyTorch is not installed (nox -s tests_torch installs it)")

PAGE = DOCS_DIR / "describe.md"
FENCE = re.compile(
    r"^(<!-- not-runnable: (?P<reason>.+?) -->\n)?```(?P<language>python|bash)\n(?P<code>.*?)^```$", re.M | re.S
)
SKIPPED = ("installs packages",)  # reasons that hold here too


def _blocks() -> list[tuple[str, str]]:
    found = []
    for match in FENCE.finditer(PAGE.read_text(encoding="utf-8")):
        if not any(match.group("reason") and match.group("reason").startswith(r) for r in SKIPPED):
            found.append((match.group("language"), match.group("code")))
    return found


def test_every_example_runs(tmp_path: Path) -> None:
    blocks = _blocks()
    assert {language for language, _ in blocks} == {"python", "bash"}
    script = tmp_path / "page.py"
    lines = ["import subprocess, sys", "namespace = {'__name__': '__main__'}"]
    for language, code in blocks:
        if language == "python":
            lines.append(f"exec(compile({code!r}, 'describe.md', 'exec'), namespace)")
        else:
            lines.append(f"subprocess.run(['bash', '-e', '-o', 'pipefail', '-c', {code!r}], check=True)")
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    folder = tmp_path / "work"
    folder.mkdir()
    result = subprocess.run([sys.executable, str(script)], cwd=folder, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (folder / "segmenter.pt2").is_file() and (folder / "filled.json").is_file()
