from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradewatch.facts_io import import_facts
from tradewatch.statistics_files import MAX_BYTES


class Command(BaseCommand):
    help = (
        "Import figures and target statements from a file made by `export_facts` (or edited "
        "from one): all rows or none; rows already on file are skipped."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check and count only")

    def handle(self, *args, file: Path, dry_run: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        if file.stat().st_size > MAX_BYTES:
            raise CommandError(f"{file}: larger than {MAX_BYTES // 2**20} MB; split it")
        report = import_facts(file.name, file.read_bytes(), dry_run=dry_run)
        for error in report.errors:
            where = f"line {error.line}" if error.line else "file"
            column = f", {error.column}" if error.column else ""
            self.stderr.write(f"{report.name}: {where}{column}: {error.message}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} error(s): nothing was imported.")
        verb = "would add" if dry_run else "added"
        self.stdout.write(
            f"{report.name}: {report.rows} rows; {verb} {report.added}; "
            f"{report.already_there} already on file."
        )
