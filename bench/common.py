"""Shared set-up for the benchmarks: the bench database, a consultation, bulk responses.

Every script calls ``setup()`` first. The database is ``portal_bench`` on 127.0.0.1 unless
``DATABASE_URL`` says otherwise; it is created and migrated if needed.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
BENCH_SLUG = "bench-consultation"
LANGUAGES = ["en", "en", "en", "tr", "pl", "es", "fr", "bn", "ur", "yi"]
CHANNELS = ["online"] * 7 + ["paper", "phone", "event"]


def setup(*, migrate: bool = True) -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    _ensure_database(os.environ["DATABASE_URL"])
    if migrate:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            check=True,
            env={**os.environ},
        )
    import django

    django.setup()


def _ensure_database(url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (``VmHWM``).

    Not ``getrusage().ru_maxrss``: on Linux that survives ``fork``/``exec`` and would report
    the parent's peak (the bulk insert's) in each measuring child process.
    """
    return _status_mb("VmHWM:")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def current_rss_mb() -> float:
    return _status_mb("VmRSS:")


def bench_survey() -> list[dict]:
    """The shared survey with one question of every type (a condition, "other" answers)."""
    from consultations.demo.surveys import every_question_type

    return every_question_type()


def bench_consultation(slug: str = BENCH_SLUG):
    """An open bench consultation under the site's consultation index (created once)."""
    from django.core.management import call_command
    from django.utils import timezone

    from consultations.models import ConsultationIndexPage, ConsultationPage

    page = ConsultationPage.objects.filter(slug=slug).first()
    if page is not None:
        return page
    if not ConsultationIndexPage.objects.exists():
        call_command("load_demo_content", responses=0, skip_translations=True, stdout=io.StringIO())
    index = ConsultationIndexPage.objects.filter(locale__language_code="en").first()
    now = timezone.now()
    page = index.add_child(
        instance=ConsultationPage(
            title="Benchmark consultation",
            slug=slug,
            introduction="A consultation used only to measure the portal.",
            why_consulting="<p>To measure how the portal copes with many responses.</p>",
            opens_at=now - timedelta(days=7),
            closes_at=now + timedelta(days=3650),
            survey=bench_survey(),
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


COMMENTS = [
    "Please hold meetings in the evenings.",
    "Repairs take too long on our block.",
    '=HYPERLINK("http://example.org")',
    "Toplantılar akşam olsun.",
    "Proszę o spotkania wieczorem.",
    "রাতে মিটিং করুন।",
    "شام کو ملاقاتیں رکھیں۔",
    "מיטינגז אין אָוונט, ביטע.",
]


def random_answers(rng: random.Random, estate_ids: list[int]) -> dict:
    tenant = rng.choice(["yes", "no", "dont_know"])
    answers = {
        "tenant": tenant,
        "how": rng.choice(["more-meetings", "online", "panel", "other"]),
        "topics": sorted(rng.sample(["more-meetings", "online", "panel"], rng.randint(1, 2))),
        "often": rng.choice(["monthly", "yearly"]),
        "agree": rng.choice(
            ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree"]
        ),
        "rating": rng.randint(1, 5),
        "priorities": rng.sample(["more-meetings", "online", "panel"], 2),
        "matrix": {
            "repairs": rng.choice(["good", "ok", "poor"]),
            "cleaning": rng.choice(["good", "ok", "poor"]),
        },
        "years": rng.randint(0, 60),
        "consent": True,
    }
    if answers["how"] == "other":
        answers["how.other"] = "Door knocking"
    if rng.random() < 0.5:
        answers["comments"] = rng.choice(COMMENTS)
    if tenant == "yes" and rng.random() < 0.5:
        answers["tenancy"] = "Secure"
    if estate_ids and rng.random() < 0.8:
        answers["estate"] = rng.choice(estate_ids)
    return answers


def _reference(number: int) -> str:
    from consultations.models.responses import REFERENCE_ALPHABET

    chars = []
    for _ in range(8):
        number, digit = divmod(number, len(REFERENCE_ALPHABET))
        chars.append(REFERENCE_ALPHABET[digit])
    text = "".join(reversed(chars))
    return f"{text[:4]}-{text[4:]}"


def bulk_insert_responses(page, count: int, *, seed: int = 1, batch: int = 50_000) -> float:
    """Add ``count`` responses with PostgreSQL COPY; returns seconds taken.

    Answers follow the stored-answer contract (valid by construction), spread over languages,
    channels, estates and twelve weeks. References are numbered so reruns never collide.
    """
    from django.db import connection

    from consultations import services
    from consultations.models import Response
    from news.models import Estate

    snapshot = services.snapshot_survey(consultation=page)
    estate_ids = list(Estate.objects.values_list("pk", flat=True))
    start_number = Response.objects.count() + 10_000_000 * seed
    rng = random.Random(seed * 7919 + start_number)
    opened = page.opens_at
    columns = (
        "consultation_id, snapshot_id, reference, token, submitted_at, language, channel, "
        "respondent_type, answers, estate_id"
    )
    started = time.perf_counter()
    done = 0
    while done < count:
        size = min(batch, count - done)
        buffer = io.StringIO()
        for i in range(size):
            answers = random_answers(rng, estate_ids)
            when = opened + timedelta(seconds=rng.randint(0, 84 * 24 * 3600))
            row = [
                str(page.pk),
                str(snapshot.pk),
                _reference(start_number + done + i),
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                when.isoformat(),
                rng.choice(LANGUAGES),
                rng.choice(CHANNELS),
                rng.choice(["tenant", "leaseholder", "other_resident", ""]),
                json.dumps(answers, ensure_ascii=False),
                str(answers["estate"]) if "estate" in answers else "\\N",
            ]
            buffer.write("\t".join(_copy_escape(v) for v in row) + "\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY consultations_response ({columns}) FROM STDIN", buffer)
        done += size
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE consultations_response")
    return time.perf_counter() - started


def _copy_escape(value: str) -> str:
    if value == "\\N":
        return value
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def set_response_count(page, target: int) -> None:
    """Top up (never remove) the bench consultation's responses to ``target``."""
    from consultations.models import Response

    have = Response.objects.filter(consultation=page).count()
    if have < target:
        seconds = bulk_insert_responses(page, target - have)
        print(f"inserted {target - have} responses in {seconds:.1f}s (COPY)", flush=True)


def analyst_user():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.roles import CONSULTATION_ANALYSTS, ensure_groups

    ensure_groups()
    user, _created = get_user_model().objects.get_or_create(
        username="bench-analyst", defaults={"email": "bench-analyst@example.org"}
    )
    user.groups.add(Group.objects.get(name=CONSULTATION_ANALYSTS))
    return user
