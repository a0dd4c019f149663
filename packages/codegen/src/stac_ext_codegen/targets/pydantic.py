"""Target: the runtime package's Pydantic classes.

Options: ``path``, the classes of the latest release (a draft never changes them); with ``per_version: true``,
``release_path`` (``{module}`` is the version as a module name, e.g. ``v1_5_2``) gets one class set per
version and ``index_path`` a package module that lists them (imported lazily, see ``class_sets.py``).
A release's classes come from the cache of ``versioned.py`` (its source is frozen)."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    from ..class_sets import classes_of, index_module, module_name

    text = classes_of(build.model)
    # without per_version the target runs once, for the head (the draft if any), as before
    current = build.latest_release if build.options.get("release_path") else build.latest
    out = {build.option("path"): text} if current else {}
    release_path = build.option("release_path", None)
    if release_path is not None:
        out[release_path.replace("{module}", module_name(build.version))] = text
        index_path = build.option("index_path", None)
        if build.latest and index_path is not None:
            out[index_path] = index_module(build)
    return out
