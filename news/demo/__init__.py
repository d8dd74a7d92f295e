"""Demo content for the news section: the plan with a year of figures, updates, estates, events.

Dates are anchored to today (Europe/London) so the demo always shows a live plan: five
commitments, one achieved, one at risk and the rest on track, each with twelve monthly
figures; a dozen updates over the past year; events on several estates, past and upcoming,
one cancelled. Running it again updates the same pages and rows (idempotent) and, with the
same seed on the same day, writes the same values (deterministic).
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import formats, timezone, translation

from news.demo.estates import ESTATES, ensure_estates
from news.demo.text import (
    ADDRESS,
    CONTENT,
    EVENT_KINDS,
    LANGUAGES,
    PAGE_STRINGS,
    PROGRESS_INTRO,
    PROGRESS_TITLE,
    UPDATES,
    VENUE,
)
from news.models import (
    CommitmentPage,
    EventIndexPage,
    EventPage,
    EventStatus,
    ImprovementPlanPage,
    Measurement,
    Theme,
    Topic,
    UpdateIndexPage,
    UpdatePage,
    UpdateRelatedCommitment,
    UpdateTopic,
)
from news.models.mixins import london_today
from news.permissions import grant_news_permissions
from portal.demo.pages import ensure_page
from portal.translation import other_locales, translate_instance

# Found and run by ``load_demo_content`` (portal.registry.demo_generators), first.
DEMO_NAME = "news"
DEMO_ORDER = 20


def _month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month + 1, 1)


def _commitment_specs(today: date) -> list[dict]:
    """The plan's five promises, with targets placed relative to today."""
    start = _add_months(today, -12)
    baseline_date = start - timedelta(days=1)
    specs = [
        {
            "slug": "no-repair-older-than-three-months",
            "title": "No repair older than three months",
            "introduction": "Every repair finished within three months of being reported.",
            "theme": Theme.REPAIRS,
            "measure_name": "Repairs open for more than three months",
            "measure_unit": "repairs",
            "baseline_value": Decimal(1840),
            "target_value": Decimal(0),
            "lower_is_better": True,
            "target_date": _month_end(_add_months(today, 4)),
            "pace": "ahead",
        },
        {
            "slug": "clear-the-repairs-backlog",
            "title": "Clear the repairs backlog",
            "introduction": "Bring open repairs down to the level of a normal month's work.",
            "theme": Theme.REPAIRS,
            "measure_name": "Open repairs",
            "measure_unit": "repairs",
            "baseline_value": Decimal(6200),
            "target_value": Decimal(1500),
            "lower_is_better": True,
            "target_date": _month_end(_add_months(today, 6)),
            "pace": "behind",
        },
        {
            "slug": "set-up-the-housing-advisory-panel",
            "title": "Set up the Housing Advisory Panel",
            "introduction": "A panel of tenants, leaseholders and independent experts.",
            "theme": Theme.ENGAGEMENT,
            "measure_name": "Panel members appointed",
            "measure_unit": "members",
            "baseline_value": Decimal(0),
            # The eight members panel/demo lists (tests/portal/test_demo_story.py checks).
            "target_value": Decimal(8),
            "lower_is_better": False,
            "target_date": _month_end(_add_months(today, -3)),
            "pace": "done",
        },
        {
            "slug": "answer-complaints-on-time",
            "title": "Answer complaints on time",
            "introduction": "Answer nine in ten complaints within ten working days.",
            "theme": Theme.COMPLAINTS,
            "measure_name": "Complaints answered within 10 working days",
            "measure_unit": "%",
            "baseline_value": Decimal(41),
            "target_value": Decimal(90),
            "lower_is_better": False,
            "target_date": _month_end(_add_months(today, 1)),
            "pace": "ahead",
        },
        {
            "slug": "move-to-new-secure-it-systems",
            "title": "Move to new, secure IT systems",
            "introduction": "Move every housing service off the systems hit by the cyber attack.",
            "theme": Theme.IT_AND_DATA,
            "measure_name": "Housing services moved to the new systems",
            "measure_unit": "services",
            "baseline_value": Decimal(0),
            "target_value": Decimal(14),
            "lower_is_better": False,
            "target_date": _month_end(_add_months(today, 4)),
            "pace": "ahead",
        },
    ]
    return [dict(spec, baseline_date=baseline_date) for spec in specs]


def _figures(spec: dict, months: list[date], rng) -> list[tuple[date, Decimal]]:
    """Twelve plausible month-end figures that put the commitment where ``pace`` says."""
    baseline, target = spec["baseline_value"], spec["target_value"]
    span = (spec["target_date"] - spec["baseline_date"]).days
    figures = []
    for day in months:
        share = Decimal(min(max((day - spec["baseline_date"]).days, 0), span)) / Decimal(span)
        expected = baseline + (target - baseline) * share
        if spec["pace"] == "done":
            # Recruited over the first eight months, then the panel is complete.
            progress = min(Decimal(months.index(day) + 1) / Decimal(8), Decimal(1))
            value = (baseline + (target - baseline) * progress).to_integral_value()
        else:
            wobble = Decimal(rng.randint(2, 6)) / Decimal(100)
            lead = (target - baseline) * wobble
            value = expected + lead if spec["pace"] == "ahead" else expected - 3 * lead
            value = value.to_integral_value(
                rounding="ROUND_FLOOR"
                if spec["lower_is_better"] == (spec["pace"] == "ahead")
                else "ROUND_CEILING"
            )
            if spec["measure_unit"] == "%":
                value = min(value, target - 1)
            if spec["measure_unit"] == "services":
                value = min(max(value, baseline), target - 1)
        figures.append((day, value))
    return figures


