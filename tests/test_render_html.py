"""The HTML report: escaping of everything a statement can contain, self-containment, charts, the command."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from render_fixture import EXAMPLE_JSON, build_result, hostile_result

from factcheck.models import CheckResult, Group
from factcheck.render import html
from factcheck.render.evidence import ResultView


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser would see them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_statements_with_markup_show_as_text_and_inject_nothing() -> None:
    page = html.render(hostile_result())
    parsed = Elements(page)
    assert len(parsed.named("script")) == 1  # only the report's own filter script
    assert parsed.named("img") == []
    handlers = [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.startswith("on")]
    assert handlers == []
    assert all(not (attrs.get("href") or "").lower().startswith("javascript") for attrs in parsed.named("a"))
    text = "".join(parsed.text)
    assert "<script>window.__pwned = 1</script>" in text  # shown to the reader, as text
    assert '"><img src=x onerror="window.__pwned = 2">' in text


def test_report_is_self_contained() -> None:
    parsed = Elements(html.render(build_result()))
    assert parsed.named("link") == [] and parsed.named("iframe") == []
    assert all("src" not in attrs for _, attrs in parsed.tags)
    external = [attrs["href"] for attrs in parsed.named("a") if not (attrs.get("href") or "#").startswith("#")]
    assert external == ["https://example.org/news/diagnostics-fund"]  # the statement's own source link only


def test_report_shows_summary_findings_and_quotes() -> None:
    parsed = Elements(html.render(build_result()))
    cards = [attrs for attrs in parsed.named("article")]
    assert [(c["data-severity"], c["data-rule"]) for c in cards] == [
        ("error", "cumulative-count-fell"), ("warning", "changed-total"), ("info", "differing-change")]
    text = " ".join(" ".join(parsed.text).split())
    assert "3 findings (1 error, 1 warning, 1 info) in 4 documents, 9 claims." in text
    assert "All three figures are the fund's total over the same three years." in text
    assert "statements/undated-briefing.txt" in text  # coverage: the undated document is named
    marks = "".join(parsed.text).count("£200 million")
    assert marks >= 2


def test_fund_chart_shows_the_jump() -> None:
    result = build_result()
    chart = html.chart_for(result.groups[0], ResultView(result), flagged=set(result.findings[0].claims))
    assert chart is not None
    assert [p.label for p in chart.points] == ["£100m", "£200m", "£200m"]
    assert [p.date for p in chart.points] == ["2021-03-04", "2022-06-14", "2023-01-20"]
    first, second, third = chart.points
    assert first.x < second.x < third.x
    assert second.y < first.y  # higher on the page: SVG y grows downwards
    assert second.y == third.y
    assert all(p.flagged for p in chart.points)
    assert [label for _, label in chart.x_ticks] == ["Mar 2021", "Jun 2022", "Jan 2023"]


def test_no_chart_without_two_dated_claims() -> None:
    result = build_result()
    undated = [c.id for c in result.claims if c.date is None]
    group = Group(id="g", topic="pilot sites", kind="count", claims=[*undated, result.claims[0].id])
    assert html.chart_for(group, ResultView(result), flagged=set()) is None


def test_partial_dates_are_placed_at_their_start() -> None:
    assert str(html.parse_date("2023-09")) == "2023-09-01"
    assert str(html.parse_date("2016")) == "2016-01-01"
    assert html.parse_date("sometime") is None
    assert html.parse_date("2023-02-30") is None


def test_only_web_links_are_kept() -> None:
    assert html.safe_url("https://example.org/a") == "https://example.org/a"
    assert html.safe_url("javascript:alert(1)") is None
    assert html.safe_url("data:text/html,hi") is None


def test_clean_result_says_so() -> None:
    page = html.render(CheckResult())
    assert "No discrepancies found" in page


def test_report_command_from_saved_json(cli, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "fund.html"
    run = cli("report", "--from-json", str(EXAMPLE_JSON), "-o", str(out), "--title", "Diagnostics fund")
    assert run.exit_code == 0, run.stderr
    assert "3 finding(s)" in run.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>Diagnostics fund</title>" in page
    assert page == html.render(build_result(), title="Diagnostics fund")


def test_report_command_from_documents(cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The trust opened 14 wards at a cost of £6 million.\n", encoding="utf-8")
    run = cli("report", str(doc), "-o", "-", "--as-of", "2024-01-01")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("<!DOCTYPE html>")
    assert "1 document" in run.stdout


def test_report_command_errors_are_one_line(cli, tmp_path: Path) -> None:
    run = cli("report", "-o", str(tmp_path / "x.html"))
    assert run.exit_code == 2 and "give either PATHS or --from-json" in run.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": 5}', encoding="utf-8")
    run = cli("report", "--from-json", str(bad), "-o", str(tmp_path / "x.html"))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and str(bad) in run.stderr and "not a factcheck result" in run.stderr


def test_check_format_html(cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The trust opened 14 wards.\n", encoding="utf-8")
    run = cli("check", str(doc), "--format", "html", "--as-of", "2024-01-01")
    assert run.exit_code in (0, 1), run.stderr
    assert run.stdout.startswith("<!DOCTYPE html>")


def _one_statement_result(sentence: str, speaker: str) -> CheckResult:
    result = build_result()
    result.findings = result.findings[:1]
    for claim in result.claims:
        claim.sentence = sentence
        claim.source = claim.source.model_copy(update={"speaker": speaker})
    return result


@given(sentence=st.text(max_size=80), speaker=st.text(min_size=1, max_size=20))
@settings(max_examples=60, deadline=None)
def test_any_statement_text_adds_no_elements(sentence: str, speaker: str) -> None:
    """Whatever a statement says, the page has the same elements as for a plain one."""
    baseline = Elements(html.render(_one_statement_result("plain words", "someone")))
    parsed = Elements(html.render(_one_statement_result(sentence, speaker)))
    def tags(page: Elements) -> list[str]:  # <mark> depends on whether the figure is in the sentence
        return [tag for tag, _ in page.tags if tag != "mark"]

    assert tags(parsed) == tags(baseline)


def test_long_findings_fold_extra_statements() -> None:
    result = build_result()
    result.findings = [result.findings[0].model_copy(update={"claims": [c.id for c in result.claims]})]
    page = html.render(result)
    parsed = Elements(page)
    assert len(parsed.named("figure")) - page.count('class="chart"') == 7  # 9 claims in 7 sentences
    assert "1 more statement</summary>" in page
    where = [attrs["title"] for attrs in parsed.named("code") if attrs.get("title")]
    assert where[0] == "statements/2021-03-04-press-release.md:3:45"
    assert "2022-06-14-debate.txt:1:44, 1:96" in page  # two figures of one sentence, folders left out


def test_report_from_json_on_standard_input(cli) -> None:
    run = cli("report", "--from-json", "-", "-o", "-", input=EXAMPLE_JSON.read_text(encoding="utf-8"))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == html.render(build_result())


def test_large_archives_list_only_the_quoted_documents(monkeypatch) -> None:
    monkeypatch.setattr(html, "MAX_DOCUMENT_ROWS", 2)
    page = html.render(build_result())
    assert "Listed: the 3 documents the findings quote." in page
    assert "undated-briefing.txt</code>" not in page  # read, but no finding quotes it


def test_falls_are_drawn_below_a_zero_line() -> None:
    result = build_result()
    waits = html.chart_for(result.groups[2], ResultView(result), flagged=set())
    assert waits is not None and waits.zero_y is not None
    assert all(p.y > waits.zero_y for p in waits.points)  # -12% and -8% sit below 0
    fund = html.chart_for(result.groups[0], ResultView(result), flagged=set())
    assert fund is not None and fund.zero_y is None  # the axis is zero already
