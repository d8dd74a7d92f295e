"""The shared rules for typed text: unstorable characters and digits in residents' scripts."""

import pytest

from news.forms import RSVPForm
from portal.accounts import LoginForm
from portal.text import ascii_digits, clean_typed_text, is_ascii_number

UNSTORABLE = "characters in it that we cannot store"


@pytest.mark.parametrize(
    "typed, cleaned, removed",
    [
        ("Ada", "Ada", False),
        ("line one\nline two\ttab\r\n", "line one\nline two\ttab\r\n", False),
        ("A\x00da", "Ada", True),
        ("bell\x07", "bell", True),
        ("\x1b[2Jclear", "[2Jclear", True),
        ("c1\x85control", "c1control", True),
        ("half \ud800 pair", "half  pair", True),
        ("اردو עברית বাংলা", "اردو עברית বাংলা", False),
    ],
)
def test_clean_typed_text_takes_out_only_what_cannot_be_stored(typed, cleaned, removed):
    assert clean_typed_text(typed) == (cleaned, removed)


@pytest.mark.parametrize(
    "typed, number",
    [
        ("12", True),
        ("۱۲", True),
        ("১২", True),
        ("٣", True),
        ("²", False),
        ("①", False),
        ("", False),
    ],
)
def test_decimal_digits_of_any_script_are_numbers_and_look_alikes_are_not(typed, number):
    assert is_ascii_number(ascii_digits(typed)) is number


@pytest.mark.django_db
def test_event_replies_and_sign_in_refuse_control_characters_with_the_sites_message():
    reply = RSVPForm(data={"name": "Ada\x00", "email": "ada@example.org", "places": "1"})
    assert not reply.is_valid()
    assert UNSTORABLE in reply.errors["name"][0]
    login = LoginForm(data={"login": "ada\x01@example.org", "password": "secret"})
    assert not login.is_valid()
    assert UNSTORABLE in str(login.errors)
