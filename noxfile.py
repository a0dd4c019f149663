"""Tasks: `nox -s generate | check | tests | lint | bench`.

Every session installs what it needs into its own virtual environment, so a fresh machine with only
Python 3.11+ and nox can run any of them. `-R` reuses an environment without reinstalling.
"""

from __future__ import annotations

import json
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
#: Every development tool, with the versions that agree with the code, in one place: sessions install from
#: here only. ruff: 0.16 and 0.17 format the code as committed (0.6-0.14 disagree on blank lines, and from
#: 0.16 ruff also formats the python blocks of the Markdown pages); raise the bound after `ruff format` with
#: the new version leaves the tree unchanged. pytest 8 and 9 run the suite.
TOOLS = {
    "ruff": "ruff>=0.16,<0.18",
    "mypy": "mypy>=1.11,<3",
    "pytest": "pytest>=8,<10",
    "pytest-xdist": "pytest-xdist>=3.6,<4",
    "hypothesis": "hypothesis>=6.100,<7",
    "jsonschema": "jsonschema>=4.23,<5",
    "jsonschema-rs": "jsonschema-rs>=0.29,<1",
    "pyyaml": "pyyaml>=6,<7",
    "selenium": "selenium==4.51.0",
    "mkdocs": "mkdocs==1.6.1",
    "mkdocs-material": "mkdocs-material==9.8.1",
    "pymdown-extensions": "pymdown-extensions==13.1",
    "mkdocstrings": "mkdocstrings==1.0.8",  # the Python API page (docs/api.md), from the docstrings
    "mkdocstrings-python": "mkdocstrings-python==2.0.11",
    "build": "build>=1.2,<2",
    "twine": "twine>=7,<8",  # 7 reads the metadata 2.5 that current hatchling writes
    # The linked-data and API targets are checked with the tools their users run (issue 16): pyld and pyshacl
    # read the JSON-LD context and SHACL shapes, the stac-valid CLI uses the schema config, and
    # datamodel-code-generator builds the second (oracle) class set of the property tests.
    "pyld": "pyld>=2.0.4,<4",
    "pyshacl": "pyshacl>=0.26,<1",
    "stac-valid": "stac-valid>=4.6,<5",
    "datamodel-code-generator": "datamodel-code-generator>=0.26,<1",
}
TEST_DEPS = [TOOLS[name] for name in ("pytest", "pytest-xdist", "hypothesis", "jsonschema", "jsonschema-rs", "pyyaml")]
INTEROP_DEPS = [TOOLS[name] for name in ("pyld", "pyshacl", "stac-valid", "datamodel-code-generator")]

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


@nox.session(name="new-version")
def new_version(session: nox.Session) -> None:
    """Start a draft of the next version (`nox -s new-version -- 1.6.0`), then regenerate: from then on the
    files in schema/ are that draft, and every release stays frozen in schema/releases/."""
    if len(session.posargs) != 1:
        session.error("usage: nox -s new-version -- X.Y.Z")
    _install_codegen(session)
    session.run("python", "-m", "stac_ext_codegen", "new-version", session.posargs[0])
    session.run("python", "-m", "stac_ext_codegen", "generate")


@nox.session
def release(session: nox.Session) -> None:
    """Turn the draft into a release (`-- --date YYYY-MM-DD`, default today): needs 100% example coverage,
    `errata_reviewed: true` on the draft in schema/versions.yaml and a docs/changelog.md entry."""
    _install_codegen(session)
    session.run("python", "-m", "stac_ext_codegen", "release", *session.posargs)


@nox.session
def diff(session: nox.Session) -> None:
    """Field-level differences between two versions (`nox -s diff -- v1.5.2 v1.6.0 [--format json]`)."""
    if len(session.posargs) < 2:
        session.error("usage: nox -s diff -- OLD NEW [--format json]")
    _install_codegen(session)
    session.run("stac-ext-codegen", "diff", *session.posargs)


@nox.session
def codegen(session: nox.Session) -> None:
    """Any command of the generator's CLI (`nox -s codegen -- --help`, `-- resolved --version v1.5.2`, ...)."""
    _install_codegen(session)
    session.run("stac-ext-codegen", *(session.posargs or ["--help"]))


@nox.session
def amend(session: nox.Session) -> None:
    """Accept an editorial edit of frozen releases (`-- --reason "..." [v1.5.2 ...]`): refused unless each
    release's normative outputs stay byte-identical; records the new digest, dated, then regenerates."""
    _install_codegen(session)
    session.run("python", "-m", "stac_ext_codegen", "amend", *session.posargs)
    session.run("python", "-m", "stac_ext_codegen", "generate")


@nox.session
def check(session: nox.Session) -> None:
    """Regenerate into a scratch tree and fail on any difference from the committed artifacts."""
    _install_codegen(session)
    session.run("python", "-m", "stac_ext_codegen", "check")


