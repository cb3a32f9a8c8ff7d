#!/usr/bin/env python3
"""Writes the WARC test fixtures of tests/unit/warc_reader_test.cpp and
http_response_test.cpp. Standard library only; deterministic (fixed ids, dates
and gzip mtime), so re-running it gives the same bytes. All text is invented.

    python3 tests/data/warc/make_fixtures.py      # writes next to this script
"""
import base64
import gzip
import hashlib
import io
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
_counter = [0]


def record_id():
    _counter[0] += 1
    return "<urn:uuid:00000000-0000-4000-8000-%012d>" % _counter[0]


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def warc_record(wtype, block, version="WARC/1.1", uri=None, date="2026-08-20T10:00:00Z",
                content_type=None, extra=(), length=None, payload=None):
    lines = [version, "WARC-Type: " + wtype, "WARC-Record-ID: " + record_id(), "WARC-Date: " + date]
    if uri is not None:
        lines.append("WARC-Target-URI: " + uri)
    if payload is not None:
        lines.append("WARC-Payload-Digest: " + sha1_b32(payload))
    lines.extend(extra)
    if content_type:
        lines.append("Content-Type: " + content_type)
    if length != "omit":
        lines.append("Content-Length: " + str(len(block) if length is None else length))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_head(status, reason, headers, eol="\r\n"):
    return ("HTTP/1.1 %d %s%s" % (status, reason, eol) + "".join(h + eol for h in headers) + eol).encode()


def response(uri, status, reason, headers, body, **kw):
    """A response record; the payload digest is over the body as stored."""
    block = http_head(status, reason, headers) + body
    return warc_record("response", block, uri=uri, content_type="application/http;msgtype=response",
                       payload=body, **kw)


def request(uri, **kw):
    host = uri.split("/")[2]
    block = ("GET /%s HTTP/1.1\r\nHost: %s\r\nUser-Agent: byline-fixture\r\n\r\n"
             % (uri.split("/", 3)[3] if uri.count("/") > 2 else "", host)).encode()
    return warc_record("request", block, uri=uri, content_type="application/http;msgtype=request", **kw)


def page(title, text, charset_meta=None):
    meta = '<meta charset="%s">' % charset_meta if charset_meta else ""
    return ("<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n<body><article><h1>%s</h1>\n<p>%s</p>"
            "</article></body></html>\n" % (meta, title, title, text))


