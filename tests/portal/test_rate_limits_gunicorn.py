"""A limit holds across gunicorn workers that share Redis, as production runs it.

Two workers on the production settings and one Redis; event replies are sent two at a time, so
while one worker is busy the other takes the next. The default limit (10 replies an hour from one
address) must stop the 11th reply, not the 21st, as it would if each worker counted on its own.
"""

import http.client
import os
import re
import subprocess
import threading
import time
import uuid
from urllib.parse import urlencode

import pytest
import redis
from django.conf import settings
from django.db import connection

from news.models import EventRSVP
from tests.portal.test_rate_limits import add_open_event
from tests.portal.test_settings import GOOD_KEY, ROOT
from tests.smtp import free_port

REDIS_URL = os.environ.get("REDIS_URL", "")
HOST = "127.0.0.1"

pytestmark = [
    pytest.mark.skipif(
        not REDIS_URL, reason="needs the shared Redis (REDIS_URL), as CI and production have"
    ),
    # The workers must see the committed event; serialized_rollback puts back what migrations
    # created once the test's tables are emptied, for the transactional tests after this one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def workers(tmp_path):
    """Two gunicorn workers on the test database; yields (port, access log path)."""
    if connection.vendor != "postgresql":
        pytest.skip("the workers are other processes: the in-memory SQLite test database is ours")
    port, log, prefix = free_port(), tmp_path / "access.log", f"gunicorn-test-{uuid.uuid4().hex}"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.portal.production_over_http",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "TRUSTED_PROXY_COUNT": "0",
        "PORTAL_NON_PRODUCTION": "",
    }
    environment.pop("CACHE_BACKEND", None)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "portal.wsgi",
            "--config",
            "python:portal.gunicorn",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            "2",
            "--access-logfile",
            str(log),
            "--access-logformat",
            "%(p)s %(m)s %(U)s %(s)s",
        ],
        cwd=ROOT,
        env=environment,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get(port, "/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        yield port, log
    finally:
        server.terminate()
        server.wait(timeout=60)
        shared = redis.Redis.from_url(REDIS_URL)
        keys = list(shared.scan_iter(match=f"{prefix}:*"))
        if keys:
            shared.delete(*keys)


def get(port, path, headers=None):
    client = http.client.HTTPConnection(HOST, port, timeout=60)
    client.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = client.getresponse()
    return response, response.read().decode()


def post(port, path, fields, cookie):
    client = http.client.HTTPConnection(HOST, port, timeout=60)
    client.request(
        "POST",
        path,
        body=urlencode(fields),
        headers={
            "Host": HOST,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
        },
    )
    response = client.getresponse()
    response.read()
    return response.status


def test_the_rsvp_limit_holds_across_two_workers_sharing_redis(home_page, workers):
    port, log = workers
    event = add_open_event(home_page)
    page, html = get(port, event.rsvp_url())  # the reply form, a step of its own
    assert page.status == 200, html[:500]
    csrf_cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie") or "").group(1)
    csrf_field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    limit = int(settings.PORTAL_RATE_LIMITS["rsvp"].split(",")[0].split("/")[0])
    assert settings.PORTAL_RATE_LIMITS["rsvp"].split(",")[0].endswith("/h/ip")

    statuses: list[int] = []

    def reply(n):
        fields = {
            "csrfmiddlewaretoken": csrf_field,
            "name": f"Resident {n}",
            "email": "",
            "places": "1",
            "access_needs": "",
            "submission_key": str(uuid.uuid4()),
        }
        statuses.append(post(port, f"{event.url}rsvp/", fields, f"csrftoken={csrf_cookie}"))

    for pair in range(limit):  # twice the limit, two at a time
        threads = [threading.Thread(target=reply, args=(2 * pair + i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(statuses) == [302] * limit + [429] * limit
    assert EventRSVP.objects.count() == limit
    # Both workers answered replies (the access log names each request's process; its last line
    # may still be on its way, so the lines are not counted).
    served = [line.split() for line in log.read_text().splitlines()]
    replies = [pid for pid, method, path, _status in served if method == "POST"]
    assert len(set(replies)) == 2, served
