"""The survey "with every question type", shared by the tests, the benchmarks and the demo.

``tests/consultations`` answer it in every way a resident can, ``bench`` times responding to
and counting it, and a test checks it (and the demo's strategy survey) asks one question of every
type in the registry, so a new type is added here once. ``ANSWERS`` is what a resident posts
for it, step by step, answering every question (tests walk the journey with it, ``bench.load``
times it).
"""

from consultations.builder import question, section

OPTIONS = [("more-meetings", "More meetings"), ("online", "Online surveys"), ("panel", "A panel")]


def every_question_type(estate_question=True) -> list[dict]:
    """One question of every registered type (a rating twice: both scales), in three sections,
    with a conditional question and section, and an "other" answer; ``estate_question=False``
    leaves out the estate question (for a consultation with no estates)."""
    return [
        section(
            "about",
            "About you",
            [
                question(
                    "yes_no", "tenant", "Do you live in a council home?", include_dont_know=True
                ),
                question("postcode", "postcode", "What is your postcode?", required=False),
                *(
                    [question("estate", "estate", "Which estate do you live on?", required=False)]
                    if estate_question
                    else []
                ),
            ],
        ),
        section(
            "views",
            "Your views",
            [
                question(
                    "single_choice",
                    "how",
                    "How should we involve you?",
                    options=OPTIONS,
                    allow_other=True,
                ),
                question(
                    "multiple_choice",
                    "topics",
                    "Which topics matter?",
                    options=OPTIONS,
                    allow_other=False,
                    min_choices=1,
                    max_choices=2,
                ),
                question(
                    "dropdown",
                    "often",
                    "How often?",
                    options=[("monthly", "Monthly"), ("yearly", "Yearly")],
                ),
                question("agreement", "agree", "Do you agree with the strategy?"),
                question("rating", "rating", "Rate our service", scale="1-5"),
                question(
                    "rating",
                    "nps",
                    "How likely are you to recommend us?",
                    scale="0-10",
                    required=False,
                ),
                question(
                    "ranking", "priorities", "Rank these priorities", options=OPTIONS, rank_count=2
                ),
                question(
                    "matrix",
                    "matrix",
                    "How do you feel about",
                    rows=[("repairs", "Repairs"), ("cleaning", "Cleaning")],
                    columns=[("good", "Good"), ("ok", "OK"), ("poor", "Poor")],
                ),
                question(
                    "number",
                    "years",
                    "How many years have you lived here?",
                    min_value=0,
                    max_value=100,
                ),
                question("date", "moved", "When did you move in?", when="past", required=False),
                question(
                    "short_text", "name_it", "A name for the panel", max_length=40, required=False
                ),
                question(
                    "long_text", "comments", "Any other comments?", max_length=200, required=False
                ),
                question(
                    "budget",
                    "budget",
                    "How would you share out £1,000?",
                    total=1000,
                    unit="money",
                    options=[
                        ("repairs", "Repairs", {"minimum": 100}),
                        ("green", "Green spaces", {"maximum": 500}),
                        ("hall", "Community hall"),
                    ],
                    required=False,
                ),
            ],
        ),
        section(
            "tenants",
            "For tenants",
            [question("short_text", "tenancy", "Your tenancy type", required=False, max_length=50)],
            show_if=("tenant", ["yes"]),
        ),
        section(
            "finally",
            "Finally",
            [
                question("email", "contact", "Your email", required=False),
                question(
                    "equality",
                    "age",
                    "Your age group",
                    category="age",
                    options=[
                        ("under-25", "Under 25"),
                        ("25-64", "25 to 64"),
                        ("65-plus", "65 or over"),
                    ],
                ),
                question("consent", "consent", "Privacy", statement="I agree"),
            ],
        ),
    ]


# Posted form values, by section id, answering every question of ``every_question_type()``
# (the budget question, optional, is left for the budget tests).
ANSWERS = {
    "about": {"q-tenant": "yes", "q-postcode": "e8 1dy"},
    "views": {
        "q-how": "other",
        "q-how.other": "Door knocking",
        "q-topics": ["panel", "online"],
        "q-often": "monthly",
        "q-agree": "agree",
        "q-rating": "4",
        "q-nps": "9",
        "q-priorities-panel": "1",
        "q-priorities-online": "2",
        "q-matrix-repairs": "poor",
        "q-matrix-cleaning": "ok",
        "q-years": "12",
        "q-moved-day": "3",
        "q-moved-month": "4",
        "q-moved-year": "2012",
        "q-comments": "Please meet us in the evenings.",
    },
    "tenants": {"q-tenancy": "Secure"},
    "finally": {"q-contact": "Me@Example.ORG", "q-age": "prefer_not_to_say", "q-consent": "yes"},
}
