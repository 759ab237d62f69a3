"""manage.py import_stats: official statistics files become each side's figures, all or
nothing, and a second import of the same file adds nothing."""

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from tradewatch.models import Figure, Source, SourceKind

pytestmark = pytest.mark.django_db
HEADER = (
    (Path(__file__).parent / "statistics_files" / "comtrade_blr_kgz.csv")
    .read_text()
    .splitlines()[0]
)


def comtrade_row(year: int, reporter: str, partner: str, flow: str, value: str, cmd="TOTAL") -> str:
    """One annual total as UN Comtrade's download writes it (only the columns we read vary)."""
    cells = dict.fromkeys(HEADER.split(","), "")
    codes = {"BLR": ("112", "Belarus"), "KGZ": ("417", "Kyrgyzstan")}
    cells |= {
        "typeCode": "C", "freqCode": "A", "refPeriodId": f"{year}0101", "refYear": str(year),
        "refMonth": "52", "period": str(year), "reporterCode": codes[reporter][0],
        "reporterISO": reporter, "reporterDesc": codes[reporter][1], "flowCode": flow,
        "partnerCode": codes[partner][0], "partnerISO": partner, "partnerDesc": codes[partner][1],
        "partner2Code": "0", "cmdCode": cmd, "customsCode": "C00", "motCode": "0",
        "primaryValue": value,
    }  # fmt: skip
    return ",".join(cells[c] for c in HEADER.split(","))


# Each side's statistics office: Belarus's exports and imports, and Kyrgyzstan's mirror.
ROWS = [
    comtrade_row(2021, "BLR", "KGZ", "X", "80000000"),
    comtrade_row(2021, "BLR", "KGZ", "M", "17000000"),
    comtrade_row(2021, "KGZ", "BLR", "M", "82000000"),
    comtrade_row(2021, "KGZ", "BLR", "X", "16500000"),
    comtrade_row(2022, "BLR", "KGZ", "X", "120000000"),
    comtrade_row(2022, "BLR", "KGZ", "M", "42000000"),
    comtrade_row(2022, "KGZ", "BLR", "M", "118500000"),
    comtrade_row(2022, "KGZ", "BLR", "X", "40000000"),
]


def write(tmp_path: Path, rows: list[str], name: str = "TradeData_blr_kgz.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def snapshot() -> tuple:
    return (
        list(Figure.objects.order_by("pk").values_list("pk", "value_usd")),
        list(Source.objects.order_by("pk").values_list("pk", "title")),
        Figure.history.count(),
    )


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_stats", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_a_comtrade_file_is_two_lines_beside_the_170_million_claim(client, seed, tmp_path):
    output = run(write(tmp_path, ROWS))
    assert "8 rows; added 12 figures" in output  # 8 flows + each side's turnover, both years
    stats = Figure.objects.filter(source__kind=SourceKind.STATISTICS, flow="turnover")
    assert {(f.side_id, f.period_end.year, int(f.value_usd)) for f in stats} == {
        ("BLR", 2021, 97_000_000), ("KGZ", 2021, 98_500_000),
        ("BLR", 2022, 162_000_000), ("KGZ", 2022, 158_500_000),
    }  # fmt: skip
    chart = client.get("/pairs/BLR-KGZ/").context["chart"]
    lines = [t for t in chart["data"] if t["name"].endswith("official statistics")]
    assert [(t["name"], t["y"]) for t in lines] == [
        ("Belarus's official statistics", [97.0, 162.0]),
        ("Kyrgyzstan's official statistics", [98.5, 158.5]),
    ]
    page = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get("/pairs/BLR-KGZ/").content.decode())
    )
    assert "Official statistics for 2022: $162M (Belarus, UN Comtrade" in page
    assert "this statement is +4.9% above them" in page  # "some $170 million"


def test_exports_and_imports_keep_their_direction(seed, tmp_path):
    run(write(tmp_path, ROWS))
    mirror = Figure.objects.get(side="KGZ", flow="exports", period_end__year=2022, exporter="BLR")
    assert mirror.value_usd == 118_500_000  # Kyrgyzstan's imports from Belarus
    assert "Kyrgyzstan's imports from Belarus, 2022: USD 118,500,000" in mirror.quote


def test_the_same_file_twice_adds_nothing(seed, tmp_path):
    path = write(tmp_path, ROWS)
    run(path)
    before = snapshot()
    assert "added 0 figures; 12 already on file" in run(path)
    assert snapshot() == before


