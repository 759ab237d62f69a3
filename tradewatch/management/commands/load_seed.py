from django.core.management import call_command
from django.core.management.base import BaseCommand

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
        call_command("loaddata", "seed", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Seed facts loaded."))
