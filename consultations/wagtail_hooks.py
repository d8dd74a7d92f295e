"""Wagtail admin hooks for consultations."""

from wagtail import hooks

from consultations import admin_hooks_analysis  # noqa: F401 (registers the staff tools' hooks)
from consultations.admin_dashboard import OpenConsultationsPanel


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    panels.append(OpenConsultationsPanel(request))
