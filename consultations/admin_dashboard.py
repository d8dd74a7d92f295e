"""The consultations panel on the Wagtail admin dashboard: what is open, and how it is going.

Comms staff and analysts open the admin to see how a live consultation is doing. The panel lists
each open consultation (its source page, where responses are stored) with the responses sent so
far, the drafts residents have started and the days left, in a fixed number of queries however
many consultations there are. Analysts get a link to the results; people who may edit the page
get a link to edit it. Nobody else sees the panel: counts are not personal data, but a dashboard
that shows people what they cannot act on is noise.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from consultations.analysis import permissions
from consultations.models import ConsultationPage, Response, ResponseDraft

# A dashboard lists, it does not page: beyond this many open at once, the staff tools list them all.
PANEL_LIMIT = 10


@dataclass(frozen=True)
class OpenConsultation:
    page: ConsultationPage
    responses: int
    drafts: int
    closes_at: datetime
    days_left: int
    can_edit: bool


def days_left(closes_at: datetime, now: datetime) -> int:
    """Whole days until closing, counting a part day as one: "1 day left" until it closes."""
    return max(0, math.ceil((closes_at - now) / timedelta(days=1)))


def _count(queryset):
    """A correlated COUNT per consultation: no join between responses and drafts to multiply."""
    counted = (
        queryset.filter(consultation=OuterRef("pk"))
        .order_by()
        .values("consultation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def open_consultations(user, *, now=None) -> list[OpenConsultation]:
    """The open consultations this user may act on, soonest to close first (3 queries)."""
    now = now or timezone.now()
    pages = (
        ConsultationPage.objects.live()
        .open(now)
        .filter(locale=Locale.get_default())
        .annotate(
            response_count=_count(Response.objects.all()),
            draft_count=_count(ResponseDraft.objects.filter(expires_at__gt=now)),
        )
        .order_by("closes_at", "pk")[:PANEL_LIMIT]
    )
    editable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=[page.pk for page in pages])
        .values_list("pk", flat=True)
    )
    return [
        OpenConsultation(
            page=page,
            responses=page.response_count,
            drafts=page.draft_count,
            closes_at=page.closes_at,
            days_left=days_left(page.closes_at, now),
            can_edit=page.pk in editable,
        )
        for page in pages
    ]


class OpenConsultationsPanel(Component):
    name = "open_consultations"
    template_name = "wagtailadmin/consultations/dashboard_open.html"
    order = 150  # above Wagtail's own workflow panels (200 and up)

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        can_view_results = user.has_perm(permissions.VIEW)
        consultations = open_consultations(user)
        if not can_view_results:
            consultations = [item for item in consultations if item.can_edit]
        return {
            "consultations": consultations,
            "can_view_results": can_view_results,
            "shown": can_view_results or bool(consultations),
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["shown"]:
            return ""
        return render_to_string(self.template_name, context, request=self.request)
