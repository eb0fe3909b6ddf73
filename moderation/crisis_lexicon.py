"""The lexicon stage of the crisis check: unambiguous phrases, and what cancels them.

The model stage generalises, but some phrases need no model: "kill myself",
"end my life", "took all my pills", "my son says he wants to die". These
patterns run on normalised sentences (``moderation.textnorm``), so one pattern
covers "kms", "kil myslef" and "unalive myself". Each phrase family says which
response fits: ``self`` (risk to the writer), ``emergency`` (harm already
done or happening now) or ``other`` (someone else at risk; found by reading
the sentence again with the third person turned into the first).

When a phrase does not mean what it seems (negated, a screening answer, a
side-effect question, fear of dying, a recovery story) is for ``moderation.crisis_guards``,
which both stages share, so both fail safe in the same way. Each pattern has trigger
words, one of which it cannot match without, so most patterns never run on most sentences.

Every pattern is bounded (no unbounded repetition over overlapping classes)
and runs on one sentence of at most a few hundred characters.
"""

from __future__ import annotations

import re

_P = (r"(?:pills|tablets|meds|medication|medicine|insulin|paracetamol|morphine|oxy\w{0,8}|tramadol|codeine|"
      r"co-codamol|antidepressants|opioids|sleeping (?:pills|tablets)|diazepam|sertraline|quetiapine|"
      r"seroquel|lithium|pregabalin|gabapentin|amitriptyline|propranolol|methadone|heroin|bleach|"
      r"prescription\w?)")
_DAY = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|"
        r"(?:this|the)\s+weekend|next\s+week")
_NOT_LITERAL = (r"(?!\s+(?:a\s+slice|a\s+piece|some|at\s+the\s+gym|laughing|out|back|short|free|loose|"
                r"in\s+the\s+kitchen))")