def test_a_bad_row_in_the_middle_writes_nothing_and_is_named(seed, tmp_path):
    rows = ROWS[:3] + [comtrade_row(2022, "BLR", "KGZ", "X", "lots")] + ROWS[3:]
    before = snapshot()
    out = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_stats", write(tmp_path, rows), stdout=out, stderr=out)
    assert "line 5: primaryValue: 'lots' is not a number" in out.getvalue()
    assert snapshot() == before


def test_one_bad_file_among_several_writes_none_of_them(seed, tmp_path):
    good = write(tmp_path, ROWS, "good.csv")
    bad = write(tmp_path, [comtrade_row(2022, "BLR", "KGZ", "X", "1", cmd="27")], "bad.csv")
    before = snapshot()
    with pytest.raises(CommandError):
        run(good, bad)
    assert snapshot() == before


def test_a_dry_run_says_what_it_would_add_and_writes_nothing(seed, tmp_path):
    before = snapshot()
    output = run(write(tmp_path, ROWS), "--dry-run")
    assert "would add 12 figures" in output and "Dry run: nothing was written." in output
    assert snapshot() == before


def test_the_template_as_xlsx_in_euros(seed, tmp_path):
    frame = pd.DataFrame(
        {
            "reporter": ["BLR"],
            "partner": ["KGZ"],
            "flow": ["turnover"],
            "year": ["2023"],
            "value": ["150000000"],
            "currency": ["EUR"],
            "publisher": ["National Statistical Committee"],
            "url": ["https://stat.example/t1"],
        }  # fmt: skip
    )
    path = tmp_path / "template.xlsx"
    frame.to_excel(path, index=False)
    assert "added 1 figures" in run(path)
    figure = Figure.objects.get(source__kind=SourceKind.STATISTICS)
    assert figure.currency == "EUR" and figure.amount == 150_000_000
    assert float(figure.value_usd) == pytest.approx(150_000_000 * 1.0816, rel=0.01)
    assert figure.source.publisher == "National Statistical Committee"


def test_imported_statistics_have_a_history_for_past_views(seed, tmp_path):
    run(write(tmp_path, ROWS))
    assert (
        Figure.history.filter(history_change_reason="imported from official statistics").count()
        == 12
    )


def test_a_missing_file_is_a_clear_error(seed, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nope.csv")


def upload(admin_client, path: Path):
    with path.open("rb") as f:
        return admin_client.post("/admin/tradewatch/source/import-statistics/", {"file": f})


def test_admin_upload_preview_and_confirm(admin_client, seed, tmp_path):
    changelist = admin_client.get("/admin/tradewatch/source/").content.decode()
    assert "/admin/tradewatch/source/import-statistics/" in changelist
    before = snapshot()
    response = upload(admin_client, write(tmp_path, ROWS))
    preview_url = response["Location"]
    preview = admin_client.get(preview_url).content.decode()
    assert "would add <strong>12</strong> figures" in preview
    assert "Kyrgyzstan&#x27;s imports from Belarus, 2022: USD 118,500,000" in preview
    assert snapshot() == before  # the preview writes nothing
    done = admin_client.post(preview_url, follow=True).content.decode()
    assert "added 12 figures; 0 were already on file" in done
    assert Figure.objects.filter(source__kind=SourceKind.STATISTICS).count() == 12
    assert admin_client.post(preview_url).status_code == 404  # confirmed once, then gone


def test_admin_preview_names_each_bad_row_and_offers_no_confirm(admin_client, seed, tmp_path):
    rows = ROWS[:2] + [comtrade_row(2022, "BLR", "KGZ", "RX", "5")] + ROWS[2:]
    before = snapshot()
    preview = admin_client.get(upload(admin_client, write(tmp_path, rows))["Location"])
    html = preview.content.decode()
    assert "1 error — nothing can be imported" in html
    assert re.search(r"<td>4</td><td>flowCode</td><td>[^<]*only X \(exports\) and M", html)
    assert "Confirm: import" not in html
    assert snapshot() == before


def test_admin_refuses_an_oversized_upload_with_a_message(admin_client, seed, tmp_path, settings):
    from tradewatch import admin_import

    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2048)
    original = admin_import.MAX_BYTES
    admin_import.MAX_BYTES = 1024
    try:
        html = upload(admin_client, big).content.decode()
    finally:
        admin_import.MAX_BYTES = original
    assert "can be imported at once" in html


def test_readers_cannot_reach_the_import(client, seed):
    response = client.get("/admin/tradewatch/source/import-statistics/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
