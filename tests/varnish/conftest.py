"""A real ``varnishd`` with the shipped ``deploy/varnish/default.vcl``, in front of the app served
by pytest-django's live server, for the tests of what the caching proxy may and may not keep.

Each test gets its own varnishd, started by ``bench.varnish`` (the benchmark's starter too): a
free port, a temporary working directory, so the runs of the three suites never meet, and its
own backend.vcl naming the live server and the purge acl. The
app is told to purge that varnishd (``WAGTAILFRONTENDCACHE``), as production is with
``FRONTEND_CACHE_URL``.
"""

import http.client
import subprocess

import pytest

from bench.varnish import VarnishNotStarted, free_port, start_varnishd
from tests.news.conftest import events_index  # noqa: F401 (fixtures these tests use)
from tests.panel.conftest import english, members, panel_member, panel_section  # noqa: F401

HOST = "localhost"  # the test site's hostname: what purges name in Host


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
    try:
        process = start_varnishd(tmp_path, port=port, backend_port=app_port, storage="malloc,32m")
    except VarnishNotStarted as error:
        pytest.fail(str(error))
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
