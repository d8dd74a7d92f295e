# ruff: noqa: E501  (translation tables read best one string per line)
"""Texts of the news demo content and their draft translations (awaiting professional review).

``PAGE_STRINGS`` maps a key to ``{language code: text}``; the demo passes the English text with
each translation to ``portal.translation.translate_instance``.
"""

PAGE_STRINGS = {
    "plan_title": {
        "en": "Housing improvement plan",
        "tr": "Konut iyileştirme planı",
        "pl": "Plan poprawy usług mieszkaniowych",
        "es": "Plan de mejora de la vivienda",
        "fr": "Plan d'amélioration du logement",
        "bn": "আবাসন উন্নয়ন পরিকল্পনা",
        "ur": "ہاؤسنگ بہتری کا منصوبہ",
        "yi": "דער פּלאַן צו פֿאַרבעסערן די הייזער",
    },
    "plan_intro": {
        "en": (
            "Our promises to residents, the regulator and the ombudsman, and how we are doing "
            "on each one, measured month by month."
        ),
        "tr": (
            "Sakinlere, düzenleyici kuruma ve ombudsmana verdiğimiz sözler ve her birinde ay "
            "ay ölçülen ilerlememiz."
        ),
        "pl": (
            "Nasze zobowiązania wobec mieszkańców, regulatora i rzecznika oraz postępy w ich "
            "realizacji, mierzone co miesiąc."
        ),
        "es": (
            "Nuestros compromisos con los residentes, el regulador y el defensor del pueblo, y "
            "cómo avanzamos en cada uno, medido mes a mes."
        ),
        "fr": (
            "Nos engagements envers les habitants, le régulateur et le médiateur, et nos "
            "progrès sur chacun, mesurés mois après mois."
        ),
        "bn": (
            "বাসিন্দা, নিয়ন্ত্রক সংস্থা ও ন্যায়পালের কাছে আমাদের প্রতিশ্রুতি, এবং প্রতিটিতে "
            "আমাদের অগ্রগতি, মাসে মাসে মাপা।"
        ),
        "ur": (
            "رہائشیوں، ریگولیٹر اور محتسب سے ہمارے وعدے، اور ہر ایک پر ہماری پیش رفت، مہینہ "
            "بہ مہینہ ناپی گئی۔"
        ),
        "yi": (
            "אונדזערע צוזאָגן צו די איינוווינער, דעם רעגולאַטאָר און דעם אָמבודסמאַן, און ווי "
            "מיר גייען מיט יעדן איינעם, געמאָסטן חודש נאָך חודש."
        ),
    },
    "updates_title": {
        "en": "Updates",
        "tr": "Duyurular",
        "pl": "Aktualności",
        "es": "Novedades",
        "fr": "Actualités",
        "bn": "হালনাগাদ খবর",
        "ur": "تازہ ترین خبریں",
        "yi": "נײַעס",
    },
    "updates_intro": {
        "en": "News about the improvement plan, consultations and your estate.",
        "tr": "İyileştirme planı, danışmalar ve siteniz hakkında haberler.",
        "pl": "Wiadomości o planie poprawy, konsultacjach i Twoim osiedlu.",
        "es": "Noticias sobre el plan de mejora, las consultas y su barrio.",
        "fr": "Des nouvelles du plan d'amélioration, des consultations et de votre cité.",
        "bn": "উন্নয়ন পরিকল্পনা, পরামর্শ এবং আপনার এস্টেট সম্পর্কে খবর।",
        "ur": "بہتری کے منصوبے، مشاورتوں اور آپ کی اسٹیٹ کے بارے میں خبریں۔",
        "yi": "נײַעס וועגן דעם פֿאַרבעסערונג־פּלאַן, די קאָנסולטאַציעס און אײַער עסטעיט.",
    },
    "events_title": {
        "en": "Estate events",
        "tr": "Site etkinlikleri",
        "pl": "Wydarzenia na osiedlach",
        "es": "Eventos en los barrios",
        "fr": "Événements dans les cités",
        "bn": "এস্টেটের অনুষ্ঠান",
        "ur": "اسٹیٹ کی تقریبات",
        "yi": "עסטעיט־געשעענישן",
    },
    "events_intro": {
        "en": "Meetings, drop-ins and surgeries on our estates. Come and talk to us in person.",
        "tr": (
            "Sitelerimizde toplantılar, açık oturumlar ve danışma saatleri. Gelin, bizimle yüz "
            "yüze konuşun."
        ),
        "pl": (
            "Spotkania, dyżury i konsultacje na naszych osiedlach. Przyjdź i porozmawiaj z nami "
            "osobiście."
        ),
        "es": (
            "Reuniones, sesiones abiertas y consultas en nuestros barrios. Venga a hablar con "
            "nosotros en persona."
        ),
        "fr": "Réunions et permanences dans nos cités. Venez nous parler en personne.",
        "bn": "আমাদের এস্টেটগুলোতে সভা ও পরামর্শ সেশন। এসে সরাসরি আমাদের সাথে কথা বলুন।",
        "ur": "ہماری اسٹیٹس پر میٹنگز اور مشاورتی نشستیں۔ آئیں اور ہم سے براہ راست بات کریں۔",
        "yi": "זיצונגען און באַראַטונגען אויף אונדזערע עסטעיטן. קומט און רעדט מיט אונדז.",
    },
    "c1_title": {
        "en": "No repair older than three months",
        "tr": "Üç aydan eski onarım kalmayacak",
        "pl": "Żadna naprawa nie będzie czekać dłużej niż trzy miesiące",
        "es": "Ninguna reparación de más de tres meses",
        "fr": "Aucune réparation en attente depuis plus de trois mois",
        "bn": "তিন মাসের বেশি পুরনো কোনো মেরামত থাকবে না",
        "ur": "کوئی مرمت تین ماہ سے پرانی نہیں",
        "yi": "קיין פֿאַרריכטונג עלטער ווי דרײַ חדשים",
    },
    "c1_intro": {
        "en": "Every repair finished within three months of being reported.",
        "tr": "Her onarım, bildirildikten sonra üç ay içinde tamamlanacak.",
        "pl": "Każda naprawa zakończona w ciągu trzech miesięcy od zgłoszenia.",
        "es": "Cada reparación terminada en los tres meses siguientes al aviso.",
        "fr": "Chaque réparation terminée dans les trois mois suivant son signalement.",
        "bn": "প্রতিটি মেরামত জানানোর তিন মাসের মধ্যে শেষ হবে।",
        "ur": "ہر مرمت اطلاع کے تین ماہ کے اندر مکمل۔",
        "yi": "יעדע פֿאַרריכטונג פֿאַרענדיקט אין משך פֿון דרײַ חדשים נאָכן מעלדן.",
    },
    "c2_title": {
        "en": "Clear the repairs backlog",
        "tr": "Biriken onarımları bitirmek",
        "pl": "Likwidacja zaległych napraw",
        "es": "Eliminar el atraso de reparaciones",
        "fr": "Résorber le retard des réparations",
        "bn": "জমে থাকা মেরামতের কাজ শেষ করা",
        "ur": "مرمت کے زیر التواء کام ختم کرنا",
        "yi": "אָפּאַרבעטן די אָנגעזאַמלטע פֿאַרריכטונגען",
    },
    "c2_intro": {
        "en": "Bring open repairs down to the level of a normal month's work.",
        "tr": "Açık onarımları normal bir aylık iş düzeyine indirmek.",
        "pl": "Zmniejszenie liczby otwartych napraw do poziomu zwykłego miesiąca pracy.",
        "es": "Reducir las reparaciones abiertas al volumen de un mes normal de trabajo.",
        "fr": "Ramener les réparations en cours au niveau d'un mois de travail normal.",
        "bn": "খোলা মেরামতের সংখ্যা স্বাভাবিক এক মাসের কাজের পর্যায়ে নামিয়ে আনা।",
        "ur": "کھلی مرمتوں کو ایک عام مہینے کے کام کی سطح تک لانا۔",
        "yi": "אַראָפּברענגען די אָפֿענע פֿאַרריכטונגען ביז דער מאָס פֿון אַ געוויינטלעכן חודש.",
    },
    "c3_title": {
        "en": "Set up the Housing Advisory Panel",
        "tr": "Konut Danışma Kurulunu kurmak",
        "pl": "Powołanie Mieszkaniowego Panelu Doradczego",
        "es": "Crear el Panel Asesor de Vivienda",
        "fr": "Créer le comité consultatif du logement",
        "bn": "আবাসন উপদেষ্টা প্যানেল গঠন",
        "ur": "ہاؤسنگ ایڈوائزری پینل کا قیام",
        "yi": "גרינדן דעם הויזונג־עצה־פּאַנעל",
    },
    "c3_intro": {
        "en": "A panel of tenants, leaseholders and independent experts.",
        "tr": "Kiracılar, mülk sahipleri ve bağımsız uzmanlardan oluşan bir kurul.",
        "pl": "Panel najemców, właścicieli lokali i niezależnych ekspertów.",
        "es": "Un panel de inquilinos, propietarios y expertos independientes.",
        "fr": "Un comité de locataires, de propriétaires et d'experts indépendants.",
        "bn": "ভাড়াটে, লিজধারী ও স্বাধীন বিশেষজ্ঞদের একটি প্যানেল।",
        "ur": "کرایہ داروں، لیز ہولڈرز اور آزاد ماہرین کا ایک پینل۔",
        "yi": "אַ פּאַנעל פֿון דירה־שׂכירים, אייגנטימער און אומאָפּהענגיקע מומחים.",
    },
    "c4_title": {
        "en": "Answer complaints on time",
        "tr": "Şikâyetlere zamanında yanıt vermek",
        "pl": "Terminowe odpowiedzi na skargi",
        "es": "Responder a las quejas a tiempo",
        "fr": "Répondre aux plaintes dans les délais",
        "bn": "সময়মতো অভিযোগের উত্তর দেওয়া",
        "ur": "شکایات کا بروقت جواب",
        "yi": "ענטפֿערן אויף קלאָגעס אין צײַט",
    },
    "c4_intro": {
        "en": "Answer nine in ten complaints within ten working days.",
        "tr": "Her on şikâyetten dokuzunu on iş günü içinde yanıtlamak.",
        "pl": "Odpowiadać na dziewięć na dziesięć skarg w ciągu dziesięciu dni roboczych.",
        "es": "Responder a nueve de cada diez quejas en diez días laborables.",
        "fr": "Répondre à neuf plaintes sur dix en dix jours ouvrés.",
        "bn": "দশটির মধ্যে নয়টি অভিযোগের উত্তর দশ কর্মদিবসের মধ্যে দেওয়া।",
        "ur": "دس میں سے نو شکایات کا جواب دس کاروباری دنوں میں۔",
        "yi": "ענטפֿערן אויף נײַן פֿון צען קלאָגעס אין משך פֿון צען אַרבעטסטעג.",
    },
    "c5_title": {
        "en": "Move to new, secure IT systems",
        "tr": "Yeni ve güvenli bilgi sistemlerine geçmek",
        "pl": "Przejście na nowe, bezpieczne systemy informatyczne",
        "es": "Pasar a sistemas informáticos nuevos y seguros",
        "fr": "Passer à de nouveaux systèmes informatiques sécurisés",
        "bn": "নতুন, নিরাপদ আইটি ব্যবস্থায় যাওয়া",
        "ur": "نئے اور محفوظ آئی ٹی نظام پر منتقلی",
        "yi": "איבערגיין צו נײַע, זיכערע קאָמפּיוטער־סיסטעמען",
    },
    "c5_intro": {
        "en": "Move every housing service off the systems hit by the cyber attack.",
        "tr": "Her konut hizmetini siber saldırıdan etkilenen sistemlerden taşımak.",
        "pl": "Przenieść wszystkie usługi mieszkaniowe z systemów dotkniętych cyberatakiem.",
        "es": "Sacar todos los servicios de vivienda de los sistemas afectados por el ciberataque.",
        "fr": "Sortir chaque service du logement des systèmes touchés par la cyberattaque.",
        "bn": "সাইবার হামলায় ক্ষতিগ্রস্ত ব্যবস্থা থেকে প্রতিটি আবাসন সেবা সরিয়ে নেওয়া।",
        "ur": "ہر ہاؤسنگ سروس کو سائبر حملے سے متاثرہ نظاموں سے منتقل کرنا۔",
        "yi": "אַריבערפֿירן יעדן הויזונג־דינסט פֿון די סיסטעמען וואָס דער סײַבער־אַטאַקע האָט געטראָפֿן.",
    },
}

