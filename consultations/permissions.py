"""Which staff role may do what with consultations (least privilege, declared here).

Consultation analysts see responses (and use the staff tools, see
``consultations.analysis.permissions``); comms editors and approvers edit consultation pages
through Wagtail page permissions but do not see responses unless granted.
"""


def grant_roles() -> None:
    from consultations.analysis.permissions import grant_analysis_roles

    grant_analysis_roles()
