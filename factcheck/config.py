"""Every setting of a run in one place: thresholds and tolerances (Settings) and the options a run takes
(RunOptions), found in configuration files as ruff and SQLFluff find theirs.

Where values come from, lowest first: the defaults here; the configuration file, which is `--config FILE`
or else the nearest of `.factcheck.toml` or a `pyproject.toml` with a `[tool.factcheck]` table, searched
from the inputs' directory upwards (`--isolated` skips it); then the command-line flags. `factcheck config`
prints the merged values and where each came from. Keys are written `fail-on` or `fail_on`; paths in a
file (rules, ledger, record, baseline) are relative to the file's directory.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import UsageError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Reading
    exclude: list[str] = []  # .gitignore-style patterns of inputs to leave out (also --exclude)
    respect_gitignore: bool = True  # directories: leave out what .gitignore files leave out
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


FailOn = Literal["error", "warning", "info", "never"]
MinSeverity = Literal["error", "warning", "info"]


class RunOptions(BaseModel):
    """The options of a `check` run that a configuration file may set (each is also a flag)."""

    model_config = ConfigDict(extra="forbid")

    fail_on: FailOn = "warning"
    format: str = "text"
    rules: list[str] = []  # extra rule files or directories
    ledger: str | None = None  # compare with the record stored in this ledger
    record: list[str] = []  # statements already on record: the inputs are checked against them
    baseline: str | None = None
    as_of: str | None = None
    select: list[str] = []  # only these rule ids (empty: every rule)
    ignore: list[str] = []  # never these rule ids
    min_severity: MinSeverity = "info"  # findings below it are not reported


PATH_OPTIONS = ("rules", "ledger", "record", "baseline")  # relative to the configuration file that sets them
CONFIG_NAMES = (".factcheck.toml", "pyproject.toml")
DEFAULT = "default"


@dataclass
class Config:
    """The merged settings and options, where each value came from, and the file that was used."""

    settings: Settings = field(default_factory=Settings)
    options: RunOptions = field(default_factory=RunOptions)
    sources: dict[str, str] = field(default_factory=dict)  # key -> "default", a file's name, or "--flag"
    file: str | None = None

    def values(self) -> dict[str, Any]:
        return {**self.options.model_dump(), **self.settings.model_dump()}

    def source(self, key: str) -> str:
        return self.sources.get(key, DEFAULT)

    def with_flags(self, flags: dict[str, Any]) -> Config:
        """Command-line values win over the file's; `flags` holds only the flags actually given."""
        if not flags:
            return self
        option_keys = set(RunOptions.model_fields)
        options = {**self.options.model_dump(), **{k: v for k, v in flags.items() if k in option_keys}}
        settings = {**self.settings.model_dump(), **{k: v for k, v in flags.items() if k not in option_keys}}
        sources = {**self.sources, **{k: "--" + k.replace("_", "-") for k in flags}}
        try:
            return Config(Settings(**settings), RunOptions(**options), sources, self.file)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise UsageError(f"--{str(first['loc'][0]).replace('_', '-')}: {first['msg']}") from None


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, overridden by a configuration file when one is given."""
    return load_config(explicit=path).settings if path is not None else Settings()


def load_config(inputs: list[str] | tuple[str, ...] = (), explicit: str | Path | None = None,
                isolated: bool = False) -> Config:
    """The configuration for a run over `inputs`: `explicit` if given, else the nearest file found upwards."""
    if explicit is not None:
        path: Path | None = Path(explicit)
    elif isolated:
        return Config()
    else:
        path = find_config_file(inputs)
    if path is None:
        return Config()
    table, label = _read_table(path)
    return _parse(table, path, label)


def find_config_file(inputs: list[str] | tuple[str, ...] = ()) -> Path | None:
    """The nearest `.factcheck.toml`, or `pyproject.toml` with `[tool.factcheck]`, from the inputs upwards."""
    start = _start_directory(inputs)
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            try:
                found = candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate))
            except OSError:  # a directory we may not search holds no configuration we can use
                found = False
            if found:
                return candidate
    return None


def _start_directory(inputs: list[str] | tuple[str, ...]) -> Path:
    """The deepest directory holding every input (the current directory for standard input or none)."""
    dirs = []
    for raw in inputs:
        if raw == "-":
            continue
        p = Path(raw).resolve()
        try:
            is_dir = p.is_dir()
        except OSError:  # unsearchable: reading it is the one to report that, by name
            is_dir = False
        dirs.append(p if is_dir else p.parent)
    if not dirs:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(dirs))
    except ValueError:  # different drives
        return dirs[0]


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return isinstance(tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("factcheck"), dict)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge: a broken pyproject.toml without our table is skipped


def _read_table(path: Path) -> tuple[dict[str, Any], str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read config: {exc.strerror}", path=str(path)) from None
    except UnicodeDecodeError:
        raise UsageError("config is not UTF-8 text", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", path=str(path)) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck", {})
        return table if isinstance(table, dict) else {}, f"{_shown(path)} [tool.factcheck]"
    if isinstance(data.get("factcheck"), dict):
        return data["factcheck"], f"{_shown(path)} [factcheck]"
    return data, _shown(path)


def _parse(table: dict[str, Any], path: Path, label: str) -> Config:
    values = {str(key).replace("-", "_"): value for key, value in table.items()}
    for key in PATH_OPTIONS:
        if isinstance(values.get(key), str):
            values[key] = _relative_to(path.parent, values[key])
        elif isinstance(values.get(key), list):
            values[key] = [_relative_to(path.parent, v) if isinstance(v, str) else v for v in values[key]]
    option_keys = set(RunOptions.model_fields)
    unknown = sorted(set(values) - option_keys - set(Settings.model_fields))
    if unknown:
        raise UsageError(f"unknown setting {unknown[0].replace('_', '-')!r}", path=str(path),
                         hint="`factcheck config` lists every setting")
    try:
        options = RunOptions(**{k: v for k, v in values.items() if k in option_keys})
        settings = Settings(**{k: v for k, v in values.items() if k not in option_keys})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(f"{where}: {first['msg']}", path=str(path)) from None
    return Config(settings, options, {key: label for key in values}, _shown(path))


def _relative_to(base: Path, value: str) -> str:
    """A path from a configuration file, made relative to the current directory when it lies inside it."""
    p = Path(value)
    if not p.is_absolute():
        p = base / p
    try:
        return os.path.relpath(p) if p.resolve().is_relative_to(Path.cwd().resolve()) else str(p)
    except ValueError:
        return str(p)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)
