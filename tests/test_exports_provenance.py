"""Every table and chart offers CSV and JSON of exactly what it shows — the same rows, under
the same filters, sort and ?as_of=, each fact with its provenance — and a pair's ZIP adds a
README with the method in words and a suggested citation."""

import csv
import gzip
import io
import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from tests.conftest import add_figure
from tradewatch.domain.money import Qualifier, format_usd
from tradewatch.history import record_initial_history
from tradewatch.models import Figure, PairSummary, Source, Target, TargetStatement
from tradewatch.summaries import loading_in_bulk, refresh_all

pytestmark = pytest.mark.django_db

PROVENANCE = [
    "side",
    "side_name",
    "speaker",
    "quote",
    "source_title",
    "source_kind",
    "source_publisher",
    "source_published",
    "source_url",
    "source_page",
]
# figures.csv as first published: its columns stay where they were (new ones come after).
FIRST_CSV_HEADER = (
    "kind,id,reporter,partner,country_a,country_b,flow,exporter,importer,side,period_start,"
    "period_end,period_label,value_usd,currency,amount,usd_rate,usd_rate_basis,qualifier,"
    "change_pct,change_qualifier,growth_factor,derived,derivation,used_for_progress_by_editor,"
    "conflict,speaker,quote,source_id,source_title,source_kind,source_publisher,source_published,"
    "source_date_inferred,source_url,statistics_gap_figure_id,statistics_gap_spread,deadline,"
    "stated_on,description,superseded_by,firmest,statement_side,statement_speaker,"
    "statement_stated_on,statement_deadline_as_stated,statement_value_as_stated_usd,"
    "statement_firmness,statement_wording,statement_quote,statement_source_id,"
    "statement_source_title,statement_source_kind,statement_source_publisher,"
    "statement_source_published,statement_source_date_inferred,statement_source_url"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict) -> None:
        self.tag, self.attrs, self.children = tag, attrs, []

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def all(self, tag: str, cls: str | None = None) -> list["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and (
                    cls is None or cls in child.attrs.get("class", "").split()
                ):
                    found.append(child)
                found += child.all(tag, cls)
        return found

    def first(self, tag: str, cls: str | None = None) -> "Node":
        return self.all(tag, cls)[0]

    def own(self) -> str:
        """The node's text without its <footer> (a quote without its attribution)."""
        parts = [
            c if isinstance(c, str) else "" if c.tag == "footer" else c.own() for c in self.children
        ]
        return re.sub(r"\s+", " ", "".join(parts)).strip()


class Page(HTMLParser):
    """A page as a small tree (the stdlib's parser; our templates close their tags)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.root = Node("document", {})
        self.stack = [self.root]
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if any(n.tag == tag for n in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def page(client, url: str) -> Node:
    response = client.get(url)
    assert response.status_code == 200, url
    return Page(response.content.decode()).root


def csv_of(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def json_rows(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.json()["rows"]


def unquote(text: str) -> str:
    return text.strip().removeprefix("“").removesuffix("”")


def side_shown(row: dict) -> str:
    return row["side_name"] or "side not stated"


def figures_on_page(root: Node) -> list[tuple]:
    rows = []
    for tr in root.first("table", "facts").all("tr"):
        if not tr.attrs.get("id", "").startswith("figure-"):
            continue
        value_cell, side_cell, quote_cell = tr.all("td")
        quote = quote_cell.first("blockquote", "quote")
        rows.append(
            (
                value_cell.first("span", "value").text(),
                value_cell.first("span", "period").text(),
                side_cell.text(),
                quote.first("footer").first("a").text(),
                unquote(quote.own()),
            )
        )
    return rows


def figures_on_every_page(client, url: str) -> list[tuple]:
    """The table's rows on all its pages, oldest first (page 1 holds the newest)."""
    pages = [page(client, url)]
    sep = "&" if "?" in url else "?"
    while any(a.attrs.get("rel") == "next" for a in pages[-1].all("a")):
        pages.append(page(client, f"{url}{sep}page={len(pages) + 1}"))
    return [row for p in reversed(pages) for row in figures_on_page(p)]


