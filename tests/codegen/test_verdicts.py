"""Named verdict cases: the upstream test suite, one pair per rule, one case per erratum.

Each case states the verdict of the official v1.5.2 schema. The schema generated for that release (not the
live model, which may be a draft of the next version) must give it; when
the upstream data is present, the official schema is asked too, so a wrong expectation cannot hide.
"""

from __future__ import annotations

import copy
import json

import pytest
from support import documents, validators
from support.cases import ERRATA_CASES, RULE_CASES, UPSTREAM_CASES, Case
from support.paths import OFFICIAL_VERSION, UPSTREAM_DATA, upstream_available


def _base(case: Case) -> dict:
    kind, name = case.base.split(":", 1)
    if kind == "own":
        return documents.SEEDS[case.base]()
    path = UPSTREAM_DATA / "mlm" / OFFICIAL_VERSION / "examples" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _document(case: Case) -> dict:
    document = copy.deepcopy(_base(case))
    case.change(document)
    return document


def _verdict(mlm_validator, document: dict, with_extensions: bool) -> bool:
    if not mlm_validator.is_valid(document):
        return False
    if with_extensions:
        for url in document.get("stac_extensions", []):
            other = validators.extension_validator(url)
            if other is not None and not other.is_valid(document):
                return False
    return True


def _explain(validator, document: dict) -> str:
    return "; ".join(f"{e.json_path}: {e.message[:120]}" for e in list(validator.iter_errors(document))[:3])


@pytest.mark.parametrize("case", RULE_CASES + ERRATA_CASES, ids=lambda c: c.id)
def test_own_case(case: Case) -> None:
    document = _document(case)
    generated = validators.release_validator(OFFICIAL_VERSION)
    assert _verdict(generated, document, False) is case.valid, _explain(generated, document)
    if upstream_available():
        assert _verdict(validators.official_validator(), document, False) is case.valid, "official schema disagrees"


@pytest.mark.upstream
@pytest.mark.parametrize("case", UPSTREAM_CASES, ids=lambda c: c.id)
def test_upstream_case(case: Case, upstream) -> None:
    document = _document(case)
    extensions = case.needs_extension_schemas
    assert _verdict(validators.official_validator(), document, extensions) is case.valid, "expectation is wrong"
    generated = validators.release_validator(OFFICIAL_VERSION)
    assert _verdict(generated, document, extensions) is case.valid, _explain(generated, document)


def test_every_rule_has_a_valid_and_an_invalid_case() -> None:
    import yaml
    from support.paths import SCHEMA_DIR

    rules = yaml.safe_load((SCHEMA_DIR / "releases" / OFFICIAL_VERSION / "rules.yaml").read_text(encoding="utf-8"))
    rules = rules["rules"]
    for rule in rules:
        if rule.get("enforced", True) is False:
            continue
        verdicts = {case.valid for case in RULE_CASES if case.id.startswith(rule["id"] + "-")}
        assert verdicts == {True, False}, f"rule {rule['id']} needs both a valid and an invalid case"
