"""Phone numbers in a post, found by ``phonenumbers`` (Google's libphonenumber).

A pattern cannot know that "0161 496 0000" is a Manchester landline, that
"(01) 234 5678" is Dublin or that "0491 570 156" is an Australian mobile, but
libphonenumber carries every region's numbering plan. Running its
``PhoneNumberMatcher`` over a whole 20,000-character post once per region is
too slow (about 150 ms for seven regions), and its own scanning is slow on
long runs of digits and spaces, so a cheap, bounded pattern first picks out
runs that could be phone numbers (7 to 15 digits with the usual separators)
and the matcher then reads only those, for the regions their prefix allows.

Leniency is ``POSSIBLE`` (the right length for the region), chosen by
measurement: ``VALID`` misses the numbers people use in examples and the
ranges the regulators keep for fiction (07700 900xxx, 555-01xx), which is what
a test set or a cautious writer uses. Toll-free, shared-cost and premium
numbers are organisations, never a person, and known public hotlines (988,
111, 116 123, poison control, CDC-INFO, Samaritans, Lifeline ...) are left
alone. Dates, times, decimals, blood pressure, year ranges, doses and
reference numbers (ISBN, DOI, PMID, trial ids) are not phones.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

MAX_CANDIDATES = 500  # a post with more phone-like runs than this is a table, not a contact card
NATIONAL_REGIONS = ("GB", "IE", "AU", "NZ", "IN")  # trunk prefix 0
PLAIN_REGIONS = ("US", "IN", "AU")  # no trunk prefix: NANP (US and Canada share it), Indian mobiles, AU 13xx
PUBLIC_TYPES = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
                PhoneNumberType.UAN}
# National significant numbers of public lines that are not toll-free in every plan.
HOTLINES = frozenset({
    "988", "911", "999", "112", "111", "000", "116123", "116111", "85258", "741741", "131114", "1300224636",
    "8002221222", "8002324636", "8002738255", "8006624357", "9152987821", "14416", "811", "1800247247",
    "3001233393", "3451232399", "8088080000", "8001111", "1800551800", "1800022222", "800611116",
})

_CANDIDATE = re.compile(r"(?<![\w+/.:,-])(?:\+|00)?\(?\d[\d ().-]{5,22}\d(?![\w/:]|[.,]\d)")
_DATE_OR_DECIMAL = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:19|20)\d\d\s?-\s?(?:19|20)?\d\d|\d+\.\d+(?:\s+\d+\.\d+)*|"
    r"\d{1,3}(?: \d{1,3}){2,}")
_REFERENCE = re.compile(r"(?:isbn|doi|pmid|nct|issn|ref|order|invoice|serial|lot|code|cpt|icd|ndc|"
                        r"batch)[\s:#.-]{0,3}$",
                        re.IGNORECASE)


def find_phones(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are personal phone numbers."""
    found = []
    for count, match in enumerate(_CANDIDATE.finditer(text)):
        if count >= MAX_CANDIDATES:
            break
        candidate = match.group(0)
        digits = sum(c.isdigit() for c in candidate)
        if not 7 <= digits <= 15 or _DATE_OR_DECIMAL.fullmatch(candidate.strip("()")):
            continue
        if _REFERENCE.search(text, max(0, match.start() - 12), match.start()):
            continue
        span = _phone_in(candidate)
        if span is not None:
            found.append((match.start() + span[0], match.start() + span[1]))
    return found


@lru_cache(maxsize=4096)
def _phone_in(candidate: str) -> tuple[int, int] | None:
    """Where in ``candidate`` a personal phone number is, if there is one."""
    international = candidate.startswith(("+", "00", "(+"))
    if international:
        regions: tuple[str, ...] = ("GB",)  # any region parses a number with its country code
    else:
        regions = NATIONAL_REGIONS if candidate.lstrip("(").startswith("0") else PLAIN_REGIONS
    for region in regions:
        for match in PhoneNumberMatcher(candidate, region, leniency=Leniency.POSSIBLE):
            if sum(c.isdigit() for c in match.raw_string) < 7 or _public(match.number):
                return None
            return match.start, match.end
    return None


def _public(number) -> bool:
    national = str(number.national_number)
    if national in HOTLINES or str(number.country_code) + national in HOTLINES:
        return True
    return phonenumbers.number_type(number) in PUBLIC_TYPES
