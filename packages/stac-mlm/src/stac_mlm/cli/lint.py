"""``stac-mlm lint``: the recommendations documents miss, as coded warnings (see ``stac_mlm.linting``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from ..batch import NotJSON, dumps, parse
from ..linting import codes, lint
from ..reading import InputError
from ..validation import show_path
from ._level import PROPERTIES, as_item, read_properties
from ._options import add_document_arguments, add_location_options, located
from ._output import Output, stdin_closed, stdout
from ._output import Unusable as StreamUnusable
from ._sources import Block, Unusable, read_file, reason

DESCRIPTION = """\
Report what documents miss of the MLM recommendations (upstream best practices and consistency checks):
one coded warning {code, path, message} each. Every code, with a passing and a failing document, is listed
in the docs (Lint codes). Lint does not validate: run `stac-mlm validate` for that.

PATH is read as by `stac-mlm validate`: a JSON file, a directory (every *.json below it), an .ndjson or
.jsonl file, - for standard input, and with --recursive, --pages and --level as there.

exit status: 0 nothing to report; 1 some warning; 2 some input is unusable (not readable, not JSON, not a
JSON object), or the command line is wrong."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add the ``lint`` command to the CLI."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "lint",
        help="report the recommendations documents miss (coded warnings)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="only these codes (comma-separated; a prefix such as MLM1 selects every code it starts)",
    )
    parser.add_argument("--ignore", type=_codes, action="extend", metavar="CODES", help="leave out these codes")
    add_location_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="text format: list only documents with warnings")
    return parser


def _codes(text: str) -> list[str]:
    given = [code.strip() for code in text.split(",") if code.strip()]
    known = codes()
    unknown = [code for code in given if not any(k.startswith(code) for k in known)]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown code {', '.join(unknown)} (known: {', '.join(known)})")
    return given


def _documents(args: argparse.Namespace) -> Iterator[tuple[str, bytes] | Unusable]:
    """Each document's name and text, or why an input cannot be read, in input order."""
    for entry in located(args):
        if isinstance(entry, Unusable):
            yield entry
            continue
        for source, payload in entry.documents() if isinstance(entry, Block) else [entry]:
            if isinstance(payload, bytes):
                yield source, payload
                continue
            try:
                yield source, read_file(payload)
            except InputError as error:
                yield Unusable(source, error.reason)
            except OSError as error:
                yield Unusable(source, reason(error))


def _text(source: str, warnings: list[dict[str, Any]], quiet: bool) -> str:
    if not warnings:
        return "" if quiet else f"{source}: nothing to report\n"
    lines = [f"{source}: {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"]
    lines += [f"  {w['code']} {show_path(w['path'])}: {w['message']}" for w in warnings]
    return "\n".join(lines) + "\n"


def _findings(document: dict[str, Any], args: argparse.Namespace) -> list[dict[str, str]]:
    if args.level != "properties":
        return [f.to_dict() for f in lint(document, args.select, args.ignore)]
    found = lint(as_item(document, None), args.select, args.ignore)  # paths made relative to the file
    return [
        {**f.to_dict(), "path": f.path[len(PROPERTIES) :]}
        for f in found
        if f.path == PROPERTIES or f.path.startswith(PROPERTIES + "/")
    ]


def run(args: argparse.Namespace) -> int:
    """Lint every input, print the findings; the exit status."""
    out, err = Output(stdout()), sys.stderr
    if "-" in args.paths and stdin_closed():
        raise StreamUnusable("standard input is closed: nothing to read for -")
    documents = warned = total = unusable = 0
    for item in _documents(args):
        if isinstance(item, Unusable):
            err.write(f"stac-mlm: {item.source}: {item.message}\n")
            unusable += 1
            continue
        source, data = item
        try:
            document = read_properties(data, source) if args.level == "properties" else parse(data)
        except (NotJSON, InputError) as error:
            err.write(f"stac-mlm: {source}: {error.reason if isinstance(error, InputError) else error}\n")
            unusable += 1
            continue
        if not isinstance(document, dict):
            err.write(f"stac-mlm: {source}: not a JSON object (a STAC Item or Collection)\n")
            unusable += 1
            continue
        warnings = _findings(document, args)
        documents += 1
        warned += bool(warnings)
        total += len(warnings)
        if args.format == "json":
            out.write(dumps({"source": source, "warnings": warnings}) + "\n")
        else:
            out.write(_text(source, warnings, args.quiet))
    if args.format == "text":
        out.write(
            f"{documents} document{'s' if documents != 1 else ''} linted: "
            f"{warned} with warnings ({total} warning{'s' if total != 1 else ''})"
            + (f"; {unusable} input{'s' if unusable != 1 else ''} unusable" if unusable else "")
            + "\n"
        )
    out.flush()
    if unusable or documents == 0:
        return 2
    return 1 if warned else 0
