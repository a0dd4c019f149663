"""stac_mlm.dask: an NDJSON catalog partitioned over a Dask bag gets the same verdicts as the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import documents
from support.cli import run, write_ndjson

dask = pytest.importorskip("dask", reason="dask is not installed (pip install 'stac-mlm[dask]')")
import dask.bag as db  # noqa: E402
from stac_mlm.dask import judge_partition, validate_bag  # noqa: E402


@pytest.fixture
def catalog(tmp_path: Path) -> list[Path]:
    bad = documents.downscaling_item()
    bad["properties"]["mlm:input"] = "one"
    first = write_ndjson(tmp_path / "part-0.ndjson", [documents.landcover_item(), bad, [1]])
    second = tmp_path / "part-1.ndjson"
    second.write_text(json.dumps(documents.model_collection()) + "\n\n" + '{"cut": \n')
    return [first, second]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_bag_verdicts_match_the_command_line(catalog: list[Path], scheduler: str, capsys) -> None:
    bag = db.read_text([str(p) for p in catalog], include_path=True)
    assert bag.npartitions == 2
    records = validate_bag(bag).compute(scheduler=scheduler)
    expected = run(["validate", "--format", "json", *map(str, catalog)], capsys).records()
    assert len(records) == 5
    for record, cli in zip(records, expected, strict=True):
        assert Path(record["source"].rsplit(":", 1)[0]).resolve() == Path(cli["source"].rsplit(":", 1)[0]).resolve()
        assert record["source"].rsplit(":", 1)[1] == cli["source"].rsplit(":", 1)[1]
        assert (record["valid"], record["errors"]) == (cli["valid"], cli["errors"])
    assert [r["valid"] for r in records] == [True, False, False, True, False]


def test_summaries_with_bag_operations(catalog: list[Path]) -> None:
    results = validate_bag(db.read_text([str(p) for p in catalog]))
    counts = dict(results.pluck("valid").frequencies().compute(scheduler="synchronous"))
    assert counts == {True: 2, False: 3}
    invalid = results.filter(lambda r: not r["valid"]).pluck("errors").compute(scheduler="synchronous")
    assert invalid[0][0]["path"] == "/properties/mlm:input"


def test_bags_of_parsed_documents_and_bytes() -> None:
    wrong = documents.landcover_item()
    wrong["properties"]["mlm:name"] = 5
    bag = db.from_sequence([documents.landcover_item(), b"[]", "{}", wrong], npartitions=2)
    records = validate_bag(bag).compute(scheduler="synchronous")
    assert [r["valid"] for r in records] == [True, False, True, False]
    assert records[1]["errors"][0]["message"].startswith("expected a JSON object")


def test_partition_function_counts_lines_per_file() -> None:
    records = judge_partition([("{}\n", "a"), ("\n", "a"), ("[]\n", "a"), ("{}", "b")])
    assert [r["source"] for r in records] == ["a:1", "a:3", "b:1"]
