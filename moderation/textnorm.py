"""Text normalisation and sentence splitting for the crisis check.

People in distress do not write carefully: "i wanna kil myslef", "su1c1dal",
"kms", "unalive", "s**cide", "dieeee", curly quotes from phones. Both crisis
stages (the lexicon and the model) read the same normalised text, so a
spelling the model never saw in training still lands on features it knows.
Normalising is deliberately conservative: it maps spellings that mean one
thing ("kms" after a number is kilometres and is left alone; "sudoku" is a
game and is left alone).

``units`` cuts a post into sentences (a post is as risky as its riskiest
sentence) with their offsets in the original text, merging fragments too short
to mean anything and cutting run-ons into bounded windows, so every later step
works on pieces of bounded length and the whole check stays linear in the
length of the post.
"""

from __future__ import annotations

import re

MAX_UNIT = 400  # characters; longer sentences are cut into windows
MIN_WORDS = 3  # shorter fragments ("Hi.", "a.") join their neighbour

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\t": " "})
_LEET = str.maketrans({"1": "i", "!": "i", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s", "5": "s",
                       "7": "t",
                       "*": "u"})
_LEET_CHARS = frozenset("1!30@4$57*")
_STARS = re.compile(r"\*+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "dieeee" -> "die"

# One word for another: typos, slang and txt spellings seen on forums.
WORDS = {
    "suicde": "suicide", "sucide": "suicide", "suiside": "suicide", "suicid": "suicide", "sucid": "suicide",
    "suicdie": "suicide", "suicied": "suicide", "suicidee": "suicide", "suacide": "suicide",
    "suicidial": "suicidal", "suicidle": "suicidal", "sucidal": "suicidal", "suisidal": "suicidal",
    "suicdal": "suicidal", "sucicidal": "suicidal", "suicidel": "suicidal", "suiucidal": "suicidal",
    "sewerslide": "suicide", "unalive": "kill myself", "unaliving": "killing myself",
    "unalived": "killed myself",
    "kms": "kill myself", "kys": "kill yourself", "ctb": "suicide", "kil": "kill", "kiling": "killing", "kiled": "killed",
    "killin": "killing", "myslef": "myself", "mysefl": "myself", "myslf": "myself", "mysel": "myself",
    "mysself": "myself", "wanna": "want to", "wana": "want to", "wanan": "want to", "wan2": "want to",
    "wnat": "want", "wamt": "want", "wnt": "want", "whant": "want", "gonna": "going to", "gunna": "going to",
    "gona": "going to", "finna": "going to", "ima": "i'm going to", "imma": "i'm going to", "ded": "dead",
    "od": "overdose", "oded": "overdosed", "oding": "overdosing", "od'd": "overdosed",
    "od'ed": "overdosed", "od'ing": "overdosing", "ods": "overdoses", "im": "i'm", "ive": "i've",
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "hes": "he's", "shes": "she's",
    "u": "you", "ur": "your", "evry1": "everyone", "evryone": "everyone", "every1": "everyone",
    "beter": "better", "wud": "would", "thinkin": "thinking", "hav": "have", "jus": "just", "pils": "pills",
    "pillz": "pills", "tabs": "tablets", "tylenol": "paracetamol", "panadol": "paracetamol",
    "calpol": "paracetamol", "acetaminophen": "paracetamol", "dieing": "dying", "diein": "dying",
    "wannaa": "want to", "wannna": "want to", "sh'ing": "self harming", "shing": "self harming",
    "selfharm": "self harm", "selfharming": "self harming",
}
# Only words that may change go through Python: known spellings, letters mixed with digits or
# symbols ("su1c1dal", "s**cide", "d!e"), and runs of three or more of one letter.
_CANDIDATE = re.compile(
    r"(?<![\w'])(?:" + "|".join(map(re.escape, sorted(WORDS, key=len, reverse=True))) + r")(?![\w'])"
    r"|(?<![\w$@*!])[a-z$@](?=[a-z]{0,12}[0-9!@$*])[a-z0-9!@$*]{1,24}(?![\w$@*!])"
    r"|\b[a-z]{0,30}([a-z])\1\1[a-z]{0,30}\b"
)

# Phrases, applied after the words: one pass, the group that matched says what to write.
_PHRASES = re.compile(
    # "she's gonna kms", "hes gonna kys": slang spelled out in the first (or second) person after
    # someone else as the subject means that person ("kill themselves"), so the check reads it as
    # someone else at risk; not when the writer comes between ("he said i should kys") and not
    # kilometres ("she ran 5 kms").
    r"(?P<third>\b(?:she|he|they)(?:'s|'re|'ll|'d)?\s+(?:(?!\d|i\b|me\b|you\b)\w+\s+){0,4}?kill(?:ing)?\s+"
    r"(?:myself|yourself)\b)"
    r"|(?P<num>\d\s?kill myself)"  # "5 kms" is kilometres
    r"|(?P<slide>\bsewer\s+slid(?:e|ing)\b|\bself[-\s]delet(?:e|ing)\b)"
    r"|(?P<unalive>\bkill myself\s+(?:my\s*self|him\s*self|her\s*self|them\s*selves)\b)"
    r"|(?P<unaliving>\bkilling myself\s+(?:my\s*self|him\s*self|her\s*self|them\s*selves)\b)"
    r"|(?P<myself>\bmy\s+self\b)"
    r"|(?P<to>\b(?:2|too)\s+(?=(?:die|live|end|kill|be\s+dead)\b))"
    r"|(?P<off>\bbetter\s+of\b)"
    r"|(?P<sh>\bself[-\s]+harm)"
    r"|(?P<without>\bw/o\b)"
)


def _phrase(match: re.Match) -> str:
    kind, text = match.lastgroup, match.group(0)
    if kind == "third":
        return text.rsplit(" ", 1)[0] + " themselves"
    if kind == "num":
        return text[: text.index("kill")] + "kms"
    if kind == "slide":
        return "suicide"
    if kind in ("unalive", "unaliving"):
        return ("kill " if kind == "unalive" else "killing ") + text.split()[-1]
    return {"myself": "myself", "to": "to ", "off": "better off", "sh": "self harm",
            "without": "without"}[kind]


def _word(match: re.Match) -> str:
    word = match.group(0)
    if word in WORDS:
        return WORDS[word]
    if _LEET_CHARS.intersection(word) and sum(c.isalpha() for c in word) >= 2:
        word = _STARS.sub("*", word).translate(_LEET)
    if len(word) > 2 and _REPEATS.search(word):
        word = _REPEATS.sub(r"\1", word)
    return WORDS.get(word, word)


_SPACES = re.compile(r" {2,}")


def normalise(text: str) -> str:
    """Lower case, plain quotes, leetspeak and slang spelled out, runs of letters cut."""
    text = text.translate(_QUOTES).lower()
    text = _CANDIDATE.sub(_word, text)
    text = _PHRASES.sub(_phrase, text)
    return _SPACES.sub(" ", text).strip()


# A sentence ends at . ! ? or a blank line; a single line break is a soft wrap (or a list item that
# ends without a full stop) and does not cut a sentence in two.
_SENTENCE = re.compile(r"(?:[^.!?\n]|\n(?![ \t]{0,20}\n))+(?:[.!?]+[\"')\]]*)?|[.!?\n]+")
_WORD = re.compile(r"\w+")


def units(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` to score one by one: sentences, short fragments joined, run-ons cut."""
    spans: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None  # (start, words) of fragments still too short
    for match in _SENTENCE.finditer(text):
        for start, end in _cut(text, *match.span()):
            words = len(_WORD.findall(text, start, end))
            if pending is not None:
                start, words = pending[0], words + pending[1]
            if words < MIN_WORDS and end - start < MAX_UNIT:
                pending = (start, words)
                continue
            pending = None
            spans.append((start, end))
    if pending is not None:
        if spans and len(text) - spans[-1][0] <= MAX_UNIT * 2:
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((pending[0], len(text)))
    return [span for span in (_strip(text, s, e) for s, e in spans) if span[1] > span[0]]


def _cut(text: str, start: int, end: int):
    """Pieces of at most MAX_UNIT characters, cut at a space where there is one."""
    while end - start > MAX_UNIT:
        cut = text.rfind(" ", start + MAX_UNIT // 2, start + MAX_UNIT)
        cut = cut if cut > start else start + MAX_UNIT
        yield start, cut
        start = cut
    yield start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\r.!?":
        start += 1
    while end > start and text[end - 1] in " \t\n\r":
        end -= 1
    return start, end
