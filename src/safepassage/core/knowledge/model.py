"""The effective knowledge: every parameter's dated values, merged over layers, asked "as of D"."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .problems import LookupProblem
from .schema import Citation


@dataclass(frozen=True)
class Value:
    """One value in force from `effective` (to `until`, or until the next value starts)."""

    effective: date
    value: Any
    citation: Citation
    verified: bool
    layer: str
    file: str
    line: int | None
    note: str | None = None
    until: date | None = None


@dataclass
class Series:
    """Values of one parameter (at one place), ordered by effective date."""

    entries: list[Value] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)  # kept beside entries for bisect

    def put(self, value: Value) -> None:
        """Add a value; a value at the same date (from a later layer) replaces the earlier one."""
        index = bisect.bisect_left(self.dates, value.effective)
        if index < len(self.dates) and self.dates[index] == value.effective:
            self.entries[index] = value
        else:
            self.entries.insert(index, value)
            self.dates.insert(index, value.effective)

    def at(self, on: date) -> Value | None:
        index = bisect.bisect_right(self.dates, on) - 1
        if index < 0:
            return None
        entry = self.entries[index]
        if entry.until is not None and on > entry.until:
            return None
        return entry


@dataclass
class Place:
    """A province, region or sector with its own values; `default` stands for everywhere else."""

    name: str
    kind: str | None
    aliases: list[str]
    series: Series


@dataclass(frozen=True)
class Resolved:
    """The answer to "what was X on date D (at place P)": the value, and where it applied."""

    parameter: Parameter
    value: Value
    place: Place | None


@dataclass
class Parameter:
    scope: str
    topic: str
    name: str
    description: str
    type: str
    unit: str | None
    series: Series | None = None
    places: dict[str, Place] = field(default_factory=dict)
    _index: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.scope, self.topic, self.name)

    def all_series(self) -> Iterable[Series]:
        if self.series is not None:
            yield self.series
        for place in self.places.values():
            yield place.series

    def place(self, wanted: str) -> Place | None:
        """The place that `wanted` names (by name or alias), or the default place, or None."""
        if not self._index:  # built on first use, after loading has merged every layer
            self._index = {
                name.casefold(): place
                for place in self.places.values()
                if place.name != "default"
                for name in (place.name, *place.aliases)
            }
        return self._index.get(wanted.casefold().strip()) or self.places.get("default")

    def at(self, on: date, where: str | None = None) -> Resolved:
        """The value in force on `on`, at `where` when the value differs by place."""
        place = None
        if self.series is not None:
            series = self.series
        else:
            place = self.place(where) if where else self.places.get("default")
            if place is None:
                known = ", ".join(sorted(self.places))
                raise LookupProblem(
                    f"{self.name} differs by place; give one of: {known}"
                    if where is None
                    else f"{self.name} has no value for '{where}'; known places: {known}"
                )
            series = place.series
        value = series.at(on)
        if value is None:
            if where and place is not None and place.name == "default":
                # `where` is no place of this parameter, and the default has nothing on `on`.
                known = ", ".join(sorted(p for p in self.places if p != "default"))
                raise LookupProblem(
                    f"{self.name} has no value for '{where}' on {on}; known places: {known}"
                )
            first = series.entries[0].effective.isoformat() if series.entries else "never"
            raise LookupProblem(f"{self.name} has no value in force on {on} (first from {first})")
        return Resolved(self, value, place)


@dataclass
class Knowledge:
    """The effective knowledge base: shipped data with the organisation's overlays on top."""

    parameters: dict[tuple[str, str, str], Parameter]
    layers: list[str]
    version: str = ""  # a digest of every file of every layer (see loader.py)

    def parameter(self, scope: str, topic: str, name: str) -> Parameter:
        try:
            return self.parameters[(scope, topic, name)]
        except KeyError:
            raise LookupProblem(f"no parameter {scope}/{topic}/{name}") from None

    def topic(self, scope: str, topic: str) -> list[Parameter]:
        found = [p for key, p in self.parameters.items() if key[:2] == (scope, topic)]
        if not found:
            raise LookupProblem(f"no topic '{topic}' for {scope}")
        return found

    def topics(self, scope: str) -> list[str]:
        return sorted({key[1] for key in self.parameters if key[0] == scope})

    def at(self, scope: str, topic: str, name: str, on: date, where: str | None = None) -> Any:
        """Shortcut for the bare value (e.g. an Amount) in force on `on`."""
        return self.parameter(scope, topic, name).at(on, where).value.value

    def values(self) -> Iterable[Value]:
        for parameter in self.parameters.values():
            for series in parameter.all_series():
                yield from series.entries

    def sources(self) -> list[tuple[Citation, int]]:
        """The bibliography: each cited document once (by title and URL), with its use count."""
        counts: Counter[tuple[str, str | None]] = Counter()
        first: dict[tuple[str, str | None], Citation] = {}
        for value in self.values():
            key = (value.citation.title, value.citation.url)
            counts[key] += 1
            first.setdefault(key, value.citation)
        ordered = sorted(first, key=lambda k: (k[0].casefold(), k[1] or ""))
        return [(first[key], counts[key]) for key in ordered]
