"""Where consultation pages may be created, and how they render."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from consultations.models import ConsultationIndexPage, ConsultationPage
from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_index_lives_under_home_and_holds_consultations(self):
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())
        self.assertCanNotCreateAt(StandardPage, ConsultationPage)


def test_one_index_per_locale(consultation_index, home_page):
    assert not ConsultationIndexPage.can_create_at(home_page)


def test_consultation_page_shows_dates_documents_contact_and_start_button(client, consultation):
    consultation.contact_email = "engage@example.org"
    consultation.save_revision().publish()
    html = client.get(consultation.get_url()).content.decode()
    assert html.count("<h1") == 1
    assert "Respond to this consultation" in html and "days left" in html
    assert 'datetime="' in html and "engage@example.org" in html
    assert "Ask for another format" in html
