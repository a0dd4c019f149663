"""``stac-mlm schema``: print the bundled JSON Schema (for editors, CI and stac-validator's --schema-map)."""

from __future__ import annotations

import argparse
import sys

from .._schema import SCHEMA_URL, bundle, schema_text

DESCRIPTION = f"""\
Print the JSON Schema of MLM {bundle().latest} bundled with this package, exactly as it is used to validate.
For example, to let stac-validator check MLM documents offline:

  stac-mlm schema > mlm-schema.json
  stac-validator item.json --schema-map "$(stac-mlm schema --url)" mlm-schema.json"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add the ``schema`` command to the CLI."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print the bundled JSON Schema",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--url", action="store_true", help="print only the schema's URL ($id)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the bundled schema (or its URL); the exit status."""
    text = SCHEMA_URL if args.url else schema_text()
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
