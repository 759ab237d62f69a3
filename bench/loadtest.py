"""`make loadtest`: 64 concurrent clients for 60 seconds against the production server over
the benchmark data, across the overview, country pages, pair dashboards, the API, CSV and
report. Prints p50/p95/p99 latency and throughput; fails on any error or 5xx.

    python -m bench.loadtest [--clients 64] [--seconds 60] [--figures N --pairs P]
"""

import argparse
import sys
import time

from bench.load import drive
from bench.run import ensure_data, environment, free_port, production_server, say, setup_django

PAGES_PER_PAIR = ("/pairs/{a}-{b}/", "/api/pairs/{a}-{b}/", "/pairs/{a}-{b}/figures.csv",
                  "/pairs/{a}-{b}/report/", "/countries/{a}/")  # fmt: skip


def paths(pairs: list[tuple[str, str]]) -> list[str]:
    """A mix as readers make it: the overview, then each pair's pages, many pairs."""
    mixed = ["/", "/?sort=-share", "/healthz"]
    for a, b in pairs:
        mixed += [page.format(a=a, b=b) for page in PAGES_PER_PAIR]
    return mixed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--figures", type=int, default=200_000)
    parser.add_argument("--pairs", type=int, default=1_000)
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=200, help="pairs visited")
    args = parser.parse_args()
    env = environment()
    setup_django(env)
    ensure_data(env, args.figures, args.pairs, args.sources)
    from tradewatch.models import PairSummary

    pairs = list(PairSummary.objects.order_by("pair_name").values_list("country_a", "country_b"))[
        : args.sample
    ]
    mixed = paths(pairs)
    with production_server(env, free_port()) as base:
        started = time.monotonic()
        result = drive(
            base,
            lambda n: mixed[n % len(mixed)],
            clients=args.clients,
            seconds=args.seconds,
            headers={"Accept-Encoding": "gzip"},
            ok=lambda status: status < 400,
        )
        say(f"loadtest clients: {args.clients}")
        say(f"loadtest duration: {time.monotonic() - started:.0f} s")
        say(f"loadtest requests: {result.requests}")
        say(f"loadtest throughput: {result.per_second:.1f} req/s")
        for p in (50, 95, 99):
            say(f"loadtest p{p}: {result.percentile(p):.1f} ms")
        server_errors = sum(n for status, n in result.statuses.items() if status >= 500)
        say(f"loadtest errors: {result.errors}")
        say(f"loadtest 5xx: {server_errors}")
        say(f"loadtest statuses: {dict(sorted(result.statuses.items()))}")
    if result.errors or server_errors:
        sys.exit("load test failed: errors or 5xx responses")


if __name__ == "__main__":
    main()
