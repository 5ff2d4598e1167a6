"""HTCDS v2.0 at the web edge: an organisation's cases out as pseudonymous rows, a partner's rows
in as new cases. The mapping itself is the core's (`core.analytics.htcds`, docs/htcds-mapping.md).

The export needs no HTCDS file: SafePassage's columns are built in. The import validates each
row against IOM's form, which is third-party data kept outside the repository: its place comes
from SAFEPASSAGE_HTCDS_FORM and SAFEPASSAGE_HTCDS_FIELDS (default: the `shared` folder beside the
repository). The web views always check the role (`htcds_export`, `htcds_import`); the command
line runs as nobody and calls `export_cases` and `import_rows`, which check none.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from pydantic import ValidationError

from ...core.account import Account
from ...core.analytics.htcds import (
    CaseStatus as HtcdsStatus,
)
from ...core.analytics.htcds import (
    HtcdsForm,
    column_order,
    conclusions,
    from_htcds,
    load_form,
    to_htcds,
    validate,
    write_csv,
    write_xlsx,
)
from ...core.analytics.htcds_form import Row, normalise_row
from ...core.analytics.sources import shared_root
from ..casework import core_edge
from ..casework.access import Action, cases_for, require
from ..casework.crypto import UnreadableDict, blind_index
from ..casework.models import Case, CaseSource, CaseStatus, ClosureReason, Consent, Organisation
from ..casework.services import case_create
from .models import SharedConclusions
from .services import audit_analytics

Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")
FORM_SETTING = "SAFEPASSAGE_HTCDS_FORM"
FIELDS_SETTING = "SAFEPASSAGE_HTCDS_FIELDS"
# Third-party files, never in the repository (see core.analytics.sources).
SHARED = shared_root() or Path("shared")
DEFAULT_FORM = SHARED / "data" / "htcds" / "htcds_xlsform.xlsx"
DEFAULT_FIELDS = SHARED / "reference" / "htcds-field-standards.json"
XLSX_MAGIC = b"PK\x03\x04"  # a workbook is a zip file; CSV text never starts so
# The case's state as HTCDS's status. A referred case is followed up (its referrals), not
# closed; a closure waiting for approval is still active; a transfer closes it as referred.
STATUS: dict[str, HtcdsStatus] = {  # CaseStatus's values (mypy reads no Django choices)
    "open": "Active",
    "referred": "FollowUp",
    "closing": "Active",
    "closed": "Closed",
}
# Imported cases come in as intake: CaseSource has no "import", and adding one needs a migration.
IMPORT_SOURCE = CaseSource.INTAKE


class FormMissing(Exception):
    """IOM's HTCDS files are not where the settings say: an import cannot validate a row."""


class FileRefused(Exception):
    """The upload is not an HTCDS table at all (not CSV or XLSX, no header, no row)."""


@dataclass(frozen=True)
class Exported:
    content: bytes
    rows: int
    unreadable: int  # cases no configured key decrypts: left out, and counted


@dataclass(frozen=True)
class Refusal:
    row: int  # 1-based, as a spreadsheet numbers it: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        return _("Row %(row)s, column %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ImportResult:
    imported: int = 0
    rows: int = 0
    refused: list[Refusal] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # of the cases made, in the file's order

    @property
    def refused_rows(self) -> int:
        return len({r.row for r in self.refused})


# The form -----------------------------------------------------------------------------------


def form_paths() -> tuple[Path, Path]:
    """Where the XLSForm and the field sheet are: the settings, else the shared folder."""
    form = os.environ.get(FORM_SETTING) or str(DEFAULT_FORM)
    fields = os.environ.get(FIELDS_SETTING) or str(DEFAULT_FIELDS)
    return Path(form), Path(fields)


def htcds_form() -> HtcdsForm:
    """IOM's form, read once per file version; FormMissing says which setting to fix."""
    form, fields = form_paths()
    for setting, path, name in (
        (FORM_SETTING, form, "htcds_xlsform.xlsx"),
        (FIELDS_SETTING, fields, "htcds-field-standards.json"),
    ):
        if not path.is_file():
            raise FormMissing(
                _(
                    "The HTCDS file %(name)s is not at %(path)s, so rows cannot be checked. "
                    "Set %(setting)s to where that file is (see docs/htcds-mapping.md), then "
                    "try again."
                )
                % {"name": name, "path": path, "setting": setting}
            )
    return _load(str(form), form.stat().st_mtime, str(fields), fields.stat().st_mtime)


@lru_cache(maxsize=2)
def _load(form: str, form_mtime: float, fields: str, fields_mtime: float) -> HtcdsForm:
    return load_form(form, fields)  # the times are in the key: a replaced file is read again


# Export ---------------------------------------------------------------------------------------


def pseudonym(case: Case) -> str:
    """Stable across exports and keyed (nobody without the hash key links it to the case), and
    never the reference, which the organisation's staff know the case by."""
    return "SP-" + blind_index("htcds", str(case.pk))[:12]


