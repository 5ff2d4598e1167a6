"""The shape of a help channel's contacts: what a phone dials and a chat app opens must work.

A `phone` is one number or short code (a `tel:` link dials exactly it); chat contacts are the links
or ids each app publishes; a channel meant for migrants or children needs at least one contact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from urllib.parse import urlsplit

import phonenumbers

from .schema import Channel

CHATS = ("line", "messenger", "facebook", "whatsapp", "viber", "zalo", "telegram")
CONTACTS = ("phone", *CHATS, "email", "url")
# Ways to reach a provider from another country (a phone number only in international form).
REMOTE_CONTACTS = (*CHATS, "email", "url")
# Who must be able to reach a channel: these audiences are shown the channel in the self-check.
REACHING = frozenset({"migrants", "children"})

SHORT_CODE = re.compile(r"\d{3,5}")
PHONE_CHARACTERS = re.compile(r"\+?[\d\s().-]+")
INSTRUCTION = re.compile(r"\b(press|option|ext|extension|then|dial)\b", re.IGNORECASE)

_ID = r"[A-Za-z0-9._-]+"
SHAPES: dict[str, tuple[re.Pattern[str], str]] = {
    "line": (
        re.compile(
            rf"@{_ID}|https://line\.me/R/ti/p/(@|%40){_ID}"
            r"|https://line\.me/(R/)?ti/p/[~@%A-Za-z0-9._-]+|https://lin\.ee/[A-Za-z0-9]+"
        ),
        "a LINE id such as @mapfoundation, https://line.me/R/ti/p/@id or https://line.me/ti/p/...",
    ),
    "messenger": (
        re.compile(r"https://m\.me/[A-Za-z0-9.-]+/?"),
        "a Messenger link https://m.me/<page name or id>",
    ),
    "facebook": (
        re.compile(r"https://www\.facebook\.com/(?!www\.|facebook\.com)[A-Za-z0-9.%_/?=&-]+"),
        "a Facebook page link https://www.facebook.com/<page>",
    ),
    "whatsapp": (
        re.compile(r"https://wa\.me/([1-9]\d{6,14}|message/[A-Z0-9]+)"),
        "a WhatsApp link https://wa.me/<country code and number, digits only>",
    ),
    "viber": (
        re.compile(
            r"viber://chat\?number=(%2B)?[1-9]\d{6,14}|viber://pa\?chatURI=[A-Za-z0-9._-]+"
            r"|https://invite\.viber\.com/\?g2?=[A-Za-z0-9_-]+|https://vb\.me/[A-Za-z0-9_-]+"
        ),
        "a Viber link viber://chat?number=%2B<digits>, viber://pa?chatURI=<id>, "
        "https://invite.viber.com/?g2=... or https://vb.me/<id>",
    ),
    "zalo": (
        re.compile(r"https://zalo\.me/(g/)?[A-Za-z0-9]+"),
        "a Zalo link https://zalo.me/<phone digits or official-account id>",
    ),
    "telegram": (
        re.compile(r"https://t\.me/([A-Za-z][A-Za-z0-9_]{3,31}|\+[A-Za-z0-9_-]+|joinchat/\S+)"),
        "a Telegram link https://t.me/<name>",
    ),
    "email": (
        re.compile(r"[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"),
        "one email address such as help@example.org",
    ),
}
HOST = re.compile(r"([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|xn--[a-z0-9-]+(\.[a-z0-9-]+)+")


def channel_problems(channel: Channel, scope: str) -> Iterator[tuple[str, str]]:
    """(field, what to fix) for each contact of `channel` that a phone could not use."""
    if channel.phone is not None:
        problem = phone_problem(channel.phone, channel.countries or [scope])
        if problem:
            yield "phone", problem
    elif channel.phone_then is not None:
        yield "phone_then", "an instruction after dialling needs a `phone`; add it or remove this"
    for key, (pattern, expected) in SHAPES.items():
        given = getattr(channel, key)
        if given is not None and (problem := _shape_problem(key, given, pattern, expected)):
            yield key, problem
    if channel.url is not None and (problem := url_problem(channel.url)):
        yield "url", problem
    reaching = sorted(REACHING & set(channel.audience))
    if reaching and not any(getattr(channel, key) for key in CONTACTS):
        yield (
            "audience",
            f"a channel for {' and '.join(reaching)} has no contact; add a phone, chat link, "
            "email or url, or remove it from that audience",
        )


def phone_problem(phone: str, regions: Sequence[str]) -> str | None:
    """Why `phone` is not exactly one number or short code dialable in `regions`, or None."""
    if SHORT_CODE.fullmatch(phone):
        return None
    found = [m.raw_string for r in regions for m in phonenumbers.PhoneNumberMatcher(phone, r)]
    if len(set(found)) > 1 or phone.count("+") > 1:
        return (
            f"{phone!r} holds several numbers; keep one in `phone` and put the others in the note "
            "(or give each its own channel)"
        )
    if INSTRUCTION.search(phone):
        return (
            f"{phone!r} mixes a number with an instruction; keep only the number in `phone` and "
            "put the instruction (e.g. 'then press 77') in `phone_then`"
        )
    if not PHONE_CHARACTERS.fullmatch(phone):
        return (
            f"{phone!r} has letters or signs a phone cannot dial; keep only the number in `phone` "
            "and put any words in the note"
        )
    if not any(_valid_number(phone, region) for region in regions):
        where = "/".join(regions)
        return (
            f"{phone!r} is not a valid phone number in {where} nor a short code of 3-5 digits; "
            "write one number (with +country code when it is abroad)"
        )
    return None


def _valid_number(phone: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def _shape_problem(key: str, given: str, pattern: re.Pattern[str], expected: str) -> str | None:
    if not pattern.fullmatch(given):
        return f"{given!r} is not a valid `{key}` contact; write {expected}"
    check = _EXTRA.get(key)
    return check(given) if check else None


def _whatsapp_number(given: str) -> str | None:
    digits = given.removeprefix("https://wa.me/")
    if digits.isdigit() and not _valid_number(f"+{digits}", "ZZ"):
        return f"{given!r}: {digits} is not a valid international number; fix the digits"
    return None


_EXTRA: dict[str, Callable[[str], str | None]] = {"whatsapp": _whatsapp_number}


def url_problem(url: str) -> str | None:
    """Why `url` is not a web address a phone's browser could open, or None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not HOST.fullmatch(host):
        return f"{url!r} is not a web address; write https://<host>/<path>"
    if "facebook.com" in host and "facebook.com" in parts.path:
        return f"{url!r} repeats the Facebook address; write https://www.facebook.com/<page>"
    return None
