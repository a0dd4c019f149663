"""JSON-LD context: every JSON key the model declares gets the IRI of its slot.

Keys written as compact IRIs (``prefix:name``, with a prefix the model declares) are defined once at
the top of the context, since they mean the same wherever they appear; the plain keys of nested
objects are defined in the scoped context of the key that holds the object, so the same plain key
(``name``, ``type``, ...) can mean different things in different objects. Arrays become ordered RDF
lists (``@list``), JSON maps (``json_map``) index their values by key (``@index``), and values the
model leaves open (a class without slots, ``linkml:Any``) are kept as JSON literals (``@json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..jsonschema import dump_json
from ..model import ModelError, SourceModel
from ..resolved import KIND_ANY, KIND_CLASS

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

    from ..resolved import ResolvedModel, ResolvedSlot
    from . import Build


@dataclass(frozen=True)
class Term:
    """How one JSON key of one slot is read: its IRI and the shape of its value."""

    key: str
    iri: str
    linkml_iri: str  # the slot's IRI in LinkML's own output (its SHACL paths): differs for a key in another prefix
    container: str | None = None  # "@list" (JSON array), "@index" (JSON map) or None
    json_literal: bool = False  # the value is kept as an rdf:JSON literal
    ranges: tuple[str, ...] = ()  # the classes the value's objects conform to


@dataclass
class Vocabulary:
    """The model's JSON keys as terms: the global (prefixed) ones and each class's own."""

    view: SchemaView
    resolved: ResolvedModel
    prefixes: dict[str, str]
    global_terms: dict[str, Term] = field(default_factory=dict)
    class_terms: dict[str, dict[str, Term]] = field(default_factory=dict)
    #: class name -> LinkML slot name -> term, for every class reached (prefixed keys included)
    slot_terms: dict[str, dict[str, Term]] = field(default_factory=dict)

    def iri(self, curie: str) -> str:
        """Expand a CURIE with the model's prefixes (unknown prefixes are kept)."""
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes else curie

    def compact(self, iri: str) -> str:
        """The shortest CURIE of ``iri`` under the model's prefixes (the IRI itself when none fits)."""
        best = iri
        for prefix, namespace in sorted(self.prefixes.items()):
            if iri.startswith(namespace) and len(prefix) + 1 + len(iri) - len(namespace) < len(best):
                best = f"{prefix}:{iri[len(namespace) :]}"
        return best

    def is_prefixed(self, key: str) -> bool:
        """Whether a JSON key is a CURIE of a known prefix."""
        prefix, colon, local = key.partition(":")
        return bool(colon and local) and prefix in self.prefixes


def opaque_class(resolved: ResolvedModel, name: str) -> bool:
    """A class whose content the model does not describe key by key: kept as a JSON literal."""
    cls = resolved.class_map[name]
    return cls.is_any or not cls.slots


def entry_classes(resolved: ResolvedModel) -> list[str]:
    """The names of the classes a document can be."""
    return sorted(name for name, cls in resolved.class_map.items() if cls.entry_point)


def vocabulary(model: SourceModel) -> Vocabulary:
    """Walk the model from its entry classes and read every reachable slot as a term."""
    from ..resolved import resolve

    view, resolved = model.view, resolve(model)
    prefixes = {str(name): str(namespace) for name, namespace in view.namespaces().items()}
    vocab = Vocabulary(view=view, resolved=resolved, prefixes=prefixes)
    pending = entry_classes(resolved)
    if not pending:
        raise ModelError("no class is annotated entry_point: the JSON-LD context has no root")
    while pending:
        name = pending.pop(0)
        if name in vocab.class_terms:
            continue
        terms = vocab.class_terms[name] = {}
        vocab.slot_terms[name] = {}
        for slot in resolved.class_map[name].slots:
            term = vocab.slot_terms[name][slot.name] = _term(vocab, slot)
            target = vocab.global_terms if vocab.is_prefixed(term.key) else terms
            if term.key in target and target[term.key] != term:
                raise ModelError(f"JSON key {term.key!r} has two meanings in the model: {target[term.key]} and {term}")
            target[term.key] = term
            pending += [r for r in term.ranges if r not in vocab.class_terms]
    return vocab


def _term(vocab: Vocabulary, slot: ResolvedSlot) -> Term:
    linkml_iri = vocab.iri(str(vocab.view.get_uri(vocab.view.induced_slot(slot.name, slot.owner), expand=False)))
    # A key written as a compact IRI means its expansion in JSON-LD, whatever IRI LinkML gives the slot.
    iri = vocab.iri(slot.key) if vocab.is_prefixed(slot.key) else linkml_iri
    class_ranges = [b.range for b in slot.branches if b.kind in {KIND_CLASS, KIND_ANY}]
    json_literal = any(opaque_class(vocab.resolved, r) for r in class_ranges)
    container = None
    if slot.json_map:
        container = "@index"
    elif slot.multivalued or slot.one_or_many:
        container = "@list"
    ranges = () if json_literal else tuple(dict.fromkeys(class_ranges))
    return Term(slot.key, iri, linkml_iri, container=container, json_literal=json_literal, ranges=ranges)


def _definition(vocab: Vocabulary, term: Term, inside: frozenset[str]) -> Any:
    definition: dict[str, Any] = {"@id": vocab.compact(term.iri)}
    if term.json_literal:
        definition["@type"] = "@json"
    if term.container and not term.json_literal:
        definition["@container"] = term.container
    # A class already being defined further out needs no scoped context: the outer one propagates.
    scoped: dict[str, Any] = {}
    for name in term.ranges:
        if name in inside:
            continue
        for key, inner in sorted(vocab.class_terms[name].items()):
            text = _definition(vocab, inner, inside | {name})
            if key in scoped and scoped[key] != text:
                raise ModelError(f"key {key!r} means different things in the classes {', '.join(term.ranges)}")
            scoped[key] = text
    if scoped:
        definition["@context"] = dict(sorted(scoped.items()))
    return definition["@id"] if list(definition) == ["@id"] else definition


def build_context(model: SourceModel) -> dict[str, Any]:
    """The JSON-LD 1.1 context of the model (a dict with one ``@context`` key)."""
    vocab = vocabulary(model)
    terms: dict[str, Any] = {}
    for key, term in sorted(vocab.global_terms.items()):
        terms[key] = _definition(vocab, term, frozenset())
    for name in entry_classes(vocab.resolved):
        for key, term in sorted(vocab.class_terms[name].items()):
            text = _definition(vocab, term, frozenset({name}))
            if key in terms and terms[key] != text:
                raise ModelError(f"key {key!r} of entry class {name} has two meanings at the top of a document")
            terms[key] = text
    used = sorted({p for p in vocab.prefixes if f'"{p}:' in dump_json(terms)})
    context: dict[str, Any] = {"@version": 1.1}
    context |= {prefix: vocab.prefixes[prefix] for prefix in used}
    context |= dict(sorted(terms.items()))
    return {"@context": context}


def versioned(build: Build, text: str) -> dict[str, str]:
    """``text`` at the option ``path`` (``{version}`` filled) and, for the newest release, at the option
    ``latest_path`` too (a name that stays the same from one version to the next, like the JSON Schema's)."""
    outputs = {build.option("path"): text}
    if build.latest_release and build.option("latest_path", None):
        outputs[build.option("latest_path")] = text
    return outputs


def render(build: Build) -> dict[str, str]:
    """The JSON-LD context, per version."""
    return versioned(build, dump_json(build_context(build.model)))
