"""Every route of the application, with its access rule and a concrete URL to try."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

# Views from Django itself that are public by nature (switching language).
THIRD_PARTY_PUBLIC = {"set_language"}


@dataclass
class Route:
    name: str
    pattern: str
    view: Any

    @property
    def rule(self) -> str | None:
        view = self.view
        rule = getattr(view, "access_rule", None)
        if rule is None and hasattr(view, "view_class"):
            rule = getattr(view, "access_rule", None)
        if rule is None and self.name in THIRD_PARTY_PUBLIC:
            return "public"
        return rule

    def url(self, **ids: int | str) -> str:
        path = self.pattern
        for key, value in ids.items():
            path = re.sub(rf"<(?:\w+:)?{key}>", str(value), path)
        return "/" + path


def routes() -> Iterator[Route]:
    yield from _walk(get_resolver().url_patterns, "", "")


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        text = str(entry.pattern)
        if text.startswith("^") or text == "en/":  # i18n prefix: the default language has none
            text = ""
        if isinstance(entry, URLResolver):
            space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + text, space)
        elif isinstance(entry, URLPattern):
            yield Route(f"{namespace}{entry.name}", prefix + text, entry.callback)
