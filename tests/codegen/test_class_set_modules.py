"""The modules that re-export a class set (the package's latest classes, ``stac_mlm.models.<version>``) and
the owned-file patterns that keep those among hand-written modules: paths and names come from codegen.yaml."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from stac_ext_codegen.class_sets import _unlisted_names, module_name, reexport_module, relative_import
from stac_ext_codegen.config import load_config
from stac_ext_codegen.outputs import stale_files
from support.paths import SCHEMA_DIR

OPTIONS = load_config(SCHEMA_DIR / "codegen.yaml").target("pydantic").options


@pytest.mark.parametrize(
    ("importer", "module", "expected"),
    [
        ("p/a/b.py", "p/a/c.py", ".c"),
        ("p/a/b.py", "p/a/r/c.py", ".r.c"),
        ("p/a/m/b.py", "p/a/r/c.py", "..r.c"),
        ("p/a/m/n/b.py", "p/a/c.py", "...c"),
    ],
)
def test_relative_import(importer: str, module: str, expected: str) -> None:
    assert relative_import(importer, module) == expected


def test_the_configured_modules_import_the_class_set() -> None:
    """Each configured re-exporting path resolves, from its package, to the file the set is written to."""
    own = OPTIONS["release_path"].replace("{module}", "v1_0_0")
    for importer in (OPTIONS["path"], OPTIONS["alias_path"].replace("{module}", "v1_0_0")):
        name = relative_import(importer, own)
        dots = len(name) - len(name.lstrip("."))
        package = Path(importer).parents[dots - 1]
        assert (package / name.lstrip(".").replace(".", "/")).with_suffix(".py") == Path(own)


def test_a_reexport_names_every_public_name_and_defines_nothing() -> None:
    source = "__all__ = ['A']\nclass A: ...\nclass Base: ...\n_private = 1\nHELPER: int = 2\n"
    text = reexport_module("p/x.py", "p/set.py", _unlisted_names(source), "The set.")
    tree = ast.parse(text)
    assert ast.get_docstring(tree) is not None
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.Assign)]
    imported = {alias.name for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert imported == {"*", "Base", "HELPER", "__all__"}
    assert {node.module for node in tree.body if isinstance(node, ast.ImportFrom)} == {"set"}


def test_a_pattern_owns_only_the_files_it_matches(tmp_path: Path) -> None:
    pattern = OPTIONS["alias_path"].replace("{module}", "v*")
    assert pattern in load_config(SCHEMA_DIR / "codegen.yaml").owned
    folder = tmp_path / Path(pattern).parent
    folder.mkdir(parents=True)
    kept, produced, stale = "__init__.py", f"{module_name('v1.0.0')}.py", f"{module_name('v0.0.9')}.py"
    for name in (kept, produced, stale):
        (folder / name).write_text("")
    found = stale_files([pattern], tmp_path, {(folder / produced).relative_to(tmp_path).as_posix()})
    assert found == [folder / stale]
