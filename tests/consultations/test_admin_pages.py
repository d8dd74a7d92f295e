import uuid

import pytest

from consultations import services
from consultations.models import ConsultationPage

from .test_exactly_once import VALID

pytestmark = pytest.mark.django_db


def test_deleting_a_consultation_with_responses_is_refused_with_a_message(
    client, consultation, django_user_model
):
    services.submit_response(
        consultation=consultation, token=uuid.uuid4(), answers=VALID, language="en"
    )
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw-pw-pw-123")
    client.force_login(admin)
    response = client.post(f"/admin/pages/{consultation.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert ConsultationPage.objects.filter(pk=consultation.pk).exists()


def test_the_survey_builder_shows_ids_read_only(client, consultation, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw-pw-pw-123")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{consultation.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    # The block definitions carry the widget's markup; the stylesheet makes it look read-only.
    assert "survey-identifier" in html and "readonly" in html
    assert "consultations/editor.css" in html
