"""Messages a person can act on (issue 14): each case named there, with its wording checked against the model
(descriptions and rule summaries are read from the bundled schema and the generated classes, never copied)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm._schema import bundle
from stac_mlm.models import ItemProperties
from stac_mlm.validation import judge
from support import documents
from support.cli import run

PEERS = Path(__file__).parent.parent / "fixtures" / "peers"


def _one(change: Any) -> stac_mlm.Problem:
    item = documents.landcover_item()
    change(item)
    problems = stac_mlm.validate(item)
    assert len(problems) == 1, problems
    return problems[0]


def test_failed_choice_names_what_the_closest_alternative_misses() -> None:
    problem = _one(
        lambda d: d["properties"]["mlm:input"][0].__setitem__("value_scaling", [{"type": "z-score", "mean": 1}])
    )
    assert "`stddev` is required" in problem.message
    assert "closest accepted form" in problem.message


def test_pattern_is_explained_in_the_words_of_the_model() -> None:
    problem = _one(lambda d: d["properties"].__setitem__("mlm:framework_version", "2.1"))
    field = ItemProperties.model_fields["mlm_framework_version"]
    described = str(field.description)
    assert described[1:40] in problem.message  # the model's description, not the expression
    assert problem.pattern is not None and problem.pattern not in problem.message
    assert problem.to_dict()["pattern"] == problem.pattern
    [pattern] = [m.pattern for m in field.metadata if getattr(m, "pattern", None)] or [
        part.pattern for m in field.metadata for part in getattr(m, "metadata", []) if getattr(part, "pattern", None)
    ]
    assert problem.pattern == pattern


def test_rule_note_names_the_rule_and_dumps_nothing() -> None:
    problem = _one(
        lambda d: (
            d["assets"]["weights"].__setitem__("roles", ["data"]) or d["assets"]["weights"].pop("mlm:artifact_type")
        )
    )
    assert problem.rule is not None and f"rule {problem.rule}" in problem.message
    assert "{" not in problem.message and "$comment" not in problem.message
    assert problem.to_dict()["rule"] == problem.rule


def test_root_path_is_rendered_the_same_in_text_and_json(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.json"
    path.write_text("[1]", encoding="utf-8")
    [problem] = stac_mlm.validate([1])
    assert str(problem).startswith('"": ')
    text = run(["validate", str(path)], capsys).out.splitlines()
    record = run(["validate", "--format", "json", str(path)], capsys).records()[0]
    assert record["errors"][0]["path"] == ""
    assert text[1].startswith('  "": ')


@pytest.mark.parametrize(
    "document", [{}, {"type": "Catalog", "id": "c", "stac_version": "1.1.0"}], ids=["empty", "catalog"]
)
def test_json_that_is_not_mlm_keeps_the_verdict_with_a_warning(
    document: dict[str, Any], tmp_path: Path, capsys
) -> None:
    verdict = judge(document)
    assert verdict.valid and verdict.warnings and "not an MLM Item or Collection" in verdict.warnings[0]
    path = tmp_path / "thing.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    as_json = run(["validate", "--format", "json", str(path)], capsys)
    assert as_json.code == 0 and as_json.records()[0]["warnings"] == verdict.warnings
    as_text = run(["validate", str(path)], capsys)
    assert as_text.code == 0 and "warning: not an MLM Item or Collection" in as_text.out
    required = run(["validate", "--require-mlm", "--format", "json", str(path)], capsys)
    assert required.code == 1 and "not an MLM Item or Collection" in required.records()[0]["errors"][0]["message"]


def test_peer_document_declaring_an_unreleased_version_is_told_what_to_do(capsys) -> None:
    path = PEERS / "stac-model-0.7.0-eurosat_resnet.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    declared = next(u for u in document["stac_extensions"] if "/mlm/" in u).split("/")[-2]
    if bundle().get(declared) is not None:  # a spec editor's draft of that version is bundled
        pytest.skip(f"the package holds {declared} (a draft of it), so documents declaring it are judged by it")
    [problem] = stac_mlm.validate(document)
    assert declared in problem.message and "not a release" in problem.message
    assert "stac-mlm migrate" in problem.message
    migrated = stac_mlm.migrate(document)
    assert stac_mlm.validate(migrated.document) == []


def test_pystac_accessor_errors_are_plain_sentences() -> None:
    pystac = pytest.importorskip("pystac")
    from stac_mlm.pystac import StacMLMExtension

    item = pystac.Item.from_dict(documents.landcover_item())
    mlm = StacMLMExtension.ext(item)
    with pytest.raises(ValueError) as raised:
        mlm.total_parameters = -5
    message = str(raised.value)
    assert message.startswith("mlm:total_parameters cannot be set to -5: ")
    for internal in ("function-after", "functools", " at 0x", "[type=", "validation error"):
        assert internal not in message
