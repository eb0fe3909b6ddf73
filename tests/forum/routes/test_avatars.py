"""Profile pictures: generated initials for everyone; uploads re-encoded without EXIF, by content
digest; hostile files refused with a message; moderators remove one, in the log."""
import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from forum.models import Avatar, ModerationAction, Role, User, utcnow


def jpeg_with_location(width=640, height=480, colour=(200, 40, 40)) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90
    gps = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    exif[0x8825] = gps  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(client, data: bytes, name="me.jpg"):
    return client.post("/settings/avatar", data={"picture": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


@pytest.fixture
def ann(make_user, login):
    make_user("ann")
    return login("ann")


def test_everyone_has_initials_until_they_upload(ann, make_user, make_group, make_thread, app):
    make_group("Migraine")
    make_thread("ann", "migraine", title="Aura without headache?", body="Has anyone had this?")
    page = app.test_client().get("/u/ann").get_data(as_text=True)
    assert '<svg class="avatar"' in page and ">A</text>" in page


def test_an_upload_is_reencoded_without_exif_and_served_by_digest(ann, db, make_group, make_thread, app):
    response = upload(ann, jpeg_with_location())
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "ann"))
    stored = db.session.scalar(select(Avatar))
    assert user.avatar_digest == stored.digest and len(stored.data) < 40_000
    picture = Image.open(io.BytesIO(stored.data))
    assert picture.format == "WEBP" and picture.size == (256, 256)
    assert not picture.getexif() and "exif" not in picture.info and b"PhoneMaker" not in stored.data
    served = app.test_client().get(f"/avatars/{stored.digest}.webp")
    assert served.status_code == 200 and served.data == stored.data
    assert served.headers["Content-Type"] == "image/webp"
    assert "immutable" in served.headers["Cache-Control"]
    make_group("Migraine")
    make_thread("ann", "migraine", title="Aura without headache?", body="Has anyone had this?")
    thread = app.test_client().get("/groups/migraine").get_data(as_text=True)
    assert f"/avatars/{stored.digest}.webp" in app.test_client().get("/u/ann").get_data(as_text=True)
    assert thread  # the group page renders with the new picture in the author fragments
    first = stored.digest
    upload(ann, jpeg_with_location(colour=(10, 120, 200)))
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 1
    assert db.session.scalar(select(Avatar)).digest != first, "a new picture is a new URL"
    assert app.test_client().get(f"/avatars/{first}.webp").status_code == 404


@pytest.mark.parametrize("data, name, message", [
    (b"", "empty.jpg", "Choose a picture"),
    (b"MZ\x90\x00 not an image at all", "virus.jpg", "not a picture Askwell can read"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "x.svg",
     "not a picture Askwell can read"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "broken.png", "not a picture Askwell can read"),
])
def test_files_that_are_not_pictures_get_a_message_and_nothing_is_stored(ann, db, data, name, message):
    response = upload(ann, data, name)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 0


def test_a_decompression_bomb_is_refused_before_decoding(ann, db):
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)  # 3.6 gigapixels declared
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + \
        chunk(b"IEND", b"")
    response = upload(ann, bomb, "bomb.png")
    assert response.status_code == 400 and "too large in pixels" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 0


def test_a_file_over_the_limit_gets_a_message(ann, db, monkeypatch):
    # A 200 kB limit keeps the test's own upload in memory (the test client spools bigger ones to files).
    import forum.actions.avatars as avatars
    import forum.profiles.avatars as routes

    monkeypatch.setattr(avatars, "MAX_BYTES", 200 * 1024)
    monkeypatch.setattr(routes, "MAX_BYTES", 200 * 1024)
    response = upload(ann, b"\xff\xd8" + b"0" * (200 * 1024 + 10), "huge.jpg")
    assert response.status_code == 400 and "the limit is 200 kB" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 0


def test_a_silenced_member_cannot_change_their_picture(ann, db):
    user = db.session.scalar(select(User).where(User.username == "ann"))
    from datetime import timedelta

    user.silenced_until = utcnow() + timedelta(days=3)
    db.session.commit()
    response = upload(ann, jpeg_with_location())
    assert response.status_code == 400 and "paused your posting" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 0


def test_removing_your_own_picture(ann, db):
    upload(ann, jpeg_with_location())
    assert ann.post("/settings/avatar/remove").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 0
    assert db.session.scalar(select(User.avatar_digest).where(User.username == "ann")) is None


def test_a_site_moderator_removes_a_picture_with_a_reason_in_the_log(ann, db, make_user, login, app):
    upload(ann, jpeg_with_location())
    make_user("bob")
    bob = login("bob", c=app.test_client())
    assert bob.post("/mod/user/ann/avatar/remove", data={"reason": "x"}).status_code == 403
    make_user("mod_maria", role=Role.MODERATOR)
    maria = login("mod_maria", c=app.test_client())
    assert "Remove the picture" in maria.get("/mod/user/ann").get_data(as_text=True)
    maria.post("/mod/user/ann/avatar/remove", data={"reason": ""})
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 1, "no reason, nothing removed"
    maria.post("/mod/user/ann/avatar/remove", data={"reason": "A photo of someone else's prescription."})
    assert db.session.scalar(select(func.count()).select_from(Avatar)) == 0
    entry = db.session.scalar(select(ModerationAction).where(ModerationAction.action == "remove_avatar"))
    assert entry.reason == "A photo of someone else's prescription." and entry.target_user.username == "ann"


def test_bad_digests_are_404(client):
    for digest in ("0" * 64, "zz", "../../etc/passwd", "%00", "A" * 64):
        assert client.get(f"/avatars/{digest}.webp").status_code == 404
