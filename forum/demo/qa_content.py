"""The demo's Q&A layer as plain data: expert credentials, votes, accepted answers, articles.

``forum.demo.qa_seed`` turns it into rows through the ordinary actions after
the conversations in ``forum.demo.content`` exist. Articles are Markdown
written like the conversations (indented, hard-wrapped); sources are one per
line. Everyone is invented; the sources are real public health pages.
"""

# What each demo expert's verification says. Approved by the demo admin.
EXPERT_CREDENTIALS = {
    "dr_okafor": {"profession": "Consultant haematologist", "specialty": "haematology",
                  "licence_number": "GMC 6123457", "issuing_body": "General Medical Council",
                  "country": "United Kingdom",
                  "evidence": "Listed on the GMC online register with a specialist registration in "
                              "haematology; consultant profile on the hospital trust's haematology page."},
    "nurse_lee": {"profession": "Clinical nurse specialist", "specialty": "nursing",
                  "licence_number": "NMC 09I4521E", "issuing_body": "Nursing and Midwifery Council",
                  "country": "United Kingdom",
                  "evidence": "NMC register entry (registered nurse, adult) and MSc certificate in "
                              "diabetes care; line manager's reference attached by email."},
    "pharm_patel": {"profession": "Community pharmacist", "specialty": "pharmacy",
                    "licence_number": "GPhC 2071834", "issuing_body": "General Pharmaceutical Council",
                    "country": "United Kingdom",
                    "evidence": "GPhC register entry; superintendent pharmacist listed on the pharmacy's "
                                "NHS service page."},
}

# A member's application waiting in the moderators' review queue.
PENDING_APPLICATION = {
    "username": "chris_p",
    "profession": "HIV clinical nurse specialist",
    "specialty": "infectious-disease",
    "licence_number": "NMC 12A3456E",
    "issuing_body": "Nursing and Midwifery Council",
    "country": "United Kingdom",
    "evidence": "My registration can be checked on the NMC register "
                "(https://www.nmc.org.uk/registration/search-the-register/). I work in a sexual health "
                "and HIV clinic; I'm happy to confirm from my work email address.",
}

# Which specialties' experts see each group's "Ask an expert" questions.
GROUP_SPECIALTIES = {
    "leukemia-lymphoma": ["haematology", "oncology"],
    "breast-cancer": ["oncology", "womens-health", "nursing"],
    "type-2-diabetes": ["endocrinology", "nursing", "pharmacy"],
    "heart-health": ["cardiology", "nursing"],
    "anxiety-depression": ["mental-health", "general-practice"],
    "asthma-copd": ["respiratory", "pharmacy"],
    "multiple-sclerosis": ["neurology", "nursing"],
    "chronic-pain": ["pain-medicine", "pharmacy"],
    "caregivers": ["general-practice", "nursing"],
    "living-with-hiv": ["infectious-disease", "pharmacy"],
}

# Questions whose askers ticked "Ask an expert" (by their original title). Some
# have expert answers already; the rest wait in the experts' queues.
ASK_AN_EXPERT = [
    "What should I ask at my first haematology appointment after diagnosis?",
    "Started metformin two weeks ago and my stomach is not happy. Does it settle?",
    "Had a stent last month. When did you feel confident exercising again?",
    "My preventer inhaler seems to do nothing. Is my technique wrong?",
    "Lumpectomy next week: what should I pack and prepare at home?",
    "Respite care: did it feel like giving up?",
    "Walking on cold mornings with COPD: does a scarf over the mouth really help?",
    "Has anyone tried a TENS machine for knee or back pain?",
]

# The asker accepted this person's (first) answer.
ACCEPTED_ANSWERS = [
    ("What should I ask at my first haematology appointment after diagnosis?", "dr_okafor"),
    ("Started metformin two weeks ago and my stomach is not happy. Does it settle?", "pharm_patel"),
    ("Husband has heart failure: tips for keeping track of daily weight?", "nurse_lee"),
    ("Sleeping with lower back pain: pillow setups that helped you?", "lindsay_p"),
    ("My son's asthma gets worse every autumn. What has worked for your kids?", "pharm_patel"),
]

