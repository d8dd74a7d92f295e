"""Who may use the consultation staff tools (least privilege, declared here).

Consultation analysts read responses and results, export, code free text into themes, enter
paper, phone and event responses and erase a respondent's data. Comms editors and approvers edit
consultation pages but get none of these unless an administrator grants them.
``ROLE_GRANTS`` is what ``consultations``' ``AppConfig.ready()`` registers with ``portal.roles``.
"""

from portal.roles import CONSULTATION_ANALYSTS

VIEW = "consultations.view_response"
EXPORT = "consultations.export_response"
ENTER = "consultations.add_response"
ERASE = "consultations.erase_response"
CODE_THEMES = "consultations.add_answertheme"


ROLE_GRANTS = {
    CONSULTATION_ANALYSTS: [
        VIEW,
        ENTER,
        EXPORT,
        ERASE,
        "consultations.view_theme",
        "consultations.add_theme",
        "consultations.change_theme",
        "consultations.delete_theme",
        "consultations.view_answertheme",
        CODE_THEMES,
        "consultations.delete_answertheme",
    ],
}
