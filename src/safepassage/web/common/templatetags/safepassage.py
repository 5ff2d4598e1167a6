from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, str]]:
    """The current page in each language (a link, so no cookie is needed to switch)."""
    request = context["request"]
    path = request.get_full_path()
    return [
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
    ]


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")
