from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradewatch.backups import BadName, NotEmpty, restore


class Command(BaseCommand):
    help = "Load a backup made by `manage.py backup` into an empty, migrated database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            rows = restore(file)
        except (NotEmpty, BadName) as err:
            raise CommandError(str(err)) from err
        self.stdout.write(f"Restored {file}; {rows} pair summaries recomputed.")
