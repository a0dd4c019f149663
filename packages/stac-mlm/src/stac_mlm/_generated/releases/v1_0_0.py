"""Pydantic classes of STAC Machine Learning Model (MLM) extension, version 1.0.0.

Generated from the LinkML model by stac_ext_codegen (``nox -s generate``): do not edit by hand.
Read documents with ``Class.from_dict(data)`` and write them with ``obj.to_dict()``; both keep the
document as it is (unknown keys, explicit nulls, number forms and key order). The JSON Schema
generated from the same model remains the authority on validity: these classes check types and
per-value constraints, not the rules that span several objects.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Self, cast, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
)
from pydantic._internal._model_construction import ModelMetaclass


def _whole_number(value: float) -> float:
    if not value.is_integer():
        raise ValueError("expected a whole number")
    return value


class _Deprecated:
    """A field's validator that warns (``DeprecationWarning``) when the deprecated field is given a value."""

    def __init__(self, key: str, note: str) -> None:
        self.key, self.note = key, note

    def __call__(self, value: Any) -> Any:
        warnings.warn(f"{self.key} is deprecated: {self.note}", DeprecationWarning, stacklevel=2)
        return value


def _unique_items(values: list[Any]) -> list[Any]:
    """Reject a list in which an item repeats (JSON Schema ``uniqueItems``)."""
    try:
        if len(set(values)) == len(values):  # no two equal in Python, so none equal in JSON either
            return values
    except TypeError:  # objects or lists among the items: compared one by one below
        pass
    for index, value in enumerate(values):
        if value in values[:index]:
            raise ValueError(f"items must not repeat ({value!r} appears twice)")
    return values


# JSON numbers keep the form they were written in: an integer field also accepts 3.0 (JSON Schema
# reads it as an integer) and keeps it a float; a number field keeps 0 an int. Type checkers see `int`
# (a document may still hold a whole float such as 3.0 there) and `float`.
# `Omittable[T]`: a field that may be left out but never holds null: `T | None` to a type checker (None
# while absent), `T` at run time (an explicit null in a document is an error).
if TYPE_CHECKING:
    from typing import Optional as Omittable

    JsonInteger = int
    JsonNumber = float
else:
    JsonInteger = Annotated[int, Strict()] | Annotated[float, Strict(), AfterValidator(_whole_number)]
    JsonNumber = Annotated[int, Strict()] | Annotated[float, Strict()]

    class Omittable:
        def __class_getitem__(cls, item: Any) -> Any:
            return item


def _not_an_object(value: Any) -> Any:
    if isinstance(value, dict):
        raise ValueError("an object here must hold valid entries")
    return value


# The keyword that takes keys a class does not define (keys the class keeps as they are).
EXTRA_FIELDS = "extra_fields"

# A JSON map whose JSON type is not checked (``json_map: lenient``): any value that is not an object.
NotAnObject = Annotated[Any, AfterValidator(_not_an_object)]


class _Construction(ModelMetaclass):
    """Checks the keywords of ``Class(...)`` (reading with ``from_dict`` does not go through it)."""

    if not TYPE_CHECKING:  # type checkers read each class's own ``__init__`` signature instead

        def __call__(cls, /, **data: Any) -> Any:
            """An unknown keyword is a ``TypeError``; keys the class does not define go in ``extra_fields``
            (a mapping), where the class keeps them. ``None`` for a field that may not be null leaves it out."""
            keywords = cls.__dict__.get("_keywords") or cls._keyword_names()
            extra = data.pop(EXTRA_FIELDS, None)
            unknown = [key for key in data if key not in keywords]
            if unknown:
                raise TypeError(_unknown_keywords(cls, unknown))
            for name in cls._omittable.intersection(data):
                if data[name] is None:
                    del data[name]
            for name, value in cls._constants.items():  # fixed values are written even when not given
                if name not in data and cls.model_fields[name].alias not in data:
                    data[name] = list(value) if isinstance(value, list) else value
            if extra:
                known = [key for key in extra if key in keywords]
                if known:
                    raise TypeError(f"{cls.__name__}: {', '.join(map(repr, known))} are fields, not extra keys")
                if cls.model_config.get("extra") == "forbid":
                    raise TypeError(f"{cls.__name__} takes no keys other than its fields")
                data.update(extra)
            return super().__call__(**data)


class ConfiguredBaseModel(BaseModel, metaclass=_Construction):
    """Base of the generated classes: JSON keys as aliases, unknown keys kept, lossless round trips."""

    model_config = ConfigDict(
        serialize_by_alias=True,
        validate_by_name=True,
        validate_by_alias=True,
        validate_assignment=True,
        extra="allow",
        use_enum_values=True,
        regex_engine="python-re",
    )

    _constants: ClassVar[dict[str, Any]] = {}
    _omittable: ClassVar[frozenset[str]] = frozenset()
    _keywords: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def _keyword_names(cls) -> frozenset[str]:
        fields = cls.model_fields
        names = frozenset(fields) | {field.alias for field in fields.values() if field.alias}
        cls._keywords = names
        return names

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Read a JSON object. Keys are JSON names only (Python attribute names are ordinary keys there).
        The object remembers ``data`` (not a copy) to write its keys back in the same order."""
        result = cls.model_validate(data, by_alias=True, by_name=False)
        # kept beside pydantic's private attributes (the classes declare none, so nothing else is there)
        object.__setattr__(result, "__pydantic_private__", {_SOURCE: data})
        return result

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: fields never set are left out; explicit nulls, unknown keys and number forms are
        kept, and so is the key order of the document read by ``from_dict``."""
        data: dict[str, Any] = self.__pydantic_serializer__.to_python(
            self, mode="json", by_alias=True, exclude_unset=True
        )
        private = self.__pydantic_private__
        source = private.get(_SOURCE) if private else None
        return data if source is None else _in_order(self, data, source)


# Where an object read by ``from_dict`` keeps the document it was read from, for its key order.
_SOURCE = "_source"


_NESTED: dict[type[BaseModel], list[tuple[str, str]]] = {}  # per class: fields that can hold objects
_CONTAINERS = (BaseModel, list, dict)


