"""Staff side: who may record figures, the audit log, and the Comms workflow on news pages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from wagtail.models import ModelLogEntry

from news.models import Measurement
from news.models.mixins import london_today
from portal.roles import COMMS_APPROVERS, COMMS_EDITORS

from .conftest import add_event, add_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_staff):
    return {
        "approver": make_staff("approver", COMMS_APPROVERS),
        "editor": make_staff("editor", COMMS_EDITORS),
    }


def test_measurements_have_a_permission_of_their_own(staff):
    assert staff["approver"].has_perm("news.add_measurement")
    assert staff["approver"].has_perm("news.change_measurement")
    assert not staff["editor"].has_perm("news.add_measurement")
    assert staff["editor"].has_perm("news.view_measurement")
    assert staff["editor"].has_perm("news.view_eventrsvp")
    assert not staff["editor"].has_perm("news.add_eventrsvp")


def test_an_approver_records_a_figure_in_the_admin_and_it_is_audit_logged(
    client, staff, plan, backlog
):
    client.force_login(staff["approver"])
    day = london_today() - timedelta(days=1)
    response = client.post(
        "/admin/snippets/news/measurement/add/",
        {
            "commitment": backlog.pk,
            "date": day.isoformat(),
            "value": "420",
            "source_note": "Repairs system report",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    measurement = Measurement.objects.get(date=day)
    assert measurement.value == Decimal(420)
    assert measurement.recorded_by == staff["approver"]
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(measurement.pk))
    assert entry.user == staff["approver"]


def test_a_figure_dated_in_the_future_is_refused_next_to_the_field(client, staff, plan, backlog):
    client.force_login(staff["approver"])
    response = client.post(
        "/admin/snippets/news/measurement/add/",
        {
            "commitment": backlog.pk,
            "date": (london_today() + timedelta(days=3)).isoformat(),
            "value": "1",
            "source_note": "x",
        },
    )
    assert response.status_code == 200
    assert "The date cannot be in the future." in response.content.decode()
    assert not Measurement.objects.filter(value=1).exists()


def test_editors_cannot_record_figures(client, staff, plan, backlog):
    client.force_login(staff["editor"])
    response = client.get("/admin/snippets/news/measurement/add/")
    assert response.status_code in (302, 403)


def test_updates_and_events_go_through_the_comms_workflow(staff, updates_index, events_index):
    from django.utils import timezone

    update = add_update(updates_index, title="News", slug="news")
    event = add_event(
        events_index, title="Meeting", slug="meeting", start=timezone.now() + timedelta(days=1)
    )
    for page in (update, event):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Comms approval"
    # Editors may edit but not publish them; approvers may publish.
    assert update.permissions_for_user(staff["editor"]).can_edit()
    assert not update.permissions_for_user(staff["editor"]).can_publish()
    assert update.permissions_for_user(staff["approver"]).can_publish()
