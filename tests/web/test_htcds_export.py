"""HTCDS at the web edge: a supervisor downloads the organisation's cases as pseudonymous rows
that IOM's form accepts, and uploads a partner's rows as new cases, all or none."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import openpyxl
import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from safepassage.core.analytics.htcds import (
    CASE_ID,
    CONCLUSIONS,
    HtcdsForm,
    column_order,
    load_form,
    read_csv,
    to_htcds,
    validate,
)
from safepassage.web.analytics import htcds, htcds_views
from safepassage.web.analytics.models import SharedConclusions
from safepassage.web.casework import core_edge, services
from safepassage.web.casework.demo import _generated
from safepassage.web.casework.models import AuditEvent, Case, Organisation
from tests.conftest import published_data

from .conftest import PERSONAL_NAME, PERSONAL_PHONE, client_for, example, make_user

pytestmark = pytest.mark.django_db

SHARED = published_data().parent
XLSFORM = SHARED / "data" / "htcds" / "htcds_xlsform.xlsx"
FIELD_SHEET = SHARED / "reference" / "htcds-field-standards.json"
EXPORT = "/statistics/htcds/export.{fmt}"
IMPORT = "/statistics/htcds/import/"
# What the importing organisation gets back from the facts of the row alone (not conclusions a
# re-screening of fewer facts may not reach again; see docs/htcds-mapping.md, Round trip).
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
    "con_Consent",
    "cas_Status",
)


@cache
def _form() -> HtcdsForm:
    return load_form(XLSFORM, FIELD_SHEET)


@pytest.fixture
def sam(other_org: Organisation) -> Any:
    return make_user("sam", other_org, "supervisor")


@pytest.fixture
def demo(org: Organisation, alice: Any, case: Case) -> Case:
    """60 generated cases of the organisation, and the manufacturing case (returned)."""
    _generated(org, alice, 60)
    return case


def _export(user: Any, fmt: str = "csv") -> bytes:
    response = client_for(user).get(EXPORT.format(fmt=fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="safepassage-htcds-')
    return response.content


def _rows(content: bytes) -> list[dict[str, Any]]:
    return read_csv(io.StringIO(content.decode("utf-8")), _form())


def _upload(user: Any, content: bytes, name: str = "partner.csv") -> Any:
    return client_for(user).post(IMPORT, {"file": SimpleUploadedFile(name, content)})


def _with_cell(content: bytes, row: int, column: str, value: str) -> bytes:
    """The CSV with one cell changed (`row` as a spreadsheet numbers it: the header is 1)."""
    lines = content.decode("utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    cells[header.index(column)] = value
    lines[row - 1] = ",".join(cells)
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_it_exports_every_case_as_a_valid_pseudonymous_htcds_row(demo: Case, sue: Any):
    content = _export(sue)
    rows = _rows(content)
    assert len(rows) == Case.objects.filter(organisation=demo.organisation).count() == 61
    assert content.decode().splitlines()[0].split(",") == column_order()
    assert [(r[CASE_ID], p) for r in rows for p in validate(r, _form())] == []
    text = content.decode()
    for personal in (PERSONAL_NAME, PERSONAL_PHONE, "AB 123456", "AB123456", "Demo Generated"):
        assert personal not in text
    references = Case.objects.values_list("reference", flat=True)
    assert not [ref for ref in references if ref in text]
    pseudonyms = [r[CASE_ID] for r in rows]
    assert len(set(pseudonyms)) == 61
    assert all(p.startswith("SP-") and len(p) == 15 for p in pseudonyms)
    event = AuditEvent.objects.get(action="export", username="sue")
    assert event.what == "htcds export of 61 cases"


def test_it_exports_the_manufacturing_case_as_the_account_says(case: Case, sue: Any):
    [row] = _rows(_export(sue))
    assert row[CASE_ID] == htcds.pseudonym(case)
    assert (row["prs_Gender"], row["prs_Citizenship"], row["vic_AgeWhenTrafficked"]) == (
        "Feminine",
        "KH",
        27,
    )
    assert row["prs_PrimaryLanguage"] == "khm"
    assert row["vic_MethodOfRecruitment"] == "AtAPlaceOfBusiness"  # a licensed agency
    assert (row["vic_LocationOfRecruitment"], row["vic_LocationOfExploitation"]) == ("KH", "TH")
    assert set(row["vic_Methods_of_Control"].split()) == {"SexualAbuse", "TakesEarnings"}
    assert row["vic_TraffickingStatus"] == "NotAVictimOfTrafficking"
    assert (row["cas_Status"], row["con_Consent"]) == ("Active", None)  # no consent recorded


def test_it_gives_the_same_pseudonym_in_every_export(case: Case, sue: Any):
    first, second = _export(sue), _export(sue)
    assert first == second
    assert htcds.pseudonym(case).encode() in first


def test_it_marks_the_consent_to_share_and_a_transferred_case(case: Case, sue: Any):
    case.consent_records.create(scope="share_details")  # with no provider named: any
    Case.objects.filter(pk=case.pk).update(status="closed", closure_reason="transferred")
    lines = _export(sue).decode().splitlines()
    header, cells = lines[0].split(","), lines[1].split(",")
    assert cells[header.index("con_Consent")] == "TRUE"
    assert cells[header.index("cas_Status")] == "ClosedReferred"


def test_it_writes_a_workbook_with_numbers_as_numbers(case: Case, sue: Any):
    content = _export(sue, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    header, row = list(sheet.iter_rows(values_only=True))[:2]
    assert list(header) == column_order()
    assert row[header.index("vic_AgeWhenTrafficked")] == 27
    assert client_for(sue).get(EXPORT.format(fmt="pdf")).status_code == 404


def test_it_leaves_out_and_counts_an_account_no_key_decrypts(case: Case, alice: Any, sue: Any):
    other = services.case_create(user=alice, organisation=case.organisation, account={})
    foreign = Fernet(Fernet.generate_key()).encrypt(b"{}").decode()
    with connection.cursor() as cursor:  # raw: the ORM would encrypt it again
        cursor.execute("UPDATE casework_case SET account = %s WHERE id = %s", [foreign, other.pk])
    lines = _export(sue).decode().splitlines()
    assert len(lines) == 2  # the header and the readable case
    assert htcds.pseudonym(other) not in "\n".join(lines)
    event = AuditEvent.objects.get(action="export")
    assert event.what == "htcds export of 1 cases (1 unreadable, left out)"


def test_it_reads_its_export_back_into_another_organisation(
    demo: Case, sue: Any, sam: Any, other_org: Organisation
):
    exported = _export(sue)
    response = _upload(sam, exported)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Case.objects.filter(organisation=other_org).count() == 61
    assert Case.objects.filter(organisation=demo.organisation).count() == 61  # untouched
    again = _export(sam)
    before, after = _rows(exported), _rows(again)
    assert len(after) == len(before) == 61
    assert not {r[CASE_ID] for r in before} & {r[CASE_ID] for r in after}
    # Every column but the pseudonym comes back: the facts from the imported accounts, the
    # exporter's conclusions from what the import kept beside each case.
    differ = [
        (n, key, b[key], a[key])
        for n, (b, a) in enumerate(zip(before, after, strict=True))
        for key in column_order()
        if key != CASE_ID and b[key] != a[key]
    ]
    assert differ == []
    assert any(r["vic_TraffickingStatus"] for r in before)  # conclusions were there to keep
    assert SharedConclusions.objects.filter(case__organisation=other_org).count() >= 1
    event = AuditEvent.objects.get(action="create", case_id=None)
    assert (event.username, event.what) == ("sam", "htcds import of 61 cases")


def test_it_hands_the_conclusions_to_its_own_screening_once_the_account_changes(
    demo: Case, sue: Any, sam: Any, other_org: Organisation
):
    rows = _rows(_export(sue))
    assert _upload(sam, _export(sue)).status_code == 302
    imported = list(Case.objects.filter(organisation=other_org).order_by("pk"))

    def conclusions_of(row: dict[str, Any]) -> list[Any]:
        return [row[c] for c in CONCLUSIONS]

    def own(case: Case) -> list[Any]:
        account = core_edge.account_from(case.account)
        return conclusions_of(to_htcds("", account, core_edge.screen(account)))

    # A case whose facts alone do not give the exporter's conclusions back.
    n = next(i for i, c in enumerate(imported) if own(c) != conclusions_of(rows[i]))
    assert conclusions_of(_rows(_export(sam))[n]) == conclusions_of(rows[n])
    # A case worker of the importing organisation records an answer: the account is theirs now.
    changed = imported[n]
    changed.account = {**changed.account, "reported_on": "2025-10-01"}
    changed.save(update_fields=["account"])
    again = _rows(_export(sam))
    assert conclusions_of(again[n]) == own(changed) != conclusions_of(rows[n])
    others = [conclusions_of(r) for i, r in enumerate(again) if i != n]
    assert others == [conclusions_of(r) for i, r in enumerate(rows) if i != n]


def test_it_refuses_the_whole_file_for_one_bad_row(
    demo: Case, sue: Any, sam: Any, other_org: Organisation
):
    bad = _with_cell(_export(sue), row=3, column="prs_Gender", value="Female")
    response = _upload(sam, bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Row 3, column prs_Gender:" in page
    assert "is not a choice of gender" in page
    assert "Nothing was imported: 1 row of 61 has a problem." in page
    assert not Case.objects.filter(organisation=other_org).exists()
    assert not AuditEvent.objects.filter(organisation=other_org).exists()


def test_it_names_a_column_the_form_lacks_once_at_the_header(case: Case, sue: Any, sam: Any):
    content = _export(sue).decode().splitlines()
    bad = [content[0] + ",prs_Nickname", content[1] + ",Lucky"]
    result = htcds.htcds_import(
        user=sam,
        organisation=sam.membership.organisation,
        file=io.BytesIO("\n".join(bad).encode()),
    )
    assert (result.imported, [(r.row, r.column) for r in result.refused]) == (
        0,
        [(1, "prs_Nickname")],
    )


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\xff", "neither an XLSX workbook nor a CSV file in UTF-8"),
        (b"PK\x03\x04 not really a workbook", "The workbook cannot be read."),
        (b"\n\n", "The file is empty"),
        (b"cas_CaseNumber,prs_Gender\n", "no row below it"),
        (b"prs_Gender,prs_Gender\nFeminine,Masculine\n", "names prs_Gender more than once"),
        (b"prs_Gender\nFeminine,KH\n", "Row 2 has more cells than the header has columns."),
    ],
)
def test_it_refuses_a_file_that_is_no_table_without_an_error_page(
    sue: Any, content: bytes, said: str
):
    response = _upload(sue, content, "picture.csv")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was imported." in page
    assert said in page
    assert not Case.objects.exists()


def test_it_shows_the_upload_form_and_refuses_an_empty_upload(sue: Any):
    page = client_for(sue).get(IMPORT)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    assert _upload(sue, b"").status_code == 400  # Django's own "the submitted file is empty"


def test_it_says_which_setting_to_fix_when_the_form_is_missing(
    sue: Any, monkeypatch: pytest.MonkeyPatch, org: Organisation
):
    monkeypatch.setenv(htcds.FORM_SETTING, "/nowhere/htcds_xlsform.xlsx")
    response = _upload(sue, b"cas_CaseNumber,prs_Gender\nx,Feminine\n")
    assert response.status_code == 400
    page = response.content.decode()
    assert "SAFEPASSAGE_HTCDS_FORM" in page
    assert "/nowhere/htcds_xlsform.xlsx" in page
    assert not Case.objects.exists()


def test_it_finds_the_form_in_the_shared_folder_by_default(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(htcds.FORM_SETTING, raising=False)
    monkeypatch.delenv(htcds.FIELDS_SETTING, raising=False)
    assert htcds.form_paths() == (XLSFORM, FIELD_SHEET)
    assert htcds.SHARED == SHARED


def test_it_imports_only_into_the_supervisors_own_organisation(sue: Any, other_org: Organisation):
    with pytest.raises(PermissionDenied):
        htcds.htcds_import(user=sue, organisation=other_org, file=io.BytesIO(b"x"))


def test_it_refuses_both_pages_to_a_case_worker_and_an_analyst(case: Case, alice: Any, ann: Any):
    for user in (alice, ann):
        client = client_for(user)
        assert client.get(EXPORT.format(fmt="csv")).status_code == 403
        assert client.get(IMPORT).status_code == 403
        upload = SimpleUploadedFile("x.csv", b"cas_CaseNumber\nx\n")
        assert client.post(IMPORT, {"file": upload}).status_code == 403
    assert Case.objects.count() == 1
    assert not AuditEvent.objects.filter(action="export").exists()


def test_it_sends_an_anonymous_visitor_to_log_in(client: Any, org: Organisation):
    for url in (EXPORT.format(fmt="csv"), IMPORT):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_exports_only_the_outsiders_own_cases(case: Case, charlie: Any, other_org: Any):
    theirs = services.case_create(
        user=charlie, organisation=other_org, account=example("fishing_vessel_thailand")
    )
    lines = _export(charlie).decode().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith(htcds.pseudonym(theirs) + ",")
    assert htcds.pseudonym(case) not in "\n".join(lines)


def test_it_imports_a_workbook_as_well(case: Case, sue: Any, sam: Any, other_org: Organisation):
    response = _upload(sam, _export(sue, "xlsx"), "partner.xlsx")
    assert response.status_code == 302
    [imported] = Case.objects.filter(organisation=other_org)
    person = imported.account["person"]
    assert (person["sex"], person["age"], person["nationality"], person["languages"]) == (
        "female",
        27,
        "KH",
        ["km"],
    )
    assert (imported.source, imported.assigned_to) == ("intake", sam)


def test_it_refuses_an_upload_too_big_for_a_web_request(sue: Any, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(htcds_views, "MAX_UPLOAD", 10)
    response = _upload(sue, b"cas_CaseNumber\nSP-1\nSP-2\n")
    assert response.status_code == 400
    assert "safepassage import htcds" in response.content.decode()
