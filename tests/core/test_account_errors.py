"""Malformed accounts give field-level errors (path and what was expected), never a crash."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account
from safepassage.core.account_file import AccountError, parse_account

junk = st.one_of(
    st.text(max_size=8),
    st.integers(-5, 500),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)
WORK_FIELDS = sorted(
    name for name in Account.model_fields["work"].annotation.__args__[0].model_fields
)


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(WORK_FIELDS), value=junk)
def test_it_names_the_field_of_any_bad_value(field: str, value: object):
    text = yaml.safe_dump({"work": {"country": "TH", field: value}})
    try:
        account = parse_account(text, "a.yaml")
    except AccountError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path[:3] == ("work", 0, field), problem
            assert problem.line == 2 or problem.line is not None
            assert problem.message
    else:
        assert isinstance(account, Account)  # the value was valid for that field


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10), junk, max_size=4))
def test_it_refuses_unknown_top_level_fields_by_name(data: dict):
    known = set(Account.model_fields) | {"return"}
    unknown = {k for k in data if k not in known}
    try:
        parse_account(yaml.safe_dump(data), "a.yaml")
    except AccountError as exc:
        named = {p.path[0] for p in exc.problems}
        assert unknown <= named
    else:
        assert not unknown


def test_it_explains_a_bad_answer():
    with pytest.raises(AccountError) as raised:
        parse_account("work:\n  country: TH\n  locked_in: maybe\n", "a.yaml")
    [problem] = raised.value.problems
    assert (
        str(problem)
        == "a.yaml:3: work[0].locked_in: 'maybe' is not an answer; use yes, no or unknown"
    )


def test_it_reports_yaml_errors_with_a_line():
    with pytest.raises(AccountError) as raised:
        parse_account("work: [unclosed\n", "a.yaml")
    assert raised.value.problems[0].line is not None