SOURCES = {
    "repairs": "Repairs system report for the month",
    "members": "Panel secretary's register",
    "%": "Complaints team monthly return",
    "services": "IT programme board report",
}


def generate(*, home, rng, options, stdout) -> None:
    grant_news_permissions()
    today = london_today()
    estates = list(ensure_estates().values())
    plan = ensure_page(
        parent=home,
        model=ImprovementPlanPage,
        slug="improvement-plan",
        title="Housing improvement plan",
        introduction=PAGE_STRINGS["plan_intro"]["en"],
        show_in_menus=True,
    )
    commitments = {}
    months = [_month_end(_add_months(today, offset)) for offset in range(-12, 0)]
    for spec in _commitment_specs(today):
        fields = {key: value for key, value in spec.items() if key not in {"slug", "pace"}}
        commitment = ensure_page(parent=plan, model=CommitmentPage, slug=spec["slug"], **fields)
        commitments[spec["slug"]] = commitment
        for day, value in _figures(spec, months, rng):
            Measurement.objects.update_or_create(
                commitment=commitment,
                date=day,
                defaults={"value": value, "source_note": SOURCES[spec["measure_unit"]]},
            )
    updates_index = ensure_page(
        parent=home,
        model=UpdateIndexPage,
        slug="updates",
        title="Updates",
        introduction=PAGE_STRINGS["updates_intro"]["en"],
        show_in_menus=True,
    )
    updates = _ensure_updates(updates_index, commitments, today)
    _ensure_update_awaiting_approval(updates_index, today)
    events_index = ensure_page(
        parent=home,
        model=EventIndexPage,
        slug="events",
        title="Estate events",
        introduction=PAGE_STRINGS["events_intro"]["en"],
        show_in_menus=True,
    )
    events = _ensure_events(events_index, estates, today)
    stdout.write(
        f"  plan with {len(commitments)} commitments, {len(updates)} updates, "
        f"{len(estates)} estates, {len(events)} events"
    )
    if options.get("skip_translations"):
        return
    for locale in other_locales():
        code = locale.language_code
        strings = _strings_for(code, today)
        # Parents before children: the site layer may not have translated the home page yet.
        home_copy = home.get_translation_or_none(locale)
        if home_copy is None or not home_copy.live:
            _translate_and_publish(home, locale, {})
        for page in [plan, *commitments.values(), updates_index, *updates, events_index, *events]:
            _translate_and_publish(page, locale, strings)


def _translate_and_publish(page, locale, strings):
    """Translate, then publish at once rather than when the transaction commits.

    wagtail-localize publishes translations in ``transaction.on_commit``, with the page as it
    was when the revision was made: a parent translated in the same transaction as its children
    would then be saved back with no children (treebeard's ``numchild``), and its children
    would not route. Publishing immediately keeps the tree right.
    """
    copy = translate_instance(instance=page, locale=locale, strings=strings, publish=False)
    copy.get_latest_revision().publish()
    return copy


def _strings_for(code: str, today: date) -> dict[str, str]:
    strings = {}
    for entry in PAGE_STRINGS.values():
        if code in entry:
            strings[entry["en"]] = entry[code]
    for entry in UPDATES:
        for key in ("title", "introduction"):
            if code in entry[key]:
                strings[entry[key]["en"]] = entry[key][code]
    strings[PROGRESS_INTRO["en"]] = PROGRESS_INTRO.get(code, PROGRESS_INTRO["en"])
    for months_ago in range(1, 7):
        month = _add_months(today, -months_ago)
        english = PROGRESS_TITLE["en"] % {"month": _month_label(month, "en")}
        strings[english] = PROGRESS_TITLE[code] % {"month": _month_label(month, code)}
    for kind in EVENT_KINDS:
        for name, *_rest in ESTATES:
            strings[kind["title"]["en"] % {"estate": name}] = kind["title"][code] % {"estate": name}
        strings[kind["introduction"]["en"]] = kind["introduction"][code]
    for name, _ward, area, _description in ESTATES:
        values = {"estate": name, "area": area}
        strings[VENUE["en"] % values] = VENUE[code] % values
        strings[ADDRESS["en"] % values] = ADDRESS[code] % values
    position = LANGUAGES.index(code)
    strings.update({english: row[position] for english, row in CONTENT.items()})
    return strings


def _month_label(month: date, code: str) -> str:
    with translation.override(code):
        return formats.date_format(month, "YEAR_MONTH_FORMAT")


