"""Small MLM documents written for this project, used as seeds when the upstream data is absent.

They are deliberately compact but realistic: a Sentinel-2 land-cover U-Net Item whose bands are
described with the raster extension, a datacube downscaling Item, and a Collection of models.
"""

from __future__ import annotations

import copy
from typing import Any

MLM = "https://stac-extensions.github.io/mlm/v1.5.2/schema.json"  # the release these seeds were written for
RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json"
EO = "https://stac-extensions.github.io/eo/v1.1.0/schema.json"
DATACUBE = "https://stac-extensions.github.io/datacube/v2.3.0/schema.json"

S2_BANDS = ["B02", "B03", "B04", "B08"]


def landcover_item() -> dict[str, Any]:
    """A U-Net that segments Sentinel-2 chips into land-cover classes."""
    return copy.deepcopy(
        {
            "stac_version": "1.0.0",
            "stac_extensions": [MLM, RASTER],
            "type": "Feature",
            "id": "s2-landcover-unet",
            "geometry": {"type": "Polygon", "coordinates": [[[-10, 35], [30, 35], [30, 60], [-10, 60], [-10, 35]]]},
            "bbox": [-10, 35, 30, 60],
            "properties": {
                "datetime": None,
                "start_datetime": "2021-01-01T00:00:00Z",
                "end_datetime": "2023-12-31T23:59:59Z",
                "description": "Four-band Sentinel-2 land-cover segmentation.",
                "mlm:name": "S2 land cover U-Net",
                "mlm:architecture": "U-Net",
                "mlm:tasks": ["segmentation", "semantic-segmentation"],
                "mlm:framework": "PyTorch",
                "mlm:framework_version": "2.3.1",
                "mlm:memory_size": 124000000,
                "mlm:total_parameters": 31000000,
                "mlm:pretrained": True,
                "mlm:pretrained_source": "ImageNet",
                "mlm:batch_size_suggestion": 16,
                "mlm:accelerator": "cuda",
                "mlm:accelerator_constrained": False,
                "mlm:accelerator_summary": "Any CUDA GPU with 8 GB of memory",
                "mlm:accelerator_count": 1,
                "mlm:hyperparameters": {"learning_rate": 0.001, "epochs": 60, "loss": "dice"},
                "mlm:input": [
                    {
                        "name": "Sentinel-2 L2A chip",
                        "bands": S2_BANDS,
                        "input": {
                            "shape": [-1, 4, 256, 256],
                            "dim_order": ["batch", "bands", "height", "width"],
                            "data_type": "float32",
                        },
                        "value_scaling": [{"type": "scale", "value": 10000}],
                        "resize_type": None,
                        "pre_processing_function": None,
                    }
                ],
                "mlm:output": [
                    {
                        "name": "land cover",
                        "tasks": ["semantic-segmentation"],
                        "result": {
                            "shape": [-1, 3, 256, 256],
                            "dim_order": ["batch", "class", "height", "width"],
                            "data_type": "float32",
                        },
                        "classification:classes": [
                            {"value": 0, "name": "water", "description": "Open water", "color_hint": "0000FF"},
                            {"value": 1, "name": "vegetation", "description": "Vegetated land", "color_hint": "00FF00"},
                            {"value": 2, "name": "built", "description": "Built-up area", "color_hint": "FF0000"},
                        ],
                        "post_processing_function": {"format": "python", "expression": "numpy:argmax"},
                    }
                ],
            },
            "assets": {
                "weights": {
                    "href": "https://example.com/models/s2-landcover-unet.pt",
                    "type": "application/octet-stream; application=pytorch",
                    "roles": ["mlm:model", "mlm:weights"],
                    "mlm:artifact_type": "torch.save",
                    "raster:bands": [{"name": band} for band in S2_BANDS],
                },
                "code": {
                    "href": "https://example.com/models/s2-landcover-unet/inference.py",
                    "type": "text/x-python",
                    "roles": ["code", "mlm:source_code"],
                    "mlm:entrypoint": "inference:predict",
                },
            },
            "links": [],
        }
    )


def downscaling_item() -> dict[str, Any]:
    """A model that downscales temperature fields described as datacube variables."""
    return copy.deepcopy(
        {
            "stac_version": "1.1.0",
            "stac_extensions": [MLM, DATACUBE],
            "type": "Feature",
            "id": "era5-t2m-downscaler",
            "geometry": None,
            "properties": {
                "datetime": "2024-06-01T00:00:00Z",
                "mlm:name": "ERA5 t2m downscaler",
                "mlm:architecture": "Residual CNN",
                "mlm:tasks": ["regression", "downscaling"],
                "mlm:input": [
                    {
                        "name": "coarse fields",
                        "variables": ["t2m", "z500"],
                        "input": {
                            "shape": [-1, 2, 32, 32],
                            "dim_order": ["batch", "variables", "lat", "lon"],
                            "data_type": "float32",
                        },
                        "value_scaling": [
                            {"type": "z-score", "mean": 285.1, "stddev": 12.4},
                            {"type": "z-score", "mean": 5600, "stddev": 140},
                        ],
                    }
                ],
                "mlm:output": [
                    {
                        "name": "fine t2m",
                        "tasks": ["downscaling"],
                        "variables": ["t2m"],
                        "result": {
                            "shape": [-1, 1, 128, 128],
                            "dim_order": ["batch", "variables", "lat", "lon"],
                            "data_type": "float32",
                        },
                    }
                ],
                "cube:dimensions": {"lat": {"type": "spatial", "axis": "y"}, "lon": {"type": "spatial", "axis": "x"}},
                "cube:variables": {"t2m": {"type": "data", "dimensions": ["lat", "lon"]}, "z500": {"type": "data"}},
            },
            "assets": {
                "model": {
                    "href": "https://example.com/downscaler.safetensors",
                    "roles": ["mlm:model"],
                    "mlm:artifact_type": "safetensors.torch.save_file",
                    "mlm:compile_method": "aot",
                }
            },
            "links": [],
        }
    )


def model_collection() -> dict[str, Any]:
    """A Collection of models with MLM fields in its assets, item_assets and summaries."""
    return copy.deepcopy(
        {
            "stac_version": "1.0.0",
            "stac_extensions": [MLM],
            "type": "Collection",
            "id": "landcover-models",
            "description": "Land-cover models.",
            "license": "Apache-2.0",
            "extent": {
                "spatial": {"bbox": [[-180, -90, 180, 90]]},
                "temporal": {"interval": [["2021-01-01T00:00:00Z", None]]},
            },
            "summaries": {
                "datetime": {"minimum": "2021-01-01T00:00:00Z", "maximum": "2023-12-31T23:59:59Z"},
                "mlm:total_parameters": {"minimum": 1000000, "maximum": 31000000},
            },
            "item_assets": {
                "weights": {"roles": ["mlm:model"], "mlm:artifact_type": "torch.save", "mlm:accelerator": "cuda"}
            },
            "assets": {
                "card": {"href": "https://example.com/card.md", "roles": ["metadata"], "mlm:framework": "PyTorch"}
            },
            "links": [],
        }
    )


SEEDS = {
    "own:landcover_item": landcover_item,
    "own:downscaling_item": downscaling_item,
    "own:model_collection": model_collection,
}


def for_schema(document: dict[str, Any], schema_url: str) -> dict[str, Any]:
    """The document declaring the MLM schema ``schema_url`` instead of the one it was written for."""
    document["stac_extensions"] = [schema_url if url == MLM else url for url in document.get("stac_extensions", [])]
    return document
