"""No MLM release is written by hand in the runtime's messages and help: versions come from the bundle's index.

Every string literal of the runtime package (docstrings aside) is searched for the latest release of
``_generated/versions.json`` written as MLM writes versions (``v1.5.2``, ``MLM 1.5.2``): that is the version a
hand-written message would get wrong after the next release. Older releases in a message state history ("since
v1.3.0, raster bands belong on the model asset"), which a new release does not make stale. STAC core versions
(``"1.1.0"`` without ``v``) are another thing and are not searched for.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import stac_mlm
from stac_mlm._schema import bundle

PACKAGE = Path(stac_mlm.__file__).parent
GENERATED = "_generated"


def _pattern() -> re.Pattern[str]:
    latest = re.escape(bundle().latest.lstrip("v"))
    return re.compile(rf"(?:\bv|\bMLM\s+v?){latest}(?![\w.-]*\d)")


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, kinds) and ast.get_docstring(node)}


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if GENERATED not in p.relative_to(PACKAGE).parts)


def version_literals(source: str, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """(line, text) of each string literal outside docstrings that names a release."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        if pattern.search(node.value)
    )


def test_the_runtime_writes_no_release_by_hand() -> None:
    pattern = _pattern()
    found = []
    for path in _sources():
        where = path.relative_to(PACKAGE).as_posix()
        found += [f"{where}:{line}: {text[:80]!r}" for line, text in version_literals(path.read_text("utf-8"), pattern)]
    assert not found, "take the version from stac_mlm._schema (the generated index):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "hits"),
    [
        ('MESSAGE = "valid MLM {latest}"', 1),
        ('URL = "https://stac-extensions.github.io/mlm/{latest}/schema.json"', 1),
        ('HELP = f"judge by this version (e.g. {latest}) or {{x}}"', 1),
        ('def f():\n    """Since {latest}, fields moved."""\n    return 1', 0),
        ('STAC = "{bare}"', 0),
        ('HISTORY = "since v1.0.0, a thing moved"', 0),
        ('OTHER = "{latest}9"', 0),
    ],
    ids=["message", "url", "f-string", "docstring", "stac-version", "history", "longer-version"],
)
def test_the_scan_finds_written_releases_and_spares_docstrings(source: str, hits: int) -> None:
    latest = bundle().latest
    text = source.format(latest=latest, bare=latest.lstrip("v"))
    assert len(version_literals(text, _pattern())) == hits
