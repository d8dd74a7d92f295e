"""Translations of the site layer's demo text (titles, introductions, the home page body).

Draft translations awaiting review by a professional translator, like ``locale/``. Each
language lists its strings in the order of ``SOURCE``; ``TRANSLATIONS`` pairs them up.
"""

from portal import demo_text

SOURCE = [
    "Housing engagement",
    demo_text.HOME_INTRODUCTION,
    "What you can do here",
    "Check progress on every promise in the housing improvement plan",
    "Read updates from the housing service",
    "Answer consultations and see what changed because of your views",
    "Find events and drop-in sessions on your estate",
    "You can read this site in English, Turkish, Polish, Spanish, French, Bengali, Urdu and "
    "Yiddish. Choose your language at the top of any page.",
    "About",
    "Why this site exists, and how the council uses what residents tell it.",
    "About this service",
    "What you can do on this site and who it is for.",
    "Why we are improving housing services",
    "What went wrong, what we have promised to fix and how you can check our progress.",
    "Accessibility statement",
    "How accessible this website is, what we are doing about the parts that are not, and how "
    "to tell us about a problem.",
    "Privacy notice",
    "What personal information this website collects, why, how long we keep it and your rights.",
    "Cookies",
    "This website only uses cookies it needs to work. You do not need to accept them.",
    "Contact us",
    "How to contact the Housing Engagement Team about this website or a consultation.",
]

