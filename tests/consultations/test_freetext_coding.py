"""Theme coding at scale through the admin views: groups, bulk coding, suggestions, references."""

import json
import random
import uuid

import pytest
from django.urls import reverse

from consultations.analysis import similarity
from consultations.models import AnswerTheme, DismissedSuggestion, Response, Theme
from portal.roles import COMMS_EDITORS
from tests.consultations.test_admin import staff
from tests.consultations.test_analysis import answers, respond

pytestmark = pytest.mark.django_db
LIFTS = "The lifts in our block are broken again, please fix them!"
TOPICS = [
    "boiler heating repairs winter cold radiator engineer visit",
    "bins rubbish collection smell foxes recycling landing",
    "evening meetings weekend times work childcare online",
    "noise neighbours night music complaint walls",
    "damp mould bathroom windows condensation children",
]


def many_answers(consultation, *, total=1000, identical=100, seed=7):
    """``total`` responses to "comments": ``identical`` of them the same campaign words."""
    snapshot = respond(consultation, comments="First answer about the estate office").snapshot
    rnd = random.Random(seed)
    rows = []
    for n in range(total - 1):
        if n < identical:
            text = LIFTS
        else:
            words = rnd.choice(TOPICS).split()
            text = " ".join(rnd.sample(words, 4) + [f"note{n}"])
        rows.append(
            Response(
                consultation=consultation,
                snapshot=snapshot,
                token=uuid.uuid4(),
                language="en",
                answers=answers(comments=text),
            )
        )
    Response.objects.bulk_create(rows, batch_size=500)
    return consultation


def free_text_url(page):
    return reverse("consultation_responses:free_text", args=[page.pk])


def test_one_action_codes_all_100_identical_answers_among_1000(client, consultation, coder):
    many_answers(consultation)
    lifts = Theme.objects.create(consultation=consultation, name="Lifts")
    url = free_text_url(consultation)
    page = client.get(f"{url}?field=comments&view=groups").content.decode()
    # Shown once with its count and flagged, not a hundred times.
    assert page.count(LIFTS) == 1
    assert "100 answers" in page and "Possible campaign" in page
    group = next(
        g
        for g in similarity.group_answers(
            Response.objects.filter(consultation=consultation).values_list(
                "id", "answers__comments"
            )
        )
        if g.count == 100
    )
    response = client.post(
        url,
        {
            "action": "code",
            "scope": "group",
            "group": group.key,
            "field": "comments",
            "themes": [lifts.pk],
            "operation": "add",
            "query": "field=comments&view=groups",
        },
    )
    assert response.status_code == 302
    coded = AnswerTheme.objects.filter(theme=lifts, question_id="comments")
    assert coded.count() == 100
    assert set(coded.values_list("response__answers__comments", flat=True)) == {LIFTS}
    assert "“Lifts” added to 100 answers." in client.get(response["Location"]).content.decode()


def test_every_answer_matching_a_search_is_coded_in_one_request_answered_in_json(
    client, consultation, coder
):
    many_answers(consultation, total=300, identical=40)
    lifts = Theme.objects.create(consultation=consultation, name="Lifts")
    response = client.post(
        free_text_url(consultation),
        {
            "action": "code",
            "scope": "matching",
            "field": "comments",
            "themes": [lifts.pk],
            "operation": "add",
            "query": "field=comments&q=lifts",
        },
        headers={"Accept": "application/json"},
    )
    reply = json.loads(response.content)
    assert reply["message"] == "“Lifts” added to 40 answers."
    assert reply["counts"][str(lifts.pk)] == 40
    assert all(themes == [lifts.pk] for themes in reply["answers"].values())
    assert AnswerTheme.objects.filter(theme=lifts).count() == 40
    # Removing is the same action the other way, and again idempotent.
    client.post(
        free_text_url(consultation),
        {
            "action": "code",
            "scope": "matching",
            "field": "comments",
            "themes": [lifts.pk],
            "operation": "remove",
            "query": "field=comments&q=LIFTS",
        },
    )
    assert not AnswerTheme.objects.filter(theme=lifts).exists()


