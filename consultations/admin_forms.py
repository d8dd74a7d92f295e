"""The consultation page's admin form: outcome items may only link this consultation's themes."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class ConsultationPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("outcome_themes")
        if formset is None:
            return
        themes = self.consultation_themes()
        base = formset.form

        class OutcomeThemeForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "theme" in self.fields:
                    self.fields["theme"].queryset = themes
                    self.fields["theme"].required = True

        OutcomeThemeForm.__name__ = base.__name__
        formset.form = OutcomeThemeForm

    def consultation_themes(self):
        from consultations.models import Theme

        page = self.instance
        canonical = page.canonical() if page.pk else None
        if canonical is None or canonical.pk is None:
            return Theme.objects.none()
        return Theme.objects.filter(consultation_id=canonical.pk).order_by("name")
