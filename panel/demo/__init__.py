"""Demo content: eight members, four meetings (three with minutes, one upcoming), actions in
every status, public and members-only papers, and translated copies of every page.

Dates are relative to today so the upcoming meeting stays upcoming; everything else is fixed,
and running the generator again updates the same rows and pages.
"""

import datetime

from django.utils import timezone

from panel import services
from panel.demo import papers as demo_papers
from panel.demo.text import CONTENT
from panel.models import (
    ActionLogPage,
    ActionStatus,
    AttendanceKind,
    MeetingAction,
    MeetingAttendance,
    MeetingIndexPage,
    MeetingPage,
    MemberRole,
    PanelMember,
    PanelMembersPage,
    PanelPage,
    PanelPapersPage,
)
from portal.demo.pages import ensure_page
from portal.translation import other_locales, translate_instance

# Found and run by ``load_demo_content`` (portal.registry.demo_generators), last.
DEMO_NAME = "Housing Advisory Panel"
DEMO_ORDER = 80
MEMBERS = [
    (
        "Dr Amara Okafor",
        MemberRole.CHAIR,
        "A former housing ombudsman caseworker who now researches landlord complaint handling.",
        330,
        None,
        "Trustee of a tenants' advice charity.",
    ),
    (
        "Mehmet Yilmaz",
        MemberRole.TENANT,
        "Has lived on the Nightingale estate for 22 years and "
        "chairs its tenants' and residents' association.",
        300,
        None,
        "",
    ),
    (
        "Sarah Levy",
        MemberRole.TENANT,
        "A tenant in Stamford Hill and a volunteer with a community food bank.",
        270,
        None,
        "",
    ),
    (
        "Kasia Nowak",
        MemberRole.LEASEHOLDER,
        "A leaseholder on the Kingsmead estate who works as a quantity surveyor.",
        240,
        None,
        "Works for a building consultancy that bids for public contracts (not with this council).",
    ),
    (
        "Rahim Uddin",
        MemberRole.INDEPENDENT_EXPERT,
        "A chartered surveyor specialising in damp, mould and building safety.",
        210,
        None,
        "",
    ),
    (
        "Marie Dubois",
        MemberRole.INDEPENDENT_EXPERT,
        "Has led resident engagement at two housing associations.",
        190,
        None,
        "",
    ),
    (
        "Ana García",
        MemberRole.TENANT,
        "A tenant on the Frampton Park estate and a school governor.",
        170,
        None,
        "",
    ),
    (
        "Tom Bennett",
        MemberRole.OFFICER,
        "Head of Housing Engagement; supports the panel.",
        330,
        None,
        "",
    ),
    ("Jan Kowalski", MemberRole.LEASEHOLDER, "A founding member of the panel.", 330, 200, ""),
]

# (slug, title, days from today, minutes?, approved at the next meeting?)
MEETINGS = [
    ("meeting-1-repairs-backlog", "Meeting 1: the repairs backlog", -150, True, True),
    ("meeting-2-complaints", "Meeting 2: complaints", -90, True, True),
    ("meeting-3-damp-and-mould", "Meeting 3: damp and mould", -30, True, False),
    (
        "meeting-4-resident-engagement",
        "Meeting 4: the resident engagement strategy",
        30,
        False,
        False,
    ),
]

