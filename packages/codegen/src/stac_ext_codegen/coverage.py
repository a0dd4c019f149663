"""How much of the model the example fixtures exercise, measured against the model itself.

What has to be covered is enumerated from the LinkML model, the rules file and the generated JSON
Schema; nothing is listed by hand:

- valid documents must use every prefixed field at every place it is allowed (entry-point slots whose
  range holds prefixed fields, minus the slots a level marks ``ABSENT``), every slot of every nested
  class, every value of every closed enum, and every form a value can take (each ``any_of``
  alternative, null where ``nullable``, single and list where ``one_or_many``, two or more items in a
  list of objects);
- rejected cases (the must-fail group of ``codegen.yaml``) must hit every enforced rule and every constraint the
  generated schema places on a slot (``type``, ``pattern``, ``minimum``...) or a class (``required``
  and forbidden keys, closed key sets, ``minProperties``). A case counts only once the generated
  schema is seen rejecting it at its expected path with its expected keyword (and, for a rule of the
  rules file, through that rule's fragment).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import jsonschema

from .fixtures import Fixture
from .instances import KIND_CLASS, KIND_ENUM, ModelIndex, Visit
from .jsonschema import rule_comment, walk_objects
from .model import SourceModel
from .pointers import join_pointer, split_pointer
from .resolved import resolve

SLOT_KEYWORDS = (
    "type",
    "const",
    "enum",
    "pattern",
    "minimum",
    "minLength",
    "minItems",
    "uniqueItems",
    "contains",
    "anyOf",
)
CLASS_KEYWORDS = ("minProperties", "additionalProperties")
OBJECT_LEVEL = frozenset({"required", "not", "additionalProperties", "minProperties", "dependencies"})


@dataclass
class Cell:
    """One thing the examples should exercise, and the examples that do."""

    group: str
    item: str
    hits: list[str] = field(default_factory=list)


@dataclass
class Coverage:
    """What the examples exercise: every cell with its hits, and the problems found."""

    cells: list[Cell]
    problems: list[str]
    valid_count: int
    rejected_count: int
    matrix: tuple[list[str], list[str], dict[tuple[str, str], str]] = ([], [], {})
    #: misbehaving errata cases (they document a release's known faults; a draft reviews them before release)
    errata_problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every cell hit and no problem."""
        return not self.problems and not self.errata_problems and all(cell.hits for cell in self.cells)

    def table(self) -> str:
        """The coverage as a text table, per group."""
        groups: dict[str, list[Cell]] = {}
        for cell in self.cells:
            groups.setdefault(cell.group, []).append(cell)
        lines = [
            f"example coverage: {self.valid_count} valid document(s), {self.rejected_count} rejected case(s)",
            f"  {'what':<34} {'covered':>7} {'total':>6} {'%':>6}",
        ]
        covered_all = 0
        for name, cells in groups.items():
            covered = sum(1 for c in cells if c.hits)
            covered_all += covered
            lines.append(f"  {name:<34} {covered:>7} {len(cells):>6} {100 * covered / len(cells):>6.1f}")
        total = len(self.cells)
        lines.append(f"  {'all':<34} {covered_all:>7} {total:>6} {100 * covered_all / max(total, 1):>6.1f}")
        rows, columns, marks = self.matrix
        if rows:
            lines.append("  fields by place (x used, . unused, - not allowed):")
            width = max(len(r) for r in rows)
            for i, column in enumerate(columns):
                lines.append(f"    {' ' * width}  {'| ' * i}{column}")
            for row in rows:
                lines.append(f"    {row:<{width}}  " + " ".join(marks.get((row, c), "-") for c in columns))
        missing = [f"{c.group}: {c.item}" for c in self.cells if not c.hits]
        if missing:
            lines.append("  not covered:")
            lines += [f"    {item}" for item in missing]
        if self.problems or self.errata_problems:
            lines.append("  fixtures that do not behave as their sidecar says:")
            lines += [f"    {problem}" for problem in [*self.problems, *self.errata_problems]]
        return "\n".join(lines)


