"""Starting a real ``varnishd`` with the shipped ``deploy/varnish/default.vcl`` in front of a
backend on 127.0.0.1: the one starter for the benchmarks (``bench.pages``) and the proxy tests
(``tests/varnish``), so both measure and check the VCL that ships.

Only ``backend.vcl`` (which ``default.vcl`` includes) is written here, in ``workdir``: the
backend's address and the ``purge`` acl of the addresses allowed to PURGE. ``vcl_path`` puts
that directory before ``deploy/varnish``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

VCL_DIR = Path(__file__).resolve().parent.parent / "deploy" / "varnish"
HOST = "127.0.0.1"


class VarnishNotStarted(RuntimeError):
    """varnishd is missing, exited, or did not listen in time (the message has its log)."""


def varnishd_path() -> str:
    # Debian puts varnishd in /usr/sbin, which is not on every user's PATH.
    found = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
    if not found:
        raise VarnishNotStarted("varnishd is missing: .ci/run installs Debian's varnish package")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_varnishd(
    workdir: Path,
    *,
    port: int,
    backend_port: int,
    purgers: tuple[str, ...] = (HOST,),
    storage: str = "malloc,256m",
    probe_interval: float | None = None,
    timeout: float = 30,
) -> subprocess.Popen:
    """varnishd in the foreground on ``HOST:port``, its working files in ``workdir``; returns
    once it accepts connections. The caller stops it (``terminate``).

    ``probe_interval`` (seconds) gives the backend a health probe of ``/healthz``, as
    ``deploy/varnish/backend.vcl.example`` does in production, so varnishd knows when the app
    is down; two failed probes in a row mark it down.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    acl = " ".join(f'"{address}";' for address in purgers)
    probe = ""
    if probe_interval is not None:
        probe = f"""
    .probe = {{
        .request = "GET /healthz HTTP/1.1" "Host: localhost" "Connection: close";
        .interval = {probe_interval}s;
        .timeout = 1s;
        .window = 2;
        .threshold = 1;
        .initial = 1;
    }}"""
    (workdir / "backend.vcl").write_text(
        f"""
backend default {{
    .host = "{HOST}";
    .port = "{backend_port}";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;{probe}
}}
acl purge {{ {acl} }}
"""
    )
    log_path = workdir / "varnishd.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                varnishd_path(),
                "-F",
                "-j",
                "none",
                "-n",
                str(workdir / "varnish"),
                "-a",
                f"{HOST}:{port}",
                "-p",
                f"vcl_path={workdir}:{VCL_DIR}",
                "-f",
                str(VCL_DIR / "default.vcl"),
                "-s",
                storage,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise VarnishNotStarted("varnishd did not start: " + log_path.read_text()) from None
            time.sleep(0.1)


def instance_name(workdir: Path) -> Path:
    """What ``varnishstat -n`` names the instance started in ``workdir``."""
    return workdir / "varnish"
