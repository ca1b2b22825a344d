#!/usr/bin/env python3
"""Verify a clearance event log using only docs/log-format.md (format 1).

Checks validity rules 1-4 (shape, hash, chain, batch framing) on every line up to the
committed end. A torn tail (the complete, chained lines of one unfinished last batch,
then at most one partial line) is ignored and mentioned on stderr, as readers do.

Usage: python3 docs/tools/verify-log.py PATH/events.jsonl [--anchor SEQ:HASH]...
Prints `ok: N entries` and `head SEQ:HASH`, or `error: seq S at byte offset O: reason`.
"""
import hashlib, json, re, sys

NAME = rb'"[^"\\\x00-\x1f]{1,128}"'  # id and actor: 1-128 bytes, never escaped
SHAPE = re.compile(rb'\{"seq":([1-9][0-9]*),"id":' + NAME + rb',"recorded":"[0-9]{4}-[0-9]{2}-[0-9]{2}'
                   rb'T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z","actor":' + NAME + rb',"type":"([a-z][A-Za-z0-9._-]'
                   rb'{0,127})","data":\{.*\},"batchEnd":([1-9][0-9]*),"prev":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"\}')
KEYS = ["seq", "id", "recorded", "actor", "type", "data", "batchEnd", "prev", "hash"]


def check(line, prev):
    """Return (seq, batchEnd, type, hash) of a line that follows `prev`, or raise ValueError."""
    m = SHAPE.fullmatch(line)
    if not m or len(line) >= 1 << 20:
        raise ValueError("not an entry of the documented shape")
    pairs = json.loads(line.decode("utf-8"), object_pairs_hook=lambda kv: kv)  # ValueError if bad
    if [k for k, _ in pairs] != KEYS or re.search(rb'[ \t\r]', re.sub(rb'"(\\.|[^"\\])*"', b"", line)):
        raise ValueError("keys out of order, repeated, or whitespace outside strings")
    seq, typ, end, prv, h = int(m[1]), m[2], int(m[3]), m[4], m[5]
    if hashlib.sha256(line[:-75]).hexdigest().encode() != h:
        raise ValueError("hash does not match the line's bytes")
    if (seq, prv) != ((prev[0] + 1, prev[3]) if prev else (1, b"0" * 64)) or (not prev and typ != b"log.created"):
        raise ValueError("does not chain: expected seq %d and the previous hash" % (prev[0] + 1 if prev else 1))
    if end < seq or (prev and prev[0] < prev[1] and end != prev[1]):
        raise ValueError("batchEnd %d breaks the batch framing" % end)
    return seq, end, typ, h


def main(path, anchors):
    data, offset, prev, committed, hashes = open(path, "rb").read(), 0, None, (0, 0, b""), {}
    for line in data.split(b"\n")[:-1]:  # the last piece is empty or a partial line
        try:
            prev = check(line, prev)
        except ValueError as e:
            seq = re.match(rb'\{"seq":([1-9][0-9]*)', line)  # else name the expected seq
            fail(int(seq[1]) if seq else (prev[0] + 1 if prev else 1), offset, e)
        offset += len(line) + 1
        hashes[prev[0]] = (prev[3], offset - len(line) - 1)
        if prev[0] == prev[1]:
            committed = (prev[0], offset, prev[3])
    if committed[1] < len(data):
        print("torn tail: %d bytes after byte offset %d ignored (an unfinished batch)"
              % (len(data) - committed[1], committed[1]), file=sys.stderr)
    for seq, h in (a.split(":", 1) for a in anchors):  # a published head: entry SEQ must still have HASH
        found, at = hashes.get(int(seq), (b"", committed[1])) if int(seq) <= committed[0] else (b"", committed[1])
        if found.decode() != h:
            fail(int(seq), at, "the anchor says hash %s, the log has %s" % (h, found.decode() or "no such entry"))
    print("ok: %d entries" % committed[0])
    if committed[0]:
        print("head %d:%s" % (committed[0], committed[2].decode()))


def fail(seq, offset, reason):
    sys.exit("error: seq %d at byte offset %d: %s" % (seq, offset, reason))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) not in (1, 3, 5, 7) or any(a != "--anchor" for a in args[1::2]):
        sys.exit("usage: verify-log.py PATH/events.jsonl [--anchor SEQ:HASH]...")
    main(args[0], args[2::2])
