"""The layering STYLE promises: domain maths and the extractor know nothing of Django."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "tradewatch"
PURE = sorted(ROOT.glob("domain/*.py")) + [
    ROOT / "ingest" / name
    for name in ("numbers.py", "dates.py", "names.py", "extract.py", "files.py")
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_modules_import_neither_django_nor_models(path):
    bad = {
        m
        for m in imported_modules(path)
        if m.startswith("django") or m.startswith("tradewatch.models")
    }
    assert bad == set()
