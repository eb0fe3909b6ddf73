"""Guards for the crisis check: when a sentence that looks risky is not.

The lexicon (``moderation.crisis_lexicon``) and the model (``moderation.crisis_model``)
both see risk words; these checks say when the words do not mean risk to anyone: a
screening answer ("PHQ-9 ... not at all"), a question or article about a drug's side
effects ("does Chantix increase suicidal thoughts?"), fear of dying rather than a wish
to ("scared I'd die when they said cancer"), general advice to others, a denial or an
idiom ("I'm not suicidal", "killing it at work"), and a story told wholly in the past
in a post about recovery ("two years ago I tried to end my life; today I'm doing
well"). They run on one normalised sentence at a time; every pattern is bounded.
"""

from __future__ import annotations

import re

from moderation.crisis_lexicon import OTHER_SUBJECT

_SCREENING = re.compile(
    r"\b(?:phq|gad-?7|c-?ssrs|questionnaire|question\s+9|item\s+9|not\s+at\s+all|ticked|scored|screening|"
    r"assessment|the\s+form|survey|edinburgh\s+scale|ask(?:s|ed)?\s+(?:me\s+)?(?:if|about|whether)|"
    r"i\s+put\s+0|i\s+said\s+no)\b")
_DRUG_QUESTION = re.compile(
    r"\b(?:cause|causes|increase|increases|side\s+effects?|risk|warning|linked|link|common|rates?|"
    r"statistics?|leaflet|black\s+box|make\s+you|listed|studies|research|myth|proven|paper|guidance|"
    r"article|report|watch\s+for|can\s+cause|may\s+cause|stories\s+about)\b")
_FEELING_NOW = re.compile(r"\b(?:i'm|i\s+am|i\s+feel|i've\s+been|i\s+keep|i\s+want|i\s+have\s+been|"
                          r"i'm\s+having)\b")
# A device is only what is dying when it is the subject ("my phone is dying"), not when it is how the
# news came ("she told me on the phone she's on the bridge").
_NOT_HUMAN = re.compile(r"\b(?:my|our|the)\s+(?:dog|cat|pet|hamster|rabbit|horse|plants?)\b|"
                        r"\b(?:my|our|the)\s+(?:phone|battery|laptop|car)(?:'s|\s+is|\s+was)?\s+(?:\w+\s+)?"
                        r"(?:dying|dead|died|about\s+to\s+die)\b|\bwe(?:'re|\s+are)?\s+all\s+going\s+to\s+die\b")
_ASKING_FOR_ME = re.compile(r"\b(?:for\s+me|i\s+need\s+to\s+know|i\s+want\s+to\s+(?:know|be\s+sure)|"
                            r"please\s+just)\b")
_FEAR = re.compile(r"\b(?:scared|afraid|terrified|frightened|worried|worry|fear|panic\w*|anxious|anxiety|"
                   r"convinced|thought\s+i\s+was|thought\s+i'd|nervous|thinking\s+i'm\s+going\s+to\s+die)\b")
_DYING = re.compile(r"\b(?:die|dying|died|death|dead|survive|make\s+it|wake\s+up)\b")
_WISH_TO_DIE = re.compile(r"\b(?:kill|end\s+my\s+life|want\s+to\s+die|suicid|better\s+off|wish\s+i)")
_PAST = re.compile(r"\b(?:back\s+when|years?\s+ago|when\s+i\s+was\s+(?:\d+|a\s+teen\w*|young|at\s+school|in)|"
                   r"as\s+a\s+(?:teen\w*|kid)|back\s+in|in\s+(?:19|20)\d\d|used\s+to|months\s+ago|"
                   r"a\s+long\s+time\s+ago|in\s+my\s+(?:teens|\d0s|twenties)|once\s+upon|"
                   r"there\s+was\s+a\s+time|during\s+my|at\s+(?:1\d|2\d)\b|looking\s+back|survivor|"
                   r"my\s+(?:story|attempt\s+was|last\s+relapse)|i've\s+been\s+there|once\s+upon|"
                   r"back\s+then|at\s+the\s+time|darkest\s+time|then,?\s+but)")
_PRESENT = re.compile(r"\b(?:again|are\s+back|coming\s+back|tonight|lately|right\s+now|this\s+week|"
                      r"these\s+days|still\s+(?:want|think|feel)|and\s+might|might\s+do\s+it|"
                      r"keep\s+(?:thinking|wanting))\b")
_RECOVERY = re.compile(r"\b(?:doing\s+(?:well|great|better|so\s+much\s+better)|better\s+(?:now|place)|"
                       r"glad\s+i|recovery|recovered|survivor|clean|thriving|stable|happy|hope|sober|proud|"
                       r"remission|it\s+gets\s+better|does\s+get\s+better|it\s+passed|"
                       r"got\s+(?:proper\s+)?help|living\s+again|loving\s+life|reached\s+out|"
                       r"got\s+me\s+(?:out|through)|behind\s+me|much\s+better|i'm\s+(?:so\s+)?glad|"
                       r"now\s+i'm|today\s+i|been\s+well|(?:i'm|i\s+am)\s+(?:ok|okay|fine|well)\s+now|"
                       r"glad\s+i\s+stayed|got\s+support|training\s+(?:as|to\s+be)|married|"
                       r"a\s+job\s+i\s+love|grateful|in\s+a\s+good\s+place|haven't\s+(?:in|for|since)|"
                       r"now\s+i\s+(?:mentor|help|work|run|volunteer|speak))\b")
_GENERAL_ADVICE = re.compile(r"\b(?:if\s+(?:you're|you\s+are|you\s+ever|you\s+feel|you\s+need|anyone|"
                             r"your\s+(?:child|son|daughter|friend|partner|teen)|someone)|"
                             r"please\s+(?:reach|call|talk|"
                             r"tell|stay|don't)|what\s+do\s+you\s+say\s+to|how\s+do\s+i\s+support|"
                             r"warning\s+signs)\b")