def htcds_export(*, user: Any, fmt: Format) -> bytes:
    """Every case of the user's organisation as an HTCDS file: for supervisors only."""
    member = require(user, Action.RELEASE)
    return export_cases(
        cases=cases_for(user), organisation=member.organisation, user=user, fmt=fmt
    ).content


def organisation_cases(organisation: Organisation) -> QuerySet[Case]:
    """The organisation's cases, for the command line (which has no user to ask `cases_for`)."""
    return Case.objects.filter(organisation=organisation)


def export_cases(
    *,
    cases: QuerySet[Case],
    organisation: Organisation,
    user: Any,
    fmt: Format,
    on_case: Callable[[int], None] | None = None,
) -> Exported:
    """The cases as an HTCDS file, audited as one export. No role is checked here: the view
    checks it (`htcds_export`); the command line runs as nobody."""
    if fmt not in FORMATS:
        raise ValueError(f"not an HTCDS format: {fmt!r}")
    rows: list[Row] = []
    unreadable = 0
    for done, case in enumerate(_for_export(cases), start=1):
        if isinstance(case.account, UnreadableDict):
            unreadable += 1  # no key decrypts it: a row of nothing would pass for a case
        else:
            rows.append(case_row(case))
        if on_case is not None:
            on_case(done)
    what = f"htcds export of {len(rows)} cases"
    if unreadable:
        what += f" ({unreadable} unreadable, left out)"
    audit_analytics(user=user, organisation=organisation, action="export", what=what)
    return Exported(_write(rows, fmt), len(rows), unreadable)


def _for_export(cases: QuerySet[Case]) -> Iterator[Case]:
    # Only what a row needs: names, phones and document numbers are not even decrypted.
    in_force = Consent.objects.filter(scope="share_details", withdrawn_at__isnull=True)
    return (
        cases.order_by("pk")
        .only("pk", "organisation_id", "status", "closure_reason", "account")
        .prefetch_related(
            Prefetch("consent_records", in_force, to_attr="sharing"),
            Prefetch("shared", SharedConclusions.objects.all(), to_attr="kept"),
        )
        .iterator(chunk_size=500)
    )


def case_row(case: Case) -> Row:
    account = core_edge.account_from(case.account)
    return to_htcds(
        pseudonym(case),
        account,
        core_edge.screen(account),
        consent=_consent(case),
        status=_status(case),
        kept=_kept(case),
    )


def _kept(case: Case) -> dict[str, Any] | None:
    """The conclusions of the organisation the case was imported from, while its account is as
    imported; None once a case worker has changed it (this organisation's screening speaks)."""
    if hasattr(case, "kept"):  # prefetched by `_for_export`: the row, or None
        kept = case.kept
    else:
        kept = SharedConclusions.objects.filter(case=case).first()
    if kept is None or kept.account_digest != account_digest(case.account):
        return None
    columns: dict[str, Any] = kept.columns
    return columns


def account_digest(account: dict[str, Any]) -> str:
    """A keyed digest of an account as stored: it tells whether the account changed, and
    tells nobody without the key what it holds."""
    return blind_index("htcds-account", json.dumps(account, sort_keys=True))


def _consent(case: Case) -> bool | None:
    """TRUE when the migrant agreed to their details going to any provider (a consent in force
    that names nobody); otherwise unknown, never FALSE: no record is not a refusal, and a
    consent for one named provider is not one to share the case with whoever gets the file."""
    sharing = getattr(case, "sharing", None)
    if sharing is None:
        sharing = case.consent_records.filter(scope="share_details", withdrawn_at__isnull=True)
    return True if any(not c.with_whom for c in sharing) else None


def _status(case: Case) -> HtcdsStatus | None:
    if case.status == CaseStatus.CLOSED and case.closure_reason == ClosureReason.TRANSFERRED:
        return "ClosedReferred"
    return STATUS.get(case.status)


def _write(rows: list[Row], fmt: Format) -> bytes:
    if fmt == "csv":
        text = io.StringIO()
        write_csv(rows, text, column_order())
        return text.getvalue().encode("utf-8")  # codes only: plain ASCII, no BOM needed
    binary = io.BytesIO()
    write_xlsx(rows, binary, column_order())
    return binary.getvalue()


# Import ---------------------------------------------------------------------------------------


def htcds_import(
    *,
    user: Any,
    organisation: Organisation,
    file: IO[bytes] | None = None,
    rows: list[tuple[int, Row]] | None = None,
) -> ImportResult:
    """A partner's HTCDS rows as new cases of the user's organisation, all or none: for
    supervisors only, and only into their own organisation."""
    member = require(user, Action.RELEASE)
    if member.organisation_id != organisation.pk:
        raise PermissionDenied
    form = htcds_form()
    if rows is None:
        if file is None:
            raise ValueError("htcds_import needs rows or a file")
        rows = read_rows(file.read(), form)
    return import_rows(rows=rows, form=form, organisation=organisation, user=user)


