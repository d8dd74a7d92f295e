"""English text of the site layer's demo pages. Translations are in ``portal.demo_translations``.

Plain data: StreamField bodies are written in Wagtail's raw JSON form (a list of
``{"type": ..., "value": ...}``) so they can be compared and re-applied idempotently.
"""

COUNCIL = "London Borough of Hackney"
CONTACT_EMAIL = "housing.engagement@example.org"
CONTACT_PHONE = "020 8356 3000"
CONTACT_HOURS = "Monday to Friday, 9am to 5pm"
CONTACT_ADDRESS = "Housing Engagement Team\nHackney Service Centre\n1 Hillman Street\nLondon E8 1DY"


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def text(html):
    return {"type": "text", "value": html}


def inset(html):
    return {"type": "inset_text", "value": html}


def warning(message):
    return {"type": "warning_text", "value": message}


def details(summary, html):
    return {"type": "details", "value": {"summary": summary, "content": html}}


HOME_INTRODUCTION = (
    "See how the housing improvement plan is going, have your say on consultations and find "
    "events on your estate."
)
HOME_BODY = [
    heading("What you can do here"),
    text(
        "<ul><li>Check progress on every promise in the housing improvement plan</li>"
        "<li>Read updates from the housing service</li>"
        "<li>Answer consultations and see what changed because of your views</li>"
        "<li>Find events and drop-in sessions on your estate</li></ul>"
    ),
    inset(
        "<p>You can read this site in English, Turkish, Polish, Spanish, French, Bengali, Urdu "
        "and Yiddish. Choose your language at the top of any page.</p>"
    ),
]