def exported_figure(row: dict) -> tuple:
    return (row["value_shown"], row["period_label"], side_shown(row), row["source_title"],
            row["quote"])  # fmt: skip


@contextmanager
def in_bulk() -> Iterator[None]:
    """Many writes, the overview's rows refreshed once at the end (as a bulk load does)."""
    token = loading_in_bulk.set(True)
    try:
        yield
    finally:
        loading_in_bulk.reset(token)
    refresh_all()


@pytest.fixture
def grown(seed):
    """The seed and a long monthly bulletin: the figures table runs to several pages."""
    bulletin = Source.objects.create(
        title="Foreign trade bulletin",
        kind="statistics",
        publisher="National Statistical Committee",
        url="https://stat.example.kg/trade",
        published=date(2025, 3, 1),
    )
    with in_bulk():
        for year in range(1950, 2010):
            add_figure(year=year, value=str(90_000_000 + year), source=bulletin, side="KGZ")
    return bulletin


@pytest.mark.parametrize("query", ["", "?from=2022&to=2023", "?flow=turnover&from=2000"])
def test_the_figures_export_holds_the_rows_of_every_page_of_the_table(client, grown, query):
    shown = figures_on_every_page(client, f"/pairs/BLR-KGZ/{query}")
    exported = csv_of(client, f"/pairs/BLR-KGZ/tables/figures.csv{query}")
    assert [exported_figure(r) for r in exported] == shown
    as_json = json_rows(client, f"/pairs/BLR-KGZ/tables/figures.json{query}")
    assert [r["id"] for r in as_json] == [int(r["id"]) for r in exported]
    if not query:
        assert len(shown) > 50  # more than one page of the table
        assert ("$160.2M", "2022", "Kyrgyzstan") in [row[:3] for row in shown]
    if "to=2023" in query:
        assert all(row[1] in ("2022", "Jan–Aug 2023", "2021–2023") for row in shown)


def test_the_targets_and_statements_exports_hold_the_targets_section(client, seed):
    root = page(client, "/pairs/BLR-KGZ/")
    articles = root.all("article", "target")
    targets = csv_of(client, "/pairs/BLR-KGZ/tables/targets.csv")
    assert [f"target-{t['id']}" for t in targets] == [a.attrs["id"] for a in articles]
    statements = csv_of(client, "/pairs/BLR-KGZ/tables/statements.csv")
    shown, exported = [], []
    for article, target in zip(articles, targets, strict=True):
        value = format_usd(Decimal(target["value_usd"]), Qualifier(target["qualifier"]))
        assert article.first("h3").text().startswith(f"{value} by {target['deadline'][:4]}")
        lineage = article.first("table", "lineage").first("tbody").all("tr")
        quotes = article.all("div", "statement")
        assert int(target["statement_count"]) == len(lineage) == len(quotes)
        for tr, statement in zip(lineage, quotes, strict=True):
            when, who, _value, _deadline, wording, _firmness = tr.all("td")
            block = statement.first("blockquote", "quote")
            shown.append((article.attrs["id"], when.first("time").attrs["datetime"], who.text(),
                          wording.text(), unquote(block.own()),
                          block.first("footer").first("a").text()))  # fmt: skip
    for s in statements:
        who = (s["speaker"] or "report text") + (f" ({s['side_name']})" if s["side"] else "")
        exported.append((f"target-{s['target_id']}", s["stated_on"], who, s["wording"] or "—",
                         s["quote"], s["source_title"]))  # fmt: skip
    assert exported == shown
    assert len(exported) == 3 and "$500 million by 2030" in exported[-1][4]


