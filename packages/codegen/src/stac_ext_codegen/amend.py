"""Editorial amendments of frozen releases: an edit to ``releases/<version>/`` is accepted only when every
normative output of that release stays byte-identical, and then its digest is re-recorded with a dated reason.

The normative outputs are those of the targets ``codegen.yaml`` lists under ``normative`` (those whose files
decide a verdict, such as the JSON Schema); they are regenerated from the edited source and compared with the
committed files (which ``generate`` wrote from the source before the edit, since it refuses edited releases).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .model import ModelError, SourceModel
from .modelfiles import digest_of, model_files
from .outputs import versions_of
from .targets import Build, load_target
from .versions import Version, VersionError, VersionIndex

NORMATIVE_KEY = "normative"


@dataclass(frozen=True)
class Amendment:
    """The outcome for one release: its new digest, or the normative files the edit would change."""

    version: str
    digest: str
    changed: tuple[str, ...] = ()


def normative_texts(index: VersionIndex, version: Version, base: Path) -> dict[str, str]:
    """The files the normative targets produce for one version (path relative to the repository root), built
    as ``generate`` builds them (the head's version from the live model files)."""
    builds = versions_of(SourceModel.load(index.schema_dir))
    one = next(b for b in builds if b.version == version.version)
    config = one.model.config
    names = config.data.get(NORMATIVE_KEY)
    if not isinstance(names, list) or not names:
        raise ModelError(f"{config.path}: `{NORMATIVE_KEY}` must list the targets whose outputs decide a verdict")
    chosen = [spec for spec in config.targets if spec.name in names]
    unknown = sorted(set(map(str, names)) - {spec.name for spec in chosen})
    if unknown:
        raise ModelError(f"{config.path}: `{NORMATIVE_KEY}` names no configured target: {', '.join(unknown)}")
    releases = [b.version for b in builds if b.status == "release"]
    texts: dict[str, str] = {}
    for spec in chosen:
        if not spec.per_version:
            raise ModelError(f"{config.path}: normative target {spec.name!r} must be `per_version: true`")
        build = Build(
            version=one.version,
            status=one.status,
            latest=one is builds[-1],
            latest_release=one.version == releases[-1],
            model=one.model,
            base=base,
            versions=tuple((b.version, b.status, b.model) for b in builds),
            options=spec.options,
        )
        texts |= load_target(spec)(build)
    return texts


def current_digest(index: VersionIndex, version: Version) -> str:
    """The digest of a release's source as it is now."""
    directory = index.source_dir(version)
    return digest_of(directory, model_files(directory))


def check_release(index: VersionIndex, version: Version, root: Path) -> Amendment:
    """Regenerate a release's normative outputs from its (edited) source and compare them with ``root``'s."""
    digest = current_digest(index, version)
    changed = []
    for relative, text in sorted(normative_texts(index, version, root).items()):
        committed = root / relative
        if not committed.is_file() or committed.read_text(encoding="utf-8") != text:
            changed.append(relative)
    return Amendment(version.version, digest, tuple(changed))


def amend(index: VersionIndex, root: Path, reason: str, date: str, names: list[str] | None = None) -> list[Amendment]:
    """Check the edited releases (``names``, default every release whose digest no longer matches) and, when
    none changes a normative output, record their new digests with ``date`` and ``reason`` (not saved)."""
    if not reason.strip():
        raise VersionError("an amendment needs a reason (--reason)")
    if names:
        chosen = [index.get(name) for name in names]
        drafts = [v.version for v in chosen if v.status != "release"]
        if drafts:
            raise VersionError(f"{', '.join(drafts)} is the draft: edit it freely, only releases are amended")
    else:
        chosen = list(index.releases)
    edited = [check_release(index, v, root) for v in chosen if current_digest(index, v) != v.digest]
    if not edited:
        raise VersionError(f"nothing to amend: the source of {', '.join(v.version for v in chosen)} is as recorded")
    refused = [r for r in edited if r.changed]
    if refused:
        lines = "; ".join(f"{r.version} changes {', '.join(r.changed)}" for r in refused)
        raise VersionError(
            f"refused: an amendment must leave every normative output byte-identical, but {lines}. "
            "A change of meaning belongs in a new version (`nox -s new-version -- X.Y.Z`)."
        )
    recorded = {r.version: r for r in edited}
    for number, release in enumerate(index.releases):
        if release.version in recorded:
            entry = {"date": date, "reason": reason.strip(), "previous": release.digest or ""}
            index.releases[number] = replace(
                release, digest=recorded[release.version].digest, amended=(*release.amended, entry)
            )
    index._models.clear()
    return edited
