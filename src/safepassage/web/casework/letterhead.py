"""What every document of a case opens with (the organisation, the date in the document's
language, who made it, the case's reference): shared by the case's own documents and the
letters up the supply chain."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..documents.dates import long_date
from .access import Action, require


def person(user: Any) -> str:
    return str(user.get_full_name() or user.username)


def letterhead(*, user: Any, case: Any, language: str, today: date) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "organisation": require(user, Action.VIEW).organisation.name,
        "made_on": long_date(today, language),
        "made_by": person(user),
    }
