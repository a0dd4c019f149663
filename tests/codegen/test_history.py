"""Every MLM release regenerated from its frozen source gives the verdicts of its published (tagged) schema.

For each release: the official examples of that version, the behaviour-matrix probes of the upstream
notes (§2.4), and a mutation corpus seeded with every version's examples (moved to this version's
URL), the project's own documents and the probes. The fast profile checks a reproducible sample per
version; the `slow` marker runs a larger one. The re-published copies of v1.0.0-v1.3.0 are covered
by erratum H0 (docs/errata.md): their URLs are aliases of the tagged rules.
"""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest
from support import history, validators
from support.paths import DOCS_DIR, REPO, SCHEMA_DIR

FAST_SAMPLE = 300
SLOW_SAMPLE = 4000


@pytest.fixture(scope="module", params=history.releases())
def version(request: pytest.FixtureRequest, upstream: Any) -> str:
    if not history.published_schema_path(request.param).is_file():
        pytest.skip(f"no published schema of {request.param} in the upstream data")
    return str(request.param)


def _disagreements(version: str, documents: dict[str, Any]) -> list[str]:
    published = validators.official_validator(version)
    generated = history.generated_validator(version)
    found = []
    for name, document in documents.items():
        expected = published.is_valid(document)
        if generated.is_valid(document) != expected:
            found.append(f"{name} (published schema says {'valid' if expected else 'invalid'})")
    return found


@pytest.mark.upstream
def test_generated_schema_is_draft07_self_contained_with_the_tagged_id(version: str) -> None:
    schema = history.generated_schema(version)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == history.schema_url(version)
    external = re.findall(r'"\$ref": "(?!#)([^"]*)"', json.dumps(schema))
    assert not external, f"{version}: references outside the schema: {external}"


@pytest.mark.upstream
def test_official_examples_get_the_published_verdict(version: str) -> None:
    examples = history.examples(version)
    assert examples
    found = _disagreements(version, examples)
    assert not found, f"{version}: {found}"
    items = {n: d for n, d in examples.items() if d.get("type") == "Feature"}
    assert items and all(history.generated_validator(version).is_valid(d) for d in items.values())


@pytest.mark.upstream
def test_behaviour_matrix(version: str) -> None:
    """Each row of the behaviour matrix: the published schema gives the noted verdict, and so does ours."""
    if version not in history.MATRIX_VERSIONS:
        pytest.skip(f"the behaviour matrix has no column for {version}")
    base = history.base_item(history.schema_url(version))
    published = validators.official_validator(version)
    generated = history.generated_validator(version)
    wrong = []
    for name, probe in history.PROBES.items():
        document = probe(base)
        if name in history.MATRIX and published.is_valid(document) != history.matrix_verdict(name, version):
            wrong.append(f"published schema on {name!r}")
        if generated.is_valid(document) != published.is_valid(document):
            wrong.append(f"generated schema on {name!r}")
    assert not wrong, f"{version}: {wrong}"


def _check_corpus(version: str, limit: int) -> None:
    corpus = history.corpus(version, limit)
    assert len(corpus) == limit
    published = validators.official_validator(version)
    verdicts = [published.is_valid(m.document) for m in corpus]
    assert set(verdicts) == {True, False}, "the corpus must hold both valid and invalid documents"
    generated = history.generated_validator(version)
    found = [
        f"{m.seed}: {m.description} (published: {'valid' if v else 'invalid'})"
        for m, v in zip(corpus, verdicts, strict=True)
        if generated.is_valid(m.document) != v
    ]
    assert not found, f"{version}: {len(found)} disagreement(s) in {len(corpus)}:\n" + "\n".join(found[:20])


@pytest.mark.upstream
def test_mutation_corpus_gets_the_published_verdicts(version: str) -> None:
    _check_corpus(version, FAST_SAMPLE)


@pytest.mark.upstream
@pytest.mark.slow
def test_larger_mutation_corpus_gets_the_published_verdicts(version: str) -> None:
    _check_corpus(version, SLOW_SAMPLE)


def _check_probed(version: str, own_only: bool) -> None:
    documents = history.probed_seeds(version, own_only)
    assert len(documents) > len(history.PROBES)
    found = _disagreements(version, documents)
    assert not found, f"{version}: {len(found)} of {len(documents)}: {found[:20]}"


@pytest.mark.upstream
def test_quirk_probes_on_the_official_examples_get_the_published_verdicts(version: str) -> None:
    """Each behaviour-matrix change applied to each official Item example of the version."""
    _check_probed(version, own_only=True)


@pytest.mark.upstream
@pytest.mark.slow
def test_quirk_probes_on_every_seed_get_the_published_verdicts(version: str) -> None:
    """Each behaviour-matrix change applied to every Item seed (every version's examples, own documents)."""
    _check_probed(version, own_only=False)


@pytest.mark.upstream
def test_another_versions_url_does_not_count(version: str) -> None:
    base = history.base_item(history.schema_url(version))
    assert validators.official_validator(version).is_valid(base) == history.generated_validator(version).is_valid(base)
    for other in history.published_versions():
        if other == version:
            continue
        document = history.with_mlm_url(base, history.schema_url(other))
        assert not history.generated_validator(version).is_valid(document), (version, other)


