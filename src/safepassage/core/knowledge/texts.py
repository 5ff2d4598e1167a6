"""The knowledge base's words that people read, and whether each is translated.

Help channels and responses carry text that reaches a migrant or a case worker (a channel's
name, hours and what it helps with; a response's name, summary, what it needs, its risks). Each
is a gettext message: `make messages` extracts them (scripts/messages.py) beside the code's
messages, the pages translate them on the way out, and `knowledge check` names every one that a
language's catalogue lacks (file, line, key, language). A channel whose name is a proper name
(`proper_name: true`) keeps it as written, in every language.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Knowledge, Value
from .problems import Problem
from .schema import Channel, Response

CHANNEL_FIELDS = ("name", "hours", "location", "phone_then")
CHANNEL_LISTS = ("serves",)
RESPONSE_FIELDS = (
    "name", "summary", "risk_notes", "typical_time", "typical_cost", "takes_part",
    "political_economy",
)  # fmt: skip
RESPONSE_LISTS = ("requires",)
# Framework texts that documents quote to their readers (the Employer Pays principle in a letter
# to a buyer), by parameter name.
QUOTED = frozenset({"employer_pays_principle"})
LANGUAGES = {"th": "Thai", "km": "Khmer", "lo": "Lao", "my": "Burmese", "vi": "Vietnamese"}


@dataclass(frozen=True)
class Text:
    """One text people read, where it is: file, line and key (parameter.field)."""

    text: str
    file: str
    line: int | None
    key: str


def user_texts(knowledge: Knowledge, shipped_only: bool = True) -> Iterator[Text]:
    """Every user-facing text of the knowledge base's channels and responses, in file order:
    of the shipped data (the project's catalogues translate it), or of every layer (an
    organisation's overlay is in its own words, which the catalogues cannot know)."""
    for (_scope, _topic, name), param in knowledge.parameters.items():
        for series in param.all_series():
            for value in series.entries:
                if value.layer == "shipped" or not shipped_only:
                    yield from _texts_of(value, name)


def _texts_of(value: Value, name: str) -> Iterator[Text]:
    item = value.value
    if isinstance(item, Channel):
        fields = [f for f in CHANNEL_FIELDS if not (f == "name" and item.proper_name)]
        lists = CHANNEL_LISTS
    elif isinstance(item, Response):
        fields, lists = list(RESPONSE_FIELDS), RESPONSE_LISTS
        if item.remote is not None:
            yield Text(item.remote.how, value.file, value.line, f"{name}.remote.how")
    elif name in QUOTED and isinstance(item, str):
        yield Text(item, value.file, value.line, name)
        return
    else:
        return
    for field in fields:
        text = getattr(item, field)
        if text:
            yield Text(text, value.file, value.line, f"{name}.{field}")
    for field in lists:
        for index, text in enumerate(getattr(item, field)):
            yield Text(text, value.file, value.line, f"{name}.{field}[{index}]")


def untranslated(knowledge: Knowledge, locale: Path) -> list[Problem]:
    """One problem per text and language whose catalogue has no translation for it."""
    catalogues = {code: _catalogue(locale, code) for code in LANGUAGES}
    problems = []
    for text in user_texts(knowledge):
        for code, catalogue in catalogues.items():
            if not catalogue.get(text.text):
                message = (
                    f"no {LANGUAGES[code]} translation; run `make messages` and translate it in "
                    f"locale/{code}/LC_MESSAGES/django.po"
                )
                problems.append(Problem(text.file, text.line, (text.key,), message))
    return problems


def _catalogue(locale: Path, code: str) -> dict[str, str]:
    try:
        found = gettext.translation("django", locale, [code])
    except OSError:
        return {}
    return dict(getattr(found, "_catalog", {}))
