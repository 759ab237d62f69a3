"""Page benchmark: median response time and SQL queries per page, at seed size and with
many more figures. Run with `make bench` (uses a throw-away in-memory SQLite database)."""

import os
import statistics
import sys
import time
from datetime import date
from decimal import Decimal

PAGES = [
    "/",
    "/countries/BLR/",
    "/pairs/BLR-KGZ/",
    "/api/pairs/BLR-KGZ/",
    "/pairs/BLR-KGZ/figures.csv",
]
ROUNDS = 30


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradewatch.settings")
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("loaddata", "seed", verbosity=0)


def add_figures(count: int) -> None:
    from tradewatch.models import Figure, Source
    from tradewatch.summaries import refresh_pairs

    source = Source.objects.create(title="Benchmark bulk source")
    Figure.objects.bulk_create(
        Figure(
            country_a_id="BLR",
            country_b_id="KGZ",
            side_id=("BLR", "KGZ")[i % 2],  # both sides report
            period_start=date(1990 + i % 50, 1, 1),
            period_end=date(1990 + i % 50, 12, 31),
            value_usd=Decimal(100_000_000 + i),
            source=source,
            quote=f"bulk figure {i}",
        )
        for i in range(count)
    )
    refresh_pairs([("BLR", "KGZ")])  # bulk inserts send no signals


def measure(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings) * 1000, len(queries)


def main() -> None:
    setup_django()
    from django.test import Client

    client = Client()
    print(f"{'page':32} {'figures':>8} {'median ms':>10} {'queries':>8}")
    baseline = {}
    for extra in (0, 500):
        if extra:
            add_figures(extra)
        for url in PAGES:
            ms, queries = measure(client, url)
            ratio = f"  x{ms / baseline[url]:.2f}" if url in baseline else ""
            baseline.setdefault(url, ms)
            print(f"{url:32} {9 + extra:>8} {ms:>10.1f} {queries:>8}{ratio}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
