"""The documents of the demo's draft resident engagement strategy consultation, as real PDFs.

The draft strategy itself (several pages with a contents list), an Easy Read version, and a
one-page summary in each of the site's eight languages. ``ensure_strategy_documents`` renders
them with ``portal.pdf`` and stores them as Wagtail documents in the public "Consultation
documents" collection; ``strategy_document_blocks`` is the page's documents StreamField, and
``override_summary_per_locale`` makes each translated page link its own language's summary.
"""

from __future__ import annotations

import json

from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from portal.demo.documents import child_collection, ensure_pdf_document
from portal.pdf import BulletList, Contents, Heading, PageBreak, Paragraph, PdfDocument

COLLECTION = "Consultation documents"
STRATEGY_TITLE = "Draft resident engagement strategy"
EASY_READ_TITLE = "Draft resident engagement strategy: Easy Read"
SUMMARY_TITLE = "Draft resident engagement strategy: summary in %(language)s"
# Stable StreamField block ids, so wagtail-localize keeps each block's translation context (and
# the per-language summary override) from one demo load to the next.
BLOCK_IDS = {
    "full": "5d1b7c3e-0f6a-4c1e-9b0e-7a51c3d20001",
    "easy_read": "5d1b7c3e-0f6a-4c1e-9b0e-7a51c3d20002",
    "summary": "5d1b7c3e-0f6a-4c1e-9b0e-7a51c3d20003",
}
# Left-to-right isolation (U+2066 … U+2069) for phone numbers inside right-to-left text, so the
# groups of digits keep their order.
PHONE = "020 8356 3000"
EMAIL = "engagement@example.org"


def _ltr(text: str) -> str:
    return f"\u2066{text}\u2069"


STRATEGY_SECTIONS = [
    (
        "1. Why we need a new strategy",
        [
            "Residents have told us, again and again, that they do not feel listened to. Repairs "
            "waited too long, complaints went unanswered, and the cyber attack on the council "
            "took away the systems we used to keep track of both. The housing improvement plan "
            "sets out how we will put this right, and this strategy is the part of it about how "
            "we work with you.",
            "The Regulator of Social Housing's Transparency, Influence and Accountability "
            "Standard expects every landlord to give tenants real ways to shape its services, "
            "and to show how tenants' views changed its decisions. We want to do more than meet "
            "the standard: we want residents to be able to see, in public, what we promised and "
            "whether we kept our word.",
        ],
    ),
    (
        "2. What we promise",
        [
            "We will tell you what we plan to do before we decide, in plain English and in the "
            "languages our residents speak.",
            ("We will ask you in the ways that suit you:", []),
        ],
    ),
    (
        "3. The Housing Advisory Panel",
        [
            "The improvement plan set up a Housing Advisory Panel of tenants, leaseholders and "
            "independent housing experts. It meets four times a year in public, scrutinises our "
            "performance and reports to the Cabinet Member for Housing. At least half of its "
            "members are tenants or leaseholders.",
            "This strategy gives the panel three new powers: to ask for any report about the "
            "housing service, to choose one service a year for an in-depth review by residents, "
            "and to have its recommendations answered in writing within eight weeks.",
        ],
    ),
    (
        "4. Reporting back: we asked, you said, we did",
        [
            "When a consultation closes we will publish what we heard within six weeks, and what "
            "we decided within three months. Every outcome will say what changed because of "
            "what residents told us, and what did not change and why.",
            "We will publish our progress on the improvement plan every month on this portal: "
            "repairs older than three months, the size of the repairs backlog, how quickly we "
            "answer complaints, and the new secure IT systems that replace the ones lost in the "
            "cyber attack.",
        ],
    ),
    (
        "5. Making it easy to take part",
        [
            "Every consultation will be open for at least 12 weeks, unless the law or an "
            "emergency means we must decide sooner. We will hold at least one event on the "
            "estates most affected, in the evening or at the weekend, with childcare and "
            "interpreters if you ask.",
            "Our documents will come with an Easy Read version and summaries in Turkish, "
            "Polish, Spanish, French, Bengali, Urdu and Yiddish. If you need large print, "
            "audio, Braille or another language, contact the resident engagement team and we "
            "will make it for you.",
            "You can respond online, on paper, by phone or in person at an event, and every "
            "response counts the same.",
        ],
    ),
    (
        "6. How we will know it is working",
        [
            ("We will measure, and publish every year:", []),
            "The Housing Advisory Panel will review these measures each year and can ask us to "
            "change the strategy.",
        ],
    ),
    (
        "7. Have your say",
        [
            "This consultation runs for 12 weeks. Respond online on the consultation page, ask "
            "for a paper copy at your housing office, or phone the resident engagement team on "
            f"{PHONE}. You can also email {EMAIL}.",
            "When the consultation closes we will publish what you told us and how it changed "
            "the strategy, before the council agrees the final version.",
        ],
    ),
]
STRATEGY_LISTS = {
    "2. What we promise": [
        "estate meetings and drop-in sessions, in the evening and at weekends;",
        "online surveys on this portal, which work on any phone;",
        "paper questionnaires with a freepost envelope;",
        "phone calls, with an interpreter if you need one;",
        "the Housing Advisory Panel and tenants' and residents' associations.",
    ],
    "6. How we will know it is working": [
        "how many residents take part, and whether they reflect everyone who lives in our homes;",
        "how many residents say we listen to them and act on what they say;",
        "how many consultations publish their outcome on time;",
        "how many of the panel's recommendations we accept, and what we did about the rest.",
    ],
}


