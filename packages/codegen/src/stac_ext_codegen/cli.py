"""Command line: ``stac-ext-codegen generate | check | coverage | new-version | release | amend | diff | ...``."""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .model import ModelError, SourceModel, load_version
from .versions import VersionError, VersionIndex

SCHEMA = "schema"


def _head(root: Path) -> SourceModel:
    """The live model, refused when generating it would change a released version."""
    from .modellint import check_source

    check_source(root / SCHEMA, root)  # mistakes in schema/ as file:line, before any generator runs
    index = VersionIndex.find(root / SCHEMA)
    if index is not None:
        problem = index.frozen_problems()
        if problem:
            raise ModelError(problem)
    return SourceModel.load(root / SCHEMA)


def _generate(args: argparse.Namespace) -> int:
    from .outputs import owned_folders, write_all

    started = time.perf_counter()
    model = _head(args.root)
    if model.version is not None:
        print(f"head of {SCHEMA}/: {model.version.version} ({model.version.status})")
    written = [path.relative_to(args.root).as_posix() for path in write_all(model, args.root)]
    folders = owned_folders(model)
    for path in written:
        if not any(path.startswith(folder + "/") for folder in folders):
            print(f"wrote {path}")
    for folder in folders:
        count = sum(1 for path in written if path.startswith(folder + "/"))
        print(f"wrote {count} file(s) under {folder}/")
    print(f"generated {len(written)} file(s) in {time.perf_counter() - started:.2f} s")
    status = max(_coverage(model, args), _draft_gates(model, args.root))
    # The rendered fixtures were just checked one by one, with their sidecars.
    checked = {(args.root / model.config.get("fixtures", "rendered")).resolve()}
    args.examples = [folder for folder in args.examples if folder.resolve() not in checked]
    if args.examples:
        status = max(status, _validate_examples(args))
    return status


def _coverage(model: SourceModel, args: argparse.Namespace | None = None, *, strict: bool = False) -> int:
    """Check every example fixture against its sidecar and print what the fixtures cover; 1 under 100%.

    For a draft (unless ``strict``), gaps in coverage are warnings: only a misbehaving fixture fails.
    """
    from .coverage import measure
    from .fixtures import load_fixtures
    from .versioned import release_schema

    fixtures = load_fixtures(model)
    if not fixtures:
        return 0
    result = measure(model, release_schema(model), fixtures)  # a release's schema comes from the cache
    print(result.table())
    if result.complete:
        return 0
    if model.version is not None and model.version.status == "draft" and not strict and not result.problems:
        name = model.version.version
        print(f"warning: example coverage is below 100% for the draft {name} (see above); `nox -s release` needs 100%")
        return 0
    print("example coverage is below 100%, or a fixture misbehaves: see above")
    return 1


def _draft_gates(model: SourceModel, root: Path) -> int:
    """Rule examples must get their verdicts (1 if not); for a draft, what `release` would refuse is
    shown as warnings (see gates.py)."""
    from .gates import (
        breaking_contradictions,
        describe_migration,
        draft_migration,
        released_copy_problems,
        rule_examples,
    )

    failures = rule_examples(model)
    for failure in failures:
        print(f"FAIL {failure}")
    index, version = model.versions, model.version
    if index is not None and version is not None and version.status == "draft":
        if not version.breaking_accepted:
            for line in breaking_contradictions(index, version):
                print(f"warning: {line}")
        step = draft_migration(model)
        for line in describe_migration(step) if step else []:
            print(("warning: " if "decide" in line else "") + line)
        if index.schema_dir.resolve() == (root / SCHEMA).resolve():
            for problem in released_copy_problems(root, "2000-01-01"):
                print(f"warning: after releasing {version.version}, a release gate fails: {problem}")
    return 1 if failures else 0


def _check(args: argparse.Namespace) -> int:
    """Regenerate into a scratch tree and compare it with the committed files."""
    from .gates import rule_examples
    from .outputs import owned_folders, stale_files, write_all

    model = _head(args.root)
    wrong = rule_examples(model)
    for failure in wrong:
        print(f"FAIL {failure}")
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
    if wrong:
        print(f"{len(wrong)} rule example(s) in {model.rules_file} do not get their verdict")
        return 1
    if drift:
        print(f"{drift} generated file(s) out of date: run `nox -s generate` and commit the result")
        return 1
    print(f"{len(expected)} generated file(s) match schema/")
    return 0


