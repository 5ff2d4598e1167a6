"""The facts of issue 11's second round: papers confiscated, fines, family and children at the
workplace, a boat outside national waters, the new sectors and the countries outside the five."""

from __future__ import annotations

from datetime import date

from safepassage.core.account import Account
from safepassage.core.screening import Level, Screener

ON = date(2025, 9, 1)


def _screen(screener: Screener, person: dict | None = None, **work: object):
    account = Account(person=person or {"age": 30}, work=[{"country": "TH", **work}])
    return screener.screen(account, as_of=ON)


def test_it_reads_confiscated_papers_as_retention_without_asking_who_holds_them(
    screener: Screener,
):
    result = _screen(screener, documents_confiscated="yes")
    assert "retention_of_identity_documents" in result.codes("indicator")
    assert "menace_of_penalty.documents_confiscated" in result.codes("icls")
    assert "retention_of_identity_documents" not in _screen(screener).codes("indicator")


def test_it_reads_a_fine_as_pay_withheld_and_a_penalty(screener: Screener):
    result = _screen(screener, fined="yes", locked_in="yes")
    assert "withholding_of_wages" in result.codes("indicator")
    assert "menace_of_penalty.fines" in result.codes("icls")
    assert result.level is Level.FORCED_LABOUR  # locked in (involuntary) under fines (penalty)


def test_it_names_children_and_family_at_the_workplace_without_changing_the_level(
    screener: Screener,
):
    plain = _screen(screener, wages_withheld="yes")
    both = _screen(
        screener,
        wages_withheld="yes",
        children_working_alongside="yes",
        family_working_alongside="yes",
    )
    assert {"children_at_the_workplace", "family_at_the_workplace"} <= both.codes("risk")
    assert not {"children_at_the_workplace", "family_at_the_workplace"} & plain.codes("risk")
    assert both.level is plain.level


def test_it_names_the_flag_state_question_for_a_boat_outside_national_waters(
    screener: Screener,
):
    result = _screen(screener, sector="fishing", beyond_national_waters="yes")
    assert "beyond_national_waters" in result.codes("risk")
    assert "beyond_national_waters" not in _screen(screener, sector="fishing").codes("risk")


def test_it_reads_each_countrys_list_of_hazardous_work_for_children(screener: Screener):
    child = {"age": 15}
    kiln_kh = Account(person=child, work=[{"country": "KH", "sector": "brick_kiln"}])
    kiln_th = Account(person=child, work=[{"country": "TH", "sector": "brick_kiln"}])
    boat_th = Account(person=child, work=[{"country": "TH", "sector": "fishing"}])
    assert "child_in_hazardous_work" in screener.screen(kiln_kh, ON).codes("violation")
    assert "child_in_hazardous_work" not in screener.screen(kiln_th, ON).codes("violation")
    assert "child_in_hazardous_work" in screener.screen(boat_th, ON).codes("violation")
    assert "child_in_hazardous_work" not in _screen(screener, sector="fishing").codes("violation")


def test_it_screens_work_in_malaysia_by_the_international_tests_and_names_the_country(
    screener: Screener,
):
    account = Account(
        work=[
            {"country": "MY", "sector": "plantation", "locked_in": "yes", "wages_withheld": "yes"}
        ]
    )
    result = screener.screen(account, ON)
    assert result.level is Level.FORCED_LABOUR
    [risk] = [f for f in result.findings if f.code == "no_national_law"]
    assert "Malaysia" in risk.because[0].text()


def test_it_reads_the_sale_of_a_child_as_a_worst_form_and_so_forced_labour(screener: Screener):
    def account(age: int) -> Account:
        return Account(
            person={"age": age},
            transit={"sold_or_handed_over": "yes"},
            work=[{"country": "KH", "sector": "online_scam"}],
        )

    child = screener.screen(account(15), ON)
    assert child.level is Level.FORCED_LABOUR  # C182 art. 3(a): the sale of children
    assert child.trafficking.result.value == "yes"  # a transfer for forced labour, no means
    adult = screener.screen(account(30), ON)
    assert adult.level is not Level.FORCED_LABOUR  # one circumstance, no menace
