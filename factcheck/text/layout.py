"""One document's text, analysed once and handed from stage to stage.

Extraction and attribution read the same text: its soft line wraps, its sentences, its tables. A
TextLayout holds what they found (each part worked out on first use), so the pipeline builds one per
document and hands it to both stages instead of each splitting the text again.
"""

from __future__ import annotations

from functools import cached_property

from .sentences import Sentence, Sentences, proper_words, split_sentences, unwrap
from .tables import Tables


class TextLayout:
    """The analysed text of one document. Offsets everywhere are those of `text` (unwrapping keeps them)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def unwrapped(self) -> str:
        """The text with soft line wraps as spaces (see sentences.unwrap)."""
        return unwrap(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence in order, with its paragraph (sentences.split_sentences)."""
        return split_sentences(self.text, unwrapped=self.unwrapped)

    @cached_property
    def tables(self) -> Tables:
        """The '|' tables, read as they are asked about (memoised heading rows)."""
        return Tables(self.text)

    @cached_property
    def proper_words(self) -> set[str]:
        """Words capitalised mid-sentence (sentences.proper_words)."""
        return proper_words(self.text)

    def sentence_lookup(self) -> Sentences:
        """A fresh sentence-at-offset lookup (it keeps a cursor, so each reader has its own)."""
        return Sentences(self.text, unwrapped=self.unwrapped)