def _holds_objects(annotation: Any) -> bool:
    """True when values of this type can hold objects of the generated classes (untyped values cannot)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_objects(argument) for argument in get_args(annotation))


def _nested_fields(cls: type[BaseModel]) -> list[tuple[str, str]]:
    nested = [
        (name, field.alias or name)
        for name, field in cls.__pydantic_fields__.items()
        if _holds_objects(field.annotation) or any(_holds_objects(m) for m in field.metadata)
    ]
    _NESTED[cls] = nested
    return nested


def _in_order(value: Any, data: Any, source: Any) -> Any:
    """``data`` (the dump of ``value``) with the keys of each object made from a class in the order they
    have in ``source`` (new keys last). Values the classes do not type are dumped in their own order."""
    if isinstance(value, BaseModel):
        if type(data) is not dict or type(source) is not dict:
            return data
        if list(data) == list(source):
            ordered = data
        else:
            ordered = {key: data[key] for key in source if key in data}
            if len(ordered) < len(data):
                ordered.update((key, item) for key, item in data.items() if key not in ordered)
        cls = type(value)
        nested = _NESTED.get(cls)
        if nested is None:
            nested = _nested_fields(cls)
        fields = value.__dict__
        for name, key in nested:
            if key in ordered and key in source and isinstance(fields[name], _CONTAINERS):
                ordered[key] = _in_order(fields[name], ordered[key], source[key])
        extra = value.__pydantic_extra__
        if extra:  # a key spelled like a field's Python name is extra data: the field was not set
            for key in extra:
                field = cls.__pydantic_fields__.get(key)
                if field is not None and field.alias not in (None, key) and field.alias not in source:
                    ordered.pop(field.alias, None)
        return ordered
    if type(value) is list:
        if type(data) is not list or type(source) is not list:
            return data
        for item in value:
            if isinstance(item, _CONTAINERS):
                break
        else:  # no object made from a class inside: dumped in its own order
            return data
        size = len(source)
        return [_in_order(item, data[i], source[i]) if i < size else data[i] for i, item in enumerate(value)]
    if type(value) is dict:
        if type(data) is not dict or type(source) is not dict:
            return data
        for item in value.values():
            if isinstance(item, _CONTAINERS):
                break
        else:
            return data
        return {key: _in_order(item, data[key], source.get(key)) for key, item in value.items() if key in data}
    return data


def _unknown_keywords(cls: type[BaseModel], unknown: list[str]) -> str:
    """The message for keywords a class does not take, with the closest field name when there is one."""
    key = unknown[0]
    text = f"{cls.__name__}() got an unexpected keyword argument {key!r}"
    close = difflib.get_close_matches(key, list(cls.model_fields), n=1)
    if close:
        return f"{text}; did you mean {close[0]!r}?"
    if cls.model_config.get("extra") != "forbid":
        return f"{text} (keys the class does not define go in {EXTRA_FIELDS}=...)"
    return text


class TaskEnum(str, Enum):
    """
    The machine learning tasks a model or one of its outputs can perform. The schema accepts only these values (see erratum E2).
    """
    regression = "regression"
    """
    Predicts a continuous value for each sample or pixel.
    """
    classification = "classification"
    """
    Assigns one or more labels; use with a more specific task where one applies.
    """
    scene_classification = "scene-classification"
    """
    Assigns labels to a whole image or scene.
    """
    detection = "detection"
    """
    Finds things in the data, in general terms.
    """
    object_detection = "object-detection"
    """
    Finds objects and gives each a bounding box and a label.
    """
    segmentation = "segmentation"
    """
    Partitions the data into regions, in general terms.
    """
    semantic_segmentation = "semantic-segmentation"
    """
    Labels every pixel with a class.
    """
    instance_segmentation = "instance-segmentation"
    """
    Delineates each individual object with its own mask.
    """
    panoptic_segmentation = "panoptic-segmentation"
    """
    Combines semantic and instance segmentation in one output.
    """
    similarity_search = "similarity-search"
    """
    Produces representations used to retrieve similar items.
    """
    generative = "generative"
    """
    Produces new data, such as synthetic imagery.
    """
    image_captioning = "image-captioning"
    """
    Describes an image in natural language.
    """
    super_resolution = "super-resolution"
    """
    Raises the spatial resolution of imagery.
    """


class FrameworkEnum(str, Enum):
    """
    Recommended spellings of common frameworks. Other framework names are accepted.
    """
    PyTorch = "PyTorch"
    TensorFlow = "TensorFlow"
    Scikit_learn = "Scikit-learn"
    Huggingface = "Huggingface"
    Keras = "Keras"
    ONNX = "ONNX"
    rgee = "rgee"
    spatialRF = "spatialRF"
    JAX = "JAX"
    MXNet = "MXNet"
    Caffe = "Caffe"
    PyMC = "PyMC"
    Weka = "Weka"


class AcceleratorEnum(str, Enum):
    """
    Kinds of hardware a model can target. The schema accepts only these values, or null (see erratum E1 about `cpu`).
    """
    amd64 = "amd64"
    """
    A general-purpose x86-64 processor, with no accelerator.
    """
    cuda = "cuda"
    """
    An NVIDIA GPU through CUDA.
    """
    xla = "xla"
    """
    Hardware driven through the XLA compiler, such as a TPU.
    """
    amd_rocm = "amd-rocm"
    """
    An AMD GPU through ROCm.
    """
    intel_ipex_cpu = "intel-ipex-cpu"
    """
    An Intel processor through the Intel Extension for PyTorch.
    """
    intel_ipex_gpu = "intel-ipex-gpu"
    """
    An Intel GPU through the Intel Extension for PyTorch.
    """
    macos_arm = "macos-arm"
    """
    Apple silicon.
    """


class ResizeTypeEnum(str, Enum):
    """
    Ways to bring data to the input's spatial size. Closed list (or null).
    """
    crop = "crop"
    """
    Cut the data to size.
    """
    pad = "pad"
    """
    Extend the data to size with fill values.
    """
    interpolation_nearest = "interpolation-nearest"
    """
    Resample taking the nearest value.
    """
    interpolation_linear = "interpolation-linear"
    """
    Resample with bilinear interpolation.
    """
    interpolation_cubic = "interpolation-cubic"
    """
    Resample with bicubic interpolation.
    """
    interpolation_area = "interpolation-area"
    """
    Resample using the pixel-area relation.
    """
    interpolation_lanczos4 = "interpolation-lanczos4"
    """
    Resample with Lanczos interpolation over an 8x8 neighbourhood.
    """
    interpolation_max = "interpolation-max"
    """
    Resample with the maximum-value interpolation flag.
    """
    wrap_fill_outliers = "wrap-fill-outliers"
    """
    Warp, filling the pixels that fall outside the source.
    """
    wrap_inverse_map = "wrap-inverse-map"
    """
    Warp with an inverse transformation map.
    """


class DimensionNameEnum(str, Enum):
    """
    Dimension names in common use. Any name made of lowercase letters, `-` and `_` is accepted; `bands` and `variables` are reserved for the dimensions that stack bands and variables.
    """
    batch = "batch"
    channel = "channel"
    time = "time"
    height = "height"
    width = "width"
    depth = "depth"
    token = "token"
    class_ = "class"
    score = "score"
    confidence = "confidence"


class AssetRoleEnum(str, Enum):
    """
    Asset roles with a meaning in MLM. Roles are free strings in STAC; these ones are read by the rules (`mlm:model`, `code`) or recommended for the assets around a model.
    """
    mlmCOLONmodel = "mlm:model"
    """
    The asset holds the model itself; at least one asset of an Item needs this role.
    """
    mlmCOLONweights = "mlm:weights"
    """
    The asset holds model weights.
    """
    mlmCOLONcheckpoint = "mlm:checkpoint"
    """
    The asset holds a training checkpoint.
    """
    mlmCOLONsource_code = "mlm:source_code"
    """
    The asset is source code for the model.
    """
    mlmCOLONinference_runtime = "mlm:inference-runtime"
    """
    The asset describes an environment to run inference in (a container, for example).
    """
    mlmCOLONtraining_runtime = "mlm:training-runtime"
    """
    The asset describes an environment to train the model in.
    """
    code = "code"
    """
    Generic STAC role for code; required on an asset that gives `mlm:entrypoint`.
    """


class NormalizeTypeEnum(str, Enum):
    """
    How an input was normalised before inference (replaced by `value_scaling` in v1.4.0).
    """
    min_max = "min-max"
    """
    Rescaled to [0, 1] with the band minimum and maximum.
    """
    z_score = "z-score"
    """
    Centred on the mean and divided by the standard deviation.
    """
    l1 = "l1"
    """
    Divided by the L1 norm.
    """
    l2 = "l2"
    """
    Divided by the L2 norm.
    """
    l2sqr = "l2sqr"
    """
    Divided by the squared L2 norm.
    """
    hamming = "hamming"
    """
    Hamming normalisation.
    """
    hamming2 = "hamming2"
    """
    Hamming normalisation over bit pairs.
    """
    type_mask = "type-mask"
    """
    Masked by the data type's bits.
    """
    relative = "relative"
    """
    Divided by the norm of the difference.
    """
    inf = "inf"
    """
    Divided by the maximum absolute value.
    """


class DataTypeEnum(str, Enum):
    """
    The numeric types a tensor's values can have (raster extension, v1.1.0). Closed list.
    """
    int8 = "int8"
    """
    Signed 8-bit integer.
    """
    int16 = "int16"
    """
    Signed 16-bit integer.
    """
    int32 = "int32"
    """
    Signed 32-bit integer.
    """
    int64 = "int64"
    """
    Signed 64-bit integer.
    """
    uint8 = "uint8"
    """
    Unsigned 8-bit integer.
    """
    uint16 = "uint16"
    """
    Unsigned 16-bit integer.
    """
    uint32 = "uint32"
    """
    Unsigned 32-bit integer.
    """
    uint64 = "uint64"
    """
    Unsigned 64-bit integer.
    """
    float16 = "float16"
    """
    16-bit (half precision) floating point.
    """
    float32 = "float32"
    """
    32-bit (single precision) floating point.
    """
    float64 = "float64"
    """
    64-bit (double precision) floating point.
    """
    cint16 = "cint16"
    """
    Complex number made of two signed 16-bit integers.
    """
    cint32 = "cint32"
    """
    Complex number made of two signed 32-bit integers.
    """
    cfloat32 = "cfloat32"
    """
    Complex number made of two 32-bit floats.
    """
    cfloat64 = "cfloat64"
    """
    Complex number made of two 64-bit floats.
    """
    other = "other"
    """
    Any type not listed here.
    """


# The values of TaskEnum as plain strings (what the classes hold; they accept the members too).
TaskEnumValue = Literal["regression", "classification", "scene-classification", "detection", "object-detection", "segmentation", "semantic-segmentation", "instance-segmentation", "panoptic-segmentation", "similarity-search", "generative", "image-captioning", "super-resolution"]


# The values of FrameworkEnum as plain strings (what the classes hold; they accept the members too).
FrameworkEnumValue = Literal["PyTorch", "TensorFlow", "Scikit-learn", "Huggingface", "Keras", "ONNX", "rgee", "spatialRF", "JAX", "MXNet", "Caffe", "PyMC", "Weka"]


# The values of AcceleratorEnum as plain strings (what the classes hold; they accept the members too).
AcceleratorEnumValue = Literal["amd64", "cuda", "xla", "amd-rocm", "intel-ipex-cpu", "intel-ipex-gpu", "macos-arm"]


# The values of ResizeTypeEnum as plain strings (what the classes hold; they accept the members too).
ResizeTypeEnumValue = Literal["crop", "pad", "interpolation-nearest", "interpolation-linear", "interpolation-cubic", "interpolation-area", "interpolation-lanczos4", "interpolation-max", "wrap-fill-outliers", "wrap-inverse-map"]


# The values of DimensionNameEnum as plain strings (what the classes hold; they accept the members too).
DimensionNameEnumValue = Literal["batch", "channel", "time", "height", "width", "depth", "token", "class", "score", "confidence"]


# The values of AssetRoleEnum as plain strings (what the classes hold; they accept the members too).
AssetRoleEnumValue = Literal["mlm:model", "mlm:weights", "mlm:checkpoint", "mlm:source_code", "mlm:inference-runtime", "mlm:training-runtime", "code"]


# The values of NormalizeTypeEnum as plain strings (what the classes hold; they accept the members too).
NormalizeTypeEnumValue = Literal["min-max", "z-score", "l1", "l2", "l2sqr", "hamming", "hamming2", "type-mask", "relative", "inf"]


# The values of DataTypeEnum as plain strings (what the classes hold; they accept the members too).
DataTypeEnumValue = Literal["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64", "cint16", "cint32", "cfloat32", "cfloat64", "other"]


class ProcessingExpression(ConfiguredBaseModel):
    """
    A processing step written as an expression (processing extension, v1.1.0): `format` names the language or convention, `expression` holds the step in that format (any JSON value). Further keys are allowed.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            format: str,
            expression: Any,
            description: Any | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['description'])

    format: str = Field(default=..., description="""The language or convention of the expression, for example `python` (a `module:function` path), `docker` (an image), `uri` (a link to a script) or a band-math dialect such as `gdal-calc` or `rio-calc`.""")
    expression: Any = Field(default=..., description="""The processing step itself, in the given format; any JSON value.""")
    description: Omittable[Any] = Field(default=None, description="""What the step does, for a reader (any JSON value is accepted in this version).""")


