"""Searching pills: by imprint (whole or partial), colour, shape, size and score."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import Pill
from forum.pills.imprint import imprint_key
from forum.pills.spl import COLORS, SHAPES

RESULTS_MAX = 50
SIZE_TOLERANCE_MM = 1


@dataclass
class PillQuery:
    imprint: str = ""
    color: str = ""
    shape: str = ""
    size: int | None = None
    score: int | None = None

    @property
    def key(self) -> str:
        return imprint_key(self.imprint)

    @property
    def asked(self) -> bool:
        return bool(self.key or self.color or self.shape or self.size or self.score)


def from_args(args) -> PillQuery:
    color = args.get("color", "").upper()
    shape = args.get("shape", "").upper()
    return PillQuery(imprint=args.get("imprint", "")[:100], color=color if color in COLORS else "",
                     shape=shape if shape in SHAPES else "", size=_small_int(args.get("size"), 1, 60),
                     score=_small_int(args.get("score"), 1, 4))


def _small_int(raw, low: int, high: int) -> int | None:
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 3):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def _like_escaped(key: str) -> str:
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_pills(query: PillQuery) -> tuple[list[Pill], bool]:
    """Matching pills, exact imprints first; and whether there were more than RESULTS_MAX."""
    if not query.asked:
        return [], False
    stmt = select(Pill).options(joinedload(Pill.drug))
    if query.key:
        stmt = stmt.where(Pill.imprint_key.like(f"%{_like_escaped(query.key)}%", escape="\\"))
    if query.shape:
        stmt = stmt.where(Pill.shape == query.shape)
    if query.size:
        stmt = stmt.where(Pill.size_mm.between(query.size - SIZE_TOLERANCE_MM, query.size + SIZE_TOLERANCE_MM))
    if query.score:
        stmt = stmt.where(Pill.score == query.score)
    stmt = stmt.order_by((Pill.imprint_key != query.key) if query.key else Pill.id, Pill.product, Pill.id)
    # Colours are a short JSON list: filtered here, over at most a few hundred candidates.
    rows = list(db.session.scalars(stmt.limit(RESULTS_MAX * 8 if query.color else RESULTS_MAX + 1)))
    if query.color:
        rows = [p for p in rows if query.color in (p.colors or [])]
    return rows[:RESULTS_MAX], len(rows) > RESULTS_MAX
