"""Every text screening shows people, as gettext message templates: whole sentences, English.

A finding carries its English `rule`, the template it came from (`message`, the gettext message
id) and the values that fill it (`params`), so that `rule == message.format(**params)`. Templates
use `str.format` named fields (`{paid}`, `{currency}`); the values are strings already formatted
("9,000", "THB"). Values of the parameters in `WORD_PARAMS` (a period, a sector, a country, an
indicator's name, the text of a law) are message ids themselves: the reader's language is
reached with `Finding.text(gettext)`, which translates them, then the template, then fills it.

A note screening writes beside a fact (Evidence: the pay, the age, who holds the documents)
works the same way (`Evidence.text(gettext)`); the migrant's own notes are left as they are.

`all_message_ids()` lists every template and every word a parameter can hold, for the
translation catalogues (`make messages`); the templates are also marked with `N_()` where they
are defined, here. A translation whose placeholders do not match its template's falls back to
the English text.
"""

from __future__ import annotations

from ...i18n import N_
from ..account import Answer
from ..knowledge import Knowledge, load_knowledge
from .determination import CONSTRUCT_NOTE, WORD_PARAMS, Evidence

__all__ = ["WORD_PARAMS", "all_message_ids"]

# -- labour law --------------------------------------------------------------------------------

# Pay below the minimum, compared on the same basis (per day, per month...).
BELOW_MINIMUM = N_(
    "Pay of {paid} {currency} {per} is below the minimum wage of {minimum} {currency} {per}"
)
# The last sentence of each template below (not a message of its own: always part of one).
CONVERSION_NOTE = (
    "Spreading the pay over the days and hours actually worked is SafePassage's own conversion, "
    "not a statutory formula; where the law counts paid rest days in a monthly wage, the "
    "shortfall may be larger"
)
# Pay below the minimum once spread over the days and hours worked: one template for each way it
# was spread, keyed by (the days a week used to reach a month or a week, whether normal hours a day
# were used).
BELOW_MINIMUM_CONVERTED: dict[tuple[str | None, bool], str] = {
    ("month", False): N_(
        "Pay of {amount} {currency} {pay_per} for {days} days a week (about {month_days} working "
        "days a month) comes to {paid} {currency} {per}, below the minimum wage of {minimum} "
        "{currency} {per}. Spreading the pay over the days and hours actually worked is "
        "SafePassage's own conversion, not a statutory formula; where the law counts paid rest "
        "days in a monthly wage, the shortfall may be larger"
    ),
    ("month", True): N_(
        "Pay of {amount} {currency} {pay_per} for {days} days a week (about {month_days} working "
        "days a month) and {hours} normal hours a day comes to {paid} {currency} {per}, below the "
        "minimum wage of {minimum} {currency} {per}. Spreading the pay over the days and hours "
        "actually worked is SafePassage's own conversion, not a statutory formula; where the law "
        "counts paid rest days in a monthly wage, the shortfall may be larger"
    ),
    ("week", False): N_(
        "Pay of {amount} {currency} {pay_per} for {days} days a week comes to {paid} {currency} "
        "{per}, below the minimum wage of {minimum} {currency} {per}. Spreading the pay over the "
        "days and hours actually worked is SafePassage's own conversion, not a statutory formula; "
        "where the law counts paid rest days in a monthly wage, the shortfall may be larger"
    ),
    ("week", True): N_(
        "Pay of {amount} {currency} {pay_per} for {days} days a week and {hours} normal hours a "
        "day comes to {paid} {currency} {per}, below the minimum wage of {minimum} {currency} "
        "{per}. Spreading the pay over the days and hours actually worked is SafePassage's own "
        "conversion, not a statutory formula; where the law counts paid rest days in a monthly "
        "wage, the shortfall may be larger"
    ),
    (None, True): N_(
        "Pay of {amount} {currency} {pay_per} for {hours} normal hours a day comes to {paid} "
        "{currency} {per}, below the minimum wage of {minimum} {currency} {per}. Spreading the "
        "pay over the days and hours actually worked is SafePassage's own conversion, not a "
        "statutory formula; where the law counts paid rest days in a monthly wage, the shortfall "
        "may be larger"
    ),
    (None, False): N_(
        "Pay of {amount} {currency} {pay_per} comes to {paid} {currency} {per}, below the minimum "
        "wage of {minimum} {currency} {per}. Spreading the pay over the days and hours actually "
        "worked is SafePassage's own conversion, not a statutory formula; where the law counts "
        "paid rest days in a monthly wage, the shortfall may be larger"
    ),
}
# Overtime over a legal cap, one template per cap.
HOURS_OVER_LIMIT: dict[str, str] = {
    "overtime_max_hours_per_day": N_(
        "{hours} hours a day, {days} days a week means {overtime} overtime hours, over the legal "
        "limit of {cap} (overtime max hours per day)"
    ),
    "overtime_max_hours_per_week": N_(
        "{hours} hours a day, {days} days a week means {overtime} overtime hours, over the legal "
        "limit of {cap} (overtime max hours per week)"
    ),
    "overtime_max_hours_per_month": N_(
        "{hours} hours a day, {days} days a week means {overtime} overtime hours, over the legal "
        "limit of {cap} (overtime max hours per month)"
    ),
    "overtime_max_hours_per_year": N_(
        "{hours} hours a day, {days} days a week means {overtime} overtime hours, over the legal "
        "limit of {cap} (overtime max hours per year)"
    ),
}
# Facts no interview question asks (screening works them out), as people read them.
FACT_WORDS: dict[str, str] = {
    "person.under_18": N_("Under 18"),
    "derived.held_in_compound": N_("Held in a compound"),
    "derived.documents_held_by_others": N_("Someone else keeps the passport or ID card"),
    "derived.irregular_status": N_("No regular papers to work"),
    "derived.debt_owed_to_recruiter_or_employer": N_(
        "The debt is owed to the recruiter or employer"
    ),
    "derived.recruited_by_third_party": N_("Recruited by someone else (a third party)"),
    "derived.transported_by_third_party": N_("Taken on the journey by someone else"),
    "derived.paid_below_minimum": N_("Paid below the minimum wage"),
    "derived.paid_far_below_minimum": N_("Paid far below the minimum wage"),
    "derived.no_wages": N_("Paid nothing"),
    "derived.paid_less_than_promised": N_("Paid less than promised"),
    "derived.hours_over_legal_limit": N_("Hours over the legal limit"),
    "derived.no_weekly_rest": N_("No weekly rest day"),
    "derived.overtime_hours": N_("Overtime hours"),
    "derived.child_in_hazardous_work": N_("A child in hazardous work"),
    "derived.any_labour_violation": N_("A labour-law violation"),
    "derived.forced_labour": N_("Forced labour (the ICLS test)"),
    "derived.debt_bondage_at_work": N_("Debt bondage at work"),
    "derived.unpaid_months": N_("Months of pay owed"),
}
A_WORKED_OUT_FACT = N_("A fact screening worked out")
# A number the screening read, as a note beside its fact (shown as the value, not "yes").
HOURS_A_DAY = N_("{hours} hours a day")
DAYS_A_WEEK = N_("{days} days a week")
NUMBERS = {"hours_per_day": (HOURS_A_DAY, "hours"), "days_per_week": (DAYS_A_WEEK, "days")}
# Pay below the minimum in the worker's words, where the amount is not known.
SAID_BELOW_MINIMUM: dict[str, str] = {
    "below_the_minimum": N_(
        "The worker says the pay is below the minimum wage, which is {minimum} {currency} {per}"
    ),
    "nothing": N_(
        "The worker says they are paid nothing; the minimum wage is {minimum} {currency} {per}"
    ),
}
# Work in a country whose law the knowledge base does not hold (Malaysia, Korea, the Gulf...).
NO_NATIONAL_LAW = N_(
    "No labour law of this country is on file, so only the international tests were applied: "
    "the ILO indicators of forced labour, the ICLS 2018 test of forced labour and the Palermo "
    "Protocol. Decent work cannot be concluded without the national law"
)
# Answers on pay that cannot both be true.
UNPAID_BUT_NOT_KEPT_BACK = N_(
    "The answers on pay contradict each other: {months} months of pay are owed, yet no pay is "
    "said to be kept back. Check which is right"
)
UNPAID_BUT_AS_PROMISED = N_(
    "The answers on pay contradict each other: {months} months of pay are owed, yet the pay is "
    "said to be as promised. Check which is right"
)
# A sector the law leaves out of a rule on the job's date, in place of the rule's violation.
SECTOR_OUTSIDE_RULE: dict[str, str] = {
    "minimum_wage_applies": N_(
        "On this date the law did not apply the minimum wage to {sector}, so pay below it is not "
        "a breach of the minimum-wage rule (very low pay is still weighed as a sign of forced "
        "labour)"
    ),
    "hours_limits_apply": N_(
        "On this date the law's limits on working hours and overtime did not apply to {sector}"
    ),
}
# Farm work whose coverage by the hours rules is contested: the knowledge base's words ({law}).
CONTESTED_COVERAGE = N_("The hours findings for {sector} may not hold: {law}")
# Sea-fishing work: minimum rest in place of limits on hours.
REST_PER_DAY = N_(
    "{hours} hours of work a day leave less than the {rest} hours of rest the law requires in "
    "any 24 hours on a fishing vessel"
)
REST_PER_WEEK = N_(
    "{hours} hours a day, {days} days a week leave less than the {rest} hours of rest the law "
    "requires in any 7 days on a fishing vessel"
)
# The worker's situation: what to ask about next and plan for (risk findings, not the level).
CHILDREN_AT_THE_WORKPLACE = N_(
    "Children work at the same place. Ask about each of them: a child who works beside a parent "
    "in forced labour is counted in forced labour of children (ICLS 2018), and every child's "
    "work must be checked against the minimum working ages"
)
FAMILY_AT_THE_WORKPLACE = N_(
    "Family members work at the same place: plan for their safety too, and ask whether they "
    "want help of their own"
)
BEYOND_NATIONAL_WATERS = N_(
    "The boat works outside national waters, where the law of the boat's flag state governs "
    "work on board: check that the country given for this job is the flag state. Inspections "
    "in foreign ports under the ILO Work in Fishing Convention (C188) may also reach the crew"
)


