"""The one exception raised for a document that is not valid MLM."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .validation import Problem

_SHOWN = 5


class MLMValidationError(ValueError):
    """A document is not valid MLM v1.5.2; ``problems`` lists why (the same list ``validate()`` returns)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        lines = [str(problem) for problem in self.problems[:_SHOWN]]
        if len(self.problems) > _SHOWN:
            lines.append(f"... and {len(self.problems) - _SHOWN} more")
        count = len(self.problems)
        super().__init__(
            f"not a valid MLM document ({count} problem{'s' if count != 1 else ''}):\n  " + "\n  ".join(lines)
        )
