"""Build survey StreamField data in code (demo content, imports, tests).

``section(...)`` and ``question(...)`` return Wagtail's raw StreamField JSON; assign
``[section(...), ...]`` to ``ConsultationPage.survey``. Ids are given explicitly so code that
builds a survey can refer to its questions; ``clean()`` rules still apply when publishing.
"""

import uuid


def _options(options) -> list[dict]:
    """``[("value", "Label"), ...]`` → raw ListBlock items.

    An option may have a third item, a dict of its other fields (``{"minimum": 5000}``).
    """
    return [
        {
            "type": "item",
            "value": {"value": value, "label": label, **(extra[0] if extra else {})},
            "id": str(uuid.uuid4()),
        }
        for value, label, *extra in options
    ]


def condition(question_id: str = "", values: list[str] | tuple[str, ...] = ()) -> dict:
    return {"question_id": question_id, "values": ", ".join(values)}


def question(
    question_type: str,
    question_id: str,
    label: str,
    *,
    hint: str = "",
    required: bool = True,
    show_if: tuple[str, list[str]] | None = None,
    **settings,
) -> dict:
    """One question block; list-of-options settings take ``[(value, label), ...]``."""
    value = {
        "question": label,
        "hint": hint,
        "required": required,
        "question_id": question_id,
        "condition": condition(*show_if) if show_if else condition(),
    }
    for name, setting in settings.items():
        value[name] = _options(setting) if name in {"options", "rows", "columns"} else setting
    return {"type": question_type, "value": value, "id": str(uuid.uuid4())}


def section(
    section_id: str,
    title: str,
    questions: list[dict],
    *,
    description: str = "",
    show_if: tuple[str, list[str]] | None = None,
) -> dict:
    return {
        "type": "section",
        "value": {
            "title": title,
            "description": description,
            "section_id": section_id,
            "condition": condition(*show_if) if show_if else condition(),
            "questions": questions,
        },
        "id": str(uuid.uuid4()),
    }
