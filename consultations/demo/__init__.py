"""Demo consultations: an open strategy consultation, an upcoming one, a closed one with outcome.

Deterministic (dates relative to today, answers from the command's seeded ``rng``) and
idempotent (pages found by slug, generated responses found by their deterministic tokens).
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from consultations import questions, services, survey
from consultations.builder import question, section
from consultations.demo import documents as demo_documents
from consultations.demo.text import STRATEGY_SURVEY_TRANSLATIONS, TRANSLATIONS
from consultations.models import (
    AnswerTheme,
    Channel,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationTopicLink,
    OutcomeTheme,
    RespondentType,
    Response,
    Theme,
)
from news.demo.estates import ensure_estates
from portal.demo.pages import ensure_page
from portal.translation import other_locales, translate_instance

# Found and run by ``load_demo_content`` (portal.registry.demo_generators), after the news.
DEMO_NAME = "consultations"
DEMO_ORDER = 50
DEMO_TOKEN_NAMESPACE = uuid.UUID("6f1c3c52-5d3c-4f0e-9a53-0c0d7c1e2a10")
PRIORITIES = [
    ("repairs", "Getting repairs done right first time"),
    ("communication", "Keeping residents informed"),
    ("safety", "Building and fire safety"),
    ("panel", "A strong residents’ panel"),
    ("estates", "Cleaner, greener estates"),
]
# The closed consultation's comments, each with the themes an analyst coded it with. Some are
# in the language the resident wrote in: answers are coded whatever their language.
REPAIRS_COMMENTS = [
    ("I work until six, so an evening slot would save me losing a day’s pay.", "en", ["evening"]),
    ("A text the day before would stop me missing the engineer.", "en", ["reminder"]),
    ("My boiler failed on a Saturday and nobody came until Monday.", "en", ["weekend"]),
    ("Evening appointments and a reminder text would both help.", "en", ["evening", "reminder"]),
    ("Akşam randevusu olursa işten izin almam gerekmez.", "tr", ["evening"]),
    ("Proszę o SMS dzień przed wizytą.", "pl", ["reminder"]),
    ("We had no heating all weekend with a baby in the flat.", "en", ["weekend"]),
    ("Tell me the time slot, not just the day.", "en", []),
]
REPAIRS_THEMES = {
    "evening": "Evening appointments",
    "reminder": "Reminder texts",
    "weekend": "Weekend gas repairs",
}
REPAIRS_OUTCOME = [
    (
        "evening",
        "Appointments after work",
        "Many of you cannot take time off work for a repair.",
        "From April, repairs appointments run until 8pm on weekdays.",
    ),
    (
        "reminder",
        "A reminder before the visit",
        "You miss appointments when you are not reminded.",
        "We now send a text message the day before every appointment.",
    ),
    (
        "weekend",
        "Gas repairs at weekends",
        "Heating and hot water failures at weekends wait too long.",
        "Our contractor cannot yet cover weekends. We will review this next year.",
    ),
]
# The "share out a budget" question: each option's least and most amount, where it has one.
ESTATE_BUDGET = [
    ("repairs", "Repairs", {"minimum": 10_000}),
    ("green-spaces", "Green spaces"),
    ("community-hall", "Community hall", {"maximum": 50_000}),
    ("security-lighting", "Security lighting"),
]
INVOLVEMENT = [
    ("meetings", "Meetings on my estate"),
    ("online", "Online surveys"),
    ("panel", "Joining the advisory panel"),
    ("phone", "Phone calls"),
    ("letters", "Letters"),
]


def strategy_survey() -> list[dict]:
    """The 12-week "draft resident engagement strategy" survey: every question type."""
    return [
        section(
            "about-you",
            "About you",
            [
                question(
                    "yes_no",
                    "council-home",
                    "Do you live in a council home?",
                    include_dont_know=True,
                    # A council tenant has said so already; an organisation has no home.
                    show_if=(survey.RESPONDING_AS, ["leaseholder", "other_resident", "on_behalf"]),
                ),
                question("estate", "estate", "Which estate do you live on?", required=False),
                question(
                    "postcode",
                    "postcode",
                    "What is your postcode?",
                    hint="For example, E8 1DY",
                    required=False,
                ),
                question(
                    "number",
                    "years-lived",
                    "How many years have you lived in your home?",
                    min_value=0,
                    max_value=100,
                    suffix="years",
                    required=False,
                ),
                question(
                    "date",
                    "moved-in",
                    "When did you move in?",
                    hint="For example, 27 3 2015",
                    when="past",
                    required=False,
                ),
            ],
            description="These questions help us see who we are hearing from.",
        ),
        section(
            "involvement",
            "How you want to be involved",
            [
                question(
                    "multiple_choice",
                    "ways",
                    "How would you like to be involved?",
                    hint="Select up to three.",
                    options=INVOLVEMENT,
                    allow_other=True,
                    min_choices=1,
                    max_choices=3,
                ),
                question(
                    "single_choice",
                    "how-often",
                    "How often would you like to hear from us?",
                    options=[
                        ("monthly", "Every month"),
                        ("quarterly", "Every three months"),
                        ("yearly", "Once a year"),
                    ],
                ),
                question(
                    "dropdown",
                    "best-time",
                    "When is the best time for meetings?",
                    options=[
                        ("morning", "Weekday mornings"),
                        ("evening", "Weekday evenings"),
                        ("weekend", "Weekends"),
                    ],
                    required=False,
                ),
            ],
        ),
        section(
            "panel",
            "The residents’ advisory panel",
            [
                question(
                    "yes_no",
                    "join-panel",
                    "Would you consider joining the advisory panel?",
                    include_dont_know=True,
                ),
            ],
        ),
        section(
            "panel-details",
            "Joining the panel",
            [
                question(
                    "email",
                    "panel-email",
                    "What email address should the panel secretary use?",
                    required=False,
                ),
            ],
            show_if=("join-panel", ["yes"]),
        ),
        section(
            "strategy",
            "The draft strategy",
            [
                question(
                    "agreement",
                    "agree-aims",
                    "The strategy’s aims are the right ones.",
                ),
                question(
                    "rating",
                    "rating-now",
                    "How well do we involve residents now?",
                    scale="1-5",
                    low_label="very poorly",
                    high_label="very well",
                ),
                question(
                    "rating",
                    "recommend",
                    "How likely are you to recommend getting involved to a neighbour?",
                    scale="0-10",
                    low_label="not at all likely",
                    high_label="extremely likely",
                    required=False,
                ),
                question(
                    "ranking",
                    "priorities",
                    "Rank your top three priorities",
                    options=PRIORITIES,
                    rank_count=3,
                ),
                question(
                    "matrix",
                    "services",
                    "How do you rate these services?",
                    rows=[
                        ("repairs", "Repairs"),
                        ("cleaning", "Estate cleaning"),
                        ("complaints", "Complaint handling"),
                    ],
                    columns=[("good", "Good"), ("fair", "Fair"), ("poor", "Poor")],
                ),
                question(
                    "budget",
                    "estate-budget",
                    "You have £100,000 for your estate: how would you share it out?",
                    hint="Repairs need at least £10,000. The community hall can take at most "
                    "£50,000.",
                    total=100_000,
                    unit="money",
                    options=ESTATE_BUDGET,
                    required=False,
                ),
            ],
        ),
        section(
            "why-disagree",
            "Tell us more",
            [
                question(
                    "long_text",
                    "why-disagree",
                    "What should the strategy aim for instead?",
                    max_length=1500,
                    required=False,
                ),
            ],
            show_if=("agree-aims", ["disagree", "strongly_disagree"]),
        ),
        section(
            "comments",
            "Anything else",
            [
                question(
                    "short_text",
                    "one-change",
                    "If we could change one thing, what should it be?",
                    max_length=150,
                    required=False,
                ),
                question(
                    "long_text",
                    "comments",
                    "Any other comments on the draft strategy?",
                    max_length=2000,
                    required=False,
                ),
            ],
        ),
        section(
            "equality",
            "Equality monitoring",
            [
                question(
                    "equality",
                    "age",
                    "What is your age?",
                    category="age",
                    options=[
                        ("under-25", "Under 25"),
                        ("25-44", "25 to 44"),
                        ("45-64", "45 to 64"),
                        ("65-plus", "65 or over"),
                    ],
                ),
                question(
                    "equality",
                    "disability",
                    "Do you consider yourself to have a disability?",
                    category="disability",
                    options=[("yes", "Yes"), ("no", "No")],
                ),
            ],
            description="These questions are optional. We use the answers to check we hear "
            "from everyone.",
        ),
        section(
            "consent",
            "Privacy",
            [
                question(
                    "consent",
                    "privacy",
                    "How we use your answers",
                    hint="We use your answers to shape the strategy and publish a summary. "
                    "We never publish anything that identifies you.",
                    statement="I agree to my answers being used as described in the privacy "
                    "notice.",
                ),
            ],
        ),
    ]


def _at(day: int, hour: int):
    """A Europe/London date-time ``day`` days from today at ``hour``."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today + timedelta(days=day), time(hour)))


