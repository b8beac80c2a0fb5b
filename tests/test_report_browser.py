"""The HTML report in a real browser: findings render, filters and search hide what they should.

Uses Debian's chromium (scripts/install.sh installs it) driven by Playwright; Playwright never
downloads a browser here. Screenshots go to tests/artifacts/ (gitignored) and to each test's temporary
folder, for a human to look at. axe-core (shipped inside axe-playwright-python) checks accessibility.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from render_fixture import build_result, hostile_result

from factcheck.models import CheckResult, Claim, Coverage, DocumentMeta, DocumentSummary, Finding, Group, RuleInfo
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
    assert page.locator("figure.chart > svg").count() == 3
    assert page.locator("figure.chart .legend").count() == 3
    assert page.inner_text("#shown") == "Showing 3 of 3 findings"
    # The page must not overflow sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    if not page.locator("label.chip.sev-error").is_visible():  # folded on a phone
        page.click("#filter-panel summary")
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


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.html"
    run = run_cli("report", str(ROOT / "seeds"), "-o", str(path), "--as-of", "2024-12-01")
    assert run.exit_code == 0, run.stderr
    return path


def _inside(page, selector: str, height: int) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1366, 900), ("phone", 390, 844)])
def test_the_discrepancy_is_on_the_first_screen(browser, seeds_report: Path, tmp_path: Path, name: str,
                                                width: int, height: int) -> None:
    """The first finding's one-line headline and both highlighted figures of its evidence are visible
    without scrolling, on a laptop and on a phone."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(seeds_report.as_uri())
    page.screenshot(path=str(tmp_path / f"seeds-{name}.png"))
    first = "article.finding >> nth=0"
    assert _inside(page, f"{first} >> h3.headline", height)
    assert page.locator(f"{first} >> h3.headline .fig").count() == 2
    cards = page.locator(f"{first} >> figure.statement")
    assert cards.count() >= 2
    for i in range(2):
        mark = cards.nth(i).locator("mark").first
        box = mark.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, (name, i, box)
    # the rule's generic description is folded away; the evidence comes before the assumptions
    assert page.locator(f"{first} >> details.rule-info .explain").is_hidden()
    order = page.evaluate("""() => {
        const f = document.querySelector('article.finding');
        const y = s => f.querySelector(s).getBoundingClientRect().top;
        return [y('.statements'), y('.assumptions')];
    }""")
    assert order[0] < order[1]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def _month_result() -> CheckResult:
    """One subject with six figures given within one month (and one a year before): their value labels
    would overprint if placed naively."""
    meta = DocumentMeta(source="Harbour board minutes")
    values = [(f"2024-05-{day:02d}", value) for day, value in
              ((2, 12e6), (6, 12.5e6), (9, 13e6), (14, 12e6), (21, 14e6), (27, 13.5e6))] + [("2023-05-01", 9e6)]
    claims, documents = [], []
    for i, (when, value) in enumerate(values):
        doc = f"minutes/{when}.md"
        sentence = f"The board put the dredging budget at £{value / 1e6:g} million."
        text = f"£{value / 1e6:g} million"
        start = sentence.index(text)
        claims.append(Claim(id=f"c{i}:{start}", doc=doc, start=start, end=start + len(text), text=text,
                            sentence=sentence, kind="money", unit="GBP", value=value, lo=value, hi=value,
                            date=when, date_origin="metadata", source=meta, topic="harbour dredging budget",
                            topic_key="harbour dredging budget", role="total"))
        documents.append(DocumentSummary(id=doc, path=doc, sha256=f"{i:064x}", meta=meta, date=when,
                                         characters=len(sentence)))
    group = Group(id="g-dredging", topic="harbour dredging budget", kind="money", unit="GBP",
                  claims=[c.id for c in claims])
    finding = Finding(id="differing-totals:dredge", rule="differing-totals", severity="warning",
                      title="Different totals for the same thing", group=group.id, topic=group.topic,
                      message="The dredging budget is given as £12 million and as £14 million in one month.",
                      claims=[claims[0].id, claims[4].id], assumptions=["the same budget"])
    return CheckResult(claims=claims, groups=[group], findings=[finding], documents=documents,
                       coverage=Coverage(documents=len(documents), claims=len(claims)),
                       rules=[RuleInfo(id="differing-totals", title="Different totals for the same thing",
                                       severity="warning")])


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_chart_labels_never_overprint(browser, tmp_path: Path, width: int, height: int) -> None:
    path = tmp_path / "month.html"
    path.write_text(html.render(_month_result()), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(path.as_uri())
    page.screenshot(path=str(tmp_path / f"month-{width}.png"), full_page=True)
    boxes = page.evaluate("""() => Array.from(document.querySelectorAll('figure.chart > svg text.value'))
        .map(t => { const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent]; })""")
    assert len(boxes) >= 5  # most of the seven figures keep their label
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert page.locator("figure.chart .legend li").all_inner_texts()[:2] == [
        "figures this finding compares", "other figures given for this subject"]
    page.close()


@pytest.mark.parametrize("which", ["seeds", "fixture"])
def test_axe_finds_no_accessibility_violations(browser, seeds_report: Path, report_file: Path, which: str) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="in the test extra")
    for width, height in ((1366, 900), (390, 844)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto((seeds_report if which == "seeds" else report_file).as_uri())
        results = axe_module.Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        page.close()


def test_print_keeps_highlights_and_link_targets(browser, report_file: Path, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    background = page.eval_on_selector("mark", "m => getComputedStyle(m).backgroundColor")
    assert background == "rgb(255, 226, 122)"
    link_after = page.eval_on_selector("figcaption a[href^='http']",
                                       "a => getComputedStyle(a, '::after').content")
    assert "example.org" in link_after
    starts_page = page.eval_on_selector_all("article.finding", """els => els.map(e => {
        const own = getComputedStyle(e).breakBefore === 'page';
        const first = e.parentElement.querySelector('article.finding') === e;
        return own || (first && getComputedStyle(e.parentElement).breakBefore === 'page');
    })""")
    assert starts_page == [False] + [True] * (len(starts_page) - 1)  # one finding a page
    page.pdf(path=str(tmp_path / "report.pdf"))  # for a person to look at
    page.close()
