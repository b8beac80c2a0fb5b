"""Load rule files: YAML -> Rule, with every error pointing at the file and line that caused it.

The YAML is composed into nodes first (yaml.compose keeps each node's line), then validated; a
pydantic error's location is walked through the node tree to find its line, so a user reads
`rules/x.yaml:14: severity must be one of error, warning, info (got 'high')`.
"""

from __future__ import annotations

import re
import re._constants as re_constants  # the stdlib's own pattern parser: no new dependency
import re._parser as re_parser
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .. import yamlsafe
from ..errors import RuleFileError
from .checks import CHECK_KINDS
from .schema import Rule, template_problem

RULE_SUFFIXES = (".yaml", ".yml")


def shipped_rules_dir() -> Path:
    """The rules that ship with factcheck: inside the installed package, else the checkout's rules/."""
    packaged = resources.files("factcheck") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def load_rules(extra: Iterable[str] | None = None, shipped: bool = True) -> list[Rule]:
    """The shipped rules plus those under `extra` (files or directories); an extra rule overrides a
    shipped rule with the same id. Rules come back sorted by id."""
    rules: dict[str, Rule] = {}
    if shipped:
        rules.update(_load_tree(shipped_rules_dir()))
    for location in extra or []:
        rules.update(_load_tree(Path(location)))
    return [rules[k] for k in sorted(rules)]


def _load_tree(root: Path) -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for path in _rule_files(root):
        rule = load_rule_file(path, category=path.parent.name if path.parent != root else None)
        if rule.id in found:
            raise RuleFileError(f"duplicate rule id {rule.id!r} (also in {found[rule.id].path})", path=str(path),
                                hint="rule ids must be unique")
        found[rule.id] = rule
    return found


def _rule_files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    if not root.is_dir():
        raise RuleFileError("no such rule file or directory", path=str(root))
    yield from sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(RULE_SUFFIXES))


def load_rule_file(path: Path, category: str | None = None) -> Rule:
    """One rule from one YAML file whose name (without .yaml) is the rule's id."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"cannot read rule file: {getattr(exc, 'strerror', None) or exc}", path=str(path)) from None
    return parse_rule(text, str(path), expected_id=path.name.rsplit(".", 1)[0], category=category)


def parse_rule(text: str, path: str, expected_id: str | None = None, category: str | None = None) -> Rule:
    try:
        node = yamlsafe.compose(text)  # aliases refused: a few lines of them can expand to gigabytes
        data = yamlsafe.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(f"invalid YAML: {problem}", path=path,
                            line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or node is None:
        raise RuleFileError("a rule file must be a YAML mapping (id: ..., title: ..., ...)", path=path, line=1)
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        raise _error(exc, node, path) from None
    if expected_id is not None and rule.id != expected_id:
        raise RuleFileError(f"rule id {rule.id!r} does not match the file name {expected_id!r}", path=path,
                            line=_line(node, ("id",)), hint=f"rename the file to {rule.id}.yaml or fix the id")
    try:
        rule._params = CHECK_KINDS[rule.check.kind].Params.model_validate(rule.check.raw_params())
    except ValidationError as exc:
        raise _error(exc, node, path, prefix=("check",)) from None
    for name, value in rule._params:
        if name.endswith("_pattern") and isinstance(value, str) and (problem := pattern_problem(value)):
            raise RuleFileError(f"check.{name}: {problem}", path=path, line=_line(node, ("check", name)),
                                hint="write a plain regular expression without nested repetition")
    problem = template_problem(rule)
    if problem:
        raise RuleFileError(problem, path=path, line=_line(node, ("message",)))
    rule._path = path
    rule._category = category
    return rule


MAX_PATTERN_CHARS = 1000
_REPEATS = (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT)


def pattern_problem(pattern: str) -> str | None:
    """Why a regular expression from a rule file is unsafe to run on any text, or None if it is safe.

    Checked when the rule loads, so a bad rule fails at once with its line: a pattern that does not
    compile, or one that can backtrack exponentially (`(a+)+`, `(\\w+\\s?)*`, `(ab|a)*`): a repetition
    of varying count inside another, or alternatives inside one. Patterns run over a sentence
    (at most MAX_SENTENCE_CHARS), so anything that passes is polynomial in a bounded length.
    """
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"pattern is longer than {MAX_PATTERN_CHARS} characters"
    try:
        re.compile(pattern)
        parsed = re_parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"not a valid regular expression: {exc}"
    if _backtracks(list(parsed), inside_repeat=False):
        return f"pattern {pattern!r} can take exponential time (a repetition or alternatives inside a repetition)"
    return None


def _backtracks(items: list, inside_repeat: bool) -> bool:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            if inside_repeat and hi != lo:  # (a+)+, (a{1,3})+: exponentially many ways to split a run
                return True
            if _backtracks(list(body), inside_repeat or hi > 1):
                return True
        elif op is re_constants.BRANCH:
            if inside_repeat:
                return True
            if any(_backtracks(list(branch), inside_repeat) for branch in av[1]):
                return True
        elif op is re_constants.SUBPATTERN:
            if _backtracks(list(av[-1]), inside_repeat):
                return True
        elif op in (re_constants.ASSERT, re_constants.ASSERT_NOT):
            if _backtracks(list(av[1]), inside_repeat):
                return True
        elif op is re_constants.ATOMIC_GROUP:
            if _backtracks(list(av), inside_repeat):
                return True
        elif op is re_constants.GROUPREF_EXISTS and any(
                _backtracks(list(branch), inside_repeat) for branch in av[1:] if branch is not None):
            return True
    return False


def _error(exc: ValidationError, node: yaml.Node, path: str, prefix: tuple = ()) -> RuleFileError:
    """The first validation error, in words, at the line of the YAML node it is about."""
    first = exc.errors()[0]
    # Drop union-branch tags ("str", "list[ExampleDocument]") that pydantic puts in the location.
    loc = prefix + tuple(p for p in first["loc"] if not (isinstance(p, str) and p.startswith(("str", "list["))))
    field = ".".join(str(p) for p in loc)
    kind, value = first["type"], first.get("input")
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(first.get("ctx", {}).get("expected", "")))
        message = f"{field} must be one of {', '.join(expected)} (got {value!r})"
    elif kind == "extra_forbidden":
        message = f"unknown field {field!r}"
    elif kind == "missing":
        message = f"missing required field {field!r}"
    elif kind == "string_pattern_mismatch":
        message = f"{field} must be kebab-case (lowercase words joined by '-') (got {value!r})"
    else:
        message = f"{field}: {first['msg']}" if field else first["msg"]
        message = message.replace("Value error, ", "")
    return RuleFileError(message, path=path, line=_line(node, loc))


def _line(node: Any, loc: tuple) -> int:
    """1-based line of the deepest node `loc` reaches (a key's line for unknown or missing fields)."""
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                return line
            key, node = match
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
