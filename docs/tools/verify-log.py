#!/usr/bin/env python3
"""Verify a clearance event log from docs/log-format.md alone (formats 1 and 2).

Checks validity rules 1-5 (shape, hash, chain, batch framing, data) and S1-S6 (signed submissions)
on every complete line in order and reports the first bad one. Ed25519 needs Debian's python3-nacl
(PyNaCl), imported only when a log holds signatures; the rest is the standard library. A torn tail (lines of an unfinished last batch that pass every rule,
then at most one partial line) is not part of the log: it is ignored and mentioned on stderr, as
readers do. Any other bytes after the last committed batch are corruption.

usage: verify-log.py PATH/events.jsonl [--anchor SEQ:HASH]...
prints `ok: N entries` and `head SEQ:HASH` (exit 0) or `error: seq S at byte offset O: why` (exit 1)
"""
import datetime, hashlib, json, re, sys

NAME = rb'"[^"\\\x00-\x1f\x7f]{1,128}"'  # id and actor: 1-128 bytes that are never escaped
SHAPE = re.compile(rb'\{"seq":([1-9][0-9]{0,15}),"id":' + NAME + rb',"recorded":"([0-9]{4}-[0-9]{2}-[0-9]{2}T'
                   rb'[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3})Z","actor":' + NAME + rb',"type":"([a-z][A-Za-z0-9._-]'
                   rb'{0,127})","data":(\{.*\}),"batchEnd":([1-9][0-9]{0,15})(?:,"signed":\{"from":([1-9][0-9]{0,15}),'
                   rb'"key":"([0-9a-f]{64})","at":"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z)",'
                   rb'"sig":"([0-9a-f]{128})"\})?,"prev":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"\}')
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
    seq, typ, end, prv, h = int(m[1]), m[3], int(m[5]), m[10].decode(), m[11].decode()
    if hashlib.sha256(line[:-75]).hexdigest() != h:  # raw bytes before ,"hash":"<64 hex>"}
        raise ValueError("its hash does not match its bytes")
    try:
        line.decode()  # rule 5: the line is UTF-8 ...
    except UnicodeDecodeError:
        raise ValueError("the line is not UTF-8")
    try:  # ... and data is JSON that every reader reads alike
        data = (json.loads(m[4].decode(), object_pairs_hook=unique, parse_int=integer, parse_float=fraction,
                          parse_constant=lambda name: refuse(name + " is not a JSON number")))
        inside(data)
    except RecursionError:
        raise ValueError("data: nesting deeper than 64 levels")
    except ValueError as e:
        raise ValueError(str(e) if str(e).startswith("data: ") else "data: %s" % e)
    if (seq, prv) != ((prev[0] + 1, prev[2]) if prev else (1, "0" * 64)) or not (prev or typ == b"log.created"):
        raise ValueError("does not chain: seq must be %d and prev the hash before it" % (prev[0] + 1 if prev else 1)
                         + ("" if prev else ", type log.created"))
    if end < seq or (prev and prev[0] < prev[1] != end):  # an unfinished batch must go on
        raise ValueError("batchEnd %d is before its seq or interrupts the batch before it" % end)
    return seq, end, h, m, data