_SELF = [
    r"\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt|hang|hanging|"
    r"shoot|shooting|off|offing|top|topping|neck|necking|end|ending|finish|starve|starving|poison|drown|"
    r"hit|hitting|punch|punching|bruise|bruising|scratch|scratching|"
    r"suffocate|yeet)\s+myself\b" + _NOT_LITERAL,
    r"\b(?:end|ending|take|taking|finish|finishing)\s+my\s+(?:own\s+)?life\b",
    r"\bend(?:ing)?\s+it\s+all\b",
    r"\b(?:want|wanted|wanting|ready|plan|planning|decided|deserve)\s+to\s+(?:just\s+)?"
    r"(?:die|be\s+dead|end\s+(?:it|things|everything)|not\s+(?:be\s+here|exist|be\s+alive|wake\s+up))\b"
    r"(?!\s+(?:of|from|laughing|my|her|his|your|the|with|at\s+home|peacefully|in\s+peace|someday)\b)",
    r"\b(?:i'm|i am|feel|feeling|felt|been|getting|so|really|very|am)\s+(?:(?!not\b|"
    r"never\b)\w+\s+)?suicidal\b",
    r"\bsuicidal\s+(?:thoughts|feelings|again|urges|ideation|tonight|today|rn)\b",
    r"\b(?:thoughts?|thinking|think|thought|considering|contemplating)\s+(?:about\s+|"
    r"of\s+)?(?:the\s+)?(?:suicide|killing\s+myself|ending\s+(?:it|my\s+life|things)|"
    r"taking\s+my\s+(?:own\s+)?life)\b",
    r"\b(?:commit|committing|attempt|attempting)\s+suicide\b",
    r"\bsuicide\s+(?:is|feels|seems|keeps)\s+(?:the|my|like|on|popping)\b|\bplanning\s+my\s+suicide\b",
    r"\b(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+(?:forever|and\s+(?:not|never)\s+wake\s+up)\b",
    r"\b(?:not|never|won't|didn't|don't)\s+(?:want\s+to\s+)?wake\s+up\b",
    r"\bwish(?:ed|ing)?\s+i(?:'d|\s+had)?\s+never\s+been\s+born\b|\bwish(?:ed|ing)?\s+i\s+(?:was|were|"
    r"could\s+be|could\s+just\s+die|would\s+die|'d\s+die|was\s+never|could\s+(?:just\s+)?(?:disappear|die|"
    r"not\s+exist|fall\s+asleep)|had\s+never\s+been\s+born|'d\s+never\s+been)(?!\s+(?:dead\s+)?(?:tired|"
    r"on\s+my\s+feet|asleep|serious|wrong|right|beat|set))\b",
    r"\b(?:better|happier)\s+(?:off\s+)?(?:dead|without\s+me|if\s+i\s+(?:was|were)(?:n't|\s+not|\s+gone|"
    r"\s+dead))\b",
    r"\b(?:don't|do\s+not|no\s+longer)\s+want\s+to\s+(?:be\s+alive|live|exist|be\s+here|go\s+on)\b"
    r"(?!\s+(?:with|in|near|next|like\s+that|there|on|at)\b)",
    r"\btired\s+of\s+(?:being\s+alive|living|existing|life|fighting\s+(?:to\s+live|my\s+own))\b",
    r"\b(?:no|any|the)\s+(?:reason|point)\s+(?:to|in|of|for\s+me\s+to)\s+(?:me\s+)?(?:living|live|"
    r"being\s+alive|be\s+alive|going\s+on|go\s+on|carrying\s+on|carry\s+on|keep\s+going|being\s+here|me)\b",
    r"\b(?:can't|cannot|can\s+not)\s+(?:go\s+on|do\s+this|keep\s+going|carry\s+on|keep\s+living|take\s+it)\s+"
    r"(?:any\s*more|no\s+more|much\s+longer)\b",
    r"\b(?:nobody|no\s+one|noone)\s+would\s+(?:even\s+)?(?:miss|notice|care)\b",
    r"\blife\s+(?:isn't|is\s+not|is\s+no\s+longer)\s+worth\s+(?:living|it)\b",
    r"\bdon't\s+care\s+if\s+i\s+(?:live|die)\b|\bwaiting\s+to\s+die\b|\bwelcome\s+death\b",
    r"\b(?:stop|cease\s+to|not)\s+exist(?:ing)?\b(?!\s+(?:in|on|for\s+(?:the|this)))",
    r"\bdisappear\s+(?:forever|for\s+good|permanently)\b|\b(?:everything|it\s+all)\s+to\s+(?:stop|end)\b",
    # "I hope I get better soon" is hope: after "hope I" the dark ending is required.
    r"\b(?:hope|pray|praying|hoping)\s+(?:that\s+)?(?:i\b.{0,30}?\b(?:die\b|don't\s+wake|won't\s+wake|"
    r"not\s+wake|never\s+wake|accident|get\s+(?:hit|run\s+over)|don't\s+(?:come\s+round|survive|make\s+it)|"
    r"won't\s+(?:survive|make\s+it)|takes\s+me)|god\s+takes\s+me|the\s+\w+\s+(?:takes|kills|finishes)\s+me|"
    r"my\s+heart\s+(?:just\s+)?(?:stops|gives\s+(?:out|up)))",
    r"\bif\s+(?:a\s+bus|a\s+car|something)\s+(?:hit|killed)\s+me\b",
    r"\b(?:i|i'd|i've|i'm)\s+(?:\w+\s+){0,2}(?:rather|better)\s+be\s+dead\b",
    r"\b(?:i'm|i\s+am)\s+(?:just\s+|such\s+)?a\s+waste\s+of\s+(?:space|air|oxygen)\b",
    r"\bnot\s+coming\s+(?:home|back)\b|\bdoesn't\s+come\s+back\b|\bgo(?:ing)?\s+through\s+with\s+it\b|"
    r"\bexit\s+plan\b",
    r"\bcan't\s+see\s+myself\s+(?:being\s+)?(?:alive|here|living)\b|\bfor\s+when\s+i'm\s+ready\b",
    r"\b(?:step|jump|throw\s+myself)\s+in\s+front\s+of\b|\blie\s+down\s+on\s+the\s+tracks\b|"
    r"\bwalk\s+into\s+the\s+(?:sea|river|ocean|lake)\b|\b(?:bought|got|have|found)\s+(?:a\s+|the\s+|some\s+)?"
    r"(?:new\s+)?rope\b",
    r"\b(?:take|swallow)\s+(?:everything|the\s+lot|all\s+of\s+(?:it|them))\b(?!\s+(?:with\s+food|"
    r"in\s+the\s+morning))",
    r"\b(?:happy|glad|relieved|wish|hope)\b.{0,40}\b(?:finish(?:ed|es)?\s+me\s+off|takes?\s+me)\b",
    r"\b(?:thoughts?|mind|brain|head)\b.{0,30}\b(?:turning\s+to\s+)?suicide\b",
    r"\bthink(?:s|ing)?\s+about\s+dying\s+(?:every|all\s+the\s+time|a\s+lot)\b",
    r"\bdon't\s+be\s+sad\s+when\s+i'm\s+gone\b|\bit's\s+better\s+this\s+way\b",
    r"\boutstayed\s+my\s+welcome\b|\bdriv(?:e|ing)\s+(?:\w+\s+)?into\s+(?:a|the)\s+(?:tree|wall|river|"
    r"lorry|truck)\b",
    r"\b(?:affairs\s+in\s+order|paid\s+(?:all\s+)?my\s+bills|made\s+my\s+will|my\s+will\s+is\s+done)\b"
    r"|\blast\s+(?:message|post)\s+from\s+me\b",
    r"\b(?:floor|bridge|building|car\s+park|roof|cliff)\b.{0,40}\bhigh\s+enough\b"
    r"|\b(?:get|buy)\s+a\s+gun\b.{0,40}\b(?:not\s+for\s+anyone\s+else|for\s+me|myself|quickly)\b",
    # Self-harm, with or without "myself".
    r"\b(?:start(?:ed)?|been|keep|kept|i'm|relaps\w{0,3}(?:\s+(?:on|into))?|urges?\s+to|want\s+to|"
    r"need\s+to|going\s+to|back\s+to|again)\s+(?:cutting|cut|burning|burn|harming|self\s+harm(?:ing)?|"
    r"hurting|sh)\b(?!\s+(?:out|back|down|carbs|sugar|my\s+hair|the|corners|costs|ties|caffeine|calories|"
    r"a\s+slice))",
    r"\b(?:cut|cutting|self\s+harm(?:ed|ing)?|harming|sh|burned|burnt|burning)\s+again\b",
    r"\b(?:cut|carved|burned|burnt)\s+(?:my\s+)?(?:arms?|wrists?|legs?|thighs?|stomach)\b(?!\s+(?:on|while|"
    r"when|shaving))",
    r"\b(?:blade|razor)\b.{0,40}\b(?:again|wrist|arm|deep|cut)\b|\bpicked\s+up\s+the\s+blade\b",
    r"\b(?:bang|banging|hit|hitting)\s+my\s+head\b|\b(?:until|till|til)\s+(?:it|i|they)\s+(?:bleeds?|bled)\b|\bcut\s+deeper\b|"
    r"\bopened\s+(?:them|it|the\s+(?:cuts|scars|wounds?))\s+(?:up\s+)?again\b|\bcarv(?:e|ed|"
    r"ing)\b.{0,30}\binto\s+my\b",
    r"\b(?:burn|burned|burnt|cut|hurt|hit|scratch\w{0,3}|starv\w{0,3})\b.{0,40}\bon\s+purpose\b",
    r"\bself\s+harm(?:ing|ed)?\b(?=.{0,40}\b(?:since|to\s+cope|every|again|worse|tonight|can't\s+stop))",
    # Means: hoarding, lethality.
    r"\b(?:stockpil|hoard|sav|collect|stash|count)(?:e|ed|ing|s)?\s+(?:up\s+)?(?:\w+\s+){0,3}?" + _P + r"\b"
    r"(?!\s+(?:for\s+(?:the|my)\s+(?:holiday|trip)|before|so\s+i\s+don't\s+run))",
    r"\bhow\s+(?:many|much)\b.{0,60}\b(?:to\s+(?:die|not\s+wake|end\s+it|make\s+sure|do\s+it|kill\s+(?:me|"
    r"myself|someone|a\s+person))|would\s+(?:it\s+take|kill|be\s+(?:fatal|lethal|enough)|do\s+it|"
    r"stop\s+your\s+heart)|is\s+(?:fatal|lethal|deadly)|be\s+a\s+lethal|so\s+i\s+don't\s+wake|"
    r"stop\s+me\s+(?:waking|breathing))\b",
    r"\b(?:jump(?:ing)?|hang(?:ing)?|overdose)\b.{0,40}\b(?:fatal|lethal|painless|peaceful)\b|"
    r"\bhow\s+long\s+does\s+it\s+take\s+to\s+die\b|" + _P + r"\s+stocked\s+up\b|"
    r"\bbuild\s+up\s+a\s+(?:supply|stash)\b|"
    r"\b(?:whole|entire)\s+(?:packet|box|bottle|strip)\b.{0,40}\bat\s+once\b",
    r"\b(?:painless|quickest|easiest|best|surest)\s+way\s+to\s+(?:die|go|end\s+it|kill\s+myself)\b",
    r"\b(?:ways|how)\s+to\s+(?:die|kill\s+myself|end\s+it|overdose)\b",
    r"\benough\s+(?:\w+\s+){0,2}to\s+(?:end\s+it|do\s+it|not\s+wake|die|kill\s+me)\b",
    r"\blethal\s+(?:dose|amount)\b.{0,40}\b(?:please|i\s+want|just\s+tell|for\s+me|my)\b",
    # Goodbyes.
    r"\b(?:this\s+is|this'll\s+be|this\s+will\s+be)\s+(?:my\s+)?(?:last|final)\s+(?:post|message|time)\b"
    r"(?!.{0,60}\b(?:before\s+(?:surgery|my|the)|here\s+as|as\s+(?:a|the)\s+(?:mod|moderator|admin|volunteer)|"
    r"see\s+you|update|moving|for\s+a\s+while))",
    r"\blast\s+time\s+you(?:'ll)?\s+(?:hear|see)\b|\b(?:won't|don't)\s+hear\s+from\s+me\b|"
    r"\bbefore\s+i\s+go\b(?!\s+(?:to|into|in|for|on|back|home|under|out|away|through\s+(?!with)))|"
    r"\b(?:posted|said|texted|messaged)\s+goodbye\b|\bgiv(?:e|ing|en)\s+(?:\w+\s+){0,2}(?:things|stuff|"
    r"belongings|possessions)\s+away\b|\bgiv(?:e|ing|en|"
    r"ven)\s+away\s+(?:most\s+of\s+)?(?:\w+\s+)?(?:things|stuff|belongings|possessions|games|watch|tools|"
    r"clothes|books|jewellery|jewelry|records|collection|guitar)\b|"
    r"\bfinal\s+post\b|\bby\s+the\s+time\s+(?:anyone|you|someone)\s+reads?\s+this\b",
    r"\b(?:won't|will\s+not|not)\s+be\s+(?:here|around)\s+(?:much\s+longer|for\s+long|any\s*more|tomorrow|"
    r"after\s+tonight)\b",
    r"\bgoodbye\s+(?:everyone|all|friends|world|to\s+everyone)\b|\bthis\s+is\s+goodbye\b|"
    r"\b(?:signing|logging)\s+off\s+for\s+good\b",
    r"\b(?:written|wrote|writing|left)\s+(?:\w+\s+){0,2}(?:letters?|notes?)\s+(?:to|for)\s+(?:my|everyone|"
    r"the)\b(?!\s+(?:mp|council|gp|doctor|consultant|hospital|landlord|school|boss|manager))",
    r"\b(?:suicide|goodbye)\s+(?:note|letter)s?\b",
    r"\bgiven\s+away\s+(?:most\s+of\s+|all\s+)?my\s+(?:things|stuff|belongings)\b|\bsaying\s+my\s+goodbyes\b"
    r"(?!.{0,40}\b(?:slowly|hospice))",
    r"\b(?:tell|let)\s+my\s+\w+\s+(?:i|that\s+i)\s+lov",
    r"\bsorry\s+(?:for|to)\s+(?:everything|everyone\s+i'm\s+leaving)\b|\bwon't\s+be\s+a\s+(?:problem|"
    r"burden)\b",
    # Learnt from the second batch of train texts: the same ideas in other words.
    r"^(?:i'm\s+|i\s+am\s+|feeling\s+|so\s+|very\s+)?suicidal\b|\bsuicidal\s+(?:asf|af|now|lately)\b",
    r"\bhow\s+long\s+before\s+it's\s+too\s+late\b|\b(?:wouldn't|won't|not)\s+come\s+back\s+from\b"
    r"|\bwould\s+(?:a|the|all|\d+)\b.{0,40}\bbe\s+enough\b"
    r"|\bknow\s+what\s+(?:it|they)\s+(?:could|would|can)\s+do\b",
    r"\bwon't\s+be\s+(?:posting|here|around|back|writing)\s+again\b|\bwhere\s+i'm\s+going\b",
    r"\b(?:tomorrow|tonight|today)\s+is\s+the\s+(?:day|night)\b(?!\s+(?:of|for|i\s+get))|\bnoose\b",
    # Learnt from the fifth batch of train texts (written by people who had not seen these patterns).
    r"\b(?:have|got|had)\s+(?:it\s+)?(?:all\s+)?planned\s+(?:out\s+)?(?:for|on)\s+(?:" + _DAY + r")\b"
    r"|\b(?:" + _DAY + r")(?:\s+night)?\s+is\s+when\b(?!\s+\w)",
    # From the sixth batch's train part: means asked about with intent; warning phrases.
    r"\bhow\s+high\s+(?:does|do|would|should)\s+(?:a|the)\s+(?:building|bridge|car\s+park|multi\s+storey|floor|"
    r"roof|cliff|drop)\s+(?:need|have)\s+to\s+be\b|\bexhaust\s+(?:thing|method|fumes?|pipe)\b.{0,40}\b(?:work|works|"
    r"enough|newer\s+cars)\b|\b(?:next|this)\s+time\s+i\s+won't\s+come\s+(?:back|down|home)\b"
    r"|\bif\s+(?:my\s+)?\w+\s+(?:goes|dies|go|die)\b.{0,20}\bi(?:'m|'ll|\s+will|\s+am)\s+(?:going|go)\s+with\s+"
    r"(?:her|him|them)\b",
    r"\bdeleting\s+(?:all\s+)?(?:of\s+)?my\s+(?:accounts|social\s+media|profiles?)\b.{0,20}\b(?:after\s+this|"
    r"tonight|for\s+good|before\s+i)\b|\bthis\s+time\s+i(?:'d|'ll|\s+will|\s+would|'m\s+going\s+to)\s+"
    r"do\s+it\s+(?:properly|right)\b",
    r"\b(?:won't|will\s+not|wouldn't)\s+(?:need|have)\s+to\s+worry\s+about\s+(?:me|him|her|them)\s+"
    r"(?:much\s+|for\s+)?(?:longer|long|any\s*more)\b",
]
# "took it every morning", "all week", "the whole course", "20 mg", "for 14 days": how people
# describe taking a medicine as meant, in every review. The amount words of an overdose ("every",
# "all", "whole", a number) are not one when a time, a dose unit or a course follows them.
_NOT_A_DOSE_OR_A_TIME = (
    r"(?!\s+(?:single\s+|other\s+|few\s+|\w+\s+)?(?:mornings?|nights?|evenings?|days?|daily|weeks?|months?|years?|"
    r"times?|hours?|summer|winter|spring|autumn|season|term|along|course|dose|mg|mcg|micrograms?|milligrams?|ml|"
    r"units?|iu|puffs?|a\s+day|a\s+week|before|after|with\s+(?:food|meals?|breakfast)))")

