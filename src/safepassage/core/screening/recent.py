"""A bounded cache that forgets its oldest entry, one at a time.

The screener's caches used to be cleared at once when full: freeing 20,000 entries in one call
stalled an interview step for 20-40 ms, and the full caches made each of Python's full garbage
collections walk hundreds of thousands of objects (up to 240 ms). Forgetting the oldest entry on
each insertion spreads the cost evenly and keeps the caches small enough to walk quickly.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """The last `limit` entries put, oldest forgotten first."""

    __slots__ = ("_entries", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._entries: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        return self._entries.get(key)

    def put(self, key: K, value: V) -> V:
        entries = self._entries
        entries[key] = value
        if len(entries) > self.limit:
            entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
