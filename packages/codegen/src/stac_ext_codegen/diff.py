"""Field-level differences between two versions of a model (filled in below)."""