# -- reading validation errors ---------------------------------------------------------------------
def error_pointer(error: jsonschema.ValidationError) -> str:
    """The JSON Pointer of the value a validation error is about."""
    return join_pointer(error.absolute_path)


def error_tree(errors: Iterable[jsonschema.ValidationError]) -> Iterator[jsonschema.ValidationError]:
    """The errors and, depth first, those of their ``anyOf``/``oneOf`` branches."""
    for error in errors:
        yield error
        yield from error_tree(error.context or [])


def _is_within(outer: str, inner: str) -> bool:
    return outer == "" or inner == outer or inner.startswith(outer + "/")


def _resolve(schema: dict[str, Any], ref: str) -> Any:
    node: Any = schema
    for part in split_pointer(ref.removeprefix("#")):
        node = node[part]
    return node


def schema_nodes(schema: dict[str, Any], error: jsonschema.ValidationError) -> list[Any]:
    """The schema nodes an error's keyword was reached through (local ``$ref`` followed)."""
    node: Any = schema
    nodes = [node]
    for part in error.absolute_schema_path:
        while isinstance(node, dict) and "$ref" in node and part not in node:
            node = _resolve(schema, node["$ref"])
            nodes.append(node)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        nodes.append(node)
    return nodes


def _concerns(error: jsonschema.ValidationError, member: str | None) -> bool:
    if member is None:
        return True
    instance = error.instance if isinstance(error.instance, dict) else {}
    if error.validator == "required":
        return member in error.validator_value and member not in instance
    return member in instance


def applied_rules(schema: dict[str, Any]) -> set[str]:
    """The ``$comment`` markers of the rule fragments present in a generated schema."""
    return {n["$comment"] for n in walk_objects(schema) if isinstance(n.get("$comment"), str)}


def check_case(
    validator: jsonschema.Draft7Validator,
    schema: dict[str, Any],
    document: Any,
    expect: dict[str, Any],
    markers: set[str] | None = None,
) -> list[str]:
    """Why the document does not get the verdict its expectation states (empty when it does)."""
    errors = list(validator.iter_errors(document))
    if expect.get("valid", False):
        return [f"rejected at {error_pointer(e) or '/'}: {e.message[:120]}" for e in errors[:3]]
    if not errors:
        return ["accepted, expected to be rejected"]
    path, keyword, member = expect.get("path", ""), expect.get("keyword"), expect.get("field")
    problems = [
        f"also rejected elsewhere, at {error_pointer(e) or '/'}: {e.message[:120]}"
        for e in errors
        if not (_is_within(error_pointer(e), path) or _is_within(path, error_pointer(e)))
    ]
    tree = list(error_tree(errors))
    matching = [
        e
        for e in tree
        if error_pointer(e) == path and (keyword is None or e.validator == keyword) and _concerns(e, member)
    ]
    if not matching:
        what = f"`{keyword}`" if keyword else "any"
        problems.append(f"no {what} error at {path or '/'}" + (f" about {member}" if member else ""))
    rule = expect.get("rule")
    if rule:
        marker = rule_comment(str(rule))
        fragments = [n for e in tree for n in schema_nodes(schema, e) if isinstance(n, dict)]
        applied = applied_rules(schema) if markers is None else markers
        if marker in applied and not any(n.get("$comment") == marker for n in fragments):
            problems.append(f"not rejected by the fragment of rule {rule}")
    return problems


# -- what the model asks to be covered ---------------------------------------------------------------
def _slot_keywords(schema: dict[str, Any], node: Any) -> set[str]:
    """Constraint keywords a property schema applies to its value (not those of a nested class)."""
    found: set[str] = set()
    if not isinstance(node, dict):
        return found
    if "$ref" in node:
        target = _resolve(schema, node["$ref"])
        if "enum" in target:
            found |= _slot_keywords(schema, target)
        elif "type" in target:
            found.add("type")
    for keyword in SLOT_KEYWORDS:
        if keyword not in node:
            continue
        if keyword == "anyOf":
            branches = [b for b in node["anyOf"] if b != {"type": "null"}]
            if len(branches) == 1:
                found |= _slot_keywords(schema, branches[0])
            else:
                found.add("anyOf")
        else:
            found.add(keyword)
    for key in ("items",):
        found |= _slot_keywords(schema, node.get(key))
    for branch in node.get("allOf", []):
        found |= _slot_keywords(schema, branch)
    return found


