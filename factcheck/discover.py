"""Which files a directory input holds: the tree walk, and what it leaves out and why.

`factcheck check .` in a repository must not read `.git`, `.venv` or `build/` (an empty file there
used to stop the run), nor files the repository's `.gitignore` leaves out. What the walk leaves out
is reported (the coverage report's `skipped`), never dropped in silence:

- hidden files and directories (`.git`, `.venv`, `.pytest_cache`) and virtual environments (a
  directory holding `pyvenv.cfg`), `__pycache__`, `node_modules` and `*.egg-info` - listed once per
  directory, not file by file;
- paths matched by a `.gitignore` (the walked tree's own and those of its parent directories up to
  the repository root, with git's own pattern rules via pathspec);
- paths matched by an `exclude` pattern (`--exclude GLOB`, or `exclude` in the configuration), also
  in .gitignore syntax, matched against the path relative to the current directory and to the
  directory given; these apply to files named on the command line too;
- files of a kind factcheck does not read (`.html`, `.csv`, a name with no extension).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pathspec

SKIPPED_DIR_NAMES = frozenset({"__pycache__", "node_modules", "site-packages"})


@dataclass(frozen=True)
class Entry:
    """One path met in the walk: a file to read (reason None) or a path left out, and why."""

    path: str
    reason: str | None = None
    unreadable: bool = False  # a directory that could not be listed: an input problem, not a choice


def walk(root: str, is_statement: Callable[[str], bool], exclude: Sequence[str] = (),
         gitignore: bool = True) -> Iterator[Entry]:
    """Every file under directory `root` in name order, each either to read or skipped with a reason;
    `is_statement(name)` says whether a file name is of a kind factcheck reads."""
    exclude_spec = _spec(tuple(exclude))
    ignores = _ancestor_ignores(Path(root)) if gitignore else []
    yield from _walk_dir(Path(root), is_statement, exclude_spec, ignores, gitignore)


def excluded(path: str, exclude: Sequence[str]) -> str | None:
    """The reason `path` is excluded by a pattern, or None."""
    spec = _spec(tuple(exclude))
    return _excluded_by(Path(path), spec, Path(path).is_dir()) if spec else None


def _walk_dir(directory: Path, is_statement: Callable[[str], bool], exclude_spec: pathspec.PathSpec | None,
              ignores: list[tuple[Path, pathspec.PathSpec]], gitignore: bool) -> Iterator[Entry]:
    if gitignore and (directory / ".gitignore").is_file():
        ignores = [*ignores, (directory, _read_gitignore(directory / ".gitignore"))]
    try:
        children = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield Entry(str(directory), f"cannot read directory: {exc.strerror}", unreadable=True)
        return
    for child in children:
        path = Path(child.path)
        is_dir = child.is_dir()
        reason = _skip_reason(path, is_dir, exclude_spec, ignores)
        if reason is not None:
            yield Entry(_shown(path, is_dir), reason)
        elif is_dir:
            yield from _walk_dir(path, is_statement, exclude_spec, ignores, gitignore)
        elif not child.is_file():
            continue
        elif is_statement(child.name):
            yield Entry(str(path))
        else:
            yield Entry(str(path), "not a kind of file factcheck reads")


def _skip_reason(path: Path, is_dir: bool, exclude_spec: pathspec.PathSpec | None,
                 ignores: list[tuple[Path, pathspec.PathSpec]]) -> str | None:
    name = path.name
    if is_dir and (path / "pyvenv.cfg").is_file():
        return "virtual environment"
    if name.startswith("."):
        return f"hidden {'directory' if is_dir else 'file'}"
    if is_dir and (name in SKIPPED_DIR_NAMES or name.endswith(".egg-info")):
        return "build or cache directory"
    if exclude_spec is not None and (reason := _excluded_by(path, exclude_spec, is_dir)):
        return reason
    for base, spec in reversed(ignores):  # the deepest .gitignore that has a say decides, as in git
        rel = _relative(path, base)
        if rel is None:
            continue
        verdict = spec.check_file(rel + ("/" if is_dir else ""))
        if verdict.include is not None:
            return f"ignored by {_shown(base / '.gitignore', False)}" if verdict.include else None
    return None


def _excluded_by(path: Path, spec: pathspec.PathSpec, is_dir: bool) -> str | None:
    suffix = "/" if is_dir else ""
    candidates = {path.as_posix()}
    rel = _relative(path, Path.cwd())
    if rel is not None:
        candidates.add(rel)
    for candidate in sorted(candidates):
        verdict = spec.check_file(candidate.lstrip("/") + suffix)
        if verdict.include:
            pattern = spec.patterns[verdict.index].pattern if verdict.index is not None else "?"
            return f"excluded by pattern {pattern!r}"
    return None


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def _ancestor_ignores(root: Path) -> list[tuple[Path, pathspec.PathSpec]]:
    """The .gitignore files of `root`'s parent directories, up to the repository root (outermost first)."""
    found: list[tuple[Path, pathspec.PathSpec]] = []
    for parent in root.resolve().parents:
        if (parent / ".gitignore").is_file():
            found.append((parent, _read_gitignore(parent / ".gitignore")))
        if (parent / ".git").exists():
            break
    else:
        return []  # not inside a repository: only the walked tree's own .gitignore files count
    return found[::-1]


@lru_cache(maxsize=256)
def _read_gitignore(path: Path) -> pathspec.PathSpec:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return pathspec.GitIgnoreSpec.from_lines(lines)


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec | None:
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def _shown(path: Path, is_dir: bool) -> str:
    return str(path) + ("/" if is_dir else "")
