"""The migration report: one entry per value the migration moved, changed, dropped or supplied."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..pointer import MISSING

ACTIONS = ("moved", "renamed", "converted", "dropped", "placeholder", "assumed", "repaired")


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One step of a migration.

    ``path`` is a JSON Pointer into the input (for ``placeholder`` and ``assumed`` entries that
    supply a missing value, into the output); ``target`` is where the value went in the output, if
    anywhere; ``original`` is the input value (absent for values the input did not have);
    ``detail`` says why, in plain words; ``fill``, for a placeholder, what a person should put there.
    """

    path: str
    action: str
    detail: str = ""
    original: Any = MISSING
    target: str | None = None
    fill: str | None = None

    @property
    def has_original(self) -> bool:
        return self.original is not MISSING

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"path": self.path, "action": self.action}
        if self.target is not None:
            entry["target"] = self.target
        if self.has_original:
            entry["original"] = self.original
        entry["detail"] = self.detail
        if self.fill is not None:
            entry["fill"] = self.fill
        return entry

    def __str__(self) -> str:
        where = f"{self.path or '/'}" + (f" -> {self.target}" if self.target and self.target != self.path else "")
        return f"{self.action:<11} {where}: {self.detail}"


_new = object.__new__
_set_path, _set_action, _set_detail, _set_original, _set_target, _set_fill = (
    ReportEntry.__dict__[name].__set__ for name in ("path", "action", "detail", "original", "target", "fill")
)


def new_entry(
    path: str,
    action: str,
    detail: str = "",
    original: Any = MISSING,
    target: str | None = None,
    fill: str | None = None,
) -> ReportEntry:
    """``ReportEntry(...)`` for the migration's inner loop: the same entry, its slots filled directly
    (about twice as fast as the frozen dataclass's ``__init__``)."""
    entry = _new(ReportEntry)
    _set_path(entry, path)
    _set_action(entry, action)
    _set_detail(entry, detail)
    _set_original(entry, original)
    _set_target(entry, target)
    _set_fill(entry, fill)
    return entry


def summarize(entries: list[ReportEntry]) -> str:
    """A one-line count of entries by action, e.g. ``12 moved, 3 dropped, 2 placeholder``."""
    counts = Counter(entry.action for entry in entries)
    return ", ".join(f"{counts[a]} {a}" for a in ACTIONS if counts[a]) or "no changes"
