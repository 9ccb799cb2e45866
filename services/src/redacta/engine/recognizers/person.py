# ruff: noqa: RUF001 (cues in Greek, Cyrillic and with dotless i are the point)
"""People named next to words that say "this is a person", which NER alone misses.

A title ("Mrs Doyle", "Dr. Amina Yusuf"), a greeting or sign-off ("Dear Priya,", "Thanks,
Tom", "Kind regards,\\nOlivia Grant"), a form label ("Name:", "Patient", "Tenant", "Witness:")
or a self-introduction ("my name is ...", "I'm ...", "this is ..."), followed by one to three
capitalised words. The cue sets the score; capitalised common words after a cue ("Dear
Customer", "Hi Team") are not reported.
"""

from __future__ import annotations

from collections import Counter

import regex
from presidio_analyzer import RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from redacta.engine.recognizers.address_intl import STREET_PREFIX, STREET_SUFFIX, is_country
from redacta.engine.recognizers.base import TextRecognizer, line_bounds, result
from redacta.engine.recognizers.gazetteer import CUE_BEFORE
from redacta.engine.recognizers.given_names import is_given_name
from redacta.engine.recognizers.person_shape import has_surname_ending, is_place_or_org_word
from redacta.engine.recognizers.vocabulary import is_common_word, is_product, is_role_or_field

NAME = "PersonCueRecognizer"

