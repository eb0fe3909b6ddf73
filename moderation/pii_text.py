"""Email addresses, dates of birth and street addresses in a post.

These have no library that finds them in prose, so they are patterns, written
to be linear in the length of the text whatever it holds: each pattern either
starts only where a run of its characters starts (a lookbehind), uses
possessive or bounded repetition, or reads a bounded window after an anchor
(a birth label, a street number). A hostile post of 100,000 dots, spaces,
digits or repeated labels costs milliseconds.

- Emails, plain and obfuscated the ways people hide them from bots: "jane dot
  doe at gmail dot com", "jane[at]gmail[dot]com", "mike (at) yahoo (dot) com".
  The bare word "at" only counts when the rest looks like a mailbox (a known
  provider or a real top-level domain, and a name that is not an ordinary word).
- Dates of birth: a birth label ("DOB", "born on the", "my bday is", "date of
  birth") followed within a few words by a date in any common form, "28-Feb-1979",
  "3/4/88", "3rd of June 1962", "June 3rd, 1992". A plain date is not a birth date.
- Street addresses, whole: from a flat or unit number through the street, town,
  county or state, to the ZIP code, postcode, Eircode or PIN, so that
  redaction never leaves "Springfield, IL 62704" behind. A full UK postcode on
  its own is an address too (it narrows to a few houses).
"""

from __future__ import annotations

import re

PROVIDERS = frozenset(
    "gmail googlemail yahoo hotmail outlook live msn icloud me aol protonmail proton gmx btinternet sky "
    "virginmedia talktalk bigpond optusnet rediffmail zoho yandex mail fastmail hushmail comcast verizon"
    .split())
TLDS = frozenset(
    "com net org edu gov uk ie au nz ca in us co io me info biz de fr es it nl ch se no dk fi be at pt pl eu "
    "za sg hk jp".split())
_WORDS = frozenset(
    "looked look looking me us you him her them it this that is was be here there home work meet go went "
    "email "
    "mail posted found checked searched signed up in on at the a an and or but laughed arrived stay staying "
    "forums forum".split())

_PLAIN_EMAIL = re.compile(r"(?<![\w.+'-])[\w][\w.+'-]{0,63}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,5}+",
                          re.IGNORECASE)
_SEP_DOT = r"(?:\s?\.\s?|\s+dot\s+|\s?[\(\[\{]dot[\)\]\}]\s?)"
_SEP_AT = r"(?P<at>\s?[\(\[\{]\s?(?:at|@)\s?[\)\]\}]\s?|\s+at\s+|\s?@\s?)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<local>[a-z0-9][a-z0-9_+-]{{0,40}}+(?:{_SEP_DOT}[a-z0-9_+-]{{1,30}}+){{0,3}}){_SEP_AT}"
    rf"(?P<domain>[a-z0-9][a-z0-9-]{{1,30}}+)(?P<tail>(?:{_SEP_DOT}[a-z]{{2,6}}+(?![a-z])){{0,3}})",
    re.IGNORECASE)
_EMAIL_CUE = re.compile(r"(?:e-?mail|mail|write\s+to|contact|reach|addy|address|message|send|gmail|me\s+on|"
                        r"is|:)\W{0,3}$",
                        re.IGNORECASE)


def find_emails(text: str) -> list[tuple[int, int]]:
    found = [m.span() for m in _PLAIN_EMAIL.finditer(text) if _tld_ok(m.group(0).rsplit(".", 1)[-1])]
    pos = 0
    while match := _OBFUSCATED_EMAIL.search(text, pos):
        pos = match.start() + 1  # a rejected "me at jane" must not hide "jane dot doe at gmail dot com"
        if not _mailbox(text, match):
            continue
        found.append(match.span())
        pos = match.end()
    return found


def _mailbox(text: str, match: re.Match) -> bool:
    """Whether an "x at y dot z" match is an email address and not prose."""
    if "@" in match.group(0) and not match.group("tail").strip():
        return False  # plain "a@b" without a domain ending: not an address
    tail = re.split(r"\W+|dot", match.group("tail").lower().strip(" .()[]{}"))
    last = tail[-1] if tail and tail[-1] else ""
    domain = match.group("domain").lower()
    if not (last in TLDS or (not last and domain in PROVIDERS)):
        return False
    local = match.group("local").lower()
    if match.group("at").strip() == "at":  # the bare word
        if local in _WORDS or domain in _WORDS:
            return False
        return bool(re.search(r"[\d._]|\sdot\s", local) or domain in PROVIDERS
                    or _EMAIL_CUE.search(text, max(0, match.start() - 20), match.start()))
    return True


