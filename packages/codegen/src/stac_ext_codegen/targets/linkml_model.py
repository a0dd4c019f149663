"""Target: the head's LinkML model files as they are (root, local imports; not the rules file), copied into
the folder of the option ``folder``, so that a package can ship the model for ``linkml_runtime.SchemaView``
(as biolink-model and nmdc-schema ship theirs). The files hold no placeholders, so the copy is the source."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    from ..version_strings import linkml_files

    model = build.model
    folder = str(build.option("folder")).rstrip("/")
    names = linkml_files(model.directory, model.root, model.rules_file)
    return {f"{folder}/{name}": (model.directory / name).read_text(encoding="utf-8") for name in names}