def option(code: str) -> str:
    """A choice option in words (the interview's label, a message id)."""
    return code.replace("_", " ")


# The pay answers that findings show as evidence (the interview's option labels).
PAY_ANSWERS: dict[str, str] = {
    "nothing": N_("nothing"),
    "below_the_minimum": N_("below the minimum"),
    "as_promised": N_("as promised"),
}


def option_evidence(fact: str, code: str) -> Evidence:
    """A choice answered, as evidence that shows the option ("as promised"), not a "yes"."""
    params = {"option": option(code)}
    return Evidence(fact, Answer.YES, params["option"], OPTION, params)


# Daily hours over the daily overtime cap, whatever the days a week (they are not known).
DAILY_HOURS_OVER_LIMIT = N_(
    "{hours} hours a day means {overtime} overtime hours in a day, over the legal limit of {cap} "
    "hours of overtime a day"
)
OVERTIME_WITHOUT_CONSENT = N_(
    "Overtime is imposed under threat of a penalty, but the law allows overtime on a working day "
    "only with the worker's consent, given each time"
)
WAGES_NOT_PAID = N_(
    "Pay is kept back, though the law requires wages to be paid in full and on time"
)
YOUNG_WORKER_OVERTIME = N_(
    "A worker under 18 works overtime, which the law prohibits for workers under 18"
)
NO_WEEKLY_REST = N_(
    "Working {days} days a week leaves less than the {rest} rest day(s) a week the law requires"
)
UNPAID_OVERTIME_PREMIUM = N_(
    "Overtime was worked without the overtime rate of {premium}× the normal hourly wage"
)
# Documents held by someone other than the worker, one template per holder; {law} is the law's
# own text from the knowledge base, or PROHIBITED_BY_LAW.
DOCUMENTS_HELD: dict[str, str] = {
    "employer": N_("Identity documents held by the employer: {law}"),
    "recruiter": N_("Identity documents held by the recruiter: {law}"),
    "broker": N_("Identity documents held by the broker: {law}"),
    "other": N_("Identity documents held by someone else: {law}"),
}
PROHIBITED_BY_LAW = N_("prohibited by law")
CHILD_BELOW_MINIMUM_AGE = N_("Age {age} is below the minimum working age of {minimum}")
CHILD_IN_HAZARDOUS_WORK = N_("A person under {age} works in hazardous work ({sector})")
# Recruitment fees: the ILO principle, then what the law of each country concerned says (the
# country of recruitment, then the country of work), keyed by those laws' policies in order.
FEES: dict[tuple[str, ...], str] = {
    (): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job"
    ),
    ("prohibited",): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job; the law of {country} forbids charging the worker"
    ),
    ("restricted",): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job; the law of {country} allows some costs only within "
        "limits: check the amount against them"
    ),
    ("prohibited", "prohibited"): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job; the law of {country} forbids charging the worker; "
        "the law of {country2} forbids charging the worker"
    ),
    ("prohibited", "restricted"): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job; the law of {country} forbids charging the worker; "
        "the law of {country2} allows some costs only within limits: check the amount against "
        "them"
    ),
    ("restricted", "prohibited"): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job; the law of {country} allows some costs only within "
        "limits: check the amount against them; the law of {country2} forbids charging the worker"
    ),
    ("restricted", "restricted"): N_(
        "The migrant paid recruitment fees or related costs: the ILO fair-recruitment principles "
        "say no worker should pay for a job; the law of {country} allows some costs only within "
        "limits: check the amount against them; the law of {country2} allows some costs only "
        "within limits: check the amount against them"
    ),
}

