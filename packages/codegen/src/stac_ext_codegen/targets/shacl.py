"""SHACL shapes for the RDF that the JSON-LD context (``jsonld.py``) makes of a JSON document.

LinkML's ``ShaclGenerator`` writes one node shape per class. It assumes RDF written for LinkML (typed
nodes, closed shapes, one triple per list member); the RDF of a STAC document read through the
context differs, so its graph is adjusted:

- values of a class are reached through ``sh:node`` (the data has no ``rdf:type``), and only the
  entry classes have targets: the subjects of the discriminator whose value selects the class;
- a JSON array is one RDF list: its presence is checked on the property, its members through the
  path ``(property rdf:rest* rdf:first)``; a JSON map's values are the property's values; an opaque
  value is an ``rdf:JSON`` literal;
- a JSON number may be an ``xsd:integer`` or an ``xsd:double``; shapes are open (keys the context
  does not define never reach the RDF); a forbidden slot (``value_presence: ABSENT``) has
  ``sh:maxCount 0``; string lengths and the patterns of ``any_of`` branches, which LinkML drops, are
  added back.

``coverage.md`` beside the shapes says which constraints and rules SHACL carries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from ..model import ModelError, SourceModel
from ..resolved import KIND_TYPE, Branch, Constraints
from .jsonld import Term, Vocabulary, versioned, vocabulary

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from ..resolved import ResolvedModel, ResolvedSlot
    from . import Build


SH_CLASS = "http://www.w3.org/ns/shacl#class"


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def build_shapes(model: SourceModel) -> Graph:
    """The adjusted SHACL shapes graph of the model."""
    from linkml.generators.shaclgen import ShaclGenerator
    from rdflib import RDF, RDFS, Namespace, URIRef
    from rdflib.namespace import SH

    vocab = vocabulary(model)
    with _quiet("linkml.generators.shaclgen"):  # it warns about the rules it cannot translate
        graph = ShaclGenerator(str(model.root_path)).as_graph()
    graph.remove((None, SH.name, None))  # slot titles are labels for user interfaces (stac-fields), not shapes
    shape_of = partial(_shape_of, model)
    reachable = set(vocab.slot_terms)
    done: set[Any] = set()  # LinkML may share one property shape between classes
    for class_name in sorted(reachable):
        _adjust_class(graph, vocab, class_name, shape_of(class_name), done)
    kept = {shape_of(c) for c in reachable}
    for subject in set(graph.subjects(RDF.type, SH.NodeShape)):
        if isinstance(subject, URIRef) and subject not in kept:
            graph.remove((subject, None, None))

    _add_entry_targets(graph, vocab, shape_of)
    out = _tidy(graph)
    for prefix, namespace in sorted(vocab.prefixes.items()):
        out.bind(prefix, Namespace(namespace))
    out.bind("sh", SH)
    out.bind("rdfs", RDFS)
    return out


def _shape_of(model: SourceModel, class_name: str) -> URIRef:
    """The IRI of a class's node shape."""
    from rdflib import URIRef

    return URIRef(model.view.get_uri(class_name, expand=True))


def _adjust_class(graph: Graph, vocab: Vocabulary, class_name: str, shape: URIRef, done: set[Any]) -> None:
    """A class's property shapes keyed by the context's IRIs and adjusted; its shape open and untargeted."""
    from rdflib import RDF, URIRef
    from rdflib.namespace import SH

    if (shape, RDF.type, SH.NodeShape) not in graph:
        raise ModelError(f"LinkML wrote no SHACL shape for class {class_name}")
    slots = vocab.resolved.class_map[class_name].slots
    by_iri = {URIRef(t.linkml_iri): (name, t) for name, t in vocab.slot_terms[class_name].items()}
    for prop in sorted(graph.objects(shape, SH.property)):
        path = graph.value(prop, SH.path)
        if prop in done or path not in by_iri:
            continue
        done.add(prop)
        slot_name, term = by_iri[path]
        graph.set((prop, SH.path, URIRef(term.iri)))  # the IRI the context gives the key
        _adjust_property(graph, vocab.resolved, prop, next(s for s in slots if s.name == slot_name), term)
    graph.remove((shape, SH.closed, None))
    graph.remove((shape, SH.ignoredProperties, None))
    graph.remove((shape, SH.targetClass, None))


def _describing() -> set[Any]:
    """Predicates of a property shape that describe it rather than constrain its values."""
    from rdflib.namespace import SH

    return {SH.path, SH.minCount, SH.maxCount, SH.order, SH.name, SH.description}


