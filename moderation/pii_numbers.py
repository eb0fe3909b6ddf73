"""National, health and insurance numbers in a post, checked where they carry a check digit.

Two ways a number is found. Labelled: "NHS number", "SSN", "PPSN", "Aadhaar",
"MRN", "Chart #", "Aetna ID:", "member ID" ... followed by a value with
digits; a labelled number is hidden whatever its check digit says (people mistype
them, and a wrong number can still be theirs). Unlabelled: a run in a
number's own format is hidden only when its check digit is right, so "order
1234 5678 9012" stays but an Aadhaar number passing Verhoeff goes. Check digits
come from ``python-stdnum`` (NHS, SSN, SIN via Luhn, PPSN, Aadhaar, PAN, TFN);
for the few it does not have (Australian Medicare, US Medicare Beneficiary
Identifier, UK National Insurance, Scottish CHI) the published rules are
implemented here.

Labels are found first and the value is read from a bounded window after the
label, so "DOB DOB DOB ..." or "MRN" followed by a long run of spaces costs the
same as a short post.
"""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.gb import nhs
from stdnum.ie import pps
from stdnum.in_ import aadhaar, pan
from stdnum.us import ssn

_NATIONAL_LABEL = (
    r"nhs|chi|ssn|ss\s?#|social\s+security|social\s+insurance|social|sin|pps[n]?|aadhaa?r|aadhar|uid|"
    r"pan(?:\s+card)?|tfn|tax\s+file|ni|nino|national\s+insurance|mbi|medicare(?:\s+card)?|ird|"
    r"health\s+card|ohip|abha")
_RECORD_LABEL = (
    r"mrn|medical\s+record|record|patient|hospital|chart|urn|ur|member|membership|insurance|policy|"
    r"subscriber|group|medicaid|claim|aetna|cigna|humana|bcbs|blue\s+cross|kaiser|unitedhealthcare|"
    r"united\s+healthcare|bupa|medibank|vhi|star\s+health|anthem|tricare|laya|irish\s+life|nib|hcf|"
    r"cardholder")
_LABEL = re.compile(
    rf"\b(?:(?P<national>{_NATIONAL_LABEL})|(?P<record>{_RECORD_LABEL}))(?![\w])"
    r"(?:\s+(?:card|num(?:ber)?|no\.?|id|#|mrn|membership|member|policy|record)(?![\w]))?"
    r"(?:\s*(?:'s|is|was|:|#|=|-|,|number|no\.?|id|on\s+(?:it|my\s+\w{1,12})|are|says)){0,4}\s{0,3}",
    re.IGNORECASE)
_NHS_NEARBY = re.compile(r"\bnhs\b", re.IGNORECASE)
_NOT_PATIENT = re.compile(r"(?:ofsted|school|report|company|charity)\W{1,3}$", re.IGNORECASE)
_VALUE = re.compile(
    r"(?:[A-Za-z]{1,5}[-/ ]?)?\d[\dA-Za-z]{0,20}(?:[ /-]{1,2}\d[\dA-Za-z]{0,12}){0,5}(?:\s?[A-Da-d]\b)?")
_MBI = (r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?"
        r"[AC-HJKMNP-RT-Y]{2}\d{2}")
_UNLABELLED = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<ssn>\d{3}-\d{2}-\d{4})"
    r"|(?P<aadhaar>[2-9]\d{3}[ -]\d{4}[ -]\d{4})"
    r"|(?P<pan>[A-Z]{3}[ABCFGHLJPTK][A-Z]\d{4}[A-Z])"
    r"|(?P<nino>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])"
    rf"|(?P<mbi>{_MBI})"
    r"|(?P<medicare>[2-6]\d{3} ?\d{5} ?\d(?:[ -]?\d)?)"
    r"|(?P<ppsn>\d{7}[A-W][AHWTX]?)"
    r"|(?P<nhs>\d{3}[ -]\d{3}[ -]\d{4}|\d{10})"
    r")(?![\w-])")
_WINDOW = 60


def find_numbers(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every ID number: ``national_id`` or ``id_number``."""
    found = []
    for label in _LABEL.finditer(text):
        value = _VALUE.match(text[label.end() : label.end() + _WINDOW])
        if value is None or sum(c.isdigit() for c in value.group(0)) < 4:
            continue
        raw = value.group(0).rstrip(" -/")
        if _NOT_PATIENT.search(text, max(0, label.start() - 12), label.start()):
            continue  # "Ofsted report URN 100000": an organisation's reference
        start = label.end()
        found.append(("national_id" if label.group("national") else "id_number", start, start + len(raw)))
    for match in _UNLABELLED.finditer(text):
        kind = match.lastgroup
        if _VALID[kind](match.group(0)) and not (kind == "nhs" and _nhs_or_phone(text, match)
                                                 and not _NHS_NEARBY.search(text, max(0, match.start() - 40),
                                                                            match.end() + 40)):
            found.append(("national_id", match.start(), match.end()))
    return found


def _nhs_or_phone(text: str, match: re.Match) -> bool:
    """True when an unlabelled 10-digit run is better read as a phone number in a region we serve."""
    import phonenumbers

    for region in ("US", "IN", "GB", "IE", "AU", "NZ"):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(match.group(0), region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _compact(value: str) -> str:
    return re.sub(r"[\s/-]", "", value).upper()


def au_medicare_valid(value: str) -> bool:
    digits = _compact(value)
    if not digits.isdigit() or len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    return sum(int(d) * w for d, w in zip(digits, (1, 3, 7, 9, 1, 3, 7, 9), strict=False)) % 10 == int(digits[8])


def chi_valid(value: str) -> bool:
    digits = _compact(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    day, month = int(digits[:2]), int(digits[2:4])
    return 1 <= day <= 31 and 1 <= month <= 12 and nhs.is_valid(digits)


def nino_valid(value: str) -> bool:
    compact = _compact(value)
    return bool(re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", compact)) and \
        compact[:2] not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


_VALID = {
    "ssn": ssn.is_valid,
    "aadhaar": aadhaar.is_valid,
    "pan": pan.is_valid,
    "nino": nino_valid,
    "mbi": lambda v: True,  # the format itself (letters and digits in fixed places) is the check
    "medicare": au_medicare_valid,
    "ppsn": pps.is_valid,
    "nhs": lambda v: nhs.is_valid(_compact(v)) or chi_valid(v),
    "sin": lambda v: luhn.is_valid(_compact(v)),
}
