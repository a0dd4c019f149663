"""The options shared by ``validate`` and ``lint`` that say where documents live, and the entries they give."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from ._catalog import sources
from ._remote import is_url
from ._sources import Entry, entries


def add_location_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="follow the child and item links of Catalogs and Collections (files or http(s) URLs)",
    )
    parser.add_argument(
        "--pages",
        type=_pages,
        metavar="N",
        help="read the features of ItemCollection pages, following next links: N pages in all",
    )
    parser.add_argument(
        "--level",
        choices=["document", "properties"],
        default="document",
        help="properties: each file (JSON or YAML) holds only an Item's MLM properties (default: whole documents)",
    )


def _pages(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("must be a whole number, at least 1")
    return int(text)


def located(args: argparse.Namespace) -> Iterator[Entry]:
    """The entries of ``args.paths``: walked as catalogs and pages when asked (or when a path is a URL)."""
    if args.recursive or args.pages is not None or any(is_url(path) for path in args.paths):
        return sources(args.paths, args.recursive, args.pages or 1)
    return entries(args.paths)
