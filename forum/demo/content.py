"""The demo community as plain data: groups, people and their conversations.

Nothing here touches the database; ``forum.demo.seed`` turns it into rows
through the ordinary actions. Post bodies are Markdown written as indented
triple-quoted strings; the seeder passes them through ``inspect.cleandoc``.

Threads list their replies in order. A reply is ``(username, body)``, or a
dict with ``author`` and ``body`` plus ``deleted: True`` (its author removed
it) or ``edit`` (text that replaces the body a little later). A thread may
carry ``edit`` too (a new body for the opening post, optionally with a new
``title``) and ``pinned: True``.

Everyone here is invented. Expert answers stay general and send people back
to their own clinicians, as real ones on Askwell are asked to.
"""

# One password for every demo account (shown on the login hint and README).
DEMO_PASSWORD = "askwell-demo-2026"
DEMO_EMAIL_DOMAIN = "demo.askwell.example.org"

ADMIN_USERNAME = "admin"
MODERATOR_USERNAME = "mod_maria"
EXPERT_USERNAMES = ("dr_okafor", "nurse_lee", "pharm_patel")
EXPERT_USERNAME = EXPERT_USERNAMES[0]
MEMBER_USERNAME = "sam_k"
PRIVATE_GROUP_SLUG = "living-with-hiv"

# --------------------------------------------------------------------------
# Groups. ``moderators`` get GroupRole.MODERATOR; ``members`` join without
# posting. Everyone who writes in a group is made a member automatically.
# --------------------------------------------------------------------------
GROUPS = [
    {
        "slug": "leukemia-lymphoma",
        "name": "Leukemia & Lymphoma",
        "category": "Cancer",
        "description": (
            "For anyone affected by leukaemia, lymphoma, myeloma or another blood cancer: newly "
            "diagnosed, in treatment, on watch and wait, or years beyond it. Share what helped, ask "
            "the questions that surface at 3am, and find people who understand the waiting between "
            "results. Our volunteer haematologist answers general questions when they can, but your "
            "own team knows your case best."
        ),
        "moderators": ["marcus_t"],
        "members": ["jen_r_walks", "kate_s"],
    },
    {
        "slug": "breast-cancer",
        "name": "Breast Cancer",
        "category": "Cancer",
        "description": (
            "A place for people with breast cancer and those who love them, from the first biopsy to "
            "years of survivorship, and for primary and secondary breast cancer alike. Ask anything, "
            "however small; someone here has probably wondered the same thing. Everyone's treatment "
            "and choices are their own, so we share experience rather than verdicts."
        ),
        "moderators": ["dani_f"],
        "members": ["annie_k", "ruth_e"],
    },
    {
        "slug": "type-2-diabetes",
        "name": "Type 2 Diabetes",
        "category": "Diabetes & Metabolism",
        "description": (
            "For people living with type 2 diabetes or prediabetes, and for the people who cook and "
            "walk with them. Swap recipes, compare notes on meters and medicines, and talk through "
            "the harder weeks too. There is no single right way to manage diabetes: be curious about "
            "each other's approaches and check changes with your own care team."
        ),
        "moderators": ["kwame_a"],
        "members": ["tom_h", "ruth_e", "gwen_t"],
    },
    {
        "slug": "heart-health",
        "name": "Heart Health",
        "category": "Heart & Circulation",
        "description": (
            "For anyone living with a heart condition (after a heart attack or surgery, with atrial "
            "fibrillation, heart failure or high blood pressure) and for their families. Talk about "
            "cardiac rehab, medicines, getting back to work and the worry that can follow a scare. "
            "If you have chest pain or symptoms that frighten you right now, please call your local "
            "emergency number rather than posting."
        ),
        "moderators": ["tom_h"],
        "members": ["sam_k", "kwame_a", "elaine_b"],
    },
    {
        "slug": "anxiety-depression",
        "name": "Anxiety & Depression",
        "category": "Mental Health",
        "description": (
            "A quiet corner for people living with anxiety, depression or both. Share what is "
            "working, what isn't, and how today is going. We are peers, not therapists, and we "
            "listen more than we advise. If you are in crisis or thinking about harming yourself, "
            "please contact your local emergency number or a crisis line straight away: you deserve "
            "immediate, in-person support."
        ),
        "moderators": ["kate_s", "mod_maria"],
        "members": ["hannah_w", "beth_c", "annie_k"],
    },
    {
        "slug": "asthma-copd",
        "name": "Asthma & COPD",
        "category": "Lungs & Breathing",
        "description": (
            "For people with asthma, COPD or another long-term lung condition, and for parents of "
            "children with asthma. Inhaler technique, pulmonary rehab, cold-weather tips and flare-up "
            "plans are all welcome here. If your breathing is getting worse quickly or your reliever "
            "isn't helping, follow your action plan and get urgent help: don't wait for a reply."
        ),
        "moderators": ["frank_copd"],
        "members": ["luis_g"],
    },
    {
        "slug": "multiple-sclerosis",
        "name": "Multiple Sclerosis",
        "category": "Brain & Nerves",
        "description": (
            "Whether you were diagnosed last week or twenty years ago, this group is for people "
            "living with MS and those close to them. Talk about relapses, fatigue, disease-modifying "
            "treatments, work and family, and the good days too. Everyone's MS is different, so we "
            "share experiences rather than rules."
        ),
        "moderators": ["ingrid_v"],
        "members": ["beth_c"],
    },
    {
        "slug": "chronic-pain",
        "name": "Chronic Pain",
        "category": "Pain & Musculoskeletal",
        "description": (
            "For people living with persistent pain of any kind: fibromyalgia, back pain, arthritis, "
            "nerve pain, or pain without a clear name. We talk about pacing, sleep, work, medicines "
            "and the emotional weight of pain that doesn't go away. Your pain is real here; nobody "
            "needs to prove it."
        ),
        "moderators": ["lindsay_p"],
        "members": ["carol_w", "elaine_b"],
    },
    {
        "slug": "caregivers",
        "name": "Caregivers",
        "category": "Family & Caregiving",
        "description": (
            "For people looking after someone else (a partner, parent, child or friend) through "
            "illness, disability or older age. Caring can be lonely and relentless, and it can also "
            "be full of love. Vent, ask practical questions about appointments and paperwork, and "
            "remember that asking for help for yourself counts too."
        ),
        "moderators": ["elaine_b"],
        "members": ["rosie_m", "tom_h"],
    },
    {
        "slug": PRIVATE_GROUP_SLUG,
        "name": "Living with HIV",
        "category": "Sexual Health",
        "is_private": True,
        "description": (
            "A private, members-only space for people living with HIV. Talk openly about diagnosis, "
            "treatment, disclosure, relationships and everything in between, knowing that only group "
            "members can read what you write here. Requests to join are reviewed by our group "
            "moderators, and what is shared here stays here."
        ),
        "moderators": ["alex_m"],
        "members": [],
    },
]

