"""The generated artifacts: which files exist and how each is produced from the source model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .fixtures import render_fixtures
from .jsonschema import dump_json, json_schema_of
from .model import SourceModel


@dataclass(frozen=True)
class Output:
    """One generated file, relative to the repository root."""

    path: str
    render: Callable[[SourceModel], str]


def _json_schema(model: SourceModel) -> str:
    return dump_json(json_schema_of(model))


def _yaml_folder_as_json(folder: str) -> Callable[[SourceModel], str]:
    """Every ``<folder>/*.yaml`` beside the model, as one JSON object keyed by file stem (data copied as is)."""

    def render(model: SourceModel) -> str:
        import yaml

        return dump_json(
            {
                path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
                for path in sorted((model.directory / folder).glob("*.yaml"))
            }
        )

    return render


def _pydantic(model: SourceModel) -> str:
    from .pydantic import build_pydantic

    return build_pydantic(model)


OUTPUTS: tuple[Output, ...] = (
    Output("generated/json-schema/schema.json", _json_schema),
    # The runtime package ships the same schema as package data (its one validation authority).
    Output("packages/stac-mlm/src/stac_mlm/_generated/schema.json", _json_schema),
    # Its typed classes (pydantic v2 only, no linkml at run time).
    Output("packages/stac-mlm/src/stac_mlm/_generated/models.py", _pydantic),
    # Migration tables (schema/migrations/*.yaml), read by the runtime's migrations and by the docs.
    Output("packages/stac-mlm/src/stac_mlm/_generated/migrations.json", _yaml_folder_as_json("migrations")),
)


@dataclass(frozen=True)
class OutputFolder:
    """A folder owned by one generator: it holds exactly the files ``render`` returns (paths relative to it)."""

    folder: str
    render: Callable[[SourceModel], dict[str, str]]


FOLDERS: tuple[OutputFolder, ...] = (
    # Example fixtures rendered from schema/examples/ (valid documents, rejected cases with sidecars, errata).
    OutputFolder("examples", render_fixtures),
)


def owned_folders() -> list[str]:
    """Folders whose every file is generated: a file there that no generator produces is stale."""
    return [folder.folder for folder in FOLDERS]


def render_all(model: SourceModel) -> dict[str, str]:
    """Every generated file's text, keyed by its path relative to the repository root."""
    files = {output.path: output.render(model) for output in OUTPUTS}
    for folder in FOLDERS:
        files |= {f"{folder.folder}/{name}": text for name, text in folder.render(model).items()}
    return files


def write_all(model: SourceModel, root: Path) -> list[Path]:
    """Write every generated file (unchanged ones are left alone) and remove stale files of owned folders."""
    written = []
    for relative, text in render_all(model).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    keep = set(written)
    for folder in owned_folders():
        for stale in sorted(p for p in (root / folder).rglob("*") if p.is_file() and p not in keep):
            stale.unlink()
    return written
