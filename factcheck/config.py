"""Thresholds and tolerances in one settings model, so none of them hide in code.

`factcheck config` prints the effective settings; `--config FILE` (TOML, a `[factcheck]` table or
top-level keys) overrides them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import UsageError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Reading
    max_file_bytes: int = 200 * 1024 * 1024  # larger inputs are refused with a clear error
    # One JSON-lines record, or one line of a text file: longer ones are refused by file and line (the
    # stages bound their work per sentence, but nothing real needs a megabyte without a line break).
    max_record_bytes: int = 1024 * 1024
    # Extraction: also yield the numbers that are not claims ("Phase 3", "seventeen") as kind `number`
    # (`factcheck extract --all-numbers`); the rules never see them.
    extract_all_numbers: bool = False
    # Normalisation: how wide an interval "about", "around", "some" make (fraction of the value).
    approx_tolerance: float = 0.10
    # Grouping: rapidfuzz token_set_ratio (0-100) two topic keys need to be one subject.
    topic_match_threshold: float = 88.0
    metric_match_threshold: float = 80.0
    # Blocking: a topic token shared by more than this many distinct topics is too common to block on.
    max_block_size: int = 500
    # Verify: passages scoring below this (0-100) are reported as low-confidence, not as a source.
    verify_min_score: float = 70.0
    verify_min_quote_words: int = 5
    verify_min_content_words: int = 3  # words that are not stopwords, or figures: "the work will be done" has 2
    # Verify: a match is confident only if fewer passages than this would share its words by chance
    # (ledger passages x product of each shared word's passage frequency); guards quotes of common words.
    verify_max_chance_matches: float = 0.05
    # ... where a word's share of passages is smoothed towards this prior, weighted as this many passages,
    # so a record of a few documents does not make every word look rare (or common).
    verify_word_prior: float = 0.01
    verify_prior_passages: int = 1000


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, overridden by a TOML file when one is given."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read config: {exc.strerror}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", path=str(path)) from None
    data = data.get("factcheck", data)
    try:
        return Settings(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(f"{where}: {first['msg']}", path=str(path)) from None
