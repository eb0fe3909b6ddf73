"""Deterministic, app-independent forum dataset for side-by-side benchmarks.

Pure standard library.  Any forum implementation can import `build()` and load
the same users / categories / forums / topics / posts, so the numbers are
comparable.  Shape (defaults):

  200 users (user index 0 is the admin), 2 categories x 5 forums = 10 forums,
  2,000 topics, 40,000 posts in total (first posts included),
  topic index 0 ("the long thread") has exactly 100 posts, every other topic
  has between 1 and 99 posts.

Search probes:
  RARE_WORD   occurs in exactly 3 posts (planted, not in the vocabulary).
  COMMON_WORD is an ordinary high-frequency vocabulary word; its document
              frequency is printed by `python gen_dataset.py`.

Usage:  python gen_dataset.py            # prints a summary
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

SEED = 20260201
N_USERS = 200
N_TOPICS = 2000
N_POSTS = 40000
LONG_TOPIC_POSTS = 100
RARE_WORD = "xerostomia"
RARE_COUNT = 3
COMMON_WORD = "sleep"
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
SPAN_DAYS = 700

CATEGORIES = [
    ("General health", [
        ("Introductions", "Say hello to the community"),
        ("Nutrition and diet", "Food, supplements, eating habits"),
        ("Exercise and fitness", "Training, running, mobility"),
        ("Sleep", "Insomnia, routines, sleep hygiene"),
        ("Mental wellbeing", "Stress, anxiety, mood"),
    ]),
    ("Conditions", [
        ("Diabetes", "Type 1, type 2, prediabetes"),
        ("Heart and blood pressure", "Cardiovascular topics"),
        ("Allergies and asthma", "Hay fever, food allergies, inhalers"),
        ("Chronic pain", "Back pain, migraines, arthritis"),
        ("Skin conditions", "Eczema, psoriasis, acne"),
    ]),
]

# Topic-ish nouns / health vocabulary (frequent first: Zipf-like sampling).
HEALTH_WORDS = """
sleep doctor pain symptoms medication headache blood pressure diet exercise
stress anxiety energy weight sugar insulin heart breathing allergy inhaler
skin rash itching migraine back knee joint muscle fatigue vitamin iron
protein water caffeine coffee alcohol smoking walking running stretching
therapy appointment prescription dose tablets side effects clinic nurse
hospital test results scan appointment glucose cholesterol diabetes asthma
eczema psoriasis arthritis inflammation infection fever cough throat sinus
nausea stomach digestion appetite snack breakfast dinner vegetables fruit
fiber salt fat calories fasting recovery injury posture meditation mood
therapist counselling routine bedtime insomnia nap melatonin morning evening
night weekend tiredness dizziness palpitations swelling cream ointment
moisturiser sunscreen pollen dust mould pets hayfever antihistamine steroid
physio yoga swimming cycling weights cardio heartbeat pulse monitor readings
""".split()

FILLER_WORDS = """
i you we they it this that my your our have has had been was were am is are
be do did does not just really very quite also still even only so but and or
if when then because since after before while about with without for from to
of in on at by as into over under again more most some any many much few
little lot lots week weeks day days month months year years time times today
yesterday tomorrow feel felt feeling think thought know knew try tried trying
help helped helps start started stop stopped get got take took make made
good better best bad worse worst new old same different other thing things
someone anyone everyone people family friend partner kids work job home
anything something nothing maybe probably definitely actually honestly thanks
advice question experience idea suggestion update hope hoping worried normal
""".split()

TITLE_TEMPLATES = [
    "Anyone else dealing with {a} and {b}?",
    "Question about {a}",
    "{A} after starting {b}",
    "Tips for better {a}?",
    "My {a} journey so far",
    "Is {a} normal with {b}?",
    "How do you manage {a}?",
    "{A} getting worse at {b}",
    "Looking for advice on {a}",
    "Update: {a} and {b}",
]


@dataclass
class User:
    index: int
    username: str
    email: str
    joined: dt.datetime
    is_admin: bool = False


@dataclass
class Forum:
    index: int
    category_index: int
    title: str
    description: str


@dataclass
class Post:
    index: int
    topic_index: int
    user_index: int
    created: dt.datetime
    content: str


@dataclass
class Topic:
    index: int
    forum_index: int
    user_index: int
    title: str
    created: dt.datetime
    views: int
    posts: list[Post] = field(default_factory=list)


@dataclass
class Dataset:
    users: list[User]
    categories: list[str]
    forums: list[Forum]
    topics: list[Topic]

    @property
    def long_topic(self) -> Topic:
        return self.topics[0]

    def iter_posts(self):
        for t in self.topics:
            yield from t.posts


def _zipf_weights(n: int, s: float = 0.5) -> list[float]:
    return [1.0 / (k ** s) for k in range(1, n + 1)]


def _post_counts(rng: random.Random) -> list[int]:
    """Posts per topic: topic 0 gets exactly LONG_TOPIC_POSTS; the rest get
    1..99 (skewed: most threads are short) and sum to the remainder."""
    rest_total = N_POSTS - LONG_TOPIC_POSTS
    n = N_TOPICS - 1
    raw = [min(99, max(1, int(rng.lognormvariate(2.6, 0.85)))) for _ in range(n)]
    # scale towards the exact total, then fix the remainder one by one
    factor = rest_total / sum(raw)
    counts = [min(99, max(1, round(c * factor))) for c in raw]
    diff = rest_total - sum(counts)
    i = 0
    while diff != 0:
        j = i % n
        if diff > 0 and counts[j] < 99:
            counts[j] += 1
            diff -= 1
        elif diff < 0 and counts[j] > 1:
            counts[j] -= 1
            diff += 1
        i += 1
    return [LONG_TOPIC_POSTS] + counts


def _sentence(rng: random.Random, hw, hw_w, fw) -> str:
    n = rng.randint(6, 18)
    words = []
    for _ in range(n):
        if rng.random() < 0.08:
            words.append(rng.choices(hw, hw_w)[0])
        else:
            words.append(rng.choice(fw))
    s = " ".join(words)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", "!"])


def _content(rng: random.Random, hw, hw_w, fw) -> str:
    paras = []
    for _ in range(rng.choices([1, 2, 3, 4], [45, 30, 15, 10])[0]):
        sents = [_sentence(rng, hw, hw_w, fw) for _ in range(rng.randint(1, 4))]
        paras.append(" ".join(sents))
    r = rng.random()
    if r < 0.10:  # a short markdown list
        items = [rng.choices(hw, hw_w)[0] for _ in range(rng.randint(2, 4))]
        paras.append("\n".join("- " + it for it in items))
    elif r < 0.15:
        paras[0] = "**" + paras[0].split(".")[0] + "**." + paras[0][len(paras[0].split(".")[0]) + 1:]
    elif r < 0.20:
        paras.insert(0, "> " + _sentence(rng, hw, hw_w, fw))
    return "\n\n".join(paras)


def build(seed: int = SEED) -> Dataset:
    rng = random.Random(seed)
    hw = list(dict.fromkeys(HEALTH_WORDS))  # dedupe, keep order
    hw_w = _zipf_weights(len(hw))
    fw = FILLER_WORDS

    users = [User(0, "admin", "admin@example.org", START, is_admin=True)]
    for i in range(1, N_USERS):
        users.append(User(i, f"member{i:03d}", f"member{i:03d}@example.org",
                          START + dt.timedelta(days=rng.uniform(0, 60))))
    # activity skew: a few users write most posts
    user_w = _zipf_weights(N_USERS, 0.8)

    categories = [c for c, _ in CATEGORIES]
    forums = []
    for ci, (_, fl) in enumerate(CATEGORIES):
        for title, desc in fl:
            forums.append(Forum(len(forums), ci, title, desc))
    forum_w = [rng.uniform(0.5, 2.0) for _ in forums]

    counts = _post_counts(rng)
    topics: list[Topic] = []
    post_index = 0
    for ti in range(N_TOPICS):
        a, b = rng.choices(hw, hw_w, k=2)
        title = rng.choice(TITLE_TEMPLATES).format(a=a, b=b, A=a.capitalize())
        created = START + dt.timedelta(days=60 + rng.uniform(0, SPAN_DAYS - 90),
                                       seconds=rng.randint(0, 86399))
        t = Topic(ti, rng.choices(range(len(forums)), forum_w)[0],
                  rng.choices(range(N_USERS), user_w)[0], title, created,
                  views=rng.randint(counts[ti], counts[ti] * 25))
        when = created
        for pi in range(counts[ti]):
            author = t.user_index if pi == 0 else rng.choices(range(N_USERS), user_w)[0]
            if pi:
                when = when + dt.timedelta(minutes=rng.randint(3, 60 * 36))
            t.posts.append(Post(post_index, ti, author, when,
                                _content(rng, hw, hw_w, fw)))
            post_index += 1
        topics.append(t)

    # plant the rare word in exactly RARE_COUNT posts (not in the long topic)
    all_posts = [p for t in topics[1:] for p in t.posts]
    for p in rng.sample(all_posts, RARE_COUNT):
        p.content += f"\n\nMy dentist called it {RARE_WORD}, never heard of it before."

    assert post_index == N_POSTS, post_index
    assert len(topics[0].posts) == LONG_TOPIC_POSTS
    return Dataset(users, categories, forums, topics)


def doc_freq(ds: Dataset, word: str) -> int:
    w = word.lower()
    return sum(1 for p in ds.iter_posts() if w in p.content.lower())


if __name__ == "__main__":
    import time
    t0 = time.time()
    ds = build()
    n_posts = sum(len(t.posts) for t in ds.topics)
    chars = sum(len(p.content) for p in ds.iter_posts())
    print(f"built in {time.time() - t0:.1f}s: users={len(ds.users)} forums={len(ds.forums)} "
          f"topics={len(ds.topics)} posts={n_posts} avg_post_chars={chars / n_posts:.0f}")
    print(f"long topic: index 0, {len(ds.long_topic.posts)} posts, title={ds.long_topic.title!r}")
    print(f"max posts in other topics: {max(len(t.posts) for t in ds.topics[1:])}")
    print(f"substring doc freq: {RARE_WORD}={doc_freq(ds, RARE_WORD)} {COMMON_WORD}={doc_freq(ds, COMMON_WORD)}")
