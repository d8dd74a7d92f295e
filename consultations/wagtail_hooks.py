"""Wagtail admin hooks for consultations."""

from consultations import admin_hooks_analysis  # noqa: F401 (registers the staff tools' hooks)
