from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ...actors import suggestions_refresh
from ...models import Organisation


class Command(BaseCommand):
    help = (
        "Recompute the suggested actor links of every organisation (or of one, by its slug), "
        "for example after many cases were imported; each new alias already does it for its "
        "own organisation."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="the organisation's slug (default: all)")

    def handle(self, *args: Any, **options: Any) -> None:
        found = Organisation.objects.order_by("slug")
        if options["organisation"]:
            found = found.filter(slug=options["organisation"])
        for organisation in found:
            waiting = suggestions_refresh(organisation_id=organisation.pk)
            self.stdout.write(f"{organisation.slug}: {waiting} suggestions wait for a decision")
