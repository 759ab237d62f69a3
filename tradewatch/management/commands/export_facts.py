from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tradewatch.facts_io import export_facts


class Command(BaseCommand):
    help = (
        "Write every figure and target statement, with its source and quote, to FILE "
        "(.csv or .xlsx). `import_facts` reads it back."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        if file.suffix.lower() not in (".csv", ".xlsx"):
            raise CommandError(f"{file.name}: name the file .csv or .xlsx")
        count = export_facts(file, excel=file.suffix.lower() == ".xlsx")
        self.stdout.write(f"{count} facts written to {file}.")
