"""The recommendations target: schema/recommendations.yaml is copied for the runtime and every code gets a docs
entry with its passing and failing documents; the generator checks the data's shape, not its meaning."""

from __future__ import annotations

import json

import pytest
import yaml
from stac_ext_codegen.model import ModelError
from stac_ext_codegen.targets import recommendations as target
from support.paths import REPO, SCHEMA_DIR

DATA = yaml.safe_load((SCHEMA_DIR / "recommendations.yaml").read_text(encoding="utf-8"))
RUNTIME_COPY = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "recommendations.json"


def test_runtime_copy_holds_every_recommendation() -> None:
    copied = json.loads(RUNTIME_COPY.read_text(encoding="utf-8"))
    assert copied == target._checked(DATA, "recommendations.yaml")
    assert {e["id"] for e in copied["recommendations"]} == {e["id"] for e in DATA["recommendations"]}


@pytest.mark.parametrize("entry", DATA["recommendations"], ids=[e["id"] for e in DATA["recommendations"]])
def test_docs_page_lists_each_code_with_both_documents(entry: dict) -> None:
    page = target.page(target._checked(DATA, "recommendations.yaml"))
    section = page.split(f"\n### {entry['id']}\n", 1)[1].split("\n### ", 1)[0]
    assert entry["title"] in section
    assert json.dumps(entry["passing"], indent=2, ensure_ascii=False) in section.split("Failing:")[0]
    assert json.dumps(entry["failing"], indent=2, ensure_ascii=False) in section.split("Failing:")[1]
    assert f"[{entry['id']}](#{entry['id'].lower()})" in page


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        ({"recommendations": [{"id": "X1"}]}, "recommendation 0 lacks"),
        ({"recommendations": [DATA["recommendations"][0]] * 2}, "is used twice"),
        ({"recommendations": [{**DATA["recommendations"][0], "check": {}}]}, "names no kind"),
        ({}, "needs a `recommendations` list"),
    ],
)
def test_malformed_data_is_refused(broken: dict, words: str) -> None:
    with pytest.raises(ModelError, match=words):
        target._checked(broken, "recommendations.yaml")
