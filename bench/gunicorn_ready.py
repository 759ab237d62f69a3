"""Gunicorn settings for the benchmarks (`-c bench/gunicorn_ready.py`).

Each worker, once it has loaded the app, leaves a file named by its pid in $BENCH_READY_DIR,
so the clients start only when every worker can take connections: keep-alive connections
opened while one worker is still importing all stay with the first one ready, and the run
then measures one core instead of all of them.
"""

import os
from pathlib import Path


def post_worker_init(worker) -> None:
    Path(os.environ["BENCH_READY_DIR"], str(worker.pid)).touch()