class Signatures:
    """Rules S1-S6: each signed submission against the keys in force at its place in the log."""

    def __init__(self, header):
        self.format, self.log = header.get("format", 1), header.get("log", "")
        self.bound = self.format >= 2 and header.get("actors") == "bound"
        self.keys, self.last_at, self.signed_through, self.batch, self.open, self.count = {}, {}, 0, (1, 0), [], 0

    def change(self, entry):  # key.registered / key.revoked change the keys in force
        key, actor = entry["data"].get("key"), entry["data"].get("actor")
        if entry["type"] == b"key.registered" and isinstance(key, str):
            self.keys.setdefault(actor, set()).add(key)
        elif entry["type"] == b"key.revoked" and isinstance(key, str):
            self.keys.get(actor, set()).discard(key)

    def close(self, upto):  # entries before seq `upto` that no signature covers (S6)
        unsigned = [e for e in self.open if e["seq"] < upto]
        if unsigned and self.bound:
            raise Failure(unsigned[0]["seq"], unsigned[0]["offset"], "no signature covers this entry, and the log binds "
                          "actors: every submission must be signed (S6)")
        for e in unsigned:
            self.change(e)
        self.open = [e for e in self.open if e["seq"] >= upto]

    def take(self, entry):
        seq, m = entry["seq"], entry["match"]
        if seq > self.batch[1]:  # a new batch
            self.close(seq)
            self.batch = (seq, entry["batchEnd"])
        self.open.append(entry)
        if m[6] is None:
            return
        first, key, at, sig = int(m[6]), m[7].decode(), m[8].decode(), bytes.fromhex(m[9].decode())

        def why(text):
            return Failure(first, entry["offset"], "the submission of seq %d-%d %s" % (first, seq, text))
        if self.format < 2:
            raise why("is signed in a version %d log (S1)" % self.format)
        if not (first >= self.batch[0] and first > self.signed_through and first <= seq):
            raise why("starts outside its batch or inside the submission before it (S1)")
        covered = [e for e in self.open if e["seq"] >= first]
        self.close(first)
        actor = entry["actor"]
        if any(e["actor"] != actor for e in covered):
            raise why("names more than one actor (S2)")
        message = b"clearance-submission-2\n%s\n%s\n%d\n" % (self.log.encode(), at.encode(), len(covered))
        for e in covered:  # the id (none when generated), then the bytes from "actor": to ,"batchEnd":
            message += (b"" if e["id"] == b"ev-%d" % e["seq"] else e["id"]) + b"\n" + e["content"] + b"\n"
        from nacl.signing import VerifyKey
        from nacl.exceptions import BadSignatureError
        try:
            VerifyKey(bytes.fromhex(key)).verify(message, sig)
        except (BadSignatureError, ValueError, TypeError):
            raise why("has a signature that does not match its bytes (S3)")
        registers = any(e["type"] == b"key.registered" and e["data"].get("actor") == actor.decode()
                        and e["data"].get("key") == key for e in covered)
        if key not in self.keys.get(actor.decode(), set()) and not (first == 1 and registers):
            raise why("is signed by key %s, which is not in force for %s at that point (S4)" % (key, actor.decode()))
        if key in self.last_at and at <= self.last_at[key]:
            raise why("is signed at %s, not after the key's previous submission (%s): a replay (S5)" % (at, self.last_at[key]))
        self.last_at[key], self.signed_through, self.count, self.open = at, seq, self.count + 1, []
        for e in covered:
            self.change(e)


class Failure(Exception):
    def __init__(self, seq, offset, reason):
        super().__init__(reason)
        self.seq, self.offset = seq, offset


def fail(seq, offset, reason):
    sys.exit("error: seq %d at byte offset %d: %s" % (seq, offset, reason))


def main(path, anchors):
    # Every complete line must pass every rule, so the lines after the last committed one (seq ==
    # batchEnd) can only be an unfinished batch that chains on; the last piece is a partial line.
    data, offset, prev, head, hashes, signatures, batch = open(path, "rb").read(), 0, None, (0, 0, ""), {}, None, []
    for line in data.split(b"\n")[:-1]:
        try:
            seq, end, h, m, fields = check(line, prev)
        except ValueError as e:  # name the seq the line claims, else the one expected there
            claimed = re.match(rb'\{"seq":([1-9][0-9]*)', line)
            fail(int(claimed[1]) if claimed else (prev[0] + 1 if prev else 1), offset, e)
        prev, signatures = (seq, end, h), signatures or Signatures(fields)
        batch.append({"seq": seq, "batchEnd": end, "offset": offset, "match": m, "data": fields, "type": m[3],
                      "id": re.match(rb'\{"seq":[0-9]+,"id":"([^"]*)"', line)[1],
                      "actor": re.search(rb',"actor":"([^"]*)"', line)[1],
                      "content": line[line.index(b',"actor":"') + 1:m.start(5) - len(b',"batchEnd":')]})
        hashes[prev[0]], offset = (prev[2], offset), offset + len(line) + 1
        if prev[0] == prev[1]:  # its batch is committed: its signatures count (a torn tail's do not)
            head = (prev[0], offset, prev[2])
            try:
                for entry in batch:
                    signatures.take(entry)
            except Failure as e:
                fail(e.seq, e.offset, e)
            except ImportError:
                sys.exit("error: this log holds signatures: install Debian's python3-nacl (PyNaCl) to check them")
            batch = []
    try:
        signatures and signatures.close(float("inf"))  # S6 for the last committed batch
    except Failure as e:
        fail(e.seq, e.offset, e)
    if head[1] < len(data):
        print("torn tail: %d bytes after byte offset %d ignored" % (len(data) - head[1], head[1]), file=sys.stderr)
    for seq, h in (a.split(":") for a in anchors):  # a published head must still be in the log
        found, at = hashes[int(seq)] if int(seq) <= head[0] else ("no such entry", head[1])
        if found != h:
            fail(int(seq), at, "the anchor says hash %s, the log has %s" % (h, found))
    signed = ", %d signed submissions" % signatures.count if signatures and signatures.count else ""
    print("ok: %d entries%s" % (head[0], signed) + ("\nhead %d:%s" % (head[0], head[2]) if head[0] else ""))


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