def strategy_pdf() -> PdfDocument:
    blocks = [
        Heading(STRATEGY_TITLE),
        Paragraph(
            "How residents will shape the housing service. A draft for consultation over 12 "
            "weeks, published by the council's housing service as part of the housing "
            "improvement plan."
        ),
        Contents("Contents"),
    ]
    for heading, paragraphs in STRATEGY_SECTIONS:
        blocks.append(Heading(heading, 2))
        for paragraph in paragraphs:
            if isinstance(paragraph, tuple):
                blocks.append(Paragraph(paragraph[0]))
                blocks.append(BulletList(tuple(STRATEGY_LISTS[heading])))
            else:
                blocks.append(Paragraph(paragraph))
    return PdfDocument(
        title=STRATEGY_TITLE,
        language="en-GB",
        subject="How residents will shape the housing service: a draft for consultation",
        blocks=blocks,
    )


# Easy Read: one idea a line, short sentences, big type, a page for each topic.
EASY_READ_PAGES = [
    (
        "What this is about",
        [
            "This is about how we work with you.",
            "We are the council's housing service.",
            "We look after your home.",
            "We want to listen to you better.",
        ],
    ),
    (
        "What went wrong",
        [
            "Some repairs took too long.",
            "Some complaints got no answer.",
            "Our computers were attacked.",
            "We are putting this right.",
        ],
    ),
    (
        "What we will do",
        [
            "We will ask you before we decide.",
            "We will use easy words.",
            "We will use your language.",
            "We will tell you what we changed.",
        ],
    ),
    (
        "The Housing Advisory Panel",
        [
            "The panel is a group of residents and experts.",
            "The panel checks our work.",
            "The panel meets in public.",
            "Anyone can come and watch.",
        ],
    ),
    (
        "Tell us what you think",
        [
            "You have 12 weeks to tell us.",
            "You can answer online.",
            "You can answer on paper.",
            f"You can phone us on {PHONE}.",
            "We can help you to answer.",
        ],
    ),
]


def easy_read_pdf() -> PdfDocument:
    blocks = [Heading("Our plan to listen to you"), Paragraph("An Easy Read guide.")]
    for number, (heading, lines) in enumerate(EASY_READ_PAGES):
        if number:
            blocks.append(PageBreak())
        blocks.append(Heading(heading, 2))
        blocks.extend(Paragraph(line) for line in lines)
    return PdfDocument(
        title=EASY_READ_TITLE,
        language="en-GB",
        subject="An Easy Read guide to the draft resident engagement strategy",
        blocks=blocks,
        body_size=20,
        line_spacing=1.6,
    )


