"""SafePassage cases as rows of IOM's Human Trafficking Case Data Standard (HTCDS v2.0), and back.

A row is pseudonymised: the case is the pseudonym the edge gives, and no name, phone, document
number, free text, place below the country or date enters it (the age, as HTCDS asks, but never a
birth date). Values are the XLSForm's choice names; docs/htcds-mapping.md gives the field-by-field
mapping and what HTCDS cannot hold of labour exploitation.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from ..account import Account, Fact, Sector
from ..screening.determination import Determination, Level
from .htcds_form import CASE_ID, HtcdsForm, Problem, Row, Value, load_form, normalise_row, validate

__all__ = [
    "CASE_ID",
    "HtcdsForm",
    "Problem",
    "column_order",
    "from_htcds",
    "load_form",
    "read_csv",
    "to_htcds",
    "validate",
    "write_csv",
    "write_xlsx",
]

DecisionMaker = Literal[
    "Police", "NGO", "CourtOrProsecution", "NonPoliceGovernmentalOrganization", "Other"
]
CaseStatus = Literal["Active", "FollowUp", "Closed", "ClosedReferred"]

# The columns `to_htcds` fills, in the XLSForm's order, then those only the field sheet has.
EXPORT_COLUMNS = (
    CASE_ID,
    "con_Consent",
    "prs_Gender",
    "prs_Citizenship",
    "vic_MethodOfRecruitment",
    "vic_LocationOfRecruitment",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_Methods_of_Control",
    "vic_TypeOfExploitation",
    "vic_ForcedLabourIndustry",
    "vic_TypeOfSexExploitation",
    "vic_LocationOfExploitation",
    "cas_Status",
    "prs_PrimaryLanguage",
    "prs_SecondaryLanguage",
    "vic_RelationshipToTrafficker",
    "vic_AgeWhenTrafficked",
    "vic_RecruitmentWebsitesAndApps",
)

# The columns that carry the exporter's conclusions, not the migrant's facts: a screening of the
# row's facts alone may not reach them again (see docs/htcds-mapping.md, Round trip).
CONCLUSIONS = (
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_RelationshipToTrafficker",
    "vic_Methods_of_Control",
    "vic_TypeOfExploitation",
    "vic_ForcedLabourIndustry",
    "vic_TypeOfSexExploitation",
)

GENDER = {"female": "Feminine", "male": "Masculine", "other": "NonConforming"}
SEX = {
    "Feminine": "female",
    "Masculine": "male",
    "TransgenderFeminine": "other",
    "TransgenderMasculine": "other",
    "NonConforming": "other",
}
# Who recruited, as HTCDS's method of recruitment. An agency is "a place of business"; brokers,
# employers and officials have no choice of their own. Imports take the first SafePassage value.
RECRUITED = {
    "relative": "ThroughFamilyOrFamilyEvents",
    "friend_or_neighbour": "ThroughFriendsOrSocialEvents",
    "online_contact": "ThroughOnlineSocialNetworks",
    "licensed_agency": "AtAPlaceOfBusiness",
    "unlicensed_agency": "AtAPlaceOfBusiness",
    "broker": "Other",
    "employer": "Other",
    "government": "Other",
}
ONLINE = "ThroughOnlineSocialNetworks"
APPS = {
    "facebook": "Facebook",
    "telegram": "Telegram",
    "line": "Line",
    "whatsapp": "WhatsApp",
    "tiktok": "TikTok",
    "wechat": "WeChat",
}
RELATIONSHIP = {"relative": "Familial", "friend_or_neighbour": "Acquainted"}
# ISIC Rev.4 sections. Online scams and the sex industry have no industry in the standard's
# sense (forced criminality and sexual exploitation are their own types of exploitation).
ISIC: dict[str, str] = {
    "fishing": "A_AgricultureForestryAndFishing",
    "agriculture": "A_AgricultureForestryAndFishing",
    "plantation": "A_AgricultureForestryAndFishing",
    "seafood_processing": "C_Manufacturing",
    "manufacturing": "C_Manufacturing",
    "garment": "C_Manufacturing",
    "brick_kiln": "C_Manufacturing",
    "food_processing": "C_Manufacturing",
    "electronics": "C_Manufacturing",
    "construction": "F_Construction",
    "warehouse": "H_TransportationAndStorage",
    "hospitality": "I_AccommodationAndFoodServiceActivities",
    "entertainment": "R_ArtsEntertainmentAndRecreation",
    "domestic_work": "T_ActivitiesOfHouseholdsAsEmployers",
}
SECTOR: dict[str, Sector] = {
    "A_AgricultureForestryAndFishing": "agriculture",
    "C_Manufacturing": "manufacturing",
    "F_Construction": "construction",
    "H_TransportationAndStorage": "warehouse",
    "I_AccommodationAndFoodServiceActivities": "hospitality",
    "R_ArtsEntertainmentAndRecreation": "entertainment",
    "T_ActivitiesOfHouseholdsAsEmployers": "domestic_work",
}
COMMERCIAL_SEX: frozenset[str] = frozenset({"sex_industry", "entertainment"})
# ISO 639-1 (SafePassage) to ISO 639-2/T (HTCDS), for the languages of the region.
LANGUAGES = {
    "my": "mya",
    "km": "khm",
    "lo": "lao",
    "th": "tha",
    "vi": "vie",
    "en": "eng",
    "zh": "zho",
    "ms": "msa",
    "id": "ind",
    "ne": "nep",
    "bn": "ben",
    "tl": "tgl",
    "hi": "hin",
    "ta": "tam",
}
CODE = re.compile(r"^[A-Z]{2}$")
# Methods of control, in the XLSForm's order: (choice, the ILO indicators that ground it, the
# account's facts that say which kind it was (none: the indicator alone), the facts an import
# sets so that the imported account says it again). HTCDS splits what the ILO indicators join
# (threats by whom and of what, physical against sexual violence), so both are read.
CONTROLS: tuple[tuple[str, frozenset[str], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "PhysicalThreats",
        frozenset({"intimidation_and_threats"}),
        ("work.threatened_violence", "transit.threatened", "work.coworkers_threatened_or_hurt"),
        ("work.threatened_violence",),
    ),
    (
        "ThreatsLawEnforcement",
        frozenset({"intimidation_and_threats"}),
        ("work.threatened_denunciation",),
        ("work.threatened_denunciation",),
    ),
    (
        "ThreatensChildrenFamily",
        frozenset({"intimidation_and_threats"}),
        ("work.threatened_family",),
        ("work.threatened_family",),
    ),
    (
        "DebtBondage",
        frozenset({"debt_bondage"}),
        (),
        ("work.debt_to_employer_or_recruiter", "work.debt_cannot_be_repaid"),
    ),
    ("FalsePromises", frozenset({"deception"}), (), ("recruitment.deceived_about_conditions",)),
    (
        "PhysicalAbuse",
        frozenset({"physical_and_sexual_violence"}),
        ("work.physical_violence", "transit.violence"),
        ("work.physical_violence",),
    ),
    (
        "SexualAbuse",
        frozenset({"physical_and_sexual_violence"}),
        ("work.sexual_violence",),
        ("work.sexual_violence",),
    ),
    ("TakesEarnings", frozenset({"withholding_of_wages"}), (), ("work.wages_withheld",)),
    (
        "WithholdsNecessities",
        frozenset({"abusive_working_and_living_conditions"}),
        ("work.degrading_living_conditions",),
        ("work.degrading_living_conditions",),
    ),
    (
        # Threats of dismissal, fines or a ransom to leave: power used, not harm threatened.
        "PsychologicalAbuse",
        frozenset({"intimidation_and_threats"}),
        (
            "work.threatened_dismissal",
            "work.threatened_fines_or_debt",
            "work.exit_payment_demanded",
        ),
        ("work.threatened_dismissal",),
    ),
    ("ExcessiveWorkingHours", frozenset({"excessive_overtime"}), (), ("work.overtime_worked",)),
    (
        "WithholdsDocuments",
        frozenset({"retention_of_identity_documents"}),
        (),
        ("work.documents_confiscated",),
    ),
    (
        # The field definitions have RestrictsMovement (with isolation); no choice list does.
        "Other",
        frozenset({"restriction_of_movement", "isolation"}),
        (),
        ("work.movement_restricted",),
    ),
)
# Types of exploitation an import says again in the account (the others are conclusions only).
TYPE_FACTS = {
    "SexualExploitation": "work.sexual_exploitation",
    "Other": "work.forced_criminal_activity",
}
CHILD_LABOUR = frozenset({"child_in_hazardous_work", "child_below_minimum_age"})


def to_htcds(
    pseudonym: str,
    account: Account,
    result: Determination,
    *,
    consent: bool | None = None,
    identified_by: DecisionMaker | None = None,
    status: CaseStatus | None = None,
    kept: Mapping[str, Value] | None = None,
) -> Row:
    """The case as one HTCDS row: every column of EXPORT_COLUMNS, None where not known.

    `consent` is the migrant's consent to share the case; `identified_by` the organisation that
    formally identified the migrant as a victim (screening alone makes a possible victim only).
    `kept`, the conclusions of the organisation a case was imported from (`conclusions`), are
    passed on as they came, in place of this screening's."""
    types = _types(account, result)
    row: Row = dict.fromkeys(EXPORT_COLUMNS)
    row |= {
        CASE_ID: pseudonym,
        "con_Consent": None if consent is None else str(consent).upper(),
        "cas_Status": status,
        "vic_Methods_of_Control": _join(_controls(account, result)),
        "vic_TypeOfExploitation": _join(types),
        "vic_ForcedLabourIndustry": _join(_industries(account) if "ForcedLabour" in types else []),
        "vic_TypeOfSexExploitation": _sex_type(account, types),
        "vic_LocationOfExploitation": next((j.country for j in account.work if j.country), None),
    }
    row |= _person(account) | _recruitment(account) | _trafficking(account, result, identified_by)
    if kept is not None:
        row |= {column: kept.get(column) for column in CONCLUSIONS}
    return row


