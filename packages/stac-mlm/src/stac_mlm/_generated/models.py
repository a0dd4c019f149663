"""Pydantic classes of STAC Machine Learning Model (MLM) extension, version 1.5.2.

Generated from the LinkML model by stac_ext_codegen (``nox -s generate``): do not edit by hand.
Read documents with ``Class.from_dict(data)`` and write them with ``obj.to_dict()``; both keep the
document as it is (unknown keys, explicit nulls, number forms and key order). The JSON Schema
generated from the same model remains the authority on validity: these classes check types and
per-value constraints, not the rules that span several objects.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    StrictBool,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    model_validator,
)


def _whole_number(value: float) -> float:
    if not value.is_integer():
        raise ValueError("expected a whole number")
    return value


def _unique_items(values: list[Any]) -> list[Any]:
    """Reject a list in which an item repeats (JSON Schema ``uniqueItems``)."""
    for index, value in enumerate(values):
        if value in values[:index]:
            raise ValueError(f"items must not repeat ({value!r} appears twice)")
    return values


# JSON numbers keep the form they were written in: an integer field also accepts 3.0 (JSON Schema
# reads it as an integer) and keeps it a float; a number field keeps 0 an int.
JsonInteger = Annotated[int, Strict()] | Annotated[float, Strict(), AfterValidator(_whole_number)]
JsonNumber = Annotated[int, Strict()] | Annotated[float, Strict()]


def _not_an_object(value: Any) -> Any:
    if isinstance(value, dict):
        raise ValueError("an object here must hold valid entries")
    return value


# Validation context key set by ``from_dict``: the data is a document read from JSON, not Python arguments.
READING = "reading_document"

# A JSON map whose JSON type is not checked (``json_map: lenient``): any value that is not an object.
NotAnObject = Annotated[Any, AfterValidator(_not_an_object)]


class ConfiguredBaseModel(BaseModel):
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

    _always_set: ClassVar[frozenset[str]] = frozenset()
    _required_on_read: ClassVar[tuple[str, ...]] = ()
    _source: Any = PrivateAttr(default=None)

    @classmethod
    def _keep_extra_keys(cls, data: Any, result: Any) -> Any:
        """Read by JSON names, a key equal to a field's Python name is extra data, not that field: do not
        count the field as set (pydantic lists extra keys among the fields set)."""
        extra = result.__pydantic_extra__
        if extra and isinstance(data, dict):
            for key in extra:
                field = cls.model_fields.get(key)
                if field is not None and field.alias not in (None, key) and field.alias not in data:
                    result.__pydantic_fields_set__.discard(key)
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        """Read a JSON object. Keys are JSON names only (Python attribute names are ordinary keys there).
        The object remembers ``data`` (not a copy) to write its keys back in the same order."""
        result = cls.model_validate(data, by_alias=True, by_name=False, context={READING: True})
        result._source = data
        return result

    @classmethod
    def _require_keys_when_reading(cls, data: Any, info: ValidationInfo) -> Any:
        """A fixed value has a default so that objects can be built in Python without it, but a document
        read by ``from_dict`` must state it."""
        if info.context and info.context.get(READING) and isinstance(data, dict):
            missing = [key for key in cls._required_on_read if key not in data]
            if missing:
                raise ValueError(f"missing required key(s): {', '.join(missing)}")
        return data

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: fields never set are left out; explicit nulls, unknown keys and number forms are
        kept, and so is the key order of the document read by ``from_dict``."""
        data = self.model_dump(mode="json", exclude_unset=True)
        return data if self._source is None else _in_order(data, self._source)


def _in_order(data: Any, source: Any) -> Any:
    """``data`` with the keys of each object in the order they have in ``source`` (new keys last)."""
    if isinstance(data, dict) and isinstance(source, dict):
        ordered = {key: _in_order(data[key], source[key]) for key in source if key in data}
        if len(ordered) < len(data):
            ordered.update((key, value) for key, value in data.items() if key not in ordered)
        return ordered
    if isinstance(data, list) and isinstance(source, list):
        return [_in_order(value, source[i]) if i < len(source) else value for i, value in enumerate(data)]
    return data


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
    downscaling = "downscaling"
    """
    Derives finer-resolution fields from coarse data, as in climate downscaling.
    """


