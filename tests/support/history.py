"""The MLM release history for the tests: versions, their published and generated schemas, probes.

Every released version has a frozen source under ``schema/releases/<version>/`` (the live ``schema/``
is the latest release); its generated schema must give the verdicts of that version's published
(tagged) schema. The probes below are the rows of the behaviour matrix of the upstream notes
(mlm-v1.5.2-spec.md §2.4): one change each to the official minimal Item, with the verdict each
published version gives.
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from . import documents, mutations
from .paths import GENERATED_DIR, SCHEMA_DIR, UPSTREAM_DATA

RELEASES_DIR = SCHEMA_DIR / "releases"
#: Any MLM schema URL of any host family (tagged crim-ca, stac-extensions.github.io, malformed re-publication).
MLM_URL = re.compile(
    r"https://(?:crim-ca\.github\.io/mlm-extension|stac-extensions\.github\.io/mlm|stac-extensions/mlm)"
    r"/v[0-9]+\.[0-9]+\.[0-9]+/schema\.json"
)
Document = dict[str, Any]


def _semver(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.lstrip("v").split("."))


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def versions_index() -> dict[str, Any]:
    """``schema/versions.yaml`` (releases with their URLs), or an empty index when it does not exist yet."""
    import yaml

    path = SCHEMA_DIR / "versions.yaml"
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def releases() -> list[str]:
    """Every release the source holds, in ascending semantic order."""
    found = {path.name for path in RELEASES_DIR.iterdir() if (path / "mlm.yaml").is_file()}
    found |= {str(entry["version"]) for entry in versions_index().get("releases", []) or []}
    return sorted(found, key=_semver)


def published_versions() -> list[str]:
    """Releases that have a published schema in the upstream data."""
    return [v for v in releases() if published_schema_path(v).is_file()]


def source_dir(version: str) -> Path:
    frozen = RELEASES_DIR / version
    return frozen if (frozen / "mlm.yaml").is_file() else SCHEMA_DIR


def published_schema_path(version: str) -> Path:
    return UPSTREAM_DATA / "mlm" / version / "json-schema" / "schema.json"


def republished_schema_path(version: str) -> Path:
    """The copy upstream re-published on its documentation site (only for the versions that differ)."""
    return UPSTREAM_DATA / "mlm" / "_published-gh-pages" / version / "schema.json"


@cache
def published_schema(version: str) -> dict[str, Any]:
    return _read(published_schema_path(version))


def schema_url(version: str) -> str:
    """The canonical URL (``$id``) of a version: that of its tagged schema."""
    return str(published_schema(version)["$id"])


@cache
def generated_schema(version: str) -> dict[str, Any]:
    """The generated schema of a version: the committed output, else built from the frozen source."""
    committed = GENERATED_DIR / "json-schema" / version / "schema.json"
    if committed.is_file():
        return _read(committed)
    from stac_ext_codegen.jsonschema import json_schema_of
    from stac_ext_codegen.model import SourceModel

    return json.loads(json.dumps(json_schema_of(SourceModel.load(source_dir(version)))))


@cache
def generated_validator(version: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(generated_schema(version))


def with_mlm_url(document: Any, url: str) -> Any:
    """A copy of the document in which every MLM schema URL is replaced by ``url``."""
    return json.loads(MLM_URL.sub(url, json.dumps(document)))


def examples(version: str) -> dict[str, Document]:
    """The official examples of a version (Items and Collections at the top of its examples folder)."""
    folder = UPSTREAM_DATA / "mlm" / version / "examples"
    return {path.name: _read(path) for path in sorted(folder.glob("*.json"))}


@cache
def seeds(version: str) -> dict[str, Document]:
    """Seeds of a version's mutation corpus: its own examples, every other version's examples and the
    project's own documents moved to this version's URL (near misses across versions)."""
    url = schema_url(version)
    found: dict[str, Document] = {}
    for other in published_versions():
        for name, document in examples(other).items():
            found[f"{other}:{name}"] = document if other == version else with_mlm_url(document, url)
    for name, build in documents.SEEDS.items():
        found[name] = with_mlm_url(build(), url)
    for name, change in PROBES.items():
        found[f"probe:{name}"] = change(base_item(url))
    return found


#: Values that matter to older versions only (spellings, legacy normalisation, URLs of the re-publication).
HISTORY_STRINGS = ["Scikit-learn", "Huggingface", "l2", "inf", "min-max", "mlm:source_code", "dlm:model"]


def corpus(version: str, limit: int) -> list[mutations.Mutant]:
    """A reproducible sample of ``limit`` mutants of a version's seeds.

    The places to change are drawn first (walking the seeds is cheap), then one mutant is built per
    place with the kinds of change of ``support.mutations``: a deletion, a replacement by a value of
    another kind or a domain value, or an added key.
    """
    rng = random.Random(f"history-{version}")
    documents = seeds(version)
    places = [(name, path) for name in sorted(documents) for path, _ in mutations._paths(documents[name])]
    rng.shuffle(places)
    found: list[mutations.Mutant] = []
    for name, path in places[:limit]:
        document = documents[name]
        value = mutations._get(document, path)
        choice = rng.randrange(3)
        if choice == 0 and path:
            changed = mutations._delete(copy.deepcopy(document), path)
            found.append(mutations.Mutant(name, f"delete {mutations._pointer(path)}", changed))
        elif choice == 1 and isinstance(value, dict):
            key, added = rng.choice(mutations.KEYS_TO_ADD), rng.choice(mutations.VALUES_FOR_ADDED_KEYS)
            changed = copy.deepcopy(document)
            mutations._get(changed, path)[key] = copy.deepcopy(added)
            found.append(mutations.Mutant(name, f"add {mutations._pointer((*path, key))} = {added!r}", changed))
        else:
            candidates = mutations._candidate_values(value, rng)
            if isinstance(value, str):
                candidates += [*HISTORY_STRINGS, *(schema_url(v) for v in published_versions())]
            replacement = rng.choice(candidates)
            changed = mutations._set(copy.deepcopy(document), path, copy.deepcopy(replacement))
            found.append(mutations.Mutant(name, f"set {mutations._pointer(path)} = {replacement!r}", changed))
    return found


def probed_seeds(version: str, own_only: bool = False) -> dict[str, Document]:
    """Every behaviour-matrix probe applied to every Item seed it fits (seeds without an input, an output
    or a model asset are skipped for the probes that need one); ``own_only``: the version's own examples."""
    found: dict[str, Document] = {}
    for seed_name, seed in seeds(version).items():
        if seed_name.startswith("probe:") or not isinstance(seed.get("properties"), dict):
            continue
        if own_only and not seed_name.startswith(f"{version}:"):
            continue
        for probe_name, probe in PROBES.items():
            try:
                found[f"{seed_name} + {probe_name}"] = probe(seed)
            except (KeyError, IndexError, StopIteration, TypeError, AttributeError):
                continue
    return found


