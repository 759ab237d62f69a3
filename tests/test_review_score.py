"""make score: the extractor's proposals, kept as made at ingest, against what editors decided
on the review desk — and the same numbers as the development set's own scorer."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from tests.conftest import require
from tradewatch.ingest.store import ingest_document
from tradewatch.models import Figure, Proposal, ReviewStatus, Source, TargetStatement
from tradewatch.review_score import review_score

pytestmark = pytest.mark.django_db
DEV_SET = Path(__file__).resolve().parents[1].parent / "shared" / "extraction-dev"
MISSED = "In 2024 Kyrgyz purchases of Belarusian goods stood at 95.4 (millions of US dollars)."


def kgz(value: str, year: int, day: str) -> str:
    return (
        f"MINSK, {day} (BelTA) – Trade between Belarus and Kyrgyzstan amounted to "
        f"${value} million in {year}, the Belarusian foreign ministry said.\n"
    )


TARGET = "Belarus and Kyrgyzstan intend to bring mutual trade to $900 million by 2032.\n"


def ingest(tmp_path: Path, name: str, text: str, accept: bool = False) -> Source:
    path = tmp_path / name
    path.write_text(text)
    return ingest_document(path, accept=accept).source


@pytest.fixture
def editor(client):
    user = User.objects.create_user("edna", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def decide(client, fact: Figure | TargetStatement, decision: str) -> None:
    kind = "figure" if isinstance(fact, Figure) else "statement"
    url = f"/review/sources/{fact.source_id}/{kind}/{fact.pk}/decide/"
    assert client.post(url, {"decision": decision}).status_code == 302


@pytest.fixture
def reviewed(tmp_path, editor):
    """One document corrected and completed, one rejected, one still open, one accepted
    unreviewed."""
    full = ingest(tmp_path, "a.txt", kgz("180.5", 2025, "3 February 2026") + TARGET + MISSED)
    decide(editor, Figure.objects.get(source=full), "accept")
    statement = TargetStatement.objects.get(source=full)
    url = f"/review/sources/{full.pk}/statement/{statement.pk}/edit/deadline/"
    editor.post(url, {"deadline": "2033", "version": statement.version})
    decide(editor, statement, "accept")
    editor.post(
        f"/review/sources/{full.pk}/add/",
        {"quote": MISSED, "kind": "figure", "first": "BLR", "second": "KGZ", "flow": "first",
         "value": "95.4M", "qualifier": "exact", "period": "2024", "firmness": "remark"},
    )  # fmt: skip
    rejected = ingest(tmp_path, "b.txt", kgz("150.1", 2023, "3 February 2024"))
    decide(editor, Figure.objects.get(source=rejected), "reject")
    ingest(tmp_path, "c.txt", kgz("120.7", 2021, "1 March 2022"))
    ingest(tmp_path, "d.txt", kgz("110.2", 2020, "1 March 2021"), accept=True)
    return full


def test_ingest_keeps_each_proposal_as_the_extractor_made_it(tmp_path):
    source = ingest(tmp_path, "a.txt", kgz("180.5", 2025, "3 February 2026") + TARGET)
    proposals = Proposal.objects.filter(run__source=source).order_by("pk")
    assert [p.fact["kind"] for p in proposals] == ["figure", "target"]
    assert proposals[0].figure == Figure.objects.get(source=source)
    assert proposals[1].statement == TargetStatement.objects.get(source=source)
    assert proposals[0].fact["value_usd"] == 180500000 and proposals[1].fact["deadline"]


def test_a_proposal_that_could_not_be_stored_is_kept_with_the_reason(tmp_path):
    text = "MINSK, 3 February 2026 (BelTA) – Mutual trade rose 2.5 times, the ministry said.\n"
    source = ingest(tmp_path, "a.txt", text)
    kept = list(Proposal.objects.filter(run__source=source))
    assert [(p.fact["kind"], p.figure, p.statement) for p in kept] == [("growth", None, None)]
    assert kept[0].not_stored == "no partner country identified"


def test_the_desk_card_shows_what_the_extractor_proposed_once_corrected(reviewed, client):
    html = client.get(f"/review/sources/{reviewed.pk}/").content.decode()
    assert "The extractor proposed: deadline 2032" in html


def test_the_score_counts_editors_corrections_additions_and_rejections(reviewed):
    result = review_score()
    score = result.score
    # a.txt: 2 proposals (the figure, kept as is; the target, moved to 2033), 3 kept facts
    # (the figure, the corrected target, the added one); b.txt: 1 proposal, rejected.
    assert (score.matched, score.proposed, score.kept) == (1, 3, 3)
    assert (result.open, result.unreviewed) == (1, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(1 / 3)


def test_make_score_prints_precision_recall_and_f1_and_the_misses(reviewed, capsys):
    call_command("score_review")
    out = capsys.readouterr().out
    assert (
        "review: precision 0.33 recall 0.33 F1 0.33 (1 of 3 facts editors kept were proposed; "
        "3 proposals; 2 documents reviewed, 1 left out with proposals still open, "
        "1 accepted at ingest without review)"
    ) in out
    assert re.search(r"missed .*a\.txt: figure BLR–KGZ \$95\.4M 2024-01\.\.2024-12", out)
    assert re.search(r"missed .*a\.txt: target BLR–KGZ \$900M by 2033", out)
    assert re.search(r"wrong .*a\.txt: target BLR–KGZ \$900M by 2032", out)
    assert re.search(r"wrong .*b\.txt: figure BLR–KGZ \$150\.1M", out)


def test_with_nothing_reviewed_make_score_says_so(tmp_path, capsys):
    ingest(tmp_path, "c.txt", kgz("120.7", 2021, "1 March 2022"))
    call_command("score_review")
    assert "no document reviewed to the end yet (1 left out" in capsys.readouterr().out


def test_the_development_sets_scorer_gives_the_same_numbers(tmp_path, capsys):
    """Every stored proposal of the development set's reports decided (every third rejected),
    exported, and scored by its own score.py: the same precision and recall as ours."""
    require((DEV_SET / "score.py").is_file(), f"development set not found at {DEV_SET}")
    for path in sorted((DEV_SET / "articles").glob("*.txt")):
        ingest_document(path)
    for i, figure in enumerate(Figure.objects.order_by("pk")):
        figure.status = ReviewStatus.REJECTED if i % 3 == 2 else ReviewStatus.ACCEPTED
        figure.save(update_fields=["status"])
    TargetStatement.objects.update(status=ReviewStatus.ACCEPTED)
    call_command("score_review", export=str(tmp_path))
    capsys.readouterr()
    scored = subprocess.run(
        [sys.executable, str(DEV_SET / "score.py"), str(tmp_path / "answers.json"),
         str(tmp_path / "predictions.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    theirs = re.search(r"\((\d+) of (\d+) gold, (\d+) proposed", scored.stdout).groups()
    # score.py reads only documents with answers; ours also counts proposals of a document
    # whose every proposal was rejected (they are all wrong).
    documents = [d for d in review_score().score.documents if d.kept]
    ours = (sum(d.matched for d in documents), sum(d.kept for d in documents))
    assert (*ours, sum(d.proposed for d in documents)) == tuple(map(int, theirs))
    assert ours[0] > 0