@pytest.mark.parametrize("query", ["", "?from=2023", "?as_of=YESTERDAY"])
def test_the_chart_export_holds_the_rows_of_the_charts_data_table(client, seed, query):
    record_initial_history(at=timezone.now() - timedelta(days=2))
    query = query.replace("YESTERDAY", f"{timezone.localdate() - timedelta(days=1)}")
    table = page(client, f"/pairs/BLR-KGZ/{query}").first("details", "chart-data")
    shown = [tuple(td.text() for td in tr.all("td")) for tr in table.first("tbody").all("tr")]
    exported = csv_of(client, f"/pairs/BLR-KGZ/tables/chart.csv{query}")
    assert [(r["series"], r["period"], r["value"]) for r in exported] == shown
    assert ("Target", "2030", "≈ $500M") in shown
    assert all(r["source_title"] and r["quote"] for r in exported)


def overview_rows(root: Node) -> list[tuple]:
    rows = []
    for tr in root.first("table", "overview").first("tbody").all("tr"):
        pair, latest, _target, share, _required, status = [tr.first("th"), *tr.all("td")]
        rows.append((pair.first("a").text(), latest.text().split(" in ")[0], share.text(),
                     status.text()))  # fmt: skip
    return rows


def exported_pair(row: dict) -> tuple:
    share = "—" if not row["share_of_target"] else f"{float(row['share_of_target']):.1%}"
    value = row["latest_value_shown"] or "no full-year value"
    return (f"{row['first_name']} – {row['second_name']}", value, share, row["status"])


@pytest.fixture
def three_pairs(seed):
    add_figure("UZB", year=2024, value="900000000", side="UZB", quote="turnover of $900 million")


@pytest.mark.parametrize(
    "query", ["?sort=-latest", "?sort=pair", "?country=KAZ", "?status=on+track"]
)
def test_the_overview_export_holds_its_table_in_its_order(client, three_pairs, query):
    shown = overview_rows(page(client, f"/{query}"))
    exported = csv_of(client, f"/pairs.csv{query}")
    assert [exported_pair(r) for r in exported] == shown
    assert [r["pair"] for r in json_rows(client, f"/pairs.json{query}")] == [
        r["pair"] for r in exported
    ]
    if query == "?sort=-latest":
        values = [float(r["latest_value_usd"]) for r in exported]
        assert len(values) == 3 and values == sorted(values, reverse=True)


def test_the_country_export_holds_the_country_pages_table(client, three_pairs):
    root = page(client, "/countries/KGZ/")
    shown = []
    for tr in root.first("table", "overview").first("tbody").all("tr"):
        cells = tr.all("td")
        shown.append((tr.first("th").first("a").text(), *(c.text() for c in cells[:2]),
                      cells[-1].text()))  # fmt: skip
    exported = []
    for r in csv_of(client, "/countries/KGZ/partners.csv"):
        sides = [
            f"{r[f'{s}_value_shown']} in {r[f'{s}_period_label']}" if r[f"{s}_id"] else "none"
            for s in ("first_latest", "second_latest")
        ]
        exported.append((r["second_name"], *sides, r["status"]))
    assert exported == shown == [("Belarus", "$160.2M in 2022", "≈ $170M in 2022", "on track")]


