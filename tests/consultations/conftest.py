"""Consultation fixtures: an index under the home page and consultations with a full survey."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.builder import question, section
from consultations.models import ConsultationIndexPage, ConsultationPage
from news.models import Estate

OPTIONS = [("more-meetings", "More meetings"), ("online", "Online surveys"), ("panel", "A panel")]


def full_survey(estate_question=True) -> list[dict]:
    """One question of every type, in three sections, with a conditional question/section."""
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


@pytest.fixture
def estates(db):
    return [
        Estate.objects.get_or_create(name=name, defaults={"postcode_area": "E8"})[0]
        for name in ("Kings Crescent", "Woodberry Down")
    ]


@pytest.fixture
def consultation_index(home_page) -> ConsultationIndexPage:
    index = home_page.add_child(
        instance=ConsultationIndexPage(title="Consultations", slug="consultations")
    )
    index.save_revision().publish()
    return index


def make_consultation(index, *, slug="strategy", opens=-7, closes=77, survey=None, **fields):
    now = timezone.now()
    page = index.add_child(
        instance=ConsultationPage(
            title=fields.pop("title", "Draft resident engagement strategy"),
            slug=slug,
            introduction="Tell us how you want to be involved.",
            why_consulting="<p>We want to hear from you.</p>",
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
            survey=full_survey() if survey is None else survey,
            **fields,
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def consultation(consultation_index, estates) -> ConsultationPage:
    return make_consultation(consultation_index)


@pytest.fixture
def at_views(client, consultation):
    """A resident part-way through: on the "Your views" section with a token."""
    from tests.consultations.test_journey import token_of

    base = consultation.get_url()
    client.get(f"{base}respond/")
    page = client.get(f"{base}respond/responding-as/")
    token = token_of(page)
    client.post(f"{base}respond/responding-as/", {"token": token, "respondent_type": "tenant"})
    client.post(f"{base}respond/section/about/", {"token": token, "q-tenant": "yes"})
    return f"{base}respond/section/views/", token


@pytest.fixture
def coder(client):
    """A Consultation analyst signed in on ``client`` (the staff tools' least-privilege role)."""
    from portal.roles import CONSULTATION_ANALYSTS
    from tests.consultations.test_admin import staff

    user = staff("analyst", CONSULTATION_ANALYSTS)
    client.force_login(user)
    return user
