"""The layering STYLE promises: domain maths and the extractor know nothing of Django."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "tradewatch"
PURE = sorted(ROOT.glob("domain/*.py")) + [
    ROOT / "ingest" / name
    for name in (
        "numbers.py",
        "dates.py",
        "names.py",
        "extract.py",
        "files.py",
        "sentences.py",
        "exclusions.py",
        "periods.py",
    )
]


def package_of(path: Path) -> list[str]:
    """The dotted package a module file belongs to, as parts: tradewatch/domain/x.py ->
    [tradewatch, domain]; a package's __init__.py belongs to the package itself."""
    return list(path.relative_to(ROOT.parent).with_suffix("").parts[:-1])


def imported_modules(path: Path, source: str | None = None) -> set[str]:
    """Absolute names of everything the module imports, relative imports resolved against its
    package; `from a import b` counts as both a and a.b (b may be a submodule)."""
    tree = ast.parse(path.read_text() if source is None else source)
    package = package_of(path)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


def forbidden(modules: set[str]) -> set[str]:
    return {
        m
        for m in modules
        if m.startswith("django") or m == "tradewatch.models" or m.startswith("tradewatch.models.")
    }


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_modules_import_neither_django_nor_models(path):
    assert forbidden(imported_modules(path)) == set()


@pytest.mark.parametrize(
    "source",
    [
        "from ..models import Figure",
        "from .. import models",
        "from ..models.fields import Anything",
        "from tradewatch import models",
        "import tradewatch.models",
        "from django.db import transaction",
    ],
)
def test_a_domain_module_importing_django_or_the_models_in_any_form_is_flagged(source):
    assert forbidden(imported_modules(ROOT / "domain" / "synthetic.py", source)) != set()


def test_relative_imports_resolve_against_the_module_package():
    source = "from . import money\nfrom .money import values_agree\nfrom ..ingest import dates"
    found = imported_modules(ROOT / "domain" / "synthetic.py", source)
    assert {"tradewatch.domain.money", "tradewatch.ingest.dates"} <= found
    assert forbidden(found) == set()
    package_init = imported_modules(ROOT / "domain" / "__init__.py", "from .money import x")
    assert "tradewatch.domain.money" in package_init
