"""Property 5: a second class set, generated from the JSON Schema by datamodel-code-generator (oracle.py),
against the project's classes (the LinkML Pydantic generator plus hooks, ``stac_mlm._generated``).

Both accept every valid document. On rejected ones they differ where the JSON Schema says something a
Pydantic class built from it cannot (rules across objects, forbidden keys, list membership) or where
datamodel-code-generator reads the schema loosely: a map declared without ``type: object`` (a lenient
``json_map``) becomes an untyped value, so nothing under it is checked. Each difference is counted by
kind; docs/interop.md explains them.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from support import interop

from . import oracle
from . import strategies as S
from .model import model
from .profiles import PROPERTY_SETTINGS
from .tally import record
from .test_class_properties import classes_accept

pytest.importorskip("datamodel_code_generator", reason="datamodel-code-generator is installed by `nox -s tests`")


def entry(doc: dict) -> str | None:
    value = doc.get(model().discriminator) if isinstance(doc, dict) else None
    return model().entry_points().get(value) if isinstance(value, str) else None


def lenient_keys() -> set[str]:
    """JSON keys of maps the model declares leniently (the JSON Schema does not require an object)."""
    m = model()
    return {f.key for name in m.entry_points().values() for f in m.class_info(name).fields if f.json_map == "lenient"}


def under_lenient_map(pointer: str) -> bool:
    return bool(set(pointer.split("/")) & lenient_keys())


def oracle_accepts(doc: dict) -> tuple[bool, str]:
    return oracle.accepts(oracle.classes(), entry(doc) or "", copy.deepcopy(doc))


@pytest.mark.parametrize("path", oracle.schemas(), ids=lambda p: p.parent.name)
def test_every_generated_schema_gives_an_importable_class_set(path: Path) -> None:
    module = oracle.classes(path)
    for name in model().entry_points().values():
        assert hasattr(module, name), f"{path}: no class {name}"


def test_both_class_sets_accept_every_valid_fixture() -> None:
    checked = 0
    for path in interop.valid_fixtures():
        doc = interop.load(path)
        if entry(doc) is None:
            continue
        ours, why_ours = classes_accept(doc)
        theirs, why_theirs = oracle_accepts(doc)
        assert ours and theirs, f"{path.name}: ours {why_ours!r} / oracle {why_theirs!r}"
        checked += 1
    assert checked


def test_rejected_fixtures_the_project_classes_catch_are_caught_by_the_oracle() -> None:
    """Except under a lenient map; the other differences (the oracle catches more) are counted."""
    missed = []
    for path, expect in interop.invalid_fixtures():
        doc = interop.load(path)
        if entry(doc) is None:
            continue
        ours, _ = classes_accept(doc)
        theirs, _ = oracle_accepts(doc)
        record(
            "5c oracle vs classes on rejected fixtures",
            valid=theirs,
            disagreement=ours != theirs,
            kind=f"ours={'accept' if ours else 'reject'},oracle={'accept' if theirs else 'reject'}",
        )
        if not ours and theirs and not under_lenient_map(expect.get("path", "")):
            missed.append(path.name)
    assert missed == []


@PROPERTY_SETTINGS
@given(S.documents())
def test_both_class_sets_accept_valid_documents(doc: dict) -> None:
    ours, why_ours = classes_accept(doc)
    theirs, why_theirs = oracle_accepts(doc)
    record("5a both class sets accept valid documents", valid=ours and theirs, disagreement=ours != theirs)
    assert ours and theirs, f"ours {why_ours!r} / oracle {why_theirs!r}"


@PROPERTY_SETTINGS
@given(S.near_misses())
def test_near_misses_the_project_classes_reject_are_rejected_by_the_oracle(miss: S.NearMiss) -> None:
    ours, _ = classes_accept(miss.document)
    theirs, _ = oracle_accepts(miss.document)
    kind = f"{miss.broken.kind}:ours={'accept' if ours else 'reject'},oracle={'accept' if theirs else 'reject'}"
    record("5b oracle vs classes on near misses", valid=theirs, disagreement=ours != theirs, kind=kind)
    if not ours and not under_lenient_map(miss.broken.where):
        assert not theirs, f"the oracle accepts a near miss the project's classes reject: {miss.broken}"
