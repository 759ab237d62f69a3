"""The editors' review desk (/review/): who may use it, what it lists, and that every decision
made on it goes through the admin's write path and shows where readers will see it."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from tradewatch.ingest.store import ingest_document
from tradewatch.models import Figure, ReviewStatus, Source, TargetStatement

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def kgz(value: str, year: int = 2025, day: str = "3 February 2026") -> str:
    return (
        f"MINSK, {day} (BelTA) – Trade between Belarus and Kyrgyzstan amounted to "
        f"${value} million in {year}, the Belarusian foreign ministry said.\n"
    )


TARGET = (
    "MINSK, 6 October 2025 (BelTA) – Belarus and Kyrgyzstan intend to bring mutual trade to "
    "$900 million by 2032, the Belarusian foreign ministry said.\n"
)


def ingest(tmp_path: Path, name: str, text: str) -> Source:
    path = tmp_path / name
    path.write_text(text)
    result = ingest_document(path)
    assert result.status == "added", result.reason
    return result.source


def only_figure(source: Source) -> Figure:
    return Figure.objects.get(source=source)


@pytest.fixture
def editor(client):
    user = User.objects.create_user("edna", password="pw", is_staff=True, first_name="Edna")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def desk(pk: int) -> str:
    return f"/review/sources/{pk}/"


def fact_url(figure: Figure, action: str = "") -> str:
    return f"/review/sources/{figure.source_id}/figure/{figure.pk}/{action}"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# Who may use it


@pytest.mark.parametrize("url", ["/review/", "/review/sources/1/"])
def test_a_visitor_who_is_not_signed_in_is_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


def test_a_signed_in_user_who_is_not_an_editor_is_sent_to_the_login(client, tmp_path):
    source = ingest(tmp_path, "a.txt", kgz("180.5"))
    client.force_login(User.objects.create_user("reader", password="pw"))
    assert client.get("/review/").status_code == 302
    response = client.post(fact_url(only_figure(source), "decide/"), {"decision": "accept"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert only_figure(source).status == ReviewStatus.PROPOSED


def test_staff_without_the_editors_group_may_not_review(client):
    client.force_login(User.objects.create_user("staff", password="pw", is_staff=True))
    assert client.get("/review/").status_code == 302


def test_administrators_may_review(client):
    user = User.objects.create_user("admin", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Administrators"))
    client.force_login(user)
    assert client.get("/review/").status_code == 200


# The list


def test_the_list_shows_documents_with_open_proposals_newest_first_with_counts(
    client, editor, tmp_path
):
    older = ingest(tmp_path, "older.txt", kgz("150.1", 2023, "3 February 2024") + TARGET)
    newer = ingest(tmp_path, "newer.txt", kgz("180.5"))
    done = ingest(tmp_path, "done.txt", kgz("120.7", 2021, "1 March 2022"))
    Figure.objects.filter(source=done).update(status=ReviewStatus.ACCEPTED)

    html = page(client, "/review/")
    assert html.index(newer.title) < html.index(older.title)
    assert done.title not in html  # nothing left to decide there
    assert "2 to review" in html and "1 to review" in html
    assert "0 of 3 facts in these documents decided" in html
    assert '<progress id="queue-progress" max="3" value="0">' in html


def test_the_progress_bar_counts_decided_facts_of_the_listed_documents(client, editor, tmp_path):
    source = ingest(tmp_path, "two.txt", kgz("150.1", 2023, "3 February 2024") + TARGET)
    TargetStatement.objects.filter(source=source).update(status=ReviewStatus.REJECTED)
    html = page(client, "/review/")
    assert "1 of 2 facts in these documents decided" in html
    assert "1 decided" in html


def test_an_empty_queue_says_there_is_nothing_to_review(client, editor):
    assert "Nothing to review" in page(client, "/review/")


@pytest.mark.parametrize("documents", [1, 6])
def test_the_list_reads_the_same_number_of_queries_for_any_number_of_documents(
    client, editor, tmp_path, django_assert_max_num_queries, documents
):
    for i in range(documents):
        ingest(tmp_path, f"d{i}.txt", kgz(f"{150 + i}.5", 2010 + i, f"3 February {2011 + i}"))
    with django_assert_max_num_queries(8):
        assert client.get("/review/").status_code == 200


# One document


def test_the_desk_highlights_each_fact_in_the_text_beside_its_card(client, editor, tmp_path):
    source = ingest(tmp_path, "two.txt", kgz("150.1", 2023, "3 February 2024") + TARGET)
    figure = only_figure(source)
    statement = TargetStatement.objects.get(source=source)
    html = page(client, desk(source.pk))
    for anchor in (f"figure-{figure.pk}", f"statement-{statement.pk}"):
        assert f'id="card-{anchor}"' in html and f'id="text-{anchor}"' in html
        assert f'href="#card-{anchor}"' in html and f'href="#text-{anchor}"' in html
    mark = f'<mark id="text-figure-{figure.pk}" class="mark-proposed">'
    assert f'{mark}<a href="#card-figure-{figure.pk}">{figure.quote}</a></mark>' in html
    assert "$150.1M" in html and "2023" in html and "Belarus–Kyrgyzstan" in html
    assert "$900M" in html and "2032" in html
    assert "2 to review" in html


def test_the_desk_of_an_unknown_document_is_404(client, editor):
    assert client.get(desk(999)).status_code == 404


def test_a_fact_of_another_document_is_404(client, editor, tmp_path):
    first = ingest(tmp_path, "a.txt", kgz("180.5"))
    second = ingest(tmp_path, "b.txt", kgz("150.1", 2023, "3 February 2024"))
    figure = only_figure(first)
    url = f"/review/sources/{second.pk}/figure/{figure.pk}/decide/"
    assert client.post(url, {"decision": "accept"}).status_code == 404
    assert client.post(f"/review/sources/{first.pk}/target/{figure.pk}/decide/").status_code == 404


def test_a_decision_that_is_not_one_is_refused(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    response = client.post(fact_url(figure, "decide/"), {"decision": "publish"})
    assert response.status_code == 400
    assert only_figure(figure.source).status == ReviewStatus.PROPOSED


# Decisions


def test_accepting_puts_the_figure_on_the_dashboard_and_says_so(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    response = client.post(fact_url(figure, "decide/"), {"decision": "accept"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="accepted"' in html
    assert "Accepted: now on the Belarus–Kyrgyzstan dashboard." in html
    assert 'hx-swap-oob="innerHTML"' in html and "1 of 1 decided" in html
    assert "$180.5M" in page(client, "/pairs/BLR-KGZ/")
    last = Figure.history.filter(id=figure.pk).latest("history_date")
    assert last.history_user == editor and last.history_change_reason.startswith("accepted")


def test_without_javascript_a_decision_returns_to_the_next_open_card(client, editor, tmp_path):
    source = ingest(tmp_path, "two.txt", kgz("150.1", 2023, "3 February 2024") + TARGET)
    figure = only_figure(source)
    statement = TargetStatement.objects.get(source=source)
    response = client.post(fact_url(figure, "decide/"), {"decision": "accept"})
    assert response.status_code == 302
    assert response["Location"] == f"{desk(source.pk)}#card-statement-{statement.pk}"
    html = page(client, desk(source.pk))
    assert "Accepted: now on the Belarus–Kyrgyzstan dashboard." in html


def test_rejecting_keeps_the_figure_off_the_dashboard(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    html = client.post(fact_url(figure, "decide/"), {"decision": "reject"}, **HTMX)
    assert "Rejected: readers do not see it." in html.content.decode()
    assert only_figure(figure.source).status == ReviewStatus.REJECTED
    assert "$180.5M" not in page(client, "/pairs/BLR-KGZ/")


def test_undo_returns_a_decided_fact_to_the_proposals(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    client.post(fact_url(figure, "decide/"), {"decision": "accept"})
    html = client.post(fact_url(figure, "decide/"), {"decision": "reopen"}, **HTMX)
    assert "Back to proposed" in html.content.decode()
    assert "$180.5M" not in page(client, "/pairs/BLR-KGZ/")
    assert "1 to review" in page(client, "/review/")


def test_accepting_a_target_statement_puts_the_target_on_the_dashboard(client, editor, tmp_path):
    source = ingest(tmp_path, "goal.txt", TARGET)
    statement = TargetStatement.objects.get(source=source)
    url = f"/review/sources/{source.pk}/statement/{statement.pk}/decide/"
    html = client.post(url, {"decision": "accept"}, **HTMX).content.decode()
    assert "Accepted: the target is now on the Belarus–Kyrgyzstan dashboard." in html
    assert "$900M" in page(client, "/pairs/BLR-KGZ/")


def test_a_restated_figure_is_linked_to_the_one_it_restates_and_the_message_says_so(
    client, editor, tmp_path
):
    first = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    client.post(fact_url(first, "decide/"), {"decision": "accept"})
    again = only_figure(ingest(tmp_path, "b.txt", kgz("180.5", day="5 February 2026") + " "))
    html = client.post(fact_url(again, "decide/"), {"decision": "accept"}, **HTMX)
    assert "as a second source for $180.5M (2025)" in html.content.decode()
    assert only_figure(again.source).duplicate_of_id == first.pk


def test_a_figure_that_disagrees_with_another_is_flagged_when_accepted(client, editor, tmp_path):
    first = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    client.post(fact_url(first, "decide/"), {"decision": "accept"})
    other = only_figure(ingest(tmp_path, "b.txt", kgz("230.0", day="5 February 2026")))
    html = client.post(fact_url(other, "decide/"), {"decision": "accept"}, **HTMX)
    text = html.content.decode()
    assert "It disagrees with $180.5M for 2025" in text and "flags the conflict" in text


def test_accept_all_accepts_every_remaining_fact_of_the_document(client, editor, tmp_path):
    source = ingest(tmp_path, "two.txt", kgz("150.1", 2023, "3 February 2024") + TARGET)
    other = ingest(tmp_path, "other.txt", kgz("180.5"))
    response = client.post(f"/review/sources/{source.pk}/accept-all/")
    assert response.status_code == 302
    assert only_figure(source).status == ReviewStatus.ACCEPTED
    assert TargetStatement.objects.get(source=source).status == ReviewStatus.ACCEPTED
    assert only_figure(other).status == ReviewStatus.PROPOSED  # another document's: untouched
    html = page(client, desk(source.pk))
    assert "Accepted 2: now on the Belarus–Kyrgyzstan dashboard." in html
    assert "Every fact in this document is decided." in html


# Edits in place


def test_the_edit_link_opens_the_field_form_in_the_card(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    html = page(client, desk(figure.source_id) + f"?edit=figure-{figure.pk}.value")
    assert f'action="{fact_url(figure, "edit/value/")}"' in html
    assert 'value="180.5M"' in html
    htmx = client.get(fact_url(figure, "edit/period/"), **HTMX).content.decode()
    assert 'value="2025"' in htmx and "<form" in htmx and "<html" not in htmx


def test_editing_the_value_saves_it_through_the_write_path(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    client.post(fact_url(figure, "decide/"), {"decision": "accept"})
    figure.refresh_from_db()
    data = {"value_usd": "171.3M", "version": figure.version}
    html = client.post(fact_url(figure, "edit/value/"), data, **HTMX).content.decode()
    assert "Saved: the Belarus–Kyrgyzstan dashboard shows the change." in html
    assert only_figure(figure.source).value_usd == Decimal("171300000")
    assert "$171.3M" in page(client, "/pairs/BLR-KGZ/")
    last = Figure.history.filter(id=figure.pk).latest("history_date")
    assert last.history_user == editor
    assert last.history_change_reason == "edited on the review desk: value"


def test_editing_the_period_without_javascript_returns_to_the_card(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    data = {"period": "2025-01..2025-09", "version": figure.version}
    response = client.post(fact_url(figure, "edit/period/"), data)
    assert response.status_code == 302
    assert response["Location"] == f"{desk(figure.source_id)}#card-figure-{figure.pk}"
    stored = only_figure(figure.source)
    assert (stored.period_start.isoformat(), stored.period_end.isoformat()) == (
        "2025-01-01",
        "2025-09-30",
    )
    assert "Saved. It still awaits your decision." in page(client, desk(figure.source_id))


@pytest.mark.parametrize(
    ("field", "data", "message"),
    [
        ("period", {"period": "2025-13"}, "Write a year (2022)"),
        ("period", {"period": "2025-09..2025-02"}, "cannot end before it starts"),
        ("value", {"value_usd": "lots"}, "Write an amount in US dollars"),
        ("value", {"value_usd": "-5M"}, "Write an amount in US dollars"),
        ("value", {"value_usd": "50000bn"}, "check the digits"),
    ],
)
def test_a_bad_edit_shows_the_error_in_the_card_and_changes_nothing(
    client, editor, tmp_path, field, data, message
):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    data = data | {"version": figure.version}
    response = client.post(fact_url(figure, f"edit/{field}/"), data, **HTMX)
    assert response.status_code == 400
    assert message in response.content.decode()
    stored = only_figure(figure.source)
    assert (stored.value_usd, stored.period.label) == (Decimal("180500000"), "2025")
    plain = client.post(fact_url(figure, f"edit/{field}/"), data)
    assert plain.status_code == 400 and message in plain.content.decode()


def test_an_edit_over_someone_elses_newer_save_is_refused_naming_them(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    opened_at = figure.version
    other = Figure.objects.get(pk=figure.pk)
    other.speaker = "Someone"
    other.save()
    data = {"value_usd": "999M", "version": opened_at}
    response = client.post(fact_url(figure, "edit/value/"), data, **HTMX)
    assert response.status_code == 409
    assert "Your changes were not saved" in response.content.decode()
    assert only_figure(figure.source).value_usd == Decimal("180500000")


def test_an_unknown_field_cannot_be_edited(client, editor, tmp_path):
    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    assert client.post(fact_url(figure, "edit/quote/"), {"quote": "x"}).status_code == 400


def test_editing_a_statement_deadline(client, editor, tmp_path):
    source = ingest(tmp_path, "goal.txt", TARGET)
    statement = TargetStatement.objects.get(source=source)
    url = f"/review/sources/{source.pk}/statement/{statement.pk}/edit/deadline/"
    response = client.post(url, {"deadline": "2033", "version": statement.version}, **HTMX)
    assert response.status_code == 200 and "2033" in response.content.decode()
    assert TargetStatement.objects.get(pk=statement.pk).deadline_as_stated.isoformat() == (
        "2033-12-31"
    )


# A fact the extractor missed

# Words the extractor does not read as a fact (a bare number with its unit in brackets).
MISSED = "In 2024 Kyrgyz purchases of Belarusian goods stood at 95.4 (millions of US dollars)."


def add(client, source: Source, **fields):
    data = {
        "quote": MISSED,
        "quote_start": source.text.find(MISSED),
        "kind": "figure",
        "first": "BLR",
        "second": "KGZ",
        "flow": "first",
        "side": "first",
        "value": "95.4M",
        "qualifier": "exact",
        "period": "2024",
        "firmness": "remark",
    } | fields
    return client.post(f"/review/sources/{source.pk}/add/", data)


def test_a_missed_fact_is_added_with_the_exact_quote_and_its_place(client, editor, tmp_path):
    source = ingest(tmp_path, "a.txt", kgz("180.5") + "Analysts noted it. " + MISSED + "\n")
    response = add(client, source)
    assert response.status_code == 302
    added = Figure.objects.get(source=source, value_usd=Decimal("95400000"))
    assert added.status == ReviewStatus.ACCEPTED
    assert added.quote == MISSED
    assert source.text[added.quote_start : added.quote_end] == MISSED
    assert (added.flow, added.exporter_id, added.side_id) == ("exports", "BLR", "BLR")
    assert response["Location"] == f"{desk(source.pk)}#card-figure-{added.pk}"
    dashboard = page(client, "/pairs/BLR-KGZ/?flow=exports")
    assert "$95.4M" in dashboard and MISSED in dashboard
    history = Figure.history.filter(id=added.pk).latest("history_date")
    assert history.history_user == editor and "missed by the extractor" in (
        history.history_change_reason
    )


def test_pasted_words_are_found_in_the_text_without_a_selection(client, editor, tmp_path):
    source = ingest(tmp_path, "a.txt", kgz("180.5") + MISSED + "\n")
    assert add(client, source, quote=f"  {MISSED}\r\n", quote_start="").status_code == 302
    added = Figure.objects.get(source=source, value_usd=Decimal("95400000"))
    assert source.text[added.quote_start : added.quote_end] == MISSED


def test_words_that_are_not_in_the_document_are_refused(client, editor, tmp_path):
    source = ingest(tmp_path, "a.txt", kgz("180.5"))
    response = add(client, source, quote="Trade tripled in 2024.")
    assert response.status_code == 400
    assert "These words are not in the document" in response.content.decode()
    assert Figure.objects.filter(source=source).count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": ""}, "Give the value."),
        ({"period": ""}, "Give the period this number is for."),
        ({"second": "BLR"}, "A pair needs two different countries."),
        ({"kind": "growth"}, "Give the change in %."),
        ({"value": "-3M"}, "Write an amount in US dollars"),
        ({"value": "50000bn"}, "check the digits"),
        ({"kind": "target", "deadline": "2020", "period": ""}, "cannot be before the date"),
    ],
)
def test_an_incomplete_missed_fact_is_refused_with_a_message(
    client, editor, tmp_path, fields, message
):
    source = ingest(tmp_path, "a.txt", kgz("180.5") + MISSED + "\n")
    response = add(client, source, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Figure.objects.filter(source=source).count() == 1
    assert not TargetStatement.objects.filter(source=source).exists()


def test_a_missed_target_is_added_and_shown_on_the_dashboard(client, editor, tmp_path):
    words = "Mutual trade is to reach a turnover of 1.2 bn by 2035."
    source = ingest(tmp_path, "a.txt", kgz("180.5") + words + "\n")
    response = add(
        client, source, quote=words, quote_start=source.text.index(words), kind="target",
        flow="turnover", value="1.2bn", deadline="2035", period="", firmness="plan",
    )  # fmt: skip
    assert response.status_code == 302
    statement = TargetStatement.objects.get(source=source, quote=words)
    assert statement.status == ReviewStatus.ACCEPTED and statement.firmness == "plan"
    assert statement.target.value_usd == Decimal("1200000000")
    assert "$1.2B" in page(client, "/pairs/BLR-KGZ/")


@pytest.mark.parametrize("documents", [1, 4])
def test_the_desk_reads_the_same_number_of_queries_for_any_number_of_facts(
    client, editor, tmp_path, django_assert_max_num_queries, documents
):
    text = "".join(kgz(f"{150 + i}.5", 2010 + i) for i in range(documents)) + TARGET
    source = ingest(tmp_path, "many.txt", text)
    assert Figure.objects.filter(source=source).count() == documents
    # session, user, 2 permissions, document, figures, statements, 2 lists of countries
    with django_assert_max_num_queries(9):
        assert client.get(desk(source.pk)).status_code == 200


def test_the_admins_document_list_links_each_count_to_the_desk(client, editor, tmp_path):
    source = ingest(tmp_path, "a.txt", kgz("180.5"))
    html = page(client, "/admin/tradewatch/source/")
    assert f'<a href="/review/sources/{source.pk}/">1</a>' in html


def test_the_list_ends_with_readers_corrections_awaiting_a_decision(client, editor, tmp_path):
    from tradewatch.models import Correction, CorrectionStatus

    figure = only_figure(ingest(tmp_path, "a.txt", kgz("180.5")))
    Correction.objects.create(figure=figure, message="The ministry revised it to $182M.")
    Correction.objects.create(
        figure=figure, message="Already handled.", status=CorrectionStatus.DISMISSED
    )
    html = page(client, "/review/")
    assert "One report from a reader awaits a decision." in html
    assert "The ministry revised it to $182M." in html and "Already handled." not in html
    assert "/admin/tradewatch/correction/?status__exact=new" in html
