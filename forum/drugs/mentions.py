"""Where a drug is talked about: the one call into search for the drug pages.

Search already knows which threads and replies each visitor may see (private
groups, hidden and deleted posts stay out for those who may not see them) and
expands brand names to generics through its synonym list, so "Glucophage" in a
post is found from the metformin page. Everything the drug pages show about
conversations comes through ``search_mentions``; re-point it here if mentions
are ever found another way (a table filled by ``forum.drugs.names.mentioned_drugs``
at write time, say).
"""
from __future__ import annotations

from forum.searching.service import Results, run_search
from search.interface import Filters


def search_mentions(user, name: str) -> Results:
    """The newest threads and replies ``user`` may see that mention ``name``."""
    return run_search(user, name, Filters(sort="newest"))
