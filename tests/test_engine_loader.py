"""Rule files: a valid one loads; every kind of mistake is one RuleFileError naming file and line."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import load_rules, parse_rule
from factcheck.errors import RuleFileError

GOOD = textwrap.dedent("""\
    id: big-share
    title: Shares above a half
    severity: warning
    description:
      what: Flags shares above 50 %.
      why: Testing.
      assumes: Nothing.
    message: "{figure} is too big"
    select:
      kinds: [percent]
    group_by: document
    check:
      kind: out-of-range
      maximum: 50
    examples:
      flag: ["Some 70% of pupils passed."]
      pass: ["Some 30% of pupils passed."]
    """)


def error_for(text: str, name: str = "big-share") -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        parse_rule(text, f"rules/{name}.yaml", expected_id=name)
    return info.value


def test_a_valid_rule_loads_with_typed_parameters():
    rule = parse_rule(GOOD, "rules/big-share.yaml", expected_id="big-share")
    assert rule.params.maximum == 50 and rule.check.kind == "out-of-range"


def test_bad_severity_names_the_line_and_the_choices():
    err = error_for(GOOD.replace("severity: warning", "severity: high"))
    assert err.render() == ("factcheck: error: rules/big-share.yaml:3: severity must be one of "
                            "error, warning, info (got 'high')")


@pytest.mark.parametrize(("change", "line", "words"), [
    (("  maximum: 50", "  maximum: 50\n  maxmum: 60"), 15, "unknown field 'check.maxmum'"),
    (("  maximum: 50", "  maximum: lots"), 14, "check.maximum"),
    (("kind: out-of-range", "kind: out-of-bounds"), 13, "unknown check kind 'out-of-bounds'"),
    (("title: Shares above a half\n", ""), 1, "missing required field 'title'"),
    (("group_by: document", "group_by: paragraph"), 11, "group_by must be one of"),
    (('"{figure} is too big"', '"{figure} is above {limit}"'), 8, "unknown placeholder(s) {limit}"),
    (("  kinds: [percent]", "  kinds: [percent]\n  colour: red"), 11, "unknown field 'select.colour'"),
    (("id: big-share", "id: Big_Share"), 1, "kebab-case"),
    (("  what: Flags shares above 50 %.\n", ""), 4, "missing required field 'description.what'"),
])
def test_mistakes_point_at_their_line(change, line, words):
    err = error_for(GOOD.replace(*change))
    assert err.line == line, err.render()
    assert words in err.message


def test_invalid_yaml_and_wrong_file_name():
    err = error_for(GOOD.replace("title: Shares above a half", "title: [unclosed"))
    assert err.line is not None and "invalid YAML" in err.message
    err = error_for(GOOD, name="other-name")
    assert "does not match the file name" in err.message and err.line == 1


def test_extra_rules_override_shipped_ones_and_duplicates_are_errors(tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "differing-totals.yaml").write_text(GOOD.replace("big-share", "differing-totals"))
    rules = {r.id: r for r in load_rules([str(custom)])}
    assert rules["differing-totals"].check.kind == "out-of-range"
    assert "change-endpoints" in rules
    (custom / "sub").mkdir()
    (custom / "sub" / "differing-totals.yaml").write_text(GOOD.replace("big-share", "differing-totals"))
    with pytest.raises(RuleFileError, match="duplicate rule id"):
        load_rules([str(custom)])


def test_missing_rule_path_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match="no such rule file"):
        load_rules([str(tmp_path / "nope")])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | st.builds(lambda a, b: GOOD.replace(a, b), st.sampled_from(GOOD.split()),
                                         st.text(max_size=20)))
def test_any_text_is_a_rule_or_a_rule_file_error(text):
    """Whatever is in a rule file, the loader answers with a Rule or one RuleFileError, never a crash."""
    try:
        parse_rule(text, "rules/x.yaml", expected_id=None)
    except RuleFileError as err:
        assert err.path == "rules/x.yaml" and err.message
