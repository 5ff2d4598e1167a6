"""The self-check's result helps the person act: it names the answers behind it, says whether it
is settled, puts one contact first for the person's situation, and shows only their embassy."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from safepassage.web.selfcheck.state import State

pytestmark = pytest.mark.django_db
ADULT = {"work.country": "TH", "person.age": 30}
PERSONAS = {  # answers, and the help channel the knowledge base should put first in Thailand
    "danger": ({**ADULT, "work.locked_in": "yes", "work.physical_violence": "yes"},
               "prachabodi_hotline_1300"),  # the 24-hour anti-trafficking line
    "child": ({"work.country": "TH", "person.age": 16}, "childline_thailand_1387"),
    "wages": ({**ADULT, "work.wages_withheld": "yes"}, "dlpw_hotline_1546"),  # wage claims
}  # fmt: skip


def result(answers: dict[str, Any], language: str = "", **extra: str) -> str:
    state = State(answers=answers, asked=list(answers)).dumps()
    data = {"state": state, "finish": "1", **extra}
    return Client().post(f"{language}/check/question/", data).content.decode()


def primary(page: str) -> str:
    found = re.search(r'data-primary="([^"]+)"', page)
    assert found, "no primary contact"
    return found.group(1)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_puts_the_contact_for_the_persons_situation_first(persona: str):
    answers, expected = PERSONAS[persona]
    page = result(answers)
    assert f'data-situation="{persona}"' in page
    assert primary(page) == expected


def test_it_names_the_answers_that_led_to_the_result():
    page = result(PERSONAS["danger"][0])
    reasons = page.split('class="reasons"')[1].split("</ul>")[0]
    assert "Are you locked in at work or where you sleep" in reasons
    assert "Has anyone at work hit you or hurt you?" in reasons
    assert "derived." not in reasons


def test_it_says_whether_the_result_is_settled():
    assert "more questions would not change it" in result(PERSONAS["danger"][0])
    assert 'class="provisional"' in result(PERSONAS["wages"][0])


def test_it_tells_a_wage_claimant_what_to_bring():
    assert "pay slips or photos of them" in result(PERSONAS["wages"][0])


def test_it_shows_only_the_persons_own_embassy_once_the_country_is_known():
    answers = PERSONAS["wages"][0]
    assert "embassy_vietnam_bangkok" not in result(answers)  # English says nothing of it
    assert "embassy_vietnam_bangkok" in result(answers, "/vi")  # Vietnamese suggests Vietnam
    chosen = result(answers, "/vi", nationality="MM")  # the person says Myanmar
    assert "embassy_vietnam_bangkok" not in chosen
    assert 'value="MM" selected' in chosen


def test_it_never_shows_a_channel_with_nothing_to_tap():
    page = result(PERSONAS["wages"][0])
    for block in re.findall(r'data-channel="[^"]+".*?</div>', page, re.S):
        assert "href=" in block