def _ensure_consultation(index, slug, *, topics, **fields) -> ConsultationPage:
    topic_links = [ConsultationTopicLink(topic=topic) for topic in topics]
    return ensure_page(index, ConsultationPage, slug, topic_links=topic_links, **fields)


def generate(*, home, rng, options, stdout):
    by_name = ensure_estates()
    estates = list(by_name.values())
    upcoming_estates = [by_name["Kings Crescent"], by_name["Woodberry Down"]]
    index = ensure_page(
        home,
        ConsultationIndexPage,
        "consultations",
        title="Consultations",
        introduction=(
            "Have your say on decisions about your home, your estate and the housing "
            "service. Every consultation shows what we heard and what we did."
        ),
    )
    documents = demo_documents.ensure_strategy_documents()
    strategy = _ensure_consultation(
        index,
        "draft-resident-engagement-strategy",
        topics=["engagement", "housing"],
        estates=estates,
        title="Draft resident engagement strategy",
        introduction=(
            "We have written a draft strategy for how residents will shape the housing "
            "service. Tell us what you think before it is agreed."
        ),
        why_consulting=(
            "<p>Residents told us they do not feel listened to. The housing improvement plan "
            "promises a new way of working with residents, and the regulator expects us to "
            "show how your views change our decisions.</p>"
        ),
        what_can_change=(
            "<p>How we involve you, how often we report back, and the priorities of the "
            "residents’ advisory panel.</p>"
        ),
        who_can_respond="<p>Council tenants, leaseholders and anyone who lives on our estates.</p>",
        opens_at=_at(-21, 9),
        closes_at=_at(-21 + 12 * 7, 23) - timedelta(minutes=1),
        contact_name="Resident engagement team",
        contact_email="engagement@example.org",
        contact_phone="020 8356 3000",
        documents=demo_documents.strategy_document_blocks(documents),
        other_formats=demo_documents.OTHER_FORMATS,
        survey=strategy_survey(),
    )
    upcoming = _ensure_consultation(
        index,
        "estate-cleaning-standards",
        topics=["estates"],
        estates=upcoming_estates,
        title="Estate cleaning standards",
        introduction="Help us set the standard for cleaning the shared parts of your estate.",
        why_consulting="<p>Cleaning is the service residents raise most often.</p>",
        opens_at=_at(14, 9),
        closes_at=_at(14 + 12 * 7, 23) - timedelta(minutes=1),
        survey=[
            section(
                "cleaning",
                "Cleaning",
                [question("agreement", "clean-enough", "My estate is clean enough.")],
            )
        ],
    )
    closed = _ensure_consultation(
        index,
        "repairs-appointments",
        topics=["repairs"],
        estates=[estate for estate in estates if estate not in upcoming_estates],
        title="Repairs appointments",
        introduction="How should repairs appointments work?",
        why_consulting="<p>Too many repairs appointments were missed.</p>",
        opens_at=_at(-200, 9),
        closes_at=_at(-116, 23),
        outcome_published_at=_at(-60, 10),
        outcome_summary=(
            "<p>Most residents who responded wanted evening slots and a text message the day "
            "before.</p>"
        ),
        outcome_changes=(
            "<p>From April we offer evening appointments until 8pm and send a reminder text the "
            "day before every appointment.</p>"
        ),
        outcome_not_changed=(
            "<p>We cannot yet offer weekend appointments for gas work, because of contractor "
            "cover. We will look again next year.</p>"
        ),
        survey=[
            section(
                "appointments",
                "Appointments",
                [
                    question("yes_no", "evening", "Would evening appointments help you?"),
                    question(
                        "long_text",
                        "better",
                        "What would make repairs appointments work better for you?",
                        required=False,
                        max_length=1000,
                    ),
                ],
            )
        ],
    )
    _repairs_responses_and_themes(closed, rng=rng, count=min(48, options.get("responses", 300)))
    if not options.get("skip_translations"):
        demo_documents.override_summary_per_locale(page=strategy, documents=documents)
        for locale in other_locales():
            strings = TRANSLATIONS.get(locale.language_code, {})
            translate_instance(instance=index, locale=locale, strings=strings)
            for page in (strategy, upcoming, closed):
                translate_instance(
                    instance=page,
                    locale=locale,
                    strings={
                        **strings,
                        **STRATEGY_SURVEY_TRANSLATIONS.get(locale.language_code, {}),
                        **demo_documents.DOCUMENT_TRANSLATIONS.get(locale.language_code, {}),
                    },
                )
    _generate_responses(
        strategy, estates, rng=rng, count=options.get("responses", 300), stdout=stdout
    )


