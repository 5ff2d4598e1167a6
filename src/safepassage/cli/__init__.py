"""The `safepassage` command: one door into the core (the web application is the other)."""

from __future__ import annotations

import typer

from ..i18n import _
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
