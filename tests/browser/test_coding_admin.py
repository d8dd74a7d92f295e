"""Theme coding at scale in a real browser: Urdu answers grouped, coded in bulk by keyboard.

The Wagtail admin is offered in English only (``WAGTAILADMIN_PERMITTED_LANGUAGES``), so the
screen is English with Urdu answers: each answer is isolated in ``<bdi>`` and reads right to
left inside the left-to-right page. Coding goes through the page's script (no reload), and
axe-core checks the grouped and the listed screens.
"""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect

from consultations.analysis.questions import free_text_fields, survey_questions
from consultations.models import AnswerTheme, ConsultationPage, Response, Theme
from portal.roles import CONSULTATION_ANALYSTS
from tests.browser.test_consultations_admin import SLUG, _staff_user, audit, sign_in

URDU = "ہماری عمارت کی لفٹیں پھر خراب ہیں، براہ کرم انہیں ٹھیک کریں"
OTHER = "شام کو ملاقاتیں ہونی چاہئیں تاکہ کام کرنے والے لوگ آ سکیں"
THEME = "Lifts"


@pytest.fixture(scope="module")
def analyst(demo_site):
    return _staff_user("browser-coding-analyst", CONSULTATION_ANALYSTS)


@pytest.fixture(scope="module")
def consultation(demo_site) -> ConsultationPage:
    return ConsultationPage.objects.get(slug=SLUG, locale__language_code="en")


@pytest.fixture(scope="module")
def urdu_answers(consultation):
    """Twelve identical Urdu answers (a campaign) and one other, stored outside any test's
    transaction so the live server sees them; removed again afterwards."""
    key = free_text_fields(survey_questions(consultation=consultation))[0]["key"]
    snapshot = Response.objects.filter(consultation=consultation).first().snapshot
    made = Response.objects.bulk_create(
        Response(
            consultation=consultation,
            snapshot=snapshot,
            token=uuid.uuid4(),
            language="ur",
            answers={key: text},
        )
        for text in [URDU] * 12 + [OTHER]
    )
    theme = Theme.objects.create(consultation=consultation, name=THEME)
    yield key, made, theme
    AnswerTheme.objects.filter(theme=theme).delete()
    theme.delete()
    Response.objects.filter(pk__in=[r.pk for r in made]).delete()


def test_urdu_campaign_is_grouped_and_coded_by_keyboard_without_a_reload(
    page,
    analyst,
    consultation,
    urdu_answers,
):
    key, made, theme = urdu_answers
    sign_in(page, analyst)
    url = f"/admin/consultation-responses/{consultation.pk}/free-text/?field={key}"

    # Grouped: the twelve are one group, flagged, their Urdu words right to left.
    page.goto(f"{url}&view=groups&q=لفٹیں")
    group = page.locator("article", has_text="Possible campaign")
    expect(group).to_have_count(1)
    expect(group.locator("h3")).to_contain_text("12 answers")
    words = group.locator("bdi", has_text=URDU)
    expect(words).to_have_count(1)
    assert words.evaluate("e => getComputedStyle(e).direction") == "rtl"
    audit(page, "free text grouped, with an Urdu campaign")

    # By keyboard: tick the theme with Space, move to the group's button and press Enter.
    group.get_by_label(THEME).focus()
    page.keyboard.press("Space")
    expect(group.get_by_label(THEME)).to_be_checked()
    group.get_by_label("Add these themes").focus()
    page.keyboard.press("Tab")
    expect(group.get_by_role("button", name="Apply to the whole group")).to_be_focused()
    before = page.url
    page.keyboard.press("Enter")
    status = page.locator("[data-coding-status]")
    expect(status).to_have_text("“Lifts” added to 12 answers.")
    assert page.url == before, "coded without leaving the page"
    assert AnswerTheme.objects.filter(theme=theme, question_id=key).count() == 12

    # Listed: tick the other Urdu answer and apply from the bulk form, again without a reload.
    page.goto(f"{url}&q=ملاقاتیں")
    other = made[-1]
    answer = page.locator(f"#response-{other.pk}")
    expect(answer.locator("bdi")).to_have_text(OTHER)
    answer.get_by_label(f"Select response {other.reference}").focus()
    page.keyboard.press("Space")
    bulk = page.locator("#bulk-coding")
    bulk.get_by_label(THEME).focus()
    page.keyboard.press("Space")
    bulk.get_by_role("button", name="Apply to the ticked answers").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text("“Lifts” added to 1 answer.")
    expect(answer.get_by_label(THEME)).to_be_checked()
    expect(page.locator(f'[data-theme-count="{theme.pk}"]')).to_have_text("13")
    audit(page, "free text listed, an Urdu answer coded in bulk")