PAGES = [
    # (slug, parent slug or None for the home page, show in menus, title, introduction, body)
    (
        "about",
        None,
        True,
        "About",
        "Why this site exists, and how the council uses what residents tell it.",
        [
            text(
                "<p>This site is run by the council's housing service. It is where we report "
                "on the housing improvement plan, ask residents for their views and tell "
                "them what we did as a result.</p>"
            ),
        ],
    ),
    (
        "about-this-service",
        "about",
        False,
        "About this service",
        "What you can do on this site and who it is for.",
        [
            heading("Who it is for"),
            text(
                "<p>It is for council tenants and leaseholders, the people who help them, and "
                "anyone who wants to see how the housing service is doing.</p>"
            ),
            heading("Having your say"),
            text(
                "<p>Most consultations last 12 weeks. You can answer online, on paper, by "
                "phone or at an event on your estate. Every answer counts the same, whichever "
                "way you send it and whichever language you use.</p>"
                "<p>When a consultation closes we publish what residents told us and what we "
                "decided, so you can see how your views changed our plans.</p>"
            ),
            heading("Your account"),
            text(
                "<p>You do not need an account to read the site or to answer a consultation. "
                "An account lets you save your answers and finish them later. You can delete "
                "it at any time.</p>"
            ),
        ],
    ),
    (
        "improvement-plan-background",
        "about",
        False,
        "Why we are improving housing services",
        "What went wrong, what we have promised to fix and how you can check our progress.",
        [
            text(
                "<p>In October 2020 a criminal cyber attack took the council's computer "
                "systems offline. The housing service lost access to records it relied on "
                "every day, including repair requests and rent accounts. Rebuilding took "
                "years.</p>"
                "<p>Residents told us, and the Housing Ombudsman and the Regulator of Social "
                "Housing found, that repairs took too long, complaints were not answered well "
                "and tenants were not listened to.</p>"
            ),
            heading("What we have promised"),
            text(
                "<ul><li>No repair left open for more than three months</li>"
                "<li>The backlog of repairs cleared</li>"
                "<li>Complaints answered faster and within the Ombudsman's time limits</li>"
                "<li>A Housing Advisory Panel of tenants and independent experts</li>"
                "<li>New, secure computer systems for the housing service</li></ul>"
            ),
            heading("Checking our progress"),
            text(
                "<p>Every promise in the plan has a target date and measures that we update "
                "regularly. The plan pages on this site show the latest figures, so you can "
                "see for yourself whether we are on track.</p>"
            ),
        ],
    ),
    (
        "accessibility",
        None,
        False,
        "Accessibility statement",
        "How accessible this website is, what we are doing about the parts that are not, "
        "and how to tell us about a problem.",
        [
            text(
                "<p>This statement applies to the housing engagement website of the London "
                "Borough of Hackney. It does not cover documents or sites of other "
                "organisations that we link to.</p>"
                "<p>We want as many people as possible to be able to use this website. You "
                "should be able to:</p>"
                "<ul><li>zoom in up to 400% without the text spilling off the screen</li>"
                "<li>use the whole site with a keyboard alone</li>"
                "<li>use the site with a screen reader, such as NVDA, JAWS or VoiceOver</li>"
                "<li>use the site without JavaScript</li>"
                "<li>read every page in 8 languages, including Urdu and Yiddish, which are "
                "written right to left</li></ul>"
                "<p>AbilityNet has advice on making your device easier to use if you have a "
                "disability.</p>"
            ),
            heading("How accessible this website is"),
            text(
                "<p>We know some parts of this website are not fully accessible:</p>"
                "<ul><li>some older PDF documents are not tagged for screen readers</li>"
                "<li>translations of the site have not yet been checked by professional "
                "translators, so some wording may be unclear</li>"
                "<li>some images uploaded before 2025 may have poor text alternatives</li>"
                "</ul>"
            ),
            heading("Feedback and contact information"),
            text(
                "<p>If you need information on this website in a different format, such as "
                "accessible PDF, large print, easy read, audio recording or braille, email "
                "housing.engagement@example.org or call 020 8356 3000. We will reply within "
                "10 working days.</p>"
            ),
            heading("Reporting accessibility problems with this website"),
            text(
                "<p>We are always looking to improve the accessibility of this website. If you "
                "find any problems not listed on this page or think we are not meeting "
                "accessibility requirements, contact the Housing Engagement Team.</p>"
            ),
            heading("Enforcement procedure"),
            text(
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018. If you are not happy with how we respond to "
                "your complaint, contact the Equality Advisory and Support Service (EASS).</p>"
            ),
            heading("Technical information about this website's accessibility"),
            text(
                "<p>The London Borough of Hackney is committed to making its website "
                "accessible, in accordance with the Public Sector Bodies (Websites and Mobile "
                "Applications) (No. 2) Accessibility Regulations 2018.</p>"
                "<p>This website is partially compliant with the Web Content Accessibility "
                "Guidelines version 2.2 AA standard, due to the non-compliances listed "
                "below.</p>"
            ),
            heading("Non-accessible content", "h3"),
            text(
                "<p>Some PDF documents published before 2025 are not tagged, so screen reader "
                "users may not be able to read them in order. This fails WCAG 2.2 success "
                "criterion 1.3.1 (info and relationships). We are replacing them with web "
                "pages or accessible PDFs as we review them. Any new PDF we publish will meet "
                "accessibility standards.</p>"
            ),
            heading("What we are doing to improve accessibility"),
            text(
                "<p>Every change to this website is tested automatically before it is "
                "released: each type of page is checked with the axe-core accessibility "
                "engine against the WCAG 2.2 A and AA rules in English and in Urdu, its HTML "
                "is checked with the Nu Html Checker, and the main journeys are tested with a "
                "keyboard alone. The site is built with the GOV.UK Design System, which is "
                "tested with disabled people and assistive technologies.</p>"
            ),
            heading("Preparation of this accessibility statement"),
            text(
                "<p>This statement was prepared on 24 November 2026. It was last reviewed on "
                "24 November 2026. The website was last tested on 24 November 2026 by the "
                "council's digital team, using the automated checks above and manual checks "
                "of keyboard use, zoom and screen reader use of the main pages.</p>"
            ),
        ],
    ),
    (
        "privacy",
        None,
        False,
        "Privacy notice",
        "What personal information this website collects, why, how long we keep it and your "
        "rights.",
        [
            text(
                "<p>The London Borough of Hackney is the data controller for the personal "
                "information collected through this website. Our Data Protection Officer can "
                "be contacted at dpo@example.org or at the address on our contact page.</p>"
            ),
            heading("What we collect"),
            text(
                "<ul><li>If you create an account: your email address and a secure, "
                "one-way scrambled copy of your password</li>"
                "<li>If you answer a consultation: your answers, and any details about you "
                "that you choose to give, such as your estate or whether you are a tenant or "
                "leaseholder</li>"
                "<li>If you ask us to contact you: the contact details you give</li>"
                "<li>Technical information our servers record for security, such as your IP "
                "address and the pages you asked for</li></ul>"
                "<p>We do not use analytics or advertising cookies, and we do not track you "
                "across other websites.</p>"
            ),
            heading("Why we use it and our lawful basis"),
            text(
                "<p>We use your information to run consultations and report their results, "
                "to run your account and to keep the website secure. Under the UK General "
                "Data Protection Regulation our lawful basis is public task (Article 6(1)(e)): "
                "consulting residents about their homes and housing services is part of our "
                "work as a social landlord and local authority.</p>"
                "<p>If you choose to tell us about your health, ethnicity or other special "
                "category information in an equality question, we use it only to check that "
                "our consultations reach everyone, under Article 9(2)(g) (substantial public "
                "interest, equality of opportunity). These questions are always optional.</p>"
            ),
            heading("How long we keep it"),
            text(
                "<ul><li>Accounts: until you delete your account, or after 2 years without a "
                "sign-in</li>"
                "<li>Consultation answers: 6 years after the consultation closes, then we keep "
                "only anonymous totals</li>"
                "<li>Answers you saved but did not send: until the consultation closes</li>"
                "<li>Server security logs: 90 days</li></ul>"
            ),
            heading("Who we share it with"),
            text(
                "<p>We do not sell your information. Council staff who analyse a "
                "consultation can see its answers. We publish results only as totals and "
                "anonymous quotes. Our hosting provider processes information on our behalf "
                "under a contract, in the UK.</p>"
            ),
            heading("Your rights"),
            text(
                "<p>You have the right to ask for a copy of your information, to have it "
                "corrected, to have it deleted, to restrict or object to how we use it, and "
                "to complain to the Information Commissioner's Office (ico.org.uk, 0303 123 "
                "1113). You can delete your account yourself from your account page.</p>"
            ),
        ],
    ),
    (
        "cookies",
        None,
        False,
        "Cookies",
        "This website only uses cookies it needs to work. You do not need to accept them.",
        [
            text(
                "<p>Cookies are small files saved on your phone, tablet or computer when you "
                "visit a website. We only use essential cookies. They are not used to track "
                "you and we do not ask for your consent to set them.</p>"
            ),
            heading("Essential cookies we use"),
            text(
                "<ul><li><strong>csrftoken</strong>: protects the forms on this site from "
                "being misused by other websites. Expires after 1 year.</li>"
                "<li><strong>sessionid</strong>: keeps you signed in, and remembers a "
                "consultation answer you are part way through. Deleted when you close your "
                "browser.</li>"
                "<li><strong>messages</strong>: shows you a confirmation message, such as "
                "'Your account has been deleted', on the next page. Deleted when you close "
                "your browser.</li></ul>"
            ),
            text("<p>We do not use analytics, advertising or social media cookies.</p>"),
        ],
    ),
    (
        "contact",
        None,
        False,
        "Contact us",
        "How to contact the Housing Engagement Team about this website or a consultation.",
        [
            text(
                "<p>Email: housing.engagement@example.org</p>"
                "<p>Phone: 020 8356 3000, Monday to Friday, 9am to 5pm</p>"
                "<p>Post: Housing Engagement Team, Hackney Service Centre, 1 Hillman Street, "
                "London E8 1DY</p>"
            ),
            details(
                "Reporting a repair",
                "<p>This team cannot book repairs. To report a repair, call the repairs "
                "contact centre on 020 8356 3691 or use the council's repairs website.</p>",
            ),
            details(
                "Help in your language",
                "<p>Tell us which language you speak when you call, and we will arrange an "
                "interpreter at no cost to you.</p>",
            ),
        ],
    ),
]
