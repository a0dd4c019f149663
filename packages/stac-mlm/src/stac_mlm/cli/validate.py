"""``stac-mlm validate``: judge files, directories, NDJSON and standard input by the MLM version each declares."""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial

from .._schema import bundle, unknown_version
from ..stac_core import stac_folders
from ._judge import judge
from ._options import add_document_arguments, add_location_options, located
from ._output import Output, stdin_closed, stdout
from ._output import Unusable as StreamUnusable
from ._parallel import chunked, ordered_map, usable_cpus
from ._progress import Progress

DESCRIPTION = f"""\
Check STAC documents against MLM, offline. Each document is judged by the MLM version its stac_extensions
declares (any known host or spelling of the schema URL; bundled: {", ".join(bundle().names())}), or by
the latest release ({bundle().latest}) when it declares none; --mlm-version forces one. A declared MLM
version that does not exist is a problem of the document.

A JSON object that is not a STAC Item or Collection passes the MLM schema unchecked: it is valid, with a
warning, unless --require-mlm is given.

PATH may be a JSON file (one document), a directory (every *.json below it, in sorted order), an .ndjson or
.jsonl file (one document per line; blank lines are skipped), or - for standard input (NDJSON when its
first line is a whole JSON value and more lines follow, otherwise one document).

With --recursive, a Catalog or Collection (a file or an http(s) URL) is followed through its child and
item links, each document reported by its href; --pages N reads the features of an ItemCollection page
(a STAC API response) and follows its next links, N pages in all; --level properties reads files (JSON or
YAML) that hold only an Item's MLM properties. URLs need the remote extra (urllib3).

A document that is empty, not UTF-8, not JSON or not a JSON object is invalid, like one that breaks a
rule. An input that cannot be read at all (a missing path, a directory without *.json, an NDJSON file
without documents, a document over 256 MiB, a FIFO, device or socket: only regular files are opened, a
folder that cannot be listed) is unusable and reported on stderr; the rest is still checked. When the
reader of the output goes away (`| head`), output stops and the exit status is still the verdict.

exit status: 0 every document is valid; 1 some document is invalid; 2 some input is unusable (or nothing was
given to check), or the command line is wrong."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add the ``validate`` command to the CLI."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check documents against MLM (each by the version it declares)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument(
        "--mlm-version",
        type=_version,
        metavar="VERSION",
        help=f"judge every document by this MLM version (e.g. {bundle().latest}) instead of the one it declares",
    )
    parser.add_argument(
        "--require-mlm",
        action="store_true",
        help="a JSON object that is not an MLM Item or Collection is invalid (default: valid, with a warning)",
    )
    parser.add_argument(
        "--stac",
        action="store_true",
        help="also check the STAC core schema and every other extension listed, offline where a local copy "
        "exists (pystac's STAC 1.1 core, --schemas, $STAC_MLM_SCHEMAS); schemas not checked are warnings",
    )
    parser.add_argument(
        "--schemas",
        action="append",
        metavar="DIR",
        help="with --stac: a folder of JSON Schema copies, each found by its $id (repeatable)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="text format: list only invalid documents")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=usable_cpus(),
        help="processes for large batches, at most the usable CPUs (default: all of them, %(default)s here)",
    )
    add_location_options(parser)
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on stderr (default: when stderr is a terminal)",
    )
    return parser


def _version(text: str) -> str:
    found = bundle().get(text)
    if found is None:
        raise argparse.ArgumentTypeError(unknown_version(text))
    return found.version


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    """Validate every input, print the results; the exit status."""
    out, err = Output(stdout()), sys.stderr
    if "-" in args.paths and stdin_closed():
        raise StreamUnusable("standard input is closed: nothing to read for -")
    show = args.progress if args.progress is not None else err.isatty()
    progress = Progress(err, enabled=show, total=_total_size(args.paths) if show else None)
    shared_screen = show and out.stream.isatty()  # results and progress on one terminal: erase the bar first
    documents = invalid = unusable = 0
    stac = stac_folders(args.schemas) if args.stac else None
    if isinstance(stac, str):
        err.write(f"stac-mlm validate: {stac}\n")
        return 2
    work = partial(
        judge,
        fmt=args.format,
        quiet=args.quiet,
        mlm_version=args.mlm_version,
        require_mlm=args.require_mlm,
        level=args.level,
        stac=stac,
    )
    try:
        for result in ordered_map(work, chunked(located(args)), args.jobs):
            if result.err or (result.out and shared_screen):
                progress.clear()
            err.write(result.err)
            out.write(result.out)
            documents += result.documents
            invalid += result.invalid
            unusable += result.unusable
            progress.update(result.documents, result.invalid, result.size)
    finally:
        progress.clear()
    if args.format == "text":
        out.write(_summary(documents, invalid, unusable))
    out.flush()
    if unusable or documents == 0:
        return 2
    return 1 if invalid else 0


def _total_size(paths: list[str]) -> int | None:
    """Bytes of input when known up front: every path a file (not standard input, not a directory)."""
    if any(path == "-" or os.path.isdir(path) for path in paths):
        return None
    return sum(os.path.getsize(path) for path in paths if os.path.isfile(path))


def _summary(documents: int, invalid: int, unusable: int) -> str:
    text = f"{documents} document{'s' if documents != 1 else ''} checked: "
    text += f"{documents - invalid} valid, {invalid} invalid"
    if unusable:
        text += f"; {unusable} input{'s' if unusable != 1 else ''} could not be read"
    return text + "\n"
