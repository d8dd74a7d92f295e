"""Who may do what in the news section: this app's grants to the roles in ``portal.roles``.

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

from portal.roles import COMMS_APPROVERS, COMMS_EDITORS, apply_grants

_ESTATES = ["news.add_estate", "news.change_estate", "news.view_estate"]

ROLE_GRANTS = {
    COMMS_EDITORS: ["news.view_measurement", "news.view_eventrsvp", *_ESTATES],
    COMMS_APPROVERS: [
        "news.add_measurement",
        "news.change_measurement",
        "news.delete_measurement",
        "news.view_measurement",
        "news.view_eventrsvp",
        "news.delete_eventrsvp",
        *_ESTATES,
    ],
}


def grant_news_permissions() -> None:
    """This app's grants alone (idempotent); ``portal.roles.setup_roles`` applies every app's."""
    apply_grants(ROLE_GRANTS)
