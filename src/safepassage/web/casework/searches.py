"""Searches that keep the name, phone or document number out of the address (issue 17): the
list's form is posted, the words are kept in the user's session under a random token, and the
list's address carries only the token (`?search=...`), so no identifier reaches the browser's
history, a proxy's or the server's access log. A token means nothing in another session."""

from __future__ import annotations

import secrets

from django.http import HttpRequest, QueryDict

KEY = "safepassage_searches"
KEPT = 20  # searches a session remembers (the oldest goes first)


def search_keep(*, request: HttpRequest, words: str) -> str:
    """The token that stands for `words` in this session."""
    kept: dict[str, str] = dict(request.session.get(KEY, {}))
    token = secrets.token_urlsafe(9)
    kept[token] = words
    request.session[KEY] = dict(list(kept.items())[-KEPT:])
    return token


def search_words(request: HttpRequest) -> str:
    """The words the address's token stands for in this session ("" for none or unknown)."""
    token = request.GET.get("search", "")
    found: dict[str, str] = request.session.get(KEY, {})
    return found.get(token, "") if token else ""


def list_address(*, request: HttpRequest) -> str:
    """The list's query string for a posted search form: its filters as they are, its words
    as a token."""
    query = QueryDict(mutable=True)
    for name, values in request.POST.lists():
        if name not in ("q", "csrfmiddlewaretoken"):
            query.setlist(name, [v for v in values if v])
    words = request.POST.get("q", "").strip()
    if words:
        query["search"] = search_keep(request=request, words=words)
    return query.urlencode()
