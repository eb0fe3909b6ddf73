"""Where the Whoosh index lives on disk, and how a rebuilt one replaces it.

``SEARCH_INDEX_DIR`` holds one directory per generation (``gen-...``) and a
``CURRENT`` file naming the live one. A rebuild writes a new generation beside
the live one and swaps it in by replacing ``CURRENT`` with ``os.replace`` (an
atomic rename); searchers notice on their next query. Writers lock the live
generation with Whoosh's own lock, waiting up to a timeout, and check after
locking that it is still the live one.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import whoosh.codec.base
import whoosh.writing
from whoosh import index
from whoosh.index import LockError

from search.interface import IndexBusy

_NAME_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _unique_name(size: int = 28) -> str:
    """A random file name from the OS's randomness. Whoosh names new segments with Python's
    ``random`` module, so anything that seeds it (Hypothesis does, for every example) makes a
    new writer reuse a live segment's name, and cancelling that writer truncates the live
    segment's files: the index is then unreadable ("Unknown file header")."""
    return "".join(_NAME_CHARS[b % len(_NAME_CHARS)] for b in os.urandom(size))


whoosh.codec.base.random_name = _unique_name
whoosh.writing.random_name = _unique_name

# A file a new commit no longer needs stays this long before a later commit deletes it.
UNREFERENCED_GRACE_SECONDS = 120.0
_LEDGER = ".unreferenced.json"


def _clean_files_after_grace(storage, indexname, gen, segments) -> None:
    """Whoosh's ``clean_files``, deferred: the previous commits' TOCs and the files of segments
    merged away are deleted only once they have gone unused for ``UNREFERENCED_GRACE_SECONDS``.

    Whoosh deletes them at once, but each gunicorn worker has its own searcher, and one opened a
    moment before the commit still needs them: Whoosh opens a segment's stored fields and lengths
    only on first use, so a search running across another worker's commit failed ("search is
    unavailable", seen in ``bench/soak.py``). Writers call this holding the index's write lock,
    so the ledger of first-unused times has one writer at a time.
    """
    keep = {segment.segment_id() for segment in segments}
    toc_name, segment_file = index.TOC._pattern(indexname), index.TOC._segment_pattern(indexname)
    unused = set()
    for filename in storage:
        if filename.startswith("."):
            continue
        toc, seg = toc_name.match(filename), segment_file.match(filename)
        if (toc and int(toc.group(1)) != gen) or (seg and not toc and seg.group(1) not in keep):
            unused.add(filename)
    ledger_path = Path(storage.folder) / _LEDGER
    try:
        ledger = json.loads(ledger_path.read_text())
    except (OSError, ValueError):
        ledger = {}
    now = time.time()
    since = {name: ledger.get(name, now) for name in unused}
    for name, first_unused in list(since.items()):
        if now - first_unused >= UNREFERENCED_GRACE_SECONDS:
            try:
                storage.delete_file(name)
                del since[name]
            except OSError:
                pass  # tried again at the next commit
    tmp = ledger_path.with_name(f"{_LEDGER}.{os.getpid()}")
    tmp.write_text(json.dumps(since))
    os.replace(tmp, ledger_path)


index.clean_files = _clean_files_after_grace  # whoosh.writing imports it from here at each commit


class IndexDamaged(RuntimeError):
    """The live index cannot be read (missing files): searches fail until a rebuild."""

POINTER = "CURRENT"
_TOC = re.compile(r"_MAIN_(\d+)\.toc$")


