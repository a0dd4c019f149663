"""Validation throughput of the two Pydantic class sets on the same documents, in one run.

- the project's classes: LinkML's Pydantic generator plus the project's hooks (``stac_mlm._generated``),
  through ``<EntryClass>.from_dict``;
- the oracle: datamodel-code-generator run on the generated JSON Schema (``tests/properties/oracle.py``),
  through ``<EntryClass>.model_validate``.

Usage: python packages/codegen/tools/bench_class_sets.py [--rounds N] [UPSTREAM_DATA]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upstream", nargs="?", type=Path, default=ROOT.parent / "shared" / "upstream-data")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from properties import oracle
    from properties.model import model
    from stac_mlm import is_valid
    from stac_mlm._generated import models as ours
    from support import interop

    started = time.perf_counter()
    theirs = oracle.classes()
    built = time.perf_counter() - started
    paths = interop.valid_fixtures() + sorted((args.upstream / "mlm" / "v1.5.2" / "examples").glob("*.json"))
    entries = model().entry_points()
    documents = []
    for path in paths:
        document = json.loads(path.read_text(encoding="utf-8"))
        # valid documents only: an official example may break a rule (v1.5.2's collection.json does not
        # list the MLM URL), which the oracle's classes enforce and the project's leave to validation
        if isinstance(document, dict) and document.get(model().discriminator) in entries and is_valid(document):
            documents.append((entries[document[model().discriminator]], document))
    copies = [[(name, copy.deepcopy(doc)) for name, doc in documents] for _ in range(args.rounds)]

    def run(validate: object) -> float:
        begin = time.perf_counter()
        for batch in copies:
            for name, doc in batch:
                validate(name, doc)  # type: ignore[operator]
        return len(documents) * args.rounds / (time.perf_counter() - begin)

    def project(name: str, doc: dict) -> None:
        getattr(ours, name).from_dict(doc)

    def datamodel(name: str, doc: dict) -> None:
        getattr(theirs, name).model_validate(doc)

    run(project), run(datamodel)  # warm both
    print(f"class sets on {len(documents)} valid documents x {args.rounds} rounds (oracle built in {built:.1f} s):")
    print(f"  LinkML Pydantic generator + hooks (stac_mlm): {run(project):8.0f} documents/s")
    print(f"  datamodel-code-generator (oracle)           : {run(datamodel):8.0f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