PROGRESS_TITLE = {
    "en": "Improvement plan progress: %(month)s",
    "tr": "İyileştirme planında ilerleme: %(month)s",
    "pl": "Postępy planu poprawy: %(month)s",
    "es": "Avances del plan de mejora: %(month)s",
    "fr": "Avancement du plan d'amélioration : %(month)s",
    "bn": "উন্নয়ন পরিকল্পনার অগ্রগতি: %(month)s",
    "ur": "بہتری کے منصوبے کی پیش رفت: %(month)s",
    "yi": "פֿאָרשריט פֿונעם פֿאַרבעסערונג־פּלאַן: %(month)s",
}

PROGRESS_INTRO = {
    "en": "The latest figures for every commitment in the housing improvement plan.",
    "tr": "Konut iyileştirme planındaki her taahhüt için en son rakamlar.",
    "pl": "Najnowsze dane dla każdego zobowiązania z planu poprawy.",
    "es": "Las cifras más recientes de cada compromiso del plan de mejora.",
    "fr": "Les derniers chiffres de chaque engagement du plan d'amélioration.",
    "bn": "আবাসন উন্নয়ন পরিকল্পনার প্রতিটি প্রতিশ্রুতির সর্বশেষ পরিসংখ্যান।",
    "ur": "ہاؤسنگ بہتری کے منصوبے کے ہر وعدے کے تازہ ترین اعداد و شمار۔",
    "yi": "די לעצטע ציפֿערן פֿאַר יעדן צוזאָג אינעם פֿאַרבעסערונג־פּלאַן.",
}