#: What each test group installs and runs. The runtime group installs only the runtime package (with its
#: extras) and the test tools, never packages/codegen or linkml: it proves `stac_mlm` stands alone.
TEST_GROUPS = {
    "runtime": {"folders": ["tests/runtime"], "codegen": False},
    "codegen": {"folders": ["tests/codegen", "tests/properties"], "codegen": True},
}


#: pytest options whose value is the next argument (that value is never a path to select tests by)
_VALUED = {"-k", "-m", "-p", "-o", "-c", "-W", "--deselect", "--ignore", "--ignore-glob", "--rootdir", "--durations"}


def _group_args(folders: list[str], posargs: list[str]) -> list[str] | None:
    """pytest arguments for one group: its folders, or the paths named in posargs that lie inside them (a path
    holding the group's folders, such as `tests`, stands for them); None when posargs name paths, none of them
    in this group."""
    paths = [
        arg
        for index, arg in enumerate(posargs)
        if not arg.startswith("-")
        and (index == 0 or posargs[index - 1] not in _VALUED)
        and Path(arg.split("::")[0]).exists()
    ]
    if not paths:
        return [*folders, *posargs]
    chosen: list[str] = []
    root = ROOT.resolve()
    for arg in paths:
        where = Path(arg.split("::")[0]).resolve()
        if any(where.is_relative_to(root / folder) for folder in folders):
            chosen.append(arg)
        elif "::" not in arg:
            chosen += [folder for folder in folders if (root / folder).is_relative_to(where)]
    if not chosen:
        return None
    return [*dict.fromkeys(chosen), *(arg for arg in posargs if arg not in paths)]


@nox.session
@nox.parametrize("group", [nox.param(name, id=name) for name in TEST_GROUPS])
def tests(session: nox.Session, group: str) -> None:
    """The test suite in two environments: runtime (no generator, no linkml), codegen (everything).

    Tests needing ../shared/upstream-data skip when it is absent; `-- -m "not slow"` is the quick loop."""
    spec = TEST_GROUPS[group]
    args = _group_args(spec["folders"], session.posargs)
    if args is None:
        session.skip(f"no path given lies in the {group} group")
    if spec["codegen"]:
        _install_codegen(session)
    session.install(*TEST_DEPS, *(INTEROP_DEPS if spec["codegen"] else []))
    session.install("-e", "packages/stac-mlm[fast,dask,pystac,onnx,hf,remote]")
    # one pytest worker per CPU this process may use (none on one CPU, as in CI); `-n N` in posargs overrides
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    chose = any(arg in ("-n", "--numprocesses") or arg.startswith(("-n=", "--numprocesses=")) for arg in args)
    workers = ["-n", str(cpus)] if cpus > 1 and not chose else []
    # posargs may select nothing in one group (e.g. `-k` naming a runtime test): that is not a failure
    codes = [0, 5] if session.posargs else [0]
    session.run("pytest", *workers, *args, env={"MLM_TEST_GROUP": group}, success_codes=codes)


#: PyTorch from pip, pinned: pip takes the CPU build kept on this machine's disk (uv would fetch a CUDA build).
TORCH = "torch==2.13.0"


@nox.session(venv_backend="virtualenv")
def tests_torch(session: nox.Session) -> None:
    """describe's PyTorch tests (tests/pytorch): live modules, .pt2 archives, the docs page's examples, and
    the comparison with stac-model 0.7.0's from_torch (with kornia, which its torch module imports)."""
    session.install(TORCH)
    session.install(*TEST_DEPS, "-e", "packages/stac-mlm[onnx,hf,torch]", "stac-model==0.7.0", "kornia")
    session.run("pytest", "tests/pytorch", "-p", "no:logging", *session.posargs)


#: Real models that packages on PyPI ship inside their wheels (tests/models): OCR, voice activity, file
#: content type; about 43 MB of wheels. Installed without their dependencies: the tests only read the files.
SHIPPED_MODELS = ["rapidocr-onnxruntime==1.4.4", "silero-vad==6.2.3", "magika==1.0.3"]


