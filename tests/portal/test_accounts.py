"""Resident account journeys through django-allauth, as a resident meets them."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def resident(home_page):
    user = get_user_model().objects.create_user(
        username="resident", email="amina@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _link(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_signup_sends_a_verification_email_and_confirming_it_signs_the_resident_in(
    client, home_page
):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    page = client.get(response["Location"]).content.decode()
    assert "Check your email" in page
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert message.subject == "Confirm your email address"
    # Not signed in until the address is confirmed.
    assert client.get("/en/accounts/profile/")["Location"].startswith("/en/accounts/login/")

    confirm_url = _link(message)
    page = client.get(confirm_url).content.decode()
    assert "Confirm that <strong>new@example.org</strong> is your email address." in page
    response = client.post(confirm_url)
    assert response.status_code == 302

    profile = client.get("/en/accounts/profile/")
    html = profile.content.decode()
    assert profile.status_code == 200
    assert "new@example.org" in html
    assert "Confirmed" in html
    assert EmailAddress.objects.get(email="new@example.org").verified


def test_signup_with_bad_input_shows_an_error_summary_and_messages_by_the_fields(client, home_page):
    response = client.post(
        "/en/accounts/signup/", {"email": "not-an-email", "password1": "123", "password2": "456"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert 'href="#id_email"' in html
    assert 'id="id_email-error"' in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert 'value="not-an-email"' in html  # what the resident typed is kept
    assert get_user_model().objects.count() == 0

    response = client.post("/en/accounts/signup/", {})
    html = response.content.decode()
    assert "Enter your email address" in html
    assert "Enter a password" in html
    assert "Confirm your password" in html


def test_wrong_password_gives_a_plain_message_and_no_sign_in(client, resident):
    response = client.post(
        "/en/accounts/login/", {"login": "amina@example.org", "password": "wrong-password"}
    )
    html = response.content.decode()
    assert "Enter the email address and password for your account." in html
    assert "_auth_user_id" not in client.session


def test_sign_in_with_password_goes_to_the_account_page(client, resident):
    response = client.post(
        "/en/accounts/login/", {"login": "amina@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/en/accounts/profile/"
    html = client.get("/en/accounts/profile/").content.decode()
    assert "<h1" in html and "Your account" in html
    assert "amina@example.org" in html
    assert "You are signed in." in html


def test_login_by_emailed_code(client, resident):
    page = client.get("/en/accounts/login/").content.decode()
    assert "Email me a sign-in code" in page
    response = client.post("/en/accounts/login/code/", {"email": "amina@example.org"})
    assert response["Location"] == "/en/accounts/login/code/confirm/"
    assert mail.outbox[0].subject == "Your sign-in code"
    code = re.search(r"^\s*([A-Z0-9-]{6,9})\s*$", mail.outbox[0].body, re.M).group(1)

    wrong = client.post("/en/accounts/login/code/confirm/", {"code": "XXXXXX"})
    assert "The code is not right. Check the code in your email." in wrong.content.decode()

    response = client.post("/en/accounts/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_password_reset_by_emailed_link(client, resident):
    response = client.post("/en/accounts/password/reset/", {"email": "amina@example.org"})
    assert response["Location"] == "/en/accounts/password/reset/done/"
    assert mail.outbox[0].subject == "Reset your password"
    link = _link(mail.outbox[0])
    form_url = client.get(link)["Location"]  # allauth moves the key out of the URL
    page = client.get(form_url).content.decode()
    assert "Choose a new password" in page
    new_password = "a-new-and-long-passphrase"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(new_password)


def test_an_expired_reset_link_says_so(client, resident):
    html = client.get("/en/accounts/password/reset/key/1-not-a-real-key/").content.decode()
    assert "This link does not work" in html
    assert "Ask for a new link" in html


def test_deleting_an_account_needs_confirmation_and_erases_personal_data(client, resident):
    client.force_login(resident)
    page = client.get("/en/accounts/delete/").content.decode()
    assert "You cannot undo this." in page

    response = client.post("/en/accounts/delete/", {})
    assert response.status_code == 400
    assert "Tick the box to confirm you want to delete your account" in response.content.decode()
    assert get_user_model().objects.filter(pk=resident.pk).exists()

    response = client.post("/en/accounts/delete/", {"confirm": "on"})
    assert response["Location"] == "/en/"
    assert not get_user_model().objects.filter(pk=resident.pk).exists()
    assert not EmailAddress.objects.filter(email="amina@example.org").exists()
    assert "_auth_user_id" not in client.session
    assert "Your account has been deleted." in client.get("/en/").content.decode()


def test_staff_cannot_delete_their_account_from_the_resident_page(client, resident):
    resident.is_staff = True
    resident.save()
    client.force_login(resident)
    response = client.post("/en/accounts/delete/", {"confirm": "on"})
    assert response["Location"] == "/en/accounts/profile/"
    assert get_user_model().objects.filter(pk=resident.pk).exists()


def test_account_pages_are_in_the_portal_layout_in_the_visitors_language(client, home_page):
    html = client.get("/ur/accounts/login/").content.decode()
    assert '<html lang="ur" dir="rtl"' in html
    assert 'class="govuk-skip-link"' in html
    assert html.count("<h1") == 1
    assert 'action="/ur/accounts/login/"' in html
