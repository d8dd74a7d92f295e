"""Translations that never go live half-done: wagtail-localize, moderated like its source.

The contracts, for the admin hooks in ``portal.wagtail_hooks`` and for tests:

* ``translation_for_page(page)``: the enabled synced translation whose target is ``page``.
* ``missing_segments(translation)``: the strings not yet translated (an error counts as missing),
  in page order. A translation with any is never published or submitted for approval.
* ``changed_segments(translation)``: where the English page residents see now has text the
  translation never translated, with the English it was translated from. Empty until the
  translation has been published once (until then it is simply unfinished).
* ``save_translation_draft`` / ``submit_translation``: a new revision with the translated strings
  (the live page and what residents see are untouched), and the page's moderation workflow
  started or resumed, exactly as when an editor submits a page of their own.
* ``publish_complete_translations``: what "Sync translated pages" with "publish" does here: only
  complete translations are published; the others keep their last approved version live.

Slugs are not translated (``portal.translatable_fields``): a translation takes its source's slug.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue


@dataclass(frozen=True)
class ChangedSegment:
    before: str  # the English the translation was made from ("" for a new segment)
    after: str  # the English residents read now ("" for a removed segment)


def translation_for_page(page: Page) -> Translation | None:
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def _plain(data: str) -> str:
    return StringValue(data).render_text()


def missing_segments(translation: Translation) -> list[str]:
    """The source text of every string of ``translation`` without a usable translation."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("string")
        .order_by("order")
    )
    return [_plain(segment.string.data) for segment in segments]


def changed_segments(translation: Translation) -> list[ChangedSegment]:
    """The strings of the live source page that ``translation`` has never translated.

    Compared with the source as it is now (not as wagtail-localize last synchronised it), so an
    English edit shows here as soon as it is published, before anyone clicks "Sync".
    """
    target = translation.get_target_instance()
    if not getattr(target, "live", True) or target.last_published_at is None:
        return []
    source_page = translation.source.get_source_instance()
    current: dict[str, list[str]] = {}
    for segment in extract_segments(source_page):
        if isinstance(segment, StringSegmentValue):
            current.setdefault(segment.path, []).append(segment.string.data)
    translated: dict[str, list[str]] = {}
    for path, english in StringTranslation.objects.filter(
        context__object_id=translation.source.object_id,
        locale=translation.target_locale,
        has_error=False,
    ).values_list("context__path", "translation_of__data"):
        translated.setdefault(path, []).append(english)
    changes = []
    for path, strings in current.items():
        new = [text for text in strings if text not in translated.get(path, [])]
        if new:
            old = [text for text in translated.get(path, []) if text not in strings]
            changes.append(
                ChangedSegment(
                    before=" ".join(_plain(text) for text in old),
                    after=" ".join(_plain(text) for text in new),
                )
            )
    return changes


def out_of_date_translations(*, locale) -> list[tuple[Page, list[ChangedSegment]]]:
    """Published translations into ``locale`` whose English source has changed since."""
    translations = (
        Translation.objects.filter(
            target_locale=locale,
            enabled=True,
            source__specific_content_type__in=_page_content_types(),
        )
        .select_related("source", "target_locale")
        .order_by("source__object_repr")
    )
    results = []
    for translation in translations:
        try:
            changes = changed_segments(translation)
        except Page.DoesNotExist:
            continue  # the source or the translation was deleted
        if changes:
            results.append((translation.get_target_instance(), changes))
    return results


def _page_content_types():
    from django.contrib.contenttypes.models import ContentType

    return [
        content_type
        for content_type in ContentType.objects.all()
        if (model := content_type.model_class()) is not None and issubclass(model, Page)
    ]


@transaction.atomic
def save_translation_draft(*, translation: Translation, user) -> Page:
    """A new revision of the target page made of the translated strings; nothing goes live.

    Unlike ``Translation.save_target(publish=False)``, which writes the strings onto the live
    page itself, only the revision is saved, so residents keep the last approved translation.
    Raises ``wagtail_localize.models.MissingTranslationError`` if a string is untranslated.
    """
    source = translation.source
    original = source.as_instance()
    page = translation.get_target_instance()
    copy_synchronised_fields(original, page)
    # The library's own ingestion, without the English fallback its save_target uses.
    segments = source._get_segments_for_translation(translation.target_locale, fallback=False)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def submit_translation(*, translation: Translation, user) -> WorkflowState | None:
    """Save a draft and put it through the page's workflow (Comms approval for site pages)."""
    page = save_translation_draft(translation=translation, user=user)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    if state is not None:
        return state  # already in moderation: reviewers see the newest revision
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, user)


def publish_complete_translations(*, translations, user) -> list[Translation]:
    """Publish each complete translation ``user`` may publish; return those left unpublished."""
    left = []
    for translation in translations:
        target = translation.get_target_instance()
        may_publish = target.permissions_for_user(user).can_publish()
        if not may_publish or missing_segments(translation):
            left.append(translation)
            continue
        translation.save_target(user=user, publish=True)
    return left
