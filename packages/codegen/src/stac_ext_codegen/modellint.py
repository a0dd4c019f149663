"""The model lint: mistakes in the source of a model reported as ``file:line: message`` (with a suggestion),
before any generator runs, instead of tracebacks or silent drops.

It reads the LinkML files as YAML with line numbers and checks them against LinkML's metamodel (metaslot names),
the model's own definitions (slots, ranges), the generator's annotation vocabulary (``vocabulary.yaml``), the
naming rule of closed enum values (``enum_value_pattern``), the fields the rules file names, and the version
strings (``version_strings.py``).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .metamodel import schema_section
from .model import ModelError
from .stockforms import EXTRA_SLOTS, RANGE_EXPRESSION, map_classes
from .yamlfile import SafeLoader, load_file

VOCABULARY = Path(__file__).with_name("vocabulary.yaml")
Location = tuple[str, ...]


class ModelLintError(ModelError):
    """Mistakes in the model's source files, one ``file:line: message`` per line."""


@dataclasses.dataclass(frozen=True)
class Finding:
    """One problem the model lint found, at a file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _suggest(word: str, candidates: Any) -> str:
    close = difflib.get_close_matches(word, sorted(map(str, candidates)), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def _kind(definition: Any) -> str:
    """``class``, ``slot``, ``enum``, ``type``, ``schema``, ``permissible_value``: from the metamodel's names."""
    return str(definition.class_name).removesuffix("_definition")


@dataclasses.dataclass(frozen=True)
class _Meta:
    """Names from LinkML's metamodel: the schema's sections and the kinds of element (none written here)."""

    classes_key: str
    slots_key: str
    enums_key: str
    types_key: str
    usage_key: str
    attributes_key: str
    values_key: str
    schema_kind: str
    class_kind: str
    slot_kind: str
    enum_kind: str
    type_kind: str
    value_kind: str
    metaslots: dict[str, frozenset[str]]


@functools.cache
def _meta() -> _Meta:
    from linkml_runtime.linkml_model import meta

    kinds = [
        meta.SchemaDefinition,
        meta.ClassDefinition,
        meta.SlotDefinition,
        meta.EnumDefinition,
        meta.TypeDefinition,
        meta.PermissibleValue,
    ]
    names = meta.slots
    return _Meta(
        schema_section(meta.ClassDefinition),
        schema_section(meta.SlotDefinition),
        schema_section(meta.EnumDefinition),
        schema_section(meta.TypeDefinition),
        names.slot_usage.name,
        names.attributes.name,
        names.permissible_values.name,
        *(_kind(k) for k in kinds),
        metaslots={_kind(k): frozenset(f.name for f in dataclasses.fields(k)) for k in kinds},
    )


def _metaslots() -> dict[str, frozenset[str]]:
    """Metaslot names per kind of element, from LinkML's metamodel."""
    return _meta().metaslots


@functools.cache
def _builtin_types() -> frozenset[str]:
    """The types of ``linkml:types``."""
    import linkml_runtime

    path = Path(linkml_runtime.__file__).parent / "linkml_model" / "model" / "schema" / "types.yaml"
    return frozenset((load_file(path) or {}).get(_meta().types_key) or {})


def vocabulary() -> dict[str, dict[str, Any]]:
    """The annotation tags the generator understands (``vocabulary.yaml``)."""
    data: dict[str, dict[str, Any]] = load_file(VOCABULARY)
    return data


# ----- YAML with line numbers ---------------------------------------------------------------------------------
def _lines(node: yaml.Node, where: Location, lines: dict[Location, int]) -> None:
    """Record the line of every key and list item under ``node``."""
    lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[(*where, str(key.value))] = key.start_mark.line + 1
            _lines(value, (*where, str(key.value)), lines)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            _lines(item, (*where, str(number)), lines)


