"""Start and stop the peer apps (Dash, Streamlit) that draw the same chart as ours.

They run from .venv-bench (made by bench/setup_peers.sh), never from the app's venv.
"""

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
PEERS = Path(__file__).resolve().parent
START_TIMEOUT = 60.0  # seconds; a cold Streamlit import takes a few


def _python() -> Path:
    if not BENCH_PYTHON.exists():
        raise RuntimeError(f"{BENCH_PYTHON} is missing: run `bash bench/setup_peers.sh` first")
    return BENCH_PYTHON


def _wait_for_port(proc: subprocess.Popen, name: str, port: int) -> None:
    # An HTTP answer, not just an open socket: gunicorn binds before its workers load the app.
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with code {proc.returncode} before it answered")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # any HTTP status means the app is up
        except OSError:
            time.sleep(0.2)
    stop(proc)
    raise TimeoutError(f"{name} did not answer on 127.0.0.1:{port} within {START_TIMEOUT:.0f} s")


def _start(name: str, args: list[str], spec_path: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "CHART_SPEC": str(Path(spec_path).resolve())}
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so stop() also ends its workers
    )
    _wait_for_port(proc, name, port)
    return proc


def start_dash(spec_path: Path, port: int) -> subprocess.Popen:
    """Serve the Dash peer with gunicorn, sized like our app's server (2 workers x 4 threads)."""
    args = [
        str(_python()), "-m", "gunicorn", "bench.peers.dash_app:server",
        "-w", "2", "-k", "gthread", "--threads", "4", "-b", f"127.0.0.1:{port}",
    ]  # fmt: skip
    return _start("Dash", args, spec_path, port)


def start_streamlit(spec_path: Path, port: int) -> subprocess.Popen:
    """Serve the Streamlit peer the way its docs run an app on a server (headless)."""
    args = [
        str(_python()), "-m", "streamlit", "run", str(PEERS / "streamlit_app.py"),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",  # no telemetry requests in the byte count
    ]  # fmt: skip
    return _start("Streamlit", args, spec_path, port)


def stop(proc: subprocess.Popen) -> None:
    """End a peer and everything it started (gunicorn workers)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
