"""What staff roles may see of email alerts (granted through ``portal.roles``).

Comms editors and approvers see what their announcements sent: counts per item, never an
address. Nothing about subscribers (``alerts.view_subscriber``,
``alerts.view_subscriber_addresses``) goes to a role; administrators grant it to named people.
"""

from portal.roles import COMMS_APPROVERS, COMMS_EDITORS

ROLE_GRANTS = {
    COMMS_EDITORS: ["alerts.view_alertitem"],
    COMMS_APPROVERS: ["alerts.view_alertitem"],
}
