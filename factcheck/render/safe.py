"""User text made safe to print where a person or a CI runner reads it.

Statement text, metadata and file names come from outside. Printed as they are, a newline followed by
`::error file=...::` becomes a GitHub workflow command in a job log, and an escape sequence can
recolour, retitle or clear the reader's terminal. Every user string in text output passes through
`one_line`: escape sequences and control characters removed, line breaks made spaces, and `::` split.
"""

from __future__ import annotations

import re

# CSI (colours, cursor moves), OSC (window titles, hyperlinks) up to BEL or ST, other two-byte escapes,
# and the one-byte C1 CSI.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]")
_BREAKS = re.compile(r"[\n\r\t\v\f\x85\u2028\u2029]+")
# Other C0/C1 controls, DEL, and the bidirectional overrides that make text read differently than it is.
_DOUBLE_COLON = re.compile(r":(?=:)")  # ":::" too
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """`text` on one line with nothing a terminal or a CI log would act on."""
    if text.isprintable() and "::" not in text:
        return text  # the usual case, at C speed
    text = _CONTROLS.sub("", _BREAKS.sub(" ", _ESCAPES.sub("", text)))
    return _DOUBLE_COLON.sub(": ", text)
