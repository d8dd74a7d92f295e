"""Who may use the consultation staff tools (least privilege, declared here).

Consultation analysts read responses and results, export, code free text into themes, enter
paper, phone and event responses and erase a respondent's data. Comms editors and approvers edit
consultation pages but get none of these unless an administrator grants them.
"""

from portal.roles import CONSULTATION_ANALYSTS, grant

VIEW = "consultations.view_response"
EXPORT = "consultations.export_response"
ENTER = "consultations.add_response"
ERASE = "consultations.erase_response"
CODE_THEMES = "consultations.add_answertheme"


CUSTOM_PERMISSIONS = {
    "export_response": "Can export responses",
    "erase_response": "Can erase a respondent's personal data",
}


def grant_analysis_roles() -> None:
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from consultations.models import AnswerTheme, Response, Theme

    response_type = ContentType.objects.get_for_model(Response)
    for codename, name in CUSTOM_PERMISSIONS.items():
        Permission.objects.update_or_create(
            content_type=response_type, codename=codename, defaults={"name": name}
        )

    grant(
        CONSULTATION_ANALYSTS,
        model=Response,
        codenames=["view_response", "add_response", "export_response", "erase_response"],
    )
    grant(
        CONSULTATION_ANALYSTS,
        model=Theme,
        codenames=["view_theme", "add_theme", "change_theme", "delete_theme"],
    )
    grant(
        CONSULTATION_ANALYSTS,
        model=AnswerTheme,
        codenames=["view_answertheme", "add_answertheme", "delete_answertheme"],
    )
