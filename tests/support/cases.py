"""Named verdict cases: a base document, one change, and the verdict the official schema gives.

Three families:
- ``UPSTREAM_CASES``: every schema case of the official test suite (tests/test_schema.py at v1.5.2),
  applied to the official examples (need the upstream data);
- ``RULE_CASES``: a valid and an invalid document for each rule R1-R14, built from the project's own
  documents (run everywhere);
- ``ERRATA_CASES``: one case per documented erratum (docs/errata.md), pinning the reproduced behaviour.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import documents as own

Doc = dict[str, Any]


@dataclass(frozen=True)
class Case:
    id: str
    base: str  # "upstream:<example file>" or "own:<builder name>"
    change: Callable[[Doc], Any]
    valid: bool
    note: str = ""
    needs_extension_schemas: bool = False  # the verdict comes from an extension's own schema too


def _props(d: Doc) -> Doc:
    return d["properties"]


def _input(d: Doc, i: int = 0) -> Doc:
    return d["properties"]["mlm:input"][i]


def _output(d: Doc, i: int = 0) -> Doc:
    return d["properties"]["mlm:output"][i]


def _set(path: list[Any], value: Any) -> Callable[[Doc], None]:
    def change(d: Doc) -> None:
        node = d
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = copy.deepcopy(value)

    return change


def _delete(path: list[Any]) -> Callable[[Doc], None]:
    def change(d: Doc) -> None:
        node = d
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return change


def _seq(*changes: Callable[[Doc], Any]) -> Callable[[Doc], None]:
    def change(d: Doc) -> None:
        for step in changes:
            step(d)

    return change


def _nothing(d: Doc) -> None:
    return None


P = "properties"
RUNTIME_ASSET = {
    "type": "text/x-python",
    "href": "https://example.com/package/",
    "roles": ["code", "mlm:source_code", "mlm:inference-runtime"],
    "title": "Model Inference Code",
    "mlm:entrypoint": "package.inference:main",
}
CHECKPOINT = {
    "type": "application/octet-stream; application=pytorch",
    "href": "https://example.com/sample/checkpoint.pt",
    "title": "Model Weights Checkpoint",
}


def _only_model_asset(extra: Doc) -> Callable[[Doc], None]:
    return _set(["assets"], {"model": {**CHECKPOINT, **extra}})


def _copy_input_bands_to_output(d: Doc) -> None:
    _output(d)["bands"] = copy.deepcopy(_input(d)["bands"])


def _empty_output_bands_with_dimension(d: Doc) -> None:
    _copy_input_bands_to_output(d)
    _output(d)["bands"] = []
    _output(d)["result"]["dim_order"].append("bands")


UPSTREAM_CASES: list[Case] = [
    # test_mlm_no_undefined_prefixed_field_item_properties
    Case("upstream-11a-original", "upstream:item_raster_bands.json", _nothing, True),
    Case(
        "upstream-11b-unknown-mlm-field", "upstream:item_raster_bands.json", _set([P, "mlm:unknown"], "random"), False
    ),
    Case(
        "upstream-11c-artifact-type-in-properties",
        "upstream:item_raster_bands.json",
        _set([P, "mlm:artifact_type"], "torch.save"),
        False,
    ),
    # test_mlm_no_undefined_prefixed_field_asset_properties
    *[
        Case(
            f"upstream-12-asset-{field.replace(':', '-')}",
            "upstream:item_raster_bands.json",
            _set(["assets", "weights", field], value),
            False,
        )
        for field, value in [
            ("mlm:unknown", "random"),
            ("mlm:name", "test-model"),
            ("mlm:input", []),
            ("mlm:output", []),
            ("mlm:hyperparameters", {"test": {}}),
        ]
    ],
    Case(
        "upstream-17-asset-accelerator-override",
        "upstream:item_raster_bands.json",
        _set(["assets", "weights", "mlm:accelerator"], "cuda"),
        True,
    ),
    Case(
        "upstream-18-raster-bands-removed",
        "upstream:item_raster_bands.json",
        _delete(["assets", "weights", "raster:bands"]),
        False,
    ),
    Case(
        "upstream-19-eo-bands-only-in-item",
        "upstream:item_eo_bands_summarized.json",
        _delete(["assets", "weights", "eo:bands"]),
        False,
        "rejected by the eo extension schema, not by MLM",
        needs_extension_schemas=True,
    ),
    Case(
        "upstream-20a-bands-without-dimension",
        "upstream:item_raster_bands.json",
        lambda d: _input(d)["input"].__setitem__("dim_order", ["channel", "height", "width"]),
        False,
    ),
    Case(
        "upstream-20b-empty-bands-with-dimension",
        "upstream:item_raster_bands.json",
        lambda d: _input(d).__setitem__("bands", []),
        False,
    ),
    Case(
        "upstream-20c-output-bands-without-dimension",
        "upstream:item_raster_bands.json",
        _copy_input_bands_to_output,
        False,
    ),
    Case(
        "upstream-20d-output-empty-bands-with-dimension",
        "upstream:item_raster_bands.json",
        _empty_output_bands_with_dimension,
        False,
    ),
    Case(
        "upstream-21a-variables-without-dimension",
        "upstream:item_datacube_variables.json",
        lambda d: _input(d)["input"].__setitem__("dim_order", ["channel", "height", "width"]),
        False,
    ),
    Case(
        "upstream-21b-empty-variables",
        "upstream:item_datacube_variables.json",
        lambda d: _input(d).__setitem__("variables", []),
        False,
    ),
    Case(
        "upstream-21c-output-variables-without-dimension",
        "upstream:item_datacube_variables.json",
        lambda d: _output(d)["result"].__setitem__("dim_order", ["channel", "height", "width"]),
        False,
    ),
    Case(
        "upstream-21d-output-empty-variables",
        "upstream:item_datacube_variables.json",
        lambda d: _output(d).__setitem__("variables", []),
        False,
    ),
    Case("upstream-22a-empty-input-list", "upstream:item_basic.json", _set([P, "mlm:input"], []), True),
    Case("upstream-22b-missing-input", "upstream:item_basic.json", _delete([P, "mlm:input"]), False),
    *[
        Case(
            f"upstream-23-scaling-{i}",
            "upstream:item_basic.json",
            lambda d, s=scaling: _input(d).__setitem__("value_scaling", copy.deepcopy(s)),
            ok,
        )
        for i, (scaling, ok) in enumerate(
            [
                ([{"type": "unknown", "mean": 1, "stddev": 2}], False),
                ([{"type": "min-max", "mean": 1, "stddev": 2}], False),
                ([{"type": "z-score", "minimum": 1, "maximum": 2}], False),
                ([{"type": "min-max", "mean": 1, "stddev": 2}, {"type": "min-max", "minimum": 1, "maximum": 2}], False),
                ([{"type": "z-score", "mean": 1, "stddev": 2}, {"type": "z-score", "minimum": 1, "maximum": 2}], False),
                ([{"type": "min-max", "minimum": 1, "maximum": 2}], True),
                ([{"type": "z-score", "mean": 1, "stddev": 2, "minimum": 1, "maximum": 2}], True),
                ([{"type": "processing"}], False),
                ([{"type": "processing", "format": "test", "expression": "test"}], True),
                (
                    [
                        {"type": "processing", "format": "test", "expression": "test"},
                        {"type": "min-max", "minimum": 1, "maximum": 2},
                    ],
                    True,
                ),
            ]
        )
    ],
    Case(
        "upstream-33-other-assets",
        "upstream:item_basic.json",
        lambda d: d["assets"].update(
            {
                "sample": {
                    "type": "image/jpeg",
                    "href": "https://example.com/sample/output.jpg",
                    "roles": ["preview"],
                    "title": "Model Output Predictions Sample",
                },
                "model-cart": {
                    "type": "text/markdown",
                    "href": "https://example.com/sample/model.md",
                    "roles": ["metadata"],
                    "title": "Model Cart",
                },
            }
        ),
        True,
    ),
    Case(
        "upstream-34-checkpoint-only", "upstream:item_basic.json", _only_model_asset({"roles": ["checkpoint"]}), False
    ),
    Case(
        "upstream-35-model-role-without-artifact-type",
        "upstream:item_basic.json",
        _only_model_asset({"roles": ["checkpoint", "mlm:model"]}),
        False,
    ),
    Case(
        "upstream-36-artifact-type-without-model-role",
        "upstream:item_basic.json",
        _only_model_asset({"roles": ["checkpoint"], "mlm:artifact_type": "test"}),
        False,
    ),
    Case(
        "upstream-37-model-role-and-artifact-type",
        "upstream:item_basic.json",
        _only_model_asset({"roles": ["checkpoint", "mlm:model"], "mlm:artifact_type": "test"}),
        True,
    ),
    Case(
        "upstream-38a-artifact-type-not-string",
        "upstream:item_basic.json",
        _set(["assets", "model", "mlm:artifact_type"], 1234),
        False,
    ),
    Case(
        "upstream-38b-artifact-type-empty",
        "upstream:item_basic.json",
        _set(["assets", "model", "mlm:artifact_type"], ""),
        False,
    ),
    Case(
        "upstream-39-entrypoint-on-code-asset",
        "upstream:item_basic.json",
        _set(["assets", "runtime"], RUNTIME_ASSET),
        True,
    ),
    Case(
        "upstream-40-entrypoint-without-code-role",
        "upstream:item_basic.json",
        _set(["assets", "runtime"], {**RUNTIME_ASSET, "roles": ["mlm:inference-runtime"]}),
        False,
    ),
    Case(
        "upstream-41-entrypoint-in-properties",
        "upstream:item_basic.json",
        _set([P, "mlm:entrypoint"], "package.inference:main"),
        False,
    ),
]

L = "own:landcover_item"
V = "own:downscaling_item"
C = "own:model_collection"

RULE_CASES: list[Case] = [
    Case("R1-catalog-unchecked", L, _seq(_set(["type"], "Catalog"), _delete([P, "mlm:name"])), True),
    Case("R1-no-type-unchecked", L, _seq(_delete(["type"]), _set([P, "mlm:tasks"], ["nope"])), True),
    Case("R1-feature-checked", L, _set([P, "mlm:tasks"], ["nope"]), False),
    Case("R2-mlm-url-missing", L, _set(["stac_extensions"], [own.RASTER]), False),
    Case(
        "R2-other-mlm-version",
        L,
        _set(["stac_extensions"], ["https://stac-extensions.github.io/mlm/v1.0.1/schema.json", own.RASTER]),
        False,
    ),
    Case("R2-collection-url-missing", C, _set(["stac_extensions"], []), False),
    Case(
        "R2-url-among-others",
        L,
        _set(["stac_extensions"], [own.EO, own.RASTER, own.MLM, "https://example.com/x.json"]),
        True,
    ),
    Case("R3-name-required", L, _delete([P, "mlm:name"]), False),
    Case("R3-architecture-required", L, _delete([P, "mlm:architecture"]), False),
    Case("R3-tasks-required", L, _delete([P, "mlm:tasks"]), False),
    Case("R3-output-required", L, _delete([P, "mlm:output"]), False),
    Case("R3-compile-method-forbidden", L, _set([P, "mlm:compile_method"], "jit"), False),
    Case(
        "R3-optional-fields-absent",
        L,
        lambda d: [
            _props(d).pop(k)
            for k in list(_props(d))
            if k.startswith("mlm:")
            and k not in {"mlm:name", "mlm:architecture", "mlm:tasks", "mlm:input", "mlm:output"}
        ],
        True,
    ),
    Case("R4-input-on-asset", L, _set(["assets", "weights", "mlm:input"], []), False),
    Case("R4-hyperparameters-on-collection-asset", C, _set(["assets", "card", "mlm:hyperparameters"], {"a": 1}), False),
    Case("R4-name-on-item-assets", C, _set(["item_assets", "weights", "mlm:name"], "abc"), False),
    Case("R4-tasks-on-asset", L, _set(["assets", "weights", "mlm:tasks"], ["segmentation"]), True),
    Case(
        "R5-three-of-four-in-summary",
        C,
        _set(["summaries", "mlm_block"], {"mlm:input": [], "mlm:output": [], "mlm:artifact_type": "torch.save"}),
        True,
    ),
    Case(
        "R5-all-four-in-summary",
        C,
        _set(
            ["summaries", "mlm_block"],
            {"mlm:input": [], "mlm:output": [], "mlm:artifact_type": "torch.save", "mlm:compile_method": "aot"},
        ),
        False,
    ),
    Case("R5-unknown-mlm-key-in-summary", C, _set(["summaries", "stats"], {"mlm:nope": 1}), False),
    Case(
        "R6-bands-need-dimension",
        L,
        lambda d: _input(d)["input"].__setitem__("dim_order", ["batch", "c", "h", "w"]),
        False,
    ),
    Case("R6-dimension-needs-bands", L, lambda d: _input(d).__setitem__("bands", []), False),
    Case(
        "R6-variables-need-dimension",
        V,
        lambda d: _output(d)["result"].__setitem__("dim_order", ["batch", "var", "lat", "lon"]),
        False,
    ),
    Case(
        "R6-no-bands-no-dimension",
        L,
        _seq(
            lambda d: _input(d).pop("bands"),
            lambda d: _input(d)["input"].__setitem__("dim_order", ["batch", "c", "h", "w"]),
        ),
        True,
    ),
    Case("R7-raster-bands-removed", L, _delete(["assets", "weights", "raster:bands"]), False),
    Case(
        "R7-raster-band-without-name", L, _set(["assets", "weights", "raster:bands"], [{"data_type": "uint16"}]), False
    ),
    Case(
        "R7-raster-extension-v2",
        L,
        _set(["stac_extensions"], [own.MLM, "https://stac-extensions.github.io/raster/v2.0.0/schema.json"]),
        False,
    ),
    Case(
        "R7-eo-bands-in-properties",
        L,
        _seq(_set(["stac_extensions"], [own.MLM, own.EO]), _set([P, "eo:bands"], [{"name": b} for b in own.S2_BANDS])),
        True,
    ),
    Case(
        "R7-stac-1-1-bands",
        L,
        _seq(
            _set(["stac_extensions"], [own.MLM]),
            _set(["stac_version"], "1.1.0"),
            _set([P, "bands"], [{"name": b} for b in own.S2_BANDS]),
        ),
        True,
    ),
    Case(
        "R7-stac-1-1-bands-on-asset-only",
        L,
        _seq(
            _set(["stac_extensions"], [own.MLM]),
            _set(["stac_version"], "1.1.0"),
            _set(["assets", "weights", "bands"], [{"name": b} for b in own.S2_BANDS]),
        ),
        False,
    ),
    Case(
        "R7-mixed-inputs-not-checked",
        L,
        _seq(
            _delete(["assets", "weights", "raster:bands"]),
            lambda d: _props(d)["mlm:input"].append(
                {
                    "name": "dem",
                    "input": {
                        "shape": [-1, 1, 256, 256],
                        "dim_order": ["batch", "channel", "height", "width"],
                        "data_type": "float32",
                    },
                }
            ),
        ),
        True,
    ),
    Case("R8-cube-variables-removed", V, _delete([P, "cube:variables"]), False),
    Case(
        "R8-datacube-v1",
        V,
        _set(["stac_extensions"], [own.MLM, "https://stac-extensions.github.io/datacube/v1.0.0/schema.json"]),
        False,
    ),
    Case(
        "R8-cube-variables-on-model-asset",
        V,
        _seq(_delete([P, "cube:variables"]), _set(["assets", "model", "cube:variables"], {"t2m": {"type": "data"}})),
        True,
    ),
    Case("R9-no-model-asset", L, lambda d: d["assets"]["weights"].__setitem__("roles", ["mlm:weights"]), False),
    Case(
        "R9-empty-assets",
        L,
        _seq(
            _set(["assets"], {}), _set(["stac_extensions"], [own.MLM, own.EO]), _set([P, "eo:bands"], [{"name": "B02"}])
        ),
        True,
    ),
    Case("R10-artifact-type-missing", L, _delete(["assets", "weights", "mlm:artifact_type"]), False),
    Case("R10-artifact-type-on-code", L, _set(["assets", "code", "mlm:artifact_type"], "torch.save"), False),
    Case("R10-collection-model-asset-without-type", C, _delete(["item_assets", "weights", "mlm:artifact_type"]), True),
    Case("R11-entrypoint-needs-code-role", L, _set(["assets", "code", "roles"], ["mlm:source_code"]), False),
    Case("R11-entrypoint-empty", L, _set(["assets", "code", "mlm:entrypoint"], ""), False),
    Case("R11-entrypoint-with-code-role", L, _set(["assets", "code", "roles"], ["metadata", "code"]), True),
    Case(
        "R13-band-format-without-expression",
        L,
        lambda d: _input(d)["bands"].append({"name": "NDVI", "format": "rio-calc"}),
        False,
    ),
    Case(
        "R13-band-object-extra-key", L, lambda d: _input(d)["bands"].__setitem__(0, {"name": "B02", "unit": "m"}), False
    ),
    Case(
        "R13-derived-band",
        L,
        _seq(
            lambda d: _input(d)["bands"].append(
                {"name": "NDVI", "format": "rio-calc", "expression": "(B08-B04)/(B08+B04)"}
            ),
            lambda d: d["assets"]["weights"]["raster:bands"].append({"name": "NDVI"}),
        ),
        True,
    ),
    Case("R14-unknown-mlm-field-on-asset", L, _set(["assets", "weights", "mlm:weights_format"], "pt"), False),
    Case("R14-other-prefix-free", L, _set([P, "custom:anything"], {"x": [1, 2]}), True),
]

ERRATA_CASES: list[Case] = [
    Case("E1-cpu-accelerator-rejected", L, _set([P, "mlm:accelerator"], "cpu"), False),
    Case("E2-task-outside-enum-rejected", L, _set([P, "mlm:tasks"], ["segmentation", "change-detection"]), False),
    Case("E3-pretrained-false-with-source-accepted", L, _set([P, "mlm:pretrained"], False), True),
    Case(
        "E3-pretrained-false-without-source-accepted",
        L,
        _seq(_set([P, "mlm:pretrained"], False), _delete([P, "mlm:pretrained_source"])),
        True,
    ),
    Case("E4-compile-method-null-rejected", V, _set(["assets", "model", "mlm:compile_method"], None), False),
    Case("E5-summary-list-rejected", C, _set(["summaries", "mlm:tasks"], ["segmentation"]), False),
    Case(
        "E6-summary-three-forbidden-fields-accepted",
        C,
        _set(["summaries", "block"], {"mlm:input": [], "mlm:output": [], "mlm:compile_method": "jit"}),
        True,
    ),
    Case("E7-zero-dimension-accepted", L, lambda d: _input(d)["input"].__setitem__("shape", [0, 4, 256, 256]), True),
    Case("E8-null-scaling-type-rejected", L, lambda d: _input(d).__setitem__("value_scaling", [{"type": None}]), False),
    Case("E9-item-assets-array-accepted", L, _set(["assets"], []), True),
    Case("E10-top-level-mlm-field-unchecked", L, _set(["mlm:entrypoint"], 42), True),
    Case(
        "E10-link-mlm-field-unchecked", L, _set(["links"], [{"rel": "derived_from", "href": "x", "mlm:foo": 1}]), True
    ),
    Case(
        "E11-shape-dim-order-length-unchecked", L, lambda d: _input(d)["input"].__setitem__("shape", [-1, 4, 256]), True
    ),
    Case(
        "E12-legacy-input-keys-accepted",
        L,
        lambda d: _input(d).update({"norm_type": "z-score", "statistics": [1]}),
        True,
    ),
    Case(
        "E13-collection-model-asset-without-artifact-type",
        C,
        _set(["assets", "weights"], {"href": "w.pt", "roles": ["mlm:model"]}),
        True,
    ),
]
