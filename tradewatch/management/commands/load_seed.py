from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from tradewatch.history import record_initial_history
from tradewatch.models import Source


class Command(BaseCommand):
    help = "Load the curated seed facts, unless the database already has data (or with --force)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="Load even if data exists.")

    def handle(self, *args, force: bool = False, **options) -> None:
        # Countries come with the migrations; documents only with data.
        if Source.objects.exists() and not force:
            self.stdout.write("Data already present; seed not loaded (use --force to reload).")
            return
        with transaction.atomic():
            call_command("loaddata", "seed", verbosity=0)
            record_initial_history()
        self.stdout.write(self.style.SUCCESS("Seed facts loaded."))
