"""The version diff ("Changes between versions") agrees with the published schemas, pair by pair.

A *witness* of a breaking change from A to B is a probe document (tests/support/history.py) that A's
published schema accepts and B's rejects, each document declaring its own version's URL. For every
consecutive pair of releases:

- every probe that turns from valid to invalid shows up in the diff as a breaking change of a related
  element (the behaviour matrix is in the diff);
- every change the diff marks breaking is witnessed, except the claims listed in ``UNWITNESSED``
  (the diff reports them breaking, but no probe tells the two versions apart on them).

Each known gap (``KNOWN_MISSING``, ``UNWITNESSED``) is also a strict expected failure of its own: when the
diff (or a new probe) closes it, that case passes unexpectedly and the suite fails until the entry goes.
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
    ("v1.3.0", "v1.4.0", "value scaling of an unknown type"): "a new field of an open object",
}

#: Breaking claims of the diff that no probe witnesses: either a probe is missing or the diff over-claims.
UNWITNESSED: dict[tuple[str, str, str], str] = {
    ("v1.1.0", "v1.2.0", "rule-added .R13"): "no probe breaks the band and variable object rule",
    ("v1.1.0", "v1.2.0", "rule-changed .R9"): "no probe breaks the changed model-asset rule",
    ("v1.3.0", "v1.4.0", "closed-keys-changed CollectionSummaryFields.CollectionSummaryFields"): (
        "no probe puts an unknown key in Collection summaries"
    ),
    ("v1.3.0", "v1.4.0", "rule-added .R5"): "no probe breaks the Collection summaries rule",
    ("v1.3.0", "v1.4.0", "rule-changed .R7"): "no probe breaks the changed band definition rule",
    ("v1.4.0", "v1.5.0", "rule-added .R11"): "no probe breaks the entrypoint rule between these two versions",
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


def _explained(old: str, new: str, probe: str) -> bool:
    """Whether a breaking change of the diff names an element related to the probe."""
    return any(_names(change) & RELATED[probe] for change in _breaking(old, new))


def _unwitnessed(old: str, new: str) -> list[str]:
    """The diff's breaking claims (other than version URLs) that no probe turning invalid explains."""
    witnesses = _turns_invalid(old, new)
    return sorted(
        f"{c['kind']} {c['where']}.{c['element']}".strip(".")
        for c in _breaking(old, new)
        if not _names(c) & URL_ELEMENTS and not any(_names(c) & RELATED[w] for w in witnesses)
    )


def _gap_cases(gaps: dict[tuple[str, str, str], str]) -> list[Any]:
    """One strictly expected failure per known gap, named after it (it shows as XPASS once closed); only a
    failed assertion is the expected failure, any other error (missing data under CI...) fails."""
    xfail = pytest.mark.xfail
    return [
        pytest.param(
            old, new, what, marks=xfail(strict=True, raises=AssertionError, reason=why), id=f"{old}-{new}: {what}"
        )
        for (old, new, what), why in gaps.items()
    ]


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_every_probe_turning_invalid_is_a_breaking_change_of_the_diff(upstream: Any, old: str, new: str) -> None:
    missing = []
    for probe in _turns_invalid(old, new):
        assert probe in RELATED, f"{probe}: say which diff elements explain it (RELATED)"
        if not _explained(old, new, probe) and (old, new, probe) not in KNOWN_MISSING:
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
    """Every breaking claim is explained by a probe that turns invalid, is a change of version URL, or is
    a known gap of ``UNWITNESSED``."""
    unlisted = [claim for claim in _unwitnessed(old, new) if (old, new, claim) not in UNWITNESSED]
    assert not unlisted, f"{old} -> {new}: breaking claims without a witness among the probes: {unlisted}"


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new", "probe"), _gap_cases(KNOWN_MISSING))
def test_known_missing_breaking_change_is_reported(upstream: Any, old: str, new: str, probe: str) -> None:
    """Fails while the diff misses the change the probe witnesses (a strict xfail: a fix shows as XPASS)."""
    assert _explained(old, new, probe), f"{old} -> {new}: the diff reports no breaking change for {probe}"


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new", "claim"), _gap_cases(UNWITNESSED))
def test_unwitnessed_claim_is_witnessed(upstream: Any, old: str, new: str, claim: str) -> None:
    """Fails while the diff claims a breaking change no probe witnesses (strict xfail: closing it is XPASS)."""
    assert claim not in _unwitnessed(old, new), f"{old} -> {new}: no probe witnesses {claim}"


@pytest.mark.upstream
def test_known_gaps_are_still_gaps(upstream: Any) -> None:
    """KNOWN_MISSING lists only rows that do turn invalid (whether the diff reports them is the strict xfail
    above: a fixed diff makes its entry removable)."""
    for old, new, probe in KNOWN_MISSING:
        assert probe in _turns_invalid(old, new), (old, new, probe)


def test_every_pair_of_releases_is_compared() -> None:
    releases = [v.version for v in _index().releases]
    assert releases == history.releases()
    assert len(PAIRS) == len(releases) - 1
