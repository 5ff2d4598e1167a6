from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def count(value: int | None) -> str:
    """A published count, or "hidden" in words (with a class the page styles)."""
    if value is None:
        return format_html('<span class="hidden-count">{}</span>', _("Hidden"))
    return format_html("{}", value)
