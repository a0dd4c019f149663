"""mkdocs plugin: adds the pages generated from the source model to the site on every build.

In ``mkdocs.yml``::

    plugins:
      - stac-ext-docs:            # options are paths relative to mkdocs.yml
          schema: schema          # (default); the others default to what its codegen.yaml says
          examples: examples      # (fixtures.rendered)
          migrations: schema/migrations   # (docs.migrations)
    nav:
      - Reference: reference/     # replaced by the generated reference pages
      - Examples: examples/       # replaced by the example pages (dropped when there are none)

Nothing is written into ``docs/``: the pages exist only in the build, and ``mkdocs serve`` rebuilds
them when the model, the examples or the generator change.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .docs_site import Site, build_site
from .model import ModelError, SourceModel


class SourceModelDocsConfig(Config):
    """The plugin's options in mkdocs.yml: where the model, examples and migrations are."""

    schema = opt.Type(str, default="schema")
    examples = opt.Optional(opt.Type(str))
    migrations = opt.Optional(opt.Type(str))


def _expand(items: list[Any] | None, generated: dict[str, list[Any]]) -> list[Any] | None:
    """Replace nav entries naming a generated section (``reference/``) by its pages."""
    if items is None:
        return None
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, str) and value.endswith("/"):
                if value in generated:
                    out.append({title: generated[value]})
                continue
            out.append({title: _expand(value, generated) if isinstance(value, list) else value})
        else:
            out.append(item)
    return out


def _with_selector(html_text: str, page_url: str, versions: list[tuple[str, str]]) -> str:
    """``html_text`` with a ``<select>`` of ``(label, site URL)`` entries in its header; the entry whose folder
    holds the page is selected (else the first)."""
    folders = [url.rsplit("/", 2)[0] + "/" if url.count("/") > 1 else url for _, url in versions]
    chosen = max((i for i, f in enumerate(folders) if i and page_url.startswith(f)), default=0)
    options = "".join(
        f'<option value="{html.escape(get_relative_url(url, page_url))}"{" selected" if i == chosen else ""}>'
        f"{html.escape(label)}</option>"
        for i, (label, url) in enumerate(versions)
    )
    widget = (
        '<div class="md-header__option stac-ext-versions" style="margin:0 .6rem;align-self:center">'
        '<select aria-label="Version" title="Reference of another version" onchange="location.href=this.value" '
        'style="background:transparent;color:inherit;border:1px solid currentColor;border-radius:.2rem">'
        f"{options}</select></div>"
    )
    header = max(html_text.find("md-header__inner"), 0)
    marker = html_text.find('<form class="md-header__option"', header)  # before the theme's palette toggle
    if marker < 0:
        marker = html_text.find("</nav>", header)
    if marker < 0:
        return html_text
    return html_text[:marker] + widget + html_text[marker:]


class SourceModelDocs(BasePlugin[SourceModelDocsConfig]):
    """An MkDocs plugin that adds the pages generated from the model to the site."""

    site: Site | None = None
    urls: dict[str, str] = {}  # noqa: RUF012 - set per build in on_files
    watched: tuple[str, ...] = ()  # the folders `mkdocs serve` watches

    def _root(self, config: Any) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_config(self, config: Any) -> Any:
        """Load the model and build the generated pages."""
        root = self._root(config)
        try:
            model = SourceModel.load(root / self.config.schema)
            examples = self.config.examples or model.config.get("fixtures", "rendered")
            migrations = self.config.migrations or model.config.get("docs", "migrations")
            self.watched = (self.config.schema, examples, migrations)
            self.site = build_site(model, root, root / examples, root / migrations)
        except ModelError as error:
            raise PluginError(f"stac-ext-docs: {error}") from error
        config.nav = _expand(config.nav, self.site.nav)
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        """Add the generated pages and files to the site."""
        assert self.site is not None
        for path, text in {**self.site.pages, **self.site.files}.items():
            files.append(File.generated(config, path, content=text))
        self.urls = {
            path: file.url for path in dict(self.site.versions).values() if (file := files.get_file_from_path(path))
        }
        return files

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Every page gets the version selector in its header (the head's reference, then each version's)."""
        if self.site is None or len(self.site.versions) < 2:
            return output
        return _with_selector(output, page.url, [(label, self.urls[path]) for label, path in self.site.versions])

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """Watch the model, examples and generator too when serving."""
        root = self._root(config)
        for relative in self.watched:
            if (root / relative).exists():
                server.watch(str(root / relative))
        server.watch(str(Path(__file__).parent))
        return server
