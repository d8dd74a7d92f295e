"""The responding journey, one step per page (GOV.UK "one thing per page").

Steps: [responding as] → each visible survey section → [your details] → check your answers →
confirmation (POST-redirect-GET). Answers are kept in a ``ResponseDraft`` after every step
(signed-in residents resume automatically; anonymous residents through their session or an
emailed resume link); the draft starts with the first valid answer POSTed, never on a GET.
Every form carries the draft's one-time token, which works only for the session or account
holding the draft (``check_token``); the final POST hands it to ``services.submit_response``.
What the session keeps, and for how long, is ``consultations.respondent_session``'s.
``ConsultationPage``'s routes call these functions.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consultations import questions, respondent_session, services, survey
from consultations.models import RespondentType, Response, ResponseDraft, Status
from portal import ratelimit
from portal.text import UNSTORABLE_MESSAGE, clean_typed_text

RESPONDING_AS = "responding-as"
DETAILS = "your-details"
CHECK = "check"


def url(page, name, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)


def step_url(page, step: str) -> str:
    if step in (RESPONDING_AS, DETAILS, CHECK):
        return url(page, step.replace("-", "_"))
    return url(page, "respond_section", step)


# --- drafts in the session ------------------------------------------------------------------
def get_draft(request, page) -> ResponseDraft | None:
    """This account's or this browser session's draft; never another's."""
    canonical = page.canonical()
    if request.user.is_authenticated:
        return ResponseDraft.objects.filter(consultation=canonical, user=request.user).first()
    pk = respondent_session.draft_pk(request, page)
    if not pk:
        return None
    return ResponseDraft.objects.filter(pk=pk, consultation=canonical, user__isnull=True).first()


def new_draft(request, page) -> ResponseDraft:
    """The draft for the first answer this session or account POSTs, under the form's token.

    ``check_token`` has already found the token fresh; a concurrent claim of the same token
    (the unique constraint) is answered as an expired form.
    """
    ratelimit.enforce(request, "draft")
    try:
        draft = services.start_draft(
            consultation=page.canonical(),
            user=request.user,
            language=translation.get_language(),
            token=uuid.UUID(request.POST["token"]),
        )
    except IntegrityError:
        raise respondent_session.FormExpired from None
    if not request.user.is_authenticated:
        respondent_session.remember_draft(request, page, draft)
    return draft


def form_token(draft) -> str:
    """The token a step's form carries: the draft's, or (no draft yet) a fresh one.

    A GET never creates a draft or a session: the first valid answer POSTed creates the draft
    under the fresh token, so the token is the same on every step of one response.
    """
    return str(draft.token if draft else uuid.uuid4())


def fresh_token(posted: str) -> bool:
    """A well-formed token that no draft or response has claimed."""
    try:
        token = uuid.UUID(posted)
    except ValueError:
        return False
    return not (
        ResponseDraft.objects.filter(token=token).exists()
        or Response.objects.filter(token=token).exists()
    )


def steps(page, definition, draft) -> list[str]:
    answers = draft.answers if draft else {}
    names = [RESPONDING_AS] if page.ask_responding_as else []
    sections = survey.visible_sections(
        definition, answers, respondent_type=draft.respondent_type if draft else ""
    )
    names += [section["id"] for section in sections]
    return [*names, DETAILS, CHECK]


def unavailable(request, page, *, reason: str, response: Response | None = None, status=200):
    return TemplateResponse(
        request,
        "pages/consultations/respond_unavailable.html",
        {"page": page, "reason": reason, "previous": response},
        status=status,
    )


def guard(request, page):
    """Refuse responses outside the dates, without sign-in when required, or a second time."""
    status = page.status
    post_status = 403 if request.method == "POST" else 200
    if status == Status.UPCOMING:
        return unavailable(request, page, reason="upcoming", status=post_status)
    if status != Status.OPEN:
        return unavailable(request, page, reason="closed", status=post_status)
    if not page.allow_anonymous and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if page.one_response_per_account and request.user.is_authenticated:
        previous = Response.objects.filter(
            consultation=page.canonical(), account_key=request.user.pk
        ).first()
        if previous:
            return unavailable(request, page, reason="already", response=previous)
    return None


def own_sent_response(request, page, posted: str) -> Response | None:
    """The response sent with this token, only if this session or account sent it."""
    record = respondent_session.sent(request, page)
    if record and record.get("token") == posted:
        return Response.objects.filter(consultation=page.canonical(), token=posted).first()
    if request.user.is_authenticated:
        try:
            token = uuid.UUID(posted)
        except ValueError:
            return None
        return Response.objects.filter(
            consultation=page.canonical(), token=token, respondent=request.user
        ).first()
    return None


