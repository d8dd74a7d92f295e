"""Who may do what in the news section, granted to the roles in ``portal.roles``.

Page editing (plan, commitments, updates, events) follows the Comms workflow and page
permissions on the home pages. These are the model permissions of this app's own records:

* measurements: Comms approvers record and correct them (``news.add_measurement``,
  ``news.change_measurement``); Comms editors can see them. Figures are kept apart from page
  editing so a published status can only move when an approver records a figure.
* event replies (personal data): Comms editors and approvers can list and export them;
  approvers can delete them (erasure requests). Nobody creates them in the admin: they come
  from residents through ``news.services.create_rsvp``, which enforces capacity.
* estates: Comms editors and approvers can add and edit them.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from portal.roles import COMMS_APPROVERS, COMMS_EDITORS, grant


def grant_news_permissions(**kwargs) -> None:
    """Idempotent; run after migrations (post_migrate) and by the demo generator."""
    from news.models import Estate, EventRSVP, Measurement

    # Our post_migrate receiver may run before django.contrib.auth's; make sure the
    # permissions exist with their proper names before granting them.
    create_permissions(global_apps.get_app_config("news"), verbosity=0)
    grant(
        COMMS_APPROVERS,
        model=Measurement,
        codenames=[
            "add_measurement",
            "change_measurement",
            "delete_measurement",
            "view_measurement",
        ],
    )
    grant(COMMS_EDITORS, model=Measurement, codenames=["view_measurement"])
    grant(COMMS_EDITORS, model=EventRSVP, codenames=["view_eventrsvp"])
    grant(COMMS_APPROVERS, model=EventRSVP, codenames=["view_eventrsvp", "delete_eventrsvp"])
    for role in (COMMS_EDITORS, COMMS_APPROVERS):
        grant(role, model=Estate, codenames=["add_estate", "change_estate", "view_estate"])
