"""The runtime package's README runs as written with only the runtime package installed (its blocks, and the
files they name, as in ``tests/codegen/test_code_blocks.py``, which checks every other page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import code_blocks
from support.paths import REPO


@pytest.mark.slow
@pytest.mark.parametrize("page", code_blocks.RUNTIME_PAGES)
def test_runtime_page_blocks_run_as_written(page: str, tmp_path: Path) -> None:
    runnable = [block for block in code_blocks.page_blocks(REPO / page) if block.not_runnable is None]
    assert runnable, f"{page} has no runnable block"
    folder = tmp_path / "work"
    code_blocks.workspace(folder)
    done = code_blocks.run(runnable, folder, code_blocks.environment())
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    assert sum(line.startswith("--- ") for line in done.stdout.splitlines()) == len(runnable), "not every block ran"
