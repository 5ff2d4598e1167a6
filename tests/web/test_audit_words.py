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
        ("party added: alias 12", "Someone involved named: 12"),
        ("aliases 3 and 9 decided one actor (actor 3)", "Two spellings joined as one actor: 3, 9"),
        ("aliases 3 and 9 decided not one actor (actor 3)", "Two spellings kept apart: 3, 9"),
        ("actor 7 legal review", "Legal review recorded: actor 7"),
        ("case list page 2; filter: country=TH, q=(withheld)", "Case list viewed, page 2"),
        ("404 GET casework:detail case_id=41", "Refused: not found, 41"),
        ("403 POST casework:note case_id=5", "Refused: not allowed, 5"),
        (
            "supply_chain_grievance letter PDF, referral 4 (th), naming the worker",
            "Letter up the supply chain made as PDF: Thai, the worker named",
        ),
    ],
)
def test_it_shows_each_entry_in_words(recorded: str, shown: str):
    assert audit_words(recorded).startswith(shown)
    assert "_" not in audit_words(recorded)