# Notes screening writes beside the facts it used. PAY and HOLDER are layouts, not messages:
# only placeholders, the same in every language; their words ({per}, {holder}) translate.
PAY = "{amount} {currency} {per}"
HOLDER = "{holder}"
COUNTRY = "{country}"  # a country named as a note: its word (or its code, for one not on file)
SECTOR = "{sector}"  # the kind of work named as a note: its word
OPTION = "{option}"  # a choice answered, as a note: the option's words
MONTHS_OWED = N_("{months} months of pay owed")
AGE = N_("age {age}")

# -- indicators, legal elements, risks ---------------------------------------------------------

INDICATOR = N_("ILO indicator of forced labour: {indicator}")
# A legal element found (ICLS 2018, Palermo): the element's name.
ELEMENTS: dict[str, str] = {
    "involuntariness": N_("involuntariness"),
    "menace_of_penalty": N_("menace of penalty"),
    "act": N_("act"),
    "means": N_("means"),
    "purpose": N_("purpose"),
}
# An ICLS finding names the circumstance of involuntary work or the element of coercion, by its
# name in the knowledge base (frameworks/icls_2018.yaml).
ICLS_CIRCUMSTANCE: dict[str, str] = {
    "involuntariness": N_("Involuntary work (ICLS 2018): {circumstance}"),
    "menace_of_penalty": N_("Threat or menace of penalty (ICLS 2018): {circumstance}"),
}
# Why the trafficking test concluded "no": the element the facts rule out.
TRAFFICKING_RULED_OUT: dict[str, str] = {
    "act": N_(
        "Not trafficking: no act was found (no recruitment, transport, transfer, harbouring or "
        "receipt of the person by someone else)"
    ),
    "means": N_(
        "Not trafficking: the person is an adult and every means is known to be absent (no "
        "force, coercion, deception, abuse of vulnerability or payment to someone in control)"
    ),
    "purpose": N_(
        "Not trafficking: no purpose of exploitation was found (no forced labour, forced "
        "criminal activity or sexual exploitation)"
    ),
}
SCAM_RECRUITMENT_RED_FLAGS = N_(
    "The job offer carries red flags of deceptive recruitment into scam operations"
)
TRAFFICKING_ADULT = N_(
    "Trafficking needs an act, a means and a purpose (Palermo Protocol art. 3(a))"
)
TRAFFICKING_CHILD = N_(
    "For a child (under 18), act and purpose suffice (Palermo Protocol art. 3(c))"
)

