"""Concurrent HTTP clients against a running server: throughput, latency and bytes.

Each client is a thread with its own keep-alive connection, as a browser or a load balancer
would hold one; Python's socket calls release the GIL, so a handful of threads keep two
gunicorn workers busy.
"""

import http.client
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Result:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    @property
    def median_bytes(self) -> int:
        return int(statistics.median(self.sizes)) if self.sizes else 0


def drive(
    base_url: str,
    path_for: Callable[[int], str],
    *,
    clients: int,
    seconds: float,
    headers: dict[str, str] | None = None,
    ok: Callable[[int], bool] = lambda status: status == 200,
) -> Result:
    """`clients` threads request `path_for(n)` (n counts requests across all clients) for
    `seconds`; a response whose status `ok` refuses, or a failed connection, is an error."""
    parts = urlsplit(base_url)
    result = Result()
    lock = threading.Lock()
    counter = iter(range(10**12))
    stop_at = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        latencies, sizes, statuses, errors = [], [], {}, 0
        while time.perf_counter() < stop_at:
            with lock:
                n = next(counter)
            started = time.perf_counter()
            try:
                connection.request("GET", path_for(n), headers=headers or {})
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            latencies.append(time.perf_counter() - started)
            sizes.append(len(body))
            statuses[response.status] = statuses.get(response.status, 0) + 1
            errors += not ok(response.status)
        connection.close()
        with lock:
            result.latencies += latencies
            result.sizes += sizes
            result.errors += errors
            for status, count in statuses.items():
                result.statuses[status] = result.statuses.get(status, 0) + count

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    result.requests = len(result.latencies)
    return result