def check_token(request, page, draft, *, first_step=True) -> str:
    """Empty if the posted token is this session's own form, else the message to show with it.

    A token this session or account already sent raises ``SentByThisSession`` (a second click on
    "Send" finds its confirmation). Without a draft, a fresh token starts one (``first_step``:
    every step but "check your answers"). Any other token, with no draft of this session's own
    to show instead, raises ``FormExpired``: another session's token learns nothing and changes
    nothing.
    """
    posted = request.POST.get("token", "")
    if draft is not None and posted == str(draft.token):
        return ""
    if previous := own_sent_response(request, page, posted):
        raise respondent_session.SentByThisSession(previous)
    if draft is None:
        if first_step and fresh_token(posted):
            return ""
        raise respondent_session.FormExpired
    return _("This form has expired or was already sent. Check your answers and continue.")


def already_sent(request, page) -> Response | None:
    """The response this session sent, if the resident has not started another since.

    A resident who presses Back after sending lands on a step whose draft is gone; without this
    they would silently start a new, empty response.
    """
    record = respondent_session.sent(request, page)
    if not record or get_draft(request, page) is not None:
        return None
    return Response.objects.filter(
        consultation=page.canonical(), reference=record.get("reference")
    ).first()


def sent_page(request, page, response: Response):
    """ "You have already sent your response", for a GET; a POST is redirected (PRG).

    A second click on "Send" (its token is the sent response's) goes to the confirmation again.
    The page names no reference: the confirmation shows it once.
    """
    if request.method == "POST":
        if request.POST.get("token", "") == str(response.token):
            return HttpResponseRedirect(url(page, "confirmation"))
        return HttpResponseRedirect(url(page, "respond"))
    return TemplateResponse(
        request,
        "pages/consultations/respond_unavailable.html",
        {
            "page": page,
            "reason": "sent",
            "again_url": None
            if page.one_response_per_account
            else url(page, "respond") + "?again=1",
        },
    )


def confirm(request, page, response: Response):
    respondent_session.remember_sent(request, page, response)
    return HttpResponseRedirect(url(page, "confirmation"))


def form_expired(request, page):
    """The generic answer to a form that is not this session's: nothing about anyone's draft."""
    return TemplateResponse(
        request,
        "pages/consultations/respond_unavailable.html",
        {
            "page": page,
            "reason": "expired",
            "start_url": url(page, "respond"),
            "idle_minutes": settings.RESPONDENT_SESSION_IDLE_MINUTES,
        },
        status=403,
    )


journey = respondent_session.journey(expired=form_expired, to_confirmation=confirm)


# --- steps ------------------------------------------------------------------------------------
# Every step is personal and holds a one-time token: never keep it in a shared or browser cache
# (the back-forward cache would show a stale form for a response that was already sent).
@never_cache
@journey
def start(request, page):
    if refusal := guard(request, page):
        return refusal
    if previous := already_sent(request, page):
        if request.GET.get("again") != "1" or page.one_response_per_account:
            return sent_page(request, page, previous)
        respondent_session.forget_sent(request, page)
    definition = page.survey_definition()
    draft = get_draft(request, page)  # created by the first answer POSTed, never by a GET
    return HttpResponseRedirect(step_url(page, steps(page, definition, draft)[0]))


def _navigation(page, definition, draft, step, return_to_check):
    order = steps(page, definition, draft)
    position = order.index(step) if step in order else 0
    back = (
        step_url(page, CHECK)
        if return_to_check
        else (step_url(page, order[position - 1]) if position else page.url)
    )
    return order, position, back


def _next(page, definition, draft, step, return_to_check):
    order = steps(page, definition, draft)
    if return_to_check:
        return HttpResponseRedirect(step_url(page, CHECK))
    position = order.index(step) if step in order else -1
    return HttpResponseRedirect(step_url(page, order[min(position + 1, len(order) - 1)]))


def render_step(request, page, template, context, status=200):
    return TemplateResponse(request, f"pages/consultations/{template}", context, status=status)