# -- words that fill templates (values of WORD_PARAMS) -----------------------------------------

PERIODS: dict[str, str] = {
    "hour": N_("per hour"),
    "day": N_("per day"),
    "week": N_("per week"),
    "month": N_("per month"),
    "year": N_("per year"),
    "piece": N_("per piece"),
    "once": N_("once"),
}
SECTORS: dict[str, str] = {  # the account's sector codes in words (as the interview says them)
    "fishing": N_("fishing"),
    "seafood_processing": N_("seafood processing"),
    "agriculture": N_("agriculture"),
    "construction": N_("construction"),
    "manufacturing": N_("manufacturing"),
    "garment": N_("garment"),
    "domestic_work": N_("domestic work"),
    "hospitality": N_("hospitality"),
    "entertainment": N_("entertainment"),
    "online_scam": N_("online scam"),
    "sex_industry": N_("sex industry"),
    "brick_kiln": N_("brick kiln"),
    "food_processing": N_("food processing"),
    "warehouse": N_("warehouse"),
    "electronics": N_("electronics"),
    "plantation": N_("plantation"),
    "other": N_("other"),
    "unknown": N_("unknown"),
}
HOLDERS: dict[str, str] = {  # who holds the documents (as the interview's options say it)
    "employer": N_("employer"),
    "recruiter": N_("recruiter"),
    "broker": N_("broker"),
    "other": N_("other"),
}
COUNTRIES: dict[str, str] = {
    "TH": N_("Thailand"),
    "KH": N_("Cambodia"),
    "LA": N_("Laos"),
    "VN": N_("Vietnam"),
    "MM": N_("Myanmar"),
}
# Where migrants from the five also go to work: the international tests apply there (no national
# law is on file). Their names are translated from the Unicode CLDR (see scripts/messages.py).
OTHER_COUNTRIES: dict[str, str] = {
    "MY": N_("Malaysia"),
    "SG": N_("Singapore"),
    "ID": N_("Indonesia"),
    "PH": N_("Philippines"),
    "BN": N_("Brunei"),
    "TL": N_("Timor-Leste"),
    "CN": N_("China"),
    "TW": N_("Taiwan"),
    "HK": N_("Hong Kong"),
    "MO": N_("Macao"),
    "KR": N_("South Korea"),
    "JP": N_("Japan"),
    "IN": N_("India"),
    "BD": N_("Bangladesh"),
    "AE": N_("United Arab Emirates"),
    "SA": N_("Saudi Arabia"),
    "QA": N_("Qatar"),
    "KW": N_("Kuwait"),
    "OM": N_("Oman"),
    "BH": N_("Bahrain"),
    "IL": N_("Israel"),
    "RU": N_("Russia"),
    "AU": N_("Australia"),
    "NZ": N_("New Zealand"),
    "US": N_("United States"),
    "GB": N_("United Kingdom"),
    "PL": N_("Poland"),
    "DE": N_("Germany"),
}


