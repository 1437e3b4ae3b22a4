#!/usr/bin/env python3
"""Writes the sample content's placeholder podcast media, so no one mistakes it for a real show:

  content/audio/placeholder-tone.mp3            20 s of a quiet 220 Hz tone, mono, 16 kbit/s
  content/images/shows/anti-authoritarian-podcast.png   1400x1400 flat colour and circles
  content/images/shows/black-work-talk.png              1400x1400 flat colour and bars

The artwork has no text, so nothing depends on installed fonts. The output is the same on
every run. Rerun from the repository root after changing it:

  pip install lameenc        # the LAME MP3 encoder, from PyPI (there is no ffmpeg here)
  python3 crates/press/tools/placeholder-media.py

then set `length_bytes` in the placeholder episodes (content/articles/*-placeholder-episode.md)
to the size it prints: `press check` refuses a size that does not match the file.
"""

import math
import os
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "content")

SECONDS = 20
RATE = 16_000
TONE_HZ = 220.0
# About -26 dBFS: audible, never loud.
AMPLITUDE = 0.05
FADE_SECONDS = 1.0


def tone() -> bytes:
    import lameenc

    samples = []
    n = SECONDS * RATE
    fade = int(FADE_SECONDS * RATE)
    for i in range(n):
        gain = min(1.0, i / fade, (n - 1 - i) / fade)
        v = AMPLITUDE * gain * math.sin(2 * math.pi * TONE_HZ * i / RATE)
        samples.append(int(v * 32767))
    pcm = struct.pack(f"<{n}h", *samples)
    enc = lameenc.Encoder()
    enc.set_bit_rate(16)
    enc.set_in_sample_rate(RATE)
    enc.set_channels(1)
    enc.set_quality(2)
    return bytes(enc.encode(pcm) + enc.flush())


def png(width: int, height: int, row_of) -> bytes:
    """A truecolour PNG; `row_of(y)` gives row y's RGB bytes."""
    raw = b"".join(b"\x00" + row_of(y) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


SIDE = 1400


def spans_row(background, spans):
    """A row of `background` with `spans` [(x0, x1, colour)] painted over it in order."""
    row = bytearray(background * SIDE)
    for x0, x1, colour in spans:
        x0, x1 = max(0, x0), min(SIDE, x1)
        if x1 > x0:
            row[x0 * 3 : x1 * 3] = colour * (x1 - x0)
    return bytes(row)


def disc_span(y, cx, cy, r):
    dy = y - cy
    if abs(dy) >= r:
        return None
    half = int(math.sqrt(r * r - dy * dy))
    return cx - half, cx + half


def circles(y):
    """An orange ring around a pale dot, on navy."""
    navy, orange, pale = b"\x2b\x2d\x42", b"\xef\x83\x54", b"\xed\xf2\xf4"
    spans = []
    for r, colour in ((520, orange), (400, navy), (180, pale)):
        s = disc_span(y, SIDE // 2, SIDE // 2, r)
        if s:
            spans.append((s[0], s[1], colour))
    return spans_row(navy, spans)


def bars(y):
    """Five bars of different lengths, like a sound meter, on deep green."""
    green, gold, pale = b"\x1b\x43\x32", b"\xf1\xc4\x0f", b"\xed\xf2\xf4"
    spans = []
    for i, length in enumerate((700, 1000, 820, 1100, 560)):
        top = 260 + i * 190
        if top <= y < top + 110:
            spans.append((150, 150 + length, gold if i % 2 == 0 else pale))
    return spans_row(green, spans)


def write(rel: str, data: bytes) -> None:
    path = os.path.normpath(os.path.join(ROOT, rel))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print(f"{rel}: {len(data)} bytes")


if __name__ == "__main__":
    write("audio/placeholder-tone.mp3", tone())
    write("images/shows/anti-authoritarian-podcast.png", png(SIDE, SIDE, circles))
    write("images/shows/black-work-talk.png", png(SIDE, SIDE, bars))
