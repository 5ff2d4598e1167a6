"""People read words, not codes: no case page of any example, and no text the CLI prints for
one, shows an internal fact, derived-fact or rule id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from safepassage.cli import app
from safepassage.web.casework import services

from .conftest import EXAMPLES, client_for, example

pytestmark = pytest.mark.django_db
NAMES = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))
IDS = re.compile(
    r"\b(?:work|recruitment|transit|return|person|derived)(?:\[\d+\])?\.[a-z_]+\b"
    r"|\b(?:indicator|icls|palermo|violation|risk|unknown):[a-z_.]+"
)


def visible(html: str) -> str:
    """The text a reader sees: no tags, attributes, scripts or styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("name", NAMES)
def test_no_case_page_shows_an_internal_id(name: str, org: Any, alice: Any):
    case = services.case_create(user=alice, organisation=org, account=example(name))
    for url in (f"/cases/{case.pk}/", f"/cases/{case.pk}/intake/", "/cases/"):
        page = visible(client_for(alice).get(url, follow=True).content.decode())
        assert not IDS.findall(page), (url, IDS.findall(page)[:5])


@pytest.mark.parametrize("name", NAMES)
def test_the_cli_screening_output_shows_no_internal_id(name: str):
    output = CliRunner().invoke(app, ["screen", str(Path(EXAMPLES) / f"{name}.yaml")]).output
    assert not IDS.findall(output), IDS.findall(output)[:5]