_BY_LANGUAGE = {
    "tr": [
        "Konut katılımı",
        "Konut iyileştirme planının nasıl ilerlediğini görün, danışmalarda görüşünüzü "
        "bildirin ve sitenizdeki etkinlikleri bulun.",
        "Burada neler yapabilirsiniz",
        "Konut iyileştirme planındaki her sözün ilerlemesini kontrol edin",
        "Konut hizmetinden haberleri okuyun",
        "Danışmalara yanıt verin ve görüşleriniz sayesinde nelerin değiştiğini görün",
        "Sitenizdeki etkinlikleri ve açık oturumları bulun",
        "Bu siteyi İngilizce, Türkçe, Lehçe, İspanyolca, Fransızca, Bengalce, Urduca ve "
        "Yidiş dillerinde okuyabilirsiniz. Dilinizi herhangi bir sayfanın üstünden seçin.",
        "Hakkında",
        "Bu site neden var ve belediye sakinlerin söylediklerini nasıl kullanıyor.",
        "Bu hizmet hakkında",
        "Bu sitede neler yapabileceğiniz ve site kimler için.",
        "Konut hizmetlerini neden iyileştiriyoruz",
        "Neyin yanlış gittiği, neyi düzeltmeye söz verdiğimiz ve ilerlememizi nasıl "
        "kontrol edebileceğiniz.",
        "Erişilebilirlik beyanı",
        "Bu web sitesinin ne kadar erişilebilir olduğu, erişilebilir olmayan bölümler için "
        "ne yaptığımız ve bir sorunu bize nasıl bildirebileceğiniz.",
        "Gizlilik bildirimi",
        "Bu web sitesinin hangi kişisel bilgileri topladığı, neden, ne kadar süre sakladığımız "
        "ve haklarınız.",
        "Çerezler",
        "Bu web sitesi yalnızca çalışması için gereken çerezleri kullanır. Onları kabul "
        "etmeniz gerekmez.",
        "Bize ulaşın",
        "Bu web sitesi veya bir danışma hakkında Konut Katılım Ekibi ile nasıl iletişime "
        "geçebileceğiniz.",
    ],
    "pl": [
        "Udział mieszkańców",
        "Sprawdź postępy planu poprawy usług mieszkaniowych, wypowiedz się w konsultacjach i "
        "znajdź wydarzenia na swoim osiedlu.",
        "Co możesz tu zrobić",
        "Sprawdzić postępy każdej obietnicy z planu poprawy usług mieszkaniowych",
        "Czytać aktualności działu mieszkaniowego",
        "Odpowiadać na konsultacje i zobaczyć, co zmieniło się dzięki Twoim opiniom",
        "Znaleźć wydarzenia i dyżury na swoim osiedlu",
        "Możesz czytać tę stronę po angielsku, turecku, polsku, hiszpańsku, francusku, "
        "bengalsku, w urdu i w jidysz. Wybierz język na górze dowolnej strony.",
        "O nas",
        "Dlaczego ta strona istnieje i jak rada wykorzystuje to, co mówią mieszkańcy.",
        "O tej usłudze",
        "Co możesz zrobić na tej stronie i dla kogo ona jest.",
        "Dlaczego poprawiamy usługi mieszkaniowe",
        "Co poszło źle, co obiecaliśmy naprawić i jak możesz sprawdzać nasze postępy.",
        "Deklaracja dostępności",
        "Na ile ta strona jest dostępna, co robimy z częściami, które nie są, i jak zgłosić "
        "nam problem.",
        "Informacja o prywatności",
        "Jakie dane osobowe zbiera ta strona, dlaczego, jak długo je przechowujemy i jakie "
        "masz prawa.",
        "Pliki cookie",
        "Ta strona używa tylko plików cookie niezbędnych do działania. Nie musisz ich akceptować.",
        "Kontakt",
        "Jak skontaktować się z Zespołem ds. Udziału Mieszkańców w sprawie tej strony lub "
        "konsultacji.",
    ],
    "es": [
        "Participación en vivienda",
        "Vea cómo avanza el plan de mejora de la vivienda, opine en las consultas y encuentre "
        "actividades en su urbanización.",
        "Qué puede hacer aquí",
        "Consultar el avance de cada compromiso del plan de mejora de la vivienda",
        "Leer las novedades del servicio de vivienda",
        "Responder a consultas y ver qué cambió gracias a su opinión",
        "Encontrar actividades y sesiones abiertas en su urbanización",
        "Puede leer este sitio en inglés, turco, polaco, español, francés, bengalí, urdu y "
        "yidis. Elija su idioma en la parte superior de cualquier página.",
        "Acerca de",
        "Por qué existe este sitio y cómo usa el ayuntamiento lo que nos dicen los residentes.",
        "Acerca de este servicio",
        "Qué puede hacer en este sitio y para quién es.",
        "Por qué estamos mejorando los servicios de vivienda",
        "Qué salió mal, qué nos hemos comprometido a arreglar y cómo puede comprobar nuestro "
        "avance.",
        "Declaración de accesibilidad",
        "Qué tan accesible es este sitio web, qué estamos haciendo con las partes que no lo "
        "son y cómo informarnos de un problema.",
        "Aviso de privacidad",
        "Qué datos personales recoge este sitio web, por qué, cuánto tiempo los guardamos y "
        "cuáles son sus derechos.",
        "Cookies",
        "Este sitio web solo usa las cookies que necesita para funcionar. No tiene que aceptarlas.",
        "Contacto",
        "Cómo contactar con el Equipo de Participación en Vivienda sobre este sitio web o una "
        "consulta.",
    ],
    "fr": [
        "Participation logement",
        "Suivez l'avancement du plan d'amélioration du logement, donnez votre avis lors des "
        "consultations et trouvez les événements de votre résidence.",
        "Ce que vous pouvez faire ici",
        "Suivre l'avancement de chaque engagement du plan d'amélioration du logement",
        "Lire les actualités du service du logement",
        "Répondre aux consultations et voir ce qui a changé grâce à votre avis",
        "Trouver les événements et permanences de votre résidence",
        "Vous pouvez lire ce site en anglais, turc, polonais, espagnol, français, bengali, "
        "ourdou et yiddish. Choisissez votre langue en haut de n'importe quelle page.",
        "À propos",
        "Pourquoi ce site existe et comment la mairie utilise ce que disent les habitants.",
        "À propos de ce service",
        "Ce que vous pouvez faire sur ce site et à qui il s'adresse.",
        "Pourquoi nous améliorons les services du logement",
        "Ce qui n'a pas fonctionné, ce que nous avons promis de corriger et comment suivre nos "
        "progrès.",
        "Déclaration d'accessibilité",
        "Le niveau d'accessibilité de ce site, ce que nous faisons pour les parties qui ne le "
        "sont pas et comment nous signaler un problème.",
        "Avis de confidentialité",
        "Les données personnelles que ce site recueille, pourquoi, combien de temps nous les "
        "gardons et vos droits.",
        "Cookies",
        "Ce site n'utilise que les cookies nécessaires à son fonctionnement. Vous n'avez pas "
        "à les accepter.",
        "Nous contacter",
        "Comment contacter l'équipe Participation logement au sujet de ce site ou d'une "
        "consultation.",
    ],
    "bn": [
        "আবাসন অংশগ্রহণ",
        "আবাসন উন্নয়ন পরিকল্পনা কেমন এগোচ্ছে দেখুন, পরামর্শে আপনার মতামত দিন এবং আপনার এস্টেটের অনুষ্ঠান খুঁজুন।",
        "এখানে আপনি কী করতে পারেন",
        "আবাসন উন্নয়ন পরিকল্পনার প্রতিটি প্রতিশ্রুতির অগ্রগতি দেখুন",
        "আবাসন পরিষেবার খবর পড়ুন",
        "পরামর্শে উত্তর দিন এবং আপনার মতামতের ফলে কী বদলেছে দেখুন",
        "আপনার এস্টেটের অনুষ্ঠান ও ড্রপ-ইন সেশন খুঁজুন",
        "আপনি এই সাইটটি ইংরেজি, তুর্কি, পোলিশ, স্প্যানিশ, ফরাসি, বাংলা, উর্দু ও ইদিশ ভাষায় "
        "পড়তে পারেন। যেকোনো পাতার উপরে আপনার ভাষা বেছে নিন।",
        "পরিচিতি",
        "এই সাইট কেন আছে, এবং বাসিন্দারা যা বলেন কাউন্সিল তা কীভাবে ব্যবহার করে।",
        "এই পরিষেবা সম্পর্কে",
        "এই সাইটে আপনি কী করতে পারেন এবং এটি কাদের জন্য।",
        "আমরা কেন আবাসন পরিষেবা উন্নত করছি",
        "কী ভুল হয়েছিল, আমরা কী ঠিক করার প্রতিশ্রুতি দিয়েছি এবং আপনি কীভাবে আমাদের অগ্রগতি যাচাই করতে পারেন।",
        "প্রবেশযোগ্যতা বিবৃতি",
        "এই ওয়েবসাইট কতটা প্রবেশযোগ্য, যে অংশগুলো নয় সেগুলোর জন্য আমরা কী করছি এবং "
        "কীভাবে আমাদের কোনো সমস্যা জানাবেন।",
        "গোপনীয়তা বিজ্ঞপ্তি",
        "এই ওয়েবসাইট কী ব্যক্তিগত তথ্য সংগ্রহ করে, কেন, আমরা কতদিন রাখি এবং আপনার অধিকার।",
        "কুকি",
        "এই ওয়েবসাইট শুধু চলার জন্য প্রয়োজনীয় কুকি ব্যবহার করে। আপনাকে সেগুলো গ্রহণ করতে হবে না।",
        "যোগাযোগ করুন",
        "এই ওয়েবসাইট বা কোনো পরামর্শ নিয়ে আবাসন অংশগ্রহণ দলের সাথে কীভাবে যোগাযোগ করবেন।",
    ],
    "ur": [
        "ہاؤسنگ میں شمولیت",
        "دیکھیں کہ ہاؤسنگ بہتری کا منصوبہ کیسے آگے بڑھ رہا ہے، مشاوروں میں اپنی رائے دیں اور "
        "اپنی اسٹیٹ پر ہونے والی تقریبات تلاش کریں۔",
        "آپ یہاں کیا کر سکتے ہیں",
        "ہاؤسنگ بہتری کے منصوبے کے ہر وعدے پر پیش رفت دیکھیں",
        "ہاؤسنگ سروس کی تازہ خبریں پڑھیں",
        "مشاوروں کا جواب دیں اور دیکھیں کہ آپ کی رائے سے کیا بدلا",
        "اپنی اسٹیٹ پر تقریبات اور ملاقات کے اوقات تلاش کریں",
        "آپ یہ سائٹ انگریزی، ترکی، پولش، ہسپانوی، فرانسیسی، بنگالی، اردو اور یدش میں پڑھ سکتے "
        "ہیں۔ کسی بھی صفحے کے اوپر اپنی زبان منتخب کریں۔",
        "ہمارے بارے میں",
        "یہ سائٹ کیوں موجود ہے، اور کونسل رہائشیوں کی باتوں کو کیسے استعمال کرتی ہے۔",
        "اس سروس کے بارے میں",
        "آپ اس سائٹ پر کیا کر سکتے ہیں اور یہ کس کے لیے ہے۔",
        "ہم ہاؤسنگ سروسز کو کیوں بہتر بنا رہے ہیں",
        "کیا غلط ہوا، ہم نے کیا ٹھیک کرنے کا وعدہ کیا ہے اور آپ ہماری پیش رفت کیسے جانچ سکتے ہیں۔",
        "رسائی کا بیان",
        "یہ ویب سائٹ کتنی قابل رسائی ہے، جو حصے نہیں ہیں ان کے لیے ہم کیا کر رہے ہیں اور ہمیں "
        "کسی مسئلے کی اطلاع کیسے دیں۔",
        "رازداری کا نوٹس",
        "یہ ویب سائٹ کون سی ذاتی معلومات جمع کرتی ہے، کیوں، ہم انہیں کتنی دیر رکھتے ہیں اور آپ "
        "کے حقوق۔",
        "کوکیز",
        "یہ ویب سائٹ صرف وہی کوکیز استعمال کرتی ہے جو اس کے چلنے کے لیے ضروری ہیں۔ آپ کو انہیں "
        "قبول کرنے کی ضرورت نہیں۔",
        "ہم سے رابطہ کریں",
        "اس ویب سائٹ یا کسی مشاورت کے بارے میں ہاؤسنگ شمولیت ٹیم سے کیسے رابطہ کریں۔",
    ],
    "yi": [
        "וווינונג־באַטייליקונג",
        "זעט ווי עס גייט מיטן פּלאַן צו פֿאַרבעסערן די וווינונגען, זאָגט אייער מיינונג אין "
        "קאָנסולטאַציעס און געפֿינט געשעענישן אין אייער עסטייט.",
        "וואָס איר קענט דאָ טאָן",
        "קוקן ווי עס גייט מיט יעדן צוזאָג אינעם פֿאַרבעסערונג־פּלאַן",
        "לייענען נייַעס פֿון דער וווינונג־סערוויס",
        "ענטפֿערן אויף קאָנסולטאַציעס און זען וואָס האָט זיך געביטן צוליב אייער מיינונג",
        "געפֿינען געשעענישן און אָפֿענע זיצונגען אין אייער עסטייט",
        "איר קענט לייענען דעם זייטל אויף ענגליש, טערקיש, פּויליש, שפּאַניש, פֿראַנצייזיש, "
        "בענגאַליש, אורדו און ייִדיש. קלייבט אייער שפּראַך אויבן אויף יעדן בלאַט.",
        "וועגן אונדז",
        "פֿאַר וואָס דער זייטל עקזיסטירט, און ווי די שטאָטראַט ניצט וואָס די איינוווינער זאָגן.",
        "וועגן דער סערוויס",
        "וואָס איר קענט טאָן אויף דעם זייטל און פֿאַר וועמען ער איז.",
        "פֿאַר וואָס מיר פֿאַרבעסערן די וווינונג־סערוויסן",
        "וואָס איז שלעכט געגאַנגען, וואָס מיר האָבן צוגעזאָגט צו פֿאַרריכטן און ווי איר קענט "
        "קאָנטראָלירן אונדזער פֿאָרשריט.",
        "צוטריטלעכקייט־דערקלערונג",
        "ווי צוטריטלעך דער וועבזייטל איז, וואָס מיר טוען מיט די טיילן וואָס זענען נישט, און "
        "ווי אַזוי אונדז צו מעלדן אַ פּראָבלעם.",
        "פּריוואַטקייט־מעלדונג",
        "וועלכע פּערזענלעכע אינפֿאָרמאַציע דער וועבזייטל זאַמלט, פֿאַר וואָס, ווי לאַנג מיר "
        "האַלטן זי און אייערע רעכט.",
        "קיכעלעך (cookies)",
        "דער וועבזייטל ניצט נאָר די קיכעלעך וואָס ער דאַרף כּדי צו אַרבעטן. איר דאַרפֿט זיי נישט אָננעמען.",
        "קאָנטאַקטירט אונדז",
        "ווי אַזוי צו קאָנטאַקטירן די וווינונג־באַטייליקונג־גרופּע וועגן דעם וועבזייטל אָדער "
        "אַ קאָנסולטאַציע.",
    ],
}

TRANSLATIONS = {}
for _code, _strings in _BY_LANGUAGE.items():
    if len(_strings) != len(SOURCE):
        raise ValueError(f"demo translations for {_code}: {len(_strings)} of {len(SOURCE)}")
    TRANSLATIONS[_code] = dict(zip(SOURCE, _strings, strict=True))
