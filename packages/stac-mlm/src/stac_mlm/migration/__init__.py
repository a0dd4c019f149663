"""Migrate DLM, ml-model and earlier MLM documents to MLM v1.5.2, reporting every change.

``migrate(document)`` returns a ``Migration``: the v1.5.2 document and a report whose entries name
every input value that was moved, renamed, converted or dropped, and every value that was assumed or
written as a placeholder. The rules are data (schema/migrations/*.yaml, bundled as
``_generated/migrations.json``); the converters they name live in
``converters/``, one module per family.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import placeholders, pointer
from .._schema import MLMVersion, bundle
from ..placeholders import Placeholder
from ..validation import Problem, is_valid, validate
from . import completion
from .derived import apply_values
from .detect import Source, detect
from .engine import Context, apply_rules
from .reader import MigrationError, read_document
from .report import ACTIONS, ReportEntry, summarize
from .tables import FAMILY_ORDER, TARGET, facts, tables

__all__ = [
    "ACTIONS",
    "Migration",
    "MigrationError",
    "Placeholder",
    "ReportEntry",
    "Source",
    "migrate",
    "migrate_text",
    "read_document",
    "summarize",
]


@dataclass
class Migration:
    """The result of a migration: the v1.5.2 ``document``, the ``report``, the families found in the
    input (``sources``) and the validation ``problems`` left in the result (empty when it validates)."""

    document: dict[str, Any]
    report: list[ReportEntry] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """No validation problem left."""
        return not self.problems

    @property
    def placeholders(self) -> list[Placeholder]:
        """The stand-ins still to be filled by a person: those this migration wrote, in the order it
        wrote them, then any other the document holds (`placeholder_marks`, e.g. from an earlier run)."""
        found = [Placeholder(e.target or e.path, e.fill or e.detail) for e in self.report if e.action == "placeholder"]
        return found + placeholders.find(self.document, skip=tuple(p.path for p in found))

    @property
    def complete(self) -> bool:
        """Valid, with no placeholder left to fill."""
        return self.valid and not self.placeholders

    def verdict(self) -> str:
        """E.g. ``valid MLM v1.5.2, 3 placeholders to fill``."""
        version = facts().url.rstrip("/").split("/")[-2]
        verdict = f"valid MLM {version}" if self.valid else f"{len(self.problems)} validation problem(s) left"
        count = len(self.placeholders)
        if count:
            verdict += f", {count} placeholder{'s' if count != 1 else ''} to fill"
        return verdict

    def summary(self) -> str:
        """The families found, what was done and the verdict, on one line."""
        families = ", ".join(map(str, self.sources)) or "no legacy family"
        return f"{families}: {summarize(self.report)}; {self.verdict()}"

    def report_dict(self) -> dict[str, Any]:
        """The migration as a JSON report: sources, entries, placeholders and problems."""
        return {
            "sources": [{"family": s.family, "version": s.version, "evidence": s.evidence} for s in self.sources],
            "entries": [entry.to_dict() for entry in self.report],
            "placeholders": [{"path": p.path, "fill": p.fill} for p in self.placeholders],
            "problems": [problem.to_dict() for problem in self.problems],
        }


def migrate(document: Any) -> Migration:
    """Migrate one STAC Item or Collection (parsed JSON) to MLM v1.5.2.

    A document that already is valid MLM v1.5.2 is returned as given (the same object) with an empty
    report; so is a valid document of the draft version the package holds, if any (newer than the latest
    release: migration never downgrades). Otherwise the input is not changed; the result is a new
    document. Raises MigrationError for input that is not a STAC Item or Collection, or an Item with no
    model metadata at all.
    """
    url = facts().url
    extensions = document.get("stac_extensions") if isinstance(document, dict) else None
    if isinstance(extensions, list) and url in extensions and is_valid(document):
        return Migration(document, [], [Source("mlm", url.rstrip("/").split("/")[-2].lstrip("v"), "extension URL")])
    draft = _draft()
    declares_draft = draft is not None and isinstance(extensions, list) and any(u in extensions for u in draft.urls)
    if declares_draft and draft is not None and is_valid(document, mlm_version=draft.version):
        return Migration(document, [], [Source("mlm", draft.version.lstrip("v"), "extension URL")])
    if not isinstance(document, dict):
        raise MigrationError(f"expected a JSON object (a STAC Item or Collection), got {_kind(document)}")
    _check_shape(document)
    return _migrate(document)  # converters check what they read: any other exception is a defect


def _draft() -> MLMVersion | None:
    """The draft version the package holds (None when it holds releases only)."""
    held = bundle()
    return held.get(held.draft) if held.draft else None


def _check_shape(document: dict[str, Any]) -> None:
    """Reject, naming the path, an extension list the migration cannot read. (Legacy documents may give
    it as one string or an object, which the rules convert; other containers are converted too.)"""
    extensions = document.get("stac_extensions")
    if isinstance(extensions, bool | int | float):
        raise MigrationError(f"/stac_extensions: expected an array of URLs, got {_kind(extensions)}")
    if isinstance(extensions, list):
        for index, entry in enumerate(extensions):
            if not isinstance(entry, str):
                raise MigrationError(f"/stac_extensions/{index}: expected a URL string, got {_kind(entry)}")


def _migrate(document: dict[str, Any]) -> Migration:
    work = pointer.copy_json(document)
    context = Context(work)
    if work.get("type") not in ("Feature", "Collection"):
        if "type" not in work and isinstance(work.get("properties"), dict):
            work["type"] = "Feature"
            context.assume("/type", "the document has properties but no type, so it is read as a STAC Item", "Feature")
        else:
            raise MigrationError(f"type {work.get('type')!r}: only STAC Items and Collections can carry MLM fields")
    sources = detect(work)
    if not sources:
        if work["type"] == "Feature":
            raise MigrationError("no DLM, ml-model or MLM fields or extension URLs found: nothing to migrate")
        context.add(
            "/stac_extensions", "assumed", f"no model metadata found; the Collection is declared as MLM {TARGET}"
        )
    for source in sources:
        if source.evidence == "fields":
            context.add("/stac_extensions", "assumed", f"no extension URL names it; detected {source} by its fields")
    apply_rules(context, tables().rules)
    apply_values(context, tables().values)  # before the family rules, whose converters know the latest values only
    detected = {s.family for s in sources}
    for name in FAMILY_ORDER:
        if name in detected:
            family = tables().families[name]
            if family.draft_when and any(pointer.get(work, p) is not pointer.MISSING for p in family.draft_when):
                apply_rules(context, family.draft_rules)
            apply_rules(context, family.rules)
    apply_rules(context, tables().derived_rules)  # renames and moves of later releases, once, whatever the family
    apply_values(context, tables().values)  # and values the family rules wrote
    completion.run(context, sources)
    return Migration(work, context.report, sources, validate(work))


def migrate_text(data: str | bytes) -> Migration:
    """Read one document from JSON text (leniently, see ``read_document``) and migrate it."""
    document, repairs = read_document(data)
    migration = migrate(document)
    if repairs:
        migration.report[:0] = repairs
    return migration


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")
