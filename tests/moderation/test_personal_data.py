"""Personal data: figures on the report split, the examples from issue 14, redaction.

Each labelled item marks exactly what must go; an item counts as found only if
every digit of it (every letter too, for addresses and emails) is inside a
finding of the expected kind, so an address that keeps its town or ZIP code
is a miss. Run ``bench/safety.py`` for the figures per class.
"""

from __future__ import annotations

import pytest

from moderation.personal_data import LABELS, REPLACEMENTS, find_personal_data, redact
from moderation.safety_data import personal_examples


def _removed_whole(example, findings) -> bool:
    for start, end in example.spans:
        for i in range(start, end):
            char = example.text[i]
            if char.isdigit() or (example.label in ("address", "email") and char.isalnum()):
                if not any(f.start <= i < f.end and f.kind == example.label for f in findings):
                    return False
    return True


def test_recall_and_false_positives_on_the_report_split():
    examples = personal_examples("report")
    positives = [e for e in examples if e.label != "none"]
    negatives = [e for e in examples if e.label == "none"]
    assert len(personal_examples()) >= 300 and {e.label for e in positives} == set(LABELS)
    missed = [e.text for e in positives if not _removed_whole(e, find_personal_data(e.text))]
    false_alarms = [e.text for e in negatives if find_personal_data(e.text)]
    recall, fp_rate = 1 - len(missed) / len(positives), len(false_alarms) / len(negatives)
    print(f"\npersonal data, report split: recall {recall:.1%}, false positives {fp_rate:.1%}; "
          f"missed {missed}")
    assert recall >= 0.95
    assert fp_rate <= 0.05


ISSUE_EXAMPLES = [
    ("Call me on 07700 900 123 tonight", "phone", "07700 900 123"),
    ("ring me on 07700900123", "phone", "07700900123"),
    ("my number is 0044 7700 900456", "phone", "0044 7700 900456"),
    ("Dublin landline (01) 234 5678", "phone", "(01) 234 5678"),
    ("text me 0412 345 678", "phone", "0412 345 678"),
    ("my cell is 2125550182", "phone", "2125550182"),
    ("whatsapp +91 98765 43210", "phone", "+91 98765 43210"),
    ("email jane dot doe at gmail dot com", "email", "jane dot doe at gmail dot com"),
    ("write to jane[at]gmail[dot]com", "email", "jane[at]gmail[dot]com"),
    ("DOB 28-Feb-1979", "dob", "28-Feb-1979"),
    ("my bday is 3/4/88", "dob", "3/4/88"),
    ("I was born on the 3rd of June 1962", "dob", "the 3rd of June 1962"),
    ("Medicare number 1EG4-TE5-MK73", "national_id", "1EG4-TE5-MK73"),
    ("My Medicare card is 2123 45670 1", "national_id", "2123 45670 1"),
    ("PPSN 1234567T", "national_id", "1234567T"),
    ("Aadhaar 2345 6789 0124", "national_id", "2345 6789 0124"),
    ("SIN 046 454 286", "national_id", "046 454 286"),
    ("TFN 123 456 782", "national_id", "123 456 782"),
    ("PAN ABCPE1234F", "national_id", "ABCPE1234F"),
    ("NI number AB123456C", "national_id", "AB123456C"),
    ("NHS number 943 476 5919", "national_id", "943 476 5919"),
    ("CHI 0101451237", "national_id", "0101451237"),
    ("SSN 219-09-9999", "national_id", "219-09-9999"),
    ("MRN 00872134", "id_number", "00872134"),
    ("Chart # 88213-4", "id_number", "88213-4"),
    ("Aetna ID: W123456789", "id_number", "W123456789"),
    ("member ID H98765432", "id_number", "H98765432"),
]


@pytest.mark.parametrize("text, kind, found", ISSUE_EXAMPLES)
def test_every_kind_from_the_issue_is_found(text, kind, found):
    assert [(f.kind, f.text) for f in find_personal_data(text)] == [(kind, found)]


@pytest.mark.parametrize("text", [
    "Poison control: 1-800-222-1222", "CDC-INFO 800-232-4636", "call or text 988", "ring 111",
    "Samaritans 116 123", "NHS 111 said to rest", "Lifeline 13 11 14", "dial 999 or 112", "call 000",
    "911 now", "Childline 0800 1111", "Mind infoline 0300 123 3393",
    "BP 120/80, HbA1c 48 mmol/mol, 500 mg twice a day, 25 mcg since 2015",
    "Appointment on 12/03/2024 at 10:30", "Between 2018-2020 I had three surgeries",
])
def test_public_lines_and_look_alikes_are_left_alone(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text, expected", [
    ("I live at 42 Elm Street, Springfield, IL 62704, come by.", "I live at [address removed], come by."),
    ("Send it to Flat 4, 27 Station Road, Leeds LS1 4AB please", "Send it to [address removed] please"),
    ("We are at 5/23 Smith Street, Fitzroy VIC 3065.", "We are at [address removed]."),
    ("drop it at 9 oak lane, portland, or 97201 thanks", "drop it at [address removed] thanks"),
    ("My flat is 12 Baker Street, Apt 4.", "My flat is [address removed]."),
    ("Postcode is SW1A 1AA, send a card.", "Postcode is [address removed], send a card."),
])
def test_addresses_are_removed_whole(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Call me on 555-123-4567 please.", "Call me on [phone removed] please."),
    ("My MRN is 123456789.", "My MRN is [number removed]."),
    ("DOB: 1990-07-22, email jo@example.org", "DOB: [date of birth removed], email [email removed]"),
    ("NHS number 943 476 5919, poison control 1-800-222-1222",
     "NHS number [ID number removed], poison control 1-800-222-1222"),
    ("Nothing personal here, 500 mg twice a day.", "Nothing personal here, 500 mg twice a day."),
])
def test_redaction_replaces_only_what_was_found(text, expected):
    assert redact(text) == expected


def test_findings_say_what_and_where_and_redaction_reuses_them():
    text = "Text me at 07700 900123 or mail me at sam@example.org"
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [("phone", "07700 900123"), ("email", "sam@example.org")]
    assert findings[0].label == "a phone number" and set(REPLACEMENTS) == set(LABELS)
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert redact(text, findings[:1]) == "Text me at [phone removed] or mail me at sam@example.org"
    assert redact("something else entirely", findings) == "something else entirely"
