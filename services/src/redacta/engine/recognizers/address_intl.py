"""Postal addresses written the way most of the world writes them, as ONE LOCATION span.

`AddressRecognizer` knows the English-speaking order ("12 Elm Street, Leeds LS1 4AP"). Most
countries put the number after the street ("Schönhauser Allee 112", "Rua Augusta, 1234",
"Οδός Ερμού 25", "ул. Ленина, д. 5"), put the postcode before the town ("10435 Berlin",
"75019 PARIS", "105 63 Αθήνα", "01305-100 São Paulo") and end with a country; letters and
forms spread the same address over several lines. This recognizer is anchored on a street
line, recognised by a street word (a prefix such as "Rua", "Via", "ul.", "Οδός", "улица"; a
separate suffix word such as "Allee", "utca", "gate"; or a compound such as "...straße",
"...katu", "...gatan") next to a house number, and grows over the comma- or line-separated
parts that follow when they are a unit (apartment, floor, suite), a postcode with its town,
a town before a postcode or a country, a region code or a country. US military addresses
(PSC/Unit/CMR + Box, APO/FPO/DPO + AA/AE/AP + ZIP) and a postcode + town followed by a
country are found on their own.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.pattern_cache import compile_cached
from redacta.engine.recognizers.base import TextRecognizer, finditer_at, result
from redacta.engine.recognizers.dates import MONTH, WEEKDAY
from redacta.engine.recognizers.vocabulary import is_common_word

NAME = "InternationalAddressRecognizer"

# A capitalised word in any script ("São", "Ερμού", "Ленина", "PARIS"); "d'Italia", "Saint-Denis".
CAP = r"\p{Lu}[\p{L}\p{M}'\u2019\-.]*"
PARTICLE = (
    r"(?:de|da|do|dos|das|del|della|delle|dei|di|der|den|van|von|la|le|les|des|du|am|an|im|"
    r"auf|zu|y|e|i|of|the|al|el|na|nad|pod|po|ng|"
    # Maltese articles and "of": "Triq il-Kbira", "Triq id-Dahla ta' San Tumas"
    r"il|ir|is|it|id|iż|ix|iċ|in|ta['\u2019]|tal|tat)"
)
NAME_WORD = rf"(?:{CAP}|{PARTICLE}(?![\p{{L}}])|\d{{1,2}}(?:[ \t]+de)?(?=[ \t]+\p{{Lu}}))"
"""A word of a street name: capitalised, a particle, or a day number ("5 de Outubro")."""

STREET_PREFIX = (
    r"(?:Rua|R\.|Avenida|Av\.|Avda\.?|Alameda|Travessa|Tv\.|Largo|Praça|Pça\.?|Estrada|"
    r"Rodovia|Calle|C/|Carrer|Camino|Paseo|Pso\.?|Plaza|Pza\.?|Ronda|Carretera|Ctra\.?|"
    r"Via|Viale|V\.le|Piazza|P\.za|Corso|C\.so|Vicolo|Contrada|Rue|Avenue|Boulevard|Bd\.?|"
    r"Bld\.?|Chemin|Allée|Impasse|Quai|Cours|Ulica|ul\.|Ul\.|Aleja|al\.|Al\.|Plac|pl\.|"
    r"Osiedle|os\.|Strada|Str\.|Calea|Bulevardul|Bd-ul|Splaiul|Șoseaua|Soseaua|Intrarea|"
    r"Ulitsa|Prospekt|улица|ул\.|Ул\.|проспект|просп\.|пр-т|пр\.|переулок|пер\.|бульвар|"
    r"б-р|шоссе|ш\.|площадь|пл\.|набережная|наб\.|вулиця|вул\.|Вул\.|проспект|Οδός|Οδ\.|"  # noqa: RUF001 (Cyrillic/Greek/Turkish street words)
    r"Λεωφόρος|Λεωφ\.|Πλατεία|Jalan|Jl\.|Jln\.|Lorong|Soi|Thanon|Đường|Phố|Calle|Sokak|"
    r"Cadde|Bulevar|Bulevard|Ulice|Trg|Náměstí|nám\.|Utca|Rruga|Sh\.|Pasaje|Callejón|Cerrada|"
    r"Privada|Andador|Circuito|Prolongación|Continuación|Diagonal|Transversal|Carrera|Cra\.|"
    r"Gg\.|Gang|Kucha|Acceso|Cañada|Glorieta|Pasadizo|Rambla|Urbanización|Vía|C\.|Incrocio|"
    r"Rotonda|Borgo|Piazzale|Stretto|Canale|rue|avenue|av\.|chemin|boulevard|bd|allée|impasse|"
    r"quai|cours|calle|avenida|rua|viale|piazza|corso|strada|vicolo|largo|travessa|"
    # French and Swiss, Portuguese, Italian, Spanish lanes, squares and roads
    r"Route|Rte\.|Ruelle|Sentier|Passage|Place|Clos|Chaussée|Montée|Rampe|Faubourg|Fbg\.?|"
    r"Promenade|Esplanade|Cité|Hameau|Lieu-dit|"
    r"Calçada|Praceta|Rotunda|Azinhaga|Beco|Ladeira|Viela|Caminho|Servidão|Lungomare|"
    r"Lungotevere|Salita|Autopista|Avinguda|Passeig|Rúa|"
    # Ukrainian and Russian abbreviations, Greek avenue/square abbreviations
    r"провулок|пров\.|бульв\.|бул\.|узвіз|шосе|майдан|тупик|проїзд|проезд|"
    r"Πλ\.|Πάροδος|Παρ\.|"
    # Russian, Ukrainian and Greek street words in Latin letters, as on envelopes abroad
    r"ulitsa|Vulytsia|vulytsia|vul\.|Vul\.|prospekt|Prosp\.|prosp\.|Pereulok|pereulok|"
    r"Provulok|provulok|Bulvar|bulvar|Ploshcha|ploshcha|Ploshchad|ploshchad|Naberezhnaya|"
    r"naberezhnaya|Shosse|shosse|Odos|odos|Leoforos|leoforos|Leof\.|Plateia|plateia|"
    # Maltese, Malay and Albanian street words
    r"Triq|Persiaran|Lebuh|Lebuhraya|Bulevardi|"
    # Czech, Slovak, Slovenian and Croatian streets named with a preposition: "Na Příkopě"
    r"Na|Nad|Pod)"
)
"""Street words written before the street's name."""
STREET_SUFFIX = (
    r"(?:Allee|Straße|Strasse|Str\.|Weg|Gasse|Platz|Damm|Ufer|Chaussee|Steig|Pfad|Markt|"
    r"Ring|utca|u\.|út|útja|tér|körút|krt\.|köz|sor|katu|tie|kuja|polku|tori|kaari|gata|"
    r"gatan|vägen|väg|gränd|torget|gade|vej|vei|veien|veg|vegen|gate|gaten|allé|plass|"
    r"straat|laan|plein|gracht|kade|dijk|singel|steeg|ulica|cesta|caddesi|cad\.|sokak|"
    r"sokağı|sk\.|bulvarı|dōri|dori|döri|-ro|-gil|Road|Street|Avenue|Náměstí|náměstí|"  # noqa: RUF001
    r"Caddesi|Sokak|Sokağı|Bulvarı|K\.|küç\.|KÜÇ\.|Allé|Allén|Gade|Vej|Vei|Veien|Vegen|Gata|"  # noqa: RUF001
    r"Gatan|Vägen|Utca|Út|Körút|Katu|Tie|Kuja|Straat|Laan|Plein|Gracht|Kade|Singel|Ulica|Cesta|"
    r"Nám\.|nám\.|Lu|Jie|Dajie|Dadao|Daero|Cad\.|проспект|улица|переулок|бульвар|шоссе|"
    r"набережная|площадь|вулиця|провулок|námestie|nám\.|nábrežie|trieda|sétány|rakpart|"
    r"fasor|dűlő|nabrežje|trg|Trg|pot|steenweg|dreef|baan|kaai|Steenweg|Dreef|Baan|Kaai|"
    # Uzbek: "Navoiy ko'chasi", "Amir Temur shoh ko'chasi", "Farg'ona yo'li"
    r"(?:(?i:shoh|berk|tor)[ \t]+)?"
    r"(?i:ko['\u2018\u2019\u02bb]chasi|yo['\u2018\u2019\u02bb]li|prospekti|maydoni|mavzesi)|"
    # Azerbaijani: "M.ARİF küçəsi"
    r"küçəsi|KÜÇƏSİ)"
)
"""Street words written after the street's name, as a separate word."""
COMPOUND_STREET = (
    r"(?:\p{Lu}[\p{L}\p{M}\-]*(?i:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|"
    r"markt|graben|gracht|straat|laan|plein|kade|steeg|gata|gatan|vägen|väg|gränd|gade|vej|"
    r"vei|veien|gate|gaten|katu|tie|kuja|polku|tori|kaari|utca|körút|ulica|cesta|caddesi|"
    r"torget|torg|stigen|backen|plan|allén|stien|svingen|bakken|haugen|lia|sokak|sokağı|"  # noqa: RUF001 (Cyrillic/Greek/Turkish street words)
    r"gürtel|kai|lände|zeile|promenade|chaussee|stieg|steig|baan|dreef|kaai|steenweg|"
    r"rinne|mäki|ranta|puisto|raitti|väylä|piha|portti|aukio|kulma|linja|kaarre|"
    r"sétány|rakpart|fasor|nábrežie|námestie|nabrežje|"
    r"-ro|-gil|-daero)(?:[ \t]?\d{1,3}(?:beon)?-?(?:gil|ro))?"
    r"|\p{Lu}\p{Ll}+[ \t]\d{1,3}(?:beon)?-?gil)"
)
"""A street name that carries its street word: "Hauptstraße", "Mannerheimintie"; Korean road
names with their numbered side street ("Banpo-daero 28-gil", "Jongno 1-gil")."""
HOUSE_NUMBER = (
    r"(?:(?i:n[º°o.][ \t]*|nr\.?[ \t]*|no[.:]?[ \t]*|№[ \t]*|д\.[ \t]*|буд\.[ \t]*|č\.[ \t]*|"
    r"бр\.[ \t]*|br\.[ \t]*|"  # noqa: RUF001 (Serbian "broj": number)
    r"αρ\.[ \t]*)?\d{1,5}(?:-(?i:uy)(?![\p{L}]))?"  # noqa: RUF001 (Cyrillic/Greek/Turkish street words)
    r"(?:[ \t]?[a-zA-Z](?![\p{L}:])(?:[ \t]\d{1,3}(?![\d\-/]))?)?"
    r"(?:[ \t]?[\-/][ \t]?\d{1,5}[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?)?"
    r"(?:[ \t]?(?:bis|ter)\b)?"
    # Hungarian house numbers end with a full stop: "Váci utca 12., 1052 Budapest"
    r"(?:\.(?=[ \t]*(?:,|\n|$)|[ \t]+(?:[IVX]{1,4}|\d{1,2})\.[ \t]*(?i:em)))?)"
)
"""A house number: "12", "5/2/7", "14 A 3", "nr. 7", "д. 5", "буд. 15", "12.", "70-uy"; Serbian
"br." before it."""
STREET_PREFIX_CAPS = STREET_PREFIX.upper()
"""The same street words in ALL-CAPS address lines ("PASAJE", "UL.", "ОДОС")."""
NUMBERED_STREET = (
    rf"(?:{STREET_PREFIX}|Cl\.|Cll\.|Kr\.|Dg\.|Tv\.|Trans\.)[ \t]+\d{{1,3}}[A-Za-z]?"
    r"(?:[ \t]+(?:Bis|Sur|Este|Norte|Oeste))?[ \t]*(?:#|N[°º]|No\.?|Nro\.?|Nº)[ \t]*"
    r"\d{1,5}[A-Za-z]?"
    r"(?:[ \t]*-[ \t]*\d{1,4})?"
)
"""A street named by a number, then the house number: "Calle 45 # 12-34", "Calle 8 N° 367",
"Carrera 7 No. 72-41"."""
STREET_FIRST = (
    rf"(?:(?:{STREET_PREFIX}|{STREET_PREFIX_CAPS})[ \t]+(?:{NAME_WORD}[ \t\-]+){{0,4}}{CAP}"
    rf"|(?:{CAP}[ \t]+){{1,3}}{STREET_SUFFIX}"
    rf"|{COMPOUND_STREET})"
    rf",?[ \t]+{HOUSE_NUMBER}(?![\p{{L}}\d])"
)
"""Street then number: "Schönhauser Allee 112", "Rua Augusta, 1234", "Οδός Ερμού 25"."""
NUMBER_FIRST = (
    rf"\d{{1,5}}[a-zA-Z]?(?:[/\-]\d{{1,4}})?(?:[ \t]?(?:bis|ter))?,?[ \t]+"
    rf"(?:{STREET_PREFIX}[ \t]+(?:{NAME_WORD}[ \t\-]+){{0,4}}{CAP}"
    rf"|(?:{CAP}[ \t]+){{0,2}}{COMPOUND_STREET}|(?:{CAP}[ \t]+){{1,3}}{STREET_SUFFIX}"
    rf"|(?:{CAP}[ \t]+){{0,2}}(?:Soi|Thanon|Trok)[ \t]+(?:{CAP}(?:[ \t]+{CAP}){{0,2}}"
    r"(?:[ \t]+\d{1,3})?|\d{1,3}))"
    r"(?![\p{L}\d])"
)
"""Number then street: "27 Rue des Lilas", "12 Via Roma", "5 Hauptstraße", "123/45 Sukhumvit
Soi 11"."""
ROMANISED_EAST_ASIAN_STREET = (
    r"(?i:No\.?|Number)[ \t]*\d{1,5}(?:-\d{1,4})?(?:[ \t]*,[ \t]*|[ \t]+)"
    r"(?:(?i:Lane|Ln\.|Alley|Aly\.|Section|Sec\.)[ \t]*\d{1,4}(?:[ \t]*,[ \t]*|[ \t]+)){0,3}"
    rf"(?:{CAP}[ \t]+){{1,3}}(?:(?:[NSEW]\.|North|South|East|West|Middle)[ \t]+)?"
    r"(?:Road|Rd\.|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Lu|Jie|Dajie|Dadao|Hutong)"
    r"(?![\p{L}\d])"
    r"|(?:(?i:Lane|Ln\.|Alley|Aly\.)[ \t]*\d{1,4}(?:[ \t]*,[ \t]*|[ \t]+)){0,2}"
    rf"(?:{CAP}[ \t]+){{1,3}}(?:(?:[NSEW]\.|North|South|East|West|Middle)[ \t]+)?"
    r"(?:Road|Rd\.|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Lu|Jie|Dajie|Dadao)"
    r"(?:[ \t]*,?[ \t]*(?i:Section|Sec\.)[ \t]*\d{1,2})?(?:[ \t]*,[ \t]*|[ \t]+)"
    r"(?:(?i:Lane|Ln\.|Alley|Aly\.)[ \t]*\d{1,4}(?:[ \t]*,[ \t]*|[ \t]+)){0,2}"
    r"(?i:No\.?)[ \t]*\d{1,5}(?:-\d{1,4})?(?![\p{L}\d])"
    rf"|\d{{1,5}}(?:-\d{{1,4}})?[ \t]+(?:{CAP}[ \t]+){{1,3}}"
    r"(?:(?:[NSEW]\.|North|South|East|West)[ \t]+)?"
    r"(?:Road|Rd\.|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.)"
    r"(?=[ \t]*,[ \t]*(?i:Section|Sec\.|Lane|Ln\.)[ \t]*\d)"
)
"""Taiwanese and Chinese addresses in English, where the house number is written "No. 7"
before or after the road and its section and lane: "No. 7, Sec. 5, Xinyi Rd.", "Zhongshan N.
Rd., Sec. 2, No. 100", "100 Zhongshan Rd., Sec. 2"."""