class FrameworkEnum(str, Enum):
    """
    Recommended spellings of common frameworks. Other framework names are accepted.
    """
    PyTorch = "PyTorch"
    TensorFlow = "TensorFlow"
    scikit_learn = "scikit-learn"
    Hugging_Face = "Hugging Face"
    Keras = "Keras"
    ONNX = "ONNX"
    rgee = "rgee"
    spatialRF = "spatialRF"
    JAX = "JAX"
    Flax = "Flax"
    MXNet = "MXNet"
    Caffe = "Caffe"
    PyMC = "PyMC"
    Weka = "Weka"
    Paddle = "Paddle"


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
    bands = "bands"
    variables = "variables"
    time = "time"
    height = "height"
    width = "width"
    depth = "depth"
    temperature = "temperature"
    pressure = "pressure"
    token = "token"
    class_ = "class"
    score = "score"
    confidence = "confidence"
    embedding = "embedding"


class ArtifactTypeEnum(str, Enum):
    """
    Suggested artifact types, named after the call that saved the model. Any non-empty string is accepted.
    """
    torchFULL_STOPsave = "torch.save"
    """
    A pickled PyTorch model or state dict.
    """
    torchFULL_STOPjitFULL_STOPsave = "torch.jit.save"
    """
    A TorchScript archive.
    """
    torchFULL_STOPexportFULL_STOPsave = "torch.export.save"
    """
    A program captured by torch.export (.pt2).
    """
    tfFULL_STOPkerasFULL_STOPModelFULL_STOPsave = "tf.keras.Model.save"
    """
    A complete Keras model.
    """
    tfFULL_STOPkerasFULL_STOPModelFULL_STOPsave_weights = "tf.keras.Model.save_weights"
    """
    Keras weights only.
    """
    tfFULL_STOPkerasFULL_STOPModelFULL_STOPexport = "tf.keras.Model.export"
    """
    A TensorFlow SavedModel exported for inference.
    """
    safetensorsFULL_STOPtorchFULL_STOPsave_file = "safetensors.torch.save_file"
    """
    PyTorch tensors in the safetensors format.
    """
    safetensorsFULL_STOPtensorflowFULL_STOPsave_file = "safetensors.tensorflow.save_file"
    """
    TensorFlow tensors in the safetensors format.
    """
    safetensorsFULL_STOPflaxFULL_STOPsave_file = "safetensors.flax.save_file"
    """
    Flax tensors in the safetensors format.
    """
    safetensorsFULL_STOPpaddleFULL_STOPsave_file = "safetensors.paddle.save_file"
    """
    Paddle tensors in the safetensors format.
    """


class CompileMethodEnum(str, Enum):
    """
    Suggested compile methods. Any non-empty string is accepted.
    """
    aot = "aot"
    """
    Compiled ahead of time.
    """
    jit = "jit"
    """
    Compiled just in time, when first run.
    """


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


class ProcessingExpression(ConfiguredBaseModel):
    """
    A processing step written as an expression (processing extension, v1.1.0): `format` names the language or convention, `expression` holds the step in that format (any JSON value). Further keys are allowed.
    """

    format: str = Field(default=..., description="""The language or convention of the expression, for example `python` (a `module:function` path), `docker` (an image), `uri` (a link to a script) or a band-math dialect such as `gdal-calc` or `rio-calc`.""")
    expression: Any = Field(default=..., description="""The processing step itself, in the given format; any JSON value.""")
    description: str = Field(default=None, description="""What the step does, for a reader.""")