def test_every_exported_fact_carries_its_provenance(client, grown):
    tables = ["figures", "targets", "statements", "chart"]
    for table in tables:
        rows = csv_of(client, f"/pairs/BLR-KGZ/tables/{table}.csv")
        assert rows and set(PROVENANCE) <= set(rows[0]), table
        for row in rows:
            assert row["source_title"] and row["quote"] and row["source_kind"], (table, row)
            assert row["source_published"] and row["source_page"].startswith("http://testserver/")
            source = Source.objects.get(pk=row["source_id"])
            assert (row["source_publisher"], row["source_url"]) == (source.publisher, source.url)
            assert row["side"] in ("BLR", "KGZ", "")
    bulletin = [r for r in csv_of(client, "/pairs/BLR-KGZ/tables/figures.csv")
                if r["source_title"] == "Foreign trade bulletin"]  # fmt: skip
    assert bulletin[0]["source_publisher"] == "National Statistical Committee"
    assert bulletin[0]["source_url"] == "https://stat.example.kg/trade"
    assert bulletin[0]["source_kind"] == "statistics" and bulletin[0]["side_name"] == "Kyrgyzstan"
    assert bulletin[0]["source_page"].endswith(f"/sources/{grown.pk}/#figure-{bulletin[0]['id']}")
    for url in ("/pairs.csv", "/countries/BLR/partners.csv"):
        rows = csv_of(client, url)
        assert len(rows) == 2
        for row in rows:
            for fact in ("latest", "first_latest", "second_latest", "target"):
                assert all(f"{fact}_{column}" in row for column in PROVENANCE), fact
                if row[f"{fact}_id"]:  # a side without a figure has empty columns
                    assert row[f"{fact}_source_title"] and row[f"{fact}_quote"], (fact, row)
            assert row["latest_id"] and row["target_id"]


def test_a_past_days_export_equals_that_days_page(client, seed):
    loaded = timezone.now() - timedelta(days=3)
    record_initial_history(at=loaded)
    PairSummary.history.update(history_date=loaded)
    figure = Figure.objects.get(value_usd=160_200_000, derived=False)
    figure.value_usd = 171_300_000
    figure.save()
    add_figure(year=2025, value="250000000", quote="trade reached $250 million in 2025")
    day = f"?as_of={timezone.localdate() - timedelta(days=1)}"
    shown = figures_on_every_page(client, f"/pairs/BLR-KGZ/{day}")
    exported = csv_of(client, f"/pairs/BLR-KGZ/tables/figures.csv{day}")
    assert [exported_figure(r) for r in exported] == shown
    values = {r["value_shown"] for r in exported}
    assert "$160.2M" in values and "$171.3M" not in values and "$250M" not in values
    today = {r["value_shown"] for r in csv_of(client, "/pairs/BLR-KGZ/tables/figures.csv")}
    assert "$171.3M" in today
    assert overview_rows(page(client, f"/{day}")) == [
        exported_pair(r) for r in csv_of(client, f"/pairs.csv{day}")
    ]
    about = client.get(f"/pairs/BLR-KGZ/tables/figures.json{day}").json()
    assert about["as_of"] == day.removeprefix("?as_of=")
    assert about["filters"]["as_of"] == about["as_of"]


def open_zip(client, url: str) -> zipfile.ZipFile:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_zip_holds_every_table_the_json_a_readme_and_a_citation(client, seed):
    archive = open_zip(client, "/pairs/BLR-KGZ/export.zip?from=2021")
    assert sorted(archive.namelist()) == sorted(
        [
            "figures.csv",
            "targets.csv",
            "statements.csv",
            "chart.csv",
            "pair.json",
            "README.txt",
            "CITATION.txt",
        ]  # fmt: skip
    )
    # Unpacked, every file is readable by others too (not 0600).
    assert all((info.external_attr >> 16) & 0o444 == 0o444 for info in archive.infolist())
    for table in ("figures", "targets", "statements", "chart"):
        alone = client.get(f"/pairs/BLR-KGZ/tables/{table}.csv?from=2021").content.decode()
        assert archive.read(f"{table}.csv").decode() == alone
    data = json.loads(archive.read("pair.json"))
    assert data["filters"]["from"] == 2021 and len(data["figures"]) == 6
    assert data["progress"]["status"] == "on track" and data["chart"]
    readme = archive.read("README.txt").decode()
    assert "Whose number counts" in readme and "Open SDG" in readme
    assert "(target ÷ latest) ^ (1 ÷ years) − 1" in readme and "as_of" in readme
    assert "Kyrgyzstan's figure: exact, where the other is approximate" in readme
    assert "growth still required: 15.3% a year" in readme
    for name in ("figures.csv", "targets.csv", "statements.csv", "chart.csv"):
        header = archive.read(name).decode().splitlines()[0].split(",")
        section = readme.split(f"\n{name}\n")[1].split("\n\n")[0]
        described = dict(line.strip().split(": ", 1) for line in section.splitlines())
        assert set(header) == set(described) and all(described.values()), name
    citation = archive.read("CITATION.txt").decode()
    day = timezone.localdate()
    assert citation.startswith(f"TradeWatch ({day.year}). Belarus–Kyrgyzstan trade")
    assert f"as of {day.day} {day:%B %Y}" in citation
    assert "http://testserver/pairs/BLR-KGZ/?from=2021" in citation and citation in readme


