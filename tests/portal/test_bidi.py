"""Mixed-direction text is isolated: names, emails, phone numbers, addresses and figures keep
their own direction inside Urdu pages, so punctuation lands at the right end."""

import pytest
from django.template import Context, Template
from wagtail.models import Locale

from news.models import CommitmentPage, EventPage
from portal.translation import isolate_ltr_runs

pytestmark = pytest.mark.django_db


def test_bdi_filter_escapes_and_leaves_empty_values_empty():
    template = Template("{% load bidi %}[{{ name|bdi }}][{{ empty|bdi }}]")
    rendered = template.render(Context({"name": "Tom <b>Bennett</b>", "empty": ""}))
    assert rendered == "[<bdi>Tom &lt;b&gt;Bennett&lt;/b&gt;</bdi>][]"


def test_isolate_ltr_runs_wraps_english_runs_but_not_markup_or_bare_numbers():
    text = 'דעם Service (EASS). <a id="a1">dpo@example.org</a> 25 ביז 44, E8 1DY'
    assert isolate_ltr_runs(text) == (
        "דעם \u2066Service (EASS)\u2069. "
        '<a id="a1">\u2066dpo@example.org\u2069</a> 25 ביז 44, \u2066E8 1DY\u2069'
    )
    assert isolate_ltr_runs(isolate_ltr_runs(text)) == isolate_ltr_runs(text)


def test_urdu_pages_isolate_names_contacts_addresses_and_figures(demo_content, client):
    urdu = Locale.objects.get(language_code="ur")

    def page(path):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert 'lang="ur" dir="rtl"' in html
        return html

    members = page("/ur/housing-advisory-panel/members/")
    # The heading, and the past members' list where a comma follows the name.
    assert "<bdi>Dr Amara Okafor</bdi>" in members
    assert "<li><bdi>Jan Kowalski</bdi>," in members

    meeting = page("/ur/housing-advisory-panel/meetings/meeting-3-damp-and-mould/")
    assert "<bdi>Tom Bennett</bdi>" in meeting  # agenda presenter, inside a translated sentence
    assert "<li><bdi>Mehmet Yilmaz</bdi>," in meeting  # attendance

    consultation = page("/ur/consultations/draft-resident-engagement-strategy/")
    assert "<bdi>engagement@example.org</bdi>" in consultation
    assert "<bdi>020 8356 3000</bdi>" in consultation

    event = EventPage.objects.filter(locale=urdu).order_by("start").first()
    assert f"<bdi>{event.estate.name}</bdi>" in page(event.url)  # "… estate", translated

    # English runs inside translated content carry Unicode isolates, so in Yiddish the closing
    # bracket and the full stop after "(EASS)" stay where a reader of the sentence expects them.
    statement = client.get("/yi/accessibility/").content.decode()
    assert "\u2066Equality Advisory and Support Service (EASS)\u2069." in statement
    assert "\u2066Equality Advisory and Support Service (EASS)\u2069" in page("/ur/accessibility/")

    commitment = CommitmentPage.objects.get(locale=urdu, slug="clear-the-repairs-backlog")
    # A figure with its Urdu unit, its digits grouped as Urdu writes them (portal/formats/ur).
    assert "<bdi>6,200 مرمتیں</bdi>" in page(commitment.url)