UNIT = (
    r"(?:(?i:plot|apt|apto|apartment|appartement|appartamento|mieszkanie|lakás|appt|app|suite|ste|unit|flat|floor|fl|piso|andar|planta|"
    r"puerta|pta|étage|etage|wohnung|whg|stock|bloco|bloque|bl|blok|escalera|esc|entrance|"
    r"entr|room|rm|door|dept|depto|departamento|int|interior|casa|lote|sala|conj|"
    r"conjunto|kv|кв|корп|стр|эт|lgh|lägenhet|porta|scala|sc|ap|et|lok|m|dom|bus|bte|moo|mu|"
    r"as|top|stiege|stg|буд|sec|section|ln|lane|aly|alley|block|blk|bldg|building|tower|wing|"
    r"pallati|pall|hyrja|kati|shkalla|διαμ|xonadon)"
    r"\.?[ \t]*(?:[#№]|N[°º]|No\.|Nro\.)?[ \t]*"
    r"[A-Za-z]?\d{1,5}[A-Za-z]?(?:[\-/]\d{1,4})?"
    r"|(?i:building|bldg|block|blk|tower|wing|entrance|staircase|escalera|esc|bloco|bloque|"
    r"stiege|stg|portal)\.?[ \t]+[A-Z](?![\p{L}\d])"
    r"|\d{1,3}/?F(?![\p{L}\d])"
    r"|\d{1,4}-(?i:xonadon)(?![\p{L}])"
    r"|(?i:edif|edificio|residencias|conjunto)\.?[ \t]+\p{Lu}[\p{L}\p{M}'\-]*"
    r"(?:[ \t]+(?:(?:de|del|la|las|los|el)[ \t]+)?\p{Lu}[\p{L}\p{M}'\-]*){0,3}"
    r"|\d{1,2}(?:st|nd|rd|th|º|ª|°|\.|e|er|ème|eme)?[ \t]*(?i:floor|andar|piso|étage|etage|"
    r"stock|OG|et\.?|emelet|krs|kerros|vån|våning|sal)\b(?:[ \t]*(?i:dto|dta|esq|dir|izq|"
    r"links|rechts|left|right)\.?)?"
    r"|(?:[IVX]{1,4}|\d{1,2})\.[ \t]*(?i:em(?:elet)?)\.?(?:[ \t]*\d{1,3}\.?)?"
    r"|\d{1,2}\.?[º°ª][ \t]*(?:(?i:esq|dto|dir|izq|izqda|izda|dcha|drcha|andar|piso|pta|"
    r"centro|ctro|frente|trás|tras)\.?|[A-Z0-9]{0,2})(?![\p{L}\d])"
    r"|#[ \t]?\d{1,5}[A-Za-z]?"
    r"|(?i:c/o|attn:?)[ \t]+[^\n,]{2,40})"
)
"""Apartment, suite, floor and door lines: "Apt. 5", "2º D", "3. OG", "кв. 7", "#12", "12/F",
"Building C", "II. em. 4.", "Sec. 2" and "Lane 12" of a Taiwanese address, "Pallati 334"
(Albanian building), "16-xonadon" (Uzbek flat), "Edif. Residencias El Morro"."""

