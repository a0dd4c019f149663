"""Every ```python and ```bash block of README.md, packages/stac-mlm/README.md and docs/**/*.md runs exactly as
written, or is marked ``<!-- not-runnable: REASON -->`` (see ``support/code_blocks.py``).

The blocks of one page run in page order in one fresh folder holding the files they name, made from the
project's own example fixtures: ``item.json`` (a valid Item whose model asset is ``model``, as in the
official examples), ``collection.json``, ``catalog/`` (every valid fixture, and the same documents as
``catalog/part-*.ndjson``), ``models.ndjson`` and ``big.ndjson``, ``old/`` (the legacy fixtures) and
``old-item.json`` (a legacy Item). This runs in the full test environment, where both packages are installed,
since a page may use either.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from support import code_blocks
from support.code_blocks import Block, BlockError
from support.legacy import fixture_paths
from support.paths import EXAMPLES_DIR, REPO

MODEL_ASSET = "model"  # the asset name the READMEs use, as the official examples do
NDJSON_PARTS = 2


def _collect() -> tuple[dict[str, list[Block]], dict[str, str]]:
    found, broken = {}, {}
    for path in code_blocks.pages():
        page = path.relative_to(REPO).as_posix()
        try:
            found[page] = code_blocks.page_blocks(path)
        except BlockError as error:
            broken[page] = str(error)
    return found, broken


BLOCKS, BROKEN = _collect()
RUNNABLE = {page: [b for b in found if b.not_runnable is None] for page, found in BLOCKS.items()}


def _valid_documents() -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(EXAMPLES_DIR.glob("*.json"))]


def _ndjson(documents: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(document) + "\n" for document in documents)


def _workspace(folder: Path) -> None:
    """The files the blocks name, from the project's fixtures."""
    valid = _valid_documents()
    items = [(name, d) for name, d in valid if d.get("type") == "Feature" and MODEL_ASSET in d.get("assets", {})]
    collections = [(name, d) for name, d in valid if d.get("type") == "Collection"]
    assert items and collections, f"{EXAMPLES_DIR} lacks an Item with a `{MODEL_ASSET}` asset or a Collection"
    folder.mkdir()
    shutil.copyfile(EXAMPLES_DIR / items[0][0], folder / "item.json")
    shutil.copyfile(EXAMPLES_DIR / collections[0][0], folder / "collection.json")
    catalog = folder / "catalog"
    catalog.mkdir()
    for name, _ in valid:
        shutil.copyfile(EXAMPLES_DIR / name, catalog / name)
    documents = [d for _, d in valid]
    for part in range(NDJSON_PARTS):
        (catalog / f"part-{part:04d}.ndjson").write_text(_ndjson(documents[part::NDJSON_PARTS]), encoding="utf-8")
    for name in ("models.ndjson", "big.ndjson"):
        (folder / name).write_text(_ndjson(documents), encoding="utf-8")
    old = folder / "old"
    old.mkdir()
    legacy = fixture_paths()
    for path in legacy:
        shutil.copyfile(path, old / path.name)
    old_items = [
        p for p in legacy if p.suffix == ".json" and json.loads(p.read_text(encoding="utf-8"))["type"] == "Feature"
    ]
    shutil.copyfile(old_items[0], folder / "old-item.json")


def _environment() -> dict[str, str]:
    """This test's environment, with the interpreter's own scripts (stac-mlm, python) first on PATH."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("STAC_MLM_DEBUG", None)
    return env


def test_every_page_has_well_formed_fences_and_reasoned_markers() -> None:
    assert not BROKEN, "\n".join(BROKEN.values())
    assert BLOCKS, "no Markdown page found"


@pytest.mark.slow
@pytest.mark.parametrize("page", sorted(p for p, found in RUNNABLE.items() if found))
def test_page_blocks_run_as_written(page: str, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    _workspace(folder)
    done = code_blocks.run(RUNNABLE[page], folder, _environment())
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    ran = [line for line in done.stdout.splitlines() if line.startswith("--- ")]
    assert len(ran) == len(RUNNABLE[page]), "not every block ran"


def test_package_readme_shows_validation_parsing_and_migration_in_runnable_blocks() -> None:
    runnable = "".join(block.code for block in RUNNABLE["packages/stac-mlm/README.md"])
    for usage in (
        "stac_mlm.validate(",
        "stac_mlm.parse(",
        "stac_mlm.migrate(",
        "stac-mlm validate",
        "stac-mlm migrate",
    ):
        assert usage in runnable, f"packages/stac-mlm/README.md shows no runnable `{usage}`"


def test_runnable_python_blocks_hold_no_placeholder() -> None:
    """No `...` stands for code in a runnable python block (it would run, meaning nothing)."""
    for _, found in sorted(RUNNABLE.items()):
        for block in found:
            if block.language == "python":
                code = "\n".join(line.split("#")[0] for line in block.code.splitlines())
                assert "..." not in code, f"{block.where}: `...` placeholder in a runnable block"


# --- the collector itself ----------------------------------------------------------------------------


def test_collector_reads_languages_markers_and_indented_fences() -> None:
    page = "\n".join(
        [
            "text",
            "```python",
            "x = 1",
            "```",
            "<!-- not-runnable: installs from the network -->",
            "",
            "```bash",
            "pip install x",
            "```",
            "```json",
            "{}",
            "```",
            "1. step",
            "",
            "    ```sh",
            "    echo hi",
            "      echo indented",
            "    ```",
        ]
    )
    found = code_blocks.blocks(page, "page.md")
    assert [(b.line, b.language, b.not_runnable) for b in found] == [
        (2, "python", None),
        (7, "bash", "installs from the network"),
        (15, "bash", None),
    ]
    assert found[0].code == "x = 1\n"
    assert found[2].code == "echo hi\n  echo indented\n"


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("<!-- not-runnable -->\n```bash\nx\n```\n", "needs a reason"),
        ("<!-- not-runnable:   -->\n```bash\nx\n```\n", "needs a reason"),
        ("<!-- not-runnable: why -->\nsome text\n```bash\nx\n```\n", "must be followed by a code fence"),
        ("<!-- not-runnable: why -->\n", "must be followed by a code fence"),
        ("<!-- not-runnable: why -->\n```json\n{}\n```\n", "never run anyway"),
        ("```python\nx = 1\n", "never closed"),
    ],
)
def test_collector_refuses_malformed_pages(page: str, message: str) -> None:
    with pytest.raises(BlockError, match=message):
        code_blocks.blocks(page, "page.md")


def test_runner_reports_the_failing_block(tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    found = code_blocks.blocks(
        "```python\nvalue = 41\n```\n```bash\ntest -d .\n```\n```python\nassert value == 42\n```\n", "p.md"
    )
    done = code_blocks.run(found, folder, _environment())
    assert done.returncode == 1
    assert "FAILED: the block at p.md:7" in done.stderr
