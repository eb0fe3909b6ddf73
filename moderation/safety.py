"""What the author should see before publishing: crisis resources, personal data.

``check(text)`` is read-only and cheap; the posting forms call it and, when it
finds something, show a panel with the choices instead of publishing. Nothing
is changed without the author pressing a button.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moderation.crisis import find_crisis_language
from moderation.personal_data import Finding, find_personal_data, redact

CRISIS_RESOURCES = (
    (
        "If you are in danger now",
        "call your local emergency number (911 in the US and Canada, "
        "999 or 112 in the UK and Ireland, 112 in the EU, 000 in Australia).",
    ),
    ("US", "call or text 988 (Suicide & Crisis Lifeline), any time."),
    ("UK and Ireland", "call Samaritans free on 116 123, any time, or text SHOUT to 85258."),
    ("Elsewhere", "find a helpline near you at findahelpline.com."),
)


@dataclass
class SafetyCheck:
    crisis: list[str] = field(default_factory=list)
    personal: list[Finding] = field(default_factory=list)
    redacted: bool = False

    @property
    def needs_attention(self) -> bool:
        return bool(self.crisis or self.personal)

    @property
    def personal_labels(self) -> list[str]:
        return sorted({f.label for f in self.personal})


def check(*texts: str) -> SafetyCheck:
    result = SafetyCheck()
    for text in texts:
        if text:
            result.crisis += find_crisis_language(text)
            result.personal += find_personal_data(text)
    return result


def redact_text(text: str) -> str:
    return redact(text) if text else text