class ClassificationClass(ConfiguredBaseModel):
    """
    One class of a classified output (classification extension, v1.1.0 as published): the integer value that stands for it and what it means. Further keys are allowed.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            value: JsonInteger,
            description: str,
            name: str | None = ...,
            color_hint: Annotated[str, Field(pattern='^([0-9A-Fa-f]{6})$')] | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['color_hint', 'name'])

    value: JsonInteger = Field(default=..., description="""The value that stands for the class in the output.""")
    description: str = Field(default=..., description="""What the class means.""")
    name: Omittable[str] = Field(default=None, description="""A short name for the class.""")
    color_hint: Omittable[Annotated[str, Field(pattern='^([0-9A-Fa-f]{6})$')]] = Field(default=None, description="""A suggested display colour, as six hexadecimal digits (RGB) without `#`.""")


class ModelInput(ConfiguredBaseModel):
    """
    One input tensor of the model: its name, the bands or variables it stacks, its structure, and how source data must be scaled, resized and processed to build it. Keys not listed here are allowed.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            name: Annotated[str, Field(min_length=1)],
            bands: list[Annotated[str, Field(min_length=1)]],
            input: InputStructure,
            norm_by_channel: StrictBool | None = ...,
            norm_type: NormalizeTypeEnum | NormalizeTypeEnumValue | None = ...,
            norm_clip: Annotated[list[JsonNumber], Field(min_length=1)] | None = ...,
            resize_type: ResizeTypeEnum | ResizeTypeEnumValue | None = ...,
            statistics: Annotated[list[BandStatistics], Field(min_length=1)] | None = ...,
            pre_processing_function: ProcessingExpression | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['norm_by_channel', 'norm_clip', 'statistics'])

    name: Annotated[str, Field(min_length=1)] = Field(default=..., description="""A name for the input, unique among the model's inputs.""")
    bands: list[Annotated[str, Field(min_length=1)]] = Field(default=..., description="""The names of the bands the input is made of, in the order they are stacked; an empty list when the input does not refer to bands. Names may repeat.""")
    input: InputStructure = Field(default=..., description="""The structure (shape, dimension order, data type) of the input tensor.""")
    norm_by_channel: Omittable[StrictBool] = Field(default=None, description="""Whether the normalisation is applied to each channel (band) on its own.""")
    norm_type: NormalizeTypeEnumValue | None = Field(default=None, description="""The normalisation applied to the input before inference; null when none is applied.""")
    norm_clip: Omittable[Annotated[list[JsonNumber], Field(min_length=1)]] = Field(default=None, description="""Values each band is divided by before the result is clipped to [0, 1], one per band.""")
    resize_type: ResizeTypeEnumValue | None = Field(default=None, description="""How data of another size is brought to the tensor's spatial size before inference; null when no resizing is done.""")
    statistics: Omittable[Annotated[list[BandStatistics], Field(min_length=1)]] = Field(default=None, description="""Statistics of the input bands (raster extension v1.1.0 statistics objects), one per band or a single one for all.""")
    pre_processing_function: ProcessingExpression | None = Field(default=None, description="""Processing to run on the data before the model sees it (after value scaling and resizing), as one processing expression.""")


class ModelOutput(ConfiguredBaseModel):
    """
    One output tensor of the model: its name, the tasks it serves, its structure, the bands, variables or classes its values stand for, and how to post-process it. Keys not listed here are allowed.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            name: Annotated[str, Field(min_length=1)],
            tasks: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)],
            result: ResultStructure,
            classification_classes: Annotated[list[ClassificationClass], AfterValidator(_unique_items)] | None = ...,
            post_processing_function: ProcessingExpression | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['classification_classes'])

    name: Annotated[str, Field(min_length=1)] = Field(default=..., description="""A name for the output, unique among the model's outputs.""")
    tasks: Annotated[list[TaskEnumValue], AfterValidator(_unique_items)] = Field(default=..., description="""The tasks this output serves, without repetition; usually a subset of the model's `mlm:tasks`.""")
    result: ResultStructure = Field(default=..., description="""The structure (shape, dimension order, data type) of the output tensor.""")
    classification_classes: Omittable[Annotated[list[ClassificationClass], AfterValidator(_unique_items)]] = Field(default=None, alias="classification:classes", description="""The classes that the output's values stand for, as defined by the classification extension, without repetition.""")
    post_processing_function: ProcessingExpression | None = Field(default=None, description="""Processing to run on the raw model output to obtain the final result, as one processing expression.""")


