"""What the self-check's result says to the person: which of their answers led to it, the
situation it puts them in (in danger now, a child, a wage problem), and so which help comes
first. Plain words from the determination's own evidence; no new conclusions."""

from __future__ import annotations

from typing import Any

from ...core.account import Account
from ...core.screening.determination import Determination
from ..common import present

DANGER_FACTS = (
    "locked_in", "movement_restricted", "physical_violence", "sexual_violence",
    "threatened_violence", "threatened_family", "sold_or_handed_over", "exit_payment_demanded",
)  # fmt: skip
WAGE_CODES = {
    "below_minimum_wage", "wages_not_paid", "unpaid_overtime_premium", "withholding_of_wages",
}  # fmt: skip
REASON_KINDS = ("icls", "indicator", "palermo", "violation")
MAX_REASONS = 6


def situation(account: Account, result: Determination) -> str:
    """ "child", "danger", "wages" or "other": the first that fits decides what help comes first."""
    if account.person.under_18.yes:
        return "child"
    job = account.work[-1] if account.work else None
    held = job is not None and (job.isolation == "compound" or job.sector == "online_scam")
    said = job is not None and any(getattr(job, fact).yes for fact in DANGER_FACTS)
    if held or said or account.transit.confined.yes or result.trafficking.result.value == "yes":
        return "danger"
    codes = {finding.code.split(".")[0] for finding in result.findings}
    return "wages" if codes & WAGE_CODES else "other"


def reasons(result: Determination) -> list[dict[str, Any]]:
    """The person's answers behind the result, each once, most serious findings first: the
    question in their language and what they answered. Facts screening worked out are left to
    the answers they come from."""
    seen: set[str] = set()
    found = []
    findings = sorted(
        result.findings, key=lambda f: REASON_KINDS.index(f.kind) if f.kind in REASON_KINDS else 9
    )
    for finding in findings:
        if finding.kind not in REASON_KINDS:
            continue
        for evidence in finding.because:
            plain = evidence.fact.split("].")[-1].split(".")[-1]
            if evidence.fact.startswith("derived.") or plain in seen:
                continue
            seen.add(plain)
            found.append(present.evidence(evidence))
    return found[:MAX_REASONS]
