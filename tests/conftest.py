"""Shared test setup and plain builder functions (healthchecks-style)."""

import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
IN_CI = os.environ.get("CI", "").lower() == "true"

# Playwright's sync API runs an event loop in the test thread; Django's ORM then refuses
# to run unless told it is safe. Tests only — never in app settings.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config: pytest.Config) -> None:
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        return  # running the Django-free tests alone (-p no:django)
    # The manifest storage 500s without collectstatic; tests serve plain static files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def require(condition: bool, reason: str) -> None:
    """Missing infrastructure fails in CI and skips, with the reason, elsewhere."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI needs this: {reason}")
    pytest.skip(reason)


def require_chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    require(path is not None, "Chromium not installed (apt-get install chromium)")
    return path


@pytest.fixture
def seed(db) -> None:
    call_command("loaddata", "seed", verbosity=0)


@pytest.fixture
def seeds_dir() -> Path:
    require(SEEDS.is_dir(), f"seed documents not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": require_chromium(),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def add_figure(partner: str = "KGZ", year: int = 2024, value: str | None = "200000000", **kw):
    """An accepted turnover figure of Belarus and `partner`, stated by `side` (default BLR)."""
    from tradewatch.models import Figure, Source

    source = kw.pop("source", None) or Source.objects.create(title=f"Report {year}")
    first = kw.pop("first", "BLR")
    a, b = sorted((first, partner))
    fields = {
        "country_a_id": a,
        "country_b_id": b,
        "side_id": kw.pop("side", first),
        "period_start": date(year, 1, 1),
        "period_end": date(year, 12, 31),
        "value_usd": Decimal(value) if value is not None else None,
        "source": source,
        "quote": f"trade reached {value} in {year}",
        **kw,
    }
    return Figure.objects.create(**fields)