# --- The behaviour matrix probes --------------------------------------------------------------------------


def base_item(url: str) -> Document:
    """The official minimal Item of the latest examples, declaring ``url``."""
    latest = published_versions()[-1]
    return with_mlm_url(examples(latest)["item_basic.json"], url)


def _first_input(doc: Document) -> dict[str, Any]:
    return doc["properties"]["mlm:input"][0]


def _first_output(doc: Document) -> dict[str, Any]:
    return doc["properties"]["mlm:output"][0]


def _model_asset(doc: Document) -> dict[str, Any]:
    return next(asset for asset in doc["assets"].values() if "mlm:model" in asset.get("roles", []))


def _probe(change: Callable[[Document], None]) -> Callable[[Document], Document]:
    def apply(doc: Document) -> Document:
        doc = copy.deepcopy(doc)
        change(doc)
        return doc

    return apply


def _input_bands(doc: Document) -> None:
    _first_input(doc)["bands"] = ["B01"]
    _first_input(doc)["input"]["dim_order"] = ["batch", "bands", "height", "width"]


def _band_object(doc: Document) -> None:
    _input_bands(doc)
    _first_input(doc)["bands"] = [{"name": "B01"}]
    doc["stac_extensions"].append("https://stac-extensions.github.io/eo/v1.1.0/schema.json")
    doc["properties"]["eo:bands"] = [{"name": "B01"}]


def _extra_asset(roles: list[str], **fields: Any) -> Callable[[Document], None]:
    def change(doc: Document) -> None:
        doc["assets"]["extra"] = {"href": "extra.txt", "roles": roles, **fields}

    return change


def _set(where: Callable[[Document], dict[str, Any]], key: str, value: Any) -> Callable[[Document], None]:
    def change(doc: Document) -> None:
        where(doc)[key] = copy.deepcopy(value)

    return change


def _delete(where: Callable[[Document], dict[str, Any]], key: str) -> Callable[[Document], None]:
    def change(doc: Document) -> None:
        where(doc).pop(key, None)

    return change


def _properties(doc: Document) -> dict[str, Any]:
    return doc["properties"]


def _document(doc: Document) -> dict[str, Any]:
    return doc


def _legacy_normalisation(doc: Document) -> None:
    _first_input(doc).update({"norm_type": "l2", "norm_clip": [1]})


def _expression_description(doc: Document) -> None:
    _first_input(doc)["pre_processing_function"] = {"format": "python", "expression": "a:b", "description": 5}


def _collection_summary(doc: Document) -> None:
    url = doc["stac_extensions"]
    doc.clear()
    doc.update({"type": "Collection", "stac_extensions": url, "summaries": {"mlm:tasks": ["classification"]}})


def _collection_item_assets(doc: Document) -> None:
    url = doc["stac_extensions"]
    doc.clear()
    doc.update({"type": "Collection", "stac_extensions": url, "item_assets": {"model": {"mlm:accelerator": "bogus"}}})


