"""``validate`` checks the common document in one pass (schema and "no placeholder" joined, see
``_placeholder_scan.finished``): its verdicts and placeholder warnings stay those of the two checks apart,
on the seed documents, their mutants, and the seeds with each mark's stand-in planted (valid or broken)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from stac_mlm import _placeholder_scan, batch, placeholders, validation
from stac_mlm.problems import _validator
from support import documents, mutations

PLACEHOLDER_WARNING = "a placeholder is left to fill"


def _plant(document: dict[str, Any], path: str, value: Any) -> dict[str, Any] | None:
    """``document`` with ``value`` at the mark's ``path`` (``*`` as the first key or index there); None when
    the document has no place for it."""
    planted = copy.deepcopy(document)
    node: Any = planted
    parts = path.split("/")[1:]
    for part in parts[:-1]:
        if part.endswith("*"):
            keys = [k for k in (node if isinstance(node, dict) else range(len(node))) if str(k).startswith(part[:-1])]
            if not keys:
                return None
            part = keys[0]
        try:
            node = node[int(part) if isinstance(node, list) else part]
        except (KeyError, IndexError, ValueError, TypeError):
            return None
    if not isinstance(node, dict) or parts[-1].endswith("*"):
        return None
    node[parts[-1]] = copy.deepcopy(value)
    return planted


def _broken(document: dict[str, Any]) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    broken["assets"] = ["not", "an", "object"]
    return broken


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    seeds = {name: build() for name, build in documents.SEEDS.items()}
    for name, seed in sorted(seeds.items()):
        cases += [(name, seed), (f"{name} broken", _broken(seed))]
        for mark in placeholders.marks():
            planted = _plant(seed, mark.path, mark.equals)
            if planted is not None:
                cases += [(f"{name} {mark.path}", planted), (f"{name} {mark.path} broken", _broken(planted))]
    cases += [(m.description, m.document) for m in mutations.corpus(seeds, limit=400) if isinstance(m.document, dict)]
    return cases


CASES = _cases()


def test_some_cases_are_valid_with_a_placeholder_and_some_invalid_with_one() -> None:
    """Both kinds the one pass must tell apart from a finished valid document are exercised."""
    kinds = {(validation.is_valid(d), bool(placeholders.find(d))) for _, d in CASES}
    assert kinds == {(True, True), (True, False), (False, True), (False, False)}


@pytest.mark.parametrize(("name", "document"), CASES, ids=[c[0] for c in CASES])
def test_one_pass_gives_the_verdict_and_the_placeholders_of_the_two_checks(name: str, document: Any) -> None:
    record = batch.record(name, document)
    verdict = validation.judge(document)
    assert record["valid"] == (not verdict.problems)
    assert record["errors"] == [problem.to_dict() for problem in verdict.problems]
    found = [w.split(": ", 1)[0] for w in record.get("warnings", ()) if PLACEHOLDER_WARNING in w]
    assert found == [p.path for p in placeholders.find(document)]
    version = validation.single_release(document)
    if version is not None:
        one_pass = _placeholder_scan.finished(version)
        assert one_pass is not None, f"{version}: no one-pass validator"
        joined = one_pass.is_valid(document)
        assert joined == (_validator(version).is_valid(document) and not placeholders.find(document))


def test_no_one_pass_beside_a_root_ref(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draft 7 ignores keywords beside a root ``$ref``: such a schema gets no one-pass validator (two checks)."""
    from stac_mlm import _schema

    monkeypatch.setattr(_schema, "parsed", lambda version: {"$ref": "#/definitions/x", "definitions": {"x": {}}})
    assert _placeholder_scan.finished.__wrapped__("v0.0.0") is None
