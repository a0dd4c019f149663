"""stac_mlm.describe_torch beside stac-model 0.7.0's from_torch on the same module: which fields each fills,
whether each matches the module, and whether the official v1.5.2 schema accepts each Item.

The table is measured here (`nox -s tests_torch -- -s` prints it); docs/describe.md must hold the same table
between its `comparison` markers, so the page cannot drift from what the code does.
"""

from __future__ import annotations

import datetime
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

torch = pytest.importorskip("torch", reason="PyTorch is not installed (nox -s tests_torch installs it)")

from runtime.describe.artifacts import official_errors  # noqa: E402
from stac_mlm import SCHEMA_URL  # noqa: E402
from stac_mlm.describing import describe_torch  # noqa: E402
from support.paths import DOCS_DIR  # noqa: E402

from .models import TinySegmenter, parameters  # noqa: E402

EXAMPLE = (2, 4, 16, 16)
TASKS = ["segmentation"]
GEOMETRY = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
WHEN = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
START, END = "<!-- comparison:start -->", "<!-- comparison:end -->"


@pytest.fixture
def from_torch(monkeypatch: pytest.MonkeyPatch) -> Any:
    """stac-model's from_torch. Its module imports torchvision's Normalize, used only for weights that
    carry transforms (not here); PyPI's torchvision does not load beside the CPU build of torch this
    session installs, so a stand-in module provides the name."""
    pytest.importorskip("kornia", reason="stac-model's torch module needs kornia")
    vision, transforms, v2 = (types.ModuleType(n) for n in ("torchvision", "torchvision.transforms", "v2"))
    transforms.Normalize = v2.Normalize = type("Normalize", (), {})  # type: ignore[attr-defined]
    transforms.v2 = v2  # type: ignore[attr-defined]
    vision.transforms = transforms  # type: ignore[attr-defined]
    for name, module in (("torchvision", vision), ("torchvision.transforms", transforms)):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setitem(sys.modules, "torchvision.transforms.v2", v2)
    export = pytest.importorskip("stac_model.torch.export", reason="stac-model 0.7.0 is not installed")
    return export.from_torch


def _show(value: Any) -> str:
    if value is None:
        return "—"
    text = json.dumps(value, ensure_ascii=False)
    return f"`{text if len(text) <= 48 else text[:45] + '...'}`"


def _check(value: Any, truth: Any) -> str:
    return _show(value) + (" ✓" if value == truth else f" ✗ (module: {_show(truth)})")


def _version(url: str) -> str:
    return next((part for part in url.split("/") if part.startswith("v") and part[1:2].isdigit()), url)


def _verdict(item: dict[str, Any]) -> str:
    errors = official_errors(item)
    if not errors:
        return "accepted"
    where = sorted({error.split(": ", 1)[0] or "/" for error in errors})
    return f"rejected ({len(errors)} error{'s' if len(errors) > 1 else ''} at {', '.join(f'`{w}`' for w in where)})"


def _rows(item: dict[str, Any], module: Any, traced: Any) -> list[str]:
    props = item.get("properties", {})
    first_in = (props.get("mlm:input") or [{}])[0].get("input", {})
    first_out = (props.get("mlm:output") or [{}])[0]
    result = first_out.get("result", {})
    model = next((a for a in item.get("assets", {}).values() if "mlm:model" in a.get("roles", [])), None)
    classes = first_out.get("classification:classes")
    with_url = json.loads(json.dumps(item))
    with_url["stac_extensions"] = [u for u in item["stac_extensions"] if "/mlm/" not in u] + [SCHEMA_URL]
    return [
        _show(props.get("mlm:name")),
        _show(props.get("mlm:architecture")),
        _show(props.get("mlm:tasks")),
        _show(props.get("mlm:framework")),
        _show(props.get("mlm:framework_version")),
        _check(props.get("mlm:total_parameters"), parameters(module)),
        _check(first_in.get("shape"), [-1, *EXAMPLE[1:]]),
        _show(first_in.get("dim_order")),
        _check(result.get("shape"), [-1, *traced.shape[1:]]),
        _show(result.get("dim_order")),
        f"{len(classes)} generated" if classes else "—",
        f"{_show(model['href'])}, {_show(model.get('mlm:artifact_type'))}" if model else "none",
        ", ".join(f"`{_version(u)}`" for u in item["stac_extensions"] if "/mlm/" in u),
        _verdict(item),
        _verdict(with_url),
    ]


FIELDS = [
    "`mlm:name`",
    "`mlm:architecture`",
    "`mlm:tasks` (both given `segmentation`)",
    "`mlm:framework`",
    "`mlm:framework_version`",
    "`mlm:total_parameters`",
    "input `shape`",
    "input `dim_order`",
    "output `shape`",
    "output `dim_order`",
    "output `classification:classes`",
    "model asset (`href`, `mlm:artifact_type`)",
    "MLM schema version in `stac_extensions`",
    "official v1.5.2 schema",
    "official v1.5.2 schema, MLM URL set to v1.5.2",
]


def table(theirs: list[str], ours: list[str]) -> str:
    lines = ["| field | stac-model 0.7.0 `from_torch` | stac_mlm `describe_torch` |", "|---|---|---|"]
    lines += [f"| {field} | {a} | {b} |" for field, a, b in zip(FIELDS, theirs, ours, strict=True)]
    return "\n".join(lines)


def _documented() -> str:
    text = (DOCS_DIR / "describe.md").read_text(encoding="utf-8")
    return text.split(START, 1)[1].split(END, 1)[0].strip()


@pytest.mark.upstream
def test_comparison_table_matches_the_docs(tmp_path: Path, from_torch: Any, upstream: Path) -> None:
    torch.manual_seed(0)
    module = TinySegmenter().eval()
    example = torch.randn(*EXAMPLE)
    traced = module(example)
    theirs = from_torch(
        module, set(TASKS), item_id="tiny-segmenter", collection="models", bbox=None, geometry=GEOMETRY, datetime=WHEN
    ).item.to_dict()
    ours = describe_torch(
        module,
        example,
        path=tmp_path / "tiny-segmenter.pt2",
        relative_to=tmp_path,
        geometry=GEOMETRY,
        datetime=WHEN.isoformat().replace("+00:00", "Z"),
        mlm_tasks=TASKS,
    ).item
    measured = table(_rows(theirs, module, traced), _rows(ours, module, traced))
    print(f"\n{measured}\n")
    assert official_errors(ours) == [], "describe_torch's Item must pass the official schema"
    assert measured == _documented(), f"docs/describe.md holds another table; the measured one is:\n{measured}"
