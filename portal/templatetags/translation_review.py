"""The translation editor's review panel: what is missing, what changed in English, and the
"Submit for approval" form (``templates/wagtail_localize/admin/edit_translation.html``)."""

from django import template
from django.utils.translation import get_language_info

from portal import translation_workflow
from portal.review_feedback import feedback_for_page

register = template.Library()


@register.inclusion_tag("wagtail_localize/admin/includes/portal_translation_review.html")
def translation_review(translation, instance, csrf_token):
    code = translation.target_locale.language_code
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        bidi = False
    return {
        "translation": translation,
        "instance": instance,
        "csrf_token": csrf_token,
        "language_code": code,
        "direction": "rtl" if bidi else "ltr",
        "missing": translation_workflow.missing_segments(translation),
        "changes": translation_workflow.changed_segments(translation),
        "feedback": feedback_for_page(instance) if hasattr(instance, "get_workflow") else None,
        "submit_action": "portal-submit-translation",
    }


@register.inclusion_tag("wagtailadmin/pages/includes/portal_review_feedback.html")
def review_feedback(page):
    return {"feedback": feedback_for_page(page) if page and page.pk else None}


@register.simple_tag
def review_feedback_of(page):
    """The open request for changes on ``page`` (for templates that name the reviewer)."""
    return feedback_for_page(page) if page and page.pk else None
