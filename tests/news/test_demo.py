"""The demo generator: the plan's mix of statuses, updates, events, translations, idempotence."""

import random
from io import StringIO

import pytest
from wagtail.models import Locale

from news.demo import generate
from news.models import (
    CommitmentPage,
    Estate,
    EventPage,
    EventStatus,
    ImprovementPlanPage,
    Measurement,
    UpdatePage,
)
from news.selectors import plan_commitments
from news.status import CommitmentStatus

pytestmark = pytest.mark.django_db


def run(home, **options):
    generate(home=home, rng=random.Random(2020), options=options, stdout=StringIO())


def test_demo_plan_has_five_commitments_with_a_year_of_figures_and_the_promised_mix(home_page):
    run(home_page, skip_translations=True)
    plan = ImprovementPlanPage.objects.get(locale=home_page.locale)
    summaries = plan_commitments(plan=plan)
    assert len(summaries) == 5
    statuses = [s.status for s in summaries]
    assert statuses.count(CommitmentStatus.ACHIEVED) == 1
    assert statuses.count(CommitmentStatus.AT_RISK) == 1
    assert statuses.count(CommitmentStatus.ON_TRACK) == 3
    for commitment in CommitmentPage.objects.filter(locale=home_page.locale):
        assert commitment.get_measurements().count() == 12
    updates = UpdatePage.objects.filter(locale=home_page.locale)
    assert updates.live().count() == 12
    # And one draft waiting for Comms approval, so the approvers' dashboard has work in it.
    assert [u.slug for u in updates.not_live()] == ["repairs-backlog-winter-plan"]
    events = EventPage.objects.filter(locale=home_page.locale)
    assert events.filter(status=EventStatus.CANCELLED).count() == 1
    assert len({e.estate_id for e in events}) >= 4
    assert any(e.is_past for e in events) and any(not e.is_past for e in events)


def test_demo_is_idempotent_and_translates_into_other_locales(client, home_page, locales):
    # Translating into all seven other languages takes minutes; Urdu (right to left) stands
    # in for them here, and the site-wide smoke test loads the full demo.
    Locale.objects.exclude(language_code__in=["en", "ur"]).delete()
    run(home_page, skip_translations=True)
    run(home_page)
    run(home_page)
    assert ImprovementPlanPage.objects.count() == 2
    assert CommitmentPage.objects.count() == 5 * 2
    assert UpdatePage.objects.live().count() == 12 * 2
    assert UpdatePage.objects.not_live().count() == 1  # the English draft awaiting approval
    assert Measurement.objects.count() == 5 * 12
    assert Estate.objects.count() == 5
    urdu_plan = ImprovementPlanPage.objects.get(locale=locales["ur"])
    assert urdu_plan.title == "ہاؤسنگ بہتری کا منصوبہ"
    assert urdu_plan.live
    urdu = plan_commitments(plan=urdu_plan)
    assert {s.page.title for s in urdu} >= {"کوئی مرمت تین ماہ سے پرانی نہیں"}
    # Figures are shared: the Urdu tracker shows the same statuses as the English one.
    english = plan_commitments(plan=ImprovementPlanPage.objects.get(locale=locales["en"]))
    assert [s.status for s in urdu] == [s.status for s in english]
    # Every translated page routes (the tree is intact under each translated parent).
    for summary in urdu:
        assert client.get(summary.page.url).status_code == 200
    assert client.get("/ur/updates/").status_code == 200