def guarded(sentence: str, kind: str | None = None) -> str | None:
    """Why a sentence that looks risky is not (a short reason), or None.

    An emergency is never explained away by fear: "I took 30 pills and I'm scared" is still one.
    """
    if _SCREENING.search(sentence):
        return "screening"
    if _DRUG_QUESTION.search(sentence) and ("?" in sentence or not _FEELING_NOW.search(sentence)) \
            and not _ASKING_FOR_ME.search(sentence):
        return "information"
    if _NOT_HUMAN.search(sentence):
        return "not a person"
    if kind != "emergency" and _FEAR.search(sentence) and _DYING.search(sentence) \
            and not _WISH_TO_DIE.search(sentence):
        return "fear"
    if _GENERAL_ADVICE.search(sentence) and not OTHER_SUBJECT.search(sentence):
        return "advice"
    return None


# Denials ("I'm not suicidal"), wanting to live, and idioms: "kill it at work", "die of boredom",
# "dying to know", "to die for", "this is killing me", "lol".
_DENIAL = re.compile(
    r"\b(?:not|never|don't|no|haven't|won't)\b[^.,;!?]{0,20}\b(?:suicidal|suicide|die|dying|hurt\s+myself|"
    r"harm\s+myself|kill\s+myself|self\s+harm\w*|end\s+my\s+life)\b|\bwant\s+to\s+live\s+(?:a|to|long|for|"
    r"my)\b|\bwant\s+my\s+life\s+back\b|\bbehind\s+me\b|\bkill(?:ing)?\s+(?:it|this|that)\b|"
    r"\bdie\s+of\s+(?:boredom|embarrassment|laughter|laughing|cuteness)\b|\bdying\s+(?:to|for|of)\b|"
    r"\bto\s+die\s+for\b|\bdie\s+on\s+this\s+hill\b|\b(?:is|are)\s+killing\s+me\b|\bkill\s+for\b|"
    r"\bdeath\s+of\s+me\b|\b(?:haha|lol|jk|ha)\b"
    # wanting to be here; saving up for things; cutting back; wishing the pain away; off to bed
    r"|(?<!n't\s)\bwant\s+to\s+be\s+here\b|\bsav(?:e|ed|ing)\s+up\s+(?:for|my\s+(?:leave|money|holiday))\b"
    r"|\bcut(?:ting)?\s+(?:back|down|out)\b|\bwish\s+(?:this|the|my)\s+\w+\s+would\b|\bfor\s+the\s+night\b")


def denies(sentence: str) -> bool:
    """The sentence denies risk ("I'm not suicidal", "I want to live to see ..."): model alone won't do."""
    return bool(_DENIAL.search(sentence))


_STRONG = re.compile(
    # Words a crisis sentence the lexicon missed still has (the model alone needs one of them).
    r"\b(?:die|dying|dead|death|kill\w*|suicid\w*|overdos\w*|end\s+(?:it|my|things|everything)|harm\w*|"
    r"hurt\w*|cut\w*|pills|lethal|fatal|painless|wake|alive|living|gone|goodbyes?|bye|bridge|jump\w*|rope|"
    r"blood|bleed\w*|do\s+it|finish\s+it|life|tonight|on\s+purpose|peace|funeral|burden|disappear\w*|"
    r"exist\w*|worthless|hopeless|pointless|escape|forever|for\s+good|anymore|"
    r"any\s+more|no\s+more|sleep\s+forever|not\s+be\s+here|better\s+off|without\s+me|deserve|hate\s+myself|"
    r"can't\s+(?:go\s+on|do\s+this|cope)|give\s+up|giving\s+up|over\s+dose|od|unalive|grave|noose|gun|knife|"
    r"razor|blade|wrists?|tracks|train|roof|ledge|edge|drown\w*|crash\w*|last\s+(?:post|message|time)|"
    r"letters?|notes?|note|stash|stockpil\w*|hoard\w*|saving|saved|collect\w*|enough\s+to)\b")


# The model alone flags a sentence with no risk word only when at least this sure. Chosen by 5-fold
# cross-validation on the train part with batch 5 in it (bench/safety_cv.py): 0.80 gave 85.5 % recall
# but flagged 4.1 % of the demo community's ordinary posts; 0.82 gives 85.0 % and 3.2 %; 0.85, 84.0 % and 2.8 %.
SURE = 0.82


def model_may_flag(sentence: str, risk: float = 1.0) -> bool:
    """Whether the model alone may flag this sentence, given its score ``risk``.

    Not a denial, not a fragment, a question only with a risk word in it, and, unless the
    model is very sure, any other sentence only with a risk word in it. The training data is half crisis; ordinary posts are not, and without
    this 30 of the 434 texts of the demo community ("Feeling much more like myself.",
    "That's the whole point.") were flagged; with it, 11, at a cost of 2.3 points of recall in
    cross-validation (93.7 % to 91.4 %, false positives 7.7 % to 4.8 %).
    """
    if denies(sentence) or len(sentence.split()) < 4:
        return False
    if "?" in sentence:  # "does anyone know how long it is until I can drive again?"
        return bool(_STRONG.search(sentence))
    return risk >= SURE or bool(_STRONG.search(sentence))


def past_only(sentence: str) -> bool:
    """Told wholly in the past: "two years ago I tried to end my life"."""
    return bool(_PAST.search(sentence)) and not _PRESENT.search(sentence)


def recovery(text: str) -> bool:
    """The post speaks of recovery ("doing well", "clean", "glad I'm still here")."""
    return bool(_RECOVERY.search(text))
