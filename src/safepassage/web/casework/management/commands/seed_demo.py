from typing import Any

from django.core.management.base import BaseCommand

from ...demo import PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Create the demo organisation, its users and demo cases (never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        for username, role in seed_demo():
            self.stdout.write(f"{username} / {PASSWORD}  ({role})")
