"""Reading report files safely: plain UTF-8 text, or HTML reduced to its visible text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 1024 * 1024  # 1 MiB: wire reports are a few KB; anything bigger is not one

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "title",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


class DocumentError(Exception):
    """A file that cannot be read as a report; `reason` says why."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        body = "\n\n".join(line for line in lines if line)
        title = " ".join("".join(self._title).split())
        return f"{title}\n\n{body}" if title and not body.startswith(title) else body


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one paragraph per block element (scripts/styles dropped)."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    return parser.text()


def read_document(path: str | Path) -> str:
    """The text of a report file; raises DocumentError for anything that is not one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(path, f"too large ({size} bytes, limit {MAX_BYTES})")
        raw = path.read_bytes()
    except DocumentError:
        raise
    except FileNotFoundError:
        raise DocumentError(path, "file not found") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a directory") from None
    except OSError as exc:
        raise DocumentError(path, f"unreadable ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:  # the file grew after stat
        raise DocumentError(path, f"too large (limit {MAX_BYTES} bytes)")
    if not raw.strip():
        raise DocumentError(path, "empty file")
    if b"\x00" in raw:
        raise DocumentError(path, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"not UTF-8 (bad byte at offset {exc.start})") from None
    if path.suffix.lower() in (".html", ".htm") or text.lstrip().startswith("<"):
        text = html_to_text(text)
        if not text.strip():
            raise DocumentError(path, "HTML without visible text")
    return text