def period(code: str) -> str:
    """'month' -> 'per month' (a message id)."""
    return PERIODS.get(code) or f"per {code}"


def sector(code: str) -> str:
    return SECTORS.get(code) or code.replace("_", " ")


def country(code: str) -> str:
    return COUNTRIES.get(code) or OTHER_COUNTRIES.get(code, code)


TEMPLATES: tuple[str, ...] = (
    BELOW_MINIMUM,
    *BELOW_MINIMUM_CONVERTED.values(),
    *HOURS_OVER_LIMIT.values(),
    DAILY_HOURS_OVER_LIMIT,
    *SAID_BELOW_MINIMUM.values(),
    UNPAID_BUT_NOT_KEPT_BACK,
    UNPAID_BUT_AS_PROMISED,
    NO_NATIONAL_LAW,
    CHILDREN_AT_THE_WORKPLACE,
    FAMILY_AT_THE_WORKPLACE,
    *SECTOR_OUTSIDE_RULE.values(),
    REST_PER_DAY,
    REST_PER_WEEK,
    CONTESTED_COVERAGE,
    BEYOND_NATIONAL_WATERS,
    *FACT_WORDS.values(),
    A_WORKED_OUT_FACT,
    HOURS_A_DAY,
    DAYS_A_WEEK,
    OVERTIME_WITHOUT_CONSENT,
    YOUNG_WORKER_OVERTIME,
    WAGES_NOT_PAID,
    NO_WEEKLY_REST,
    UNPAID_OVERTIME_PREMIUM,
    *DOCUMENTS_HELD.values(),
    CHILD_BELOW_MINIMUM_AGE,
    CHILD_IN_HAZARDOUS_WORK,
    *FEES.values(),
    INDICATOR,
    *ELEMENTS.values(),
    *ICLS_CIRCUMSTANCE.values(),
    *TRAFFICKING_RULED_OUT.values(),
    SCAM_RECRUITMENT_RED_FLAGS,
    TRAFFICKING_ADULT,
    TRAFFICKING_CHILD,
    CONSTRUCT_NOTE,
    AGE,
    MONTHS_OWED,
)
LAYOUTS: tuple[str, ...] = (PAY, HOLDER, COUNTRY, SECTOR, OPTION)
WORDS: tuple[str, ...] = (
    *PERIODS.values(),
    *SECTORS.values(),
    *COUNTRIES.values(),
    *OTHER_COUNTRIES.values(),
    *HOLDERS.values(),
    *PAY_ANSWERS.values(),
    PROHIBITED_BY_LAW,
)