class ClassificationClass(ConfiguredBaseModel):
    """
    One class of a classified output (classification extension, v1.1.0 as published): the integer value that stands for it and what it means. Further keys are allowed.
    """

    value: JsonInteger = Field(default=..., description="""The value that stands for the class in the output.""")
    description: str = Field(default=..., description="""What the class means.""")
    name: str = Field(default=None, description="""A short name for the class.""")
    color_hint: Annotated[str, Field(pattern='^([0-9A-Fa-f]{6})$')] = Field(default=None, description="""A suggested display colour, as six hexadecimal digits (RGB) without `#`.""")


class ModelInput(ConfiguredBaseModel):
    """
    One input tensor of the model: its name, the bands or variables it stacks, its structure, and how source data must be scaled, resized and processed to build it. Keys not listed here are allowed.
    """

    name: Annotated[str, Field(min_length=1)] = Field(default=..., description="""A name for the input, unique among the model's inputs.""")
    bands: list[Annotated[str, Field(min_length=1)] | ModelBandOrVariable] = Field(default=None, description="""The bands the tensor is made of, in the order they are stacked, each given by name or as an object that may derive the band from others. Whenever this list is not empty the tensor's `dim_order` must include `bands`, and the Item must define its bands elsewhere (see rules R6, R7). Names may repeat.""")
    variables: list[Annotated[str, Field(min_length=1)] | ModelBandOrVariable] = Field(default=None, description="""The data variables (as in a data cube) the tensor is made of, in order, each given by name or as an object. Whenever this list is not empty the tensor's `dim_order` must include `variables`, and the Item must define the variables with the datacube extension (see rules R6, R8).""")
    input: InputStructure = Field(default=..., description="""The structure (shape, dimension order, data type) of the input tensor.""")
    description: Annotated[str, Field(min_length=1)] = Field(default=None, description="""Free text that explains the object to a reader.""")
    value_scaling: Annotated[list[Annotated[ValueScalingMinMax | ValueScalingZScore | ValueScalingClip | ValueScalingClipMin | ValueScalingClipMax | ValueScalingOffset | ValueScalingScale | ValueScalingProcessing, Field(discriminator='type')]], Field(min_length=1)] | None = Field(default=None, description="""How raw values are rescaled before they enter the model: one object applied to every band or variable, or one object per band or variable, in order. Null when no scaling is applied.""")
    resize_type: ResizeTypeEnum | None = Field(default=None, description="""How data of another size is brought to the tensor's spatial size before inference; null when no resizing is done.""")
    pre_processing_function: ProcessingExpression | None | Annotated[list[ProcessingExpression | None], Field(min_length=1)] = Field(default=None, description="""Processing to run on the data before the model sees it (after value scaling and resizing), as one processing expression or an ordered, non-empty list of them.""")


class ModelOutput(ConfiguredBaseModel):
    """
    One output tensor of the model: its name, the tasks it serves, its structure, the bands, variables or classes its values stand for, and how to post-process it. Keys not listed here are allowed.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _read_extra_keys(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return cls._keep_extra_keys(data, handler(data))

    name: Annotated[str, Field(min_length=1)] = Field(default=..., description="""A name for the output, unique among the model's outputs.""")
    description: Annotated[str, Field(min_length=1)] = Field(default=None, description="""Free text that explains the object to a reader.""")
    tasks: Annotated[list[TaskEnum], AfterValidator(_unique_items)] = Field(default=..., description="""The tasks this output serves, without repetition; usually a subset of the model's `mlm:tasks`.""")
    result: ResultStructure = Field(default=..., description="""The structure (shape, dimension order, data type) of the output tensor.""")
    bands: list[Annotated[str, Field(min_length=1)] | ModelBandOrVariable] = Field(default=None, description="""The bands the tensor is made of, in the order they are stacked, each given by name or as an object that may derive the band from others. Whenever this list is not empty the tensor's `dim_order` must include `bands`, and the Item must define its bands elsewhere (see rules R6, R7). Names may repeat.""")
    variables: list[Annotated[str, Field(min_length=1)] | ModelBandOrVariable] = Field(default=None, description="""The data variables (as in a data cube) the tensor is made of, in order, each given by name or as an object. Whenever this list is not empty the tensor's `dim_order` must include `variables`, and the Item must define the variables with the datacube extension (see rules R6, R8).""")
    classification_classes: Annotated[list[ClassificationClass], AfterValidator(_unique_items)] = Field(default=None, alias="classification:classes", description="""The classes that the output's values stand for, as defined by the classification extension, without repetition.""")
    post_processing_function: ProcessingExpression | None | Annotated[list[ProcessingExpression | None], Field(min_length=1)] = Field(default=None, description="""Processing to run on the raw model output to obtain the final result, as one processing expression or an ordered, non-empty list of them.""")


