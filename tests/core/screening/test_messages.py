"""Every text screening shows is a whole-sentence template the catalogues know, filled by
parameters: `rule == message.format(**params)`, and the words in parameters are messages too."""

from __future__ import annotations

import ast
import string
from datetime import date
from itertools import product
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account, Answer, Fact, Holder, Money, Sector, Work
from safepassage.core.account_file import read_account
from safepassage.core.screening import Determination, Screener, all_message_ids, messages
from safepassage.core.screening.determination import WORD_PARAMS, Evidence, Finding

from ..strategies import accounts, works

EXAMPLES = sorted((Path(__file__).parents[3] / "examples" / "accounts").glob("*.yaml"))
SCREENING = Path(messages.__file__).parent
YES = Fact(answer=Answer.YES)


@pytest.fixture(scope="module")
def ids() -> frozenset[str]:
    return frozenset(all_message_ids())


def assert_translatable(result: Determination, ids: frozenset[str]) -> None:
    for finding in result.findings:
        assert finding.message in ids, finding
        assert finding.message.format(**finding.params) == finding.rule
        assert finding.text() == finding.rule
        assert_filled(finding.message, finding.params, ids)
        for evidence in finding.because:
            if evidence.message:
                assert evidence.message in ids or evidence.message in messages.LAYOUTS
                assert evidence.message.format(**(evidence.params or {})) == evidence.note
                assert evidence.text() == evidence.note
                assert_filled(evidence.message, evidence.params or {}, ids)
    assert result.trafficking.explanation in ids
    assert all(note in ids for note in result.notes)


def assert_filled(message: str, params: dict[str, str], ids: frozenset[str]) -> None:
    assert set(params) == placeholders(message), (params, message)
    for name, value in params.items():
        if name in WORD_PARAMS:
            assert value in ids, (name, value)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_result_is_a_known_template_filled(
    screener: Screener, path: Path, ids: frozenset[str]
):
    assert_translatable(screener.screen(read_account(path)), ids)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts)
def test_every_generated_result_is_a_known_template_filled(
    screener: Screener, ids: frozenset[str], account: Account
):
    assert_translatable(screener.screen(account, as_of=date(2026, 1, 1)), ids)


pays = st.builds(
    Money,
    amount=st.floats(0, 50_000_000),
    currency=st.sampled_from(["THB", "VND", "USD"]),
    per=st.sampled_from(["hour", "day", "week", "month", "year", "piece", "once"]),
)
paid_works = st.tuples(works, pays, st.sampled_from(["Bangkok", "Region I", None])).map(
    lambda t: t[0].model_copy(update={"pay": t[1], "province": t[2]})
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paid_works, st.booleans(), st.booleans())
def test_every_pay_and_fee_result_is_a_known_template_filled(
    screener: Screener, ids: frozenset[str], work: Work, fees: bool, child: bool
):
    account = Account(
        person={"age": 15 if child else 30, "nationality": "KH"},
        recruitment={"country": "KH", "fees_paid": {"answer": "yes" if fees else "no"}},
        work=[work],
    )
    assert_translatable(screener.screen(account, as_of=date(2025, 9, 1)), ids)


@pytest.mark.parametrize(
    ("country", "province", "pay", "key"),
    [
        ("TH", "Bangkok", Money(amount=9000, currency="THB", per="month"), ("month", False)),
        ("TH", "Bangkok", Money(amount=1500, currency="THB", per="week"), ("week", False)),
        ("TH", "Bangkok", Money(amount=30, currency="THB", per="hour"), (None, True)),
        ("VN", "Region I", Money(amount=100_000, currency="VND", per="day"), ("month", False)),
        ("VN", "Region I", Money(amount=400_000, currency="VND", per="week"), ("month", False)),
    ],
)
def test_each_way_of_spreading_pay_has_its_own_template(
    screener: Screener, ids: frozenset[str], country: str, province: str, pay: Money, key: tuple
):
    job = Work(country=country, province=province, hours_per_day=8, days_per_week=6, pay=pay)
    result = screener.screen(Account(work=[job]), as_of=date(2025, 9, 1))
    [finding] = [f for f in result.findings if f.code == "below_minimum_wage"]
    assert finding.message == messages.BELOW_MINIMUM_CONVERTED[key]
    assert_translatable(result, ids)


def test_the_templates_are_whole_sentences_marked_for_extraction():
    marked: set[str] = set()
    for path in SCREENING.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
                marked.add(node.args[0].value)  # type: ignore[attr-defined]
    assert set(messages.TEMPLATES) | set(messages.WORDS) <= marked
    for template in messages.TEMPLATES:
        assert all(name.isidentifier() for name in placeholders(template)), template
    for template in messages.BELOW_MINIMUM_CONVERTED.values():
        assert template.endswith(". " + messages.CONVERSION_NOTE)


def test_every_code_a_template_is_chosen_by_has_one():
    assert set(messages.DOCUMENTS_HELD) == set(get_args(Holder)) - {"self", "unknown"}
    assert set(messages.SECTORS) == set(get_args(Sector))
    assert set(messages.PERIODS) == set(get_args(Money.model_fields["per"].annotation))
    assert set(messages.HOLDERS) == set(messages.DOCUMENTS_HELD)
    kinds = ("prohibited", "restricted")
    assert set(messages.FEES) == {(), *((k,) for k in kinds), *product(kinds, kinds)}


def test_the_knowledge_base_lends_its_indicator_names_and_document_rules():
    words = messages.knowledge_words()
    assert "Abuse of vulnerability" in words
    assert any("identity documents" in word for word in words)
    assert len(all_message_ids()) == len(set(all_message_ids()))


def finding(message: str, params: dict[str, str]) -> Finding:
    return Finding("violation", "x", "work", 0, (), message.format(**params), (), message, params)


def test_a_finding_reads_in_the_translation_with_its_words_translated():
    catalogue = {
        messages.BELOW_MINIMUM: "Lohn {paid} {currency} {per} < Minimum {minimum} {currency} {per}",
        "per day": "pro Tag",
    }
    found = finding(
        messages.BELOW_MINIMUM,
        {"paid": "350", "currency": "THB", "per": "per day", "minimum": "352"},
    )
    text = found.text(lambda s: catalogue.get(s, s))
    assert text == "Lohn 350 THB pro Tag < Minimum 352 THB pro Tag"


def test_a_translation_with_broken_placeholders_falls_back_to_the_english_rule():
    found = finding(messages.NO_WEEKLY_REST, {"days": "7", "rest": "1"})
    assert found.text(lambda s: "{dias} dias") == found.rule


def test_a_note_screening_wrote_reads_in_the_translation_and_the_migrants_own_stays():
    said = {"amount": "9,000", "currency": "THB", "per": "per month"}
    pay = Evidence("work.pay", Answer.YES, "9,000 THB per month", messages.PAY, said)
    own = Evidence("work.wages_withheld", Answer.YES, "per month, they said")
    german = {"per month": "pro Monat"}
    assert pay.text() == pay.note
    assert pay.text(lambda s: german.get(s, s)) == "9,000 THB pro Monat"
    assert own.text(lambda s: german.get(s, s)) == "per month, they said"