_EMERGENCY = [
    r"\b(?:drank|drunk|swallowed|drinking)\s+(?:some\s+|a\s+bottle\s+of\s+|the\s+)?(?:bleach|antifreeze|"
    r"weedkiller|poison)\b",
    r"\bgaping\b|\bsee\s+(?:the\s+)?fat\b|\bneeds?\s+stitches\b",
    r"\b(?:took|taken|swallowed|downed|ate|injected|drank|drunk|have\s+had)\s+(?:\w+\s+){0,2}?(?:all|every|"
    r"everything|whole|the\s+(?:lot|whole)|a\s+(?:whole|load|lot|handful|bottle|box|packet)|loads|handful|"
    r"\d{2,}|double|massive|too\s+many|two\s+boxes|strips?|three\s+strips|an\s+overdose|a\s+(?:big|massive|"
    r"huge)\s+(?:overdose|handful))\b" + _NOT_A_DOSE_OR_A_TIME + r"(?!.{0,40}\b(?:this\s+morning\s+like|with\s+breakfast|as\s+prescribed|"
    r"by\s+mistake|by\s+accident|accidentally|at\s+once\s+with|is\s+that|like\s+a\s+good))",
    r"\b(?:i|i've|i\s+have|just|i\s+just)\s+(?:\w+\s+)?overdosed\b(?!\s+on\s+(?:chocolate|netflix|tv|sugar))",
    r"\b(?:taken|took|had)\s+an\s+overdose\b|\btook\s+the\s+lot\b|\bit's\s+done\b.{0,30}\btook\b",
    r"\btook\s+\w+\s+(?:on\s+purpose|to\s+end\s+it)\b|\btoo\s+many\s+on\s+purpose\b|"
    r"\bdouble\s+my\s+\w+\s+on\s+purpose\b",
    r"\bcut\s+too\s+deep\b|\b(?:won't|isn't|not|doesn't)\s+stop(?:ping)?\s+bleeding\b"
    r"|\b(?:there's|there\s+is)\s+(?:so\s+much|a\s+lot\s+of)\s+blood\b",
    r"\b(?:i'm|i\s+am|standing|sitting)\s+(?:\w+\s+)?(?:on|at)\s+the\s+(?:\w+\s+)?(?:edge|bridge|roof|"
    r"ledge|platform|tracks|cliff|station)\b.{0,60}(?:\bnow\b|\bright\s+now\b|\bjump\b|\bwaiting\b|"
    r"\bas\s+i\s+type\b|\bfast\s+one\b)",
    r"\b(?:standing|sitting)\s+(?:at|on)\s+the\s+(?:edge|bridge|roof|ledge|cliff)\b",
    r"\bknife\s+to\s+my\s+(?:wrist|throat)\b|\bthe\s+rope\s+is\s+up\b|"
    r"\bengine\s+running\s+in\s+the\s+garage\b",
    r"\b(?:hit|jumped\s+from)\b.{0,30}\b(?:can't\s+move|my\s+wrist)\b",
    # Learnt from the fifth batch: a whole container, a week's supply at once, insulin pens or units on purpose.
    r"\b(?:popped|necked|took|taken|swallowed|downed|had)\s+(?:a\s+|the\s+|my\s+)?(?:whole|entire)\s+"
    r"(?:(?:pack|packet|box|bottle|tub|strip|blister\s+pack)\b(?!.{0,40}\b(?:as\s+prescribed|course|by\s+mistake|"
    r"accidentally|like\s+i\s+was\s+told))|(?:week|month)(?:'s)?\b.{0,40}\b(?:at\s+once|in\s+one\s+go)\b"
    r"(?!.{0,20}\b(?:by\s+mistake|accidentally)))",
    r"\b(?:did|injected|used|took|emptied)\s+(?:\d+|two|three|four|five|all\s+(?:my|of\s+my)|both\s+(?:my\s+)?)\s+"
    r"(?:of\s+my\s+)?(?:insulin\s+)?pens\b|\b(?:injected|took|swallowed)\s+(?:about\s+|around\s+|like\s+|"
    r"over\s+)?\d{2,4}\s+(?:units|tablets|pills)\b.{0,40}\b(?:on\s+purpose|deliberately)\b|^overdosed\s+on\s+(?:\w+\s+){0,2}?" + _P + r"\b",
]
OTHER_SUBJECT = re.compile(
    r"\b(?:my|our|a|his|her)\s+(?:\w+\s+){0,2}?(?:son|daughter|kid|child|boy|girl|teen|teenager|husband|"
    r"wife|partner|boyfriend|girlfriend|fianc[ée]e?|friend|mate|flatmate|roommate|housemate|mum|mom|mother|"
    r"dad|father|brother|sister|twin|cousin|nephew|niece|grandson|granddaughter|student|students|coworker|"
    r"colleague|neighbour|neighbor|stepson|stepdaughter|uncle|aunt|nan|grandma|grandad|grandpa|grandfather|"
    r"grandmother|ex|dave|member|patient|mother-in-law|father-in-law)s?\b|\bsomeone\s+in\s+my\b|"
    r"\bone\s+of\s+my\b|\bmy\s+\d+\s+year\s+old\b|\bmy\s+boy\b"
)
_THIRD = [
    (re.compile(r"\b(?:him|her|them)sel(?:f|ves)\b"), "myself"),
    (re.compile(r"\b(?:his|her|their)\s+(own\s+)?"
                r"(life|pills|tablets|meds|insulin|wrists?|arms?|things|stuff)\b"),
     r"my \1\2"),
    (re.compile(r"\bwithout\s+(?:him|her|them)\b"), "without me"),
    (re.compile(r"\b(want|say|keep|think|hope|need|deserve|take|talk|plan|cut|harm|hurt)s\b"), r"\1"),
    (re.compile(r"\bwishes\b"), "wish"),
    (re.compile(r"\b(?:he|she)\s+is\b|\bthey\s+are\b|\bhe's\b|\bshe's\b|\bthey're\b"), "i'm"),
    (re.compile(r"\b(?:he|she|they)'d\b"), "i'd"),
    (re.compile(r"\b(?:he|she|they)\b"), "i"),
]
_MEDICINES = ("pil|tablet|med|insulin|paracetamol|morphine|oxy|tramadol|codeine|antidepress|opioid|"
              "sleeping|diazepam|sertraline|quetiapine|seroquel|lithium|pregabalin|gabapentin|amitriptyline|"
              "propranolol|methadone|heroin|bleach|prescription")
