"""The HTML report in a real browser: findings render, filters and search hide what they should.

Uses Debian's chromium (scripts/install.sh installs it) driven by Playwright; Playwright never
downloads a browser here. Screenshots go to tests/artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from render_fixture import build_result, hostile_result

from factcheck.render import html

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]

# Skipped on a machine without chromium, but never on CI, where scripts/install.sh --test installs it.
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="no /usr/bin/chromium (scripts/install.sh --test installs it)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html.render(build_result(), title="Diagnostics fund figures"), encoding="utf-8")
    return path


def search(page, text: str, shown: str) -> None:
    """Type in the search box and wait for the (debounced) filter to apply."""
    from playwright.sync_api import expect

    page.fill("#search", text)
    expect(page.locator("#shown")).to_have_text(shown, timeout=2000)


def visible_rules(page) -> list[str]:
    return page.eval_on_selector_all("article.finding:not([hidden])", "els => els.map(e => e.dataset.rule)")


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1280, 900), ("phone", 390, 844)])
def test_findings_render_and_filters_work(browser, report_file: Path, name: str, width: int, height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(report_file.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"report-{name}.png"), full_page=True)

    assert visible_rules(page) == ["cumulative-count-fell", "changed-total", "differing-change"]  # errors first
    assert page.locator("mark", has_text="£100 million").is_visible()
    assert page.locator("figure.chart svg").count() == 3
    assert page.inner_text("#shown") == "Showing 3 of 3 findings"
    # The page must not overflow sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.locator("label.chip.sev-error").click()  # untick "error"
    assert visible_rules(page) == ["changed-total", "differing-change"]
    assert page.locator("section.topic[data-topic='community diagnostics centres']").is_hidden()
    assert page.inner_text("#shown") == "Showing 2 of 3 findings"

    search(page, "policy director 8%", "Showing 1 of 3 findings")
    assert visible_rules(page) == ["differing-change"]
    search(page, "nothing says this", "Showing 0 of 3 findings")
    assert visible_rules(page) == []
    assert page.locator("#empty").is_visible()

    search(page, "", "Showing 2 of 3 findings")
    page.locator("label.chip.sev-error").click()
    page.select_option("#rule-filter", "changed-total")
    assert visible_rules(page) == ["changed-total"]
    page.select_option("#rule-filter", "")
    page.select_option("#topic-filter", "scan waiting times")
    assert visible_rules(page) == ["differing-change"]

    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing fetched
    page.close()


def test_hostile_statements_run_no_script(browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    result = hostile_result()
    path.write_text(html.render(result), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("blockquote", has_text="<script>window.__pwned = 1</script>").count() == sum(
        len(f.claims) for f in result.findings)
    page.close()