class InputStructure(ConfiguredBaseModel):
    """
    The shape, dimension names and data type of an input tensor.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            shape: Annotated[list[Annotated[JsonInteger, Field(ge=-1)]], Field(min_length=1)],
            dim_order: Annotated[list[Annotated[str, Field(pattern='^[a-z-_]+$', min_length=1)]], Field(min_length=1), AfterValidator(_unique_items)],
            data_type: DataTypeEnum | DataTypeEnumValue,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    shape: Annotated[list[Annotated[JsonInteger, Field(ge=-1)]], Field(min_length=1)] = Field(default=..., description="""The size of each dimension of the tensor, in the order given by `dim_order`; -1 for a dimension whose size varies.""")
    dim_order: Annotated[list[Annotated[str, Field(pattern='^[a-z-_]+$', min_length=1)]], Field(min_length=1), AfterValidator(_unique_items)] = Field(default=..., description="""The name of each dimension of the tensor, in order, without repetition.""")
    data_type: DataTypeEnumValue = Field(default=..., description="""The numeric type of the tensor's values.""")


class ResultStructure(ConfiguredBaseModel):
    """
    The shape, dimension names and data type of an output tensor.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            shape: Annotated[list[Annotated[JsonInteger, Field(ge=-1)]], Field(min_length=1)],
            dim_order: Annotated[list[Annotated[str, Field(pattern='^[a-z-_]+$', min_length=1)]], Field(min_length=1), AfterValidator(_unique_items)],
            data_type: DataTypeEnum | DataTypeEnumValue,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    shape: Annotated[list[Annotated[JsonInteger, Field(ge=-1)]], Field(min_length=1)] = Field(default=..., description="""The size of each dimension of the tensor, in the order given by `dim_order`; -1 for a dimension whose size varies.""")
    dim_order: Annotated[list[Annotated[str, Field(pattern='^[a-z-_]+$', min_length=1)]], Field(min_length=1), AfterValidator(_unique_items)] = Field(default=..., description="""The name of each dimension of the tensor, in order, without repetition.""")
    data_type: DataTypeEnumValue = Field(default=..., description="""The numeric type of the tensor's values.""")


class Hyperparameters(ConfiguredBaseModel):
    """
    Named hyperparameters. At least one entry; names use letters, digits, `_`, `.` and `-`; values can be any JSON value.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...


class BandStatistics(ConfiguredBaseModel):
    """
    Statistics of a band (raster extension, v1.1.0): at least one of mean, minimum, maximum, standard deviation and percentage of valid pixels, and no other key.
    """

    model_config = ConfigDict(extra="forbid")

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            mean: JsonNumber | None = ...,
            minimum: JsonNumber | None = ...,
            maximum: JsonNumber | None = ...,
            stddev: JsonNumber | None = ...,
            valid_percent: JsonNumber | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['maximum', 'mean', 'minimum', 'stddev', 'valid_percent'])

    mean: Omittable[JsonNumber] = Field(default=None, description="""Mean of the band's values.""")
    minimum: Omittable[JsonNumber] = Field(default=None, description="""Smallest value.""")
    maximum: Omittable[JsonNumber] = Field(default=None, description="""Largest value.""")
    stddev: Omittable[JsonNumber] = Field(default=None, description="""Standard deviation of the values.""")
    valid_percent: Omittable[JsonNumber] = Field(default=None, description="""Percentage of valid (not nodata) pixels.""")


class Item(ConfiguredBaseModel):
    """
    A STAC Item (a GeoJSON Feature) that describes one model. Its properties carry the model-level fields, and its assets point at the model artifacts, code and runtimes.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            stac_extensions: list[Any],
            properties: ItemProperties,
            assets: dict[str, AssetFields],
            type: Literal['Feature'] = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _constants: ClassVar[dict[str, Any]] = {"type": 'Feature'}

    type: Literal['Feature'] = Field(default='Feature', description="""The kind of STAC document. MLM rules apply to Items (`Feature`) and Collections (`Collection`); documents of any other kind pass the MLM schema unchecked.""")
    stac_extensions: list[Any] = Field(default=..., description="""URLs of the JSON Schemas of the extensions the document uses. An MLM document must list the schema URL of this exact MLM version: the tagged one, or one of the two URLs of its later re-publication on the extension's documentation site (erratum H0).""")
    properties: ItemProperties = Field(default=..., description="""The Item's properties object, where the model-level MLM fields live.""")
    assets: dict[str, AssetFields] = Field(default=..., description="""The document's assets, keyed by asset name.""")


class Collection(ConfiguredBaseModel):
    """
    A STAC Collection that groups models. Its summaries and assets may carry MLM fields (its item_assets are not checked in this version).
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            stac_extensions: list[Any],
            type: Literal['Collection'] = ...,
            summaries: dict[str, CollectionSummaryFields] | None = ...,
            assets: dict[str, AssetFields] | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['assets', 'summaries'])

    _constants: ClassVar[dict[str, Any]] = {"type": 'Collection'}

    type: Literal['Collection'] = Field(default='Collection', description="""The kind of STAC document. MLM rules apply to Items (`Feature`) and Collections (`Collection`); documents of any other kind pass the MLM schema unchecked.""")
    stac_extensions: list[Any] = Field(default=..., description="""URLs of the JSON Schemas of the extensions the document uses. An MLM document must list the schema URL of this exact MLM version: the tagged one, or one of the two URLs of its later re-publication on the extension's documentation site (erratum H0).""")
    summaries: Omittable[dict[str, CollectionSummaryFields]] = Field(default=None, description="""Summaries of the values the Items of a Collection take, keyed by field name. For MLM every summary value is read as an object of MLM fields.""")
    assets: Omittable[dict[str, AssetFields]] = Field(default=None, description="""The document's assets, keyed by asset name.""")