# For each pattern, words one of which it cannot match without: a substring test is far cheaper
# than a regular expression, so most patterns are never run on most sentences.
_SELF_TRIGGERS = ('myself', 'life', 'it all', ' to ', 'suicidal', 'suicidal',
                  'suicide|myself|ending|my life', 'suicide', 'suicide', 'sleep|asleep', 'wake', 'wish',
                  'dead|without me|if i', 'want to', 'tired of', 'reason|point', 'more|longer', 'would',
                  'worth', 'care if|to die|death', 'exist', 'disappear|to stop|to end', 'hope|hoping|pray', 'me',
                  'dead', 'waste', 'coming|come back|through with|exit plan', 'see myself|ready',
                  'front of|tracks|walk into|rope', 'everything|the lot|all of', 'me off|takes me|take me',
                  'suicide', 'dying', 'gone|this way', 'outstayed|into a|into the',
                  'affairs|bills|will|last message|last post', 'high enough|gun', 'cut|burn|harm|hurt|sh',
                  'again', 'cut|carv|burn', 'blade|razor', 'head|bleed|bled|deeper|opened|carv', 'purpose',
                  'self harm',
                  _MEDICINES,
                  'how many|how much', 'fatal|lethal|painless|peaceful|to die|stocked|supply|stash|at once',
                  'way to', 'to die|to kill|to end|to overdose', 'enough', 'lethal', 'last|final',
                  'last time|hear from|before i go|goodbye|away', 'here|around', 'goodbye|signing off|logging off',
                  'letter|note', 'note|letter', 'away|goodbyes', 'lov', 'sorry|problem|burden')
