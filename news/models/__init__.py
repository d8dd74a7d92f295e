from .estates import Estate
from .events import EventIndexPage, EventPage, EventRSVP, EventStatus
from .plan import CommitmentPage, ImprovementPlanPage, Measurement, Theme
from .updates import (
    Topic,
    UpdateIndexPage,
    UpdatePage,
    UpdateRelatedCommitment,
    UpdateRelatedConsultation,
    UpdateTopic,
)

__all__ = [
    "CommitmentPage",
    "Estate",
    "EventIndexPage",
    "EventPage",
    "EventRSVP",
    "EventStatus",
    "ImprovementPlanPage",
    "Measurement",
    "Theme",
    "Topic",
    "UpdateIndexPage",
    "UpdatePage",
    "UpdateRelatedCommitment",
    "UpdateRelatedConsultation",
    "UpdateTopic",
]