POSTCODE = (
    r"(?:[A-Z]{1,2}-\d{4,5}"  # "D-10435", "CH-8001", "FI-00100"
    r"|[A-Z]{2}-\d{3}[ \t]\d{2}"  # "SE-111 43", "CZ-110 00"
    r"|\d{5}-\d{3}"  # Brazil
    r"|\d{4}-\d{3}"  # Portugal
    r"|\d{3}-\d{4}"  # Japan
    r"|\d{2}-\d{3}"  # Poland
    r"|\d{3}[ \t]\d{2}"  # Greece, Sweden, Czechia, Slovakia
    r"|\d{4}[ \t]?[A-Z]{2}(?![\p{L}])"  # Netherlands
    r"|\d{4,6}"  # most of the world
    r"|[A-Z]\d{2}[ \t]?[0-9A-Z]{4}"  # Eircode
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"  # UK
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"  # Canada
)
LETTERED_POSTCODE = (
    r"(?:\d{4}[ \t]?[A-Z]{2}(?![\p{L}])|\d{4,5}-\d{3}|\d{2}-\d{3}|[A-Z]{1,2}-\d{4,5}"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
)
"""Postcodes that cannot be any other number ("5474 OY", "1100-053", "SW1A 1AA"): on a line
of their own they may have the town on the next line."""
POST_BOX = (
    r"(?i:P\.?[ \t]?O\.?[ \t]+Box|Post[ \t]+Office[ \t]+Box|Postfach|Case[ \t]+postale|"
    r"Apartado(?:[ \t]+de[ \t]+correos)?|Caixa[ \t]+Postal|Casella[ \t]+postale|"
    r"Skrytka[ \t]+pocztowa|Postboks|Postbus|Boîte[ \t]+postale)[ \t]+\d{1,6}"
    rf"(?=[ \t]*(?:,[ \t]*|\n[ \t]*)(?:{POSTCODE}|{CAP}))"
)
"""A post-office box line with its town after it: "PO Box 1234\nWellington 6140",
"Postfach 1020, 8001 Zürich", "Apartado 123, 28080 Madrid"."""

