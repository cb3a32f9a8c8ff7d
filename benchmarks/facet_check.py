#!/usr/bin/env python3
"""Checks byline's facet counts against counts computed independently from a
NewsAPI-style JSONL export.

For each query it runs `byline search --json --limit 0 --date-facet month` and
recomputes, straight from the JSONL, how many articles match and their counts
per section key and per month. Matching is re-implemented here on its own:
lowercase word tokens of title + description + content, stemmed with
PyStemmer's Snowball English stemmer (Debian package python3-stemmer), and
the section key derived with the same documented rules as byline (first of
section/category/categories/categories_seen, else the first URL path segment
that looks like a section; lowercase words joined by '-', a leading or
trailing 'news' dropped). Prints both and every difference.

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
    import Stemmer  # PyStemmer
except ImportError:
    sys.exit("facet_check.py needs PyStemmer: apt-get install python3-stemmer")

STEM = Stemmer.Stemmer("english")
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
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


def record_stems(rec):
    text = " ".join(first_text(rec.get(k)) for k in ("title", "description", "content"))
    text = html.unescape(re.sub(r"\[\+\d+ chars\]", " ", text))
    return {STEM.stemWord(t.lower().replace("\u2019", "'")) for t in WORD.findall(text)}


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
            word = STEM.stemWord(part.lower())
    return word, site, month


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--byline", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("queries", nargs="+")
    args = ap.parse_args()

    parsed = [parse_query(q) for q in args.queries]
    totals = [0] * len(parsed)
    sections = [Counter() for _ in parsed]
    months = [Counter() for _ in parsed]
    reader = ["zstdcat", args.jsonl] if args.jsonl.endswith(".zst") else ["cat", args.jsonl]
    with subprocess.Popen(reader, stdout=subprocess.PIPE) as proc:
        for line in proc.stdout:
            rec = json.loads(line)
            stems = None
            month = (rec.get("publishedAt") or "")[:7]
            for i, (word, site, want_month) in enumerate(parsed):
                if site and host(rec.get("url")) != site:
                    continue
                if want_month and month != want_month:
                    continue
                if word:
                    if stems is None:
                        stems = record_stems(rec)
                    if word not in stems:
                        continue
                totals[i] += 1
                sections[i][record_section(rec)] += 1
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
