"""A help channel's contacts must work on a phone: one number per `phone`, chat links each app
opens, and at least one contact for a channel meant for migrants or children."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from safepassage.core.knowledge import check_knowledge, load_knowledge
from safepassage.core.knowledge.contacts import CONTACTS, REACHING, phone_problem
from safepassage.core.knowledge.contracts import COUNTRIES, COUNTRY_TOPICS
from safepassage.core.knowledge.schema import Channel
from safepassage.core.knowledge.validate import check_records, validate_document
from safepassage.core.knowledge.yamlsource import parse_yaml

from .builders import CITATION, write_layer

FILE = "countries/TH/help_channels.yaml"


def channel_topic(**fields: str) -> str:
    """A help_channels topic holding one channel with `fields` (YAML text) over the defaults."""
    value = {"name": "Example line", "kind": "hotline", "audience": "[migrants]"}
    value.update({"phone": '"1387"', "languages": "[th]"})
    value.update(fields)
    lines = "\n".join(f"          {key}: {text}" for key, text in value.items() if text)
    return (
        textwrap.dedent(
            """\
        description: Help channels for tests
        parameters:
          example_line:
            description: An example line
            type: channel
            values:
              2024-01-01:
                value:
        """
        )
        + f"{lines}\n        citation: {CITATION}\n        verified: true\n"
    )


def problems_in(text: str, scope: str = "TH") -> list[str]:
    doc = parse_yaml(text, f"countries/{scope}/help_channels.yaml")
    topic = validate_document(doc)
    if topic is not None:
        check_records(topic, COUNTRY_TOPICS["help_channels"], doc, scope)
    return [str(p) for p in doc.problems]


def test_it_accepts_every_contact_in_the_shape_its_app_opens():
    text = channel_topic(
        phone='"+66 2 251 3552"',
        phone_then="press 7 for Burmese",
        line="'@mapfoundation'",
        messenger="https://m.me/childlinethailand",
        facebook="https://www.facebook.com/mwrnorg/",
        whatsapp="https://wa.me/66812345678",
        viber="viber://chat?number=%2B66812345678",
        zalo="https://zalo.me/84981848484",
        telegram="https://t.me/mlvt_jobs",
        email="help@example.org",
        url="https://www.example.org/help",
    )
    assert problems_in(text) == []


@pytest.mark.parametrize(
    "line",
    ["'@mapfoundation'", "https://line.me/R/ti/p/@mapfoundation", "https://line.me/ti/p/~mapfdn"],
)
def test_it_accepts_each_published_form_of_a_line_contact(line):
    assert problems_in(channel_topic(line=line)) == []


@pytest.mark.parametrize("code", ["191", "1387", "1300", "12308"])
def test_it_accepts_a_short_code_of_three_to_five_digits(code):
    assert phone_problem(code, ["TH"]) is None


@pytest.mark.parametrize(
    ("phone", "regions"),
    [
        ("034 434 726", ["TH"]),
        ("1800 010 180", ["TH"]),
        ("012 311 112", ["KH"]),
        ("+84 24 3824 9517", ["TH"]),
    ],
)
def test_it_accepts_one_valid_number_national_or_international(phone, regions):
    assert phone_problem(phone, regions) is None


def test_it_reads_a_national_number_in_the_countries_where_the_channel_is():
    text = channel_topic(phone='"012 311 112"', countries="[KH]")
    assert problems_in(text) == []
    assert problems_in(channel_topic(phone='"012 311 112"')) != []  # not a Thai number


def test_it_refuses_an_instruction_in_the_phone_and_points_to_phone_then():
    [problem] = problems_in(channel_topic(phone='"1111 (press 77)"'))
    assert problem == (
        f"{FILE}:12: parameters.example_line.values.2024-01-01.value.phone: '1111 (press 77)' "
        "mixes a number with an instruction; keep only the number in `phone` and put the "
        "instruction (e.g. 'then press 77') in `phone_then`"
    )


@pytest.mark.parametrize(
    "phone",
    [
        '"+855 23 726 274 (embassy); +855 34 934 039 (consulate); +84 981 84 84 84"',
        '"031 20 12345; 031 60 12345"',
        '"067-430183 or 067-430284"',
        '"+66 2 251 3552 +66 2 251 3553"',
    ],
)
def test_it_refuses_several_numbers_in_one_phone(phone):
    [problem] = problems_in(channel_topic(phone=phone, countries="[KH, MM, TH]"))
    assert "value.phone: " in problem
    assert "holds several numbers; keep one in `phone` and put the others in the note" in problem


def test_it_refuses_words_in_the_phone():
    [problem] = problems_in(channel_topic(phone='"023 63 66 991 (Treatment Center)"'))
    assert "has letters or signs a phone cannot dial; keep only the number in `phone`" in problem


@pytest.mark.parametrize("phone", ['"12"', '"123456"', '"0212345670213456"', '"02 000"'])
def test_it_refuses_a_number_that_is_not_valid(phone):
    [problem] = problems_in(channel_topic(phone=phone))
    assert "is not a valid phone number in TH nor a short code of 3-5 digits" in problem


def test_it_refuses_an_instruction_with_nothing_to_dial():
    [problem] = problems_in(
        channel_topic(phone="", url="https://example.org", phone_then="press 7")
    )
    assert "value.phone_then: an instruction after dialling needs a `phone`" in problem


@pytest.mark.parametrize(
    ("key", "given", "expected"),
    [
        ("line", "mapfoundation", "a LINE id such as @mapfoundation"),
        ("line", "https://line.me/en/", "a LINE id such as @mapfoundation"),
        ("messenger", "https://www.facebook.com/messages/t/x", "https://m.me/<page name or id>"),
        ("facebook", "www.facebook.com/tpocambodia", "https://www.facebook.com/<page>"),
        (
            "facebook",
            "https://www.facebook.com/www.facebook.com/x",
            "https://www.facebook.com/<page>",
        ),
        ("whatsapp", "https://wa.me/+66812345678", "https://wa.me/<country code and number"),
        ("whatsapp", "0812345678", "https://wa.me/<country code and number"),
        ("viber", "'+66812345678'", "viber://chat?number=%2B<digits>"),
        ("zalo", "zalo.me/84981848484", "https://zalo.me/<phone digits or official-account id>"),
        ("telegram", "Job Search - MLVT (Telegram group)", "https://t.me/<name>"),
        ("email", "help at example.org", "one email address such as help@example.org"),
    ],
)
def test_it_refuses_a_chat_or_email_contact_of_the_wrong_shape(key, given, expected):
    [problem] = problems_in(channel_topic(**{key: given}))
    assert f"value.{key}: " in problem
    assert f"is not a valid `{key}` contact; write " in problem
    assert expected in problem


def test_it_refuses_a_whatsapp_link_to_a_number_that_does_not_exist():
    [problem] = problems_in(channel_topic(whatsapp="https://wa.me/6600000000"))
    assert "6600000000 is not a valid international number; fix the digits" in problem


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example", "is not a web address; write https://<host>/<path>"),
        ("https://exa mple.org", "is not valid for `url`; it must start with http"),
        ("https://www.facebook.com/www.facebook.com/page", "repeats the Facebook address"),
    ],
)
def test_it_refuses_a_url_a_browser_could_not_open(url, expected):
    [problem] = problems_in(channel_topic(url=f"'{url}'"))
    assert "value.url: " in problem
    assert expected in problem


@pytest.mark.parametrize("audience", ["[migrants]", "[children]", "[employers, children]"])
def test_it_refuses_a_channel_for_migrants_or_children_with_no_contact(audience):
    [problem] = problems_in(channel_topic(phone="", audience=audience))
    assert (
        ":11: parameters.example_line.values.2024-01-01.value.audience: a channel for " in problem
    )
    assert "has no contact; add a phone, chat link, email or url" in problem


def test_it_allows_a_channel_for_professionals_with_no_contact():
    assert problems_in(channel_topic(phone="", audience="[professionals]")) == []


def test_it_refuses_a_channel_that_does_not_say_who_it_is_for():
    [problem] = problems_in(channel_topic(audience=""))
    assert problem.endswith("value.audience: 'audience' is required here; add it")
    [problem] = problems_in(channel_topic(audience="[]"))
    assert problem.endswith("value.audience: must not be empty; add a value")
    [problem] = problems_in(channel_topic(audience="[tourists]"))
    assert "'tourists' is not allowed; use one of 'migrants', 'children'" in problem


def test_it_reports_every_broken_contact_of_a_channel_one_line_each():
    text = channel_topic(
        phone='"1111 press 77"', facebook="facebook.com/x", email="nobody", url="'https://x'"
    )
    problems = problems_in(text)
    assert [p.split(": ")[1].rsplit(".", 1)[1] for p in problems] == [
        "phone",
        "facebook",
        "email",
        "url",
    ]


def test_it_reports_a_broken_contact_in_an_overlay_with_its_file_and_line(tmp_path: Path):
    overlay = channel_topic(phone='"1111 (press 77)"')
    layer = write_layer(tmp_path / "org", {FILE: overlay})
    problems = [str(p) for p in check_knowledge([layer], env={})]
    assert len(problems) == 1
    assert problems[0].endswith(
        "org/countries/TH/help_channels.yaml:12: parameters.example_line.values.2024-01-01."
        "value.phone: '1111 (press 77)' mixes a number with an instruction; keep only the "
        "number in `phone` and put the instruction (e.g. 'then press 77') in `phone_then`"
    )


@pytest.fixture(scope="module")
def channels() -> list[tuple[str, str, Channel]]:
    knowledge = load_knowledge(env={})
    return [
        (country, param.name, value.value)
        for country in COUNTRIES
        for param in knowledge.topic(country, "help_channels")
        for series in param.all_series()
        for value in series.entries
        if isinstance(value.value, Channel)
    ]


def test_every_shipped_channel_for_migrants_or_children_has_a_working_contact(channels):
    for country, name, channel in channels:
        if REACHING & set(channel.audience):
            assert any(getattr(channel, key) for key in CONTACTS), f"{country} {name}"
        if channel.phone:
            regions = channel.countries or [country]
            assert phone_problem(channel.phone, regions) is None, f"{country} {name}"


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_has_a_child_helpline_to_call(channels, country):
    lines = [
        name
        for c, name, channel in channels
        if c == country and "children" in channel.audience and channel.phone
    ]
    assert lines, f"{country} has no help channel for children with a phone number"


def test_a_brand_audit_complaint_is_not_offered_to_migrants(channels):
    for country, name, channel in channels:
        if name in ("fair_labor_association", "fla_third_party_complaint"):
            assert "migrants" not in channel.audience, f"{country} {name}"
