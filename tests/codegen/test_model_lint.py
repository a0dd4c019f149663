"""The model lint (issue 22, c): each mistake an editor makes in a scratch copy of schema/ stops `generate` and
`check` with one line naming the file, the line and, where there is one, a suggestion; never a traceback."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from stac_ext_codegen.cli import main as codegen
from stac_ext_codegen.config import find_config
from stac_ext_codegen.modellint import lint_directory, vocabulary
from stac_ext_codegen.stockforms import map_classes
from support.paths import SCHEMA_DIR

Edit = Callable[[Path], tuple[str, int, list[str]]]  # edits a scratch schema/: (file, line, words the error has)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _replace_line(path: Path, number: int, old: str, new: str) -> None:
    lines = _lines(path)
    assert old in lines[number - 1], (path, number, old)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def _first(path: Path, pattern: str) -> tuple[int, re.Match[str]]:
    """The first line (1-based) matching a regular expression, and the match."""
    for number, line in enumerate(_lines(path), 1):
        match = re.search(pattern, line)
        if match:
            return number, match
    raise AssertionError(f"{path.name}: no line matches {pattern!r}")


def _model_file_with(pattern: str, schema: Path) -> Path:
    for path in sorted(schema.glob("*.yaml")):
        if path.name not in {"rules.yaml", "codegen.yaml", "versions.yaml"} and any(
            re.search(pattern, line) for line in _lines(path)
        ):
            return path
    raise AssertionError(f"no model file has a line matching {pattern!r}")


def _swap(word: str) -> str:
    """A typo: the last two letters swapped."""
    return word[:-2] + word[-1] + word[-2]


def unknown_annotation(schema: Path) -> tuple[str, int, list[str]]:
    tag = next(t for t, e in vocabulary().items() if "slot" in e["applies_to"] and not t.endswith("."))
    path = _model_file_with(rf"^\s+{tag}:", schema)
    number, _ = _first(path, rf"^\s+{tag}:")
    typo = tag[:2] + tag[3:]  # a letter dropped (`nulable`)
    _replace_line(path, number, f"{tag}:", f"{typo}:")
    return path.name, number, [f"unknown annotation `{typo}`", f"did you mean `{tag}`"]


def unknown_slot_in_slot_usage(schema: Path) -> tuple[str, int, list[str]]:
    path = schema / "mlm.yaml"
    usage, _ = _first(path, r"^    slot_usage:")
    number = usage + 1
    slot = _lines(path)[number - 1].strip().rstrip(":")
    _replace_line(path, number, f"{slot}:", f"{_swap(slot)}:")
    return path.name, number, [f"unknown slot `{_swap(slot)}`", f"did you mean `{slot}`"]


def unknown_slot_in_slots(schema: Path) -> tuple[str, int, list[str]]:
    path = _model_file_with(r"^    slots: \[", schema)
    number, match = _first(path, r"^    slots: \[(\w+)")
    slot = match.group(1)
    _replace_line(path, number, f"[{slot}", f"[{_swap(slot)}")
    return path.name, number, [f"unknown slot `{_swap(slot)}`", f"did you mean `{slot}`"]


def unknown_metaslot(schema: Path) -> tuple[str, int, list[str]]:
    path = _model_file_with(r"^\s+minimum_value:", schema)
    number, _ = _first(path, r"^\s+minimum_value:")
    _replace_line(path, number, "minimum_value:", "minimum_valeu:")
    return path.name, number, ["metaslot `minimum_valeu`", "did you mean `minimum_value`"]


def unknown_range(schema: Path) -> tuple[str, int, list[str]]:
    path = _model_file_with(r"^    range: \w+$", schema)  # a top-level slot's range
    number, match = _first(path, r"^    range: (\w+)$")
    slot = next(
        line.strip().rstrip(":") for line in reversed(_lines(path)[: number - 1]) if re.match(r"^  \w+:$", line)
    )
    wrong = _swap(match.group(1))
    _replace_line(path, number, f"range: {match.group(1)}", f"range: {wrong}")
    return path.name, number, [f"slot `{slot}`", f"unknown range `{wrong}`", f"did you mean `{match.group(1)}`"]


def enum_value_breaking_the_naming_rule(schema: Path) -> tuple[str, int, list[str]]:
    path = _model_file_with(r"^enums:", schema)
    enums = yaml.safe_load(path.read_text(encoding="utf-8"))["enums"]
    name, enum = next((n, e) for n, e in enums.items() if not (e.get("annotations") or {}).get("open_enum"))
    value = next(iter(enum["permissible_values"]))
    start, _ = _first(path, rf"^  {name}:")
    lines = _lines(path)
    number = next(n for n in range(start, len(lines) + 1) if lines[n - 1].startswith(f"      {value}:"))
    _replace_line(path, number, f"{value}:", f"{value.upper()}_2:")
    return path.name, number, [f"enum `{name}`", f"`{value.upper()}_2` breaks the naming rule"]


def rule_naming_an_unknown_field(schema: Path) -> tuple[str, int, list[str]]:
    path = schema / "rules.yaml"
    number, match = _first(path, r"^    fields: \[\"?([\w:]+)")
    field = match.group(1)
    _replace_line(path, number, field, _swap(field))
    return path.name, number, [f"unknown field `{_swap(field)}`", f"did you mean `{field}`"]


def yaml_syntax_error(schema: Path) -> tuple[str, int, list[str]]:
    path = _model_file_with(r"^    range: \w+$", schema)
    number, match = _first(path, r"^    range: (\w+)$")
    _replace_line(path, number, match.group(0).strip(), f"range: {match.group(1)}: {match.group(1)}")
    return path.name, number, ["not valid YAML"]


def unknown_range_of_map_values(schema: Path) -> tuple[str, int, list[str]]:
    path = _model_file_with(r"^\s+range_expression:$", schema)
    start, _ = _first(path, r"^\s+range_expression:$")
    number = start + 1
    value = _lines(path)[number - 1].split("range:")[1].strip()
    owner = next(line.strip().rstrip(":") for line in reversed(_lines(path)[:start]) if re.match(r"^  \w+:$", line))
    _replace_line(path, number, f"range: {value}", f"range: {_swap(value)}")
    return path.name, number, [f"class `{owner}`", f"unknown range `{_swap(value)}`", f"did you mean `{value}`"]


def multivalued_map_slot(schema: Path) -> tuple[str, int, list[str]]:
    documents = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(schema.glob("*.yaml"))}
    maps = map_classes(documents)
    assert maps, "the model has no map class"
    path = _model_file_with(rf"^    range: ({'|'.join(maps)})$", schema)
    number, match = _first(path, rf"^    range: ({'|'.join(maps)})$")
    lines = _lines(path)
    lines.insert(number, "    multivalued: true")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path.name, number + 1, [f"`{match.group(1)}` is a map class", "drop `multivalued`"]


MISTAKES: list[Edit] = [
    unknown_annotation,
    unknown_slot_in_slot_usage,
    unknown_slot_in_slots,
    unknown_metaslot,
    unknown_range,
    enum_value_breaking_the_naming_rule,
    rule_naming_an_unknown_field,
    yaml_syntax_error,
    unknown_range_of_map_values,
    multivalued_map_slot,
]


def _run(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = codegen(["--root", str(root), *args])
    return code, out.getvalue()


def test_the_committed_model_has_no_mistake() -> None:
    config = find_config(SCHEMA_DIR)
    assert lint_directory(SCHEMA_DIR, config.model_root, config.rules_file) == []


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.__name__)
def test_a_mistake_is_one_line_with_file_line_and_suggestion(mistake: Edit, tmp_path: Path) -> None:
    schema = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema)
    name, line, words = mistake(schema)
    for command in ("generate", "check"):
        code, out = _run(tmp_path, command)
        assert code == 2 and "Traceback" not in out, out
        hits = [text for text in out.splitlines() if text.startswith(f"schema/{name}:{line}: ")]
        assert len(hits) == 1, out
        for word in words:
            assert word in hits[0], (word, out)