def _repairs_responses_and_themes(page, *, rng, count) -> None:
    """Responses to the closed consultation, their theme coding, and the outcome's items."""
    themes = {
        key: Theme.objects.get_or_create(consultation=page, name=name)[0]
        for key, name in REPAIRS_THEMES.items()
    }
    existing = set(Response.objects.filter(consultation=page).values_list("token", flat=True))
    span = page.closes_at - page.opens_at
    for number in range(count):
        token = uuid.uuid5(DEMO_TOKEN_NAMESPACE, f"{page.translation_key}:{number}")
        comment, language, keys = REPAIRS_COMMENTS[number % len(REPAIRS_COMMENTS)]
        evening = rng.choice(["yes", "yes", "no", "dont_know"])
        submitted_at = page.opens_at + span * rng.random()
        if token in existing:
            continue
        submission = services.submit_response(
            consultation=page,
            token=token,
            answers={"evening": evening, "better": comment},
            language=language,
            channel=rng.choice([Channel.ONLINE, Channel.PAPER]),
            submitted_at=submitted_at,
            check_open=False,
            send_receipt=False,
        )
        AnswerTheme.objects.bulk_create(
            [
                AnswerTheme(theme=themes[key], response=submission.response, question_id="better")
                for key in keys
            ],
            ignore_conflicts=True,
        )
    # Reuse the items a previous run made, so their translations stay attached.
    items = {item.heading: item for item in page.outcome_themes.all()}
    page.outcome_themes = [
        _outcome_item(items.get(heading), themes[key], heading, you_said, we_did)
        for key, heading, you_said, we_did in REPAIRS_OUTCOME
    ]
    page.save_revision().publish()


