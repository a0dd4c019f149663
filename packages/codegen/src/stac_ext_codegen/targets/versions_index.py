"""Target: the index of the versions the source holds, for the runtime package (option ``path``):
``{"latest", "draft", "versions": [{version, status, schema, url, urls}]}``, ``schema`` being the path of the
version's schema relative to the index, made from the option ``schema`` (``{version}`` filled). Nothing is
written for a source without a version index."""

from __future__ import annotations

import json

from . import Build


def render(build: Build) -> dict[str, str]:
    """The index of the versions the source holds (nothing when the model has no version)."""
    entries = []
    for version, status, model in build.versions:
        if model.version is None:
            return {}
        entries.append(
            {
                "version": version,
                "status": status,
                "schema": str(build.options["schema"]).replace("{version}", version),  # this version's file
                "url": model.version.url,
                "urls": model.version.urls,
            }
        )
    releases = [e["version"] for e in entries if e["status"] == "release"]
    drafts = [e["version"] for e in entries if e["status"] == "draft"]
    document = {"latest": releases[-1] if releases else None, "draft": drafts[-1] if drafts else None}
    document["versions"] = entries
    return {build.option("path"): json.dumps(document, indent=2) + "\n"}
