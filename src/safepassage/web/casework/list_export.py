"""The case list as a spreadsheet: the rows and columns the list page shows, with its filters.

For case workers and supervisors (`Action.EXPORT`; analysts export releases, never case rows).
CSV is streamed row by row, so the browser shows its progress from the first row; XLSX is
written with XlsxWriter's constant memory mode into a temporary file whose size the response
announces, so the browser shows how far the download is. Every export is audited: who, which
filter, how many rows (`services.audit_list_export`).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from typing import IO

import xlsxwriter
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import Case
from .selectors import next_follow_ups

CHUNK = 500  # cases read (and decrypted) at a time
# A cell a spreadsheet would read as a formula (CSV injection): written with a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers(personal: bool) -> list[str]:
    """The list page's column headings, in its order (the same words, translated)."""
    found = [_("Reference"), *([_("Name")] if personal else []), _("Level"), _("Country")]
    found += [_("Sector"), _("Stage"), _("Status"), _("Assigned to"), _("Next follow-up")]
    return [*found, _("Updated")]


def rows(cases: QuerySet[Case], personal: bool) -> Iterator[list[str]]:
    """Each case as the list page shows it, a chunk at a time (the page's follow-up dates in one
    query per chunk)."""
    chunk: list[Case] = []
    for found in cases.select_related("assigned_to").iterator(chunk_size=CHUNK):
        chunk.append(found)
        if len(chunk) == CHUNK:
            yield from _chunk(chunk, personal)
            chunk = []
    yield from _chunk(chunk, personal)


def _chunk(cases: list[Case], personal: bool) -> Iterator[list[str]]:
    next_follow_ups(cases)
    for found in cases:
        worker = found.assigned_to
        row = [found.reference, *([str(found.name)] if personal else []), found.level_label]
        row += [found.country_label]
        row += [found.sector_label, found.stage_label, str(found.get_status_display())]
        row += [(worker.get_full_name() or worker.username) if worker else _("Nobody yet")]
        row += [found.next_due.isoformat() if found.next_due else ""]
        row += [found.updated_at.strftime("%Y-%m-%d %H:%M")]
        yield row


def csv_lines(cases: QuerySet[Case], personal: bool) -> Iterator[str]:
    """The CSV file, a line at a time (with a byte-order mark, so that spreadsheets read the
    scripts as UTF-8)."""
    yield "\ufeff" + _line(headers(personal))
    for row in rows(cases, personal):
        yield _line([_safe(cell) for cell in row])


def _line(cells: list[str]) -> str:
    text = io.StringIO()
    csv.writer(text).writerow(cells)
    return text.getvalue()


def _safe(cell: str) -> str:
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def xlsx_file(cases: QuerySet[Case], personal: bool) -> IO[bytes]:
    """The workbook in a temporary file, read from the start (constant memory: one row at a
    time, whatever the number of cases). Every cell is written as text, never as a formula."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 (the response reads, then closes it)
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": False})
    sheet = book.add_worksheet(_("Cases")[:31])
    bold = book.add_format({"bold": True})
    for column, heading in enumerate(headers(personal)):
        sheet.write_string(0, column, heading, bold)
    for number, row in enumerate(rows(cases, personal), start=1):
        for column, cell in enumerate(row):
            sheet.write_string(number, column, cell)
    sheet.freeze_panes(1, 0)
    book.close()
    out.seek(0)
    return out
