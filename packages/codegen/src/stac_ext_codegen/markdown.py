"""Markdown written the way remark-stringify writes it with ``paddedTable: true`` and ``spacedTable: false``:
every cell padded to its column's widest cell, a delimiter row of dashes only, prose wrapped at a line limit."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

#: a wrapped line must not start with what Markdown reads as a list item, a heading or a quote
_BLOCK_START = re.compile(r"^(?:[-+*>#]|\d+[.)])(?:\s|$)")


def padded_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table: ``| cell |`` padded to the column width, delimiter ``|---|`` (width + 2 dashes)."""
    widths = [max(len(str(row[i])) for row in [columns, *rows]) for i in range(len(columns))]
    widths = [max(width, 1) for width in widths]

    def line(cells: Sequence[str]) -> str:
        return "|" + "|".join(f" {str(cell).ljust(width)} " for cell, width in zip(cells, widths, strict=True)) + "|"

    delimiter = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(columns), delimiter, *(line(row) for row in rows)])


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def wrap(text: str, width: int = 120) -> str:
    """Paragraphs of ``text`` wrapped at ``width`` (lines that are list items or blank are kept as they are)."""
    out: list[str] = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        if any(_BLOCK_START.match(line) or line.startswith("|") for line in lines):
            out.append(block)
            continue
        wrapped = textwrap.wrap(" ".join(block.split()), width, break_long_words=False, break_on_hyphens=False)
        fixed: list[str] = []
        for piece in wrapped:  # a continuation line that would start a block joins the line before
            if fixed and _BLOCK_START.match(piece):
                fixed[-1] += " " + piece
            else:
                fixed.append(piece)
        out.append("\n".join(fixed))
    return "\n\n".join(out)


def list_item(text: str, width: int = 120) -> str:
    """A ``- `` list item, wrapped, continuation lines indented by two spaces."""
    lines = textwrap.wrap(" ".join(text.split()), width - 2, break_long_words=False, break_on_hyphens=False)
    return "- " + "\n  ".join(lines)


def angle_urls(text: str) -> str:
    """Bare ``http(s)://`` URLs in ``text`` as autolinks (``<url>``), as remark-lint-no-literal-urls wants."""
    return re.sub(r"(?<![<(`])\bhttps?://[^\s)>`]+[^\s)>`.,;:]", lambda m: f"<{m.group(0)}>", text)


def escape_text(text: str) -> str:
    """``*``, ``_`` and ``[`` escaped outside code spans and autolinks, so that values quoted in prose are read
    literally."""
    parts = re.split(r"(`[^`]*`|<https?://[^>\s]*>)", text)
    return "".join(p if p.startswith(("`", "<")) else re.sub(r"([*_\[])", r"\\\1", p) for p in parts)
