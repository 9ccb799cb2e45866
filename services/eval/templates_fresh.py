"""Template families of the `fresh` part only (see generate.py): kinds of text no tune or
check family has, written after the detection work they are to measure, without reading
Redacta's recognizers and without anything from presidio-research / presidio-evaluator.

Same conventions as templates.py: `{slot}` placeholders are filled by
`values.LocaleValues`, labelled slots become gold spans (LABELLING.md), distractor slots
(`{caseref}`, `{plate}`, `{flight}`, `{medicine}`, `{last4}`, `{money}`, `{qty}`, ...) must
not be flagged, and literal text never holds PII of its own. Kept out of
`templates.FAMILIES` so the tune/check family split, drawn from that dict, is unchanged.
"""

from __future__ import annotations

FRESH_FAMILIES: dict[str, list[str]] = {
    "chat_export": [
        "[{chatstamp}] {first}: are we still on for {weekday}?\n"
        "[{chatstamp2}] {first2}: yes! {time} at mine, {address}\n"
        "[{chatstamp3}] {first_again}: 👍 bringing the {product}",
        "{chatstamp} - {first}: <Media omitted>\n{chatstamp2} - {phone}: who is this?\n"
        "{chatstamp3} - {first_again}: sorry, new number, it's {person}",
        "{chatstamp} - {first2} added {first}\n{chatstamp2} - {first_again}: hi all, I'm "
        "{person}'s cousin from {city}\n{chatstamp3} - {first2}: welcome 🎉",
        "{chatstamp} - {handle}: can someone send me {first}'s email? need to forward the "
        "quote ({money})\n{chatstamp2} - {first2}: {email}",
    ],
    "court_listing": [
        "COURT {qty} - before HHJ {last}\nSitting at {time}\n{caseref}  R v {person_caps}\n"
        "{caseref}  R v {person_caps2} (in custody)",
        "Daily cause list, {court}, {date}\n{time}  {caseref}  {person} v {org2}  "
        "(hearing, {duration})",
        "Listed for mention on {date}: {caseref}, the applicant {person} represented "
        "by {org}; respondent {person2}, in person.",
        "{court} - Courtroom {qty}\nIn the matter of {person} (a child), "
        "DOB {dob}\nAdjourned to {date} at {time}.",
    ],
    "gp_sms": [
        "Dear {first}, your appointment with Dr {last} at {clinic} is on {date} at {time}. To "
        "cancel, call {phone}. Please do not reply to this message.",
        "{clinic}: {first}, your flu jab is booked for {weekday} {time}. Bring this text. NHS no. "
        "{nhs}.",
        "Reminder from {clinic}: blood test for {person} (DOB {dob}) tomorrow {time}, fasting "
        "from midnight. Directions: {url}",
        "Hi {first}, Dr {initial_last} has reviewed your results - nothing to worry about. "
        "Queries: {phone}. {clinic}, {address}",
    ],
    "pharmacy_label": [
        "{medicine}\nTake ONE capsule THREE times a day\n{person_caps}   {date}\n"
        "{pharmacy}, {address}  Tel {phone}",
        "KEEP OUT OF THE REACH AND SIGHT OF CHILDREN\n{qty} x {medicine}\n{person}\n"
        "Dispensed {date} by {pharmacy}",
        "Patient: {person_caps}  NHS {nhs}\n{medicine} - 1 at night\nPrescriber: Dr {last}\n"
        "{pharmacy} - {city_line}",
        "Rx {ordernum}  {person}\n{medicine}, {qty} tablets, repeat {qty2}\nCollected {datetime}",
    ],
    "moving_quote": [
        "Quote {ordernum} for {person}\nFrom: {address_block}\nTo: {address_block2}\n"
        "Moving date: {date}\nCrew of {qty}, {weight} estimated\nTotal: {money}",
        "Thanks for choosing {org}! Our surveyor {person} will visit {address} on {weekday} "
        "between {time} and {time2}. Questions: {phone}.",
        "Deposit of {money} due by {date} to {iban}, reference {ordernum}. Balance on the "
        "day of the move.",
        "Storage: {qty} m³ at our {city} depot from {month_year}, insured up to {money}. "
        "Contact {email}.",
    ],
    "transfer_confirmation": [
        "Transfer confirmation\nFrom: {person} {iban}\nTo: {person2} {iban2}\nAmount: {money}"
        "\nExecution date: {date}\nReference: rent {month_year}",
        "Your payment of {money} to {org} was sent on {date} at {time}. Beneficiary IBAN "
        "{iban}. Reference: {ordernum}.",
        "SEPA credit transfer\nOrdering party: {person_caps}\nBeneficiary: {org}\n"
        "IBAN {iban}\nValue date {date}\nAmount {money}",
        '{person} sent you {money} - "dinner on {weekday}". It will arrive in your account '
        "ending {last4} within {duration}.",
    ],
    "badge_list": [
        "BADGE LIST\n{person_inverted} | {org} | {country}\n{person_inverted2} | {org2} | {city}",
        "Name\tAffiliation\tEmail\n{person}\t{org}\t{email}\n{person2}\t{org2}\t{email2}",
        "Speaker badges (print by {weekday}): {people}. Staff: {surnames}.",
        "{person_badge}\n{org}\n{city_caps}, {country}\nDietary: vegetarian",
    ],
    "cover_letter": [
        "{person}\n{address}\n{email} · {phone}\n\n{date}\n\nDear Hiring Manager,\n\nI am "
        "applying for the analyst role at {org}. Since {year} I have worked at {org2} in "
        "{city}.",
        "Dear Ms {last},\n\nI was delighted to meet you at the {city} careers fair in "
        "{month_year}. My referee, {person}, can be reached at {email}.\n\nYours sincerely,\n"
        "{person2}",
        "In {year} I moved to {city} to study at {org}; after graduating in {year2} I joined "
        "{org2} as a junior engineer.",
        "Please find my CV attached. I am available from {date} and can be reached on "
        "{phone} or at {email}.\n\nKind regards,\n{person}",
    ],
    "police_summary": [
        "Summary of incident {caseref}. On {date} at approx. {time}, officers "
        "attended {address} following a call from {person} ({age}).",
        "Suspect described as male, {age}, wearing a grey hoodie; last seen heading towards "
        "{street_town}. Witness {person2} gave a statement at {time}.",
        "Vehicle {plate} registered to {person}, {address_block}, was recovered on {date} in "
        "{city}.",
        "Victim: {person_caps}, DOB {dob}, tel. {phone}. Crime ref {caseref}. Officer in "
        "charge: PC {initial_last}.",
    ],
    "death_notice": [
        "{person_caps} (née {last}) passed away peacefully at {clinic} on {date}, aged {age}. "
        "Beloved wife of {first2}.",
        "The funeral of {person} will take place on {date} at {time} at {address}. "
        "Family flowers only; donations to {charity}.",
        "{person_inverted} - of {city}, formerly of {city2}. Died {date}. Sadly missed by "
        "{people}.",
        "Born in {city} in {year}, {first} moved to {country} in {year2} and taught at {org} "
        "for {duration}.",
    ],
    "parking_notice": [
        "PENALTY CHARGE NOTICE {caseref}\nVehicle: {plate}\nLocation: {street_town}\n"
        "Contravention: {date} {time}\nAmount: {money}",
        "Registered keeper:\n{person}\n{address_block}\n\nPay online at {url} within "
        "{duration} quoting {caseref}.",
        "Your permit for {plate} at {address} expires on {date}. Renew at {url} or call {phone}.",
        "Paid {money} by card {card} on {datetime}. Ref {caseref}. {org}.",
    ],
    "flight_change": [
        "Dear {person_caps},\nYour flight {flight} from {city} to {city2} on {date} now "
        "departs at {time}. Booking reference {ordernum}.",
        "{first}, your seat {qty}A on {flight} is confirmed. Check in at {url} until {time} "
        "on {weekday}.",
        "Passenger {person_pnr} - {flight} {city_caps}-{city_caps2} {date} - e-ticket {ordernum}",
        "We could not reach you on {phone}. Please contact us at {email} about your "
        "rebooking to {city}.",
    ],
    "utility_bill": [
        "Account holder: {person}\nSupply address:\n{address_block}\nMeter read {date}: "
        "{qty} kWh\nDirect debit from {iban} on {date2}",
        "Hi {first}, your {month_year} bill of {money} is ready. View it at {url}. Questions? "
        "{phone}",
        "New customer {person}, SSN {ssn}, moving in at {address} on {date}; credit check passed.",
        "Final reading taken on {weekday} at {address}; refund of {money} to card ending {last4}.",
    ],
    "residents_notice": [
        "NOTICE TO RESIDENTS of {address}\nThe water will be off on {weekday} from {time} "
        "to {time2}. Caretaker: {first} ({phone}).",
        "{org} Property Management - the lift at {street} is out of order until {date}. "
        "Call {phone} with any questions.",
        "Parcel for flat {qty} ({person}) left with {first} at number {qty2}.",
        "Residents' meeting on {date} at {time} in the community room. Agenda from "
        "{person}, {email}.",
    ],
    "donation_receipt": [
        "Thank you, {first}! We received your gift of {money} on {date}. {charity}, registered "
        "charity {qty}. {url}",
        "Donor: {person}\n{address_block}\nGift: {money} by card {card}\nDate: {date}",
        "Monthly gift of {money} from {iban} starting {month_year}. Cancel any time: {phone}.",
        "Gift Aid declaration: I, {person}, of {address}, want {charity} to claim tax back on "
        "my donations since {year}.",
    ],
    "git_log": [
        "commit {hexid}\nAuthor: {person} <{email}>\nDate:   {gitdate}\n\n    fix "
        "timeout in {product} sync ({version})",
        "Merge pull request #{qty} from {handle}/fix-login\n\nReviewed-by: {person} <{email}>",
        "deploy {version} to {ip} by {handle} at {gitdate}: ok ({duration})",
        "Signed-off-by: {person} <{email}>\nCo-authored-by: {person2} <{email2}>",
    ],
    "lab_report": [
        "Patient: {person_caps}  DOB: {dob}  MRN {qty}\nCollected: {datetime}\n"
        "Requested by: Dr {initial_last}, {clinic}\nHb 13.2 g/dL, WBC 6.1",
        "NHS number {nhs} - {person} - sample received {date}, reported {date2}.",
        "Results for {person_inverted} sent to {email} and to Dr {last2} at {clinic}.",
        "Specimen collected at {address} on {weekday}; courier {first} ({phone}).",
    ],
    "trip_consent": [
        "I, {person}, parent/guardian of {person2} (class {qty}B), give permission "
        "for the trip to {city} on {date}.\nEmergency number: {phone}",
        "Coach leaves {school} at {time} on {weekday} and returns by {time2}. Cost {money}.",
        "Medical notes for {first}: asthma, inhaler kept by {person2}. Doctor: Dr {last}, {phone}.",
        "Please return this slip by {date} to {person} ({email}).",
    ],
}
