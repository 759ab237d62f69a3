"""WeasyPrint's URL fetcher for the PDF: our static files from disk, never the network.

Imported only when a PDF is made, because importing WeasyPrint takes over half a second.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse


class StaticFileFetcher(URLFetcher):
    """Serves URLs under static_url (absolute, e.g. http://host/static/) from static files.

    Reading the files avoids fetching the stylesheet over the network from the site's own
    public URL; data: URLs are allowed, anything else is refused.
    """

    def __init__(self, static_url: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.static_url = static_url

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(self.static_url):
            raise ValueError(f"PDF may only load static files under {self.static_url}: {url}")
        name = unquote(urlsplit(url[len(self.static_url) :]).path)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=read_static(name), headers={"Content-Type": content_type}
        )


def read_static(name: str) -> bytes:
    """The collected file (production, hashed names) or else the finders' source file (dev)."""
    if not name or ".." in name.split("/"):
        raise ValueError(f"not a static file name: {name}")
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as f:
            return f.read()
    path = finders.find(name)
    if path is None:
        raise ValueError(f"no static file {name}")
    return Path(path).read_bytes()
