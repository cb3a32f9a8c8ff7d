#!/usr/bin/env python3
"""Checks byline's facet counts against counts computed independently from a
NewsAPI-style JSONL export.

For each query it runs `byline search --json --limit 0 --date-facet month` and
recomputes, straight from the JSONL, how many articles match and their counts
per section key and per month. What a word is stays Xapian's: each record's
title + description + content goes through Xapian's own TermGenerator with the
English stemmer (Debian package python3-xapian), so the check is about the
counting, not about tokenisation. Everything else is re-derived here on its
own: the HTML entities and NewsAPI's "[+N chars]" marker, the section key by
byline's documented rules (first of section/category/categories/
categories_seen, else the first URL path segment that looks like a section;
lowercase words joined by '-', a leading or trailing 'news' dropped), the
month from publishedAt, the host from the URL. Prints both and every difference.

Run it with Debian's python (/usr/bin/python3), which has the xapian module.

Usage: facet_check.py --byline build/byline --db DB --jsonl FILE.jsonl.zst QUERY...
Queries: a single word, or `site:HOST`, optionally followed by `date:YYYY-MM`.
"""
import argparse
import html
import json
import re
import subprocess
import sys
from collections import Counter
from urllib.parse import urlparse

try:
    import xapian
except ImportError:
    sys.exit("facet_check.py needs Xapian's Python bindings: apt-get install python3-xapian; run /usr/bin/python3")

STEM = xapian.Stem("english")
GENERATOR = xapian.TermGenerator()
GENERATOR.set_stemmer(STEM)
GENERATOR.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
NOT_SECTIONS = {"news", "article", "articles", "story", "stories", "amp", "en", "hi", "live", "video",
                "videos", "photos", "www"}


def section_key(label):
    words = []
    for w in re.split(r"[^0-9a-z\u0080-\uffff&]+", label.lower().replace("&", " & ")):
        if not w:
            continue
        words.append("and" if w == "&" else w)
    if len(words) > 1 and words[-1] == "news":
        words.pop()
    if len(words) > 1 and words[0] == "news":
        words.pop(0)
    return "-".join(words)


def first_text(value):
    if isinstance(value, list):
        for v in value:
            t = first_text(v)
            if t.strip():
                return t
        return ""
    if isinstance(value, dict):
        return str(value.get("name", ""))
    return "" if value is None else str(value)


def record_section(rec):
    for field in ("section", "category", "categories", "categories_seen"):
        text = first_text(rec.get(field)).strip()
        if text:
            return section_key(text)
    path = [p for p in urlparse(rec.get("url") or "").path.split("/") if p]
    if len(path) >= 2 and 3 <= len(path[0]) <= 24 and re.fullmatch(r"[a-z-]+", path[0]) and path[0] not in NOT_SECTIONS:
        return section_key(path[0])
    return ""


def title_without_site(rec):
    """byline drops a " - Publisher" suffix naming the source from titles."""
    title = first_text(rec.get("title"))
    site = first_text((rec.get("source") or {}).get("name") if isinstance(rec.get("source"), dict) else "")
    for sep in (" - ", " | ", " \u2013 ", " \u2014 "):
        suffix = sep + site
        if site and len(title) > len(suffix) and title.lower().endswith(suffix.lower()):
            return title[: -len(suffix)]
    return title


def record_stems(rec):
    text = " ".join([title_without_site(rec)] + [first_text(rec.get(k)) for k in ("description", "content")])
    text = html.unescape(re.sub(r"\[\+\d+ chars\]", " ", text))
    doc = xapian.Document()
    GENERATOR.set_document(doc)
    GENERATOR.index_text(text)
    return {t.term.decode()[1:] for t in doc.termlist() if t.term.startswith(b"Z")}


TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|igshid)$", re.I)


def canonical(url):
    """byline's article id comes from the canonical URL: several records of one
    canonical URL are one article (the last one read wins)."""
    u = urlparse((url or "").strip())
    if u.scheme.lower() not in ("http", "https") or not u.netloc:
        return url
    query = "&".join(p for p in u.query.split("&") if p and not TRACKING.match(p.split("=")[0]))
    netloc = u.netloc.lower()
    for scheme, port in (("http", ":80"), ("https", ":443")):
        if u.scheme.lower() == scheme and netloc.endswith(port):
            netloc = netloc[: -len(port)]
    return f"{u.scheme.lower()}://{netloc}{u.path or '/'}" + (f"?{query}" if query else "")


def host(url):
    h = (urlparse(url or "").hostname or "").lower()
    return h[4:] if h.startswith("www.") else h


def parse_query(query):
    word, site, month = None, None, None
    for part in query.split():
        if part.startswith("site:"):
            site = part[5:].lower()
        elif part.startswith("date:"):
            month = part[5:]
        else:
            word = STEM(part.lower()).decode()
    return word, site, month


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--byline", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("queries", nargs="+")
    args = ap.parse_args()

    parsed = [parse_query(q) for q in args.queries]
    latest = {}  # canonical URL -> (section, month, [matches per query])
    reader = ["zstdcat", args.jsonl] if args.jsonl.endswith(".zst") else ["cat", args.jsonl]
    with subprocess.Popen(reader, stdout=subprocess.PIPE) as proc:
        for line in proc.stdout:
            rec = json.loads(line)
            stems = None
            month = (rec.get("publishedAt") or "")[:7]
            matches = []
            for word, site, want_month in parsed:
                ok = not (site and host(rec.get("url")) != site) and not (want_month and month != want_month)
                if ok and word:
                    if stems is None:
                        stems = record_stems(rec)
                    ok = word in stems
                matches.append(ok)
            latest[canonical(rec.get("url"))] = (record_section(rec), month, matches)

    totals = [0] * len(parsed)
    sections = [Counter() for _ in parsed]
    months = [Counter() for _ in parsed]
    for section, month, matches in latest.values():
        for i, ok in enumerate(matches):
            if ok:
                totals[i] += 1
                sections[i][section] += 1
                months[i][month] += 1

    ok = True
    for i, query in enumerate(args.queries):
        out = subprocess.run([args.byline, "search", "--db", args.db, "--json", "--limit", "0", "--facet-size", "10000",
                              "--date-facet", "month", query], check=True, capture_output=True, text=True).stdout
        result = json.loads(out)
        b_sections = {f["value"]: f["count"] for f in result["facets"]["section"]}
        b_months = {f["value"][:7]: f["count"] for f in result["facets"]["date"]}
        sec_diff = {k: (b_sections.get(k, 0), sections[i].get(k, 0)) for k in set(b_sections) | set(sections[i])
                    if k and b_sections.get(k, 0) != sections[i].get(k, 0)}
        mon_diff = {k: (b_months.get(k, 0), months[i].get(k, 0)) for k in set(b_months) | set(months[i])
                    if b_months.get(k, 0) != months[i].get(k, 0)}
        print(f"query {query!r}: byline total {result['total']['value']} (exact={result['total']['exact']}), "
              f"independent {totals[i]}; took {result['took_ms']:.1f} ms")
        top = sorted(b_sections.items(), key=lambda kv: -kv[1])[:6]
        print("  sections (byline / independent): " +
              ", ".join(f"{k} {v}/{sections[i].get(k, 0)}" for k, v in top))
        print("  months   (byline / independent): " +
              ", ".join(f"{k} {v}/{months[i].get(k, 0)}" for k, v in sorted(b_months.items())))
        if sec_diff or mon_diff or result["total"]["value"] != totals[i]:
            ok = False
            print(f"  DIFFERENCES sections {sec_diff} months {mon_diff}")
        else:
            print("  all section and month counts agree")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
