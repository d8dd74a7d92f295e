"""Who may do what in the panel section: this app's grants to the roles in ``portal.roles``.

* the member register: the Panel secretary adds and edits members (``panel.add_panelmember``,
  ``panel.change_panelmember``); Panel members can see it. No role deletes members: one who
  leaves gets a term end and keeps their place in past meetings' attendance.
* pages, papers and the minutes workflow hang on the panel pages and collections themselves;
  ``panel.services.configure_every_panel_section`` sets them up (members draft and submit, the
  secretary publishes; both attach papers; members-only papers stay members-only).
"""

from portal.roles import PANEL_MEMBERS, PANEL_SECRETARY

ROLE_GRANTS = {
    PANEL_MEMBERS: ["panel.view_panelmember"],
    PANEL_SECRETARY: [
        "panel.add_panelmember",
        "panel.change_panelmember",
        "panel.view_panelmember",
    ],
}
