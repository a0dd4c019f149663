"""Command line: ``stac-ext-codegen generate | check | validate-examples``."""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .model import ModelError, SourceModel


def _generate(args: argparse.Namespace) -> int:
    from .outputs import owned_folders, write_all

    started = time.perf_counter()
    model = SourceModel.load(args.root / "schema")
    written = [path.relative_to(args.root).as_posix() for path in write_all(model, args.root)]
    folders = owned_folders(model)
    for path in written:
        if not any(path.startswith(folder + "/") for folder in folders):
            print(f"wrote {path}")
    for folder in folders:
        count = sum(1 for path in written if path.startswith(folder + "/"))
        print(f"wrote {count} file(s) under {folder}/")
    print(f"generated {len(written)} file(s) in {time.perf_counter() - started:.2f} s")
    status = _coverage(model, args)
    # The rendered fixtures were just checked one by one, with their sidecars.
    checked = {(args.root / model.config.get("fixtures", "rendered")).resolve()}
    args.examples = [folder for folder in args.examples if folder.resolve() not in checked]
    if args.examples:
        status = max(status, _validate_examples(args))
    return status


def _coverage(model: SourceModel, args: argparse.Namespace) -> int:
    """Check every example fixture against its sidecar and print what the fixtures cover; 1 under 100%."""
    from .coverage import measure
    from .fixtures import load_fixtures
    from .jsonschema import json_schema_of

    fixtures = load_fixtures(model)
    if not fixtures:
        return 0
    result = measure(model, json_schema_of(model), fixtures)
    print(result.table())
    if not result.complete:
        print("example coverage is below 100%, or a fixture misbehaves: see above")
        return 1
    return 0


def _check(args: argparse.Namespace) -> int:
    """Regenerate into a scratch tree and compare it with the committed files."""
    from .outputs import owned_folders, stale_files, write_all

    model = SourceModel.load(args.root / "schema")
    with tempfile.TemporaryDirectory(prefix="codegen-check-") as scratch:
        scratch_root = Path(scratch)
        produced = write_all(model, scratch_root, base=args.root)
        drift = 0
        expected = {p.relative_to(scratch_root) for p in produced}
        for fresh in produced:
            relative = fresh.relative_to(scratch_root)
            committed = args.root / relative
            new_text = fresh.read_text(encoding="utf-8")
            old_text = committed.read_text(encoding="utf-8") if committed.exists() else ""
            if new_text != old_text:
                drift += 1
                print(f"DRIFT {relative}: the committed file differs from what schema/ generates")
                diff = difflib.unified_diff(
                    old_text.splitlines(),
                    new_text.splitlines(),
                    f"committed/{relative}",
                    f"generated/{relative}",
                    lineterm="",
                )
                for line in list(diff)[:40]:
                    print("    " + line)
        for stale in stale_files(owned_folders(model), args.root, {p.as_posix() for p in expected}):
            drift += 1
            print(f"STALE {stale.relative_to(args.root)}: no generator produces this file any more")
        shutil.rmtree(scratch_root, ignore_errors=True)
    if drift:
        print(f"{drift} generated file(s) out of date: run `nox -s generate` and commit the result")
        return 1
    print(f"{len(expected)} generated file(s) match schema/")
    return 0


def _validate_examples(args: argparse.Namespace) -> int:
    """Valid examples must pass the generated schema; files under an `invalid/` folder must fail.

    As STAC validators do, a document is checked only if its `stac_extensions` lists the schema's `$id`.
    """
    import jsonschema

    schema = json.loads((args.root / "generated" / "json-schema" / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    failures = checked = skipped = 0
    for folder in args.examples:
        for path in sorted(Path(folder).rglob("*.json")):
            if path.name.endswith(".expected.json"):
                continue
            expect_valid = "invalid" not in path.parts
            sidecar = path.with_name(path.name.removesuffix(".json") + ".expected.json")
            if sidecar.is_file():  # a sidecar states the verdict (errata cases may be either)
                expect_valid = bool(json.loads(sidecar.read_text(encoding="utf-8")).get("valid", False))
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                print(f"FAIL {path}: not readable as JSON ({error})")
                failures += 1
                continue
            declared = document.get("stac_extensions", []) if isinstance(document, dict) else []
            if schema["$id"] not in declared and expect_valid:
                skipped += 1
                print(f"skip {path}: does not list {schema['$id']} in stac_extensions")
                continue
            errors = list(validator.iter_errors(document))
            checked += 1
            if bool(errors) == expect_valid:
                failures += 1
                what = "rejected" if errors else "accepted"
                print(f"FAIL {path}: {what}, expected {'valid' if expect_valid else 'invalid'}")
                for error in errors[:3]:
                    print(f"    {error.json_path}: {error.message[:200]}")
    print(f"{checked} example(s) checked, {skipped} skipped, {failures} failure(s)")
    return 1 if failures else 0


def _resolved(args: argparse.Namespace) -> int:
    from .jsonschema import dump_json
    from .resolved import resolve

    sys.stdout.write(dump_json(resolve(SourceModel.load(args.root / "schema")).to_json()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stac-ext-codegen", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (holds schema/ and generated/)")
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="regenerate every artifact from schema/")
    generate.add_argument("--examples", nargs="*", type=Path, default=[], help="then validate these example folders")
    commands.add_parser("check", help="fail if committed artifacts differ from what schema/ generates")
    commands.add_parser("coverage", help="check the example fixtures and print what of the model they cover")
    commands.add_parser("resolved", help="print the resolved model (every slot of every class, decoded) as JSON")
    validate = commands.add_parser("validate-examples", help="validate example folders with the generated schema")
    validate.add_argument("examples", nargs="+", type=Path)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    handlers = {
        "generate": _generate,
        "check": _check,
        "validate-examples": _validate_examples,
        "coverage": lambda a: _coverage(SourceModel.load(a.root / "schema"), a),
        "resolved": _resolved,
    }
    try:
        return handlers[args.command](args)
    except ModelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
