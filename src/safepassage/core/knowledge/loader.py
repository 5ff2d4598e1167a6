"""Load the knowledge base: the shipped data, then each overlay folder on top, all validated.

Overlays come from SAFEPASSAGE_KNOWLEDGE_PATH (folders separated by os.pathsep) and from folders
passed in. Every problem in any layer is collected, so a person sees them all at once.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import contracts
from .contacts import CONTACTS as CONTACTS  # the planner reads it from here
from .contacts import REMOTE_CONTACTS
from .model import Knowledge, Parameter, Place, Series, Value
from .problems import KnowledgeError, Problem
from .schema import Entry, Response, TopicFile
from .validate import check_records, validate_document
from .yamlsource import Document, parse_yaml

SHIPPED = Path(__file__).parent / "data"
ENV_VAR = "SAFEPASSAGE_KNOWLEDGE_PATH"


@dataclass(frozen=True)
class Layer:
    name: str
    root: Path


def overlay_layers(env: Mapping[str, str] | None = None) -> list[Layer]:
    raw = (os.environ if env is None else env).get(ENV_VAR, "")
    return [Layer(part, Path(part)) for part in raw.split(os.pathsep) if part.strip()]


def all_layers(
    extra: Sequence[Path] = (), env: Mapping[str, str] | None = None, base: Path = SHIPPED
) -> list[Layer]:
    shipped = Layer("shipped", base)
    return [shipped, *overlay_layers(env), *(Layer(str(p), Path(p)) for p in extra)]


def check_knowledge(
    extra: Sequence[Path] = (), env: Mapping[str, str] | None = None, base: Path = SHIPPED
) -> list[Problem]:
    """Every problem in the effective knowledge (shipped + overlays + `extra`)."""
    return _Builder(all_layers(extra, env, base)).build()[1]


def load_knowledge(
    extra: Sequence[Path] = (), env: Mapping[str, str] | None = None, base: Path = SHIPPED
) -> Knowledge:
    """The effective knowledge; raises KnowledgeError listing every problem."""
    knowledge, problems = _Builder(all_layers(extra, env, base)).build()
    if problems:
        raise KnowledgeError(problems)
    return knowledge


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    """The knowledge for this process (shipped + SAFEPASSAGE_KNOWLEDGE_PATH), loaded once."""
    return load_knowledge()


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Builder:
    def __init__(self, layers: Sequence[Layer]) -> None:
        self.layers = layers
        self.params: dict[tuple[str, str, str], Parameter] = {}
        self.files: dict[tuple[str, str], str] = {}
        self.failed: set[tuple[str, str]] = set()  # topics whose file did not validate
        self.problems: list[Problem] = []
        # The version of the effective knowledge: a digest of every file of every layer, so
        # that a stored determination can say which law and sources produced it.
        self.digest = hashlib.sha256()

    def build(self) -> tuple[Knowledge, list[Problem]]:
        for index, layer in enumerate(self.layers):
            self._load_layer(layer, overlay=index > 0)
        self._check_merged()
        self._check_contracts()
        version = self.digest.hexdigest()[:12]
        return Knowledge(self.params, [layer.name for layer in self.layers], version), self.problems

    def _load_layer(self, layer: Layer, *, overlay: bool) -> None:
        if not layer.root.is_dir():
            problem = Problem(_display(layer.root), None, (), "not a folder; fix the path")
            self.problems.append(problem)
            return
        for path in sorted(layer.root.rglob("*")):
            if path.is_file():
                self._load_file(layer, path, overlay=overlay)

    def _load_file(self, layer: Layer, path: Path, *, overlay: bool) -> None:
        shown = _display(path)
        place = self._scope_topic(layer, path, shown)
        if place is None:
            return
        scope, topic = place
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(shown, None, (), f"cannot read the file ({exc})"))
            return
        relative = path.relative_to(layer.root).as_posix()
        self.digest.update(f"{layer.name}\0{relative}\0{len(text)}\0".encode())
        self.digest.update(text.encode("utf-8"))
        doc = parse_yaml(text, shown)
        if overlay:
            self._drop_unknown_parameters(doc, scope, topic)
            self._inherit(doc, scope, topic)
        model = validate_document(doc)
        contract = contracts.topics_for(scope)[topic]
        if model is not None and contract.record_type:
            check_records(model, contract, doc, scope)
        if model is not None and not doc.problems:
            self._merge(model, doc, layer, scope, topic)
        if doc.problems:
            self.failed.add((scope, topic))
        self.problems.extend(doc.problems)
        self.files.setdefault((scope, topic), shown)

    def _scope_topic(self, layer: Layer, path: Path, shown: str) -> tuple[str, str] | None:
        parts = path.relative_to(layer.root).parts
        if parts[:1] == (contracts.FRAMEWORKS,) and len(parts) == 2:
            scope, name = parts
        elif parts[:1] == ("countries",) and len(parts) == 3:
            scope, name = parts[1], parts[2]
        else:
            return self._misplaced(shown, "put topic files in frameworks/ or countries/XX/")
        if scope not in contracts.scopes():
            return self._misplaced(shown, f"unknown country '{scope}'; use {contracts.COUNTRIES}")
        topic = name.removesuffix(".yaml")
        if not name.endswith(".yaml") or topic not in contracts.topics_for(scope):
            known = ", ".join(contracts.topics_for(scope))
            return self._misplaced(shown, f"unknown topic file '{name}'; use one of: {known}")
        return scope, topic

    def _misplaced(self, shown: str, message: str) -> tuple[str, str] | None:
        self.problems.append(Problem(shown, None, (), message))
        return None

    def _drop_unknown_parameters(self, doc: Document, scope: str, topic: str) -> None:
        """An overlay may add records, but not invent parameters the engine would never read."""
        params = doc.data.get("parameters") if isinstance(doc.data, dict) else None
        contract = contracts.topics_for(scope)[topic]
        if not isinstance(params, dict) or contract.record_type:
            return
        named = {*contract.required, *contract.optional}  # the engine reads these
        for name in [n for n in params if (scope, topic, n) not in self.params and n not in named]:
            known = [key[2] for key in self.params if key[:2] == (scope, topic)]
            close = difflib.get_close_matches(str(name), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            doc.problem(
                ("parameters", name),
                f"unknown parameter '{name}': an overlay may only "
                f"change parameters the shipped data defines{hint}",
            )
            del params[name]

    def _inherit(self, doc: Document, scope: str, topic: str) -> None:
        """An overlay may omit what it does not change: description, type, unit and place kind."""
        params = doc.data.get("parameters") if isinstance(doc.data, dict) else None
        if not isinstance(params, dict):
            return
        for name, raw in params.items():
            base = self.params.get((scope, topic, name))
            if base is None or not isinstance(raw, dict):
                continue
            raw.setdefault("description", base.description)
            raw.setdefault("type", base.type)
            if base.unit is not None:
                raw.setdefault("unit", base.unit)
            for place_name, place in (raw.get("where") or {}).items():
                known = base.places.get(place_name)
                if known is not None and isinstance(place, dict) and known.kind:
                    place.setdefault("kind", known.kind)

    def _merge(
        self,
        model: TopicFile,
        doc: Document,
        layer: Layer,
        scope: str,
        topic: str,
    ) -> None:
        for name, spec in model.parameters.items():
            key = (scope, topic, name)
            base = ("parameters", name)
            existing = self.params.get(key)
            if existing is not None and existing.type != spec.type:
                doc.problem((*base, "type"), f"the shipped type is '{existing.type}'; keep it")
                continue
            param = existing or Parameter(
                scope, topic, name, spec.description, spec.type, spec.unit
            )
            param.description = spec.description
            self.params[key] = param
            self._merge_values(param, spec, doc, layer, base)

    def _merge_values(
        self, param: Parameter, spec: Any, doc: Document, layer: Layer, base: tuple[str, str]
    ) -> None:
        if spec.values is not None:
            if param.places:
                doc.problem(base, "the shipped values differ by place; give them under `where`")
                return
            param.series = param.series or Series()
            _put_all(param.series, spec.values, doc, layer, (*base, "values"))
        for place_name, place_spec in (spec.where or {}).items():
            if param.series is not None:
                doc.problem(base, "the shipped values do not differ by place; use `values`")
                return
            place = param.places.get(place_name)
            if place is None:
                place = Place(place_name, place_spec.kind, [], Series())
                param.places[place_name] = place
            place.kind = place_spec.kind or place.kind
            place.aliases = sorted({*place.aliases, *place_spec.aliases})
            path = (*base, "where", place_name, "values")
            _put_all(place.series, place_spec.values, doc, layer, path)

    def _check_merged(self) -> None:
        """Overlays can make periods overlap that were fine in each layer alone."""
        for param in self.params.values():
            for series in param.all_series():
                for current, following in itertools.pairwise(series.entries):
                    if current.until is not None and current.until >= following.effective:
                        self.problems.append(_overlap(param, current, following))

    def _check_contracts(self) -> None:
        for scope in contracts.scopes():
            folder = self.layers[0].root / (
                scope if scope == contracts.FRAMEWORKS else f"countries/{scope}"
            )
            for topic, contract in contracts.topics_for(scope).items():
                if (scope, topic) in self.failed:
                    continue  # its own problems are reported; "missing" would only be noise
                file = self.files.get((scope, topic)) or _display(folder / f"{topic}.yaml")
                for message in _contract_gaps(self.params, scope, topic, contract):
                    self.problems.append(Problem(file, None, ("parameters",), message))
        self._check_providers()

    def _check_providers(self) -> None:
        """Every provider a response names is a help channel of that country with a contact."""
        for (scope, topic, name), param in self.params.items():
            if topic != "responses":
                continue
            for value in (v for s in param.all_series() for v in s.entries if v.value):
                response = value.value
                for provider in response.providers:
                    problem = _provider_problem(self.params.get((scope, "help_channels", provider)))
                    if problem:
                        message = f"provider '{provider}' {problem}"
                        self.problems.append(Problem(value.file, value.line, (name,), message))
                for message in _remote_problems(response, scope, self.params):
                    self.problems.append(Problem(value.file, value.line, (name, "remote"), message))


def _put_all(
    series: Series,
    values: Mapping[Any, Entry[Any]],
    doc: Document,
    layer: Layer,
    path: tuple[Any, ...],
) -> None:
    for effective, entry in values.items():
        series.put(
            Value(
                effective=effective,
                value=entry.value,
                citation=entry.citation,
                verified=entry.verified,
                layer=layer.name,
                file=doc.file,
                line=doc.line_of((*path, effective)),
                note=entry.note,
                until=entry.until,
            )
        )


def _contract_gaps(
    params: Mapping[tuple[str, str, str], Parameter],
    scope: str,
    topic: str,
    contract: contracts.TopicContract,
) -> list[str]:
    present = {key[2]: p for key, p in params.items() if key[:2] == (scope, topic)}
    if not present and contract.required_in is not None and scope not in contract.required_in:
        return []
    if not present:
        return [f"the topic '{topic}' is missing for {scope}; add this file"]
    gaps = [
        f"required parameter '{name}' ({type_}) is missing; add it"
        for name, type_ in contract.required.items()
        if name not in present
    ]
    gaps += [
        f"'{name}' must be of type '{type_}'; change its type"
        for name, type_ in {**contract.optional, **contract.required}.items()
        if name in present and present[name].type != type_
    ]
    if contract.time_units:
        typed = {*contract.optional, *contract.required}  # a wrong type is reported above
        spans = {n: p for n, p in present.items() if n not in typed or p.type == "quantity"}
        gaps += _time_span_gaps(spans, contract.time_units)
    gaps += [
        f"add at least one of: {', '.join(group)}"
        for group in contract.one_of
        if not any(name in present for name in group)
    ]
    covered = {
        c
        for p in present.values()
        for s in p.all_series()
        for v in s.entries
        if v.value is not None
        for c in getattr(v.value, "categories", [])
    }
    gaps += [
        f"no law record covers the category '{c}'; add one"
        for c in contract.record_categories
        if c not in covered
    ]
    return gaps


def _time_span_gaps(present: Mapping[str, Parameter], units: tuple[str, ...]) -> list[str]:
    """A time span is a quantity of whole days, months or years: a due date is counted from it."""
    gaps = []
    for name, param in present.items():
        if param.type != "quantity" or param.unit not in units:
            allowed = ", ".join(units)
            gaps.append(
                f"'{name}' is a time span: make it a quantity with `unit` one of: {allowed}"
            )
            continue
        for value in (v for s in param.all_series() for v in s.entries):
            if value.value is not None and not float(value.value).is_integer():
                gaps.append(
                    f"'{name}' from {value.effective}: {value.value} {param.unit} is not a whole "
                    f"number; give it in a smaller unit"
                )
    return gaps


def _overlap(param: Parameter, current: Value, following: Value) -> Problem:
    message = (
        f"the value from {current.effective} (until {current.until}) overlaps the value "
        f"from {following.effective} ({following.file}); fix `until`"
    )
    return Problem(current.file, current.line, (param.scope, param.topic, param.name), message)


def _remote_problems(
    response: Response, scope: str, params: Mapping[tuple[str, str, str], Parameter]
) -> list[str]:
    """A remote provider is one of the response's providers, reachable from another country."""
    problems = []
    places = response.eligibility.places()
    if response.remote is None:
        if "left" in places:
            problems.append("`located: left` needs `remote` providers; add them or drop `left`")
        return problems
    for provider in response.remote.providers:
        if provider not in response.providers:
            problems.append(f"remote provider '{provider}' is not in `providers`; add it there")
            continue
        channel = params.get((scope, "help_channels", provider))
        latest = [s.entries[-1].value for s in channel.all_series() if s.entries] if channel else []
        if not any(
            v is not None
            and (
                any(getattr(v, c) for c in REMOTE_CONTACTS)
                or (v.phone or "").lstrip().startswith("+")
            )
            for v in latest
        ):
            problems.append(
                f"remote provider '{provider}' has no contact usable from abroad (a chat link, "
                "email, URL or a phone number starting with +)"
            )
    return problems


def _provider_problem(channel: Parameter | None) -> str | None:
    if channel is None:
        return "is not in this country's help_channels; add it there or fix the id"
    latest = [s.entries[-1].value for s in channel.all_series() if s.entries]
    if not any(v is not None and any(getattr(v, c) for c in CONTACTS) for v in latest):
        return "has no contact (phone, chat link, email or URL); add one"
    return None