def conclusions(row: Mapping[str, Value]) -> Row:
    """The exporter's conclusions in an HTCDS row (the CONCLUSIONS columns, None where empty)."""
    return {column: row.get(column) or None for column in CONCLUSIONS}


def _join(values: Iterable[str]) -> str | None:
    # select_multiple: ODK's space-separated choice names, each once, in the order given.
    return " ".join(dict.fromkeys(values)) or None


def _person(account: Account) -> Row:
    person = account.person
    languages = [LANGUAGES.get(code, code if len(code) == 3 else "") for code in person.languages]
    languages = [code for code in languages if code]
    return {
        "prs_Gender": GENDER.get(person.sex),
        "prs_Citizenship": person.nationality,
        # The age HTCDS asks for, never the birth date: SafePassage asks no date of birth, and
        # the one age it asks is the age during the events screened (it decides the child rules).
        "vic_AgeWhenTrafficked": person.age,
        "prs_PrimaryLanguage": languages[0] if languages else None,
        "prs_SecondaryLanguage": languages[1] if len(languages) > 1 else None,
    }


def _recruitment(account: Account) -> Row:
    recruitment = account.recruitment
    apps = [APPS[c] for c in recruitment.contacted_via if c in APPS]
    methods = [RECRUITED.get(recruitment.recruited_by, "")] + ([ONLINE] if apps else [])
    return {
        "vic_MethodOfRecruitment": _join(m for m in methods if m),
        "vic_RecruitmentWebsitesAndApps": _join(apps),
        "vic_LocationOfRecruitment": recruitment.country,
    }


