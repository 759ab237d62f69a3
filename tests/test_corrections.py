"""Readers' corrections: the short form under each figure and target, what it refuses, the
hourly limit per address, and the editors' review in the admin. Junk input of every kind is
in test_bad_input.py's table (refused with a message, nothing stored)."""

import json
import re
from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from tests.conftest import add_figure
from tradewatch.cache import current_token
from tradewatch.corrections import RATE_LIMIT, network_of, sender_of
from tradewatch.models import Correction, CorrectionStatus, DataVersion, Target
from tradewatch.queries import open_corrections

pytestmark = pytest.mark.django_db

FIGURE_URL = "/pairs/BLR-KGZ/figures/1/correction/"  # $160.2M in 2022, Ermek Ibraimov
TARGET_URL = "/pairs/BLR-KGZ/targets/1/correction/"  # $500M by 2030
MESSAGE = "The 2022 figure was $160.3 million in the statistics committee's yearbook."
READER = "203.0.113.9"
HTMX = {"HX-Request": "true", "HX-Current-URL": "http://testserver/pairs/BLR-KGZ/?flow=turnover"}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the hourly counters live in the cache
    yield
    cache.clear()


def send(client: Client, url: str = FIGURE_URL, address: str = READER, headers=None, **data):
    form = {"message": MESSAGE, "email": "", "page": "/pairs/BLR-KGZ/", **data}
    return client.post(url, form, REMOTE_ADDR=address, headers=headers or {})


def text(response) -> str:
    return response.content.decode()


# --- The reader ---------------------------------------------------------------------------


def test_the_form_shows_the_figure_its_period_and_quote(client, seed):
    response = client.get(FIGURE_URL)
    html = text(response)
    assert response.status_code == 200
    assert "$160.2M" in html and '<span class="period">2022</span>' in html
    assert "$160.2 million in 2022 (an increase of almost 65% over 2021)" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="message"' in html
    assert 'maxlength="2000"' in html
    assert "no-cache" in response["Cache-Control"]  # the page holds this reader's token


def test_the_target_form_shows_the_target_and_a_statement_of_it(client, seed):
    html = text(client.get(TARGET_URL))
    assert "You are correcting the target:" in html
    assert "$500M" in html and "by 2030" in html
    assert '<blockquote class="quote">' in html


def test_a_reader_sends_a_correction_and_sees_the_thank_you(client, seed):
    response = send(client, email="reader@example.org", page="/pairs/BLR-KGZ/?from=2022")
    assert response.status_code == 200
    assert "Thank you: your correction was sent" in text(response)
    assert "they will write to the address you gave" in text(response)
    correction = Correction.objects.get()
    assert correction.figure_id == 1 and correction.target is None
    assert correction.message == MESSAGE
    assert correction.email == "reader@example.org"
    assert correction.page == "/pairs/BLR-KGZ/?from=2022"
    assert correction.status == CorrectionStatus.NEW and correction.decided_by is None


def test_a_correction_of_a_target_names_the_target(client, seed):
    assert send(client, TARGET_URL).status_code == 200
    correction = Correction.objects.get()
    assert correction.target_id == 1 and correction.figure is None


def test_the_page_is_the_dashboard_the_reader_came_from(client, seed):
    referer = "http://testserver/pairs/KGZ-BLR/?flow=exports"
    html = text(client.get(FIGURE_URL, headers={"Referer": referer}))
    assert 'name="page" value="/pairs/KGZ-BLR/?flow=exports"' in html


# Not named "page": that is Playwright's fixture, and the name would pull these tests in
# among the browser tests, whose flushes empty the countries the next tests need.
@pytest.mark.parametrize(
    "sent_from",
    ["https://evil.example/phish", "//evil.example/", "javascript:alert(1)", "/x\\y", "/" * 400],
)
def test_a_page_that_is_not_ours_is_stored_as_the_facts_dashboard(client, seed, sent_from):
    assert send(client, page=sent_from).status_code == 200
    assert Correction.objects.get().page == "/pairs/BLR-KGZ/"


def test_the_address_is_stored_only_as_a_keyed_hash(client, seed):
    send(client, address=READER)
    correction = Correction.objects.get()
    assert correction.sender == sender_of(READER)
    assert READER not in str(Correction.objects.values_list().get())
    assert sender_of(READER) != sender_of("203.0.113.10")


