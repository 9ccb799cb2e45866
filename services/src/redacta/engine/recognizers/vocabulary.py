"""Words that look like names to a small NER model but are not personal data.

Capitalised common words (headings, roles in contracts, sign-offs), acronyms that label a
field rather than name an organisation, and product names. Matching is case-insensitive on
the whole span. These are deny lists for PERSON/ORGANIZATION/LOCATION spans coming from spaCy;
they never suppress pattern-based findings such as e-mail addresses or phone numbers.
"""

from __future__ import annotations

import re

_COMMON_WORDS = """
    Hi Hello Hey Dear Thanks Thank Cheers Regards Best Sincerely Yours Welcome Morning Afternoon
    Evening Congratulations Sorry Please Kindly Urgent Important Reminder Notice Update Updates
    Summary Overview Agenda Minutes Notes Note Status Priority Escalation Resolution Feedback
    Support Billing Invoice Invoices Refund Refunds Payment Payments Receipt Order Orders Delivery
    Shipping Returns Warranty Account Accounts Pending Approved Declined Rejected Completed Closed
    Open Resolved New Draft Final Review Approval Request Requests Report Reports Action Actions
    Items Steps Next Issue Issues Ticket Tickets Error Errors Warning Bug Fix Release Version Build
    Customer Customers Client Clients Supplier Suppliers Vendor Purchaser Buyer Seller Employer
    Employee Employees Contractor Tenant Landlord Licensor Licensee Party Parties Agreement
    Contract Schedule Clause Section Appendix Annex Exhibit Term Terms Deed Lease Premises Property
    Director Manager Team Staff Board Committee Department Finance Marketing Sales Operations
    Legal Compliance Patient Patients Doctor Nurse Consultant Clinic Ward Discharge Referral
    Admission Diagnosis Impression Plan Assessment Medication Allergies Obs History Examination
    Witness Signed Signature Name Address Phone Mobile Email Fax Tel Date Subject Re Fwd
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Yesterday
    Overview Introduction Conclusion Background Objective Objectives Profile Experience Education
    Skills Languages Hobbies References Certifications Achievements Volunteer
    Project Product Customer Focus Support Senior Junior Head Chief General Global Local Internal
    External Corporate Business Technical Professional Human Resources Financial Facilities
    Hiring Sir Madam All Everyone There Folks Guys Friends Colleagues Team Teams
    However Also Unfortunately Meanwhile Finally Additionally Otherwise Yes No Ok Okay Well Now
    So Then Again Anyway Overall Therefore Instead Sadly Luckily Honestly Actually Basically
    Currently Recently Previously Great Perfect Sure Fine Good Nice Cool Awesome Done Noted
    Card Holder Flat Unit Home Reply Premises Rent Commencement Payment Deposit Total Amount
    Balance Reference Ref Tracking Skills Languages Hobbies Research Interests Plan Obs Hx PC
    Impression Safeguarding Vaccination Bloods Transfer Surgical Telephone Consultation Record
    Work Employment Key Personal Statement Previous Contact Details Location Region Country
    The A An This That These Those Our Your My His Her Their Its Each Every Any Some Another
    From To Cc Bcc Attn Sent Received Forwarded Host Guest Visitor Driver Owner Member Student
    Mr Mrs Ms Miss Mx Dr Prof Sir Dame Rev Fr Sr Lady Lord Sgt Lt Capt Cpl Col Cllr Insp Supt
    Mme Mlle Sra Srta Herr Frau Dott Call
    Anyone Anybody Someone Somebody Nobody Whoever People Person Those
    Referee Caller Candidate Applicant Passenger Technician Guardian Pupil Assignee Approver
    Reporter Seller Cardholder Neighbour Neighbor Daughter Son Wife Husband Partner Carer
    Mum Mom Dad Auntie Uncle Nan Gran Grandma Grandpa Boss Ops Admin Bot User Agent Me
    Results Result Correspondence Relationship City Town State Zip Postcode Due Expiry Expires
    Issued Valid Weight Size Colour Color Pharmacy Handover Lead Start End Gender Sex Age
    Nationality Occupation Title Position Role Quantity Price Total Subtotal Tax Comments
    Remarks Description Category Type Source Destination Origin Route Depot Stop Pickup
    Dropoff Return Serial Model Shift Room Floor Building Guests Dependent Dependents Contents
    Recipient Sender Correspondent Importer Exporter Consignee Shipper Carrier Dispute Claim
    Confidential Confidentiality Private Strictly Restricted Classified Sensitive Secret
    Proprietary Privileged Copy Original Duplicate Specimen Sample Void Cancelled Paid Unpaid
    He She They We You Him Them Us Who
    Success Service Services Care Relations Onboarding Payroll Procurement
    Recruitment Logistics Helpdesk Desk Enquiries Payable Receivable Assurance
"""
COMMON_CAPITALISED: frozenset[str] = frozenset(w.lower() for w in _COMMON_WORDS.split())
"""Single capitalised words that head lines, name roles, greet, stand for a person (pronouns
opening a sentence: "She said") or name a team ("Customer Success", "Client Services");
never a person by themselves."""

