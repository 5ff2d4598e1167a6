"""The self-check's request to be contacted: one Send is enough, the form is protected without
cookies, a burst from one address is refused, and the case keeps how to reach the person safely."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client, override_settings

from safepassage.web.casework.models import Case, Organisation
from safepassage.web.selfcheck.state import State

pytestmark = pytest.mark.django_db
ANSWERS = State(
    answers={"work.country": "TH", "work.wages_withheld": "yes", "person.age": 30},
    asked=["work.country", "work.wages_withheld", "person.age"],
).dumps()


def _field(page: str, name: str) -> str:
    return page.split(f'name="{name}" value="')[1].split('"')[0]


def _checked(page: str, name: str) -> str:
    """The value a browser sends for a radio group: the one marked checked."""
    found = re.search(rf'<input type="radio" name="{name}" value="([^"]*)"[^>]*checked', page)
    assert found, name
    return found.group(1)


def first_send(client: Client, language: str = "", **typed: str) -> Any:
    """Open the contact form and press Send once, with what a person types and the choices
    the form already shows (as a browser would send them)."""
    page = client.post(f"{language}/check/contact/", {"state": ANSWERS}).content.decode()
    data = {"state": _field(page, "state"), "send": "1", "token": _field(page, "token")}
    for group in ("organisation", "how", "when", "leave_message"):
        data[group] = _checked(page, group)
    return client.post(f"{language}/check/contact/", {**data, **typed})


def test_it_succeeds_on_the_first_send_with_one_organisation(org: Organisation):
    response = first_send(Client(), phone="0812345678", consent="on")
    assert response.status_code == 200
    case = Case.objects.get()
    assert case.organisation == org
    assert case.reference in response.content.decode()


def test_it_prefers_an_organisation_working_where_the_person_works(org: Organisation):
    Organisation.objects.create(
        name="Aaa Cambodia", slug="aaa", country="KH", accepts_self_check=True
    )
    org.country = "TH"
    org.save()
    first_send(Client(), phone="0812345678", consent="on")
    assert Case.objects.get().organisation == org  # the person works in Thailand


def test_it_records_the_language_the_result_and_the_safe_way_to_call(org: Organisation):
    typed = {"phone": "0812345678", "consent": "on", "code_word": "mango"}
    page = first_send(Client(), "/my", **typed).content.decode()
    case = Case.objects.get()
    assert case.language == "my"
    assert case.level == "labour_exploitation" or case.level
    assert case.asked == ["work.country", "work.wages_withheld", "person.age"]
    assert case.safe_contact == {
        "how": "call",
        "when": "any",
        "leave_message": "no",
        "code_word": "mango",
    }
    assert "mango" not in page  # the code word is the caller's to say, not shown back


def test_it_tells_the_person_how_the_caller_will_be_known(org: Organisation):
    with_word = first_send(Client(), phone="0812345678", consent="on", code_word="mango")
    text = with_word.content.decode()
    assert "within two working days" in text
    assert "If someone does not know your code word, do not trust them" in text
    without = first_send(Client(), phone="0899999999", consent="on").content.decode()
    assert "If someone does not know the reference, do not trust them" in without
    assert 'class="primary-contact"' in without  # the help list again


def test_it_names_the_consent_field_in_a_short_sentence(org: Organisation):
    response = first_send(Client(), phone="0812345678")
    assert response.status_code == 400
    text = response.content.decode()
    assert "I agree to be contacted" in text
    assert "nothing is reported to the police" in text  # the explanation stays beside the box
    errors = text.split('class="errorlist')[1].split("</ul>")[0]
    assert "police" not in errors  # the error names the field, it does not quote the text


def test_it_refuses_a_request_without_the_form_token(org: Organisation):
    data = {"state": ANSWERS, "send": "1", "organisation": org.pk, "phone": "0812345678"}
    data |= {"how": "call", "when": "any", "leave_message": "no", "consent": "on"}
    response = Client().post("/check/contact/", {**data, "token": "forged"})
    assert response.status_code == 400
    assert "open too long" in response.content.decode()
    assert Case.objects.count() == 0


@override_settings(SAFEPASSAGE_CONTACT_LIMIT=3)
def test_it_refuses_a_burst_from_one_address_with_a_clear_message(org: Organisation):
    client = Client(REMOTE_ADDR="203.0.113.7")
    codes = [
        first_send(client, phone=f"08123456{i:02d}", consent="on").status_code for i in range(3)
    ]
    assert codes == [200, 200, 200]
    refused = first_send(client, phone="0812345699", consent="on")
    assert refused.status_code == 429
    assert "Please wait ten minutes" in refused.content.decode()
    assert Case.objects.count() == 3
    other = first_send(Client(REMOTE_ADDR="198.51.100.9"), phone="0812345600", consent="on")
    assert other.status_code == 200  # another address has its own count


REDIS = "redis://127.0.0.1:6379/15"


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def test_it_counts_the_limit_in_redis_shared_by_every_process(org: Organisation):
    """Two app processes share one count: here, two cache connections to the same Redis."""
    import os

    if not _redis_answers():
        assert not os.environ.get("CI"), "CI starts Redis on 127.0.0.1:6379"
        pytest.skip("no Redis on 127.0.0.1:6379 on this machine (CI has one)")
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS}
    }
    with override_settings(CACHES=caches, SAFEPASSAGE_CONTACT_LIMIT=2):
        client = Client(REMOTE_ADDR="203.0.113.8")
        codes = [
            first_send(client, phone=f"08123457{i:02d}", consent="on").status_code for i in range(3)
        ]
        keys = redis.Redis.from_url(REDIS).keys("*selfcheck:contact:*")
    assert codes == [200, 200, 429]
    assert keys  # counted in Redis, not in this process's memory
    assert not any(b"203.0.113.8" in key for key in keys)  # the address only as a keyed hash
