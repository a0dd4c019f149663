"""The generated pydantic classes: they read every schema-valid document back unchanged, validate()
agrees with the generated schema, and the generator follows the annotation vocabulary (spec-agnostic)."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest
import stac_mlm
from stac_mlm._generated import releases as _releases
from stac_mlm.models import MLMCollection, MLMItem
from support import documents, legacy, mutations, validators
from support.cases import ERRATA_CASES, RULE_CASES, UPSTREAM_CASES, Case
from support.paths import OFFICIAL_VERSION, UPSTREAM_DATA, upstream_available

SAMPLE = 1500
CLASSES = {"Feature": MLMItem, "Collection": MLMCollection}


def _seeds() -> dict:
    seeds = {name: build() for name, build in documents.SEEDS.items()}
    if upstream_available():
        folder = UPSTREAM_DATA / "mlm" / OFFICIAL_VERSION / "examples"
        seeds |= {f"upstream:{p.name}": json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}
    return seeds


def _case_document(case: Case) -> dict:
    kind, name = case.base.split(":", 1)
    if kind == "own":
        document = documents.SEEDS[case.base]()
    else:
        document = json.loads((UPSTREAM_DATA / "mlm" / OFFICIAL_VERSION / "examples" / name).read_text())
    case.change(document)
    return document


def _check_agreement(document: object, label: str) -> None:
    problems = stac_mlm.validate(document)
    assert (problems == []) is validators.generated_validator().is_valid(document), label
    for problem in problems:
        found = legacy.value_at(document, problem.path)
        assert found is not legacy.ANY, f"{label}: {problem.path} is not in the document"
        assert problem.message, label
        assert "$defs" not in problem.message and "$ref" not in problem.message, f"{label}: {problem.message}"


def _round_trip(document: dict, label: str) -> None:
    kind = document.get("type") if isinstance(document, dict) else None
    cls = CLASSES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return
    text = json.dumps(document)
    assert json.dumps(cls.from_dict(document).to_dict()) == text, label
    assert json.dumps(document) == text, f"{label}: reading changed the input"


@pytest.mark.parametrize("case", RULE_CASES + ERRATA_CASES, ids=lambda c: c.id)
def test_validate_agrees_with_generated_schema_on_own_cases(case: Case) -> None:
    _check_agreement(_case_document(case), case.id)


@pytest.mark.upstream
def test_validate_agrees_with_generated_schema_on_upstream_cases(upstream) -> None:
    for case in UPSTREAM_CASES:
        _check_agreement(_case_document(case), case.id)


@pytest.mark.slow
def test_validate_agrees_and_classes_read_every_valid_mutant() -> None:
    corpus = mutations.corpus(_seeds(), seed=3, limit=SAMPLE)
    valid = 0
    for mutant in corpus:
        label = f"{mutant.seed}: {mutant.description}"
        _check_agreement(mutant.document, label)
        if validators.generated_validator().is_valid(mutant.document):
            valid += 1
            _round_trip(mutant.document, label)
    assert 0 < valid < len(corpus), "the sample must hold valid and invalid documents"


@pytest.mark.parametrize("case", RULE_CASES + ERRATA_CASES, ids=lambda c: c.id)
def test_classes_read_every_valid_case_and_parse_refuses_the_others(case: Case) -> None:
    """A valid Item or Collection reads back unchanged through its class; for any other case ``parse`` raises
    (with the problems ``validate`` reports, or at ``/type`` for a valid non-Item), leaving the input as it was."""
    document = _case_document(case)
    valid = validators.generated_validator().is_valid(document)
    if valid and document.get("type") in CLASSES:
        _round_trip(document, case.id)
        return
    text = json.dumps(document)
    with pytest.raises(stac_mlm.MLMValidationError) as raised:
        stac_mlm.parse(document)
    problems = raised.value.problems
    if valid:  # MLM leaves documents other than Items and Collections unchecked; parse needs one of them
        assert [problem.path for problem in problems] == ["/type"], case.id
    else:
        assert problems and problems == stac_mlm.validate(document), case.id
    assert json.dumps(document) == text, f"{case.id}: parsing changed the input"


@pytest.mark.parametrize("version", sorted(_releases.MODULES))
def test_generated_module_imports_only_pydantic_and_the_standard_library(version: str) -> None:
    tree = ast.parse(Path(_releases.classes(version).__file__ or "").read_text(encoding="utf-8"))
    modules = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    modules |= {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "pydantic" in modules
    assert modules - {"pydantic"} <= set(sys.stdlib_module_names), modules
