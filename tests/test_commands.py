"""The extract command as a user runs it: real process, real exit codes."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "extract", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_extract_prints_json_per_file_and_exits_0(seeds_dir):
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    done = run(*files, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [d["file"] for d in data] == files
    for doc in data:
        text = Path(doc["file"]).read_text()
        for fact in doc["facts"]:
            assert text[fact["start"] : fact["end"]] == fact["quote"]


def test_unreadable_file_exits_1_and_still_prints_the_others(seeds_dir, tmp_path):
    good = str(sorted(seeds_dir.glob("*.txt"))[0])
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = run(good, str(empty))
    assert done.returncode == 1
    assert [d["file"] for d in json.loads(done.stdout)] == [good]
    assert "empty.txt: empty file" in done.stderr


def test_wrong_arguments_exit_2():
    assert run().returncode == 2
    assert run("x.txt", "--format", "yaml").returncode == 2


def test_text_format_is_a_readable_table(seeds_dir):
    done = run(str(seeds_dir / "002_91c3167d68487d19.txt"), "--format", "text")
    assert done.returncode == 0
    assert "dated 2023-10-30 (inferred)" in done.stdout
    assert "160200000" in done.stdout


def test_load_seed_fills_a_freshly_migrated_database_once(db, capsys):
    from django.core.management import call_command

    from tradewatch.models import Figure

    call_command("load_seed")
    assert Figure.objects.filter(value_usd=160_200_000, side_id="KGZ").exists()
    Figure.objects.filter(value_usd=160_200_000).update(speaker="Edited")
    call_command("load_seed")
    assert "seed not loaded" in capsys.readouterr().out
    assert Figure.objects.get(value_usd=160_200_000, derived=False).speaker == "Edited"
