"""The HTCDS v2.0 form: its fields, their types and choice lists, read from IOM's XLSForm.

The XLSForm (`htcds_xlsform.xlsx`) is the most machine-readable of the official files, so its
spellings win where the files disagree; the field sheet (`htcds-field-standards.json`, parsed
from `HTCDS Field Standards 2.0.ods`) may add the fields the XLSForm leaves out. Every quirk
normalised on the way is recorded in `HtcdsForm.quirks` (and in docs/htcds-mapping.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Value = str | int | float | None
Row = dict[str, Value]

# No official file has a case identifier (ODK adds its own instance id; the Excel toolkit numbers
# its rows in an unnamed column). The Salesforce package keeps cases on the standard Case object,
# whose number is `CaseNumber`: with HTCDS's prefix convention, `cas_CaseNumber`.
CASE_ID = "cas_CaseNumber"
# Other spellings of a field in the official files, that no squashing of case and underscores
# recovers (see `_squash`): the Excel toolkit's typo.
KNOWN_ALIASES = {"vic_TraffickinStatusDecisionMakingOrg": "vic_TraffickingStatusDecisionMakingOrg"}
DATA_TYPES = frozenset({"text", "integer", "decimal", "date", "select_one", "select_multiple"})
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The field sheet's types, as XLSForm types (a lookup to a record is its name as text here).
SHEET_TYPES = {
    "Text": "text",
    "Long Text": "text",
    "Picklist or Text": "text",
    "Date": "date",
    "Geolocation": "decimal",
    "Picklist": "select_one",
    "Multiselect Picklist": "select_multiple",
    "Checkbox": "select_one",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text, integer, decimal, date, select_one or select_multiple
    label: str
    list_name: str | None = None
    source: str = "xlsform"  # xlsform, field_sheet, or safepassage (the case identifier)


@dataclass(frozen=True)
class HtcdsForm:
    fields: dict[str, Field]  # in the form's order
    choices: dict[str, dict[str, str]]  # list name -> choice name -> label, in order
    aliases: dict[str, str] = field(default_factory=dict)  # another file's spelling -> ours
    choice_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    quirks: tuple[str, ...] = ()

    def names(self, field_name: str) -> dict[str, str]:
        """The choices of a select field (empty for any other)."""
        list_name = self.fields[field_name].list_name
        return self.choices.get(list_name, {}) if list_name else {}


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def load_form(path: str | Path, field_sheet: str | Path | None = None) -> HtcdsForm:
    """The form in the XLSForm at `path`, with the fields only `field_sheet` has added."""
    survey, choice_rows = _read_xlsform(Path(path))
    quirks: list[str] = []
    choices, choice_aliases = _choices(choice_rows, quirks)
    fields = {CASE_ID: Field(CASE_ID, "text", "Case Number", source="safepassage")}
    for row in survey:
        if (made := _survey_field(row, quirks)) is not None:
            fields[made.name] = made
    aliases = dict(KNOWN_ALIASES)
    if field_sheet is not None:
        _merge_sheet(_read_sheet(Path(field_sheet)), fields, choices, aliases, quirks)
    return HtcdsForm(fields, choices, aliases, choice_aliases, tuple(quirks))


def _read_xlsform(path: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    import openpyxl  # only when a form is read: the core imports this module without it

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return _records(book["survey"].iter_rows(values_only=True)), _records(
            book["choices"].iter_rows(values_only=True)
        )
    finally:
        book.close()


def _records(rows: Iterable[tuple[Any, ...]]) -> list[dict[str, str]]:
    it = iter(rows)
    header = [str(h or "").strip() for h in next(it, ())]
    records = []
    for row in it:
        cells = ["" if c is None else str(c) for c in row]
        if any(c.strip() for c in cells):
            records.append(dict(zip(header, cells, strict=False)))
    return records


def _label(text: str) -> str:
    # Labels carry non-breaking and trailing spaces (the gender list): collapse all whitespace.
    return " ".join(text.split())


def _choices(
    rows: list[dict[str, str]], quirks: list[str]
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    choices: dict[str, dict[str, str]] = {}
    aliases: dict[str, dict[str, str]] = {}
    for row in rows:
        list_name, raw = row.get("list_name", "").strip(), row.get("name", "")
        name = raw.strip()
        if name != raw:
            # A space inside a select_multiple value would split it in two: ODK can't store it.
            aliases.setdefault(list_name, {})[raw] = name
            quirks.append(f"choice {raw!r} of list {list_name!r} stripped to {name!r}")
        choices.setdefault(list_name, {})[name] = _label(row.get("label", "")) or name
    return choices, aliases


def _survey_field(row: Mapping[str, str], quirks: list[str]) -> Field | None:
    kind, _, list_name = row.get("type", "").strip().partition(" ")
    name = row.get("name", "").strip()
    if kind not in DATA_TYPES:
        # start, end and the calculated __version__ are ODK's metadata, not case data.
        quirks.append(f"XLSForm row {name!r} of type {row.get('type')!r} is metadata: skipped")
        return None
    return Field(name, kind, _label(row.get("label", "")) or name, list_name.strip() or None)


def _read_sheet(path: Path) -> list[list[str]]:
    rows: list[list[Any]] = json.loads(path.read_text(encoding="utf-8"))
    return [["" if c is None else str(c) for c in row] for row in rows[1:]]


def _squash(name: str) -> str:
    # prs_FirstName (the sheet) is prs_First_Name (the XLSForm): compare without case and "_".
    return name.replace("_", "").lower()


def _sheet_fields(rows: list[list[str]]) -> Iterator[tuple[Field, list[str]]]:
    """(field, its choice names) for each field of the sheet still in use."""
    for row in rows:
        row = row + [""] * (11 - len(row))
        status, label, name, kind, values = row[1], row[5], row[6].strip(), row[7], row[9]
        if status.strip() in ("DEPRECATED", "N/A") or not name or name == "N/A":
            continue
        xls = SHEET_TYPES.get(kind.strip(), "text")
        if kind.strip() == "Number":  # coordinates are decimals; counts and ages whole numbers
            xls = "decimal" if name.endswith(("Longitude", "Latitude")) else "integer"
        names = values.split()
        if values.startswith("Use ISO 639"):  # languages: codes, no list in any file
            xls, names = "text", []
        yield Field(name, xls, _label(label) or name, source="field_sheet"), names


def _merge_sheet(
    rows: list[list[str]],
    fields: dict[str, Field],
    choices: dict[str, dict[str, str]],
    aliases: dict[str, str],
    quirks: list[str],
) -> None:
    squashed = {_squash(name): name for name in fields}
    for sheet, names in _sheet_fields(rows):
        ours = squashed.get(_squash(sheet.name))
        if ours is not None:
            _compare(sheet, fields[ours], aliases, quirks)
            _compare_choices(fields[ours], names, choices, quirks)
            continue
        fields[sheet.name] = _with_list(sheet, names, choices, quirks)


def _compare(sheet: Field, ours: Field, aliases: dict[str, str], quirks: list[str]) -> None:
    """Record where the sheet and the XLSForm disagree on a field both have (the XLSForm wins)."""
    if sheet.name != ours.name:
        aliases[sheet.name] = ours.name
        quirks.append(f"field {ours.name!r} is spelt {sheet.name!r} in the field sheet")
    if sheet.type != ours.type:
        quirks.append(f"{ours.name!r} is {ours.type} in the XLSForm, {sheet.type} in the sheet")
    if sheet.label.lower() != ours.label.lower():
        quirks.append(f"{ours.name!r} is labelled {ours.label!r} in the XLSForm, {sheet.label!r}")


def _compare_choices(
    ours: Field, names: list[str], choices: dict[str, dict[str, str]], quirks: list[str]
) -> None:
    if not ours.list_name or not names or names[0] == "Use":
        return
    differ = set(names) ^ set(choices.get(ours.list_name, {}))
    if differ:
        quirks.append(f"{ours.name!r}: choices {sorted(differ)} in only one of the files")


def _with_list(
    sheet: Field, names: list[str], choices: dict[str, dict[str, str]], quirks: list[str]
) -> Field:
    """The sheet's field, its choice list added to the form's (or the XLSForm's list reused)."""
    if not sheet.type.startswith("select"):
        return sheet
    if names and names[0] == "Use":  # "Use ISO 3166 country codes": the XLSForm's country list
        list_name = "citizenship"
    elif not names:  # a checkbox: TRUE or FALSE, as the XLSForm encodes con_Consent
        list_name = "consent"
    else:
        list_name = sheet.name.lower()  # org_Type, hte_Type and spl_Type are three lists
        # The sheet lists names only (its labels are space-separated words): labels are names.
        choices.setdefault(list_name, {name: name for name in names})
    quirks.append(f"{sheet.name!r} is only in the field sheet: added as {sheet.type} {list_name}")
    return Field(sheet.name, sheet.type, sheet.label, list_name, sheet.source)


def validate(row: Mapping[str, Value], form: HtcdsForm) -> list[Problem]:
    """What in `row` is not HTCDS: unknown fields, values of the wrong type, unknown choices."""
    problems = []
    for key, value in row.items():
        if key not in form.fields:
            hint = f" (the form spells it {form.aliases[key]!r})" if key in form.aliases else ""
            problems.append(Problem(key, f"not a field of the form{hint}"))
        elif value is not None and value != "":
            problems.extend(Problem(key, m) for m in _value_problems(form, key, value))
    return problems


def _value_problems(form: HtcdsForm, key: str, value: Value) -> list[str]:
    kind = form.fields[key].type
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{value!r} is not a whole number"]
    if kind == "decimal":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{value!r} is not a number"]
    if not isinstance(value, str):
        return [f"{value!r} is not text"]
    if kind == "date":
        return [] if DATE.match(value) else [f"{value!r} is not a date (YYYY-MM-DD)"]
    if kind == "text":
        return []
    allowed = form.names(key)
    picked = value.split(" ") if kind == "select_multiple" else [value]
    bad = [
        f"{v!r} is not a choice of {form.fields[key].list_name}" for v in picked if v not in allowed
    ]
    if len(set(picked)) < len(picked):
        bad.append(f"{value!r} repeats a choice")
    return bad


def normalise_row(raw: Mapping[str, Any], form: HtcdsForm) -> Row:
    """A row read from a file (CSV text, another file's spellings) as the form has it: field
    names and choices respelt, numbers parsed, empty cells None. Unknown fields are kept, for
    `validate` to name."""
    row: Row = {}
    for key, value in raw.items():
        name = form.aliases.get(key.strip(), key.strip())
        row[name] = _parse(form, name, value)
    return row


def _parse(form: HtcdsForm, name: str, value: Any) -> Value:
    if isinstance(value, bool):  # a spreadsheet's TRUE/FALSE cell: the XLSForm's choice names
        value = "TRUE" if value else "FALSE"
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None
    known = form.fields.get(name)
    if known is not None and known.type in ("integer", "decimal"):
        return _number(value, whole=known.type == "integer")
    if known is not None and known.type.startswith("select"):
        # Choice names never hold spaces ("DebtBondage " is DebtBondage): spaces only separate.
        return " ".join(str(value).split())
    return value if isinstance(value, str | int | float) else str(value)


def _number(value: Any, whole: bool) -> Value:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)  # left as it is, for `validate` to name
    return int(number) if whole and number.is_integer() else number