def test_the_dashboard_shows_the_citation_and_links_that_follow_its_filters(client, seed):
    html = client.get("/pairs/BLR-KGZ/?from=2022&page=1").content.decode()
    day = timezone.localdate()
    assert (
        f"TradeWatch ({day.year}). Belarus–Kyrgyzstan trade: figures and targets (2022–…), "
        f"as of {day.day} {day:%B %Y}. http://testserver/pairs/BLR-KGZ/?from=2022."
    ) in html
    for table in ("figures", "targets", "statements", "chart"):
        for fmt in ("csv", "json"):
            assert f'href="/pairs/BLR-KGZ/tables/{table}.{fmt}?from=2022"' in html
    assert 'href="/pairs/BLR-KGZ/export.zip?from=2022"' in html
    # The filter form swaps only the results: its links and citation are in the swap.
    headers = {"HX-Request": "true", "HX-Target": "dashboard-results"}
    swapped = client.get("/pairs/BLR-KGZ/?flow=exports&to=2024", headers=headers)
    part = swapped.content.decode()
    assert part.lstrip().startswith('<div id="dashboard-results"')
    assert 'href="/pairs/BLR-KGZ/tables/figures.csv?flow=exports&amp;to=2024"' in part
    assert "exports of Belarus to Kyrgyzstan: figures and targets (…–2024)" in part


def test_the_overview_and_country_links_carry_their_filters(client, seed):
    html = client.get("/?sort=-share&status=on+track&page=1").content.decode()
    assert 'href="/pairs.csv?status=on+track&amp;sort=-share"' in html
    assert 'href="/pairs.json?status=on+track&amp;sort=-share"' in html
    # A query the page could not use shows every pair: so does its link.
    assert 'href="/pairs.csv"' in client.get("/?sort=bogus").content.decode()
    yesterday = timezone.localdate() - timedelta(days=1)
    country = client.get(f"/countries/BLR/?as_of={yesterday}").content.decode()
    assert f'href="/countries/BLR/partners.csv?as_of={yesterday}"' in country


def test_file_names_carry_the_pair_the_table_and_the_day(client, seed):
    today = timezone.localdate()
    past = today - timedelta(days=30)
    cases = {
        "/pairs/BLR-KGZ/tables/statements.csv": f"tradewatch-BLR-KGZ-statements-{today}.csv",
        "/pairs/KGZ-BLR/tables/chart.json?flow=exports": (
            f"tradewatch-KGZ-BLR-exports-chart-{today}.json"
        ),
        f"/pairs/BLR-KGZ/export.zip?as_of={past}": f"tradewatch-BLR-KGZ-tables-{past}.zip",
        "/pairs/BLR-KGZ/figures.csv": f"tradewatch-BLR-KGZ-figures-{today}.csv",
        f"/pairs.csv?as_of={past}": f"tradewatch-pairs-{past}.csv",
        "/countries/KGZ/partners.json": f"tradewatch-KGZ-partners-{today}.json",
    }  # fmt: skip
    for url, name in cases.items():
        assert f'filename="{name}"' in client.get(url)["Content-Disposition"], url