# Per language: (language name in English, title, paragraphs, the points, how to respond).
SUMMARIES = {
    "en": (
        "English",
        "Draft resident engagement strategy: a summary",
        "We have written a draft strategy for how residents will shape the housing service. "
        "It is part of the housing improvement plan, which promises no repair older than three "
        "months, a cleared repairs backlog, faster answers to complaints and new secure IT.",
        [
            "We will ask you before we decide, in plain English and in your language.",
            "The Housing Advisory Panel of residents and experts will check our work.",
            "After every consultation we will publish what you said and what we did.",
        ],
        f"The consultation runs for 12 weeks. Respond online, on paper, or by phone on {PHONE}.",
    ),
    "tr": (
        "Turkish",
        "Sakin katılımı stratejisi taslağı: özet",
        "Sakinlerin konut hizmetini nasıl şekillendireceğine dair bir strateji taslağı "
        "hazırladık. Bu taslak, üç aydan eski onarım kalmamasını, bekleyen onarımların "
        "bitirilmesini, şikâyetlere daha hızlı yanıt verilmesini ve yeni, güvenli bilgi "
        "sistemlerini öngören konut iyileştirme planının bir parçasıdır.",
        [
            "Karar vermeden önce size, sade bir dille ve kendi dilinizde soracağız.",
            "Sakinlerden ve uzmanlardan oluşan Konut Danışma Kurulu çalışmalarımızı denetleyecek.",
            "Her danışmanın ardından ne söylediğinizi ve ne yaptığımızı yayımlayacağız.",
        ],
        f"Danışma 12 hafta sürer. Çevrimiçi, kâğıt üzerinde ya da {PHONE} numaralı telefondan "
        "yanıt verebilirsiniz.",
    ),
    "pl": (
        "Polish",
        "Projekt strategii zaangażowania mieszkańców: streszczenie",
        "Przygotowaliśmy projekt strategii opisującej, jak mieszkańcy będą współtworzyć usługi "
        "mieszkaniowe. Jest on częścią planu poprawy usług mieszkaniowych, który zakłada, że "
        "żadna naprawa nie będzie czekać dłużej niż trzy miesiące, zaległe naprawy zostaną "
        "wykonane, skargi będą rozpatrywane szybciej, a systemy informatyczne będą nowe i "
        "bezpieczne.",
        [
            "Zapytamy Państwa o zdanie przed podjęciem decyzji, prostym językiem i w Państwa "
            "języku.",
            "Mieszkaniowy Panel Doradczy, złożony z mieszkańców i ekspertów, będzie kontrolował "
            "naszą pracę.",
            "Po każdych konsultacjach opublikujemy, co Państwo powiedzieli i co zrobiliśmy.",
        ],
        f"Konsultacje trwają 12 tygodni. Można odpowiedzieć przez internet, na papierze lub "
        f"telefonicznie pod numerem {PHONE}.",
    ),
    "es": (
        "Spanish",
        "Borrador de la estrategia de participación de los residentes: resumen",
        "Hemos redactado una estrategia sobre cómo los residentes darán forma al servicio de "
        "vivienda. Forma parte del plan de mejora de la vivienda, que promete que ninguna "
        "reparación tenga más de tres meses, eliminar las reparaciones pendientes, responder "
        "antes a las quejas y contar con sistemas informáticos nuevos y seguros.",
        [
            "Le consultaremos antes de decidir, con palabras sencillas y en su idioma.",
            "El Panel Asesor de Vivienda, formado por residentes y expertos, revisará nuestro "
            "trabajo.",
            "Después de cada consulta publicaremos lo que nos dijo y lo que hicimos.",
        ],
        f"La consulta dura 12 semanas. Puede responder por internet, en papel o por teléfono "
        f"llamando al {PHONE}.",
    ),
    "fr": (
        "French",
        "Projet de stratégie de participation des habitants : résumé",
        "Nous avons rédigé un projet de stratégie sur la façon dont les habitants "
        "façonneront le service du logement. Il fait partie du plan d'amélioration du "
        "logement, qui promet qu'aucune réparation n'attendra plus de trois mois, que le retard "
        "des réparations sera résorbé, que les réclamations recevront une réponse plus rapide "
        "et que de nouveaux systèmes informatiques sécurisés seront mis en place.",
        [
            "Nous vous consulterons avant de décider, avec des mots simples et dans votre langue.",
            "Le Comité consultatif du logement, composé d'habitants et d'experts, contrôlera "
            "notre travail.",
            "Après chaque consultation, nous publierons ce que vous avez dit et ce que nous "
            "avons fait.",
        ],
        f"La consultation dure 12 semaines. Vous pouvez répondre en ligne, sur papier ou par "
        f"téléphone au {PHONE}.",
    ),
    "bn": (
        "Bengali",
        "বাসিন্দাদের অংশগ্রহণের কৌশলের খসড়া: সারসংক্ষেপ",
        "বাসিন্দারা কীভাবে আবাসন পরিষেবা গড়ে তুলবেন, তা নিয়ে আমরা একটি কৌশলের খসড়া লিখেছি। "
        "এটি আবাসন উন্নয়ন পরিকল্পনার অংশ, যার প্রতিশ্রুতি হলো: তিন মাসের বেশি পুরনো কোনো "
        "মেরামত থাকবে না, জমে থাকা মেরামত শেষ হবে, অভিযোগের উত্তর দ্রুত দেওয়া হবে এবং নতুন "
        "নিরাপদ আইটি ব্যবস্থা আসবে।",
        [
            "সিদ্ধান্ত নেওয়ার আগে আমরা সহজ ভাষায় এবং আপনার ভাষায় আপনার মতামত চাইব।",
            "বাসিন্দা ও বিশেষজ্ঞদের নিয়ে গঠিত আবাসন উপদেষ্টা প্যানেল আমাদের কাজ তদারকি করবে।",
            "প্রতিটি পরামর্শের পরে আপনি কী বলেছেন এবং আমরা কী করেছি, তা প্রকাশ করব।",
        ],
        f"এই পরামর্শ ১২ সপ্তাহ চলবে। অনলাইনে, কাগজে, অথবা {PHONE} নম্বরে ফোন করে উত্তর দিন।",
    ),
    "ur": (
        "Urdu",
        "رہائشیوں کی شمولیت کی حکمت عملی کا مسودہ: خلاصہ",
        "ہم نے ایک حکمت عملی کا مسودہ لکھا ہے کہ رہائشی ہاؤسنگ سروس کو کیسے تشکیل دیں گے۔ یہ "
        "ہاؤسنگ کی بہتری کے منصوبے کا حصہ ہے، جس کا وعدہ ہے کہ کوئی مرمت تین ماہ سے پرانی نہیں "
        "ہوگی، زیر التوا مرمتیں مکمل ہوں گی، شکایات کا جواب جلد دیا جائے گا اور نیا محفوظ آئی "
        "ٹی نظام آئے گا۔",
        [
            "فیصلہ کرنے سے پہلے ہم آسان الفاظ میں اور آپ کی زبان میں آپ سے پوچھیں گے۔",
            "رہائشیوں اور ماہرین پر مشتمل ہاؤسنگ مشاورتی پینل ہمارے کام کی نگرانی کرے گا۔",
            "ہر مشاورت کے بعد ہم شائع کریں گے کہ آپ نے کیا کہا اور ہم نے کیا کیا۔",
        ],
        f"یہ مشاورت 12 ہفتے جاری رہے گی۔ آن لائن، کاغذ پر، یا {_ltr(PHONE)} پر فون کر کے جواب دیں۔",
    ),
    "yi": (
        "Yiddish",
        "פּראָיעקט פֿון דער סטראַטעגיע פֿאַר איינוווינער־באַטייליקונג: אַ קיצור",
        "מיר האָבן געשריבן אַ פּראָיעקט פֿון אַ סטראַטעגיע ווי אַזוי איינוווינער וועלן פֿורעמען "
        "די דירה־סערוויס. ער איז אַ טייל פֿונעם פּלאַן צו פֿאַרבעסערן די דירות, וואָס "
        "צוזאָגט: קיין פֿאַרריכטונג עלטער ווי דרײַ חדשים, די פֿאַרשפּעטיקטע פֿאַרריכטונגען "
        "פֿאַרטיק, שנעלערע ענטפֿערס אויף קלאָגעס, און נײַע זיכערע קאָמפּיוטער־סיסטעמען.",
        [
            "מיר וועלן אײַך פֿרעגן איידער מיר באַשליסן, מיט פּשוטע ווערטער און אין אײַער שפּראַך.",
            "דער דירה־עצה־פּאַנעל פֿון איינוווינער און מומחים וועט קאָנטראָלירן אונדזער אַרבעט.",
            "נאָך יעדער באַראַטונג וועלן מיר פֿאַרעפֿנטלעכן וואָס איר האָט געזאָגט און וואָס מיר האָבן געטאָן.",
        ],
        f"די באַראַטונג גייט 12 וואָכן. ענטפֿערט אָנליין, אויף פּאַפּיר, אָדער רופֿט {_ltr(PHONE)}.",
    ),
}
LANGUAGE_TAGS = {"en": "en-GB"}