CASELESS_WORD = (
    r"(?:(?![\u00aa\u00ba])[\p{Lo}\p{Script=Georgian}]"
    r"[\p{Lo}\p{Lm}\p{M}\p{Script=Georgian}'\u2019\-]{0,15})"
)
"""A word of a script without capitals (Han, kana, Hangul, Arabic, Hebrew, Devanagari, Thai,
Georgian...): there capitalisation cannot mark a name, so after a cue any such word can be
one ("Name: 马淑兰", "Witness: ციალა ბალიაშვილი", "Dear 민준,")."""
NAME_WORD = (
    r"(?:\p{Lu}[\p{Ll}'\u2019]+(?:-\p{Lu}[\p{Ll}'\u2019]+|-\p{Ll}{2,4}(?!\p{L}))?|Mc\p{Lu}\p{Ll}+|Mac\p{Lu}\p{Ll}+|"
    r"O['\u2019]\p{Lu}\p{Ll}+|Ó\s\p{Lu}\p{Ll}+|\p{Lu}{2,}(?:[\-'\u2019]\p{Lu}{2,})?(?![\p{Ll}\d])|"
    rf"{CASELESS_WORD})"
)
"""A name word: capitalised (hyphenated given names too: "Anne-Marie", and a short lower-case
syllable after the hyphen: "Seo-yeon", not "Great-grandmother"), Mc/Mac/O' forms, ALL-CAPS as
forms and labels print names, or a word of a caseless script."""
# Name words are joined by exactly one space: a double space or a tab ends a form field.
NAME_PARTICLE = (
    r"(?:van\ der|van\ den|von\ der|de\ la|de\ los|van|von|de|da|das|dos|do|del|della|di|du|"
    r"le|la|bin|binti|bint|ibn|al|el|ter|ten|zu)"
)
"""Lower-case family-name particles inside one name ("van der", "dos", "bin")."""
FULL_NAME = rf"{NAME_WORD}(?: (?:{NAME_PARTICLE} )?{NAME_WORD}){{0,2}}"
TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Fr|Sr|Lady|Lord|Herr|Frau|Hr|Mme|Mlle|"
    r"Madame|Monsieur|Mademoiselle|Sra|Srta|Señora?|Señorita|Doña|Dña|Sig|Signora|Signor|Dott|"
    r"Dott\.ssa|Sig\.ra|Mevr|Mevrouw|Dhr|Pani|Pan|Fru|Úr|Shri|Smt|Capt|Lt|Sgt|Cpl|Col|"
    r"Cmdr|Insp|Supt|Det|Cllr|Hon|Judge|Rabbi|Imam|Pastor)\.?|M\.)"
)
"""Titles and honorifics of many languages and ranks ("Frau", "Sra.", "M.", "Sgt."): a name
follows; they are never part of it."""
GREETING = (
    r"(?:Dear|Hi|Hello|Hey|Hiya|Morning|Good\s+(?:morning|afternoon|evening)|Liebe|Lieber|"
    r"Hallo|Hej|Kære|Kjære|Beste|Cher|Chère|Bonjour|Salut|Estimad[oa]|Querid[oa]|Hola|"
    r"Ciao|Olá|Prezad[oa]|Drog[ia]|Szanown[ya]|Kedves|Hyvä|Merhaba|Sayın|Ahoj|Zdravo|"
    r"Dragă|Αγαπητ[έή]|Γεια\s+σου|Привет|Здравствуйте|Уважаем(?:ый|ая)|Шановн(?:ий|а)|"
    r"Sehr\s+geehrter?|Thanks|Thank\s+you|Cheers|Congrats|Congratulations|Bye)"
)
"""Greetings of many languages, and thanks said to someone ("Thanks Lucía, see you"); the
name after them ends with a comma or a line break."""
SIGNOFF = (
    r"(?:Thanks|Thank\s+you|Many\s+thanks|Cheers|Regards|Kind\s+regards|Best\s+regards|"
    r"Warm\s+regards|Best\s+wishes|Best|Sincerely|Yours\s+sincerely|Yours\s+faithfully|Yours|"
    r"Love|Ta|Hilsen|Mvh|Med\s+venn?lig\s+hilsen|Venlig\s+hilsen|Vänliga\s+hälsningar|"
    r"Hälsningar|Terveisin|Ystävällisin\s+terveisin|Lugupidamisega|Pozdrawiam|"
    r"Z\s+poważaniem|S\s+pozdravem|Srdačan\s+pozdrav|Üdvözlettel|Tisztelettel|"
    r"Mit\s+freundlichen\s+Grüßen|Freundliche\s+Grüße|Viele\s+Grüße|Liebe\s+Grüße|"
    r"Beste\s+Grüße|Grüße|Met\s+vriendelijke\s+groet|Vriendelijke\s+groet|Groeten|"
    r"Cordialement|Bien\s+cordialement|Bien\s+à\s+vous|Amitiés|Bises|Atentamente|Saludos|"
    r"Un\s+saludo|Saludos\s+cordiales|Atenciosamente|Cumprimentos|Abraços|Abraço|"
    r"Distinti\s+saluti|Cordiali\s+saluti|Saluti|Saygılarımla|Selamlar|Με\s+εκτίμηση|"
    r"Φιλικά|С\s+уважением|З\s+повагою|Ngā\s+mihi)"
)
"""Closing words of letters and e-mails in many languages; the signer's name follows."""
PAIR = r"(?:and|&|og|och|und|et|e|y|i|en|ja|és|a|и|і|και)"
"""Words joining two people who sign together ("Rasmus og Ida")."""
LABEL = (
    r"(?:Name|Full\s+name|Patient|Pt|Employee|Customer|Caller|Candidate|Applicant|Tenant|"
    r"Landlord|Vendor|Purchaser|Buyer|Seller|Witness(?:\s+name)?|Signed|Signature|Card\s?holder|"
    r"Account\s+holder|Referee|Next\s+of\s+kin|Reporter|Reported\s+by|Client|Passenger|"
    r"Manager|Technician|Guardian|Pupil|Assignee|Approver|Referred\s+by|Escalated\s+by|"
    r"Prepared\s+by|Approved\s+by|Signed\s+by|spoke\s+(?:with|to)|met\s+with|"
    r"(?:son|daughter|child|wife|husband|widow|mother|father|parent|sister|brother)\s+of|"
    r"supervised|collected\s+by|emergency\s+contact|contact\s+person|ICE|Surname|"
    r"Given\s+names?|Forenames?|First\s+name|Last\s+name|Family\s+name|Policyholder|"
    r"Parent/guardian|Dependent|Insured|assigned\s+to|interview(?:ed)?\s+with|"
    r"(?:meeting|call|chat)\s+with|pick-?up\s+by|picked\s+up\s+by)"
)
"""Words after which a capitalised name is a person, with or without a colon."""
HEADER = (
    r"(?:From|To|Cc|Bcc|Attn|Attention|Contact|Host|Agent|Driver|Recipient|Sender|Owner|"
    r"Parent|Child|Student|Member|Guest|Visitor)"
)
"""Words that name a person only as a form/e-mail header, i.e. followed by a colon."""
ADDRESSEE = r"(?:(?:ship|deliver|send|bill|sold|post)(?:ped)?\s+to|return\s+address|addressee)"
"""Labels of an address block whose first line is the person it goes to."""
INTL_LABEL = (
    r"(?:姓名|名前|氏名|お名前|联系人|聯絡人|聯繫人|收件人|寄件人|收货人|收貨人|申请人|申請人|"
    r"负责人|負責人|担当者?|宛名|담당자|성명|이름|수신인|받는\s?사람|보내는\s?사람|신청인|"
    r"ชื่อ|ผู้ติดต่อ|ผู้รับ|ผู้ส่ง|Όνομα|Ονοματεπώνυμο|Επώνυμο|Παραλήπτης|Αποστολέας|"
    r"Имя|ФИО|Фамилия|Получатель|Отправитель|Контактное\s+лицо|Ім['\u2019]я|ПІБ|Прізвище|"
    r"Отримувач|Họ\s+(?:và\s+)?tên|Người\s+nhận|Người\s+gửi|Người\s+liên\s+hệ|שם|"
    r"איש\s+קשר|Név|Címzett|Feladó|Kapcsolattartó|Nimi|Vastaanottaja|Lähettäjä|"
    r"Yhteyshenkilö|Nome|Cognome|Destinatário|Remetente|Responsável|Vorname|Nachname|"
    r"Ansprechpartner(?:in)?|Empfänger|Absender|Nom|Prénom|Destinataire|Expéditeur|"
    r"Interlocuteur|Nombre|Apellidos?|Destinatario|Remitente|Titular|Naam|Voornaam|Achternaam|"
    r"Contactpersoon|Ontvanger|Afzender|Imię|Nazwisko|Odbiorca|Nadawca|Jméno|Příjmení|Meno|"
    r"Priezvisko|Příjemce|Odesílatel|Ad\s+Soyad|Adı\s+Soyadı|Alıcı|Gönderen|Yetkili|"
    r"Mittente|Referente)"
)
"""Name labels of forms in other languages and scripts ("联系人：", "담당자:", "Név:"),
followed by a colon (also the full-width one)."""
HONORIFIC_AFTER = (
    r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+)-(?:san|sama|sensei|kun|chan|senpai|ssi|nim)\b|"
    r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+)[ \t]+(?:Bey|Hanım|Hanim|Efendi)\b|"
    r"(?<!\p{Han})(\p{Han}{1,4}|\p{Hangul}{2,4}|\p{Katakana}{2,8})"
    r"(?:さん|様|さま|先生|氏|君|ちゃん|님|씨|女士|小姐)"
)
"""Honorifics written after the name ("Tanaka-san", "Mehmet Bey", "田中さん", "王先生")."""
RELATION = (
    r"(?:partner|wife|husband|spouse|brother|sister|mother|father|son|daughter|friend|"
    r"neighbou?r|colleague|agent|tenant|landlord|owner|manager|primary|secondary|backup|"
    r"guardian|carer|caregiver|mum|mom|dad|aunt|uncle|cousin|grandmother|grandfather|grandma|"
    r"grandpa|niece|nephew|fianc[ée]e?|boyfriend|girlfriend|boss|chair|secretary|treasurer|"
    r"assistant|interpreter|translator|lawyer|solicitor|accountant|caretaker|he/him|she/her|"
    r"they/them)"
)
"""Relationships and roles written in brackets after a person's name ("Gudrun (partner)")."""
JOB = (
    r"(?:(?:senior|junior|chief|head|lead|deputy|assistant|managing|executive|general|vice|"
    r"co-?)\s+)?(?:CEO|CFO|CTO|COO|founder|co-?founder|director|manager|head\s+of|"
    r"chair(?:man|woman|person)?|president|secretary|treasurer|accountant|lawyer|solicitor|"
    r"attorney|engineer|developer|designer|nurse|doctor|physician|surgeon|teacher|professor|"
    r"lecturer|student|intern|consultant|analyst|architect|editor|journalist|reporter|"
    r"officer|clerk|receptionist|pharmacist|midwife|paramedic|electrician|plumber|"
    r"translator|interpreter|caretaker|landlord|tenant|owner)\b"
)
"""Jobs and roles that only a person holds, written after a name and a comma ("Jana Horak,
head of finance", "Kowalczyk, our accountant")."""
PERSONAL_DETAIL = (
    r"(?i:DOB|D\.O\.B\.?|date\s+of\s+birth|born|b\.[ \t]*\d{4}|n[ée]e|aged?[ \t:]+\d+|SSN|NI\s+no|"
    r"NINO|passport|patient\s+(?:no|number|id)|MRN|NHS\s+(?:no|number))\b"
)
"""Details only a person has, written in brackets after the name ("Cavad Vəfalı (DOB ...)",
"Aleks Fidor (SSN ...)", "Maria Petrova (née Ivanova)"). Life years ("(1920-1985)") are
not among them: firms and bands are dated so too."""
APPOSITIVE_ROLE = (
    r"(?:insured|claimant|patient|applicant|testator|deceased|employee|victim|witness|"
    r"suspect|driver|occupant|resident|caller|cardholder|"
    r"(?:grand)?(?:mother|father|son|daughter)|wife|husband|spouse|widow(?:er)?)"
)
"""Roles that only a person holds, written before the name between commas ("The insured,
Cécile Blanchard, reported ...", "the patient, Ali Demir, was seen"). Roles a firm can hold
too (client, landlord, buyer, owner) are left out."""
INITIALS = (
    r"(?<![\p{L}\p{M}.\d])((\p{Lu}\.(?:[ \t]?\p{Lu}\.){0,2})[ \t]"
    r"(\p{Lu}\p{Ll}[\p{Ll}\p{M}'\u2019]+(?:-\p{Lu}\p{Ll}+)?))(?![\p{L}\p{M}])"
)
"""Initials and a surname ("J. Novák", "M. K. Gandhi")."""
SURNAME_FIRST = (
    r"(?:^|(?<=[\n:]\s*))((\p{Lu}{2,}(?:[\-'\u2019 ]\p{Lu}{2,})?),[ \t]+"
    r"(\p{Lu}\p{Ll}[\p{Ll}\p{M}]+)(?:[ \t\-]\p{Lu}\p{Ll}[\p{Ll}\p{M}]+)?)(?![\p{L}\p{M}])"
)
"""An ALL-CAPS family name, a comma and the given names ("VIRTANEN, Eero Juhani"), as CVs,
registers and forms write them."""
NICKNAME = (
    r"(?:(?:prefers?|likes?|wants?|asks?|asked)\s+to\s+be\s+called|nicknamed|nickname|"
    r"preferred\s+name|known\s+to\s+(?:friends|family|everyone|colleagues|us)\s+as)"
)
"""Words after which the name a person goes by is written ("prefers to be called Mthu",
"Preferred name: Kolya"); only a person has one."""
SPEECH = r"(?:said|says|wrote|asked|told|replied|mentioned|called|emailed|texted|will|would)"
SALUTATION = regex.compile(rf"(?:(?:{GREETING}|{TITLE})[ \t]+)+", regex.VERSION1)
"""Greetings and titles before a name: cues, never part of the name to redact."""


