#!/usr/bin/env python3
"""Writes corpus/crawl/sample-crawl.warc.gz: a small crawl of the invented news
site "The Kestrel Courier" (kestrelcourier.example) as WARC/1.1, one gzip
member per record. Every word is invented for byline. Standard library only;
deterministic (fixed ids, dates and gzip mtime).

    python3 corpus/tools/write_crawl.py

What each record is, what must be indexed and why the rest is skipped:
corpus/crawl/README.md.
"""
import base64
import gzip
import hashlib
import html
import io
import json
import os
import struct
import zlib

HOST = "https://kestrelcourier.example"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crawl", "sample-crawl.warc.gz")

# Boilerplate marker words: they occur in menus, "Recommended" lists and
# footers only, never in an article's own text (checked below).
MARKERS = ["Zarquette", "Plumbago", "Quillfeather", "Dovetailer"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# slug, section, template, author, (y, m, d, hh, mm) IST, title, paragraphs
ARTICLES = [
    ("ferry-fares-frozen", "city", "a", "Anaya Kulkarni", (2025, 1, 6, 13, 25),
     "Harbour ferry fares frozen until the monsoon",
     ["The Kestrel Bay transport board voted on Monday to keep ferry fares at their current level until June, "
      "reversing a proposal that would have raised the daily pass by a fifth.",
      "Board chair Ritesh Mhatre said ridership on the Lighthouse Point route had grown for eleven straight "
      "months and a price rise now would undo that progress.",
      "Commuter groups welcomed the decision but asked for later sailings on weekdays, when the last boat "
      "leaves at 21:10."]),
    ("library-night-hours", "city", "b", "Tomas Ferreira", (2025, 1, 7, 9, 40),
     "Central library to stay open until midnight during exam season",
     ["Students preparing for spring examinations will be able to use the Ashgrove central library until "
      "midnight from February, the municipal education committee announced.",
      "The extended hours will run for eight weeks and cost the city roughly four lakh rupees in staffing, "
      "according to the committee's notes.",
      "Librarian Meenal Dsouza said the reading halls were already full by ten each morning in past years."]),
    ("cricket-under19-final", "sport", "c", "Kabir Sethna", (2025, 1, 8, 18, 5),
     "Kestrel Bay under-19 side reaches district final",
     ["A composed unbeaten 74 from opener Ishaan Varde carried the Kestrel Bay under-19 team into the district "
      "final with two overs to spare on Wednesday.",
      "Chasing 212 at the Saltmarsh ground, the hosts lost two early wickets before Varde and Nikhil Borkar "
      "added 96 for the third wicket.",
      "The final against Riverbend Academy is scheduled for Sunday morning."]),
    ("solar-rooftops-schools", "science", "a", "Priya Nandakumar", (2025, 1, 9, 11, 0),
     "Forty schools to get rooftop solar panels this year",
     ["Forty government schools in the coastal district will receive rooftop solar panels by December under a "
      "programme funded jointly by the state and a cooperative bank.",
      "Engineers estimate that each installation will cover about two thirds of a school's daytime power use.",
      "Head teachers will be trained to read the inverter dashboards so that faults are reported quickly."]),
    ("market-flower-prices", "business", "b", "Devika Rao", (2025, 1, 10, 7, 55),
     "Marigold prices double ahead of the harvest festival",
     ["Wholesale marigold prices at the Kestrel Bay flower market doubled this week as traders stocked up for "
      "the harvest festival.",
      "Growers from the hill villages blamed a late cold spell that shrank yields by nearly a third.",
      "Retail vendors said they would sell smaller garlands rather than raise prices for regular buyers."]),
    ("tidal-sensor-network", "science", "c", "Farhan Qureshi", (2025, 1, 11, 16, 30),
     "University installs tidal sensors along the estuary",
     ["Researchers from the Kestrel Institute of Technology have placed twelve tidal sensors along the estuary "
      "to build an early flood warning model.",
      "Each sensor reports water level every five minutes over a low-power radio link to a station on the "
      "campus roof.",
      "Project lead Dr Sunita Pawar said the first public alerts could be issued before the next monsoon."]),
    ("bus-depot-electric", "city", "a", "Anaya Kulkarni", (2025, 1, 13, 10, 15),
     "Northern bus depot switches to electric fleet",
     ["The northern depot of the city bus service will run only electric buses from March, after the last "
      "diesel vehicles are moved to the hill routes.",
      "Thirty-six new buses arrived last month and charging bays were completed over the weekend.",
      "Drivers have finished a two-week course on regenerative braking and battery care."]),
    ("chess-open-result", "sport", "b", "Kabir Sethna", (2025, 1, 14, 20, 45),
     "Fourteen-year-old wins the Kestrel Bay chess open",
     ["Fourteen-year-old Aarav Gokhale won the Kestrel Bay chess open on tie-break after a final-round draw "
      "against the top seed.",
      "The nine-round event drew 184 players, the largest field in the tournament's history.",
      "Gokhale said he had prepared for the final game by studying rook endings on the ferry to school."]),
    ("fishing-ban-begins", "business", "c", "Devika Rao", (2025, 1, 15, 6, 20),
     "Seasonal fishing pause begins on the northern coast",
     ["A six-week pause on trawling along the northern coast began at dawn on Wednesday to protect spawning "
      "grounds.",
      "Boat owners will receive a support payment for each registered vessel during the pause.",
      "Small canoe fishers using hand lines are exempt and may continue within two nautical miles."]),
    ("heritage-walk-app", "culture", "a", "Tomas Ferreira", (2025, 1, 16, 12, 10),
     "Old town heritage walk gets an audio guide",
     ["Visitors to the old town can now follow a free audio guide that tells the story of twenty buildings "
      "around the customs house.",
      "The recordings were made by retired teachers and are available in four languages.",
      "The heritage society plans to add a second route covering the spice warehouses later this year."]),
    ("water-pipeline-repair", "city", "b", "Farhan Qureshi", (2025, 1, 17, 15, 35),
     "Water supply cut in three wards for pipeline repair",
     ["Three wards in the east of the city will have no piped water on Saturday while engineers replace a "
      "cracked section of the main pipeline.",
      "Tanker lorries will visit each housing society twice during the day.",
      "The water board asked residents to store enough water for drinking and cooking on Friday night."]),
    ("film-festival-lineup", "culture", "c", "Meher Baig", (2025, 1, 18, 19, 0),
     "Coastal film festival announces its opening film",
     ["The coastal film festival will open with a documentary about salt pan workers, organisers said on "
      "Saturday.",
      "Thirty-one films from nine countries will be screened over five days in two restored cinemas.",
      "Student passes go on sale next week and include entry to all afternoon screenings."]),
    ("hospital-new-wing", "health", "a", "Priya Nandakumar", (2025, 1, 20, 8, 50),
     "District hospital opens a new maternity wing",
     ["The district hospital opened a sixty-bed maternity wing on Monday, easing pressure on the old ward that "
      "often placed two mothers in one bed.",
      "The wing includes a neonatal unit with twelve incubators and its own power backup.",
      "Hospital superintendent Dr Arvind Kamat said staff recruitment would continue until April."]),
    ("startup-drone-mapping", "business", "b", "Meher Baig", (2025, 1, 21, 14, 5),
     "Local startup maps mangroves with drones",
     ["A four-person startup from Kestrel Bay has mapped eighty hectares of mangroves using small drones and "
      "open-source software.",
      "The forest department will use the maps to plan replanting along the creek banks.",
      "Founder Rohan Salvi said the team flew at low tide so that roots and mudflats were visible."]),
    ("marathon-route-change", "sport", "c", "Kabir Sethna", (2025, 1, 22, 17, 40),
     "City marathon route moved away from the harbour road",
     ["This year's city marathon will avoid the harbour road because of bridge works, the organising committee "
      "said on Wednesday.",
      "The new route loops twice around the lake and finishes at the municipal stadium.",
      "Registrations have already passed nine thousand, with the half marathon almost full."]),
]

SECTIONS = ["city", "business", "sport", "science", "culture", "health"]


def ordinal(day):
    return "%d%s" % (day, "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th"))


