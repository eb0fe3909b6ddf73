"""The drug name dictionary as search synonyms: brand <-> generic from the catalogue and imports.

After the catalogue is loaded and after every importer run that wrote
something, ``write_synonym_file`` writes each drug's interchangeable names
(``names.synonym_sets``) to ``DRUG_SYNONYMS_FILE`` (by default beside the
search index), in the format ``search.synonyms`` reads; search loads it with
the curated list, reloading when it changes. So a brand an importer brings in
("Kerendia") finds posts that say the generic, with nobody typing the pair.
The file is replaced in one rename, so a search never reads half of it.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import current_app, has_app_context

from forum.drugs.names import synonym_sets


def synonym_file_path(app=None) -> str | None:
    app = app or (current_app if has_app_context() else None)
    if app is None:
        return None
    configured = app.config.get("DRUG_SYNONYMS_FILE")
    if configured:
        return configured
    return str(Path(app.config["SEARCH_INDEX_DIR"]).parent / "drug-synonyms.txt")


def synonym_file_missing() -> bool:
    path = synonym_file_path()
    return path is not None and not Path(path).exists()


def write_synonym_file() -> int:
    """Write the sets; returns how many. Does nothing outside an app."""
    path = synonym_file_path()
    if path is None:
        return 0
    sets = synonym_sets()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Written by Askwell from the drug catalogue and imports; do not edit (it is rewritten)."]
    lines += [", ".join(terms) for terms in sets]
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".drug-synonyms-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(temporary, target)
    return len(sets)
