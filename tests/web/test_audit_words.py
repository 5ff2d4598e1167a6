"""The audit log keeps what it records as written, and shows it in words: questions, consents,
reasons, statuses and roles by their names, never their codes."""

from __future__ import annotations

import pytest

from safepassage.web.casework.templatetags.casework import audit_words


@pytest.mark.parametrize(
    ("recorded", "shown"),
    [
        ("answer work.locked_in", "Answer: "),
        ("answer corrected person.age", "Answer corrected: "),
        ("correction of work.sector", "Correction opened: What kind of work is it?"),
        ("consent given: police", "Consent given: Police may be told (criminal complaint)"),
        ("consent given: share_details with hrdf", "Consent given: The migrant's details may"),
        ("consent withdrawn: embassy", "Consent withdrawn: The embassy may be contacted"),
        ("closure asked: no_contact", "Closure asked: Contact was lost"),
        (
            "referral 7: closed wages_recovered",
            "Referral updated: 7, Closed with an outcome, Wages",
        ),
        ("user dara created as case_worker", "User changed: dara, Case worker"),
        ("case summary PDF (th)", "Case summary made as PDF: Thai"),
        (
            "referral letter PDF to TH/doe_hotline_1694 (my), without personal details",
            "Referral letter made as PDF: Burmese, the worker not named",
        ),
        ("case page", "case page"),
    ],
)
def test_it_shows_each_entry_in_words(recorded: str, shown: str):
    assert audit_words(recorded).startswith(shown)
    assert "_" not in audit_words(recorded)
