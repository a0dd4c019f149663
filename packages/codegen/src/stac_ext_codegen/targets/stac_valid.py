"""A schema config for stac-valid (formerly stac-validator): every URL that names this version's JSON
Schema mapped to the generated file, so ``stac-valid validate --extensions --schema-config <file>``
checks the extension offline.

stac-valid reads ``schemas: {url: path}`` and resolves a relative path against the config's folder.
Options: ``path`` (the config), ``schema`` (the generated JSON Schema it points at); both may hold
``{version}``.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

import yaml

from .jsonld import versioned

if TYPE_CHECKING:
    from . import Build


def schema_urls(build: Build) -> list[str]:
    """Every URL that names this version: the canonical ``$id`` first, then the version's aliases."""
    urls = [str(build.json_schema()["$id"])]
    version = build.model.version
    for url in [version.url, *version.aliases] if version is not None else []:
        if url not in urls:
            urls.append(str(url))
    return urls


def build_config(build: Build, path: str) -> str:
    """The config written at ``path`` (its mapping is relative to that folder)."""
    folder = posixpath.dirname(path)
    target = posixpath.relpath(build.option("schema"), folder)
    header = (
        f"# stac-valid schema config for {build.json_schema()['title']}.\n"
        "# Generated from schema/ by `nox -s generate`; do not edit. Paths are relative to this file.\n"
        "# Use: stac-valid validate --extensions --schema-config <this file> <item or collection>\n"
    )
    body = yaml.safe_dump({"schemas": dict.fromkeys(schema_urls(build), target)}, sort_keys=False, width=200)
    return header + body


def render(build: Build) -> dict[str, str]:
    """The stac-valid configuration, per version."""
    return {path: build_config(build, path) for path in versioned(build, "")}