def _body(text: str) -> list[dict]:
    return [{"type": "text", "value": f"<p>{text}</p>"}]


def _ensure_updates(index, commitments, today) -> list[UpdatePage]:
    updates = []
    for months_ago in range(1, 7):
        month = _add_months(today, -months_ago)
        slug = f"plan-progress-{month:%Y-%m}"
        update = ensure_page(
            parent=index,
            model=UpdatePage,
            slug=slug,
            title=PROGRESS_TITLE["en"] % {"month": _month_label(month, "en")},
            introduction=PROGRESS_INTRO["en"],
            # Figures are out on the 5th of the next month; early in a month the latest
            # report is dated today, never in the future.
            date=min(_add_months(month, 1) + timedelta(days=4), today),
            body=_body(
                "Each commitment's page has the new figure, its chart and where the figure "
                "comes from. Statuses are worked out from the figures, not typed in."
            ),
        )
        _set_links(update, topics=[Topic.REPAIRS, Topic.COMPLAINTS], commitments=commitments)
        updates.append(update)
    for entry in UPDATES:
        update = ensure_page(
            parent=index,
            model=UpdatePage,
            slug=entry["slug"],
            title=entry["title"]["en"],
            introduction=entry["introduction"]["en"],
            date=today - timedelta(days=entry["days_ago"]),
            body=_body(entry["body"]),
        )
        related = {slug: commitments[slug] for slug in entry["commitments"]}
        _set_links(update, topics=entry["topics"], commitments=related)
        updates.append(update)
    return updates


AWAITING_APPROVAL = {
    "slug": "repairs-backlog-winter-plan",
    "title": "Repairs backlog: our plan for the winter",
    "introduction": "How we will keep urgent repairs moving through the cold months.",
    "body": (
        "A draft written by Comms and waiting for Comms approval, so that the dashboard shows "
        "approvers what is waiting for them. It is not published."
    ),
}


def _ensure_update_awaiting_approval(index, today) -> UpdatePage:
    """A draft update submitted to the Comms approval workflow, never published.

    The demo's admin dashboard then shows approvers something waiting for their review (and
    editors their page in moderation), as a real service's would on any weekday.
    """
    page = UpdatePage.objects.child_of(index).filter(slug=AWAITING_APPROVAL["slug"]).first()
    if page is None:
        page = index.add_child(
            instance=UpdatePage(
                slug=AWAITING_APPROVAL["slug"],
                title=AWAITING_APPROVAL["title"],
                introduction=AWAITING_APPROVAL["introduction"],
                date=today,
                body=_body(AWAITING_APPROVAL["body"]),
                live=False,
            )
        )
    if page.live or page.workflow_in_progress:
        return page
    page.save_revision()
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    return page


def _set_links(update: UpdatePage, *, topics, commitments) -> None:
    update.topics.set([UpdateTopic(topic=topic) for topic in topics])
    update.related_commitments.set(
        [UpdateRelatedCommitment(commitment=c) for c in commitments.values()]
    )
    update.save_revision().publish()


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


def _ensure_events(index, estates, today) -> list[EventPage]:
    plan = [
        # (days from today, estate, kind, hour, status, rsvp capacity)
        (-60, 0, 2, 18, EventStatus.SCHEDULED, None),
        (-30, 1, 1, 10, EventStatus.SCHEDULED, None),
        (-10, 2, 0, 18, EventStatus.SCHEDULED, 40),
        (3, 3, 0, 18, EventStatus.SCHEDULED, 40),
        (10, 4, 1, 10, EventStatus.CANCELLED, None),
        (17, 0, 0, 14, EventStatus.SCHEDULED, 30),
        (30, 1, 2, 19, EventStatus.SCHEDULED, None),
        (45, 2, 1, 10, EventStatus.POSTPONED, None),
    ]
    events = []
    for days, estate_index, kind_index, hour, status, capacity in plan:
        estate = estates[estate_index]
        kind = EVENT_KINDS[kind_index]
        day = today + timedelta(days=days)
        event = ensure_page(
            parent=index,
            model=EventPage,
            slug=f"{kind['slug']}-{estate.name.lower().replace(' ', '-')}-{day:%Y-%m-%d}",
            title=kind["title"]["en"] % {"estate": estate.name},
            introduction=kind["introduction"]["en"],
            start=_at(day, hour),
            end=_at(day, hour + 2),
            estate=estate,
            venue=VENUE["en"] % {"estate": estate.name},
            address=ADDRESS["en"] % {"estate": estate.name, "area": estate.postcode_area},
            online_url="https://meet.example.org/housing" if kind_index == 0 else "",
            status=status,
            status_note=(
                "The hall is closed for repairs. We will hold the surgery on a new date soon."
                if status != EventStatus.SCHEDULED
                else ""
            ),
            step_free_access=estate_index != 2,
            hearing_loop=kind_index != 1,
            quiet_space=kind_index == 0,
            languages="Turkish and Bengali interpreters; British Sign Language on request",
            rsvp_enabled=capacity is not None,
            capacity=capacity,
            body=_body(kind["body"]),
        )
        events.append(event)
    return events
