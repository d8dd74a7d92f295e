"""The shared error summary and pagination, as every feature renders them."""

from django import forms
from django.core.paginator import Paginator
from django.template import Context, Template
from django.utils import translation


def render(source: str, **context) -> str:
    return Template("{% load portal_components %}" + source).render(Context(context))


class ContactForm(forms.Form):
    name = forms.CharField()
    reply = forms.ChoiceField(
        choices=[("post", "Post"), ("email", "Email")], widget=forms.RadioSelect
    )

    def clean(self):
        raise forms.ValidationError("Something is wrong with the whole form.")


def test_error_summary_links_each_form_error_to_its_field():
    form = ContactForm(data={})
    html = render("{% error_summary form=form %}", form=form)
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert '<a href="#id_name">Something is wrong with the whole form.</a>' in html
    assert '<a href="#id_name">This field is required.</a>' in html
    # A group of radios is reached through its first choice.
    assert '<a href="#id_reply_0">This field is required.</a>' in html
    assert html.count("<li>") == 3


def test_error_summary_takes_listed_errors_and_a_translated_title():
    html = render(
        '{% error_summary errors=errors form_error="Start again." title=_("Error:") %}',
        errors=[
            {"anchor": "q-years", "error": "Enter a number."},
            {
                "key": "Your estate",
                "change": "/respond/estate/?return=check",
                "error": "Select one.",
            },
        ],
    )
    assert '<a href="#submit">Start again.</a>' in html
    assert '<a href="#q-years">Enter a number.</a>' in html
    assert '<a href="/respond/estate/?return=check">Your estate: Select one.</a>' in html
    with translation.override("ur"):
        html = render("{% error_summary errors=message anchor='email' %}", message="<b>No</b>")
    assert "ایک مسئلہ ہے" in html  # "There is a problem"
    assert '<a href="#email">&lt;b&gt;No&lt;/b&gt;</a>' in html


def test_error_summary_is_absent_without_errors():
    assert render("{% error_summary form=form errors=errors %}", form=None, errors={}).strip() == ""


def test_pagination_keeps_the_query_and_says_where_the_reader_is():
    page = Paginator(range(30), 10).page(2)
    html = render('{% pagination page query="topic=repairs&when=past" %}', page=page)
    assert 'href="?topic=repairs&amp;when=past&amp;page=1" rel="prev"' in html
    assert 'href="?topic=repairs&amp;when=past&amp;page=3" rel="next"' in html
    assert 'aria-label="Page 2 of 3" aria-current="page"' in html
    assert 'Previous<span class="govuk-visually-hidden"> page</span>' in html
    assert 'Next<span class="govuk-visually-hidden"> page</span>' in html
    assert "govuk-pagination__icon--prev" in html and "govuk-pagination__icon--next" in html


def test_pagination_elides_distant_pages_and_hides_without_other_pages():
    html = render("{% pagination page %}", page=Paginator(range(200), 10).page(10))
    assert 'href="?page=1"' in html and 'href="?page=20"' in html
    assert 'href="?page=8"' in html and 'href="?page=12"' in html
    assert 'href="?page=5"' not in html and "govuk-pagination__item--ellipses" in html
    assert "govuk-pagination" not in render(
        "{% pagination page %}", page=Paginator([1], 10).page(1)
    )
    assert "govuk-pagination" not in render("{% pagination missing %}")