def _adjust_property(graph: Graph, resolved: ResolvedModel, shape: Any, slot: ResolvedSlot, term: Term) -> None:
    """One property shape made to fit the RDF of its JSON key: forbidden, opaque, list, map or plain value."""
    from rdflib.namespace import SH

    if slot.presence == "forbidden":
        _forbid(graph, shape)
        return
    if term.json_literal:
        _json_literal(graph, shape)
        return
    values = shape
    if term.container == "@list":
        values = _list_members(graph, shape, slot)
    elif term.container == "@index":  # an empty map reads as no value at all: its presence is not checked
        graph.remove((shape, SH.maxCount, None))
        graph.remove((shape, SH.minCount, None))
    _adjust_values(graph, values)
    _add_branch_constraints(graph, resolved, values, slot)


def _forbid(graph: Graph, shape: Any) -> None:
    """A forbidden slot: no constraint but ``sh:maxCount 0``."""
    from rdflib import Literal
    from rdflib.namespace import SH

    for predicate, value in list(graph.predicate_objects(shape)):
        if predicate != SH.path:
            graph.remove((shape, predicate, value))
    graph.add((shape, SH.maxCount, Literal(0)))


def _json_literal(graph: Graph, shape: Any) -> None:
    """An opaque value: an ``rdf:JSON`` literal, whatever LinkML said of its content."""
    from rdflib import RDF
    from rdflib.namespace import SH

    describing = _describing()
    for predicate, value in list(graph.predicate_objects(shape)):
        if predicate not in describing:
            graph.remove((shape, predicate, value))
    graph.add((shape, SH.datatype, RDF.JSON))


def _list_members(graph: Graph, shape: Any, slot: ResolvedSlot) -> Any:
    """A JSON array is one RDF list: the property holds at most one list (one when required) and the
    value constraints move to its members, reached by ``(rdf:rest* rdf:first)``. Returns the members' shape."""
    from rdflib import RDF, BNode, Literal
    from rdflib.collection import Collection as RdfList
    from rdflib.namespace import SH

    describing = _describing()
    values = BNode()
    for predicate, value in list(graph.predicate_objects(shape)):
        if predicate not in describing:
            graph.remove((shape, predicate, value))
            graph.add((values, predicate, value))
    # The members of the list: (rdf:rest* rdf:first) from the list node, the property's value.
    rest, members = BNode(), BNode()
    graph.add((rest, SH.zeroOrMorePath, RDF.rest))
    graph.add((values, SH.path, RdfList(graph, BNode(), [rest, RDF.first]).uri))
    graph.add((members, SH.property, values))
    graph.add((shape, SH.node, members))
    graph.remove((shape, SH.minCount, None))
    graph.set((shape, SH.maxCount, Literal(1)))
    if slot.presence == "required":
        graph.add((shape, SH.minCount, Literal(1)))
    least = max(slot.min_items or 0, 1) if slot.one_or_many else slot.min_items  # one, or a non-empty list
    if least is not None:
        graph.add((values, SH.minCount, Literal(int(least))))
    if slot.max_items is not None:
        graph.add((values, SH.maxCount, Literal(int(slot.max_items))))
    return values


def _adjust_values(graph: Graph, node: Any) -> None:
    """Class values through sh:node; numbers of either JSON-LD datatype; inside sh:or too."""
    from rdflib import XSD, URIRef
    from rdflib.collection import Collection as RdfList
    from rdflib.namespace import SH

    sh_class = URIRef(SH_CLASS)
    for branches in list(graph.objects(node, SH["or"])):
        for branch in RdfList(graph, branches):
            _adjust_values(graph, branch)
    for cls in list(graph.objects(node, sh_class)):
        graph.remove((node, sh_class, cls))
        graph.add((node, SH.node, cls))
    for datatype in list(graph.objects(node, SH.datatype)):
        if datatype in {XSD.float, XSD.double, XSD.decimal}:
            graph.remove((node, SH.datatype, datatype))
            graph.add((node, SH["or"], _any_number(graph)))


def _any_number(graph: Graph) -> Any:
    """An ``sh:or`` list: an ``xsd:integer`` or an ``xsd:double`` (a JSON number reads as either)."""
    from rdflib import XSD, BNode
    from rdflib.collection import Collection as RdfList
    from rdflib.namespace import SH

    options = []
    for datatype in (XSD.integer, XSD.double):
        option = BNode()
        graph.add((option, SH.datatype, datatype))
        options.append(option)
    return RdfList(graph, BNode(), options).uri