ENGLISH_WORDS = frozenset(w for w in STOP_WORDS if len(w) >= 3) | {
    "is", "to", "of", "at", "by", "he", "we", "my", "it", "or", "if", "called", "said", "rang",
    "phoned", "texted", "emailed", "via", "pls", "thanks",
}  # fmt: skip
"""English words that say a line is written in English (spaCy's stop words; the shortest
ones, "a", "i", "me", "so", are words of other languages too)."""
_LOWER_WORD = regex.compile(r"\p{Ll}+", regex.VERSION1)
_STREET_BEFORE = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{STREET_PREFIX})[ \t]+$", regex.VERSION1)
_STREET_AFTER = regex.compile(rf"[ \t]+(?:{STREET_SUFFIX})(?![\p{{L}}\p{{M}}])", regex.VERSION1)
"""A street word right before or after a span ("Avenida Bolívar", "Jalan Tun Razak",
"Kralja Petra utca"): the words name a street after a person."""
_SALUTATION_PHRASE = regex.compile(rf"(?i:{GREETING}|{SIGNOFF})", regex.VERSION1)
_PARTICLE_WORD = regex.compile(rf"(?:{NAME_PARTICLE})", regex.VERSION1)
_ALL_CAPS_RUN = regex.compile(
    r"\p{Lu}[\p{Lu}\p{M}'\u2019\-]+(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'\u2019\-]+)*"
)