class IndexStore:
    def __init__(self, root: str, schema, codec=None):
        self.root = Path(root)
        self.schema = schema
        self.codec = codec  # what new segments are written with (None: Whoosh's default)

    def current_name(self) -> str | None:
        try:
            return (self.root / POINTER).read_text().strip() or None
        except FileNotFoundError:
            return None

    def commit_mark(self) -> tuple | None:
        """The live generation and its newest commit's number: it changes with every commit
        and every swap, so a reader can tell whether the index moved under it."""
        name = self.current_name()
        if name is None:
            return None
        try:
            files = os.listdir(self.root / name)
        except FileNotFoundError:
            return name, None
        return name, max((int(m.group(1)) for f in files if (m := _TOC.match(f))), default=None)

    def open_current(self):
        """The live index, or None when none was built yet."""
        name = self.current_name()
        if name is None:
            return None
        return index.open_dir(str(self.root / name), schema=self.schema)

    def damaged(self) -> bool:
        """True when the live generation is missing or cannot be read through (the pointer names a
        deleted folder, its TOC or a segment file is gone, a file is truncated)."""
        name = self.current_name()
        if name is None or not (self.root / name).is_dir():
            return True
        try:
            ix = index.open_dir(str(self.root / name))  # with the schema it was built with
            if set(ix.schema.names()) != set(self.schema.names()):
                return True  # built by an older version with other fields: it answers nothing now
            self.check_files(ix, name)
            with ix.searcher() as searcher:
                searcher.doc_count()
                for fieldname in self.schema.scorable_names():
                    for _ in zip(range(1), searcher.reader().lexicon(fieldname)):
                        pass
            return False
        except Exception:  # any way of being unreadable counts: rebuild
            return True

    def check_files(self, ix, name: str) -> None:
        """Raises ``IndexDamaged`` unless every segment of ``ix`` has its files, checked with one
        directory listing before any is opened (Whoosh leaks the files it opened when one is missing)."""
        files = {p.name for p in (self.root / name).iterdir()}
        for segment in ix._segments():
            # One compound .seg, or (compound=False) the segment's terms and postings.
            prefix = f"{ix.indexname}_{segment.segid}"
            if f"{prefix}.seg" not in files and not {f"{prefix}.trm", f"{prefix}.pst"} <= files:
                raise IndexDamaged(f"the search index {name} lost segment {segment.segid}; run `search rebuild`")

    def new_generation(self):
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        path = self.root / name
        path.mkdir()
        return name, index.create_in(str(path), self.schema)

    def swap_to(self, name: str) -> None:
        previous = self.current_name()
        tmp = self.root / f".{POINTER}.{os.getpid()}"
        tmp.write_text(name)
        os.replace(tmp, self.root / POINTER)
        # The previous generation stays until the next swap: searchers and
        # writers still holding it finish their work undisturbed.
        self._remove_old(keep={name, previous})

    def _remove_old(self, keep: set[str]) -> None:
        for path in self.root.glob("gen-*"):
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def _creation_lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".create.lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def ensure(self):
        """The live index, created empty on first use (safe between processes)."""
        ix = self.open_current()
        if ix is not None:
            return ix
        with self._creation_lock():
            ix = self.open_current()
            if ix is None:
                name, ix = self.new_generation()
                self.swap_to(name)
            return ix

    @contextmanager
    def writer(self, timeout: float):
        """A writer on the live generation, committed on success. Raises ``IndexBusy``."""
        deadline = time.monotonic() + timeout
        while True:
            ix = self.ensure()
            name = self.current_name()
            try:
                w = ix.writer(timeout=max(0.0, deadline - time.monotonic()), delay=0.01, compound=False,
                              codec=self.codec)
            except LockError:
                raise IndexBusy(f"the search index stayed locked for {timeout:g}s") from None
            if self.current_name() == name:
                break
            w.cancel()  # a rebuild swapped generations while we waited
        try:
            yield w
        except BaseException:
            w.cancel()
            raise
        w.commit()

    @contextmanager
    def hold_lock(self, timeout: float):
        """Keep every other writer off the live generation (during a rebuild). A live generation
        that cannot be opened takes no writer anyway, so there is nothing to hold."""
        try:
            ix = self.ensure()
        except Exception:  # damaged (no TOC, missing files): the rebuild replaces it
            yield
            return
        lock = ix.lock("WRITELOCK")
        deadline = time.monotonic() + timeout
        while not lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise IndexBusy(f"the search index stayed locked for {timeout:g}s")
            time.sleep(0.05)
        try:
            yield
        finally:
            lock.release()
