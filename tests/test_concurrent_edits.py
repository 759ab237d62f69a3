"""Two editors, one fact: the second save is refused with who changed it and when, instead
of silently overwriting the first (optimistic locking, models.Versioned)."""

import pytest
from django.contrib.auth.models import User
from django.forms.models import model_to_dict
from django.test import Client

from tradewatch.models import Figure, ReviewStatus, StaleEdit, Target
from tradewatch.review import review_figures, save_figure

pytestmark = pytest.mark.django_db


def editor(name: str) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser(name, password="pw", first_name=name.title()))
    return client


def change_form(figure: Figure, **changes) -> dict:
    data = model_to_dict(figure, exclude=["id", "duplicate_of"])
    return {k: ("" if v is None else v) for k, v in data.items()} | changes


def kgz_2022() -> Figure:
    """Kyrgyzstan's 2022 figure ($160.2M in the seed), read afresh each time."""
    return Figure.objects.get(quote__startswith="$160.2 million in 2022", derived=False)


def test_the_second_of_two_editors_is_refused_with_a_clear_message(seed):
    anna, boris = editor("anna"), editor("boris")
    opened = kgz_2022()  # both open the change form at this version
    url = f"/admin/tradewatch/figure/{opened.pk}/change/"
    assert anna.get(url).status_code == boris.get(url).status_code == 200

    first = anna.post(url, change_form(opened, value_usd="171300000", change_reason="revised"))
    assert first.status_code == 302
    second = boris.post(url, change_form(opened, value_usd="999000000"))
    page = second.content.decode()
    assert second.status_code == 200  # the form again, with the error
    assert "Anna saved this figure at" in page and "Your changes were not saved" in page
    assert Figure.objects.get(pk=opened.pk).value_usd == 171_300_000  # Anna's value stands


def test_an_editor_who_reloads_can_then_save(seed):
    anna, boris = editor("anna"), editor("boris")
    figure = kgz_2022()
    url = f"/admin/tradewatch/figure/{figure.pk}/change/"
    anna.post(url, change_form(figure, value_usd="171300000"))
    fresh = kgz_2022()
    assert (
        boris.post(url, change_form(fresh, speaker="Ermek Ibraimov, ambassador")).status_code == 302
    )
    assert (
        kgz_2022().speaker == "Ermek Ibraimov, ambassador" and kgz_2022().value_usd == 171_300_000
    )


def test_every_write_path_refuses_a_stale_copy(seed):
    mine, theirs = kgz_2022(), kgz_2022()
    theirs.value_usd = 171_300_000
    save_figure(theirs)
    mine.value_usd = 999_000_000
    with pytest.raises(StaleEdit, match="saved this figure at"):
        save_figure(mine)
    with pytest.raises(StaleEdit):
        mine.save()
    assert kgz_2022().value_usd == 171_300_000


def test_review_actions_read_the_current_version_so_they_never_conflict(seed):
    figure = kgz_2022()
    figure.speaker = "someone"
    figure.save()
    assert review_figures(Figure.objects.filter(pk=figure.pk), ReviewStatus.REJECTED) == 1
    assert kgz_2022().status == ReviewStatus.REJECTED and kgz_2022().version == 2


def test_a_target_saved_with_its_statements_is_not_its_own_conflict(seed):
    target = Target.objects.get(country_b="KGZ")
    before = target.version
    statement = target.statements.first()
    statement.wording = "about $500 million"
    statement.save()  # keeps the target's status in step: bookkeeping, not an edit
    target.refresh_from_db()
    target.description = "Bring mutual trade to $500 million by 2030"
    target.save()
    assert Target.objects.get(pk=target.pk).version == before + 1


def test_a_race_past_the_form_is_a_409_that_says_who_won(seed, monkeypatch):
    from tradewatch import admin as tradewatch_admin

    anna = editor("anna")
    figure = kgz_2022()
    url = f"/admin/tradewatch/figure/{figure.pk}/change/"
    # The form's check passes, then someone saves before ours does.
    monkeypatch.setattr(tradewatch_admin.VersionCheckForm, "clean", lambda self: self.cleaned_data)
    other = kgz_2022()
    other.value_usd = 171_300_000
    other.save()
    response = anna.post(url, change_form(figure, value_usd="999000000"))
    assert response.status_code == 409
    assert "Your change was not saved" in response.content.decode()
    assert kgz_2022().value_usd == 171_300_000
