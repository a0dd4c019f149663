"""The fenced code blocks of the project's Markdown pages, and how to run one page's blocks as written.

The blocks of one page run in page order in one fresh folder holding the files they name, made from the
project's own example fixtures: ``item.json`` (a valid Item whose model asset is ``model``, as in the
official examples), ``collection.json``, ``catalog/`` (every valid fixture, and the same documents as
``catalog/part-*.ndjson``), ``models.ndjson`` and ``big.ndjson``, ``old/`` (the legacy fixtures) and
``old-item.json`` (a legacy Item).

A ```python or ```bash fence (also ```py, ```sh, ```shell) is runnable unless the line before it (blank lines
aside) says ``<!-- not-runnable: REASON -->`` (an HTML comment: invisible on GitHub and on the docs site; leave
a blank line after it); the reason is required. Other fences (```json, ```yaml...) are text and are not run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from support.legacy import fixture_paths
from support.paths import DOCS_DIR, EXAMPLES_DIR, REPO

LANGUAGES = {"python": "python", "py": "python", "bash": "bash", "sh": "bash", "shell": "bash"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")
#: Pages about the runtime package alone: run in the runtime test environment (without the generator).
RUNTIME_PAGES = ("packages/stac-mlm/README.md",)
MODEL_ASSET = "model"  # the asset name the READMEs use, as the official examples do
NDJSON_PARTS = 2
MARKER = re.compile(r"^\s*<!--\s*not-runnable\s*(?::\s*(?P<reason>.*?))?\s*-->\s*$")


class BlockError(ValueError):
    """A page's fences or markers are malformed (an unclosed fence, a marker without reason or fence)."""


@dataclass(frozen=True)
class Block:
    page: str  # repository-relative path
    line: int  # 1-based line of the opening fence
    language: str  # "python" or "bash"
    code: str
    not_runnable: str | None  # the reason, when marked

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def pages() -> list[Path]:
    """Every page whose blocks must run: the two READMEs and every Markdown page under docs/ (sorted)."""
    found = [REPO / "README.md", REPO / "packages" / "stac-mlm" / "README.md"]
    found += sorted(DOCS_DIR.rglob("*.md"))
    return [path for path in found if path.is_file() and "vendor" not in path.relative_to(REPO).parts]


def blocks(text: str, page: str) -> list[Block]:
    """The python and bash blocks of one page, in order, each with its not-runnable reason if marked."""
    found: list[Block] = []
    lines = text.splitlines()
    pending: tuple[int, str] | None = None  # a marker waiting for its fence: (line, reason)
    index = 0
    while index < len(lines):
        line = lines[index]
        marker = MARKER.match(line)
        if marker:
            reason = (marker.group("reason") or "").strip()
            if not reason:
                raise BlockError(f"{page}:{index + 1}: `not-runnable` needs a reason: <!-- not-runnable: why -->")
            pending = (index + 1, reason)
            index += 1
            continue
        opening = FENCE.match(line)
        if not opening:
            if pending and line.strip():
                raise BlockError(f"{page}:{pending[0]}: a not-runnable marker must be followed by a code fence")
            index += 1
            continue
        fence, indent = opening.group("fence"), len(opening.group("indent"))
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((n for n in range(index + 1, len(lines)) if closing.match(lines[n])), None)
        if end is None:
            raise BlockError(f"{page}:{index + 1}: code fence never closed")
        language = LANGUAGES.get(opening.group("info").lower())
        if language:
            body = textwrap.dedent("\n".join(text_line[indent:] for text_line in lines[index + 1 : end]))
            found.append(Block(page, index + 1, language, body + "\n", pending[1] if pending else None))
        elif pending:
            raise BlockError(f"{page}:{pending[0]}: not-runnable marks a block that is never run anyway")
        pending = None
        index = end + 1
    if pending:
        raise BlockError(f"{page}:{pending[0]}: a not-runnable marker must be followed by a code fence")
    return found


def page_blocks(path: Path) -> list[Block]:
    return blocks(path.read_text(encoding="utf-8"), path.relative_to(REPO).as_posix())


# Runs in a child process: the page's python blocks share one namespace, as a reader working down the page
# has them; bash blocks run in `bash -e -o pipefail` in between, in page order, all in the same folder.
RUNNER = """
import json, subprocess, sys, traceback
namespace = {"__name__": "__main__"}
for block in json.load(open(sys.argv[1], encoding="utf-8")):
    print(f"--- {block['page']}:{block['line']} ({block['language']})", flush=True)
    try:
        if block["language"] == "python":
            exec(compile(block["code"], f"{block['page']}:{block['line']}", "exec"), namespace)
        else:
            subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block["code"]], stdin=subprocess.DEVNULL, check=True)
    except BaseException:
        traceback.print_exc()
        print(f"FAILED: the block at {block['page']}:{block['line']}", file=sys.stderr)
        sys.exit(1)
"""


def run(
    runnable: list[Block], folder: Path, env: dict[str, str], timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run the blocks in order in ``folder`` (the current directory of every block)."""
    script = folder.parent / f"{folder.name}-blocks.json"
    script.write_text(json.dumps([asdict(block) for block in runnable]), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-c", RUNNER, str(script)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _valid_documents() -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(EXAMPLES_DIR.glob("*.json"))]


def _ndjson(documents: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(document) + "\n" for document in documents)


def workspace(folder: Path) -> None:
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
        p for p in legacy if p.suffix == ".json" and json.loads(p.read_text(encoding="utf-8")).get("type") == "Feature"
    ]
    shutil.copyfile(old_items[0], folder / "old-item.json")


def environment() -> dict[str, str]:
    """This test's environment, with the interpreter's own scripts (stac-mlm, python) first on PATH."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("STAC_MLM_DEBUG", None)
    return env
