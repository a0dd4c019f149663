"""The generated artifacts: every target of ``codegen.yaml`` run over the versions of the model.

``render_all`` runs the targets (see ``targets/__init__.py`` for the interface) and returns every file's
text; ``write_all`` writes them and removes stale files from the folders the config marks as generated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import ModelError, SourceModel
from .targets import Build, load_target, splice

__all__ = ["VersionBuild", "owned_folders", "render_all", "splice", "versions_of", "write_all"]


@dataclass(frozen=True)
class VersionBuild:
    """One version the source holds: its name (``v1.5.2``), ``release`` or ``draft``, and its loaded model."""

    version: str
    status: str
    model: SourceModel


def versions_of(model: SourceModel) -> list[VersionBuild]:
    """The versions a model stands for when no version index says more: itself, as a release."""
    number = str(model.view.schema.version or "").strip()
    if not number:
        raise ModelError(f"{model.root_path}: the schema needs a `version` to be built")
    return [VersionBuild(number if number.startswith("v") else f"v{number}", "release", model)]


def _followed(builds: Sequence[VersionBuild]) -> VersionBuild:
    """The version the docs and classes follow: the draft if there is one, else the last release."""
    drafts = [b for b in builds if b.status == "draft"]
    return drafts[-1] if drafts else builds[-1]


def render_all(models: SourceModel | Sequence[VersionBuild], base: Path | None = None) -> dict[str, str]:
    """Every generated file's text, keyed by its path relative to the repository root.

    ``models`` is one model (built as its own version) or the versions of the source, in ascending order.
    Targets that fill a region of a hand-written file read it from ``base`` (default: the working directory).
    """
    builds = versions_of(models) if isinstance(models, SourceModel) else list(models)
    if not builds:
        raise ModelError("nothing to generate: no version")
    followed = _followed(builds)
    config = followed.model.config
    texts: dict[str, str] = {}
    producer: dict[str, str] = {}
    for spec in config.targets:
        render = load_target(spec)
        for one in builds if spec.per_version else [followed]:
            build = Build(
                version=one.version,
                status=one.status,
                latest=one is followed,
                model=one.model,
                base=base or Path.cwd(),
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


def stale_files(folders: Sequence[str], root: Path, produced: set[str]) -> list[Path]:
    """Files under the owned ``folders`` of ``root`` that are not in ``produced`` (paths relative to root)."""
    found = []
    for folder in folders:
        for path in sorted(p for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if path.relative_to(root).as_posix() not in produced:
                found.append(path)
    return found


def write_all(models: SourceModel | Sequence[VersionBuild], root: Path, base: Path | None = None) -> list[Path]:
    """Write every generated file under ``root`` (unchanged ones are left alone) and remove stale files of
    owned folders; regions are spliced into the files of ``base`` (default: ``root``)."""
    builds = versions_of(models) if isinstance(models, SourceModel) else list(models)
    texts = render_all(builds, base or root)
    written = []
    for relative, text in texts.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    for stale in stale_files(owned_folders(_followed(builds).model), root, set(texts)):
        stale.unlink()
    return written
