"""Statements arrive as web pages, PDFs and Word files: each is read, with evidence that names its place.

Every test builds its own small file (the HTML by hand, the PDF with fpdf2, the .docx with python-docx).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from factcheck.documents import iter_documents
from factcheck.pipeline import extract_documents

AS_OF = "2025-01-01"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour repairs confirmed | Coastal Gazette</title>
  <meta property="og:title" content="Harbour repairs confirmed">
  <meta property="article:published_time" content="2024-04-18">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/sport">Sport</a> Subscribe for &pound;3 a month</nav>
  <main><article>
    <h1>Harbour repairs confirmed</h1>
    <p>The port authority said on Thursday that it would spend
       &pound;14 million repairing the north harbour wall over the next three years.</p>
    <p>Work on the first 400 metres of the wall starts in June, and the authority expects
       the ferry terminal to stay open throughout.</p>
    <p>Local fishing crews, who land about 2,000 tonnes of catch a year at the harbour,
       had campaigned for the repairs since the storms of the previous winter damaged the wall.</p>
  </article></main>
  <footer>&copy; 2024 Coastal Gazette. 12 cookies are set by this site.</footer>
</body>
</html>
"""


def _claims(path: Path) -> list:
    return [c for _, claims in extract_documents([str(path)], as_of=AS_OF) for c in claims]


def test_html_main_text_title_date_and_source_lines(tmp_path):
    page = tmp_path / "harbour.html"
    page.write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_documents([str(page)], as_of=__import__("datetime").date(2025, 1, 1)))
    assert doc.meta.title == "Harbour repairs confirmed"
    assert doc.meta.date == "2024-04-18"
    assert "Subscribe" not in doc.text and "cookies" not in doc.text  # navigation and footer left out
    claims = _claims(page)
    figures = {c.text: c.line for c in claims}
    source_lines = PAGE.split("\n")
    for text in ("£14 million", "about 2,000"):
        assert text in figures, figures
        line = source_lines[figures[text] - 1]
        # the claim's line is the source line where its paragraph starts
        assert "<p>" in line, (text, line)
    assert "£3" not in figures  # the subscription price in the navigation is no claim
    assert claims[0].date == "2024-04-18"


def _make_pdf(path: Path, pages: list[list[str]], title: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_pdf_text_by_page(tmp_path, cli):
    pdf = tmp_path / "review.pdf"
    _make_pdf(pdf, [["Annual review of the river authority"],
                    ["The authority cleared 310 kilometres of channel last year.",
                     "It spent £4.5 million on the work, against a budget of £5 million."]],
              title="River authority review")
    docs = list(iter_documents([str(pdf)], as_of=__import__("datetime").date(2025, 1, 1)))
    assert [d.id for d in docs] == [f"{pdf}#page=1", f"{pdf}#page=2"]
    assert docs[1].meta.title == "River authority review"
    run = cli("extract", str(pdf), "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    claims = [json.loads(line) for line in run.stdout.splitlines()]
    money = [c for c in claims if c["kind"] == "money"]
    assert {c["doc"] for c in money} == {f"{pdf}#page=2"}
    assert [c["line"] for c in money] == [2, 2]  # the second line of page 2


def _make_docx(path: Path, title: str) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading("Memo on school meals", level=1)
    document.add_paragraph("The trust served 1.2 million school meals in the autumn term.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "School", "Meals"
    table.cell(1, 0).text, table.cell(1, 1).text = "Hillside", "48,000"
    document.add_paragraph("Free meals rose by 9% compared with the spring.")
    document.save(str(path))


def test_docx_paragraphs_and_tables(tmp_path):
    memo = tmp_path / "memo.docx"
    _make_docx(memo, "School meals memo")
    [doc] = list(iter_documents([str(memo)], as_of=__import__("datetime").date(2025, 1, 1)))
    assert doc.meta.title == "School meals memo"
    assert doc.text.split("\n")[:4] == ["Memo on school meals",
                                       "The trust served 1.2 million school meals in the autumn term.",
                                       "School | Meals", "Hillside | 48,000"]
    lines = {c.value: c.line for c in _claims(memo)}
    assert lines[1_200_000] == 2 and lines[48_000] == 4 and lines[9] == 5, lines


def test_a_folder_reads_every_format_and_names_the_rest(tmp_path, cli):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "harbour.html").write_text(PAGE, encoding="utf-8")
    _make_docx(folder / "memo.docx", "memo")
    (folder / "slides.pages").write_bytes(b"PK\x03\x04 not really")
    run = cli("extract", str(folder), "--format", "jsonl")
    assert run.exit_code == 2
    docs = {Path(json.loads(line)["doc"]).name for line in run.stdout.splitlines()}
    assert docs == {"harbour.html", "memo.docx"}
    assert "slides.pages" in run.stderr and "a .pages file: export it as PDF" in run.stderr


def test_missing_extra_is_a_one_line_error(tmp_path, cli, monkeypatch):
    pdf = tmp_path / "review.pdf"
    _make_pdf(pdf, [["The authority cleared 310 kilometres of channel last year."]], title="x")
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if the extra were not installed
    run = cli("check", str(pdf))
    assert run.exit_code == 2
    assert run.stderr.strip().splitlines() == [
        f"factcheck: error: {pdf}: reading .pdf files needs the 'pdf' extra: pip install 'factcheck[pdf]' "
        "(skipped; the other inputs were processed)"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.pdf", b"%PDF-1.4 this is not a PDF", "PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", "Word file"),
])
def test_damaged_files_are_named(tmp_path, cli, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    run = cli("check", str(path))
    assert run.exit_code == 2
    assert str(path) in run.stderr and message in run.stderr and "Traceback" not in run.stderr


def test_verify_a_word_draft_against_a_web_page(tmp_path, cli):
    import docx

    page = tmp_path / "harbour.html"
    page.write_text(PAGE, encoding="utf-8")
    draft = docx.Document()
    draft.add_paragraph("The authority promised “it would spend £41 million repairing the north harbour wall "
                        "over the next three years”, the paper reported.")
    draft.save(str(tmp_path / "draft.docx"))
    run = cli("verify", "--file", str(tmp_path / "draft.docx"), "--corpus", str(page))
    assert run.exit_code == 1
    assert "£41 million quoted, £14 million on record" in run.stdout
    assert "harbour.html:13 " in run.stdout  # the source line of the paragraph
