"""Target: the runtime package's Pydantic classes.

Options: ``path``, the classes of the latest release (a draft never changes them); with ``per_version: true``,
``release_path`` (``{module}`` is the version as a module name, e.g. ``v1_5_2``) gets one class set per
version, ``index_path`` a package module that lists them (imported lazily, see ``class_sets.py``), ``path``
then re-exports the latest release's set (the classes are written once), and ``alias_path`` (optional, also
with ``{module}``) gets a module per version that re-exports its set under a public name.
A release's classes come from the cache of ``versioned.py`` (its source is frozen)."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    """The Pydantic classes module."""
    from ..class_sets import classes_of, index_module, module_name, reexport_module, unlisted_names

    text = classes_of(build.model)
    release_path = build.option("release_path", None)
    if release_path is None:  # without per_version the target runs once, for the head (the draft if any)
        return {build.option("path"): text} if build.latest else {}
    own = release_path.replace("{module}", module_name(build.version))
    out = {own: text}
    unlisted = unlisted_names(build.model, text) if build.latest_release or build.option("alias_path", None) else []
    schema = build.model.view.schema
    title = f"{schema.title or schema.name}, version {str(schema.version or build.version).lstrip('v')}"
    if build.status == "draft":
        title += " (a draft, not released)"
    if build.latest_release:
        path = build.option("path")
        out[path] = reexport_module(path, own, unlisted, f"Pydantic classes of the latest release of {title}.")
    alias_path = build.option("alias_path", None)
    if alias_path is not None:
        alias = alias_path.replace("{module}", module_name(build.version))
        out[alias] = reexport_module(alias, own, unlisted, f"Pydantic classes of {title}.")
    index_path = build.option("index_path", None)
    if build.latest and index_path is not None:
        out[index_path] = index_module(build)
    return out
