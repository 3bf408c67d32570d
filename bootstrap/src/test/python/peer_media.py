"""Small, real media files for the peer packages: a PNG and a WAV built byte by byte, so nothing is downloaded."""

import hashlib
import io
import struct
import wave
import zlib


def png(width, height, rgb):
    """A real, tiny PNG: signature, IHDR, one IDAT, IEND."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def wav(period=10):
    """A tenth of a second of a square wave, 8 kHz mono."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes(200 if (i // period) % 2 else 55 for i in range(800)))
    return out.getvalue()


def sha1(data):
    return hashlib.sha1(data).hexdigest()