@never_cache
@journey
def section_step(request, page, section_id):
    if refusal := guard(request, page):
        return refusal
    if previous := already_sent(request, page):
        return sent_page(request, page, previous)
    definition = page.survey_definition()
    draft = get_draft(request, page)
    form_error = check_token(request, page, draft) if request.method == "POST" else ""
    answers_so_far = draft.answers if draft else {}
    sections = {
        s["id"]: s
        for s in survey.visible_sections(
            definition, answers_so_far, respondent_type=draft.respondent_type if draft else ""
        )
    }
    if section_id not in sections:
        if any(s["id"] == section_id for s in definition["sections"]):
            # Hidden by an earlier answer: carry on with the journey.
            return HttpResponseRedirect(step_url(page, steps(page, definition, draft)[0]))
        raise Http404
    section = sections[section_id]
    return_to_check = request.GET.get("return") == "check"
    # Only a section that asks for an estate reads the estates.
    estates = services.estates_for({"sections": [section]})
    if request.method == "POST":
        forms = [
            survey.QuestionForm(q, data=request.POST, estates=estates) for q in section["questions"]
        ]
        results = [form.is_valid() for form in forms]  # check every question, show every error
        valid = all(results)
        if valid and not form_error:
            draft = draft or new_draft(request, page)
            answers, cleared = {}, []
            for form in forms:
                qid = form.question["id"]
                if form.value is survey.MISSING:
                    cleared.append(qid)
                    continue
                answers[qid] = form.value
                if form.other:
                    answers[f"{qid}.other"] = form.other
            services.clear_answers(draft=draft, question_ids=cleared)
            services.save_draft_answers(
                draft=draft,
                definition=definition,
                answers=answers,
                language=translation.get_language(),
            )
            if "save_for_later" in request.POST:
                return HttpResponseRedirect(url(page, "save_for_later"))
            return _next(page, definition, draft, section_id, return_to_check)
    else:
        forms = [
            survey.QuestionForm(q, initial=answers_so_far, estates=estates)
            for q in section["questions"]
        ]
    order, position, back = _navigation(page, definition, draft, section_id, return_to_check)
    return render_step(
        request,
        page,
        "respond_section.html",
        {
            "page": page,
            "section": section,
            "fields": [field_context(form, estates) for form in forms],
            "single": len(forms) == 1,
            "draft": draft,
            "token": form_token(draft),
            "back_url": back,
            "form_error": form_error,
            "errors": [
                {"anchor": field_anchor(form, estates), "error": form.error}
                for form in forms
                if form.error
            ],
            "step_number": position + 1,
            "step_count": len(order) - 1,
        },
        status=200,
    )


def field_anchor(form: survey.QuestionForm, estates) -> str:
    """The id of the first input of a question, where the error summary links to."""
    return questions.for_question(form.question).field_anchor(form, estates)


def field_context(form: survey.QuestionForm, estates) -> dict:
    """What the question's own template (``template_name``) needs, with what was entered."""
    question = form.question
    question_type = questions.for_question(question)
    shown = form.shown()
    return {
        "id": form.name,
        "q": question,
        "type": question["type"],
        "question_type": question_type,
        "template_name": question_type.template_name,
        "error": form.error,
        "shown": shown,
        **question_type.widget_context(form, shown, estates),
    }


@never_cache
@journey
def responding_as(request, page):
    if refusal := guard(request, page):
        return refusal
    if previous := already_sent(request, page):
        return sent_page(request, page, previous)
    definition = page.survey_definition()
    draft = get_draft(request, page)
    return_to_check = request.GET.get("return") == "check"
    choices = [(v, label) for v, label in RespondentType.choices if v]
    error = form_error = ""
    value = draft.respondent_type if draft else ""
    if request.method == "POST":
        value = request.POST.get("respondent_type", "")
        form_error = check_token(request, page, draft)
        if value not in dict(choices):
            error = _("Select who you are responding as.")
            value = ""
        elif not form_error:
            draft = draft or new_draft(request, page)
            services.save_draft_answers(draft=draft, definition=definition, respondent_type=value)
            return _next(page, definition, draft, RESPONDING_AS, return_to_check)
    return _render_fixed_step(
        request,
        page,
        "respond_responding_as.html",
        definition=definition,
        draft=draft,
        step=RESPONDING_AS,
        return_to_check=return_to_check,
        form_error=form_error,
        choices=[{"value": v, "label": lab, "checked": v == value} for v, lab in choices],
        error=error,
        errors=[{"anchor": f"respondent_type-{choices[0][0]}", "error": error}] if error else [],
    )


