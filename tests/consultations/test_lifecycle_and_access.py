"""Who may respond when: dates, sign-in, one response per account, and the listings."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from consultations.models import Response

from .conftest import make_consultation
from .test_journey import walk

pytestmark = pytest.mark.django_db


def test_upcoming_consultation_refuses_with_opening_date(client, consultation_index):
    page = make_consultation(consultation_index, slug="soon", opens=3, closes=90)
    html = client.get(page.get_url() + "respond/", follow=True).content.decode()
    assert "This consultation is not open yet" in html
    assert "Respond to this consultation" not in client.get(page.get_url()).content.decode()


def test_closed_consultation_refuses_get_and_post(client, consultation):
    check, token = walk(client, consultation)
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    response = client.post(check.request["PATH_INFO"], {"token": token})
    assert response.status_code == 403
    assert "This consultation has closed" in response.content.decode()
    assert not Response.objects.exists()
    # Every step of the journey refuses a GET too: the page explains, with no form to fill in
    # (200, since reading about a closed consultation is not an error).
    for step in ("respond/", "respond/section/views/", "respond/your-details/", "respond/check/"):
        refused = client.get(consultation.get_url() + step)
        html = refused.content.decode()
        assert refused.status_code == 200, step
        assert "This consultation has closed" in html and 'name="token"' not in html
    page_html = client.get(consultation.get_url()).content.decode()
    assert "We are considering your views" in page_html or "considering your views" in page_html


def test_outcome_shown_prominently_once_published(client, consultation_index):
    page = make_consultation(
        consultation_index,
        slug="done",
        opens=-100,
        closes=-10,
        outcome_published_at=timezone.now() - timedelta(days=1),
        outcome_summary="<p>Most of you wanted evening meetings.</p>",
        outcome_changes="<p>We now meet at 7pm.</p>",
    )
    html = client.get(page.get_url()).content.decode()
    assert "We asked, you said, we did" in html
    assert html.index("We now meet at 7pm.") < html.index("Why we are consulting")


def test_sign_in_required_redirects_to_login(client, consultation_index):
    page = make_consultation(consultation_index, slug="members", allow_anonymous=False)
    response = client.get(page.get_url() + "respond/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_one_response_per_account(client, consultation_index):
    page = make_consultation(consultation_index, slug="once", one_response_per_account=True)
    user = get_user_model().objects.create_user("res", "res@example.org", "pw-pw-pw-123")
    client.force_login(user)
    check, token = walk(client, page)
    client.post(check.request["PATH_INFO"], {"token": token})
    stored = Response.objects.get()
    assert stored.respondent == user
    html = client.get(page.get_url() + "respond/", follow=True).content.decode()
    assert "You have already responded" in html and stored.reference in html


def test_signed_in_answers_are_kept_and_resumed(client, consultation):
    user = get_user_model().objects.create_user("res2", "res2@example.org", "pw-pw-pw-123")
    client.force_login(user)
    base = consultation.get_url()
    client.get(base + "respond/")
    page = client.get(base + "respond/section/about/")
    assert page.status_code == 200
    from .test_journey import token_of

    token = token_of(page)
    client.post(base + "respond/section/about/", {"token": token, "q-tenant": "no"})
    client.logout()
    client.force_login(user)
    html = client.get(base + "respond/section/about/").content.decode()
    assert 'value="no" checked' in html


def test_index_lists_by_status_and_filters_with_bounded_queries(
    client, consultation_index, estates, django_assert_max_num_queries
):
    from consultations.models import ConsultationTopicLink

    open_pages = [make_consultation(consultation_index, slug=f"open-{n}") for n in range(5)]
    make_consultation(consultation_index, slug="later", opens=5, closes=50, title="Later one")
    closed = make_consultation(
        consultation_index, slug="old", opens=-50, closes=-5, title="Old one"
    )
    ConsultationTopicLink.objects.create(page=closed, topic="repairs")
    closed.estates.add(estates[1])
    closed.save()
    with django_assert_max_num_queries(40):
        html = client.get(consultation_index.get_url()).content.decode()
    assert html.index("Open consultations") < html.index("Upcoming consultations")
    assert "Later one" in html and "Old one" in html
    assert "days left" in html
    filtered = client.get(consultation_index.get_url(), {"topic": "repairs"}).content.decode()
    assert "Old one" in filtered and "Later one" not in filtered
    by_estate = client.get(consultation_index.get_url(), {"estate": estates[1].pk}).content.decode()
    assert "Old one" in by_estate and open_pages[0].title not in by_estate
    assert (
        client.get(consultation_index.get_url(), {"estate": "x", "topic": "<b>"}).status_code == 200
    )


def test_home_page_shows_open_consultations_with_time_left(client, consultation):
    html = client.get("/en/").content.decode()
    assert "Have your say" in html and consultation.title in html and "left" in html