def iso_ist(when):
    y, m, d, hh, mm = when
    return "%04d-%02d-%02dT%02d:%02d:00+05:30" % (y, m, d, hh, mm)


def menu():
    items = "".join('<li><a href="%s/%s/">%s</a></li>' % (HOST, s, s.title()) for s in SECTIONS)
    return ('<header><a class="logo" href="%s/">The Kestrel Courier</a><nav><ul>%s'
            '<li><a href="%s/deals/">Zarquette Deals</a></li></ul></nav></header>' % (HOST, items, HOST))


def recommended(exclude):
    picks = [a for a in ARTICLES if a[0] != exclude][:4]
    items = "".join('<li><a href="%s/%s/%s">%s</a></li>' % (HOST, a[1], a[0], html.escape(a[5])) for a in picks)
    return '<aside class="recommended"><h2>Recommended: Plumbago picks</h2><ul>%s</ul></aside>' % items


def footer():
    return ('<footer><p>Sign up for the Dovetailer newsletter.</p><p>&copy; 2025 Quillfeather Media. '
            'The Kestrel Courier. All rights reserved.</p><a href="%s/about/">About us</a></footer>' % HOST)


def article_page(article):
    slug, section, template, author, when, title, paragraphs = article
    url = "%s/%s/%s" % (HOST, section, slug)
    head = ['<meta charset="utf-8">', "<title>%s | The Kestrel Courier</title>" % html.escape(title),
            '<link rel="canonical" href="%s">' % url]
    byline = ""
    if template == "a":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "mainEntityOfPage": url,
              "datePublished": iso_ist(when), "author": {"@type": "Person", "name": author},
              "articleSection": section.title(),
              "publisher": {"@type": "Organization", "name": "The Kestrel Courier"}}
        head.append('<script type="application/ld+json">%s</script>' % json.dumps(ld))
    elif template == "b":
        head += ['<meta property="og:type" content="article">',
                 '<meta property="og:title" content="%s">' % html.escape(title),
                 '<meta property="og:url" content="%s">' % url,
                 '<meta property="og:site_name" content="The Kestrel Courier">',
                 '<meta property="article:published_time" content="%s">' % iso_ist(when),
                 '<meta property="article:author" content="%s">' % html.escape(author),
                 '<meta property="article:section" content="%s">' % section.title()]
    else:
        y, m, d, hh, mm = when
        byline = ('<div class="byline">By %s</div><div class="dateline">Published %02d:%02d IST, %s %s %d</div>'
                  % (html.escape(author), hh, mm, MONTHS[m - 1], ordinal(d), y))
    body = "".join("<p>%s</p>" % html.escape(p) for p in paragraphs)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head>%s</head>\n<body>%s\n<main><article><h1>%s</h1>%s"
            "<div class=\"story\">%s</div></article>%s</main>\n%s</body></html>\n"
            % ("".join(head), menu(), html.escape(title), byline, body, recommended(slug), footer()))


