"""Translations through the admin as Comms staff use them (wagtail-localize): a translation is a
draft until complete, goes through Comms approval, and residents never see it half done."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal.models import HomePage, StandardPage
from portal.roles import COMMS_APPROVERS, COMMS_EDITORS
from portal.translation import other_locales, translate_instance

pytestmark = pytest.mark.django_db

INTRODUCTION = "Repairs surgeries run every Tuesday on the estate."
URDU = "اردو"


@pytest.fixture
def homes(home_page):
    for locale in other_locales():
        translate_instance(instance=home_page, locale=locale, strings={})
    call_command("setup_roles", verbosity=0)
    return {home.locale.language_code: home for home in HomePage.objects.all()}


def _staff(username, role):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@council.example",
        password="x",
        first_name=username.title(),
        last_name="Staff",
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(homes):
    return _staff("eda", COMMS_EDITORS)


@pytest.fixture
def approver(homes):
    return _staff("abe", COMMS_APPROVERS)


@pytest.fixture
def source(home_page, homes):
    page = home_page.add_child(
        instance=StandardPage(
            title="Repairs surgeries", slug="surgeries", introduction=INTRODUCTION
        )
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def translate_page(client, user, page, *codes):
    client.force_login(user)
    locale_ids = [
        homes_locale.pk for homes_locale in other_locales() if homes_locale.language_code in codes
    ]
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": locale_ids},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return {
        code: StandardPage.objects.get(
            translation_key=page.translation_key, locale__language_code=code
        )
        for code in codes
    }


def translation_of(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )


def fill_strings(translation, *, prefix=URDU):
    """Translate every string of ``translation`` as a translator in the editor would."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix} {segment.string.data}"},
        )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a request and then what it deferred to the commit (publishing does)."""

    def run(request, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(*args, **kwargs)

    return run


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_translate_this_page_makes_a_draft_residents_cannot_see(client, approver, source):
    urdu = translate_page(client, approver, source, "ur", "tr")["ur"]
    assert not urdu.live
    assert urdu.slug == source.slug  # derived, not a segment to fill
    client.logout()
    assert client.get("/ur/surgeries/").status_code == 404
    listing = client.get("/ur/").content.decode()
    assert "Repairs surgeries" not in listing


def test_every_script_on_the_translation_editor_may_run_under_the_admin_csp(
    client, approver, source
):
    """wagtail-localize writes an inline script (the chooser URLs) that the admin's CSP blocked."""
    from tests.portal.test_headers import check_html_page

    urdu = translate_page(client, approver, source, "ur")["ur"]
    path = reverse("wagtailadmin_pages:edit", args=[urdu.pk])
    response = client.get(path)
    assert 'class="js-translation-editor"' in response.content.decode()
    assert "window.chooserUrls" in response.content.decode()
    check_html_page(response, path, public=False)


def test_the_slug_is_not_a_segment_editors_must_fill(client, approver, source):
    urdu = translate_page(client, approver, source, "ur")["ur"]
    contexts = StringSegment.objects.filter(source=translation_of(urdu).source).values_list(
        "context__path", flat=True
    )
    assert "title" in contexts
    assert "slug" not in contexts


def test_publishing_with_a_missing_segment_is_refused_with_a_list(
    client, approver, source, committed
):
    urdu = translate_page(client, approver, source, "ur")["ur"]
    translation = translation_of(urdu)
    # Everything but the introduction is translated.
    fill_strings(translation)
    StringTranslation.objects.filter(
        locale=translation.target_locale, translation_of__data=INTRODUCTION
    ).delete()
    response = committed(client.post, edit_url(urdu), {"action": "publish"}, follow=True)
    html = response.content.decode()
    assert "cannot go live until every part is translated" in html
    assert INTRODUCTION in html
    urdu.refresh_from_db()
    assert not urdu.live
    client.logout()
    assert client.get("/ur/surgeries/").status_code == 404

    fill_strings(translation)
    client.force_login(approver)
    committed(client.post, edit_url(urdu), {"action": "publish"})
    urdu.refresh_from_db()
    assert urdu.live
    client.logout()
    page = client.get("/ur/surgeries/").content.decode()
    assert f"{URDU} {INTRODUCTION}" in page


