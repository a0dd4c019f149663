"""Draft MLM Items from real models: ONNX files, ``torch.export`` archives (``.pt2``), TorchScript and
safetensors files, MONAI bundles, Hugging Face model folders, and live PyTorch modules. Files are read as
data through ``stac_mlm.reading``; nothing in them runs unless ``trust_code=True`` lets torch load them.

``describe(path, **overrides)`` reads what the model states (inputs, outputs, shapes, data types, parameter
count, framework, tasks, classes, band names) and returns a ``Description``: the Item, the placeholders left
to fill (geometry, datetime, ... each with what to put there) and what was assumed. Overrides fill
placeholders or replace derived values: ``describe(path, datetime="2024-05-01T00:00:00Z",
geometry={...})``, or by path: ``describe(path, **{"properties.mlm:input.0.bands": ["B04", "B03", "B02"]})``.

Some readers need optional packages: ``stac-mlm[onnx]``, ``stac-mlm[torch]`` (live modules, trusted
loading), ``stac-mlm[hf]`` (YAML model cards); without them a ``MissingExtra`` error names the extra.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import reading
from . import overrides as _overrides
from .facts import DescribeError, Facts, MissingExtra, Note
from .overrides import OverrideError

if TYPE_CHECKING:  # pragma: no cover
    from ..migration import Placeholder
    from .item import Description

__all__ = [
    "DescribeError",
    "Description",
    "MissingExtra",
    "Note",
    "OverrideError",
    "Placeholder",
    "describe",
    "describe_torch",
]


#: The reader module for each kind of model file, by suffix.
READERS = {
    ".onnx": "onnx",
    ".pt2": "pt2",
    ".safetensors": "safetensors",
    ".jit": "torchscript",
    ".torchscript": "torchscript",
    ".ts": "torchscript",
}


def _reader(path: Path, trust_code: bool) -> tuple[str, Path]:
    """The reader module that knows ``path``, and the path to give it."""
    if path.is_dir():
        return _folder_reader(path)
    suffix = path.suffix.lower()
    if suffix in READERS:
        if trust_code and READERS[suffix] == "pt2":
            return "torch", path
        return READERS[suffix], path
    if path.name == "metadata.json" and path.parent.name == "configs":
        return "monai", path.parent.parent
    raise DescribeError(
        f"{reading.label(path)}: cannot tell what model this is (expected .onnx, .pt2, .safetensors, "
        "a TorchScript file (.jit, .torchscript), a MONAI bundle or a Hugging Face model folder)"
    )


def _folder_reader(path: Path) -> tuple[str, Path]:
    """A MONAI bundle, a Hugging Face folder (a config.json or weights under the names its libraries
    write; a README alone is not enough), or a folder holding exactly one model file."""
    from .huggingface import is_model_folder

    if (path / "configs" / "metadata.json").is_file():
        return "monai", path
    if is_model_folder(path):
        return "huggingface", path
    models = sorted(p.name for p in path.iterdir() if p.suffix.lower() in READERS and p.is_file())
    if len(models) == 1:
        return READERS[Path(models[0]).suffix.lower()], path / models[0]
    if models:
        raise DescribeError(
            f"{reading.label(path)}: holds {len(models)} model files ({', '.join(models)}); describe each "
            "file on its own (one Item per model)"
        )
    raise DescribeError(
        f"{reading.label(path)}: no model file found (.onnx, .pt2, .safetensors, TorchScript), and not a "
        "MONAI bundle (configs/metadata.json) nor a Hugging Face model folder (config.json or weights)"
    )


def read_model(path: Path, trust_code: bool = False) -> Facts:
    """What the model at ``path`` states (the reader for its kind, under ``stac_mlm.reading``'s caps), with
    the model file's ``file:size`` and ``file:checksum``; a ``DescribeError`` when it cannot be read."""
    from .huggingface import containment

    if not path.exists():
        raise DescribeError(f"{reading.label(path)}: no such file or folder")
    name, target = _reader(path, trust_code)
    module = importlib.import_module(f"{__name__}.{name}")
    read = getattr(module, "read_trusted" if trust_code and hasattr(module, "read_trusted") else "read")
    try:
        facts: Facts = read(target)
        if facts.artifact is not None:
            root = containment(target) if target.is_dir() else None
            size, digest = reading.size_and_sha256(facts.artifact, root=root)
            if size == 0:
                raise DescribeError(f"{reading.label(facts.artifact)}: the model file is empty")
            facts.file = {"file:size": size, "file:checksum": "1220" + digest}
    except reading.InputError as error:
        raise DescribeError(str(error)) from None
    return facts


def _href(facts: Facts, href: str | None, relative_to: str | Path | None) -> str | None:
    if href is not None or facts.artifact is None:
        return href
    if relative_to is None:
        return facts.artifact.as_posix()
    try:  # the path as found (a symlink in a Hugging Face snapshot keeps its name, not its blob's)
        return Path(os.path.relpath(os.path.abspath(facts.artifact), Path(relative_to).resolve())).as_posix()
    except ValueError:  # on another drive (Windows)
        return Path(os.path.abspath(facts.artifact)).as_uri()


def _finish(
    facts: Facts,
    href: str | None,
    relative_to: str | Path | None,
    given: Iterable[tuple[list[str], Any]],
    keywords: dict[str, Any],
) -> Description:
    from .item import conclude, draft

    item, pending, assumed = draft(facts, _href(facts, href, relative_to))
    written: list[str] = []
    for path, value in [*given, *((_overrides.keyword_path(k), v) for k, v in keywords.items())]:
        written += _overrides.apply(item, path, value)
    return conclude(item, facts.source, pending, assumed, written)


def describe(
    path: str | Path,
    *,
    href: str | None = None,
    relative_to: str | Path | None = None,
    overrides: Iterable[tuple[list[str], Any]] = (),
    trust_code: bool = False,
    **values: Any,
) -> Description:
    """Describe the model at ``path`` (an ``.onnx``, ``.pt2``, ``.safetensors`` or TorchScript file, a
    MONAI bundle, a Hugging Face model folder, or a folder holding one model file) as an MLM Item.

    Files are read as data: nothing in them is executed. ``trust_code=True`` lets torch load a ``.pt2`` or
    TorchScript file (which may unpickle and run code from it): only for files you trust.

    ``href`` is written as the model asset's href (default: the path of the model file as found, or
    relative to the folder ``relative_to``, where the Item will be saved).
    ``values`` fill or replace values: keyword names are Item properties (``datetime``, ``mlm_pretrained``
    for ``mlm:pretrained``), top-level Item keys (``geometry``, ``id``, ``assets``...) or paths
    (``**{"properties.mlm:input.0.bands": [...]}``). ``overrides`` takes (path segments, value) pairs,
    as read by ``stac_mlm.describe.overrides.read_file``. Raises ``DescribeError`` for a path that is no
    model or a file that cannot be read safely, ``MissingExtra`` when the reader's optional package is not
    installed.
    """
    return _finish(read_model(Path(path), trust_code), href, relative_to, overrides, values)


def describe_torch(
    module: Any,
    example_input: Any,
    *,
    path: str | Path | None = None,
    href: str | None = None,
    relative_to: str | Path | None = None,
    dynamic_batch: bool = True,
    **values: Any,
) -> Description:
    """Describe a live PyTorch module, traced on ``example_input`` (a tensor or a tuple of tensors) with
    ``torch.export``. With ``path``, the exported program is saved there (``torch.export.save``) and the
    model asset points at it; without, the asset's href is a placeholder. ``dynamic_batch`` lets the first
    dimension of each input vary (written -1) when the module allows it. ``values`` as for ``describe``."""
    from .torch import export

    return _finish(export(module, example_input, path, dynamic_batch), href, relative_to, (), values)


def __getattr__(name: str) -> Any:
    """``Description`` and ``Placeholder`` load pydantic and the generated classes: imported on first use,
    so that ``import stac_mlm`` (which binds the ``describe`` function) stays fast."""
    if name == "Description":
        from .item import Description

        return Description
    if name == "Placeholder":
        from ..migration import Placeholder

        return Placeholder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