def test_one_ipv6_network_is_one_sender():
    assert network_of("2001:db8:1:2::1") == network_of("2001:db8:1:2:ffff::9")
    assert network_of("2001:db8:1:2::1") != network_of("2001:db8:1:3::1")
    assert network_of("::ffff:203.0.113.9") == network_of(READER)
    assert network_of("not an address") == network_of(None) == "unknown"


def test_a_filled_in_trap_field_gets_the_thank_you_and_nothing_is_stored(client, seed):
    response = send(client, website="http://spam.example")
    assert "Thank you" in text(response)
    assert not Correction.objects.exists()


def test_a_correction_leaves_the_cache_data_version_unchanged(client, seed):
    token, number = current_token(), DataVersion.objects.get().number
    etag = client.get("/pairs/BLR-KGZ/")["ETag"]
    send(client)
    assert Correction.objects.count() == 1
    assert current_token() == token and DataVersion.objects.get().number == number
    # The dashboard a reader holds is still current: a correction is not published data.
    assert client.get("/pairs/BLR-KGZ/", headers={"If-None-Match": etag}).status_code == 304


def test_deciding_a_correction_leaves_the_cache_data_version_unchanged(admin_client, seed):
    send(Client())
    token = current_token()
    change = f"/admin/tradewatch/correction/{Correction.objects.get().pk}/change/"
    admin_client.post(change, {"status": "accepted"})
    assert Correction.objects.get().status == CorrectionStatus.ACCEPTED
    assert current_token() == token


# --- What is refused ------------------------------------------------------------------------


def test_a_post_without_the_csrf_token_is_403_and_nothing_is_stored(seed):
    browser = Client(enforce_csrf_checks=True)
    browser.get(FIGURE_URL)  # the cookie, but the token left out of the form
    assert send(browser).status_code == 403
    assert not Correction.objects.exists()


def test_the_same_post_with_the_token_from_the_form_is_accepted(seed):
    browser = Client(enforce_csrf_checks=True)
    html = text(browser.get(FIGURE_URL))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert send(browser, csrfmiddlewaretoken=token).status_code == 200
    assert Correction.objects.count() == 1


def test_a_message_over_2000_characters_shows_the_form_with_the_error(client, seed):
    response = send(client, message="x" * 2001)
    html = text(response)
    assert response.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in html
    assert "x" * 2001 in html  # the reader's text is kept, to shorten
    assert not Correction.objects.exists()
    assert send(client, message="x" * 2000).status_code == 200  # the limit itself is fine


def test_a_bad_email_is_shown_next_to_its_field_which_gets_the_focus(client, seed):
    html = text(send(client, email="not an email"))
    assert "Enter a valid email address." in html
    email = re.search(r"<input[^>]*name=\"email\"[^>]*>", html).group(0)
    assert "autofocus" in email and 'aria-invalid="true"' in email
    assert not re.search(r"<textarea[^>]*autofocus", html)
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/pairs/BLR-KAZ/figures/1/correction/",  # a KGZ figure asked for on the KAZ page
        "/pairs/BLR-KAZ/targets/1/correction/",
        "/pairs/BLR-KGZ/figures/7/correction/",  # a KAZ figure on the KGZ page
        "/pairs/BLR-KGZ/figures/999999/correction/",
    ],
)
def test_a_fact_of_another_pair_is_404(client, seed, url):
    assert client.get(url).status_code == 404
    assert send(client, url).status_code == 404
    assert not Correction.objects.exists()


@pytest.mark.parametrize("status", ["rejected", "proposed"])
def test_a_fact_not_published_is_404(client, seed, status):
    figure = add_figure(year=2025, status=status)
    target = Target.objects.create(
        country_a_id="BLR", country_b_id="KGZ", stated_on=date(2025, 1, 1), status=status
    )
    for url in (
        f"/pairs/BLR-KGZ/figures/{figure.pk}/correction/",
        f"/pairs/BLR-KGZ/targets/{target.pk}/correction/",
    ):
        assert client.get(url).status_code == 404
        assert send(client, url).status_code == 404
    assert not Correction.objects.exists()


