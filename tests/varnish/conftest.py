"""A real ``varnishd`` with the shipped ``deploy/varnish/default.vcl``, in front of the app served
by pytest-django's live server, for the tests of what the caching proxy may and may not keep.

Each test gets its own varnishd (a free port, a temporary working directory, so the runs of the
three suites never meet) and its own backend.vcl naming the live server and the purge acl. The
app is told to purge that varnishd (``WAGTAILFRONTENDCACHE``), as production is with
``FRONTEND_CACHE_URL``.
"""

import http.client
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.news.conftest import events_index  # noqa: F401 (fixtures these tests use)
from tests.panel.conftest import english, members, panel_member, panel_section  # noqa: F401

VCL_DIR = Path(__file__).resolve().parents[2] / "deploy" / "varnish"
HOST = "localhost"  # the test site's hostname: what purges name in Host


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def varnishd_path() -> str:
    found = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if found is None:
        pytest.fail("varnishd is missing: .ci/run installs Debian's varnish package")
    return found


class Proxy:
    def __init__(self, port: int):
        self.port = port

    def request(self, method, path, *, headers=None, body=None, source="127.0.0.1"):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=10, source_address=(source, 0)
        )
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        connection.close()
        return response, text

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


@pytest.fixture
def proxy(live_server, settings, tmp_path):
    app_port = int(live_server.url.rsplit(":", 1)[1])
    port = free_port()
    (tmp_path / "backend.vcl").write_text(
        f"""
backend default {{
    .host = "127.0.0.1";
    .port = "{app_port}";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}}
acl purge {{ "127.0.0.1"; }}
"""
    )
    log = (tmp_path / "varnishd.log").open("wb")
    process = subprocess.Popen(
        [
            varnishd_path(),
            "-F",
            "-j",
            "none",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-p",
            f"vcl_path={tmp_path}:{VCL_DIR}",
            "-f",
            str(VCL_DIR / "default.vcl"),
            "-s",
            "malloc,32m",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("varnishd did not start: " + (tmp_path / "varnishd.log").read_text())
            time.sleep(0.1)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "portal.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    yield Proxy(port)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