def not_a_name(text: str, start: int, end: int) -> str | None:
    """Why the model's PERSON span `text[start:end]` cannot be a name, or None.

    A greeting or sign-off on its own ("Hilsen", "Srdačan pozdrav", "Ngā mihi"); words of a
    sentence, i.e. lower-case words after a capitalised one that are no family-name
    particle ("Nos vemos el lunes"); the name of a street, with a street word right before
    or after it ("Jalan Tun Razak", "Maršala Tita utca"); lower-case words in a line
    with no English word around them, where the model took a chat message in another
    language for a name ("Beto: já vou descer"; "ring bell for megan gray" stays); or part
    of an ALL-CAPS heading that goes on with a common word ("ASSURED SHORTHOLD TENANCY
    AGREEMENT")."""
    span = text[start:end]
    if _SALUTATION_PHRASE.fullmatch(span.strip(" ,.!")):
        return "a greeting or sign-off, not a name"
    words = span.split()
    lower = [w for w in words if w[:1].islower() and not _PARTICLE_WORD.fullmatch(w)]
    line_start, line_end = line_bounds(text, start, end)
    line = text[line_start:line_end]
    if lower and words[0][:1].isupper():
        return "words of a sentence, not a name"
    if _STREET_BEFORE.search(line, 0, start - line_start) or _STREET_AFTER.match(text, end):
        return "the name of a street, not a person"
    if lower and len(lower) == len(words) and not is_given_name(words[0]):
        rest = line[: start - line_start] + " " + line[end - line_start :]
        if not any(w in ENGLISH_WORDS for w in _LOWER_WORD.findall(rest.lower())):
            return "lower-case words in a line of another language, not a name"
    if span.isupper():
        for run in _ALL_CAPS_RUN.finditer(line):
            if run.start() > start - line_start or run.end() <= end - line_start:
                continue  # the heading must go on after the span
            after = line[end - line_start : run.end()].split()
            if any(is_common_word(w) for w in after) and not salutation_length(
                line[run.start() : start - line_start]
            ):
                return "part of an ALL-CAPS heading, not a name"
    return None


