"""The generated artifacts: which files exist and how each is produced from the source model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .docs import readme_fields
from .fixtures import render_fixtures
from .jsonschema import dump_json
from .model import ModelError, SourceModel
from .versioned import latest_schema_text, version_folders, version_outputs


@dataclass(frozen=True)
class Output:
    """One generated file, relative to the repository root, or one marked region of a hand-written file.

    With ``region``, only the text between ``<!-- {region}:start -->`` and ``<!-- {region}:end -->`` is
    generated; the rest of the file is kept as it is.
    """

    path: str
    render: Callable[[SourceModel], str]
    region: str | None = None


def _json_schema(model: SourceModel) -> str:
    """The latest release's schema (the model's own when the source holds no versions.yaml)."""
    return latest_schema_text(model)


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
    # The README's field tables, between <!-- fields:start --> and <!-- fields:end -->.
    Output("README.md", readme_fields, region="fields"),
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


def splice(text: str, region: str, content: str, path: str = "") -> str:
    """Replace what lies between a region's start and end markers in ``text``."""
    start, end = f"<!-- {region}:start -->", f"<!-- {region}:end -->"
    begin, finish = text.find(start), text.find(end)
    if begin < 0 or finish < begin:
        raise ModelError(f"{path}: needs the markers {start} and {end}, in that order, around the generated region")
    return text[: begin + len(start)] + "\n" + content.strip("\n") + "\n" + text[finish:]


def render_all(model: SourceModel, base: Path | None = None) -> dict[str, str]:
    """Every generated file's text, keyed by its path relative to the repository root.

    Files with generated regions are read from ``base`` (the repository holding the hand-written parts).
    """
    texts: dict[str, str] = {}
    for output in OUTPUTS:
        text = output.render(model)
        if output.region is not None:
            if output.path not in texts:
                source = (base or Path.cwd()) / output.path
                if not source.is_file():
                    raise ModelError(f"{output.path}: not found, so its region {output.region!r} cannot be generated")
                texts[output.path] = source.read_text(encoding="utf-8")
            text = splice(texts[output.path], output.region, text, output.path)
        texts[output.path] = text
    for folder in FOLDERS:
        texts |= {f"{folder.folder}/{name}": text for name, text in folder.render(model).items()}
    texts |= version_outputs(model)  # every release's and the draft's schema, and their index
    return texts


def write_all(model: SourceModel, root: Path, base: Path | None = None) -> list[Path]:
    """Write every generated file under ``root`` (unchanged ones are left alone) and remove stale files of
    owned folders; regions are spliced into the files of ``base`` (default: ``root``)."""
    written = []
    for relative, text in render_all(model, base or root).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    keep = set(written)
    for folder in [*owned_folders(), *version_folders(model)]:
        for stale in sorted(p for p in (root / folder).rglob("*") if p.is_file() and p not in keep):
            stale.unlink()
            if stale.parent != root / folder and not any(stale.parent.iterdir()):
                stale.parent.rmdir()
    return written