def png_bytes():
    """A valid 1x1 grey PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def gzip_member(data, level=6):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=level) as f:
        f.write(data)
    return out.getvalue()


def stored_gzip_member(data):
    """gzip made of stored (uncompressed) deflate blocks, so a test can corrupt
    a known byte: each block is a 5-byte header (BFINAL/BTYPE, LEN, NLEN)."""
    c = zlib.compressobj(0, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def brotli_stored(data):
    """A valid Brotli stream of uncompressed meta-blocks (RFC 7932 §9.2), since
    the Python standard library has no Brotli encoder."""
    bits = []

    def put(value, count):
        for i in range(count):
            bits.append((value >> i) & 1)

    def pad():
        while len(bits) % 8:
            bits.append(0)

    out = bytearray()

    def flush():
        pad()
        for i in range(0, len(bits), 8):
            out.append(sum(bit << k for k, bit in enumerate(bits[i:i + 8])))
        bits.clear()

    put(0, 1)  # WBITS = 16
    for start in range(0, len(data), 65536):
        piece = data[start:start + 65536]
        put(0, 1)  # ISLAST = 0
        put(0, 2)  # MNIBBLES = 4
        put(len(piece) - 1, 16)
        put(1, 1)  # ISUNCOMPRESSED
        flush()
        out.extend(piece)
    put(1, 1)  # ISLAST
    put(1, 1)  # ISLASTEMPTY
    flush()
    return bytes(out)


def chunked(data, size=40):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


PAGE_ONE = page("Harbour ferry timetable changes",
                "The Lantern Bay ferry will run every twenty minutes from Monday, a na\u00efve caf\u00e9 owner said.")
PAGE_TWO = page("Orchard festival draws record crowd",
                "Volunteers counted nine thousand visitors at the Millbrook orchard festival.", "utf-8")
RESOURCE = page("Saved page", "A resource record that holds an HTML file, with no HTTP envelope.")


def basic_records(version):
    """11 records, 3 pages: /news/one, /news/two and the resource."""
    one = PAGE_ONE.encode()
    html = "Content-Type: text/html; charset=utf-8"
    return [
        warc_record("warcinfo", b"software: byline make_fixtures.py\r\nformat: WARC File Format\r\n",
                    version=version, content_type="application/warc-fields"),
        request("https://news.example.org/news/one", version=version),
        response("https://news.example.org/news/one", 200, "OK", [html, "Content-Length: %d" % len(one)], one,
                 version=version, date="2026-08-20T10:00:01Z"),
        response("http://news.example.org/news/one", 301, "Moved Permanently",
                 ["Location: https://news.example.org/news/one", "Content-Type: text/html"],
                 b"<html><body>Moved Permanently</body></html>", version=version),
        response("https://news.example.org/news/missing", 404, "Not Found", ["Content-Type: text/html"],
                 b"<html><body>No such page</body></html>", version=version),
        response("https://news.example.org/logo.png", 200, "OK", ["Content-Type: image/png"], png_bytes(),
                 version=version),
        warc_record("revisit", http_head(200, "OK", [html]), version=version, uri="https://news.example.org/news/one",
                    date="2026-08-21T09:00:00Z", content_type="application/http;msgtype=response",
                    payload=one,
                    extra=["WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                           "WARC-Refers-To: <urn:uuid:00000000-0000-4000-8000-000000000003>",
                           "WARC-Refers-To-Target-URI: https://news.example.org/news/one",
                           "WARC-Refers-To-Date: 2026-08-20T10:00:01Z"]),
        response("https://news.example.org/news/one", 200, "OK", [html, "Content-Length: %d" % len(one)], one,
                 version=version, date="2026-08-25T12:30:00Z"),
        warc_record("metadata", b"via: https://news.example.org/\r\n", version=version,
                    uri="https://news.example.org/news/one", content_type="application/warc-fields"),
        warc_record("resource", RESOURCE.encode(), version=version, uri="file:///saved/page.html",
                    content_type="text/html"),
        response("https://news.example.org/news/two", 200, "OK", ["Content-Type: text/html"], PAGE_TWO.encode(),
                 version=version, date="2026-08-22T08:15:30+02:00"),
    ]


def encoding_records():
    """Each page's URL names what it tests; see http_response_test.cpp."""
    base = "https://enc.example.org/"
    utf8 = page("Tidal power trial", "Engineers in Porthkennack reported a steady 4\u00a0MW output \u2014 "
                "better than forecast.").encode()
    cp1252 = page("Caf\u00e9 society", "The \u201cgrand r\u00e9ouverture\u201d of the Caf\u00e9 Mirabelle "
                  "costs \u20ac5 a ticket, na\u00efvely priced.").encode("cp1252")
    japanese_text = "\u6e2f\u753a\u306e\u671d\u5e02\u306f\u96e8\u306e\u305f\u3081\u5348\u5f8c\u306b\u5ef6\u671f" \
                    "\u3055\u308c\u307e\u3057\u305f\u3002\u4e3b\u50ac\u8005\u306f\u6765\u9031\u306e\u958b\u50ac" \
                    "\u3092\u4e88\u5b9a\u3057\u3066\u3044\u307e\u3059\u3002"
    sjis = page("\u671d\u5e02\u306e\u5ef6\u671f", japanese_text, "shift_jis").encode("shift_jis")
    eucjp = page("\u671d\u5e02\u306e\u5ef6\u671f", japanese_text).encode("euc_jp")
    guess_text = " ".join(["Le conseil municipal a vot\u00e9 la r\u00e9novation de la biblioth\u00e8que "
                           "et du th\u00e9\u00e2tre, malgr\u00e9 les r\u00e9serves exprim\u00e9es par "
                           "plusieurs \u00e9lus pr\u00e9occup\u00e9s par la d\u00e9pense."] * 4)
    guess = page("R\u00e9novation", guess_text).encode("cp1252")
    html = "Content-Type: text/html; charset=utf-8"
    gz = gzip_member(utf8)
    bad_chunks = b"28\r\n" + utf8[:40] + b"\r\nzz\r\n" + utf8[40:] + b"\r\n0\r\n\r\n"
    corrupt_gzip = gz[:12] + b"\xff" * 16 + gz[28:]
    return [
        response(base + "chunked-gzip", 200, "OK", [html, "Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                 chunked(gz)),
        response(base + "deflate-zlib", 200, "OK", [html, "Content-Encoding: deflate"], zlib.compress(utf8)),
        response(base + "deflate-raw", 200, "OK", [html, "Content-Encoding: deflate"], _raw_deflate(utf8)),
        response(base + "brotli", 200, "OK", [html, "Content-Encoding: br"], brotli_stored(utf8)),
        response(base + "windows-1252", 200, "OK", ["Content-Type: text/html; charset=windows-1252"], cp1252),
        response(base + "shift-jis-meta", 200, "OK", ["Content-Type: text/html"], sjis),
        response(base + "euc-jp-header", 200, "OK", ["Content-Type: text/html; charset=EUC-JP"], eucjp),
        response(base + "guess", 200, "OK", ["Content-Type: text/html"], guess),
        response(base + "corrupt-chunked", 200, "OK", [html, "Transfer-Encoding: chunked"], bad_chunks),
        response(base + "corrupt-gzip", 200, "OK", [html, "Content-Encoding: gzip"], corrupt_gzip),
        response(base + "unsupported-encoding", 200, "OK", [html, "Content-Encoding: compress"], b"\x1f\x9d\x90"),
    ]


def _raw_deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def clueweb_records():
    """ClueWeb09's WARC/0.18 quirks: invalid WARC-Date, bare-LF HTTP headers,
    `Content-Encoding: gzip` on a plain body, EUC-JP."""
    body = page("\u5546\u5e97\u8857\u306e\u304a\u77e5\u3089\u305b",
                "\u4eca\u9031\u672b\u306f\u5546\u5e97\u8857\u3067\u5927\u58f2\u308a\u51fa\u3057\u3092"
                "\u884c\u3044\u307e\u3059\u3002").encode("euc_jp")
    block = http_head(200, "OK", ["Content-Type: text/html; charset=EUC-JP", "Content-Encoding: gzip",
                                  "Content-Length: %d" % len(body)], eol="\n") + body
    info = b"software: Nutch-like fixture\nformat: WARC file version 0.18\n"
    return [
        warc_record("warcinfo", info, version="WARC/0.18", date="2008-10-294T05:21:46-0700",
                    content_type="application/warc-fields"),
        warc_record("response", block, version="WARC/0.18", uri="http://shop.example.jp/news/",
                    date="2008-10-294T05:21:46-0700", content_type="application/http;msgtype=response",
                    extra=["WARC-TREC-ID: fixture-00000-00-00001", "WARC-Identified-Payload-Type: "]),
    ]


def simple_page_record(name, version="WARC/1.1", **kw):
    body = page("Page " + name, "Body of page %s, plain and short." % name).encode()
    return response("https://damaged.example.org/" + name, 200, "OK", ["Content-Type: text/html"], body,
                    version=version, **kw)


def damaged():
    """Uncompressed: good records around each kind of damage (see the test)."""
    out = simple_page_record("a")
    out += b"this line is not a record\nnor is this one\n"
    out += simple_page_record("b")
    long_rec = simple_page_record("c")
    header_end = long_rec.index(b"\r\n\r\n") + 4
    block_len = len(long_rec) - header_end - 4
    out += long_rec.replace(b"Content-Length: %d" % block_len, b"Content-Length: %d" % (block_len + 50))
    out += simple_page_record("d")
    short_rec = simple_page_record("e")
    header_end = short_rec.index(b"\r\n\r\n") + 4
    block_len = len(short_rec) - header_end - 4
    out += short_rec.replace(b"Content-Length: %d" % block_len, b"Content-Length: %d" % (block_len - 20))
    out += simple_page_record("f")
    out += simple_page_record("g", length="omit")
    out += simple_page_record("h")
    bad = simple_page_record("i")
    header_end = bad.index(b"\r\n\r\n") + 4
    block_len = len(bad) - header_end - 4
    out += bad.replace(b"Content-Length: %d" % block_len, b"Content-Length: 12abc")
    out += simple_page_record("j")
    last = simple_page_record("k")
    out += last[:len(last) - 30]  # the file ends inside this record's block
    return out


def main():
    basic10 = basic_records("WARC/1.0")
    write("basic-1.0.warc", b"".join(basic10))
    basic11 = basic_records("WARC/1.1")
    write("basic-1.1.warc.gz", b"".join(gzip_member(r) for r in basic11))
    write("whole-file.warc.gz", gzip_member(b"".join(basic11)))
    write("encodings.warc.gz", b"".join(gzip_member(r) for r in encoding_records()))
    write("clueweb-0.18.warc", b"".join(clueweb_records()))
    write("damaged.warc", damaged())

    # Per-record gzip whose last member is cut inside the record's block.
    recs = [simple_page_record(n) for n in ("t1", "t2")]
    big = page("Long page", "Filler sentence for a long page. " * 400).encode()
    recs.append(response("https://damaged.example.org/t3", 200, "OK", ["Content-Type: text/html"], big))
    members = [gzip_member(r, level=0) for r in recs]
    members[-1] = members[-1][:len(members[-1]) // 2]
    write("truncated.warc.gz", b"".join(members))

    # Member 2 is corrupt in its second stored block (after 64 KiB of output);
    # junk bytes sit between members 3 and 4.
    big = page("Very long page", "Another filler sentence, repeated. " * 3000).encode()
    recs = [simple_page_record("m1"),
            response("https://damaged.example.org/m2", 200, "OK", ["Content-Type: text/html"], big),
            simple_page_record("m3"), simple_page_record("m4")]
    members = [gzip_member(r) for r in recs]
    m2 = bytearray(stored_gzip_member(recs[1]))
    first_len = struct.unpack("<H", m2[11:13])[0]
    second = 10 + 5 + first_len
    assert m2[second] & 0x06 == 0, "expected a second stored block"
    m2[second + 3] ^= 0xFF  # NLEN no longer the complement of LEN
    members[1] = bytes(m2)
    write("corrupt-member.warc.gz", members[0] + members[1] + members[2] + b"JUNK BYTES" + members[3])


if __name__ == "__main__":
    main()
