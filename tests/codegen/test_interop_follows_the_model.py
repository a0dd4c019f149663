"""The four interop targets follow an edit of the model with no change to their code: a new optional
field and a new task value (the spec editor's edits of support/edits.py) reach the JSON-LD context, the
SHACL shapes, the queryables and the stac-valid config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from stac_ext_codegen.cli import main
from stac_ext_codegen.model import SourceModel
from stac_ext_codegen.targets import Build, jsonld, queryables, shacl, stac_valid
from stac_ext_codegen.versions import VersionIndex
from support import edits
from support.paths import REPO


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> SourceModel:
    scratch = edits.copy_schema(tmp_path_factory.mktemp("edited"))
    index = VersionIndex.find(scratch)
    if index is not None and index.draft is None:  # releases are frozen: the edit goes to a new draft
        assert main(["--root", str(scratch.parent), "new-version", index.next_minor()]) == 0
    edits.add_optional_field(scratch)
    edits.add_task_value(scratch)
    return SourceModel.load(scratch)


def build(model: SourceModel, target: str) -> Build:
    spec = model.config.target(target)
    version = model.version.version if model.version else "v0.0.1"
    return Build(version=version, status="draft", latest=True, model=model, base=REPO, options=spec.options)


def only(outputs: dict[str, str], suffix: str) -> str:
    texts = {text for path, text in outputs.items() if path.endswith(suffix)}
    assert len(texts) == 1, sorted(outputs)
    return texts.pop()


def test_context_and_queryables_list_the_new_field_and_task(edited: SourceModel) -> None:
    import json

    context = json.loads(only(jsonld.render(build(edited, "jsonld")), ".jsonld"))["@context"]
    assert edits.NEW_FIELD in context
    found: Any = json.loads(only(queryables.render(build(edited, "queryables")), ".json"))["properties"]
    assert found[edits.NEW_FIELD]["type"] == "number" and found[edits.NEW_FIELD]["minimum"] == 0
    assert any(edits.NEW_TASK in str(schema) for schema in found.values())


def test_shapes_check_the_new_field_and_task(edited: SourceModel) -> None:
    text = only(shacl.render(build(edited, "shacl")), ".ttl")
    assert edits.NEW_FIELD.split(":", 1)[1] in text
    assert f'"{edits.NEW_TASK}"' in text


def test_stac_valid_config_maps_the_version_url(edited: SourceModel) -> None:
    outputs = stac_valid.render(build(edited, "stac_valid"))
    for path, text in outputs.items():
        schemas = yaml.safe_load(text)["schemas"]
        assert list(schemas) == [build(edited, "stac_valid").json_schema()["$id"]]
        assert (REPO / Path(path).parent / schemas[next(iter(schemas))]).resolve().name == "schema.json"
