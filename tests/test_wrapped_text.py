"""Hard-wrapped prose (Markdown, e-mail, plain text at 72-100 columns) reads as the sentences it holds."""

from factcheck import extract_claims, read_text

WRAPPED = """The Coastal Towns Fund, the minister told the committee on Tuesday, has paid out
£45 million so far to 30 seaside councils, and a further round opens in the spring.

Funding figures
The fund will grow to £60 million next year.
"""


def test_a_soft_wrap_does_not_end_the_sentence():
    claims = {c.text: c for c in extract_claims(read_text(WRAPPED))}
    money = claims["£45 million"]
    assert money.sentence.startswith("The Coastal Towns Fund")
    assert money.sentence.endswith("opens in the spring.")
    assert "\n" not in money.sentence
    assert WRAPPED[money.start:money.end] == "£45 million"  # offsets still point into the text as read


def test_headings_and_paragraphs_still_end_sentences():
    claims = {c.text: c for c in extract_claims(read_text(WRAPPED))}
    assert claims["£60 million"].sentence == "The fund will grow to £60 million next year."
