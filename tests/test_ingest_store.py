"""Ingesting documents: proposals, idempotence, broken files, review, linking."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from tradewatch.ingest.store import ingest_document, title_of
from tradewatch.models import Figure, ReviewStatus, Source, Target, TargetStatement
from tradewatch.review import review_figures

pytestmark = pytest.mark.django_db

WIRE = """ASTANA, 12 March 2025 (Kazinform) – Trade between Belarus and Kazakhstan reached \
$1.2 billion in 2024, up by 10% year-on-year, Belarusian Ambassador Ivan Petrov said.
The sides plan to bring mutual trade to $2 billion by 2030, he added.
"""

# Kyrgyzstan's accepted $160.2M for 2022, stated again (within 1%) by another Kyrgyz source.
KGZ_2022_AGAIN = (
    "BISHKEK, 3 November 2023 (Kabar) – Trade between Kyrgyzstan and Belarus amounted to "
    "$160.5 million in 2022, the Kyrgyz Ministry of Economy said.\n"
)


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def stored() -> tuple:
    return (Source.objects.count(), Figure.objects.count(), TargetStatement.objects.count())


def test_ingest_proposes_facts_with_verbatim_quotes(tmp_path, seed):
    result = ingest_document(write(tmp_path, "wire.txt", WIRE))
    assert result.status == "added" and result.figures >= 1 and result.statements >= 1
    figure = Figure.objects.get(source=result.source, value_usd=1_200_000_000)
    assert figure.status == ReviewStatus.PROPOSED
    assert figure.period_start.year == 2024 and figure.pair == ("BLR", "KAZ")
    assert result.source.text[figure.quote_start : figure.quote_end] == figure.quote
    # proposals stay off the dashboard until accepted
    assert "$1.2B" not in _kaz_page()


def _kaz_page() -> str:
    from django.test import Client

    return Client().get("/pairs/BLR-KAZ/").content.decode()


def test_ingesting_the_same_file_twice_adds_nothing(tmp_path, seed):
    path = write(tmp_path, "wire.txt", WIRE)
    ingest_document(path)
    before = stored()
    assert ingest_document(path).status == "skipped"
    assert stored() == before


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty"),
        ("binary.txt", b"\x00\x01\x02abc", "binary"),
        ("latin1.txt", "Trade \xe9t\xe9 $5 million".encode("latin-1"), "UTF-8"),
        ("huge.txt", "x" * (1024 * 1024 + 1), "too large"),
        ("missing.txt", None, "not found"),
    ],
)
def test_broken_files_are_reported_and_change_nothing(tmp_path, seed, name, content, reason):
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    before = stored()
    result = ingest_document(path)
    assert result.status == "error" and reason in result.reason
    assert stored() == before


def test_ingest_command_reports_each_file_and_goes_on(tmp_path, seed, capsys):
    write(tmp_path, "a_good.txt", WIRE)
    write(tmp_path, "b_bad.txt", b"\x00\x00")
    with pytest.raises(SystemExit) as exit_:
        call_command("ingest", str(tmp_path))
    out = capsys.readouterr().out
    assert exit_.value.code == 1
    assert "added" in out and "a_good.txt" in out
    assert "b_bad.txt: binary" in out
    assert "1 added, 0 skipped, 1 errors" in out


def test_accepted_proposal_appears_on_the_dashboard(tmp_path, seed, client):
    result = ingest_document(write(tmp_path, "wire.txt", WIRE))
    admin = User.objects.create_superuser("root", password="pw")
    client.force_login(admin)
    figure = Figure.objects.get(source=result.source, value_usd=1_200_000_000)
    response = client.post(
        "/admin/tradewatch/figure/",
        {"action": "mark_accepted", "_selected_action": [figure.pk], "index": "0"},
    )
    assert response.status_code == 302
    assert "$1.2B" in _kaz_page()


def test_same_target_from_a_second_source_is_linked_not_added(tmp_path, seed):
    text = (
        "MINSK, 2 October 2025 (BelTA) – Belarus and Kyrgyzstan intend to bring trade to "
        "$500 million by 2030, Deputy Prime Minister Viktor Karankevich said.\n"
    )
    targets = Target.objects.count()
    result = ingest_document(write(tmp_path, "kgz.txt", text))
    assert result.linked >= 1
    assert Target.objects.count() == targets
    assert Target.objects.get(pk=1).statements.filter(source=result.source).exists()


def test_same_figure_from_a_second_source_is_linked(tmp_path, seed):
    result = ingest_document(write(tmp_path, "kgz2.txt", KGZ_2022_AGAIN))
    figure = Figure.objects.get(source=result.source)
    assert figure.duplicate_of_id == 1  # the accepted $160.2M for 2022, within 1%


def test_source_page_highlights_ingested_facts(tmp_path, seed, client):
    result = ingest_document(write(tmp_path, "wire.txt", WIRE))
    html = client.get(result.source.get_absolute_url()).content.decode()
    assert '<mark id="figure-' in html and "$1.2 billion" in html


def test_extract_command_prints_json_and_writes_nothing(seeds_dir, capsys, db):
    import json

    call_command("extract", str(seeds_dir / "000_56678e832d20c4b2.txt"), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data[0]["document_date"] == "2025-09-30"
    target = next(f for f in data[0]["facts"] if f["kind"] == "target")
    assert target["value_usd"] == 500000000 and target["deadline"] == "2030-12-31"
    assert Source.objects.count() == 0


def test_ingesting_the_seeds_reproduces_the_fixture_facts(seeds_dir, db):
    call_command("ingest", str(seeds_dir), "--accept")
    kgz = Target.objects.get(country_b="KGZ", value_usd=500_000_000)
    assert kgz.statements.count() >= 3
    assert Figure.objects.filter(country_b="KGZ", value_usd=160_200_000, change_pct=65).exists()
    assert Figure.objects.filter(country_b="KGZ", value_usd=170_000_000, qualifier="about").exists()


def test_disagreeing_proposal_flags_a_conflict_on_both_sides(tmp_path, seed, client):
    text = (
        "MINSK, 3 November 2023 (BelTA) – Trade between Belarus and Kyrgyzstan amounted to "
        "$190 million in 2022, the Belarusian foreign ministry said.\n"
    )
    result = ingest_document(write(tmp_path, "kgz3.txt", text))
    proposed = Figure.objects.get(source=result.source)
    assert proposed.duplicate_of is None
    client.force_login(User.objects.create_superuser("root", password="pw"))
    page = client.get("/admin/tradewatch/figure/?country=KGZ")
    flagged = {f.pk for f in page.context["cl"].result_list if f.has_conflict}
    assert {proposed.pk, 1} <= flagged  # the new $190M and the accepted $160.2M


def test_accepting_a_statement_accepts_its_new_target(tmp_path, seed, client):
    result = ingest_document(write(tmp_path, "wire.txt", WIRE))
    statement = TargetStatement.objects.get(source=result.source)
    assert statement.target.status == ReviewStatus.PROPOSED
    client.force_login(User.objects.create_superuser("root", password="pw"))
    client.post(
        "/admin/tradewatch/targetstatement/",
        {"action": "mark_accepted", "_selected_action": [statement.pk], "index": "0"},
    )
    statement.refresh_from_db()
    assert statement.status == statement.target.status == ReviewStatus.ACCEPTED
    assert "$2B" in _kaz_page() and "by 2030" in _kaz_page()


def test_ingesting_seed_files_over_the_fixture_adds_nothing_but_text(seeds_dir, seed, client):
    before = stored()
    results = [ingest_document(p) for p in sorted(seeds_dir.glob("*.txt"))]
    assert {r.status for r in results} == {"skipped"}
    assert stored() == before
    html = client.get("/sources/3/").content.decode()
    assert '<mark id="figure-1">' in html  # the curated quote now highlights in the full text


def test_rejecting_a_figure_releases_its_corroborations(tmp_path, seed):
    result = ingest_document(write(tmp_path, "kgz2.txt", KGZ_2022_AGAIN))
    copy = Figure.objects.get(source=result.source)
    review_figures(Figure.objects.filter(pk=1), ReviewStatus.REJECTED)
    copy.refresh_from_db()
    assert copy.duplicate_of is None and copy.status == ReviewStatus.PROPOSED


def test_other_files_in_a_folder_are_reported_as_skipped(tmp_path, db, capsys):
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    call_command("ingest", str(tmp_path))
    assert "notes.pdf: not a .txt, .html or .htm file" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lukashenko urges ties\n12:58, 5 February\nBody.", "Lukashenko urges ties"),
        (
            "MINSK, 29 September (BelTA) – Belarus and Kyrgyzstan agree. More text.",
            "Belarus and Kyrgyzstan agree.",
        ),
        (
            " date 2025-09-30 The President met the minister. Then more.",
            "The President met the minister.",
        ),
        ("\n\n", "fallback.txt"),
        (  # a "url:"/"date:" header is metadata, never the headline
            "url: https://example.org/2016/06/30/turnover-to-100-billion/\ndate: 2016-06-30\n\n"
            "Turkey allows the turnover with Russia to rise to $100 billion\n\nBody.",
            "Turkey allows the turnover with Russia to rise to $100 billion",
        ),
        (
            "url: https://example.org/a-very-long-address-of-a-news-story\ndate: unknown\n\n"
            "Trade between the two countries grew\nBody.",
            "Trade between the two countries grew",
        ),
    ],
)
def test_titles_skip_datelines_and_date_headers(text, title):
    assert title_of(text, "fallback.txt") == title


def test_a_known_speaker_keeps_the_spelling_on_file(tmp_path, seed):
    text = (
        "MINSK, 6 October 2025 (BelTA) – Trade between Belarus and Kyrgyzstan will reach "
        "$500 million by 2030, Alexander Lukashenko said.\n"
    )
    result = ingest_document(write(tmp_path, "spelling.txt", text))
    statement = TargetStatement.objects.get(source=result.source)
    assert statement.speaker == "Aleksandr Lukashenko"
