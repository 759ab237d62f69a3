from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradewatch.backups import BadName, backup


class Command(BaseCommand):
    help = (
        "Write every fact, source, user and the whole history to FILE (*.xml, or .xml.gz, "
        ".xml.bz2, .xml.xz compressed). Restore with `manage.py restore FILE`."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            backup(file)
        except BadName as err:
            raise CommandError(str(err)) from err
        self.stdout.write(f"Backup written to {file} ({file.stat().st_size:,} bytes).")
