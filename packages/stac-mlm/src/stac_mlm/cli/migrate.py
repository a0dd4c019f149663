"""`stac-mlm migrate IN [-o OUT] [--report REPORT.json]`: migrate legacy documents to MLM v1.5.2.

IN is a JSON file, a folder (every `*.json` and `*.jsonc` in it, recursively), an ndjson file (one document per
line) or `-` for standard input. One document is written as indented JSON; several are written as
ndjson, or, when IN is a folder and OUT is given, as files under OUT at the same relative paths.
A summary goes to standard error, with every placeholder the output holds (its path and what to put
there). Exit status: 0 when every output is complete (valid, no placeholder); 1 when the outputs were
written but hold placeholders a person must fill (or are still invalid); 2 when an input is unusable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_INCOMPLETE, EXIT_UNUSABLE = 0, 1, 2
_SUFFIXES = {".json", ".jsonc"}  # read from a folder (`.jsonc`: JSON with comments)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``migrate`` command to the CLI."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        help="migrate DLM, ml-model and earlier MLM documents to MLM v1.5.2",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="IN", help="a JSON or ndjson file, a folder, or - for standard input")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write the result (default: standard output)")
    parser.add_argument("--report", metavar="REPORT.json", help="write the full migration report as JSON")
    parser.set_defaults(run=run)
    return parser


def _inputs(source: str) -> list[tuple[str, bytes]]:
    """(name, bytes) for every document-holding input; raises OSError when unreadable."""
    if source == "-":
        return [("<stdin>", sys.stdin.buffer.read())]
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
        return [(str(p), p.read_bytes()) for p in files]
    return [(str(path), path.read_bytes())]


def _split_ndjson(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """One (name, text) per line when the input is ndjson (several JSON values, one per line)."""
    lines = [line for line in data.splitlines() if line.strip()]
    if name.endswith((".ndjson", ".jsonl")) or (len(lines) > 1 and all(_is_json(line) for line in lines)):
        return [(f"{name}:{number}", line) for number, line in enumerate(lines, 1)]
    return [(name, data)]


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    """Migrate the input; the exit status."""
    from ..migration import MigrationError, migrate_text, summarize

    try:
        sources = _inputs(args.input)
    except OSError as error:
        print(f"error: cannot read {args.input}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNUSABLE
    if not sources:
        print(f"error: no *.json or *.jsonc files in {args.input}", file=sys.stderr)
        return EXIT_UNUSABLE
    results: list[tuple[str, Any]] = []
    failures = 0
    for name, data in sources:
        for item_name, text in _split_ndjson(name, data):
            try:
                migration = migrate_text(text)
            except MigrationError as error:
                failures += 1
                print(f"error: {item_name}: {error}", file=sys.stderr)
                continue
            except RecursionError:
                failures += 1
                print(f"error: {item_name}: the document is nested too deeply", file=sys.stderr)
                continue
            results.append((item_name, migration))
            print(f"{item_name}: {migration.summary()}", file=sys.stderr)
            for placeholder in migration.placeholders:
                print(f"    fill {placeholder}", file=sys.stderr)
            for problem in migration.problems[:5]:
                print(f"    problem {problem}", file=sys.stderr)
    if not results:
        return EXIT_UNUSABLE
    try:
        _write(args, results)
        if args.report:
            report = {"documents": [{"input": name, **m.report_dict()} for name, m in results]}
            Path(args.report).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    entries = [entry for _, m in results for entry in m.report]
    invalid = sum(1 for _, m in results if m.problems)
    to_fill = sum(1 for _, m in results if m.placeholders)
    print(
        f"migrated {len(results)} document(s): {sum(1 for _, m in results if m.complete)} "
        f"complete, {to_fill} with placeholders to fill, {invalid} still invalid, {failures} unusable; "
        f"report: {summarize(entries)}",
        file=sys.stderr,
    )
    if failures:
        return EXIT_UNUSABLE
    return EXIT_INCOMPLETE if to_fill or invalid else EXIT_OK


def _write(args: argparse.Namespace, results: list[tuple[str, Any]]) -> None:
    if len(results) == 1:
        text = json.dumps(results[0][1].document, indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(json.dumps(m.document, ensure_ascii=False) + "\n" for _, m in results)
    if not args.output:
        sys.stdout.write(text)
        return
    output = Path(args.output)
    if Path(args.input).is_dir() and (output.is_dir() or not output.suffix):
        root = Path(args.input)
        for name, migration in results:
            target = output / Path(name).relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(migration.document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    output.write_text(text, encoding="utf-8")