_SELF_TRIGGERS += ("suicidal", "too late|come back from|enough|what it|what they", "again|where i'm going",
                   "is the day|is the night|noose", "planned| is when", "how high|exhaust|next time|this time|going with", "deleting|this time",
                   "worry about")
_EMERGENCY_TRIGGERS = ('bleach|antifreeze|weedkiller|poison', 'gaping|fat|stitches',
                       'took|taken|swallowed|downed|ate|injected|drank|drunk|had', 'overdosed',
                       'overdose|the lot|done', 'purpose|end it', 'deep|bleeding|blood',
                       'edge|bridge|roof|ledge|platform|tracks|cliff|station', 'standing|sitting',
                       'knife|rope|engine', "can't move|wrist", 'whole|entire',
                       'pens|purpose|deliberately|overdosed')
_SELF_RE = [(frozenset(t.split("|")), re.compile(p)) for t, p in zip(_SELF_TRIGGERS, _SELF, strict=True)]
_EMERGENCY_RE = [(frozenset(t.split("|")), re.compile(p))
                 for t, p in zip(_EMERGENCY_TRIGGERS, _EMERGENCY, strict=True)]
_ALL_TRIGGERS = tuple(sorted(set().union(*(t for t, _ in _SELF_RE + _EMERGENCY_RE))))