def summary_pdf(language: str) -> PdfDocument:
    _name, title, introduction, points, respond = SUMMARIES[language]
    return PdfDocument(
        title=title,
        language=LANGUAGE_TAGS.get(language, language),
        blocks=[
            Heading(title),
            Paragraph(introduction),
            BulletList(tuple(points)),
            Paragraph(respond),
        ],
        body_size=13,
    )


def summary_document_title(language: str) -> str:
    return SUMMARY_TITLE % {"language": SUMMARIES[language][0]}


def ensure_strategy_documents() -> dict:
    """Render and store every strategy document; returns them by kind ("summaries" by language)."""
    collection = child_collection(COLLECTION)

    def store(title, stem, pdf):
        return ensure_pdf_document(title=title, stem=stem, collection=collection, pdf=pdf)

    return {
        "full": store(STRATEGY_TITLE, "draft-resident-engagement-strategy", strategy_pdf()),
        "easy_read": store(
            EASY_READ_TITLE, "draft-resident-engagement-strategy-easy-read", easy_read_pdf()
        ),
        "summaries": {
            language: store(
                summary_document_title(language),
                f"draft-resident-engagement-strategy-summary-{language}",
                summary_pdf(language),
            )
            for language in SUMMARIES
        },
    }


SUMMARY_LINK_TEXT = "Summary in English"
OTHER_FORMATS = (
    "The draft strategy, an Easy Read version and a summary in your language are above, as "
    "accessible PDFs. For large print, audio, Braille or another language, contact the "
    "resident engagement team below and tell us what you need: we will make it for you."
)


