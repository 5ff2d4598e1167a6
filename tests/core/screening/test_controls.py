"""Controls the screening must never over-read: a recruitment fee alone is a labour-rights
violation, never forced labour or trafficking, whatever else stays unknown."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account, Answer
from safepassage.core.screening import Level, Screener

benign_or_unknown = st.sampled_from(["no", "unknown"])


@st.composite
def fee_only(draw: st.DrawFn) -> Account:
    recruitment = {
        "recruited_by": draw(st.sampled_from(["broker", "licensed_agency", "relative"])),
        "fees_paid": "yes",
        "debt_for_migration": draw(st.sampled_from(["yes", "no", "unknown"])),
        "debt_to": draw(st.sampled_from(["family", "bank", "unknown"])),
        **{
            name: draw(benign_or_unknown)
            for name in ("deceived_about_job", "deceived_about_wage", "forced_or_abducted")
        },
    }
    work = {
        "country": draw(st.sampled_from(["TH", "KH", "VN"])),
        "free_to_leave": draw(st.sampled_from(["yes", "unknown"])),
        **{
            name: draw(benign_or_unknown)
            for name in ("locked_in", "physical_violence", "threatened_violence", "wages_withheld")
        },
    }
    return Account(person={"age": draw(st.integers(18, 60))}, recruitment=recruitment, work=[work])


@settings(max_examples=150, deadline=None)
@given(fee_only())
def test_a_fee_only_account_is_never_forced_labour_or_trafficking(screener: Screener, account):
    result = screener.screen(account)
    assert result.level < Level.FORCED_LABOUR
    assert result.trafficking.result is not Answer.YES
    assert "recruitment_fees_charged" in result.codes("violation")
