"""Every link into a source page lands on something: each fact's anchor is on its page."""

from html.parser import HTMLParser

import pytest

from tests.conftest import add_figure
from tradewatch.ingest.store import ingest_document
from tradewatch.models import Figure, ReviewStatus, Source, TargetStatement

pytestmark = pytest.mark.django_db


class _Ids(HTMLParser):
    """Every id on a page, and every in-page link (href="#...")."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fragments: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        href = found.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.fragments.add(href[1:])


def page_ids(client, source: Source) -> _Ids:
    parser = _Ids()
    parser.feed(client.get(source.get_absolute_url()).content.decode())
    return parser


def missing_anchors(client) -> dict[str, set[str]]:
    """Per source page: fact anchors and in-page links that name no element on it."""
    missing: dict[str, set[str]] = {}
    for source in Source.objects.all():
        page = page_ids(client, source)
        facts = [
            *Figure.objects.filter(source=source).exclude(status=ReviewStatus.REJECTED),
            *TargetStatement.objects.filter(source=source).exclude(status=ReviewStatus.REJECTED),
        ]
        lost = ({f.anchor for f in facts} | page.fragments) - page.ids
        if lost:
            missing[source.get_absolute_url()] = lost
    return missing


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "proposed"])
def test_every_fact_anchor_is_on_its_source_page_after_ingesting_the_seeds_over_the_fixture(
    client, seed, seeds_dir, accept
):
    for path in sorted(seeds_dir.iterdir()):
        ingest_document(path, accept=accept)
    assert missing_anchors(client) == {}


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "proposed"])
def test_every_fact_anchor_is_on_its_source_page_after_ingesting_the_seeds_afresh(
    client, db, seeds_dir, accept
):
    for path in sorted(seeds_dir.iterdir()):
        ingest_document(path, accept=accept)
    assert Source.objects.exists()
    assert missing_anchors(client) == {}


def test_a_quote_inside_another_quote_still_has_its_anchor_in_the_text(client, seed):
    source = Source.objects.create(title="Wire", text="Intro. Trade hit $9 million in 2024. End.")
    outer = add_figure(source=source, quote_start=7, quote_end=35, value="9000000")
    inner = add_figure(source=source, quote_start=17, quote_end=27, value="9000000", year=2023)
    page = page_ids(client, source)
    assert {outer.anchor, inner.anchor} <= page.ids
    assert {outer.anchor, inner.anchor} <= page.fragments  # both "in the text" links shown


def test_a_fact_without_a_valid_span_is_anchored_on_its_entry_in_the_facts_list(client, seed):
    source = Source.objects.create(title="Wire", text="Intro. Trade hit $9 million in 2024. End.")
    unplaced = add_figure(source=source, value="9000000")  # no span
    outside = add_figure(source=source, value="9000000", year=2023, quote_start=30, quote_end=99)
    html = client.get(source.get_absolute_url()).content.decode()
    page = page_ids(client, source)
    assert {unplaced.anchor, outside.anchor} <= page.ids
    assert not {unplaced.anchor, outside.anchor} & page.fragments  # no "in the text" link
    assert f'<li id="{unplaced.anchor}">' in html


def test_a_source_without_text_anchors_every_fact_on_the_facts_list(client, seed):
    assert not Source.objects.exclude(text="").exists()  # the fixture stores no full text
    assert missing_anchors(client) == {}
