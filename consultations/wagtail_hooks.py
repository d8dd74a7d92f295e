"""Wagtail admin hooks for consultations."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consultations.admin_dashboard import OpenConsultationsPanel
from consultations.analysis.viewsets import AnalysisViewSet

EXPORT_ACTION = "consultations.export"
ERASE_ACTION = "consultations.erase_respondent"


@hooks.register("register_admin_viewset")
def register_analysis_viewset():
    return AnalysisViewSet()


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    actions.register_action(EXPORT_ACTION, _("Export responses"), _("Responses exported"))
    actions.register_action(
        ERASE_ACTION, _("Erase a respondent’s data"), _("Respondent’s personal data erased")
    )


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    panels.append(OpenConsultationsPanel(request))
