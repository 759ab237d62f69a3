"""Accounts: failed admin logins are throttled per account and address and logged; editors
and administrators have the least permissions they need; readers see no edit control."""

import re

import pytest
from django.contrib.auth.models import Group, User

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


def attempt(client, username: str, password: str, address: str = "203.0.113.5"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_that_account_from_that_address(client, seed):
    from axes.models import AccessFailureLog

    User.objects.create_user("anna", password="right-password-1", is_staff=True)
    for _ in range(4):
        assert attempt(client, "anna", "wrong").status_code == 200  # the form again
    assert attempt(client, "anna", "wrong").status_code == 429  # the fifth locks
    locked = attempt(client, "anna", "right-password-1")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    failures = AccessFailureLog.objects.filter(username="anna", ip_address="203.0.113.5")
    # Each attempt recorded (who, from where, when): four failures, the fifth that locked,
    # and the try while locked.
    locks = list(failures.order_by("attempt_time").values_list("locked_out", flat=True))
    assert locks == [False, False, False, False, True, True]
    # Another address is not locked out, and signs in.
    assert attempt(client, "anna", "right-password-1", address="198.51.100.7").status_code == 302


def test_a_successful_login_resets_the_count(client, seed):
    User.objects.create_user("boris", password="right-password-2", is_staff=True)
    for _ in range(4):
        attempt(client, "boris", "wrong")
    assert attempt(client, "boris", "right-password-2").status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "boris", "wrong")
    assert attempt(client, "boris", "right-password-2").status_code == 302


def member(client, group: str) -> None:
    user = User.objects.create_user(f"in-{group}", password="pw-123456789", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)


def test_editors_edit_facts_but_not_accounts(client, seed):
    member(client, "Editors")
    assert client.get("/admin/tradewatch/figure/1/change/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_administrators_manage_accounts_and_facts_but_not_more(client, seed):
    member(client, "Administrators")
    assert client.get("/admin/auth/user/").status_code == 200
    assert client.get("/admin/tradewatch/figure/1/change/").status_code == 200
    assert client.get("/admin/axes/accessattempt/").status_code == 403  # superusers only


@pytest.mark.parametrize("url", ["/", "/countries/KGZ/", "/pairs/BLR-KGZ/", "/sources/3/",
                                 "/pairs/BLR-KGZ/report/", "/pairs/BLR-KGZ/changes/"])  # fmt: skip
def test_readers_see_no_edit_control(client, seed, url):
    html = client.get(url).content.decode()
    assert not re.search(r'<form[^>]*method="post"', html, re.I)
    assert "/admin/tradewatch/" not in html
