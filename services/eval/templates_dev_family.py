"""Template families of the `dev-family` tuning part: kinds of text no other part has.

Written from scratch for this part, from what people paste into a redaction tool (change-of-
address notes, CRM and JSON exports, CSV/TSV rows, markdown tables, e-mail signatures,
property listings, incident reports, itineraries, register extracts, form letters, logs with
places, social posts, SMS threads, delivery instructions, claims, event invitations, CV
headers, invoices and site-visit notes), without reference to Redacta's recognizers and
without reading the template families of any other part. They are filled with tune locales
only, so against `tune` only the kind of text is new: the part exists to find the errors
that unseen kinds of text cause (addresses inside sentences, in table cells, after keys,
split over columns) without reading check.

`{slot}` placeholders are filled by `values.LocaleValues` (see `templates.py`); literal text
never holds PII of its own.
"""

from __future__ import annotations

DEV_FAMILY_FAMILIES: dict[str, list[str]] = {
    "moved_house_note": [
        "Please update our records: {person} moved from {address} to {address2} on {date}. "
        "New phone {phone}.",
        "Hi {first}, quick note that we relocated last month, from {city} to {street_town}. "
        "Post sent to the old place is forwarded until {month_year}.\n{person2}",
        "Customer {person_inverted} (acct {ordernum}) reports a change of residence: old "
        "address {address_flat}, new address {address2}, effective {weekday} {date}.",
        "FYI - {person} is no longer at {street}; since {year} she lives at\n{address_block}\n"
        "and can be reached on {phone} or {email}.",
    ],
    "crm_record_dump": [
        "Name: {person}\nCompany: {org}\nStreet: {street}\nPostcode/Town: {city_line}\n"
        "Country: {country}\nPhone: {phone}\nEmail: {email}\nCreated: {datetime}\n"
        "Lead score: {percent}",
        "contact_id=C{qty}\nfull_name={person}\naccount={org}\nmailing_address={address}\n"
        "mobile={phone}\nlast_activity={date}\nowner={team}",
        "FIRST NAME ..... {first}\nLAST NAME ...... {last_caps}\nADDRESS ........ {address_flat}"
        "\nTELEPHONE ...... {phone}\nDATE OF BIRTH .. {dob}\nSEGMENT ........ {word}",
        "Contact card\n  display name: {person}\n  organisation: {org}\n  home: {address}\n"
        "  work phone: {phone}\n  e-mail: {email}\n  website: {url}\n  birthday: {dob}",
    ],
    "pasted_csv_tsv_rows": [
        "id,name,street,postcode_town,country,phone\n{qty},{person},{street},{city_line},"
        '{country},{phone}\n{age},{person2},"{address2}",,,{phone2}',
        'customer;email;delivery_address;order;total\n{person};{email};"{address}";'
        '{ordernum};{money}\n{person2};{email2};"{address2}";{ordernum};{money}',
        "name\tcity\tjoined\tphone\n{person}\t{city}\t{date}\t{phone}\n"
        "{person2}\t{city2}\t{date2}\t{phone2}",
        '"Surname","Given name","Address","IBAN"\n"{last}","{first}","{address}","{iban}"',
    ],
    "markdown_contact_table": [
        "| Name | Address | Phone |\n|---|---|---|\n| {person} | {address} | {phone} |\n"
        "| {person2} | {address2} | {phone2} |",
        "| Guest | From | Arrival | Room |\n| --- | --- | --- | --- |\n| {person} | {city} | "
        "{date} | {qty} |\n| {person2} | {city2} | {date2} | {qty} |",
        "| Supplier | Contact | Office | Email |\n|:--|:--|:--|:--|\n| {org} | {person} | "
        "{street_town} | {email} |\n| {org2} | {person2} | {city_line} | {email2} |",
    ],
    "signature_with_office": [
        "Thanks,\n\n--\n{person}\n{word} Manager | {org}\n{address_flat}\nT {phone} | M {phone2}"
        "\n{url}",
        "Best regards\n{person_badge}\n{org}\n{address_block}\nDirect: {phone}\n{email}",
        "Cheers, {first}\n\n{person} · {org} · {street_town} · {phone}\nThis e-mail and any "
        "attachments are confidential.",
        "Kind regards,\n{initial_last}\n\n{org}\nRegistered office: {address}\nCompany no. "
        "{ordernum}\nIBAN {iban}",
    ],
    "flat_rent_sale_ad": [
        "FOR RENT - bright {qty} m² flat, {address}. Available from {date}, {money} per month "
        "plus utilities. Viewings {weekday} from {time}; call {person} on {phone}.",
        "Detached house for sale in {city} ({region}). Address on request. Built in {year}, "
        "renovated {month_year}. Agent: {org}, {phone}, {url}",
        "Listing #{qty}\nLocation: {address_block}\nPrice: {money}\nEnergy class: B\n"
        "Contact: {person} <{email}>",
        "Room in a shared flat near {city} centre, {street}. {money} incl. bills, minimum "
        "{duration}. Message {first} on {phone}.",
    ],
    "site_incident_log": [
        "INCIDENT REPORT {caseref}\nDate/time: {datetime}\nLocation: {address}\nReported by: "
        "{person} ({phone})\nSummary: a parked vehicle ({plate}) was damaged; the caller "
        "lives at the same address.",
        "At about {time} on {weekday} a fire alarm was raised at {org}, {street_town}. "
        "Officers spoke with {person} and {person2}; nobody was hurt.",
        "Near-miss log - site: {address_flat} - observer: {initial_last} - {date} - a ladder "
        "was left across the walkway outside unit {qty}.",
        "Security note: on {date} the access card of {person} was used at the {city} office "
        "from IP {ip} while the holder was on leave in {country}.",
    ],
    "trip_day_plan": [
        "Day 1 ({date}): fly to {city}. Check in at {org}, {address}.\nDay 2: drive to "
        "{city2} ({duration}). Dinner booked at {time}.\nDay 3: return, flight {flight}.",
        "Itinerary for {person}\n{datetime} depart {city}\n{datetime} arrive {city2}\nHotel: "
        "{org}\n{address_block}\nTel {phone}",
        "We land in {country} on {weekday}, spend two nights in {city} and then take the "
        "train to {city2}; our host there is {person}, {street_town}.",
    ],
    "registry_entry_extract": [
        "EXTRACT FROM THE COMMERCIAL REGISTER\nName: {org}\nRegistered office: {address}\n"
        "Managing director: {person_inverted}, born {dob}, resident in {city}\nEntered: {date}",
        "Land registry entry {caseref}: parcel at {street_town}; owner {person}, since "
        "{year}; mortgage in favour of {org}.",
        "Register of members - {org}\n1. {person_inverted}, {address}, admitted {date}\n"
        "2. {person_inverted}, {address2}, admitted {date2}",
    ],
    "termination_form_letter": [
        "{person}\n{address_block}\n\n{org2}\nattn. {person2}\n{address_block}\n\n{city}, "
        "{date}\n\nRe: notice of termination of contract {ordernum}\n\nDear Sir or Madam,\n"
        "I hereby terminate the above contract as of {date2}.\n\nYours faithfully\n{person}",
        "From: {org}, {address}\nTo: {person}, {address2}\n\nDate: {date}\n\nYour request of "
        "{date2} has been received and will be processed within {duration}.",
        "Sender: {person}, {address_flat}\nRecipient: {org}, {city_line}\n\nSubject: {word}\n\n"
        "Please debit my account {iban} from {month_year}.",
    ],
    "geo_courier_app_logs": [
        '{logstamp} INFO geo.lookup ip={ip} city="{city}" country="{country}" '
        "latency_ms={qty}\n{logstamp} WARN geo.lookup ip={ip} city=null",
        '[{logstamp}] shipping.validate user={email} address="{address}" result=OK '
        "carrier_ref={ordernum}",
        '{logstamp} courier-app driver={handle} stop={qty} addr="{address_flat}" '
        'status=DELIVERED signed_by="{person_caps}"',
    ],
    "social_media_update": [
        "finally got the keys to our new place on {street} 🏡🎉 housewarming {weekday} from "
        "{time}, DM me for the address @{handle}",
        "Huge thanks to everyone at {org} in {city} for looking after mum this week ❤️ #grateful",
        "Lost dog near {street_town} yesterday evening! Brown, answers to Bruno. Please call "
        "{phone} ({first}) - reward offered",
        "Throwback to {month_year} in {city}, {country} with {first} and {first2} 😂",
    ],
    "texting_thread": [
        "{first}: hey, im outside {address} but the gate is locked\n{first2}: coming down "
        "now\n{first_again}: give me 2 min 👍",
        "[{time}] {first}: can you pick up the parcel at {org}, {street_town}?\n[{time}] "
        "{first2}: sure, after work. their number?\n[{time}] {first_again}: found it, "
        "{phone}",
        "Mum: what's the address of the clinic again\nMe: {clinic}, {address}\nMum: thanks "
        "love, appt is {weekday} {time}",
    ],
    "courier_drop_note": [
        "Delivery note: please leave the parcel in the porch at {address}. If nobody answers "
        "call {phone}. Do not leave with neighbours.",
        "Courier instructions for order {ordernum}: {street}, back entrance, 2nd floor, door "
        "code {qty}. Recipient {person}, available {weekday} after {time}.",
        "DELIVER TO {person_caps} / {address_flat} / TEL {phone} / FRAGILE / {weight}",
        "Drop-off at the reception of {org} ({address}), not at the home address. Ask for {first}.",
    ],
    "damage_claim_text": [
        "Claim {caseref}\nPolicyholder: {person}\nRisk address:\n{address_block}\nDate of "
        "loss: {date}\nCause: burst pipe in the kitchen\nPayment to: {iban}",
        "I am writing about the storm damage to my house at {address} on {date}. The "
        "assessor from {org}, {person2}, visited on {weekday}. My number is {phone}.",
        "Motor claim - driver {person}, licence address {address_flat}; accident at "
        "{street_town} on {datetime}; other party {person2}, insured with {org}.",
    ],
    "party_meeting_invite": [
        "You're invited! {person} turns {age} on {date}. Party at {address} from {time}. "
        "RSVP to {email} or {phone}.",
        "Venue: {org}\nAddress: {address_block}\nDate: {date}, doors open {time}\nTickets: {url}",
        "Reminder: the annual meeting of {org} takes place on {weekday} at {street_town}. "
        "Questions to {person}, {email}.",
    ],
    "resume_top_lines": [
        "{person_caps}\n{address}\n{phone} · {email}\nBorn {dob} in {city}\n\nEXPERIENCE\n"
        "{year}-{year}  {word} analyst, {org}, {city2}",
        "Curriculum vitae\nName: {person}\nAddress: {address_flat}\nMobile: {phone}\n"
        "Education: {school}, {city}, {year}\nReferences: {person2}, {org}",
        "{person} | {city}, {country} | {email} | {url}\nSummary: {duration} of experience "
        "in {team}.",
    ],
    "bill_receipt_head": [
        "INVOICE {ordernum}\nBill to: {person}, {address}\nShip to: {address_block}\n"
        "Date: {date}   Due: {date2}\nPaid by card {card}",
        "{org}\n{address_block}\nVAT no. {sku}\n\nInvoice to:\n{person}\n{address_block}\n\n"
        "Bank: {iban}",
        "Receipt - {org}, {street_town} - {datetime} - card ending {last4} - total {money}",
    ],
    "inspection_visit_memo": [
        "Site visit {date}: met {person} ({org}) at {street_town}. Access via the rear yard; "
        "next visit {weekday} at {time}.",
        "Notes from the inspection of {address}: roof needs repair, quote from {org2} "
        "pending. Owner {person}, tel. {phone}. SSN on file: {ssn}.",
        "Home visit by {initial_last} to {person} at {address} on {date}: NHS number {nhs}, "
        "registered with {clinic}; daughter {first} on {phone}.",
    ],
}
