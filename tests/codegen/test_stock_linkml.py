"""The model as committed is usable by stock LinkML at the pinned version: gen-json-schema, gen-pydantic and
LinkML's validator read schema/ directly, and the wheel's copy loads in SchemaView (`nox -s lint` runs
linkml-lint on the same files)."""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from stac_ext_codegen.config import find_config
from stac_ext_codegen.version_strings import linkml_files
from support.paths import OFFICIAL_VERSION, REPO, SCHEMA_DIR

pytestmark = pytest.mark.slow  # each LinkML command starts in seconds
CONFIG = find_config(SCHEMA_DIR)
ROOT = SCHEMA_DIR / CONFIG.model_root
FILES = linkml_files(SCHEMA_DIR, CONFIG.model_root, CONFIG.rules_file)
SHIPPED = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "linkml"
#: Map-valued slots (assets, summaries) are lists to stock LinkML: it has no map of unkeyed objects.
MAPS_DEFECT = "stock LinkML reads json_map slots as lists (a map of objects without a key slot)"


def _tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / name), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=REPO)


@pytest.mark.parametrize("generator", ["gen-json-schema", "gen-pydantic"])
def test_linkml_generators_read_the_committed_model(generator: str) -> None:
    done = _tool(generator, str(ROOT))
    assert done.returncode == 0, done.stderr[-2000:]
    if generator == "gen-json-schema":
        assert json.loads(done.stdout)["$defs"]
    else:
        compile(done.stdout, generator, "exec")


def test_the_shipped_model_is_the_head_and_loads_in_schemaview() -> None:
    from linkml_runtime import SchemaView

    assert sorted(p.name for p in SHIPPED.glob("*.yaml")) == sorted(FILES)
    for name in FILES:
        assert (SHIPPED / name).read_bytes() == (SCHEMA_DIR / name).read_bytes(), name
    shipped, source = SchemaView(str(SHIPPED / CONFIG.model_root)), SchemaView(str(ROOT))
    assert set(shipped.all_classes()) == set(source.all_classes()) and shipped.all_classes()
    assert set(shipped.all_slots()) == set(source.all_slots())


@functools.cache
def _view() -> Any:
    from linkml_runtime import SchemaView

    return SchemaView(str(ROOT))


def _target_class(document: dict) -> str:
    """The entry-point class whose discriminator value the document has (read from the model)."""
    view = _view()
    for name in view.all_classes():
        usage = view.get_class(name).slot_usage or {}
        for slot, facts in usage.items():
            fixed = getattr(facts, "equals_string", None)
            if fixed is not None and document.get(slot) == fixed:
                return str(name)
    raise AssertionError("no class of the model is the entry point of this document")


@functools.cache
def _validator() -> Any:
    """LinkML's validator as `linkml-validate` sets it up by default (closed JSON Schema), loaded once."""
    from linkml.validator import Validator
    from linkml.validator.plugins import JsonschemaValidationPlugin

    return Validator(str(ROOT), validation_plugins=[JsonschemaValidationPlugin(closed=True)])


def _validate(document: dict) -> list[str]:
    return [result.message for result in _validator().validate(document, _target_class(document)).results]


@pytest.mark.upstream
@pytest.mark.xfail(strict=True, reason=MAPS_DEFECT)
def test_linkml_validate_accepts_every_official_example(official_examples: dict) -> None:
    failures = {name: problems for name, document in official_examples.items() if (problems := _validate(document))}
    assert not failures, failures


@pytest.mark.upstream
def test_linkml_validate_rejects_an_item_without_a_required_field(official_examples: dict) -> None:
    view = _view()
    document = copy.deepcopy(next(d for d in official_examples.values() if d.get("type") == "Feature"))
    level = view.induced_slot("properties", _target_class(document)).range
    required = next(s for s in view.class_induced_slots(level) if s.required)
    key = required.alias or required.name
    assert key in document["properties"], f"the {OFFICIAL_VERSION} example has {key}"
    del document["properties"][key]
    assert any(f"'{key}' is a required property" in problem for problem in _validate(document))
