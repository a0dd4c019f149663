"""Tasks: `nox -s generate | check | tests | lint | bench`.

Every session installs what it needs into its own virtual environment, so a fresh machine with only
Python 3.11+ and nox can run any of them. `-R` reuses an environment without reinstalling.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nox

ROOT = Path(__file__).parent
CODEGEN = "packages/codegen"
UPSTREAM = os.environ.get("MLM_UPSTREAM_DATA", str(ROOT.parent / "shared" / "upstream-data"))
TEST_DEPS = ["pytest>=8", "hypothesis>=6.100", "jsonschema>=4.23", "jsonschema-rs>=0.29", "pyyaml>=6"]
# The linked-data and API targets are checked with the tools their users run (issue 16): pyld and pyshacl
# read the JSON-LD context and SHACL shapes, the stac-valid CLI uses the schema config, and
# datamodel-code-generator builds the second (oracle) class set of the property tests.
INTEROP_DEPS = ["pyld>=2.0.4", "pyshacl>=0.26", "stac-valid>=4.6,<5", "datamodel-code-generator>=0.26"]

nox.options.default_venv_backend = "uv|virtualenv"
# Installs write bytecode up front, so warm runs never recompile dependencies (even where the shell sets
# PYTHONDONTWRITEBYTECODE, which otherwise makes every run compile linkml from source: about 2 s).
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
nox.options.sessions = ["generate", "tests", "lint", "check"]
nox.options.reuse_existing_virtualenvs = False


def _install_codegen(session: nox.Session) -> None:
    session.install("-e", CODEGEN)


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate every artifact from schema/, then validate every example with the result."""
    _install_codegen(session)
    folders = [str(p) for p in [ROOT / "examples"] if any(p.rglob("*.json"))]
    upstream_examples = Path(UPSTREAM) / "mlm" / "v1.5.2" / "examples"
    if upstream_examples.is_dir():
        folders.append(str(upstream_examples))
    else:
        session.log(f"upstream examples not found at {upstream_examples}: validating the project's own only")
    session.run("python", "-m", "stac_ext_codegen", "generate", "--examples", *folders)
    session.install("-e", "packages/stac-mlm")  # migrate every legacy example and validate the results
    session.run("python", "packages/stac-mlm/tools/migrate_legacy_examples.py", UPSTREAM)


@nox.session
def check(session: nox.Session) -> None:
    """Regenerate into a scratch tree and fail on any difference from the committed artifacts."""
    _install_codegen(session)
    session.run("python", "-m", "stac_ext_codegen", "check")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (tests needing ../shared/upstream-data skip when it is absent)."""
    _install_codegen(session)
    session.install(*TEST_DEPS, *INTEROP_DEPS)
    session.install("-e", "packages/stac-mlm[fast,dask,pystac]")
    session.run("pytest", "tests", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) on all Python code, and linkml-lint on schema/."""
    _install_codegen(session)
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    for source in sorted(Path("schema").glob("*.yaml")):
        if source.name not in {"rules.yaml", "codegen.yaml"} and not source.name.startswith(
            "."
        ):  # rules and generator config are not LinkML
            session.run("linkml-lint", "--config", "schema/.linkmllint.yaml", str(source))


