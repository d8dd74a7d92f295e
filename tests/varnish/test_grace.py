"""When the app goes down, the proxy keeps serving what it has: a real varnishd with the shipped
VCL, its backend probed on ``/healthz`` as in production, in front of a relay to the app that the
test stops (the app, as the proxy sees it, has gone)."""

import contextlib
import socket
import threading
import time

import pytest

from bench.varnish import VarnishNotStarted, free_port, start_varnishd
from portal.models import StandardPage
from tests.news.conftest import publish
from tests.varnish.conftest import Proxy

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROBE_INTERVAL = 0.2  # seconds; two failed probes mark the app down


class Relay:
    """Forwards TCP connections from a port of its own to the app; ``stop`` cuts it off."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                return
            self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def stop(self):
        for end in (self.listener, *self.open):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()


@pytest.fixture
def relay(live_server):
    relay = Relay(int(live_server.url.rsplit(":", 1)[1]))
    yield relay
    relay.stop()


@pytest.fixture
def probed_proxy(relay, settings, tmp_path):
    # Copies go stale after a second, so the test need not wait for the real ten minutes.
    settings.PUBLIC_CACHE_S_MAXAGE = 1
    settings.PUBLIC_CACHE_MAX_AGE = 1
    port = free_port()
    try:
        process = start_varnishd(
            tmp_path,
            port=port,
            backend_port=relay.port,
            storage="malloc,32m",
            probe_interval=PROBE_INTERVAL,
        )
    except VarnishNotStarted as error:
        pytest.fail(str(error))
    yield Proxy(port)
    process.terminate()
    process.wait(timeout=10)


def test_pages_already_cached_are_served_while_the_app_is_down(probed_proxy, relay, home_page):
    page = publish(
        home_page.add_child(instance=StandardPage(title="Bin collection changes", slug="bins"))
    )
    first, _ = probed_proxy.get(page.url)
    second, cached = probed_proxy.get(page.url)
    assert (first.status, second.status) == (200, 200)
    assert second.getheader("X-Cache") == "HIT"
    assert "Bin collection changes" in cached

    relay.stop()
    time.sleep(1 + 3 * PROBE_INTERVAL)  # past the copy's lifetime, and the probes have failed

    response, html = probed_proxy.get(page.url)
    assert response.status == 200, "a resident still gets the page while the app is down"
    assert "Bin collection changes" in html
    assert int(response.getheader("Age")) >= 1, "the copy served is the stale one"

    # What was never cached cannot be served: the proxy says so at once, it does not hang.
    started = time.monotonic()
    response, _html = probed_proxy.get(f"{home_page.url}never-fetched/")
    assert response.status == 503
    assert time.monotonic() - started < 6