def read_rows(data: bytes, form: HtcdsForm) -> list[tuple[int, Row]]:
    """(row number, row) for each row of a CSV or XLSX file that holds anything, as the form
    spells it; FileRefused when it is no table."""
    lines = _xlsx_lines(data) if data.startswith(XLSX_MAGIC) else _csv_lines(data)
    header = [str(h or "").strip() for h in next(lines, [])]
    if not any(header):
        raise FileRefused(_("The file is empty: its first row must name the HTCDS columns."))
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:  # a second column of the same name would silently replace the first
        raise FileRefused(
            _("The header names %(columns)s more than once.") % {"columns": ", ".join(twice)}
        )
    found = []
    for number, cells in enumerate(lines, start=2):
        if any(c not in (None, "") for c in cells[len(header) :]):
            raise FileRefused(
                _("Row %(row)s has more cells than the header has columns.") % {"row": number}
            )
        raw = dict(zip(header, cells, strict=False))
        if any(v not in (None, "") for v in raw.values()):  # blank spreadsheet rows: skipped
            found.append((number, normalise_row(raw, form)))
    if not found:
        raise FileRefused(_("The file has a header but no row below it: nothing to import."))
    return found


def _csv_lines(data: bytes) -> Iterator[list[Any]]:
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's BOM is no part of the first column
    except UnicodeDecodeError:
        raise FileRefused(
            _("The file is neither an XLSX workbook nor a CSV file in UTF-8. Save it as one.")
        ) from None
    # csv.reader, not DictReader: a blank line is still a row, so numbers match the sheet's.
    return iter(list(csv.reader(io.StringIO(text))))


def _xlsx_lines(data: bytes) -> Iterator[list[Any]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            lines = [[_cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception:  # a damaged workbook raises whatever zipfile or openpyxl meets first
        raise FileRefused(_("The workbook cannot be read. Save it again as XLSX.")) from None
    return iter(lines)


def _cell(value: Any) -> Any:
    # A date cell is a datetime to openpyxl; HTCDS dates are YYYY-MM-DD text.
    return value.date().isoformat() if isinstance(value, dt.datetime) else value


def import_rows(
    *,
    rows: list[tuple[int, Row]],
    form: HtcdsForm,
    organisation: Organisation,
    user: Any,
    on_row: Callable[[int], None] | None = None,
) -> ImportResult:
    """Each row validated and read as an account, then all created in one transaction; if any
    row is refused, no case is made. No role is checked here (see the module's docstring)."""
    accounts, refused = _accounts(rows, form)
    if refused:
        return ImportResult(rows=len(rows), refused=refused)
    shared = [conclusions(row) for _, row in rows]
    references = _create(list(zip(accounts, shared, strict=True)), organisation, user, on_row)
    return ImportResult(imported=len(references), rows=len(rows), references=references)


def _accounts(
    rows: Iterable[tuple[int, Row]], form: HtcdsForm
) -> tuple[list[Account], list[Refusal]]:
    """Every row's account, or every row's problems: all rows are checked before any is made,
    so the importer learns of each problem at once."""
    accounts: list[Account] = []
    refused: list[Refusal] = []
    unknown: dict[str, str] = {}  # a column the form lacks: named once, at the header (row 1)
    for number, row in rows:
        problems = validate(row, form)
        for p in problems:
            if p.field in form.fields:
                refused.append(Refusal(number, p.field, p.message))
            else:
                unknown.setdefault(p.field, p.message)
        if problems:
            continue
        try:
            accounts.append(from_htcds(row, form))
        except ValidationError as exc:  # a value the form allows but an account cannot hold
            refused += [Refusal(number, _column(e["loc"]), e["msg"]) for e in exc.errors()]
    return accounts, [Refusal(1, c, m) for c, m in unknown.items()] + refused


def _column(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location) or "?"


@transaction.atomic
def _create(
    accounts: list[tuple[Account, Row]],
    organisation: Organisation,
    user: Any,
    on_row: Callable[[int], None] | None,
) -> list[str]:
    references = []
    for done, (account, shared) in enumerate(accounts, start=1):
        data = core_edge.account_data(account)
        case = case_create(user=user, organisation=organisation, account=data, source=IMPORT_SOURCE)
        if any(value is not None for value in shared.values()):
            SharedConclusions.objects.create(
                case=case, columns=shared, account_digest=account_digest(case.account)
            )
        references.append(case.reference)
        if on_row is not None:
            on_row(done)
    # In the same transaction: an import is never without its audit entry, nor the reverse.
    audit_analytics(
        user=user, organisation=organisation, action="create",
        what=f"htcds import of {len(references)} cases",
    )  # fmt: skip
    return references