def _present(text: str) -> set[str]:
    return {trigger for trigger in _ALL_TRIGGERS if trigger in text}

_NEGATION = re.compile(r"\b(?:not|never|no|don't|do\s+not|didn't|isn't|wasn't|nor|without|zero|none|"
                       r"haven't|hasn't|hadn't|aren't|weren't|beat|beaten|overcame|"
                       r"resisted)\b[^.,;!?]{0,25}$")
_THIRD_SUBJECT = re.compile(r"\b(?:he|she|they|himself|herself|themselves)\b")
_FIRST_SUBJECT = re.compile(r"\b(?:i|i'm|i've|i'll|i'd|myself)\b|\bwithout\s+me\b"
                            r"|\bmy\s+(?:arms?|legs?|wrists?|thighs?|skin|hands?|body|stomach|face)\b")
_OTHERS_DEATH = re.compile(r"\b(?:died|passed\s+away|funeral|ago|grief|bereave\w*|"
                           r"(?:he's|she's|they're|is)\s+(?:ok|okay|fine|safe|doing\s+(?:well|better))\s+now|"
                           r"killed\s+(?:him|her|"
                           r"them)sel\w+|in\s+memory|helped\s+(?:him|her|them))\b")

# Words without which a sentence cannot be a crisis sentence, for either stage. A sentence
# with none of them ("My ALT was 45 last time.") is not read further, which is most of a
# long post; every lexicon phrase contains one of them, and so does every positive example.
_CUE = re.compile(
    r"die|dying|dead|death|deadly|kill|suicid|\bend|life|liv(?:e|ing)|alive|exist|wake|sleep|pills|tablet|"
    r"meds|medic|overdos|dose|\btook|taken|\btake|swallow|\bate\b|inject|drank|drunk|\bcut|harm|hurt|burn|"
    r"blood|bleed|blade|razor|rope|hang|jump|bridge|roof|edge|ledge|cliff|track|train|platform|station|"
    r"gone|goodbye|\bbye|last|final|letter|note|burden|better|point|reason|any ?more|no more|disappear|"
    r"done|\bover\b|plan|ready|stock|hoard|sav|stash|collect|lethal|fatal|painless|peaceful|enough|\bgun|"
    r"knife|wrist|scar|relaps|\bsh\b|unconscious|bleach|insulin|paracetamol|stitch|gaping|\bfat\b|funeral|"
    r"pray|hope|wish|miss|notice|care|giv|away|through|coming|come back|waste|tired|\bsea\b|river|drown|"
    r"crash|engine|garage|poison|starv|punch|bang|\bhit|scratch|carv|bruis|lighter|cigarette|morphine|oxy|"
    r"codeine|tramadol|sertraline|quetiapine|seroquel|lithium|diazepam|pregabalin|propranolol|"
    r"amitriptyline|methadone|opioid|heroin|antidepressant|prescription|supply|packet|bottle|box|handful|"
    r"strip|vodka|drawer|cabinet|cupboard|exit|sorry|love you|thank|leav|peace|deserve|hate myself|myself|"
    r"worthless|pointless|hopeless|escape|permanent|forever|for good|easy way|no way out|can't|cannot|"
    r"want to|wanna|going to|catch the bus|sudoku|unalive|kms|spot|woods|balcony|window|floors|car\b|"
    r"\bod\b|a&e|hospital|ambulance|faint|vomit|sick|drowsy|sleepy|confused|slurr|dizzy|racing|blurr|numb|"
    r"hide|secret|\bway\b|finish|purpose|front|himself|herself|themselves|around|mind|back|slam|door|"
    r"\bgod\b|takes me|relief|hotel|finds me|quick|easi|decided|decision|tonight|weekend|tomorrow|\bdate\b|"
    r"time to go|reads|scared|help|please|alone|nobody|no one|everyone|anyone|world|pain|can't|wrong|knees|"
    r"bleeds|bathroom|locked|is when|delet|popped|whole|\bpens\b|worry about|how high|going with|\bbled\b")