UPDATES = [
    {
        "slug": "housing-advisory-panel-members-appointed",
        # The last member joined 170 days ago (panel/demo/__init__.py); the first meeting is at -150.
        "days_ago": 160,
        "topics": ["engagement"],
        "commitments": ["set-up-the-housing-advisory-panel"],
        "title": {
            "en": "Housing Advisory Panel members appointed",
            "tr": "Konut Danışma Kurulu üyeleri atandı",
            "pl": "Powołano członków Mieszkaniowego Panelu Doradczego",
            "es": "Nombrados los miembros del Panel Asesor de Vivienda",
            "fr": "Les membres du comité consultatif du logement sont nommés",
            "bn": "আবাসন উপদেষ্টা প্যানেলের সদস্য নিয়োগ",
            "ur": "ہاؤسنگ ایڈوائزری پینل کے ارکان مقرر",
            "yi": "מיטגלידער פֿונעם הויזונג־עצה־פּאַנעל באַשטימט",
        },
        "introduction": {
            "en": "Eight members, half of them tenants and leaseholders, will hold us to account on "
            "the plan.",
            "tr": "Yarısı kiracı ve mülk sahibi olan sekiz üye, plan konusunda bizden hesap soracak.",
            "pl": "Ośmiu członków, w połowie najemców i właścicieli lokali, będzie rozliczać nas z "
            "planu.",
            "es": "Ocho miembros, la mitad inquilinos y propietarios, nos pedirán cuentas sobre el "
            "plan.",
            "fr": "Huit membres, dont la moitié sont locataires ou copropriétaires, nous demanderont "
            "des comptes sur le plan.",
            "bn": "আটজন সদস্য, যাঁদের অর্ধেক ভাড়াটে ও লিজহোল্ডার, পরিকল্পনা নিয়ে আমাদের জবাবদিহি চাইবেন।",
            "ur": "آٹھ ارکان، جن میں سے آدھے کرایہ دار اور لیزہولڈر ہیں، منصوبے پر ہم سے جواب طلب "
            "کریں گے۔",
            "yi": "אַכט מיטגלידער, העלפֿט פֿון זיי דינגער און אייגנטימער, וועלן אונדז האַלטן "
            "פֿאַראַנטוואָרטלעך פֿאַרן פּלאַן.",
        },
        "body": "The panel meets in public every two months. Its papers and minutes are on its pages.",
    },
    {
        "slug": "repairs-surgeries-this-winter",
        "days_ago": 20,
        "topics": ["repairs", "estates"],
        "commitments": ["no-repair-older-than-three-months", "clear-the-repairs-backlog"],
        "title": {
            "en": "Repairs surgeries on your estate this winter",
            "tr": "Bu kış sitenizde onarım danışma saatleri",
            "pl": "Dyżury naprawcze na Twoim osiedlu tej zimy",
            "es": "Consultas sobre reparaciones en su barrio este invierno",
            "fr": "Permanences réparations dans votre cité cet hiver",
            "bn": "এই শীতে আপনার এস্টেটে মেরামত বিষয়ক সেশন",
            "ur": "اس سردی آپ کی اسٹیٹ پر مرمت کی نشستیں",
            "yi": "פֿאַרריכטונג־שעהן אויף אײַער עסטעיט דעם ווינטער",
        },
        "introduction": {
            "en": "Bring your repair problems to a surgery and we will book the work there.",
            "tr": "Onarım sorunlarınızı danışma saatine getirin, işi orada planlayalım.",
            "pl": "Przyjdź na dyżur ze swoimi usterkami, a zlecimy naprawę na miejscu.",
            "es": "Traiga sus problemas de reparación y programaremos el trabajo allí mismo.",
            "fr": "Venez avec vos soucis de réparation : travaux planifiés sur place.",
            "bn": "মেরামতের সমস্যা নিয়ে আসুন, আমরা সেখানেই কাজ বুক করব।",
            "ur": "اپنی مرمت کے مسائل لے کر آئیں، ہم وہیں کام بک کریں گے۔",
            "yi": "ברענגט אײַערע פֿאַרריכטונג־פּראָבלעמען און מיר וועלן גלײַך באַשטעלן די אַרבעט.",
        },
        "body": "See the events page for dates and places. Interpreters are available.",
    },
    {
        "slug": "tackling-damp-and-mould",
        "days_ago": 45,
        "topics": ["damp-and-mould"],
        "commitments": [],
        "title": {
            "en": "How we are tackling damp and mould",
            "tr": "Rutubet ve küfle nasıl mücadele ediyoruz",
            "pl": "Jak walczymy z wilgocią i pleśnią",
            "es": "Cómo combatimos la humedad y el moho",
            "fr": "Comment nous luttons contre l'humidité et les moisissures",
            "bn": "স্যাঁতসেঁতে ভাব ও ছত্রাকের বিরুদ্ধে আমরা যা করছি",
            "ur": "نمی اور پھپھوندی سے ہم کیسے نمٹ رہے ہیں",
            "yi": "ווי מיר קעמפֿן קעגן פֿײַכטקייט און שימל",
        },
        "introduction": {
            "en": "Report damp and mould and we will inspect within ten working days.",
            "tr": "Rutubet ve küfü bildirin, on iş günü içinde inceleyelim.",
            "pl": "Zgłoś wilgoć i pleśń, a sprawdzimy je w ciągu dziesięciu dni roboczych.",
            "es": "Avise de humedad o moho y lo inspeccionaremos en diez días laborables.",
            "fr": "Signalez l'humidité ou la moisissure : inspection sous dix jours ouvrés.",
            "bn": "স্যাঁতসেঁতে ভাব বা ছত্রাক জানান, দশ কর্মদিবসের মধ্যে আমরা পরিদর্শন করব।",
            "ur": "نمی اور پھپھوندی کی اطلاع دیں، ہم دس کاروباری دنوں میں معائنہ کریں گے۔",
            "yi": "מעלדט פֿײַכטקייט און שימל און מיר וועלן קוקן אין משך פֿון צען אַרבעטסטעג.",
        },
        "body": "Our surveyors find the cause, not only the mould, and come back to check.",
    },
    {
        "slug": "have-your-say-engagement-strategy",
        # The day the consultation opened (consultations/demo/__init__.py: 21 days ago).
        "days_ago": 21,
        "topics": ["consultations", "engagement"],
        "commitments": [],
        "title": {
            "en": "Have your say on the draft resident engagement strategy",
            "tr": "Sakin katılımı strateji taslağı hakkında görüşünüzü bildirin",
            "pl": "Wypowiedz się o projekcie strategii zaangażowania mieszkańców",
            "es": "Opine sobre el borrador de la estrategia de participación de los residentes",
            "fr": "Donnez votre avis sur le projet de stratégie de participation des habitants",
            "bn": "বাসিন্দাদের সম্পৃক্ততা কৌশলের খসড়া নিয়ে আপনার মত দিন",
            "ur": "رہائشیوں کی شمولیت کی حکمت عملی کے مسودے پر اپنی رائے دیں",
            "yi": "זאָגט אײַער מיינונג וועגן דער איינוווינער־באַטייליקונג־סטראַטעגיע",
        },
        "introduction": {
            "en": "A twelve-week consultation is open. Tell us how you want to be involved.",
            "tr": "On iki haftalık bir danışma açık. Nasıl katılmak istediğinizi söyleyin.",
            "pl": "Trwa dwunastotygodniowa konsultacja. Powiedz nam, jak chcesz się angażować.",
            "es": "Hay una consulta abierta de doce semanas. Díganos cómo quiere participar.",
            "fr": "Une consultation de douze semaines est ouverte. Dites-nous comment participer.",
            "bn": "বারো সপ্তাহের পরামর্শ চলছে। আপনি কীভাবে যুক্ত হতে চান, জানান।",
            "ur": "بارہ ہفتوں کی مشاورت جاری ہے۔ بتائیں آپ کیسے شامل ہونا چاہتے ہیں۔",
            "yi": "אַ קאָנסולטאַציע פֿון צוועלף וואָכן איז אָפֿן. זאָגט אונדז ווי איר ווילט מיטמאַכן.",
        },
        "body": "You can answer online, at an estate drop-in or on paper.",
    },
    {
        "slug": "new-repairs-system-goes-live",
        "days_ago": 75,
        "topics": ["it-and-data", "repairs"],
        "commitments": ["move-to-new-secure-it-systems"],
        "title": {
            "en": "New repairs system goes live",
            "tr": "Yeni onarım sistemi devreye girdi",
            "pl": "Nowy system napraw już działa",
            "es": "Entra en funcionamiento el nuevo sistema de reparaciones",
            "fr": "Le nouveau système de réparations est en service",
            "bn": "নতুন মেরামত ব্যবস্থা চালু হয়েছে",
            "ur": "مرمت کا نیا نظام شروع ہو گیا",
            "yi": "די נײַע פֿאַרריכטונג־סיסטעם אַרבעט שוין",
        },
        "introduction": {
            "en": "You can now report a repair online and follow it until it is done.",
            "tr": "Artık onarımı çevrim içi bildirip bitene kadar takip edebilirsiniz.",
            "pl": "Teraz możesz zgłosić naprawę online i śledzić ją do końca.",
            "es": "Ya puede avisar de una reparación en línea y seguirla hasta el final.",
            "fr": "Vous pouvez désormais signaler une réparation en ligne et la suivre.",
            "bn": "এখন অনলাইনে মেরামতের অনুরোধ করে শেষ পর্যন্ত অনুসরণ করতে পারবেন।",
            "ur": "اب آپ آن لائن مرمت کی اطلاع دے کر مکمل ہونے تک دیکھ سکتے ہیں۔",
            "yi": "איצט קענט איר מעלדן אַ פֿאַרריכטונג אָנליין און נאָכפֿאָלגן ביזן סוף.",
        },
        "body": "Phone and in-person reporting carry on as before.",
    },
    {
        "slug": "thirty-more-repairs-operatives",
        "days_ago": 150,
        "topics": ["workforce", "repairs"],
        "commitments": ["clear-the-repairs-backlog"],
        "title": {
            "en": "Thirty more repairs operatives recruited",
            "tr": "Otuz yeni onarım personeli işe alındı",
            "pl": "Zatrudniliśmy trzydziestu kolejnych fachowców od napraw",
            "es": "Contratados treinta operarios de reparaciones más",
            "fr": "Trente agents de réparation supplémentaires recrutés",
            "bn": "আরও ত্রিশজন মেরামত কর্মী নিয়োগ",
            "ur": "مرمت کے مزید تیس کارکن بھرتی",
            "yi": "דרײַסיק נײַע פֿאַרריכטונג־אַרבעטער אָנגעשטעלט",
        },
        "introduction": {
            "en": "More plumbers, electricians and carpenters to clear the backlog.",
            "tr": "Birikmiş işleri bitirmek için daha fazla tesisatçı, elektrikçi ve marangoz.",
            "pl": "Więcej hydraulików, elektryków i stolarzy do likwidacji zaległości.",
            "es": "Más fontaneros, electricistas y carpinteros para acabar con el atraso.",
            "fr": "Plus de plombiers, d'électriciens et de menuisiers pour résorber le retard.",
            "bn": "জমে থাকা কাজ শেষ করতে আরও প্লাম্বার, ইলেকট্রিশিয়ান ও কাঠমিস্ত্রি।",
            "ur": "زیر التواء کام ختم کرنے کے لیے مزید پلمبر، الیکٹریشن اور بڑھئی۔",
            "yi": "מער אינסטאַלאַטאָרן, עלעקטריקער און סטאָליערס צו פֿאַרענדיקן די אַרבעט.",
        },
        "body": "They start on the estates with the longest waits first.",
    },
]

