"""Admin views for moderated translations: "Sync translated pages" that never publishes a half
translation, and the per-locale "Out-of-date translations" report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.views.update_translations import UpdateTranslationsView

from portal import translation_workflow


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's sync view, at its own address (see ``portal.wagtail_hooks``), except
    that "publish" publishes only the complete translations the user may publish. The others
    keep their last approved version live and wait for their missing strings."""

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data.get("publish_translations")
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            left = translation_workflow.publish_complete_translations(
                translations=self.object.translations.filter(enabled=True).select_related(
                    "source", "target_locale"
                ),
                user=self.request.user,
            )
            if left:
                messages.warning(
                    self.request,
                    _(
                        "Not published, because strings are missing or you may not publish "
                        "them: %(languages)s. Residents still see the last approved version."
                    )
                    % {
                        "languages": ", ".join(
                            str(translation.target_locale.get_display_name())
                            for translation in left
                        )
                    },
                )
        return response


def out_of_date_translations_report(request):
    """Published translations into one locale whose English source has changed since."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    locales = list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))
    chosen = next(
        (locale for locale in locales if locale.language_code == request.GET.get("locale")),
        locales[0] if locales else None,
    )
    rows = []
    if chosen is not None:
        for page, changes in translation_workflow.out_of_date_translations(locale=chosen):
            if page.permissions_for_user(request.user).can_edit():
                rows.append({"page": page, "changes": changes})
    return render(
        request,
        "wagtailadmin/reports/out_of_date_translations.html",
        {"locales": locales, "chosen": chosen, "rows": rows},
    )