def salutation_length(span: str) -> int:
    """Length of the greetings/titles that open `span` ("Dear ", "Hi Dr. "), 0 if none."""
    m = SALUTATION.match(span)
    return m.end() if m else 0


PATTERNS: list[tuple[str, regex.Pattern[str], float]] = [
    ("title", regex.compile(rf"\b{TITLE}[ \t]+({FULL_NAME})", regex.VERSION1), 0.85),
    (
        "greeting",
        regex.compile(
            rf"(?:^|(?<=[\n.!?]\s*))\s*{GREETING}[ \t]+({FULL_NAME})\s*[,!\n]",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.7,
    ),
    (
        "sign-off",
        regex.compile(
            rf"\b{SIGNOFF}[,!]?[ \t]*\n?[ \t]*(?:-|\u2014|\u2013)?[ \t]*({FULL_NAME})"
            rf"(?:[ \t]+{PAIR}[ \t]+({FULL_NAME}))?[ \t]*(?:$|\n|[.!])",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.65,
    ),
    (
        "form label",
        regex.compile(
            rf"(?:^|(?<=[\n(,;]\s*)|\b)(?i:{LABEL})(?:\s*[:\-]?[ \t]+|[ \t]*=[ \t]*[\"']?)"
            rf"({FULL_NAME})",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.6,
    ),
    (
        "form label in another language",
        regex.compile(
            rf"(?:^|(?<=[\s(,;|/]))(?i:{INTL_LABEL})[ \t]*[:\uff1a][ \t]*({FULL_NAME})",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.6,
    ),
    ("honorific after the name", regex.compile(HONORIFIC_AFTER, regex.VERSION1), 0.6),
    (
        "relationship in brackets",
        regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d])({FULL_NAME})[ \t]*\((?i:{RELATION}\b|{JOB})",
            regex.VERSION1,
        ),
        0.55,
    ),
    (
        "birth date or identity number in brackets",
        regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d])({FULL_NAME})[ \t]*\({PERSONAL_DETAIL}",
            regex.VERSION1,
        ),
        0.6,
    ),
    (
        "role before the name",
        regex.compile(
            r"\b(?i:the|our|my|your|his|her|their)[ \t]+"
            rf"(?i:{APPOSITIVE_ROLE})[ \t]*,[ \t]+({FULL_NAME})[ \t]*,",
            regex.VERSION1,
        ),
        0.55,
    ),
    (
        "job after the name",
        regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d])({FULL_NAME}),[ \t]+(?:(?:the|our|their|your|a|an|his|her)"
            rf"[ \t]+)?(?i:{JOB})",
            regex.VERSION1,
        ),
        0.55,
    ),
    (
        "'who' after the name",
        regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d])({FULL_NAME}),?[ \t]+who[ \t]+(?!is\b|are\b)",
            regex.VERSION1,
        ),
        0.5,
    ),
    (
        "chat handle",
        regex.compile(
            r"^[ \t]*(\p{Ll}[\p{Ll}\d]*[._]\p{Ll}[\p{Ll}\d]*):[ \t]+\S",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.5,
    ),
    (
        "header",
        regex.compile(rf"\b(?i:{HEADER}):[ \t]*({FULL_NAME})", regex.VERSION1),
        0.6,
    ),
    (
        "label above",
        regex.compile(
            rf"\b(?i:{LABEL}|{HEADER}|{ADDRESSEE})[ \t]*:[ \t]*\n[ \t]*({FULL_NAME})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.6,
    ),
    (
        "lower-case form value",
        regex.compile(
            rf"^[ \t]*(?i:{LABEL}|{HEADER})[ \t]*:[ \t]*"
            r"(\p{Ll}{2,}(?:[ \t]\p{Ll}{2,}){1,2})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "vocative",
        regex.compile(
            rf"(?:^|(?<=[\n.!?]\s*))({FULL_NAME}),\s+(?:I|I['\u2019]ve|I['\u2019]ll|we|can|could|"
            r"would|please|pls|thanks|just|hope|your|you|did|are|have)\b",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "family",
        regex.compile(
            rf"\b({NAME_WORD})[ \t]+family\b|\b(?:Familie|famille|familia|famiglia|rodzina)"
            rf"[ \t]+({NAME_WORD})",
            regex.VERSION1,
        ),
        0.55,
    ),
    (
        "log user field",
        regex.compile(
            r"\b(?:user(?:name)?|login|uid)=[\"']?(?!(?:root|admin|administrator|system|guest|"
            r"nobody|service|daemon|www-data|postgres|test|anonymous|unknown|none|null)\b)"
            r"(\p{Ll}[\p{Ll}\d._\-]{2,30})",
            regex.VERSION1,
        ),
        0.5,
    ),
    (
        "chat speaker",
        regex.compile(
            rf"^(?:\[[\d:]+\]\s*)?({FULL_NAME}):[ \t]+\S", regex.VERSION1 | regex.MULTILINE
        ),
        0.5,
    ),
    (
        "timestamped chat speaker",
        regex.compile(
            r"^[ \t]*\[[\d/.,:\- ]{4,25}\][ \t]*"
            rf"({FULL_NAME}|\p{{Ll}}[\p{{Ll}}\d._\-]{{1,30}}):[ \t]+\S",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "signature under a valediction",
        regex.compile(
            r"^[ \t]*\p{L}[\p{L}\p{M}'\u2019]*(?:[ \t]+[\p{L}&][\p{L}\p{M}'\u2019]*){0,2},[ \t]*\n"
            rf"[ \t]*({FULL_NAME})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "reported speech",
        regex.compile(
            rf"(?<![\p{{L}}\d] )(?:^|(?<=[\n.!?,;]\s*)|\b)({FULL_NAME})\s+{SPEECH}\b",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.5,
    ),
    (
        "dash sign-off",
        regex.compile(
            rf"(?:^|(?<![\d.:][ \t]*)\s)[\u2014\u2013-][ \t]*({FULL_NAME})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "nickname",
        regex.compile(
            rf"\b(?i:{NICKNAME})(?:[ \t]*:)?[ \t]+[\"'\u201c\u2018]?({FULL_NAME})", regex.VERSION1
        ),
        0.6,
    ),
    (
        "self-introduction",
        regex.compile(
            # "its" without an apostrophe only in lower-case chat ("hi its lilly"): before a
            # capital it is the possessive ("its Ipoh site", "its Board")
            rf"(?:(?i:\bmy\s+name\s+is|\bI['\u2019]m|\bI\s+am|\bthis\s+is|\bit['\u2019]s)"
            r"|(?i:\bits)(?=[ \t]+\p{Ll}))[ \t]+"
            rf"({FULL_NAME})",
            regex.VERSION1,
        ),
        0.6,
    ),
]


LABEL_ONLY = regex.compile(rf"(?i:{LABEL}|{HEADER})", regex.VERSION1)
"""A form label on its own ("GIVEN NAMES", "Full name"): never the speaker of a chat line."""
SPEAKER = regex.compile(rf"^({NAME_WORD}):[ \t]+\S", regex.VERSION1 | regex.MULTILINE)
"""A one-word "Name: text" line: a chat speaker, or a form label ("City:", "Due:")."""


LABEL_SUFFIX = regex.compile(
    r"(?:tion|sion|ence|ance|ment|ship|ity|ness|ure|ory|ery|acy|ics|ing|ive|age|ate|ist)$"
)


def _is_form(speakers: Counter[str]) -> bool:
    """Whether the "Word: ..." lines of a text are a form's fields rather than a chat: one of
    the words is a field label ("Policyholder:", "Date:", "Email:"), not a role that talks
    in chats ("Ops:", "Agent:", "Customer:")."""
    return any(
        (is_common_word(word) or LABEL_ONLY.fullmatch(word)) and word.casefold() not in CHAT_ROLES
        for word in speakers
    )


CHAT_ROLES = frozenset(
    """ops admin bot user agent me support team staff boss mum mom dad customer client caller
    host guest driver""".split()  # noqa: SIM905
)


def _is_speaker(line: str, name: str, speakers: Counter[str]) -> bool:
    """Whether a "Word: ..." line is a chat speaker rather than a form label ("Results:",
    "Lessee: Ngozi Obi"): after a timestamp, when the word speaks twice, or in a conversation
    of two or more speakers, no field label among them, when the message is lower-case chat
    ("Sinead: cheers") and the word is not shaped like an English label noun ("Relationship:
    sister"); in a form, "Cause: burst pipe" is a field."""
    if " " in name or line.startswith("[") or speakers[name] >= 2:
        return True
    message = line.split(":", 1)[1].lstrip()
    return (
        len(speakers) >= 2
        and not _is_form(speakers)
        and message[:1].islower()
        and not LABEL_SUFFIX.search(name.lower())
        and not is_common_word(name)
    )


class PersonCueRecognizer(TextRecognizer):
    """Names after titles, greetings, sign-offs, form labels and self-introductions."""

    ENTITY = "PERSON"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every cued name; the same span found by two cues is reported once (best score)."""
        best: dict[tuple[int, int], RecognizerResult] = {}

        def add(start: int, end: int, score: float, cue: str) -> None:
            prev = best.get((start, end))
            if prev is None or prev.score < score:
                best[(start, end)] = result(
                    NAME, "PERSON", start, end, score, f"name after a {cue}", cue
                )

        speakers = Counter(m.group(1) for m in SPEAKER.finditer(text, timeout=1.0))
        for cue, pattern, score in PATTERNS:
            prefilter = PREFILTERS.get(cue)
            if prefilter is not None and prefilter.search(text) is None:
                continue  # the cue's cheap part is absent: skip the costly pattern
            for m in pattern.finditer(text, timeout=1.0):
                if cue == "chat speaker" and (
                    not _is_speaker(m.group(0), m.group(1), speakers)
                    or LABEL_ONLY.fullmatch(m.group(1))
                ):
                    continue
                # "family" has two ways to write it; a sign-off may name two people.
                for group in range(1, len(m.groups()) + 1):
                    if m.start(group) < 0:
                        continue
                    start, end = m.start(group), m.end(group)
                    # "Dear Maria Gonzalez, thanks": the name is "Maria Gonzalez".
                    start += salutation_length(text[start:end])
                    # "Tuesday Efua (sister)", "Name: Contact John Smith": a label word or
                    # verb before the name is not part of it (after a title any word is).
                    if cue != "title":
                        start += leading_common_words(text[start:end])
                    name = text[start:end]
                    if not name or LABEL_WORD.search(name):
                        continue  # "SHIP TO:", "PLACE OF BIRTH:" are form labels
                    # After a title any word is a name ("Dr. Ward", "Mrs Summer").
                    if cue != "title" and (
                        is_common_word(name) or is_product(name, text[end : end + 12])
                    ):
                        continue
                    # "Merhaba Mehmet Bey,": the honorific is not part of the name.
                    trailing = _TRAILING_HONORIFIC.search(name)
                    if trailing and trailing.start() > 0:
                        end = start + trailing.start()
                    # Under a line ending in a comma may also be the next line of an
                    # address; a town or firm also has a phone number ("Oslo (22 33 44 55)").
                    if cue in PLACE_AMBIGUOUS_CUES and (
                        is_place_or_org_word(name)
                        or is_country(name)
                        or _after_place_word(text, start, name)
                    ):
                        continue
                    # "Customer Club", "Patient Transport Services": a label word without a
                    # colon may open an organisation's or a team's name.
                    if (
                        cue == "form label"
                        and ":" not in text[m.start() : start]
                        and is_place_or_org_word(name)
                    ):
                        continue
                    if cue == "chat handle" and _is_not_a_handle(name):
                        continue
                    add(start, end, score, cue)
        for start, end, score, cue in _shaped_names(text):
            add(start, end, score, cue)
        return list(best.values())


def _after_place_word(text: str, start: int, name: str) -> bool:
    """Whether a name that is no known given name follows a place word: "a painter from
    Triesenberg who ...", "in Oslo (owner)" name a town, "a letter from Anna, who" a person."""
    return CUE_BEFORE.search(text, max(0, start - 12), start) is not None and not is_given_name(
        name.split()[0]
    )


def leading_common_words(span: str) -> int:
    """Length of the capitalised common words ("Tuesday ", "Backup ") that open `span`
    before its last word."""
    cut = 0
    for word in span.split(" ")[:-1]:
        if not is_common_word(word):
            break
        cut += len(word) + 1
    return cut


_LABEL_COLON = regex.compile(r"[ \t]*[:\uff1a]")


def trailing_label_words(span: str, following: str) -> int:
    """Length of the label words ("Supervisor", "Witness") that close `span` when a colon
    ends them ("Priya Raman Supervisor: Dr Chen"), counted from the end; the name's own
    last word before a colon ("Priya Raman: thanks") is kept, as is the first word."""
    if not (span.rstrip().endswith((":", "\uff1a")) or _LABEL_COLON.match(following)):
        return 0
    kept = span.rstrip(" \t:\uff1a")
    words = kept.split(" ")
    while len(words) > 1 and (is_common_word(words[-1]) or is_role_or_field(words[-1])):
        words.pop()
    return len(span) - len(" ".join(words).rstrip(" \t"))


LABEL_WORD = regex.compile(r"\b(?i:of|to|for)\b")
"""Words that form labels hold and names never do ("SHIP TO", "PLACE OF BIRTH")."""
PREFILTERS = {
    "nickname": regex.compile(r"(?i:call|nickname|preferred)"),
    "form label in another language": regex.compile(r"[:\uff1a]"),
    "relationship in brackets": regex.compile(r"\("),
    "birth date or identity number in brackets": regex.compile(
        rf"\({PERSONAL_DETAIL}", regex.VERSION1
    ),
    "role before the name": regex.compile(
        rf"\b(?i:the|our|my|your|his|her|their)[ \t]+(?i:{APPOSITIVE_ROLE})[ \t]*,",
        regex.VERSION1,
    ),
    "label above": regex.compile(r":[ \t]*\n"),
}
"""A cheap search per cue whose pattern is costly to try at every capital letter."""
_TRAILING_HONORIFIC = regex.compile(r"[ \t]+(?:Bey|Hanım|Hanim|Efendi)$", regex.VERSION1)
PLACE_AMBIGUOUS_CUES = frozenset(
    {
        "signature under a valediction",
        "birth date or identity number in brackets",
        "role before the name",
        "relationship in brackets",
        "job after the name",
        "'who' after the name",
    }
)
"""Cues that a town or a firm can have as well as a person ("Oslo (owner)")."""
FILE_EXTENSION = regex.compile(
    r"\.(?:py|js|ts|tsx|txt|log|json|md|go|rs|java|cfg|ini|yml|yaml|xml|html|css|sh|conf|"
    r"service|csv|pdf|docx?|xlsx?|exe|dll|lock|toml)$"
)


def _is_not_a_handle(handle: str) -> bool:
    """Whether a "word.word:" line start is a file name ("tasks.py: error"), too short to be
    a chat handle ("e.g:") or a bot or system account ("support_bot:")."""
    parts = regex.split(r"[._]", handle)
    return (
        len(handle) < 4
        or FILE_EXTENSION.search(handle) is not None
        or any(p in NOT_SPEAKERS or is_common_word(p) for p in parts)
    )


_INITIALS = regex.compile(INITIALS, regex.VERSION1)
_LETTER_BEFORE_NUMBER = regex.compile(r"(?<![\p{L}\p{M}.])\p{Lu}\.[ \t]?\d", regex.VERSION1)
_NOT_INITIALS = frozenset({"US", "UK", "EU", "UN", "UAE", "PO", "DC", "NY", "LA", "AD", "BC"})
_SURNAME_FIRST = regex.compile(SURNAME_FIRST, regex.VERSION1 | regex.MULTILINE)
NOT_SPEAKERS = frozenset(
    """info debug error warn warning fatal critical trace notice note todo fixme status result
    output input http https ftp mailto file path url host port user pass password key value
    id name type mode level code msg message data time date tel fax phone email re fwd cc bcc
    to from subject bot system admin root server client ps nb eg ie""".split()  # noqa: SIM905
)
_LOWER_NAME_VERB = regex.compile(
    r"(?:^|(?<=[.!?]\s+))(\p{Ll}{2,}[ \t]\p{Ll}{2,})[ \t]+"
    r"(?:called|said|rang|phoned|texted|emailed|wrote|asked|says|will|is|was|has)\b",
    regex.VERSION1 | regex.MULTILINE,
)


def _shaped_names(text: str) -> list[tuple[int, int, float, str]]:
    """Names told by their own shape plus a little context: initials and a surname
    ("J. Novák"), "SURNAME, Given" at the start of a line or field, and a lower-case
    "given surname" before a verb ("megan gray called")."""
    found: list[tuple[int, int, float, str]] = []
    # Where letters with a dot stand before numbers ("D. 43", "K. 9/9") the text abbreviates
    # address words so ("S. Ukhta", "D. Kolomna"), and a letter-dot is no initial.
    letter_abbreviations = _LETTER_BEFORE_NUMBER.search(text) is not None
    for m in _INITIALS.finditer(text, timeout=1.0):
        letters = m.group(2).replace(".", "").replace(" ", "").replace("\t", "")
        if letter_abbreviations and len(letters) == 1:
            continue
        surname = m.group(3)
        if letters in _NOT_INITIALS or is_common_word(surname) or is_place_or_org_word(surname):
            continue
        found.append((m.start(1), m.end(1), 0.5, "initials"))
    for m in _SURNAME_FIRST.finditer(text, timeout=1.0):
        surname, given = m.group(2), m.group(3)
        if is_common_word(surname) or is_place_or_org_word(m.group(1)):
            continue
        if is_given_name(given) or has_surname_ending(surname):
            found.append((m.start(1), m.end(1), 0.6, "family name written first"))
    for m in _LOWER_NAME_VERB.finditer(text, timeout=1.0):
        first = m.group(1).split()[0]
        if is_given_name(first) and not is_common_word(m.group(1)):
            found.append((m.start(1), m.end(1), 0.5, "lower-case name before a verb"))
    return found