def _label(index: ModelIndex, key: str, name: str) -> str:
    return key if key == name or (index.field_prefix and key.startswith(index.field_prefix)) else f"{key} ({name})"


class _Cells:
    def __init__(self) -> None:
        self.cells: dict[tuple[str, str], Cell] = {}

    def add(self, group: str, item: str) -> None:
        self.cells.setdefault((group, item), Cell(group, item))

    def hit(self, group: str, item: str, by: str) -> None:
        cell = self.cells.get((group, item))
        if cell is not None and by not in cell.hits:
            cell.hits.append(by)


G_FIELDS = "fields at each allowed place"
G_SLOTS = "slots of nested objects"
G_ENUMS = "closed enum values"
G_FORMS = "value forms"
G_RULES = "rules (rejected cases)"
G_CONSTRAINTS = "constraints (rejected cases)"


def _declare(index: ModelIndex, schema: dict[str, Any], cells: _Cells) -> list[str]:
    places = index.places()
    field_classes = set(index.field_classes())
    entries = set(index.entry_points.values())
    for place, cls in places:
        for key, info in index.slots(cls).items():
            if key.startswith(index.field_prefix) and not info.absent:
                cells.add(G_FIELDS, f"{key} @ {place}")
    reachable = index.reachable_classes()
    for cls in reachable:
        if cls not in field_classes and cls not in entries:
            for key in index.slots(cls):
                cells.add(G_SLOTS, f"{cls}.{key}")
    seen_slots: set[str] = set()
    for cls in reachable:
        definition = schema["$defs"].get(cls, {})
        for key, info in index.slots(cls).items():
            for name in info.ranges:
                if index.kind(name) == KIND_ENUM and not index.is_open_enum(name):
                    for value in index.enum_values(name):
                        cells.add(G_ENUMS, f"{name}: {value}")
            label = _label(index, key, info.name)
            if info.name not in seen_slots:
                seen_slots.add(info.name)
                if len(info.ranges) > 1:
                    for name in info.ranges:
                        cells.add(G_FORMS, f"{label} as {name}")
                if info.nullable:
                    cells.add(G_FORMS, f"{label} as null")
                if info.one_or_many:
                    cells.add(G_FORMS, f"{label} as a single value")
                    cells.add(G_FORMS, f"{label} as a list")
                if info.listed and any(index.kind(r) == KIND_CLASS for r in info.ranges):
                    cells.add(G_FORMS, f"{label} with two or more items")
            if info.absent:
                cells.add(G_CONSTRAINTS, f"{cls}: forbidden {key}")
                continue
            if cls in entries and key == index.discriminator:
                continue  # its value selects the class: it cannot fail once the class applies
            for keyword in sorted(_slot_keywords(schema, definition.get("properties", {}).get(key))):
                cells.add(G_CONSTRAINTS, f"{label}: {keyword}")
        fixed = {k for k, i in index.slots(cls).items() if i.equals_string}
        for key in definition.get("required", []):
            if key not in fixed:  # a missing fixed value is the `const` cell of that slot
                cells.add(G_CONSTRAINTS, f"{cls}: required {key}")
        for keyword in CLASS_KEYWORDS:
            if keyword in definition and definition[keyword] is not True and not isinstance(definition[keyword], dict):
                cells.add(G_CONSTRAINTS, f"{cls}: {keyword}")
    for rule in index.resolved.rules:
        if rule.enforced:
            cells.add(G_RULES, f"{rule.id}: {rule.title}")
    return [place for place, _ in places]