EVENT_KINDS = [
    {
        "slug": "drop-in",
        "title": {
            "en": "%(estate)s: drop-in on the resident engagement strategy",
            "tr": "%(estate)s: sakin katılımı stratejisi hakkında açık oturum",
            "pl": "%(estate)s: dyżur w sprawie strategii zaangażowania mieszkańców",
            "es": "%(estate)s: sesión abierta sobre la estrategia de participación",
            "fr": "%(estate)s : permanence sur la stratégie de participation des habitants",
            "bn": "%(estate)s: বাসিন্দাদের সম্পৃক্ততা কৌশল নিয়ে ড্রপ-ইন",
            "ur": "%(estate)s: رہائشیوں کی شمولیت کی حکمت عملی پر ڈراپ اِن",
            "yi": "%(estate)s: אָפֿענע שעה וועגן דער באַטייליקונג־סטראַטעגיע",
        },
        "introduction": {
            "en": "Find out about the draft strategy and tell us what you think.",
            "tr": "Strateji taslağını öğrenin ve ne düşündüğünüzü bize söyleyin.",
            "pl": "Poznaj projekt strategii i powiedz nam, co o nim myślisz.",
            "es": "Conozca el borrador de la estrategia y díganos qué opina.",
            "fr": "Découvrez le projet de stratégie et dites-nous ce que vous en pensez.",
            "bn": "খসড়া কৌশল সম্পর্কে জানুন এবং আপনার মতামত দিন।",
            "ur": "حکمت عملی کے مسودے کے بارے میں جانیں اور اپنی رائے دیں۔",
            "yi": "דערוויסט זיך וועגן דער סטראַטעגיע און זאָגט אונדז וואָס איר מיינט.",
        },
        "body": "Staff from the engagement team will be there with paper copies of the survey.",
    },
    {
        "slug": "repairs-surgery",
        "title": {
            "en": "%(estate)s: repairs surgery",
            "tr": "%(estate)s: onarım danışma saati",
            "pl": "%(estate)s: dyżur naprawczy",
            "es": "%(estate)s: consulta sobre reparaciones",
            "fr": "%(estate)s : permanence réparations",
            "bn": "%(estate)s: মেরামত বিষয়ক সেশন",
            "ur": "%(estate)s: مرمت کی نشست",
            "yi": "%(estate)s: פֿאַרריכטונג־שעה",
        },
        "introduction": {
            "en": "Bring your repair problems: we will book and chase jobs on the spot.",
            "tr": "Onarım sorunlarınızı getirin: işleri yerinde planlayıp takip edelim.",
            "pl": "Przyjdź ze swoimi usterkami: zlecimy i dopilnujemy napraw na miejscu.",
            "es": "Traiga sus problemas: programaremos y seguiremos los trabajos allí mismo.",
            "fr": "Venez avec vos problèmes : nous planifierons et relancerons les travaux.",
            "bn": "মেরামতের সমস্যা নিয়ে আসুন: আমরা সেখানেই কাজ বুক করে খোঁজ রাখব।",
            "ur": "اپنی مرمت کے مسائل لائیں: ہم وہیں کام بک کریں گے اور پیچھا کریں گے۔",
            "yi": "ברענגט אײַערע פּראָבלעמען: מיר וועלן באַשטעלן און נאָכיאָגן די אַרבעט.",
        },
        "body": "Surveyors and the repairs team will be there. No appointment needed.",
    },
    {
        "slug": "residents-meeting",
        "title": {
            "en": "%(estate)s: residents' meeting",
            "tr": "%(estate)s: sakinler toplantısı",
            "pl": "%(estate)s: zebranie mieszkańców",
            "es": "%(estate)s: reunión de residentes",
            "fr": "%(estate)s : réunion des habitants",
            "bn": "%(estate)s: বাসিন্দাদের সভা",
            "ur": "%(estate)s: رہائشیوں کا اجلاس",
            "yi": "%(estate)s: איינוווינער־זיצונג",
        },
        "introduction": {
            "en": "Hear how the improvement plan is going on your estate and ask us questions.",
            "tr": "İyileştirme planının sitenizde nasıl gittiğini dinleyin ve soru sorun.",
            "pl": "Dowiedz się, jak idzie plan poprawy na Twoim osiedlu, i zadaj pytania.",
            "es": "Sepa cómo avanza el plan de mejora en su barrio y háganos preguntas.",
            "fr": "Découvrez où en est le plan dans votre cité et posez-nous vos questions.",
            "bn": "আপনার এস্টেটে উন্নয়ন পরিকল্পনা কেমন চলছে শুনুন এবং প্রশ্ন করুন।",
            "ur": "سنیں کہ آپ کی اسٹیٹ پر منصوبہ کیسا چل رہا ہے اور سوال پوچھیں۔",
            "yi": "הערט ווי עס גייט מיטן פּלאַן אויף אײַער עסטעיט און פֿרעגט אונדז פֿראַגן.",
        },
        "body": "Councillors and the housing management team will answer questions.",
    },
]

