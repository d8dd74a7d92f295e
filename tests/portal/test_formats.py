"""Dates and numbers as people read them: GOV.UK style in English, local style elsewhere."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import translation

LONDON = ZoneInfo("Europe/London")


def render(source: str, language: str = "en", **context) -> str:
    template = engines["django"].from_string("{% load portal_format %}" + source)
    with translation.override(language):
        return template.render(context)


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (datetime.datetime(2026, 12, 31, 18, 0, tzinfo=LONDON), "31 December 2026, 6pm"),
        (datetime.datetime(2026, 12, 31, 18, 30, tzinfo=LONDON), "31 December 2026, 6:30pm"),
        (datetime.datetime(2026, 6, 1, 12, 0, tzinfo=LONDON), "1 June 2026, midday"),
        (datetime.datetime(2026, 6, 1, 9, 5, tzinfo=LONDON), "1 June 2026, 9:05am"),
    ],
)
def test_english_dates_and_times_are_in_govuk_style(when, shown):
    assert render('{{ when|display_date:"time" }}', when=when) == shown


def test_a_utc_time_is_shown_in_london_time():
    summer = datetime.datetime(2026, 7, 1, 17, 0, tzinfo=datetime.UTC)
    assert render('{{ when|display_date:"time" }}', when=summer) == "1 July 2026, 6pm"
    assert render('{{ when|display_date:"time only" }}', when=summer) == "6pm"


def test_a_date_alone_and_the_member_since_style():
    assert render("{{ d|display_date }}", d=datetime.date(2024, 12, 31)) == "31 December 2024"


def test_other_languages_use_their_own_conventions():
    when = datetime.datetime(2026, 12, 31, 18, 0, tzinfo=LONDON)
    assert render('{{ when|display_date:"time" }}', "fr", when=when) == "31 décembre 2026, 18:00"
    assert render("{{ n|display_number }}", "fr", n=3932.5) == "3\xa0932,5"
    assert render("{{ n|display_number }}", "pl", n=3932) == "3\xa0932"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        # Django groups none of these (no Urdu or Yiddish module; Bengali's leaves it unset):
        # portal/formats does, Bengali in lakhs and crores.
        ("ur", "1,234,567"),
        ("yi", "1,234,567"),
        ("bn", "12,34,567"),
    ],
)
def test_urdu_bengali_and_yiddish_numbers_are_grouped(language, shown):
    assert render("{{ n|display_number }}", language, n=1234567) == shown


@pytest.mark.parametrize(
    ("value", "style", "shown"),
    [
        (3932, None, "3,932"),
        (86, "%", "86%"),
        (2.50, None, "2.5"),
        (1234567.891, None, "1,234,567.89"),
        (0, None, "0"),
        ("n/a", None, "n/a"),
        (None, None, ""),
    ],
)
def test_english_numbers_are_grouped_without_trailing_zeros(value, style, shown):
    source = '{{ n|display_number:"%" }}' if style else "{{ n|display_number }}"
    assert render(source, n=value) == shown


def test_machine_readable_values_stay_plain():
    # Nothing here goes through the filters: ids, years and form values keep no separators.
    when = datetime.datetime(2026, 12, 31, 18, 0, tzinfo=LONDON)
    html = render(
        '<time datetime="{{ when|date:"c" }}">{{ when|display_date }}</time>'
        '<input value="{{ year }}"><a href="/p/{{ pk }}/">{{ total|display_number }}</a>',
        when=when,
        year=2026,
        pk=12345,
        total=12345,
    )
    assert html == (
        '<time datetime="2026-12-31T18:00:00+00:00">31 December 2026</time>'
        '<input value="2026"><a href="/p/12345/">12,345</a>'
    )
