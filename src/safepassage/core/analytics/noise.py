"""The noise on released counts: OpenDP's discrete Laplace mechanism, and the privacy loss it
records. The unit of privacy is the case: two releases from case data that differ by one case
differ by a privacy loss of at most the release's epsilon (sequential composition over its
tables; see docs/analytics-privacy.md for what the guarantee does not cover)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import opendp.prelude as dp

dp.enable_features("contrib")


@lru_cache(maxsize=64)
def _mechanism(scale: float) -> Any:
    space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    return dp.m.make_laplace(*space, scale=scale)


def noisy(values: Sequence[int], scale: float) -> list[int]:
    """`values` each with discrete Laplace noise of `scale` (OpenDP's sampler, which is exact
    and does not leak through floating point)."""
    if not values:
        return []
    return [int(v) for v in _mechanism(float(scale))([int(v) for v in values])]


def epsilon(sensitivity: int, scale: float) -> float:
    """The privacy loss of counts whose L1 distance between neighbouring data is at most
    `sensitivity`, each with noise of `scale`: OpenDP's own privacy map, not a formula here."""
    return float(_mechanism(float(scale)).map(int(sensitivity)))


def scale_for(sensitivities: Sequence[int], budget: float) -> float:
    """The one scale at which tables of these sensitivities spend `budget` in all (the same
    noise on every count: a count means the same in every table)."""
    return sum(sensitivities) / budget
