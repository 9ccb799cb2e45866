"""Template families for the generated part of the evaluation set.

Written for this harness, without reference to Redacta's recognizers and without anything
from presidio-research / presidio-evaluator. A family is one kind of text (a shipping label,
a chat log, a tenancy clause ...) in several wordings; families, not single templates, are
split between `tune` and `check`, so the check part has kinds of text tuning never saw.

`{slot}` placeholders are filled by `values.LocaleValues`; labelled slots become gold spans
(see LABELLING.md), distractor slots (`{product}`, `{version}`, `{ordernum}`, `{money}`,
`{duration}`, `{age}`, `{qty}`, ...) stay unlabelled so precision is measured. Literal text
in a template never holds PII of its own.
"""

from __future__ import annotations

FAMILIES: dict[str, list[str]] = {
    "shipping_label": [
        "SHIP TO:\n{person_caps}\n{address_block}\n\nWeight: {weight}   Ref: {ordernum}",
        "Deliver to: {person}\n{address_block}\nTel. {phone}",
        "Consignee: {org}, attn. {person}, {address}. Contents: {product} x{qty}.",
        "Return address:\n{person}\n{address_block}",
        "SHIP TO: {person}, {military}\nFROM: {person2}, {address}",
    ],
    "relocation_email": [
        "Dear Frau {last},\n\nthe apartment at {address_block}\nis ready from {date}. The "
        "landlord, {person}, asks for the deposit by {weekday}.\n\nRegards,\n{person2}",
        "Hi {first},\n\nWelcome to the team! Your flat is at {address} and the keys can be "
        "collected from {person2} on {weekday} at {time}.\n\nBest,\n{person}",
        "Dear {person},\n\nYour relocation to {city} starts on {date}. The movers from {org} "
        "will call you on {phone}.\n\nKind regards,\n{person2}\n{team}",
        "{first}, quick note: HR has your new address as {address}. If that is wrong, "
        "reply before {date}.",
        "Hello {first}, I'm moving from {city} to {city2} in {month_year}; please send "
        "payslips to {email} from then on. Thanks, {first2}",
    ],
    "support_chat": [
        "[{time}] {handle}: hi, my parcel {ordernum} still says in transit\n"
        "[{time}] agent_{qty}: sorry about that! can I have the delivery address?\n"
        "[{time}] {handle}: {address}",
        "{handle}: can someone reset my login? email is {email}\n"
        "support: done, check your inbox within {duration}",
        "<{handle}> call me at {phone} pls, the app crashes on {version}\n<helpdesk> will do",
        "{handle} joined the chat\n{handle2}: hey {first}, the invoice for {money} went to "
        "{email} on {weekday}",
    ],
    "email_signature": [
        "Best regards,\n\n{person}\n{org}\n{address_block}\nT {phone} | M {phone2}\n{email}",
        "--\n{person_caps}\nSenior Consultant | {org}\nDirect: {phone}\nWeb: {url}",
        "Cheers,\n{first}\n\n{person} · {org} · {city}\nmob. {phone}",
        "Mit freundlichen Grüßen / Kind regards\n{person}\n{org}\nTel.: {phone}\nFax: {phone2}\n"
        "{email}",
    ],
    "tenancy_clause": [
        "This tenancy agreement is made on {date} between {person} (the Landlord) and "
        "{person2} (the Tenant) for the property at {address}.",
        "The Tenant shall pay {money} per month into the Landlord's account {iban} no later "
        "than the {qty}th day of each month.",
        "Notices to the Landlord: {person}, {address_block}",
        "The deposit of {money} is held by {org} and will be returned within {duration} of "
        "the end of the tenancy on {date}.",
    ],
    "clinical_referral": [
        "Mme {last2} brought her father, {person}, to {org} on {date}; GP Dr {last}.",
        "Referral: {person}, DOB {dob}, lives at {address}. Seen on {date} by Dr {last}.",
        "Pt {person_caps} ({age} y), NHS no. {nhs}, admitted {datetime} to {org}.",
        "Dear Dr {last2},\nI would be grateful if you could see {person}, born {dob}, "
        "regarding symptoms that started {duration} ago. Next of kin: {person2}, {phone}.",
        "Clinic letter - {org}\nPatient: {person}\nNHS number: {nhs}\nReview in {duration}.",
    ],
    "invoice_header": [
        "INVOICE {ordernum}\nDate: {date}\nBill to: {org}\n{address_block}\n\n"
        "{qty} x {product} ... {money}",
        "Invoice from {org} ({url})\nCustomer: {person}, {address}\nDue: {date}\nTotal: {money}",
        "Supplier: {org}\nIBAN: {iban}\nPayment terms: {duration}\nAmount due {money} by {date}",
    ],
    "bank_transfer": [
        "Please transfer {money} to {person}, IBAN {iban}, reference {ordernum}.",
        "Beneficiary: {org}\nIBAN: {iban}\nBank address: {address}",
        "I paid the deposit by card ending {qty} - full number {card} - on {date}.",
        "Refund of {money} to card {card} was processed on {date} for {person}.",
    ],
    "pasted_form": [
        "Name: {person}\nDate of birth: {dob}\nAddress: {address}\nPhone: {phone}\nEmail: {email}",
        "SURNAME: {last_caps}\nGIVEN NAMES: {first}\nPLACE OF BIRTH: {city_caps}\nNATIONALITY: "
        "{country}",
        "Full name ........ {person}\nMobile .......... {phone}\nEmployer ........ {org}\n"
        "Start date ...... {date}",
        "Emergency contact: {person}\nRelationship: sister\nTel: {phone}\nCity: {city}",
        "Applicant: {person}\nSSN: {ssn}\nHome address:\n{address_block}",
    ],
    "pasted_table": [
        "Name\tCity\tPhone\n{person}\t{city}\t{phone}\n{person2}\t{city2}\t{phone2}",
        "| name | email | joined |\n|---|---|---|\n| {person} | {email} | {date} |\n"
        "| {person2} | {email2} | {date2} |",
        "ID;Name;Town;Amount\n{qty};{person};{city};{money}\n{age};{person2};{city2};{money}",
        "Employee            Start       Office\n{person}    {date}    {city}",
    ],
    "server_log": [
        "{logstamp} INFO  login ok user={email} ip={ip}",
        "{logstamp} WARN  failed password for {email} from {ip} port {qty}",
        '{ip} - - [{datetime}] "GET /{word} HTTP/1.1" 404 {qty}',
        "{logstamp} ERROR payment declined card={card} customer={person}",
        "{logstamp} DEBUG webhook POST {url} status=200 took {qty}ms",
    ],
    "founders_history": [
        "Started by {person} and {person2} in {city} in {year}, the firm now employs {qty} people.",
        "The company was founded in {year} by {surnames} in a garage in {city}.",
        "Founders: {surnames}. First office: {address}.",
        "{org} traces its roots to {year}, when {people} opened a workshop in {city}.",
        "Partners {surnames} signed the merger with {org} in {month_year}.",
    ],
    "news_brief": [
        "{city_caps} ({country}) - {person}, head of {org}, resigned on {weekday}.",
        "{city} - {person}, {age}, a teacher from {city2}, was named head of {org} on {weekday}.",
        "{person} of {org} told reporters in {city} that the plant would reopen in {year}.",
        "Police in {city} are looking for witnesses after a collision on {street} on {date}.",
        "{person_caps} WINS {city_caps} MARATHON",
    ],
    "travel_itinerary": [
        "Flight {ordernum} departs {city} on {weekday} at {time}, arrives {city2} the same day.",
        "Hotel: {org}, {address}. Check-in {date} from {time}. Booking ref {ordernum}.",
        "Itinerary for {person}\n{date}: {city} -> {city2}\n{date2}: free day\nReturn on {weekday}",
        "Pick-up from {address} at {time} on {date}; driver {first}, {phone}.",
    ],
    "meeting_scheduling": [
        "Can we move the review to {weekday} at {time}? {person2} is in {city} until {date}.",
        "Meeting with {person} from {org} - {datetime} - room {qty}.",
        "Are you free on {weekday} afternoon? {first} suggested {time} at our {city} office.",
        "Reminder: quarterly call {weekday} {time}, dial-in {phone}, host {person}.",
    ],
    "cv_lines": [
        "{person}\n{address}\n{phone} | {email}\n\nEXPERIENCE\n{org}, {city} - {year}-{year2}",
        "Education: {org}, {city} ({year}). Languages: English, German.",
        "{month_year} - present: Analyst at {org}, {city}, {country}.",
        "References available from {person}, {org}, {email}.",
        "Born {dob} in {city}. Driving licence. Interests: chess, cycling.",
    ],
    "reference_letter": [
        "Prof. {person} supervised {first}'s thesis at {org} from {year} to {year2}.",
        "To whom it may concern,\n\nI have known {person} since {year}, when they joined "
        "{org} in {city}.\n\nSincerely,\n{person2}",
        "{first} worked under my supervision from {month_year} to {month_year2}. "
        "Feel free to call me on {phone}.",
        "I recommend {person} without reservation. - {person2}, {org}",
    ],
    "complaint_letter": [
        "{person}\n{address_block}\n\n{date}\n\nDear Sir or Madam,\nI am writing about order "
        "{ordernum}, delivered damaged on {weekday}.",
        "Complaint ref {ticket}: customer {person} ({email}) says the {product} stopped working "
        "after {duration}.",
        "I have called {org} {qty} times from {phone} and nobody has replied since {date}.",
    ],
    "insurance_claim": [
        "Claim {ticket}\nPolicyholder: {person}\nAddress: {address}\nDate of loss: {date}\n"
        "Estimated damage: {money}",
        "The insured, {person}, reported a burst pipe at {address} on {weekday} {date}.",
        "Witness: {person2}, {phone}. Adjuster: {person}, {org}.",
    ],
    "incident_report": [
        "At approx. {time} on {date} a vehicle registered to {person} struck a barrier on "
        "{street}, {city}.",
        "Reporting officer {initial_last} spoke to {person2} (born {year}) at the scene.",
        "Incident {ticket}: laptop stolen from {address}. Owner {person}, contact {phone}.",
    ],
    "speaker_bio": [
        "Dr. {person} has taught at {org} since {year} and lives in {city} with her family.",
        "{person} is a researcher at {org} in {city}. Since {year} she has worked on {word} "
        "systems.",
        "Our keynote speaker, {person}, grew up in {city} and studied at {org}.",
        "{person_caps} ({org}, {city}) - talk in Hall {qty}.",
    ],
    "newsletter": [
        "We welcome {people}, who joined the {city} chapter in {month_year}.",
        "Congratulations to {person}, who married {person2} in {city} in {month_year}!",
        "Class of {year}: {surnames} met up in {city} last {weekday}.",
        "Alumni news: {person} joined {org} as CFO; write to {email}.",
    ],
    "property_listing": [
        "FOR SALE - {address}. {qty} m², {qty2} rooms. Viewing {weekday} {time}. "
        "Agent: {person}, {phone}.",
        "Bright two-bed flat at {address_block}\nContact {org}: {email}",
        "Open house on {date} at {street}, {city}. Asking {money}.",
    ],
    "invitation": [
        "Mr and Mrs {last} request the pleasure of your company on {date} at {address}.",
        "{person} and {person2} invite you to their wedding on {date} at {address}. RSVP {email}.",
        "Join us for {first}'s {age}th birthday, {weekday} {date} from {time}, at {org}, {city}.",
        "You're invited! Farewell drinks for {person}, {datetime}, {address}.",
    ],
    "school_enrolment": [
        "Pupil: {person}\nDate of birth: {dob}\nParent/guardian: {person2}\nAddress: {address}\n"
        "Phone: {phone}",
        "{first} starts Year {qty} at {org} on {date}; pick-up by {person2}.",
        "Guardian email {email}; alternate contact {person}, {phone}.",
    ],
    "prescription": [
        "Rx for {person} (DOB {dob}): {qty} mg twice daily for {duration}. Prescriber: Dr "
        "{last}, {org}.",
        "Pharmacy: {org}, {address}. Collected by {person} on {date} at {time}.",
        "Repeat prescription for {person_caps}, NHS {nhs}, due {date}.",
    ],
    "car_rental": [
        "Rental agreement {ordernum}\nDriver: {person}\nLicence issued in {country}\n"
        "Pick-up: {city}, {datetime}\nReturn: {city2}, {datetime2}",
        "Deposit of {money} held on card {card}. Second driver: {person2}.",
        "The {product} was returned to {address} on {weekday} with {percent} fuel.",
    ],
    "customs_form": [
        "SENDER: {person_caps}, {address}\nRECIPIENT: {person2}, {address2}\nCONTENTS: "
        "{product}, value {money}",
        "Customs declaration {ordernum}: gift from {person} ({city}, {country}) to {person2}.",
        "Importer of record: {org}, {address_block}\nContact: {phone}",
        "RECIPIENT: {person}\n{military}\nCONTENTS: letters, {product}",
    ],
    "freelance_invoice": [
        "Invoice {ordernum} - {person}, freelance translator\n{address_block}\n\nTo: {org}\n"
        "Services in {month_year}: {qty} hours\nTotal {money}\nIBAN {iban}",
        "Please pay within {duration} to {iban} (account holder {person}).",
        "Questions? {email} / {phone} / {url}",
    ],
    "crm_note": [
        "Sr. {last} ({org}, {city}) called back; prefers e-mail: {email}.",
        "Call with {person} ({org}) on {weekday}: wants a demo of the {product}; follow up {date}.",
        "Lead: {person_lower}, {city_lower}, {email}, came via {url}.",
        "{first} from {org} asked for a quote for {qty} units; mobile {phone}.",
        "Account owner changed from {person} to {person2} on {date}.",
    ],
    "it_ticket": [
        "{ticket}: VPN drops for {email} connecting from {ip}; client {version}.",
        "User {person} cannot reach {url} since {datetime}. Gateway {ip}.",
        "Please whitelist {ip} and {ip2} for {org}. Requested by {person}, {phone}.",
        "Laptop {sku} assigned to {person}, {city} office, on {date}.",
    ],
    "password_reset": [
        "Hi {first}, someone asked to reset the password for {email}. Use this link within "
        "{duration}: {url}",
        "Your sign-in from {ip} ({city}, {country}) on {datetime} was blocked.",
        "Verification code sent to {phone}. Not you? Visit {url}.",
    ],
    "genealogy": [
        "Great-grandmother {person} (née {last}) was born in {city}, {country}, around {year}.",
        "{person} was born in {city} in {year} and emigrated to {country} in {year2}.",
        "Baptism record: {person}, son of {person2}, {date}, parish of {city}.",
        "The {last} family lived at {address} from {year} until {year2}.",
        "Married: {person} and {person2}, {city}, {month_year}.",
    ],
    "biography": [
        "{person} ({year}-{year2}) was a painter from {city} who spent her last years in "
        "{country}.",
        "After studying at {org}, {last} moved to {city} in {year} and opened a studio.",
        "In {year}, {person} became the first woman to lead {org}.",
    ],
    "visa_letter": [
        "{person} ({country}) is invited by {org}, {address}, for meetings in {month_year}.",
        "This is to confirm that {person}, passport holder of {country}, will visit {org} in "
        "{city} from {date} to {date2}.",
        "Host: {person2}, {address_block}\nTel. {phone}",
        "Invitation letter for {person_caps}, born {dob} in {city_caps}.",
    ],
    "payroll_change": [
        "Please update payroll for {person}: new IBAN {iban}, effective {date}.",
        "Employee {person}, SSN {ssn}, moved to {address}; withholding state changes on {date}.",
        "Bonus of {money} for {person} approved by {person2} in {quarter}.",
    ],
    "us_tax_form": [
        "Social Security number: {ssn}\nName: {person}\nAddress: {address}",
        "W-2 for {person} (SSN {ssn}), employer {org}, tax year {year}.",
        "My social security number is {ssn} and my date of birth is {dob}.",
        "Dependent: {first}, SSN {ssn}, born {year}.",
    ],
    "military_mail": [
        "Please ship to:\n{person}\n{military}",
        "My new mailing address while deployed is {military}. Write to me!",
        "Care package for Sgt. {last}, {military}, sent {date}.",
        "Forwarding address: {person}, {military}",
    ],
    "driver_notes": [
        "drop at {address} - ring bell for {person_lower}, back door",
        "{person_lower} called from {phone}, not home till {time}, leave with neighbour",
        "route {qty}: {city_lower} -> {city_lower2}, {qty2} stops, depot {address}",
    ],
    "manifest_caps": [
        "PASSENGER: {person_caps}  SEAT {qty}C  FROM {city_caps} TO {city_caps2}  {date}",
        "CONSIGNEE {org} / {address} / TEL {phone}",
        "CREW LIST: {surnames}",
    ],
    "card_dispute": [
        "Chargeback: {person}, {address}, card {card}, disputed {money} from {org}.",
        "I don't recognise a charge of {money} on my card {card} from {date}. - {person}",
        "Dispute {ticket}: cardholder {person}, card {card}, merchant {org}, {city}.",
        "The merchant at {url} charged my card {card} twice on {weekday}.",
    ],
    "hotel_booking": [
        "Reservation {ordernum}\nGuest: {person}\nHotel: {org}\n{address_block}\nArrival: {date}",
        "Booking confirmed for {person}: {org}, {address}, {date} - {date2}, {qty} nights.",
        "Guest {person_caps} from {city} arriving {weekday}; phone {phone}.",
        "Dear {first}, your room at {org} in {city} is ready from {time}.",
    ],
    "emergency_contacts": [
        "ICE: {first} (partner) {phone}, {first2} (brother) {phone2}",
        "In case of emergency contact {person} ({phone}) or {person2} ({phone2}).",
        "Next of kin: {person}, {address}, {phone}",
        "GP: Dr {last}, {org}, {phone}",
    ],
    "paper_affiliations": [
        "{person}¹, {person2}², {person3}¹\n¹ {org}, {city}, {country}\n² {org2}, {city2}",
        "Correspondence: {person}, {org}, {address}. E-mail: {email}",
        "Received {date}; accepted {date2}. We thank {surnames} for comments.",
    ],
    "sms_notice": [
        "Your parcel {ordernum} will arrive {weekday} between {time} and {time2}. Track: {url}",
        "{org}: appointment for {first} on {date} at {time}. Reply N to cancel. Info {phone}",
        "Code {qty} for {email}. Expires in {duration}.",
    ],
    "volunteer_roster": [
        "{weekday}: {first}, {first2} ({phone})\n{weekday2}: {first3}, {person}",
        "Volunteers for the {city} food bank: {surnames}.",
        "Shift lead {person}, {email}; backup {person2}, {phone}.",
    ],
    "lost_and_found": [
        "Whoever took the blue bike from outside {org} in {city} on {weekday} - please call "
        "{phone}.",
        "Found: a wallet with ID for {person}, {address}. Call {phone}.",
        "Lost dog near {street}, {city} on {weekday}. Answers to Biscuit. {phone}",
        "Keys handed in at {org} on {date}; owner {person} notified at {email}.",
    ],
    "academic_records": [
        "Certificate issued to {person}, born {dob} in {city}, by {org}.",
        "Transcript for {person}, student no. {qty}, {org}, awarded {month_year}.",
        "Thesis supervised by {person}, defended {date} in {city}.",
        "{person} enrolled in {year} and graduated in {year2}.",
    ],
    "sports_club": [
        "Results: 1. {person_caps} ({city}), 2. {person_caps2} ({city2}), 3. {person_caps3}.",
        "Team sheet: {surnames}. Kick-off {weekday} {time} at {org}, {city}.",
        "Membership renewal for {person}, {address}, paid {money} on {date}.",
        "Coach {person} can be reached at {phone} or {email}.",
    ],
    "recruitment": [
        "Candidate {person} (currently at {org}) is available from {date}; expects {money}.",
        "Interview with {first} on {weekday} {time} via {url}.",
        "Shortlist: {people}. Location: {city}.",
    ],
    "address_change": [
        "Please note my new address from {month_year}:\n{address_block}\n\nOld address: {address}",
        "Change of address for policy {ordernum}: {person} has moved from {city} to {address}.",
        "We have updated your billing address to {address}. If you did not request this, "
        "contact {org}.",
        "New correspondence address: {address_block}",
    ],
    "directions": [
        "From {city}, take the motorway towards {city2}; we are at {address}, opposite the "
        "station.",
        "The clinic moved to {street}, {city}. Parking behind the building.",
        "Meet me outside {org} on {street} - it's a short walk from {city2} centre.",
        "Directions: {address}. Ring the second bell ({last}).",
    ],
    "store_locator": [
        "Our stores: {address} | {address2} | {address3}",
        "{org}\n{address_block}\nOpen {weekday}-{weekday2} {time}-{time2}",
        "Nearest branch: {city}, {street}. Phone {phone}.",
        "Collection point: {org}, {address}",
    ],
    "event_venue": [
        "Venue: {org}\n{address_block}\n\nNearest airport: {city}. Hotels in {city2} and {city3}.",
        "The workshop takes place at {address}, hosted by {org}.",
        "Tour dates: {city_caps}, {city_caps2}, {city_caps3} and {country}.",
        "Regional meet-ups in {city}, {city2} and {city3}; the {region} group meets at {address}.",
    ],
    "checkout_form": [
        "Cardholder: {person_caps}\nCard number: {card}\nExpiry: {qty}/{qty2}\nBilling "
        "address: {address}",
        "Payment received from card {card} ({person}), billing {address_block}",
        "Card {card} declined at {org}, {city}. Try another card or contact your bank.",
        "Saved cards: {card} (default), {card2}.",
    ],
    "embassy_contacts": [
        "Consular section\n{address_block}\nTel. {phone}\nE-mail: {email}",
        "Applicants from {region} should apply in {city}; those from {country} at {address}.",
        "Honorary consul: {person}, {address}, {phone}.",
    ],
    # ---- families without PII: precision on look-alikes --------------------------------
    "release_notes": [
        "Release {version}: fixes the crash on start-up and speeds up sync by {percent}.",
        "{product} firmware {version} is rolling out over {duration}; {qty} devices updated.",
        "Deprecated in {version}: the legacy export. Removal planned for {quarter}.",
        "Changelog {version}\n- faster search\n- {qty} bug fixes\n- new {word} screen",
    ],
    "finance_summary": [
        "Revenue grew {percent} in {quarter} to {money}; margin {percent2}.",
        "Order {ordernum}: {qty} x {sku} at {money} each, shipped within {duration}.",
        "Budget for {team}: {money}, of which {percent} is already committed.",
        "{word}: invoice {ordernum} for {money} is {qty} days overdue.",
    ],
    "product_review": [
        "The {product} is great value at {money}; battery lasts {duration}.",
        "After {duration} the {product} still works fine. {qty} stars.",
        "Returned the {product} (order {ordernum}) - too loud. Refund took {duration}.",
        "My {age}-year-old uses the {product} every day, {percent} happier.",
    ],
    "howto_recipe": [
        "Bake at 180 degrees for {duration}, then rest for {duration2}.",
        "Step {qty}: tighten the {qty2} screws and wait {duration} before switching on.",
        "Mix {weight} of flour with {qty} eggs; serves {qty2}.",
        "Run the update to {version}, reboot, and allow {duration} for indexing.",
    ],
    "team_update": [
        "{word}: {team} will move to the new tool in {quarter}; training takes {duration}.",
        "Ticket {ticket} closed. {team} handled {qty} requests this sprint.",
        "The {product} pilot ends in {duration}; {percent} of users opted in.",
    ],
}

# Families that carry no PII at all (every finding there is a false alarm).
NEGATIVE = frozenset(
    {"release_notes", "finance_summary", "product_review", "howto_recipe", "team_update"}
)
