"""`safepassage serve`: run the web application."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..i18n import _


def serve(
    port: Annotated[int, typer.Option(help=_("The port to listen on."))] = 8000,
    host: Annotated[str, typer.Option(help=_("The address to listen on."))] = "127.0.0.1",
    migrate: Annotated[bool, typer.Option(help=_("Apply database migrations first."))] = True,
) -> None:
    """Run the SafePassage web application (embedded SQLite unless DATABASE_URL is set)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    typer.echo(_("SafePassage is running at http://{host}:{port}/").format(host=host, port=port))
    call_command("runserver", f"{host}:{port}", use_reloader=False)
