"""Consultation fixtures: an index under the home page and consultations with a full survey."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.demo.surveys import every_question_type
from consultations.models import ConsultationIndexPage, ConsultationPage
from news.models import Estate


@pytest.fixture
def estates(db):
    return [
        Estate.objects.get_or_create(name=name, defaults={"postcode_area": "E8"})[0]
        for name in ("Kings Crescent", "Woodberry Down")
    ]


@pytest.fixture
def consultation_index(home_page) -> ConsultationIndexPage:
    index = home_page.add_child(
        instance=ConsultationIndexPage(title="Consultations", slug="consultations")
    )
    index.save_revision().publish()
    return index


def make_consultation(index, *, slug="strategy", opens=-7, closes=77, survey=None, **fields):
    now = timezone.now()
    page = index.add_child(
        instance=ConsultationPage(
            title=fields.pop("title", "Draft resident engagement strategy"),
            slug=slug,
            introduction="Tell us how you want to be involved.",
            why_consulting="<p>We want to hear from you.</p>",
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
            survey=every_question_type() if survey is None else survey,
            **fields,
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def consultation(consultation_index, estates) -> ConsultationPage:
    return make_consultation(consultation_index)


@pytest.fixture
def at_views(client, consultation):
    """A resident part-way through: on the "Your views" section with a token."""
    from tests.consultations.test_journey import token_of

    base = consultation.get_url()
    client.get(f"{base}respond/")
    page = client.get(f"{base}respond/responding-as/")
    token = token_of(page)
    client.post(f"{base}respond/responding-as/", {"token": token, "respondent_type": "tenant"})
    client.post(f"{base}respond/section/about/", {"token": token, "q-tenant": "yes"})
    return f"{base}respond/section/views/", token


@pytest.fixture
def coder(client):
    """A Consultation analyst signed in on ``client`` (the staff tools' least-privilege role)."""
    from portal.roles import CONSULTATION_ANALYSTS
    from tests.consultations.test_admin import staff

    user = staff("analyst", CONSULTATION_ANALYSTS)
    client.force_login(user)
    return user
