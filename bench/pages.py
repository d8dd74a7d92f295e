"""Requests per second and p95 latency of public pages: nginx, Varnish and the app, in one run.

Starts three servers on the loopback interface and loads each with the same generator (``wrk``,
from Debian's packages), interleaved, so that a change in the machine's load affects all three:

* **nginx static**: nginx serving each page's HTML, saved from the app at the start, as a file
  (the ceiling: no Python, no database);
* **Varnish hit**: ``varnishd`` with the shipped ``deploy/varnish/default.vcl`` in front of the
  app, the page already in its cache (the hit rate of every run is printed from
  ``varnishstat``, so a page the policy does not let Varnish keep shows as a low rate);
* **app direct**: gunicorn (``bench.settings``: the production settings, PostgreSQL
  ``portal_bench``, the shared cache in Redis when ``REDIS_URL`` is set) with ``--workers``.

Pages: the home page, a commitment, an update and the events index of the demo (English). For
each it prints requests/s and p95 per server (medians over ``--rounds``), and the ratios
``varnish/nginx`` and ``app/nginx``, then whether the goals of issue 12 are met: a Varnish hit at
least 0.75 x nginx static, and the app's home page at least 100 requests/s direct.

    .venv/bin/python -m bench.pages --rounds 3 --duration 5
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench import common, varnish

HOST = "127.0.0.1"
TARGETS = ("nginx", "varnish", "app")
GOAL_VARNISH_OVER_NGINX = 0.75
GOAL_APP_HOME_RPS = 100.0

# wrk's own summary has no 95th percentile: this script prints one line the bench parses.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(95), errors))
end
"""


def find_tool(name: str) -> str:
    # Debian puts the servers in /usr/sbin, which is not on every user's PATH.
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin")
    if not path:
        raise SystemExit(f"{name} is not installed (apt-get install {name}); .ci/run installs it")
    return path


def ensure_demo() -> None:
    from django.core.management import call_command

    from news.models import CommitmentPage  # noqa: PLC0415 (the bench reads any app)

    if not CommitmentPage.objects.live().filter(locale__language_code="en").exists():
        print("Loading the demo content (once)...", flush=True)
        call_command("load_demo_content")


def collect_static() -> None:
    """WhiteNoise serves ``STATIC_ROOT`` in production: fill it as a deploy would."""
    from django.conf import settings
    from django.core.management import call_command

    if not Path(settings.STATIC_ROOT).is_dir():
        call_command("collectstatic", interactive=False, verbosity=0)


def bench_pages() -> dict[str, str]:
    """The four pages measured, as paths on the site."""
    from news.models import CommitmentPage, EventIndexPage, UpdatePage  # noqa: PLC0415

    def path_of(model) -> str:
        page = model.objects.live().public().filter(locale__language_code="en").first()
        if page is None:
            raise SystemExit(f"the demo has no live English {model.__name__}")
        return page.get_url()

    return {
        "home": "/en/",
        "commitment": path_of(CommitmentPage),
        "update": path_of(UpdatePage),
        "events index": path_of(EventIndexPage),
    }


def fetch(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def wait_for(port: int, path: str = "/", seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            fetch(port, path)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port}")


def save_static_copies(root: Path, app_port: int, pages: dict[str, str]) -> dict[str, str]:
    """Save each page's HTML from the app as ``<path>/index.html`` for nginx; returns each
    page's ``Cache-Control`` (what the caching policy told a proxy)."""
    policies = {}
    for name, path in pages.items():
        response = fetch(app_port, path)
        if response.status != 200:
            raise SystemExit(f"{name} ({path}) answered {response.status}")
        target = root / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.body)
        policies[name] = response.getheader("Cache-Control") or "(none)"
    return policies


def start_nginx(workdir: Path, port: int) -> subprocess.Popen:
    html = workdir / "html"
    config = workdir / "nginx.conf"
    config.write_text(
        f"""
worker_processes 2;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  default_type text/html;
  client_body_temp_path {workdir}/nginx-body;
  proxy_temp_path {workdir}/nginx-proxy;
  fastcgi_temp_path {workdir}/nginx-fastcgi;
  uwsgi_temp_path {workdir}/nginx-uwsgi;
  scgi_temp_path {workdir}/nginx-scgi;
  server {{
    listen {HOST}:{port};
    root {html};
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
"""
    )
    process = subprocess.Popen([find_tool("nginx"), "-c", str(config), "-p", str(workdir)])
    wait_for(port)
    return process


def start_varnish(workdir: Path, port: int, app_port: int) -> tuple[subprocess.Popen, Path]:
    """varnishd with the shipped VCL (``bench.varnish``); only its backend is this bench's."""
    local = workdir / "vcl"
    try:
        process = varnish.start_varnishd(local, port=port, backend_port=app_port)
    except varnish.VarnishNotStarted as error:
        raise SystemExit(str(error)) from None
    return process, varnish.instance_name(local)


