"""`safepassage serve` and `safepassage manage`: the web application's doors."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..core.knowledge import KnowledgeError, default_knowledge
from ..i18n import _


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.web.settings")
    import django

    django.setup()


def serve(
    port: Annotated[int, typer.Option(help=_("The port to listen on."))] = 8000,
    host: Annotated[str, typer.Option(help=_("The address to listen on."))] = "127.0.0.1",
    migrate: Annotated[bool, typer.Option(help=_("Apply database migrations first."))] = True,
    demo: Annotated[
        bool, typer.Option(help=_("Create the demo organisation, users and cases if missing."))
    ] = True,
) -> None:
    """Run the SafePassage web application (embedded SQLite unless DATABASE_URL is set)."""
    try:
        default_knowledge()  # refuse to serve conclusions from broken knowledge data
    except KnowledgeError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    _setup_django()
    from django.core.management import call_command

    from ..web.casework.crypto import keys

    keys()  # the development keys exist (created once, atomically) before any request
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    if demo:
        _print_demo()
    typer.echo(_("SafePassage is running at http://{host}:{port}/").format(host=host, port=port))
    call_command("runserver", f"{host}:{port}", use_reloader=False)


def _print_demo() -> None:
    from django.conf import settings

    if settings.PRODUCTION:
        return
    from ..web.casework.demo import PASSWORD, seed_demo

    typer.echo(
        _("Demo logins (demonstration data only, password {password}):").format(password=PASSWORD)
    )
    for username, role in seed_demo():
        typer.echo(f"  {username}  ({role})")
    from ..web.analytics.demo import seed_statistics

    for line in seed_statistics():
        typer.echo(f"  {line}")


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `safepassage manage migrate`."""
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safepassage manage", *ctx.args])