def _tld_ok(tld: str) -> bool:
    return tld.isalpha() and 2 <= len(tld) <= 12


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:(?:19|20)\d{2}|'?\d{2})"
_DATE = re.compile(
    rf"(?:on\s+)?(?:the\s+)?(?:"
    rf"(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]{_YEAR})?(?![\d/.-]*\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?[\s-]{{1,3}}{_MONTH}(?:,?[\s-]{{1,3}}{_YEAR})?"
    rf"|{_MONTH}\s{{1,3}}(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{{1,3}}{_YEAR})?"
    rf")\b", re.IGNORECASE)
_BIRTH = re.compile(
    r"\b(?:d\.\s?o\.\s?b\.?|dob|date\s+of\s+birth|birth\s?date|born|b'?day|birthday|bday)(?![\w])"
    r"(?:'s|\s*(?:is|was|:|-|=|on|for\s+the\s+form)){0,3}\s{0,3}", re.IGNORECASE)


def find_birth_dates(text: str) -> list[tuple[int, int]]:
    found = []
    for label in _BIRTH.finditer(text):
        date = _DATE.match(text, label.end(), min(len(text), label.end() + 40))
        if date:
            found.append((label.end(), date.end()))
    return found


_STREET_TYPES = (
    r"street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|close|crescent|cres|"
    r"terrace|tce|parkway|pkwy|highway|hwy|square|sq|circle|cir|gardens|gdns|grove|row|mews|view|hill|walk|"
    r"parade|esplanade|marg|nagar|heights|rise|green")
_STOP = frozenset("miles mile blocks block km kms minutes mins hours down up along across from to of on in "
                  "at my our your his her their a an times days weeks doors houses stops floors bus steps "
                  "metres "
                  "meters yards "
                  "and or".split())
_ANCHOR = re.compile(
    rf"\b(?P<num>\d{{1,5}}[a-z]?(?:/\d{{1,4}})?)\s+(?P<name>(?:[a-z0-9][a-z0-9'.-]{{0,20}}\s+){{1,3}}?)"
    rf"(?:{_STREET_TYPES})\b\.?(?:\s+(?:nw|ne|sw|se|n|s|e|w|west|east|north|south)\b)?", re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"(?:flat|apt|apartment|unit|suite|house\s+no\.?|no\.?)\s*\d{1,4}[a-z]?\s*,?\s*$",
                          re.IGNORECASE)
_POSTCODE = (r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]\d{2}\s?[A-Z\d]{4}|"
             r"\d{5}(?:-\d{4})?|\d{4,6})")
_STATE = (r"(?:[A-Z]{2,3}|new\s+south\s+wales|victoria|queensland|texas|california|ohio|florida|new\s+york|"
          r"west\s+bengal|maharashtra|karnataka|tamil\s+nadu|ontario|quebec|british\s+columbia)")
_PLACE = r"[A-Za-z][A-Za-z'.-]{0,25}(?:\s+[A-Za-z][A-Za-z'.-]{0,25}){0,2}(?:\s+\d{1,2}(?![\d]))?"
_UNIT_AFTER = r"(?:,?\s{0,3}(?i:apt|apartment|flat|unit|suite|#)\.?\s{0,2}\w{1,5})?"
# With a postcode at the end, lower-case towns are fine ("9 oak lane, portland, or 97201");
# without one, only Capitalised places count, so "42 Elm Street, come by any time" keeps its prose.
_TAIL_POSTCODE = re.compile(
    rf"{_UNIT_AFTER}(?:,?\s{{1,3}}{_PLACE}){{0,3}}?(?:,?\s{{1,3}}{_STATE})?,?\s{{1,3}}{_POSTCODE}\b",
    re.IGNORECASE)
_TAIL_PLACES = re.compile(
    rf"{_UNIT_AFTER}(?:,\s{{1,3}}(?:Co\.\s)?[A-Z][a-z'.-]{{1,25}}(?:\s+[A-Z][a-z'.-]{{1,25}}){{0,2}}){{0,3}}"
    r"(?:,?\s(?:[A-Z]{2,3})\b)?")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")


def find_addresses(text: str) -> list[tuple[int, int]]:
    found = []
    for anchor in _ANCHOR.finditer(text):
        words = anchor.group("name").split()
        if words[0].lower() in _STOP or any(w.lower() in _STOP for w in words):
            continue
        start, end = anchor.start(), anchor.end()
        unit = _UNIT_BEFORE.search(text, max(0, start - 25), start)
        if unit:
            start = unit.start()
        window_end = min(len(text), end + 120)
        tail = _TAIL_POSTCODE.match(text, end, window_end) or _TAIL_PLACES.match(text, end, window_end)
        if tail:
            end = tail.end()
        found.append((start, end))
    for match in _UK_POSTCODE.finditer(text):
        found.append(match.span())
    return found
