"""People read words, not codes: no case page of any example or corpus account, and no text the
CLI prints for one, shows an internal fact, derived-fact or rule id, or a bare rule code."""

from __future__ import annotations

import re
from typing import Any

import pytest
from typer.testing import CliRunner

from safepassage.cli import app
from safepassage.core.account_file import read_account
from safepassage.web.casework import core_edge, services
from safepassage.web.common import labels

from .conftest import EXAMPLES, client_for

pytestmark = pytest.mark.django_db
CORPUS = EXAMPLES.parents[1] / "corpus" / "cases"
FILES = {p.stem: p for folder in (EXAMPLES, CORPUS) for p in sorted(folder.glob("*.yaml"))}
NAMES = sorted(FILES)
# Rule codes of more than one word (one-word codes such as "deception" are ordinary words).
CODES = sorted(
    code
    for table in (labels.INDICATORS, labels.VIOLATIONS, labels.RISKS, labels.RESPONSE_KINDS)
    for code in table
    if "_" in code
)
IDS = re.compile(
    r"\b(?:work|recruitment|transit|return|person|derived)(?:\[\d+\])?\.[a-z_]+\b"
    r"|\b(?:indicator|icls|palermo|violation|risk|unknown):[a-z_.]+"
    r"|\b(?:" + "|".join(CODES) + r")\b"
)


def visible(html: str) -> str:
    """The text a reader sees: no tags, attributes, scripts or styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("name", NAMES)
def test_no_case_page_shows_an_internal_id(name: str, org: Any, alice: Any):
    account = core_edge.account_data(read_account(FILES[name]))
    case = services.case_create(user=alice, organisation=org, account=account)
    for url in (f"/cases/{case.pk}/", f"/cases/{case.pk}/intake/", "/cases/"):
        page = visible(client_for(alice).get(url, follow=True).content.decode())
        assert not IDS.findall(page), (url, IDS.findall(page)[:5])


@pytest.mark.parametrize("name", NAMES)
def test_the_cli_screening_output_shows_no_internal_id(name: str):
    output = CliRunner().invoke(app, ["screen", str(FILES[name])]).output
    assert not IDS.findall(output), IDS.findall(output)[:5]


# Every page a person reads, for a case with many findings (the export is a machine file).
PAGES = {
    "detail": "",
    "edit": "edit/",
    "intake": "intake/",
    "plan": "plan/",
    "professional": "professional/",
    "answers": "answers/",
    "correction": "intake/?q=work.sector&next=answers",
}
STAFF_PAGES = (
    "/", "/cases/", "/cases/?assigned=me", "/cases/inbox/", "/cases/new/",
    "/cases/disagreements/", "/cases/audit/", "/check/",
)  # fmt: skip


def test_no_page_of_the_application_shows_an_internal_id(org: Any, alice: Any, sue: Any):
    account = core_edge.account_data(read_account(FILES["fishing_vessel_thailand"]))
    case = services.case_create(user=alice, organisation=org, account=account)
    client = client_for(alice)
    client.get(f"/cases/{case.pk}/")  # an audited read, so the audit page has rows
    urls = [f"/cases/{case.pk}/{PAGES[p]}" for p in PAGES]
    for user, url in [(alice, u) for u in urls] + [(sue, u) for u in STAFF_PAGES]:
        response = client_for(user).get(
            url.replace("/note/", "/notes/").replace("/refer/", "/referrals/"), follow=True
        )
        assert response.status_code == 200, url
        page = visible(response.content.decode())
        assert not IDS.findall(page), (url, IDS.findall(page)[:5])