def _trafficking(account: Account, result: Determination, identified_by: str | None) -> Row:
    answer = result.trafficking.result.value
    if answer == "unknown":
        return {}
    status = "NotAVictimOfTrafficking"
    if answer == "yes":
        status = "ActualVictimOfTrafficking" if identified_by else "PossibleVictimOfTrafficking"
    # Only a recruiter the migrant knew is a relationship: a broker may not be the trafficker.
    related = RELATIONSHIP.get(account.recruitment.recruited_by) if answer == "yes" else None
    return {
        "vic_TraffickingStatus": status,
        "vic_TraffickingStatusDecisionMakingOrg": identified_by or "NGO",
        "vic_RelationshipToTrafficker": related,
    }


def _reported(account: Account, path: str) -> bool:
    """Whether the migrant said yes to the fact at `path` ("work.x": in any job)."""
    stage, _, name = path.partition(".")
    stages = account.work if stage == "work" else [getattr(account, stage)]
    return any(isinstance(fact := getattr(s, name), Fact) and fact.yes for s in stages)


def _controls(account: Account, result: Determination) -> list[str]:
    found = result.codes("indicator")
    return [
        choice
        for choice, grounds, kinds, _ in CONTROLS
        if grounds & found and (not kinds or any(_reported(account, k) for k in kinds))
    ]


