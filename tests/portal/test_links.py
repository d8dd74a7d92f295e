"""Text that mentions the privacy notice or asks for feedback links to the page it names."""

import re

import pytest
from wagtail.models import Site

from portal.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(home_page):
    pages = {}
    for slug, title in (("privacy", "Privacy notice"), ("contact", "Contact us")):
        page = home_page.add_child(instance=StandardPage(slug=slug, title=title))
        page.save_revision().publish()
        pages[slug] = page
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = pages["privacy"]
    site_settings.contact_page = pages["contact"]
    site_settings.save()
    return site_settings


def test_the_phase_banner_links_tell_us_what_you_think_to_the_contact_page(client, site_pages):
    html = client.get("/en/").content.decode()
    assert (
        'This is a new service. <a class="govuk-link" href="/en/contact/">'
        "Tell us what you think</a> so we can improve it." in html
    )


def test_an_editors_own_banner_text_still_gets_the_feedback_link(client, site_pages):
    site_pages.phase_banner_text = "We are testing this service."
    site_pages.save()
    html = client.get("/en/").content.decode()
    assert (
        'We are testing this service. <a class="govuk-link" href="/en/contact/">'
        "Tell us what you think</a>" in html
    )


def test_without_a_contact_page_the_banner_has_no_dead_link(client, home_page):
    html = client.get("/en/").content.decode()
    assert "This is a new service. Tell us what you think so we can improve it." in html
    assert 'href="">' not in html


def test_the_footer_links_the_privacy_notice(client, site_pages):
    html = client.get("/en/").content.decode()
    assert '<a class="govuk-footer__link" href="/en/privacy/">Privacy notice</a>' in html


def test_the_consent_question_links_the_privacy_notice_it_mentions(client, site_pages, home_page):
    from consultations.builder import question, section
    from consultations.models import ConsultationIndexPage
    from tests.consultations.conftest import make_consultation

    index = home_page.add_child(instance=ConsultationIndexPage(title="Consultations", slug="c"))
    index.save_revision().publish()
    consent = question("consent", "consent", "Privacy", statement="I agree, as the notice says")
    page = make_consultation(index, survey=[section("finally", "Finally", [consent])])
    response = client.get(client.get(f"{page.url}respond/")["Location"])
    token = re.search(r'name="token" value="([0-9a-f-]+)"', response.content.decode()).group(1)
    response = client.post(
        response.request["PATH_INFO"], {"token": token, "respondent_type": "tenant"}
    )
    html = client.get(response["Location"]).content.decode()
    assert "I agree, as the notice says" in html
    assert re.search(
        r'<a class="govuk-link" href="/en/privacy/"[^>]*>'
        r"Read the privacy notice \(opens in new tab\)</a>",
        html,
    )
