import sys

from django.core.management.base import BaseCommand

from tradewatch.ingest.store import document_paths, ingest_document


class Command(BaseCommand):
    help = "Store documents (files or folders) and their facts as proposals for review."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--accept", action="store_true", help="Accept every proposal at once (seeding)."
        )

    def handle(self, *args, paths: list[str], accept: bool, **options) -> None:
        files = document_paths(paths)
        counts = {"added": 0, "skipped": 0, "error": 0}
        for number, path in enumerate(files, start=1):
            self.progress(number, len(files), path.name)
            result = ingest_document(path, accept=accept, in_folder=str(path) not in paths)
            counts[result.status] += 1
            self.report(result)
        self.stdout.write(
            f"{counts['added']} added, {counts['skipped']} skipped, {counts['error']} errors"
        )
        if counts["error"]:
            sys.exit(1)

    def progress(self, number: int, total: int, name: str) -> None:
        done = int(20 * number / total)
        self.stderr.write(f"[{'#' * done}{'.' * (20 - done)}] {number}/{total} {name}")

    def report(self, result) -> None:
        if result.status == "error":
            self.stdout.write(self.style.ERROR(f"error   {result.path}: {result.reason}"))
        elif result.status == "skipped":
            where = f" (source {result.source.pk})" if result.source else ""
            self.stdout.write(f"skipped {result.path}: {result.reason}{where}")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"added   {result.path}: source {result.source.pk}, {result.figures} figures, "
                    f"{result.statements} target statements, {result.linked} linked to stored facts"
                )
            )
            for why in result.dropped:
                self.stdout.write(f"        not stored: {why}")