def strategy_document_blocks(documents: dict) -> list[dict]:
    """The strategy consultation's documents StreamField, linking the English summary."""

    def block(kind, key, document, title="", description=""):
        return {
            "type": "document",
            "id": BLOCK_IDS[key],
            "value": {
                "document": document.pk,
                "title": title,
                "description": description,
                "kind": kind,
            },
        }

    return [
        block(
            "full",
            "full",
            documents["full"],
            description="The full draft strategy, with a contents list.",
        ),
        block("easy_read", "easy_read", documents["easy_read"]),
        block("other_language", "summary", documents["summaries"]["en"], SUMMARY_LINK_TEXT),
    ]


# The link text and descriptions above, in each language (merged into the page's strings).
DOCUMENT_TRANSLATIONS = {
    "tr": {
        SUMMARY_LINK_TEXT: "Türkçe özet",
        "The full draft strategy, with a contents list.": "İçindekiler listesiyle strateji "
        "taslağının tamamı (İngilizce).",
        OTHER_FORMATS: "Strateji taslağı, kolay okunur sürümü ve kendi dilinizdeki özeti "
        "yukarıda erişilebilir PDF olarak yer alıyor. Büyük puntolu, sesli, Braille alfabesiyle "
        "ya da başka bir dilde bir sürüm için aşağıdaki sakin katılımı ekibiyle iletişime geçin "
        "ve neye ihtiyacınız olduğunu söyleyin: sizin için hazırlarız.",
    },
    "pl": {
        SUMMARY_LINK_TEXT: "Streszczenie po polsku",
        "The full draft strategy, with a contents list.": "Pełny projekt strategii ze spisem "
        "treści (po angielsku).",
        OTHER_FORMATS: "Projekt strategii, wersja łatwa do czytania i streszczenie w Państwa "
        "języku znajdują się powyżej jako dostępne pliki PDF. Aby otrzymać wersję dużą "
        "czcionką, nagranie audio, wersję w alfabecie Braille'a lub w innym języku, prosimy o "
        "kontakt z zespołem ds. zaangażowania mieszkańców (dane poniżej): przygotujemy ją.",
    },
    "es": {
        SUMMARY_LINK_TEXT: "Resumen en español",
        "The full draft strategy, with a contents list.": "El borrador completo de la "
        "estrategia, con índice (en inglés).",
        OTHER_FORMATS: "El borrador de la estrategia, una versión de lectura fácil y un resumen "
        "en su idioma están arriba, en PDF accesible. Si necesita letra grande, audio, braille u "
        "otro idioma, póngase en contacto con el equipo de participación de los residentes "
        "(abajo) y díganos qué necesita: lo prepararemos para usted.",
    },
    "fr": {
        SUMMARY_LINK_TEXT: "Résumé en français",
        "The full draft strategy, with a contents list.": "Le projet de stratégie complet, "
        "avec une table des matières (en anglais).",
        OTHER_FORMATS: "Le projet de stratégie, une version facile à lire et un résumé dans "
        "votre langue sont ci-dessus, en PDF accessible. Pour les gros caractères, l'audio, le "
        "braille ou une autre langue, contactez l'équipe de participation des habitants "
        "ci-dessous et dites-nous ce dont vous avez besoin : nous le préparerons pour vous.",
    },
    "bn": {
        SUMMARY_LINK_TEXT: "বাংলায় সারসংক্ষেপ",
        "The full draft strategy, with a contents list.": "সূচিপত্রসহ পূর্ণাঙ্গ কৌশলের খসড়া (ইংরেজিতে)।",
        OTHER_FORMATS: "কৌশলের খসড়া, সহজপাঠ্য সংস্করণ এবং আপনার ভাষায় সারসংক্ষেপ উপরে "
        "সহজে ব্যবহারযোগ্য পিডিএফ হিসেবে আছে। বড় অক্ষর, অডিও, ব্রেইল বা অন্য কোনো ভাষায় "
        "পেতে নিচে দেওয়া বাসিন্দা অংশগ্রহণ দলের সঙ্গে যোগাযোগ করে জানান আপনার কী দরকার: "
        "আমরা আপনার জন্য তৈরি করে দেব।",
    },
    "ur": {
        SUMMARY_LINK_TEXT: "اردو میں خلاصہ",
        "The full draft strategy, with a contents list.": "فہرست مضامین کے ساتھ حکمت عملی کا "
        "مکمل مسودہ (انگریزی میں)۔",
        OTHER_FORMATS: "حکمت عملی کا مسودہ، آسان مطالعہ والا نسخہ اور آپ کی زبان میں خلاصہ "
        "اوپر قابل رسائی پی ڈی ایف کی صورت میں موجود ہیں۔ بڑے حروف، آڈیو، بریل یا کسی اور "
        "زبان کے لیے نیچے دی گئی رہائشیوں کی شمولیت کی ٹیم سے رابطہ کریں اور بتائیں کہ آپ کو "
        "کیا چاہیے: ہم آپ کے لیے تیار کر دیں گے۔",
    },
    "yi": {
        SUMMARY_LINK_TEXT: "אַ קיצור אויף ייִדיש",
        "The full draft strategy, with a contents list.": "דער גאַנצער פּראָיעקט פֿון דער "
        "סטראַטעגיע, מיט אַן אינהאַלט (אויף ענגליש).",
        OTHER_FORMATS: "דער פּראָיעקט פֿון דער סטראַטעגיע, אַ גרינג־צו־לייענען ווערסיע און אַ "
        "קיצור אין אײַער שפּראַך זײַנען אויבן, ווי צוטריטלעכע PDF־טעקעס. פֿאַר גרויסע "
        "אותיות, אַודיאָ, ברייל אָדער אַן אַנדער שפּראַך, פֿאַרבינדט זיך מיט דער "
        "איינוווינער־באַטייליקונג־גרופּע אונטן און זאָגט וואָס איר דאַרפֿט: מיר וועלן עס "
        "פֿאַר אײַך מאַכן.",
    },
}


def override_summary_per_locale(*, page, documents: dict) -> None:
    """Make each translation of ``page`` link the summary in its own language.

    A document chooser is an overridable segment in wagtail-localize; this sets the override a
    translator would set in the editor, so syncing the translation keeps it.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    english = documents["summaries"]["en"]
    segment = (
        OverridableSegment.objects.filter(source=source, data_json=json.dumps(english.pk))
        .select_related("context")
        .filter(context__path__startswith=f"documents.{BLOCK_IDS['summary']}")
        .first()
    )
    for locale in Locale.objects.exclude(pk=page.locale_id):
        summary = documents["summaries"].get(locale.language_code)
        if summary is None:
            continue
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=segment.context,
            defaults={"data_json": json.dumps(summary.pk)},
        )
