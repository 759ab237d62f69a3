"""`make bench`: TradeWatch under its production server, driven by concurrent clients, and in
headless Chromium beside the same chart in Dash and Streamlit.

    python -m bench.run [--figures N] [--pairs P] [--sources S] [--seconds T] [--clients C]
                        [--rounds R] [--no-browser]

Seeds the benchmark database when it is empty (PostgreSQL when DATABASE_URL names one,
else bench/tradewatch-bench.sqlite3), serves it with gunicorn sized for the machine (Redis as
the cache when it answers on REDIS_URL or 127.0.0.1:6379), and prints one `name: value unit`
line per measurement. Throughput of each page is also given as a ratio of /healthz's in the
same run, since absolute numbers depend on how busy a shared machine is.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.load import drive

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SQLITE = ROOT / "bench" / "tradewatch-bench.sqlite3"
ROUNDS = 3
REDIS_DEFAULT = "redis://127.0.0.1:6379/0"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "benchmark-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
}


def say(line: str) -> None:
    print(line, flush=True)


def note(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment() -> dict[str, str]:
    env = {**os.environ, **PRODUCTION}
    env.setdefault("DATABASE_URL", f"sqlite:///{SQLITE}")
    if "REDIS_URL" not in env and answers(6379):
        env["REDIS_URL"] = REDIS_DEFAULT
    env["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}"
    return env


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [BIN / "python", "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout.strip()


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tradewatch.settings"
    import django

    django.setup()


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database DATABASE_URL names when it does not exist yet, so the
    documented run works on a new machine (SQLite creates its file by itself)."""
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import dj_database_url
    import psycopg
    from psycopg import sql

    db = dj_database_url.parse(url)
    server = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    with psycopg.connect(**server, password=db["PASSWORD"] or None, dbname="postgres") as conn:
        conn.autocommit = True
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone():
            note(f"creating database {db['NAME']}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))


def ensure_data(env: dict, figures: int, pairs: int, sources: int) -> None:
    """Seed an empty database; reuse one that already holds synthetic data of this size."""
    ensure_database(env.get("DATABASE_URL", ""))
    manage(env, "migrate", "--noinput", "-v0")
    from tradewatch.models import Figure
    from tradewatch.synthetic import real_data_present

    stored = Figure.objects.count()
    if stored == 0:
        note(f"seeding {figures:,} figures over {pairs:,} pairs (once per database)")
        say("seed: " + manage(env, "seed_synthetic", "--figures", str(figures), "--pairs",
                              str(pairs), "--sources", str(sources)))  # fmt: skip
    elif real_data_present():
        sys.exit("The benchmark database holds real documents: point DATABASE_URL elsewhere.")
    elif stored != figures:
        sys.exit(
            f"The benchmark database holds {stored:,} figures, not {figures:,}: use another "
            "database for another size, or run with --figures {stored}."
        )
    else:
        note(f"reusing the {stored:,} synthetic figures already stored")


@contextmanager
def production_server(env: dict, port: int):
    workers = os.cpu_count() or 2
    manage(env, "collectstatic", "--noinput", "-v0")
    ready = Path(tempfile.mkdtemp(prefix="bench-ready-"))
    server = subprocess.Popen(
        [BIN / "gunicorn", "tradewatch.wsgi", "-c", "bench/gunicorn_ready.py", "-w",
         str(workers), "-k", "gthread", "--threads", "4", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env={**env, "BENCH_READY_DIR": str(ready)},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:  # every worker booted (see bench/gunicorn_ready.py), and answering
            try:
                if len(list(ready.iterdir())) >= workers:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("gunicorn did not start")
            time.sleep(0.3)
        say(f"server: gunicorn {workers} workers x 4 threads; cache "
            f"{'Redis' if env.get('REDIS_URL') else 'local memory'}; "
            f"database {env['DATABASE_URL'].split(':')[0]}")  # fmt: skip
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(ready, ignore_errors=True)


def queries_for(path: str, *, warm: bool) -> int:
    """SQL queries of one request, counted in this process (the server does the same work)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tradewatch.cache import bump_data_version

    client = Client()
    if warm:
        client.get(path)
    else:
        bump_data_version()  # nothing cached: every fragment is built again
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured)


def fetch(url: str, encoding: str = "br, gzip") -> tuple[bytes, dict]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read(), dict(response.headers)


def transfer(base: str, path: str) -> tuple[int, int]:
    """Bytes of a first visit (the page and every static file it loads, compressed as served)
    and of a repeat visit: static files are immutable and stay in the browser's cache, and the
    page is asked for again with its ETag (the response body is all that is counted)."""
    page, headers = fetch(base + path)
    html = gzip.decompress(page).decode() if page[:2] == b"\x1f\x8b" else page.decode()
    assets = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
    first = len(page) + sum(len(fetch(base + asset)[0]) for asset in assets)
    request = urllib.request.Request(
        base + path, headers={"Accept-Encoding": "br, gzip", "If-None-Match": headers["ETag"]}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            repeat = len(response.read())
    except urllib.error.HTTPError as answer:  # urllib treats 304 Not Modified as an error
        if answer.code != 304:
            raise
        repeat = len(answer.read())
    return first, repeat


EDITED_POOL = 40  # dashboards read after an edit of another pair


def pages(pairs: list[tuple[str, str]]) -> list[tuple[str, object, str]]:
    """(name, path or path-for-request-n, state of the cache) for every page measured:
    "warm" (this page cached), "cold" (nothing cached: every page built from the database)
    or "edited" (pages cached, then one edit of another pair, as when an editor publishes)."""
    a, b = pairs[0]

    def cold_dashboard(n: int) -> str:
        x, y = pairs[n % len(pairs)]
        # Past the last pair, a query parameter the cache key holds keeps every request cold.
        return f"/pairs/{x}-{y}/" + (f"?round={n // len(pairs)}" if n >= len(pairs) else "")

    def edited_dashboard(n: int) -> str:
        x, y = pairs[1 + n % EDITED_POOL]
        return f"/pairs/{x}-{y}/"

    return [
        ("healthz", "/healthz", "warm"),
        ("overview", "/", "warm"),
        ("dashboard warm", f"/pairs/{a}-{b}/", "warm"),
        ("dashboard cold", cold_dashboard, "cold"),
        ("dashboard after an edit elsewhere", edited_dashboard, "edited"),
        ("api", f"/api/pairs/{a}-{b}/", "warm"),
        ("report", f"/pairs/{a}-{b}/report/", "warm"),
        ("csv", f"/pairs/{a}-{b}/figures.csv", "warm"),
    ]


def edit_a_pair(pair: tuple[str, str]) -> None:
    """An editor's save of one figure of this pair, through the same signals as the admin."""
    from tradewatch.models import Figure

    figure = Figure.objects.filter(country_a=pair[0], country_b=pair[1]).first()
    figure.save()


def dashboards_an_edit_rebuilds(
    pair: tuple[str, str], pairs: list, *, partners: bool
) -> tuple[int, int]:
    """Dashboards (both ways round) whose cache key holds a token one edit of `pair`
    replaces, by the cache's own rules, of all there are: a value edit, or (`partners`) one
    that may make the two countries partners or end it."""
    from tradewatch.cache import page_scopes, pair_scopes

    touched = pair_scopes([pair], partners=partners)
    dashboards = [d for a, b in pairs for d in ((a, b), (b, a))]
    rebuilt = sum(1 for a, b in dashboards if touched & set(page_scopes({"a": a, "b": b})))
    return rebuilt, len(dashboards)


def prepare(base: str, state: str, path_for, pairs: list) -> None:
    from tradewatch.cache import bump_data_version

    if state == "cold":
        bump_data_version()  # nothing cached from before
    elif state == "edited":
        with ThreadPoolExecutor(max_workers=8) as pool:  # build the pages, as readers would
            list(pool.map(lambda n: fetch(base + path_for(n)), range(EDITED_POOL)))
        edit_a_pair(pairs[-1])
    else:
        fetch(base + path_for(0))  # one request first: "warm" means cached


def measure_server(base: str, pairs: list[tuple[str, str]], clients: int, seconds: float):
    """Every page in turn, in `ROUNDS` slices of `seconds / ROUNDS`, so a burst of load from
    elsewhere on a shared machine falls on all pages alike; medians of the slices."""
    measured = pages(pairs)
    slices: dict[str, list] = {name: [] for name, _, _ in measured}
    for _ in range(ROUNDS):
        for name, path, state in measured:
            path_for = path if callable(path) else (lambda n, p=path: p)
            prepare(base, state, path_for, pairs)
            slices[name].append(
                drive(base, path_for, clients=clients, seconds=seconds / ROUNDS,
                      headers={"Accept-Encoding": "gzip"})
            )  # fmt: skip
    throughput = {}
    for name, path, state in measured:
        results = slices[name]
        throughput[name] = statistics.median(r.per_second for r in results)
        say(f"{name} throughput: {throughput[name]:.1f} req/s")
        say(f"{name} p50: {statistics.median(r.percentile(50) for r in results):.1f} ms")
        say(f"{name} p95: {statistics.median(r.percentile(95) for r in results):.1f} ms")
        say(f"{name} response: {results[0].median_bytes} B gzipped")
        say(
            f"{name} errors: {sum(r.errors for r in results)} of {sum(r.requests for r in results)}"
        )
        first_path = path if isinstance(path, str) else path(0)
        say(f"{name} queries: {queries_for(first_path, warm=state != 'cold')}")
    for name, value in throughput.items():
        if name != "healthz":
            say(f"{name} throughput vs healthz: {value / throughput['healthz']:.2f} x")
    rebuilt, dashboards = dashboards_an_edit_rebuilds(pairs[-1], pairs, partners=False)
    say(f"dashboards a value edit rebuilds: {rebuilt} of {dashboards}")
    rebuilt, dashboards = dashboards_an_edit_rebuilds(pairs[-1], pairs, partners=True)
    say(f"dashboards a pair's first or last fact rebuilds: {rebuilt} of {dashboards}")
    first, repeat = transfer(base, measured[2][1])
    say(f"dashboard first visit transfer: {first / 1000:.0f} KB")
    say(f"dashboard repeat visit transfer: {repeat / 1000:.1f} KB")


def measure_browser(base: str, pair: tuple[str, str], rounds: int) -> None:
    from bench import browser, peers
    from tradewatch.charts import target_chart
    from tradewatch.queries import Filters, pair_dashboard, pair_or_404
    from tradewatch.views.common import today

    done = subprocess.run(["bash", ROOT / "bench" / "setup_peers.sh"], capture_output=True)
    if done.returncode:
        sys.exit(f"bench/setup_peers.sh failed:\n{done.stderr.decode()}")
    dashboard = pair_dashboard(pair_or_404(*pair), Filters(), as_of=today())
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "chart.json"
        spec.write_text(json.dumps(target_chart(dashboard), default=str))
        dash_port, streamlit_port = free_port(), free_port()
        running = [peers.start_dash(spec, dash_port), peers.start_streamlit(spec, streamlit_port)]
        try:
            apps = {
                "tradewatch": f"{base}/pairs/{pair[0]}-{pair[1]}/",
                "dash": f"http://127.0.0.1:{dash_port}/",
                "streamlit": f"http://127.0.0.1:{streamlit_port}/",
            }
            for line in browser.measure(apps, rounds):
                say(line)
        finally:
            for process in running:
                peers.stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=200_000)
    parser.add_argument("--pairs", type=int, default=1_000)
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--seconds", type=float, default=8, help="per page")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5, help="browser rounds")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    env = environment()
    setup_django(env)
    ensure_data(env, args.figures, args.pairs, args.sources)
    from tradewatch.models import PairSummary

    say(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{args.figures:,} figures over {args.pairs:,} pairs")  # fmt: skip
    pairs = list(
        PairSummary.objects.filter(latest__isnull=False)
        .order_by("pair_name")
        .values_list("country_a", "country_b")
    )
    with production_server(env, free_port()) as base:
        measure_server(base, pairs, args.clients, args.seconds)
        if not args.no_browser:
            measure_browser(base, pairs[0], args.rounds)
    say(f"bench duration: {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
