"""The analysts' tools in the Wagtail admin: results, free text and themes, exports, assisted
entry and erasure, served by ``viewsets.AnalysisViewSet``. Every view checks its permission
(``analysis.permissions``); reads go through ``analysis`` selectors, writes through services, and
every POST redirects (POST-redirect-GET).
"""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Locale

from consultations import exports, questions, services, survey
from consultations.analysis import freetext, permissions, results, similarity
from consultations.analysis import services as analysis_services
from consultations.analysis.forms import (
    AnswerThemesForm,
    AssistedEntryForm,
    BulkCodingForm,
    EraseConfirmForm,
    EraseLookupForm,
    ExportForm,
    ThemeForm,
)
from consultations.analysis.questions import free_text_fields, survey_questions
from consultations.models import (
    AnswerTheme,
    ConsultationPage,
    DismissedSuggestion,
    Response,
    SurveySnapshot,
    Theme,
)
from consultations.survey import MISSING, QuestionForm
from portal import audit

LONDON = results.LONDON


class StaffToolView(WagtailAdminTemplateMixin, TemplateView):
    """Checks ``permission`` before anything else; loads the consultation from ``page_id``."""

    permission = permissions.VIEW
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


def wants_json(request) -> bool:
    """The coding screen's script asks for JSON; without JavaScript the browser gets a page."""
    return "application/json" in request.headers.get("Accept", "")