def test_the_first_csv_keeps_its_columns_where_they_were(client, seed):
    header = client.get("/pairs/BLR-KGZ/figures.csv").content.decode().splitlines()[0]
    assert header.startswith(FIRST_CSV_HEADER + ",")
    assert header.endswith(
        "value_shown,side_name,source_page,statement_side_name,statement_source_page"
    )
    api = client.get("/api/pairs/BLR-KGZ/").json()
    assert api["figures"][0]["source"]["title"] and api["figures"][0]["source_page"]


def test_formulas_in_quotes_are_neutralised_in_every_csv(client, seed):
    add_figure(year=2025, quote='=HYPERLINK("http://evil")', speaker="@attacker")
    body = client.get("/pairs/BLR-KGZ/tables/figures.csv").content.decode()
    assert "'=HYPERLINK" in body and "'@attacker" in body
    chart = client.get("/pairs/BLR-KGZ/tables/chart.csv").content.decode()
    assert "'=HYPERLINK" in chart
    zipped = open_zip(client, "/pairs/BLR-KGZ/export.zip").read("figures.csv").decode()
    assert "'=HYPERLINK" in zipped and ",=HYPERLINK" not in zipped
    assert '=HYPERLINK("http://evil")' in [
        r["quote"] for r in json_rows(client, "/pairs/BLR-KGZ/tables/figures.json")
    ]  # JSON is data: exactly as stated