#: Behaviour-matrix rows: name -> change to the minimal Item.
PROBES: dict[str, Callable[[Document], Document]] = {
    "input bands, no band definitions": _probe(_input_bands),
    "input without bands": _probe(_delete(_first_input, "bands")),
    "band object form": _probe(_band_object),
    "unknown mlm: key in properties": _probe(_set(_properties, "mlm:unknown", 1)),
    "dlm: key in properties": _probe(_set(_properties, "dlm:foo", 1)),
    "artifact type in Item properties": _probe(_set(_properties, "mlm:artifact_type", "torch.save")),
    "mlm:name on an asset": _probe(_set(_model_asset, "mlm:name", "a-model")),
    "model asset without artifact type": _probe(_delete(_model_asset, "mlm:artifact_type")),
    "extra non-model asset": _probe(_extra_asset(["metadata"])),
    "entrypoint on a code asset": _probe(_extra_asset(["code"], **{"mlm:entrypoint": "a:b"})),
    "entrypoint on a metadata asset": _probe(_extra_asset(["metadata"], **{"mlm:entrypoint": "a:b"})),
    "type Catalog": _probe(_set(_document, "type", "Catalog")),
    "framework with a leading space": _probe(_set(_properties, "mlm:framework", " x")),
    "task downscaling": _probe(_set(_properties, "mlm:tasks", ["downscaling"])),
    "statistics without known keys": _probe(_set(_first_input, "statistics", [{"foo": 1}])),
    "legacy norm_type and norm_clip": _probe(_legacy_normalisation),
    "value scaling of an unknown type": _probe(_set(_first_input, "value_scaling", [{"type": "bogus"}])),
    "input variables without datacube": _probe(_set(_first_input, "variables", ["v"])),
    "pre-processing as a list": _probe(
        _set(_first_input, "pre_processing_function", [{"format": "python", "expression": "a:b"}])
    ),
    "processing expression description not a string": _probe(_expression_description),
    "output bands without definitions": _probe(_set(_first_output, "bands", ["B01"])),
    "Collection summary as a list": _probe(_collection_summary),
    # not matrix rows: erratum H3, and the item_assets of Collections (checked from v1.2.0)
    "model asset without roles": _probe(_delete(_model_asset, "roles")),
    "Collection item_assets with a wrong value": _probe(_collection_item_assets),
}

#: The verdicts of the behaviour matrix (True = valid), per probe, for v1.0.0 ... v1.5.2 in order.
_OK, _BAD = True, False
MATRIX_VERSIONS = ["v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0", "v1.4.0", "v1.5.0", "v1.5.1", "v1.5.2"]
MATRIX: dict[str, list[bool]] = {
    "input bands, no band definitions": [_OK, _OK, _OK, _BAD, _BAD, _BAD, _BAD, _BAD],
    "input without bands": [_BAD, _BAD, _BAD, _BAD, _BAD, _OK, _OK, _OK],
    "band object form": [_BAD, _BAD, _OK, _OK, _OK, _OK, _OK, _OK],
    "unknown mlm: key in properties": [_OK, _OK, _OK, _OK, _BAD, _BAD, _BAD, _BAD],
    "dlm: key in properties": [_BAD, _BAD, _BAD, _BAD, _OK, _OK, _OK, _OK],
    "artifact type in Item properties": [_OK, _OK, _OK, _OK, _BAD, _BAD, _BAD, _BAD],
    "mlm:name on an asset": [_OK, _OK, _OK, _OK, _BAD, _BAD, _BAD, _BAD],
    "model asset without artifact type": [_OK, _OK, _OK, _OK, _BAD, _BAD, _BAD, _BAD],
    "extra non-model asset": [_BAD, _BAD, _OK, _OK, _OK, _OK, _OK, _OK],
    "entrypoint on a code asset": [_BAD, _BAD, _OK, _OK, _BAD, _OK, _OK, _OK],
    "entrypoint on a metadata asset": [_BAD, _BAD, _OK, _OK, _BAD, _BAD, _BAD, _BAD],
    "type Catalog": [_BAD, _BAD, _BAD, _OK, _OK, _OK, _OK, _OK],
    "framework with a leading space": [_OK, _BAD, _BAD, _BAD, _BAD, _BAD, _BAD, _BAD],
    "task downscaling": [_BAD, _BAD, _BAD, _BAD, _BAD, _OK, _OK, _OK],
    "statistics without known keys": [_BAD, _BAD, _BAD, _BAD, _OK, _OK, _OK, _OK],
    "legacy norm_type and norm_clip": [_OK, _OK, _OK, _OK, _OK, _OK, _OK, _OK],
    "value scaling of an unknown type": [_OK, _OK, _OK, _OK, _BAD, _BAD, _BAD, _BAD],
    "input variables without datacube": [_OK, _OK, _OK, _OK, _OK, _BAD, _BAD, _BAD],
    "pre-processing as a list": [_BAD, _BAD, _BAD, _BAD, _BAD, _OK, _OK, _OK],
    "processing expression description not a string": [_OK, _OK, _OK, _OK, _OK, _OK, _BAD, _BAD],
    "output bands without definitions": [_OK, _OK, _OK, _OK, _OK, _BAD, _BAD, _BAD],
    "Collection summary as a list": [_BAD, _BAD, _BAD, _BAD, _BAD, _BAD, _BAD, _BAD],
}


def matrix_verdict(probe: str, version: str) -> bool:
    return MATRIX[probe][MATRIX_VERSIONS.index(version)]