class MLMFields(ConfiguredBaseModel):
    """
    Every MLM field, whatever the level it is used at. As published, this version's check of other keys is inverted: any key outside the `dlm:` namespace is accepted (including `mlm:` keys MLM does not define), and every `dlm:` key is rejected (erratum H1).
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None = ...,
            mlm_architecture: str | None = ...,
            mlm_tasks: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None = ...,
            mlm_framework: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None = ...,
            mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None = ...,
            mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_pretrained: StrictBool | None = ...,
            mlm_pretrained_source: str | None = ...,
            mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_accelerator: AcceleratorEnum | AcceleratorEnumValue | None = ...,
            mlm_accelerator_constrained: StrictBool = ...,
            mlm_accelerator_summary: str | None = ...,
            mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] | None = ...,
            mlm_input: list[ModelInput] | None = ...,
            mlm_output: list[ModelOutput] | None = ...,
            mlm_hyperparameters: Hyperparameters | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['mlm_accelerator_count', 'mlm_accelerator_summary', 'mlm_architecture', 'mlm_batch_size_suggestion', 'mlm_framework', 'mlm_framework_version', 'mlm_hyperparameters', 'mlm_input', 'mlm_memory_size', 'mlm_name', 'mlm_output', 'mlm_pretrained', 'mlm_tasks', 'mlm_total_parameters'])

    mlm_name: Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]] = Field(default=None, alias="mlm:name", title="Model Name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: Omittable[str] = Field(default=None, alias="mlm:architecture", title="Architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]] = Field(default=None, alias="mlm:tasks", title="Tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]] = Field(default=None, alias="mlm:framework", title="Framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted.""")
    mlm_framework_version: Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]] = Field(default=None, alias="mlm:framework_version", title="Framework Version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:memory_size", title="Memory Size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:total_parameters", title="Total Parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: Omittable[StrictBool] = Field(default=None, alias="mlm:pretrained", title="Pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", title="Pretraining Source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:batch_size_suggestion", title="Suggested Batch Size", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnumValue | None = Field(default=None, alias="mlm:accelerator", title="Accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", title="Accelerator Only", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: Omittable[str] = Field(default=None, alias="mlm:accelerator_summary", title="Accelerator Details", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Omittable[Annotated[JsonInteger, Field(ge=1)]] = Field(default=None, alias="mlm:accelerator_count", title="Accelerators Needed", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: Omittable[list[ModelInput]] = Field(default=None, alias="mlm:input", title="Inputs", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: Omittable[list[ModelOutput]] = Field(default=None, alias="mlm:output", title="Outputs", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Omittable[Hyperparameters] = Field(default=None, alias="mlm:hyperparameters", title="Hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")


class ItemProperties(MLMFields):
    """
    The properties of an MLM Item: the model as a whole. Name, architecture, tasks, inputs and outputs are required here.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')],
            mlm_architecture: str,
            mlm_tasks: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)],
            mlm_input: list[ModelInput],
            mlm_output: list[ModelOutput],
            mlm_framework: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None = ...,
            mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None = ...,
            mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_pretrained: StrictBool | None = ...,
            mlm_pretrained_source: str | None = ...,
            mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_accelerator: AcceleratorEnum | AcceleratorEnumValue | None = ...,
            mlm_accelerator_constrained: StrictBool = ...,
            mlm_accelerator_summary: str | None = ...,
            mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] | None = ...,
            mlm_hyperparameters: Hyperparameters | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['mlm_accelerator_count', 'mlm_accelerator_summary', 'mlm_batch_size_suggestion', 'mlm_framework', 'mlm_framework_version', 'mlm_hyperparameters', 'mlm_memory_size', 'mlm_pretrained', 'mlm_total_parameters'])

    mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] = Field(default=..., alias="mlm:name", title="Model Name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: str = Field(default=..., alias="mlm:architecture", title="Architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Annotated[list[TaskEnumValue], AfterValidator(_unique_items)] = Field(default=..., alias="mlm:tasks", title="Tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]] = Field(default=None, alias="mlm:framework", title="Framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted.""")
    mlm_framework_version: Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]] = Field(default=None, alias="mlm:framework_version", title="Framework Version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:memory_size", title="Memory Size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:total_parameters", title="Total Parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: Omittable[StrictBool] = Field(default=None, alias="mlm:pretrained", title="Pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", title="Pretraining Source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:batch_size_suggestion", title="Suggested Batch Size", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnumValue | None = Field(default=None, alias="mlm:accelerator", title="Accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", title="Accelerator Only", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: Omittable[str] = Field(default=None, alias="mlm:accelerator_summary", title="Accelerator Details", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Omittable[Annotated[JsonInteger, Field(ge=1)]] = Field(default=None, alias="mlm:accelerator_count", title="Accelerators Needed", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: list[ModelInput] = Field(default=..., alias="mlm:input", title="Inputs", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: list[ModelOutput] = Field(default=..., alias="mlm:output", title="Outputs", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Omittable[Hyperparameters] = Field(default=None, alias="mlm:hyperparameters", title="Hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")


class AssetFields(MLMFields):
    """
    MLM fields on an asset (of an Item or a Collection, or an item_assets definition). Every MLM field is accepted there.
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None = ...,
            mlm_architecture: str | None = ...,
            mlm_tasks: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None = ...,
            mlm_framework: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None = ...,
            mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None = ...,
            mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_pretrained: StrictBool | None = ...,
            mlm_pretrained_source: str | None = ...,
            mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_accelerator: AcceleratorEnum | AcceleratorEnumValue | None = ...,
            mlm_accelerator_constrained: StrictBool = ...,
            mlm_accelerator_summary: str | None = ...,
            mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] | None = ...,
            mlm_input: list[ModelInput] | None = ...,
            mlm_output: list[ModelOutput] | None = ...,
            mlm_hyperparameters: Hyperparameters | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['mlm_accelerator_count', 'mlm_accelerator_summary', 'mlm_architecture', 'mlm_batch_size_suggestion', 'mlm_framework', 'mlm_framework_version', 'mlm_hyperparameters', 'mlm_input', 'mlm_memory_size', 'mlm_name', 'mlm_output', 'mlm_pretrained', 'mlm_tasks', 'mlm_total_parameters'])

    mlm_name: Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]] = Field(default=None, alias="mlm:name", title="Model Name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: Omittable[str] = Field(default=None, alias="mlm:architecture", title="Architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]] = Field(default=None, alias="mlm:tasks", title="Tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]] = Field(default=None, alias="mlm:framework", title="Framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted.""")
    mlm_framework_version: Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]] = Field(default=None, alias="mlm:framework_version", title="Framework Version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:memory_size", title="Memory Size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:total_parameters", title="Total Parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: Omittable[StrictBool] = Field(default=None, alias="mlm:pretrained", title="Pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", title="Pretraining Source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:batch_size_suggestion", title="Suggested Batch Size", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnumValue | None = Field(default=None, alias="mlm:accelerator", title="Accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", title="Accelerator Only", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: Omittable[str] = Field(default=None, alias="mlm:accelerator_summary", title="Accelerator Details", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Omittable[Annotated[JsonInteger, Field(ge=1)]] = Field(default=None, alias="mlm:accelerator_count", title="Accelerators Needed", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: Omittable[list[ModelInput]] = Field(default=None, alias="mlm:input", title="Inputs", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: Omittable[list[ModelOutput]] = Field(default=None, alias="mlm:output", title="Outputs", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Omittable[Hyperparameters] = Field(default=None, alias="mlm:hyperparameters", title="Hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")


class CollectionSummaryFields(MLMFields):
    """
    One value of a Collection's `summaries`. The official schema reads each summary value as an object of MLM fields (so a plain list of values is rejected, erratum E5).
    """

    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None = ...,
            mlm_architecture: str | None = ...,
            mlm_tasks: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None = ...,
            mlm_framework: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None = ...,
            mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None = ...,
            mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_pretrained: StrictBool | None = ...,
            mlm_pretrained_source: str | None = ...,
            mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] | None = ...,
            mlm_accelerator: AcceleratorEnum | AcceleratorEnumValue | None = ...,
            mlm_accelerator_constrained: StrictBool = ...,
            mlm_accelerator_summary: str | None = ...,
            mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] | None = ...,
            mlm_input: list[ModelInput] | None = ...,
            mlm_output: list[ModelOutput] | None = ...,
            mlm_hyperparameters: Hyperparameters | None = ...,
            extra_fields: Mapping[str, Any] | None = ...,
        ) -> None: ...

    _omittable: ClassVar[frozenset[str]] = frozenset(['mlm_accelerator_count', 'mlm_accelerator_summary', 'mlm_architecture', 'mlm_batch_size_suggestion', 'mlm_framework', 'mlm_framework_version', 'mlm_hyperparameters', 'mlm_input', 'mlm_memory_size', 'mlm_name', 'mlm_output', 'mlm_pretrained', 'mlm_tasks', 'mlm_total_parameters'])

    mlm_name: Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]] = Field(default=None, alias="mlm:name", title="Model Name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: Omittable[str] = Field(default=None, alias="mlm:architecture", title="Architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]] = Field(default=None, alias="mlm:tasks", title="Tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]] = Field(default=None, alias="mlm:framework", title="Framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted.""")
    mlm_framework_version: Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]] = Field(default=None, alias="mlm:framework_version", title="Framework Version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:memory_size", title="Memory Size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:total_parameters", title="Total Parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: Omittable[StrictBool] = Field(default=None, alias="mlm:pretrained", title="Pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", title="Pretraining Source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Omittable[Annotated[JsonInteger, Field(ge=0)]] = Field(default=None, alias="mlm:batch_size_suggestion", title="Suggested Batch Size", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnumValue | None = Field(default=None, alias="mlm:accelerator", title="Accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", title="Accelerator Only", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: Omittable[str] = Field(default=None, alias="mlm:accelerator_summary", title="Accelerator Details", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Omittable[Annotated[JsonInteger, Field(ge=1)]] = Field(default=None, alias="mlm:accelerator_count", title="Accelerators Needed", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: Omittable[list[ModelInput]] = Field(default=None, alias="mlm:input", title="Inputs", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: Omittable[list[ModelOutput]] = Field(default=None, alias="mlm:output", title="Outputs", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Omittable[Hyperparameters] = Field(default=None, alias="mlm:hyperparameters", title="Hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")


# Resolve the forward references between classes.
ProcessingExpression.model_rebuild()
ClassificationClass.model_rebuild()
ModelInput.model_rebuild()
ModelOutput.model_rebuild()
InputStructure.model_rebuild()
ResultStructure.model_rebuild()
Hyperparameters.model_rebuild()
BandStatistics.model_rebuild()
Item.model_rebuild()
Collection.model_rebuild()
MLMFields.model_rebuild()
ItemProperties.model_rebuild()
AssetFields.model_rebuild()
CollectionSummaryFields.model_rebuild()

# Every generated enum and class: what `from ... import *` gives, and what a package re-exports.
__all__ = [
    "AcceleratorEnum",
    "AssetFields",
    "AssetRoleEnum",
    "BandStatistics",
    "ClassificationClass",
    "Collection",
    "CollectionSummaryFields",
    "DataTypeEnum",
    "DimensionNameEnum",
    "FrameworkEnum",
    "Hyperparameters",
    "InputStructure",
    "Item",
    "ItemProperties",
    "MLMFields",
    "ModelInput",
    "ModelOutput",
    "NormalizeTypeEnum",
    "ProcessingExpression",
    "ResizeTypeEnum",
    "ResultStructure",
    "TaskEnum",
]

class FieldAccessors:
    """Typed properties over a store of JSON keys: a subclass implements ``_get_field`` and ``_set_field``
    (``stac_mlm.pystac`` reads and writes the fields of pystac objects through them)."""

    if TYPE_CHECKING:  # implemented by the class that mixes the properties in

        def _get_field(self, name: str) -> object:
            """The value of the field ``name`` (a Python attribute name), or None when it is absent."""

        def _set_field(self, name: str, value: object) -> None:
            """Set the field ``name`` (a Python attribute name) to ``value``; None removes it."""


class ModelOutputAccessors(FieldAccessors):
    """The fields of ModelOutput as typed properties named without their prefix."""

    FIELDS_CLASS: ClassVar[type[ModelOutput]] = ModelOutput

    @property
    def classes(self) -> Omittable[Annotated[list[ClassificationClass], AfterValidator(_unique_items)]]:
        "The classes that the output\u0027s values stand for, as defined by the classification extension, without repetition."
        return cast("Omittable[Annotated[list[ClassificationClass], AfterValidator(_unique_items)]]", self._get_field("classification_classes"))

    @classes.setter
    def classes(self, value: Annotated[list[ClassificationClass], AfterValidator(_unique_items)] | None | None) -> None:
        self._set_field("classification_classes", value)


class MLMFieldsAccessors(FieldAccessors):
    """The fields of MLMFields as typed properties named without their prefix."""

    FIELDS_CLASS: ClassVar[type[MLMFields]] = MLMFields

    @property
    def name(self) -> Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]:
        "A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit."
        return cast("Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]", self._get_field("mlm_name"))

    @name.setter
    def name(self, value: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None | None) -> None:
        self._set_field("mlm_name", value)

    @property
    def architecture(self) -> Omittable[str]:
        "The model\u0027s architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code."
        return cast("Omittable[str]", self._get_field("mlm_architecture"))

    @architecture.setter
    def architecture(self, value: str | None | None) -> None:
        self._set_field("mlm_architecture", value)

    @property
    def tasks(self) -> Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]:
        "The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`)."
        return cast("Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]", self._get_field("mlm_tasks"))

    @tasks.setter
    def tasks(self, value: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None | None) -> None:
        self._set_field("mlm_tasks", value)

    @property
    def framework(self) -> Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]:
        "The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted."
        return cast("Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]", self._get_field("mlm_framework"))

    @framework.setter
    def framework(self, value: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None | None) -> None:
        self._set_field("mlm_framework", value)

    @property
    def framework_version(self) -> Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]:
        "The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`)."
        return cast("Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]", self._get_field("mlm_framework_version"))

    @framework_version.setter
    def framework_version(self, value: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None | None) -> None:
        self._set_field("mlm_framework_version", value)

    @property
    def memory_size(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "How much memory, in bytes, loading the model takes on the accelerator it targets."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_memory_size"))

    @memory_size.setter
    def memory_size(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_memory_size", value)

    @property
    def total_parameters(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "The number of parameters of the model (trainable and not)."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_total_parameters"))

    @total_parameters.setter
    def total_parameters(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_total_parameters", value)

    @property
    def pretrained(self) -> Omittable[StrictBool]:
        "Whether training started from weights learned before (fine-tuning) rather than from a random initialisation."
        return cast("Omittable[StrictBool]", self._get_field("mlm_pretrained"))

    @pretrained.setter
    def pretrained(self, value: StrictBool | None | None) -> None:
        self._set_field("mlm_pretrained", value)

    @property
    def pretrained_source(self) -> Omittable[str | None]:
        "Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch."
        return cast("Omittable[str | None]", self._get_field("mlm_pretrained_source"))

    @pretrained_source.setter
    def pretrained_source(self, value: str | None | None) -> None:
        self._set_field("mlm_pretrained_source", value)

    @property
    def batch_size_suggestion(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "A batch size that works well for inference on the intended hardware."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_batch_size_suggestion"))

    @batch_size_suggestion.setter
    def batch_size_suggestion(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_batch_size_suggestion", value)

    @property
    def accelerator(self) -> Omittable[AcceleratorEnumValue | None]:
        "The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator."
        return cast("Omittable[AcceleratorEnumValue | None]", self._get_field("mlm_accelerator"))

    @accelerator.setter
    def accelerator(self, value: AcceleratorEnum | AcceleratorEnumValue | None | None) -> None:
        self._set_field("mlm_accelerator", value)

    @property
    def accelerator_constrained(self) -> Omittable[StrictBool]:
        "True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower."
        return cast("Omittable[StrictBool]", self._get_field("mlm_accelerator_constrained"))

    @accelerator_constrained.setter
    def accelerator_constrained(self, value: StrictBool | None) -> None:
        self._set_field("mlm_accelerator_constrained", value)

    @property
    def accelerator_summary(self) -> Omittable[str]:
        "A free-text description of the accelerator, such as a GPU model."
        return cast("Omittable[str]", self._get_field("mlm_accelerator_summary"))

    @accelerator_summary.setter
    def accelerator_summary(self, value: str | None | None) -> None:
        self._set_field("mlm_accelerator_summary", value)

    @property
    def accelerator_count(self) -> Omittable[Annotated[JsonInteger, Field(ge=1)]]:
        "The smallest number of accelerators needed to run the model."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=1)]]", self._get_field("mlm_accelerator_count"))

    @accelerator_count.setter
    def accelerator_count(self, value: Annotated[JsonInteger, Field(ge=1)] | None | None) -> None:
        self._set_field("mlm_accelerator_count", value)

    @property
    def input(self) -> Omittable[list[ModelInput]]:
        "The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way."
        return cast("Omittable[list[ModelInput]]", self._get_field("mlm_input"))

    @input.setter
    def input(self, value: list[ModelInput] | None | None) -> None:
        self._set_field("mlm_input", value)

    @property
    def output(self) -> Omittable[list[ModelOutput]]:
        "The outputs the model produces, one object per output tensor."
        return cast("Omittable[list[ModelOutput]]", self._get_field("mlm_output"))

    @output.setter
    def output(self, value: list[ModelOutput] | None | None) -> None:
        self._set_field("mlm_output", value)

    @property
    def hyperparameters(self) -> Omittable[Hyperparameters]:
        "Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type."
        return cast("Omittable[Hyperparameters]", self._get_field("mlm_hyperparameters"))

    @hyperparameters.setter
    def hyperparameters(self, value: Hyperparameters | None | None) -> None:
        self._set_field("mlm_hyperparameters", value)


class ItemPropertiesAccessors(FieldAccessors):
    """The fields of ItemProperties as typed properties named without their prefix."""

    FIELDS_CLASS: ClassVar[type[ItemProperties]] = ItemProperties

    @property
    def name(self) -> Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]:
        "A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit."
        return cast("Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]", self._get_field("mlm_name"))

    @name.setter
    def name(self, value: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None) -> None:
        self._set_field("mlm_name", value)

    @property
    def architecture(self) -> Omittable[str]:
        "The model\u0027s architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code."
        return cast("Omittable[str]", self._get_field("mlm_architecture"))

    @architecture.setter
    def architecture(self, value: str | None) -> None:
        self._set_field("mlm_architecture", value)

    @property
    def tasks(self) -> Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]:
        "The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`)."
        return cast("Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]", self._get_field("mlm_tasks"))

    @tasks.setter
    def tasks(self, value: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None) -> None:
        self._set_field("mlm_tasks", value)

    @property
    def framework(self) -> Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]:
        "The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted."
        return cast("Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]", self._get_field("mlm_framework"))

    @framework.setter
    def framework(self, value: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None | None) -> None:
        self._set_field("mlm_framework", value)

    @property
    def framework_version(self) -> Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]:
        "The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`)."
        return cast("Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]", self._get_field("mlm_framework_version"))

    @framework_version.setter
    def framework_version(self, value: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None | None) -> None:
        self._set_field("mlm_framework_version", value)

    @property
    def memory_size(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "How much memory, in bytes, loading the model takes on the accelerator it targets."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_memory_size"))

    @memory_size.setter
    def memory_size(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_memory_size", value)

    @property
    def total_parameters(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "The number of parameters of the model (trainable and not)."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_total_parameters"))

    @total_parameters.setter
    def total_parameters(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_total_parameters", value)

    @property
    def pretrained(self) -> Omittable[StrictBool]:
        "Whether training started from weights learned before (fine-tuning) rather than from a random initialisation."
        return cast("Omittable[StrictBool]", self._get_field("mlm_pretrained"))

    @pretrained.setter
    def pretrained(self, value: StrictBool | None | None) -> None:
        self._set_field("mlm_pretrained", value)

    @property
    def pretrained_source(self) -> Omittable[str | None]:
        "Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch."
        return cast("Omittable[str | None]", self._get_field("mlm_pretrained_source"))

    @pretrained_source.setter
    def pretrained_source(self, value: str | None | None) -> None:
        self._set_field("mlm_pretrained_source", value)

    @property
    def batch_size_suggestion(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "A batch size that works well for inference on the intended hardware."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_batch_size_suggestion"))

    @batch_size_suggestion.setter
    def batch_size_suggestion(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_batch_size_suggestion", value)

    @property
    def accelerator(self) -> Omittable[AcceleratorEnumValue | None]:
        "The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator."
        return cast("Omittable[AcceleratorEnumValue | None]", self._get_field("mlm_accelerator"))

    @accelerator.setter
    def accelerator(self, value: AcceleratorEnum | AcceleratorEnumValue | None | None) -> None:
        self._set_field("mlm_accelerator", value)

    @property
    def accelerator_constrained(self) -> Omittable[StrictBool]:
        "True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower."
        return cast("Omittable[StrictBool]", self._get_field("mlm_accelerator_constrained"))

    @accelerator_constrained.setter
    def accelerator_constrained(self, value: StrictBool | None) -> None:
        self._set_field("mlm_accelerator_constrained", value)

    @property
    def accelerator_summary(self) -> Omittable[str]:
        "A free-text description of the accelerator, such as a GPU model."
        return cast("Omittable[str]", self._get_field("mlm_accelerator_summary"))

    @accelerator_summary.setter
    def accelerator_summary(self, value: str | None | None) -> None:
        self._set_field("mlm_accelerator_summary", value)

    @property
    def accelerator_count(self) -> Omittable[Annotated[JsonInteger, Field(ge=1)]]:
        "The smallest number of accelerators needed to run the model."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=1)]]", self._get_field("mlm_accelerator_count"))

    @accelerator_count.setter
    def accelerator_count(self, value: Annotated[JsonInteger, Field(ge=1)] | None | None) -> None:
        self._set_field("mlm_accelerator_count", value)

    @property
    def input(self) -> Omittable[list[ModelInput]]:
        "The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way."
        return cast("Omittable[list[ModelInput]]", self._get_field("mlm_input"))

    @input.setter
    def input(self, value: list[ModelInput] | None) -> None:
        self._set_field("mlm_input", value)

    @property
    def output(self) -> Omittable[list[ModelOutput]]:
        "The outputs the model produces, one object per output tensor."
        return cast("Omittable[list[ModelOutput]]", self._get_field("mlm_output"))

    @output.setter
    def output(self, value: list[ModelOutput] | None) -> None:
        self._set_field("mlm_output", value)

    @property
    def hyperparameters(self) -> Omittable[Hyperparameters]:
        "Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type."
        return cast("Omittable[Hyperparameters]", self._get_field("mlm_hyperparameters"))

    @hyperparameters.setter
    def hyperparameters(self, value: Hyperparameters | None | None) -> None:
        self._set_field("mlm_hyperparameters", value)


class AssetFieldsAccessors(FieldAccessors):
    """The fields of AssetFields as typed properties named without their prefix."""

    FIELDS_CLASS: ClassVar[type[AssetFields]] = AssetFields

    @property
    def name(self) -> Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]:
        "A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit."
        return cast("Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]", self._get_field("mlm_name"))

    @name.setter
    def name(self, value: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None | None) -> None:
        self._set_field("mlm_name", value)

    @property
    def architecture(self) -> Omittable[str]:
        "The model\u0027s architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code."
        return cast("Omittable[str]", self._get_field("mlm_architecture"))

    @architecture.setter
    def architecture(self, value: str | None | None) -> None:
        self._set_field("mlm_architecture", value)

    @property
    def tasks(self) -> Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]:
        "The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`)."
        return cast("Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]", self._get_field("mlm_tasks"))

    @tasks.setter
    def tasks(self, value: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None | None) -> None:
        self._set_field("mlm_tasks", value)

    @property
    def framework(self) -> Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]:
        "The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted."
        return cast("Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]", self._get_field("mlm_framework"))

    @framework.setter
    def framework(self, value: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None | None) -> None:
        self._set_field("mlm_framework", value)

    @property
    def framework_version(self) -> Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]:
        "The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`)."
        return cast("Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]", self._get_field("mlm_framework_version"))

    @framework_version.setter
    def framework_version(self, value: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None | None) -> None:
        self._set_field("mlm_framework_version", value)

    @property
    def memory_size(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "How much memory, in bytes, loading the model takes on the accelerator it targets."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_memory_size"))

    @memory_size.setter
    def memory_size(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_memory_size", value)

    @property
    def total_parameters(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "The number of parameters of the model (trainable and not)."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_total_parameters"))

    @total_parameters.setter
    def total_parameters(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_total_parameters", value)

    @property
    def pretrained(self) -> Omittable[StrictBool]:
        "Whether training started from weights learned before (fine-tuning) rather than from a random initialisation."
        return cast("Omittable[StrictBool]", self._get_field("mlm_pretrained"))

    @pretrained.setter
    def pretrained(self, value: StrictBool | None | None) -> None:
        self._set_field("mlm_pretrained", value)

    @property
    def pretrained_source(self) -> Omittable[str | None]:
        "Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch."
        return cast("Omittable[str | None]", self._get_field("mlm_pretrained_source"))

    @pretrained_source.setter
    def pretrained_source(self, value: str | None | None) -> None:
        self._set_field("mlm_pretrained_source", value)

    @property
    def batch_size_suggestion(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "A batch size that works well for inference on the intended hardware."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_batch_size_suggestion"))

    @batch_size_suggestion.setter
    def batch_size_suggestion(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_batch_size_suggestion", value)

    @property
    def accelerator(self) -> Omittable[AcceleratorEnumValue | None]:
        "The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator."
        return cast("Omittable[AcceleratorEnumValue | None]", self._get_field("mlm_accelerator"))

    @accelerator.setter
    def accelerator(self, value: AcceleratorEnum | AcceleratorEnumValue | None | None) -> None:
        self._set_field("mlm_accelerator", value)

    @property
    def accelerator_constrained(self) -> Omittable[StrictBool]:
        "True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower."
        return cast("Omittable[StrictBool]", self._get_field("mlm_accelerator_constrained"))

    @accelerator_constrained.setter
    def accelerator_constrained(self, value: StrictBool | None) -> None:
        self._set_field("mlm_accelerator_constrained", value)

    @property
    def accelerator_summary(self) -> Omittable[str]:
        "A free-text description of the accelerator, such as a GPU model."
        return cast("Omittable[str]", self._get_field("mlm_accelerator_summary"))

    @accelerator_summary.setter
    def accelerator_summary(self, value: str | None | None) -> None:
        self._set_field("mlm_accelerator_summary", value)

    @property
    def accelerator_count(self) -> Omittable[Annotated[JsonInteger, Field(ge=1)]]:
        "The smallest number of accelerators needed to run the model."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=1)]]", self._get_field("mlm_accelerator_count"))

    @accelerator_count.setter
    def accelerator_count(self, value: Annotated[JsonInteger, Field(ge=1)] | None | None) -> None:
        self._set_field("mlm_accelerator_count", value)

    @property
    def input(self) -> Omittable[list[ModelInput]]:
        "The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way."
        return cast("Omittable[list[ModelInput]]", self._get_field("mlm_input"))

    @input.setter
    def input(self, value: list[ModelInput] | None | None) -> None:
        self._set_field("mlm_input", value)

    @property
    def output(self) -> Omittable[list[ModelOutput]]:
        "The outputs the model produces, one object per output tensor."
        return cast("Omittable[list[ModelOutput]]", self._get_field("mlm_output"))

    @output.setter
    def output(self, value: list[ModelOutput] | None | None) -> None:
        self._set_field("mlm_output", value)

    @property
    def hyperparameters(self) -> Omittable[Hyperparameters]:
        "Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type."
        return cast("Omittable[Hyperparameters]", self._get_field("mlm_hyperparameters"))

    @hyperparameters.setter
    def hyperparameters(self, value: Hyperparameters | None | None) -> None:
        self._set_field("mlm_hyperparameters", value)


class CollectionSummaryFieldsAccessors(FieldAccessors):
    """The fields of CollectionSummaryFields as typed properties named without their prefix."""

    FIELDS_CLASS: ClassVar[type[CollectionSummaryFields]] = CollectionSummaryFields

    @property
    def name(self) -> Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]:
        "A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit."
        return cast("Omittable[Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')]]", self._get_field("mlm_name"))

    @name.setter
    def name(self, value: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] | None | None) -> None:
        self._set_field("mlm_name", value)

    @property
    def architecture(self) -> Omittable[str]:
        "The model\u0027s architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code."
        return cast("Omittable[str]", self._get_field("mlm_architecture"))

    @architecture.setter
    def architecture(self, value: str | None | None) -> None:
        self._set_field("mlm_architecture", value)

    @property
    def tasks(self) -> Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]:
        "The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`)."
        return cast("Omittable[Annotated[list[TaskEnumValue], AfterValidator(_unique_items)]]", self._get_field("mlm_tasks"))

    @tasks.setter
    def tasks(self, value: Annotated[list[TaskEnum | TaskEnumValue], AfterValidator(_unique_items)] | None | None) -> None:
        self._set_field("mlm_tasks", value)

    @property
    def framework(self) -> Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]:
        "The software framework the model was built with. Use one of the recommended spellings when it applies; any other non-empty name is accepted."
        return cast("Omittable[FrameworkEnumValue | Annotated[str, Field(min_length=1)]]", self._get_field("mlm_framework"))

    @framework.setter
    def framework(self, value: FrameworkEnum | FrameworkEnumValue | Annotated[str, Field(min_length=1)] | None | None) -> None:
        self._set_field("mlm_framework", value)

    @property
    def framework_version(self) -> Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]:
        "The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`)."
        return cast("Omittable[Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')]]", self._get_field("mlm_framework_version"))

    @framework_version.setter
    def framework_version(self, value: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] | None | None) -> None:
        self._set_field("mlm_framework_version", value)

    @property
    def memory_size(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "How much memory, in bytes, loading the model takes on the accelerator it targets."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_memory_size"))

    @memory_size.setter
    def memory_size(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_memory_size", value)

    @property
    def total_parameters(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "The number of parameters of the model (trainable and not)."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_total_parameters"))

    @total_parameters.setter
    def total_parameters(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_total_parameters", value)

    @property
    def pretrained(self) -> Omittable[StrictBool]:
        "Whether training started from weights learned before (fine-tuning) rather than from a random initialisation."
        return cast("Omittable[StrictBool]", self._get_field("mlm_pretrained"))

    @pretrained.setter
    def pretrained(self, value: StrictBool | None | None) -> None:
        self._set_field("mlm_pretrained", value)

    @property
    def pretrained_source(self) -> Omittable[str | None]:
        "Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch."
        return cast("Omittable[str | None]", self._get_field("mlm_pretrained_source"))

    @pretrained_source.setter
    def pretrained_source(self, value: str | None | None) -> None:
        self._set_field("mlm_pretrained_source", value)

    @property
    def batch_size_suggestion(self) -> Omittable[Annotated[JsonInteger, Field(ge=0)]]:
        "A batch size that works well for inference on the intended hardware."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=0)]]", self._get_field("mlm_batch_size_suggestion"))

    @batch_size_suggestion.setter
    def batch_size_suggestion(self, value: Annotated[JsonInteger, Field(ge=0)] | None | None) -> None:
        self._set_field("mlm_batch_size_suggestion", value)

    @property
    def accelerator(self) -> Omittable[AcceleratorEnumValue | None]:
        "The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator."
        return cast("Omittable[AcceleratorEnumValue | None]", self._get_field("mlm_accelerator"))

    @accelerator.setter
    def accelerator(self, value: AcceleratorEnum | AcceleratorEnumValue | None | None) -> None:
        self._set_field("mlm_accelerator", value)

    @property
    def accelerator_constrained(self) -> Omittable[StrictBool]:
        "True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower."
        return cast("Omittable[StrictBool]", self._get_field("mlm_accelerator_constrained"))

    @accelerator_constrained.setter
    def accelerator_constrained(self, value: StrictBool | None) -> None:
        self._set_field("mlm_accelerator_constrained", value)

    @property
    def accelerator_summary(self) -> Omittable[str]:
        "A free-text description of the accelerator, such as a GPU model."
        return cast("Omittable[str]", self._get_field("mlm_accelerator_summary"))

    @accelerator_summary.setter
    def accelerator_summary(self, value: str | None | None) -> None:
        self._set_field("mlm_accelerator_summary", value)

    @property
    def accelerator_count(self) -> Omittable[Annotated[JsonInteger, Field(ge=1)]]:
        "The smallest number of accelerators needed to run the model."
        return cast("Omittable[Annotated[JsonInteger, Field(ge=1)]]", self._get_field("mlm_accelerator_count"))

    @accelerator_count.setter
    def accelerator_count(self, value: Annotated[JsonInteger, Field(ge=1)] | None | None) -> None:
        self._set_field("mlm_accelerator_count", value)

    @property
    def input(self) -> Omittable[list[ModelInput]]:
        "The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way."
        return cast("Omittable[list[ModelInput]]", self._get_field("mlm_input"))

    @input.setter
    def input(self, value: list[ModelInput] | None | None) -> None:
        self._set_field("mlm_input", value)

    @property
    def output(self) -> Omittable[list[ModelOutput]]:
        "The outputs the model produces, one object per output tensor."
        return cast("Omittable[list[ModelOutput]]", self._get_field("mlm_output"))

    @output.setter
    def output(self, value: list[ModelOutput] | None | None) -> None:
        self._set_field("mlm_output", value)

    @property
    def hyperparameters(self) -> Omittable[Hyperparameters]:
        "Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type."
        return cast("Omittable[Hyperparameters]", self._get_field("mlm_hyperparameters"))

    @hyperparameters.setter
    def hyperparameters(self, value: Hyperparameters | None | None) -> None:
        self._set_field("mlm_hyperparameters", value)
