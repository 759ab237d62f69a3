"""Static files: the plotly.js bundle from make install, served by the live server in tests."""

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from tradewatch.staticfinders import PlotlyFinder, bundle_path, bundle_version


def test_plotly_finder_lists_only_the_basic_bundle():
    finder = PlotlyFinder()
    listed = [f"{storage.prefix}/{path}" for path, storage in finder.list([])]
    assert listed == ["plotly/plotly-basic.min.js"]
    assert finder.find("plotly/plotly-basic.min.js") == str(bundle_path())
    assert finder.find("plotly/widgetbundle.js") is None
    assert finder.find("plotly/plotly-basic.min.js", find_all=True) == [str(bundle_path())]
    assert finder.check() == []


def test_the_bundle_is_the_plotly_js_version_the_figures_are_built_for():
    import plotly.offline

    assert bundle_version(bundle_path()) == plotly.offline.get_plotlyjs_version()


def test_a_bundle_of_another_version_fails_the_system_check(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "plotly-basic.min.js").write_text(
        "/** plotly.js (basic - minified) v3.0.0 */"
    )
    [error] = PlotlyFinder().check()
    assert "is plotly.js 3.0.0" in error.msg


@pytest.fixture
def live_server_without_collectstatic(settings, tmp_path, transactional_db) -> Iterator[LiveServer]:
    """pytest-django's live server, started after STATIC_ROOT points at a missing folder.

    A leftover staticfiles/ from collectstatic once hid that the live server could not find
    static files: WhiteNoise, set up when the server starts, served them from there.
    transactional_db: as for live_server, the server thread must see the test's database.
    """
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    assert not Path(settings.STATIC_ROOT).exists()
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.mark.parametrize("path", ["/static/plotly/plotly-basic.min.js", "/static/css/site.css"])
def test_live_server_serves_static_files_without_collectstatic(
    live_server_without_collectstatic, path
):
    url = f"{live_server_without_collectstatic.url}{path}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no env proxies
    with opener.open(url, timeout=10) as response:
        assert response.status == 200
        assert len(response.read()) > 100
