"""Reads of analytics, scoped to the user's organisation: releases only, never a case."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from ...core.analytics.dashboard import ReleaseData
from ..common.roles import Action, require
from .models import Release


def release_list(*, user: Any) -> list[Release]:
    member = require(user, Action.ANALYSE)
    return list(Release.objects.filter(organisation_id=member.organisation_id)[:50])


def release_get(*, user: Any, release_id: int | None) -> Release | None:
    """The organisation's release `release_id`, or its latest (None if it has none yet); a
    release of another organisation is not found (404), as if it did not exist."""
    member = require(user, Action.ANALYSE)
    found = Release.objects.filter(organisation_id=member.organisation_id)
    if release_id is None:
        return found.first()
    release = found.filter(pk=release_id).first()
    if release is None:
        raise Http404
    return release


def release_data(release: Release) -> ReleaseData:
    return ReleaseData.model_validate(release.data)
