"""The published outcome's "you said, we did" items, linked to the analysts' themes with counts."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import services
from consultations.models import AnswerTheme, ConsultationPage, OutcomeTheme, Theme
from portal.translation import translate_instance

from .conftest import make_consultation
from .test_exactly_once import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(consultation_index, estates) -> ConsultationPage:
    page = make_consultation(
        consultation_index,
        slug="repairs",
        opens=-120,
        closes=-30,
        outcome_published_at=timezone.now() - timedelta(days=1),
        outcome_summary="<p>Most of you wanted evening slots.</p>",
    )
    return page


def _respond(page, comments: str) -> object:
    return services.submit_response(
        consultation=page,
        token=uuid.uuid4(),
        answers={**VALID, "comments": comments},
        language="en",
        submitted_at=page.opens_at + timedelta(days=1),
        check_open=False,
        send_receipt=False,
    ).response


@pytest.fixture
def coded(closed):
    """Three responses; two raise evenings (one of them twice over), one raises texts."""
    evening = Theme.objects.create(consultation=closed, name="Evenings")
    texts = Theme.objects.create(consultation=closed, name="Texts")
    first, second, third = (_respond(closed, text) for text in ("late please", "after 6", "sms"))
    for response, theme, key in [
        (first, evening, "comments"),
        (first, evening, "how.other"),  # the same response coded on two answers counts once
        (second, evening, "comments"),
        (third, texts, "comments"),
    ]:
        AnswerTheme.objects.create(theme=theme, response=response, question_id=key)
    closed.outcome_themes = [
        OutcomeTheme(
            theme=evening,
            heading="Appointments after work",
            you_said="You cannot take time off work.",
            we_did="Appointments now run until 8pm.",
        ),
        OutcomeTheme(
            theme=texts,
            heading="A reminder before the visit",
            you_said="You miss visits without a reminder.",
            we_did="We text you the day before.",
        ),
    ]
    closed.save_revision().publish()
    closed.refresh_from_db()
    return closed, evening, texts


def test_outcome_shows_each_theme_with_how_many_responses_raised_it(client, coded):
    page, _evening, _texts = coded
    html = client.get(page.get_url()).content.decode()
    assert "What you raised, and what we did" in html
    assert "Appointments after work" in html and "Appointments now run until 8pm." in html
    assert "Raised in 2 of 3 responses" in html  # distinct responses, not codings
    assert "Raised in 1 of 3 responses" in html
    assert html.index("Appointments after work") < html.index("A reminder before the visit")


def test_deleting_a_theme_keeps_the_published_words_without_a_count(client, coded):
    page, evening, _texts = coded
    evening.delete()
    html = client.get(page.get_url()).content.decode()
    assert "Appointments after work" in html
    assert "Raised in 2 of 3" not in html
    assert "Raised in 1 of 3 responses" in html


def test_outcome_items_are_translated_and_keep_their_counts(client, coded, locales):
    page, _evening, _texts = coded
    urdu = translate_instance(
        instance=page,
        locale=locales["ur"],
        strings={"Appointments after work": "کام کے بعد ملاقاتیں"},
    )
    items = list(urdu.outcome_themes.all())
    assert [item.locale.language_code for item in items] == ["ur", "ur"]
    html = client.get(urdu.get_url()).content.decode()
    assert "کام کے بعد ملاقاتیں" in html
    # Untranslated words fall back to the source; the count is the same theme's count.
    assert "We text you the day before." in html
    assert html.count("<h3") >= 2
    assert page.outcome_themes.first().theme_id == items[0].theme_id


def test_outcome_is_not_shown_before_it_is_published(client, coded):
    page, _evening, _texts = coded
    page.outcome_published_at = None
    page.save_revision().publish()
    html = client.get(page.get_url()).content.decode()
    assert "Appointments after work" not in html


def test_editors_can_only_link_this_consultations_themes(coded, consultation):
    page, evening, texts = coded
    other = Theme.objects.create(consultation=consultation, name="Another consultation’s theme")
    form_class = ConsultationPage.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=None)
    formset = form.formsets["outcome_themes"]
    for theme_form in [*formset.forms, formset.empty_form]:
        choices = set(theme_form.fields["theme"].queryset)
        assert choices == {evening, texts} and other not in choices
        assert theme_form.fields["theme"].required