def test_only_the_ticked_answers_are_coded_and_unknown_ids_are_ignored(client, consultation, coder):
    mine = [respond(consultation, comments=f"Answer {n}") for n in range(3)]
    repairs = Theme.objects.create(consultation=consultation, name="Repairs")
    url = free_text_url(consultation)
    # No answer ticked: the reason is next to the buttons and nothing is coded.
    page = client.post(
        url,
        {"action": "code", "scope": "selected", "field": "comments", "themes": [repairs.pk]},
    ).content.decode()
    assert "Tick at least one answer" in page
    client.post(
        url,
        {
            "action": "code",
            "scope": "selected",
            "field": "comments",
            "themes": [repairs.pk],
            "operation": "add",
            "selected": [mine[0].pk, mine[2].pk, 999999],
        },
    )
    assert set(AnswerTheme.objects.values_list("response_id", flat=True)) == {
        mine[0].pk,
        mine[2].pk,
    }
    listed = client.get(f"{url}?field=comments").content.decode()
    assert 'form="bulk-coding" name="selected"' in listed


def test_a_partial_reference_finds_the_response(client, consultation, coder):
    wanted = respond(consultation, comments="Please call me back")
    respond(consultation, comments="Another answer")
    url = free_text_url(consultation)
    for part in (
        wanted.reference[:4],
        wanted.reference[-4:].lower(),
        wanted.reference.replace("-", ""),
    ):
        page = client.get(f"{url}?field=comments&q={part}").content.decode()
        assert "Please call me back" in page, part
        assert "Another answer" not in page, part


def test_suggested_themes_are_coded_only_when_an_analyst_accepts(client, consultation, coder):
    many_answers(consultation, total=200, identical=0)
    url = reverse("consultation_responses:suggestions", args=[consultation.pk])
    page = client.get(f"{url}?field=comments&language=en").content.decode()
    assert not AnswerTheme.objects.exists(), "suggesting codes nothing"
    suggestions = similarity.suggest_themes(
        Response.objects.filter(consultation=consultation).values_list("id", "answers__comments")
    )
    assert len(suggestions) >= 4
    first, second, third = suggestions[:3]
    assert all(word in page for word in first.words)
    assert first.sample[0] in page
    # Accept under a new name (a rename).
    client.post(
        url,
        {
            "field": "comments",
            "language": "en",
            "accept": first.signature,
            f"name-{first.signature}": "Heating and repairs",
        },
    )
    theme = Theme.objects.get(name="Heating and repairs")
    assert AnswerTheme.objects.filter(theme=theme).count() == first.count
    # Reject: hidden, nothing coded.
    client.post(url, {"field": "comments", "language": "en", "reject": second.signature})
    assert DismissedSuggestion.objects.filter(signature=second.signature).exists()
    after = client.get(f"{url}?field=comments&language=en").content.decode()
    assert second.signature not in after and first.signature not in after
    assert AnswerTheme.objects.count() == first.count
    # Merge two into one theme.
    remaining = [
        s
        for s in similarity.suggest_themes(
            Response.objects.filter(consultation=consultation)
            .exclude(codings__isnull=False)
            .values_list("id", "answers__comments")
        )
        if s.signature != second.signature
    ]
    a, b = remaining[:2]
    page = client.post(
        url,
        {
            "field": "comments",
            "language": "en",
            "merge": "1",
            "chosen": [a.signature],
            "merge_name": "Estate life",
        },
    )
    assert "Tick at least two suggestions to merge." in page.content.decode()
    client.post(
        url,
        {
            "field": "comments",
            "language": "en",
            "merge": "1",
            "chosen": [a.signature, b.signature],
            "merge_name": "Estate life",
        },
    )
    merged = Theme.objects.get(name="Estate life")
    assert AnswerTheme.objects.filter(theme=merged).count() == a.count + b.count
    assert third  # three or more suggestions were offered