def _render_fixed_step(
    request, page, template, *, definition, draft, step, return_to_check, form_error, **context
):
    """A step of its own (not a survey section): its back link and place in the journey."""
    order, position, back = _navigation(page, definition, draft, step, return_to_check)
    return render_step(
        request,
        page,
        template,
        {
            "page": page,
            "draft": draft,
            "token": form_token(draft),
            "form_error": form_error,
            "back_url": back,
            "step_number": position + 1,
            "step_count": len(order) - 1,
            **context,
        },
    )


@never_cache
@journey
def your_details(request, page):
    if refusal := guard(request, page):
        return refusal
    if previous := already_sent(request, page):
        return sent_page(request, page, previous)
    definition = page.survey_definition()
    draft = get_draft(request, page)
    return_to_check = request.GET.get("return") == "check"
    details = dict(draft.details) if draft else {}
    if not details and request.user.is_authenticated:
        details = {"email": request.user.email}
    errors: dict[str, str] = {}
    form_error = ""
    if request.method == "POST":
        name, name_unstorable = clean_typed_text(request.POST.get("name", "").strip()[:200])
        email, email_unstorable = clean_typed_text(request.POST.get("email", "").strip()[:300])
        details = {
            "name": name,
            "email": email,
            "wants_updates": request.POST.get("wants_updates") == "yes",
            "receipt": page.offer_email_receipt and request.POST.get("receipt") == "yes",
        }
        if name_unstorable:
            errors["name"] = str(UNSTORABLE_MESSAGE)
        elif len(details["name"]) > 120:
            errors["name"] = _("Your name must be 120 characters or fewer.")
        if email_unstorable:
            errors["email"] = str(UNSTORABLE_MESSAGE)
        elif details["email"]:
            try:
                validate_email(details["email"])
                if len(details["email"]) > 254:
                    raise ValidationError("")
            except ValidationError:
                errors["email"] = _(
                    "Enter an email address in the correct format, like name@example.com."
                )
        elif details["wants_updates"] or details["receipt"]:
            errors["email"] = _("Enter your email address so we can write to you.")
        form_error = check_token(request, page, draft)
        if not errors and not form_error:
            draft = draft or new_draft(request, page)
            services.save_draft_answers(draft=draft, definition=definition, details=details)
            return _next(page, definition, draft, DETAILS, return_to_check)
    return _render_fixed_step(
        request,
        page,
        "respond_details.html",
        definition=definition,
        draft=draft,
        step=DETAILS,
        return_to_check=return_to_check,
        form_error=form_error,
        details=details,
        errors=errors,
    )


def summary_rows(page, definition, draft, estates) -> list[dict]:
    rows = []
    if page.ask_responding_as:
        rows.append(
            {
                "key": _("Responding as"),
                "lines": [RespondentType(draft.respondent_type).label]
                if draft.respondent_type in RespondentType.values and draft.respondent_type
                else [],
                "change": step_url(page, RESPONDING_AS) + "?return=check",
                "id": RESPONDING_AS,
            }
        )
    for section in survey.visible_sections(
        definition, draft.answers, respondent_type=draft.respondent_type
    ):
        for question in section["questions"]:
            rows.append(
                {
                    "key": question["label"],
                    "lines": survey.display_answer(question, draft.answers, estates),
                    "change": step_url(page, section["id"]) + "?return=check",
                    "id": question["id"],
                    "section": section["id"],
                }
            )
    return rows


@never_cache
@journey
def check_answers(request, page):
    if refusal := guard(request, page):
        return refusal
    if previous := already_sent(request, page):
        return sent_page(request, page, previous)
    definition = page.survey_definition()
    draft = get_draft(request, page)
    if draft is None:
        if request.method == "POST":
            check_token(request, page, None, first_step=False)  # always raises
        return HttpResponseRedirect(url(page, "respond"))
    estates = services.estates_for(definition)
    errors: dict[str, str] = {}
    form_error = ""
    status = 200
    if request.method == "POST":
        ratelimit.enforce(request, "response")
        form_error = check_token(request, page, draft, first_step=False)
        if page.ask_responding_as and not draft.respondent_type:
            errors[RESPONDING_AS] = _("Select who you are responding as.")
        if not form_error and not errors:
            try:
                submission = services.submit_response(
                    consultation=page,
                    token=draft.token,
                    answers=draft.answers,
                    language=translation.get_language(),
                    respondent=request.user if request.user.is_authenticated else None,
                    respondent_type=draft.respondent_type,
                    details=draft.details,
                )
            except services.SurveyInvalid as invalid:
                errors = invalid.errors
            except services.ConsultationNotOpen:
                return unavailable(request, page, reason="closed", status=403)
            except services.AlreadyResponded as already:
                return unavailable(request, page, reason="already", response=already.response)
            else:
                respondent_session.forget_draft(request, page)
                return confirm(request, page, submission.response)
        status = 200
    rows = summary_rows(page, definition, draft, estates)
    for row in rows:
        row["error"] = errors.get(row["id"], "")
    return TemplateResponse(
        request,
        "pages/consultations/respond_check.html",
        {
            "page": page,
            "draft": draft,
            "token": form_token(draft),
            "rows": rows,
            "errors": [row for row in rows if row["error"]],
            "form_error": form_error,
            "details": draft.details,
            "details_url": step_url(page, DETAILS) + "?return=check",
            "back_url": step_url(page, DETAILS),
        },
        status=status,
    )


