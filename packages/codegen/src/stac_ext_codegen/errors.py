"""The generator's error types (a leaf module: every other module may import it)."""

from __future__ import annotations


class ModelError(ValueError):
    """The schema directory is inconsistent (a rule names a missing class, a name clashes, ...)."""


class VersionError(ValueError):
    """versions.yaml is inconsistent, or a version operation is not possible."""
