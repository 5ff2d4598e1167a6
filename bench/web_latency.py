"""Web latency: the case list with 10,000 cases, one intake step and the statistics dashboard.

Run: `make bench` (or `.venv/bin/python bench/web_latency.py [--cases N --clients N --seconds S
--release-rows N]`).
For each database it migrates a fresh database, seeds an organisation, a case worker, an analyst
and 10,000 realistic cases (encrypted names, phones and accounts from `examples/accounts/`, the
derived filter columns computed as `services.case_create` does, spread over a year), starts the
app under gunicorn with 2 sync workers (this machine has 2 cores), and drives it from 127.0.0.1
with a fixed number of concurrent clients (threads, one connection each). It prints requests,
throughput, median and p99 latency per scenario and database:

- the case list: page 1, a deep page, a filter (country and level) and an exact-match search;
- the team's queues: "my cases" (a fifth of the cases are the user's), the inbox of self-check
  requests (a tenth of the cases, up to 200 listed) and the overview of one case's answers. A
  third of the cases have follow-ups, so every list computes each case's next due date;
- the intake: GET of the intake page (the next adaptive question: the heavy part) and the intake
  step proper, the POST of an answer with the case's version (302). Each client interviews its
  own fresh cases, so no answer is stale; the GET and the POST alternate, so their req/s share
  the phase;
- documents: the case summary as PDF, the whole case list as XLSX (all 10,000 cases) and the
  API's case list (page 1, with a token);
- the analysts' statistics, as an analyst of the organisation (goal: the dashboard's p99 under
  300 ms at 100,000 cases): the dashboard (`/statistics/`), one chart and one table's CSV. The
  dashboard reads the latest release only, never the cases, so its latency depends on the
  release's size, not on the number of case rows: the seed adds one release built from 100,000
  generated fact rows (97,087 cases, 3% with a second job; `analytics_data.fact_table`,
  `analytics.release`, the default privacy budget) instead of 100,000 encrypted cases; the
  10,000 seeded cases stay for the other scenarios. A chart is rendered once and then cached
  (in each worker's memory): each table's chart is first fetched once, one after the other
  (every fetch a first render), then one chart by every client, from the cache.

PostgreSQL is used at postgres://postgres@127.0.0.1:5432/safepassage_bench (created and dropped
here); it is skipped, with a message, only when no server answers there.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "accounts").glob("*.yaml"))
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
PG_NAME = "safepassage_bench"
WORKERS = 2
CSRF = secrets.token_hex(16)  # our own CSRF cookie; the form token may equal the secret
STATUSES = ("open",) * 7 + ("referred",) * 2 + ("closed",)
console = Console(width=None if sys.stdout.isatty() else 110)  # the table, unwrapped


# --- seeding (runs in a child process, with the database's environment) ----------------------


def seed(cases: int, clients: int, release_rows: int) -> dict[str, Any]:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    org, user = _organisation()
    templates = _templates()
    rows = _bulk_cases(org, user, templates, cases)
    _tasks(rows, user)
    statistics = _statistics(org, clients, release_rows)
    _analyze()
    fresh = [row.pk for row in rows if not row.account]
    return {
        "sessions": [_session(user) for _ in range(clients)],
        "statistics": statistics,
        "intake": [fresh[i::clients] for i in range(clients)],
        "search": rows[len(rows) // 3].name,
        "filter": (chosen := _common_filter(templates)),
        "filtered": sum(1 for row in rows if _matches(row, chosen)),
        "deep_page": max(1, cases // 50 // 2),
        "cases": cases,
        "overview": next(row.pk for row in rows if row.account),
        "token": _token(user),
    }


def _token(user: Any) -> str:
    """An API token of the case worker, as the token page makes one (shown once)."""
    from safepassage.web.api.tokens import token_create

    return token_create(user=user, name="bench")[1]


def _organisation() -> tuple[Any, Any]:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Bench Help Centre", slug="bench", country="TH")
    # A supervisor: works cases like a case worker, and also sees the inbox.
    return org, _member(org, "bench-caseworker", "supervisor")


def _member(org: Any, username: str, role: str) -> Any:
    from django.contrib.auth import get_user_model

    from safepassage.web.casework.models import Membership

    user = get_user_model().objects.create(username=username)
    user.set_unusable_password()
    user.save()
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


def _statistics(org: Any, clients: int, rows: int) -> dict[str, Any]:
    """An analyst (statistics only: no case page) and the release the dashboard shows."""
    analyst = _member(org, "bench-analyst", "analyst")
    began = time.perf_counter()
    release, cases = _release(org, rows)
    return {
        "sessions": [_session(analyst) for _ in range(clients)],
        "release": release.pk,
        "tables": [table["id"] for table in release.data["tables"]],
        "rows": rows,
        "cases": cases,
        "built": time.perf_counter() - began,
    }


def _release(org: Any, rows: int) -> tuple[Any, int]:
    """A release of `rows` generated fact rows, made as the schedule makes one (`release_make`
    would read the organisation's own cases), and how many cases the rows are."""
    import pyarrow.compute as pc

    sys.path.insert(0, str(Path(__file__).parent))  # bench/'s modules, as analytics.py does
    from analytics import release
    from analytics_data import fact_table

    from safepassage.core.analytics.dashboard import DEFAULT_BUDGET
    from safepassage.web.analytics.models import Release

    table = fact_table(rows)
    data, _laps = release(table, DEFAULT_BUDGET, threads=1)
    made = Release.objects.create(
        organisation=org,
        kind="scheduled",
        k=data.k,
        noise=data.noise,
        epsilon=data.epsilon,
        data=data.model_dump(mode="json"),
    )
    return made, int(pc.count_distinct(table["case_key"]).as_py())


def _templates() -> list[tuple[dict[str, Any], dict[str, str]]]:
    """Each example account (and an empty one: an intake in progress) with its derived columns,
    screened once, the way `services.case_create` derives them."""
    from safepassage.core.account_file import read_account
    from safepassage.web.casework import core_edge

    accounts = [core_edge.account_data(read_account(path)) for path in EXAMPLES] + [{}]
    derived = []
    for data in accounts:
        account = core_edge.account_from(data)
        derived.append(core_edge.summary(account, core_edge.screen(account)))
    return list(zip(accounts, derived, strict=True))


@contextmanager
def _manual_timestamps(*fields: Any) -> Iterator[None]:
    """Let the seed set created/updated times (spread over a year) instead of `now`."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _bulk_cases(org: Any, user: Any, templates: list[Any], count: int) -> list[Any]:
    from django.db import transaction

    from safepassage.web.casework.models import AuditEvent, Case

    get = Case._meta.get_field
    with (
        _manual_timestamps(get("created_at"), get("updated_at"), AuditEvent._meta.get_field("at")),
        transaction.atomic(),
    ):
        rows = [_case(org, user, n, templates[n % len(templates)], count) for n in range(count)]
        rows = Case.objects.bulk_create(rows, batch_size=500)
        AuditEvent.objects.bulk_create([_created(row, user) for row in rows], batch_size=1000)
    return rows


def _case(org: Any, user: Any, n: int, template: Any, count: int) -> Any:
    from django.utils import timezone

    from safepassage.web.casework.crypto import blind_index
    from safepassage.web.casework.models import Case

    data, derived = template
    name, phone = f"Bench Person {n:05d}", f"+66 8{n % 10} {n // 1000:03d} {n % 1000:04d}"
    request = n % 10 == 3  # a self-check request, waiting in the inbox
    document = f"N{n:07d}" if n % 2 else ""
    now = timezone.now()
    created = now - timedelta(minutes=50 * (count - n))
    return Case(
        organisation=org,
        reference=f"BENCH-{n + 1:06d}",
        status=STATUSES[n % len(STATUSES)] if data else "open",
        created_by=user,
        created_at=created,
        updated_at=min(created + timedelta(hours=n % 72), now),
        name=name,
        phone=phone,
        document_number=document,
        name_index=blind_index("name", name),
        phone_index=blind_index("phone", phone),
        document_index=blind_index("document", document),
        account=data,
        asked=[],
        source="self_check" if request else "intake",
        language="my" if request else "",
        safe_contact={"how": "line", "when": "evening", "leave_message": "no"} if request else {},
        assigned_to=user if n % 5 == 0 and not request else None,
        **derived,
    )


def _tasks(rows: list[Any], user: Any) -> None:
    """Follow-ups on a third of the cases, some overdue, some done."""
    from datetime import date

    from safepassage.web.casework.models import Task

    today = date.today()
    tasks = [
        Task(
            case=row,
            title="Call back",
            due_on=today + timedelta(days=(i % 30) - 10),
            assigned_to=row.assigned_to,
            created_by=user,
        )
        for i, row in enumerate(rows)
        if i % 3 == 0
    ]
    Task.objects.bulk_create(tasks, batch_size=1000)


def _created(case: Any, user: Any) -> Any:
    from safepassage.web.casework.models import AuditEvent

    return AuditEvent(
        organisation_id=case.organisation_id,
        user=user,
        username=user.username,
        case_id=case.pk,
        case_reference=case.reference,
        action="create",
        what="intake",
        at=case.created_at,
    )


def _analyze() -> None:
    """PostgreSQL's autovacuum would vacuum and analyze the new rows within a minute: do it now
    (the visibility map allows index-only counts). SQLite gathers no planner statistics unless
    the app runs ANALYZE, so it is left as the app leaves it."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _session(user: Any) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


def _common_filter(templates: list[Any]) -> dict[str, str]:
    pairs = Counter((d["country"], d["level"]) for _data, d in templates if d["country"])
    country, level = pairs.most_common(1)[0][0]
    return {"country": country, "level": level}


def _matches(row: Any, chosen: dict[str, str]) -> bool:
    return all(getattr(row, column) == value for column, value in chosen.items())


# --- databases and the server -----------------------------------------------------------------


def base_env(data_dir: str) -> dict[str, str]:
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    (Path(data_dir) / "static").mkdir(parents=True, exist_ok=True)  # STATIC_ROOT: WhiteNoise warns
    env.update(
        DJANGO_SETTINGS_MODULE="safepassage.web.settings",
        SAFEPASSAGE_ENV="development",
        SAFEPASSAGE_DEBUG="0",
        SAFEPASSAGE_DATA_DIR=data_dir,
        SAFEPASSAGE_SECRET_KEY=secrets.token_urlsafe(50),  # one key: sessions valid in each worker
        SAFEPASSAGE_FIELD_KEYS=Fernet.generate_key().decode(),
        SAFEPASSAGE_HASH_KEY=secrets.token_urlsafe(32),
        SAFEPASSAGE_LOG_LEVEL="WARNING",
    )
    return env


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@contextmanager
def postgres() -> Iterator[str]:
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {PG_NAME}")
    try:
        yield f"{PG_SERVER}/{PG_NAME}"
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


def postgres_answers() -> bool:
    try:
        _pg_admin("SELECT 1")
    except Exception as error:
        console.print(f"[yellow]PostgreSQL skipped: nothing answers at {PG_SERVER} ({error})")
        return False
    return True


def run_seed(env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--seed", "--cases", str(args.cases)]
    command += ["--clients", str(args.clients), "--release-rows", str(args.release_rows)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"seeding failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(env: dict[str, str]) -> Iterator[int]:
    port = free_port()
    binary = Path(sys.executable).with_name("gunicorn")
    command = [str(binary), "safepassage.web.wsgi:application", "--workers", str(WORKERS)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    try:
        _wait_ready(server, port)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_ready(server: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz within 30 s")


# --- the load generator -----------------------------------------------------------------------


@dataclass
class Stats:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    goal_ms: float | None = None  # a goal for the p99, printed beside the line
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, took: float, ok: bool) -> None:
        with self.lock:
            if ok:
                self.latencies.append(took)
            else:
                self.errors += 1

    def summary(self) -> tuple[str, str, str, str, str]:
        done = sorted(self.latencies)
        if not done:
            return "0", str(self.errors), "-", "-", "-"
        return (
            f"{len(done):,}",
            str(self.errors),
            f"{len(done) / self.seconds:.1f}",
            f"{statistics.median(done) * 1000:.1f}",
            f"{_p99(done) * 1000:.1f}",
        )

    def goal(self) -> str:
        done = sorted(self.latencies)
        if self.goal_ms is None or not done:
            return ""
        met = _p99(done) * 1000 < self.goal_ms
        return f"p99 < {self.goal_ms:g}: {'met' if met else 'not met'}"


def _p99(done: list[float]) -> float:
    return done[max(0, -(-len(done) * 99 // 100) - 1)]  # nearest rank, of sorted latencies


class Client:
    """One simulated user: a logged-in session and its own connection (reopened when closed)."""

    def __init__(self, port: int, session: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = f"sessionid={session}; csrftoken={CSRF}"
        self.headers: dict[str, str] = {}

    def get(self, path: str) -> tuple[float, int, str]:
        return self._send("GET", path, None, self.headers)

    def post(self, path: str, form: dict[str, str]) -> tuple[float, int, str]:
        body = urllib.parse.urlencode(form)
        return self._send("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def _send(
        self, method: str, path: str, body: str | None, headers: dict[str, str]
    ) -> tuple[float, int, str]:
        began = time.perf_counter()
        try:
            cookie = {"Cookie": self.cookie} if self.cookie else {}
            self.conn.request(method, path, body, {**headers, **cookie})
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.conn.close()
            return time.perf_counter() - began, 0, ""
        if 300 <= response.status < 400:  # a redirect: where to (a login page is a failure)
            text = response.getheader("Location", "")
        return time.perf_counter() - began, response.status, text


class ApiClient(Client):
    """A program calling the API with the case worker's token (no session, no cookie)."""

    def __init__(self, port: int, token: str) -> None:
        super().__init__(port, "")
        self.cookie = ""
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}


Work = Callable[[int, Client, float], None]


def run_phase(clients: list[Client], seconds: float, work: Work, *stats: Stats) -> None:
    deadline = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=work, args=(i, client, deadline), daemon=True)
        for i, client in enumerate(clients)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for one in stats:
        one.seconds = time.perf_counter() - began


def get_loop(path: str, stats: Stats, marker: str = "BENCH-") -> Work:
    """GET `path` until the deadline; a success is a 200 holding `marker` (by default a case
    reference: the list, with cases, not an empty page)."""

    def work(_index: int, client: Client, deadline: float) -> None:
        while time.perf_counter() < deadline:
            took, status, text = client.get(path)
            stats.record(took, status == 200 and marker in text)

    return work


QUESTION = re.compile(r'name="question" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
ANSWER = re.compile(r'name="answer" value="([^"]+)"')


def answer_form(html: str, rng: random.Random) -> dict[str, str]:
    """The POST a case worker would send for the question on the page (mostly real answers)."""
    question, version = QUESTION.search(html), VERSION.search(html)
    if question is None or version is None:
        raise RuntimeError("no question form on the intake page")
    form = {"csrfmiddlewaretoken": CSRF, "question": question[1], "version": version[1]}
    if 'name="number"' in html:
        form["number"] = str(rng.randint(1, 7))
    elif 'name="amount"' in html:
        form |= {"amount": str(rng.randrange(3000, 15000, 500)), "currency": "THB", "per": "month"}
    elif 'name="text"' in html:
        form["text"] = "Chon Buri"
    else:
        taps = [value for value in ANSWER.findall(html) if value != "unknown"]
        form["answer"] = rng.choice(taps) if taps and rng.random() < 0.85 else "unknown"
    return form


def intake_loop(cases: list[list[int]], page: Stats, step: Stats) -> Work:
    def work(index: int, client: Client, deadline: float) -> None:
        rng, queue = random.Random(index), list(cases[index])
        while queue and time.perf_counter() < deadline:
            path = f"/cases/{queue[0]}/intake/"
            took, status, html = client.get(path)
            done = (f"/cases/{queue[0]}/", f"/cases/{queue[0]}/answers/")
            if status == 302 and html in done:
                queue.pop(0)
                continue  # settled: the case page (or the overview); on to the next case
            page.record(took, status == 200)
            if status == 200:
                took, status, location = client.post(path, answer_form(html, rng))
                step.record(took, status == 302 and location == path)  # recorded, next question

    return work


# --- one database -----------------------------------------------------------------------------


def list_paths(seeded: dict[str, Any]) -> list[tuple[str, str]]:
    search = urllib.parse.urlencode({"q": seeded["search"]})
    filters = urllib.parse.urlencode(seeded["filter"])
    return [
        ("list page 1", "/cases/"),
        (f"list page {seeded['deep_page']}", f"/cases/?page={seeded['deep_page']}"),
        ("list filtered", f"/cases/?{filters}"),
        ("list search", f"/cases/?{search}"),
        ("my cases", "/cases/?assigned=me"),
        ("inbox", "/cases/inbox/"),
        ("overview", f"/cases/{seeded['overview']}/answers/"),
    ]


def warm_up(port: int, seeded: dict[str, Any]) -> None:
    """Load the app, the knowledge and the screener in every worker before timing (and the
    dashboard, but no chart: their first renders are measured)."""
    client = Client(port, seeded["sessions"][0])
    analyst = Client(port, seeded["statistics"]["sessions"][0])
    first = seeded["intake"][-1][-1]  # a GET changes nothing (but the audit log)
    for _ in range(3 * WORKERS):
        for _name, path in list_paths(seeded):
            client.get(path)
        client.get(f"/cases/{first}/intake/")
        analyst.get("/statistics/")


def measure(port: int, seeded: dict[str, Any], seconds: float) -> list[Stats]:
    warm_up(port, seeded)
    clients = [Client(port, session) for session in seeded["sessions"]]
    results = []
    for name, path in list_paths(seeded):
        stats = Stats(name)
        run_phase(clients, seconds, get_loop(path, stats), stats)
        results.append(stats)
    page, step = Stats("intake GET (question)"), Stats("intake step (POST)")
    run_phase(clients, seconds * 2, intake_loop(seeded["intake"], page, step), page, step)
    documents = measure_documents(port, seeded, seconds)
    return [
        *results,
        page,
        step,
        *documents,
        *measure_statistics(port, seeded["statistics"], seconds),
    ]


def measure_documents(port: int, seeded: dict[str, Any], seconds: float) -> list[Stats]:
    """A case summary as PDF (WeasyPrint, every script's fonts), the whole case list as XLSX
    (every one of the seeded cases, decrypted and written), and the API's case list (page 1,
    50 cases, with a token)."""
    clients = [Client(port, session) for session in seeded["sessions"]]
    pdf, xlsx = Stats("case summary PDF"), Stats(f"XLSX export ({seeded['cases']:,} cases)")
    summary = f"/cases/{seeded['overview']}/summary.pdf"
    run_phase(clients, seconds, get_loop(summary, pdf, "%PDF-"), pdf)
    run_phase(clients, seconds * 2, get_loop("/cases/export.xlsx", xlsx, "PK"), xlsx)
    api = Stats("API case list")
    callers = [ApiClient(port, seeded["token"]) for _ in clients]
    run_phase(callers, seconds, get_loop("/api/cases", api, '"reference": "BENCH-'), api)
    return [pdf, xlsx, api]


CHART = "level_by_place"  # the dashboard's first table
TITLE = "The spectrum of exploitation by country and sector of work"  # CHART's title
DASHBOARD_GOAL_MS = 300.0


def measure_statistics(port: int, seeded: dict[str, Any], seconds: float) -> list[Stats]:
    """The dashboard, then every chart's first render, then one chart from the cache and one
    table's CSV, each client logged in as the analyst."""
    clients = [Client(port, session) for session in seeded["sessions"]]
    release = f"/statistics/releases/{seeded['release']}"
    dashboard = Stats("statistics dashboard", goal_ms=DASHBOARD_GOAL_MS)
    run_phase(clients, seconds, get_loop("/statistics/", dashboard, TITLE), dashboard)
    tables = [CHART, *(table for table in seeded["tables"] if table != CHART)]
    first = first_renders(clients[0], [f"{release}/{table}.svg" for table in tables])
    for _ in range(4 * WORKERS):  # the chart into every worker's cache (each has its own)
        clients[0].get(f"{release}/{CHART}.svg")
    chart, download = Stats("chart (cached)"), Stats("CSV download")
    run_phase(clients, seconds, get_loop(f"{release}/{CHART}.svg", chart, "</svg>"), chart)
    run_phase(clients, seconds, get_loop(f"{release}/{CHART}.csv", download, TITLE), download)
    return [dashboard, first, chart, download]


def first_renders(client: Client, paths: list[str]) -> Stats:
    """Each chart once, one after the other: each a cache miss (a release's charts are
    rendered on first demand), in whichever worker takes it."""
    stats = Stats("chart first renders")
    began = time.perf_counter()
    for path in paths:
        took, status, text = client.get(path)
        stats.record(took, status == 200 and "</svg>" in text)
    stats.seconds = time.perf_counter() - began
    return stats


def bench_database(label: str, env: dict[str, str], args: argparse.Namespace) -> list[Stats]:
    began = time.perf_counter()
    seeded = run_seed(env, args)
    release = seeded["statistics"]
    console.print(
        f"{label}: seeded {args.cases:,} cases in {time.perf_counter() - began:.1f} s; "
        f"list filtered = {urllib.parse.urlencode(seeded['filter'])} "
        f"(~{seeded['filtered']:,} cases), list search = exact name (1 case); statistics: a "
        f"release of {release['rows']:,} fact rows ({release['cases']:,} cases, "
        f"{len(release['tables'])} tables), built in {release['built']:.1f} s"
    )
    with gunicorn(env) as port:
        return measure(port, seeded, args.seconds)


def report(results: dict[str, list[Stats]], args: argparse.Namespace) -> None:
    table = Table(
        title=f"Web latency: {args.cases:,} cases, {args.clients} concurrent clients, "
        f"gunicorn {WORKERS} sync workers, {os.cpu_count()} cores"
    )
    columns = ("database", "scenario", "requests", "errors", "req/s", "median ms", "p99 ms")
    for column in (*columns, "goal"):
        left = column in ("database", "scenario", "goal")
        table.add_column(column, justify="left" if left else "right", no_wrap=left)
    for database, rows in results.items():
        for stats in rows:
            table.add_row(database, stats.name, *stats.summary(), stats.goal())
        table.add_section()
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8.0, help="per list scenario")
    parser.add_argument(
        "--release-rows", type=int, default=100_000, help="fact rows of the dashboard's release"
    )
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Stopped (Ctrl-C or kill): still stop gunicorn, drop the database, delete the data.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if args.seed:
        print(json.dumps(seed(args.cases, args.clients, args.release_rows)))
        return
    results: dict[str, list[Stats]] = {}
    with tempfile.TemporaryDirectory(prefix="safepassage-bench-") as tmp:
        env = base_env(str(Path(tmp) / "sqlite"))
        results["SQLite"] = bench_database("SQLite", env, args)
        if postgres_answers():
            with postgres() as url:
                env = {**base_env(str(Path(tmp) / "pg")), "DATABASE_URL": url}
                results["PostgreSQL"] = bench_database("PostgreSQL", env, args)
    report(results, args)


if __name__ == "__main__":
    main()
