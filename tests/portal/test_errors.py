"""Bad addresses get the styled 404 in the visitor's language; failures the styled 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_page_gives_the_styled_404_in_the_locale_of_the_address(client, home_page):
    response = client.get("/ur/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ur" dir="rtl"' in html
    assert "صفحہ نہیں ملا" in html  # "Page not found"
    assert 'class="govuk-skip-link"' in html  # the full site layout, not a bare error
    assert 'href="/ur/search/"' in html


def test_unknown_locale_prefix_gives_the_404_in_the_visitors_language(client, home_page):
    response = client.get("/xx/housing/", HTTP_ACCEPT_LANGUAGE="tr", follow=True)
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="tr" dir="ltr"' in html
    assert "Sayfa bulunamadı" in html


def test_english_404_for_an_unknown_page(client, home_page):
    html = client.get("/en/no-such-page/").content.decode()
    assert "Page not found" in html
    assert "If you typed the web address, check it is correct." in html


@pytest.mark.parametrize("path", ["broken-template", "database-down"])
def test_failures_give_the_styled_500_never_a_traceback(client, settings, home_page, path):
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    client.raise_request_exception = False
    response = client.get(f"/en/{path}/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert "Anything you had already saved has not been lost." in html
    assert "Traceback" not in html and "DatabaseError" not in html
    assert "no_such_library" not in html


def test_the_500_page_is_in_the_visitors_language(client, settings, home_page):
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    client.raise_request_exception = False
    html = client.get("/ur/database-down/").content.decode()
    assert '<html lang="ur" dir="rtl"' in html


def test_when_the_500_template_itself_fails_the_plain_fallback_is_served(
    client, settings, home_page, tmp_path, caplog
):
    # A 500.html found before the real one that cannot render (a missing tag library).
    (tmp_path / "500.html").write_text("{% load no_such_library %}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    client.raise_request_exception = False
    response = client.get("/en/broken-template/")
    html = response.content.decode()
    assert response.status_code == 500
    assert html.startswith("<!DOCTYPE html>")
    assert "<h1>Sorry, there is a problem with the service</h1>" in html
    assert "no_such_library" not in html and "Traceback" not in html
    assert "Could not render the 500 page" in caplog.text  # the failure is not silent