def _validate_examples(args: argparse.Namespace) -> int:
    """Valid examples must pass the generated schema; files under an `invalid/` folder must fail.

    As STAC validators do, a document is checked against the schema of each version whose URL its
    `stac_extensions` lists (or, for an unversioned source, the generated schema's `$id`).
    """
    import jsonschema

    validators = _schemas_by_url(args.root)
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
            declared = declared if isinstance(declared, list) else []
            chosen = [validators[url] for url in declared if isinstance(url, str) and url in validators]
            if not chosen and expect_valid:
                skipped += 1
                print(f"skip {path}: lists no schema URL of this source in stac_extensions")
                continue
            schemas = chosen or list(dict.fromkeys(validators.values()))[-1:]
            errors = [e for schema in schemas for e in jsonschema.Draft7Validator(schema).iter_errors(document)]
            checked += 1
            if bool(errors) == expect_valid:
                failures += 1
                what = "rejected" if errors else "accepted"
                print(f"FAIL {path}: {what}, expected {'valid' if expect_valid else 'invalid'}")
                for error in errors[:3]:
                    print(f"    {error.json_path}: {error.message[:200]}")
    print(f"{checked} example(s) checked, {skipped} skipped, {failures} failure(s)")
    return 1 if failures else 0


def _schemas_by_url(root: Path) -> dict[str, dict[str, Any]]:
    """Every URL a generated schema answers to, with that schema (latest release last)."""
    index = VersionIndex.find(root / SCHEMA)
    if index is None:
        from .jsonschema import json_schema_of

        schema = json_schema_of(SourceModel.load(root / SCHEMA))
        return {schema["$id"]: schema}
    from .versioned import schema_document

    found = {}
    for version in [*[v for v in index.all if v != index.latest], index.latest]:
        schema = schema_document(index, version)
        for url in version.urls:
            found[url] = schema
    return found


def _index(root: Path) -> VersionIndex:
    index = VersionIndex.find(root / SCHEMA)
    if index is None:
        raise VersionError(f"{root / SCHEMA}: no versions.yaml, so it holds no versions")
    return index


def _new_version(args: argparse.Namespace) -> int:
    from .config import find_config
    from .version_strings import rewrite_head

    index = _index(args.root)
    previous = index.head
    draft = index.start_draft(args.version)
    config = find_config(index.schema_dir)
    rewrite_head(index.schema_dir, config.model_root, config.rules_file, previous, draft)
    index.save()
    print(f"started the draft {draft.version} ({draft.url}) in {SCHEMA}/versions.yaml")
    frozen = ", ".join(r.version for r in index.releases)
    print(f"the model files in {SCHEMA}/ are now {draft.version}; the releases ({frozen}) stay frozen")
    print(
        "next: edit schema/, `nox -s generate`, "
        f"`nox -s diff -- {index.latest.version} {draft.version}`, then `nox -s release`"
    )
    return 0


def _release(args: argparse.Namespace) -> int:
    """Turn the draft into a release, once its examples cover the model, its errata are reviewed and the
    changelog has its entry."""
    import dataclasses
    import datetime
    import re

    from .modellint import check_source
    from .outputs import write_all

    index = _index(args.root)
    if index.draft is None:
        raise VersionError("there is no draft to release: start one with `nox -s new-version -- X.Y.Z`")
    check_source(index.schema_dir, args.root)
    draft = index.draft
    model = load_version(index, draft)
    missing = []
    if _coverage(model, strict=True):
        missing.append("example coverage of the draft must be 100% (see the table above)")
    if not draft.errata_reviewed:
        missing.append(
            f"review the errata (docs/errata.md, schema/examples/errata.yaml) against {draft.version}, then set "
            f"`errata_reviewed: true` on the draft in {SCHEMA}/versions.yaml"
        )
    args.changelog = args.changelog or model.config.get("docs", "changelog")
    changelog = args.root / args.changelog
    heading = re.compile(rf"^#+ .*\bv?{re.escape(draft.semver)}\b", re.MULTILINE)
    if not changelog.is_file() or not heading.search(changelog.read_text(encoding="utf-8")):
        missing.append(f"add a section for {draft.version} to {args.changelog} (a heading naming the version)")
    from .gates import breaking_contradictions, draft_migration, released_copy_problems, rule_examples

    missing += [f"rule example: {failure}" for failure in rule_examples(model)]
    step = draft_migration(model)
    missing += [
        f"a breaking change the diff cannot migrate needs a rule in {SCHEMA}/migrations/ and a `breaking_changes` "
        f"entry for {step['from']} -> {step['to']}: {undecided}"
        for undecided in (step["undecided"] if step else [])
    ]
    accepted = args.accept_breaking or draft.breaking_accepted
    contradictions = breaking_contradictions(index, draft)
    if contradictions and not accepted:
        missing.append("\n".join(contradictions))
    date = args.date or datetime.date.today().isoformat()
    if not missing:  # the costly gate last: the project after the release, in a scratch copy
        missing += [f"release gate: {p}" for p in released_copy_problems(args.root, date, accept_breaking=accepted)]
    if missing:
        print(f"cannot release {draft.version} yet:")
        for item in missing:
            print(f"  - {item}")
        return 1
    if contradictions and accepted:
        index.draft = dataclasses.replace(draft, breaking_accepted=accepted)
        print(f"breaking changes in {draft.version} accepted ({accepted}): recorded in {SCHEMA}/versions.yaml")
    released = index.release_draft(date)
    index.save()
    print(f"released {released.version} ({date}): its source is frozen in {SCHEMA}/{released.source}")
    written = write_all(SourceModel.load(args.root / SCHEMA), args.root)
    print(f"regenerated {len(written)} file(s); commit {SCHEMA}/ and the generated files")
    return 0


