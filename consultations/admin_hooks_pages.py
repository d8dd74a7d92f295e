"""Admin hooks for consultation pages: responses are never lost by deleting a page, and the
survey builder's read-only ids look read-only."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from consultations.models import ConsultationPage, Response


@hooks.register("before_delete_page")
def refuse_deleting_consultations_with_responses(request, page):
    """Responses point at their consultation (PROTECT); say why instead of failing."""
    specific = page.specific
    if isinstance(specific, ConsultationPage) or page.get_children().type(ConsultationPage):
        pages = [specific] if isinstance(specific, ConsultationPage) else []
        pages += list(page.get_descendants().type(ConsultationPage).specific())
        canonical_ids = {p.canonical().pk for p in pages}
        if Response.objects.filter(consultation_id__in=canonical_ids).exists():
            messages.error(
                request,
                _(
                    "This consultation has responses, so it cannot be deleted. Unpublish it "
                    "instead; responses are anonymised by the retention setting."
                ),
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("insert_global_admin_css")
def survey_builder_css():
    return format_html('<link rel="stylesheet" href="{}">', static("consultations/editor.css"))
