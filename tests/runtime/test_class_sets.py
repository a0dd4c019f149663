"""Every version the package holds keeps its own classes (``stac_mlm.models.v1_5_2`` ...), and ``parse``
reads a document with the classes of the version it declares. The versions come from the bundle's index."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from stac_mlm import _schema, models, validation
from stac_mlm._generated import releases
from support import documents

VERSIONS = [v.version for v in _schema.bundle().versions]


def test_every_bundled_version_has_a_class_set() -> None:
    assert set(releases.MODULES) == set(VERSIONS)
    head = _schema.bundle().draft or _schema.bundle().latest
    assert head == releases.HEAD
    assert _schema.bundle().latest == releases.LATEST_RELEASE


@pytest.mark.parametrize("version", VERSIONS)
def test_each_class_set_is_importable_and_names_its_version(version: str) -> None:
    module = releases.MODULES[version]
    classes = getattr(models, module)
    assert classes is importlib.import_module(f"stac_mlm.models.{module}")
    generated = releases.classes(version)
    assert set(classes.__all__) == set(generated.__all__)
    assert all(getattr(classes, name) is getattr(generated, name) for name in generated.__all__)
    assert classes.Item.__module__ == generated.__name__
    assert version.lstrip("v") in (classes.__doc__ or "")
    assert version.lstrip("v") in (generated.__doc__ or "")


@pytest.mark.parametrize("version", VERSIONS)
def test_the_three_import_forms_give_the_same_module(version: str) -> None:
    module = releases.MODULES[version]
    imported = importlib.import_module(f"stac_mlm.models.{module}")
    namespace: dict[str, object] = {}
    exec(f"from stac_mlm.models import {module} as found", namespace)  # the import statement itself is tested
    exec(f"from stac_mlm.models.{module} import Item", namespace)
    assert namespace["found"] is imported
    assert namespace["Item"] is imported.Item


def test_stac_mlm_models_is_the_latest_release_set() -> None:
    latest = releases.classes(releases.LATEST_RELEASE)
    assert set(latest.__all__) == set(models._generated.__all__)
    # written once: the package's classes are the latest release's module's own objects
    assert all(getattr(models._generated, name) is getattr(latest, name) for name in latest.__all__)
    shared = set(models.__all__) & set(latest.__all__)  # all but the two document classes models.py extends
    assert len(shared) == len(latest.__all__) - 2
    assert all(getattr(models, name) is getattr(latest, name) for name in shared)


def test_the_latest_classes_are_written_once() -> None:
    """The package module re-exports the latest release's set: it defines no class of its own."""
    import ast

    tree = ast.parse(Path(models._generated.__file__ or "").read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        models.v0_0_0  # noqa: B018


def _older_release_accepting(document: dict) -> str | None:
    """A release older than the latest whose schema accepts ``document`` once it declares that release."""
    for version in reversed(_schema.bundle().versions):
        if version.status == "release" and version.version != releases.LATEST_RELEASE:
            candidate = documents.for_schema(documents.landcover_item(), version.url)
            if validation.is_valid(candidate):
                return version.version
    return None


def test_parse_uses_the_classes_of_the_declared_version() -> None:
    older = _older_release_accepting(documents.landcover_item())
    if older is None:
        pytest.skip("no older release accepts the sample document")
    url = next(v.url for v in _schema.bundle().versions if v.version == older)
    document = documents.for_schema(documents.landcover_item(), url)
    parsed = models.parse(document)
    module = getattr(models, releases.MODULES[older])
    assert isinstance(parsed, module.Item), type(parsed).__mro__
    assert parsed.problems() == []
    assert parsed.to_dict() == document


def test_a_document_of_the_latest_release_is_read_with_the_classes_of_stac_mlm_models() -> None:
    latest = next(v for v in _schema.bundle().versions if v.version == releases.LATEST_RELEASE)
    document = documents.for_schema(documents.landcover_item(), latest.url)
    if not validation.is_valid(document):
        pytest.skip(f"the sample document is not valid {latest.version}")
    assert type(models.parse(document)) is models.MLMItem
