"""What staff roles may do with search: this app's grants to the roles in ``portal.roles``.

Comms editors and approvers look after what residents find: they promote pages for a query
(Wagtail's search promotions), keep the synonyms in each language, and read the report of
searches that found nothing (words and counts only: it holds nobody's personal data). Nobody
edits that report: it is counted from searches.
"""

from portal.roles import COMMS_APPROVERS, COMMS_EDITORS

_LOOK_AFTER_SEARCH = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtailsearchpromotions.view_searchpromotion",
    "site_search.add_synonym",
    "site_search.change_synonym",
    "site_search.delete_synonym",
    "site_search.view_synonym",
    "site_search.view_zeroresultquery",
]

ROLE_GRANTS = {
    COMMS_EDITORS: _LOOK_AFTER_SEARCH,
    COMMS_APPROVERS: _LOOK_AFTER_SEARCH,
}
