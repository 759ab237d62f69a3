import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from tradewatch.ingest.extract import facts_from_text
from tradewatch.ingest.files import DocumentError, read_document

TEXT_COLUMNS = (
    "kind",
    "reporter",
    "partner",
    "side",
    "flow",
    "value_usd",
    "qualifier",
    "period_end",
    "deadline",
    "growth_pct",
    "speaker",
)


class Command(BaseCommand):
    help = "Print the facts found in each file. Writes nothing to the database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, files: list[str], format: str, **options) -> None:
        results, failed = [], False
        for name in files:
            try:
                text = read_document(name)
                extraction = facts_from_text(text, default_home=settings.TRADEWATCH_HOME)
            except DocumentError as err:
                failed = True
                self.stderr.write(f"{name}: {err.reason}")
                continue
            results.append(extraction.to_json(name))
        if format == "json":
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(text_table(results))
        if failed:
            sys.exit(1)


def text_table(results: list[dict]) -> str:
    lines = []
    for doc in results:
        inferred = " (inferred)" if doc["date_inferred"] else ""
        lines.append(f"== {doc['file']} — dated {doc['document_date'] or 'unknown'}{inferred}")
        lines.append("  ".join(f"{c:>12}" for c in TEXT_COLUMNS))
        for fact in doc["facts"]:
            lines.append(
                "  ".join(
                    f"{str(fact[c] if fact[c] is not None else '—')[:12]:>12}" for c in TEXT_COLUMNS
                )
            )
            lines.append(f"{'':>12}  “{fact['quote']}”")
    return "\n".join(lines)
