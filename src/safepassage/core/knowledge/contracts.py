"""What the knowledge base must contain: the scopes, their topics and required parameters.

The screening engine reads these names, so a country without them cannot be screened; the
meta-tests and `safepassage knowledge check` hold the shipped data to this contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COUNTRIES: tuple[str, ...] = ("TH", "KH", "LA", "VN", "MM")
FRAMEWORKS = "frameworks"


@dataclass(frozen=True)
class TopicContract:
    """The parameters a topic must have, by name and type."""

    required: dict[str, str] = field(default_factory=dict)
    # Parameters the engine reads when a country has them: of this type when present. An
    # overlay may add them where the shipped data has none (a rule an organisation knows).
    optional: dict[str, str] = field(default_factory=dict)
    one_of: tuple[tuple[str, ...], ...] = ()
    record_type: str | None = None  # record topics: any number of records of this type
    record_categories: tuple[str, ...] = ()  # law categories the records must cover together
    required_in: tuple[str, ...] | None = None  # scopes that must have the topic (None: all)
    # Time spans: every parameter of the topic is a quantity of whole units of time, one of these.
    time_units: tuple[str, ...] = ()


OVERTIME_LIMITS = tuple(
    f"overtime_max_hours_per_{period}" for period in ("day", "week", "month", "year")
)

DEADLINES = ("wage_claim_time_limit", "employer_change_window")

COUNTRY_TOPICS: dict[str, TopicContract] = {
    "minimum_wage": TopicContract(required={"minimum_wage": "amount"}),
    "working_hours": TopicContract(
        required={"normal_hours_per_day": "quantity", "normal_hours_per_week": "quantity"}
    ),
    "overtime": TopicContract(
        required={"overtime_premium": "quantity", "overtime_requires_consent": "boolean"},
        one_of=(OVERTIME_LIMITS,),
    ),
    "weekly_rest": TopicContract(required={"weekly_rest_days": "quantity"}),
    "recruitment_fees": TopicContract(
        required={"worker_recruitment_fees": "policy", "worker_recruitment_fees_rule": "text"}
    ),
    "identity_documents": TopicContract(
        required={
            "employer_document_retention": "policy",
            "employer_document_retention_rule": "text",
        }
    ),
    "child_age": TopicContract(
        required={
            "minimum_working_age": "quantity",
            "minimum_age_hazardous_work": "quantity",
            "child_age_trafficking": "quantity",
        }
    ),
    "migration_channels": TopicContract(record_type="migration_channel"),
    "laws": TopicContract(
        record_type="law", record_categories=("labour", "anti_trafficking", "forced_labour")
    ),
    "help_channels": TopicContract(record_type="channel"),
    # Cambodia's political-economy note is still being written: required where it exists.
    "responses": TopicContract(record_type="response"),
    "political_economy": TopicContract(
        required={"overview": "text"}, required_in=("TH", "LA", "VN", "MM")
    ),
    # Legal deadlines a case must keep (core.responses.deadlines turns them into due dates).
    # No time limit for wage claims was found for Laos and Myanmar: the topic is required only
    # where values were found (docs/knowledge-verification.md).
    "deadlines": TopicContract(
        optional=dict.fromkeys(DEADLINES, "quantity"),
        one_of=(DEADLINES,),
        time_units=("days", "months", "years"),
        required_in=("TH", "KH", "VN"),
    ),
}

ILO_INDICATORS: tuple[str, ...] = (
    "abuse_of_vulnerability",
    "deception",
    "restriction_of_movement",
    "isolation",
    "physical_and_sexual_violence",
    "intimidation_and_threats",
    "retention_of_identity_documents",
    "withholding_of_wages",
    "debt_bondage",
    "abusive_working_and_living_conditions",
    "excessive_overtime",
)

FRAMEWORK_TOPICS: dict[str, TopicContract] = {
    "ilo_indicators": TopicContract(required=dict.fromkeys(ILO_INDICATORS, "term")),
    "icls_2018": TopicContract(
        required={
            "definition": "text",
            "involuntariness": "term_list",
            "menace_of_penalty": "term_list",
            "same_employer_rule": "text",
            "child_forced_labour": "term_list",
        }
    ),
    "palermo": TopicContract(
        required={
            "acts": "term_list",
            "means": "term_list",
            "purposes": "term_list",
            "consent_irrelevant": "boolean",
            "child_age": "quantity",
            "child_rule": "text",
        }
    ),
    "fair_recruitment": TopicContract(
        required={
            "principles": "term_list",
            "recruitment_fees_definition": "text",
            "related_costs": "term_list",
            "illegitimate_costs": "term_list",
            "employer_pays_principle": "text",
        }
    ),
}


def scopes() -> tuple[str, ...]:
    return (FRAMEWORKS, *COUNTRIES)


def topics_for(scope: str) -> dict[str, TopicContract]:
    return FRAMEWORK_TOPICS if scope == FRAMEWORKS else COUNTRY_TOPICS
