"""Charts rendered on the server as SVG (Altair to Vega-Lite, vl-convert to SVG): no script
runs in the browser, and the page holds the same figures as a table beside each chart.

Rendering costs tens of milliseconds a chart, and a release never changes, so each SVG is kept
in the cache under its release, table, filter and language."""

from __future__ import annotations

from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .present import Shown

WIDTH = 420


def chart_svg(release_id: int, table: Shown, country: str, sector: str) -> str:
    key = f"analytics-chart:{release_id}:{table.id}:{country}:{sector}:{get_language()}"
    found = cache.get(key)
    if found is None:
        found = vl_convert.vegalite_to_svg(_spec(table))
        cache.set(key, found, 60 * 60 * 24)
    return str(found)


def _spec(table: Shown) -> Any:
    """A heat map: a row per row of the table, a column per column, the count written in each
    published cell; a hidden cell stays blank (and is so described in the table)."""
    values = [
        {"row": " · ".join(row.parts), "col": column, "count": value}
        for row in table.rows
        for column, value in zip(table.columns, row.cells, strict=True)
        if value is not None
    ]
    cases = _("Cases")
    base = alt.Chart(alt.Data(values=values)).encode(  # type: ignore[no-untyped-call]
        x=alt.X("col:N", title=None, sort=table.columns, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("row:N", title=None, sort=[" · ".join(r.parts) for r in table.rows]),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("count:Q", title=cases, scale=alt.Scale(scheme="blues"))
    )
    text = base.mark_text(fontSize=11).encode(text=alt.Text("count:Q"))
    return (heat + text).properties(width=WIDTH, title=table.title).to_json()
