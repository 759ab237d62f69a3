"""A static files finder for the one plotly.js bundle the charts load.

The charts draw only scatter traces, so they load plotly.js's "basic" bundle (scatter, bar,
pie: 1.2 MB instead of 4.8 MB), which `make install` fetches from the npm registry with its
integrity hash checked (vendor/, not committed). It must be the same plotly.js version as the
plotly Python package that builds the figures; the system check says when it is not.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import plotly.offline
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage

PREFIX = "plotly"
NAME = "plotly-basic.min.js"
_VERSION_RE = re.compile(rb"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)")


def bundle_path() -> Path:
    return Path(settings.BASE_DIR) / "vendor" / NAME


def bundle_version(path: Path) -> str | None:
    with path.open("rb") as f:
        match = _VERSION_RE.search(f.read(400))
    return match.group(1).decode() if match else None


class PlotlyFinder(BaseFinder):
    """Serves and collects only plotly/plotly-basic.min.js."""

    def __init__(self) -> None:
        self.path = bundle_path()
        self.storage = FileSystemStorage(location=self.path.parent)
        self.storage.prefix = PREFIX  # collectstatic copies it to plotly/plotly-basic.min.js

    def check(self, **kwargs) -> list[CheckMessage]:
        if not self.path.is_file():
            return [Error(f"{self.path} is missing: run `make install`", id="tradewatch.E001")]
        wanted, found = plotly.offline.get_plotlyjs_version(), bundle_version(self.path)
        if found != wanted:
            message = f"{NAME} is plotly.js {found}; the plotly package builds figures for {wanted}"
            return [
                Error(message, hint="Update PLOTLY_BASIC in the Makefile.", id="tradewatch.E002")
            ]
        return []

    def find(self, path: str, find_all: bool = False) -> str | list[str] | None:
        match = str(self.path) if path == f"{PREFIX}/{NAME}" and self.path.is_file() else None
        if find_all:
            return [match] if match else []
        return match

    def list(self, ignore_patterns: list[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        if self.path.is_file() and not matches_patterns(NAME, ignore_patterns or []):
            yield NAME, self.storage
