"""Typing slips in names, read against the population's own names: a name written once that is
one slip (a letter dropped, added, changed, or two swapped) from a name written more often is
read as that name ("Thein ein" beside many "Thein Sein"). No dictionary of names is needed, and
none would do: the names a caseload holds are its own. Whole names, not words: a short word is
one slip from many others ("ein": Sein, Win, Min), a whole name from few. A name with two such
neighbours is left as it is, and so is a name whose words others have too (`slips`). What
this reading is worth is not assumed: linkage gives the pairs that agree only once a slip is
read their own level, whose u it measures on the population (where two strangers' rare names
are one slip apart, it counts for less)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable


def slips(names: Iterable[str]) -> dict[str, str]:
    """Each name (its words, one space between) read as the name it is one slip from, where
    it has a word seen nowhere else (a slip makes a word no one has: "ein"; two strangers'
    names one letter apart, "Zaw Min" and "Zaw Win", are made of words others have too) and is
    one slip from exactly one name seen more often (letters compared without the spaces; the
    name it is read as, as that name is most often spaced)."""
    names = list(names)
    rare = {w for w, n in Counter(w for name in names for w in name.split()).items() if n == 1}
    glued = [name.replace(" ", "") for name in names]
    found = corrections(glued, shortest=6)
    read = {name: found[g] for name, g in zip(names, glued, strict=True) if g in found}
    read = {name: target for name, target in read.items() if rare & set(name.split())}
    wanted = set(read.values())
    spaced: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, g in zip(names, glued, strict=True):
        if g in wanted:
            spaced[g][name] += 1
    return {name: spaced[target].most_common(1)[0][0] for name, target in read.items()}


def corrections(words: Iterable[str], shortest: int = 3) -> dict[str, str]:
    """Each word (or name) seen once that is one slip from exactly one seen more often, and
    that one. Found by deletions (a slip and its word share a form with one letter deleted,
    or are one), so a large vocabulary costs a few look-ups a word."""
    counts = Counter(words)
    index: dict[str, set[str]] = {}
    for word, count in counts.items():
        if count > 1 and len(word) >= shortest:
            for form in _deletions(word) | {word}:
                index.setdefault(form, set()).add(word)
    ends = _ends(w for w, n in counts.items() if n > 1 and len(w) >= shortest)
    found = {}
    for word, count in counts.items():
        if count == 1 and len(word) >= shortest and _may_slip(word, ends):
            near = {v for form in _deletions(word) | {word} for v in index.get(form, ())}
            near = {v for v in near if _one_slip(word, v)}
            if len(near) == 1:
                found[word] = near.pop()
    return found


# A slip (one or two neighbouring letters) in a word of at least this many letters leaves its
# first three or its last three as they were: a cheap test before the deletions are looked up.
_ENDS_FROM = 7


def _ends(words: Iterable[str]) -> set[tuple[str, int]]:
    """The first and last three letters of each word, by the lengths a slip of it may have."""
    found: set[tuple[str, int]] = set()
    for word in words:
        for length in (len(word) - 1, len(word), len(word) + 1):
            found.update(((word[:3], length), ("-" + word[-3:], length)))
    return found


def _may_slip(word: str, ends: set[tuple[str, int]]) -> bool:
    """Whether `word` may be one slip from a word of `ends`: always, if it is short."""
    n = len(word)
    return n < _ENDS_FROM or (word[:3], n) in ends or ("-" + word[-3:], n) in ends


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip(a: str, b: str) -> bool:
    """One letter dropped, added or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    i, j = [*diff, 0, 0][:2]
    return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