def _add_branch_constraints(graph: Graph, resolved: ResolvedModel, values: Any, slot: ResolvedSlot) -> None:
    """The constraints of the slot's single range, or of each ``any_of`` branch on its ``sh:or`` member."""
    from rdflib.collection import Collection as RdfList
    from rdflib.namespace import SH

    if len(slot.branches) == 1:
        _add_constraints(graph, resolved, values, slot.branches[0], slot.constraints)
        return
    for branches in list(graph.objects(values, SH["or"])):
        members = list(RdfList(graph, branches))
        if len(members) == len(slot.branches):  # LinkML writes one sh:or member per any_of branch, in order
            for member, branch in zip(members, slot.branches, strict=True):
                _add_constraints(graph, resolved, member, branch, branch.constraints.merged(slot.constraints))


def _add_constraints(graph: Graph, resolved: ResolvedModel, node: Any, branch: Branch, own: Constraints) -> None:
    """Lengths, bounds and pattern of a value (its type's and the slot's or branch's own), where LinkML
    wrote none: it drops type-level bounds, json_schema.* lengths and the patterns of any_of branches."""
    from rdflib import Literal
    from rdflib.namespace import SH

    declared = resolved.type_map[branch.range].constraints if branch.kind == KIND_TYPE else Constraints()
    merged = declared.merged(own)
    for keyword, predicate in (("minLength", SH.minLength), ("maxLength", SH.maxLength)):
        if keyword in merged.keywords:
            graph.set((node, predicate, Literal(int(merged.keywords[keyword]))))
    for value, predicate in ((merged.minimum, SH.minInclusive), (merged.maximum, SH.maxInclusive)):
        if value is not None and (node, predicate, None) not in graph:
            graph.add((node, predicate, Literal(value)))
    if merged.pattern and (node, SH.pattern, None) not in graph:
        graph.add((node, SH.pattern, Literal(merged.pattern)))


def _add_entry_targets(graph: Graph, vocab: Vocabulary, shape_of: Any) -> None:
    """Each entry class applies to the subjects whose discriminator has the class's fixed value."""
    from rdflib import RDF, RDFS, BNode, Literal, URIRef
    from rdflib.collection import Collection as RdfList
    from rdflib.namespace import SH

    resolved = vocab.resolved
    namespace = vocab.prefixes[str(vocab.view.schema.default_prefix)]
    for value, name in sorted(resolved.entry_points.items()):
        slot = resolved.class_map[name].slot(resolved.discriminator)
        predicate = URIRef(vocab.slot_terms[name][slot.name].iri)
        dispatch = URIRef(f"{namespace}{name}EntryPoint")
        graph.add((dispatch, RDF.type, SH.NodeShape))
        graph.add((dispatch, RDFS.comment, Literal(f"Applies {name} where {slot.key} is {value}.")))
        graph.add((dispatch, SH.targetSubjectsOf, predicate))
        other, test = BNode(), BNode()
        graph.add((test, SH.path, predicate))
        graph.add((test, SH.hasValue, Literal(value)))
        graph.add((other, SH["not"], test))
        graph.add((dispatch, SH["or"], RdfList(graph, BNode(), [other, shape_of(name)]).uri))


def _tidy(graph: Graph) -> Graph:
    """The triples reachable from named subjects (blank nodes orphaned by the adjustments are dropped), with
    each blank node named after where it hangs: its named root, the predicates on the way and the rank of
    its content among its siblings. So the text is the same on every run.

    (``rdflib.compare.to_canonical_graph`` does this for any graph but takes seconds; a shapes graph is a
    tree of blank nodes under named shapes, for which this is enough.)
    """
    import hashlib

    from rdflib import BNode, Graph, URIRef

    below: dict[Any, list[tuple[Any, Any]]] = {}
    for subject, predicate, value in graph:
        below.setdefault(subject, []).append((predicate, value))
    contents: dict[Any, str] = {}

    def content(node: Any, inside: frozenset[Any] = frozenset()) -> str:
        if not isinstance(node, BNode):
            return str(node.n3())
        if node not in contents:
            if node in inside:
                raise ModelError("the SHACL shapes have a cycle of blank nodes")
            parts = sorted(f"{p.n3()} {content(o, inside | {node})}" for p, o in below.get(node, []))
            contents[node] = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return contents[node]

    labels: dict[Any, Any] = {}
    kept: list[tuple[Any, Any, Any]] = []

    def visit(node: Any, where: str) -> None:
        children = sorted(below.get(node, []), key=lambda pair: (str(pair[0]), content(pair[1])))
        for rank, (predicate, child) in enumerate(children):
            if isinstance(child, BNode) and child not in labels:
                label = hashlib.sha256(f"{where} {predicate} {rank}".encode()).hexdigest()[:16]
                labels[child] = BNode(f"b{label}")
                visit(child, label)
            kept.append((node, predicate, child))

    for subject in sorted(s for s in below if isinstance(s, URIRef)):
        labels[subject] = subject
        visit(subject, str(subject))
    out = Graph()
    out.addN((labels[s], p, labels.get(o, o), out) for s, p, o in kept)
    return out


