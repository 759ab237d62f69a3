import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from tradewatch.synthetic import real_data_present, seed_synthetic


class Command(BaseCommand):
    help = "Fill a benchmark database with deterministic synthetic data (never a real one)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--figures", type=int, default=100_000)
        parser.add_argument("--pairs", type=int, default=1_000)
        parser.add_argument("--sources", type=int, default=1_000)
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data")
        parser.add_argument(
            "--force", action="store_true", help="write even beside non-synthetic data"
        )

    def handle(self, *args, figures, pairs, sources, seed, force, **options) -> None:
        if min(figures, pairs, sources) < 1:
            raise CommandError("--figures, --pairs and --sources must be at least 1.")
        if real_data_present() and not force:
            raise CommandError(
                "This database holds documents that are not synthetic; refusing to add "
                "benchmark data to it. Use an empty database, or --force."
            )
        started = time.perf_counter()
        try:
            summary = seed_synthetic(figures=figures, pairs=pairs, sources=sources, seed=seed)
        except ValueError as err:
            raise CommandError(str(err)) from err
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh statistics, or the planner guesses
                cursor.execute("ANALYZE")
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{summary.figures} figures, {summary.pairs} pairs, {summary.sources} sources, "
            f"{summary.targets} targets, {summary.statements} statements in {seconds:.1f} s"
        )
