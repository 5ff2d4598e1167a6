"""An attacker's solver, written apart from `suppression`: given equations over published
counts and unknown (suppressed) ones, which unknowns do they fix? The tests use it to check
that nothing suppressed can be worked out."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

# A term of an equation: (a name, its published value or None if suppressed, its sign); each
# equation says its terms sum to zero.
Term = tuple[str, int | None, int]


def fixed(lines: Sequence[Sequence[Term]]) -> list[str]:
    """The unknowns whose value the equations determine (exact Gauss-Jordan elimination)."""
    names = sorted({name for line in lines for name, value, _ in line if value is None})
    index = {name: i for i, name in enumerate(names)}
    rows = []
    for line in lines:
        row = [Fraction(0)] * (len(names) + 1)
        for name, value, sign in line:
            if value is None:
                row[index[name]] += sign
            else:
                row[-1] -= sign * value
        rows.append(row)
    rank = 0
    for col in range(len(names)):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        rows[rank] = [v / rows[rank][col] for v in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][col] != 0:
                rows[i] = [a - rows[i][col] * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    found = []
    for row in rows[:rank]:
        nonzero = [j for j in range(len(names)) if row[j]]
        if len(nonzero) == 1:
            found.append(names[nonzero[0]])
    return found
