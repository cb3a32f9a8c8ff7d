#!/usr/bin/python3
"""Writes the bad-input corpus of tests/data/bad/ (see README.md there).

Every text in these files was written for byline's tests; nothing is copied
from elsewhere. The output is deterministic for a given zlib: gzip headers
carry mtime 0, zstd frames are built by hand (raw and RLE blocks), and
nothing depends on the clock or on randomness.

Run:  /usr/bin/python3 tests/data/bad/make_bad_inputs.py [OUTPUT_DIR]
(default: the folder this script is in).
"""

import hashlib
import json
import os
import struct
import sys
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

PARAGRAPHS = [
    "The harbour board met on Tuesday evening to settle the long argument over the old ferry pier, "
    "which has stood empty since the spring storms and now leans a little further into the tide each month.",
    "Engineers told the board that the timber piles could be saved for a fraction of the cost of a new "
    "concrete deck, although the work would close the promenade for most of the summer season.",
    "Shopkeepers along the front said they would rather lose a summer than lose the pier altogether, and "
    "several offered to open late on market days to make up for the quieter weeks.",
    "A final decision is expected at the next meeting, after the board has heard from the fishing "
    "cooperative and from residents whose houses overlook the slipway.",
]


def words(marker):
    """Invented prose that carries the record's marker word in its title and body."""
    return [p.replace("pier", f"pier {marker}", 1) for p in PARAGRAPHS]


def jsonl_record(marker, **overrides):
    record = {
        "url": f"https://news.example.test/harbour/{marker}",
        "title": f"Harbour board weighs the future of the ferry pier {marker}",
        "date": "2024-05-06T10:00:00Z",
        "author": "Asha Verma",
        "section": "Local",
        "body": "\n\n".join(words(marker)),
    }
    record.update(overrides)
    return record


def jsonl_line(marker, **overrides):
    return (json.dumps(jsonl_record(marker, **overrides), ensure_ascii=False) + "\n").encode("utf-8")


def html_page(marker, body_prefix="", body_suffix="", head_extra=""):
    title = f"Harbour board weighs the future of the ferry pier {marker}"
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": "2024-05-06T10:00:00Z",
                     "author": {"@type": "Person", "name": "Asha Verma"}})
    paras = "".join(f"<p>{p}</p>\n" for p in words(marker))
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n<meta property=\"og:type\" content=\"article\">\n"
        f"<link rel=\"canonical\" href=\"https://news.example.test/harbour/{marker}\">\n"
        f"<script type=\"application/ld+json\">{ld}</script>{head_extra}\n</head>\n<body>\n"
        f"{body_prefix}<article><h1>{title}</h1>\n{paras}</article>{body_suffix}\n</body></html>\n"
    ).encode("utf-8")


def http_response(body, extra_headers=""):
    head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra_headers +
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body


OMIT = object()


