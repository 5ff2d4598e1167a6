"""HTCDS v2.0 rows: valid against IOM's XLSForm, pseudonymised, and read back to the same row."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import openpyxl
import pytest

from safepassage.core.account import Account
from safepassage.core.account_file import read_account
from safepassage.core.analytics.htcds import (
    CASE_ID,
    HtcdsForm,
    column_order,
    from_htcds,
    load_form,
    read_csv,
    to_htcds,
    validate,
    write_csv,
    write_xlsx,
)
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener
from safepassage.core.screening.determination import Determination
from tests.conftest import published_data

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "accounts"
SHARED = published_data().parent
XLSFORM = SHARED / "data" / "htcds" / "htcds_xlsform.xlsx"
FIELD_SHEET = SHARED / "reference" / "htcds-field-standards.json"
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
SCREENER = Screener(load_knowledge(env={}))
# What SafePassage reads from the account alone, so a re-screen cannot change it.
ACCOUNT_FIELDS = (
    "prs_Gender",
    "prs_Citizenship",
    "vic_AgeWhenTrafficked",
    "prs_PrimaryLanguage",
    "prs_SecondaryLanguage",
    "vic_MethodOfRecruitment",
    "vic_RecruitmentWebsitesAndApps",
    "vic_LocationOfRecruitment",
    "vic_LocationOfExploitation",
)


@cache
def _form() -> HtcdsForm:
    return load_form(XLSFORM, FIELD_SHEET)


@cache
def _case(name: str) -> tuple[Account, Determination]:
    account = read_account(EXAMPLES / f"{name}.yaml")
    return account, SCREENER.screen(account)


def _row(name: str) -> dict[str, str | int | float | None]:
    return to_htcds("case-7f3a", *_case(name))


def _set(value: object) -> set[str]:
    return set(value.split()) if isinstance(value, str) else set()


def test_it_finds_the_shared_folder():
    assert SHARED.name == "shared"
    assert XLSFORM.is_file()
    assert FIELD_SHEET.is_file()


def test_it_reads_the_xlsform_and_records_its_quirks():
    form = _form()
    assert form.fields["vic_Methods_of_Control"].type == "select_multiple"
    assert form.fields["vic_Methods_of_Control"].list_name == "methodsofcontrol"
    assert "DebtBondage" in form.choices["methodsofcontrol"]  # "DebtBondage " in the file
    assert form.aliases["prs_FirstName"] == "prs_First_Name"
    assert form.aliases["vic_MethodsOfControl"] == "vic_Methods_of_Control"
    assert "vic_TraffickinStatusDecisionMakingOrg" in form.aliases
    assert "start" not in form.fields
    assert "__version__" not in form.fields
    assert form.fields["vic_AgeWhenTrafficked"].source == "field_sheet"
    assert form.choices["gender"]["Feminine"] == "Feminine"  # the label's trailing NBSP gone
    assert any("DebtBondage" in quirk for quirk in form.quirks)


def test_it_reads_the_xlsform_alone_without_the_field_sheet_fields():
    form = load_form(XLSFORM)
    assert "vic_AgeWhenTrafficked" not in form.fields
    assert len([f for f in form.fields.values() if f.source == "xlsform"]) == 31
    problems = validate(_row("fishing_vessel_thailand"), form)
    assert {p.field for p in problems} >= {"vic_AgeWhenTrafficked"}


@pytest.mark.parametrize("name", NAMES)
def test_it_exports_every_example_as_a_valid_htcds_row(name: str):
    row = _row(name)
    assert validate(row, _form()) == []
    assert list(row) == column_order()
    assert row[CASE_ID] == "case-7f3a"


def test_it_exports_the_fishing_vessel_case():
    row = _row("fishing_vessel_thailand")
    assert (row["prs_Gender"], row["prs_Citizenship"]) == ("Masculine", "KH")
    assert row["vic_AgeWhenTrafficked"] == 31
    assert row["vic_LocationOfExploitation"] == "TH"
    assert row["vic_TypeOfExploitation"] == "ForcedLabour"
    assert row["vic_ForcedLabourIndustry"] == "A_AgricultureForestryAndFishing"
    controls = _set(row["vic_Methods_of_Control"])
    assert controls >= {"PhysicalAbuse", "PhysicalThreats", "WithholdsDocuments", "TakesEarnings"}
    assert "SexualAbuse" not in controls
    assert "DebtBondage" not in controls
    assert row["vic_MethodOfRecruitment"] == "Other"  # a broker
    assert row["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"  # screened, not identified
    assert row["vic_TraffickingStatusDecisionMakingOrg"] == "NGO"


def test_it_exports_the_scam_compound_case():
    row = _row("scam_compound_cambodia")
    assert (row["prs_Gender"], row["prs_Citizenship"], row["prs_PrimaryLanguage"]) == (
        "Masculine",
        "MM",
        "mya",
    )
    assert row["vic_LocationOfRecruitment"] == "MM"
    assert row["vic_LocationOfExploitation"] == "KH"
    assert _set(row["vic_TypeOfExploitation"]) == {"ForcedLabour", "Other"}  # forced criminality
    assert row["vic_ForcedLabourIndustry"] is None  # an online scam is no ISIC industry
    assert row["vic_MethodOfRecruitment"] == "ThroughOnlineSocialNetworks"
    assert row["vic_RecruitmentWebsitesAndApps"] == "Facebook Telegram"
    assert {"FalsePromises", "PsychologicalAbuse"} <= _set(row["vic_Methods_of_Control"])


def test_it_exports_the_child_in_the_entertainment_venue():
    row = _row("child_entertainment_venue")
    assert (row["prs_Gender"], row["prs_Citizenship"], row["vic_AgeWhenTrafficked"]) == (
        "Feminine",
        "LA",
        16,
    )
    types = _set(row["vic_TypeOfExploitation"])
    assert types == {"ForcedLabour", "SexualExploitation", "ChildLabour"}
    assert row["vic_TypeOfSexExploitation"] == "Prostitution"
    assert _set(row["vic_Methods_of_Control"]) == {"DebtBondage", "FalsePromises"}
    assert row["vic_RelationshipToTrafficker"] == "Acquainted"  # a neighbour
    assert row["vic_ForcedLabourIndustry"] == "R_ArtsEntertainmentAndRecreation"


def test_it_splits_sexual_from_physical_violence_and_names_who_threatens():
    factory = _row("manufacturing_thailand")
    assert _set(factory["vic_Methods_of_Control"]) == {"SexualAbuse", "TakesEarnings"}
    assert factory["vic_TraffickingStatus"] == "NotAVictimOfTrafficking"
    assert factory["vic_TypeOfExploitation"] is None  # labour exploitation has no HTCDS type
    building = _row("irregular_threatened_denunciation")
    assert "ThreatsLawEnforcement" in _set(building["vic_Methods_of_Control"])
    assert "PhysicalThreats" not in _set(building["vic_Methods_of_Control"])


def test_it_marks_a_formally_identified_victim_and_the_consent():
    account, result = _case("fishing_vessel_thailand")
    row = to_htcds("k", account, result, consent=True, identified_by="Police", status="Active")
    assert row["vic_TraffickingStatus"] == "ActualVictimOfTrafficking"
    assert row["vic_TraffickingStatusDecisionMakingOrg"] == "Police"
    assert (row["con_Consent"], row["cas_Status"]) == ("TRUE", "Active")
    assert validate(row, _form()) == []


@pytest.mark.parametrize("name", NAMES)
def test_it_reads_its_own_export_back_to_the_same_row(name: str):
    # The same determination: HTCDS carries the exporter's conclusions (status, forced labour),
    # not the facts they rest on, so the round trip holds the conclusions fixed and checks that
    # every fact-based field comes back from the imported account, through a CSV file.
    account, result = _case(name)
    row = to_htcds("case-7f3a", account, result)
    stream = io.StringIO()
    write_csv([row], stream)
    stream.seek(0)
    [read] = read_csv(stream, _form())
    assert read == row
    assert to_htcds("case-7f3a", from_htcds(read, _form()), result) == row


@pytest.mark.parametrize("name", NAMES)
def test_it_keeps_the_reported_fields_and_invents_no_control_when_screened_again(name: str):
    row = _row(name)
    imported = from_htcds(row, _form())
    again = to_htcds("case-7f3a", imported, SCREENER.screen(imported))
    assert {k: again[k] for k in ACCOUNT_FIELDS} == {k: row[k] for k in ACCOUNT_FIELDS}
    # Fewer facts may find fewer indicators (the hours are not in HTCDS), never others.
    assert _set(again["vic_Methods_of_Control"]) <= _set(row["vic_Methods_of_Control"])


@pytest.mark.parametrize("name", NAMES)
def test_it_exports_no_free_text_place_or_date_of_the_account(name: str):
    account, _ = _case(name)
    row = _row(name)
    values = [str(v) for k, v in row.items() if v is not None and k != CASE_ID]
    text = _free_text(account.model_dump(mode="json"))
    assert text or name in ("scam_job_offer_not_taken",)  # the scan has something to look for
    # Whole words only: the province Tak is no leak in "TakesEarnings".
    assert not [t for t in text if any(f" {t} " in f" {v} " for v in values)]
    assert not [v for v in values if re.search(r"\d{4}-\d{2}", v)]  # no date, not even a month
    for field in ("prs_Birthdate", "prs_First_Name", "prs_MobilePhone", "prs_IdentityNumber"):
        assert field not in row
    # Every value is a code, a number or choice names: nothing a person wrote.
    assert all(re.fullmatch(r"[A-Za-z0-9_]+( [A-Za-z0-9_]+)*", v) for v in values)


def test_it_leaves_names_and_contacts_of_an_imported_row_out_of_the_account():
    # A partner's row, as the Excel toolkit spells it, with the choice's stray space.
    row = {
        "prs_FirstName": "Aye Aye",
        "prs_MobilePhone": "+66 81 234 5678",
        "prs_Birthdate": "2001-04-09",
        "prs_Gender": "Feminine",
        "vic_MethodsOfControl": "DebtBondage  WithholdsDocuments",
        "vic_TraffickinStatusDecisionMakingOrg": "NGO",
        "vic_LocationOfExploitation": "Bangkok",  # not a country code: left out
    }
    account = from_htcds(row, _form())
    dump = str(account.model_dump(mode="json"))
    assert "Aye" not in dump
    assert "5678" not in dump
    assert "2001" not in dump
    assert account.person.sex == "female"
    [job] = account.work
    assert job.debt_to_employer_or_recruiter.yes
    assert job.documents_confiscated.yes
    assert job.country is None


def test_it_names_the_field_of_each_problem():
    row = {
        "prs_Gender": "Female",  # not a choice
        "vic_AgeWhenTrafficked": "31",  # text in a whole-number field
        "prs_Name": "x",  # not a field
        "vic_MethodsOfControl": "DebtBondage",  # the field sheet's spelling, not the form's
        "vic_Methods_of_Control": "DebtBondage RestrictsMovement",  # one choice unknown
        "prs_Birthdate": "09/04/2001",
        "vic_TypeOfExploitation": "ForcedLabour ForcedLabour",
        "prs_Citizenship": None,  # empty: fine
    }
    problems = {p.field: p.message for p in validate(row, _form())}
    assert set(problems) == set(row) - {"prs_Citizenship"}
    assert "gender" in problems["prs_Gender"]
    assert "whole number" in problems["vic_AgeWhenTrafficked"]
    assert "not a field" in problems["prs_Name"]
    assert "vic_Methods_of_Control" in problems["vic_MethodsOfControl"]
    assert "RestrictsMovement" in problems["vic_Methods_of_Control"]
    assert "DebtBondage" not in problems["vic_Methods_of_Control"]
    assert "date" in problems["prs_Birthdate"]
    assert "repeats" in problems["vic_TypeOfExploitation"]


def test_it_refuses_a_row_with_a_column_the_export_lacks():
    row = _row("fishing_vessel_thailand") | {"prs_First_Name": "x"}
    with pytest.raises(ValueError, match="prs_First_Name"):
        write_csv([row], io.StringIO())


def test_it_writes_a_workbook_in_the_column_order():
    rows = [_row("fishing_vessel_thailand"), _row("scam_job_offer_not_taken")]
    stream = io.BytesIO()
    write_xlsx(rows, stream, column_order(_form()))
    stream.seek(0)
    sheet = openpyxl.load_workbook(stream, read_only=True).active
    header, first, second = list(sheet.iter_rows(values_only=True))[:3]
    assert list(header) == column_order(_form())
    assert first[header.index("vic_AgeWhenTrafficked")] == 31  # a number, not text
    assert second[header.index("vic_LocationOfExploitation")] in (None, "")  # no job


FREE_TEXT = frozenset({"note", "employer", "buyer", "province", "job", "place"})
DATES = frozenset({"reported_on", "date", "start", "end"})


def _free_text(value: object, key: str = "") -> list[str]:
    """What the account holds that a person wrote, or that dates or places them."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _free_text(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _free_text(v, key)]
    return [value] if isinstance(value, str) and key in FREE_TEXT | DATES else []
