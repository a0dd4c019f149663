"""Counts kept by the property tests and printed at the end of the run (see conftest.py)."""

from __future__ import annotations

from collections import Counter, defaultdict

#: property name -> counter of "examples", "valid", "invalid", "disagreements" and per-kind keys.
TALLY: defaultdict[str, Counter[str]] = defaultdict(Counter)


def record(prop: str, *, valid: bool | None = None, disagreement: bool = False, kind: str | None = None) -> None:
    counts = TALLY[prop]
    counts["examples"] += 1
    if valid is not None:
        counts["valid" if valid else "invalid"] += 1
    if disagreement:
        counts["disagreements"] += 1
    if kind is not None:
        counts[f"broken:{kind}"] += 1


def report() -> list[str]:
    lines = []
    for prop in sorted(TALLY):
        counts = TALLY[prop]
        kinds = sorted((k[len("broken:") :], n) for k, n in counts.items() if k.startswith("broken:"))
        line = (
            f"{prop}: {counts['examples']} examples, {counts['valid']} valid / {counts['invalid']} invalid, "
            f"{counts['disagreements']} disagreement(s)"
        )
        if kinds:
            line += "; broken: " + ", ".join(f"{k} {n}" for k, n in kinds)
        lines.append(line)
    return lines
