"""The text layer: what factcheck knows about English text, in one place, below every stage.

`vocabulary` (month names, function words), `sentences` (where a sentence ends, soft line wraps),
`tables` ('|' table rows, cells and headings) and `passages` (the full-text index's units). Nothing here
imports another factcheck module (tests/test_text_layer.py keeps it so): every stage may use it.
"""