def worth_reading(sentence: str) -> bool:
    """Whether a normalised sentence holds any word a crisis sentence needs."""
    return _CUE.search(sentence) is not None


def matches(sentence: str) -> tuple[str, str] | None:
    """(kind, phrase) for the first unambiguous phrase in a normalised sentence, or None."""
    present = _present(sentence)
    for triggers, pattern in _EMERGENCY_RE:
        if not present.isdisjoint(triggers) and (match := pattern.search(sentence)) \
                and not _negated(sentence, match):
            return "emergency", match.group(0)
    other = about_someone_else(sentence)
    if other and not _FIRST_SUBJECT.search(sentence):
        order = ("other", "self")
    else:
        order = ("self", "other") if other else ("self",)
    for kind in order:
        text = _to_first_person(sentence) if kind == "other" else sentence
        words = present if text is sentence else _present(text)
        for triggers, pattern in _SELF_RE:
            if not words.isdisjoint(triggers) and (match := pattern.search(text)) \
                    and not _negated(text, match):
                return kind, match.group(0)
    return None


def about_someone_else(sentence: str) -> bool:
    """The sentence is about another person's risk ("my son", "she"), not a death already mourned."""
    return bool((OTHER_SUBJECT.search(sentence) or _THIRD_SUBJECT.search(sentence))
                and not _OTHERS_DEATH.search(sentence))


def first_person(sentence: str) -> bool:
    return bool(_FIRST_SUBJECT.search(sentence))


_CONTRAST = re.compile(r"\b(?:but|just|though|only|except)\b")


def _negated(sentence: str, match: re.Match) -> bool:
    """A negation shortly before the phrase, with no contrast after it: "I'm not suicidal I just
    wish I'd never been born" is not a denial of the wish."""
    negation = _NEGATION.search(sentence, max(0, match.start() - 40), match.start())
    return bool(negation) and not _CONTRAST.search(sentence, negation.start(), match.start())


def _to_first_person(sentence: str) -> str:
    for pattern, replacement in _THIRD:
        sentence = pattern.sub(replacement, sentence)
    return sentence
