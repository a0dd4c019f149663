"""`stac-mlm describe PATH [-o OUT] [--set KEY=VALUE ...] [--overrides FILE.yaml]`: draft an MLM Item.

PATH is an .onnx file, a torch.export archive (.pt2), a .safetensors file, a TorchScript file (.jit,
.torchscript), a MONAI bundle folder, a Hugging Face model folder or a folder holding one model file.
Files are read as data: nothing in them runs (--trust-code lets torch load a .pt2 or TorchScript file you
trust, which may run code from it). The Item is written as JSON to OUT (default: standard output); what
could not be derived is listed on standard error, each with what to put there. Fill it with --set (KEY is
a dotted path such as properties.datetime, VALUE is JSON or text) or a YAML/JSON file of path: value pairs.
Exit status: 0 when the Item is valid and nothing is left to fill, 1 when placeholders (or validation
problems) are left, 2 when PATH cannot be described.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ._options import add_trust_option

EXIT_OK, EXIT_LEFT, EXIT_UNUSABLE = 0, 1, 2


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``describe`` command to the CLI."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "describe",
        help="draft an MLM Item from an ONNX, .pt2 or safetensors file, a MONAI bundle or a Hugging Face folder",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="PATH", help="the model file or folder")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write the Item (default: standard output)")
    parser.add_argument(
        "--set",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        dest="assignments",
        help="fill or replace a value, e.g. properties.datetime=2024-05-01T00:00:00Z (repeatable)",
    )
    parser.add_argument("--overrides", metavar="FILE.yaml", help="a YAML or JSON file of path: value pairs")
    parser.add_argument("--href", help="the model asset's href (default: the model file, relative to OUT)")
    add_trust_option(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Describe the model file; the exit status."""
    from .. import writing
    from ..describing import DescribeError, MissingExtra, OverrideError, describe, overrides

    try:
        given = [overrides.parse_assignment(text) for text in args.assignments]
        if args.overrides:
            given = overrides.read_file(args.overrides) + given  # --set wins over the file
        found = describe(
            args.path, overrides=given, href=args.href, relative_to=_base(args), trust_code=args.trust_code
        )
    except (DescribeError, OverrideError, MissingExtra) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    text = json.dumps(found.item, indent=2, ensure_ascii=False) + "\n"
    try:
        if args.output:
            writing.write_bytes(args.output, text.encode("utf-8", "backslashreplace"))
        else:
            sys.stdout.write(text)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"{args.path}: {found.summary()}", file=sys.stderr)
    for placeholder in found.placeholders:
        print(f"    fill {placeholder}", file=sys.stderr)
    for note in found.assumed:
        print(f"    assumed {note}", file=sys.stderr)
    for problem in found.problems:
        print(f"    problem {problem}", file=sys.stderr)
    return EXIT_OK if found.complete else EXIT_LEFT


def _base(args: argparse.Namespace) -> Path:
    """The folder the Item will be read from: hrefs to the model file are written relative to it."""
    return Path(args.output).resolve().parent if args.output else Path.cwd()
