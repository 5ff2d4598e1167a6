"""The API's URLs, each with its access rule (tests/web/test_access_rules.py reads it): every
operation needs a token and then the web's own rules."""

from __future__ import annotations

from typing import Any

from .api import api


def api_urls() -> Any:
    patterns, app, namespace = api.urls
    for pattern in patterns:
        callback = pattern.callback
        public = ("", "docs", "openapi.json")  # the root points to the docs: no data
        rule = "public" if str(pattern.pattern) in public else "api:token"
        callback.access_rule = rule
    return patterns, app, namespace
