"""The versions a schema directory holds: frozen releases and at most one draft (``versions.yaml``).

Layout (beside the model's root file)::

    versions.yaml              the index: releases (ascending) and the optional draft
    releases/<version>/        a release's model source, frozen as released (loaded like the live model)
    *.yaml                     the head: the draft when there is one, else equal to the latest release

Version-specific strings are written as placeholders in the sources (``${version}``, ``${semver}``,
``${schema_url}``, ``${status}``) and filled from the index when a model is loaded, so that starting
a draft needs no hand edit of URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import VersionError
from .modelfiles import digest_of, model_files, read_yaml

VERSIONS_FILE = "versions.yaml"
RELEASES = "releases"
PLACEHOLDER = re.compile(r"\$\{(version|semver|schema_url|status)\}")
VERSION_PATTERN = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$")
HEADER = """\
# The versions this schema directory holds (read by stac_ext_codegen; see docs/editing.md).
#
#   url_template  the canonical schema URL of a version ({version} is replaced, e.g. v1.6.0)
#   releases      published versions, ascending; each one's model source is frozen in `source`
#                 (relative to this folder) and `digest` guards it against edits
#   draft         the version being written (at most one): the live model files beside this one;
#                 `nox -s new-version -- X.Y.Z` starts it, `nox -s release` publishes it
#
# Per version: `url` is the `$id` documents declare; `aliases` lists other URLs documents use for
# the same version; `errata_reviewed` says the errata were checked against this version; `amended` lists
# editorial amendments of a frozen release (`nox -s amend`), each dated, with its reason and the old digest.
# `nox -s new-version` and `nox -s release` rewrite this file (comments other than this header are lost).
"""


def version_key(version: str) -> tuple[Any, ...]:
    """Semantic-version sort key of ``v1.2.3`` / ``1.2.3-beta.1`` (a pre-release sorts before its release)."""
    match = VERSION_PATTERN.match(version)
    if match is None:
        raise VersionError(f"{version!r} is not a version of the form vX.Y.Z (or X.Y.Z)")
    major, minor, patch, pre = match.groups()
    pre_key = (0, tuple((0, int(p)) if p.isdigit() else (1, p) for p in pre.split("."))) if pre else (1, ())
    return (int(major), int(minor), int(patch), pre_key)


def normalise(version: str) -> str:
    """``1.6.0`` -> ``v1.6.0`` (checked)."""
    version_key(version)
    return version if version.startswith("v") else f"v{version}"


@dataclass(frozen=True)
class Version:
    """One version of the model: a release (frozen source) or the draft (the live source)."""

    version: str
    status: str  # "release" | "draft"
    url: str
    aliases: tuple[str, ...] = ()
    source: str = "."
    date: str | None = None
    digest: str | None = None
    errata_reviewed: bool = False
    breaking_accepted: str | None = None  # why a minor or patch release may break documents (see semver.py)
    #: editorial amendments of a frozen release: ``{date, reason, previous}`` (the digest it replaced)
    amended: tuple[dict[str, str], ...] = ()

    @property
    def semver(self) -> str:
        return self.version.removeprefix("v")

    @property
    def urls(self) -> list[str]:
        """Every URL that declares this version, the canonical one first."""
        return list(dict.fromkeys([self.url, *self.aliases]))

    @property
    def placeholders(self) -> dict[str, str]:
        return {"version": self.version, "semver": self.semver, "schema_url": self.url, "status": self.status}

    def fill(self, text: str) -> str:
        """Replace the version placeholders of a source text."""
        values = self.placeholders
        return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)

    def entry(self) -> dict[str, Any]:
        """The versions.yaml entry."""
        out: dict[str, Any] = {"version": self.version}
        if self.date:
            out["date"] = self.date
        out["url"] = self.url
        out["aliases"] = list(self.aliases)
        if self.status == "release":
            out["source"] = self.source
            if self.digest:
                out["digest"] = self.digest
            if self.amended:
                out["amended"] = [dict(a) for a in self.amended]
        out["errata_reviewed"] = self.errata_reviewed
        if self.breaking_accepted:
            out["breaking_accepted"] = self.breaking_accepted
        return out


def _version(entry: Any, status: str, template: str) -> Version:
    if not isinstance(entry, dict) or "version" not in entry:
        raise VersionError(f"{VERSIONS_FILE}: each {status} needs at least `version` (got {entry!r})")
    name = normalise(str(entry["version"]))
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise VersionError(f"{VERSIONS_FILE}: {name}: `aliases` must be a list of URLs")
    source = str(entry.get("source") or (f"{RELEASES}/{name}" if status == "release" else "."))
    return Version(
        version=name,
        status=status,
        url=str(entry.get("url") or template.format(version=name)),
        aliases=tuple(str(a) for a in aliases),
        source=source,
        date=str(entry["date"]) if entry.get("date") is not None else None,
        digest=str(entry["digest"]) if entry.get("digest") else None,
        errata_reviewed=entry.get("errata_reviewed") is True,
        breaking_accepted=str(entry["breaking_accepted"]) if entry.get("breaking_accepted") else None,
        amended=_amendments(entry.get("amended"), name),
    )


def _amendments(value: Any, name: str) -> tuple[dict[str, str], ...]:
    if not value:
        return ()
    if not isinstance(value, list) or not all(isinstance(a, dict) and a.get("reason") for a in value):
        raise VersionError(f"{VERSIONS_FILE}: {name}: `amended` must be a list of {{date, reason, previous}}")
    return tuple({str(k): str(v) for k, v in a.items()} for a in value)


@dataclass
class VersionIndex:
    """``versions.yaml`` of a schema directory, and where each version's source lives."""

    schema_dir: Path
    url_template: str
    releases: list[Version]
    draft: Version | None = None
    #: the loaded model of each version, filled by ``model.load_version`` (this module does not load models)
    _models: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def find(cls, schema_dir: Path) -> VersionIndex | None:
        """The index of ``schema_dir``, or None when it holds no versions.yaml."""
        path = schema_dir / VERSIONS_FILE
        if not path.is_file():
            return None
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise VersionError(f"{path}: not readable as YAML ({error})") from error
        if not isinstance(document, dict):
            raise VersionError(f"{path}: must be a mapping with `releases` and `draft`")
        template = str(document.get("url_template") or "{version}")
        releases = [_version(e, "release", template) for e in document.get("releases") or []]
        if not releases:
            raise VersionError(f"{path}: lists no release (at least the first published version is needed)")
        names = [r.version for r in releases]
        if len(set(names)) != len(names):
            raise VersionError(f"{path}: a version is listed twice ({names})")
        releases.sort(key=lambda r: version_key(r.version))
        draft = _version(document["draft"], "draft", template) if document.get("draft") else None
        if draft is not None and version_key(draft.version) <= version_key(releases[-1].version):
            raise VersionError(f"{path}: the draft {draft.version} must be newer than {releases[-1].version}")
        return cls(schema_dir=schema_dir, url_template=template, releases=releases, draft=draft)

    @property
    def latest(self) -> Version:
        """The latest release."""
        return self.releases[-1]

    @property
    def head(self) -> Version:
        """The version the live model files are: the draft, else the latest release."""
        return self.draft or self.latest

    @property
    def all(self) -> list[Version]:
        """Every version, ascending (the draft last)."""
        return [*self.releases, *([self.draft] if self.draft else [])]

    def get(self, name: str) -> Version:
        wanted = normalise(name)
        for version in self.all:
            if version.version == wanted:
                return version
        known = ", ".join(v.version for v in self.all)
        raise VersionError(f"no version {wanted} in {VERSIONS_FILE} (known: {known})")

    def source_dir(self, version: Version) -> Path:
        return self.schema_dir if version.status == "draft" else self.schema_dir / version.source

    # ----- frozen releases -------------------------------------------------------------------------------------
    def changed_releases(self) -> list[str]:
        """Problems with release snapshots: a snapshot edited since its digest was recorded, or missing."""
        problems = []
        for release in self.releases:
            directory = self.source_dir(release)
            if not directory.is_dir():
                problems.append(f"{release.version}: {directory} is missing")
            elif release.digest and digest_of(directory, model_files(directory)) != release.digest:
                problems.append(f"{release.version}: the frozen source in {directory} was edited")
        return problems

    def head_differences(self) -> list[str]:
        """Without a draft, the model files of the head that differ from the latest release's snapshot
        (compared as parsed YAML: comments and layout may differ). Empty when there is a draft."""
        if self.draft is not None:
            return []
        snapshot = self.source_dir(self.latest)
        head_files, frozen_files = model_files(self.schema_dir), model_files(snapshot)
        differ = sorted(set(head_files) ^ set(frozen_files))
        for name in sorted(set(head_files) & set(frozen_files)):
            if (self.schema_dir / name).read_bytes() == (snapshot / name).read_bytes():
                continue
            head, frozen = read_yaml(self.schema_dir / name), read_yaml(snapshot / name)
            if head != frozen:
                differ.append(name)
        return differ

    def frozen_problems(self) -> str | None:
        """Why generating now would change a release (with what to do), or None."""
        edited = self.changed_releases()
        if edited:
            return (
                "released versions are frozen, but " + "; ".join(edited) + ". Revert the change "
                f"(git checkout {self.schema_dir.name}/{RELEASES}); to change the spec, edit the live model files "
                "in a draft (`nox -s new-version -- X.Y.Z`)."
            )
        differ = self.head_differences()
        if differ:
            nxt = self.next_minor()
            return (
                f"{', '.join(differ)} in {self.schema_dir.name}/ differ from the released {self.latest.version} "
                f"({self.schema_dir.name}/{self.latest.source}), and there is no draft: releases are frozen. "
                f"To make this edit the next version, start a draft first: `nox -s new-version -- {nxt}` "
                f"(or `stac-ext-codegen new-version {nxt}`); the edit is kept and goes to the draft. "
                f"Otherwise revert it (git checkout {self.schema_dir.name}/)."
            )
        return None

    def next_minor(self) -> str:
        major, minor, _, _ = version_key(self.latest.version)
        return f"{major}.{minor + 1}.0"

    # ----- writing -----------------------------------------------------------------------------------------------
    def document(self) -> dict[str, Any]:
        return {
            "url_template": self.url_template,
            "releases": [r.entry() for r in self.releases],
            "draft": self.draft.entry() if self.draft else None,
        }

    def save(self) -> None:
        text = yaml.safe_dump(self.document(), sort_keys=False, allow_unicode=True, width=120)
        (self.schema_dir / VERSIONS_FILE).write_text(HEADER + text, encoding="utf-8")

    def start_draft(self, name: str) -> Version:
        """Record a new draft (the live model files become it)."""
        if self.draft is not None:
            raise VersionError(
                f"a draft is already open ({self.draft.version}): release it first (`nox -s release`), "
                f"or edit {VERSIONS_FILE} to rename it"
            )
        version = normalise(name)
        if version_key(version) <= version_key(self.latest.version):
            raise VersionError(f"the draft must be newer than the latest release {self.latest.version} (got {version})")
        self.draft = Version(version=version, status="draft", url=self.url_template.format(version=version))
        return self.draft

    def release_draft(self, date: str) -> Version:
        """Freeze the draft: copy its model files to releases/<version>/ and list it as the latest release."""
        if self.draft is None:
            raise VersionError("there is no draft to release: start one with `nox -s new-version -- X.Y.Z`")
        draft = self.draft
        target = self.schema_dir / RELEASES / draft.version
        if target.exists():
            raise VersionError(f"{target} already exists: remove it or pick another version")
        files = model_files(self.schema_dir)
        for name in files:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes((self.schema_dir / name).read_bytes())
        source = f"{RELEASES}/{draft.version}"
        released = replace(draft, status="release", source=source, date=date, digest=digest_of(target, files))
        self.releases.append(released)
        self.draft = None
        self._models.clear()
        return released