def varnish_counters(name: Path) -> tuple[int, int]:
    """(hits, lookups) so far: hits are served from the cache; lookups include misses, passes
    and hit-for-pass/miss objects (what a page the VCL may not keep becomes)."""
    output = subprocess.run(
        [find_tool("varnishstat"), "-n", str(name), "-1", "-j"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counters = json.loads(output)
    counters = counters.get("counters", counters)

    def value(key: str) -> int:
        return int(counters.get(key, {}).get("value", 0))

    hits = value("MAIN.cache_hit")
    lookups = hits + value("MAIN.cache_miss") + value("MAIN.s_pass")
    return hits, lookups


def run_wrk(script: Path, port: int, path: str, args) -> dict:
    output = subprocess.run(
        [
            find_tool("wrk"),
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "30s",  # a slow answer counts in the latency, not as an error
            "-s",
            str(script),
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, duration_us, p95_us, errors = (int(v) for v in line.split()[1:])
    return {
        "rps": requests / (duration_us / 1_000_000),
        "p95_ms": p95_us / 1000,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8110, help="app; Varnish +1, nginx +2")
    args = parser.parse_args()

    common.setup()
    ensure_demo()
    collect_static()
    pages = bench_pages()
    from bench.load import start_gunicorn  # noqa: PLC0415 (after setup: it reads the settings)

    load_before = os.getloadavg()
    app_port, varnish_port, nginx_port = args.port, args.port + 1, args.port + 2
    processes = []
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    workdir.chmod(0o755)  # nginx's workers run as another user and read the saved pages
    try:
        processes.append(start_gunicorn(app_port, args.workers))
        policies = save_static_copies(workdir / "html", app_port, pages)
        processes.append(start_nginx(workdir, nginx_port))
        varnish, varnish_name = start_varnish(workdir, varnish_port, app_port)
        processes.append(varnish)
        script = workdir / "report.lua"
        script.write_text(WRK_REPORT)
        ports = {"nginx": nginx_port, "varnish": varnish_port, "app": app_port}
        runs: dict[tuple[str, str], list[dict]] = {}
        for path in pages.values():  # fill Varnish's cache before its first measured run
            fetch(varnish_port, path)
            fetch(varnish_port, path)
        for round_number in range(1, args.rounds + 1):
            for name, path in pages.items():
                for target in TARGETS:
                    if target == "varnish":
                        hits_before, lookups_before = varnish_counters(varnish_name)
                    result = run_wrk(script, ports[target], path, args)
                    if target == "varnish":
                        hits, lookups = varnish_counters(varnish_name)
                        looked_up = max(1, lookups - lookups_before)
                        result["hit_rate"] = (hits - hits_before) / looked_up
                    runs.setdefault((name, target), []).append(result)
            print(f"round {round_number}/{args.rounds} done", flush=True)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    load_after = os.getloadavg()

    report = {"pages": {}, "load_before": load_before, "load_after": load_after}
    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, {args.rounds} rounds "
        f"interleaved, gunicorn {args.workers} workers; load average before "
        f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, after "
        f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}"
    )
    print(f"{'page':<14}{'server':<9}{'req/s':>10}{'p95 ms':>9}{'errors':>8}{'hit rate':>10}")
    for name, path in pages.items():
        summary = {"path": path, "cache_control": policies[name]}
        for target in TARGETS:
            results = runs[(name, target)]
            rps = statistics.median(r["rps"] for r in results)
            p95 = statistics.median(r["p95_ms"] for r in results)
            errors = sum(r["errors"] for r in results)
            hit = (
                f"{statistics.median(r['hit_rate'] for r in results):.0%}"
                if target == "varnish"
                else ""
            )
            summary[target] = {"rps": round(rps, 1), "p95_ms": round(p95, 2), "errors": errors}
            print(f"{name:<14}{target:<9}{rps:>10.1f}{p95:>9.2f}{errors:>8}{hit:>10}")
        nginx_rps = summary["nginx"]["rps"] or 1
        summary["varnish/nginx"] = round(summary["varnish"]["rps"] / nginx_rps, 3)
        summary["app/nginx"] = round(summary["app"]["rps"] / nginx_rps, 4)
        print(
            f"{'':<14}varnish/nginx {summary['varnish/nginx']:.3f}  "
            f"app/nginx {summary['app/nginx']:.4f}  Cache-Control: {policies[name]}"
        )
        report["pages"][name] = summary
    goals = {
        "varnish_hit_at_least_0.75_nginx": all(
            s["varnish/nginx"] >= GOAL_VARNISH_OVER_NGINX for s in report["pages"].values()
        ),
        "app_home_at_least_100_rps": report["pages"]["home"]["app"]["rps"] >= GOAL_APP_HOME_RPS,
    }
    report["goals_met"] = goals
    print("goals_met " + json.dumps(goals))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
