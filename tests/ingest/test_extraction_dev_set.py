"""The extractor on the development set of real reports, scored by the set's own scorer.

The reports and their hand-made answers live in ../shared/extraction-dev (third-party texts,
never copied here); a further set kept aside is scored the same way.
"""

import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

from tests.conftest import require

DEV_SET = Path(__file__).resolve().parents[2].parent / "shared" / "extraction-dev"
MIN_PRECISION = MIN_RECALL = 0.85


def test_precision_and_recall_on_the_development_set(tmp_path, capsys):
    require(DEV_SET.is_dir(), f"extraction development set not found at {DEV_SET}")
    articles = sorted(str(p) for p in (DEV_SET / "articles").glob("*.txt"))
    call_command("extract", *articles, format="json")
    predictions = tmp_path / "predictions.json"
    predictions.write_text(capsys.readouterr().out)
    scored = subprocess.run(
        [sys.executable, str(DEV_SET / "score.py"), str(DEV_SET / "answers.json"),
         str(predictions), "--min-precision", str(MIN_PRECISION),
         "--min-recall", str(MIN_RECALL)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    print(scored.stdout)
    assert "0 bad quotes" in scored.stdout
    assert scored.returncode == 0, scored.stdout
