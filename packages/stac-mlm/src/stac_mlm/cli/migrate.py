"""`stac-mlm migrate IN [-o OUT] [--report REPORT.json]`: migrate legacy documents to the latest MLM.

IN is a JSON file, a folder (every `*.json` and `*.jsonc` in it, recursively), an ndjson file (one document per
line) or `-` for standard input. One document is written as indented JSON; several are written as
ndjson, or, when IN is a folder and OUT is given, as files under OUT at the same relative paths.
Each document is migrated on its own and written as soon as it is done; every file (OUT, each file under
it, the report) is written to a temporary file beside it and renamed into place, so a target holds its
old bytes or the whole result, never a part. OUT or REPORT naming an input (or each other) is refused
before anything is written. A summary goes to standard error, with every placeholder the output holds
(its path and what to put there). Exit status: 0 when every output is complete (valid, no placeholder);
1 when the outputs were written but hold placeholders a person must fill (or are still invalid); 2 when
an input (a file, a document) is unusable: the others are still migrated and written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from . import _migrate_io as io

EXIT_OK, EXIT_INCOMPLETE, EXIT_UNUSABLE = 0, 1, 2


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    from .._schema import SPEC_VERSION

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        help=f"migrate DLM, ml-model and earlier MLM documents to MLM v{SPEC_VERSION}",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="IN", help="a JSON or ndjson file, a folder, or - for standard input")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write the result (default: standard output)")
    parser.add_argument("--report", metavar="REPORT.json", help="write the full migration report as JSON")
    parser.set_defaults(run=run)
    return parser


class _Tally:
    """Counts for the closing summary (nothing per document is kept: memory stays flat with the batch)."""

    def __init__(self) -> None:
        self.migrated = self.complete = self.to_fill = self.invalid = self.unusable = 0
        self.actions: Counter[str] = Counter()


def _error(name: str, reason: str) -> None:
    print(f"error: {name}: {reason}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    per_file = (
        bool(args.output) and os.path.isdir(args.input) and (os.path.isdir(args.output) or not Path(args.output).suffix)
    )
    try:
        io.check_targets(args.input, args.output, args.report, per_file)
    except io.Refused as refusal:
        print(f"error: {refusal} (nothing written)", file=sys.stderr)
        return EXIT_UNUSABLE
    tally = _Tally()
    try:
        with _reporting(args.report) as report:
            if per_file:
                _write_per_file(args, tally, report)
            else:
                _write_stream(args, tally, report)
    except _StdoutClosed as error:
        print(f"error: cannot write to standard output: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        print(f"error: cannot write{where}: {error.strerror or error} (the target is left as it was)", file=sys.stderr)
        return EXIT_UNUSABLE
    if not tally.migrated:
        return EXIT_UNUSABLE
    from ..migration import ACTIONS

    counts = ", ".join(f"{tally.actions[a]} {a}" for a in ACTIONS if tally.actions[a]) or "no changes"
    print(
        f"migrated {tally.migrated} document(s): {tally.complete} complete, {tally.to_fill} with placeholders to "
        f"fill, {tally.invalid} still invalid, {tally.unusable} unusable; report: {counts}",
        file=sys.stderr,
    )
    if tally.unusable:
        return EXIT_UNUSABLE
    return EXIT_INCOMPLETE if tally.to_fill or tally.invalid else EXIT_OK


def _migrated(args: argparse.Namespace, tally: _Tally, report: _Report) -> Iterator[tuple[io.Document, Any, bytes]]:
    """Each usable document with its migration and its result as one line of JSON text, in input order;
    unusable ones are reported and skipped (the text is made before anything is written)."""
    from ..migration import MigrationError, migrate_text

    for document in io.documents(args.input):
        if isinstance(document, io.Unreadable):
            tally.unusable += 1
            _error(document.name, document.reason)
            continue
        try:
            migration = migrate_text(document.data)
        except MigrationError as error:
            tally.unusable += 1
            _error(document.name, str(error))
            continue
        except RecursionError:
            tally.unusable += 1
            _error(document.name, "the document is nested too deeply")
            continue
        except Exception as error:  # a defect of the migration: this document is reported, the rest go on
            tally.unusable += 1
            _error(document.name, f"internal error: {type(error).__name__}: {error} (please report it)")
            continue
        try:
            line = _text(document.name, migration.document, None)
        except ValueError as error:
            tally.unusable += 1
            _error(document.name, f"the result cannot be written as JSON: {error}")
            continue
        tally.migrated += 1
        tally.complete += migration.complete
        tally.to_fill += bool(migration.placeholders)
        tally.invalid += bool(migration.problems)
        tally.actions.update(entry.action for entry in migration.report)
        print(f"{document.name}: {migration.summary()}", file=sys.stderr)
        for placeholder in migration.placeholders:
            print(f"    fill {placeholder}", file=sys.stderr)
        for problem in migration.problems[:5]:
            print(f"    problem {problem}", file=sys.stderr)
        report.add(document.name, migration)
        yield document, migration, line


def _text(name: str, value: Any, indent: int | None) -> bytes:
    data, escaped = io.encode(value, indent)
    if escaped:
        print(f"    note {name}: a string holds a lone surrogate: written with \\u escapes", file=sys.stderr)
    return data


def _write_stream(args: argparse.Namespace, tally: _Tally, report: _Report) -> None:
    """All documents to one target (OUT or standard output): the first is held until a second shows whether
    the output is one indented document or ndjson; after that, each is written as it is done."""
    with _target(args.output) as sink:
        held: tuple[Any, bytes] | None = None
        lines = False
        for _, migration, line in _migrated(args, tally, report):
            if held is not None:
                sink(held[1] + b"\n")
                held, lines = None, True
            if lines:
                sink(line + b"\n")
            else:
                held = (migration.document, line)
        if held is not None:
            sink(io.encode(held[0], 2)[0] + b"\n")
        if not tally.migrated:
            raise _NothingWritten


def _write_per_file(args: argparse.Namespace, tally: _Tally, report: _Report) -> None:
    """A folder to a folder: the documents of each input file to the same relative path under OUT."""
    from .. import writing

    root, output = Path(args.input), Path(args.output)
    current: Path | None = None
    batch: list[tuple[Any, bytes]] = []

    def flush() -> None:
        if current is None or not batch:
            return
        target = output / current.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        one = len(batch) == 1
        data = io.encode(batch[0][0], 2)[0] + b"\n" if one else b"".join(line + b"\n" for _, line in batch)
        writing.write_bytes(target, data)

    for document, migration, line in _migrated(args, tally, report):
        if document.origin != current:
            flush()
            current, batch = document.origin, []
        batch.append((migration.document, line))
    flush()


class _NothingWritten(Exception):
    """No document could be migrated: the target is left as it was."""


class _StdoutClosed(Exception):
    """Standard output is closed or its reader went away."""


@contextlib.contextmanager
def _target(output: str | None) -> Iterator[Any]:
    """A function writing bytes to OUT (replaced only when every document was written) or to standard output."""
    if output:
        from .. import writing

        with contextlib.suppress(_NothingWritten), writing.replacing(output) as handle:
            yield handle.write
        return
    stream: BinaryIO | None = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise _StdoutClosed("it is closed")

    def write(data: bytes) -> None:
        try:
            stream.write(data)
            stream.flush()
        except (OSError, ValueError) as error:
            _silence_stdout()
            raise _StdoutClosed(getattr(error, "strerror", None) or str(error)) from None

    with contextlib.suppress(_NothingWritten):
        yield write


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)


class _Report:
    """The report file's stream (None without --report) and how many documents it holds."""

    def __init__(self) -> None:
        self.handle: BinaryIO | None = None
        self.count = 0

    def add(self, name: str, migration: Any) -> None:
        if self.handle is not None:
            self.handle.write(io.report_entry({"input": name, **migration.report_dict()}, first=not self.count))
        self.count += 1


@contextlib.contextmanager
def _reporting(path: str | None) -> Iterator[_Report]:
    """The report, written document by document to a temporary file renamed into place at the end (when
    at least one document was migrated; else an earlier report stays as it was)."""
    report = _Report()
    if not path:
        yield report
        return
    from .. import writing

    with contextlib.suppress(_NothingWritten), writing.replacing(path) as handle:
        report.handle = handle
        handle.write(io.report_opening())
        yield report
        if not report.count:
            raise _NothingWritten
        handle.write(io.report_closing())
