"""Counts written in words in the model's prose ("the twenty MLM fields", "the five required fields", "three of
the four fields") agree with the model (issue 22): each is checked against what it counts."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from stac_ext_codegen.config import find_config
from stac_ext_codegen.model import SourceModel
from stac_ext_codegen.resolved import resolve
from support.paths import DOCS_DIR, REPO, SCHEMA_DIR

WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
]
WORDS += ["seventeen", "eighteen", "nineteen", "twenty"]
NUMBER = rf"\b(?P<n>{'|'.join(WORDS)}|\d+)\b"
RESOLVED = resolve(SourceModel.load(SCHEMA_DIR))
PREFIX = RESOLVED.field_prefix
FIELDS = {s.key for c in RESOLVED.class_map.values() for s in c.slots if s.key.startswith(PREFIX)}
TEXTS = [REPO / "README.md", *sorted(DOCS_DIR.rglob("*.md")), *sorted(SCHEMA_DIR.glob("*.yaml"))]


def _value(word: str) -> int:
    return int(word) if word.isdigit() else WORDS.index(word.lower())


def _mentions(pattern: str) -> list[tuple[Path, int]]:
    found = []
    for path in TEXTS:
        if path.name == "changelog.md":  # history states past counts
            continue
        for match in re.finditer(pattern, path.read_text(encoding="utf-8"), flags=re.IGNORECASE):
            found.append((path, _value(match["n"])))
    return found


def test_counts_of_the_extension_fields() -> None:
    prefix = re.escape(PREFIX.rstrip(":"))
    pattern = rf"{NUMBER} (?:`{prefix}:` |{prefix.upper()} )fields"
    assert re.search(pattern, f"one of the twelve {prefix.upper()} fields"), "the pattern finds a count"
    mentions = _mentions(pattern)  # none is best: a count in prose goes stale with the next field
    wrong = [f"{p.name}: {n}" for p, n in mentions if n != len(FIELDS)]
    assert not wrong, f"the model has {len(FIELDS)} fields: {wrong}"


def test_counts_in_rule_examples() -> None:
    """ "the N required fields" in an example checked as a class: that class's required fields; "N of the M
    fields" in a rule: M is the number of the rule's own extension fields, N the keys of the example."""
    rules = yaml.safe_load((SCHEMA_DIR / find_config(SCHEMA_DIR).rules_file).read_text(encoding="utf-8"))["rules"]
    checked = 0
    for rule in rules:
        own = [f for f in rule.get("fields") or [] if f.startswith(PREFIX)]
        for example in [e for group in (rule.get("examples") or {}).values() for e in group]:
            note = str(example.get("note", ""))
            required = re.search(rf"{NUMBER} required fields", note, flags=re.IGNORECASE)
            if required:
                cls = RESOLVED.class_map[example["object"]]
                assert _value(required["n"]) == sum(s.required for s in cls.slots), (rule["id"], note)
                checked += 1
            part = re.search(rf"{NUMBER} of the (?P<m>{'|'.join(WORDS)}) fields", note, flags=re.IGNORECASE)
            if part:
                assert _value(part["m"]) == len(own), (rule["id"], note)
                assert _value(part["n"]) == len([k for k in example["json"] if k in own]), (rule["id"], note)
                checked += 1
    assert checked