def listing_page(title, articles):
    items = "".join('<li><a href="%s/%s/%s">%s</a> <span>%s</span></li>'
                    % (HOST, a[1], a[0], html.escape(a[5]), a[1].title()) for a in articles)
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>%s | The Kestrel Courier</title>'
            '</head>\n<body>%s\n<main><h1>%s</h1><ul class="headlines">%s</ul></main>\n%s</body></html>\n'
            % (html.escape(title), menu(), html.escape(title), items, footer()))


# --- WARC writing --------------------------------------------------------------
_ids = [0]
_minute = [0]


def next_id():
    _ids[0] += 1
    return "<urn:uuid:6b657374-7265-4c00-8000-%012d>" % _ids[0]


def crawl_date():
    """Capture times a minute apart from 2025-01-25 02:00Z, in file order."""
    _minute[0] += 1
    return "2025-01-25T%02d:%02d:00Z" % (2 + _minute[0] // 60, _minute[0] % 60)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(wtype, block, uri=None, content_type=None, extra=(), payload=None, date=None):
    rid = next_id()
    lines = ["WARC/1.1", "WARC-Type: " + wtype, "WARC-Record-ID: " + rid, "WARC-Date: " + (date or crawl_date())]
    if uri:
        lines.append("WARC-Target-URI: " + uri)
    lines.extend(extra)
    if payload is not None:
        lines.append("WARC-Payload-Digest: " + sha1_b32(payload))
    lines.append("WARC-Block-Digest: " + sha1_b32(block))
    if content_type:
        lines.append("Content-Type: " + content_type)
    lines.append("Content-Length: %d" % len(block))
    return rid, ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def member(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as f:
        f.write(data)
    return out.getvalue()


def http_block(status, reason, headers, body):
    head = "HTTP/1.1 %d %s\r\n" % (status, reason) + "".join(h + "\r\n" for h in headers) + "\r\n"
    return head.encode() + body


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + b"\xc0\x40\x20" * 2 + b"\x00" + b"\x20\x40\xc0" * 2))
            + chunk(b"IEND", b""))


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        out += b"%x\r\n" % len(data[i:i + size]) + data[i:i + size] + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    for article in ARTICLES:
        text = " ".join([article[5]] + article[6])
        for marker in MARKERS:
            assert marker.lower() not in text.lower(), (marker, article[0])
    records = []

    def fetch(uri, status, reason, headers, stored_body, date=None):
        _, req = record("request", ("GET /%s HTTP/1.1\r\nHost: kestrelcourier.example\r\nUser-Agent: byline-crawl"
                                    "\r\nAccept-Encoding: gzip\r\n\r\n" % uri.split("/", 3)[3]).encode(),
                        uri=uri, content_type="application/http;msgtype=request", date=date)
        rid, resp = record("response", http_block(status, reason, headers, stored_body), uri=uri,
                           content_type="application/http;msgtype=response", payload=stored_body, date=date)
        records.extend([req, resp])
        return rid

    html_type = "Content-Type: text/html; charset=utf-8"
    _, info = record("warcinfo", b"software: byline corpus/tools/write_crawl.py\r\nformat: WARC File Format 1.1\r\n"
                     b"isPartOf: kestrel-courier-sample\r\n", content_type="application/warc-fields")
    records.append(info)
    home = listing_page("The Kestrel Courier: news from Kestrel Bay", ARTICLES[:10]).encode()
    fetch(HOST + "/", 200, "OK", [html_type, "Content-Length: %d" % len(home)], home)
    city = [a for a in ARTICLES if a[1] == "city"]
    front = listing_page("City", city).encode()
    fetch(HOST + "/city/", 200, "OK", [html_type, "Content-Length: %d" % len(front)], front)
    ids = {}
    for i, article in enumerate(ARTICLES):
        uri = "%s/%s/%s" % (HOST, article[1], article[0])
        body = article_page(article).encode()
        if i == 2:  # gzip-encoded
            stored = member(body)
            headers = [html_type, "Content-Encoding: gzip", "Content-Length: %d" % len(stored)]
        elif i == 6:  # chunked
            stored = chunked(body)
            headers = [html_type, "Transfer-Encoding: chunked"]
        else:
            stored = body
            headers = [html_type, "Content-Length: %d" % len(body)]
        ids[i] = (fetch(uri, 200, "OK", headers, stored), stored, headers)
    moved = b"<html><body>Moved Permanently</body></html>"
    fetch("http://kestrelcourier.example/city/ferry-fares-frozen", 301, "Moved Permanently",
          ["Location: %s/city/ferry-fares-frozen" % HOST, "Content-Type: text/html",
           "Content-Length: %d" % len(moved)], moved)
    missing = b"<html><body><h1>Page not found</h1></body></html>"
    fetch(HOST + "/city/no-such-story", 404, "Not Found",
          ["Content-Type: text/html", "Content-Length: %d" % len(missing)], missing)
    logo = png()
    fetch(HOST + "/static/logo.png", 200, "OK", ["Content-Type: image/png", "Content-Length: %d" % len(logo)], logo)
    # A duplicate capture of article 1: the same body fetched again later.
    _, stored, headers = ids[0]
    fetch("%s/%s/%s" % (HOST, ARTICLES[0][1], ARTICLES[0][0]), 200, "OK", headers, stored)
    # A revisit of article 2: HTTP headers only, pointing at the first capture.
    rid, stored, headers = ids[1]
    uri = "%s/%s/%s" % (HOST, ARTICLES[1][1], ARTICLES[1][0])
    _, req = record("request", b"GET /city/library-night-hours HTTP/1.1\r\nHost: kestrelcourier.example\r\n\r\n",
                    uri=uri, content_type="application/http;msgtype=request")
    _, revisit = record("revisit", http_block(200, "OK", headers, b""), uri=uri,
                        content_type="application/http;msgtype=response", payload=stored,
                        extra=["WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                               "WARC-Refers-To: " + rid, "WARC-Refers-To-Target-URI: " + uri])
    records.extend([req, revisit])
    with open(OUT, "wb") as f:
        for r in records:
            f.write(member(r))
    print("wrote %s: %d records" % (os.path.normpath(OUT), len(records)))


if __name__ == "__main__":
    main()
