"""What the pystac hook does with an MLM document (loaded only when pystac reads one)."""

from __future__ import annotations

from typing import Any

from pystac.serialization.identify import STACJSONDescription

from ._schema import SCHEMA_URL, _by_url, bundle
from .pystac_hooks import _is_mlm_url, warn

__all__ = ["migrate_on_read"]


def _restore(current: list[Any], original: list[Any]) -> list[Any]:
    """``current`` with its MLM URLs put back as ``original`` declared them (undoing another hook's rewrite)."""
    kept = [uri for uri in current if not _is_mlm_url(uri) or uri in original]
    for index, uri in enumerate(original):
        if _is_mlm_url(uri) and uri not in kept:
            kept.insert(min(index, len(kept)), uri)
    return kept


def _rank(version: str) -> int:
    return bundle().names().index(version)


def migrate_on_read(obj: dict[str, Any], info: STACJSONDescription, declared: list[str]) -> None:
    """Apply a complete migration to ``obj`` (pystac's working copy), or keep it as declared and warn."""
    original = list(info.extensions)
    obj["stac_extensions"] = _restore(list(obj.get("stac_extensions") or []), original)
    info.extensions = [uri for uri in original if not _is_mlm_url(uri)]  # nothing left for pystac-ext-mlm
    by_url = _by_url()
    versions = {by_url[uri].version for uri in declared if uri in by_url}
    latest = by_url[SCHEMA_URL].version  # a document of the latest release (or of a draft after it) is kept
    if len(versions) != len(set(declared)) or any(_rank(v) >= _rank(latest) for v in versions):
        return  # the latest release or a draft (never changed), a version this package does not hold, or a mix
    from .migration import MigrationError, migrate

    kind = "Item" if obj.get("type") == "Feature" else str(obj.get("type", "document"))
    what = f"{kind} {obj.get('id')!r} declares MLM {', '.join(sorted(versions))}"
    try:
        migration = migrate(obj)
    except MigrationError as error:
        warn(f"{what}; kept as declared: it cannot be migrated ({error})")
        return
    if migration.complete:
        if migration.document is not obj:  # migrate returns a document it keeps as it is unchanged
            obj.clear()
            obj.update(migration.document)
        return
    if migration.placeholders:
        shown = ", ".join(p.path for p in migration.placeholders[:3])
        more = "..." if len(migration.placeholders) > 3 else ""
        why = f"{len(migration.placeholders)} required value(s) it lacks would be placeholders ({shown}{more})"
    else:
        why = f"the result would not be valid ({migration.problems[0]})"
    warn(f"{what}; kept as declared, not migrated to MLM {latest}: {why}. Use `stac-mlm migrate` to finish it.")
