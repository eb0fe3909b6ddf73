"""Personal data in a post: things that identify someone and rarely belong in public.

``find_personal_data`` finds phone numbers, email addresses, street addresses,
dates of birth, and medical-record, insurance or national health/social
security numbers. The author is shown what was found and may redact it with one
click (``redact``) or publish as written: text is never changed silently.
The patterns are tested on labelled examples, look-alikes included (doses,
blood pressure, lab values, years, plain dates), in
``tests/moderation/data/personal_data_examples.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = {
    "email": "an email address",
    "phone": "a phone number",
    "address": "a street address",
    "dob": "a date of birth",
    "id_number": "a medical record, insurance or ID number",
}
REPLACEMENTS = {
    "email": "[email removed]",
    "phone": "[phone removed]",
    "address": "[address removed]",
    "dob": "[date of birth removed]",
    "id_number": "[number removed]",
}

_STREET_TYPES = (
    r"street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|"
    r"close|crescent|terrace|parkway|pkwy|highway|hwy|square|sq|circle|cir|gardens|grove|row|mews"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+(?:19|20)\d{{2}}|"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})"
)

PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)),
    (
        "id_number",
        re.compile(
            r"\b(?:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|patient\s+(?:id|number|no\.?)|hospital\s+number|"
            r"nhs\s+(?:number|no\.?)|chi\s+number|member\s+(?:id|number|no\.?)|policy\s+(?:number|no\.?|#)|"
            r"insurance\s+(?:id|number|no\.?|#)|subscriber\s+id|group\s+(?:number|no\.?)|medicare\s+(?:number|no\.?|id)|"
            r"medicaid\s+(?:number|no\.?|id)|ssn|social\s+security\s+(?:number|no\.?))"
            r"\s*(?:is|:|#|=)?\s*(?P<v>[A-Z]{0,4}[\s-]?\d[\d\s-]{4,16}\d[A-Z]?)\b",
            re.IGNORECASE,
        ),
    ),
    ("id_number", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),  # a US social security number
    (
        "dob",
        re.compile(
            rf"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|born(?:\s+on)?|birthday(?:\s+is)?|birth\s*date)"
            rf"\s*(?:is|was|:|-)?\s*(?P<v>{_DATE})",
            re.IGNORECASE,
        ),
    ),
    (
        "phone",
        re.compile(
            r"(?<![\w/.-])(?:"
            r"\+?1[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}"  # +1 555 123 4567
            r"|\(\d{3}\)\s?\d{3}[\s.-]?\d{4}"  # (555) 123-4567
            r"|\d{3}[.-]\d{3}[.-]\d{4}"  # 555-123-4567
            r"|\+\d{2,3}[\s.-]?(?:\(0\))?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}"  # +44 20 7946 0958
            r"|0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}"  # 07700 900123, 020 7946 0958
            r")(?![\w/.-]*\d)"
        ),
    ),
    (
        "address",
        re.compile(
            rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{_STREET_TYPES})\b"
            rf"(?:,?\s+(?:apt|apartment|flat|unit|suite)\.?\s*\w+)?",
            re.IGNORECASE,
        ),
    ),
    ("address", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")),  # a UK postcode
)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def find_personal_data(text: str) -> list[Finding]:
    """Every personal-data match in ``text``, in order, overlaps removed."""
    found: list[Finding] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if kind == "address" and not _looks_like_street(match.group(0)):
                continue
            span = match.span("v") if "v" in pattern.groupindex else match.span()
            found.append(Finding(kind, span[0], span[1], text[span[0] : span[1]]))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept


def _looks_like_street(text: str) -> bool:
    """Keep "42 Elm Street", drop "3 times a day" style look-alikes."""
    words = text.split()
    return len(words) < 2 or not re.fullmatch(r"\d+", words[0]) or words[1][:1].isupper()


def redact(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with each finding replaced by a visible marker such as "[phone removed]"."""
    findings = find_personal_data(text) if findings is None else findings
    out, last = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        out.append(text[last : finding.start])
        out.append(REPLACEMENTS[finding.kind])
        last = finding.end
    out.append(text[last:])
    return "".join(out)
