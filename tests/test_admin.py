import pytest
from django.contrib.auth.models import Group, User

from tradewatch.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(seed, client):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def figure_form(**overrides) -> dict:
    return {
        "status": "accepted",
        "country_a": "BLR",
        "country_b": "KGZ",
        "side": "BLR",
        "flow": "turnover",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "value_usd": "210000000",
        "qualifier": "exact",
        "change_qualifier": "exact",
        "source": "2",
        "speaker": "Test Speaker",
        "quote": "trade reached $210 million in 2025",
    } | overrides


def test_editor_adds_a_figure_and_the_dashboard_shows_it(client, editor):
    response = client.post("/admin/tradewatch/figure/add/", figure_form())
    assert response.status_code == 302
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "$210M" in html and "trade reached $210 million in 2025" in html
    assert "in 2025" in html  # it is now the latest full-year value


def test_negative_value_is_refused_next_to_the_field(client, editor):
    before = list(Figure.objects.values_list("pk", "value_usd"))
    response = client.post("/admin/tradewatch/figure/add/", figure_form(value_usd="-5"))
    assert response.status_code == 200
    assert "A trade value cannot be negative." in response.content.decode()
    assert list(Figure.objects.values_list("pk", "value_usd")) == before


def test_backwards_period_is_refused(client, editor):
    response = client.post(
        "/admin/tradewatch/figure/add/",
        figure_form(period_start="2025-06-01", period_end="2025-01-01"),
    )
    assert "The period cannot end before it starts." in response.content.decode()
    assert not Figure.objects.filter(speaker="Test Speaker").exists()


def test_editors_cannot_manage_users(client, editor):
    assert client.get("/admin/auth/user/").status_code == 403


def test_admin_pages_open_for_editors(client, editor):
    for url in [
        "/admin/tradewatch/figure/",
        "/admin/tradewatch/target/1/change/",
        "/admin/tradewatch/figure/1/history/",
        "/admin/tradewatch/source/",
    ]:
        assert client.get(url).status_code == 200, url