class InputStructure(ConfiguredBaseModel):
    """
    The shape, dimension names and data type of an input tensor.
    """

    shape: Annotated[list[Annotated[JsonInteger, Field(ge=-1)]], Field(min_length=1)] = Field(default=..., description="""The size of each dimension of the tensor, in the order given by `dim_order`; -1 for a dimension whose size varies.""")
    dim_order: Annotated[list[Annotated[str, Field(pattern='^[a-z-_]+$', min_length=1)]], Field(min_length=1), AfterValidator(_unique_items)] = Field(default=..., description="""The name of each dimension of the tensor, in order, without repetition. The names `bands` and `variables` are reserved for the dimensions that stack the listed bands or variables.""")
    data_type: DataTypeEnum = Field(default=..., description="""The numeric type of the tensor's values.""")


class ResultStructure(ConfiguredBaseModel):
    """
    The shape, dimension names and data type of an output tensor.
    """

    shape: Annotated[list[Annotated[JsonInteger, Field(ge=-1)]], Field(min_length=1)] = Field(default=..., description="""The size of each dimension of the tensor, in the order given by `dim_order`; -1 for a dimension whose size varies.""")
    dim_order: Annotated[list[Annotated[str, Field(pattern='^[a-z-_]+$', min_length=1)]], Field(min_length=1), AfterValidator(_unique_items)] = Field(default=..., description="""The name of each dimension of the tensor, in order, without repetition. The names `bands` and `variables` are reserved for the dimensions that stack the listed bands or variables.""")
    data_type: DataTypeEnum = Field(default=..., description="""The numeric type of the tensor's values.""")


class ModelBandOrVariable(ConfiguredBaseModel):
    """
    A band or variable given as an object: its name, and optionally an expression (with the format to read it in) that derives it from other bands or variables. `format` and `expression` go together. No other key is allowed.
    """

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1)] = Field(default=..., description="""The name of the band or variable.""")
    format: Annotated[str, Field(min_length=1)] = Field(default=None, description="""The language or convention the expression is written in.""")
    expression: Any = Field(default=None, description="""How to compute the band or variable, in the given format; any JSON value.""")


class ValueScaling(ConfiguredBaseModel):
    """
    One value-scaling operation. The `type` key selects the operation and which other keys it needs; further keys are allowed.
    """

    type: str = Field(default=..., description="""Which scaling operation this object describes.""")


class ValueScalingMinMax(ValueScaling):
    """
    Min-max normalisation: (value - minimum) / (maximum - minimum).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    minimum: JsonNumber = Field(default=..., description="""The lower bound of the scaling.""")
    maximum: JsonNumber = Field(default=..., description="""The upper bound of the scaling.""")
    type: Literal['min-max'] = Field(default='min-max', description="""Which scaling operation this object describes.""")


class ValueScalingZScore(ValueScaling):
    """
    Standardisation: (value - mean) / stddev.
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    mean: JsonNumber = Field(default=..., description="""The mean subtracted from each value.""")
    stddev: JsonNumber = Field(default=..., description="""The standard deviation each centred value is divided by.""")
    type: Literal['z-score'] = Field(default='z-score', description="""Which scaling operation this object describes.""")