def test_an_editor_submits_a_complete_translation_to_comms_approval(
    client, editor, approver, source, committed
):
    urdu = translate_page(client, editor, source, "ur")["ur"]
    translation = translation_of(urdu)
    editor_view = client.get(edit_url(urdu)).content.decode()
    assert "parts are not translated yet" in editor_view
    assert "Submit for approval" not in editor_view
    # Refused while incomplete: no workflow starts.
    client.post(edit_url(urdu), {"action": "portal-submit-translation"})
    assert not WorkflowState.objects.filter(object_id=str(urdu.pk)).exists()

    fill_strings(translation)
    assert "Submit for approval" in client.get(edit_url(urdu)).content.decode()
    client.post(edit_url(urdu), {"action": "portal-submit-translation"})
    state = WorkflowState.objects.get(object_id=str(urdu.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Comms approval"
    urdu.refresh_from_db()
    assert not urdu.live
    # An editor may not publish it themselves.
    committed(client.post, edit_url(urdu), {"action": "publish"})
    urdu.refresh_from_db()
    assert not urdu.live

    client.force_login(approver)
    response = committed(
        client.post,
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[urdu.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    urdu.refresh_from_db()
    assert urdu.live
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()
    client.logout()
    assert f"{URDU} {INTRODUCTION}" in client.get("/ur/surgeries/").content.decode()


@pytest.fixture
def published_urdu(client, approver, source, committed):
    urdu = translate_page(client, approver, source, "ur")["ur"]
    fill_strings(translation_of(urdu))
    committed(client.post, edit_url(urdu), {"action": "publish"})
    urdu.refresh_from_db()
    assert urdu.live
    return urdu


def test_editing_the_source_marks_the_translation_out_of_date(
    client, approver, source, published_urdu
):
    assert "has changed since" not in client.get(edit_url(published_urdu)).content.decode()
    report_url = reverse("portal_out_of_date_translations")
    assert "Repairs surgeries" not in client.get(report_url, {"locale": "ur"}).content.decode()

    source.introduction = "Repairs surgeries now run on Tuesdays and Thursdays."
    source.save_revision().publish()

    html = client.get(edit_url(published_urdu)).content.decode()
    assert "The English version has changed since this was translated" in html
    assert f"<del>{INTRODUCTION}</del>" in html
    assert "<ins>Repairs surgeries now run on Tuesdays and Thursdays.</ins>" in html
    report = client.get(report_url, {"locale": "ur"}).content.decode()
    assert f'{reverse("wagtailadmin_pages:edit", args=[published_urdu.pk])}"' in report
    # Other languages have no translation of it, so it is not listed there.
    assert edit_url(published_urdu) not in client.get(report_url, {"locale": "tr"}).content.decode()
    client.logout()
    assert f"{URDU} {INTRODUCTION}" in client.get("/ur/surgeries/").content.decode()


def test_sync_and_publish_keeps_the_last_approved_translation_live(
    client, approver, source, published_urdu, committed
):
    source.introduction = "Repairs surgeries now run on Tuesdays and Thursdays."
    source.save_revision().publish()
    translation = translation_of(published_urdu)
    response = committed(
        client.post,
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": "on"},
        follow=True,
    )
    assert "Not published" in response.content.decode()
    client.logout()
    resident = client.get("/ur/surgeries/").content.decode()
    assert f"{URDU} {INTRODUCTION}" in resident
    assert "Tuesdays and Thursdays" not in resident

    # Once the changed text is translated, the sync publishes it.
    fill_strings(translation)
    client.force_login(approver)
    committed(
        client.post,
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": "on"},
    )
    client.logout()
    assert f"{URDU} Repairs surgeries now run" in client.get("/ur/surgeries/").content.decode()


def test_po_download_and_upload_fill_the_translation(client, approver, source):
    urdu = translate_page(client, approver, source, "ur")["ur"]
    translation = translation_of(urdu)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert INTRODUCTION in [entry.msgid for entry in po]
    for entry in po:
        entry.msgstr = f"{URDU} {entry.msgid}"
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": _uploaded(str(po)),
            "next": edit_url(urdu),
        },
        follow=True,
    )
    assert "Successfully imported translations" in upload.content.decode()
    html = upload.content.decode()
    assert "Submit for approval" in html
    assert not Page.objects.get(pk=urdu.pk).live


def _uploaded(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("ur.po", text.encode(), content_type="text/x-gettext-translation")
