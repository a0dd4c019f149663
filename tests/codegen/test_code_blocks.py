"""Every ```python and ```bash block of README.md, packages/stac-mlm/README.md and docs/**/*.md runs exactly as
written, or is marked ``<!-- not-runnable: REASON -->`` (see ``support/code_blocks.py``, which also says what
files the blocks find in their folder).

The pages run here, in the full test environment, since a page may use either package; the runtime package's
own README runs in the runtime environment instead (``tests/runtime/test_package_readme.py``), proving it
needs nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import code_blocks
from support.code_blocks import Block, BlockError
from support.paths import REPO


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


def test_every_page_has_well_formed_fences_and_reasoned_markers() -> None:
    assert not BROKEN, "\n".join(BROKEN.values())
    assert BLOCKS, "no Markdown page found"


@pytest.mark.slow
@pytest.mark.parametrize(
    "page", sorted(p for p, found in RUNNABLE.items() if found and p not in code_blocks.RUNTIME_PAGES)
)
def test_page_blocks_run_as_written(page: str, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    code_blocks.workspace(folder)
    done = code_blocks.run(RUNNABLE[page], folder, code_blocks.environment())
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
    done = code_blocks.run(found, folder, code_blocks.environment())
    assert done.returncode == 1
    assert "FAILED: the block at p.md:7" in done.stderr