@pytest.mark.parametrize("facts", [{}, {"figure_id": 1, "target_id": 1}])
def test_a_correction_names_exactly_one_fact_even_outside_the_form(seed, facts):
    correction = Correction(message=MESSAGE, sender="x", **facts)
    with pytest.raises(ValidationError, match="exactly one figure or one target"):
        correction.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        correction.save()


def test_a_put_is_405(client, seed):
    assert client.put(FIGURE_URL, "message=x").status_code == 405


def test_either_order_of_the_pair_finds_the_fact(client, seed):
    assert client.get("/pairs/kgz-blr/figures/1/correction/").status_code == 200


def test_the_sixth_correction_in_an_hour_from_one_address_is_429(client, seed):
    for _ in range(RATE_LIMIT):
        assert send(client, address=READER).status_code == 200
    refused = send(client, address=READER, message="one more")
    assert refused.status_code == 429
    assert "Too many corrections from your address." in text(refused)
    assert "You can send 5 corrections an hour." in text(refused)
    assert "one more" in text(refused)  # not lost: still in the form
    assert refused["Retry-After"] == "3600"
    assert Correction.objects.count() == RATE_LIMIT
    assert not Correction.objects.filter(message="one more").exists()
    # Another address still can.
    assert send(client, address="198.51.100.7").status_code == 200
    assert Correction.objects.count() == RATE_LIMIT + 1


def test_refused_forms_do_not_count_against_the_limit(client, seed):
    for _ in range(RATE_LIMIT + 2):
        assert send(client, message="").status_code == 400
    assert send(client).status_code == 200


def test_the_limit_ends_with_the_hour(client, seed):
    for _ in range(RATE_LIMIT):
        send(client)
    assert send(client).status_code == 429
    cache.clear()  # the hour has passed: the counter expired
    assert send(client).status_code == 200


# --- htmx: in place on the dashboard ---------------------------------------------------------


def test_every_figure_and_target_on_the_dashboard_has_the_link(client, seed):
    html = text(client.get("/pairs/BLR-KGZ/"))
    for url in (FIGURE_URL, TARGET_URL, "/pairs/BLR-KGZ/figures/6/correction/"):
        assert f'<a href="{url}" hx-get="{url}"' in html
    assert html.count(">Report a correction</a>") == 7  # six figures, one target
    # Under each figure's row, an empty one the form opens in (hx-target="next ...").
    assert html.count('<tr class="correction-slot" hidden></tr>') == 6
    assert not re.search(r'<form[^>]*method="post"', html)  # the page is cached for all


def test_a_past_view_offers_no_corrections(client, seed):
    html = text(client.get("/pairs/BLR-KGZ/?as_of=2026-01-01"))
    assert "Report a correction" not in html and "correction-slot" not in html


def test_htmx_gets_the_form_alone_as_a_table_row_under_the_figure(client, seed):
    response = client.get(FIGURE_URL, headers=HTMX)
    html = text(response)
    assert response.status_code == 200
    assert html.lstrip().startswith(
        '<tr class="correction-slot" id="correction-figure-1-row"><td colspan="3">'
    )
    assert "<html" not in html and "<blockquote" not in html  # the quote is just above
    assert f'hx-post="{FIGURE_URL}" hx-target="#correction-figure-1-row"' in html
    assert re.search(r"<textarea[^>]*autofocus", html)  # focus moves into the form
    assert 'name="page" value="/pairs/BLR-KGZ/?flow=turnover"' in html
    assert "HX-Request" in response["Vary"]


def test_htmx_gets_a_targets_form_to_replace_its_link(client, seed):
    html = text(client.get(TARGET_URL, headers=HTMX))
    assert html.lstrip().startswith('<section class="correction" id="correction-target-1"')
    assert f'hx-post="{TARGET_URL}" hx-target="#correction-target-1"' in html


def test_htmx_post_swaps_in_the_thank_you_which_takes_the_focus(client, seed):
    html = text(send(client, headers=HTMX))
    assert "<html" not in html and 'id="correction-figure-1-row"' in html
    assert re.search(r'<h3 id="correction-figure-1-title"[^>]*tabindex="-1" autofocus', html)