@nox.session
def tests_models(session: nox.Session) -> None:
    """describe and check on the real model files of SHIPPED_MODELS, read from site-packages."""
    session.install(*TEST_DEPS, "-e", "packages/stac-mlm[onnx,hf]")
    session.install("--no-deps", *SHIPPED_MODELS)
    session.run("pytest", "tests/models", "-p", "no:cacheprovider", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) on all Python code, and linkml-lint on schema/."""
    _install_codegen(session)
    session.install(TOOLS["ruff"])
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # linkml-lint reads the model's LinkML files as committed (they hold no placeholders; the generator names
    # them: the root and its imports); tests/codegen/test_stock_linkml.py runs LinkML's generators and validator
    listing = (
        "from pathlib import Path; from stac_ext_codegen.config import find_config; "
        "from stac_ext_codegen.version_strings import linkml_files; c = find_config(Path('schema')); "
        "print(*linkml_files(Path('schema'), c.model_root, c.rules_file), sep='\\n')"
    )
    names = str(session.run("python", "-c", listing, silent=True) or "").split()
    if not names:
        session.error("no LinkML file found in schema/")
    for name in names:
        session.run("linkml-lint", "--config", "schema/.linkmllint.yaml", f"schema/{name}")
    _typecheck(session)


def _typecheck(session: nox.Session) -> None:
    """mypy --strict (no plugin) on the runtime package and on the typed usage tests, then the checks of
    what it must refuse (tests/runtime/test_typing.py)."""
    session.install(TOOLS["mypy"], TOOLS["pytest"], "-e", "packages/stac-mlm[fast,dask,pystac]")
    session.run("mypy", "--strict", "-p", "stac_mlm")
    session.run("mypy", "--strict", "tests/runtime/typed")
    session.run("pytest", "tests/runtime/test_typing.py", "-p", "no:cacheprovider", "-q")


# The runtime package as it was before the typed, faster classes (issue 14): bench_runtime measures it beside
# the working tree in the same run (`git archive`), so that the ratios do not depend on the machine.
RUNTIME_BASELINE = "d7c4b7c"


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
    index = ROOT / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "versions.json"
    held = len(json.loads(index.read_text(encoding="utf-8"))["versions"])
    session.log(
        f"warm `nox -R -s generate`: median {statistics.median(runs):.2f} s, "
        f"min {min(runs):.2f} s, max {max(runs):.2f} s over {len(runs)} runs, {held} version(s) held "
        "(goal < 5 s with one version, < 8 s with nine)"
    )
    session.install("-e", "packages/stac-mlm", "stac-model==0.7.0")
    examples = Path(UPSTREAM) / "mlm" / "v1.5.2" / "examples"
    baseline = ["--baseline", RUNTIME_BASELINE]  # the same figures for the runtime before issue 14, same run
    session.run("python", "packages/stac-mlm/tools/bench_runtime.py", "--examples", str(examples), *baseline)
    session.install("-e", "packages/stac-mlm[fast]", TOOLS["jsonschema"])
    # migration throughput (goal: 5,000 documents/s)
    session.run("python", "packages/stac-mlm/tools/bench_migrate.py", UPSTREAM)
    session.run("python", "packages/stac-mlm/tools/bench_cli.py")
    # the first pystac read of a non-MLM Item, with stac-mlm's hook beside plain pystac (goal: at most 1.3x)
    session.install("-e", "packages/stac-mlm[pystac]")
    session.run("python", "packages/stac-mlm/tools/bench_pystac.py")
    # the two Pydantic class sets (LinkML generator + hooks, datamodel-code-generator) on the same documents
    _install_codegen(session)
    session.install(TOOLS["datamodel-code-generator"])
    session.run("python", "packages/codegen/tools/bench_class_sets.py", UPSTREAM)


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel of stac-mlm into dist/ (`twine check --strict`, contents checked), then
    install the wheel into this session's clean environment and run the typed usage tests against it
    (pytest and mypy --strict, from a scratch folder: no checkout on sys.path)."""
    import shutil
    import tempfile

    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.install(TOOLS["build"], TOOLS["twine"])
    session.run("python", "-m", "build", "--outdir", str(dist), "packages/stac-mlm")
    session.run("twine", "check", "--strict", *sorted(str(p) for p in dist.iterdir()))
    session.run("python", "packages/stac-mlm/tools/check_dist.py", str(dist))
    wheel = next(dist.glob("*.whl"))
    session.install(f"{wheel}[pystac]", TOOLS["pytest"], TOOLS["mypy"])
    scratch = Path(tempfile.mkdtemp(prefix="stac-mlm-wheel-"))
    usage = scratch / "test_typed_usage.py"
    shutil.copy(ROOT / "tests" / "runtime" / "typed" / "test_typed_usage.py", usage)
    where = (
        "import stac_mlm, sys; assert 'site-packages' in stac_mlm.__file__, stac_mlm.__file__; print(stac_mlm.__file__)"
    )
    session.run("python", "-c", where, env={"PYTHONPATH": ""})
    with session.chdir(scratch):
        session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(scratch), usage.name)
        session.run("mypy", "--strict", "--cache-dir", str(scratch / ".mypy"), usage.name)
    shutil.rmtree(scratch, ignore_errors=True)


DOCS_DEPS = [
    TOOLS[name] for name in ("mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocstrings", "mkdocstrings-python")
]
READER_DEPS = [TOOLS[name] for name in ("pytest", "selenium")]
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
            "tests/codegen/test_docs_site.py",
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
