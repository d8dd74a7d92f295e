"""Housing Advisory Panel alerts: a meeting announced, and its minutes once approved.

Only public meetings are announced (``portal.alerts`` refuses any page with a privacy setting
on it or above it, which keeps members-only papers out of every email).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from panel.models import MeetingIndexPage, MeetingPage, PanelPage
from portal.registry import AlertItem, AlertMessage, AlertSource, AlertTopic, register_alert_source
from portal.templatetags.portal_format import display_date

MEETINGS = "panel:meetings"
MINUTES = "panel:minutes"


def topics() -> list[AlertTopic]:
    return [
        AlertTopic(MEETINGS, gettext_lazy("Panel meetings")),
        AlertTopic(MINUTES, gettext_lazy("Approved minutes of panel meetings")),
    ]


def items_for_page(page) -> list[AlertItem]:
    if not isinstance(page, MeetingPage):
        return []
    items = []
    if page.is_upcoming:
        items.append(AlertItem(f"panel.meeting:{page.translation_key}", (MEETINGS,), page.pk))
    if page.minutes_are_approved:
        items.append(
            AlertItem(f"panel.minutes:{page.translation_key}", (MINUTES,), page.pk, "minutes")
        )
    return items


def message(page, reason: str) -> AlertMessage:
    facts = [(_("Starts"), display_date(page.start, "time"))]
    if page.location:
        facts.append((_("Place"), page.location))
    if page.online:
        facts.append((_("Online"), page.online_details or _("People can join online")))
    headline = _("Panel meeting")
    if reason == "minutes":
        headline = _("Approved minutes")
        facts.append((_("Minutes approved on"), display_date(page.minutes_approved_on)))
    return AlertMessage(
        headline=headline,
        title=page.title,
        summary=page.get_listing_summary(),
        url=page.get_full_url() or "",
        facts=tuple(facts),
    )


def follow_topics(obj, **hints) -> list[str]:
    return [MEETINGS, MINUTES] if isinstance(obj, PanelPage | MeetingIndexPage) else []


def register() -> None:
    register_alert_source(
        AlertSource(
            name="panel",
            label=gettext_lazy("Housing Advisory Panel"),
            topics=topics,
            items_for_page=items_for_page,
            message=message,
            follow_topics=follow_topics,
            order=40,
        )
    )