_ACRONYMS = """
    IBAN BIC SWIFT NHS DOB SSN NI NINO PPS PPSN GP ED A&E ICU BP HR RR SpO2 GCS MRN ID PIN
    CV PDF USB API URL IP VPN SMS MMS FAQ ETA ASAP FYI TBC TBD NDA SLA KPI ROI CEO CFO CTO COO
    VP QA IT PR Q1 Q2 Q3 Q4 FY YTD EOD COB OOO AM PM UTC GMT BST EST PST VAT GST HST ABN ACN
    EIN TIN ITIN PO PAYE P60 P45 RSVP PS NB AKA DDS MD PhD MBA BSc MSc BA MA RN LLB
    AF BD OD ON TDS QDS PRN FBC U&E LFT CRP ECG EBL COPD SOB CXR MRI CT LOC RA HbA1c PHQ-9
    URTI UTI DNR NKDA OT PT SALT ENT GI
    EUR USD GBP CHF JPY CNY RMB INR AUD CAD NZD SEK NOK DKK PLN CZK HUF RON BGN TRY RUB UAH
    BRL MXN ARS CLP COP ZAR NGN KES EGP AED SAR ILS KRW SGD HKD THB IDR MYR PHP VND PKR BDT
"""
FIELD_ACRONYMS: frozenset[str] = frozenset(w.lower() for w in _ACRONYMS.split())
"""Field labels, credentials and currency codes that spaCy tags as organisations or people."""

_PRODUCT_WORDS = """
    iPhone iPad iPod MacBook iMac AirPods Kindle Alexa Galaxy Pixel Chromebook ThinkPad Surface
    Xbox PlayStation Roomba Fitbit Nespresso GoPro Oculus Excel PowerPoint Outlook OneDrive
    SharePoint Photoshop Illustrator Acrobat Windows macOS iOS Android Linux Ubuntu Chrome
    Firefox Safari Jira Confluence Trello Tableau WhatsApp Instagram TikTok Snapchat Venmo
    Python Java Kotlin JavaScript TypeScript SQL Docker Kubernetes
"""
PRODUCTS: frozenset[str] = frozenset(w.lower() for w in _PRODUCT_WORDS.split())
"""Words that are first of all product or software names, not companies (so not "Apple",
"Dyson" or "Salesforce"); multi-word products are caught by `is_product`."""

_PRODUCT_NOUNS = (
    "watch phone tablet laptop tv speaker buds earbuds headphones console camera charger "
    "router app pro max plus ultra mini air series edition vacuum smart tracker drone plug "
    "blender kettle scooter e-bike bike printer monitor keyboard mouse lamp heater toaster "
    "fridge purifier doorbell thermostat hub band lens drive"
)
PRODUCT_NOUNS: frozenset[str] = frozenset(_PRODUCT_NOUNS.split())
"""A word after a brand that makes it a product: "Apple Watch", "Surface Pro"."""


