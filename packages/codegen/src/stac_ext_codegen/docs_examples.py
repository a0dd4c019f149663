"""Examples for the docs site: the example files with their verdicts, and the check of the rules' own examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import ModelError, SourceModel


def _examples(root: Path, folder: Path) -> list[dict[str, Any]]:
    """Example files (``*.json``, sidecars ``*.expected.json`` attached), for rendering."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*.json")):
        if path.name.endswith(".expected.json"):
            continue
        relative = path.relative_to(folder)
        sidecar = path.with_name(path.stem + ".expected.json")
        text = path.read_text(encoding="utf-8")
        try:
            document = json.loads(text)
        except ValueError:
            document = None
        found.append(
            {
                "path": relative.as_posix(),
                "group": relative.parts[0] if len(relative.parts) > 1 else "valid",
                "page": f"examples/{relative.with_suffix('').as_posix()}.md",
                "raw": f"examples/raw/{relative.as_posix()}",
                "text": text.rstrip("\n"),
                "document": document,
                "sidecar": sidecar.read_text(encoding="utf-8").rstrip("\n") if sidecar.is_file() else None,
                "source": path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path),
            }
        )
    return found


def _example_schema(schema: dict[str, Any], rule: dict[str, Any], target: str | None) -> dict[str, Any]:
    """The schema a rule's example is checked against (see the header of the rules file)."""
    if target is None:
        return schema
    fragments = [a["json_schema"] for a in rule.get("apply", []) or [] if a.get("to") == target]
    if fragments:
        return {"allOf": fragments, "$defs": schema["$defs"]}
    if target not in schema["$defs"]:
        raise ModelError(f"rule {rule.get('id')}: example is checked as {target!r}, which the schema does not define")
    return {"$ref": f"#/$defs/{target}", "$defs": schema["$defs"]}


def check_rule_examples(model: SourceModel, schema: dict[str, Any]) -> list[str]:
    """Each rule example must get its verdict: ``valid`` ones pass, ``invalid`` ones fail. Returns failures."""
    import jsonschema

    failures = []
    for rule in model.rules:
        examples = rule.get("examples") or {}
        for verdict in ("valid", "invalid"):
            for number, example in enumerate(examples.get(verdict, []) or [], 1):
                if not isinstance(example, dict) or "json" not in example:
                    failures.append(f"rule {rule.get('id')}: {verdict} example {number} has no `json`")
                    continue
                checked = _example_schema(schema, rule, example.get("object"))
                passes = jsonschema.Draft7Validator(checked).is_valid(example["json"])
                if passes != (verdict == "valid"):
                    got = "passes" if passes else "fails"
                    note = example.get("note", "")
                    failures.append(f"rule {rule.get('id')}: {verdict} example {number} {got} ({note})")
    return failures


def _verdict(schema: dict[str, Any], document: Any) -> list[str]:
    import jsonschema

    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    # brackets escaped: a pattern's `[a-z][0-9]` would read as a Markdown reference link
    return [f"`{e.json_path}`: " + e.message[:300].replace("[", "\\[") for e in errors]