@pytest.mark.upstream
def test_runtime_bundle_gives_the_published_verdicts(version: str) -> None:
    """The schema the runtime package bundles for the version, read by jsonschema-rs, agrees as well."""
    import jsonschema_rs

    bundled = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "schemas" / f"{version}.json"
    fast = jsonschema_rs.Draft7Validator(json.loads(bundled.read_text(encoding="utf-8")))
    published = validators.official_validator(version)
    documents = [*history.seeds(version).values(), *(m.document for m in history.corpus(version, FAST_SAMPLE // 2))]
    wrong = sum(1 for d in documents if fast.is_valid(d) != published.is_valid(d))
    assert wrong == 0, f"{version}: {wrong} of {len(documents)}"


def test_rule_examples_of_every_release_get_their_verdicts() -> None:
    """The rules page's examples, written per release in its rules.yaml, hold for that release."""
    from stac_ext_codegen.docs_examples import check_rule_examples
    from stac_ext_codegen.model import load_version
    from stac_ext_codegen.versions import VersionIndex

    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    for release in index.releases:
        model = load_version(index, release)
        failures = check_rule_examples(model, history.generated_schema(release.version))
        assert not failures, f"{release.version}: {failures}"


# --- Erratum H0: the re-published copies of v1.0.0-v1.3.0 ---------------------------------------------------


@pytest.mark.upstream
def test_republished_urls_are_aliases_of_the_tagged_rules(upstream: Any) -> None:
    """Documents declaring a URL of the re-publication are judged by the tagged rules of that version."""
    republished = [v for v in history.releases() if history.republished_schema_path(v).is_file()]
    assert republished, "the upstream data holds no re-published copy"
    index = {entry["version"]: entry for entry in history.versions_index()["releases"]}
    for version in republished:
        copy = json.loads(history.republished_schema_path(version).read_text(encoding="utf-8"))
        tagged = history.published_schema(version)
        # apart from the URL, the re-published copy is the tagged schema
        assert history.with_mlm_url(copy, tagged["$id"]) == tagged, version
        site_url = f"https://stac-extensions.github.io/mlm/{version}/schema.json"
        aliases = set(index[version]["aliases"])
        assert {copy["$id"], site_url} <= aliases, version
        published = validators.official_validator(version)
        generated = history.generated_validator(version)
        for name, document in history.seeds(version).items():
            expected = published.is_valid(document)
            for alias in sorted(aliases):
                assert generated.is_valid(history.with_mlm_url(document, alias)) == expected, (version, name, alias)


@pytest.mark.upstream
def test_the_republished_copy_rejects_its_own_site_url(upstream: Any) -> None:
    """Why H0 is needed: the copy served at the site URL rejects a document that declares that URL."""
    for version in history.releases():
        path = history.republished_schema_path(version)
        if not path.is_file():
            continue
        copy = json.loads(path.read_text(encoding="utf-8"))
        site_url = f"https://stac-extensions.github.io/mlm/{version}/schema.json"
        document = history.with_mlm_url(history.examples(version)["item_basic.json"], site_url)
        registry = validators.external_registry()
        assert not jsonschema.Draft7Validator(copy, registry=registry).is_valid(document), version
        assert history.generated_validator(version).is_valid(document), version


def test_every_url_of_a_version_is_listed_once() -> None:
    index = history.versions_index()
    seen: dict[str, str] = {}
    for entry in index["releases"]:
        for url in [entry["url"], *entry.get("aliases", [])]:
            assert url not in seen, f"{url} declares both {seen.get(url)} and {entry['version']}"
            seen[url] = entry["version"]
            assert history.MLM_URL.fullmatch(url), url


# --- docs/errata.md: one section per version, every H erratum pinned ------------------------------------------

H_ROW = re.compile(r"^\| (H\d+) \|")


def _history_errata() -> dict[str, str]:
    text = (DOCS_DIR / "errata.md").read_text(encoding="utf-8")
    return {m.group(1): line for line in text.splitlines() if (m := H_ROW.match(line))}


def test_every_version_has_an_errata_section() -> None:
    text = (DOCS_DIR / "errata.md").read_text(encoding="utf-8")
    for version in history.releases():
        assert re.search(rf"^### MLM {re.escape(version)}\b", text, re.MULTILINE), version


def test_every_history_erratum_is_pinned_by_a_test_of_this_module() -> None:
    rows = _history_errata()
    assert rows
    probes = set(history.PROBES)
    for erratum, row in rows.items():
        pinned = re.findall(r"`([^`]+)`", row.split("|")[-2])
        assert pinned, f"{erratum} names no test"
        for name in pinned:
            assert name in globals() or name in probes, f"{erratum}: unknown test or probe {name!r}"


def test_snapshot_errata_annotations_are_documented() -> None:
    text = (DOCS_DIR / "errata.md").read_text(encoding="utf-8")
    documented = set(_history_errata()) | set(re.findall(r"^\| (E\d+) \|", text, re.MULTILINE))
    for version in history.releases():
        source = history.source_dir(version)
        for path in sorted(source.glob("*.yaml")):
            for erratum in re.findall(r"erratum: (\w+)|errata: \[([^\]]*)\]", path.read_text(encoding="utf-8")):
                for name in re.split(r"[,\s]+", " ".join(erratum)):
                    if name:
                        assert name in documented, f"{path}: erratum {name} is not in docs/errata.md"
