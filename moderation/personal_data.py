"""Personal data in a post: things that identify someone and rarely belong in public.

``find_personal_data`` finds phone numbers (``moderation.pii_phones``, with
libphonenumber), national, health and insurance numbers (``moderation.pii_numbers``,
with python-stdnum's check digits), email addresses, dates of birth and street
addresses (``moderation.pii_text``). The author is shown what was found and may
redact it with one click (``redact``) or publish as written: text is never
changed silently. Public helplines (988, 111, 116 123, poison control ...) are
not personal and are left alone.

Every detector is linear in the length of the text; when two findings overlap,
the longer one wins, and at equal length the more specific kind (an email or a
labelled number before a phone). Measured on
``tests/moderation/data/personal_data.tsv``; figures in bench/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from moderation.pii_numbers import find_numbers
from moderation.pii_phones import find_phones
from moderation.pii_text import find_addresses, find_birth_dates, find_emails

LABELS = {
    "email": "an email address",
    "phone": "a phone number",
    "address": "a street address",
    "dob": "a date of birth",
    "id_number": "a medical record, insurance or member number",
    "national_id": "a national ID, health service or tax number",
}
REPLACEMENTS = {
    "email": "[email removed]",
    "phone": "[phone removed]",
    "address": "[address removed]",
    "dob": "[date of birth removed]",
    "id_number": "[number removed]",
    "national_id": "[ID number removed]",
}
PRIORITY = ("email", "national_id", "id_number", "dob", "address", "phone")


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
    """Every piece of personal data in ``text``, in order, overlaps removed."""
    if not text:
        return []
    spans: list[tuple[str, int, int]] = [("email", s, e) for s, e in find_emails(text)]
    spans += find_numbers(text)
    spans += [("dob", s, e) for s, e in find_birth_dates(text)]
    spans += [("address", s, e) for s, e in find_addresses(text)]
    spans += [("phone", s, e) for s, e in find_phones(text)]
    spans.sort(key=lambda f: (f[1], -f[2], PRIORITY.index(f[0])))
    kept: list[Finding] = []
    for kind, start, end in spans:
        if kept and start < kept[-1].end:
            if end - start > kept[-1].end - kept[-1].start and start == kept[-1].start:
                kept[-1] = Finding(kind, start, end, text[start:end])
            continue
        kept.append(Finding(kind, start, end, text[start:end]))
    return kept


def redact(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with each finding replaced by a visible marker such as "[phone removed]".

    Findings made on another text (a check over a title and a body returns both) are
    skipped: a finding applies only where ``text`` still holds exactly what was found.
    """
    findings = find_personal_data(text) if findings is None else findings
    out, last = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < last or text[finding.start : finding.end] != finding.text:
            continue
        out.append(text[last : finding.start])
        out.append(REPLACEMENTS[finding.kind])
        last = finding.end
    out.append(text[last:])
    return "".join(out)
