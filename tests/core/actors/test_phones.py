"""Phone numbers are compared as E.164, however a case wrote them."""

from __future__ import annotations

from safepassage.core.actors.phones import normalise


def test_it_writes_one_number_one_way():
    assert normalise("081 234 5678") == normalise("+66 81-234-5678") == "+66812345678"


def test_it_reads_a_national_number_in_the_cases_country():
    assert normalise("09 7812 3456", "MM") == "+95978123456"
    assert normalise("012 345 678", "KH") == "+85512345678"


def test_it_refuses_what_is_no_number():
    assert normalise("call the boss") is None
    assert normalise("1694") is None  # a hotline's short code is no one's phone
