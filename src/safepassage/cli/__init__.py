"""The `safepassage` command: one door into the core (the web application is the other)."""

from __future__ import annotations

import typer

from ..i18n import _
from .analytics import app as analytics_app
from .analytics import imports as imports_app
from .htcds import export_htcds, import_htcds
from .interview import interview
from .knowledge import app as knowledge_app
from .plan import plan
from .screen import screen
from .serve import manage, serve

app = typer.Typer(
    help=_("SafePassage: screen migrant workers' accounts, plan responses, manage cases."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold a migrant's data
    rich_markup_mode="rich",
)
app.add_typer(knowledge_app, name="knowledge")
app.add_typer(analytics_app, name="analytics")
app.add_typer(imports_app, name="import")
export_app = typer.Typer(help=_("Export data in a data standard."))
export_app.command("htcds")(export_htcds)
imports_app.command("htcds")(import_htcds)
app.add_typer(export_app, name="export")
app.command()(screen)
app.command()(interview)
app.command()(plan)
app.command()(serve)
app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)(manage)


def main() -> None:
    app()
