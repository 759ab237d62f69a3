"""The shipped fixture: its quotes are verbatim in the seed documents."""

import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed.json"
QUOTED = {"tradewatch.figure", "tradewatch.targetstatement", "tradewatch.event"}


def quoted_rows() -> list[dict]:
    rows = json.loads(FIXTURE.read_text())
    return [r for r in rows if r["model"] in QUOTED]


def source_files() -> dict[int, str]:
    rows = json.loads(FIXTURE.read_text())
    return {r["pk"]: r["fields"]["file_name"] for r in rows if r["model"] == "tradewatch.source"}


@pytest.mark.parametrize("row", quoted_rows(), ids=lambda r: f"{r['model']}-{r['pk']}")
def test_every_quote_is_verbatim_in_its_seed_document(row, seeds_dir):
    text = (seeds_dir / source_files()[row["fields"]["source"]]).read_text()
    fields = row["fields"]
    assert fields["quote"] in text
    if fields.get("quote_start") is not None:
        assert text[fields["quote_start"] : fields["quote_end"]] == fields["quote"]


def test_fixture_has_the_documented_facts(seed):
    from tradewatch.models import Figure, Target

    assert Target.objects.get(country_b="KGZ").statements.count() == 3
    assert Figure.objects.filter(country_b="KGZ", value_usd=160200000).exists()
    assert Figure.objects.filter(country_b="KGZ", value_usd=170000000, qualifier="about").exists()
    assert Target.objects.filter(country_b="KAZ", value_usd__isnull=True).exists()
