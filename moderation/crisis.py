"""Crisis language: text that suggests the writer may harm or kill themselves.

One word is not enough ("this migraine is killing me", "suicide prevention
training", "I'd kill for a nap"), so the detector looks for first-person
statements of intent, plans or hopelessness. The pattern set is tested on
labelled examples in ``tests/moderation/data/crisis_examples.tsv``, which
report recall and the false-positive rate. A match never blocks a post: the
author sees crisis resources first, and the post goes to the top of the
review queue marked urgent.
"""

from __future__ import annotations

import re

_I = r"(?:i|i'm|im|i am|i've|ive|i have|i'll|ill|i will|i just|i really|i honestly)"

_NOT_LITERAL = r"(?!\s+(?:a|an|some|off|short|free|loose|laughing|at\s+the\s+gym|at\s+work|out)\b)"

PATTERNS: tuple[re.Pattern, ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # Killing or hurting oneself, stated by the writer ("cut myself a slice" is not).
        r"\b(?:kill|killed|killing|hurt|hurting|harm|harmed|harming|cut|cutting|burn|burned|burnt|burning|"
        r"hang|hanging|shoot|shooting|poison|poisoning|starve|starving)\s+(?:myself|my\s+self)\b"
        + _NOT_LITERAL,
        r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b",
        r"\bend(?:ing)?\s+it\s+all\b",
        rf"\b{_I}\s+(?:\w+\s+){{0,3}}?(?<!don't )(?<!dont )(?<!not )(?<!never )"
        r"(?:want|wanted|wanting|plan|planning|ready|decided|going|gonna)\s+to\s+(?:die|be\s+dead)\b"
        r"(?!\s+(?:of|from|laughing|my|her|his|your|the)\b)",
        r"\bwish(?:ed|ing)?\s+(?:i\s+)?(?:was|were|could\s+be)\s+dead\b"
        r"(?!\s+(?:tired|on\s+my\s+feet|asleep|serious|wrong|right|beat|set)\b)",
        r"\bwish(?:ed|ing)?\s+i\s+(?:could\s+)?(?:just\s+)?(?:die|disappear\s+forever|never\s+woke\s+up|wouldn'?t\s+wake\s+up)\b",
        r"\b(?:don'?t|do not)\s+want\s+to\s+(?:be\s+alive|live|wake\s+up|exist)\b"
        r"(?!\s+(?:with|in|near|like\s+that))",
        # "... to live with this illness anymore": living with the illness itself, not a place or people
        r"\b(?:don'?t|do not|can'?t|cannot)\s+(?:want\s+to\s+)?(?:live|go\s+on\s+living)\s+with\s+"
        r"(?:this|the|my|all\s+this|all\s+the)\s+(?:\w+\s+)?(?:illness|disease|condition|pain|cancer|"
        r"diagnosis|depression|suffering|sickness)\s+(?:any\s*more|much\s+longer)\b",
        r"\b(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:living|live|going on|being alive)\b",
        r"\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)n'?t\s+(?:here|around|alive))\b",
        r"\b(?:feel(?:ing)?|am|i'm|im|been|getting)\s+(?:really\s+|very\s+|so\s+|quite\s+)?suicidal\b",
        r"\bsuicidal\s+(?:thoughts|feelings|again|urges)\b",
        rf"\b{_I}\s+(?:\w+\s+){{0,3}}(?:thinking|thought|think)\s+(?:about|of)\s+"
        r"(?:suicide|killing\s+myself|ending\s+(?:it|my\s+life)|taking\s+my\s+(?:own\s+)?life)",
        rf"\b{_I}\s+(?:\w+\s+){{0,2}}(?:tried|attempted|going)\s+to\s+(?:commit\s+)?suicide\b",
        r"\b(?:going\s+to|gonna|will|'ll|want\s+to|plan(?:ning)?\s+to|could\s+just|thinking\s+(?:of|about))\s+"
        r"(?:take|taking|swallow|swallowing)\s+(?:all|every\s+one)\s+(?:of\s+)?(?:my|the|these|those)\s+"
        r"(?:pills|tablets|meds|medication|insulin)\b",
        r"\boverdos(?:e|ed|ing)\s+on\s+purpose\b",
        r"\b(?:stockpil|sav|hoard)(?:e|ed|ing)\s+(?:up\s+)?(?:my\s+)?(?:pills|tablets|meds)\s+(?:to|so\s+i\s+can)\b",
        r"\bcan'?t\s+(?:go\s+on|do\s+this)\s+any\s*more\b",
        r"\b(?:writ(?:e|ing|ten)|wrote)\s+(?:a|my)\s+(?:suicide|goodbye)\s+(?:note|letter)\b",
        r"\bself[-\s]?harm(?:ing|ed)?\s+again\b",
        rf"\b{_I}\s+(?:\w+\s+){{0,2}}(?:self[-\s]?harm|relapsed\s+(?:on|into)\s+self[-\s]?harm)",
        r"\b(?:won'?t|will\s+not|not)\s+(?:be|being)\s+(?:here|around)\s+(?:much\s+longer|for\s+long|anymore|any\s+more|tomorrow)\b",
        r"\bsay(?:ing)?\s+(?:my\s+)?goodbyes?\b.{0,40}\b(?:for\s+good|forever|last\s+time)\b",
    )
)


def find_crisis_language(text: str) -> list[str]:
    """The phrases in ``text`` that suggest crisis; empty if none."""
    found = []
    normalized = text.replace("\u2019", "'")
    for pattern in PATTERNS:
        match = pattern.search(normalized)
        if match:
            found.append(match.group(0))
    return found


def suggests_crisis(text: str) -> bool:
    return bool(find_crisis_language(text))
