"""Submissions per second and latency of the real responding journey, served by gunicorn.

    .venv/bin/python -m bench.load --residents 400 --concurrency 16 --workers 4

Starts gunicorn (``portal.wsgi``, ``bench.settings``, PostgreSQL ``portal_bench``) on 127.0.0.1
only, then runs a bounded number of simulated residents on a bounded number of threads. Each
resident walks the whole journey over HTTP as a browser would, with cookies and CSRF tokens:
start, "responding as", every survey section, "your details", check your answers, submit, then
the confirmation page. Reported: completed submissions per second (wall clock), and median/p95
latency of the submit POST and of every request.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

from bench import common

HOST = "127.0.0.1"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_RE = re.compile(r'name="token" value="([0-9a-f-]+)"')


class Resident:
    """One browser: its cookies, and the latency of each request it makes."""

    def __init__(self, port: int, timings: dict[str, list[float]], lock: threading.Lock):
        self.port, self.cookies, self.timings, self.lock = port, {}, timings, lock

    def request(self, method: str, path: str, data: dict | None = None, label: str = "other"):
        body = urlencode(data, doseq=True) if data is not None else None
        headers = {"Host": f"{HOST}:{self.port}", "Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - started
        connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _sep, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        with self.lock:
            self.timings.setdefault(label, []).append(elapsed)
            self.timings.setdefault("all", []).append(elapsed)
        location = response.getheader("Location") or ""
        return response.status, urlsplit(location).path if location else "", content

    def post_form(self, path: str, html: str, fields: dict, label: str = "other"):
        csrf = CSRF_RE.search(html)
        token = TOKEN_RE.search(html)
        data = {**fields}
        if csrf:
            data["csrfmiddlewaretoken"] = csrf.group(1)
        if token:
            data["token"] = token.group(1)
        return self.request("POST", path, data, label)

    def respond(self, base: str) -> bool:
        # The shared survey's answers (Django is set up by now: the package imports Wagtail).
        from consultations.demo import surveys

        status, location, _html = self.request("GET", f"{base}respond/")
        steps = 0
        while status == 302 and steps < 20:
            steps += 1
            status, redirected, html = self.request("GET", location)
            if status == 302:  # e.g. to the language-prefixed address
                location = redirected
                continue
            if location.endswith("/respond/responding-as/"):
                fields = {"respondent_type": "tenant"}
            elif "/respond/section/" in location:
                fields = surveys.ANSWERS[location.rstrip("/").rsplit("/", 1)[1]]
            elif location.endswith("/respond/your-details/"):
                fields = {}
            elif location.endswith("/respond/check/"):
                status, location, _html = self.post_form(location, html, {}, "submit")
                if status == 302 and location.endswith("/respond/confirmation/"):
                    return self.request("GET", location)[0] == 200
                return False
            else:
                return False
            status, location, _html = self.post_form(location, html, fields)
        return False


def start_gunicorn(
    port: int, workers: int, app: str = "portal.wsgi", env: dict | None = None
) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **(env or {})}
    process = subprocess.Popen(
        [
            str(common.ROOT / ".venv/bin/gunicorn"),
            app,
            "--config",
            "python:portal.gunicorn",  # the production settings, with bind and workers below
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=common.ROOT,
        env=env,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/", headers={"Host": f"{HOST}:{port}"})
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8106)
    args = parser.parse_args()
    common.setup()
    from consultations.models import Response

    page = common.bench_consultation(slug="bench-load")
    base = page.url_path[len(page.get_site().root_page.url_path) - 1 :]
    before = Response.objects.filter(consultation=page).count()
    load_before = os.getloadavg()
    server = start_gunicorn(args.port, args.workers)
    timings: dict[str, list[float]] = {}
    lock = threading.Lock()
    remaining = iter(range(args.residents))
    outcomes: list[bool] = []

    def worker():
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            ok = Resident(args.port, timings, lock).respond(base)
            with lock:
                outcomes.append(ok)

    try:
        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    stored = Response.objects.filter(consultation=page).count() - before
    submits, every = timings.get("submit", []), timings.get("all", [])
    journeys_per_second = sum(outcomes) / wall
    submit_p95_ms = percentile(submits, 0.95) * 1000 if submits else None
    print(
        json.dumps(
            {
                # Before the run says how busy the machine was; after includes the run itself.
                "load_average_before": [round(value, 2) for value in load_before],
                "load_average_after": [round(value, 2) for value in os.getloadavg()],
                "residents": args.residents,
                "concurrency": args.concurrency,
                "gunicorn_workers": args.workers,
                "completed": sum(outcomes),
                "stored": stored,
                "wall_seconds": round(wall, 1),
                "submissions_per_second": round(journeys_per_second, 1),
                "requests_per_second": round(len(every) / wall, 1),
                "submit_median_ms": round(statistics.median(submits) * 1000, 1)
                if submits
                else None,
                "submit_p95_ms": round(submit_p95_ms, 1) if submit_p95_ms is not None else None,
                "request_median_ms": round(statistics.median(every) * 1000, 1) if every else None,
                "request_p95_ms": round(percentile(every, 0.95) * 1000, 1) if every else None,
                # Issue 12's goals, with 8 concurrent residents: at least 10 full journeys a
                # second and the submit POST's 95th percentile under 75 ms.
                "goals_met": args.concurrency >= 8
                and journeys_per_second >= 10
                and submit_p95_ms is not None
                and submit_p95_ms < 75,
            }
        )
    )
    if stored != sum(outcomes):
        sys.exit("stored responses do not match completed submissions")


if __name__ == "__main__":
    main()
