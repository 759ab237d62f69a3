"""English and Russian: every string translated, every page readable in Russian, quotes and
titles left in the language of their source, numbers and country names per language."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command

from tests.conftest import require
from tradewatch.models import Figure

ROOT = Path(settings.BASE_DIR)
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}

# Latin-script words a Russian page may hold: our name, units, formats, acronyms.
ALLOWED_LATIN = {
    "TradeWatch", "USD", "PDF", "CSV", "JSON", "ZIP", "PNG", "SVG", "Atom", "ISO", "SDG",
    "Open", "CAGR", "YYYY", "MM", "DD", "English", "Plotly", "alpha", "README", "API",
    "Comtrade", "UN", "IMF",
}  # fmt: skip
URL = re.compile(r"https?://\S+|/[\w/-]+/")  # addresses are not words
LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]{2,}\b")
SKIPPED_TAGS = {"script", "style", "code", "title", "textarea"}  # textarea: a code snippet
VOID_TAGS = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"}


class RussianText(HTMLParser):
    """The page's visible text that should be Russian: not inside an element marked with
    another language (quotes, titles, names as their source wrote them), nor code."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: is its text excluded?
        self.words: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        attributes = dict(attrs)
        excluded = (self.stack and self.stack[-1]) or tag in SKIPPED_TAGS
        excluded = excluded or attributes.get("lang", "ru") != "ru"
        excluded = excluded or "iso" in (attributes.get("class") or "").split()
        self.stack.append(bool(excluded))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1]:
            return
        for word in LATIN_WORD.findall(URL.sub("", data)):
            if word.strip("-'’") not in ALLOWED_LATIN:
                self.words.append((word, data.strip()[:80]))


def english_left(html: str) -> list[tuple[str, str]]:
    parser = RussianText()
    parser.feed(html)
    return parser.words


def test_every_string_in_templates_and_code_has_a_russian_translation(tmp_path, monkeypatch):
    """makemessages over a copy of the code: any marked string without a Russian
    translation (new, or fuzzy after its English changed) fails here, by name."""
    require(
        shutil.which("xgettext") is not None, "GNU gettext not installed (apt-get install gettext)"
    )
    for folder in ("tradewatch", "templates", "locale"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
    call_command("makemessages", locale=["ru"], no_location=True, verbosity=0)
    with (tmp_path / "locale/ru/LC_MESSAGES/django.po").open("rb") as po:
        catalog = read_po(po, locale="ru")
    missing = [
        message.id
        for message in catalog
        if message.id
        and (
            message.fuzzy
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]
    assert not missing, f"{len(missing)} strings lack a Russian translation: {missing[:20]}"


def test_the_committed_catalogue_compiles_and_is_complete():
    with (ROOT / "locale/ru/LC_MESSAGES/django.po").open("rb") as po:
        catalog = read_po(po, locale="ru")
    assert len(catalog) > 300
    untranslated = [m.id for m in catalog if m.id and (m.fuzzy or not m.string)]
    assert not untranslated, untranslated[:20]


PAGES = [
    "/",
    "/countries/BLR/",
    "/pairs/BLR-KGZ/",
    "/pairs/KGZ-BLR/?flow=exports",
    "/pairs/BLR-KGZ/report/",
    "/pairs/BLR-KGZ/changes/",
    "/methodology/",
    "/does-not-exist/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_a_russian_reader_sees_no_english_interface_text(client, seed, path):
    response = client.get(path, **RU)
    assert response["Content-Language"] == "ru"
    html = response.content.decode()
    assert '<html lang="ru">' in html
    left = english_left(html)
    assert not left, f"English on the Russian {path}: {left[:15]}"


@pytest.mark.django_db
def test_a_source_page_in_russian_keeps_the_document_in_its_own_language(client, seed):
    source = Figure.objects.select_related("source").first().source
    html = client.get(f"/sources/{source.pk}/", **RU).content.decode()
    assert not english_left(html), english_left(html)[:15]
    assert f'<h1 lang="en">{source.title}</h1>' in html


@pytest.mark.django_db
def test_russian_dashboard_uses_russian_names_numbers_and_dates(client, seed):
    html = client.get("/pairs/BLR-KGZ/", **RU).content.decode()
    assert "Беларусь" in html and "Киргизия" in html  # CLDR's names
    assert "160,2\u00a0млн\u00a0$" in html  # decimal comma, Russian scale word, kept on one line
    assert "15,3%" in html
    assert "в графике" in html  # the status
    assert "янв–авг 2023" in html  # a part-year period
    # Quotes stay as their source wrote them, marked as English for screen readers.
    assert re.search(r'lang="en">“[^<]*capable of reaching a trade of \$500 million', html)


@pytest.mark.django_db
def test_english_stays_the_default(client, seed):
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    assert '<html lang="en">' in html
    assert "Belarus" in html and "$160.2M" in html and "on track" in html


@pytest.mark.django_db
def test_the_language_switcher_sets_the_choice_and_returns_to_the_page(client, seed):
    response = client.get("/language/ru/?next=/pairs/BLR-KGZ/%3Fflow%3Dexports")
    assert response.status_code == 302
    assert response["Location"] == "/pairs/BLR-KGZ/?flow=exports"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    html = client.get("/pairs/BLR-KGZ/?flow=exports").content.decode()
    assert '<html lang="ru">' in html
    # Each page links to the other language, marked with that language.
    assert 'href="/language/en/?next=/pairs/BLR-KGZ/%3Fflow%3Dexports" lang="en"' in html
    client.get("/language/en/?next=/")
    assert '<html lang="en">' in client.get("/pairs/BLR-KGZ/").content.decode()


@pytest.mark.django_db
def test_the_switcher_never_sends_a_reader_to_another_site(client):
    assert client.get("/language/ru/?next=https://evil.example/")["Location"] == "/"
    assert client.get("/language/xx/").status_code == 404


@pytest.mark.django_db
def test_cached_pages_are_kept_per_language(client, seed):
    english = client.get("/pairs/BLR-KGZ/").content.decode()
    russian = client.get("/pairs/BLR-KGZ/", **RU).content.decode()
    again = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "on track" in english and "в графике" in russian and "on track" in again
    assert client.get("/pairs/BLR-KGZ/", **RU)["ETag"] != client.get("/pairs/BLR-KGZ/")["ETag"]


@pytest.mark.django_db
def test_russian_form_errors_are_russian(client, seed):
    response = client.get("/pairs/BLR-KGZ/?from=2025&to=2020", **RU)
    html = response.content.decode()
    assert "The end year" not in html
    assert not english_left(html), english_left(html)[:10]
