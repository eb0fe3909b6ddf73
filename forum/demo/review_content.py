"""Demo community reviews of catalogue drugs: what members say about their own medicines.

Each entry is ``(drug name, username, condition, (effectiveness, ease of use,
satisfaction), duration key, side effects, text)``. Written as people write:
mixed experiences, low ratings beside high ones, nobody telling anyone else
what to take.
"""

REVIEWS = [
    ("Metformin", "kwame_a", "Type 2 diabetes", (4, 3, 4), "1_2y", ["Diarrhoea", "Nausea"],
     "The first month was rough on my stomach, honestly. My GP switched me to the slow-release version and "
     "that made a big difference. Taking it with dinner rather than breakfast helped too. My HbA1c went from "
     "58 to 49 over six months, with a lot of walking as well, so I can't say it was all the tablets."),
    ("Metformin", "mei_l", "Polycystic ovary syndrome", (3, 4, 3), "6_12m", ["Metallic taste"],
     "Started it for PCOS. My cycles are more regular than they were, but it took a good four months before I "
     "noticed anything. Odd metallic taste for the first few weeks that went away."),
    ("Metformin", "marcus_t", "Type 2 diabetes", (2, 2, 2), "1_6m", ["Diarrhoea", "Stomach pain"],
     "I really tried with this one but the stomach cramps never settled, even on the extended release. "
     "Talked it through with my nurse and we moved to something else. Others in my group do fine on it, so "
     "it seems to be very individual."),
    ("Sertraline", "dani_f", "Anxiety", (4, 5, 4), "1_2y", ["Nausea", "Trouble sleeping"],
     "The first two weeks I felt more jittery, not less, and I nearly gave up. My doctor had warned me about "
     "that, which helped. By week six the constant background dread had eased off. Still on it, still in "
     "therapy, which I think matters just as much."),
    ("Sertraline", "tom_h", "Depression", (3, 5, 3), "6_12m", ["Low sex drive", "Sweating"],
     "It took the edge off the worst days. Some side effects I didn't love, mainly night sweats. "
     "Easy to take, one tablet in the morning. I'm reviewing with my GP whether to stay on it."),
    ("Levothyroxine", "ruth_e", "Hypothyroidism", (5, 4, 5), "over_5y", [],
     "Been on it for years. The trick for me was taking it first thing with water and waiting before coffee. "
     "When my dose was being adjusted I felt tired and foggy, but once the blood tests settled I forgot I was "
     "taking anything."),
    ("Levothyroxine", "lena_j", "Hypothyroidism", (3, 3, 3), "1_2y", ["Palpitations"],
     "Had some palpitations when my dose went up, which came down once it was adjusted again. The waiting "
     "before breakfast is a nuisance with small kids in the morning."),
    ("Atorvastatin", "pete_w", "High cholesterol", (4, 5, 4), "2_5y", ["Muscle aches"],
     "My cholesterol numbers came down a lot. I did get achy legs for a while; my doctor checked my bloods and "
     "we lowered the dose, and the aches mostly went. Tiny tablet, once a day, no fuss."),
    ("Atorvastatin", "elaine_b", "High cholesterol", (4, 4, 3), "1_6m", ["Muscle aches", "Tiredness"],
     "Numbers improved but I feel a bit more tired. Not sure if that is the tablet or just winter. Keeping a "
     "diary to take to my next appointment."),
    ("Amlodipine", "frank_copd", "High blood pressure", (4, 5, 4), "2_5y", ["Swollen ankles"],
     "Blood pressure came down to where my doctor wanted it. Ankles swell by the evening in hot weather. "
     "Otherwise I hardly notice it."),
    ("Lisinopril", "dave_ms", "High blood pressure", (3, 5, 2), "6_12m", ["Dry cough"],
     "Worked for my blood pressure but I developed a tickly dry cough that drove my wife mad at night. "
     "Turns out that is a known one with this type of tablet. I was switched to a different one."),
    ("Losartan", "dave_ms", "High blood pressure", (4, 5, 4), "1_2y", ["Dizziness"],
     "After the cough on my previous tablet, this has been much easier. A bit light-headed standing up "
     "quickly in the first weeks."),
    ("Omeprazole", "annie_k", "Heartburn", (5, 5, 4), "1_6m", [],
     "Night-time heartburn had me sleeping propped up on three pillows. Within a week it was so much better. "
     "My doctor wants to review it rather than me staying on it forever, which makes sense to me."),
    ("Omeprazole", "gwen_t", "GERD", (4, 5, 3), "over_5y", ["Headache"],
     "It works, but when I tried stopping it the heartburn came back with a vengeance for a couple of weeks. "
     "We're trying a slower step-down this time."),
    ("Ibuprofen", "jen_r_walks", "Arthritis", (4, 5, 3), "1_2y", ["Upset stomach"],
     "Helps my knees on long walking days. I take it with food because on an empty stomach it gives me "
     "heartburn. Checked with my pharmacist since I also take other things."),
    ("Acetaminophen", "bob_mcd", "Back pain", (2, 5, 2), "1_6m", [],
     "Easy and gentle, but on its own it barely touched my back pain. Physio did more for me, honestly."),
    ("Gabapentin", "rosie_m", "Nerve pain", (3, 3, 3), "6_12m", ["Drowsiness", "Dizziness", "Weight gain"],
     "Took the burning in my feet down a few notches. Very sleepy at first; the dose was increased slowly "
     "which helped. Put on some weight, which I'm not thrilled about."),
    ("Sumatriptan", "hannah_w", "Migraine", (5, 4, 5), "2_5y", ["Chest tightness", "Tingling"],
     "Life-changing for my migraines if I take it early. A weird tight feeling in my chest and neck for half an "
     "hour the first few times, which my GP explained. I still get the migraines, they just don't take the "
     "whole day."),
    ("Albuterol", "frank_copd", "COPD", (4, 4, 4), "over_5y", ["Shaky hands"],
     "My reliever. Makes my hands shaky for a bit. Learning to use a spacer properly made a real difference "
     "to how much it helps, so ask someone to check your technique."),
    ("Montelukast", "zoe_q", "Asthma", (3, 5, 2), "1_6m", ["Vivid dreams", "Mood changes"],
     "Breathing was a little better, but I had really vivid dreams and felt low and irritable. I spoke to my "
     "asthma nurse and we stopped it. Others in my family take it with no problems."),
    ("Cetirizine", "kate_s", "Hay fever", (4, 5, 4), "1_6m", ["Drowsiness"],
     "Takes the sneezing away in spring. Makes me a bit sleepy, so I take it in the evening."),
    ("Loratadine", "kate_s", "Hay fever", (3, 5, 4), "1_6m", [],
     "Less drowsy for me than cetirizine but also a bit less strong. Fine for milder days."),
    ("Melatonin", "ollie_d", "Insomnia", (2, 5, 3), "1_6m", ["Grogginess"],
     "Maybe helps me drop off a bit earlier, but I wake up groggy. The sleep routine stuff the clinic taught "
     "me has done more."),
    ("Vitamin D", "ingrid_v", "Vitamin D deficiency", (4, 5, 4), "6_12m", [],
     "My level was very low after a winter indoors. A few months of the supplement and my repeat test was "
     "normal. Can't say I felt dramatically different, but the aches in my legs eased."),
    ("Iron", "beth_c", "Iron deficiency anaemia", (4, 2, 3), "1_6m", ["Constipation", "Dark stools", "Nausea"],
     "The tiredness lifted after about six weeks and my ferritin came up. But the constipation was real and "
     "the nausea on an empty stomach was worse. Taking it every other day, as my doctor suggested, was easier."),
    ("Fish oil", "tariq_h", "High triglycerides", (3, 3, 3), "6_12m", ["Fishy aftertaste", "Burping"],
     "My triglycerides came down a little alongside diet changes. The fishy burps are not pleasant; keeping "
     "the capsules in the fridge helped."),
    ("Magnesium", "lindsay_p", "Leg cramps", (3, 5, 4), "1_6m", ["Loose stools"],
     "Fewer night cramps, I think. Loose stools at the higher dose, fine at the lower one."),
    ("Escitalopram", "alex_m", "Anxiety", (4, 5, 4), "1_2y", ["Tiredness", "Yawning"],
     "Took about a month to feel the difference. I yawn constantly, which my colleagues find hilarious. "
     "Panic attacks went from weekly to rare."),
    ("Bupropion", "chris_p", "Depression", (4, 4, 4), "6_12m", ["Dry mouth", "Trouble sleeping"],
     "Gave me more energy than my previous one, and none of the sexual side effects. Trouble sleeping until I "
     "moved the dose to the morning."),
    ("Prednisone", "gwen_t", "Asthma", (5, 4, 2), "under_1m", ["Trouble sleeping", "Increased appetite", "Mood changes"],
     "A short course during a bad flare. Breathing got better within days, but I was wired, starving and "
     "snappy the whole time. Glad it was short."),
    ("Amoxicillin", "luis_g", "Ear infection", (4, 5, 4), "under_1m", ["Diarrhoea"],
     "Cleared the infection within a few days. Some stomach upset; finished the course as I was told."),
    ("Semaglutide", "jordan_b", "Type 2 diabetes", (5, 3, 4), "6_12m", ["Nausea", "Constipation"],
     "Blood sugars are the best they've been in years and I've lost weight. The nausea after each dose "
     "increase was hard going for a few days; smaller meals helped. Weekly injection is easier than I "
     "feared."),
    ("Insulin glargine", "raj_s", "Type 1 diabetes", (4, 4, 4), "over_5y", ["Low blood sugar"],
     "My background insulin. The main thing was getting the timing consistent. Occasional lows overnight "
     "when I'd exercised a lot that day, which my diabetes team helped me adjust for."),
    ("Warfarin", "elaine_b", "Atrial fibrillation", (4, 2, 3), "2_5y", ["Bruising"],
     "Does the job, but all the INR checks and watching what I eat is a lot. I bruise like a peach."),
    ("Apixaban", "mark_b", "Atrial fibrillation", (4, 5, 4), "1_2y", ["Bruising", "Nosebleeds"],
     "Much less fuss than warfarin for me: no regular blood tests. I do bleed longer from small cuts and had "
     "a couple of nosebleeds; I told my cardiologist at my check-up."),
    ("Fluticasone", "zoe_q", "Asthma", (4, 4, 4), "2_5y", ["Hoarse voice"],
     "My preventer. Rinsing my mouth after every dose stopped the hoarseness. Far fewer bad days since I've "
     "taken it every day rather than only when I remembered."),
    ("Naproxen", "nik_v", "Period pain", (5, 5, 4), "2_5y", ["Upset stomach"],
     "The only thing that lets me work on day one of my period. Always with food."),
]