ACTIONS = {
    "meeting-1-repairs-backlog": [
        (
            "Report every month on repairs older than three months.",
            "Head of Repairs",
            -120,
            ActionStatus.DONE,
            "Reported at every meeting since.",
        ),
        (
            "Write to residents with the oldest repairs with a date for the work.",
            "Repairs service",
            -100,
            ActionStatus.IN_PROGRESS,
            "Letters sent to 400 of 650 homes.",
        ),
    ],
    "meeting-2-complaints": [
        (
            "Publish complaint handling times on the portal.",
            "Complaints team",
            -60,
            ActionStatus.DONE,
            "",
        ),
        (
            "Review the complaints policy against the Ombudsman's code.",
            "Head of Complaints",
            -10,
            ActionStatus.NOT_STARTED,
            "",
        ),
        (
            "Set up a tenants' complaints review group.",
            "Tom Bennett",
            -5,
            ActionStatus.DROPPED,
            "Replaced by the panel's own complaints review.",
        ),
    ],
    "meeting-3-damp-and-mould": [
        (
            "Inspect every home with a damp report within ten working days.",
            "Head of Repairs",
            20,
            ActionStatus.IN_PROGRESS,
            "",
        ),
        (
            "Bring the damp and mould policy to the next meeting.",
            "Rahim Uddin",
            25,
            ActionStatus.NOT_STARTED,
            "",
        ),
    ],
}

PANEL_INTRODUCTION = (
    "Independent housing experts and residents who guide and scrutinise the housing service."
)
MEMBERS_INTRODUCTION = "Who is on the panel now, and who has served on it."
MEETINGS_INTRODUCTION = "When the panel meets, what it discussed and what it decided."
ACTION_LOG_INTRODUCTION = "Every action the panel has agreed, who owns it and whether it is done."
PAPERS_INTRODUCTION = "Briefings for panel members that cannot be published yet."
PANEL_BODY = (
    "The panel was set up by the housing improvement plan. It meets in public every two "
    "months, and anyone can come and watch."
)
# The member count and mix here must match MEMBERS (tests/portal/test_demo_story.py checks).
TERMS_OF_REFERENCE = (
    "The panel scrutinises the housing service's performance, advises on the improvement plan "
    "and reports to the Cabinet Member for Housing. It has eight members: an independent chair, "
    "three tenants, a leaseholder, two independent experts and the council's Head of Housing "
    "Engagement, who supports its work. Half of its members are tenants or leaseholders."
)

# A reserved example address: the demo council has no real channel.
LIVE_STREAM_URL = "https://video.example.org/housing-advisory-panel/live"