def _types(account: Account, result: Determination) -> list[str]:
    palermo = result.codes("palermo")
    forced = Level.FORCED_LABOUR in {result.level, *(job.level for job in result.jobs)}
    candidates = {
        "ForcedLabour": forced or "purpose.forced_labour_or_services" in palermo,
        "SexualExploitation": "purpose.sexual_exploitation" in palermo
        or _reported(account, TYPE_FACTS["SexualExploitation"]),
        "ChildLabour": bool(result.codes("violation") & CHILD_LABOUR),
        # Forced criminality (scam compounds) has no type of its own in HTCDS.
        "Other": "purpose.forced_criminality" in palermo or _reported(account, TYPE_FACTS["Other"]),
    }
    return [name for name, yes in candidates.items() if yes]


def _industries(account: Account) -> list[str]:
    order = list(SECTOR)  # the XLSForm's order (ISIC sections A to U)
    found = {ISIC[job.sector] for job in account.work if job.sector in ISIC}
    return sorted(found, key=order.index)


def _sex_type(account: Account, types: list[str]) -> str | None:
    # Only where the place says it: a brothel, bar or karaoke venue sells sex to customers.
    commercial = any(job.sector in COMMERCIAL_SEX for job in account.work)
    return "Prostitution" if "SexualExploitation" in types and commercial else None


def from_htcds(row: Mapping[str, Any], form: HtcdsForm) -> Account:
    """The account an HTCDS row says, for a new case of the importing organisation.

    Only codes are read (a country, a choice, an age): names, contacts and free text in the row
    stay out. Conclusions (the trafficking status, forced labour) are not facts: the importing
    organisation screens the account again, and the edge may keep the row beside it."""
    row = normalise_row(row, form)
    facts = _import_facts(
        _choices(row, "vic_Methods_of_Control"), _choices(row, "vic_TypeOfExploitation")
    )
    known = form.names("vic_ForcedLabourIndustry")
    industries = [i for i in _choices(row, "vic_ForcedLabourIndustry") if i in known]
    work = _import_work(row, facts.pop("work", {}), industries)
    return Account.model_validate(
        {
            "person": _import_person(row),
            "recruitment": _import_recruitment(row) | facts.pop("recruitment", {}),
            "transit": facts.pop("transit", {}),
            "work": work,
        }
    )


def _choices(row: Row, key: str) -> list[str]:
    value = row.get(key)
    return value.split() if isinstance(value, str) else []


def _code(value: Value) -> str | None:
    text = value.strip().upper() if isinstance(value, str) else ""
    return text if CODE.match(text) else None


def _import_person(row: Row) -> dict[str, Any]:
    age = row.get("vic_AgeWhenTrafficked")
    back = {v: k for k, v in LANGUAGES.items()}
    languages = [row.get("prs_PrimaryLanguage"), row.get("prs_SecondaryLanguage")]
    codes = [back.get(c.lower(), c.lower()) for c in languages if isinstance(c, str)]
    return {
        "sex": SEX.get(str(row.get("prs_Gender")), "unknown"),
        "age": age if isinstance(age, int) and 0 <= age <= 120 else None,
        "nationality": _code(row.get("prs_Citizenship")),
        "languages": [c for c in codes if re.fullmatch(r"[a-z]{2,3}", c)],
    }


def _import_recruitment(row: Row) -> dict[str, Any]:
    methods = _choices(row, "vic_MethodOfRecruitment")
    related = {v: k for k, v in RELATIONSHIP.items()}.get(
        str(row.get("vic_RelationshipToTrafficker"))
    )
    # The first SafePassage value for each choice (a place of business: a licensed agency; other:
    # a broker); the social networks name the recruiter only where nothing else does.
    who = [k for m in methods if m != ONLINE for k, v in RECRUITED.items() if v == m]
    if ONLINE in methods:
        who.append("online_contact")
    apps = {v: k for k, v in APPS.items()}
    return {
        "country": _code(row.get("vic_LocationOfRecruitment")),
        "recruited_by": (who[:1] or [related or "unknown"])[0],
        "contacted_via": [
            apps[a] for a in _choices(row, "vic_RecruitmentWebsitesAndApps") if a in apps
        ],
    }


