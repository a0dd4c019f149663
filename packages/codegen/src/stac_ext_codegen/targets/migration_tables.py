"""Target: the migration tables (every ``<source>/*.yaml`` beside the model) as one JSON object keyed by file
stem, data copied as is (option ``path``: where it goes; ``source``: the folder beside the model). With the
option ``derive`` (the stem of the table configuring it), the steps between releases derived from the diff
(see ``derive_migrations.py``) are added to that table as ``derived``."""

from __future__ import annotations

from ..yamlfile import load_text
from . import Build


def render(build: Build) -> dict[str, str]:
    from ..jsonschema import dump_json

    folder = build.model.directory / build.option("source")
    tables = {path.stem: load_text(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))}
    stem = build.option("derive", None)
    if stem is not None and build.model.versions is not None:
        from ..derive_migrations import derived_steps

        config = tables.get(stem) or {}
        tables[stem] = {**config, "derived": derived_steps(build.model.versions, tables, config)}
    return {build.option("path"): dump_json(tables)}