# People who asked to join the private group and were let in by its moderator.
APPROVED_REQUESTS = [
    ("tariq_h", "Diagnosed earlier this year and I don't know anyone else who is positive. "
                "I'd like somewhere to ask questions without explaining myself."),
    ("jordan_b", "My clinic's peer support worker suggested this group. Positive since 2019."),
]

# Requests still waiting for a group moderator.
PENDING_REQUESTS = [
    ("lena_j", "My partner was diagnosed last month and I want to understand how to support "
               "him. Is this group open to partners too?"),
    ("mark_b", "Recently diagnosed, starting treatment next week. I'd really like to talk to "
               "people who have been through the first few months."),
]

# --------------------------------------------------------------------------
# People. Usernames look like ones people pick; not everyone fills in a
# display name or bio.
# --------------------------------------------------------------------------
USERS = [
    {"username": ADMIN_USERNAME, "role": "admin", "display_name": "Askwell Team",
     "bio": "The Askwell site account. We keep the lights on and the servers patched. We are not "
            "clinicians, so medical questions belong in the groups."},
    {"username": MODERATOR_USERNAME, "role": "moderator", "display_name": "Maria Alvarez",
     "bio": "Site moderator. Former hospice volunteer and my dad's carer for six years. I'm here to "
            "keep things kind and safe: if something needs a look, flag it or message me."},
    {"username": "dr_okafor", "role": "expert", "display_name": "Dr Chidi Okafor",
     "bio": "Consultant haematologist, MD, MRCP, FRCPath, 15 years in practice, mostly in lymphoma "
            "and leukaemia clinics. I share general information here; I can't advise on anyone's "
            "individual care, and your own team always knows your case best."},
    {"username": "nurse_lee", "role": "expert", "display_name": "Grace Lee, RN",
     "bio": "Clinical nurse specialist, RN, MSc, 12 years in diabetes and cardiac rehabilitation. "
            "I answer general questions in my spare time; nothing I write replaces a conversation "
            "with your own nurse or doctor."},
    {"username": "pharm_patel", "role": "expert", "display_name": "Anil Patel, PharmD",
     "bio": "Community pharmacist, PharmD, 10 years in practice, with a special interest in "
            "medicines for long-term conditions and inhaler technique. General information only: "
            "please check anything about your own medicines with your pharmacist or prescriber."},
    {"username": MEMBER_USERNAME, "display_name": "Sam K",
     "bio": "Type 2 since 2021. Learning to cook all over again, one experiment at a time."},
    {"username": "kwame_a", "display_name": "Kwame Asante",
     "bio": "Type 2 since 2016, HbA1c back in range since 2019. I moderate the Type 2 Diabetes "
            "group. Ask me about walking clubs."},
    {"username": "bob_mcd", "display_name": "Bob", "bio": ""},
    {"username": "marcus_t", "display_name": "Marcus T",
     "bio": "CLL, watch and wait since 2022. Retired science teacher and keen birdwatcher. "
            "Moderator in Leukemia & Lymphoma."},
    {"username": "annie_k", "display_name": "Annie",
     "bio": "DLBCL, six rounds of R-CHOP finished this spring. Slowly getting my energy back."},
    {"username": "luis_g", "display_name": "Luis G.",
     "bio": "Dad to Mateo (9), who is in maintenance treatment for ALL. One week at a time."},
    {"username": "nora_h", "display_name": "", "bio": ""},
    {"username": "dani_f", "display_name": "Dani Fraser",
     "bio": "Ten years on from a stage 2 diagnosis. I moderate Breast Cancer and remember how "
            "overwhelming the first weeks are, so come and say hello."},
    {"username": "jen_r_walks", "display_name": "Jen R",
     "bio": "Finished chemo and radiotherapy last year. Now on hormone therapy and walking 5k most "
            "mornings, rain or shine."},
    {"username": "mei_l", "display_name": "Mei", "bio": "Newly diagnosed, still learning the vocabulary."},
    {"username": "carol_w", "display_name": "Carol W",
     "bio": "Living with secondary breast cancer since 2021. Grandmother, crossword addict, "
            "stubborn optimist."},
    {"username": "tom_h", "display_name": "Tom Hendry",
     "bio": "Heart attack at 52, one stent, cardiac rehab graduate. Group moderator for Heart Health."},
    {"username": "raj_s", "display_name": "Raj",
     "bio": "Atrial fibrillation since 2020. Software tester and weekend cricketer."},
    {"username": "ruth_e", "display_name": "Ruth E", "bio": "Wife of a heart failure warrior. Tea enthusiast."},
    {"username": "kate_s", "display_name": "Kate",
     "bio": "Living with recurrent depression for most of my adult life. Things can get better. "
            "I help moderate Anxiety & Depression."},
    {"username": "priya.n", "display_name": "Priya N", "bio": "Generalised anxiety. PhD student. I make a lot of lists."},
    {"username": "ollie_d", "display_name": "", "bio": ""},
    {"username": "zoe_q", "display_name": "Zoe", "bio": "Panic disorder, halfway through CBT. Cat person."},
    {"username": "frank_copd", "display_name": "Frank",
     "bio": "COPD, ex-smoker (quit 2015!). Pulmonary rehab convert. Moderator for Asthma & COPD."},
    {"username": "rosie_m", "display_name": "Rosie M",
     "bio": "Mum of two; my eldest has asthma and so do I, mildly."},
    {"username": "yusuf_o", "display_name": "Yusuf", "bio": "Adult-onset asthma at 34. Commuter cyclist."},
    {"username": "ingrid_v", "display_name": "Ingrid V",
     "bio": "Relapsing-remitting MS since 2009. Moderator for Multiple Sclerosis. Gardening, slowly."},
    {"username": "dave_ms", "display_name": "Dave",
     "bio": "Diagnosed with RRMS in 2019. Dad of three, part-time accountant."},
    {"username": "hannah_w", "display_name": "Hannah W", "bio": "Just diagnosed. Scared, but here."},
    {"username": "lindsay_p", "display_name": "Lindsay P",
     "bio": "Fibromyalgia since 2014. Pacing evangelist. I moderate the Chronic Pain group."},
    {"username": "gwen_t", "display_name": "Gwen",
     "bio": "Lower back pain since a disc injury. Retired school librarian, slower gardener."},
    {"username": "pete_w", "display_name": "Pete W",
     "bio": "Knee osteoarthritis, type 2 diabetes, two grandkids and one very old dog."},
    {"username": "elaine_b", "display_name": "Elaine B",
     "bio": "Caring for my husband Ron, who has Alzheimer's. Moderator for Caregivers."},
    {"username": "beth_c", "display_name": "Beth",
     "bio": "Looking after my mum, who has Parkinson's, while working full time."},
    {"username": "alex_m", "display_name": "Alex M",
     "bio": "Positive since 2011, undetectable since 2012. Peer supporter."},
    {"username": "chris_p", "display_name": "Chris", "bio": ""},
    {"username": "tariq_h", "display_name": "Tariq", "bio": ""},
    {"username": "jordan_b", "display_name": "", "bio": ""},
    {"username": "lena_j", "display_name": "Lena", "bio": ""},
    {"username": "mark_b", "display_name": "", "bio": ""},
]

