"""Consultation models, one module per concern: pages, responses and settings."""

from .analysis import AnswerTheme, DismissedSuggestion, OutcomeTheme, Theme
from .pages import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuerySet,
    ConsultationTopicLink,
    RespondentType,
    Status,
    Topic,
)
from .responses import (
    Channel,
    RespondentDetails,
    Response,
    ResponseDraft,
    SurveySnapshot,
    definition_digest,
    new_reference,
)
from .settings import ConsultationSettings

__all__ = [
    "AnswerTheme",
    "DismissedSuggestion",
    "OutcomeTheme",
    "Theme",
    "Channel",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationQuerySet",
    "ConsultationSettings",
    "ConsultationTopicLink",
    "RespondentDetails",
    "RespondentType",
    "Response",
    "ResponseDraft",
    "Status",
    "SurveySnapshot",
    "Topic",
    "definition_digest",
    "new_reference",
]