def test_remembered_suggestions_hold_no_answer_text_and_follow_erasure(consultation):
    """Suggested themes are remembered between an analyst's decisions; what is remembered holds
    no answer, and an erased answer is gone from the samples at once."""
    from django.core.cache import caches

    from consultations.analysis import freetext
    from consultations.analysis import services as analysis_services

    many_answers(consultation, total=200, identical=0)
    first = freetext.suggested_themes(consultation=consultation, key="comments", language="en")
    assert first and first == freetext.suggested_themes(
        consultation=consultation, key="comments", language="en"
    )
    answers = freetext.answer_texts(
        consultation=consultation, key="comments", language="en", uncoded=True
    )
    remembered = caches["results"].get(
        freetext.suggestions_cache_key(consultation, "comments", "en", answers)
    )
    assert remembered, "the suggestions were not remembered"
    stored = repr(remembered)
    assert not any(text in stored for _pk, text in answers), "an answer's text was remembered"

    sampled = Response.objects.get(pk=first[0].sample_ids[0])
    erased_text = sampled.answers["comments"]
    analysis_services.erase_respondent_data(response=sampled, erase_answers=True)
    again = freetext.suggested_themes(consultation=consultation, key="comments", language="en")
    assert erased_text not in [text for s in again for text in s.sample]
    assert all(sampled.pk not in s.response_ids for s in again)


def test_near_identical_wordings_join_one_group():
    groups = similarity.group_answers(
        [
            (1, LIFTS),
            (2, "the lifts in our block are broken again please fix them"),
            (3, "The lifts in our block are broken again, please fix it!"),
            (4, "Bins are never collected on time"),
        ]
    )
    assert [(g.response_ids, g.variants, g.campaign) for g in groups] == [([1, 2, 3], 2, False)]


def test_suggested_themes_on_the_demo_consultations_free_text_questions(
    demo_content, client, coder
):
    from consultations.analysis import freetext
    from consultations.analysis.questions import free_text_fields, survey_questions
    from consultations.models import ConsultationPage

    coded_by_the_demo = AnswerTheme.objects.count()  # the demo's closed consultation is coded
    offered = 0
    for page in ConsultationPage.objects.filter(responses__isnull=False).distinct():
        url = reverse("consultation_responses:suggestions", args=[page.pk])
        for field in free_text_fields(survey_questions(consultation=page)):
            for language, _count in freetext.answer_languages(consultation=page, key=field["key"]):
                shown = client.get(f"{url}?field={field['key']}&language={language}")
                assert shown.status_code == 200
                for suggestion in shown.context["suggestions"]:
                    offered += 1
                    assert suggestion.words and suggestion.sample
                    assert suggestion.signature in shown.content.decode()
    assert offered, "the demo's free-text answers give at least one suggestion"
    assert AnswerTheme.objects.count() == coded_by_the_demo, "suggestions alone code nothing"


@pytest.mark.parametrize("role", [None, COMMS_EDITORS])
def test_residents_and_editors_cannot_reach_suggestions_or_code_in_bulk(client, consultation, role):
    respond(consultation, comments=LIFTS)
    theme = Theme.objects.create(consultation=consultation, name="Lifts")
    client.force_login(staff(f"user-{role}", role))
    suggestions = reverse("consultation_responses:suggestions", args=[consultation.pk])
    export_page = reverse("consultation_responses:export_page", args=[consultation.pk])
    for url in (suggestions, export_page):
        assert client.get(url).status_code == 302
    client.post(
        free_text_url(consultation),
        {"action": "code", "scope": "matching", "field": "comments", "themes": [theme.pk]},
    )
    assert not AnswerTheme.objects.exists()
    assert client.post(export_page, {"format": "csv"}).status_code == 302
