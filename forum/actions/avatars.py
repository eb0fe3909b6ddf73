"""Profile pictures: a member uploads or removes theirs; a moderator removes one, audited.

An upload is checked before any image library decodes it (size in bytes,
then the pixel dimensions the header declares, against decompression bombs),
then decoded with Pillow, turned upright from its EXIF orientation, cropped to
a square and re-encoded from the pixels alone as a 256-pixel WebP. The stored
picture therefore carries no EXIF or other metadata, whatever was uploaded.
"""
from __future__ import annotations

import hashlib
import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import delete

from forum.actions import ActionError
from forum.actions.audit import record
from forum.extensions import db
from forum.models import Avatar, User
from forum.publishing import may_publish

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # e.g. 8000 x 5000: every real photo, no decompression bomb
SIZE = 256
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
TOO_MANY_PIXELS = "That picture is too large in pixels: use one under 40 megapixels."


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB".replace(".0 MB", " MB") if count >= 1024 * 1024 else f"{count // 1024} kB"


def reencode(data: bytes) -> bytes:
    """``data`` (an uploaded image) as a square SIZE-pixel WebP without metadata; ActionError if not."""
    if not data:
        raise ActionError("Choose a picture to upload.")
    if len(data) > MAX_BYTES:
        raise ActionError(f"That picture is {_size(len(data))}; the limit is {_size(MAX_BYTES)}.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in FORMATS:
                    raise ActionError("Upload a JPEG, PNG, WebP or GIF picture.")
                width, height = image.size
                if width * height > MAX_PIXELS or min(width, height) < 1:
                    raise ActionError(TOO_MANY_PIXELS)
                image.seek(0)
                upright = ImageOps.exif_transpose(image)
                pixels = upright.convert("RGBA" if "A" in upright.getbands() or "transparency" in upright.info
                                         else "RGB")
    except ActionError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ActionError(TOO_MANY_PIXELS) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise ActionError("That file is not a picture Askwell can read. Upload a JPEG, PNG, WebP or GIF.") from None
    square = ImageOps.fit(pixels, (SIZE, SIZE), Image.Resampling.LANCZOS)
    # Rebuilt from raw pixel bytes: the new image has no info at all (no EXIF, ICC or text chunks).
    clean = Image.frombytes(square.mode, square.size, square.tobytes())
    out = io.BytesIO()
    clean.save(out, "WEBP", quality=85, method=4)
    return out.getvalue()


def set_avatar(user: User, data: bytes) -> Avatar:
    may_publish(user)  # a picture is published like a bio: not while silenced, suspended or banned
    picture = reencode(data)
    digest = hashlib.sha256(picture).hexdigest()
    db.session.execute(delete(Avatar).where(Avatar.user_id == user.id))
    avatar = Avatar(user_id=user.id, digest=digest, data=picture)
    db.session.add(avatar)
    user.avatar_digest = digest
    db.session.commit()
    return avatar


def remove_avatar(actor: User, user: User, reason: str = "") -> None:
    """Back to the generated picture; when ``actor`` is a moderator, the removal is in the log."""
    if user.avatar_digest is None:
        return
    if actor.id != user.id:
        if not (reason or "").strip():
            raise ActionError("Give a reason: the member sees it in the moderation log of their account.")
        record(actor, "remove_avatar", "user", user.id, target_user_id=user.id, reason=reason)
    db.session.execute(delete(Avatar).where(Avatar.user_id == user.id))
    user.avatar_digest = None
    db.session.commit()
