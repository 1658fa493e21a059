#!/usr/bin/env python3
"""Writes the stored commit and file-change messages of versions 1 to 4 (ScanMessageCodec's
layout, written independently of the Java code; version 4 stands for a future writer that
appends fields). Run once; the .bin files are the fixtures, kept as they are. Version 3 came
with the zone minutes, and replaced the earlier stand-in for a future version 3."""
import os

def varint(n):
    out = bytearray()
    while n & ~0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)

def zigzag(n):
    return (n << 1) ^ (n >> 63)

def string(s):
    b = s.encode("utf-8")
    return varint(len(b) + 1) + b

def time(epoch, offset):
    return varint(zigzag(epoch)) + varint(zigzag(offset))

def message(version, kind, sequence, timestamp_ms, body):
    return b"GS" + bytes([version, kind]) + varint(sequence) + varint(timestamp_ms) + varint(len(body)) + body

COMMIT, CHANGE = 1, 2

v1 = (string("3f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a") + varint(1) + string("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
      + string("Zoë Author") + string("zoe@example.org") + time(1700000000, 3600) + string("Fix the frobnicator"))
v2 = v1 + string("Carl Committer") + string("carl@example.org") + time(1700003600, -18000)
v3 = v2 + varint(zigzag(60)) + varint(zigzag(-300))   # the zones in minutes: +0100, -0500
v4 = v3 + string("signed-off-by: someone") + varint(42)

c1 = (string("3f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a") + string("src/new name.txt") + string("src/old name.txt")
      + string("RENAMED") + varint(12) + varint(3) + bytes([0]))
c2 = c1 + varint(1000) + varint(1234) + varint(zigzag(57))
c3 = c2
c4 = c3 + string("mode 100755") + varint(7)

here = os.path.dirname(os.path.abspath(__file__))
for name, data in (("commit-v1.bin", message(1, COMMIT, 7, 1700000000123, v1)),
                   ("commit-v2.bin", message(2, COMMIT, 8, 1700000000456, v2)),
                   ("commit-v3.bin", message(3, COMMIT, 9, 1700000000789, v3)),
                   ("commit-v4.bin", message(4, COMMIT, 13, 1700000000999, v4)),
                   ("change-v1.bin", message(1, CHANGE, 10, 1700000001000, c1)),
                   ("change-v2.bin", message(2, CHANGE, 11, 1700000002000, c2)),
                   ("change-v3.bin", message(3, CHANGE, 12, 1700000003000, c3)),
                   ("change-v4.bin", message(4, CHANGE, 14, 1700000004000, c4))):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