TRANSLATIONS = {
    "tr": {
        "Housing Advisory Panel": "Konut Danışma Kurulu",
        PANEL_INTRODUCTION: "Konut hizmetine yol gösteren ve onu denetleyen bağımsız konut "
        "uzmanları ve sakinler.",
        "Panel members": "Kurul üyeleri",
        MEMBERS_INTRODUCTION: "Kurulda şu anda kimler var ve daha önce kimler görev yaptı.",
        "Meetings": "Toplantılar",
        MEETINGS_INTRODUCTION: "Kurulun ne zaman toplandığı, neleri konuştuğu ve neye karar "
        "verdiği.",
        "Action log": "Eylem kaydı",
        ACTION_LOG_INTRODUCTION: "Kurulun kararlaştırdığı her eylem, sorumlusu ve tamamlanıp "
        "tamamlanmadığı.",
        "Papers for panel members": "Kurul üyeleri için belgeler",
        PAPERS_INTRODUCTION: "Henüz yayımlanamayan, kurul üyelerine yönelik bilgi notları.",
        "Meeting 1: the repairs backlog": "1. toplantı: bekleyen onarımlar",
        "Meeting 2: complaints": "2. toplantı: şikâyetler",
        "Meeting 3: damp and mould": "3. toplantı: nem ve küf",
        "Meeting 4: the resident engagement strategy": "4. toplantı: sakin katılımı stratejisi",
    },
    "pl": {
        "Housing Advisory Panel": "Mieszkaniowy Panel Doradczy",
        PANEL_INTRODUCTION: "Niezależni eksperci od mieszkalnictwa i mieszkańcy, którzy doradzają "
        "służbom mieszkaniowym i je kontrolują.",
        "Panel members": "Członkowie panelu",
        MEMBERS_INTRODUCTION: "Kto obecnie zasiada w panelu i kto zasiadał w nim wcześniej.",
        "Meetings": "Posiedzenia",
        MEETINGS_INTRODUCTION: "Kiedy panel się zbiera, o czym rozmawiał i co postanowił.",
        "Action log": "Rejestr działań",
        ACTION_LOG_INTRODUCTION: "Każde działanie uzgodnione przez panel, kto za nie odpowiada i "
        "czy zostało wykonane.",
        "Papers for panel members": "Dokumenty dla członków panelu",
        PAPERS_INTRODUCTION: "Informacje dla członków panelu, których nie można jeszcze "
        "opublikować.",
        "Meeting 1: the repairs backlog": "Posiedzenie 1: zaległe naprawy",
        "Meeting 2: complaints": "Posiedzenie 2: skargi",
        "Meeting 3: damp and mould": "Posiedzenie 3: wilgoć i pleśń",
        "Meeting 4: the resident engagement strategy": "Posiedzenie 4: strategia zaangażowania "
        "mieszkańców",
    },
    "es": {
        "Housing Advisory Panel": "Panel Asesor de Vivienda",
        PANEL_INTRODUCTION: "Expertos independientes en vivienda y residentes que orientan y "
        "supervisan el servicio de vivienda.",
        "Panel members": "Miembros del panel",
        MEMBERS_INTRODUCTION: "Quién forma parte del panel ahora y quién ha formado parte antes.",
        "Meetings": "Reuniones",
        MEETINGS_INTRODUCTION: "Cuándo se reúne el panel, qué trató y qué decidió.",
        "Action log": "Registro de acciones",
        ACTION_LOG_INTRODUCTION: "Cada acción acordada por el panel, quién es responsable y si "
        "está hecha.",
        "Papers for panel members": "Documentos para los miembros del panel",
        PAPERS_INTRODUCTION: "Informes para los miembros del panel que aún no se pueden publicar.",
        "Meeting 1: the repairs backlog": "Reunión 1: reparaciones pendientes",
        "Meeting 2: complaints": "Reunión 2: quejas",
        "Meeting 3: damp and mould": "Reunión 3: humedad y moho",
        "Meeting 4: the resident engagement strategy": "Reunión 4: la estrategia de participación "
        "de los residentes",
    },
    "fr": {
        "Housing Advisory Panel": "Comité consultatif du logement",
        PANEL_INTRODUCTION: "Des experts indépendants du logement et des habitants qui guident "
        "et contrôlent le service du logement.",
        "Panel members": "Membres du comité",
        MEMBERS_INTRODUCTION: "Qui siège au comité aujourd'hui, et qui y a siégé.",
        "Meetings": "Réunions",
        MEETINGS_INTRODUCTION: "Quand le comité se réunit, ce qu'il a examiné et ce qu'il a "
        "décidé.",
        "Action log": "Suivi des actions",
        ACTION_LOG_INTRODUCTION: "Chaque action décidée par le comité, son responsable et son "
        "état d'avancement.",
        "Papers for panel members": "Documents réservés aux membres du comité",
        PAPERS_INTRODUCTION: "Notes pour les membres du comité qui ne peuvent pas encore être "
        "publiées.",
        "Meeting 1: the repairs backlog": "Réunion 1 : les réparations en retard",
        "Meeting 2: complaints": "Réunion 2 : les réclamations",
        "Meeting 3: damp and mould": "Réunion 3 : l'humidité et les moisissures",
        "Meeting 4: the resident engagement strategy": "Réunion 4 : la stratégie de "
        "participation des habitants",
    },
    "bn": {
        "Housing Advisory Panel": "আবাসন উপদেষ্টা প্যানেল",
        PANEL_INTRODUCTION: "স্বাধীন আবাসন বিশেষজ্ঞ ও বাসিন্দারা, যাঁরা আবাসন পরিষেবাকে পথ দেখান ও তদারকি করেন।",
        "Panel members": "প্যানেলের সদস্যরা",
        MEMBERS_INTRODUCTION: "এখন প্যানেলে কারা আছেন, আর আগে কারা ছিলেন।",
        "Meetings": "সভা",
        MEETINGS_INTRODUCTION: "প্যানেল কখন বসে, কী আলোচনা করেছে এবং কী সিদ্ধান্ত নিয়েছে।",
        "Action log": "পদক্ষেপের তালিকা",
        ACTION_LOG_INTRODUCTION: "প্যানেলের ঠিক করা প্রতিটি পদক্ষেপ, কে দায়িত্বে এবং তা শেষ হয়েছে কি না।",
        "Papers for panel members": "প্যানেল সদস্যদের জন্য নথি",
        PAPERS_INTRODUCTION: "প্যানেল সদস্যদের জন্য তথ্য, যা এখনও প্রকাশ করা যাবে না।",
        "Meeting 1: the repairs backlog": "সভা ১: জমে থাকা মেরামত",
        "Meeting 2: complaints": "সভা ২: অভিযোগ",
        "Meeting 3: damp and mould": "সভা ৩: স্যাঁতসেঁতে ভাব ও ছত্রাক",
        "Meeting 4: the resident engagement strategy": "সভা ৪: বাসিন্দাদের অংশগ্রহণের কৌশল",
    },
    "ur": {
        "Housing Advisory Panel": "ہاؤسنگ مشاورتی پینل",
        PANEL_INTRODUCTION: "ہاؤسنگ کے آزاد ماہرین اور رہائشی جو ہاؤسنگ سروس کی رہنمائی اور "
        "نگرانی کرتے ہیں۔",
        "Panel members": "پینل کے اراکین",
        MEMBERS_INTRODUCTION: "اس وقت پینل میں کون ہے، اور پہلے کون رہ چکا ہے۔",
        "Meetings": "اجلاس",
        MEETINGS_INTRODUCTION: "پینل کب ملتا ہے، اس نے کن باتوں پر گفتگو کی اور کیا فیصلے کیے۔",
        "Action log": "اقدامات کا ریکارڈ",
        ACTION_LOG_INTRODUCTION: "پینل کا طے کیا ہوا ہر اقدام، اس کا ذمہ دار کون ہے اور آیا "
        "وہ مکمل ہو گیا ہے۔",
        "Papers for panel members": "پینل کے اراکین کے لیے دستاویزات",
        PAPERS_INTRODUCTION: "پینل کے اراکین کے لیے معلومات جو ابھی شائع نہیں کی جا سکتیں۔",
        "Meeting 1: the repairs backlog": "اجلاس 1: زیر التوا مرمتیں",
        "Meeting 2: complaints": "اجلاس 2: شکایات",
        "Meeting 3: damp and mould": "اجلاس 3: نمی اور پھپھوندی",
        "Meeting 4: the resident engagement strategy": "اجلاس 4: رہائشیوں کی شمولیت کی حکمت عملی",
    },
    "yi": {
        "Housing Advisory Panel": "דירה־עצה־פּאַנעל",
        PANEL_INTRODUCTION: "אומאָפּהענגיקע דירה־מומחים און איינוווינער וואָס פֿירן און "
        "קאָנטראָלירן די דירה־סערוויס.",
        "Panel members": "מיטגלידער פֿונעם פּאַנעל",
        MEMBERS_INTRODUCTION: "ווער עס איז איצט אינעם פּאַנעל, און ווער עס איז פֿריִער געווען.",
        "Meetings": "זיצונגען",
        MEETINGS_INTRODUCTION: "ווען דער פּאַנעל קומט זיך צונויף, וואָס ער האָט באַשמועסט און "
        "וואָס ער האָט באַשלאָסן.",
        "Action log": "רשימה פֿון אַקציעס",
        ACTION_LOG_INTRODUCTION: "יעדע אַקציע וואָס דער פּאַנעל האָט באַשלאָסן, ווער עס איז "
        "פֿאַראַנטוואָרטלעך און צי זי איז דורכגעפֿירט.",
        "Papers for panel members": "דאָקומענטן פֿאַר פּאַנעל־מיטגלידער",
        PAPERS_INTRODUCTION: "אינפֿאָרמאַציע פֿאַר פּאַנעל־מיטגלידער וואָס מע קען נאָך נישט פֿאַרעפֿנטלעכן.",
        "Meeting 1: the repairs backlog": "זיצונג 1: פֿאַרשפּעטיקטע פֿאַרריכטונגען",
        "Meeting 2: complaints": "זיצונג 2: קלאָגעס",
        "Meeting 3: damp and mould": "זיצונג 3: נאַסקייט און שימל",
        "Meeting 4: the resident engagement strategy": "זיצונג 4: די סטראַטעגיע פֿאַר "
        "איינוווינער־באַטייליקונג",
    },
}