def _import_facts(controls: list[str], types: list[str]) -> dict[str, dict[str, str]]:
    """stage -> fact -> "yes", for the methods of control and types of exploitation named."""
    paths = [p for choice, _, _, sets in CONTROLS if choice in controls for p in sets]
    paths += [TYPE_FACTS[t] for t in types if t in TYPE_FACTS]
    facts: dict[str, dict[str, str]] = {}
    for path in paths:
        stage, _, name = path.partition(".")
        facts.setdefault(stage, {})[name] = "yes"
    return facts


def _import_work(row: Row, facts: dict[str, str], industries: list[str]) -> list[dict[str, Any]]:
    """A job per industry named (one when none is), in the country of exploitation."""
    country = _code(row.get("vic_LocationOfExploitation"))
    # A section SafePassage has no sector for (mining, say) is still a job: "other".
    sectors: list[str] = [SECTOR.get(i, "other") for i in dict.fromkeys(industries)]
    if not sectors and not (country or facts or row.get("vic_TypeOfSexExploitation")):
        return []
    if not sectors:
        commercial = row.get("vic_TypeOfSexExploitation") == "Prostitution"
        sectors = ["sex_industry" if commercial else "unknown"]
    jobs: list[dict[str, Any]] = [{"country": country, "sector": s} for s in sectors]
    jobs[0] |= facts
    return jobs


def column_order(form: HtcdsForm | None = None) -> list[str]:
    """The columns of an export: the case identifier first, then the form's order (all its
    fields, to fill a partner's template) or, without a form, only those SafePassage fills."""
    if form is None:
        return list(EXPORT_COLUMNS)
    return [CASE_ID, *(name for name in form.fields if name != CASE_ID)]


def _cells(rows: Iterable[Mapping[str, Value]], columns: list[str]) -> Iterable[list[Value]]:
    for row in rows:
        extra = set(row) - set(columns)
        if extra:  # a column left out would be data lost without a word
            raise ValueError(f"columns not in the export: {sorted(extra)}")
        yield [row.get(c) for c in columns]


def write_csv(
    rows: Iterable[Mapping[str, Value]],
    target: str | Path | IO[str],
    columns: list[str] | None = None,
) -> None:
    """Rows as CSV with a header of field names; empty cells for None."""
    columns = columns or column_order()
    if isinstance(target, str | Path):
        with Path(target).open("w", encoding="utf-8", newline="") as stream:
            _write_csv(rows, stream, columns)
    else:
        _write_csv(rows, target, columns)


def _write_csv(rows: Iterable[Mapping[str, Value]], stream: IO[str], columns: list[str]) -> None:
    writer = csv.writer(stream)
    writer.writerow(columns)
    for cells in _cells(rows, columns):
        writer.writerow(["" if c is None else c for c in cells])


def read_csv(source: str | Path | IO[str], form: HtcdsForm) -> list[Row]:
    """Rows of an HTCDS CSV as the form has them (see `normalise_row`), for `validate` and
    `from_htcds`."""
    if isinstance(source, str | Path):
        text = Path(source).read_text(encoding="utf-8-sig")
        return read_csv(io.StringIO(text), form)
    return [normalise_row(raw, form) for raw in csv.DictReader(source)]


def write_xlsx(
    rows: Iterable[Mapping[str, Value]],
    target: str | Path | IO[bytes],
    columns: list[str] | None = None,
) -> None:
    """Rows as a one-sheet workbook, field names in the first row, numbers as numbers."""
    import xlsxwriter  # only for the workbook: CSV needs nothing outside the standard library

    columns = columns or column_order()
    book = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target)
    sheet = book.add_worksheet("htcds")
    sheet.write_row(0, 0, columns)
    for index, cells in enumerate(_cells(rows, columns), start=1):
        sheet.write_row(index, 0, ["" if c is None else c for c in cells])
    book.close()