def _filled(args: argparse.Namespace) -> int:
    """Write a version's model files with the placeholders filled (what LinkML tools such as linkml-lint read)."""
    from .modelfiles import model_files

    index = VersionIndex.find(args.root / SCHEMA)
    model = SourceModel.load(args.root / SCHEMA) if index is None else load_version(index, args.version or index.head)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in model_files(model.directory, model.root, model.rules_file):
        (args.out / name).parent.mkdir(parents=True, exist_ok=True)
        (args.out / name).write_text((model.directory / name).read_text(encoding="utf-8"), encoding="utf-8")
        print(args.out / name)
    return 0


def _amend(args: argparse.Namespace) -> int:
    """Record an editorial amendment of frozen releases whose normative outputs stay byte-identical."""
    import datetime

    from .amend import amend

    index = _index(args.root)
    date = args.date or datetime.date.today().isoformat()
    for done in amend(index, args.root, args.reason, date, args.versions):
        print(f"amended {done.version}: its normative outputs are unchanged; digest now {done.digest}")
    index.save()
    print(f"recorded in {SCHEMA}/versions.yaml; now regenerate (`nox -s generate`) and commit")
    problem = index.frozen_problems()
    if problem:
        print(f"warning: {problem}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import diff_versions, render_text

    index = _index(args.root)
    changes = diff_versions(index, args.old, args.new)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "old": index.get(args.old).version,
                    "new": index.get(args.new).version,
                    "changes": [c.as_dict() for c in changes],
                },
                indent=2,
            )
        )
    else:
        print(render_text(changes, index.get(args.old).version, index.get(args.new).version))
    return 0


def _resolved(args: argparse.Namespace) -> int:
    from .jsonschema import dump_json
    from .resolved import resolve

    model = load_version(_index(args.root), args.version) if args.version else SourceModel.load(args.root / SCHEMA)
    sys.stdout.write(dump_json(resolve(model).to_json()))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the generator's command line; the exit status."""
    parser = argparse.ArgumentParser(prog="stac-ext-codegen", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (holds schema/ and generated/)")
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="regenerate every artifact from schema/")
    generate.add_argument("--examples", nargs="*", type=Path, default=[], help="then validate these example folders")
    commands.add_parser("check", help="fail if committed artifacts differ from what schema/ generates")
    commands.add_parser("coverage", help="check the example fixtures and print what of the model they cover")
    resolved = commands.add_parser("resolved", help="print the resolved model (every slot of every class) as JSON")
    resolved.add_argument("--version", help="a version the source holds, e.g. v1.5.2 (default: the head)")
    validate = commands.add_parser("validate-examples", help="validate example folders with the generated schema")
    validate.add_argument("examples", nargs="+", type=Path)
    new_version = commands.add_parser("new-version", help="start a draft of the next version (X.Y.Z)")
    new_version.add_argument("version", help="the draft's version, e.g. 1.6.0")
    release = commands.add_parser("release", help="turn the draft into a release (frozen snapshot)")
    release.add_argument("--date", help="release date, YYYY-MM-DD (default: today)")
    release.add_argument(
        "--accept-breaking",
        metavar="REASON",
        help="release a minor or patch version that carries breaking changes (the reason is recorded)",
    )
    release.add_argument("--changelog", help="the changelog that must have the version's entry (default: codegen.yaml)")
    filled = commands.add_parser("filled", help="write a version's model files with the version placeholders filled")
    filled.add_argument("out", type=Path, help="folder to write them to")
    filled.add_argument("--version", help="default: the head (the draft, else the latest release)")
    amend = commands.add_parser("amend", help="accept an editorial edit of frozen releases (outputs unchanged)")
    amend.add_argument("versions", nargs="*", help="releases to amend (default: every edited one)")
    amend.add_argument("--reason", required=True, help="why, recorded with the date in versions.yaml")
    amend.add_argument("--date", help="YYYY-MM-DD (default: today)")
    diff = commands.add_parser("diff", help="field-level differences between two versions")
    diff.add_argument("old", help="e.g. v1.5.2")
    diff.add_argument("new", help="e.g. v1.6.0")
    diff.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    handlers = {
        "generate": _generate,
        "check": _check,
        "validate-examples": _validate_examples,
        "coverage": lambda a: _coverage(SourceModel.load(a.root / SCHEMA), a),
        "resolved": _resolved,
        "new-version": _new_version,
        "release": _release,
        "diff": _diff,
        "amend": _amend,
        "filled": _filled,
    }
    try:
        return handlers[args.command](args)
    except (ModelError, VersionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