def _record_valid(index: ModelIndex, visits: list[Visit], name: str, cells: _Cells) -> None:
    for visit in visits:
        info = visit.slot
        label = _label(index, info.key, info.name)
        if not visit.element:
            cells.hit(G_FIELDS, f"{info.key} @ {visit.holder}", name)
            cells.hit(G_SLOTS, f"{info.owner}.{info.key}", name)
            if info.one_or_many and visit.value is not None:
                form = "a list" if isinstance(visit.value, list) else "a single value"
                cells.hit(G_FORMS, f"{label} as {form}", name)
            if isinstance(visit.value, list) and len(visit.value) >= 2:
                cells.hit(G_FORMS, f"{label} with two or more items", name)
            continue
        if visit.value is None and info.nullable:
            cells.hit(G_FORMS, f"{label} as null", name)
        if visit.alternative:
            cells.hit(G_FORMS, f"{label} as {visit.alternative}", name)
            if isinstance(visit.value, str):
                cells.hit(G_ENUMS, f"{visit.alternative}: {visit.value}", name)


def _record_rejected(index: ModelIndex, fixture: Fixture, cells: _Cells) -> None:
    expect = fixture.expect or {}
    name = fixture.path
    if expect.get("rule"):
        rule = str(expect["rule"])
        for cell in list(cells.cells.values()):
            if cell.group == G_RULES and cell.item.split(":", 1)[0] == rule:
                cells.hit(G_RULES, cell.item, name)
    keyword, path, member = expect.get("keyword"), expect.get("path", ""), expect.get("field")
    if not keyword:
        return
    objects = index.objects(fixture.document, lenient=True)
    if keyword in OBJECT_LEVEL and path in objects:
        cls = objects[path]
        if keyword == "required":
            cells.hit(G_CONSTRAINTS, f"{cls}: required {member}", name)
        elif keyword == "not":
            cells.hit(G_CONSTRAINTS, f"{cls}: forbidden {member}", name)
        else:
            cells.hit(G_CONSTRAINTS, f"{cls}: {keyword}", name)
        return
    for visit in index.walk(fixture.document, lenient=True):
        if visit.pointer == path:
            cells.hit(G_CONSTRAINTS, f"{_label(index, visit.slot.key, visit.slot.name)}: {keyword}", name)
            return


def measure(model: SourceModel, schema: dict[str, Any], fixtures: list[Fixture]) -> Coverage:
    """Check every fixture against its expectation and measure what the fixtures cover."""
    index = ModelIndex(resolve(model))
    validator = jsonschema.Draft7Validator(schema)
    cells = _Cells()
    places = _declare(index, schema, cells)
    problems: list[str] = []
    errata_problems: list[str] = []
    markers = applied_rules(schema)
    valid_count = rejected_count = 0
    must_fail = model.config.get("fixtures", "must_fail_group")
    for fixture in fixtures:
        expect = fixture.expect if fixture.expect is not None else {"valid": True}
        issues = check_case(validator, schema, fixture.document, expect, markers)
        found = errata_problems if expect.get("erratum") else problems
        found += [f"{fixture.path}: {issue}" for issue in issues]
        if issues:
            continue
        if fixture.expect is None:
            valid_count += 1
            _record_valid(index, list(index.walk(fixture.document)), fixture.path, cells)
        elif fixture.group == must_fail and not expect.get("valid", False):
            rejected_count += 1
            _record_rejected(index, fixture, cells)
    fields = {c.item.split(" @ ")[0] for c in cells.cells.values() if c.group == G_FIELDS}
    rows = sorted(fields, key=_field_order(index))
    marks = {}
    for cell in cells.cells.values():
        if cell.group == G_FIELDS:
            row, column = cell.item.split(" @ ")
            marks[(row, column)] = "x" if cell.hits else "."
    matrix = (rows, places, marks)
    return Coverage(list(cells.cells.values()), problems, valid_count, rejected_count, matrix, errata_problems)


def _field_order(index: ModelIndex) -> Any:
    order: dict[str, int] = {}
    for cls in index.field_classes():
        for key in index.slots(cls):
            order.setdefault(key, len(order))
    return lambda key: order.get(key, len(order))