def test_the_dashboard_swaps_in_a_400_and_a_429(client, seed):
    """htmx swaps no 4xx unless told: the dashboard's config names the form's answers."""
    html = text(client.get("/pairs/BLR-KGZ/"))
    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'', html).group(1)
    rules = [(rule["code"], rule["swap"]) for rule in json.loads(config)["responseHandling"]]
    # htmx takes the first rule that matches: these must come before "[45]..", which swaps none.
    assert rules.index(("400", True)) < rules.index(("[45]..", False))
    assert rules.index(("429", True)) < rules.index(("[45]..", False))


# --- The editors ------------------------------------------------------------------------------


@pytest.fixture
def editor(seed, client) -> User:
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_the_editor_sees_it_in_the_admin_with_the_fact_and_page(client, editor):
    send(Client(), email="reader@example.org", page="/pairs/BLR-KGZ/?from=2022")
    html = text(client.get("/admin/tradewatch/correction/"))
    assert MESSAGE.replace("'", "&#x27;") in html
    assert "BLR–KGZ turnover 2022: $160.2M" in html
    assert 'href="/admin/tradewatch/figure/1/change/"' in html
    assert 'href="/pairs/BLR-KGZ/#figure-1"' in html
    assert 'href="/pairs/BLR-KGZ/?from=2022"' in html
    assert "reader@example.org" in html


def test_new_corrections_come_first_and_the_list_filters_by_status(client, editor):
    for message in ("first", "second", "third"):
        send(Client(), message=message)
    Correction.objects.filter(message="third").update(status=CorrectionStatus.DISMISSED)
    html = text(client.get("/admin/tradewatch/correction/"))
    assert html.index("second") < html.index("first") < html.index("third")
    dismissed = text(client.get("/admin/tradewatch/correction/?status__exact=dismissed"))
    assert "third" in dismissed and "first" not in dismissed


@pytest.mark.parametrize(
    ("action", "status"), [("mark_accepted", "accepted"), ("mark_dismissed", "dismissed")]
)
def test_an_editor_accepts_or_dismisses_and_who_and_when_is_recorded(
    client, editor, action, status
):
    send(Client())
    pk = Correction.objects.get().pk
    response = client.post(
        "/admin/tradewatch/correction/", {"action": action, "_selected_action": [pk]}
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.status == status
    assert correction.decided_by == editor and correction.decided_at is not None
    listing = text(client.get(response["Location"]))
    assert f"1 correction marked {status}." in listing
    assert re.search(r"<td class=\"field-decided\">ed, \d{1,2} \w{3} \d{4}", listing)
    assert open_corrections().count() == 0


def test_editors_view_and_decide_corrections_but_do_not_add_or_delete_them(editor):
    perms = set(
        Permission.objects.filter(
            group__name="Editors", content_type__model="correction"
        ).values_list("codename", flat=True)
    )
    assert perms == {"view_correction", "change_correction"}


def test_the_message_cannot_be_edited_in_the_admin(client, editor):
    send(Client())
    pk = Correction.objects.get().pk
    client.post(
        f"/admin/tradewatch/correction/{pk}/change/",
        {"status": "dismissed", "message": "rewritten"},
    )
    correction = Correction.objects.get()
    assert correction.message == MESSAGE and correction.status == CorrectionStatus.DISMISSED
    assert correction.decided_by is not None


def test_readers_never_see_corrections(client, seed):
    send(client)
    assert client.get("/admin/tradewatch/correction/").status_code == 302  # to sign in
    for url in ("/pairs/BLR-KGZ/", FIGURE_URL, "/api/pairs/BLR-KGZ/", "/sources/3/"):
        assert MESSAGE not in text(client.get(url))


def test_open_corrections_are_the_new_ones_oldest_first(seed):
    for message in ("older", "newer", "decided"):
        send(Client(), message=message)
    Correction.objects.filter(message="decided").update(status=CorrectionStatus.ACCEPTED)
    assert [c.message for c in open_corrections()] == ["older", "newer"]


def test_the_form_reads_a_fixed_number_of_queries(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(FIGURE_URL)
    with django_assert_max_num_queries(5):
        client.get(TARGET_URL)
