"""Options shared by several commands: the documents ``validate`` and ``lint`` read (and where they live, and
the entries they give), and the trust opt-in of ``describe`` and ``check``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from ._catalog import sources
from ._remote import is_url
from ._sources import Entry, entries


def add_document_arguments(parser: argparse.ArgumentParser) -> None:
    """The documents to read (``PATH...``) and the output format, as ``validate`` and ``lint`` take them."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, .ndjson/.jsonl file, or -")
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text for people (default); json: one JSON object per document and line, in input order",
    )


def add_trust_option(parser: argparse.ArgumentParser) -> None:
    """``--trust-code``: the explicit opt-in to load model files with torch (``describe``, ``check``)."""
    parser.add_argument(
        "--trust-code",
        action="store_true",
        help="load .pt2 and TorchScript files with torch, which can run code they hold (only for files you trust)",
    )


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
