"""The quick select writes the same options as Django's own select: values, labels (escaped)
and the chosen one."""

from __future__ import annotations

import re

from django import forms

from safepassage.web.common.forms import FastSelect

CHOICES = [("", "Any"), ("TH", "Thailand"), ("x<y", 'A "quoted" & <odd> label'), (3, "Three")]
OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')


def _options(html: str) -> list[tuple[str, bool, str]]:
    return [(v, bool(s), t) for v, s, t in OPTION.findall(html)]


def test_it_writes_the_options_djangos_select_writes():
    for value in ("", "TH", "x<y", 3, None, "nothing"):
        ours = FastSelect(choices=CHOICES).render("country", value, {"id": "id_country"})
        django = forms.Select(choices=CHOICES).render("country", value, {"id": "id_country"})
        assert _options(ours) == _options(django), value
        assert 'name="country"' in ours
        assert 'id="id_country"' in ours


def test_it_escapes_what_it_writes():
    html = FastSelect(choices=CHOICES).render("q", "x<y")
    assert "<odd>" not in html
    assert '<option value="x&lt;y" selected>' in html