@never_cache
@journey
def confirmation(request, page):
    """The reference and where a copy went, once per session; after that only "received".

    A later visit (Back, a refresh, the next person at a shared computer) learns that a response
    was sent from this browser, and nothing about it or the respondent.
    """
    record = respondent_session.sent(request, page)
    if not record:
        return HttpResponseRedirect(page.url)
    if record.get("shown"):
        return TemplateResponse(
            request,
            "pages/consultations/respond_confirmation.html",
            {"page": page, "response": None},
        )
    response = (
        Response.objects.filter(consultation=page.canonical(), reference=record.get("reference"))
        .select_related("details")
        .first()
    )
    if response is None:
        return HttpResponseRedirect(page.url)
    respondent_session.mark_shown(request, page)
    details = getattr(response, "details", None)
    # Say nothing about a copy unless one was asked for; "pending" promises the week of retries
    # that services.RECEIPT_RETRY_DAYS gives.
    receipt = ""
    if details is not None and details.receipt_requested and details.email:
        receipt = "sent" if details.receipt_sent_at else "pending"
    return TemplateResponse(
        request,
        "pages/consultations/respond_confirmation.html",
        {
            "page": page,
            "response": response,
            "email": details.email if details else "",
            "receipt": receipt,
        },
    )


@never_cache
@journey
def save_for_later(request, page):
    """Anonymous residents ask for a resume link by email (signed-in answers save as they go)."""
    if refusal := guard(request, page):
        return refusal
    if previous := already_sent(request, page):
        return sent_page(request, page, previous)
    draft = get_draft(request, page)
    if draft is None:
        return HttpResponseRedirect(url(page, "respond"))
    error = ""
    email = ""
    if request.user.is_authenticated:
        return render_step(request, page, "respond_saved.html", {"page": page, "signed_in": True})
    if request.method == "POST":
        email = request.POST.get("email", "").strip()[:300]
        try:
            validate_email(email)
        except ValidationError:
            error = _("Enter an email address in the correct format, like name@example.com.")
        if not error:
            ratelimit.enforce(request, "resume_email", email=email)
            key = services.issue_resume_key(draft=draft)
            link = request.build_absolute_uri(url(page, "resume", key))
            try:
                services.send_resume_link(draft=draft, email=email, url=link, page=page)
            except services.EmailNotSent:
                error = _(
                    "We could not send the email just now. Try again in a few minutes, or "
                    "carry on with your response."
                )
            else:
                messages.success(
                    request, _("We have emailed you a link to continue your response.")
                )
                return HttpResponseRedirect(url(page, "save_for_later") + "?sent=1")
    return render_step(
        request,
        page,
        "respond_saved.html",
        {
            "page": page,
            "error": error,
            "email": email,
            "sent": request.GET.get("sent") == "1",
            "link_days": settings.ANONYMOUS_DRAFT_RETENTION_DAYS,
            "back_url": url(page, "respond"),
        },
    )


@never_cache
@journey
def resume(request, page, key):
    if refusal := guard(request, page):
        return refusal
    draft = services.draft_for_resume_key(consultation=page, key=key)
    if draft is None:
        return unavailable(request, page, reason="link_expired", status=404)
    respondent_session.remember_draft(request, page, draft)
    definition = page.survey_definition()
    order = steps(page, definition, draft)
    answered = {k.split(".")[0] for k in draft.answers}
    for step in order:
        section = next((s for s in definition["sections"] if s["id"] == step), None)
        if section and not any(q["id"] in answered for q in section["questions"]):
            return HttpResponseRedirect(step_url(page, step))
    return HttpResponseRedirect(step_url(page, CHECK))