class ValueScalingClip(ValueScaling):
    """
    Clipping to both bounds: min(max(value, minimum), maximum).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    minimum: JsonNumber = Field(default=..., description="""The lower bound of the scaling.""")
    maximum: JsonNumber = Field(default=..., description="""The upper bound of the scaling.""")
    type: Literal['clip'] = Field(default='clip', description="""Which scaling operation this object describes.""")


class ValueScalingClipMin(ValueScaling):
    """
    Clipping from below: max(value, minimum).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    minimum: JsonNumber = Field(default=..., description="""The lower bound of the scaling.""")
    maximum: JsonNumber = Field(default=None, description="""The upper bound of the scaling.""")
    type: Literal['clip-min'] = Field(default='clip-min', description="""Which scaling operation this object describes.""")


class ValueScalingClipMax(ValueScaling):
    """
    Clipping from above: min(value, maximum).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    maximum: JsonNumber = Field(default=..., description="""The upper bound of the scaling.""")
    type: Literal['clip-max'] = Field(default='clip-max', description="""Which scaling operation this object describes.""")


class ValueScalingOffset(ValueScaling):
    """
    Shift: value - value_of_the_operation (the `value` key).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    value: JsonNumber = Field(default=..., description="""The constant of the operation.""")
    type: Literal['offset'] = Field(default='offset', description="""Which scaling operation this object describes.""")