# --------------------------------------------------------------------------
# Conversations.
# --------------------------------------------------------------------------
THREADS = [
    # ---------------------------------------------------------------- Leukemia & Lymphoma
    {
        "group": "leukemia-lymphoma",
        "author": "marcus_t",
        "kind": "question",
        "title": "Watch and wait for CLL: how do you stop checking your blood results every day?",
        "body": """Two years into watch and wait with CLL. My lymphocyte count has crept up at the last
            three appointments (nothing dramatic, according to my consultant) but I've caught myself
            refreshing the patient portal most mornings as if the numbers might change overnight.

            Logically I know the plan is to keep watching. Emotionally, "watch" seems to mean *I* do the
            watching, all day, every day.

            For those of you on watch and wait:

            - How often are your bloods done?
            - Did you ever turn the portal notifications off?
            - What do you do with the worry in between?""",
        "replies": [
            ("annie_k", """Different blood cancer, same portal habit. What helped me was agreeing with my
                partner that I only open results *with* him, on Sunday evenings. It sounds silly but it
                turned a daily itch into a weekly appointment."""),
            ("dr_okafor", """A very common experience, and a fair question to put to your team directly.

                Speaking generally: in CLL, decisions about starting treatment are usually based on the
                overall picture over time (symptoms, how quickly counts are changing, blood counts
                other than lymphocytes, lymph node size) rather than on any single result. One
                number going up a little is rarely the whole story.

                Things some patients find useful to ask their haematologist:

                1. Which changes would actually prompt you to act?
                2. How will I hear about a result that matters, and from whom?
                3. Which symptoms should make me call before my next appointment?

                Once you know what the team is watching for, it can be easier to let them do the
                watching. Your own consultant can put your specific numbers in context far better
                than anyone here can."""),
            ("nora_h", """I turned the notifications off after a bad weekend of googling. I still look,
                but I choose when. Also: birdwatching sounds like the perfect antidote, Marcus. Hard to
                refresh a portal with binoculars in your hands."""),
            ("marcus_t", """Thank you all. I've written Dr Okafor's three questions on the back of my
                appointment letter for next month. And Sunday evenings with a cup of tea sounds far
                more civilised than 6am with my phone."""),
        ],
    },
    {
        "group": "leukemia-lymphoma",
        "author": "annie_k",
        "kind": "discussion",
        "title": "Finished R-CHOP six weeks ago and the fatigue is nothing like I expected",
        "body": """Everyone warned me about the fatigue *during* chemo. Nobody really mentioned that it
            might hang around afterwards. I finished my sixth cycle six weeks ago, the scan was clear
            (still can't quite believe I'm typing that) and yet a trip to the supermarket flattens me
            for the afternoon.

            I'm not after a fix, really. I'd just like to hear how long it took other people to feel
            like themselves again, and what the in-between looked like.""",
        "replies": [
            ("jen_r_walks", """Breast cancer rather than lymphoma, but same boat. For me it was about
                **six months** before I stopped planning my week around naps, and closer to a year before
                I felt properly myself. The improvement was so gradual I only noticed it looking back.

                Congratulations on the clear scan. Let that sink in."""),
            ("marcus_t", """Congratulations, Annie! My wife had R-CHOP years ago and said the turning
                point was when she stopped trying to get back to her old routine in one go and built it
                up in small blocks: ten minutes of gardening, then a rest, then ten more."""),
            ("dr_okafor", """Congratulations on finishing treatment. Fatigue that lasts for months
                after chemotherapy is common, and it often improves slowly rather than in one step.

                It is still worth mentioning to your team at your follow-up, because some contributors
                can be checked and treated: anaemia, thyroid function, poor sleep and low mood among
                them. Many centres also have rehabilitation or "living with and beyond cancer"
                programmes, and there is reasonable evidence that gentle, gradually increased activity
                helps cancer-related fatigue. Your team can tell you what is available locally and what
                pace suits you."""),
            ("annie_k", """This helps more than you know. I'd been quietly worrying I was just being
                lazy. I'll raise it at my follow-up in two weeks and ask about the rehab programme, and
                I'm going to try Marcus's ten-minute blocks in the meantime."""),
        ],
    },
    {
        "group": "leukemia-lymphoma",
        "author": "luis_g",
        "kind": "question",
        "title": "Keeping a 9-year-old on ALL maintenance feeling like a normal kid?",
        "body": """My son Mateo is in the maintenance phase for ALL. The intense part is behind us and
            he's back at school most days, which is wonderful, but I'm finding it hard to judge how much
            "normal" to allow: birthday parties, football practice, sleepovers.

            His team has given us clear guidance on fevers and infections, and we follow it. What I'm
            asking is more the parenting side. How did other families balance keeping their child safe
            with letting them just be a kid?""",
        "replies": [
            ("rosie_m", """Not cancer, but my eldest has had a lot of hospital time with asthma. The thing
                that helped us most was letting him choose *one* normal thing each week that he really
                cared about, and planning around that instead of saying no to everything at once."""),
            ("marcus_t", """Retired teacher hat on: talk to the school if you haven't already. A good
                school will let you know about chickenpox or measles cases in the class quickly, which
                takes a lot of the guesswork out of the week."""),
            ("dr_okafor", """Paediatric oncology teams usually have people whose whole job is this
                question: clinical nurse specialists, play specialists, and often a school liaison
                nurse. It is well worth asking yours what they suggest for parties, sport and
                sleepovers in Mateo's particular situation, since the advice depends on his blood
                counts and treatment at the time.

                In general, most teams encourage children to keep up school and friendships during
                maintenance where possible, because that matters for their wellbeing too."""),
            ("luis_g", """Thank you. We asked the CNS at clinic yesterday and she was brilliant: football
                is fine, and we have a plan for sleepovers. Mateo has chosen his one normal thing for
                this week. It's a trip to the climbing wall, naturally."""),
        ],
    },
    {
        "group": "leukemia-lymphoma",
        "author": "nora_h",
        "kind": "question",
        "title": "What should I ask at my first haematology appointment after diagnosis?",
        "body": """I was told last week it's lymphoma. The biopsy result is still being finalised and I
            meet the haematologist on Monday. I know I'll freeze and forget everything, so I want to go
            in with a list. What do you wish you'd asked at the start?""",
        "replies": [
            ("marcus_t", """The ones I'm glad I asked:

                - What type and subtype is it, exactly? (Write it down, spelling and all.)
                - What is the aim of treatment?
                - Who do I call out of hours, and what counts as urgent?

                And take someone with you if you can, even if they just sit there and write."""),
            ("dr_okafor", """Marcus's list is excellent. A few more that patients often find helpful:

                1. What stage is it, and what further tests are needed?
                2. What are the treatment options, and what would you recommend for me, and why?
                3. What are the common and the serious side effects?
                4. Will treatment affect fertility, and can we talk about that before starting?
                5. Is there a clinical trial I might be eligible for?
                6. Who is my key contact, usually a clinical nurse specialist?

                It is fine to ask the team to repeat things or to write them down. Good clinicians
                expect it."""),
            ("annie_k", """Ask if you can record the conversation on your phone. Mine said yes straight
                away and I listened back three times that week."""),
            ("nora_h", """Printed, folded, in my bag. Thank you all. I'll let you know how Monday
                goes."""),
        ],
    },
    {
        "group": "leukemia-lymphoma",
        "author": "nora_h",
        "kind": "question",
        "title": "PICC line or port? Trying to decide before treatment starts",
        "body": """I start treatment for Hodgkin lymphoma in three weeks and the team has asked whether
            I'd prefer a PICC line or a port. They said either would work for my regimen. I honestly
            don't know what I'm choosing between.

            If you've had one or both, what was daily life like? Showering, sleeping, exercise,
            anything you wish you'd known.""",
        "edit": {
            "body": """I start treatment for Hodgkin lymphoma in three weeks and the team has asked whether
                I'd prefer a PICC line or a port. They said either would work for my regimen. I honestly
                don't know what I'm choosing between.

                If you've had one or both, what was daily life like? Showering, sleeping, exercise,
                anything you wish you'd known.

                **Update:** I went with the port, mostly because of swimming. Fitted on Tuesday, a bit
                sore for a few days and now I barely notice it. Thank you, everyone.""",
        },
        "replies": [
            ("annie_k", """I had a port and loved it. Once it healed I could shower and swim normally,
                and there was nothing to cover up or flush at home. The downside is that it's a small
                procedure to put in and take out."""),
            ("dr_okafor", """Both are good options, and the right choice depends on things your team is
                best placed to weigh: how long treatment is expected to last, the drugs involved, the
                state of your veins and local practice.

                Very broadly, a PICC sits in the arm with a line outside the skin, so it needs a cover
                for showering and regular care; a port sits under the skin and needs little day-to-day
                attention once healed. It is completely reasonable to ask your nurses to show you
                both."""),
            ("luis_g", """Mateo has a port. The numbing cream before it's accessed made a huge difference
                for him. Ask about that if needles bother you."""),
            ("nora_h", """This is exactly what I needed. I swim three times a week, so I'm leaning port.
                Will update."""),
        ],
    },
    {
        "group": "leukemia-lymphoma",
        "author": "marcus_t",
        "kind": "discussion",
        "title": "Small things that make haematology clinic days easier",
        "body": """Clinic days can be long (bloods, wait, consultant, wait, pharmacy) so I thought we
            could pool the little things that help. Mine:

            - A **proper flask of tea**, not the machine stuff
            - My appointment questions written down, with the most important one *first*
            - A bird book, obviously
            - Phone charger and a long cable, because the only socket is always behind a chair

            What's in your bag?""",
        "replies": [
            ("annie_k", """Warm socks and a cardigan. Day units are always either freezing or
                tropical, never in between."""),
            ("nora_h", """A notebook where I write down *what they said*, not just what I asked. My
                memory after a clinic appointment is like a sieve."""),
            ("luis_g", """For Mateo: the tablet, fully charged, headphones, and a snack that isn't from
                the vending machine. For me: a list of which medicines are due when, because someone
                always asks."""),
            ("jen_r_walks", """Lip balm! The air in hospitals is so dry. And a bag of fruit pastilles
                to share with whoever is sitting next to you. Best conversations I had during treatment
                started that way."""),
            ("marcus_t", """Fruit pastille diplomacy. I'm adopting that."""),
        ],
    },
    {
        "group": "leukemia-lymphoma",
        "author": "annie_k",
        "kind": "question",
        "title": "Is it normal to feel worse emotionally after treatment ends than during it?",
        "body": """This is a strange one to admit. During treatment I had a routine, a team who saw me
            every week, and a clear job: get through the next cycle. Now I'm "done", everyone around me
            is relieved and celebrating, and I feel flat and oddly frightened. Like I've been let go
            of.

            Did anyone else feel this? Does it pass?""",
        "replies": [
            ("dani_f", """Popping over from the breast cancer group because this is so familiar. A lot
                of us call it the **end-of-treatment cliff**. For months you're held by a system, and
                then the appointments stop and you're expected to bounce back. It's very normal, and
                for me it did ease, slowly, once I found people who got it."""),
            ("kate_s", """Yes to everything Dani said. Please also be kind to yourself if the flatness
                hangs around or gets heavier. Talking to someone about it isn't an overreaction: it's
                looking after the part of you that has been through the most."""),
            ("dr_okafor", """This is very common, and worth saying out loud to your team. Many
                people find the weeks and months after treatment harder emotionally than treatment
                itself, for exactly the reasons you describe.

                Your clinical nurse specialist or GP can point you to psychological support, and many
                cancer centres and charities run end-of-treatment courses and support groups. If low
                mood persists for more than a couple of weeks, or you ever feel unsafe, please tell
                your doctor promptly."""),
            ("annie_k", """Thank you for not telling me to be grateful. I've emailed my nurse specialist
                about the end-of-treatment course. First session is next Thursday."""),
        ],
    },
    # ---------------------------------------------------------------- Breast Cancer
    {
        "group": "breast-cancer",
        "author": "mei_l",
        "kind": "question",
        "title": "How did you tell your children about your diagnosis?",
        "body": """I was diagnosed ten days ago (stage 1, HER2-negative, surgery booked for next month).
            My husband and I haven't told our kids yet. They're 7 and 11. The 11-year-old already knows
            something is up because she's heard me on the phone.

            How did you do it? What words did you use? I keep rehearsing and crying before I get to
            the end of the first sentence.""",
        "replies": [
            ("dani_f", """Oh Mei, this is one of the hardest bits. What worked for us with similar ages:

                - Use the real word, **cancer**, so they don't hear it somewhere else first
                - Tell them what will actually change for them: who does the school run, that you'll be
                  tired
                - Tell them it's not catching and nothing they did caused it
                - Let them know they can ask anything, any time, and that "I don't know yet" is an
                  allowed answer

                And it's fine to cry in front of them. Mine were oddly reassured to see that grown-ups
                have feelings about big things too."""),
            ("rosie_m", """Your 11-year-old will be so relieved to know what the phone calls were about.
                Kids fill silences with things much scarier than the truth."""),
            ("jen_r_walks", """Ask your breast care nurse too: ours had a little stack of children's books
                and a leaflet for the school. My son's teacher was wonderful once she knew."""),
            ("mei_l", """We told them on Saturday, using Dani's list almost word for word. My youngest
                asked if I'd still be able to come to sports day. My eldest hugged me for a long time and
                then asked what was for dinner. I think we're OK."""),
            ("dani_f", """That sounds like it went about as well as it possibly could. Sports day AND
                dinner. Priorities in order."""),
        ],
    },
    {
        "group": "breast-cancer",
        "author": "jen_r_walks",
        "kind": "question",
        "title": "Joint aches on hormone therapy: what actually helped you?",
        "body": """Four months into an aromatase inhibitor and my hands and knees ache every morning like
            I've aged twenty years overnight. It eases after I get moving but the first hour is rough.

            I'm not looking to stop the tablets. I know why I'm taking them. But I'd love to hear
            what has made the aches more bearable for others.""",
        "replies": [
            ("dani_f", """Movement, for me too. I started a gentle yoga class and a morning walk and
                the stiffness was noticeably better within a few weeks. Warm shower first thing helps
                as well."""),
            ("pharm_patel", """Joint pain and stiffness are among the most common side effects of
                aromatase inhibitors, so you are far from alone, and it's good that you're not planning
                to stop on your own.

                A few general points worth discussing with your oncology team:

                - Regular exercise has some of the best evidence for easing these aches.
                - If symptoms are troublesome, teams sometimes suggest simple pain relief, or in some
                  cases switching to a different hormone therapy. That decision is theirs to make with
                  you.
                - Please check with your pharmacist or prescriber **before** starting supplements or
                  herbal remedies, as some can interact with cancer treatments.

                Do mention it at your next review rather than putting up with it in silence."""),
            ("gwen_t", """From the chronic pain group: a heat pack on my hands while I have my first cup
                of tea has become a ritual. Ten minutes and my fingers work."""),
            ("jen_r_walks", """Thank you. I'd been quietly worrying that mentioning it would make them
                want to change things. I've added it to my list for the next review, and I've signed up
                for a Tuesday yoga class."""),
        ],
    },
    {
        "group": "breast-cancer",
        "author": "carol_w",
        "kind": "question",
        "title": "Arm feels heavy and tight months after lymph node surgery: worth getting checked?",
        "body": """I had some lymph nodes removed about eight months ago. For the past couple of weeks
            my arm on that side has felt heavy by the evening, and my watch strap is leaving a deeper
            mark than usual. No redness or heat.

            Is this the lymphoedema I was warned about? Who do I even ask: GP, surgeon, breast care
            nurse?""",
        "replies": [
            ("dani_f", """Please do get it looked at, and don't wait for your next routine appointment.
                Your breast care nurse is usually the quickest route; many can refer you directly to a
                lymphoedema clinic. Mine was picked up early and a well-fitted sleeve made a big
                difference."""),
            ("nurse_lee", """Heaviness and tightness, and jewellery or watches feeling tighter, are
                among the early signs people describe, so it is very sensible to get it checked.
                Early assessment generally makes lymphoedema easier to manage.

                Your breast care nurse or GP can examine the arm and refer you to a specialist
                lymphoedema service if needed. In the meantime, the usual general advice is to look
                after the skin on that arm.

                Please seek help the same day if the arm becomes **red, hot or painful**, or you feel
                feverish or unwell, as that can mean an infection that needs prompt treatment."""),
            ("carol_w", """Rang the breast care nurses this morning and they're seeing me on Thursday. Thank
                you both for the push. I'd have quietly put up with it otherwise."""),
        ],
    },
    {
        "group": "breast-cancer",
        "author": "mei_l",
        "kind": "question",
        "title": "Lumpectomy next week: what should I pack and prepare at home?",
        "body": """My lumpectomy and sentinel node biopsy are next Wednesday, day surgery. What did you
            find useful on the day and in the first week at home? Practical things, please: I cope
            better with lists than with feelings right now.""",
        "replies": [
            ("dani_f", """A list, as requested:

                - Front-fastening, soft, non-wired bras (two or three)
                - Button-up or zip-up tops, since lifting your arm may be uncomfortable for a bit
                - A small cushion for between the seatbelt and your chest on the drive home
                - Ready meals in the freezer
                - Your arm exercises leaflet somewhere you'll see it every day"""),
            ("jen_r_walks", """Add: a long phone charger, lip balm, and someone on standby to do the
                school run for a few days. And do the arm exercises! Future you will be grateful."""),
            ("carol_w", """Let people help. The casserole brigade means well, and the freezer is
                your friend. Thinking of you on Wednesday."""),
            ("mei_l", """Thank you. Front-fastening bras ordered, cushion found, freezer full of my
                mother-in-law's dumplings. I think I'm ready, or as ready as anyone is."""),
        ],
    },
    {
        "group": "breast-cancer",
        "author": "dani_f",
        "kind": "discussion",
        "title": "Ten years since my diagnosis today: what I wish I'd known at the start",
        "body": """Ten years ago today I sat in a small room with a box of tissues on the table and
            heard the word. I'm still here, and I'm mostly well. Some things I wish someone had told me
            that day:

            1. **You don't have to be brave all the time.** Brave is a Tuesday thing, not an every-day
               thing.
            2. The waiting is often worse than the treatment.
            3. You'll get advice from everyone. You're allowed to nod and ignore most of it.
            4. The people who show up may surprise you, both ways.
            5. Life after treatment is a different life, not a lesser one.

            > "You are allowed to be both a masterpiece and a work in progress simultaneously."

            A friend sent me that quote in year one and it's been on my fridge ever since.

            What would you add?""",
        "replies": [
            ("jen_r_walks", """Happy cancerversary, Dani! I'd add: **ask for the thing you need**, even
                if it feels small. I asked for a morning appointment slot so I could walk first, and
                they just... gave it to me."""),
            {"author": "annie_k", "deleted": True,
             "body": """Oops, I meant to post this in the lymphoma group. Ignore me!"""},
            ("mei_l", """Surgery went well and I'm reading this from the sofa. Number 2 is so true. The
                waiting for results was the worst week of my life. Congratulations on ten years."""),
            ("carol_w", """I'd add, for those of us with secondary diagnoses: you can still have a
                good life, it just comes with more scans. Congratulations, Dani. Your posts were the
                first ones I read here."""),
            ("mod_maria", """Congratulations, Dani, and thank you for everything you do in this group.
                Pinning your list to my own fridge."""),
        ],
    },
    {
        "group": "breast-cancer",
        "author": "jen_r_walks",
        "kind": "question",
        "title": "Scanxiety before my annual mammogram: how do you cope?",
        "body": """My first annual mammogram since finishing treatment is on Friday. I've been fine for
            months and suddenly this week I can't sleep, I'm snappy with everyone, and every twinge
            feels like a sign.

            How do you get through the days before a scan, and the days waiting for the letter?""",
        "replies": [
            ("dani_f", """Ten years in and I still feel it. What helps me: book something nice for the
                afternoon of the scan, and tell my family in advance that I'll be a bit rubbish that
                week so nobody takes it personally."""),
            ("priya.n", """From the anxiety group: when my mind starts spiralling I do box breathing.
                In for four, hold for four, out for four, hold for four. It doesn't fix the worry, but
                it gets me back into my body long enough to fall asleep."""),
            ("marcus_t", """On watch and wait I've had a lot of these weeks. I ask the clinic up front
                how and when results will come, so I'm not jumping every time the post arrives."""),
            ("jen_r_walks", """Letter came this morning: all clear. Thank you for keeping me company
                this week. The box breathing genuinely helped on Thursday night."""),
        ],
    },
    {
        "group": "breast-cancer",
        "author": "carol_w",
        "kind": "discussion",
        "title": "Living with secondary breast cancer: this group is for us too",
        "body": """I've noticed most conversations here are about getting through treatment and out the
            other side, which is wonderful and how it should be. But for those of us with secondary
            (metastatic) breast cancer, treatment is ongoing and "the other side" looks different.

            So this is a thread for us. How are you doing? What does a good week look like for you?
            Mine: crossword finished by Wednesday, a walk by the river, and my granddaughter's
            swimming lesson.""",
        "replies": [
            ("dani_f", """Thank you for starting this, Carol. You're right that we can lean too far
                towards "finish line" language here. This thread is very welcome, and I'll link to it
                from the group guidelines."""),
            ("mei_l", """I'm earlier on, but I love reading about your good weeks. It helps me to see
                that life keeps being life."""),
            ("mod_maria", """Seconding Dani. If anyone with secondary breast cancer would like a
                dedicated group, message me. We can set one up if there's interest."""),
            ("carol_w", """This is lovely, thank you. For the record: crossword done by Tuesday this
                week. Personal best."""),
        ],
    },
