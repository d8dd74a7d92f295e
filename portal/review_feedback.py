"""Review feedback that reaches the author: the reviewer's latest "changes requested" comment,
with the reviewer's name, shown to editors until the page is resubmitted.

``feedback_for_page(page)`` and ``feedback_for_author(user)`` are the reads; the dashboard panel
and the edit-page banner (``templates/wagtailadmin/pages/edit.html``) render them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState


@dataclass(frozen=True)
class ReviewFeedback:
    page: Page
    task_name: str
    reviewer: str  # the display name of whoever requested the changes
    comment: str
    requested_at: object


def _feedback(workflow_state: WorkflowState, page: Page) -> ReviewFeedback | None:
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by", "task")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state is None:
        return None
    return ReviewFeedback(
        page=page,
        task_name=task_state.task.name,
        reviewer=get_user_display_name(task_state.finished_by) if task_state.finished_by else "",
        comment=task_state.get_comment(),
        requested_at=task_state.finished_at,
    )


def feedback_for_page(page: Page) -> ReviewFeedback | None:
    """The open request for changes on ``page``, if its workflow is waiting for the author."""
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .order_by("-created_at")
        .first()
    )
    return _feedback(state, page) if state is not None else None


def feedback_for_author(user, *, limit: int = 10) -> list[ReviewFeedback]:
    """Pages ``user`` submitted that a reviewer sent back, most recent first."""
    states = WorkflowState.objects.filter(
        requested_by=user,
        status=WorkflowState.STATUS_NEEDS_CHANGES,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).order_by("-created_at")[:limit]
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    results = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is not None and (feedback := _feedback(state, page.specific_deferred)):
            results.append(feedback)
    return results


class ReviewFeedbackPanel(Component):
    """Dashboard panel: the comments reviewers left on the user's pages, above Wagtail's own
    "Your pages in a workflow" (which names only the task)."""

    name = "review_feedback"
    template_name = "wagtailadmin/home/review_feedback.html"
    order = 205

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"feedback": feedback_for_author(request.user), "request": request}