@nox.session
def bench(session: nox.Session) -> None:
    """Print timings: warm `nox -R -s generate` (goal: under 5 s on 2 cores), cold `import stac_mlm` (goal:
    under 0.3 s) and parse throughput beside stac-model 0.7.0 (a comparison baseline, never a dependency)."""
    runs = []
    command = [sys.executable, "-m", "nox", "-R", "-s", "generate"]
    # build (or update) the environment once with its installs, then time the warm runs
    subprocess.run([sys.executable, "-m", "nox", "-s", "generate"], cwd=ROOT, check=True, capture_output=True)
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        runs.append(time.perf_counter() - started)
    session.log(
        f"warm `nox -R -s generate`: median {statistics.median(runs):.2f} s, "
        f"min {min(runs):.2f} s, max {max(runs):.2f} s over {len(runs)} runs (goal < 5 s)"
    )
    session.install("-e", "packages/stac-mlm", "stac-model==0.7.0")
    examples = Path(UPSTREAM) / "mlm" / "v1.5.2" / "examples"
    session.run("python", "packages/stac-mlm/tools/bench_runtime.py", "--examples", str(examples))
    session.install("-e", "packages/stac-mlm[fast]", "jsonschema>=4.23")
    # migration throughput (goal: 5,000 documents/s)
    session.run("python", "packages/stac-mlm/tools/bench_migrate.py", UPSTREAM)
    session.run("python", "packages/stac-mlm/tools/bench_cli.py")
    # the two Pydantic class sets (LinkML generator + hooks, datamodel-code-generator) on the same documents
    _install_codegen(session)
    session.install("datamodel-code-generator>=0.26")
    session.run("python", "packages/codegen/tools/bench_class_sets.py", UPSTREAM)


DOCS_DEPS = ["mkdocs==1.6.1", "mkdocs-material==9.8.1", "pymdown-extensions==13.1"]
READER_DEPS = ["pytest>=8", "selenium==4.51.0"]
MERMAID = "mermaid@11.4.1"  # served with the site (docs/assets/vendor/, git-ignored) so the diagram renders offline


def _vendor_mermaid(session: nox.Session) -> None:
    """Put mermaid.min.js beside the docs (from the npm registry); without it the theme loads it from a CDN."""
    import shutil
    import tarfile

    target = ROOT / "docs" / "assets" / "vendor" / "mermaid.min.js"
    if target.is_file():
        return
    if shutil.which("npm") is None:
        session.log("npm not found: the class diagram will load mermaid from a CDN when the site is read")
        return
    scratch = ROOT / "build" / "vendor"
    scratch.mkdir(parents=True, exist_ok=True)
    session.run("npm", "pack", MERMAID, "--silent", "--pack-destination", str(scratch), external=True, silent=True)
    archive = next(scratch.glob("mermaid-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.extractfile("package/dist/mermaid.min.js")
        assert member is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(member.read())


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs site (`mkdocs build --strict`); `-- serve` for live editing; `-- check` to read it
    in headless Chromium (installs Debian's chromium when missing; screenshots in build/screenshots/)."""
    _install_codegen(session)
    session.install(*DOCS_DEPS)
    session.env["NO_MKDOCS_2_WARNING"] = "1"  # mkdocs-material 9.8 prints an end-of-life banner otherwise
    action = session.posargs[0] if session.posargs else "build"
    _vendor_mermaid(session)
    if action == "serve":
        session.run("mkdocs", "serve", *session.posargs[1:])
        return
    session.run("mkdocs", "build", "--strict", "--site-dir", "site")
    if action == "check":
        if not Path("/usr/bin/chromium").exists():
            session.run("apt-get", "update", "-qq", external=True)
            session.run("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver", external=True)
        session.install(*READER_DEPS)
        session.run(
            "pytest",
            "tests/test_docs_site.py",
            "-m",
            "docs",
            "-p",
            "no:cacheprovider",
            *session.posargs[1:],
            env={"DOCS_READER_REQUIRED": "1"},  # here a missing browser is a failure, not a skip
        )


@nox.session
def fuzz(session: nox.Session) -> None:
    """Long property-based campaign over tests/properties: MLM_FUZZ_EXAMPLES examples per property
    (default 20,000), random seeds; prints the counts per property. `-- -k <name>` picks properties."""
    _install_codegen(session)
    session.install(*TEST_DEPS, "-e", "packages/stac-mlm")
    env = {"MLM_HYPOTHESIS_PROFILE": "fuzz", "MLM_FUZZ_EXAMPLES": os.environ.get("MLM_FUZZ_EXAMPLES", "20000")}
    session.run("pytest", "tests/properties", "-p", "no:cacheprovider", *session.posargs, env=env)