def warc_record(marker, block, length=None, record_type="response", extra=""):
    """A WARC/1.1 record; `length` overrides Content-Length (a lie, or not a
    number); OMIT leaves it out."""
    uuid = hashlib.sha1(marker.encode()).hexdigest()
    declared = str(len(block)) if length is None else None if length is OMIT else length
    head = (
        f"WARC/1.1\r\nWARC-Type: {record_type}\r\n"
        f"WARC-Target-URI: https://news.example.test/harbour/{marker}\r\n"
        f"WARC-Date: 2024-05-06T11:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-"
        f"{uuid[16:20]}-{uuid[20:32]}>\r\nContent-Type: application/http; msgtype=response\r\n"
        + extra + (f"Content-Length: {declared}\r\n" if declared is not None else "") + "\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def page_record(marker, **kw):
    return warc_record(marker, http_response(html_page(marker)), **kw)


def gzip_member(data):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip wrapper, mtime 0
    return c.compress(data) + c.flush()


def gzip_member_of_spaces(size):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    out = b""
    for _ in range(size >> 20):
        out += c.compress(chunk)
    return out + c.flush()


def zstd_frame(blocks):
    """A zstd frame from (type, payload) blocks: type 0 raw bytes, 1 RLE (byte, count)."""
    out = b"\x28\xb5\x2f\xfd" + bytes([0x00, 0x38])  # no checksum/size; window 128 KiB
    for i, (kind, payload) in enumerate(blocks):
        last = 1 if i == len(blocks) - 1 else 0
        if kind == 0:
            size, data = len(payload), payload
        else:
            byte, size = payload
            data = bytes([byte])
        assert size <= 128 << 10
        out += struct.pack("<I", last | (kind << 1) | (size << 3))[:3] + data
    return out


def zstd_raw(data):
    chunks = [data[i:i + (128 << 10)] for i in range(0, len(data), 128 << 10)] or [b""]
    return zstd_frame([(0, c) for c in chunks])


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)

    # --- compressed JSONL streams -------------------------------------------------
    good = jsonl_line("gzgoodalpha") + jsonl_line("gzgoodbravo")
    lost = jsonl_line("gzlostcharlie") + jsonl_line("gzlostdelta")
    member = gzip_member(lost)
    write("truncated.jsonl.gz", gzip_member(good) + member[: len(member) // 2])

    good = jsonl_line("zstgoodalpha") + jsonl_line("zstgoodbravo")
    frame = zstd_raw(jsonl_line("zstlostcharlie") + jsonl_line("zstlostdelta"))
    write("truncated.jsonl.zst", zstd_raw(good) + frame[: len(frame) // 2])

    # 16 MiB of spaces in one gzip member (~16 KB): ratio ~1000:1.
    write("bomb.jsonl.gz", gzip_member(jsonl_line("gzbombbefore")) + gzip_member_of_spaces(16 << 20)
          + gzip_member(jsonl_line("gzbombafter")))
    # 512 MiB of spaces as 4096 RLE blocks (~16 KB).
    rle = [(1, (0x20, 128 << 10))] * 4096
    write("bomb.jsonl.zst", zstd_raw(jsonl_line("zstbombbefore")) + zstd_frame(rle)
          + zstd_raw(jsonl_line("zstbombafter")))

    # --- JSONL records with bad contents -----------------------------------------
    lines = [
        jsonl_line("utfgoodfirst"),
        # Invalid UTF-8 in the title: a lone continuation byte, an overlong form, 0xFF.
        jsonl_line("utfrepaired").replace(b"weighs the", b"weighs \x80the \xc0\xaf \xff"),
        # A raw NUL byte inside a JSON string is not JSON.
        jsonl_line("utfrawnul").replace(b"weighs the", b"weighs\x00the"),
        # An escaped NUL is JSON: the character is removed from the text.
        jsonl_line("utfescapednul").replace(b"weighs the", b"weighs\\u0000the"),
        # Control characters other than NUL, escaped.
        jsonl_line("utfcontrols").replace(b"weighs the", b"weighs\\u0007\\u001bthe"),
        jsonl_line("utfgoodlast"),
    ]
    write("invalid-utf8.jsonl", b"".join(lines))

    lines = [
        jsonl_line("typegoodfirst"),
        jsonl_line("typenumbertitle", title=31415926),             # a number where text belongs
        jsonl_line("typeobjecttitle", title={"text": "Harbour pier typeobjecttitle"}),
        jsonl_line("typebooldate", date=True),                     # a boolean date
        jsonl_line("typelistauthor", author=[7, None, {"name": "Asha Verma"}]),
        jsonl_line("typehugeint", date=123456789012345678901234567890),  # too large for 64 bits
        # 1e400 does not fit a double: the JSON parser refuses the line.
        b'{"title": "Harbour pier typehugefloat", "body": "text", "date": 1e400}\n',
        json.dumps({"title": {}, "body": [], "description": None}).encode() + b"\n",  # no text at all
        b'["typearray", "not an object"]\n',
        b'{"title": "typeunclosed", "body": "an object that never ends"\n',
        jsonl_line("typegoodlast"),
    ]
    write("wrong-types.jsonl", b"".join(lines))

    lines = [
        jsonl_line("dategoodfirst"),
        jsonl_line("dateyear99999", date="99999-01-01T00:00:00Z"),
        jsonl_line("datemonth13", date="2024-13-01T00:00:00Z"),
        jsonl_line("datefeb30", date="2024-02-30"),
        jsonl_line("datenegepoch", date=-62135596800),             # 1 January of year 1
        jsonl_line("datehugeepoch", date=1e300),
        jsonl_line("datenegsmall", date=-86400),                   # 31 December 1969: valid
        jsonl_line("dategoodlast"),
    ]
    write("bad-dates.jsonl", b"".join(lines))

    lines = [
        jsonl_line("longgoodfirst"),
        # 6000 bytes of two-byte characters: a cut must not split one.
        jsonl_line("longtitle", title="Pier longtitle " + "\u00e9" * 3000),
        jsonl_line("longauthors", author=[f"Reporter Number{i}" for i in range(80)]),
        jsonl_line("longurl", url="https://news.example.test/harbour/longurl?" + "q=1&" * 1500),
        jsonl_line("longgoodlast"),
    ]
    write("long-fields.jsonl", b"".join(lines))

    # --- WARC ----------------------------------------------------------------------
    # Records in order: good, non-numeric length, good, length longer than the
    # block (the next record follows), length shorter than the block, no length,
    # good, and a last record whose length runs past the end of the file.
    short_block = http_response(html_page("warcshortlen"))
    write("corrupt-headers.warc", b"".join([
        page_record("warcgoodone"),
        page_record("warcnotnumber", length="twelve"),
        page_record("warcgoodtwo"),
        page_record("warclonglen", length=str(len(http_response(html_page("warclonglen"))) + 5000)),
        warc_record("warcshortlen", short_block, length=str(len(short_block) - 400)),
        page_record("warcnolength", length=OMIT),
        page_record("warcgoodthree"),
        page_record("warcpastend", length="999999"),
    ]))

    write("garbage-between.warc", b"".join([
        page_record("garbgoodone"),
        b"this line is not a WARC record, and neither is the binary below\n\x00\x01\x02\xfe\xff\n",
        page_record("garbgoodtwo"),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) + b"\n",
        page_record("garbgoodthree"),
    ]))

    last = gzip_member(page_record("gztrunclost"))
    write("truncated.warc.gz", gzip_member(page_record("gzwarcgoodone")) + gzip_member(page_record("gzwarcgoodtwo"))
          + last[: len(last) // 2])

    # An HTTP payload encoded "gzip, gzip": 590 bytes that would inflate to 256 MiB.
    inner = zlib.compressobj(9, zlib.DEFLATED, 31)
    outer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    bomb = b""
    for _ in range(256):
        bomb += outer.compress(inner.compress(chunk))
    bomb += outer.compress(inner.flush()) + outer.flush()
    write("bomb-http.warc", b"".join([
        page_record("httpbombbefore"),
        warc_record("httpbomb", http_response(bomb, "Content-Encoding: gzip, gzip\r\n")),
        page_record("httpbombafter"),
    ]))

    # A .warc.gz member that inflates a 32 MiB record from ~32 KB.
    head = http_response(b"", "").replace(b"Content-Length: 0", f"Content-Length: {32 << 20}".encode())
    block_len = len(head) + (32 << 20)
    warc_head = warc_record("memberbomb", b"", length=str(block_len))[:-4]
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = c.compress(warc_head + head)
    for _ in range(32):
        member += c.compress(chunk)
    member += c.compress(b"\r\n\r\n") + c.flush()
    write("bomb-member.warc.gz", gzip_member(page_record("memberbombbefore")) + member
          + gzip_member(page_record("memberbombafter")))

    # --- single pages --------------------------------------------------------------
    page = html_page("htmlbadbytes", body_prefix="<nav>Menu \xff\x00 Home</nav>")
    page = page.replace(b"board weighs", b"board \xc3\x28weighs\x00", 1).replace(b"\xc3\xbf", b"\xff")
    write("invalid-utf8.html", page)

    depth = 2000
    write("deep-nesting.html", html_page("htmldeepnest", body_prefix="<div>" * depth + "deep text ",
                                         body_suffix="</div>" * depth))

    write("nul-bytes.txt", ("Harbour board weighs the future of the ferry pier txtnul\n\n"
                            "Published 10:00 IST, May 6th 2024\n\n").encode() + b"\x00\x00\x00"
          + "\n\n".join(words("txtnul")).encode())


if __name__ == "__main__":
    main()
