# ruff: noqa: E501  (translation tables read best one string per line)
"""Translations of the panel demo's page text beyond titles and introductions.

Each English source string maps to its Turkish, Polish, Spanish, French, Bengali, Urdu and
Yiddish translations, in that order. Draft translations awaiting professional review. People's
names (agenda presenters) are the same in every language and are not listed.
"""

LANGUAGES = ["tr", "pl", "es", "fr", "bn", "ur", "yi"]

_TABLE = {
    "The panel was set up by the housing improvement plan. It meets in public every two months, and anyone can come and watch.": (
        "Kurul, konut iyileştirme planıyla kuruldu. İki ayda bir halka açık olarak toplanır ve herkes gelip izleyebilir.",
        "Panel powstał na mocy planu poprawy usług mieszkaniowych. Zbiera się publicznie co dwa miesiące i każdy może przyjść i posłuchać.",
        "El panel se creó con el plan de mejora de la vivienda. Se reúne en público cada dos meses y cualquiera puede venir a verlo.",
        "Le comité a été créé par le plan d’amélioration du logement. Il se réunit en public tous les deux mois, et chacun peut venir y assister.",
        "আবাসন উন্নয়ন পরিকল্পনার মাধ্যমে প্যানেলটি গঠিত হয়েছে। এটি প্রতি দুই মাসে প্রকাশ্যে বৈঠক করে, এবং যে কেউ এসে দেখতে পারেন।",
        "پینل ہاؤسنگ بہتری کے منصوبے کے تحت بنایا گیا۔ یہ ہر دو مہینے بعد عوامی اجلاس کرتا ہے، اور کوئی بھی آ کر دیکھ سکتا ہے۔",
        "דער פּאַנעל איז געגרינדעט געוואָרן דורכן פּלאַן צו פֿאַרבעסערן די הייזער. ער קומט זיך צונויף עפֿנטלעך יעדע צוויי חדשים, און איטלעכער קען קומען צוזען.",
    ),
    "The panel scrutinises the housing service's performance, advises on the improvement plan and reports to the Cabinet Member for Housing. It has eight members: an independent chair, three tenants, a leaseholder, two independent experts and the council's Head of Housing Engagement, who supports its work. Half of its members are tenants or leaseholders.": (
        "Kurul, konut hizmetinin performansını denetler, iyileştirme planı konusunda görüş verir ve Konuttan Sorumlu Kabine Üyesine rapor sunar. Sekiz üyesi vardır: bağımsız bir başkan, üç kiracı, bir mülk sahibi, iki bağımsız uzman ve çalışmalarını destekleyen belediyenin Konut Katılımı Müdürü. Üyelerinin yarısı kiracı ya da mülk sahibidir.",
        "Panel kontroluje działanie usług mieszkaniowych, doradza w sprawie planu poprawy i składa sprawozdania członkowi zarządu ds. mieszkalnictwa. Ma ośmiu członków: niezależnego przewodniczącego, trzech najemców, jednego właściciela lokalu, dwóch niezależnych ekspertów i kierownika ds. udziału mieszkańców w radzie, który wspiera jego pracę. Połowa członków to najemcy lub właściciele lokali.",
        "El panel examina el funcionamiento del servicio de vivienda, asesora sobre el plan de mejora e informa al concejal responsable de Vivienda. Tiene ocho miembros: una presidenta independiente, tres inquilinos, una propietaria, dos expertos independientes y el jefe de Participación en Vivienda del ayuntamiento, que apoya su trabajo. La mitad de sus miembros son inquilinos o propietarios.",
        "Le comité examine les performances du service du logement, donne son avis sur le plan d’amélioration et rend compte à l’élu chargé du logement. Il compte huit membres : une présidente indépendante, trois locataires, une copropriétaire, deux experts indépendants et le responsable de la participation des habitants de la ville, qui soutient son travail. La moitié de ses membres sont locataires ou copropriétaires.",
        "প্যানেল আবাসন পরিষেবার কাজ খতিয়ে দেখে, উন্নয়ন পরিকল্পনা নিয়ে পরামর্শ দেয় এবং আবাসনের দায়িত্বপ্রাপ্ত কেবিনেট সদস্যের কাছে প্রতিবেদন দেয়। এর আটজন সদস্য: একজন স্বাধীন সভাপতি, তিনজন ভাড়াটে, একজন লিজহোল্ডার, দুজন স্বাধীন বিশেষজ্ঞ এবং কাউন্সিলের আবাসন অংশগ্রহণ বিভাগের প্রধান, যিনি এর কাজে সহায়তা করেন। এর অর্ধেক সদস্য ভাড়াটে বা লিজহোল্ডার।",
        "پینل ہاؤسنگ سروس کی کارکردگی کا جائزہ لیتا ہے، بہتری کے منصوبے پر مشورہ دیتا ہے اور ہاؤسنگ کے کابینہ رکن کو رپورٹ کرتا ہے۔ اس کے آٹھ ارکان ہیں: ایک آزاد چیئر، تین کرایہ دار، ایک لیزہولڈر، دو آزاد ماہرین اور کونسل کے ہیڈ آف ہاؤسنگ انگیجمنٹ، جو اس کے کام میں مدد کرتے ہیں۔ اس کے آدھے ارکان کرایہ دار یا لیزہولڈر ہیں۔",
        "דער פּאַנעל קאָנטראָלירט ווי די הויזונג־סערוויס אַרבעט, גיט עצות וועגן דעם פֿאַרבעסערונג־פּלאַן און גיט באַריכט דעם קאַבינעט־מיטגליד פֿאַר הויזונג. ער האָט אַכט מיטגלידער: אַן אומאָפּהענגיקע פֿאָרזיצערין, דרײַ דינגער, איין אייגנטימערין, צוויי אומאָפּהענגיקע מומחים און דעם שטאָטישן הויפּט פֿון באַטייליקונג אין הויזונג, וואָס שטיצט זײַן אַרבעט. די העלפֿט פֿון זײַנע מיטגלידער זענען דינגער אָדער אייגנטימער.",
    ),
    'Email the panel secretary at <a id="a1">housing.panel@example.org</a> with the issue and how it affects residents. The panel replies within 20 working days.': (
        'Konuyu ve sakinleri nasıl etkilediğini <a id="a1">housing.panel@example.org</a> adresinden kurul sekreterine e-postayla bildirin. Kurul 20 iş günü içinde yanıt verir.',
        'Napisz do sekretarza panelu na adres <a id="a1">housing.panel@example.org</a>, opisując sprawę i jej wpływ na mieszkańców. Panel odpowiada w ciągu 20 dni roboczych.',
        'Escriba a la secretaría del panel a <a id="a1">housing.panel@example.org</a> con el asunto y cómo afecta a los residentes. El panel responde en 20 días hábiles.',
        'Écrivez au secrétariat du comité à <a id="a1">housing.panel@example.org</a> en décrivant le problème et ses effets sur les habitants. Le comité répond sous 20 jours ouvrés.',
        'বিষয়টি এবং এটি বাসিন্দাদের কীভাবে প্রভাবিত করে তা লিখে প্যানেল সচিবকে <a id="a1">housing.panel@example.org</a> ঠিকানায় ইমেল করুন। প্যানেল ২০ কার্যদিবসের মধ্যে উত্তর দেয়।',
        'مسئلہ اور یہ کہ یہ رہائشیوں کو کیسے متاثر کرتا ہے، لکھ کر پینل کے سیکرٹری کو <a id="a1">housing.panel@example.org</a> پر ای میل کریں۔ پینل 20 کاروباری دنوں میں جواب دیتا ہے۔',
        'שרײַבט אַן אי־מייל דעם סעקרעטאַר פֿונעם פּאַנעל אויף <a id="a1">housing.panel@example.org</a> וועגן דער פּראָבלעם און ווי זי ווירקט אויף די איינוווינער. דער פּאַנעל ענטפֿערט אין 20 אַרבעטס־טעג.',
    ),
    "A public meeting of the Housing Advisory Panel.": (
        "Konut Danışma Kurulunun halka açık toplantısı.",
        "Publiczne posiedzenie Mieszkaniowego Panelu Doradczego.",
        "Una reunión pública del Panel Asesor de Vivienda.",
        "Une réunion publique du comité consultatif du logement.",
        "আবাসন উপদেষ্টা প্যানেলের একটি প্রকাশ্য বৈঠক।",
        "ہاؤسنگ مشاورتی پینل کا ایک عوامی اجلاس۔",
        "אַן עפֿנטלעכע זיצונג פֿונעם הויזונג־עצה־פּאַנעל.",
    ),
    "Hackney Town Hall, Mare Street, E8 1EA": (
        "Hackney Belediye Binası, Mare Street, E8 1EA",
        "Ratusz Hackney, Mare Street, E8 1EA",
        "Ayuntamiento de Hackney, Mare Street, E8 1EA",
        "Hôtel de ville de Hackney, Mare Street, E8 1EA",
        "হ্যাকনি টাউন হল, মেয়ার স্ট্রিট, E8 1EA",
        "ہیکنی ٹاؤن ہال، میئر اسٹریٹ، E8 1EA",
        "העקני ראָטהויז, מעיר סטריט, E8 1EA",
    ),
    "Watch live on the council's YouTube channel.": (
        "Belediyenin YouTube kanalından canlı izleyin.",
        "Oglądaj na żywo na kanale rady w serwisie YouTube.",
        "Véalo en directo en el canal de YouTube del ayuntamiento.",
        "Suivez la réunion en direct sur la chaîne YouTube de la ville.",
        "কাউন্সিলের YouTube চ্যানেলে সরাসরি দেখুন।",
        "کونسل کے YouTube چینل پر براہ راست دیکھیں۔",
        "קוקט לעבעדיק אויפֿן YouTube־קאַנאַל פֿון דער שטאָט.",
    ),
    "Welcome and apologies": (
        "Hoş geldiniz ve katılamayanlar",
        "Powitanie i usprawiedliwienia nieobecności",
        "Bienvenida y excusas",
        "Accueil et excuses",
        "স্বাগত ও অনুপস্থিতির কারণ",
        "خوش آمدید اور غیر حاضری کی معذرت",
        "באַגריסונג און אַנטשולדיקונגען",
    ),
    "Minutes of the last meeting": (
        "Önceki toplantının tutanağı",
        "Protokół z poprzedniego posiedzenia",
        "Acta de la reunión anterior",
        "Compte rendu de la dernière réunion",
        "আগের বৈঠকের কার্যবিবরণী",
        "پچھلے اجلاس کی کارروائی",
        "פּראָטאָקאָל פֿון דער לעצטער זיצונג",
    ),
    "The panel reviewed the actions from its last meeting.": (
        "Kurul, önceki toplantısında kararlaştırılan eylemleri gözden geçirdi.",
        "Panel przejrzał działania ustalone na poprzednim posiedzeniu.",
        "El panel revisó las acciones de su reunión anterior.",
        "Le comité a passé en revue les actions de sa dernière réunion.",
        "প্যানেল তার আগের বৈঠকের পদক্ষেপগুলো পর্যালোচনা করেছে।",
        "پینل نے اپنے پچھلے اجلاس کے اقدامات کا جائزہ لیا۔",
        "דער פּאַנעל האָט איבערגעקוקט די אַקציעס פֿון זײַן לעצטער זיצונג.",
    ),
    "Officers presented the latest figures. Tenant members described what residents on their estates are seeing.": (
        "Yetkililer en son rakamları sundu. Kiracı üyeler, sitelerindeki sakinlerin neler yaşadığını anlattı.",
        "Urzędnicy przedstawili najnowsze dane. Członkowie-najemcy opisali, co widzą mieszkańcy ich osiedli.",
        "Los técnicos presentaron las últimas cifras. Los miembros inquilinos contaron lo que ven los residentes de sus barrios.",
        "Les agents ont présenté les derniers chiffres. Les membres locataires ont décrit ce que vivent les habitants de leurs cités.",
        "কর্মকর্তারা সর্বশেষ সংখ্যা তুলে ধরেন। ভাড়াটে সদস্যরা তাঁদের এস্টেটের বাসিন্দারা কী দেখছেন তা বর্ণনা করেন।",
        "افسران نے تازہ ترین اعداد و شمار پیش کیے۔ کرایہ دار ارکان نے بتایا کہ ان کی اسٹیٹس کے رہائشی کیا دیکھ رہے ہیں۔",
        "די באַאַמטע האָבן פֿאָרגעשטעלט די לעצטע ציפֿערן. די דינגער־מיטגלידער האָבן דערציילט וואָס די איינוווינער אין זייערע עסטעיטס זעען.",
    ),
    "The repairs backlog": (
        "Bekleyen onarımlar",
        "Zaległe naprawy",
        "Las reparaciones pendientes",
        "Le retard des réparations",
        "জমে থাকা মেরামত",
        "مرمتوں کا بیک لاگ",
        "די פֿאַרשפּעטיקטע פֿאַרריכטונגען",
    ),
    "Complaints": ("Şikâyetler", "Skargi", "Quejas", "Plaintes", "অভিযোগ", "شکایات", "קלאָגעס"),
    "Damp and mould": (
        "Nem ve küf",
        "Wilgoć i pleśń",
        "Humedad y moho",
        "Humidité et moisissures",
        "স্যাঁতসেঁতে ভাব ও ছত্রাক",
        "سیلن اور پھپھوندی",
        "נאַסקייט און שימל",
    ),
    "The resident engagement strategy": (
        "Sakin katılımı stratejisi",
        "Strategia zaangażowania mieszkańców",
        "La estrategia de participación de residentes",
        "La stratégie de participation des habitants",
        "বাসিন্দাদের অংশগ্রহণ কৌশল",
        "رہائشیوں کی شمولیت کی حکمت عملی",
        "די סטראַטעגיע פֿאַר באַטייליקונג פֿון איינוווינער",
    ),
}

CONTENT = {
    code: {source: row[position] for source, row in _TABLE.items()}
    for position, code in enumerate(LANGUAGES)
}
