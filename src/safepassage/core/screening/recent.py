"""A bounded cache that forgets the entry used longest ago, one at a time.

The screener's caches used to be cleared at once when full: freeing 20,000 entries in one call
stalled an interview step for 20-40 ms, and the full caches made each of Python's full garbage
collections walk hundreds of thousands of objects (up to 240 ms). Forgetting the oldest entry on
each insertion spreads the cost evenly and keeps the caches small enough to walk quickly.
Small matters too: whatever a cache holds survives into the collector's older generations, and
each of their collections walks it again.
"""

from __future__ import annotations

from collections import OrderedDict
from contextlib import suppress
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """The `limit` entries used last, the one used longest ago forgotten first."""

    __slots__ = ("_entries", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._entries: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        found = self._entries.get(key)
        if found is not None:
            # Used again: kept longest (unless another thread forgot it meanwhile: the value
            # still holds).
            with suppress(KeyError):
                self._entries.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> V:
        entries = self._entries
        entries[key] = value
        if len(entries) > self.limit:
            with suppress(KeyError):  # another thread emptied it meanwhile
                entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
