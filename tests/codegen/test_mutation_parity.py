"""Differential test: on hundreds of near-miss documents, the generated schema gives the official verdict.

Seeds are the official v1.5.2 examples plus the project's own documents; each mutant changes one
thing (see support/mutations.py). The fast profile checks a reproducible sample; the `slow` marker
runs the whole corpus. The runtime validator (jsonschema-rs) must also agree with python-jsonschema
on the generated schema.
"""

from __future__ import annotations

import json

import jsonschema_rs
import pytest
from support import documents, mutations, validators

FAST_SAMPLE = 2500


def _seeds(official_examples: dict) -> dict:
    seeds = {f"upstream:{name}": doc for name, doc in official_examples.items()}
    seeds.update({name: build() for name, build in documents.SEEDS.items()})
    return seeds


def _disagreements(corpus: list[mutations.Mutant]) -> list[str]:
    official = validators.official_validator()
    generated = validators.release_validator()  # the release the official schema is about, not a draft
    found = []
    for mutant in corpus:
        expected = official.is_valid(mutant.document)
        if generated.is_valid(mutant.document) != expected:
            found.append(f"{mutant.seed}: {mutant.description} (official says {'valid' if expected else 'invalid'})")
    return found


@pytest.mark.slow
@pytest.mark.upstream
def test_generated_schema_matches_official_on_mutants(official_examples) -> None:
    corpus = mutations.corpus(_seeds(official_examples), limit=FAST_SAMPLE)
    assert len(corpus) == FAST_SAMPLE
    verdicts = {validators.official_validator().is_valid(m.document) for m in corpus}
    assert verdicts == {True, False}, "the corpus must hold both valid and invalid documents"
    found = _disagreements(corpus)
    assert not found, f"{len(found)} disagreement(s), first ones:\n" + "\n".join(found[:20])


@pytest.mark.upstream
@pytest.mark.slow
def test_generated_schema_matches_official_on_full_corpus(official_examples) -> None:
    corpus = mutations.corpus(_seeds(official_examples))
    found = _disagreements(corpus)
    assert not found, f"{len(found)} disagreement(s) in {len(corpus)}, first ones:\n" + "\n".join(found[:20])


def test_runtime_validator_agrees_with_reference_validator() -> None:
    """jsonschema-rs and python-jsonschema read the generated schema the same way (own seeds only)."""
    schema = validators.release_schema()  # the seeds are documents of that release
    fast = jsonschema_rs.Draft7Validator(schema)
    reference = validators.release_validator()
    corpus = mutations.corpus({name: build() for name, build in documents.SEEDS.items()}, seed=7)
    assert len(corpus) > 300
    disagreements = [m.description for m in corpus if fast.is_valid(m.document) != reference.is_valid(m.document)]
    assert not disagreements, disagreements[:20]


def test_mutation_corpus_is_reproducible() -> None:
    seeds = {name: build() for name, build in documents.SEEDS.items()}
    first = [json.dumps(m.document, sort_keys=True) for m in mutations.corpus(seeds, limit=200)]
    second = [json.dumps(m.document, sort_keys=True) for m in mutations.corpus(seeds, limit=200)]
    assert first == second
