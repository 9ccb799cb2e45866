"""Template families of the `dev-family-2` tuning part: more kinds of text no other part has.

Written from scratch for this part, from the kinds of text people paste into a redaction tool
that no other part covers: news briefs and press releases, forum posts, travel blogs, court
listings and contract clauses, medical referrals, HR case notes, shipping manifests and
parcel tracking histories, event programmes, death and birth notices, school newsletters,
config files (YAML, INI, XML), police reports, meeting minutes, lower-case chats, reference
lists, lists of places, subject lines and headings, voice-call transcripts without
punctuation, forms with field labels in other languages, and reviews. Written without
reference to Redacta's recognizers and without reading the template families of check or
fresh. Places and names stand alone (one word), in ALL CAPS, in lower case, in lists and
after foreign labels, as real text writes them.

They are filled from tune's locales and dev's locales (value streams of their own), so the
part holds new kinds of text both in locales tuning has seen and in ones only dev has.

`{slot}` placeholders are filled by `values.LocaleValues` (see `templates.py`); literal text
never holds PII of its own.
"""

from __future__ import annotations

DEV_FAMILY_2_FAMILIES: dict[str, list[str]] = {
    "news_brief_release": [
        "{city_caps}, {date} - {org} said on {weekday} that it will open offices in {towns} "
        'by {year}. "We are hiring locally," said {person}, its chief executive.',
        "PRESS RELEASE\nFor immediate release\n\n{org} appoints {person} as head of its "
        "{city} site\n\n{city}, {country} - {person2} steps down after {duration}. Media "
        "contact: {first2}, {phone}, {email}",
        "Police in {region} are searching for a hiker, {age}, who went missing near {city} on "
        "{weekday}. Anyone who saw him is asked to call {phone}.",
        "BRIEFS\n{city_caps}: the council approved a new bridge on {weekday}.\n{city_caps2}: "
        "{org} will cut {qty} jobs, union leader {person} said.\n{country_caps}: turnout was "
        "{percent}.",
        "{org} ({url}) announced {relative} that {person} and {person2} have joined its board. "
        "Both previously worked in {city}.",
    ],
    "forum_thread_post": [
        "Posted by u/{handle_num} · {relative}\nAnyone know a decent dentist in {city_lower}? "
        "moved here from {city} in {year} and still haven't found one",
        "Re: moving to {country}\n\n> {handle} wrote:\n> is {city} expensive?\n\nnot really, "
        "we pay {money} for a flat near {street}. pm me if you want the landlord's number",
        "[SOLD] bike, pick-up in {city_lower} only. msg @{handle_num} or text {phone}",
        "Thread: best route {city} -> {city2}?\n#1 {handle}: take the coast road\n#2 "
        "{handle_num}: train is faster, change at {city_caps}",
        "Edit: thanks {handle_num} and {handle}, sorted. For anyone searching later, the "
        "repair shop was {org} on {street_town}.",
    ],
    "travel_blog_entry": [
        "Day 3: we caught the early bus from {city} to {city2}, then walked the last bit. "
        "Our host {first} made breakfast and told us to skip {city_caps2} altogether.",
        "If you're heading to {country}, don't miss {region}. We stayed {duration} in "
        "{city}, mostly at {org}, and flew home on {weekday}.",
        "Route so far: {towns}. Next stop {city}, then over the border.",
        "{month_year}, somewhere between {city} and {city2}. No signal, no plan, just {first} "
        "and me and a map from {year}.",
        "Where we slept: {org}, {address}. Booked through {url}. Ask for {first}, the owner.",
    ],
    "court_listing_clause": [
        "{court}\nDaily cause list - {weekday} {date}\nCourt 4, sitting at {time}\n"
        "{caseref}  {person_caps} v {org_caps}\n{caseref}  R v {person_inverted}",
        "This Agreement is governed by the laws of {country}, and the courts of {city} shall "
        "have exclusive jurisdiction.",
        "Notices under this clause shall be sent to {person}, {address}, or to such other "
        "address as that party notifies in writing.",
        "BETWEEN: {person_caps} of {address_caps} (the Claimant) AND {org} of {city_caps} "
        "(the Defendant). Hearing listed for {date} at {time}.",
        "Signed at {city} on {date} by {person} in the presence of {person2}, witness, of "
        "{street_town}.",
    ],
    "clinic_referral_letter": [
        "Dear Dr {last},\n\nRe: {person}, DOB {dob}\n{address_block}\n\nThank you for seeing "
        "this {age}-year-old man with chest pain since {weekday}. He lives alone; his "
        "daughter {first} ({phone}) drives him.\n\nDr {initial_last}, {clinic}",
        "REFERRAL\nPatient: {person_caps}  NHS no. {nhs}\nFrom: {clinic}, {city}\nTo: {clinic}"
        "\nReason: review of {medicine}\nUrgency: routine",
        "Referred by {clinic} on {date}. Next of kin {person} of {city_lower}, tel {phone}. "
        "Interpreter needed ({country}).",
        "Discharge summary for {person}: admitted {datetime}, discharged {date} to "
        "{address}. Follow-up at {clinic} in {duration}.",
    ],
    "hr_case_notes": [
        "Case note {caseref} - {date}\nEmployee: {person} ({team}), {city} office\nManager: "
        "{person2}\nMet with {first} on {weekday}; witness {initial_last}. Outcome: "
        "written warning.",
        "Grievance raised by {person} against {person2} on {date}. Both based in {city}. "
        "Investigating officer: {person3}.",
        "{first} asked to move from {city} to {city2} from {month_year} for family reasons; "
        "HR to confirm with {org} payroll.",
        "Return-to-work meeting, {weekday} {time}: {person}, line manager {first2}, "
        "{clinic} fit note seen.",
        "Exit interview: {person}, leaving {org} after {duration} to join {org2} in "
        "{country}. Final pay to {iban}; SSN {ssn} on file.",
    ],
    "cargo_manifest_caps": [
        "MANIFEST {ordernum}\nSHIPPER: {org_caps}\nCONSIGNEE: {person_caps}\n{address_caps}\n"
        "ORIGIN: {city_caps}  DEST: {city_caps2}\nPCS {qty}  WT {weight}",
        "CONSIGNEE {person_caps} / {address_caps} / TEL {phone} / NOTIFY {org_caps}",
        "LOAD LIST {date}\n1  {city_caps}  {qty} PLT\n2  {city_caps2}  {qty} PLT\n3  "
        "{city_caps3}  {qty} PLT\nDRIVER {last_caps}",
        "PORT OF LOADING: {city_caps}\nPORT OF DISCHARGE: {city_caps2}\nCOUNTRY OF ORIGIN: "
        "{country_caps}\nSEAL {sku}",
    ],
    "event_programme": [
        "{time} Welcome - {person} ({org})\n{time} Keynote - Prof. {person2}, {org2}\n{time} "
        "Panel: {people}\n{time} Close",
        "Venue: {org}, {address}\n{weekday} {date}\nSpeakers: {people}\nChair: {initial_last}",
        "Day two, {city}. Morning sessions chaired by {person_badge}; afternoon field trip to "
        "{city2} (bus leaves {time}).",
        "SPEAKERS\n{person_caps} - {org}, {city}\n{person_caps2} - {org2}, {country}",
    ],
    "death_birth_notice": [
        "{person_caps}\nPeacefully at {clinic}, {city}, on {weekday} {date}, aged {age}. "
        "Beloved husband of {first} and father of {first2}. Donations to {charity}.",
        "{last}: on {date}, at {clinic}, to {first} and {first2}, a daughter, {first3}. "
        "Many thanks to the staff.",
        "The funeral of {person} (formerly of {street_town}) will take place on {weekday} at "
        "{time} in {city}. Family flowers only.",
        "In loving memory of {person}, born {city} {year}, died {city2} {year2}. Always in "
        "our thoughts - {surnames}.",
    ],
    "school_news_bulletin": [
        "{school} - Newsletter, {month_year}\nCongratulations to {person} (Year 5) "
        "on winning the regional chess final in {city}!",
        "The Year 6 trip to {city} leaves on {weekday} at {time}. Questions to Mrs {last}, "
        "{email}.",
        "Welcome to our new teachers, {person} (from {country}) and {person2}. Parents' evening is "
        "{weekday} in the hall; questions to {first}.",
        "Lost property: a coat labelled {person_lower}. Please collect from the office at "
        "{address}.",
    ],
    "config_file_snippet": [
        "owner:\n  name: {person}\n  email: {email}\nsite:\n  city: {city}\n  address: "
        '"{address}"\nendpoint: {url}\nallow_from: {ip}',
        "[contact]\nname = {person}\nphone = {phone}\nlocation = {city}\n\n[server]\nhost = "
        "{ip}\nstarted = {datetime}",
        '<customer id="{qty}">\n  <name>{person}</name>\n  <town>{city_caps}</town>\n  '
        "<country>{country}</country>\n  <phone>{phone}</phone>\n</customer>",
        '{"maintainer": "{person}", "office": "{city}", "region": "{region}", "mirror": "{url}"}',
        "# deploy notes\nPRIMARY_CONTACT={email}\nDATACENTER_CITY={city_lower}\nONCALL_NAME="
        "{first_lower}",
    ],
    "police_incident_report": [
        "Incident {caseref}. At about {time} on {weekday} officers attended {address} after a "
        "call from {person}. A man was seen running towards {city}. A bank card, {card}, was "
        "taken from the hall.",
        "Witness statement of {person_caps}, of {street_town}, taken {datetime} by PC {last}.",
        "Vehicle {plate} stopped on the road from {city} to {city2}; driver {person}, "
        "licence issued in {country}, released without charge.",
        "Missing person: {person}, {age}, last seen {weekday} {time} near {org}, {city}. "
        "Contact {phone}.",
    ],
    "minutes_with_attendees": [
        "Minutes - {org} board, {date}\nPresent: {people}\nApologies: {surnames}\nIn "
        "attendance: {initial_last} (minutes)\n1. {first} reported on the {city} office.",
        "Attendees: {person_badge}, {person_badge2}, {person_badge3}\nAction: {first} to call "
        "{org} in {city} before {weekday}.",
        "Next meeting: {weekday} {date}, {time}, at {street_town}. Host: {person}.",
        "AOB: {person} thanked {surnames} for the {city} open day. Meeting closed {time}.",
    ],
    "lowercase_chat_log": [
        "{handle_num}: r u coming to {city_lower} this weekend\n{handle}: ya leaving "
        "{weekday_lower}, {first_lower} is driving\n{handle_num}: nice say hi to "
        "{first_lower}",
        "{first_lower}: whats {first_lower}'s number again\n{first_lower}: {phone}\n"
        "{first_lower}: ty, meet u at {street}?",
        "lol {first_lower} just landed in {city_lower} and forgot her passport in {city_lower}",
        "{handle}: anyone from {city_lower}? need a lift to {city_lower} on {weekday_lower}",
    ],
    "reference_list": [
        "{authors} ({year}). Housing and migration in {region}. {city}: {org}.",
        '[{qty}] {authors}, "Field notes from {city}", {org}, {year}. {url}',
        "{cited} ({year}) Personal communication, {city}, {month_year}.",
        "References\n{authors} ({year})\n{authors} ({year})\nInterview with {person}, "
        "{city}, {date}.",
    ],
    "place_name_list": [
        "We now have offices in {towns}, and a warehouse outside {city}.",
        "Tour dates: {towns}. Tickets from {url}.",
        "Branches: {city_caps} · {city_caps} · {city_caps}",
        "Regions served: {region}, {region} and parts of {country}.",
        "Delivery areas this week: {city_lower}, {city_lower}, {city_lower}.",
    ],
    "subject_line_heading": [
        "Subject: Re: {city} office move - {person} to join on {date}",
        "FW: [{org}] your order to {city_caps} has shipped",
        "# {city} meetup, {month_year}\n\nHosted by {person} at {org}.",
        "Subject: {first}'s leaving drinks {weekday} - {street_town}",
        "RE: {word} - {country} / {city} / {person_badge}",
    ],
    "call_transcript": [
        "yes hi its {first_lower} calling from {city_lower} um i wanted to check the "
        "delivery to {address_lower} my number is {phone} thanks bye",
        "agent ok can i take the name please caller {person_lower} agent and the town "
        "caller {city_lower} agent thank you",
        "so we drove up to {city_lower} on {weekday_lower} and {first_lower} said her "
        "brother {first_lower} lives near {city_lower} now",
        "speaker 1 right so {person_lower} from {org} is coming over on {weekday_lower} "
        "speaker 2 okay what time speaker 1 about {time}",
    ],
    "foreign_label_form": [
        "Nom: {last_caps}\nPrénom: {first}\nVille: {city}\nPays: {country}\nTél.: {phone}",
        "Nachname: {last}\nVorname: {first}\nStraße: {street}\nWohnort: {city}\n"
        "Geburtsdatum: {dob}",
        "Apellidos: {last}\nNombre: {first}\nLocalidad: {city}\nProvincia: {region}\n"
        "Correo: {email}",
        "Nazwisko / Surname: {last_caps}\nImię / Name: {first}\nMiejscowość / Town: "
        "{city_caps}\nData / Date: {date}",
        "Naam: {person}\nWoonplaats: {city}\nAdres: {address}\nTelefoon: {phone}\n"
        "Rekeningnummer (IBAN): {iban}",
    ],
    "parcel_tracking_history": [
        "{datetime}  Departed facility  {city_caps}, {country_caps}\n{datetime}  Arrived at "
        "sorting centre  {city_caps2}\n{datetime}  Delivered, signed by {person_caps}",
        "Tracking {ordernum}\n{date} {time} - In transit - {city}\n{date} {time} - Out for "
        "delivery - {city2}\n{date} {time} - Left with neighbour at {street}",
        "Status: held at customs, {city_caps}. Contact {org} on {phone} quoting {ordernum}.",
        "Your parcel from {city} ({country}) to {first} is on its way. Expected {weekday}.",
    ],
    "guest_review": [
        "★★★★☆ {first} from {city}, {country} - stayed {month_year}\nGreat host ({first2}), "
        "a bit far from {city2} but worth it.",
        "Reviewed by {handle_num} · {date}\nThe tour from {city} was fine, but the guide "
        "{first} was late.",
        "5/5 - {person} fixed our boiler the same day. Covers {towns}. Call {phone}.",
        "Response from the owner: thanks {first}! We hope to see you back at {org} in {city}.",
    ],
}
