"""A static files finder for plotly.js from the installed plotly wheel.

The wheel's package_data folder also holds a 4.8 MB widget bundle, datasets and templates;
pointing STATICFILES_DIRS at it would publish them all. This finder exposes one file, so
plotly.js always matches the plotly version that builds the figures.
"""

from collections.abc import Iterator
from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage

PREFIX = "plotly"
NAME = "plotly.min.js"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / NAME


class PlotlyFinder(BaseFinder):
    """Serves and collects only plotly/plotly.min.js."""

    def __init__(self) -> None:
        self.storage = FileSystemStorage(location=PLOTLY_JS.parent)
        self.storage.prefix = PREFIX  # collectstatic copies it to plotly/plotly.min.js

    def check(self, **kwargs) -> list[CheckMessage]:
        if PLOTLY_JS.is_file():
            return []
        return [Error(f"plotly.js not found at {PLOTLY_JS}", id="tradewatch.E001")]

    def find(self, path: str, find_all: bool = False) -> str | list[str] | None:
        match = str(PLOTLY_JS) if path == f"{PREFIX}/{NAME}" else None
        if find_all:
            return [match] if match else []
        return match

    def list(self, ignore_patterns: list[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        if not matches_patterns(NAME, ignore_patterns or []):
            yield NAME, self.storage
