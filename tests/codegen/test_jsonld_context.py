"""The generated JSON-LD context: every key the model declares has an IRI, and documents expand offline
(pyld, with a local stand-in for the core STAC terms) with no field-prefix CURIE left unexpanded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import URIRef
from support import interop
from support.paths import SCHEMA_DIR, UPSTREAM_SKIP_REASON, upstream_available

pytest.importorskip("pyld", reason="pyld is installed by `nox -s tests`")
from stac_ext_codegen.model import SourceModel, load_version
from stac_ext_codegen.resolved import resolve
from stac_ext_codegen.versions import VersionIndex

CONTEXTS = interop.versioned("jsonld", "context.jsonld")


def terms(context: Any) -> dict[str, set[str]]:
    """Every term of a context, at any depth, with the IRIs (or CURIEs) it stands for."""
    found: dict[str, set[str]] = {}

    def visit(ctx: dict[str, Any]) -> None:
        for key, value in ctx.items():
            if key.startswith("@"):
                continue
            iri = value if isinstance(value, str) else value.get("@id", "")
            found.setdefault(key, set()).add(iri)
            if isinstance(value, dict) and isinstance(value.get("@context"), dict):
                visit(value["@context"])

    visit(context["@context"])
    return found


def expand(context: dict[str, Any], curie: str) -> str:
    prefix, _, local = curie.partition(":")
    namespace = context["@context"].get(prefix)
    return namespace + local if isinstance(namespace, str) else curie


@pytest.fixture(scope="module")
def model() -> Any:
    return resolve(SourceModel.load(SCHEMA_DIR))


def test_a_context_per_version_and_a_stable_latest_name() -> None:
    assert CONTEXTS, "no generated/jsonld/<version>/context.jsonld"
    assert interop.latest("jsonld", "context.jsonld").read_text() in {p.read_text() for p in CONTEXTS}


def version_model(version: str) -> Any:
    """The resolved model of one version the source holds (the head's when the source is unversioned)."""
    index = VersionIndex.find(SCHEMA_DIR)
    return resolve(load_version(index, version) if index is not None else SourceModel.load(SCHEMA_DIR))


@pytest.mark.parametrize("path", CONTEXTS, ids=lambda p: p.parent.name)
def test_every_declared_key_has_an_iri_in_the_model_namespace(path: Path) -> None:
    model = version_model(path.parent.name)
    context = interop.load(path)
    known = terms(context)
    declared = {s.key for c in model.class_map.values() if not c.is_any for s in c.slots}
    assert declared - set(known) == set(), "keys of the model without a term"
    namespace = context["@context"][model.field_prefix.rstrip(":")]
    prefixed = {k for k in known if k.startswith(model.field_prefix)}
    assert prefixed, "no field of the extension in the context"
    for key in sorted(prefixed):
        assert {expand(context, iri) for iri in known[key]} == {namespace + key[len(model.field_prefix) :]}, key


def documents() -> list[Path]:
    official = interop.official_examples() if upstream_available() else []
    return official + interop.valid_fixtures()


@pytest.mark.parametrize("path", documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_documents_expand_with_every_field_and_nested_key_as_an_iri(path: Path, model: Any) -> None:
    context = interop.head_context()
    document = interop.load(path)
    graph = interop.to_rdf(document, context)
    predicates = {str(p) for p in graph.predicates()}
    iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    prefix = model.field_prefix
    assert not [i for i in iris if i.startswith(prefix)], f"`{prefix}` CURIEs left unexpanded"
    checked = check_keys(document, context["@context"], context, predicates)
    fields = [k for _, k, _ in interop.walk(document) if k.startswith(prefix)]
    assert checked >= len(fields) > 0 or not fields


def check_keys(node: Any, active: dict[str, Any], context: dict[str, Any], predicates: set[str]) -> int:
    """Walk the document as JSON-LD does: every key with a term (in the scope where it appears) whose value
    is not null must give a triple; returns how many were checked."""
    if isinstance(node, list):
        return sum(check_keys(v, active, context, predicates) for v in node)
    if not isinstance(node, dict):
        return 0
    checked = 0
    for key, value in node.items():
        definition = active.get(key)
        listed = isinstance(definition, dict) and definition.get("@container") == "@list"
        if definition is None or value is None or (value in ([], {}) and not listed):
            continue  # JSON-LD drops nulls and empty values (an empty @list stays, as rdf:nil)
        iri = definition if isinstance(definition, str) else definition["@id"]
        assert expand(context, iri) in predicates, f"{key} gives no triple"
        checked += 1
        if isinstance(definition, dict) and definition.get("@type") == "@json":
            continue
        scoped = {**active, **(definition.get("@context", {}) if isinstance(definition, dict) else {})}
        if isinstance(definition, dict) and definition.get("@container") == "@index" and isinstance(value, dict):
            value = list(value.values())
        checked += check_keys(value, scoped, context, predicates)
    return checked


def test_official_examples_are_present_or_skipped() -> None:
    if not upstream_available():
        pytest.skip(UPSTREAM_SKIP_REASON)
    assert interop.official_examples(), "no official examples in the upstream data"
