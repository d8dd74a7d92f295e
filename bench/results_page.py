"""Time of the staff results page at a given number of responses (default 100k).

    .venv/bin/python -m bench.results_page --responses 100000 --repeat 5

Tops the bench consultation up to ``--responses`` (COPY), then requests the results page through
Django's full middleware stack as an analyst, with no breakdown and split by estate, both counted
afresh ("Count again now") and from the results cache, and reports the median and worst time
and the number of database queries.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench import common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--consultation", default=common.BENCH_SLUG, help="slug of the bench consultation to use"
    )
    args = parser.parse_args()
    common.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from consultations.models import Response

    page = common.bench_consultation(args.consultation)
    common.set_response_count(page, args.responses)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(common.analyst_user())
    url = reverse("consultation_responses:results", args=[page.pk])
    for by, recount in (("", True), ("", False), ("estate", True), ("estate", False)):
        query = "&".join(part for part in (f"by={by}" if by else "", "recount=1" * recount) if part)
        target = f"{url}?{query}" if query else url
        assert client.get(target).status_code == 200  # warm per-process and results caches
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(target)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200
        print(
            json.dumps(
                {
                    "page": "results" + (f" by {by}" if by else ""),
                    "counts": "counted afresh" if recount else "from the results cache",
                    "responses": Response.objects.filter(consultation=page).count(),
                    "median_seconds": round(statistics.median(times), 3),
                    "max_seconds": round(max(times), 3),
                    "queries": len(queries.captured_queries),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