def knowledge_words(knowledge: Knowledge | None = None) -> list[str]:
    """The words the knowledge base lends to templates: every version of each ILO indicator's
    name ({indicator}) and of the rule on keeping documents ({law}) of each country whose law
    prohibits it at some date (screening quotes the rule only then), and the words on farm work
    whose coverage is contested."""
    found = knowledge if knowledge is not None else load_knowledge(env={})
    words: dict[str, None] = {}
    for (scope, topic, name), param in found.parameters.items():
        indicator = (scope, topic) == ("frameworks", "ilo_indicators")
        law = (topic, name) == ("identity_documents", "employer_document_retention_rule")
        law = law and _prohibits_retention(found, scope)
        contested = (topic, name) == ("working_hours", "seasonal_farm_work_coverage")
        if not (indicator or law or contested):
            continue
        for series in param.all_series():
            for value in series.entries:
                text = getattr(value.value, "name", None) if indicator else value.value
                if isinstance(text, str) and text:
                    words[text] = None
    words.update(dict.fromkeys(_icls_terms(found)))
    return list(words)


def _icls_terms(knowledge: Knowledge) -> list[str]:
    """Every name of an ICLS circumstance of involuntary work or element of coercion
    ({circumstance})."""
    names = []
    for element in ICLS_CIRCUMSTANCE:
        param = knowledge.parameters.get(("frameworks", "icls_2018", element))
        for series in param.all_series() if param is not None else ():
            for value in series.entries:
                names += [str(term.name) for term in value.value or ()]
    return names


def _prohibits_retention(knowledge: Knowledge, scope: str) -> bool:
    policy = knowledge.parameters.get((scope, "identity_documents", "employer_document_retention"))
    return policy is not None and any(
        value.value == "prohibited" for series in policy.all_series() for value in series.entries
    )


def all_message_ids(knowledge: Knowledge | None = None) -> list[str]:
    """Every user-facing English text screening can produce, once each: the templates, then the
    words their parameters can hold (the knowledge base's from `knowledge`, by default the shipped
    knowledge base). For gettext extraction."""
    return list(dict.fromkeys((*TEMPLATES, *WORDS, *knowledge_words(knowledge))))
