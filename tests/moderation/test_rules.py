"""``moderation.rules``: the automatic rules as functions of text (no database, no app)."""
import time

from moderation.rules import RuleSettings, count_links, screen, watched_word_hits, watched_word_pattern

WATCHED = [("casinobonus", "block"), ("miracle cure", "hold"), ("detox", "flag")]


def test_whole_word_any_case():
    pattern = watched_word_pattern("spam")
    assert pattern.search("Total SPAM!") and pattern.search("spam") and pattern.search("(spam)")
    assert not pattern.search("spammer") and not pattern.search("antispam")
    phrase = watched_word_pattern("miracle cure")
    assert phrase.search("a Miracle   Cure for all") and not phrase.search("miracle cures")


def test_block_hold_and_flag_by_word():
    assert "casinobonus" in screen("Get a CasinoBonus now", watched=WATCHED).block
    held = screen("This Miracle Cure worked", watched=WATCHED, author_posts=50)
    assert held.hold.startswith("Held for review") and not held.block and held.needs_review
    flagged = screen("A juice detox helped", watched=WATCHED, author_posts=50)
    assert flagged.flag == "Watched word: detox" and not flagged.hold
    assert not screen("Plain words about sleep", watched=WATCHED).needs_review
    assert watched_word_hits("detox and a miracle cure", WATCHED) == {"hold": ["miracle cure"], "flag": ["detox"]}


def test_links_limit_and_new_members_links():
    links = " ".join(f"https://example{i}.org" for i in range(9))
    assert count_links(links) == 9
    assert "up to 8 links" in screen(links).block
    assert screen(links, settings=RuleSettings(max_links=None), author_posts=99).block is None
    one = "See https://www.nhs.uk/conditions/migraine/"
    assert screen(one, author_posts=0).hold == "Held for review: links in a new member's first posts"
    assert screen(one, author_posts=3).hold is None
    assert screen(one, author_posts=0, trusted=True).hold is None
    assert screen(one, author_posts=0, settings=RuleSettings(hold_new_member_links=False)).hold is None


def test_linear_time_on_hostile_text():
    words = [(f"word{i}", "flag") for i in range(200)] + [("a " * 20, "block")]
    hostile = ("a " * 50_000, "www." * 25_000, "[" * 100_000, "https://" + "a" * 100_000, "<a:" * 30_000,
               "[x](" * 25_000, "](" * 50_000)
    for text in hostile:
        started = time.perf_counter()
        screen(text, watched=words)
        assert time.perf_counter() - started < 1.0, text[:20]