#: What the shapes make of each JSON Schema keyword (None: not carried, with the reason).
CARRIED: dict[str, str | None] = {
    "type": "`sh:datatype`, `sh:nodeKind` (a list given as one value, or one value as a list, reads the same in RDF)",
    "enum": "`sh:in`",
    "const": "`sh:in` / `sh:hasValue`",
    "minimum": "`sh:minInclusive`",
    "maximum": "`sh:maxInclusive`",
    "pattern": "`sh:pattern`",
    "minLength": "`sh:minLength`",
    "maxLength": "`sh:maxLength`",
    "minItems": "`sh:minCount` on the list members",
    "maxItems": "`sh:maxCount` on the list members",
    "required": "`sh:minCount 1`",
    "not": "`sh:maxCount 0` for a forbidden field; other negations are not carried",
    "anyOf": "`sh:or` for alternative ranges; the rules' alternatives are not carried",
    "if": "the entry-point shapes (`sh:targetSubjectsOf` the discriminator, `sh:or`)",
    "uniqueItems": None,
    "contains": None,
    "additionalProperties": None,
    "patternProperties": None,
    "minProperties": None,
    "dependencies": None,
}
_NOT_CARRIED = {
    "uniqueItems": "RDF lists can repeat members; SHACL Core has no uniqueness constraint",
    "contains": "list membership tests across objects need SPARQL",
    "additionalProperties": "keys the context does not define never reach the RDF",
    "patternProperties": "keys the context does not define never reach the RDF",
    "minProperties": "open maps are kept as JSON literals",
    "dependencies": "needs SPARQL",
}
#: Keywords whose failure, in a rule of the LinkML model, the shapes catch.
_RULE_KEYWORDS = {k for k, v in CARRIED.items() if v is not None}


def _keywords(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CARRIED:
                found.add(key)
            if key not in {"properties", "$defs", "patternProperties", "enum", "const", "examples"}:
                _keywords(value, found)
            elif isinstance(value, dict):
                for inner in value.values():
                    _keywords(inner, found)
    elif isinstance(node, list):
        for value in node:
            _keywords(value, found)
    return found


def coverage_table(build: Build) -> str:
    """Markdown: which constraints of the JSON Schema, and which rules, the SHACL shapes carry."""
    from ..fixtures import load_fixtures

    lines = [
        f"<!-- Generated from schema/ by `nox -s generate` ({build.version}); do not edit. -->",
        "| JSON Schema keyword | SHACL |",
        "|---|---|",
    ]
    for keyword in sorted(_keywords(build.json_schema(), set())):
        carried = CARRIED[keyword]
        lines.append(f"| `{keyword}` | {carried if carried else 'JSON Schema only: ' + _NOT_CARRIED[keyword]} |")
    failing: dict[str, set[str]] = {}
    for fixture in load_fixtures(build.model):
        expect = fixture.expect or {}
        if expect.get("rule") and not expect.get("valid", False):
            failing.setdefault(str(expect["rule"]), set()).add(str(expect.get("keyword")))
    lines += ["", "| Rule | Title | SHACL |", "|---|---|---|"]
    for rule in build.resolved.rules:
        if not rule.enforced:
            verdict = "not enforced (documented only)"
        elif rule.expressed_in != "linkml":
            verdict = "JSON Schema only (a rule across objects)"
        elif failing.get(rule.id, set()) <= _RULE_KEYWORDS:
            verdict = "carried"
        else:
            missing = sorted(failing[rule.id] - _RULE_KEYWORDS)
            verdict = "partly: " + ", ".join(f"`{k}` is JSON Schema only" for k in missing)
        lines.append(f"| {rule.id} | {rule.title} | {verdict} |")
    return "\n".join(lines) + "\n"


def shapes_text(build: Build) -> str:
    """The shapes in Turtle; a release's come from the generator's cache (its source is frozen)."""
    from ..versioned import cached_text, index_of

    def produce() -> str:
        return str(build_shapes(build.model).serialize(format="turtle"))

    index, version = index_of(build.model), build.model.version
    if index is None or version is None or version.status != "release":
        return produce()
    return cached_text(index, version, "shacl", produce)


def render(build: Build) -> dict[str, str]:
    """The SHACL shapes per version, and the coverage table when configured."""
    outputs = versioned(build, shapes_text(build))
    if build.option("coverage", None):
        table = coverage_table(build)
        outputs[build.option("coverage")] = table
        if build.latest_release and build.option("latest_coverage", None):
            outputs[build.option("latest_coverage")] = table
    return outputs
