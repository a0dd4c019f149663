"""`stac-mlm check ITEM [--model FILE]`: does an MLM Item match its model file?

The model file (default: the model asset's local href, relative to ITEM) is read as data with describe's
readers: nothing in it runs (--trust-code lets torch load a .pt2 or TorchScript file you trust). Declared
inputs and outputs (names, shapes with -1 as a wildcard, data types), mlm:total_parameters,
mlm:artifact_type, file:size and file:checksum are compared with what the file holds.
Exit status: 0 when they agree, 1 listing each disagreement, 2 when the Item or the model cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._options import add_trust_option

EXIT_AGREE, EXIT_DISAGREE, EXIT_UNUSABLE = 0, 1, 2


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``check`` command to the CLI."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check that an MLM Item matches its model file (tensors, parameters, size, checksum)",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("item", metavar="ITEM", help="the Item (JSON file)")
    parser.add_argument("--model", metavar="FILE", help="the model file or folder (default: the model asset's href)")
    add_trust_option(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Compare the Item with the model file; the exit status."""
    from ..checking import CheckError, check
    from ..describing import MissingExtra

    try:
        result = check(args.item, args.model, trust_code=args.trust_code)
    except (CheckError, MissingExtra) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    for disagreement in result.disagreements:
        print(f"{args.item}: {disagreement}")
    for note in result.unchecked:
        print(f"{args.item}: not checked: {note}", file=sys.stderr)
    count = len(result.disagreements)
    verdict = "agrees with" if result.agrees else f"{count} disagreement{'s' if count != 1 else ''} with"
    print(f"{args.item}: {verdict} {result.model}", file=sys.stderr)
    return EXIT_AGREE if result.agrees else EXIT_DISAGREE