def test_an_empty_table_still_has_its_header(client, seed):
    rows = client.get("/pairs/BLR-KGZ/tables/figures.csv?flow=exports").content.decode()
    assert rows.splitlines() == [rows.splitlines()[0]] and "source_title" in rows
    assert "source_title" in client.get("/pairs.csv?status=moving+away").content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/pairs/BLR-KGZ/tables/figures.csv?from=abc", "must be a year such as 2022"),
        ("/pairs/BLR-KGZ/tables/targets.csv?from=2024&to=2020", "end year cannot be before"),
        ("/pairs/BLR-KGZ/export.zip?as_of=2999-01-01", "cannot be in the future"),
        ("/pairs/BLR-KGZ/tables/chart.json?flow=sideways", "sideways"),
        ("/pairs.csv?sort=bogus", "Sort by one of the table's columns"),
        ("/pairs.json?country=XYZ", "No country with the ISO 3166 code"),
        ("/countries/BLR/partners.csv?as_of=yesterday", "must be a date such as"),
    ],
)
def test_bad_filters_are_400_with_a_message(client, seed, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.content.decode()
    if ".json" in url:
        assert response.json()["errors"]


@pytest.mark.parametrize(
    "url",
    [
        "/pairs/BLR-KGZ/tables/sources.csv",
        "/pairs/BLR-KGZ/tables/figures.xlsx",
        "/pairs/BLR-XXX/tables/figures.csv",
        "/pairs/BLR-BLR/export.zip",
        "/countries/XXX/partners.csv",
    ],
)
def test_unknown_tables_formats_and_countries_are_404(client, seed, url):
    assert client.get(url).status_code == 404


def test_the_zip_comes_whole_from_the_cache(client, seed, django_assert_num_queries):
    first = client.get("/pairs/BLR-KGZ/export.zip")
    with django_assert_num_queries(1):  # the data version; the rest is the stored response
        again = client.get("/pairs/BLR-KGZ/export.zip")
    assert again.content == first.content
    assert zipfile.ZipFile(io.BytesIO(again.content)).testzip() is None
    # Stored gzipped once, like every cached body: a browser unpacks it to the same bytes.
    asked = client.get("/pairs/BLR-KGZ/export.zip", headers={"Accept-Encoding": "gzip"})
    assert asked["Content-Encoding"] == "gzip"
    assert gzip.decompress(asked.content) == first.content
    add_figure(year=2025, value="250000000", quote="trade reached $250 million in 2025")
    edited = open_zip(client, "/pairs/BLR-KGZ/export.zip").read("figures.csv").decode()
    assert "trade reached $250 million in 2025" in edited


def settle_history(days: int) -> None:
    """Every fact and overview row as recorded `days` ago, so a past view shows them all."""
    at = timezone.now() - timedelta(days=days)
    record_initial_history(at=at)
    for model in (Figure, Target, TargetStatement, PairSummary):
        model.history.update(history_date=at)


def test_links_in_a_cached_export_name_the_site_it_was_asked_from(client, seed):
    first = client.get("/pairs/BLR-KGZ/tables/figures.json").json()
    other = client.get("/pairs/BLR-KGZ/tables/figures.json", HTTP_HOST="localhost").json()
    assert first["page"] == "http://testserver/pairs/BLR-KGZ/"
    assert other["page"] == "http://localhost/pairs/BLR-KGZ/"
    assert other["rows"][0]["source_page"].startswith("http://localhost/sources/")


EXPORTS = [
    "/pairs/BLR-KGZ/tables/figures.csv",
    "/pairs/BLR-KGZ/tables/targets.json",
    "/pairs/BLR-KGZ/tables/statements.csv",
    "/pairs/BLR-KGZ/tables/chart.csv",
    "/pairs/BLR-KGZ/export.zip",
    "/pairs.csv?sort=-latest",
    "/pairs.json?as_of=AGO",
    "/countries/BLR/partners.csv",
    "/countries/BLR/partners.json?as_of=AGO",
    "/pairs/BLR-KGZ/tables/figures.csv?as_of=AGO",
]


@pytest.mark.parametrize("url", EXPORTS)
def test_an_export_reads_as_few_queries_with_ten_times_the_data(
    client, seed, url, django_assert_max_num_queries
):
    settle_history(days=3)
    url = url.replace("AGO", f"{timezone.localdate() - timedelta(days=1)}")
    with django_assert_max_num_queries(14) as few:
        small = client.get(url)
    source = Source.objects.create(title="Yearbook", publisher="Statistics office")
    with in_bulk():
        grow(source)
    settle_history(days=2)  # the past view grows as much
    with django_assert_max_num_queries(len(few.captured_queries)):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    assert len(large.content) > len(small.content) + 1000  # the export did grow


def grow(source: Source) -> None:
    """Ten times the seed's facts, and four more pairs."""
    for year in range(1990, 2030):
        add_figure(year=year, source=source)
        add_figure(year=year, source=source, side="KGZ", value="210000000")
        add_figure(["UZB", "TJK", "ARM", "GEO"][year % 4], year=year, source=source, side="BLR")
    for offset in range(8):
        target = Target.objects.create(
            country_a_id="BLR", country_b_id=["KGZ", "UZB"][offset % 2],
            value_usd=600_000_000 + offset, deadline=date(2031 + offset, 12, 31),
            stated_on=date(2025, 1, 1),
        )  # fmt: skip
        for _ in range(3):
            TargetStatement.objects.create(
                target=target, source=source, quote="q", stated_on=date(2025, 1, 1)
            )


@pytest.mark.parametrize("url", ["/?as_of=AGO", "/countries/BLR/?as_of=AGO"])
def test_a_past_days_overview_reads_as_few_queries_with_more_pairs(
    client, seed, url, django_assert_max_num_queries
):
    """The rows of a past day come from the history's own records: no query per row."""
    settle_history(days=3)
    url = url.replace("AGO", f"{timezone.localdate() - timedelta(days=1)}")
    with django_assert_max_num_queries(14) as few:
        small = client.get(url)
    with in_bulk():
        grow(Source.objects.create(title="Yearbook"))
    settle_history(days=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    assert large.content.decode().count("<tr") > small.content.decode().count("<tr") + 3


def test_the_zips_json_is_dated_by_the_day_it_stands_for(client, seed):
    today = json.loads(open_zip(client, "/pairs/BLR-KGZ/export.zip").read("pair.json"))
    assert today["as_of"] == timezone.localdate().isoformat()
    past = json.loads(
        open_zip(client, "/pairs/BLR-KGZ/export.zip?as_of=2026-01-01").read("pair.json")
    )
    assert past["as_of"] == "2026-01-01"