# The rest of the news demo's resident-facing text: measures and their units, update and event
# bodies, event details. Each English string maps to its Turkish, Polish, Spanish, French,
# Bengali, Urdu and Yiddish translations, in that order (the order of ``LANGUAGES``).
LANGUAGES = ["tr", "pl", "es", "fr", "bn", "ur", "yi"]

CONTENT = {
    "Repairs open for more than three months": (
        "Üç aydan uzun süredir açık onarımlar",
        "Naprawy otwarte dłużej niż trzy miesiące",
        "Reparaciones abiertas desde hace más de tres meses",
        "Réparations ouvertes depuis plus de trois mois",
        "তিন মাসের বেশি সময় ধরে খোলা মেরামত",
        "تین مہینے سے زیادہ عرصے سے کھلی مرمتیں",
        "פֿאַרריכטונגען וואָס זענען אָפֿן מער ווי דרײַ חדשים",
    ),
    "Open repairs": (
        "Açık onarımlar",
        "Otwarte naprawy",
        "Reparaciones abiertas",
        "Réparations en cours",
        "খোলা মেরামত",
        "کھلی مرمتیں",
        "אָפֿענע פֿאַרריכטונגען",
    ),
    "Panel members appointed": (
        "Atanan kurul üyeleri",
        "Powołani członkowie panelu",
        "Miembros del panel nombrados",
        "Membres du comité nommés",
        "নিযুক্ত প্যানেল সদস্য",
        "مقرر کیے گئے پینل ارکان",
        "באַשטימטע פּאַנעל־מיטגלידער",
    ),
    "Complaints answered within 10 working days": (
        "10 iş günü içinde yanıtlanan şikâyetler",
        "Skargi rozpatrzone w ciągu 10 dni roboczych",
        "Quejas respondidas en 10 días hábiles",
        "Plaintes traitées sous 10 jours ouvrés",
        "১০ কার্যদিবসের মধ্যে উত্তর দেওয়া অভিযোগ",
        "10 کاروباری دنوں میں جواب دی گئی شکایات",
        "קלאָגעס וואָס מע האָט געענטפֿערט אין 10 אַרבעטס־טעג",
    ),
    "Housing services moved to the new systems": (
        "Yeni sistemlere taşınan konut hizmetleri",
        "Usługi mieszkaniowe przeniesione do nowych systemów",
        "Servicios de vivienda trasladados a los nuevos sistemas",
        "Services du logement passés aux nouveaux systèmes",
        "নতুন সিস্টেমে সরানো আবাসন পরিষেবা",
        "نئے نظاموں پر منتقل کی گئی ہاؤسنگ سروسز",
        "הויזונג־סערוויסן וואָס זענען אַריבער אויף די נײַע סיסטעמען",
    ),
    "repairs": (
        "onarım",
        "napraw",
        "reparaciones",
        "réparations",
        "টি মেরামত",
        "مرمتیں",
        "פֿאַרריכטונגען",
    ),
    "members": ("üye", "członków", "miembros", "membres", "জন সদস্য", "ارکان", "מיטגלידער"),
    "services": ("hizmet", "usług", "servicios", "services", "টি পরিষেবা", "سروسز", "סערוויסן"),
    "Each commitment's page has the new figure, its chart and where the figure comes from. "
    "Statuses are worked out from the figures, not typed in.": (
        "Her taahhüdün sayfasında yeni rakam, grafiği ve rakamın nereden geldiği yer alır. "
        "Durumlar elle yazılmaz, rakamlardan hesaplanır.",
        "Na stronie każdego zobowiązania jest nowa liczba, jej wykres i źródło danych. Status "
        "wynika z liczb, a nie jest wpisywany ręcznie.",
        "La página de cada compromiso tiene la nueva cifra, su gráfico y de dónde sale la cifra. "
        "Los estados se calculan a partir de las cifras, no se escriben a mano.",
        "La page de chaque engagement donne le nouveau chiffre, son graphique et sa source. Les "
        "statuts sont calculés à partir des chiffres, pas saisis à la main.",
        "প্রতিটি প্রতিশ্রুতির পাতায় নতুন সংখ্যা, তার চার্ট এবং সংখ্যাটি কোথা থেকে এসেছে তা "
        "আছে। অবস্থা সংখ্যা থেকে হিসাব করা হয়, হাতে লেখা হয় না।",
        "ہر وعدے کے صفحے پر نیا عدد، اس کا چارٹ اور یہ کہ عدد کہاں سے آیا ہے، موجود ہے۔ "
        "صورتحال اعداد سے نکالی جاتی ہے، ہاتھ سے نہیں لکھی جاتی۔",
        "דער בלאַט פֿון יעדן צוזאָג האָט די נײַע ציפֿער, איר דיאַגראַם און פֿון וואַנען די ציפֿער "
        "קומט. דער סטאַטוס ווערט אויסגערעכנט פֿון די ציפֿערן, נישט אַרײַנגעשריבן מיט דער האַנט.",
    ),
    "The panel meets in public every two months. Its papers and minutes are on its pages.": (
        "Kurul iki ayda bir halka açık olarak toplanır. Belgeleri ve tutanakları kendi "
        "sayfalarındadır.",
        "Panel zbiera się publicznie co dwa miesiące. Jego dokumenty i protokoły są na jego "
        "stronach.",
        "El panel se reúne en público cada dos meses. Sus documentos y actas están en sus páginas.",
        "Le comité se réunit en public tous les deux mois. Ses documents et comptes rendus sont "
        "sur ses pages.",
        "প্যানেল প্রতি দুই মাসে প্রকাশ্যে বৈঠক করে। এর নথি ও কার্যবিবরণী এর পাতায় আছে।",
        "پینل ہر دو مہینے بعد عوامی اجلاس کرتا ہے۔ اس کی دستاویزات اور کارروائی کی رپورٹیں "
        "اس کے صفحات پر ہیں۔",
        "דער פּאַנעל קומט זיך צונויף עפֿנטלעך יעדע צוויי חדשים. זײַנע דאָקומענטן און "
        "פּראָטאָקאָלן זענען אויף זײַנע בלעטער.",
    ),
    "See the events page for dates and places. Interpreters are available.": (
        "Tarihler ve yerler için etkinlikler sayfasına bakın. Tercümanlar hazır bulunur.",
        "Daty i miejsca znajdziesz na stronie wydarzeń. Dostępni są tłumacze.",
        "Consulte la página de eventos para ver fechas y lugares. Hay intérpretes disponibles.",
        "Consultez la page des événements pour les dates et les lieux. Des interprètes sont "
        "disponibles.",
        "তারিখ ও স্থানের জন্য অনুষ্ঠানের পাতা দেখুন। দোভাষী পাওয়া যায়।",
        "تاریخوں اور جگہوں کے لیے تقریبات کا صفحہ دیکھیں۔ ترجمان دستیاب ہیں۔",
        "זעט דעם בלאַט פֿון געשעענישן פֿאַר דאַטעס און ערטער. עס זענען פֿאַראַן דאָלמעטשער.",
    ),
    "Our surveyors find the cause, not only the mould, and come back to check.": (
        "Uzmanlarımız yalnızca küfü değil, nedenini de bulur ve kontrol için geri gelir.",
        "Nasi inspektorzy szukają przyczyny, nie tylko pleśni, i wracają, żeby sprawdzić efekt.",
        "Nuestros técnicos buscan la causa, no solo el moho, y vuelven para comprobarlo.",
        "Nos experts cherchent la cause, pas seulement la moisissure, et reviennent vérifier.",
        "আমাদের সার্ভেয়াররা শুধু ছত্রাক নয়, তার কারণ খুঁজে বের করেন এবং পরে আবার দেখতে আসেন।",
        "ہمارے سرویئر صرف پھپھوندی نہیں بلکہ اس کی وجہ تلاش کرتے ہیں، اور جانچنے کے لیے "
        "دوبارہ آتے ہیں۔",
        "אונדזערע אינספּעקטאָרן געפֿינען די סיבה, נישט נאָר דעם שימל, און קומען צוריק צו קאָנטראָלירן.",
    ),
    "You can answer online, at an estate drop-in or on paper.": (
        "İnternetten, bir site buluşmasında ya da kâğıt üzerinde yanıt verebilirsiniz.",
        "Możesz odpowiedzieć przez internet, na dyżurze na osiedlu albo na papierze.",
        "Puede responder en línea, en una sesión abierta en su barrio o en papel.",
        "Vous pouvez répondre en ligne, lors d'une permanence dans votre cité ou sur papier.",
        "আপনি অনলাইনে, এস্টেটের ড্রপ-ইন সেশনে বা কাগজে উত্তর দিতে পারেন।",
        "آپ آن لائن، اسٹیٹ کی ڈراپ اِن نشست میں یا کاغذ پر جواب دے سکتے ہیں۔",
        "איר קענט ענטפֿערן אָנליין, בײַ אַן עסטעיט־טרעף אָדער אויף פּאַפּיר.",
    ),
    "Phone and in-person reporting carry on as before.": (
        "Telefonla ve yüz yüze bildirim eskisi gibi devam ediyor.",
        "Zgłoszenia telefoniczne i osobiste działają tak jak dotąd.",
        "Puede seguir avisando por teléfono y en persona como antes.",
        "Les signalements par téléphone et en personne continuent comme avant.",
        "ফোনে ও সরাসরি গিয়ে জানানো আগের মতোই চলবে।",
        "فون پر اور خود آ کر اطلاع دینا پہلے کی طرح جاری ہے۔",
        "מע קען ווײַטער מעלדן דורכן טעלעפֿאָן און פּערזענלעך ווי פֿריִער.",
    ),
    "They start on the estates with the longest waits first.": (
        "İşe önce en uzun bekleyen sitelerden başlıyorlar.",
        "Zaczynają od osiedli, na których czeka się najdłużej.",
        "Empiezan por los barrios donde más se espera.",
        "Ils commencent par les cités où l'attente est la plus longue.",
        "তাঁরা প্রথমে সবচেয়ে বেশি অপেক্ষার এস্টেটগুলো থেকে শুরু করছেন।",
        "وہ سب سے پہلے ان اسٹیٹس سے شروع کر رہے ہیں جہاں انتظار سب سے طویل ہے۔",
        "זיי הייבן אָן מיט די עסטעיטס וווּ מע וואַרט דאָס לענגסטע.",
    ),
    "Staff from the engagement team will be there with paper copies of the survey.": (
        "Katılım ekibinden çalışanlar anketin kâğıt kopyalarıyla orada olacak.",
        "Pracownicy zespołu ds. udziału mieszkańców będą na miejscu z papierowymi ankietami.",
        "Personal del equipo de participación estará allí con copias en papel de la encuesta.",
        "L'équipe de participation sera présente avec des exemplaires papier du questionnaire.",
        "অংশগ্রহণ দলের কর্মীরা জরিপের কাগজের কপি নিয়ে সেখানে থাকবেন।",
        "شمولیت کی ٹیم کا عملہ سروے کی کاغذی کاپیوں کے ساتھ وہاں موجود ہوگا۔",
        "מיטאַרבעטער פֿון דער באַטייליקונג־גרופּע וועלן דאָרט זײַן מיט פּאַפּירענע "
        "עקזעמפּלאַרן פֿון דער אַנקעטע.",
    ),
    "Surveyors and the repairs team will be there. No appointment needed.": (
        "Uzmanlar ve onarım ekibi orada olacak. Randevu gerekmez.",
        "Będą inspektorzy i zespół napraw. Nie trzeba się umawiać.",
        "Estarán los técnicos y el equipo de reparaciones. No hace falta cita.",
        "Des experts et l'équipe des réparations seront là. Sans rendez-vous.",
        "সার্ভেয়ার ও মেরামত দল সেখানে থাকবেন। অ্যাপয়েন্টমেন্টের দরকার নেই।",
        "سرویئر اور مرمت کی ٹیم وہاں ہوں گے۔ وقت لینے کی ضرورت نہیں۔",
        "אינספּעקטאָרן און די פֿאַרריכטונג־גרופּע וועלן דאָרט זײַן. מע דאַרף זיך נישט פֿאָרויס פֿאַרשרײַבן.",
    ),
    "Councillors and the housing management team will answer questions.": (
        "Meclis üyeleri ve konut yönetim ekibi soruları yanıtlayacak.",
        "Radni i zespół zarządzający mieszkaniami odpowiedzą na pytania.",
        "Los concejales y el equipo de gestión de vivienda responderán a sus preguntas.",
        "Les élus et l'équipe de gestion du logement répondront aux questions.",
        "কাউন্সিলর ও আবাসন ব্যবস্থাপনা দল প্রশ্নের উত্তর দেবেন।",
        "کونسلر اور ہاؤسنگ مینجمنٹ کی ٹیم سوالوں کے جواب دیں گے۔",
        "ראַטסמיטגלידער און די הויזונג־פֿאַרוואַלטונג וועלן ענטפֿערן אויף פֿראַגעס.",
    ),
    "The hall is closed for repairs. We will hold the surgery on a new date soon.": (
        "Salon onarım için kapalı. Buluşmayı yakında yeni bir tarihte yapacağız.",
        "Sala jest zamknięta z powodu remontu. Wkrótce podamy nowy termin dyżuru.",
        "La sala está cerrada por obras. Pronto haremos la sesión en una nueva fecha.",
        "La salle est fermée pour travaux. Nous tiendrons la permanence à une nouvelle date "
        "bientôt.",
        "মেরামতের জন্য হলটি বন্ধ। আমরা শীঘ্রই নতুন তারিখে সেশনটি করব।",
        "ہال مرمت کے لیے بند ہے۔ ہم جلد ہی نئی تاریخ پر یہ نشست رکھیں گے۔",
        "דער זאַל איז פֿאַרמאַכט צוליב רעמאָנט. מיר וועלן באַלד האַלטן די זיצונג אויף אַ נײַער דאַטע.",
    ),
    "Turkish and Bengali interpreters; British Sign Language on request": (
        "Türkçe ve Bengalce tercümanlar; istek üzerine İngiliz İşaret Dili",
        "Tłumacze języka tureckiego i bengalskiego; brytyjski język migowy na życzenie",
        "Intérpretes de turco y bengalí; lengua de signos británica si la pide",
        "Interprètes en turc et en bengali ; langue des signes britannique sur demande",
        "তুর্কি ও বাংলা দোভাষী; অনুরোধে ব্রিটিশ সাংকেতিক ভাষা",
        "ترکی اور بنگالی ترجمان؛ درخواست پر برطانوی اشاروں کی زبان",
        "טערקישע און בענגאַלישע דאָלמעטשער; בריטישע צייכן־שפּראַך אויף בקשה",
    ),
}

# Venue and address of an estate's events; the estate name and postcode area stay as they are.
VENUE = {
    "en": "%(estate)s community hall",
    "tr": "%(estate)s toplum salonu",
    "pl": "Świetlica osiedla %(estate)s",
    "es": "Centro vecinal de %(estate)s",
    "fr": "Salle commune de %(estate)s",
    "bn": "%(estate)s কমিউনিটি হল",
    "ur": "%(estate)s کمیونٹی ہال",
    "yi": "געמיינדע־זאַל פֿון %(estate)s",
}
ADDRESS = {
    "en": "%(estate)s Estate, London %(area)s",
    "tr": "%(estate)s Sitesi, Londra %(area)s",
    "pl": "Osiedle %(estate)s, Londyn %(area)s",
    "es": "Urbanización %(estate)s, Londres %(area)s",
    "fr": "Cité %(estate)s, Londres %(area)s",
    "bn": "%(estate)s এস্টেট, লন্ডন %(area)s",
    "ur": "%(estate)s اسٹیٹ، لندن %(area)s",
    "yi": "%(estate)s עסטעיט, לאָנדאָן %(area)s",
}
