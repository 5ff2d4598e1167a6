"""Translatable names for the core's codes: the core speaks in codes, people read these.

A test checks that every code the core can produce has a label here, so a new code cannot reach a
page untranslated.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ...core.screening import messages as core_messages

LEVELS: dict[str, Promise] = {
    "insufficient_information": _("Not enough information yet"),
    "decent_work": _("Decent work"),
    "labour_rights_violation": _("Labour rights violation"),
    "labour_exploitation": _("Labour exploitation"),
    "forced_labour": _("Forced labour"),
}

# What each level means, in plain words for the migrant's own self-check.
LEVELS_PLAIN: dict[str, Promise] = {
    "insufficient_information": _(
        "We cannot tell yet. Answering a few more questions, or talking to a helper, will make it "
        "clearer."
    ),
    "decent_work": _("From what you told us, your work seems to respect your rights."),
    "labour_rights_violation": _(
        "Some of your rights at work are not respected. You can claim them, and help is free."
    ),
    "labour_exploitation": _(
        "You are being treated unfairly in serious ways. You have rights, and people can help you "
        "claim them."
    ),
    "forced_labour": _(
        "What you describe may be forced labour. This is a serious crime against you, not your "
        "fault. You can get help, and you decide what happens next."
    ),
}

TRAFFICKING: dict[str, Promise] = {
    "yes": _("The signs of human trafficking are all present."),
    "no": _("The legal test for human trafficking is not met."),
    "unknown": _("Cannot tell yet whether this is human trafficking."),
}

INDICATORS: dict[str, Promise] = {
    "abuse_of_vulnerability": _("Abuse of vulnerability"),
    "deception": _("Deception"),
    "restriction_of_movement": _("Restriction of movement"),
    "isolation": _("Isolation"),
    "physical_and_sexual_violence": _("Physical and sexual violence"),
    "intimidation_and_threats": _("Intimidation and threats"),
    "retention_of_identity_documents": _("Retention of identity documents"),
    "withholding_of_wages": _("Withholding of wages"),
    "debt_bondage": _("Debt bondage"),
    "abusive_working_and_living_conditions": _("Abusive working and living conditions"),
    "excessive_overtime": _("Excessive overtime"),
}

VIOLATIONS: dict[str, Promise] = {
    "below_minimum_wage": _("Pay below the legal minimum wage"),
    "hours_over_limit": _("Working hours over the legal limit"),
    "no_weekly_rest": _("No weekly rest day"),
    "unpaid_overtime_premium": _("Overtime premium not paid"),
    "documents_held": _("Identity documents held by the employer or recruiter"),
    "child_below_minimum_age": _("A child below the minimum age for work"),
    "child_in_hazardous_work": _("A child in hazardous work"),
    "recruitment_fees_charged": _("Recruitment fees charged to the worker"),
    "overtime_without_consent": _("Overtime imposed without the worker's consent"),
    "young_worker_overtime": _("Overtime by a worker under 18"),
    "wages_not_paid": _("Wages not paid on time"),
    "too_little_rest": _("Less rest than the law requires on a fishing vessel"),
}

RISKS: dict[str, Promise] = {
    "scam_recruitment_red_flags": _("Red flags of scam recruitment"),
    "contradictory_pay_answers": _("Answers that contradict each other"),
    "no_national_law": _("No national law on file"),
    "children_at_the_workplace": _("Children at the workplace"),
    "family_at_the_workplace": _("Family members at the workplace"),
    "beyond_national_waters": _("Work outside national waters"),
    "sector_outside_the_rule": _("A rule that did not apply to this kind of work"),
    "contested_coverage": _("Coverage of seasonal farm work is contested"),
}

ICLS: dict[str, Promise] = {
    "involuntariness": _("Involuntary work (ICLS 2018)"),
    "menace_of_penalty": _("Threat or menace of penalty (ICLS 2018)"),
}

PALERMO: dict[str, Promise] = {
    "act": _("Act (recruitment, transport, transfer, harbouring or receipt)"),
    "means": _("Means (threat, force, deception, abuse of vulnerability...)"),
    "purpose": _("Purpose of exploitation"),
}

STAGES: dict[str, Promise] = {
    "recruitment": _("Recruitment"),
    "transit": _("Transit"),
    "work": _("Work"),
    "return": _("Return"),
}

GOALS: dict[str, Promise] = {
    "recover_wages": _("Recover unpaid wages"),
    "leave_job": _("Leave the job"),
    "go_home": _("Go home"),
    "stay_and_work": _("Stay and keep working"),
    "get_documents": _("Get documents back"),
    "be_safe_now": _("Be safe now"),
    "prosecution": _("See those responsible prosecuted"),
    "protect_others": _("Protect others"),
}

CONSENTS: dict[str, Promise] = {
    "police": _("Police may be told (criminal complaint)"),
    "authorities": _("Other authorities may be told (labour and social welfare agencies)"),
    "embassy": _("The embassy may be contacted"),
    "victim_identification": _(
        "Formal identification as a victim of trafficking, knowing who takes part (often the "
        "police, in a team)"
    ),
    # Given per referral: the provider named, for the step referred to.
    "share_details": _("The migrant's details may be shared with this provider"),
}

# A professional's own view of trafficking, beside the engine's.
TRAFFICKING_VIEWS: dict[str, Promise] = {
    "yes": _("Trafficking: yes"),
    "no": _("Trafficking: no"),
    "unknown": _("Trafficking: cannot tell"),
}

COUNTRIES: dict[str, Promise] = {
    "TH": _("Thailand"),
    "KH": _("Cambodia"),
    "LA": _("Laos"),
    "VN": _("Vietnam"),
    "MM": _("Myanmar"),
    # The international tests apply here; the core's messages hold the names' message ids.
    **{code: _(name) for code, name in core_messages.OTHER_COUNTRIES.items()},
}

RESPONSE_KINDS: dict[str, Promise] = {
    "information_and_safety_planning": _("Information and safety planning"),
    "wage_or_compensation_claim": _("Wage or compensation claim"),
    "labour_inspection_complaint": _("Labour inspection complaint"),
    "mediation": _("Mediation"),
    "labour_court": _("Labour court"),
    "recruitment_agency_complaint": _("Complaint against the recruitment agency"),
    "legal_aid": _("Legal aid"),
    "shelter_and_protection": _("Shelter and protection"),
    "health_care": _("Health care"),
    "embassy_or_labour_attache": _("Embassy or labour attaché"),
    "repatriation_and_reintegration": _("Going home and reintegration"),
    "union_or_migrant_network": _("Union or migrant workers' network"),
    "supply_chain_grievance": _("Grievance to the buyer or certification scheme"),
    "recruitment_fee_reimbursement": _("Recruitment fees paid back (Employer Pays)"),
    "victim_identification": _("Victim identification"),
    "criminal_complaint": _("Criminal complaint"),
}

OPTIONS: dict[str, Promise] = {
    "agriculture": _("Farm"),
    "plantation": _("Plantation (palm oil, rubber, sugar cane)"),
    "brick_kiln": _("Brick kiln"),
    "food_processing": _("Food processing factory"),
    "warehouse": _("Warehouse or delivery"),
    "electronics": _("Electronics factory"),
    "at_sea": _("At sea"),
    "border_pass": _("Border pass"),
    "broker": _("A broker"),
    "citizen": _("Citizen of this country"),
    "compound": _("A closed compound"),
    "construction": _("Construction"),
    "domestic_work": _("Housework in a home"),
    "employer": _("The employer"),
    "entertainment": _("Bar, karaoke or entertainment"),
    "fishing": _("Fishing boat"),
    "friend_or_neighbour": _("A friend or neighbour"),
    "garment": _("Garment factory"),
    "government": _("A government office"),
    "hospitality": _("Hotel or restaurant"),
    "irregular": _("No papers"),
    "licensed_agency": _("A licensed recruitment agency"),
    "live_in": _("Living in the employer's home"),
    "manufacturing": _("Factory"),
    "mou": _("MOU worker (recruited through the official channel)"),
    "none": _("Nobody"),
    "online_contact": _("Someone met online"),
    "online_scam": _("Online scam work"),
    "other": _("Something else"),
    "recruiter": _("The recruiter"),
    "registered": _("Registered worker"),
    "relative": _("A relative"),
    "remote_site": _("A remote place"),
    "seafood_processing": _("Seafood processing"),
    "self": _("I keep them myself"),
    "sex_industry": _("Sex work"),
    "tourist_visa": _("Tourist visa"),
    "unlicensed_agency": _("An unlicensed agency"),
}

ANSWERS: dict[str, Promise] = {"yes": _("Yes"), "no": _("No"), "unknown": _("I don't know")}

PER: dict[str, Promise] = {
    "hour": _("per hour"),
    "day": _("per day"),
    "week": _("per week"),
    "month": _("per month"),
    "year": _("per year"),
    "piece": _("per piece"),
    "once": _("once"),
}


def label(table: dict[str, Promise], code: str) -> str:
    """The label for a code; the code itself if none exists yet (a test forbids that)."""
    return str(table.get(code, code))


# How a person who asked from the self-check may be contacted safely (its contact form).
CONTACT_WHEN: dict[str, Promise] = {
    "any": _("Any time"),
    "morning": _("Morning"),
    "afternoon": _("Afternoon"),
    "evening": _("Evening"),
}
CONTACT_HOW: dict[str, Promise] = {
    "call": _("A phone call"),
    "sms": _("A text message (SMS)"),
    "line": _("LINE"),
    "messenger": _("Messenger"),
    "whatsapp": _("WhatsApp"),
    "viber": _("Viber"),
    "zalo": _("Zalo"),
}
CONTACT_MESSAGE: dict[str, Promise] = {
    "no": _("No, do not leave a message"),
    "yes": _("Yes, a message is safe"),
}

# Legal deadlines (knowledge topic `deadlines`), as what must be done by the last day.
DEADLINES: dict[str, Promise] = {
    "wage_claim_time_limit": _("Bring the claim for unpaid wages"),
    "employer_change_window": _("Find a new employer and register the change"),
}


def duration(length: float, unit: str) -> str:
    """A length of time in words: "2 years", "30 days"."""
    count = int(length)
    if unit == "years":
        return ngettext("%(count)d year", "%(count)d years", count) % {"count": count}
    if unit == "months":
        return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}