class FreeTextView(StaffToolView):
    """Read, search and code free-text answers, one by one, in bulk, or a group at a time.

    ``?view=groups`` shows identical and near-identical answers once each, with their count.
    Every coding POST answers JSON to the page's script (no reload) and redirects otherwise.
    """

    template_name = "wagtailadmin/consultations/free_text.html"
    page_title = gettext_lazy("Free-text answers and themes")
    per_page = 50
    groups_per_page = 20

    def fields(self):
        return free_text_fields(survey_questions(consultation=self.consultation))

    def selected_field(self, fields):
        key = self.request.GET.get("field") or self.request.POST.get("field") or ""
        return next((f for f in fields if f["key"] == key), fields[0] if fields else None)

    def filters(self, data, themes):
        """The search and theme filter, from the query string or the POSTed copy of it."""
        search = data.get("q", "")[:200]
        theme = next((t for t in themes if str(t.pk) == data.get("theme")), None)
        return search, theme

    def matching(self, field, data, themes):
        search, theme = self.filters(data, themes)
        return freetext.free_text_answers(
            consultation=self.consultation, key=field["key"], search=search, theme=theme
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = self.fields()
        field = self.selected_field(fields)
        themes = list(Theme.objects.filter(consultation=self.consultation))
        search, theme = self.filters(self.request.GET, themes)
        grouped = self.request.GET.get("view") == "groups"
        page = groups = None
        if field is not None and grouped:
            answers = self.matching(field, self.request.GET, themes)
            found = similarity.group_answers(
                answers.prefetch_related(None).values_list("id", "text")
            )
            groups = Paginator(found, self.groups_per_page).get_page(self.request.GET.get("p"))
        elif field is not None:
            answers = self.matching(field, self.request.GET, themes)
            page = Paginator(answers, self.per_page).get_page(self.request.GET.get("p"))
            for response in page.object_list:
                response.theme_ids = {c.theme_id for c in response.answer_codings}
        context.update(
            fields=fields,
            field=field,
            search=search,
            themes=themes,
            selected_theme=theme,
            grouped=grouped,
            answers=page,
            groups=groups,
            campaign_size=similarity.CAMPAIGN_SIZE,
            theme_counts=freetext.themes_with_counts(consultation=self.consultation),
            theme_form=kwargs.get("theme_form") or ThemeForm(),
            bulk_form=kwargs.get("bulk_form") or BulkCodingForm(consultation=self.consultation),
            query=self.request.GET.urlencode(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(permissions.CODE_THEMES):
            return permission_denied(request)
        back = f"{request.path}?{request.POST.get('query', '')}"
        action = request.POST.get("action")
        if action == "add_theme":
            return self.add_theme(back)
        fields = self.fields()
        field = self.selected_field(fields)
        if field is None:
            return redirect(back)
        if action == "code":
            return self.code_many(field, back)
        return self.code_one(field, back)

    def add_theme(self, back):
        form = ThemeForm(self.request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(theme_form=form))
        try:
            theme = analysis_services.create_theme(
                consultation=self.consultation,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                user=self.request.user,
            )
        except analysis_services.ThemeExists:
            form.add_error("name", _("There is already a theme with this name."))
            return self.render_to_response(self.get_context_data(theme_form=form))
        messages.success(self.request, _("Theme “%(name)s” added.") % {"name": theme.name})
        return redirect(back)

    def code_one(self, field, back):
        request = self.request
        form = AnswerThemesForm(request.POST, consultation=self.consultation)
        if not form.is_valid():
            return self.coding_failed(back, _("The themes could not be saved. Please try again."))
        response = get_object_or_404(
            Response, pk=form.cleaned_data["response"], consultation=self.consultation
        )
        analysis_services.set_answer_themes(
            response=response,
            key=field["key"],
            themes=list(form.cleaned_data["themes"]),
            user=request.user,
        )
        message = _("Themes saved for response %(reference)s.") % {"reference": response.reference}
        return self.coded(field, [response.pk], message, f"{back}#response-{response.pk}")

    def code_many(self, field, back):
        request = self.request
        themes = list(Theme.objects.filter(consultation=self.consultation))
        form = BulkCodingForm(request.POST, consultation=self.consultation)
        if not form.is_valid():
            if wants_json(request):
                errors = [str(e) for errors in form.errors.values() for e in errors]
                return JsonResponse(
                    {"message": " ".join(errors), "errors": form.errors}, status=400
                )
            return self.render_to_response(self.get_context_data(bulk_form=form))
        data = form.cleaned_data
        scope = data["scope"]
        # The same filters as the page the analyst saw, sent back as ``query``.
        shown = QueryDict(request.POST.get("query", ""))
        if scope == "matching":
            ids = list(self.matching(field, shown, themes).values_list("id", flat=True))
        elif scope == "group":
            found = similarity.group_answers(
                self.matching(field, shown, themes).prefetch_related(None).values_list("id", "text")
            )
            group = next((g for g in found if g.key == data["group"]), None)
            if group is None:
                return self.coding_failed(
                    back, _("That group has changed since the page was shown. Please look again.")
                )
            ids = group.response_ids
        else:
            ids = data["selected"]
        chosen = list(data["themes"])
        adding = data["operation"] == "add"
        count = analysis_services.code_answers(
            consultation=self.consultation,
            key=field["key"],
            response_ids=ids,
            add=chosen if adding else [],
            remove=[] if adding else chosen,
            user=request.user,
        )
        names = ", ".join(t.name for t in chosen)
        if adding:
            message = ngettext(
                "“%(themes)s” added to %(count)s answer.",
                "“%(themes)s” added to %(count)s answers.",
                count,
            ) % {"themes": names, "count": count}
        else:
            message = ngettext(
                "“%(themes)s” removed from %(count)s answer.",
                "“%(themes)s” removed from %(count)s answers.",
                count,
            ) % {"themes": names, "count": count}
        return self.coded(field, ids, message, back)

    def coded(self, field, ids, message, back):
        """Tell the page's script what each coded answer's themes now are, or redirect."""
        if not wants_json(self.request):
            messages.success(self.request, message)
            return redirect(back)
        codings: dict[str, list[int]] = {str(pk): [] for pk in ids[:1000]}
        for response_id, theme_id in AnswerTheme.objects.filter(
            response_id__in=ids[:1000], question_id=field["key"]
        ).values_list("response_id", "theme_id"):
            codings[str(response_id)].append(theme_id)
        counts = {
            str(t.pk): t.answers
            for t in freetext.themes_with_counts(consultation=self.consultation)
        }
        return JsonResponse({"message": message, "answers": codings, "counts": counts})

    def coding_failed(self, back, message):
        if wants_json(self.request):
            return JsonResponse({"message": message}, status=400)
        messages.error(self.request, message)
        return redirect(back)


class SuggestionsView(StaffToolView):
    """Suggested themes per free-text question and language, for an analyst to decide on.

    Accepting codes the suggestion's answers with a theme (named as the analyst chose; an
    existing name merges into that theme), merging accepts several as one theme, and rejecting
    hides a suggestion. Nothing is coded until an analyst chooses.
    """

    template_name = "wagtailadmin/consultations/suggestions.html"
    page_title = gettext_lazy("Suggested themes")

    def choice(self, data):
        fields = free_text_fields(survey_questions(consultation=self.consultation))
        key = data.get("field", "")
        field = next((f for f in fields if f["key"] == key), fields[0] if fields else None)
        languages = (
            freetext.answer_languages(consultation=self.consultation, key=field["key"])
            if field
            else []
        )
        language = data.get("language", "")
        if language not in {code for code, _n in languages}:
            language = languages[0][0] if languages else ""
        return fields, field, languages, language

    def suggestions(self, field, language):
        if field is None or not language:
            return []
        found = freetext.suggested_themes(
            consultation=self.consultation, key=field["key"], language=language
        )
        dismissed = set(
            DismissedSuggestion.objects.filter(
                consultation=self.consultation, question_id=field["key"]
            ).values_list("signature", flat=True)
        )
        return [s for s in found if s.signature not in dismissed]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        fields, field, languages, language = self.choice(data)
        language_names = dict(settings.LANGUAGES)
        errors = kwargs.get("errors", {})
        suggestions = self.suggestions(field, language)
        for suggestion in suggestions:
            suggestion.error = errors.get(suggestion.signature, "")
            suggestion.typed = data.get(f"name-{suggestion.signature}", suggestion.name)
        context.update(
            fields=fields,
            field=field,
            languages=[(code, language_names.get(code, code), n) for code, n in languages],
            language=language,
            suggestions=suggestions,
            errors=errors,
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(permissions.CODE_THEMES):
            return permission_denied(request)
        fields, field, languages, language = self.choice(request.POST)
        if field is None:
            return redirect(request.path)
        shown = {"field": field["key"] if field else "", "language": language}
        back = f"{request.path}?{urlencode(shown)}"
        by_signature = {s.signature: s for s in self.suggestions(field, language)}
        if "reject" in request.POST:
            signature = request.POST["reject"]
            if signature in by_signature:
                analysis_services.dismiss_suggestion(
                    consultation=self.consultation,
                    key=field["key"],
                    signature=signature,
                    user=request.user,
                )
                messages.success(request, _("Suggestion rejected: nothing was coded."))
            return redirect(back)
        if "merge" in request.POST:
            chosen = [by_signature[s] for s in request.POST.getlist("chosen") if s in by_signature]
            name = request.POST.get("merge_name", "")
            error_key = "merge"
            error = _("Tick at least two suggestions to merge.") if len(chosen) < 2 else None
        else:
            signature = request.POST.get("accept", "")
            chosen = [by_signature[signature]] if signature in by_signature else []
            name = request.POST.get(f"name-{signature}", "")
            error_key = signature
            error = None if chosen else _("The suggestions have changed. Please look again.")
        name = " ".join(name.split())[:100]
        if error is None and not name:
            error = _("Give the theme a name.")
        if error:
            messages.error(request, error)
            return self.render_to_response(self.get_context_data(errors={error_key: error}))
        theme, created = analysis_services.accept_suggestion(
            consultation=self.consultation,
            key=field["key"],
            name=name,
            response_ids=[pk for s in chosen for pk in s.response_ids],
            user=request.user,
        )
        count = sum(s.count for s in chosen)
        messages.success(
            request,
            ngettext(
                "%(count)s answer coded with “%(theme)s”.",
                "%(count)s answers coded with “%(theme)s”.",
                count,
            )
            % {"count": count, "theme": theme.name},
        )
        return redirect(back)


class ExportPageView(StaffToolView):
    """Choose a format and whether special category data goes in; then download the file.

    The page says what personal data the file holds. Equality-monitoring answers are left out
    unless the analyst ticks for them and gives a reason, which is logged with the export.
    """

    permission = permissions.EXPORT
    template_name = "wagtailadmin/consultations/export.html"
    page_title = gettext_lazy("Export responses")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=kwargs.get("form") or ExportForm(),
            special_category=exports.special_category_labels(self.consultation),
            response_count=Response.objects.filter(consultation=self.consultation).count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ExportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        return export_file(
            request,
            self.consultation,
            data["format"],
            include_special_category=data["include_special_category"],
            reason=data["reason"] if data["include_special_category"] else "",
        )


EXPORT_FORMATS = {"csv": exports.csv_response, "xlsx": exports.xlsx_response}


def export_file(request, page, fmt, *, include_special_category=False, reason=""):
    """Stream the export and write it, with any special category reason, to the audit log."""
    export = exports.build_export(
        consultation=page, include_special_category=include_special_category
    )
    data = {"format": fmt, "responses": Response.objects.filter(consultation=page).count()}
    if include_special_category:
        data |= {"special_category": True, "reason": reason}
    log(instance=page, action="consultations.export", user=request.user, data=data)
    # The security log holds the facts, not the analyst's free-text reason (the page's history
    # has that): which consultation, how many responses, and whether special category data left.
    audit.record(
        audit.Action.PERSONAL_DATA_EXPORTED,
        user=request.user,
        request=request,
        kind="consultation_responses",
        format=fmt,
        rows=data["responses"],
        consultation=page.pk,
        special_category=include_special_category,
    )
    return EXPORT_FORMATS[fmt](export)


class ExportView(View):
    """A direct download without special category data (the export page offers the choice)."""

    def get(self, request, page_id, fmt):
        if not request.user.has_perm(permissions.EXPORT):
            return permission_denied(request)
        if fmt not in EXPORT_FORMATS:
            return redirect("consultation_responses:export_page", page_id)
        page = get_object_or_404(ConsultationPage, pk=page_id).canonical()
        return export_file(request, page, fmt)


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
    question_type = questions.for_question(question)
    shown = question_form.shown()
    return {
        "question": question,
        "name": question_form.name,
        "error": question_form.error,
        "type": question["type"],
        "template_name": question_type.admin_template_name,
        "value": shown.get("value", ""),
        "other": shown.get("other", ""),
        "allow_other": bool(question.get("allow_other")),
        **question_type.widget_context(question_form, shown, question_form.estates),
    }


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
