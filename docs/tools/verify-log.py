#!/usr/bin/env python3
"""Verify a clearance event log from docs/log-format.md alone (format 1, stdlib only).

Checks validity rules 1-5 (shape, hash, chain, batch framing, data) on every complete line in order
and reports the first bad one. A torn tail (lines of an unfinished last batch that pass every rule,
then at most one partial line) is not part of the log: it is ignored and mentioned on stderr, as
readers do. Any other bytes after the last committed batch are corruption.

usage: verify-log.py PATH/events.jsonl [--anchor SEQ:HASH]...
prints `ok: N entries` and `head SEQ:HASH` (exit 0) or `error: seq S at byte offset O: why` (exit 1)
"""
import datetime, hashlib, json, re, sys

NAME = rb'"[^"\\\x00-\x1f\x7f]{1,128}"'  # id and actor: 1-128 bytes that are never escaped
SHAPE = re.compile(rb'\{"seq":([1-9][0-9]{0,15}),"id":' + NAME + rb',"recorded":"([0-9]{4}-[0-9]{2}-[0-9]{2}T'
                   rb'[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3})Z","actor":' + NAME + rb',"type":"([a-z][A-Za-z0-9._-]'
                   rb'{0,127})","data":(\{.*\}),"batchEnd":([1-9][0-9]{0,15}),"prev":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"\}')
LARGEST = 2 ** 53 - 1  # rule 5: the largest integer every JSON reader holds exactly


def refuse(why):
    raise ValueError("data: " + why)


def integer(text):  # -?(0|[1-9][0-9]*) of magnitude at most 2^53 - 1, not -0
    if text == "-0" or len(text) > 17 or abs(int(text)) > LARGEST:
        refuse("integer %s is not in the log's form" % text[:24])
    return int(text)


def fraction(text):  # -?(0|[1-9][0-9]*)\.[0-9]+ in at most 15 digits (the 0 of 0.5 not counted), not -0.0
    m = re.fullmatch(r"-?(0|[1-9][0-9]*)\.([0-9]+)", text)  # so no exponent either
    if not m or len(m[1].lstrip("0") + m[2]) > 15 or (text[0] == "-" and float(text) == 0):
        refuse("number %s is not in the log's form" % text[:24])
    return float(text)


def unique(pairs):  # no key twice in one object
    keys = set()
    for key, _ in pairs:
        if key in keys:
            refuse("duplicate key %s" % json.dumps(key, ensure_ascii=False)[:44])
        keys.add(key)
    return dict(pairs)


def inside(value, depth=1):  # nesting at most 64 deep; no lone surrogate (from an escape like \ud800)
    if isinstance(value, str):
        value.encode()
    elif isinstance(value, (dict, list)):
        if depth > 64:
            refuse("nesting deeper than 64 levels")
        for item in (list(value) + list(value.values()) if isinstance(value, dict) else value):
            inside(item, depth + 1)


def check(line, prev):
    """Return (seq, batchEnd, hash) of a line following `prev` (None for line 1); raise ValueError if bad."""
    m = SHAPE.fullmatch(line)
    if not m or len(line) > 1 << 20 or max(int(m[1]), int(m[5])) > LARGEST:
        raise ValueError("not an entry of the documented shape (or longer than 1 MiB)")
    try:  # a real UTC time, not only the right digits
        datetime.datetime.strptime(m[2].decode(), "%Y-%m-%dT%H:%M:%S.%f")
    except ValueError:
        raise ValueError("recorded is not a real UTC time")
    seq, typ, end, prv, h = int(m[1]), m[3], int(m[5]), m[6].decode(), m[7].decode()
    if hashlib.sha256(line[:-75]).hexdigest() != h:  # raw bytes before ,"hash":"<64 hex>"}
        raise ValueError("its hash does not match its bytes")
    try:
        line.decode()  # rule 5: the line is UTF-8 ...
    except UnicodeDecodeError:
        raise ValueError("the line is not UTF-8")
    try:  # ... and data is JSON that every reader reads alike
        inside(json.loads(m[4].decode(), object_pairs_hook=unique, parse_int=integer, parse_float=fraction,
                          parse_constant=lambda name: refuse(name + " is not a JSON number")))
    except RecursionError:
        raise ValueError("data: nesting deeper than 64 levels")
    except ValueError as e:
        raise ValueError(str(e) if str(e).startswith("data: ") else "data: %s" % e)
    if (seq, prv) != ((prev[0] + 1, prev[2]) if prev else (1, "0" * 64)) or not (prev or typ == b"log.created"):
        raise ValueError("does not chain: seq must be %d and prev the hash before it" % (prev[0] + 1 if prev else 1)
                         + ("" if prev else ", type log.created"))
    if end < seq or (prev and prev[0] < prev[1] != end):  # an unfinished batch must go on
        raise ValueError("batchEnd %d is before its seq or interrupts the batch before it" % end)
    return seq, end, h


def fail(seq, offset, reason):
    sys.exit("error: seq %d at byte offset %d: %s" % (seq, offset, reason))


def main(path, anchors):
    # Every complete line must pass every rule, so the lines after the last committed one (seq ==
    # batchEnd) can only be an unfinished batch that chains on; the last piece is a partial line.
    data, offset, prev, head, hashes = open(path, "rb").read(), 0, None, (0, 0, ""), {}
    for line in data.split(b"\n")[:-1]:
        try:
            prev = check(line, prev)
        except ValueError as e:  # name the seq the line claims, else the one expected there
            claimed = re.match(rb'\{"seq":([1-9][0-9]*)', line)
            fail(int(claimed[1]) if claimed else (prev[0] + 1 if prev else 1), offset, e)
        hashes[prev[0]], offset = (prev[2], offset), offset + len(line) + 1
        if prev[0] == prev[1]:  # its batch is committed
            head = (prev[0], offset, prev[2])
    if head[1] < len(data):
        print("torn tail: %d bytes after byte offset %d ignored" % (len(data) - head[1], head[1]), file=sys.stderr)
    for seq, h in (a.split(":") for a in anchors):  # a published head must still be in the log
        found, at = hashes[int(seq)] if int(seq) <= head[0] else ("no such entry", head[1])
        if found != h:
            fail(int(seq), at, "the anchor says hash %s, the log has %s" % (h, found))
    print("ok: %d entries" % head[0] + ("\nhead %d:%s" % (head[0], head[2]) if head[0] else ""))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) % 2 == 0 or set(args[1::2]) - {"--anchor"} or not all(
            re.fullmatch(r"[1-9][0-9]*:[0-9a-f]{64}", a) for a in args[2::2]):
        print("usage: verify-log.py PATH/events.jsonl [--anchor SEQ:HASH]...", file=sys.stderr)
        sys.exit(2)
    try:
        main(args[0], args[2::2])
    except OSError as e:  # no such file, not readable
        sys.exit("error: %s" % e)
