"""Export time and peak memory at several response counts (memory should stay flat).

    .venv/bin/python -m bench.export_memory --sizes 10000 100000 1000000 --formats csv xlsx

For each size the bench consultation is topped up to that many responses (COPY), then each
export runs in a fresh Python process through the real admin view (permission check, audit log,
``StreamingHttpResponse``/``FileResponse``) with the body consumed chunk by chunk and thrown
away. Each line reports the process's resident memory before the export, its peak during it, the
time taken and the size of the file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from bench import common


def measure(fmt: str, slug: str = common.BENCH_SLUG) -> dict:
    common.setup(migrate=False)
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    from consultations.admin_views import ExportView
    from consultations.models import Response

    page = common.bench_consultation(slug)
    rows = Response.objects.filter(consultation=page).count()
    request = RequestFactory().get(f"/admin/consultation-responses/{page.pk}/export/{fmt}/")
    request.user = common.analyst_user()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    before = common.current_rss_mb()
    started = time.perf_counter()
    response = ExportView.as_view()(request, page_id=page.pk, fmt=fmt)
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    response.close()
    seconds = time.perf_counter() - started
    return {
        "format": fmt,
        "responses": rows,
        "seconds": round(seconds, 1),
        "rows_per_second": round(rows / seconds) if seconds else None,
        "rss_before_mb": round(before, 1),
        "peak_rss_mb": round(common.peak_rss_mb(), 1),
        "file_mb": round(size / 1_000_000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    parser.add_argument(
        "--consultation", default=common.BENCH_SLUG, help="slug of the bench consultation to use"
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.consultation)))
        return
    common.setup()
    page = common.bench_consultation(args.consultation)
    for size in sorted(args.sizes):
        common.set_response_count(page, size)
        for fmt in args.formats:
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.export_memory",
                    "--measure",
                    fmt,
                    "--consultation",
                    args.consultation,
                ],
                cwd=common.ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            print(result.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
