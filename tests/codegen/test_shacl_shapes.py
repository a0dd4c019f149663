"""The generated SHACL shapes, run with pyshacl on the RDF the JSON-LD context makes of the fixtures.

Valid documents conform. Rejected cases that break a per-value constraint the shapes carry (the keywords
the SHACL target lists as carried, see its coverage table) do not conform, unless the break cannot be seen
in RDF at all (``invisible_in_rdf``). Rule cases of the rules the coverage table marks `carried` do not
conform either.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from support import interop
from support.paths import upstream_available

pyshacl = pytest.importorskip("pyshacl", reason="pyshacl is installed by `nox -s tests`")
pytest.importorskip("pyld", reason="pyld is installed by `nox -s tests`")
import rdflib  # noqa: E402
from stac_ext_codegen.targets.shacl import CARRIED  # noqa: E402

SHAPES = interop.versioned("shacl", "shapes.shacl.ttl")


CARRIED_KEYWORDS = {k for k, v in CARRIED.items() if v is not None}


@cache
def carried_rules() -> set[str]:
    """The rules the generated coverage table calls carried."""
    text = interop.head("shacl", "coverage.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| (\S+) \| [^|]+ \| carried \|$", text, re.M))


def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(interop.head("shacl", "shapes.shacl.ttl"))


def verdicts(paths: list[Path]) -> dict[Path, bool]:
    """Conformance of each document (from one pyshacl run over every fixture the tests use)."""
    every = all_verdicts()
    return {path: every[path] for path in paths}


@cache
def all_verdicts() -> dict[Path, bool]:
    """One pyshacl run over every document at once (each keeps its own nodes; pyshacl is the slow part)."""
    wanted = CARRIED_KEYWORDS | carried_rules()
    paths = interop.valid_fixtures()
    paths += [p for p, e in interop.invalid_fixtures() if {e.get("keyword"), e.get("rule")} & wanted]
    paths += interop.official_examples() if upstream_available() else []
    context, union, roots = interop.head_context(), rdflib.Graph(), {}
    for path in paths:
        graph = interop.to_rdf(interop.load(path), context)
        objects = set(graph.objects())
        top = [s for s in set(graph.subjects()) if s not in objects]
        assert len(top) == 1, f"{path}: expected one root node, found {len(top)}"
        roots[path] = top[0]
        union += graph
    _, report, _ = pyshacl.validate(union, shacl_graph=shapes())
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    failing = set(report.objects(None, sh.focusNode))
    return {path: root not in failing for path, root in roots.items()}


def term_at(pointer: str) -> dict[str, Any] | None:
    """The term definition (in its scope) of the key a JSON pointer ends at, as JSON-LD reads it."""
    active: dict[str, Any] = interop.head_context()["@context"]
    definition: Any = None
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
        if token.isdigit():
            continue  # a member of a list: read with the list's term
        if definition is not None and definition.get("@container") == "@index":
            definition = {"@id": ""}  # a key of a map: its value is read with the map's scoped context
            continue
        entry = active.get(token)
        definition = {"@id": entry} if isinstance(entry, str) else entry
        if definition is None:
            return None
        if definition.get("@type") == "@json":
            return definition
        active = {**active, **definition.get("@context", {})}
    return definition


def invisible_in_rdf(expect: dict[str, Any], document: Any) -> str | None:
    """Why a broken value reads in RDF like a valid one (None when it does not)."""
    pointer = expect.get("path", "")
    if expect.get("keyword") == "required" and expect.get("field"):
        held = term_at(f"{pointer}/{expect['field']}") or {}
        return "an empty map reads as a missing one" if held.get("@container") == "@index" else None
    definition = term_at(pointer) or {}
    if definition.get("@type") == "@json":
        return "the value is kept as a JSON literal"
    if expect.get("keyword") != "type":
        return None
    value: Any = document
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
        value = value[int(token)] if isinstance(value, list) else value[token]
    container = definition.get("@container")
    if container is None and isinstance(value, list) and len(value) <= 1:
        return "a list of one value reads as the value"
    if container == "@list" and not isinstance(value, list):
        return "one value reads as a list of one"
    if container == "@index" and not isinstance(value, dict):
        return "values of a map read like a map of them"
    return None


def test_shapes_per_version_parse_and_the_latest_has_a_stable_name() -> None:
    assert SHAPES, "no generated/shacl/<version>/shapes.shacl.ttl"
    for path in SHAPES:
        assert len(rdflib.Graph().parse(path)) > 0
    assert interop.latest("shacl", "shapes.shacl.ttl").read_text() in {p.read_text() for p in SHAPES}


@pytest.mark.slow  # one pyshacl pass over every fixture: about a minute on 2 loaded cores
def test_valid_documents_conform() -> None:
    paths = interop.valid_fixtures() + (interop.official_examples() if upstream_available() else [])
    rejected = [p.name for p, ok in verdicts(paths).items() if not ok]
    assert rejected == []


@pytest.mark.slow  # one pyshacl pass over every fixture: about a minute on 2 loaded cores
def test_per_value_breaks_do_not_conform() -> None:
    carried = CARRIED_KEYWORDS
    cases = {
        path: expect
        for path, expect in interop.invalid_fixtures()
        if not expect.get("rule") and not expect.get("erratum") and expect.get("keyword") in carried
    }
    visible = {p: e for p, e in cases.items() if invisible_in_rdf(e, interop.load(p)) is None}
    assert len(visible) > len(cases) / 2, "most per-value cases should be visible in RDF"
    accepted = sorted(p.name for p, ok in verdicts(sorted(visible)).items() if ok)
    assert accepted == [], "per-value breaks the shapes should catch"


@pytest.mark.slow  # one pyshacl pass over every fixture: about a minute on 2 loaded cores
def test_rules_the_coverage_table_calls_carried_are_caught() -> None:
    carried = carried_rules()
    assert carried, "the coverage table marks no rule as carried"
    cases = [p for p, e in interop.invalid_fixtures() if e.get("rule") in carried and not e.get("erratum")]
    assert cases, "no rejected case for the carried rules"
    accepted = sorted(p.name for p, ok in verdicts(cases).items() if ok)
    assert accepted == []
