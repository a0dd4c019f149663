"""Domain hints: the few facts about STAC documents the strategies need beyond the LinkML model.

Data only. The model says which MLM fields exist and what each accepts; these hints say where a STAC
document puts things the model does not declare as slots (asset roles, the STAC version), which
tensor classes carry a dimension order, and how the cross-object rules of ``rules.yaml`` can be
satisfied (the definitions R7 and R8 accept). Every name used here is checked against the model by
tests/properties/test_strategies.py, so a renamed field or rule fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass

#: STAC core keys added to every generated document, with the values drawn for them.
STAC_VERSIONS = ("1.0.0", "1.1.0")
#: Values of `stac_version` that are not STAC 1.1 or later (used to undo that requirement).
OLDER_STAC_VERSIONS = ("1.0.0", "1.0.0-rc.2", "0.9.0")

#: Asset roles: the key, the enum of roles with a meaning, the roles the rules read.
ROLES_KEY = "roles"
ROLE_ENUM = "AssetRoleEnum"
MODEL_ROLE = "mlm:model"
CODE_ROLE = "code"
HREF_KEY = "href"

#: The slot of the model asset's "how it was saved" field (R10) and of the code entrypoint (R11).
ARTIFACT_TYPE_SLOT = "mlm_artifact_type"
ENTRYPOINT_SLOT = "mlm_entrypoint"

#: Tensor classes and the key of their structure object; the structure's dimension-order key.
TENSOR_STRUCTURES = {"ModelInput": "input", "ModelOutput": "result"}
DIM_ORDER_KEY = "dim_order"
#: List keys of a tensor that need a dimension of the same name when non-empty (R6).
STACKED_LISTS = ("bands", "variables")

#: Level classes: where an Item keeps its model-level fields, the asset level.
ITEM_PROPERTIES_CLASS = "ItemProperties"
ASSET_CLASS = "AssetFields"
SUMMARY_CLASS = "CollectionSummaryFields"


@dataclass(frozen=True)
class Definition:
    """One way to define the bands (or variables) that inputs and outputs list (rules R7, R8).

    ``requires`` names a def of rules.yaml the document must satisfy (an extension URL listed, a STAC
    version); ``key`` must then be given, non-empty, in one of ``places``: the Item properties, or
    every asset with the model role. ``shape`` is ``list`` (of objects with a name) or ``object``.
    """

    requires: str
    key: str
    places: tuple[str, ...]
    shape: str = "list"


BAND_DEFINITIONS = (
    Definition("UsesRasterV1", "raster:bands", ("model_assets",)),
    Definition("UsesEoV1", "eo:bands", ("properties", "model_assets")),
    Definition("StacVersion1_1OrLater", "bands", ("properties",)),
)
VARIABLE_DEFINITIONS = (Definition("UsesDatacubeV2", "cube:variables", ("properties", "model_assets"), "object"),)
#: Rules R7 and R8: which list key of the tensors triggers which definitions.
DEFINITIONS_BY_RULE = {"R7": ("bands", BAND_DEFINITIONS), "R8": ("variables", VARIABLE_DEFINITIONS)}
