"""Time of the staff results page at a given number of responses (default 100k).

    .venv/bin/python -m bench.results_page --responses 100000 --repeat 5

Tops the bench consultation up to ``--responses`` (COPY), then requests the results page as a
Consultation analyst, with no breakdown and split by estate, both counted afresh ("Count again
now", ``?recount=1``) and from the results cache, and reports the median and worst time.

``--server gunicorn`` (the default) serves the app with gunicorn and signs in through the admin
login form, as an analyst's browser would; ``--server client`` goes through Django's test client
in this process instead, which can also count the database queries of each request.
"""

from __future__ import annotations

import argparse
import json
import secrets
import signal
import statistics
import threading
import time

from bench import common

VARIANTS = (("", True), ("", False), ("estate", True), ("estate", False))


def _target(url: str, by: str, recount: bool) -> str:
    query = "&".join(part for part in (f"by={by}" if by else "", "recount=1" * recount) if part)
    return f"{url}?{query}" if query else url


def _report(by, recount, responses, times, **extra) -> None:
    print(
        json.dumps(
            {
                "page": "results" + (f" by {by}" if by else ""),
                "counts": "counted afresh" if recount else "from the results cache",
                "responses": responses,
                "median_seconds": round(statistics.median(times), 3),
                "max_seconds": round(max(times), 3),
                **extra,
            }
        ),
        flush=True,
    )


def through_client(url: str, user, responses: int, repeat: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    for by, recount in VARIANTS:
        target = _target(url, by, recount)
        assert client.get(target).status_code == 200  # warm per-process and results caches
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(target)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200
        _report(by, recount, responses, times, queries=len(queries.captured_queries))


def through_gunicorn(url: str, user, responses: int, repeat: int, port: int) -> None:
    from bench.load import Resident, start_gunicorn

    password = secrets.token_urlsafe(18)
    user.set_password(password)
    user.save(update_fields=["password"])
    server = start_gunicorn(port, workers=2)
    try:
        browser = Resident(port, {}, threading.Lock())
        _status, _location, form = browser.request("GET", "/admin/login/")
        status, _location, _html = browser.post_form(
            "/admin/login/", form, {"username": user.username, "password": password}
        )
        assert status == 302, "the analyst could not sign in"
        for by, recount in VARIANTS:
            target = _target(url, by, recount)
            assert browser.request("GET", target)[0] == 200  # warm the workers and the cache
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                status, _location, _html = browser.request("GET", target)
                times.append(time.perf_counter() - started)
                assert status == 200
            _report(by, recount, responses, times, server="gunicorn, 2 workers")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--server", choices=["gunicorn", "client"], default="gunicorn")
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument(
        "--consultation", default=common.BENCH_SLUG, help="slug of the bench consultation to use"
    )
    args = parser.parse_args()
    common.setup()
    from django.urls import reverse

    from consultations.models import Response

    page = common.bench_consultation(args.consultation)
    common.set_response_count(page, args.responses)
    responses = Response.objects.filter(consultation=page).count()
    url = reverse("consultation_responses:results", args=[page.pk])
    user = common.analyst_user()
    if args.server == "client":
        through_client(url, user, responses, args.repeat)
    else:
        through_gunicorn(url, user, responses, args.repeat, args.port)


if __name__ == "__main__":
    main()
