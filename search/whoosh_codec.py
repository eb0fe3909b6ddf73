"""A Whoosh codec whose postings blocks hold arrays of machine numbers instead of pickles.

Whoosh-Reloaded 2.7.5's own codec (``W3Codec``) writes each block of up to 128 postings as a
zlib-compressed pickle of tuples of Python numbers. Reading one back (decompress, unpickle,
undo the gaps between document numbers one by one) costs 30-50 µs, and a search of two common
words reads about 200 blocks. ``ArrayCodec`` writes the same blocks, with the same block
header (so Whoosh's skipping, block quality and phrase matching work as before), but their
contents as little-endian arrays that numpy reads without a copy:

- the first document number (4 bytes), then the gaps to the next ones, 2 bytes each when all are
  below 65,536, else 4;
- the weights: nothing when all are 1, one float32 when all are the same, one byte each when all
  are whole numbers up to 255 (word counts), else float32 each;
- the values (word positions), pickled and compressed as before, only for fields that have them.

The numbers are not compressed: a block of a field without positions is about 400 bytes, about
what it was compressed.
``ArrayLeafMatcher.block_arrays`` hands ``search.whoosh_arrays`` a block's numbers as arrays.
Term vectors (not used by this index) keep Whoosh's format.
"""
from __future__ import annotations

import pickle
import struct
import zlib

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PostingsWriter
from whoosh.util.numeric import length_to_byte

_HEAD = struct.Struct("<BBI")  # bytes per gap, kind of weights, first document number
ALL_ONE, ONE_VALUE, BYTES, FLOATS = range(4)  # kinds of weights


def _encode(ids, weights, values) -> bytes:
    ids = np.asarray(ids, dtype=np.int64)
    gaps = np.diff(ids)
    width = 2 if not len(gaps) or gaps.max() < 65536 else 4
    weights = np.asarray(weights, dtype=np.float32)
    if (weights == 1.0).all():
        kind, stored = ALL_ONE, b""
    elif (weights == weights[0]).all():
        kind, stored = ONE_VALUE, weights[:1].astype("<f4").tobytes()
    elif ((weights == np.round(weights)) & (weights >= 0) & (weights <= 255)).all():
        kind, stored = BYTES, weights.astype(np.uint8).tobytes()
    else:
        kind, stored = FLOATS, weights.astype("<f4").tobytes()
    return b"".join((_HEAD.pack(width, kind, int(ids[0])), gaps.astype("<u2" if width == 2 else "<u4").tobytes(),
                     stored, zlib.compress(pickle.dumps(values, 2), 1) if values is not None else b""))


def _decode(data: bytes, count: int) -> tuple[np.ndarray, np.ndarray, object]:
    width, kind, first = _HEAD.unpack_from(data)
    at = _HEAD.size
    ids = np.empty(count, dtype=np.int64)
    ids[0] = first
    gaps = np.frombuffer(data, dtype="<u2" if width == 2 else "<u4", count=count - 1, offset=at)
    np.cumsum(gaps, dtype=np.int64, out=ids[1:])
    ids[1:] += first
    at += width * (count - 1)
    if kind == ALL_ONE:
        weights = np.ones(count)
    elif kind == ONE_VALUE:
        weights, at = np.full(count, np.frombuffer(data, dtype="<f4", count=1, offset=at)[0], dtype=np.float64), at + 4
    elif kind == BYTES:
        weights, at = np.frombuffer(data, dtype=np.uint8, count=count, offset=at).astype(np.float64), at + count
    else:
        weights, at = np.frombuffer(data, dtype="<f4", count=count, offset=at).astype(np.float64), at + 4 * count
    return ids, weights, data[at:]  # the values stay packed until a phrase asks for them (``_values``)


def _values(packed: bytes):
    return pickle.loads(zlib.decompress(packed)) if packed else None


class ArrayPostingsWriter(W3PostingsWriter):
    def add_posting(self, id_, weight, vbytes, length=None):
        """As Whoosh's, without its checks of every argument's type (a rebuild adds about a
        million postings) and without length statistics (``ArrayCodec.length_stats``)."""
        if self._byteids:
            return super().add_posting(id_, weight, vbytes, length)
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        return None

    def _write_block(self, last=False):
        if self._byteids:  # term vectors: Whoosh's own format
            return super()._write_block(last)
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes = _encode(self._ids, self._weights, self._mini_values())
        # The block header Whoosh reads to skip blocks: count, last id, best weight, compression
        # (none), shortest and longest field.
        infobytes = pickle.dumps((len(self._ids), self._ids[-1], self._maxweight, 0,
                                  length_to_byte(self._minlength), length_to_byte(self._maxlength)), 2)
        length = len(infobytes) + len(databytes)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):
    def _read_data(self):
        raw = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        self._data = _decode(raw, self._blocklength)

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = self._data[0].tolist()

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        self._weights = self._data[1].tolist()

    def _read_values(self):
        if self._data is None:
            self._read_data()
        values = _values(self._data[2])
        if self._fixedsize == 0:
            self._values = (None,) * self._blocklength
        elif self._fixedsize is None or self._fixedsize < 0:
            self._values = values
        else:
            self._values = tuple(values[i:i + self._fixedsize] for i in range(0, len(values), self._fixedsize))

    def block_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """This block's document numbers and weights."""
        if self._data is None:
            self._read_data()
        return self._data[0], self._data[1]


class ArrayCodec(W3Codec):
    """``W3Codec`` with ``ArrayPostingsWriter`` blocks; segments written with it read them back.

    Blocks keep no field-length statistics (``length_stats``): Whoosh would look up the length
    of the document of every posting it writes, for scorers that normalise by length when they
    skip blocks, and this index's scorer (``SaturatedTF``) does not. A rebuild is about a fifth
    faster without them."""

    length_stats = False

    def postings_writer(self, dbfile, byteids=False):
        return ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids, compression=0,
                                   inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


# Blocks of 512 postings, not Whoosh's 128: each block read costs a few microseconds whatever its size,
# and nothing here skips inside a list (40 distinct two-word queries: CPU p50 13.5 to 10.2 ms).
CODEC = ArrayCodec(blocklimit=512)
