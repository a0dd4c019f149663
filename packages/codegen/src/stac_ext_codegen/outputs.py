"""The generated artifacts: every target of ``codegen.yaml`` run over the versions of the model.

``render_all`` runs the targets (see ``targets/__init__.py`` for the interface) and returns every file's
text; ``write_all`` writes them and removes stale files from the folders the config marks as generated.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import ModelError, SourceModel, load_version
from .targets import Build, load_target, splice

__all__ = ["VersionBuild", "owned_folders", "render_all", "splice", "stale_files", "versions_of", "write_all"]


@dataclass(frozen=True)
class VersionBuild:
    """One version the source holds: its name (``v1.5.2``), ``release`` or ``draft``, and its loaded model."""

    version: str
    status: str
    model: SourceModel


def versions_of(model: SourceModel) -> list[VersionBuild]:
    """Every version the source of a model holds (``versions.yaml``), ascending, the model itself standing
    for its own version; without a version index, the model alone, as a release."""
    from .versioned import index_of

    index = index_of(model)  # registers the model as its version's loaded model
    if index is not None:
        return [VersionBuild(v.version, v.status, load_version(index, v)) for v in index.all]
    number = str(model.view.schema.version or "").strip()
    if not number:
        raise ModelError(f"{model.root_path}: the schema needs a `version` to be built")
    return [VersionBuild(number if number.startswith("v") else f"v{number}", "release", model)]


def _builds(models: SourceModel | Sequence[VersionBuild | tuple[str, str, SourceModel]]) -> list[VersionBuild]:
    if isinstance(models, SourceModel):
        return versions_of(models)
    return [b if isinstance(b, VersionBuild) else VersionBuild(*b) for b in models]


def _followed(builds: Sequence[VersionBuild]) -> VersionBuild:
    """The version the docs and classes follow: the draft if there is one, else the last release."""
    drafts = [b for b in builds if b.status == "draft"]
    return drafts[-1] if drafts else builds[-1]


def render_all(
    models: SourceModel | Sequence[VersionBuild | tuple[str, str, SourceModel]], base: Path | None = None
) -> dict[str, str]:
    """Every generated file's text, keyed by its path relative to the repository root.

    ``models`` is one model (built with every version its source holds, see ``versions_of``) or a list of
    ``(version, status, model)`` builds in ascending order.
    Targets that fill a region of a hand-written file read it from ``base`` (default: the working directory).
    """
    builds = _builds(models)
    if not builds:
        raise ModelError("nothing to generate: no version")
    followed = _followed(builds)
    releases = [b for b in builds if b.status == "release"]
    newest_release = releases[-1] if releases else None
    config = followed.model.config
    texts: dict[str, str] = {}
    producer: dict[str, str] = {}
    targets = [(spec, load_target(spec)) for spec in config.targets]  # every module found before any runs
    for spec, render in targets:
        for one in builds if spec.per_version else [followed]:
            build = Build(
                version=one.version,
                status=one.status,
                latest=one is followed,
                latest_release=one is newest_release,
                model=one.model,
                base=base or Path.cwd(),
                versions=tuple((b.version, b.status, b.model) for b in builds),
                options=spec.options,
            )
            for path, text in render(build).items():
                relative = Path(path).as_posix()
                if relative.startswith("/") or ".." in Path(relative).parts:
                    raise ModelError(f"target {spec.name!r} writes outside the repository: {path}")
                who = f"{spec.name} ({one.version})"
                if relative in producer:
                    raise ModelError(f"{relative}: written by both {producer[relative]} and {who}")
                producer[relative] = who
                texts[relative] = text
    return texts


def owned_folders(model: SourceModel) -> list[str]:
    """Folders whose every file is generated: a file there that no target produces is stale."""
    return list(model.config.owned)


def owned_files(folders: Sequence[str], root: Path) -> list[Path]:
    """Files of ``root`` under the owned ``folders``, or matching those that hold a wildcard (``a/v*.py``)."""
    found: list[Path] = []
    for folder in folders:
        matched = root.glob(folder) if glob.has_magic(folder) else (root / folder).rglob("*")
        found += sorted(p for p in matched if p.is_file() and "__pycache__" not in p.parts)
    return found


def stale_files(folders: Sequence[str], root: Path, produced: set[str]) -> list[Path]:
    """Files under the owned ``folders`` of ``root`` that are not in ``produced`` (paths relative to root)."""
    return [path for path in owned_files(folders, root) if path.relative_to(root).as_posix() not in produced]


def write_all(
    models: SourceModel | Sequence[VersionBuild | tuple[str, str, SourceModel]], root: Path, base: Path | None = None
) -> list[Path]:
    """Write every generated file under ``root`` (unchanged ones are left alone) and remove stale files of
    owned folders; regions are spliced into the files of ``base`` (default: ``root``)."""
    builds = _builds(models)
    texts = render_all(builds, base or root)
    written = []
    for relative, text in texts.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    owned = owned_folders(_followed(builds).model)
    for stale in stale_files(owned, root, set(texts)):
        stale.unlink()
        folder = stale.parent
        tops = {root / top for top in owned if not glob.has_magic(top)}
        while folder not in tops and folder != root and not any(folder.iterdir()):  # left empty (a version gone)
            folder.rmdir()
            folder = folder.parent
    return written
