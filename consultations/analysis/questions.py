"""A consultation's questions across every survey version, in one stable order.

Responses point at the snapshot they answered; question ids are stable across versions, so the
latest version's questions come first (with its labels) and questions only earlier versions
asked follow, so their answers still have a place in results and exports.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from consultations import questions as question_types
from consultations.blocks import OTHER_VALUE
from consultations.models import ConsultationPage, SurveySnapshot

# Kept as names for callers; each type says what it is (``consultations.questions``).
FREE_TEXT_TYPES = question_types.names(free_text=True)
CHOICE_TYPES = question_types.names(results_kind="choice")

# Equality-monitoring answers (age, disability, ethnicity, religion, sexual orientation...) are
# special category data (UK GDPR article 9): they leave the tool only when an analyst asks.
SPECIAL_CATEGORY_TYPES = question_types.names(special_category=True)


def is_special_category(question: dict) -> bool:
    return question_types.for_question(question).special_category


def survey_questions(*, consultation: ConsultationPage) -> list[dict]:
    """Every question any version asked, latest version's wording and order first."""
    snapshots = SurveySnapshot.objects.filter(consultation=consultation.canonical()).order_by(
        "-version"
    )
    seen: dict[str, dict] = {}
    for snapshot in snapshots.only("definition"):
        for question in snapshot.questions():
            if question["id"] not in seen:
                seen[question["id"]] = question
            else:
                _merge_options(seen[question["id"]], question)
    return list(seen.values())


def _merge_options(current: dict, older: dict) -> None:
    """Keep options, rows and columns an earlier version offered so old answers still count."""
    for field in ("options", "rows", "columns"):
        if field not in older:
            continue
        known = {o["value"] for o in current.get(field, [])}
        extra = [o for o in older[field] if o["value"] not in known]
        if extra:
            current[field] = [*current.get(field, []), *extra]
    if older.get("allow_other"):
        current["allow_other"] = True


def has_other(question: dict) -> bool:
    return (
        bool(question.get("allow_other"))
        or question_types.for_question(question).special_category
        and any(o["value"] == OTHER_VALUE for o in question.get("options", []))
    )


def free_text_fields(questions: list[dict]) -> list[dict]:
    """Every free-text answer key: text questions and "Other (please specify)" texts.

    Each is ``{"key", "question", "label", "other"}``; ``key`` is the key in ``answers``.
    """
    fields = []
    for question in questions:
        if question_types.for_question(question).free_text:
            fields.append(
                {
                    "key": question["id"],
                    "question": question,
                    "label": question["label"],
                    "other": False,
                }
            )
        if has_other(question):
            fields.append(
                {
                    "key": f"{question['id']}.other",
                    "question": question,
                    "label": _("%(question)s (“Other” answers)") % {"question": question["label"]},
                    "other": True,
                }
            )
    return fields
