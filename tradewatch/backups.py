"""Whole-database backups that any TradeWatch can restore, on SQLite or PostgreSQL: every
fact, source, country, user, group and the full audit history (so past views and the
changes pages survive), as one Django fixture file in XML (JSON would round times to the
millisecond; XML keeps them exactly), compressed by its extension (.xml.gz, .xml.xz,
.xml.bz2). Summaries and cache versions are not kept: a restore recomputes them."""

from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from tradewatch.cache import bump_data_version
from tradewatch.models import Figure, Source, Target
from tradewatch.summaries import loading_in_bulk, refresh_all

# Rebuilt after a restore, or only meaningful on the machine that made them.
NOT_BACKED_UP = [
    "tradewatch.PairSummary",
    "tradewatch.DataVersion",
    "tradewatch.PageVersion",
    "tradewatch.StatisticsUpload",
    "contenttypes",
    "auth.Permission",
    "sessions",
]


SUFFIXES = (".xml", ".xml.gz", ".xml.bz2", ".xml.xz", ".xml.lzma")


class NotEmpty(Exception):
    pass


class BadName(Exception):
    pass


def check_name(path: Path) -> None:
    if not str(path).endswith(SUFFIXES):
        raise BadName(f"{path.name}: name the backup file *.xml or *.xml.gz (or .bz2, .xz).")


def backup(path: Path) -> None:
    check_name(path)
    call_command(
        "dumpdata",
        "tradewatch", "auth", "admin",
        exclude=NOT_BACKED_UP,
        natural_foreign=True,
        natural_primary=True,
        format="xml",
        output=str(path),
        verbosity=0,
    )  # fmt: skip


def restore(path: Path) -> int:
    """Load a backup into a database that has no documents yet, in one transaction; the
    pages' summaries are computed once at the end. Returns the number of summary rows."""
    if Source.objects.exists() or Figure.objects.exists() or Target.objects.exists():
        raise NotEmpty("This database already holds documents; restore into an empty one.")
    token = loading_in_bulk.set(True)
    try:
        with transaction.atomic():
            call_command("loaddata", str(path), verbosity=0)
            rows = refresh_all()  # the restored history already holds these rows' story
            bump_data_version()
    finally:
        loading_in_bulk.reset(token)
    return rows