@dataclasses.dataclass
class SourceFile:
    """One YAML file of the model: its data and the line of every key and list item."""

    name: str  # as shown in messages (relative to the repository root)
    data: Any
    lines: dict[Location, int]

    def line(self, where: Location) -> int:
        """The line of a location in the file (that of its nearest known parent)."""
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, 1)


def read_source(path: Path, shown: str) -> SourceFile:
    """A YAML file with line numbers; a syntax error raises ModelLintError naming the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=SafeLoader)
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ModelLintError(f"1 mistake in the model:\n{shown}:{line}: not valid YAML: {problem}") from None
    except OSError as error:
        raise ModelLintError(f"1 mistake in the model:\n{shown}: not readable ({error.strerror})") from None
    lines: dict[Location, int] = {}
    if node is not None:
        _lines(node, (), lines)
    return SourceFile(shown, data if data is not None else {}, lines)


# ----- the checks ---------------------------------------------------------------------------------------------
@dataclasses.dataclass
class _Model:
    files: list[SourceFile]
    rules: SourceFile | None

    def elements(self, section: str) -> Iterator[tuple[SourceFile, str, dict[str, Any]]]:
        for source in self.files:
            block = source.data.get(section) if isinstance(source.data, dict) else None
            for name, body in (block or {}).items() if isinstance(block, dict) else []:
                yield source, name, body if isinstance(body, dict) else {}

    def names(self, section: str) -> set[str]:
        return {name for _, name, _ in self.elements(section)}


def _check_keys(found: list[Finding], source: SourceFile, where: Location, body: Any, kind: str, what: str) -> None:
    if not isinstance(body, dict):
        return
    known = _metaslots()[kind]
    for key in body:
        if key not in known:
            message = f"{what}: unknown {kind.replace('_', ' ')} metaslot `{key}`{_suggest(key, known)}"
            found.append(Finding(source.name, source.line((*where, key)), message))
    _check_annotations(found, source, where, body, kind, what)


def _check_annotations(
    found: list[Finding], source: SourceFile, where: Location, body: Any, kind: str, what: str
) -> None:
    tags = body.get("annotations") if isinstance(body, dict) else None
    if not isinstance(tags, dict):
        return
    words = vocabulary()
    for tag, value in tags.items():
        entry = words.get(tag) or next((e for t, e in words.items() if t.endswith(".") and tag.startswith(t)), None)
        line = source.line((*where, "annotations", tag))
        if entry is None:
            found.append(Finding(source.name, line, f"{what}: unknown annotation `{tag}`{_suggest(tag, words)}"))
        elif kind not in entry["applies_to"]:
            allowed = ", ".join(entry["applies_to"])
            found.append(Finding(source.name, line, f"{what}: annotation `{tag}` applies to {allowed}, not a {kind}"))
        else:
            value = value.get("value") if isinstance(value, dict) else value
            allowed_values = entry.get("values")
            if isinstance(allowed_values, list) and str(value) not in allowed_values:
                choice = _suggest(str(value), allowed_values) or f" (one of {', '.join(allowed_values)})"
                found.append(Finding(source.name, line, f"{what}: `{tag}: {value}` is not allowed{choice}"))


def _check_range(
    found: list[Finding], source: SourceFile, where: Location, body: Any, what: str, known: set[str]
) -> None:
    if not isinstance(body, dict):
        return
    for key in ("range", "recommended"):
        value = body.get(key)
        if key == "range" and isinstance(value, str) and value not in known:
            found.append(
                Finding(
                    source.name, source.line((*where, key)), f"{what}: unknown range `{value}`{_suggest(value, known)}"
                )
            )
    for combinator in ("any_of", "exactly_one_of", "all_of", "none_of"):
        for number, option in enumerate(body.get(combinator) or []):
            _check_range(found, source, (*where, combinator, str(number)), option, what, known)


def _check_map_slot(
    found: list[Finding], source: SourceFile, where: Location, body: Any, what: str, maps: dict[str, str]
) -> None:
    """A slot whose range is a map class holds one map (the map holds the values): it is not multivalued."""
    if isinstance(body, dict) and body.get("range") in maps and body.get("multivalued"):
        message = f"{what}: its range `{body['range']}` is a map class, so it is single-valued; drop `multivalued`"
        found.append(Finding(source.name, source.line((*where, "multivalued")), message))


def _lint(model: _Model) -> list[Finding]:
    found: list[Finding] = []
    m = _meta()
    slots = model.names(m.slots_key)
    attributes = {n for _, _, body in model.elements(m.classes_key) for n in (body.get(m.attributes_key) or {})}
    ranges = model.names(m.classes_key) | model.names(m.enums_key) | model.names(m.types_key) | _builtin_types()
    for source in model.files:
        _check_keys(found, source, (), source.data, m.schema_kind, "the schema")
    maps = map_classes({source.name: source.data for source in model.files})
    for source, name, body in model.elements(m.slots_key):
        _check_keys(found, source, (m.slots_key, name), body, m.slot_kind, f"slot `{name}`")
        _check_range(found, source, (m.slots_key, name), body, f"slot `{name}`", ranges)
        _check_map_slot(found, source, (m.slots_key, name), body, f"slot `{name}`", maps)
    for source, name, body in model.elements(m.types_key):
        _check_keys(found, source, (m.types_key, name), body, m.type_kind, f"type `{name}`")
    for source, name, body in model.elements(m.classes_key):
        where = (m.classes_key, name)
        _check_keys(found, source, where, body, m.class_kind, f"class `{name}`")
        extra = body.get(EXTRA_SLOTS)
        if isinstance(extra, dict):  # a map class names the range of its values here
            place = (*where, EXTRA_SLOTS, RANGE_EXPRESSION)
            _check_range(found, source, place, extra.get(RANGE_EXPRESSION), f"class `{name}`, extra_slots", ranges)
        for number, slot in enumerate(body.get(m.slots_key) or []):
            if slot not in slots | attributes:
                message = f"class `{name}` lists an unknown slot `{slot}`{_suggest(slot, slots)}"
                found.append(Finding(source.name, source.line((*where, m.slots_key, str(number))), message))
        for group in (m.usage_key, m.attributes_key):
            for slot, facts in (body.get(group) or {}).items():
                place = (*where, group, slot)
                if group == m.usage_key and slot not in slots | attributes:
                    message = f"class `{name}`: slot_usage of an unknown slot `{slot}`{_suggest(slot, slots)}"
                    found.append(Finding(source.name, source.line(place), message))
                _check_keys(found, source, place, facts, m.slot_kind, f"class `{name}`, slot `{slot}`")
                _check_range(found, source, place, facts, f"class `{name}`, slot `{slot}`", ranges)
                _check_map_slot(found, source, place, facts, f"class `{name}`, slot `{slot}`", maps)
    patterns = [_annotation(s.data, "enum_value_pattern") for s in model.files]
    pattern = next((str(p) for p in patterns if p), None)
    for source, name, body in model.elements(m.enums_key):
        where = (m.enums_key, name)
        _check_keys(found, source, where, body, m.enum_kind, f"enum `{name}`")
        values = body.get(m.values_key) or {}
        closed = str(_annotation(body, "open_enum")).lower() != "true"
        for value, facts in values.items() if isinstance(values, dict) else []:
            place = (*where, m.values_key, value)
            _check_keys(found, source, place, facts or {}, m.value_kind, f"enum `{name}`, value `{value}`")
            if pattern and closed and not re.fullmatch(pattern, str(value)):
                message = f"enum `{name}`: the value `{value}` breaks the naming rule of closed enums ({pattern})"
                found.append(Finding(source.name, source.line(place), message))
    if model.rules is not None:
        found += _rule_fields(model, slots | attributes)
    return found


def _annotation(body: Any, tag: str) -> Any:
    tags = body.get("annotations") if isinstance(body, dict) else None
    value = tags.get(tag) if isinstance(tags, dict) else None
    return value.get("value") if isinstance(value, dict) else value


def _rule_fields(model: _Model, slot_names: set[str]) -> list[Finding]:
    """Fields named by the rules: a JSON key (a slot's alias or name) or ``Class.key``."""
    keys = set(slot_names)
    m = _meta()
    for _, name, body in model.elements(m.slots_key):
        keys.add(str(body.get("alias") or name))
    for _, _, body in model.elements(m.classes_key):
        for slot, facts in (body.get(m.attributes_key) or {}).items():
            keys.add(str((facts or {}).get("alias") or slot))
    class_names = model.names(m.classes_key)
    rules = model.rules
    assert rules is not None
    found = []
    for number, rule in enumerate((rules.data or {}).get("rules") or []):
        for index, field in enumerate((rule or {}).get("fields") or []):
            owner, _, key = (
                str(field).rpartition(".") if str(field).split(".")[0] in class_names else ("", "", str(field))
            )
            where = ("rules", str(number), "fields", str(index))
            if owner and owner not in class_names:
                continue
            if key not in keys:
                message = f"rule {rule.get('id', number + 1)}: unknown field `{field}`{_suggest(key, keys)}"
                found.append(Finding(rules.name, rules.line(where), message))
    return found


def lint_directory(directory: Path, root: str, rules: str, shown: Path | None = None) -> list[Finding]:
    """Lint the model whose root file is ``directory/root`` (file names shown relative to ``shown``)."""
    base = (shown or directory).resolve()

    def name_of(path: Path) -> str:
        resolved = path.resolve()
        return resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else str(path)

    files: list[SourceFile] = []
    pending, seen = [root], set()
    while pending:
        name = pending.pop(0)
        if name in seen or not (directory / name).is_file():
            continue
        seen.add(name)
        source = read_source(directory / name, name_of(directory / name))
        files.append(source)
        imports = source.data.get("imports") if isinstance(source.data, dict) else None
        for entry in imports or []:
            if ":" not in str(entry):
                pending.append(str(Path(name).parent / f"{entry}.yaml").removeprefix("./"))
    rules_source = read_source(directory / rules, name_of(directory / rules)) if (directory / rules).is_file() else None
    return _lint(_Model(files, rules_source))


def check_directory(directory: Path, root: str, rules: str, shown: Path | None = None) -> None:
    """Raise ModelLintError listing every finding (one per line), if any."""
    found = lint_directory(directory, root, rules, shown)
    if found:
        noun = "mistake" if len(found) == 1 else "mistakes"
        raise ModelLintError(f"{len(found)} {noun} in the model:\n" + "\n".join(map(str, found)))


def check_source(schema_dir: Path, shown: Path) -> None:
    """Lint the live model of a schema directory and, for a versioned source, its version strings; raise
    ModelLintError with every finding (file names relative to ``shown``, the repository root)."""
    from .config import find_config
    from .version_strings import problems
    from .versions import VersionError, VersionIndex

    config = find_config(schema_dir)
    found = [str(f) for f in lint_directory(schema_dir, config.model_root, config.rules_file, shown)]
    try:
        index = VersionIndex.find(schema_dir)
    except VersionError as error:
        raise ModelLintError(str(error)) from None
    if index is not None:
        prefix = (
            schema_dir.resolve().relative_to(shown.resolve()).as_posix()
            if schema_dir.resolve().is_relative_to(shown.resolve())
            else str(schema_dir)
        )
        versions = problems(schema_dir, config.model_root, config.rules_file, index.head, index.all)
        found += [f"{prefix}/{problem}" for problem in versions]
    if found:
        noun = "mistake" if len(found) == 1 else "mistakes"
        raise ModelLintError(f"{len(found)} {noun} in the model:\n" + "\n".join(found))
