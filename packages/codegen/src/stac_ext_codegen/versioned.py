"""Artifacts of every version a source holds: one JSON Schema per release and draft, and their index.

A release's source is frozen, so its schema only changes when the generator does: it is cached under
``build/codegen-cache/`` (git-ignored; ``STAC_EXT_CODEGEN_CACHE`` moves it), keyed by a hash of the
snapshot, the version entry and the generator's own source.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .model import SourceModel, load_version, per_model
from .modelfiles import digest_of, model_files
from .versions import Version, VersionIndex

CACHE_ENV = "STAC_EXT_CODEGEN_CACHE"


@cache
def generator_fingerprint() -> str:
    """A hash of the generator's source files and of the LinkML release it runs on."""
    hasher = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        hasher.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for distribution in ("linkml", "linkml-runtime"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            hasher.update(f"{distribution}={metadata.version(distribution)}".encode())
    return hasher.hexdigest()


def _cache_dir(index: VersionIndex) -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else index.schema_dir.parent / "build" / "codegen-cache"


def _cache_key(index: VersionIndex, version: Version) -> str:
    directory = index.source_dir(version)
    entry = json.dumps({"version": version.version, "url": version.url, "status": version.status}, sort_keys=True)
    source = digest_of(directory, model_files(directory))
    return hashlib.sha256(f"{generator_fingerprint()}\0{entry}\0{source}".encode()).hexdigest()[:32]


def cached_text(index: VersionIndex, version: Version, kind: str, produce: Callable[[], str]) -> str:
    """A text derived from a release's frozen source, computed once per snapshot and generator."""
    cached = _cache_dir(index) / f"{version.version}-{kind}-{_cache_key(index, version)}.json"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    text = produce()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for stale in cached.parent.glob(f"{version.version}-{kind}-*.json"):
            stale.unlink()
        cached.write_text(text, encoding="utf-8")
    except OSError:  # a read-only checkout still generates, only slower
        pass
    return text


def cached(index: VersionIndex, version: Version, kind: str, produce: Callable[[], str]) -> Any:
    """``cached_text``, parsed as JSON."""
    return json.loads(cached_text(index, version, kind, produce))


def schema_text(index: VersionIndex, version: Version) -> str:
    """The generated JSON Schema of a version, as committed (releases come from the cache when they can)."""
    from .jsonschema import dump_json, json_schema_of

    if version.status == "draft":
        return dump_json(json_schema_of(load_version(index, version)))
    return cached_text(index, version, "schema", lambda: dump_json(json_schema_of(load_version(index, version))))


def schema_document(index: VersionIndex, version: Version) -> dict[str, Any]:
    """The JSON Schema of a version, parsed (a fresh copy)."""
    parsed: dict[str, Any] = json.loads(schema_text(index, version))
    return parsed


def index_of(model: SourceModel) -> VersionIndex | None:
    """The version index of a model (the model is registered in it as its version's loaded model)."""
    if model.versions is not None and model.version is not None:
        model.versions._models.setdefault(model.version.version, model)
    return model.versions


@per_model
def release_schema(model: SourceModel) -> dict[str, Any]:
    """The generated JSON Schema of a model; for a release, read from the cache when it can be."""
    from .jsonschema import json_schema_of

    index = index_of(model)
    if index is None or model.version is None or model.version.status != "release":
        return json_schema_of(model)
    return schema_document(index, model.version)


def schema_keys(schema: Any) -> set[str]:
    """Every object key a JSON Schema declares (the names under each ``properties``)."""
    from .jsonschema import walk_objects

    nodes = [node.get("properties") for node in walk_objects(schema)]
    return {key for properties in nodes if isinstance(properties, dict) for key in properties}


def introduced(model: SourceModel) -> dict[str, str]:
    """``{key: version}`` for the keys that first appear in a version after the earliest one held, up to the
    model's own version (nothing for an unversioned model)."""
    index = index_of(model)
    if index is None or model.version is None:
        return {}
    upto = [v for v in index.all if v.version == model.version.version or v in index.releases]
    upto = upto[: [v.version for v in upto].index(model.version.version) + 1]
    seen: set[str] = set()
    found: dict[str, str] = {}
    for number, version in enumerate(upto):
        keys = schema_keys(schema_document(index, version))
        if number:
            found |= {key: version.version for key in keys - seen}
        seen |= keys
    return found


def version_note(model: SourceModel) -> str:
    """A sentence saying which version a generated text describes (empty for an unversioned model)."""
    index, version = index_of(model), model.version
    if index is None or version is None:
        return ""
    if version.status == "draft":
        return (
            f"This describes **{version.version}, a draft** (not released; the latest release is "
            f"{index.latest.version})."
        )
    if version.version != index.latest.version:
        return f"This describes **{version.version}**, an earlier release (the latest is {index.latest.version})."
    return f"This describes **{version.version}**, the latest release."
