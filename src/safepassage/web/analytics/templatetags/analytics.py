from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def count(value: int | None) -> str:
    """A published count, or "hidden" in words (with a class the page styles)."""
    if value is None:
        return format_html('<span class="hidden-count">{}</span>', _("Hidden"))
    return format_html("{}", value)


@register.simple_tag
def table_body(table: Any) -> str:
    """A table's rows as HTML, built here rather than cell by cell in the template: a
    release's tables hold thousands of cells, and the template's loop was most of the page's
    time. Every value is escaped."""
    hidden = format_html('<span class="hidden-count">{}</span>', _("Hidden"))

    def cell(value: int | None) -> str:
        return f"<td>{hidden if value is None else int(value)}</td>"

    lines = []
    for row in table.rows:
        parts = "".join(f'<th scope="row">{escape(part)}</th>' for part in row.parts)
        cells = "".join(cell(v) for v in row.cells)
        lines.append(f"<tr>{parts}{cells}{cell(row.total)}</tr>")
    return mark_safe("".join(lines))