_ROLE_WORDS = """
    Engineer Engineers Scientist Scientists Nurse Nurses Analyst Analysts Developer Developers
    Designer Designers Consultant Officer Assistant Specialist Technician Administrator
    Accountant Auditor Architect Lead Intern Trainee Coordinator Representative Advisor
    Adviser Generalist Lecturer Professor Researcher Teacher Tutor Midwife Paramedic
    Pharmacist Therapist Physician Surgeon Electrician Plumber Programmer Tester Writer
    Editor Recruiter Clerk Receptionist Secretary Supervisor Executive Associate
    Science Sciences Engineering Studies Chemistry Physics Mathematics Maths Economics
    Medicine Nursing Biology Informatics Linguistics Psychology Sociology Philosophy History
    Literature Management Administration Accounting Marketing Finance Law Architecture
"""
ROLE_OR_FIELD: frozenset[str] = frozenset(w.lower() for w in _ROLE_WORDS.split())
"""Job titles and fields of study: "Data Scientist", "Computer Science" are not organisations."""


def is_role_or_field(text: str) -> bool:
    """True when the span ends in a job title or a field of study ("Registered Nurse",
    "Mechanical Engineering"), which the small models often type as an organisation."""
    words = [w.strip(".,:;!?()'\"") for w in text.split()]
    return bool(words) and words[-1].lower() in ROLE_OR_FIELD


def is_common_word(text: str) -> bool:
    """True when every word of `text` is a capitalised common word or a field acronym."""
    words = [w.strip(".,:;!?()'\"").lower() for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and all(w in COMMON_CAPITALISED or w in FIELD_ACRONYMS for w in words)


def is_product(text: str, following: str = "") -> bool:
    """True when the span names a product: a known product word, or a name followed by a
    model number or product noun ("Pixel 8", "ThinkPad X1", "Apple Watch", "Galaxy S23")."""
    words = [w.strip(".,:;!?()") for w in text.split()]
    if not words or not words[0]:
        return False
    if any(w.lower() in PRODUCTS for w in words):
        return True
    # A one-word name right before a model number ("Pixel 8"); a longer span must carry the
    # model in itself, since "John Smith 12 Main St" is a person followed by an address.
    # The model is on the same line: "Name: Anna\nPhone: ..." is a name, then the next field.
    same_line = following.split("\n", 1)[0]
    after = [w.strip(".,:;!?()") for w in same_line.split()[:1]] if len(words) == 1 else []
    tail = [*words[1:], *after]
    return any(_MODEL.fullmatch(w) or w.lower() in PRODUCT_NOUNS for w in tail)


_MODEL = re.compile(r"[A-Z]{0,2}\d{1,4}[A-Za-z]{0,2}")


DEGREE = re.compile(
    r"(?:B\.?Sc|M\.?Sc|B\.?A|M\.?A|Ph\.?D|D\.?Phil|M\.?Phil|MBA|MPH|MRes|LL\.?B|LL\.?M|"
    r"B\.?Eng|M\.?Eng|B\.?Ed|M\.?Ed|B\.?Com|M\.?Com|B\.?Tech|M\.?Tech|BBA|BFA|MFA|BSN|MSN|"
    r"PGCE|PGDip|HND|HNC|Dipl\.?(?:-Ing\.?)?|(?:Bachelor|Master)(?:['\u2019]s)?[ \t]+of|"
    r"Diploma[ \t]+in)\.?"
    r"(?=[ \t]|$)"
)
"""Academic degrees that open a line of a CV ("MSc Statistics", "B.Tech Mechanical")."""


def is_degree(text: str) -> bool:
    """True when the span is a degree and its field ("MSc Statistics", "BA (Hons) History"):
    a qualification, never an organisation or a person."""
    return DEGREE.match(text.strip()) is not None
