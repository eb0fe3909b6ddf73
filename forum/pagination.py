"""Page numbers for lists whose total is known from a stored counter."""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort, request


def requested_page() -> int:
    """The ``page`` query argument as a positive int; 404 for nonsense."""
    raw = request.args.get("page", "1")
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 7:
        abort(404)
    return int(raw)


@dataclass(frozen=True)
class Pager:
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link, with None where a gap (…) goes."""
        keep = {1, self.pages} | set(range(self.page - around, self.page + around + 1))
        out: list[int | None] = []
        last = 0
        for n in sorted(p for p in keep if 1 <= p <= self.pages):
            if n - last > 1:
                out.append(None)
            out.append(n)
            last = n
        return out