ARTICLES = [
    {
        "author": "dr_okafor",
        "days_ago": 34,
        "reviewed_days_ago": 36,
        "title": "Watch and wait in CLL: why no treatment can be the right treatment",
        "summary": "Active monitoring is a deliberate plan, not being forgotten. What the clinic is "
                   "looking for, why early treatment doesn't help most people, and when to call sooner.",
        "tags": "cll, leukaemia, watch-and-wait",
        "body": """Being told you have chronic lymphocytic leukaemia (CLL) and then being sent home
            without treatment is one of the hardest things in haematology to make sense of. People
            often describe it as "watch and worry". So it is worth explaining why so many specialists
            recommend it.

            ## Why not treat straight away?

            CLL is often found by chance on a routine blood test, long before it causes any symptoms.
            Large trials over several decades compared treating early-stage CLL straight away with
            waiting until it needed treatment. Treating early did not help people live longer, and it
            exposed them to side effects for years they might otherwise have spent well. Many people
            with early CLL never need treatment at all.

            ## What the clinic is watching

            At each appointment your team looks at the whole picture rather than one number:

            - how your lymphocyte count is changing over time (the trend matters more than a single result)
            - your haemoglobin and platelets, which show how well the bone marrow is coping
            - the size of any lymph nodes, the spleen or the liver
            - symptoms such as drenching night sweats, weight loss you can't explain, fevers or
              tiredness that stops you doing everyday things

            A rising lymphocyte count on its own is rarely a reason to start treatment.

            ## When to get in touch sooner

            Don't wait for your next appointment if you notice new or fast-growing lumps, night sweats
            that soak the sheets, unexplained weight loss, or infections that keep coming back or are
            slow to clear. Ask your team which vaccines they recommend for you, as CLL affects the
            immune system even before treatment.

            ## Living with the waiting

            Many patients find it helps to agree with their team how often bloods will be checked and
            who to call with questions, and to set limits on checking results online. The Leukemia &
            Lymphoma group here is full of people who have learned to live well on watch and wait.""",
        "sources": """
            NHS: Chronic lymphocytic leukaemia https://www.nhs.uk/conditions/chronic-lymphocytic-leukaemia/
            CRUK: CLL https://www.cancerresearchuk.org/about-cancer/chronic-lymphocytic-leukaemia-cll
            NICE: Haematological cancers, improving outcomes (NG47) https://www.nice.org.uk/guidance/ng47""",
    },
    {
        "author": "nurse_lee",
        "days_ago": 21,
        "reviewed_days_ago": 22,
        "title": "Daily weighing with heart failure: the two-minute habit that spots fluid early",
        "summary": "Why heart failure teams ask for a daily weight, how to make the numbers reliable, "
                   "and the changes that mean you should ring your team the same day.",
        "tags": "heart-failure, self-care, fluid",
        "body": """If you or someone you care for lives with heart failure, you have probably been asked
            to weigh yourself every day. It can feel like a chore, but it is one of the most useful
            things you can do at home.

            ## Why weight, and not how you feel?

            When the heart isn't pumping as well as it should, the body can hold on to fluid. A litre
            of fluid weighs about a kilogram, and it usually builds up over several days before you
            notice swollen ankles or breathlessness. The scales often show it first, which gives your
            team a chance to adjust your medicines before you feel unwell.

            ## Making the numbers reliable

            1. Weigh yourself at the same time each morning, after going to the toilet and before
               breakfast.
            2. Wear the same amount of clothing, or none.
            3. Use the same scales on a hard, level floor, not carpet.
            4. Write the number down straight away, on paper, in an app or on a calendar by the
               scales, and take the record to your appointments.

            ## When to call

            Most teams ask you to contact them the same day if your weight goes up by **2 kg (about
            4 lb) over three days**, or by more than your team's own threshold. Call sooner if you
            are more breathless, need more pillows to sleep, or your ankles, legs or tummy are more
            swollen. If you are suddenly very breathless or have chest pain, call emergency services.

            Your own team may give you different numbers or a flexible diuretic plan: theirs are the
            ones to follow.""",
        "sources": """
            BHF: Heart failure https://www.bhf.org.uk/informationsupport/conditions/heart-failure
            NHS: Heart failure https://www.nhs.uk/conditions/heart-failure/
            NICE: Chronic heart failure in adults (NG106) https://www.nice.org.uk/guidance/ng106""",
    },
    {
        "author": "pharm_patel",
        "days_ago": 12,
        "reviewed_days_ago": 12,
        "title": "Inhaler technique: the five-minute check that can make your preventer work",
        "summary": "Most people use their inhaler slightly wrong, and a preventer that doesn't reach the "
                   "lungs can't work. What to check, and why a spacer is worth asking for.",
        "tags": "asthma, copd, inhalers",
        "body": """When someone tells me their preventer inhaler "does nothing", the first thing I ask is
            to see them use it. Studies consistently find that most people make at least one mistake,
            and the medicine ends up on the back of the throat instead of in the lungs.

            ## Different inhalers, different breaths

            - **Pressurised metered-dose inhalers** (the classic "puffer") need a *slow, steady*
              breath in as you press the canister. Using one with a spacer makes this much easier
              and gets more medicine to the lungs.
            - **Dry powder inhalers** need a *quick, deep* breath in, and you shouldn't breathe out
              into the device first.

            Mixing these up is the most common problem I see.

            ## A quick checklist

            1. Shake the puffer if the instructions say so, and take the cap off.
            2. Breathe out gently, away from the inhaler.
            3. Seal your lips around the mouthpiece (or spacer).
            4. Breathe in the right way for your device, then hold your breath for up to 10 seconds.
            5. Wait about 30 seconds before a second puff.
            6. Rinse your mouth and spit after a steroid preventer to reduce the risk of a sore throat
               or thrush.

            ## Give it time, and ask for a check

            Preventers build up their effect over days to weeks, so they only work if taken every day,
            even when you feel well. Any community pharmacist can check your technique; in England,
            ask about the New Medicine Service when you start a new inhaler. If you're still needing
            your reliever more than a few times a week, see your asthma nurse or GP.""",
        "sources": """
            Asthma + Lung UK: Inhaler videos https://www.asthmaandlung.org.uk/living-with/inhaler-videos
            NHS: Asthma treatment https://www.nhs.uk/conditions/asthma/treatment/
            Global Initiative for Asthma (GINA): reports https://ginasthma.org/reports/""",
    },
    {
        "author": "pharm_patel",
        "days_ago": 4,
        "reviewed_days_ago": 5,
        "title": "Metformin and your stomach: why it usually settles, and what to ask",
        "summary": "Stomach upset is the most common reason people stop metformin. Most of it is "
                   "avoidable: taking it with food, starting low, and asking about slow-release tablets.",
        "tags": "type-2-diabetes, metformin, side-effects",
        "body": """Metformin has been used for type 2 diabetes for more than sixty years and is usually the
            first medicine offered. Its most common side effects are in the gut: feeling sick,
            diarrhoea, stomach ache, wind or a metallic taste.

            ## Why it often settles

            For most people these effects are worst in the first few weeks and ease as the body gets
            used to the medicine. That is why prescribers usually start with one tablet a day and
            increase the dose slowly.

            ## Things that help

            - Take it **with or just after a meal**, never on an empty stomach.
            - If you have just increased the dose and feel unwell, ask your prescriber whether you can
              go back a step for a little longer before trying again.
            - Ask about **modified-release (slow-release) metformin**, which many people find much
              easier on the stomach.

            ## When to get advice

            Speak to your pharmacist or GP if the symptoms don't settle after a few weeks or stop you
            eating normally. If you are being sick or have diarrhoea and can't keep fluids down, your
            team may advise stopping metformin for a day or two until you are better (sometimes called
            "sick day rules"). Ask them for a plan before you need it.""",
        "sources": """
            NHS: Metformin https://www.nhs.uk/medicines/metformin/
            Diabetes UK: Treatments https://www.diabetes.org.uk/about-diabetes/looking-after-diabetes
            NICE: Type 2 diabetes in adults: management (NG28) https://www.nice.org.uk/guidance/ng28""",
    },
]

ARTICLE_COMMENTS = [
    ("Watch and wait in CLL: why no treatment can be the right treatment", "marcus_t", 2,
     """Printing this out for my wife, who worries more about my numbers than I do. The bit about
        the trend mattering more than a single result is exactly what my consultant said."""),
    ("Watch and wait in CLL: why no treatment can be the right treatment", "annie_k", 5,
     "Really clear. I didn't know about asking which vaccines are recommended, will do at my next visit."),
    ("Daily weighing with heart failure: the two-minute habit that spots fluid early", "ruth_e", 1,
     """We started a chart on the fridge after my question in Heart Health and caught a 2 kg gain
        last month. One phone call and a tweak to his water tablets, no admission this time."""),
    ("Inhaler technique: the five-minute check that can make your preventer work", "yusuf_o", 3,
     """Guilty of the quick breath with my puffer. Got a spacer from the pharmacy and the difference
        in two weeks is noticeable."""),
    ("Metformin and your stomach: why it usually settles, and what to ask", "bob_mcd", 1,
     "Switched to the slow-release version after my thread here. Wish I'd known to ask straight away."),
]
