"""Staff tools in the Wagtail admin: results, free text and themes, exports, assisted entry and
erasure. Every view checks its permission (``analysis.permissions``); reads go through
``analysis`` selectors, writes through services, and every POST redirects (POST-redirect-GET).
"""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Locale

from consultations import exports, services, survey
from consultations.analysis import freetext, permissions, results
from consultations.analysis import services as analysis_services
from consultations.analysis.forms import (
    AnswerThemesForm,
    AssistedEntryForm,
    EraseConfirmForm,
    EraseLookupForm,
    ThemeForm,
)
from consultations.analysis.questions import free_text_fields, survey_questions
from consultations.models import ConsultationPage, Response, SurveySnapshot, Theme
from consultations.survey import MISSING, QuestionForm

LONDON = results.LONDON


class StaffToolView(WagtailAdminTemplateMixin, TemplateView):
    """Checks ``permission`` before anything else; loads the consultation from ``page_id``."""

    permission = permissions.VIEW
    header_icon = "form"
    consultation: ConsultationPage | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        if "page_id" in kwargs:
            page = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
            self.consultation = page.canonical()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("consultation_responses:index"), "label": _("Consultation responses")},
        ]
        if self.consultation is not None:
            items.append(
                {
                    "url": reverse("consultation_responses:results", args=[self.consultation.pk]),
                    "label": self.consultation.title,
                }
            )
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            consultation=self.consultation,
            can_export=user.has_perm(permissions.EXPORT),
            can_enter=user.has_perm(permissions.ENTER),
            can_code=user.has_perm(permissions.CODE_THEMES),
            can_erase=user.has_perm(permissions.ERASE),
        )
        return context


class IndexView(StaffToolView):
    template_name = "wagtailadmin/consultations/index.html"
    page_title = gettext_lazy("Consultation responses")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consultations"] = (
            ConsultationPage.objects.filter(locale=Locale.get_default())
            .annotate(response_count=Count("responses"))
            .order_by("-opens_at")
        )
        return context


class ResultsView(StaffToolView):
    template_name = "wagtailadmin/consultations/results.html"
    page_title = gettext_lazy("Results")

    def get_page_subtitle(self):
        """The header names the consultation, not just "Results"."""
        return self.consultation.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by = self.request.GET.get("by", "")
        counted = results.cached_results(
            consultation=self.consultation, by=by, recount="recount" in self.request.GET
        )
        context["counted"] = counted
        context["results"] = counted.results
        context["breakdown_choices"] = [
            ("", _("No breakdown")),
            ("language", _("Language")),
            ("channel", _("Channel")),
            ("estate", _("Estate")),
        ]
        titles = {
            "language": (_("Responses by language"), _("Language")),
            "channel": (_("Responses by channel"), _("Channel")),
            "estate": (_("Responses by estate"), _("Estate")),
        }
        context["breakdowns"] = [
            (*titles[by], bars) for by, bars in context["results"].breakdowns.items()
        ]
        context["over_time_chart"] = _column_chart(context["results"].over_time)
        context["themes"] = freetext.themes_with_counts(consultation=self.consultation)
        return context


def _column_chart(days: list[tuple[datetime.date, int]]) -> dict:
    """Geometry for a simple SVG column chart of responses per day (the table has the data)."""
    if not days:
        return {}
    peak = max(n for _day, n in days) or 1
    width, height, gap = 640, 160, 1
    bar = max(width / len(days) - gap, 1)
    return {
        "width": width,
        "height": height,
        "peak": peak,
        "bars": [
            {
                "x": round(i * (bar + gap), 2),
                "y": round(height - height * n / peak, 2),
                "width": round(bar, 2),
                "height": round(height * n / peak, 2),
            }
            for i, (_day, n) in enumerate(days)
        ],
    }


