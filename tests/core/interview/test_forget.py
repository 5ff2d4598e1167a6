"""A correction to "don't know" makes the fact unknown again, and the screening follows."""

from __future__ import annotations

from safepassage.core.account import Account
from safepassage.core.interview import apply, forget, is_unknown


def test_it_makes_a_known_fact_unknown_again():
    account = apply(Account(), "work.locked_in", "yes")
    assert not is_unknown(account, "work.locked_in")
    assert is_unknown(forget(account, "work.locked_in"), "work.locked_in")


def test_it_forgets_the_age_and_whether_the_person_is_a_child():
    account = apply(Account(), "person.age", 15)
    assert account.person.under_18.yes
    again = forget(account, "person.age")
    assert again.person.age is None
    assert not again.person.under_18.yes


def test_it_leaves_the_account_as_it_is_for_a_gate_and_an_unknown_fact():
    account = apply(Account(), "work.locked_in", "no")
    assert forget(account, "gate.confinement") == account
    assert forget(account, "work.sector") == account
