"""YAML that a hostile file cannot turn into a bomb: safe types only, and no aliases.

An alias (`*name`) repeats a node without repeating its text, so a few hundred bytes of nested
aliases ("billion laughs") become gigabytes once anything walks the result. Front matter and rule
files have no use for them, so they are refused where they are written, with their line.
"""

from __future__ import annotations

from typing import Any

import yaml


class NoAliasSafeLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses aliases while composing, before anything is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here", event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[misc]


def compose(text: str, loader: type[NoAliasSafeLoader] = NoAliasSafeLoader) -> yaml.Node | None:
    """The node tree of one YAML document (lines kept); RecursionError becomes a YAMLError."""
    try:
        return yaml.compose(text, Loader=loader)
    except RecursionError:
        raise yaml.YAMLError("nested too deeply") from None


def load(text: str, loader: type[NoAliasSafeLoader] = NoAliasSafeLoader) -> Any:
    """The data of one YAML document; RecursionError becomes a YAMLError."""
    try:
        return yaml.load(text, Loader=loader)
    except RecursionError:
        raise yaml.YAMLError("nested too deeply") from None