class FreeTextView(StaffToolView):
    template_name = "wagtailadmin/consultations/free_text.html"
    page_title = gettext_lazy("Free-text answers and themes")
    per_page = 50

    def fields(self):
        return free_text_fields(survey_questions(consultation=self.consultation))

    def selected_field(self, fields):
        key = self.request.GET.get("field") or self.request.POST.get("field") or ""
        return next((f for f in fields if f["key"] == key), fields[0] if fields else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = self.fields()
        field = self.selected_field(fields)
        search = self.request.GET.get("q", "")[:200]
        themes = list(Theme.objects.filter(consultation=self.consultation))
        theme = next((t for t in themes if str(t.pk) == self.request.GET.get("theme")), None)
        page = None
        if field is not None:
            answers = freetext.free_text_answers(
                consultation=self.consultation, key=field["key"], search=search, theme=theme
            )
            page = Paginator(answers, self.per_page).get_page(self.request.GET.get("p"))
            for response in page.object_list:
                response.theme_ids = {c.theme_id for c in response.answer_codings}
        context.update(
            fields=fields,
            field=field,
            search=search,
            themes=themes,
            selected_theme=theme,
            answers=page,
            theme_counts=freetext.themes_with_counts(consultation=self.consultation),
            theme_form=kwargs.get("theme_form") or ThemeForm(),
            query=self.request.GET.urlencode(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(permissions.CODE_THEMES):
            return permission_denied(request)
        back = f"{request.path}?{request.POST.get('query', '')}"
        if request.POST.get("action") == "add_theme":
            form = ThemeForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(theme_form=form))
            try:
                theme = analysis_services.create_theme(
                    consultation=self.consultation,
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                    user=request.user,
                )
            except analysis_services.ThemeExists:
                form.add_error("name", _("There is already a theme with this name."))
                return self.render_to_response(self.get_context_data(theme_form=form))
            messages.success(request, _("Theme “%(name)s” added.") % {"name": theme.name})
            return redirect(back)
        form = AnswerThemesForm(request.POST, consultation=self.consultation)
        fields = self.fields()
        field = self.selected_field(fields)
        if not form.is_valid() or field is None:
            messages.error(request, _("The themes could not be saved. Please try again."))
            return redirect(back)
        response = get_object_or_404(
            Response, pk=form.cleaned_data["response"], consultation=self.consultation
        )
        analysis_services.set_answer_themes(
            response=response,
            key=field["key"],
            themes=list(form.cleaned_data["themes"]),
            user=request.user,
        )
        messages.success(
            request,
            _("Themes saved for response %(reference)s.") % {"reference": response.reference},
        )
        return redirect(f"{back}#response-{response.pk}")


class ExportView(View):
    """Stream the responses as CSV or XLSX and write the export to the audit log."""

    formats = {"csv": exports.csv_response, "xlsx": exports.xlsx_response}

    def get(self, request, page_id, fmt):
        if not request.user.has_perm(permissions.EXPORT):
            return permission_denied(request)
        if fmt not in self.formats:
            return redirect("consultation_responses:results", page_id)
        page = get_object_or_404(ConsultationPage, pk=page_id).canonical()
        export = exports.build_export(consultation=page)
        log(
            instance=page,
            action="consultations.export",
            user=request.user,
            data={"format": fmt, "responses": Response.objects.filter(consultation=page).count()},
        )
        return self.formats[fmt](export)


class AssistedEntryView(StaffToolView):
    """Type in a paper, phone or event response, checked by the same rules as the online form."""

    permission = permissions.ENTER
    template_name = "wagtailadmin/consultations/enter.html"
    page_title = gettext_lazy("Enter a paper, phone or event response")

    def snapshot(self) -> SurveySnapshot | None:
        if not self.consultation.survey:
            return None
        return services.snapshot_survey(consultation=self.consultation)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshot = kwargs.get("snapshot", MISSING)
        if snapshot is MISSING:
            snapshot = self.snapshot()
        form = kwargs.get("form") or AssistedEntryForm(
            initial={"token": uuid.uuid4(), "channel": "paper", "language": "en"}
        )
        question_forms = kwargs.get("question_forms")
        if snapshot is not None and question_forms is None:
            estates = services.estates_for(snapshot.definition)
            question_forms = [QuestionForm(q, estates=estates) for q in snapshot.questions()]
        context.update(
            form=form,
            snapshot=snapshot,
            widgets=[_widget(f) for f in question_forms or []],
            stored=Response.objects.filter(
                consultation=self.consultation, reference=self.request.GET.get("stored", "")
            ).first(),
        )
        return context

    def post(self, request, *args, **kwargs):
        snapshot = self.snapshot()
        if snapshot is None:
            return redirect(request.path)
        definition = snapshot.definition
        estates = services.estates_for(definition)
        form = AssistedEntryForm(request.POST)
        question_forms = [
            QuestionForm(q, data=request.POST, estates=estates) for q in snapshot.questions()
        ]
        valid = {f.question["id"]: f.is_valid() for f in question_forms}
        answers = {}
        for question_form in question_forms:
            if valid[question_form.question["id"]] and question_form.value is not MISSING:
                answers[question_form.question["id"]] = question_form.value
                if question_form.other:
                    answers[f"{question_form.question['id']}.other"] = question_form.other
        visible = {
            q["id"]
            for q in survey.visible_questions(
                definition, answers, respondent_type=request.POST.get("respondent_type", "")
            )
        }
        # A question hidden by its condition is not asked, so its errors do not count.
        for question_form in question_forms:
            if question_form.question["id"] not in visible:
                question_form.error = ""
        has_errors = any(f.error for f in question_forms)
        if not form.is_valid() or has_errors:
            return self.invalid(form, snapshot, question_forms)
        data = form.cleaned_data
        received = datetime.datetime.combine(data["received_on"], datetime.time(12), LONDON)
        try:
            submission = services.submit_response(
                consultation=self.consultation,
                token=data["token"],
                answers={k: v for k, v in answers.items() if k.split(".")[0] in visible},
                language=data["language"],
                channel=data["channel"],
                respondent_type=data["respondent_type"],
                details={
                    "name": data["name"],
                    "email": data["email"],
                    "address": data["address"],
                    "wants_updates": data["wants_updates"],
                },
                entered_by=request.user,
                submitted_at=received,
                check_open=False,
                send_receipt=False,
            )
        except services.SurveyInvalid as invalid:
            for question_form in question_forms:
                question_form.error = invalid.errors.get(question_form.question["id"], "")
            return self.invalid(form, snapshot, question_forms)
        reference = submission.response.reference
        if submission.created:
            messages.success(
                request,
                _("Response stored with reference %(reference)s.") % {"reference": reference},
            )
        return redirect(f"{request.path}?{urlencode({'stored': reference})}")

    def invalid(self, form, snapshot, question_forms):
        messages.error(self.request, _("The response has not been stored. Check the answers."))
        context = self.get_context_data(form=form, snapshot=snapshot, question_forms=question_forms)
        return self.render_to_response(context)


def _widget(question_form: QuestionForm) -> dict:
    """What the entry template needs to draw one question, with what was entered so far."""
    question = question_form.question
    shown = question_form.shown()
    qtype = question["type"]
    name = question_form.name
    widget = {
        "question": question,
        "name": name,
        "error": question_form.error,
        "type": qtype,
        "value": shown.get("value", ""),
        "other": shown.get("other", ""),
        "allow_other": bool(question.get("allow_other")),
    }
    chosen = set(shown.get("values", [])) if qtype == "multiple_choice" else {shown.get("value")}
    if qtype == "matrix":
        given = shown.get("rows", {})
        widget["rows"] = [
            {
                "label": row["label"],
                "name": f"{name}-{row['value']}",
                "options": [
                    {
                        "value": c["value"],
                        "label": c["label"],
                        "checked": given.get(row["value"]) == c["value"],
                    }
                    for c in question["columns"]
                ],
            }
            for row in question["rows"]
        ]
    elif qtype == "ranking":
        ranks = shown.get("ranks", {})
        widget["ranks"] = [
            {
                "label": o["label"],
                "name": f"{name}-{o['value']}",
                "value": ranks.get(o["value"], ""),
            }
            for o in question["options"]
        ]
    elif qtype == "date":
        widget["date"] = [
            (part, label, shown.get(part, ""))
            for part, label in (("day", _("Day")), ("month", _("Month")), ("year", _("Year")))
        ]
    elif qtype != "consent":
        widget["options"] = [
            {"value": value, "label": label, "checked": value in chosen}
            for value, label in survey.options(question, question_form.estates)
        ]
    return widget


class EraseView(StaffToolView):
    """Find a respondent by reference or email and erase their personal data."""

    permission = permissions.ERASE
    template_name = "wagtailadmin/consultations/erase.html"
    page_title = gettext_lazy("Erase a respondent’s data")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("consultation_responses:index"), "label": _("Consultation responses")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lookup = EraseLookupForm(self.request.GET or None)
        matches = []
        if lookup.is_valid():
            term = lookup.cleaned_data["q"].strip()
            matches = list(
                Response.objects.filter(
                    Q(reference__iexact=term.upper()) | Q(details__email__iexact=term)
                )
                .select_related("consultation", "details")
                .order_by("-submitted_at")[:50]
            )
        context.update(lookup=lookup, matches=matches, confirm=EraseConfirmForm())
        return context

    def post(self, request, *args, **kwargs):
        form = EraseConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a response to erase."))
            return redirect(request.path)
        response = get_object_or_404(Response, pk=form.cleaned_data["response"])
        analysis_services.erase_respondent_data(
            response=response,
            erase_answers=form.cleaned_data["erase_answers"],
            user=request.user,
        )
        messages.success(
            request,
            _("Personal data for response %(reference)s has been erased.")
            % {"reference": response.reference},
        )
        return redirect(request.path)
