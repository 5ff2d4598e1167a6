"""A table as shown, for download: CSV and XLSX hold the same rows, headings and blanks as the
page (a blank: fewer than k cases, or hidden so that it cannot be worked out)."""

from __future__ import annotations

import csv
import io

import xlsxwriter
from django.utils.translation import gettext as _

from .present import Shown


def table_lines(table: Shown) -> list[list[str | int | None]]:
    lines: list[list[str | int | None]] = [
        [*table.row_headings, *table.columns, _("All cases in the row")]
    ]
    for row in table.rows:
        lines.append([*row.parts, *row.cells, row.total])
    blank: list[str | int | None] = [""] * (len(table.row_headings) - 1)
    lines.append([_("All rows"), *blank, *table.col_totals, table.total])
    return lines


def footnote(k: int) -> str:
    return _(
        "A blank is a count of fewer than %(k)s cases, or one hidden so that it cannot be "
        "worked out from the totals."
    ) % {"k": k}


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str | int | None) -> str | int:
    """A value as a spreadsheet must take it: a text that starts like a formula (a province
    typed "=HYPERLINK(...)") is kept as text, with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA):
        return "'" + value
    return value


def as_csv(table: Shown, k: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_cell(table.title)])
    for line in table_lines(table):
        writer.writerow([_cell(v) for v in line])
    writer.writerow([footnote(k)])
    return out.getvalue().encode("utf-8-sig")  # the BOM: spreadsheets then read Thai right


def as_xlsx(table: Shown, k: int) -> bytes:
    out = io.BytesIO()
    # Text is text: a value that looks like a formula is never one.
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet(table.id[:31])
    bold = book.add_format({"bold": True})
    sheet.write(0, 0, table.title, bold)
    lines = table_lines(table)
    for r, line in enumerate(lines, start=2):
        for c, value in enumerate(line):
            if value is not None and value != "":
                sheet.write(r, c, value, bold if r == 2 else None)
    sheet.write(len(lines) + 3, 0, footnote(k))
    sheet.set_column(0, len(table.row_headings) - 1, 28)
    book.close()
    return out.getvalue()