UNNUMBERED_STREET = (
    rf"(?:{STREET_PREFIX}|{STREET_PREFIX_CAPS})[ \t]+(?:{NAME_WORD}[ \t\-]+){{0,4}}{CAP}"
    rf"(?:[ \t]+(?i:con|esq\.|esquina|entre)[ \t]+(?:{STREET_PREFIX}|{STREET_PREFIX_CAPS})"
    rf"[ \t]+(?:(?:{NAME_WORD}[ \t\-]+){{0,3}}{CAP}|\d{{1,3}})(?![\p{{L}}\d])"
    r"|(?=[ \t]*,[ \t]*(?i:pallati|pall\.|edif\.|edificio|torre|casa|bloque|blloku|piso|apto)"
    r"[ \t])"
    rf"|(?=[ \t]*\n[ \t]*(?:{POSTCODE})[ \t]+{CAP}))"
)
"""A street named without a house number where the building or the crossing street says
where: "Rruga Ismail Qemali, Pallati 334", "Avenida Bolívar, Edif. Residencias El Morro",
"Avenida Las Delicias con Calle 36" (Albanian, Venezuelan and other Latin American usage),
or whose next line is the postcode and town ("avenue Colin\n61392 Fernandes")."""
_NOT_TOWN_WORD = rf"(?:{WEEKDAY}|{MONTH})(?![\p{{L}}])"
"""A weekday or month after a town starts a date: "Wervershoof on Monday" ends at the town."""
TOWN = (
    rf"(?:{CAP}(?:(?:[ \t]+|-|/)(?!{_NOT_TOWN_WORD})(?:{CAP}|(?:{PARTICLE}|sur|sous|bei|upon|on)"
    rf"(?=[ \t\-]+\p{{Lu}})(?![ \t\-]+{_NOT_TOWN_WORD}))){{0,3}})"
)
TOWN_REGION = (
    rf"{TOWN}(?:[ \t]*[\-\u2013/,][ \t]*[A-Z]{{2,3}}(?![\p{{L}}\d])|[ \t]*\([A-Z]{{2,3}}\))?"
    r"(?:[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?)?"
)
POSTCODE_TOWN = (
    rf"(?:(?<![\p{{L}}\d\-])(?:{POSTCODE}),?[ \t]+{TOWN_REGION}"
    rf"|{TOWN}-\d{{6}}(?![\p{{L}}\d]))"  # India: "Katihar-124971"
)
"""Postcode before its town, optional state code: "10435 Berlin", "01305-100 São Paulo - SP"."""
TOWN_POSTCODE = rf"{TOWN},?[ \t]+(?:[A-Z]{{2,3}}[ \t]+)?(?:{POSTCODE})(?![\p{{L}}\d])"
"""Town before its postcode: "Dublin D02 X285", "Kraków 31-042", "Springfield, IL 62704"."""

_COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and
Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape
Verde|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|
Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|
Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|
Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|
Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|
Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|The Netherlands|
New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Panama|Papua New
Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|Russian
Federation|Rwanda|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Somalia|South Africa|South Korea|Korea|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|
Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|United States|
United States of America|USA|U\\.S\\.A\\.|Uruguay|Uzbekistan|Venezuela|Vietnam|Viet Nam|Yemen|
Zambia|Zimbabwe|England|Scotland|Wales|Northern Ireland|Deutschland|España|Italia|Österreich|
Schweiz|Suisse|Svizzera|Nederland|België|Belgique|Polska|Sverige|Norge|Danmark|Suomi|
Magyarország|Česko|Česká republika|Slovensko|Hrvatska|Srbija|România|Ελλάδα|Ελλάς|Κύπρος|
Россия|Україна|Беларусь|България|Brasil|México|Perú|Éire|Nippon|Türkiye|Lietuva|Latvija|Eesti|
Republic of Korea|Korea Republic|Republic of China|People's Republic of China|Slovenija|
Slovak Republic|Slovenská republika|Luxemburg|Lëtzebuerg|Hellas|Hellenic Republic|Ukraina|
Việt Nam|Crna Gora|Shqipëria|Ísland|Belgien|Österreich|Svizra|대한민국|한국|中国|中國|台灣|
臺灣|日本|ประเทศไทย|Ελλάς|Україна
"""
_COUNTRY_PATTERNS = sorted(
    {c.strip() for c in _COUNTRIES.replace("\n", " ").split("|")}, key=lambda c: (-len(c), c)
)
"""Longest first, so "Korea Republic" is tried before "Korea"; then alphabetical, so the
pattern is the same text in every process (its compiled form is cached by that text)."""
COUNTRY = "(?:" + "|".join(_COUNTRY_PATTERNS).replace(" ", r"\s+") + ")"
COUNTRY_NAMES = tuple(c.replace("\\", "") for c in _COUNTRY_PATTERNS)
"""The country names above as written, in English and in their own languages ("Österreich",
"Suomi", "Ελλάδα"): the place-name list adds them to its own."""
ALLCAPS_COUNTRY = COUNTRY  # matched case-insensitively below ("GERMANY", "BRASIL")

INLINE_UNIT = (
    r"(?:(?i:dto|dpto|depto|edif|edificio|torre|bl|bloc|sc|scara|ap|apt|apto|piso|int|interior|"
    r"suite|ste|unit|flat|kv|кв|корп|стр|lok|bus|bte|moo|mu|daire|kat|top|stiege|stg|d(?=:)|"
    r"as(?=\.)|m(?=\.))[.:]?[ \t]*[#№]?[ \t]*[A-Za-z]?\d{1,5}[A-Za-z]?"
    r"|(?:[IVX]{1,4}|\d{1,2})\.[ \t]*(?i:em(?:elet)?)\.?(?:[ \t]*\d{1,3}\.?)?)"
)
"""A unit written on the street line itself: "Avenida Chaco N° 981 Dto. 1", "Nr. 629 Bl. 96",
"Kauppakatu 7 as. 12" (Finnish flat), "84/92 m. 15" (Polish flat), "12. II. em. 4." (Hungarian
floor and door), "45/Top 3" (Austrian door)."""
REGION_PREFIX = (
    r"(?:Phường|Quận|Huyện|Xã|Thị[ \t]+xã|Thị[ \t]+trấn|Thành[ \t]+phố|TP\.?|Tỉnh|Khu[ \t]+phố|"
    r"Ấp|Thôn|Tổ|Kelurahan|Kel\.|Kecamatan|Kec\.|Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Desa|"
    r"Barangay|Brgy\.?|Tambon|Amphoe|Changwat|Khwaeng|Khet|Colonia|Col\.|Barrio|Bairro|"
    r"Fraccionamiento|Fracc\.|Urbanización|Urb\.|Sector|Comuna|Municipio|Distrito|"
    r"Province[ \t]+of|Provincia[ \t]+de|Departamento[ \t]+de|Estado[ \t]+de|District[ \t]+of|"
    r"Canton|Kanton|Prefecture|м\.|г\.|с\.|смт|пгт|пос\.|село|місто|город|обл\.|область|"  # noqa: RUF001 (Cyrillic)
    r"район|р-н)"  # noqa: RUF001 (Cyrillic)
)
"""Words that name a ward, district, province or neighbourhood before its name ("Phường Bến
Nghé", "Quận 1", "Kecamatan Coblong", "Colonia Roma", "Barangay San Isidro")."""
REGION_SUFFIX = (
    r"(?:Province|District|County|Region|Prefecture|Oblast|oblast|obl\.|Krai|kraj|Kraj|megye|"
    r"Voivodeship|województwo|Canton|Municipality|Governorate|Territory|rayonu|ray\.|ilçesi|"
    r"Shi|Xian|Qu|Zhen|Sheng|Dist\.|Township|Twp\.|New[ \t]+Area|"
    r"(?i:tumani|viloyati|shahri|sh\.))"
)
"""Words that name a district or province after its name ("Gyeonggi Province")."""
REGION_PART = (
    rf"(?:{REGION_PREFIX}[ \t]*(?:{CAP}|\d{{1,3}})(?:[ \t]+{CAP}){{0,3}}"
    rf"|(?:{CAP}[ \t]+){{1,3}}{REGION_SUFFIX}(?![\p{{L}}])"
    r"|\p{Lu}[\p{L}\p{M}]*-(?:gu|gun|si|do|eup|myeon|dong|ri|ku|shi|ken|cho|machi)"
    r"(?![\p{L}\d]))"
)
"""A ward, district or province part of an address, in any order it is written."""
SEG_SEP = r"(?:[ \t]*,[ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*|[ \t]+[\-\u2013|\u00b7\u2022][ \t]+)"
"""Parts of an address are separated by a comma, a line break or a spaced dash, bar or dot
("Hauptplatz 3 · 8010 Graz", as letterheads write it)."""
END = (
    r"(?=[ \t]*(?:[.;)]|\n|$|,[ \t]*\n)|[ \t]+(?:on|from|until|since|before|after|during)[ \t]"
    r"|[ \t]+[\-\u2013\u2014][ \t]|[ \t]*,[ \t]*\d{4,6}(?:-\d{3})?(?![\p{L}\d.\-/:]))"
)
"""Where a bare town ends an address: the end of a sentence, line or clause, or a date that
follows it ("..., Wervershoof on Monday")."""
SEGMENT = (
    rf"(?!{STREET_PREFIX}\s|{STREET_FIRST}|{NUMBER_FIRST}|(?i:PSC|CMR|APO|FPO|DPO)\b"
    r"|(?i:tel|tél|phone|ph|fax|mobile|mob|cell|e-?mail|web|www|iban|contact|attn|τηλ|тел)"
    r"(?![\p{L}]))"
    rf"(?:{UNIT}"
    rf"|{REGION_PART}"
    rf"|{LETTERED_POSTCODE}[ \t]*\n[ \t]*{TOWN_REGION}{END}"
    rf"|(?:{POSTCODE})[ \t]*\n[ \t]*{TOWN_REGION}(?={SEG_SEP}(?i:{COUNTRY})(?![\p{{L}}]))"
    rf"|{POSTCODE_TOWN}"
    rf"|{TOWN_POSTCODE}"
    rf"|(?i:{COUNTRY})(?![\p{{L}}])"
    rf"|(?:{POSTCODE})(?={SEG_SEP}(?i:{COUNTRY})(?![\p{{L}}]))"
    rf"|{TOWN}(?={SEG_SEP}{TOWN_REGION}(?:{SEG_SEP}(?:(?i:{COUNTRY})(?![\p{{L}}])|{POSTCODE})|{END}))"
    rf"|{TOWN}(?={SEG_SEP}(?:{POSTCODE}|{TOWN}-\d{{6}}|(?i:{COUNTRY})(?![\p{{L}}])"
    rf"|[A-Z]{{2,3}}{END}))"
    rf"|{TOWN}(?=(?:{SEG_SEP}{TOWN}){{0,2}}{SEG_SEP}(?:{TOWN_POSTCODE}|{POSTCODE_TOWN}"
    rf"|{TOWN}[ \t]+\d{{3}}(?:\d{{2,3}})?(?![\p{{L}}\d])))"
    rf"|{TOWN}[ \t]+\d{{3}}(?:\d{{2,3}})?(?=[ \t]*,[ \t]*(?i:{COUNTRY})(?![\p{{L}}])|{END})"
    rf"|{TOWN}{END}"
    rf"|(?:{POSTCODE}){END}"
    rf"|[A-Z]{{2,3}}{END})"
)
"""A part after the street line (a bare town only before a postcode/country or at the end, or
among the districts before its town and postcode: "Khlong Toei Nuea, Watthana, Bangkok 10110";
a town with a three-digit postcode: "Taipei City 110, Taiwan"); the next street line starts a
new address."""

NAME_AND_NUMBER = (
    rf"(?:{CAP}[ \t]+){{0,3}}{CAP}[ \t]+{HOUSE_NUMBER}"
    rf"(?=(?:,[ \t]*|[ \t]*\n[ \t]*)(?:{POSTCODE_TOWN}|{TOWN}[ \t]+\d{{3}}[ \t]?\d{{2}}(?!\d)))"
    rf"|\d{{1,5}}(?:/\d{{1,5}})?,[ \t]+(?:{CAP}[ \t]+){{0,3}}{CAP}(?=,[ \t]*{TOWN}-\d{{6}})"
    r"|(?i:H\.?[ \t]?No\.?|House[ \t]+No\.?|Plot[ \t]+No\.?|Door[ \t]+No\.?)[ \t]*\d{1,5}[\w/\-]*"
    r"|\d{1,5}(?:/\d{1,4})?[ \t]+(?i:Moo|Mu)[ \t]+\d{1,3}(?![\d])"
    rf"|(?i:số)[ \t]+\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?[ \t]+(?:{CAP}[ \t]+){{0,3}}{CAP}"
    rf"|\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?[ \t]+(?:{CAP}[ \t]+){{0,3}}{CAP}"
    rf"(?=,[ \t]*{REGION_PREFIX}[ \t]*(?:{CAP}|\d))"
)
"""A street line without a street word, when a postcode and town follow it directly
("Kotrčová 8, 331 79 Potštát", "Gračanska 7c\n87733 Ogulin"), an Indian house number, or
a Thai house and village number ("123 Moo 4"), a Vietnamese "Số 12 Nguyễn Huệ", or a number
and name right before a ward or district word ("12 Nguyễn Huệ, Phường 4")."""
CJK_ADDRESS = regex.compile(
    r"(?:〒?\d{3}-\d{4}[ \t]*|(?<![\d\-])\d{3}(?:\d{2,3})?[ \t]*(?=\p{Han}))?"
    r"[\p{Han}\p{Hiragana}\p{Katakana}ー0-9０-９A-Za-z]*?"  # noqa: RUF001
    r"\p{Han}+(?:省|市|区|區|県|縣|县|都|府|道|州|镇|鎮|町|村|郡)"
    r"[\p{Han}\p{Hiragana}\p{Katakana}ー0-9０-９A-Za-z\-]*"  # noqa: RUF001
    r"(?:[ \t]*\d{1,5}[ \t]*(?:號|号|巷|弄|樓|楼|室|F|之\d{1,3})(?![\p{Han}]*\p{Han}(?:省|市)))*"
    r"(?:[ \t]+\d{5,6}(?![\d\-]))?",
    regex.VERSION1,
)
"""Chinese and Japanese addresses: written without spaces from province or prefecture down
to the building, with administrative suffixes (省 市 区 県 町 ...), an optional postcode
before or after, and house, lane and floor numbers that may stand apart ("信義路三段 123 號")."""
PLACE_WORD_BEFORE = r"(?<![\p{L}])(?i:at|in|to|from)[ \t]+"
"""A word of running text before an address that starts with its postcode and town: "our
office at 1051 Budapest, Nádor utca 7"; not a year ("In 2019 Oslo, Karl Johans gate 22")."""
YEAR_LIKE = r"(?:1[89]|20)\d\d(?!\d)"
POSTCODE_TOWN_FIRST = rf"(?:(?<=^[ \t]*|[:|][ \t]*)|(?<={PLACE_WORD_BEFORE})(?!{YEAR_LIKE}))"
"""Where an address may open with its postcode and town: at a line start, after a colon or
bar, or after a place word."""
ADDRESS = compile_cached(
    rf"(?<![\p{{L}}\d\-./:])"
    rf"(?:(?:{UNIT}|{POSTCODE_TOWN_FIRST}{POSTCODE_TOWN}|{REGION_PART}"
    rf"|(?<=^[ \t]*|[:|][ \t]*)\d{{5,6}}(?=[ \t]*,[ \t]*{REGION_PREFIX})){SEG_SEP}){{0,4}}"
    rf"(?P<street>{NUMBERED_STREET}|{ROMANISED_EAST_ASIAN_STREET}|{STREET_FIRST}|{NUMBER_FIRST}"
    rf"|{UNNUMBERED_STREET}|{POST_BOX}|{NAME_AND_NUMBER})"
    rf"(?:[ \t]+{INLINE_UNIT}(?![\p{{L}}\d])){{0,3}}"
    rf"(?:{SEG_SEP}(?:{SEGMENT})){{0,6}}",
    regex.VERSION1 | regex.MULTILINE,
)
LOWER_CASE_START = compile_cached(
    rf"{UNIT}|{REGION_PREFIX}|{STREET_PREFIX}|{NAME_AND_NUMBER}", regex.VERSION1 | regex.MULTILINE
)
"""The parts of ADDRESS that can begin with a lower-case letter (units, district and street
words such as "apt", "ul.", "rue", "h.no"); every other part begins with a capital, a digit
or "#"."""


def _digit_within(words: int) -> regex.Pattern[str]:
    """A digit in the word at a position or in one of the next `words` words of its line
    (words apart by spaces or tabs only, as the address patterns' words are)."""
    return regex.compile(rf"(?:[^\s\d]*+[ \t]++){{0,{words}}}+[^\s\d]*+\d", regex.VERSION1)


_DIGIT_SOON = _digit_within(7)
"""Every part an ADDRESS match can begin with holds a digit this near unless it is a
`WORDY_START` or a `REGION_PART`: a street line has its house number after at most the
street word, four name words, the last name word and "nr." (seven spaces: "Rua Dom Pedro de
Alcântara Neto, nr. 12"); "Zhongshan North Road Section 2", "A B C utca 12", a name and
number before a postcode line, a post-office box, a postcode and town, a numbered unit and a
ward number need fewer."""
WORDY_START = compile_cached(
    rf"{UNIT}|{REGION_PREFIX}|(?:{STREET_PREFIX}|{STREET_PREFIX_CAPS})[ \t]",
    regex.VERSION1 | regex.MULTILINE,
)
"""Where the parts of ADDRESS that need no digit begin with a word of their own: units named
by a word ("Building C", "Edif. Miramar", "c/o ...", "II. em."), district words ("Colonia
Roma") and a street named without a number ("Avenida Bolívar, Edif. ..."). The other parts
without a digit are districts named before their district word ("Gyeonggi Province",
"Gangnam-gu"): a `REGION_PART`."""
_REGION_PART = regex.compile(REGION_PART, regex.VERSION1)


class PrefixTest:
    """Whether a match of `pattern` may begin with the four characters at a position of a
    text, remembered per four characters.

    Tried as a partial match on those four characters alone (the patterns used here look at
    nothing before their start), so its answer is no only when no match can begin there;
    four characters tell most words of running text apart from the unit, street and
    district words these patterns begin with, and a lookup costs far less than trying the
    pattern's long word lists again at every word.
    """

    LENGTH = 4
    LIMIT = 50_000
    """Answers kept at most (a few MB), each for four characters of text, never more."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.answers: dict[str, bool] = {}

    def __call__(self, text: str, position: int) -> bool:
        key = text[position : position + self.LENGTH]
        answer = self.answers.get(key)
        if answer is None:
            answer = self.pattern.match(key, partial=True) is not None
            if len(self.answers) < self.LIMIT:
                self.answers[key] = answer
        return answer


# Compiled at import, not when first needed: the address scan that asks them runs under a
# deadline, which compiling their word lists on a busy machine could use up.
_may_start_lower_case = PrefixTest(LOWER_CASE_START)
_may_start_wordy = PrefixTest(WORDY_START)


def may_start_address(text: str, position: int) -> bool:
    """Whether an ADDRESS match may begin at `position` (a word start), tested in ways that
    cost a fraction of trying ADDRESS there: most words of running text are lower-case and
    begin no unit, district or street word (a letter that has a capital form is not the
    first letter of an upper-cased street word), and most capitalised words have no digit
    near them, begin no unit, district or street word and are no district's name."""
    first = text[position]
    if first.islower() and first.upper() != first and not _may_start_lower_case(text, position):
        return False
    return (
        _DIGIT_SOON.match(text, position) is not None
        or _may_start_wordy(text, position)
        or _REGION_PART.match(text, position) is not None
    )


MILITARY = regex.compile(
    r"(?<![\p{L}\d])(?:(?:(?i:PSC|CMR|Unit)\s+\d{1,5}(?:,?\s+(?i:Box)\s+\d{1,5})?"
    r"|(?:USNS|USS|USCGC)\s+\p{Lu}[\p{L}\- ]{1,30}?)"
    r"[ \t]*(?:,[ \t]*|\n[ \t]*))?"
    r"(?:APO|FPO|DPO),?\s+(?:AA|AE|AP),?\s+\d{5}(?:-\d{4})?(?!\d)",
    regex.VERSION1,
)
"""US military mail: "PSC 1234, Box 5678, APO AE 09204", "USNS Comfort, FPO AA 34093"."""
POSTCODE_TOWN_COUNTRY = compile_cached(
    rf"{POSTCODE_TOWN}{SEG_SEP}(?i:{COUNTRY})(?![\p{{L}}])",
    regex.VERSION1 | regex.MULTILINE,
)
"""Postcode, town and country without a street: "75019 Paris, France"."""
POSTCODE_TOWN_STARTS = regex.compile(r"(?<![\p{L}\d\-])\d|\p{Lu}", regex.VERSION1)
"""Where POSTCODE_TOWN_COUNTRY may begin: a postcode's first digit (not inside a number or
word) or capital, or the capital of a town written with its Indian PIN ("Katihar-124971")."""
_POSTCODE_SOON = _digit_within(3)


def may_start_postcode_town(text: str, position: int) -> bool:
    """Whether POSTCODE_TOWN_COUNTRY may begin at `position`: its postcode comes first, or
    right after a town of at most four words."""
    return _POSTCODE_SOON.match(text, position) is not None


FULL_SCORE = 0.85
STREET_ONLY_SCORE = 0.65
MILITARY_SCORE = 0.85
POSTCODE_TOWN_SCORE = 0.7

_NOT_A_PLACE_WORD = frozenset(
    {"phone", "tel", "email", "e-mail", "fax", "mobile", "web", "website", "www", "iban"}
)


_NOT_STREET_WORDS = frozenset(
    {
        *("room", "order", "ticket", "invoice", "case", "item", "box", "page", "step", "line"),
        *("table", "figure", "chapter", "section", "version", "floor", "gate", "platform"),
        *("terminal", "seat", "row", "week", "day", "year", "no", "nr", "number", "ref"),
        *("reference", "account", "policy", "claim", "batch", "lot", "bus", "train", "flight"),
        "route",
    }
)
"""First words of "<word> <number>" lines that count or reference something, not streets."""

_NUMBER_WORDS = frozenset({"no", "nr", "n", "number", "num", "nos"})
"""Words between a counting word and its number ("Order No 12"); any other word after it
names a street ("Route de Lausanne 15")."""

_LEAD_WORDS = frozenset(
    {"visit", "send", "ship", "deliver", "post", "mail", "address", "at", "to", "from", "see"}
)
"""Capitalised words a suffix-type street name may have taken from the sentence before it."""

_ABBREVIATIONS = ("Str.", "str.", "St.", "Rd.", "Dr.", "Av.", "Bd.", "ul.", "al.", "pl.", "os.")


_SEG_SEP_RE = regex.compile(SEG_SEP, regex.VERSION1)
_EAST_ASIAN_STREET = regex.compile(ROMANISED_EAST_ASIAN_STREET, regex.VERSION1)


_STREET_LINE = compile_cached(
    rf"(?<=,[ \t]*|\n[ \t]*)(?:{NUMBERED_STREET}|{STREET_FIRST}|{NUMBER_FIRST})",
    regex.VERSION1,
)
"""A street line after a unit that counts like "Room 1203, 12/F, 18 Harbour Road": the
address's own street, so the unit's word does not make the match a room or order number."""


_COUNTRY_PART = compile_cached(rf"(?i:{COUNTRY})", regex.VERSION1)


def is_country(name: str) -> bool:
    """Whether `name` is a country name as the address patterns know it, in any case."""
    return _COUNTRY_PART.fullmatch(name) is not None


_TOWN_PART = compile_cached(rf"{POSTCODE_TOWN}|{TOWN_POSTCODE}|{TOWN_REGION}", regex.VERSION1)
_NAMED_PART = compile_cached(
    rf"{REGION_PART}|{UNIT}|[A-Z]{{2,3}}|{LETTERED_POSTCODE}", regex.VERSION1
)


def _end_before_a_name(text: str, start: int, end: int, street_end: int) -> int:
    """Where an address ends when a bare name follows its town: "10435 Berlin\nAnna Schmidt"
    and "00184 Roma, Marco Rossi" end at the town. A second bare name is kept only when a
    country or postcode still follows it ("Calle 45 # 12-34, Chapinero, Bogotá, Colombia",
    "Rua das Flores, 123 - Centro, Curitiba - PR, 80010-120"). The parts of the street line
    itself ("No. 79, Kandy Road") are no town."""
    bounds = [start]
    for sep in _SEG_SEP_RE.finditer(text, start, end):
        bounds += [sep.start(), sep.end()]
    bounds.append(end)
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    town_seen = False
    for i, (a, b) in enumerate(parts[1:], start=1):
        part = text[a:b]
        if b <= street_end:
            continue
        if is_country(part) or _NAMED_PART.fullmatch(part):
            continue
        has_digit = any(c.isdigit() for c in part)
        if not has_digit and town_seen:
            rest = parts[i + 1 :]
            if not any(
                is_country(text[x:y]) or any(c.isdigit() for c in text[x:y]) for x, y in rest
            ):
                return parts[i - 1][1]
        if _TOWN_PART.fullmatch(part):
            town_seen = True
    return end


_SENTENCE_END = regex.compile(r"(\p{Lu}\p{Ll}{3,}|\p{Ll}{4,})\.(?=[ \t]+\p{Lu})", regex.VERSION1)
"""A full stop after a whole word ("...Kokkedal. Asking", "Entre Ríos. Ring"): the sentence
ends there; after an abbreviation ("Nám. 3", "Jl. Merdeka", "Blvd. Kukulcán") it does not."""
_DOTTED_ABBREVIATIONS = frozenset(
    {"blvd", "avda", "ctra", "prol", "bldg", "gral", "dpto", "depto", "edif", "fracc", "prov"}
    | {"dist", "apto", "priv", "calz", "carr", "cond", "conj", "resid", "ulit", "prosp", "nám"}
)

_ABBREVIATED_PLACE_WORD = compile_cached(
    rf"(?:{STREET_PREFIX}|{REGION_PREFIX}|{STREET_SUFFIX})", regex.VERSION1
)
"""Street and district words with a full stop of their own ("просп.", "пров.", "obl."): an
abbreviation, not the end of a sentence."""


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing separators and a sentence's full stop (not the one of "Str.")."""
    while end > start and text[end - 1] in " \t\n,.;:-\u2013|":
        if text[end - 1] == "." and text[start:end].endswith(_ABBREVIATIONS):
            break
        end -= 1
    return end


class InternationalAddressRecognizer(TextRecognizer):
    """Street-first and multi-line addresses, military addresses, postcode-town-country."""

    ENTITY = "LOCATION"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every address; the parts of a found address are not repeated."""
        found: list[RecognizerResult] = []
        covered: list[tuple[int, int]] = []

        def add(start: int, end: int, score: float, why: str, pattern: str) -> None:
            for sentence_end in _SENTENCE_END.finditer(text, start, end):
                if sentence_end.group(1).lower() not in _DOTTED_ABBREVIATIONS and not (
                    _ABBREVIATED_PLACE_WORD.fullmatch(
                        text, sentence_end.start(), sentence_end.end()
                    )
                ):
                    end = sentence_end.end() - 1
                    break
            end = _trim(text, start, end)
            if end <= start or any(s <= start and end <= e for s, e in covered):
                return
            covered.append((start, end))
            found.append(result(NAME, "LOCATION", start, end, score, why, pattern))

        for m in MILITARY.finditer(text, timeout=1.0):
            add(m.start(), m.end(), MILITARY_SCORE, "US military address", "military_address")
        for m in finditer_at(ADDRESS, text, may_start=may_start_address):
            span = text[m.start() : m.end()]
            last_word = span.rstrip(" \t\n,.;:").rsplit(None, 1)[-1].lower()
            end = _end_before_a_name(text, m.start(), m.end(), m.end("street"))
            if last_word in _NOT_A_PLACE_WORD:
                end = min(end, m.start() + span.rstrip(" \t\n,.;:").lower().rfind(last_word))
            has_tail = any(sep in text[m.start() : end] for sep in (",", "\n", " - ", " · ", " • "))
            words = regex.sub(r"[\d/\-,]+", " ", text[m.start() : end]).split(None, 1)
            if not words or (not has_tail and is_common_word(words[-1])):
                continue  # "Via Email 3", "Avenue Support 2": words, not a street
            score = FULL_SCORE if has_tail else STREET_ONLY_SCORE
            why = "street address" + (" with postcode/town/country" if has_tail else "")
            start = m.start()
            first = text[start:end].split(None, 1)
            if len(first) == 2 and first[0].lower() in _LEAD_WORDS:
                start = end - len(first[1])  # "Visit Hauptstraße 5": the verb is no address
            first_part = text[start:end].split(",")[0]
            street_words = regex.findall(r"\p{L}+", first_part)
            if street_words and street_words[0].lower() in _NOT_STREET_WORDS:
                named = street_words[1:2] and street_words[1].lower() not in _NUMBER_WORDS
                if not (
                    named
                    or _EAST_ASIAN_STREET.match(text, start)
                    or _STREET_LINE.search(text, start + len(first_part), end)
                ):
                    continue  # "Invoice 12, 2024 Berlin", "Room 12, 10435 Berlin"
            add(start, end, score, why, "street_address")
        for m in SCRIPT_ADDRESS.finditer(text, timeout=1.0) if _SCRIPT.search(text) else ():
            if any(c.isdigit() for c in m.group(0)):
                add(
                    m.start(), m.end(), FULL_SCORE, "address in a caseless script", "script_address"
                )
        for m in CJK_ADDRESS.finditer(text, timeout=1.0) if _HAN.search(text) else ():
            add(m.start(), m.end(), FULL_SCORE, "Chinese/Japanese address", "cjk_address")
        for m in finditer_at(
            POSTCODE_TOWN_COUNTRY,
            text,
            starts=POSTCODE_TOWN_STARTS,
            may_start=may_start_postcode_town,
        ):
            add(
                m.start(),
                m.end(),
                POSTCODE_TOWN_SCORE,
                "postcode and town followed by a country",
                "postcode_town_country",
            )
        return found


def _script_address(letters: str, markers: str, extra: str = "") -> str:
    """An address in a script without letter case: a run of words and numbers of that script
    holding a street or district word (`markers`), then the town, district, postcode and
    country parts after commas or line breaks."""
    word = rf"[{letters}][{letters}\p{{M}}{extra}\-]*"
    token = rf"(?:{word}|\d{{1,6}}(?:[\-/]\d{{1,5}})?|[\u0660-\u0669\u06f0-\u06f9]{{1,6}})"
    part = rf"(?:{word}(?:[ \t]+{word}){{0,3}}(?:[ \t]+\d{{3,7}})?|\d{{3,7}}[ \t]+{word})"
    return (
        rf"(?<![{letters}\p{{M}}\d])(?:{token}[ \t]+){{0,4}}(?:{markers})(?:[ \t]*{token}){{0,5}}"
        rf"(?:(?:[ \t]*[,\u060c][ \t]*|[ \t]*\n[ \t]*)(?:{UNIT}|{part}|\d{{3,7}}|(?i:{COUNTRY}))"
        rf"(?![\p{{L}}\d])){{0,5}}"
        # or, without a street word: name and number, then its town ("הרצל 12, חיפה")
        rf"|(?<![{letters}\p{{M}}\d])(?:{word}[ \t]+){{1,3}}\d{{1,4}}[a-z]?[ \t]*[,\u060c][ \t]*"
        rf"{word}(?:[ \t\-]+{word}){{0,2}}(?:[ \t]+\d{{5,7}})?"
        rf"(?:[ \t]*,[ \t]*(?i:{COUNTRY})(?![\p{{L}}]))?"
    )


SCRIPT_ADDRESS = compile_cached(
    "|".join(
        (
            # Korean: province/city/district words (시 도 구 군 읍 면 동 리) and road names
            # (로 길), then the building number: "서울특별시 마포구 월드컵북로 396".
            _script_address(
                r"\p{Hangul}",
                r"\p{Hangul}+(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구|읍|면|동|리|로|길)"
                r"(?=[ \t]+[\p{Hangul}\d])",
            ),
            # Thai: road, lane, sub-district, district and province words.
            _script_address(
                r"\p{Thai}",
                r"(?:ถนน|ถ\.|ซอย|ซ\.|แขวง|เขต|ตำบล|ต\.|อำเภอ|อ\.|จังหวัด|จ\.|หมู่(?:ที่)?|ม\.)"
                r"[\p{Thai}]*",
                ".",
            ),
            # Hebrew: street, avenue, road, square words.
            _script_address(
                r"\p{Hebrew}",
                r"(?:רחוב|רח['\u05f3]|שדרות|שד['\u05f3]|דרך|סמטת|כיכר|מבוא|נתיב|שכונת)",
                "'\"\u05f3\u05f4",
            ),
            # Arabic and Persian: street, alley, boulevard, square, highway, road words.
            _script_address(
                r"\p{Arabic}",
                r"(?:شارع|طريق|خیابان|خيابان|کوچه|كوچه|بلوار|میدان|ميدان|"
                r"بزرگ[ \t\u200c]?راه|جاده|تقاطع|بن[ \t\u200c]?بست|پلاک|حي|ساختمان)",
                "\u200c",
            ),
            # Georgian: street (ქ., ქუჩა), avenue, lane words after the street's name.
            _script_address(r"\p{Georgian}", r"(?:ქ\.|ქუჩა|გამზ\.|გამზირი|ჩიხი|შესახვევი)", "."),
        )
    ),
    regex.VERSION1,
)
"""Addresses in Korean, Thai, Hebrew, Arabic/Persian and Georgian script, where capitals
cannot mark a name: anchored on the script's own street and district words."""


_SCRIPT = regex.compile(r"[\p{Hangul}\p{Thai}\p{Hebrew}\p{Arabic}\p{Georgian}]", regex.VERSION1)
"""A letter of one of `SCRIPT_ADDRESS`'s scripts: every match holds one, so text without any
skips that scan (most text; the pattern is slow to run over)."""
_HAN = regex.compile(r"\p{Han}", regex.VERSION1)
"""Every CJK_ADDRESS match holds a Han character."""
