import json
from pathlib import Path

from django.core.management.base import BaseCommand

from tradewatch.review_score import review_score, reviewed_documents, shared_scorer_files


class Command(BaseCommand):
    help = (
        "The extractor's precision, recall and F1 against editors' decisions, over every "
        "ingested document they finished reviewing (the development set's scoring rules)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--show", type=int, default=12, metavar="N", help="List up to N misses of each kind."
        )
        parser.add_argument(
            "--export",
            metavar="DIR",
            help="Also write answers.json and predictions.json there, for the development "
            "set's score.py.",
        )

    def handle(self, *args, show: int, export: str | None, **options) -> None:
        result = review_score()
        score = result.score
        for document in score.documents:
            for fact in document.missed[:show]:
                self.stdout.write(f"missed  {document.name}: {fact.label} (added by an editor)")
            for fact in document.wrong[:show]:
                self.stdout.write(f"wrong   {document.name}: {fact.label} (rejected or corrected)")
        left_out = f"{result.open} left out with proposals still open"
        if result.unreviewed:
            left_out += f", {result.unreviewed} accepted at ingest without review"
        if not score.documents:
            self.stdout.write(f"review: no document reviewed to the end yet ({left_out})")
        else:
            self.stdout.write(
                f"review: precision {score.precision:.2f} recall {score.recall:.2f} "
                f"F1 {score.f1:.2f} ({score.matched} of {score.kept} facts editors kept were "
                f"proposed; {score.proposed} proposals; {len(score.documents)} documents "
                f"reviewed, {left_out})"
            )
        if export:
            self.export(Path(export))

    def export(self, folder: Path) -> None:
        answers, predictions = shared_scorer_files(reviewed_documents()[0])
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in (("answers.json", answers), ("predictions.json", predictions)):
            (folder / name).write_text(json.dumps(data, indent=1, ensure_ascii=False))
        self.stdout.write(f"wrote {folder / 'answers.json'} and {folder / 'predictions.json'}")
