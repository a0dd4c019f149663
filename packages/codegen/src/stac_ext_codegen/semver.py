"""Semantic versioning of a release: the version number must agree with what the diff calls breaking.

A change that may make a document valid under the previous release invalid (``Change.breaking``) needs a
new major version; a minor or patch release that carries one is refused unless the editor accepted the
breaking changes explicitly (recorded on the version in ``versions.yaml`` as ``breaking_accepted``).
Before 1.0.0, a minor release may break (semver's rule for initial development).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .versions import version_key

if TYPE_CHECKING:
    from .diff import Change

LEVELS = ("major", "minor", "patch")


def bump(old: str, new: str) -> str:
    """Which part of the version ``new`` raises over ``old``: ``major``, ``minor`` or ``patch``
    (a pre-release of the same number counts as ``patch``)."""
    before, after = version_key(old)[:3], version_key(new)[:3]
    for level, was, now in zip(LEVELS, before, after, strict=True):
        if now != was:
            return level
    return "patch"


def allows_breaking(old: str, new: str) -> bool:
    """May the step from ``old`` to ``new`` break documents? (a major bump; a minor one before 1.0.0)"""
    level = bump(old, new)
    return level == "major" or (level == "minor" and version_key(new)[0] == 0)


def contradictions(old: str, new: str, changes: list[Change]) -> list[Change]:
    """The breaking changes a release from ``old`` to ``new`` may not carry (empty when the numbers agree)."""
    if allows_breaking(old, new):
        return []
    return [change for change in changes if change.breaking]


def explain(old: str, new: str, refused: list[Change]) -> list[str]:
    """One line per refused change, then how to go on."""
    level = bump(old, new)
    lines = [f"{new} is a {level} release after {old}, but {len(refused)} change(s) may break valid documents:"]
    lines += [f"    BREAKING {change.kind}: {change.summary}" for change in refused]
    major = version_key(old)[0] + 1
    lines.append(
        f"  release it as {major}.0.0 (rename the draft in versions.yaml), undo these changes, or accept them "
        "explicitly: `release --accept-breaking 'why'` (recorded in versions.yaml)"
    )
    return lines