def _outcome_item(item, theme, heading, you_said, we_did) -> OutcomeTheme:
    item = item or OutcomeTheme()
    item.theme, item.heading, item.you_said, item.we_did = theme, heading, you_said, we_did
    return item


def _random_answers(definition, estates, rng, *, respondent_type: str) -> dict:
    answers: dict = {}
    for section_def in definition["sections"]:
        earlier = {survey.RESPONDING_AS: respondent_type, **answers}
        if not survey.condition_met(section_def.get("condition"), earlier):
            continue
        for q in section_def["questions"]:
            if not survey.condition_met(q.get("condition"), earlier):
                continue
            if not q["required"] and rng.random() < 0.25:
                continue
            value = _random_value(q, estates, rng)
            if value is None:
                continue
            answers[q["id"]] = value
            if value == "other" or (isinstance(value, list) and "other" in value):
                answers[f"{q['id']}.other"] = rng.choice(
                    ["Door knocking", "WhatsApp groups", "Tenants’ association"]
                )
    return answers


def _random_value(q, estates, rng):
    return questions.for_question(q).random_answer(q, estates, rng)


LANGUAGE_WEIGHTS = [
    ("en", 60),
    ("tr", 8),
    ("pl", 6),
    ("es", 5),
    ("fr", 4),
    ("bn", 7),
    ("ur", 7),
    ("yi", 3),
]
CHANNEL_WEIGHTS = [
    (Channel.ONLINE, 70),
    (Channel.PAPER, 15),
    (Channel.PHONE, 8),
    (Channel.EVENT, 7),
]


def _generate_responses(page, estates, *, rng, count, stdout):
    definition = services.snapshot_survey(consultation=page).definition
    languages = [code for code, _w in LANGUAGE_WEIGHTS]
    language_weights = [w for _c, w in LANGUAGE_WEIGHTS]
    enabled = set(Locale.objects.values_list("language_code", flat=True))
    existing = set(Response.objects.filter(consultation=page).values_list("token", flat=True))
    start, span = page.opens_at, max(timezone.now() - page.opens_at, timedelta(hours=1))
    respondent_types = [value for value in RespondentType.values if value]
    width = 30
    for number in range(count):
        token = uuid.uuid5(DEMO_TOKEN_NAMESPACE, f"{page.translation_key}:{number}")
        # Draw every random value even for responses that exist, so reruns stay deterministic.
        respondent_type = rng.choice(respondent_types)
        answers = _random_answers(definition, estates, rng, respondent_type=respondent_type)
        language = rng.choices(languages, language_weights)[0]
        channel = rng.choices([c for c, _w in CHANNEL_WEIGHTS], [w for _c, w in CHANNEL_WEIGHTS])[0]
        offset = span * rng.random()
        wants_updates = rng.random() < 0.3
        if token not in existing:
            services.submit_response(
                consultation=page,
                token=token,
                answers=answers,
                language=language if language in enabled else "en",
                channel=channel,
                respondent_type=respondent_type,
                details={
                    "name": f"Resident {number + 1}",
                    "email": f"resident{number + 1}@example.org" if wants_updates else "",
                    "wants_updates": wants_updates,
                },
                submitted_at=start + offset,
                check_open=False,
                send_receipt=False,
            )
        if stdout is not None and (number + 1 == count or (number + 1) % max(1, count // 20) == 0):
            done = int(width * (number + 1) / count)
            stdout.write(
                f"\r  responses [{'#' * done}{'.' * (width - done)}] {number + 1}/{count}",
                ending="",
            )
    if stdout is not None and count:
        stdout.write("")
