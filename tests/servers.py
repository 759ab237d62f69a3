"""Real servers for the tests that need them: a fresh PostgreSQL database, gunicorn app
servers, and a TCP proxy in front of PostgreSQL that a test can cut and restore."""

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG_HOST, PG_PORT = "127.0.0.1", 5432
PG = f"postgres://postgres@{PG_HOST}:{PG_PORT}/"
RUN_SQL = "import sys, psycopg; psycopg.connect(sys.argv[1], autocommit=True).execute(sys.argv[2])"


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def sql(statement: str) -> None:
    subprocess.run([BIN / "python", "-c", RUN_SQL, PG + "postgres", statement], check=True)


@contextmanager
def fresh_database(prefix: str) -> Iterator[str]:
    """A new PostgreSQL database, migrated, with the seed; dropped afterwards."""
    require(answers(PG_HOST, PG_PORT), "PostgreSQL is not running on 127.0.0.1:5432")
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    sql(f"CREATE DATABASE {name}")
    try:
        env = {**os.environ, "DATABASE_URL": PG + name}
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_seed")
        yield name
    finally:
        sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def gunicorn(env: dict, count: int = 1, threads: int = 2) -> Iterator[list[str]]:
    """`count` app servers on free ports, each one worker; their base URLs."""
    ports = [free_port() for _ in range(count)]
    servers = [
        subprocess.Popen(
            [
                BIN / "gunicorn",
                "tradewatch.wsgi",
                "-w",
                "1",
                "-k",
                "gthread",
                "--threads",
                str(threads),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 30
        while not all(answers("127.0.0.1", p) for p in ports):
            assert time.monotonic() < deadline, "app servers did not start"
            assert all(s.poll() is None for s in servers), "an app server exited"
            time.sleep(0.2)
        yield [f"http://127.0.0.1:{p}" for p in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


class Proxy:
    """Forwards a local port to PostgreSQL until cut: then every connection is closed and
    new ones are refused, as when the database host goes away; restore() lets them in."""

    def __init__(self) -> None:
        self.port = free_port()
        self.open = True
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection((PG_HOST, PG_PORT))
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.open = False
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
                except OSError:
                    pass
            self.sockets.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self.listener.close()
