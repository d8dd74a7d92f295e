"""Export time and peak memory at several response counts (memory should stay flat).

    .venv/bin/python -m bench.export_memory --sizes 10000 100000 1000000 --formats csv xlsx

``--xlsx-writer xlsxwriter`` measures the XLSX export written with XlsxWriter
(``bench.xlsxwriter_export``) instead of the portal's hand-written SpreadsheetML writer (the
default, ``hand``), to compare the two with everything else equal.

For each size the bench consultation is topped up to that many responses (COPY), then each
export is downloaded as an analyst would: ``--server gunicorn`` (the default) starts a fresh
gunicorn with one worker and the production gunicorn settings, signs in through the admin login
form and downloads the file over HTTP chunk by chunk; ``--server client`` runs the real admin
view in a fresh Python process instead. Each line reports the serving process's resident memory
before the export, its peak during it (``VmHWM``), the time taken and the size of the file.
"""

from __future__ import annotations

import argparse
import http.client
import json
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import common


def measure(fmt: str, slug: str = common.BENCH_SLUG, xlsx_writer: str = "hand") -> dict:
    common.setup(migrate=False)
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    from consultations.analysis.views import ExportView
    from consultations.models import Response

    if xlsx_writer == "xlsxwriter":
        from bench.xlsxwriter_export import use_xlsxwriter

        use_xlsxwriter()

    page = common.bench_consultation(slug)
    rows = Response.objects.filter(consultation=page).count()
    request = RequestFactory().get(f"/admin/consultation-responses/{page.pk}/export/{fmt}/")
    request.user = common.analyst_user()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    before = common.current_rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    response = ExportView.as_view()(request, page_id=page.pk, fmt=fmt)
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    response.close()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    return {
        "format": fmt,
        "xlsx_writer": xlsx_writer,
        "responses": rows,
        "seconds": round(seconds, 1),
        # This process's own CPU time: what the export costs, whatever else the machine runs.
        "cpu_seconds": round(cpu_seconds, 1),
        "rows_per_second": round(rows / seconds) if seconds else None,
        "rss_before_mb": round(before, 1),
        "peak_rss_mb": round(common.peak_rss_mb(), 1),
        "file_mb": round(size / 1_000_000, 1),
    }


def _worker_pid(master: int) -> int:
    """The gunicorn worker: the one process whose parent is the master."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            return int(stat.parent.name)
    raise RuntimeError("no gunicorn worker found")


def _status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure_gunicorn(
    url: str, fmt: str, rows: int, user, password: str, port: int, xlsx_writer: str
) -> dict:
    from bench.load import HOST, Resident, start_gunicorn

    server = start_gunicorn(
        port,
        workers=1,
        app="bench.xlsx_writer_wsgi:application",
        env={"BENCH_XLSX_WRITER": xlsx_writer},
    )
    try:
        browser = Resident(port, {}, threading.Lock())
        _status, _location, form = browser.request("GET", "/admin/login/")
        status, _location, _html = browser.post_form(
            "/admin/login/", form, {"username": user.username, "password": password}
        )
        assert status == 302, "the analyst could not sign in"
        browser.request("GET", "/admin/")  # the worker has served the admin once
        worker = _worker_pid(server.pid)
        before = _status_mb(worker, "VmRSS")
        cookies = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
        connection = http.client.HTTPConnection(HOST, port, timeout=3600)
        started = time.perf_counter()
        connection.request("GET", url, headers={"Host": f"{HOST}:{port}", "Cookie": cookies})
        response = connection.getresponse()
        assert response.status == 200, response.status
        size = 0
        while chunk := response.read(1 << 16):
            size += len(chunk)
        seconds = time.perf_counter() - started
        connection.close()
        peak = _status_mb(worker, "VmHWM")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return {
        "format": fmt,
        "xlsx_writer": xlsx_writer,
        "responses": rows,
        "server": "gunicorn, 1 worker",
        "seconds": round(seconds, 1),
        "rows_per_second": round(rows / seconds) if seconds else None,
        "rss_before_mb": round(before, 1),
        "peak_rss_mb": round(peak, 1),
        "file_mb": round(size / 1_000_000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    parser.add_argument(
        "--consultation", default=common.BENCH_SLUG, help="slug of the bench consultation to use"
    )
    parser.add_argument("--server", choices=["gunicorn", "client"], default="gunicorn")
    parser.add_argument("--port", type=int, default=8108)
    parser.add_argument(
        "--xlsx-writer",
        choices=["hand", "xlsxwriter"],
        default="hand",
        help="the XLSX writer to measure: the portal's hand-written one, or XlsxWriter",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.consultation, args.xlsx_writer)))
        return
    common.setup()
    from django.urls import reverse

    from consultations.models import Response

    page = common.bench_consultation(args.consultation)
    user = common.analyst_user()
    password = secrets.token_urlsafe(18)
    user.set_password(password)
    user.save(update_fields=["password"])
    for size in sorted(args.sizes):
        common.set_response_count(page, size)
        rows = Response.objects.filter(consultation=page).count()
        for fmt in args.formats:
            if args.server == "gunicorn":
                url = reverse("consultation_responses:export", args=[page.pk, fmt])
                line = measure_gunicorn(url, fmt, rows, user, password, args.port, args.xlsx_writer)
                print(json.dumps(line), flush=True)
                continue
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.export_memory",
                    "--measure",
                    fmt,
                    "--consultation",
                    args.consultation,
                    "--xlsx-writer",
                    args.xlsx_writer,
                ],
                cwd=common.ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            print(result.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
