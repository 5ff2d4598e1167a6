"""The name and phone comparisons Splink scores a pair of spellings by, and the settings that
hold them: the name's levels (the same letters, the same sound in two scripts, ..., similar merged
consonants) as SQL over the columns `linkage.rows` makes, a shared phone number, and the blocking
rules that form the candidate pairs (docs/actors-linkage.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def _similar(column: str, at_least: float) -> str:
    """SQL: the two values' Levenshtein similarity (1 - distance / the longer's length) is at
    least `at_least`. Normalised, so one edit in "MN" is not as close as one in "TMKST"."""
    left, right = f'"{column}_l"', f'"{column}_r"'
    longer = f"greatest(length({left}), length({right}))"
    return f"1 - levenshtein({left}, {right}) / {longer} >= {at_least}"


def _exact(column: str) -> str:
    return f'"{column}_l" = "{column}_r"'


def _other(column: str) -> str:
    return f'"{column}_l" <> "{column}_r"'


def _alike() -> list[tuple[str, str]]:
    """The name's closest levels, each an SQL condition and a label: all of them imply the
    same `rough` sound, so `own_u` can count the pairs at each over the whole population."""
    return [
        (_exact("latin"), "same letters"),
        (f"{_exact('sound')} AND {_other('script')}", "one sound, two scripts"),
        (f'{_exact("sound")} AND length("sound_l") >= 6', "same long sound"),
        (_exact("sound"), "same sound"),
        (f"{_exact('rough')} AND {_other('script')}", "one rough sound, two scripts"),
        (_exact("rough"), "same rough sound"),
    ]


# The same (rough) sound once a typing slip in one of the two is read as the word it is one
# slip from (`typos`): the level after `_alike`, so its pairs have different rough sounds.
_SLIP = f'{_exact("fixed")} AND ("slipped_l" OR "slipped_r")'


def _levels() -> list[tuple[str, str]]:
    """The name comparison's levels below its null level and above its else level."""
    return [
        *_alike(),
        (_SLIP, "one sound once a slip is read"),
        (f"{_similar('sound', 0.85)} AND {_similar('skeleton', 0.8)}", "nearly one sound"),
        (_exact("skeleton"), "same consonants, other vowels"),
        (_similar("sound", 0.7), "similar sound"),
        (_similar("coarse", 0.8), "similar merged skeleton"),
    ]


def _name_comparison() -> Any:
    """One comparison of the name, levels from the closest: the same letters; the same sound
    (in two scripts, long, or any); the same once the nasals Thai confuses are merged (in two
    scripts or one); nearly the same sound (a typo); the same consonants with other vowels; a
    similar sound; similar merged consonants. One comparison, not several, since the levels
    are not independent evidence: a pair with the same consonants but other vowels is most
    often two names (Thein and Htun, Kyi and Kyaw), which two comparisons would count as half
    a match. Two spellings alike in sound but not in letters are most often one name in two
    scripts, or two names in one (Latin "Pha Kee" and "Phaa Ki"): the script tells them apart."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("sound"),
            *(cll.CustomLevel(sql, label) for sql, label in _levels()),
            cll.ElseLevel(),
        ],
    )


SHARED_PHONE = 1e-4  # two unrelated people with one number: family phones, a SIM passed on


def _phone_comparison() -> Any:
    """A phone number in common. Its u is fixed, not sampled: pairs of spellings that both
    have a phone are too few on most caseloads for a random sample to say how often unrelated
    ones share (on a test's two it said always)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="phones",
        comparison_levels=[
            cll.NullLevel("phones"),
            cll.ArrayIntersectLevel("phones", 1).configure(
                u_probability=SHARED_PHONE, fix_u_probability=True
            ),
            cll.ElseLevel().configure(u_probability=1 - SHARED_PHONE, fix_u_probability=True),
        ],
    )


Probabilities = Mapping[str, Sequence[float]]


def _settings(
    m: Probabilities | None = None, u: Probabilities | None = None, chance: float = 0.0005
) -> Any:
    from splink import SettingsCreator, block_on

    comparisons = {
        "name": _name_comparison(),
        "phones": _phone_comparison(),
    }
    for column, values in (m or {}).items():
        comparisons[column] = comparisons[column].configure(m_probabilities=list(values))
    for column, values in (u or {}).items():
        if column != "phones":  # its u is fixed in the comparison itself
            comparisons[column] = comparisons[column].configure(u_probabilities=list(values))
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=list(comparisons.values()),
        blocking_rules_to_generate_predictions=[
            block_on("coarse"),
            block_on("first"),
            block_on("last"),
            block_on("sorted"),
            block_on("fixed"),
            block_on("phone"),
        ],
        probability_two_random_records_match=chance,
        retain_matching_columns=False,
    )
