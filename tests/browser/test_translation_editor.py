"""The translation editor (wagtail-localize) in Urdu, in a real browser: translations are typed
right to left and upright, the review panel says what is missing, by keyboard, with no axe
violation anywhere on the page, wagtail-localize's own editor included."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from portal.models import HomePage, StandardPage
from portal.roles import COMMS_APPROVERS
from tests.browser.test_consultations_admin import _staff_user, audit, sign_in

INTRODUCTION = "Repairs surgeries run every Tuesday on the estate."


@pytest.fixture(scope="module")
def approver(demo_site):
    return _staff_user("browser-translator", COMMS_APPROVERS)


@pytest.fixture(scope="module")
def urdu_draft(demo_site, approver):
    """An English page translated into Urdu with "Translate this page" (made outside the test
    transaction, so the live server sees it)."""
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage.objects.child_of(home).filter(slug="browser-surgeries").first()
    if page is None:
        page = home.add_child(
            instance=StandardPage(
                title="Repairs surgeries", slug="browser-surgeries", introduction=INTRODUCTION
            )
        )
        page.save_revision().publish()
    translate_object(page, [Locale.objects.get(language_code="ur")], user=approver)
    return StandardPage.objects.get(
        translation_key=page.translation_key, locale__language_code="ur"
    )


def test_the_urdu_translation_editor_is_right_to_left_and_upright_by_keyboard(
    page, approver, urdu_draft
):
    assert not urdu_draft.live
    sign_in(page, approver)
    page.goto(f"/admin/pages/{urdu_draft.pk}/edit/")
    review = page.locator(".portal-translation-review")
    expect(review).to_have_attribute("data-target-direction", "rtl")
    expect(review).to_contain_text("parts are not translated yet")
    expect(page.get_by_role("button", name="Submit for approval")).to_have_count(0)

    # The introduction's "Translate" button, reached and pressed from the keyboard.
    segment = page.locator(".js-translation-editor li", has_text=INTRODUCTION).first
    translate = segment.get_by_role("button", name="Translate")
    translate.focus()
    page.keyboard.press("Enter")
    box = segment.locator("textarea")
    expect(box).to_be_focused()
    page.keyboard.type("مرمت کی نشستیں ہر منگل کو اسٹیٹ پر ہوتی ہیں۔")
    assert box.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert box.evaluate("el => getComputedStyle(el).fontStyle") == "normal"
    page.keyboard.press("Enter")  # saves the string
    saved = segment.locator("li > div > p, div > p").filter(has_text="مرمت کی نشستیں")
    expect(saved.first).to_be_visible()
    assert saved.first.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert saved.first.evaluate("el => getComputedStyle(el).fontStyle") == "normal"
    # The whole page, wagtail-localize's React editor included: its "Upload PO file" menu keeps a
    # file input that our admin script names, and its inline script runs under the admin CSP.
    assert (
        page.locator('form[action*="/pofile/upload/"] input[type="file"]').get_attribute(
            "aria-label"
        )
        == "PO file to upload"
    )
    audit(page, "translation editor, Urdu")