def generate(*, home, rng, options, stdout):
    services.ensure_panel_roles()
    today = timezone.localdate()
    members = _members(today)
    panel = ensure_page(
        home,
        PanelPage,
        "housing-advisory-panel",
        title="Housing Advisory Panel",
        introduction=PANEL_INTRODUCTION,
        body=[
            {
                "type": "text",
                "value": f"<p>{PANEL_BODY}</p>",
            }
        ],
        terms_of_reference=f"<p>{TERMS_OF_REFERENCE}</p>",
        raise_an_issue="<p>Email the panel secretary at "
        '<a href="mailto:housing.panel@example.org">housing.panel@example.org</a> with the '
        "issue and how it affects residents. The panel replies within 20 working days.</p>",
    )
    members_page = ensure_page(
        panel,
        PanelMembersPage,
        "members",
        title="Panel members",
        introduction=MEMBERS_INTRODUCTION,
    )
    index = ensure_page(
        panel, MeetingIndexPage, "meetings", title="Meetings", introduction=MEETINGS_INTRODUCTION
    )
    action_log = ensure_page(
        panel,
        ActionLogPage,
        "action-log",
        title="Action log",
        introduction=ACTION_LOG_INTRODUCTION,
    )
    public_collection = services._ensure_collection(services.PUBLIC_PAPERS_COLLECTION)
    private_collection = services.private_papers_collection()
    guide = demo_papers.members_guide(collection=private_collection)
    panel_papers = ensure_page(
        panel,
        PanelPapersPage,
        "papers-for-members",
        title="Papers for panel members",
        introduction=PAPERS_INTRODUCTION,
        body=[
            {
                "type": "document",
                "value": {"document": guide.pk, "title": "", "description": ""},
            }
        ],
    )
    pages = [panel, members_page, index, action_log, panel_papers]

    meetings = []
    previous = None
    for position, (slug, title, offset, has_minutes, approved) in enumerate(MEETINGS):
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=offset), datetime.time(18))
        )
        # Each meeting's own papers, naming it and its date: none is shared with another.
        papers = demo_papers.public_papers(
            slug=slug, title=title, start=start, previous=previous, collection=public_collection
        )
        previous = (slug, title, start)
        next_offset = MEETINGS[position + 1][2] if position + 1 < len(MEETINGS) else None
        meeting = _meeting(
            index,
            slug=slug,
            title=title,
            start=start,
            has_minutes=has_minutes,
            approved_on=today + datetime.timedelta(days=next_offset) if approved else None,
            papers=papers,
            members=members,
            today=today,
            rng=rng,
        )
        meetings.append(meeting)
        pages.append(meeting)
    confidential = demo_papers.members_only_paper(
        title=meetings[2].title, start=meetings[2].start, collection=private_collection
    )
    pages.append(
        ensure_page(
            meetings[2],
            PanelPapersPage,
            "papers-for-members",
            title="Papers for panel members",
            introduction=PAPERS_INTRODUCTION,
            body=[
                {
                    "type": "document",
                    "value": {"document": confidential.pk, "title": "", "description": ""},
                }
            ],
        )
    )

    if not options.get("skip_translations"):
        for locale in other_locales():
            strings = {
                **TRANSLATIONS.get(locale.language_code, {}),
                **CONTENT.get(locale.language_code, {}),
            }
            if not home.has_translation(locale):
                translate_instance(instance=home, locale=locale, strings={})
            for page in pages:  # parents come before their children in this list
                copy = translate_instance(instance=page, locale=locale, strings=strings)
                if isinstance(page, MeetingPage):
                    _translate_actions(copy, strings)
    stdout.write(f"  panel: {len(members)} members, {len(meetings)} meetings")


