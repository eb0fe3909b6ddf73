"""The demo community as plain data: groups, people and their conversations.

Nothing here touches the database; ``forum.demo.seed`` turns it into rows
through the ordinary actions. Post bodies are Markdown written as indented,
hard-wrapped triple-quoted strings; the seeder dedents them and joins the
wrapped lines back into paragraphs.

Threads list their replies in order. A reply is ``(username, body)``, or a
dict with ``author`` and ``body`` plus ``deleted: True`` (its author removed
it) or ``edit`` (text that replaces the body a little later). A thread may
carry ``edit`` too (a new ``body`` for the opening post and/or a new
``title``), ``pinned: True`` and ``ask_expert: True`` (the asker ticked "Ask an
expert"; see also ``forum.demo.qa_content``).

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

# The accounts worth logging in as, in the order the CLI and README list them.
DEMO_LOGINS = (
    ("Admin", ADMIN_USERNAME),
    ("Site moderator", MODERATOR_USERNAME),
    ("Expert: haematologist", "dr_okafor"),
    ("Expert: nurse specialist", "nurse_lee"),
    ("Expert: pharmacist", "pharm_patel"),
    ("Member", MEMBER_USERNAME),
    ("Private group moderator", "alex_m"),
)

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
        "members": ["hannah_w", "beth_c", "annie_k", MEMBER_USERNAME],
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
        "allows_anonymous": True,  # members may post "as an anonymous member"
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
     "bio": "Clinical nurse specialist, RN, MSc, 12 years in practice in diabetes and cardiac "
            "rehabilitation. I answer general questions in my spare time; nothing I write replaces "
            "a conversation with your own nurse or doctor."},
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
    {"username": "nik_v", "display_name": "Nik",
     "bio": "Stent fitted this year after a scare on a hill climb. Back on the bike, carefully."},
    {"username": "ruth_e", "display_name": "Ruth E",
     "bio": "Wife of a heart failure warrior. Tea enthusiast."},
    {"username": "kate_s", "display_name": "Kate",
     "bio": "Living with recurrent depression for most of my adult life. Things can get better. "
            "I help moderate Anxiety & Depression."},
    {"username": "priya.n", "display_name": "Priya N",
     "bio": "Generalised anxiety. PhD student. I make a lot of lists."},
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
    {
        "group": "leukemia-lymphoma",
        "author": "kate_s",
        "kind": "question",
        "ask_expert": True,
        "title": "Routine blood test says my neutrophils are slightly low. Should I be worried?",
        "body": """My GP did bloods for something unrelated (tiredness, which turned out to be iron) and
            the report says neutrophils 1.6, flagged as low. She wants to repeat it in six weeks and
            didn't seem concerned, but I've read enough in this group to know that blood counts can
            mean a lot of things.

            Is a slightly low neutrophil count common in otherwise well people? Is there anything I
            should do, or avoid, while I wait for the repeat test? I've ticked "Ask an expert" in case
            one of our specialists has a moment.""",
        "replies": [
            ("marcus_t", """Waiting six weeks for a repeat feels long when you're the one waiting, I
                know. For what it's worth, my first "abnormal" count years ago was a one-off that
                settled on the repeat. Write down any infections or fevers in the meantime so you have
                something concrete to tell your GP."""),
            ("annie_k", """I was told that some people just run a bit low and it's normal for them,
                and that it can dip after a virus too. Definitely worth asking your GP what would make
                her want to see you sooner than six weeks."""),
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
    # ---------------------------------------------------------------- Type 2 Diabetes
    {
        "group": "type-2-diabetes",
        "author": "bob_mcd",
        "kind": "question",
        "title": "Started metformin two weeks ago and my stomach is not happy. Does it settle?",
        "body": """Diagnosed last month, started on metformin two weeks ago. Since then it's been
            bloating, cramps and, frankly, too many trips to the bathroom. I'm 68 and I don't want to
            make a fuss, but I'm starting to dread taking it.

            Did this settle down for you? How long did it take?""",
        "replies": [
            ("kwame_a", """Welcome, Bob. Mine was rough for about three weeks and then calmed down
                almost completely. Taking it in the middle of a meal rather than before made a real
                difference for me. Later my GP switched me to the slow-release kind, which was better
                again."""),
            ("pharm_patel", """Stomach upset is the most common side effect when starting metformin,
                and for many people it eases over the first few weeks. General things that often help,
                which your prescriber or pharmacist can tailor to you:

                - Taking it **with or straight after food**
                - Starting on a low dose and increasing gradually, if that isn't already the plan
                - A **modified-release** version, which some people tolerate better

                Please don't stop it on your own. Talk to your GP or pharmacist, who can adjust things.
                And do contact them promptly if you have severe or persistent vomiting or diarrhoea, or
                feel very unwell. You are not making a fuss; this is exactly what they're there for."""),
            ("sam_k", """Same here for the first fortnight. Hang in there, and do mention it. My
                pharmacist was really kind about it."""),
            ("nurse_lee", """Adding to Anil's answer from the diabetes clinic side: keep drinking
                plenty while your stomach settles, and if you get a bug with vomiting or diarrhoea,
                ask your practice nurse for "sick day rules" so you know when to pause metformin and
                when to restart. It's worth having that plan written down before you need it."""),
            ("bob_mcd", """Saw the pharmacist yesterday. Taking it with dinner now, and she's asked the
                GP about the slow-release version. Already a bit better. Thanks all."""),
        ],
    },
    {
        "group": "type-2-diabetes",
        "author": MEMBER_USERNAME,
        "kind": "question",
        "title": "HbA1c went from 58 to 49 in four months: real progress or a fluke?",
        "body": """Just got my results back and I had to read them twice. HbA1c **58 → 49 mmol/mol** in
            four months. What I changed:

            - Walking 30 minutes after dinner, most days
            - Swapped my morning cereal for Greek yoghurt and berries
            - Stopped the "just one biscuit" habit (mostly)

            Part of me thinks it must be a lab mistake. Is a drop like that realistic? Should I be
            asking my nurse anything in particular?""",
        "replies": [
            ("kwame_a", """That's real, Sam, and that's you. Congratulations! The after-dinner walk is
                underrated. It was the single biggest change for me too."""),
            ("nurse_lee", """Congratulations, that's a meaningful improvement. Because HbA1c reflects
                your average blood glucose over roughly the previous two to three months, a change like
                this usually reflects a genuine, sustained change rather than a fluke.

                Good questions for your diabetes nurse or GP:

                1. What target is right **for me**? Targets are individual.
                2. Do any of my medicines need reviewing now my levels are lower? This matters
                   particularly if you take anything that can cause hypos.
                3. When should my next check be?

                And keep doing what you're doing. It's clearly working."""),
            ("bob_mcd", """This is encouraging for a newbie like me. Greek yoghurt going on the
                shopping list."""),
            ("sam_k", """Asked the nurse. She was delighted, my target stays as is, and no medicine
                changes for now. Next check in six months. Celebrated with a walk (and no biscuit)."""),
        ],
    },
    {
        "group": "type-2-diabetes",
        "author": "kwame_a",
        "kind": "discussion",
        "title": "Group walking challenge: post your steps this week (any number counts)",
        "body": """Right, friends. It's easy to let the walking shoes gather dust by the door, so
            here's a gentle challenge: post your **total steps for the
            week** here on Sunday, whatever the number. No judgement, no leaderboard, just company.

            If walking isn't your thing or isn't possible, post your movement of choice: swimming,
            chair exercises, dancing in the kitchen. It all counts.

            I'll start: 52,300, mostly the walk to the allotment and back.""",
        "replies": [
            ("sam_k", "41,000! The after-dinner walk is now a family tradition. The dog is thrilled."),
            ("bob_mcd", """18,500. My knees aren't what they were, but that's double what I managed
                last month."""),
            ("pete_w", """Knee says no to long walks, so I did three 20-minute sessions on the
                exercise bike at the leisure centre. Does that count?"""),
            ("kwame_a", "Pete, that absolutely counts. That's the whole point."),
            ("ruth_e", """Not diabetic myself, but I walk with my husband for his heart. 23,000 between
                us, slowly and with a lot of bench stops."""),
            ("sam_k", """Week two: 44,800. Ruth, bench stops are an essential part of any walk."""),
        ],
    },
    {
        "group": "type-2-diabetes",
        "author": "pete_w",
        "kind": "question",
        "title": "Newly diagnosed with type 2, but my knees make walking hard. How do you stay active?",
        "body": """Diagnosed a few weeks ago at 66. Every leaflet says *walk more*, and I would, but
            I've got osteoarthritis in both knees and anything over 15 minutes leaves me limping for a
            day.

            What do people with joint problems do for exercise? I don't want to just give up on the
            activity side of things.""",
        "replies": [
            ("kwame_a", """Swimming and aqua aerobics, Pete. Half our walking club does aqua on
                Thursdays because of knees and hips. Warm water is kind to joints."""),
            ("lindsay_p", """From the chronic pain side: little and often beats one big effort. Ten
                minutes three times a day can be a lot kinder than thirty in one go."""),
            ("nurse_lee", """Welcome, Pete. Good news: activity doesn't have to mean walking, and
                almost any movement helps with blood glucose.

                Options people with knee osteoarthritis often find manageable include swimming,
                cycling or a static bike, and chair-based strength exercises. Strengthening the muscles
                around the knee can help the joint itself too.

                It's worth asking your GP for a **physiotherapy referral** so someone can suggest
                exercises suited to your knees. And since you're newly diagnosed, ask about a
                structured diabetes education course as well, where they're available. They're very
                good."""),
            ("pete_w", """Physio referral requested, and I found an over-60s aqua class on Tuesday
                mornings. My granddaughter thinks it's hilarious."""),
        ],
    },
    {
        "group": "type-2-diabetes",
        "author": "bob_mcd",
        "kind": "question",
        "title": "What are they actually checking in the annual diabetes foot check?",
        "body": """Had my first annual review and the nurse spent a good while on my feet, poking them
            with a little plastic thread and feeling my ankles. She said everything was fine, but I
            was too shy to ask what she was looking for. What is the point of it, and should I be
            doing anything at home?""",
        "replies": [
            ("nurse_lee", """Great question, and never be shy about asking your nurse. Speaking
                generally:

                - The thin plastic filament tests **sensation**. Diabetes can affect the nerves in the
                  feet, so a cut or blister might not be felt.
                - Feeling your ankles and the top of your foot checks your **pulses**, a sign of
                  circulation.
                - They also look at the skin, nails and shape of the foot.

                At home, most foot care advice comes down to checking your feet every day (a mirror
                helps), wearing well-fitting shoes, and contacting your GP or podiatry service
                promptly about any cut, blister or colour change that isn't healing."""),
            ("kwame_a", """The daily check takes thirty seconds once it's a habit. I do mine when I
                take my socks off at night."""),
            ("bob_mcd", """Thank you. That makes a lot more sense than "poking my feet with fishing
                line". Mirror now lives by the bed."""),
        ],
    },
    {
        "group": "type-2-diabetes",
        "author": MEMBER_USERNAME,
        "kind": "discussion",
        "title": "Lower-carb breakfasts that aren't just eggs again",
        "body": """I love eggs. I'm also a bit sick of eggs. What are your go-to breakfasts that keep
            your mornings steady? Bonus points for anything I can make the night before.""",
        "replies": [
            ("kwame_a", """Overnight chia pudding with unsweetened almond milk, a spoon of peanut
                butter and a few raspberries. Make three jars on Sunday night and you're done till
                Wednesday."""),
            {"author": "ruth_e",
             "body": """Cottage cheese on a rye crispbread with tomato and black pepper. Quick and
                surprisingly filling.""",
             "edit": """Cottage cheese on a rye crispbread with tomato and black pepper. Quick and
                surprisingly filling.

                Edit: my husband reminds me to say go easy on the salt if you're watching your blood
                pressure too. The pepper does most of the work anyway."""},
            ("bob_mcd", """Porridge made with half the oats and a handful of nuts stirred in. My wife
                says it's cheating, but my readings say otherwise."""),
            ("tom_h", """Leftover vegetable frittata, cold, straight from the fridge. Technically eggs,
                but disguised."""),
            ("sam_k", """Chia jars are in the fridge. Tom, I see what you did there."""),
        ],
    },
    {
        "group": "type-2-diabetes",
        "author": MEMBER_USERNAME,
        "kind": "discussion",
        "title": "Diabetes burnout is real. How do you get through the weeks you just don't care?",
        "body": """After the high of my HbA1c result I've had a rubbish fortnight. Haven't tested, ate
            whatever was in front of me, skipped the walks. Not dramatically, just... tired of it all.
            Tired of thinking about food every minute of every day.

            Does anyone else get this? How do you climb back out?""",
        "replies": [
            ("kwame_a", """Every year, usually in January. I've learned to pick **one** habit to hold
                on to when everything else slides. For me it's the evening walk. Everything else comes
                back eventually."""),
            ("kate_s", """Popping in from Anxiety & Depression: what you're describing has a name,
                diabetes distress, and it's really common. Being tired of a condition that never takes
                a day off isn't a character flaw."""),
            ("nurse_lee", """Kate's right: diabetes distress is well recognised, and diabetes teams
                take it seriously. It's worth telling your nurse or GP how you're feeling, as they can
                help you set smaller, more manageable goals for a while, and point you to emotional
                support if you'd like it.

                If the low mood goes beyond diabetes, or lasts more than a couple of weeks, please
                mention that too."""),
            ("priya.n", """Lists help me when I'm burnt out. Not goals, just "things I did today".
                Tested once? On the list. It makes the small things visible."""),
            ("sam_k", """Thank you. Went for a walk tonight for the first time in two weeks. Just the
                one habit, as Kwame says. Booked a chat with my nurse too."""),
        ],
    },
    # ---------------------------------------------------------------- Heart Health
    {
        "group": "heart-health",
        "author": "raj_s",
        "kind": "question",
        "title": "AFib episodes after a night of bad sleep: does anyone else notice a pattern?",
        "body": """I've had paroxysmal AF for about three years, well controlled most of the time. I've
            started keeping a diary and there's a pretty clear pattern: my episodes almost always come
            the day after a bad night's sleep (kids, work stress, or a late cricket match followed by
            a curry).

            Has anyone else noticed triggers like this? Did it change anything your cardiologist
            suggested?""",
        "replies": [
            ("tom_h", """Not AF myself, but my brother-in-law has it and swears by cutting back on
                alcohol. His episodes dropped a lot once he stopped the Friday pints."""),
            ("nurse_lee", """Keeping a diary is a really useful thing to do, and well worth taking to
                your next cardiology appointment. Triggers vary a lot between people; alcohol, poor
                sleep, stress and large meals are among those commonly reported.

                Poor sleep can also be a sign of something treatable like **sleep apnoea**, which is
                associated with AF, so do mention snoring or daytime sleepiness if that applies.

                And as a general reminder for anyone reading: chest pain, fainting, or feeling very
                breathless or unwell during an episode needs urgent medical help."""),
            ("raj_s", """Good shout on sleep apnoea. My wife has been complaining about my snoring for
                years. I've booked a GP appointment and I'm bringing the diary."""),
        ],
    },
    {
        "group": "heart-health",
        "author": "nik_v",
        "kind": "question",
        "title": "Had a stent last month. When did you feel confident exercising again?",
        "body": """I used to cycle about 80 km a week. Since the stent I've been nervous to push
            myself at all, and every time my heart rate goes up I wonder if something is wrong. My
            cardiac rehab starts in two weeks.

            How did you get your confidence back?""",
        "replies": [
            ("tom_h", """Cardiac rehab is where I got it back, honestly. Having staff watching while I
                worked a bit harder than I dared on my own made all the difference. By the end I
                trusted my heart again. Go to every session."""),
            ("nurse_lee", """That nervousness is extremely common after a heart event, and cardiac
                rehab is designed for exactly this: supervised exercise that builds up gradually,
                plus education on what's normal and what isn't.

                Until it starts, please follow the specific advice from your own cardiology team about
                activity levels. At rehab, ask them to help you set targets for getting back on the
                bike safely. Many people return to the activities they love."""),
            ("raj_s", """Fellow cyclist here. Give yourself time. Your first ride back will feel like a
                victory lap even if it's 5 km."""),
            ("nik_v", """Rehab week three: I'm on the static bike with a heart monitor and a very
                encouraging physio. Feeling much more like myself."""),
        ],
    },
    {
        "group": "heart-health",
        "author": "ruth_e",
        "kind": "question",
        "title": "Husband has heart failure: tips for keeping track of daily weight?",
        "body": """My husband Geoff was diagnosed with heart failure in the summer. The team asked us to
            weigh him every day and note it down, but our records are a mess: different times,
            sometimes with clothes on, sometimes forgotten entirely.

            How do other people keep it consistent? And does anyone use an app?""",
        "replies": [
            ("nurse_lee", """Daily weights are one of the most useful things you can do at home, so
                it's worth getting a routine. The usual general advice:

                - Same time each morning, **after using the toilet and before breakfast**
                - Same scales, on a hard floor, in similar clothing (or none)
                - Write it down straight away, in the same place

                Heart failure teams usually give each patient a specific amount of weight gain over a
                few days that should prompt a call, along with other symptoms to watch for. If you
                don't have Geoff's numbers written down, ask his heart failure nurse for them."""),
            ("tom_h", """We keep a notebook and a pen tied to the bathroom scales. Low tech, but nobody
                can lose it."""),
            ("elaine_b", """A whiteboard on the fridge worked for us for Ron's medicines. Could work
                for weights too. And you're doing a wonderful job."""),
            ("ruth_e", """Scales now live in the bathroom with a notebook on a string, thanks Tom.
                Geoff's nurse gave us his numbers and we've stuck them to the mirror."""),
        ],
    },
    {
        "group": "heart-health",
        "author": "raj_s",
        "kind": "question",
        "title": "On an anticoagulant and seeing the dentist next week: what should I tell them?",
        "body": """I've got a dental appointment next week for a filling, possibly an extraction. I'm on
            an anticoagulant for my AF. Do I need to stop it beforehand? My dentist's receptionist
            didn't seem to know.""",
        "replies": [
            ("pharm_patel", """Please **don't stop your anticoagulant yourself**. That decision should
                be made with your dentist and, if needed, your prescriber, because stopping can raise
                your stroke risk.

                In general:

                - Tell the dentist about the anticoagulant (name and dose) well before the
                  appointment, not on the day.
                - Many routine procedures can go ahead without stopping; the dentist may use extra
                  local measures to control bleeding.
                - For extractions, some teams adjust the timing of doses, but only on specific advice.

                Taking your up-to-date medicines list along is always a good idea."""),
            ("tom_h", """I take a list of my medicines to every appointment, folded in my wallet. The
                dentist photocopied it last time."""),
            ("raj_s", """Called the dental practice and spoke to the dentist directly. She's happy to go
                ahead without me stopping anything and has made a note. Thanks."""),
        ],
    },
    {
        "group": "heart-health",
        "author": "tom_h",
        "kind": "discussion",
        "title": "One year since my heart attack: what cardiac rehab taught me",
        "body": """A year ago today I was in the back of an ambulance thinking *this can't be it, I
            haven't even cleared out the garage*. I'm still here and the garage is still full.

            A few things I've learned:

            - **Go to rehab.** All of it. Even the talks you think you don't need.
            - The fear is normal and it does fade, mostly.
            - Take your tablets. Set a reminder, put them by the kettle, whatever works.
            - Tell people how you're feeling. The heart is a muscle; the head needs looking after
              too.

            What has your recovery taught you?""",
        "replies": [
            ("raj_s", """Happy heart-iversary, Tom! Mine: **listen to your body**, but don't let the
                fear do the listening."""),
            ("nik_v", """This is so timely. I'm a month in and everything you said about fear is
                exactly where I am. Thank you."""),
            ("ruth_e", """From the other side of the bed: partners need support too. It took me six
                months to admit I was scared every time Geoff went quiet."""),
            ("nurse_lee", """Congratulations, Tom, and what a helpful list. Ruth makes an important
                point: most rehab programmes welcome partners to the education sessions, and it's worth
                asking about."""),
            ("tom_h", """Thank you all. Ruth, that's so true. My wife said the same. And Nik, DM me
                any time."""),
        ],
    },
    {
        "group": "heart-health",
        "author": "ruth_e",
        "kind": "discussion",
        "title": "Low-salt cooking that my husband will actually eat",
        "body": """Geoff's been asked to cut down on salt and frankly he's sulking. Everything "tastes of
            nothing". I'm doing my best with herbs, but I'd love your recipes and tricks.""",
        "replies": [
            ("sam_k", """Lemon zest, garlic and smoked paprika on roast vegetables. My diabetes nurse
                put me onto lower-salt cooking too and I genuinely don't miss it now."""),
            ("tom_h", """It takes a few weeks for your taste to adjust. After a month I found
                takeaways almost too salty to eat. Tell Geoff to hang in there."""),
            ("kwame_a", """Homemade stock instead of cubes, and a squeeze of lime on almost everything.
                Also: check bread and breakfast cereals. They're sneaky."""),
            ("ruth_e", """The smoked paprika potatoes were a hit. He asked for seconds and then
                pretended he hadn't."""),
        ],
    },
    # ---------------------------------------------------------------- Anxiety & Depression
    {
        "group": "anxiety-depression",
        "author": "zoe_q",
        "kind": "question",
        "title": "Panic attacks on the train to work: grounding tricks that actually help?",
        "body": """Three panic attacks on the commuter train this month. Always between the same two
            stations, where there's a long tunnel. Heart racing, hands tingling, absolutely convinced
            I need to get off *right now*.

            I'm doing CBT and my therapist and I are working on it, but I'd love to hear what gets
            you through in the moment.""",
        "replies": [
            ("priya.n", """5-4-3-2-1 is my go-to. Name five things you can see, four you can touch,
                three you can hear, two you can smell, one you can taste. By the time I'm hunting for
                something to smell I'm usually back in the carriage, mentally."""),
            ("kate_s", """Something cold in your hand. I carry a can of fizzy water. Holding it and
                focusing on the cold really interrupts the spiral for me. And please be proud of
                yourself for getting on the train at all."""),
            ("ollie_d", """I put on the same podcast episode every time. Knowing every word means my
                brain has something safe to follow through the tunnel bit."""),
            ("zoe_q", """These are brilliant, thank you. I tried the cold can this morning and made it
                through the tunnel. My therapist was delighted."""),
        ],
    },
    {
        "group": "anxiety-depression",
        "author": "ollie_d",
        "kind": "question",
        "title": "First GP appointment about low mood on Tuesday. What do I even say?",
        "body": """I've been feeling low for months. Not sleeping, can't be bothered with things I used to
            love, dragging myself through work. I finally booked a GP appointment for Tuesday and I'm
            already dreading it. I'll probably say "I'm fine really" the moment I sit down.

            What did you say at your first appointment?""",
        "edit": {
            "body": """I've been feeling low for months. Not sleeping, can't be bothered with things I
                used to love, dragging myself through work. I finally booked a GP appointment for
                Tuesday and I'm already dreading it. I'll probably say "I'm fine really" the moment I
                sit down.

                What did you say at your first appointment?

                **Edit, Tuesday evening:** I went. I read from my phone like Kate suggested and the GP
                was kind and didn't rush me. I've been referred for talking therapy and I'm seeing her
                again in two weeks. Thank you all so much.""",
        },
        "replies": [
            ("kate_s", """Booking it is the hardest step and you've done it. What helped me: I **wrote
                it down** and read it out, or just handed it over. Something like:

                > I've been feeling low for about four months. I'm not sleeping well, I've lost
                > interest in things I used to enjoy, and it's affecting work.

                GPs see this every single day. You won't be wasting their time."""),
            ("priya.n", """Put it in your phone notes. If you freeze, just say "I wrote some things
                down" and read. Mine said that was really helpful for her."""),
            ("mod_maria", """Rooting for you on Tuesday, Ollie. And for anyone reading who is struggling
                right now: if you ever feel unsafe or think about harming yourself, please contact your
                local emergency number or a crisis line straight away. You don't have to wait for an
                appointment."""),
            ("ollie_d", """Thanks. I've written it out and saved it. Going to try not to chicken
                out."""),
        ],
    },
    {
        "group": "anxiety-depression",
        "author": "kate_s",
        "kind": "discussion",
        "title": "Small wins thread: post one thing you managed this week",
        "body": """On hard weeks the big goals can feel impossible, so let's celebrate the small ones.
            Showered? Replied to a message? Opened the curtains? It all counts here.

            I'll start: I went to the supermarket at a busy time and didn't leave my basket in an
            aisle.""",
        "replies": [
            ("zoe_q", "Took the train both ways every day this week. No getting off early."),
            ("ollie_d", "Went to the GP. Said the words out loud. That's it, that's my win."),
            ("priya.n", "Sent the email to my supervisor that I've been drafting for nine days."),
            ("hannah_w", """Lurker from the MS group: I told my best friend about my diagnosis. I'd
                been avoiding her for weeks."""),
            ("beth_c", "Sat in the garden for twenty minutes with a coffee and did absolutely nothing."),
            ("annie_k", "Cooked a proper dinner for the first time since finishing chemo."),
            ("kate_s", """These are wonderful. Ollie and Hannah, those are big ones dressed up as
                small ones."""),
            ("zoe_q", "Bonus win: the cat let me sleep in until 8."),
        ],
    },
    {
        "group": "anxiety-depression",
        "author": "zoe_q",
        "kind": "question",
        "title": "Starting sertraline alongside CBT: what was the first month like for you?",
        "body": """My GP and I agreed to try sertraline alongside CBT. I picked up the prescription
            today and I'm nervous. I've read everything from "it changed my life" to horror stories.
            For those who've taken an SSRI: what were the first few weeks like?""",
        "replies": [
            ("kate_s", """Everyone's different, but for me the first two weeks were a bit queasy and I
                felt slightly more on edge, then it settled. The benefit crept up slowly. Around week
                six I noticed I'd stopped dreading mornings."""),
            ("pharm_patel", """It's very normal to feel nervous. Some general points about SSRIs that
                your pharmacist can go through with you in more detail:

                - They usually take **several weeks** to have their full effect.
                - Side effects such as nausea, headache or feeling jittery are fairly common early on
                  and often settle within a couple of weeks.
                - Don't stop suddenly without talking to your prescriber, as that can cause unpleasant
                  symptoms.
                - If your mood gets worse, or you have thoughts of harming yourself, contact your GP
                  **urgently**, or emergency services if you feel unsafe. This is important,
                  especially in the first weeks.

                Your GP will usually want to review you a few weeks after starting."""),
            ("priya.n", """Taking mine in the morning helped my sleep. Worth asking your pharmacist
                about timing if sleep goes funny."""),
            ("zoe_q", """Three weeks in now. Nausea is gone and the GP check-in went well. Not a
                miracle yet, but I'm hopeful."""),
        ],
    },
    {
        "group": "anxiety-depression",
        "author": "priya.n",
        "kind": "discussion",
        "title": "Books, apps or podcasts that genuinely helped with your anxiety?",
        "body": """I'm building a little toolkit for the next time my anxiety flares, and I'd love your
            recommendations. Not miracle cures, just things that helped even a bit.

            Mine so far:

            - A CBT workbook my therapist lent me (the worksheets are the useful bit)
            - A meditation app with 3-minute sessions, because 20 minutes is too long for my brain
            - Long walks with a friend, phones away""",
        "replies": [
            ("zoe_q", """A worry diary. Writing the worry down with a time limit ("worry time" at
                6pm) sounded daft but it helps me stop carrying it around all day."""),
            ("kate_s", """Audiobooks while doing chores. Gentle fiction, nothing with a cliffhanger.
                It gives my head something kind to do."""),
            ("ollie_d", """Not an app, but getting outside before 10am. My GP suggested it and it's
                helped my sleep more than anything else."""),
            ("priya.n", """Adding all of these. Worry time at 6pm starts tonight."""),
        ],
    },
    {
        "group": "anxiety-depression",
        "author": "ollie_d",
        "kind": "question",
        "title": "Does exercise really help depression, or is that just something people say?",
        "body": """Everyone keeps telling me to "get some exercise" like it's a magic button. Some days
            I can barely get out of bed, let alone go to a gym. Is there anything to it, or is it just
            what people say when they don't know what else to say?""",
        "replies": [
            ("kate_s", """It's both, honestly. People say it too glibly. But for me, once I was a bit
                steadier, a short walk did lift my mood a little. Not a fix, just one tool. On the
                can't-get-out-of-bed days, the goal was opening the curtains."""),
            ("yusuf_o", """Cycling got me through a rough patch. But I started with ten minutes round
                the block, not a gym. Small counts."""),
            ("nurse_lee", """There is good evidence that physical activity can help with mild to
                moderate depression, often alongside talking therapies or medication rather than
                instead of them. It doesn't have to be intense: regular walking counts.

                But you're right that it can feel impossible when you're very low. Your GP or therapist
                can help fit it into your treatment plan at a pace that's realistic for you."""),
            ("ollie_d", """OK, fair. Ten minutes round the block I can probably do. Maybe."""),
            ("kate_s", "Maybe is a great start."),
        ],
    },
    {
        "group": "anxiety-depression",
        "author": "kate_s",
        "kind": "discussion",
        "title": "When someone tells you to \"just think positive\", how do you respond?",
        "body": """Had a relative tell me at a family lunch that I'd feel better if I "just thought
            positive" and "stopped dwelling". I smiled and said nothing, then cried in the car.

            How do you respond to comments like this? Or do you just let them go?""",
        "replies": [
            ("priya.n", """I've started saying "I wish it worked like that", calmly, and changing the
                subject. It names it without a fight."""),
            ("zoe_q", """Sometimes I explain it like a broken leg: you wouldn't tell someone to just
                walk positively. Depends how much energy I have."""),
            ("mod_maria", """Crying in the car afterwards is such a human response. Most people who
                say this mean well and simply don't know what to say. You don't owe anyone an
                education, though, and letting it go is also a perfectly good choice."""),
            ("kate_s", """"I wish it worked like that" is perfect. Stealing it for the next family lunch."""),
        ],
    },
    # ---------------------------------------------------------------- Asthma & COPD
    {
        "group": "asthma-copd",
        "author": "frank_copd",
        "kind": "discussion",
        "title": "Pulmonary rehab: I very nearly didn't go. Please go.",
        "body": """When my respiratory nurse first suggested pulmonary rehab I said no thanks. I
            pictured a gym full of fit people watching me wheeze on a treadmill.

            What it actually was: eight weeks, twice a week, with a dozen people in exactly my
            situation, a physio who knew her stuff, and a lot of laughing. I learned breathing
            techniques I still use every day, and I can now walk to the shop and back without
            stopping at the bench. Three years ago that wasn't possible.

            If you've been offered it and you're hesitating, ask me anything.""",
        "replies": [
            ("yusuf_o", """Asthma rather than COPD, so I'm not sure I'd qualify, but this is lovely
                to read. What were the breathing techniques?"""),
            ("frank_copd", """**Pursed-lip breathing** (in through the nose, out slowly through
                pursed lips, like blowing out a candle gently) and **breathing control** when
                recovering. Your asthma nurse can show you properly. Much better than learning it off
                a forum!"""),
            ("nurse_lee", """Frank, this is exactly the kind of post that gets people through the door.
                Pulmonary rehab has strong evidence behind it for people with COPD: better breathing
                control, more exercise capacity, and often better confidence and mood too. If you have
                a lung condition and haven't been offered it, ask your GP or respiratory team whether
                it's suitable for you."""),
            ("pete_w", """My brother has COPD and refuses to go. Sending him this thread."""),
            ("frank_copd", """Pete, tell him the tea and biscuits are excellent. That's what got
                me through week one."""),
        ],
    },
    {
        "group": "asthma-copd",
        "author": "yusuf_o",
        "kind": "question",
        "title": "My preventer inhaler seems to do nothing. Is my technique wrong?",
        "body": """Diagnosed with asthma last year at 34. I take my brown preventer morning and night
            like I'm told, but I still need my blue reliever three or four times a week, mostly on the
            bike. Is it possible I'm using the inhaler wrong? I just press and breathe in.""",
        "edit": {"title": "My preventer inhaler doesn't seem to help. Could my technique be wrong?"},
        "replies": [
            ("pharm_patel", """It's very possible, and you're in good company: studies regularly find
                that many people don't use their inhalers in the most effective way. Things worth
                knowing in general:

                - Different inhalers need different techniques. A pressurised "puffer" usually needs a
                  **slow, steady** breath, ideally with a spacer; a dry powder inhaler usually needs a
                  **quick, deep** one.
                - Any pharmacy can do an **inhaler technique check** for you. It takes a few minutes.
                - Rinsing your mouth after a steroid preventer helps avoid a sore mouth or throat.

                Separately, needing your reliever several times a week can be a sign your asthma
                isn't as well controlled as it could be, so please book an **asthma review** with your
                GP or asthma nurse too."""),
            ("rosie_m", """Spacer! My son's asthma was transformed when we started using one. I use one
                myself now."""),
            ("frank_copd", """Had the same with mine. Turned out I was breathing in way too fast. Ten
                minutes with the pharmacist fixed it."""),
            ("yusuf_o", """Pharmacist check done: I was breathing in far too fast and not holding my
                breath afterwards. Asthma review booked for next week too. Thanks all."""),
        ],
    },
    {
        "group": "asthma-copd",
        "author": "rosie_m",
        "kind": "question",
        "title": "My son's asthma gets worse every autumn. What has worked for your kids?",
        "body": """My eldest (10) has asthma that's usually well controlled, but every year when school
            goes back and the colds start going round, he ends up wheezy for weeks, and last year he had
            a nasty flare-up.

            I'd like to be better prepared this time. What do other parents do?""",
        "replies": [
            ("pharm_patel", """Many families notice this pattern, as colds are a common asthma
                trigger. Some general things to discuss with your child's GP or asthma nurse **before**
                the season starts:

                1. An asthma review to check his treatment and inhaler technique.
                2. An up-to-date **written asthma action plan**, so you know what to do as symptoms
                   change and when to get urgent help.
                3. Making sure school has an in-date reliever and spacer, and a copy of the plan.
                4. Asking whether the flu vaccine is recommended for him.

                And keep taking the preventer as prescribed even when he seems well."""),
            ("yusuf_o", """Not a parent, but I had asthma as a kid too. My mum making sure I always had
                my inhaler in my school bag was half the battle."""),
            ("frank_copd", """Good hand washing for the whole house during cold season. Sounds basic, but
                it cut down the colds in our house a lot."""),
            ("rosie_m", """We've booked his asthma review for the first week of term, and I've printed
                two copies of his action plan. Feeling much more organised than last year."""),
        ],
    },
    {
        "group": "asthma-copd",
        "author": "frank_copd",
        "kind": "question",
        "title": "Walking on cold mornings with COPD: does a scarf over the mouth really help?",
        "body": """Cold air hits my chest like a brick. My rehab physio suggested a scarf over my nose
            and mouth, which I've been doing, and I think it helps? Curious what others do to keep
            walking on frosty mornings.""",
        "replies": [
            ("yusuf_o", """Scarf or a buff for cycling, absolutely. It warms the air a bit before it
                hits your lungs. I can definitely tell the difference."""),
            ("rosie_m", """I wait until after 10am when it's a touch warmer, or walk laps of the
                shopping centre. Not scenic, but my chest is happier."""),
            ("frank_copd", """Shopping centre laps! Why didn't I think of that. The café at the end is
                a bonus."""),
        ],
    },
    {
        "group": "asthma-copd",
        "author": "rosie_m",
        "kind": "discussion",
        "title": "What goes in your child's school asthma pack?",
        "body": """Putting together a fresh asthma pack for school. Here's what's in ours:

            - Reliever inhaler (in date, checked!) and a spacer
            - A copy of his **written asthma action plan**
            - Our phone numbers, and the GP's
            - A note of his triggers: colds, cold air, cats

            Anything I've missed?""",
        "replies": [
            ("frank_copd", """A clearly labelled bag with his name and photo. Supply teachers won't
                know him."""),
            ("luis_g", """From a parent with a different diagnosis: a quick meeting with the class
                teacher at the start of term is worth its weight in gold. They're far more confident
                when they've seen the plan with you there."""),
            ("rosie_m", """Photo on the bag, done. Teacher meeting booked for Friday."""),
        ],
    },
    {
        "group": "asthma-copd",
        "author": "frank_copd",
        "kind": "question",
        "title": "Vaccines with a lung condition: which ones did your team recommend?",
        "body": """My new GP practice keeps sending me letters about vaccines and I've lost track of
            which ones I've had. What do people with COPD or asthma usually get offered?""",
        "replies": [
            ("pharm_patel", """Good question, and worth sorting out. People with long-term lung
                conditions are often eligible for extra vaccines, because infections can hit them
                harder. Depending on your country, your age and your health, these may include the
                seasonal **flu** vaccine, a **pneumococcal** vaccine, **COVID-19** boosters and, for
                older adults, **RSV** or shingles vaccines.

                Eligibility differs between countries and changes from year to year, so the best
                source is your GP practice or pharmacy: they can check your records and tell you which
                ones you're due."""),
            ("yusuf_o", """I get my flu jab at the pharmacy every year. Five minutes, no appointment
                needed at mine."""),
            ("frank_copd", """Phoned the practice and they printed out my vaccine history. Pneumococcal
                done years ago; flu and COVID due next month. Sorted."""),
        ],
    },
    # ---------------------------------------------------------------- Multiple Sclerosis
    {
        "group": "multiple-sclerosis",
        "author": "hannah_w",
        "kind": "question",
        "title": "Diagnosed with relapsing-remitting MS last week. How did you get through the first month?",
        "body": """I'm 29. Last week a neurologist said the words "relapsing-remitting MS" and I've
            been in a fog ever since. I keep googling and scaring myself with worst cases. I haven't
            told my work, or most of my friends.

            How did you get through the first few weeks?""",
        "replies": [
            ("ingrid_v", """Welcome, Hannah, though I'm sorry you're here. I was diagnosed at 31,
                sixteen years ago. I still garden, I still work, I still go on holiday. The first month
                is the hardest: you're grieving a future you imagined while nobody can tell you what
                the new one looks like.

                My advice: **stop googling for a while**. Ask your MS nurse for the reputable sources
                and stick to those."""),
            ("dave_ms", """Diagnosed at 38, five years ago. The fog does lift. I didn't tell work for
                two months and that was fine: there's no rush. Tell people when you're ready."""),
            ("mod_maria", """Welcome, Hannah. You might also find our Anxiety & Depression group a
                gentle place if the worry gets heavy; a lot of people with new diagnoses pop in
                there."""),
            ("hannah_w", """Thank you. Sixteen years and still gardening is the most hopeful thing
                I've read all week. I've got an MS nurse appointment on Thursday and a list of
                questions."""),
            ("ingrid_v", "Proud of you for the list. Let us know how Thursday goes."),
        ],
    },
    {
        "group": "multiple-sclerosis",
        "author": "dave_ms",
        "kind": "discussion",
        "title": "MS fatigue versus ordinary tiredness: how do you explain it at work?",
        "body": """My manager is supportive but I can tell she doesn't really get it. When I say I'm
            exhausted she says "me too, it's been a long week". MS fatigue isn't that. It's like my
            battery drops from 60% to 0% with no warning.

            How do you explain it to people who haven't felt it?""",
        "replies": [
            ("ingrid_v", """I say: "It's not that I'm sleepy. It's that my body and brain stop
                responding, like a phone on 1%." The phone metaphor lands with most people."""),
            ("lindsay_p", """From the chronic pain group: **spoon theory**. You start the day with a
                set number of spoons, and every task costs some. Some days you wake up with fewer. It's
                been a lifesaver for explaining fibro fatigue."""),
            ("hannah_w", """Saving all of this for when I eventually tell work."""),
            ("dave_ms", """Tried the phone battery line. My manager went quiet and then said "oh,
                that's completely different". We've agreed I can start later on the
                day after an infusion. Small thing, big difference."""),
        ],
    },
    {
        "group": "multiple-sclerosis",
        "author": "hannah_w",
        "kind": "question",
        "title": "Choosing a disease-modifying therapy: what did you ask your neurologist?",
        "body": """My neurologist has given me leaflets for three different disease-modifying therapies
            and asked me to think about which fits my life. It's a lot of responsibility! What
            questions helped you decide?""",
        "replies": [
            ("ingrid_v", """I asked about the practical stuff as much as the medical: how often, where,
                injections or tablets or infusions, and what monitoring. My life shaped the choice as
                much as the numbers did."""),
            ("dave_ms", """Ask about family planning if it's on your horizon at all. It affected which
                options made sense for us."""),
            ("pharm_patel", """It's a good sign that your team wants you involved. General questions
                people often find useful when comparing disease-modifying therapies:

                - How effective is each option for someone with my MS activity?
                - How is it taken, and how often?
                - What **monitoring** does it need, such as blood tests or scans?
                - What are the common side effects, and the rare serious ones?
                - Does it affect infection risk or vaccinations?
                - What if I want to become pregnant, or become pregnant unexpectedly?

                Your MS nurse is usually a great person to go through the practicalities with."""),
            ("hannah_w", """This list is gold. I went through it with my MS nurse and I feel like I can
                make a decision now rather than just panicking at leaflets."""),
        ],
    },
    {
        "group": "multiple-sclerosis",
        "author": "ingrid_v",
        "kind": "discussion",
        "title": "Heat sensitivity: your tricks for staying cool on warm days",
        "body": """Heat makes my symptoms flare temporarily: legs go heavy, vision gets a bit blurry,
            fatigue goes through the roof. It settles when I cool down, but I'd rather avoid it. My
            tricks:

            - Cooling towel round the neck
            - Gardening **before 9am** only on hot days
            - A cold drink with ice always within reach

            What works for you?""",
        "replies": [
            ("dave_ms", """Cool shower before anything strenuous. And a desk fan at work that I
                guarded with my life until facilities gave up and got me a better one."""),
            ("hannah_w", """Didn't even know heat was a thing with MS. That explains my weird summer
                holiday last year."""),
            ("ingrid_v", """Hannah, it's very common; it's sometimes called Uhthoff's phenomenon.
                Worth mentioning to your MS nurse so they can explain it properly. Any new or lasting
                symptoms should always be checked, of course."""),
            ("beth_c", """Not MS, but my mum swears by a spray bottle of water kept in the fridge."""),
        ],
    },
    {
        "group": "multiple-sclerosis",
        "author": "dave_ms",
        "kind": "question",
        "title": "Bladder urgency with MS: who should I even talk to about this?",
        "body": """Slightly embarrassing one. Over the past few months I've been needing the toilet
            urgently and often, and I plan every journey around where the loos are. Is this an MS
            thing? Who do I talk to: GP, neurologist, MS nurse?""",
        "replies": [
            ("ingrid_v", """Not embarrassing at all here, Dave. It's one of the most common MS symptoms
                and one of the least talked about. My MS nurse referred me to a continence service
                and it has changed my life. No more planning journeys around loos."""),
            ("nurse_lee", """Ingrid is right: bladder symptoms are common in MS, and there is a lot
                that can help, so it's really worth raising. Your MS nurse is usually a good first
                contact, and your GP can check for a urine infection, which can cause similar
                symptoms.

                Options people are often offered include pelvic floor physiotherapy, bladder training
                and medicines, depending on the cause. Please seek help promptly if you have pain,
                fever or blood in your urine."""),
            ("dave_ms", """Emailed my MS nurse. She said "I wish more people told me about this" and
                I've got a continence clinic appointment next month."""),
        ],
    },
    {
        "group": "multiple-sclerosis",
        "author": "ingrid_v",
        "kind": "discussion",
        "title": "What does a good day with MS look like for you?",
        "body": """We talk a lot about the hard days here, which is important. But I'd love to hear
            about the good ones too. Mine: coffee in the garden, an hour of weeding, a nap, then
            dinner with friends. Nothing extraordinary, and that's the point.""",
        "replies": [
            ("dave_ms", """Taking the kids to the park and not needing to sit down on the first bench
                I see."""),
            ("hannah_w", """I'm two months in and I had my first properly good day last week: I went to
                a concert and forgot about MS for a whole evening."""),
            ("ingrid_v", "Hannah, that made my day. Here's to many more concerts."),
        ],
    },
    # ---------------------------------------------------------------- Chronic Pain
    {
        "group": "chronic-pain",
        "author": "lindsay_p",
        "kind": "discussion",
        "title": "Pacing: how I finally broke the boom-and-bust cycle",
        "body": """For years I lived in boom and bust. On a good day I'd do everything (washing,
            shopping, clean the whole house) and then spend three days flat on the sofa paying for it.

            What changed things for me, with a lot of help from a pain management physio:

            1. Find your **baseline**: what you can do even on a bad day, and start there.
            2. Break tasks into chunks and rest *before* you need to.
            3. Increase slowly, by about 10% at a time.
            4. Accept that good days are not catch-up days. This is the hardest one.

            It's not glamorous, but I haven't had a proper crash in eight months.""",
        "replies": [
            ("gwen_t", """Number 4 is me. Every good day I try to do a week's worth of gardening. Then
                I pay for it. Going to try the chunking."""),
            ("pete_w", """Setting a timer for 20 minutes when I'm working in the shed has made a big
                difference. When it goes off, I sit down whether I need to or not."""),
            ("dave_ms", """Over from the MS group: pacing applies to fatigue too. Same rules, same
                struggle with number 4."""),
            ("lindsay_p", """Pete, the timer is a brilliant tool. It takes the decision away from your
                stubborn brain."""),
        ],
    },
    {
        "group": "chronic-pain",
        "author": "gwen_t",
        "kind": "question",
        "title": "Sleeping with lower back pain: pillow setups that helped you?",
        "body": """Since my disc injury I wake every couple of hours with my lower back aching. I've
            tried a firmer mattress, which helped a bit. What positions or pillow arrangements work for
            you?""",
        "replies": [
            ("pete_w", """On my side with a pillow between my knees. Keeps my hips lined up and
                stops the twisting that wakes me."""),
            ("lindsay_p", """If you sleep on your back, a pillow under the knees. And a physio once
                told me to roll onto my side and push up with my arms to get out of bed, rather than
                sitting straight up. It made mornings far less brutal."""),
            ("gwen_t", """Pillow between the knees for three nights now: I'm only waking once. Thank
                you both. I'll mention the roll-out trick to my physio too."""),
        ],
    },
    {
        "group": "chronic-pain",
        "author": "pete_w",
        "kind": "question",
        "title": "Worried about taking ibuprofen long term for my knee arthritis",
        "body": """I've been taking ibuprofen tablets most days for my knees for about a year, bought
            over the counter. My daughter says that's not a good idea long term. I'm 66 and also
            have type 2 diabetes. Should I be worried?""",
        "replies": [
            ("pharm_patel", """Your daughter raises a fair point, and it's a good question to take to
                your pharmacist or GP. Speaking generally, regular long-term use of anti-inflammatory
                tablets like ibuprofen can carry risks, including stomach irritation and bleeding,
                effects on the kidneys, and raised blood pressure, and these risks are higher in older
                adults and people with some other conditions.

                Things to discuss with your GP or pharmacist:

                - A **medicines review**, including over-the-counter products
                - Other options for knee osteoarthritis; for example, **topical** anti-inflammatory
                  gels are often recommended for knee pain
                - Non-drug approaches such as strengthening exercises and physiotherapy

                Please don't make big changes overnight without advice, but do book that
                conversation."""),
            ("gwen_t", """I asked for a medicines review last year and the pharmacist found two
                things that didn't mix well. Worth it."""),
            ("pete_w", """Booked a medicines review at my pharmacy. I'll bring the box of tablets and my
                daughter, who is very pleased with herself."""),
        ],
    },
    {
        "group": "chronic-pain",
        "author": "gwen_t",
        "kind": "question",
        "title": "Pain clinic referral finally came through. What should I expect?",
        "body": """After eight months on the waiting list I've got my first appointment at the pain
            management clinic. I'm a bit worried they'll just tell me to "live with it". What was your
            first appointment like?""",
        "replies": [
            ("lindsay_p", """Mine was mostly talking: a long assessment of how pain affects my sleep,
                work, mood and movement. Then a plan that combined physio, a pain management course and
                a medicines review. It wasn't "live with it", it was **how to live better with it**,
                which is different."""),
            ("pete_w", """Take a pain diary if you can: when it's worse, what helps, what you've tried.
                They loved mine."""),
            ("gwen_t", """Appointment done. A lovely doctor and physio; I'm on the next pain management
                course. Felt listened to for the first time in ages."""),
        ],
    },
    {
        "group": "chronic-pain",
        "author": "pete_w",
        "kind": "question",
        "title": "Has anyone tried a TENS machine for knee or back pain?",
        "body": """My physio mentioned a TENS machine as something I could try. Has anyone used one?
            Worth the money, or a gadget that ends up in a drawer?""",
        "replies": [
            ("gwen_t", """I use mine for my back on bad days. It doesn't fix anything, but it takes the
                edge off enough for me to get on with things. Many physio departments will lend you one
                to try first."""),
            ("lindsay_p", """Mixed for me. It helps some people a lot and others not at all, so trying
                before buying is the way. And check with your physio or GP that it's suitable for you,
                especially if you have a pacemaker or other implanted device."""),
            ("pete_w", """Physio lending me one for two weeks. I'll report back."""),
            ("pete_w", """Report: it helps after gardening, not much otherwise. Worth it for me, though;
                I've ordered one."""),
        ],
    },
    {
        "group": "chronic-pain",
        "author": "gwen_t",
        "kind": "discussion",
        "title": "\"But you look fine\": how do you answer this one?",
        "body": """Someone at book club said it again this week. I smiled and changed the subject, but
            it stung. What do you say?""",
        "replies": [
            ("lindsay_p", """"Thank you, I've had a lot of practice." Then I leave it there. It's
                true, and it takes the sting out."""),
            ("dave_ms", """The invisible illness club salutes you, Gwen. I sometimes say "so does
                my car, until the engine light comes on"."""),
            ("carol_w", """Secondary breast cancer, and I hear this constantly. Some days I find it
                kind, other days unbearable. Both are allowed."""),
            ("gwen_t", """"So does my car" is going straight into my repertoire."""),
        ],
    },
    # ---------------------------------------------------------------- Caregivers
    {
        "group": "caregivers",
        "author": "beth_c",
        "kind": "question",
        "title": "Mum's medicines are getting complicated. How do you keep track?",
        "body": """My mum has Parkinson's and now takes eight different medicines at different times of
            day, some of which have to be taken at *exactly* the right time. I visit twice a day
            before and after work and I'm terrified of getting it wrong.

            What systems do other carers use?""",
        "replies": [
            ("pharm_patel", """Timing really matters for some Parkinson's medicines, so your care is
                well placed. General things that help many families:

                - An **up-to-date written list** of every medicine, dose and time, kept somewhere
                  obvious and in your bag.
                - Ask her pharmacy whether a **multi-compartment pill organiser** or pharmacy-filled
                  blister pack would suit her medicines. Not every medicine is suitable, so the
                  pharmacist will advise.
                - Alarms on her phone or a talking medication reminder clock.
                - A **structured medication review** with her pharmacist or GP: sometimes a regimen can
                  be simplified.

                If she goes into hospital, tell the staff straight away that her Parkinson's medicines
                are time-critical."""),
            ("elaine_b", """A big whiteboard on the kitchen wall with ticks for each dose. Ron's carers,
                my son and I can all see at a glance what's been taken."""),
            ("ruth_e", """Alarms on the phone labelled with the *name* of the tablet, not just
                "medicine". Cuts down the "did she have the 2 o'clock one?" texts."""),
            ("beth_c", """Pharmacist review booked for Friday, and a whiteboard is up. Mum says the
                kitchen looks like a hospital ward but she's ticking her own boxes, which she loves."""),
        ],
    },
    {
        "group": "caregivers",
        "author": "elaine_b",
        "kind": "discussion",
        "title": "The hospital bag I keep packed for Ron (and one for me)",
        "body": """After the third unplanned trip to A&E this year, I finally learned to keep a bag
            packed by the door. Sharing in case it helps:

            **For Ron:**

            - A printed list of his medicines, diagnoses and allergies
            - A one-page "about me" sheet (what he likes, what upsets him, how he communicates)
            - Glasses, hearing aids and their charger
            - Comfortable clothes, slippers, a familiar blanket

            **For me:**

            - Phone charger, snacks, a water bottle
            - A book I don't need to concentrate on
            - A list of people to call""",
        "replies": [
            ("beth_c", """The "about me" sheet is genius. Mum gets very distressed in new places.
                Making one this weekend."""),
            ("ruth_e", """Adding a copy of any recent letters from specialists. It saved us a lot of
                repeating ourselves last time."""),
            ("mod_maria", """This is one of the most useful posts I've read here, Elaine. Many
                hospitals also have their own "this is me" forms for people with dementia; the ward
                staff can usually give you one."""),
            ("elaine_b", """Ruth, the letters are a great addition. Updated my bag tonight."""),
        ],
    },
    {
        "group": "caregivers",
        "author": "ruth_e",
        "kind": "question",
        "title": "Respite care: did it feel like giving up?",
        "body": """Our heart failure nurse has suggested a week of respite care for Geoff so I can have a
            break. I'm exhausted, and I know I need it. But the idea of leaving him somewhere makes me
            feel like I'm failing him.

            Those who have used respite: how did it feel? How did they get on?""",
        "replies": [
            ("elaine_b", """I felt exactly that way the first time. Ron had a week in a care home while I
                had my cataract done. He was fine, better than fine, honestly; he loved the music
                afternoons. I came back rested and a nicer wife. Respite isn't giving up. It's how
                you keep going."""),
            ("beth_c", """You can't pour from an empty cup, Ruth. I hate that phrase, but it's true."""),
            ("mod_maria", """From six years caring for my dad: the first respite was hard for *me*, not
                for him. Visit the place beforehand, take some of his things, and let yourself rest
                without checking your phone every ten minutes. Well, every twenty."""),
            ("ruth_e", """We visited yesterday. Lovely staff, and there's a man there who played in the
                same brass band as Geoff forty years ago. He's going in on the 12th. I've booked
                myself a massage."""),
        ],
    },
    {
        "group": "caregivers",
        "author": "beth_c",
        "kind": "discussion",
        "title": "Working full time and caring: what flexibility did your employer give you?",
        "body": """I'm stretched thin. I work full time in an office and visit Mum twice a day. My
            manager is sympathetic but I haven't asked for anything formal. What arrangements have
            others negotiated?""",
        "replies": [
            ("ruth_e", """I asked for compressed hours: four longer days, with Wednesdays off for
                Geoff's appointments. It took one conversation and a form."""),
            ("elaine_b", """Check whether your employer has a carers' policy or a carers' network. Mine
                did and I had no idea for two years. Some countries also give carers specific rights
                to request flexible working, so look that up too."""),
            ("luis_g", """We split hospital days between my wife and me and both asked for hybrid
                working. It isn't perfect, but being at home on infusion days makes it possible."""),
            ("beth_c", """Found a carers' policy on the intranet I'd never seen. Meeting HR on
                Monday to ask for a later start and two days from home."""),
        ],
    },
    {
        "group": "caregivers",
        "author": "luis_g",
        "kind": "question",
        "title": "How do you look after your own health when you're the carer?",
        "body": """Eighteen months into Mateo's treatment and I realised this week I haven't been to a
            dentist, a doctor or a gym since before he was diagnosed. My back hurts, I'm not sleeping,
            and I snap at my wife. How do other carers fit themselves in?""",
        "replies": [
            ("elaine_b", """Schedule yourself like an appointment, Luis. I put my own GP visit on the
                calendar in the same red pen I use for Ron's. If it's in red, it happens."""),
            ("kate_s", """Popping in from the mental health side: please also tell your GP that you're
                a carer, and how you're sleeping and feeling. Carer burnout is common and there is help,
                but often only once someone knows."""),
            ("nurse_lee", """Kate's suggestion is a good one: many GP practices keep a carers' register
                and can offer health checks, vaccinations and signposting to local carer support. A
                check-up for yourself is part of looking after Mateo, not time taken away from him."""),
            ("luis_g", """Red pen bought. Dentist on Tuesday, GP on Thursday. My wife says she'll
                believe it when she sees it."""),
        ],
    },
    {
        "group": "caregivers",
        "author": "elaine_b",
        "kind": "discussion",
        "title": "Ron didn't recognise me this morning. I just needed to tell someone.",
        "body": """Forty-one years married. This morning he asked me, very politely, who I was and
            whether I'd seen his wife. I told him she'd just popped out and would be back soon. Then I
            made him tea the way he likes it and he said "you make tea just like Elaine".

            I don't need advice. I just needed to tell someone.""",
        "replies": [
            ("beth_c", """Oh Elaine. Sending you the biggest hug. "You make tea just like Elaine" is
                both heartbreaking and the most loving thing."""),
            ("ruth_e", """Some part of him knows you, even when his words don't. Thinking of you
                both."""),
            ("mod_maria", """Thank you for trusting us with this, Elaine. We're here, and whenever you
                want to talk or just sit with it, this group is yours."""),
            ("luis_g", "Holding you in my thoughts tonight."),
            ("elaine_b", """Thank you, all of you. He recognised me at lunch and we did the crossword
                together. Today is a mixed day, and that's all right."""),
        ],
    },
    # ---------------------------------------------------------------- Living with HIV (private)
    {
        "group": PRIVATE_GROUP_SLUG,
        "author": "alex_m",
        "kind": "discussion",
        "pinned": True,
        "title": "Welcome to Living with HIV: please read before posting",
        "body": """Welcome. This is a **private group**: only approved members can see what's written
            here. A few things that keep it safe:

            1. **What's shared here stays here.** No screenshots, no repeating people's stories
               elsewhere.
            2. Use as much or as little detail as you're comfortable with. Nobody needs your full
               story.
            3. We share experience, not medical instructions. Questions about your own treatment
               belong with your HIV clinic, though our pharmacist member is happy to explain things
               in general terms.
            4. Be kind. Everyone here has had a first day.

            Introduce yourself below if you like, or just read for a while. Both are welcome.""",
        "replies": [
            ("chris_p", """Hi all. Chris, diagnosed 2017, undetectable since 2018. Mostly a lurker but
                it's good to be somewhere I don't have to explain anything."""),
            ("tariq_h", """Tariq. Diagnosed earlier this year. Thank you for approving me, Alex. I've
                already read half the group."""),
            ("jordan_b", "Jordan, 2019. Hi everyone."),
        ],
    },
    {
        "group": PRIVATE_GROUP_SLUG,
        "author": "tariq_h",
        "kind": "question",
        "title": "Diagnosed four months ago. When did it stop being the first thing you thought about?",
        "body": """Four months since diagnosis. I'm on treatment, my viral load is already much lower,
            and my clinic is happy. But it's still the first thing I think about every morning and the
            last thing at night.

            When did it stop being the centre of everything for you?""",
        "replies": [
            ("alex_m", """For me it was about a year, Tariq, but it faded gradually. First I'd go a
                morning without thinking about it, then a day, then a week. Now it's one part of my
                life, about as central as my dodgy knee.

                Four months is really early. Be patient with yourself."""),
            ("chris_p", """Around the time I first got "undetectable" back from the clinic. Something
                clicked. You'll get there."""),
            ("jordan_b", """Therapy helped me. My clinic had a psychologist attached, which I didn't
                know until I asked. Worth asking yours."""),
            ("tariq_h", """I didn't know clinics might have psychologists. I'll ask at my next
                appointment. Thank you for the honesty."""),
        ],
    },
    {
        "group": PRIVATE_GROUP_SLUG,
        "author": "tariq_h",
        "kind": "question",
        "title": "Does taking the pill every day get easier? I keep nearly forgetting",
        "body": """Silly question maybe. I'm on one tablet a day and I've nearly forgotten twice this
            month, remembering at midnight in a panic. How do you all make it automatic?""",
        "replies": [
            ("alex_m", """Not silly at all. I keep mine next to my toothbrush, so brushing my teeth is
                the reminder. Thirteen years and I can count my missed doses on one hand."""),
            ("pharm_patel", """A very sensible question. Tying the dose to something you already do
                every day, plus a phone alarm and a weekly pill box, works for a lot of people.

                What to do if you do miss a dose depends on the specific medicine, so please ask your
                HIV clinic or pharmacist for the advice for **your** regimen and write it down
                somewhere handy. Then, if it happens, you'll know exactly what to do instead of
                panicking."""),
            ("chris_p", "Phone alarm called \"tiny victory\". Makes me smile every single night."),
            ("tariq_h", """Toothbrush plus tiny victory alarm. And I've asked the clinic pharmacist
                what to do if I miss one, and written it on the box."""),
        ],
    },
    {
        "group": PRIVATE_GROUP_SLUG,
        "author": "chris_p",
        "kind": "question",
        "title": "Telling a new partner: how and when did you do it?",
        "body": """I've been seeing someone for a month and it's going well. I want to tell him
            before things get more serious, but I'm terrified of how he'll react. How and when did you
            tell your partners?""",
        "replies": [
            ("alex_m", """I told my husband on our fourth date, over coffee, somewhere we could both
                leave if we needed to. I'd practised what to say: that I'm on treatment, undetectable,
                and what **U=U** (undetectable = untransmittable) means. Having the facts ready made me
                feel steadier.

                Your clinic's health advisers can help you plan it too. That's part of their job."""),
            ("jordan_b", """Not every reaction I've had was good, I'll be honest. But the people who
                reacted badly showed me who they were early, and that's worth something."""),
            ("tariq_h", "Following this thread. Rooting for you, Chris."),
            ("chris_p", """Told him on Saturday. He was quiet, asked good questions, and then asked if I
                wanted to get pizza. We're seeing each other again on Thursday."""),
            ("alex_m", "The pizza response. Chef's kiss. Really happy for you."),
        ],
    },
    {
        "group": PRIVATE_GROUP_SLUG,
        "author": "jordan_b",
        "kind": "question",
        "title": "Travelling abroad with my HIV medication: anything I should know?",
        "body": """First big trip since diagnosis, two weeks overseas with an eight-hour time
            difference. What do I need to think about with my meds?""",
        "replies": [
            ("pharm_patel", """Exciting! Some general travel points for anyone on long-term medicine:

                - Keep your medicines in your **hand luggage**, in the original labelled packaging.
                - Take **more than you need** in case of delays.
                - A letter from your clinic listing your medicines can help at borders.
                - **Check the entry rules** for the country you're visiting before you book.
                - Ask your clinic or pharmacist how to shift your dose time across time zones for your
                  specific medicine, rather than guessing.

                Your HIV clinic will have helped many people travel, so they're a great first stop."""),
            ("alex_m", """I split my supply between two bags in case one goes missing, and keep a
                photo of the prescription on my phone. Have a wonderful trip."""),
            ("jordan_b", """Clinic gave me a letter and a plan for the time change. All packed. Thanks,
                both of you."""),
        ],
    },
]
