"""The question-type registry: every kind of survey question, by its block name.

``get(name)`` or ``for_question(question)`` give the ``QuestionType`` that owns a kind of
question (see ``consultations.questions.base`` for what a type provides). A new kind of question
is one module here (its type and its block) with its ``register()`` line below, its templates
(resident, staff entry and, for a new kind of summary, results) and its tests; the survey's
question stream (``consultations.blocks.QuestionStreamBlock``) offers it under its name.
"""

from __future__ import annotations

from consultations.questions.base import (
    FIXED_LABELS,
    MISSING,
    Column,
    Missing,
    QuestionType,
)

_registry: dict[str, QuestionType] = {}


def register(question_type: QuestionType) -> QuestionType:
    """Add a type under its ``name``; a second type of the same name is a mistake."""
    if question_type.name in _registry:
        raise ValueError(f"Question type {question_type.name!r} is already registered")
    _registry[question_type.name] = question_type
    return question_type


def get(name: str) -> QuestionType:
    """The type called ``name``; ``KeyError`` for a name no type has."""
    return _registry[name]


def for_question(question: dict) -> QuestionType:
    """The type of a question from a survey definition (``question["type"]``)."""
    return _registry[question["type"]]


def all_types() -> list[QuestionType]:
    """Every registered type, in the order they were registered (the editor's order)."""
    return list(_registry.values())


def names(**attributes) -> set[str]:
    """Names of the types whose attributes have these values, e.g. ``names(free_text=True)``."""
    return {
        qtype.name
        for qtype in _registry.values()
        if all(getattr(qtype, attr) == value for attr, value in attributes.items())
    }


def _register_builtins() -> None:
    from consultations.questions import (
        budget,
        choice,
        consent,
        date,
        matrix,
        multiple,
        number,
        ranking,
        text,
    )

    for question_type in (
        text.ShortText(),
        text.LongText(),
        choice.SingleChoice(),
        multiple.MultipleChoice(),
        choice.Dropdown(),
        choice.YesNo(),
        choice.Agreement(),
        choice.Rating(),
        ranking.Ranking(),
        matrix.Matrix(),
        number.Number(),
        date.Date(),
        text.Email(),
        text.Postcode(),
        choice.Estate(),
        choice.Equality(),
        consent.Consent(),
        budget.Budget(),
    ):
        register(question_type)


_register_builtins()

__all__ = [
    "FIXED_LABELS",
    "MISSING",
    "Column",
    "Missing",
    "QuestionType",
    "all_types",
    "for_question",
    "get",
    "names",
    "register",
]