def _translate_actions(meeting: MeetingPage, strings: dict[str, str]) -> None:
    """Translate the action rows wagtail-localize copied to a translated meeting.

    Actions are inline rows, not text segments, so the copy starts in English; a person's name
    as owner has no entry in ``strings`` and stays as it is.
    """
    changed = False
    for action in meeting.actions.all():
        for field in ("description", "owner", "progress_note"):
            english = getattr(action, field)
            if strings.get(english):
                setattr(action, field, strings[english])
                changed = True
        action.save()
    if changed:
        # Publish again so the live revision carries the translated rows.
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        meeting.save_revision().publish()


def _members(today) -> list[PanelMember]:
    members = []
    for name, role, bio, started_days_ago, ended_days_ago, interests in MEMBERS:
        member, _created = PanelMember.objects.update_or_create(
            name=name,
            defaults={
                "role": role,
                "biography": bio,
                "term_start": today - datetime.timedelta(days=started_days_ago),
                "term_end": (
                    today - datetime.timedelta(days=ended_days_ago) if ended_days_ago else None
                ),
                "declarations_of_interest": interests,
            },
        )
        members.append(member)
    return members


def _meeting(index, *, slug, title, start, has_minutes, approved_on, papers, members, today, rng):
    minutes = []
    if has_minutes:
        minutes = [
            {
                "type": "item",
                "value": {
                    "title": "Minutes of the last meeting",
                    "discussion": "<p>The panel reviewed the actions from its last meeting.</p>",
                    "decisions": ["The minutes were agreed as a correct record."],
                },
            },
            {
                "type": "item",
                "value": {
                    "title": title.split(": ", 1)[1].capitalize(),
                    "discussion": "<p>Officers presented the latest figures. Tenant members "
                    "described what residents on their estates are seeing.</p>",
                    "decisions": ["The panel asked for a progress report at its next meeting."],
                },
            },
        ]
    meeting = ensure_page(
        index,
        MeetingPage,
        slug,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        location="Hackney Town Hall, Mare Street, E8 1EA",
        online=True,
        online_details="Watch live on the council's YouTube channel.",
        live_stream_url=LIVE_STREAM_URL,
        introduction="A public meeting of the Housing Advisory Panel.",
        agenda=[
            {
                "type": "item",
                "value": {
                    "title": "Welcome and apologies",
                    "summary": "",
                    "presenter": "Dr Amara Okafor",
                },
            },
            {
                "type": "item",
                "value": {
                    "title": title.split(": ", 1)[1].capitalize(),
                    "summary": "",
                    "presenter": "Tom Bennett",
                },
            },
        ],
        papers=[
            {
                "type": "document",
                "value": {"document": paper.pk, "title": "", "description": ""},
            }
            for paper in papers
        ],
        minutes=minutes,
        minutes_approved_on=approved_on,
    )
    if start.date() <= today:
        meeting.attendances.all().delete()
        current = [m for m in members if m.is_current(start.date())]
        absent = rng.choice(current[1:])  # deterministic for a given seed
        for member in current:
            MeetingAttendance.objects.create(
                page=meeting,
                member=member,
                kind=AttendanceKind.APOLOGIES if member == absent else AttendanceKind.PRESENT,
            )
    meeting.actions.all().delete()
    for description, owner, due_in_days, status, note in ACTIONS.get(slug, []):
        MeetingAction.objects.create(
            page=meeting,
            description=description,
            owner=owner,
            due_date=today + datetime.timedelta(days=due_in_days),
            status=status,
            progress_note=note,
        )
    # Publish again so the live revision includes the attendance and actions.
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    meeting.save_revision().publish()
    return meeting
