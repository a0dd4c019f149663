"""The docs site, read as a reader would: built with ``mkdocs build --strict``, served on 127.0.0.1,
opened in headless Chromium (home page, an object page, a search), with screenshots saved to
``build/screenshots/``, and every internal link checked.

Run by ``nox -s docs -- check`` (which installs mkdocs, selenium and Debian's chromium); skipped, with
the reason, where those are missing.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support.paths import REPO

pytestmark = pytest.mark.docs
pytest.importorskip("mkdocs", reason="mkdocs is not installed (run `nox -s docs -- check`)")

SCREENSHOTS = REPO / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _unavailable(reason: str) -> None:
    """Skip, unless the run is the reader check itself (`nox -s docs -- check`), where a missing browser fails."""
    if os.environ.get("DOCS_READER_REQUIRED"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    try:
        from selenium import webdriver
    except ImportError:
        _unavailable("selenium is not installed (`nox -s docs -- check` installs it)")
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        _unavailable("Debian's chromium and chromium-driver are not installed (`nox -s docs -- check` installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _wait(driver: object, css: str, timeout: float = 15) -> list:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, css) or False)


def _rows(table: object) -> dict[str, str]:
    """``{first cell: row text}`` of a table's body."""
    from selenium.webdriver.common.by import By

    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    return {row.find_elements(By.CSS_SELECTOR, "td")[0].text: row.text for row in rows}


def test_home_page(browser, server: str) -> None:
    browser.get(server)
    heading = _wait(browser, "article h1")[0]
    assert "schema-first" in heading.text
    nav = " ".join(e.get_attribute("textContent") for e in _wait(browser, "nav.md-nav a"))
    for section in ("Quick start", "Reference", "Rules across objects", "Errata", "Editing the spec"):
        assert section in nav
    browser.save_screenshot(str(SCREENSHOTS / "home.png"))


def test_object_page_shows_a_stac_field_table(browser, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "reference/objects/ModelInput/")
    table = _wait(browser, "article table")[0]
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "th")]
    assert headers == ["Field Name", "Type", "Description"]
    rows = _rows(table)
    assert "REQUIRED" in rows["name"] and "REQUIRED" not in rows["bands"]
    assert "null" in rows["resize_type"]  # nullable fields say so in the Type column
    browser.save_screenshot(str(SCREENSHOTS / "object-ModelInput.png"))


def test_fields_page_says_where_each_field_goes(browser, server: str) -> None:

    browser.get(server + "reference/fields/")
    tables = _wait(browser, "article table")
    matrix = tables[-1]
    rows = _rows(matrix)
    assert rows["mlm:artifact_type"].split()[1:] == ["—", "allowed", "allowed"]
    assert rows["mlm:name"].split()[1:] == ["required", "—", "allowed"]
    browser.save_screenshot(str(SCREENSHOTS / "fields.png"))


def test_search_finds_artifact_type(browser, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server)
    box = _wait(browser, "input.md-search__input")[0]
    box.click()
    box.send_keys("artifact_type")
    results = _wait(browser, "li.md-search-result__item", timeout=20)
    links = [a.get_attribute("href") for r in results for a in r.find_elements(By.CSS_SELECTOR, "a")]
    assert any("reference/fields/" in href for href in links), links
    browser.save_screenshot(str(SCREENSHOTS / "search-artifact_type.png"))
    box.send_keys(Keys.ESCAPE)


def test_rules_page_and_diagram_render(browser, server: str, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "reference/rules/")
    tabs = _wait(browser, ".tabbed-labels label")
    assert {"Passes", "Fails"} <= {t.text for t in tabs}
    browser.execute_script("arguments[0].scrollIntoView()", browser.find_element(By.CSS_SELECTOR, "#r10"))
    time.sleep(0.5)  # let the header finish its title transition
    browser.save_screenshot(str(SCREENSHOTS / "rules.png"))
    browser.get(server + "reference/diagram/")
    if not (REPO / "docs" / "assets" / "vendor" / "mermaid.min.js").is_file():
        _unavailable("mermaid.min.js is not vendored (npm missing): the diagram needs the CDN, not reachable offline")
    rendered = _wait(browser, "div.mermaid", timeout=20)[0]  # the theme swaps the source for a rendered diagram
    WebDriverWait(browser, 20).until(lambda d: rendered.size["height"] > 300)
    page = (site / "reference" / "diagram" / "index.html").read_text(encoding="utf-8")
    source = html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code>', page, re.S).group(1))
    verdict = browser.execute_async_script(
        "const done = arguments[1];mermaid.parse(arguments[0]).then(() => done('ok'), (e) => done(String(e)));",
        source,
    )
    assert verdict == "ok", verdict
    browser.save_screenshot(str(SCREENSHOTS / "diagram.png"))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name) and tag in {"a", "link", "script", "img"}:
                self.links.append(values[name])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_internal_links_resolve(site: Path) -> None:
    pages = {path: _parse(path) for path in site.rglob("*.html")}
    assert len(pages) > 20
    broken = []
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                if target.name != "mermaid.min.js":  # vendored by `nox -s docs` only when npm is present
                    broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    assert not broken, "\n".join(broken[:50])


def _versions_index() -> dict:
    import json

    path = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "versions.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_an_older_release_has_its_reference_and_every_page_a_version_selector(browser, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    index = _versions_index()
    releases = [v["version"] for v in index["versions"] if v["status"] == "release"]
    older = releases[len(releases) // 2]  # one in the middle of the history, not the latest
    assert older != index["latest"]
    browser.get(server + f"versions/{older}/reference/fields/")
    article = _wait(browser, "article")[0]
    assert older in article.text and "earlier release" in article.text
    selector = Select(_wait(browser, "select[aria-label=Version]")[0])
    labels = [o.text for o in selector.options]
    assert selector.first_selected_option.text == older
    assert all(any(label.startswith(v["version"]) for label in labels) for v in index["versions"])
    browser.save_screenshot(str(SCREENSHOTS / f"reference-{older}-fields.png"))

    element = _wait(browser, "select[aria-label=Version]")[0]
    browser.execute_script("arguments[0].size = arguments[0].options.length;", element)  # shown open
    browser.execute_script("arguments[0].style.background = 'white'; arguments[0].style.color = 'black';", element)
    browser.save_screenshot(str(SCREENSHOTS / "version-selector.png"))
    browser.execute_script("arguments[0].size = 0;", element)

    from selenium.webdriver.support.ui import WebDriverWait

    selector.select_by_index(0)  # the head
    WebDriverWait(browser, 15).until(lambda d: f"/{older}/" not in d.current_url)
    assert browser.current_url.rstrip("/").endswith("/reference")
    for page in ("", "changes/", "examples/"):  # the selector is on every page, not only the references
        browser.get(server + page)
        assert browser.find_elements(By.CSS_SELECTOR, "select[aria-label=Version]"), page


def test_changes_page_links_every_version(site: Path) -> None:
    text = (site / "changes" / "index.html").read_text(encoding="utf-8")
    for version in _versions_index()["versions"]:
        assert f'href="../versions/{version["version"]}/reference/"' in text, version["version"]