class ValueScalingScale(ValueScaling):
    """
    Division by a constant: value / value_of_the_operation (the `value` key).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    value: JsonNumber = Field(default=..., description="""The constant of the operation.""")
    type: Literal['scale'] = Field(default='scale', description="""Which scaling operation this object describes.""")


class ValueScalingProcessing(ValueScaling, ProcessingExpression):
    """
    Any other scaling, written as a processing expression (`format` and `expression`).
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("type",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    format: str = Field(default=..., description="""The language or convention of the expression, for example `python` (a `module:function` path), `docker` (an image), `uri` (a link to a script) or a band-math dialect such as `gdal-calc` or `rio-calc`.""")
    expression: Any = Field(default=..., description="""The processing step itself, in the given format; any JSON value.""")
    description: str = Field(default=None, description="""What the step does, for a reader.""")
    type: Literal['processing'] = Field(default='processing', description="""Which scaling operation this object describes.""")


class Hyperparameters(ConfiguredBaseModel):
    """
    Named hyperparameters. At least one entry; names use letters, digits, `_`, `.` and `-`; values can be any JSON value.
    """


class Item(ConfiguredBaseModel):
    """
    A STAC Item (a GeoJSON Feature) that describes one model. Its properties carry the model-level fields, and its assets point at the model artifacts, code and runtimes.
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['stac_extensions', 'type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("stac_extensions",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    type: Literal['Feature'] = Field(default='Feature', description="""The kind of STAC document. MLM rules apply to Items (`Feature`) and Collections (`Collection`); documents of any other kind pass the MLM schema unchecked.""")
    stac_extensions: list[Any] = Field(default=['https://stac-extensions.github.io/mlm/v1.5.2/schema.json'], description="""URLs of the JSON Schemas of the extensions the document uses. An MLM document must list the schema URL of this exact MLM version.""")
    properties: ItemProperties = Field(default=..., description="""The Item's properties object, where the model-level MLM fields live.""")
    assets: dict[str, AssetFields] | NotAnObject = Field(default=..., description="""The document's assets, keyed by asset name.""")


class Collection(ConfiguredBaseModel):
    """
    A STAC Collection that groups models. Its summaries, assets and item_assets may carry MLM fields, with the restrictions of each level.
    """

    _always_set: ClassVar[frozenset[str]] = frozenset(['stac_extensions', 'type'])

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__pydantic_fields_set__.update(self._always_set)  # constants are written even when defaulted

    _required_on_read: ClassVar[tuple[str, ...]] = ("stac_extensions",)

    @model_validator(mode="before")
    @classmethod
    def _check_required_on_read(cls, data: Any, info: ValidationInfo) -> Any:
        return cls._require_keys_when_reading(data, info)

    type: Literal['Collection'] = Field(default='Collection', description="""The kind of STAC document. MLM rules apply to Items (`Feature`) and Collections (`Collection`); documents of any other kind pass the MLM schema unchecked.""")
    stac_extensions: list[Any] = Field(default=['https://stac-extensions.github.io/mlm/v1.5.2/schema.json'], description="""URLs of the JSON Schemas of the extensions the document uses. An MLM document must list the schema URL of this exact MLM version.""")
    summaries: dict[str, CollectionSummaryFields] = Field(default=None, description="""Summaries of the values the Items of a Collection take, keyed by field name. For MLM every summary value is read as an object of MLM fields.""")
    assets: dict[str, AssetFields] = Field(default=None, description="""The document's assets, keyed by asset name.""")
    item_assets: dict[str, AssetFields] = Field(default=None, description="""Asset definitions that the Items of a Collection are expected to carry, keyed by asset name.""")


class MLMFields(ConfiguredBaseModel):
    """
    Every MLM field, whatever the level it is used at. Keys outside the `mlm:` namespace are left to other extensions; a key inside it that MLM does not define is an error.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _read_extra_keys(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return cls._keep_extra_keys(data, handler(data))

    mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] = Field(default=None, alias="mlm:name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: str = Field(default=None, alias="mlm:architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Annotated[list[TaskEnum], AfterValidator(_unique_items)] = Field(default=None, alias="mlm:tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: FrameworkEnum | Annotated[str, Field(pattern='^(?=[^\\s._\\-]).*[^\\s._\\-]$')] = Field(default=None, alias="mlm:framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other name is accepted if it does not start or end with whitespace, `.`, `_` or `-`.""")
    mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] = Field(default=None, alias="mlm:framework_version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:memory_size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:total_parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: StrictBool = Field(default=None, alias="mlm:pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:batch_size_suggestion", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnum | None = Field(default=None, alias="mlm:accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: str = Field(default=None, alias="mlm:accelerator_summary", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] = Field(default=None, alias="mlm:accelerator_count", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: list[ModelInput] = Field(default=None, alias="mlm:input", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: list[ModelOutput] = Field(default=None, alias="mlm:output", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Hyperparameters = Field(default=None, alias="mlm:hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")
    mlm_artifact_type: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:artifact_type", description="""How the model artifact was written, named after the function or method that saved it, so that a reader knows how to load it back. Required on the asset that holds the model.""")
    mlm_compile_method: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:compile_method", description="""How the model artifact was compiled, if it was: ahead of time or just in time.""")
    mlm_entrypoint: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:entrypoint", description="""Where execution starts in a source code asset: a `module:function` path or a script file name. The asset must have the `code` role.""")


class ItemProperties(ConfiguredBaseModel):
    """
    The properties of an MLM Item: the model as a whole. Name, architecture, tasks, inputs and outputs are required here; fields that describe one stored artifact belong on its asset.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _read_extra_keys(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return cls._keep_extra_keys(data, handler(data))

    mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] = Field(default=..., alias="mlm:name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: str = Field(default=..., alias="mlm:architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Annotated[list[TaskEnum], AfterValidator(_unique_items)] = Field(default=..., alias="mlm:tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: FrameworkEnum | Annotated[str, Field(pattern='^(?=[^\\s._\\-]).*[^\\s._\\-]$')] = Field(default=None, alias="mlm:framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other name is accepted if it does not start or end with whitespace, `.`, `_` or `-`.""")
    mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] = Field(default=None, alias="mlm:framework_version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:memory_size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:total_parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: StrictBool = Field(default=None, alias="mlm:pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:batch_size_suggestion", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnum | None = Field(default=None, alias="mlm:accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: str = Field(default=None, alias="mlm:accelerator_summary", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] = Field(default=None, alias="mlm:accelerator_count", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: list[ModelInput] = Field(default=..., alias="mlm:input", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: list[ModelOutput] = Field(default=..., alias="mlm:output", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Hyperparameters = Field(default=None, alias="mlm:hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")


class AssetFields(ConfiguredBaseModel):
    """
    MLM fields on an asset (of an Item or a Collection, or an item_assets definition). An asset may refine the model-level fields for the artifact it points at, but cannot rename the model or redefine its inputs, outputs or hyperparameters.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _read_extra_keys(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return cls._keep_extra_keys(data, handler(data))

    mlm_architecture: str = Field(default=None, alias="mlm:architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Annotated[list[TaskEnum], AfterValidator(_unique_items)] = Field(default=None, alias="mlm:tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: FrameworkEnum | Annotated[str, Field(pattern='^(?=[^\\s._\\-]).*[^\\s._\\-]$')] = Field(default=None, alias="mlm:framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other name is accepted if it does not start or end with whitespace, `.`, `_` or `-`.""")
    mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] = Field(default=None, alias="mlm:framework_version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:memory_size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:total_parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: StrictBool = Field(default=None, alias="mlm:pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:batch_size_suggestion", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnum | None = Field(default=None, alias="mlm:accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: str = Field(default=None, alias="mlm:accelerator_summary", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] = Field(default=None, alias="mlm:accelerator_count", description="""The smallest number of accelerators needed to run the model.""")
    mlm_artifact_type: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:artifact_type", description="""How the model artifact was written, named after the function or method that saved it, so that a reader knows how to load it back. Required on the asset that holds the model.""")
    mlm_compile_method: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:compile_method", description="""How the model artifact was compiled, if it was: ahead of time or just in time.""")
    mlm_entrypoint: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:entrypoint", description="""Where execution starts in a source code asset: a `module:function` path or a script file name. The asset must have the `code` role.""")


class CollectionSummaryFields(MLMFields):
    """
    One value of a Collection's `summaries`. The official schema reads each summary value as an object of MLM fields (so a plain list of values is rejected) and forbids only the combination of input, output, artifact type and compile method (see rule R5 and errata E5, E6).
    """

    @model_validator(mode="wrap")
    @classmethod
    def _read_extra_keys(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return cls._keep_extra_keys(data, handler(data))

    mlm_name: Annotated[str, Field(pattern='^[a-zA-Z][a-zA-Z0-9_.\\-\\s]+[a-zA-Z0-9]$')] = Field(default=None, alias="mlm:name", description="""A short, human-readable name for the model. It should tell this model apart from others in the same catalog. At least three characters: a letter first, then letters, digits, `_`, `.`, `-` or spaces, ending with a letter or digit.""")
    mlm_architecture: str = Field(default=None, alias="mlm:architecture", description="""The model's architecture family, as commonly named in the literature (for example a ResNet, a U-Net or a Vision Transformer). Prefer the known name over a class path in code.""")
    mlm_tasks: Annotated[list[TaskEnum], AfterValidator(_unique_items)] = Field(default=None, alias="mlm:tasks", description="""The machine learning tasks the model performs, without repetition. List every task that applies, including a generic one beside a more specific one (for example both `segmentation` and `semantic-segmentation`).""")
    mlm_framework: FrameworkEnum | Annotated[str, Field(pattern='^(?=[^\\s._\\-]).*[^\\s._\\-]$')] = Field(default=None, alias="mlm:framework", description="""The software framework the model was built with. Use one of the recommended spellings when it applies; any other name is accepted if it does not start or end with whitespace, `.`, `_` or `-`.""")
    mlm_framework_version: Annotated[str, Field(pattern='^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$')] = Field(default=None, alias="mlm:framework_version", description="""The version of the framework, as a full semantic version (`MAJOR.MINOR.PATCH`, optionally with a pre-release and build suffix, such as `2.1.2+cu121`).""")
    mlm_memory_size: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:memory_size", description="""How much memory, in bytes, loading the model takes on the accelerator it targets.""")
    mlm_total_parameters: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:total_parameters", description="""The number of parameters of the model (trainable and not).""")
    mlm_pretrained: StrictBool = Field(default=None, alias="mlm:pretrained", description="""Whether training started from weights learned before (fine-tuning) rather than from a random initialisation.""")
    mlm_pretrained_source: str | None = Field(default=None, alias="mlm:pretrained_source", description="""Where the starting weights came from: a data set, a model or a URL. Use an explicit null for a model trained from scratch.""")
    mlm_batch_size_suggestion: Annotated[JsonInteger, Field(ge=0)] = Field(default=None, alias="mlm:batch_size_suggestion", description="""A batch size that works well for inference on the intended hardware.""")
    mlm_accelerator: AcceleratorEnum | None = Field(default=None, alias="mlm:accelerator", description="""The kind of hardware the model is meant to run on. Null (the default) means no particular accelerator.""")
    mlm_accelerator_constrained: StrictBool = Field(default=False, alias="mlm:accelerator_constrained", description="""True when the model runs only on the named accelerator; false (the default) when it can also run elsewhere, possibly slower.""")
    mlm_accelerator_summary: str = Field(default=None, alias="mlm:accelerator_summary", description="""A free-text description of the accelerator, such as a GPU model.""")
    mlm_accelerator_count: Annotated[JsonInteger, Field(ge=1)] = Field(default=None, alias="mlm:accelerator_count", description="""The smallest number of accelerators needed to run the model.""")
    mlm_input: list[ModelInput] = Field(default=None, alias="mlm:input", description="""The inputs the model consumes, one object per input tensor. An empty list states that the model takes no input that can be described this way.""")
    mlm_output: list[ModelOutput] = Field(default=None, alias="mlm:output", description="""The outputs the model produces, one object per output tensor.""")
    mlm_hyperparameters: Hyperparameters = Field(default=None, alias="mlm:hyperparameters", description="""Settings that shaped the model or its training (learning rate, number of epochs, ...), as a non-empty object of named values of any type.""")
    mlm_artifact_type: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:artifact_type", description="""How the model artifact was written, named after the function or method that saved it, so that a reader knows how to load it back. Required on the asset that holds the model.""")
    mlm_compile_method: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:compile_method", description="""How the model artifact was compiled, if it was: ahead of time or just in time.""")
    mlm_entrypoint: Annotated[str, Field(min_length=1)] = Field(default=None, alias="mlm:entrypoint", description="""Where execution starts in a source code asset: a `module:function` path or a script file name. The asset must have the `code` role.""")


# Resolve the forward references between classes.
ProcessingExpression.model_rebuild()
ClassificationClass.model_rebuild()
ModelInput.model_rebuild()
ModelOutput.model_rebuild()
InputStructure.model_rebuild()
ResultStructure.model_rebuild()
ModelBandOrVariable.model_rebuild()
ValueScaling.model_rebuild()
ValueScalingMinMax.model_rebuild()
ValueScalingZScore.model_rebuild()
ValueScalingClip.model_rebuild()
ValueScalingClipMin.model_rebuild()
ValueScalingClipMax.model_rebuild()
ValueScalingOffset.model_rebuild()
ValueScalingScale.model_rebuild()
ValueScalingProcessing.model_rebuild()
Hyperparameters.model_rebuild()
Item.model_rebuild()
Collection.model_rebuild()
MLMFields.model_rebuild()
ItemProperties.model_rebuild()
AssetFields.model_rebuild()
CollectionSummaryFields.model_rebuild()

# Every generated enum and class: what `from ... import *` gives, and what a package re-exports.
__all__ = [
    "AcceleratorEnum",
    "ArtifactTypeEnum",
    "AssetFields",
    "AssetRoleEnum",
    "ClassificationClass",
    "Collection",
    "CollectionSummaryFields",
    "CompileMethodEnum",
    "DataTypeEnum",
    "DimensionNameEnum",
    "FrameworkEnum",
    "Hyperparameters",
    "InputStructure",
    "Item",
    "ItemProperties",
    "MLMFields",
    "ModelBandOrVariable",
    "ModelInput",
    "ModelOutput",
    "ProcessingExpression",
    "ResizeTypeEnum",
    "ResultStructure",
    "TaskEnum",
    "ValueScaling",
    "ValueScalingClip",
    "ValueScalingClipMax",
    "ValueScalingClipMin",
    "ValueScalingMinMax",
    "ValueScalingOffset",
    "ValueScalingProcessing",
    "ValueScalingScale",
    "ValueScalingZScore",
]
