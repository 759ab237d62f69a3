from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradewatch.statistics_files import MAX_BYTES
from tradewatch.statistics_import import FileReport, import_statistics


class Command(BaseCommand):
    help = (
        "Import official trade statistics: UN Comtrade CSV downloads (totals) or the "
        "TradeWatch template (CSV or XLSX). All files or nothing; importing again adds nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="check and show what would be added"
        )

    def handle(self, *args, files: list[Path], dry_run: bool, **options) -> None:
        loaded = []
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(f"{path}: larger than {MAX_BYTES // 2**20} MB; split it")
            loaded.append((path.name, path.read_bytes()))
        reports = import_statistics(loaded, dry_run=dry_run)
        for report in reports:
            self.describe(report, dry_run)
        errors = sum(len(r.errors) for r in reports)
        if errors:
            raise CommandError(f"{errors} error(s): nothing was imported.")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")

    def describe(self, report: FileReport, dry_run: bool) -> None:
        adds = sum(1 for _ in report.preview) if dry_run else report.added
        verb = "would add" if dry_run else "added"
        self.stdout.write(
            f"{report.name} ({report.kind}): {report.rows} rows; {verb} {adds} figures; "
            f"{report.already_there} already on file"
        )
        for error in report.errors:
            where = f"line {error.line}" if error.line else "file"
            self.stderr.write(f"{report.name}: {where}: {error.message}")  # names its column
