#!/usr/bin/python3
"""Statistical profile of a JSONL news archive: numbers and labels only, no text.

The profile is what benchmarks/synth/byline_synth needs to invent an archive of
any size that looks like the real one to an indexer and a searcher: how long
titles, descriptions and bodies are, how the vocabulary is spread over ranks
(and how it keeps growing with the archive), how articles fall on days, and the
shares of sections, sites, languages and author counts. No word, title or any
other piece of article text is written: the vocabulary is kept as counts by
rank, and labels (section names, site names and hosts, language codes) are
facts about the archive, not its text.

Usage:
  /usr/bin/python3 benchmarks/synth/profile_archive.py \\
      ../shared/corpora/newsapi-india-2022.jsonl.zst --out benchmarks/synth/newsapi-2022.profile.json

Reads plain JSONL, .gz, or .zst (through a `zstd -dc` subprocess). Field names
are found the way byline's automatic mapping finds them (indexer/field_mapping.cpp):
title, description, body (NewsAPI's `content`, without its "[+N chars]" marker),
url, date (`publishedAt`), section (section/category/categories_seen, else the
first section-like URL path segment, as indexer/jsonl_reader.cpp does), site
(`source.name`), author, language (given, else the dominant script of the text).

Tokens: maximal runs of letters, digits and combining marks (so Devanagari words
stay whole), lowercased. The vocabulary table is the rank–frequency list of
those tokens over title + description + body.
"""

import argparse
import collections
import datetime
import gzip
import json
import math
import os
import re
import subprocess
import sys

FIELDS = {
    "title": ["title", "headline", "heading"],
    "date": ["date", "publishedAt", "published_at", "date_publish", "datePublished", "published", "pubDate",
             "publish_date", "published_date", "publication_date", "created_at", "time"],
    "section": ["section", "category", "categories", "categories_seen", "section_name", "desk"],
    "author": ["author", "authors", "byline", "creator", "writer"],
    "body": ["body", "content", "text", "articleBody", "article_body", "maintext", "full_text", "article"],
    "description": ["description", "summary", "subtitle", "standfirst", "dek", "abstract", "lead"],
    "url": ["url", "link", "canonical_url", "uri", "permalink"],
    "site": ["source.name", "site_name", "publisher.name", "publisher", "source", "site", "source_domain"],
    "language": ["language", "lang", "locale", "inLanguage"],
}
NOT_SECTIONS = {"news", "article", "articles", "story", "stories", "amp", "en", "hi", "live", "video", "videos",
                "photos", "www"}
CHARS_MARKER = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
# Letters, digits and marks: \w without "_" plus the combining marks \w leaves out.
TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0963\u0966-\u097f\u0980-\u09ff\u0b80-\u0bff])+")
SLUG = re.compile(r"^[a-z-]{3,24}$")
TOP_RANKS = 30000
# Percentiles, finer in the top 1% where a few very long records carry weight.
QUANTILES = [i / 100 for i in range(100)] + [0.99 + i / 1000 for i in range(1, 10)] + [0.9999, 1.0]


def open_lines(path):
    if path.endswith(".zst"):
        proc = subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE)
        yield from proc.stdout
        proc.wait()
    elif path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            yield from f
    elif path == "-":
        yield from sys.stdin.buffer
    else:
        with open(path, "rb") as f:
            yield from f


def lookup(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def field(obj, name):
    for path in FIELDS[name]:
        v = lookup(obj, path)
        if v is None or v == "" or v == []:
            continue
        return v
    return None


def text_of(v):
    if v is None:
        return ""
    if isinstance(v, list):
        return " ".join(text_of(x) for x in v)
    if isinstance(v, dict):
        return text_of(v.get("name"))
    return str(v)


def section_of(obj, url):
    v = field(obj, "section")
    if isinstance(v, list):
        v = v[0] if v else None
    if v:
        return section_key(text_of(v))
    # indexer/jsonl_reader.cpp section_from_url: first segment, when the path has two or more.
    m = re.match(r"^[a-z][a-z0-9+.-]*://[^/]+(/[^?#]*)?", url or "")
    parts = [p for p in ((m.group(1) or "") if m else "").split("/") if p]
    if len(parts) >= 2 and SLUG.match(parts[0]) and parts[0] not in NOT_SECTIONS:
        return section_key(parts[0])
    return ""


def section_key(label):
    """common/section.cpp section_key, for the labels seen here (ASCII words joined by '-')."""
    words = re.findall(r"[a-z0-9]+|&", label.lower())
    words = ["and" if w == "&" else w for w in words]
    if len(words) > 1 and words[-1] == "news":
        words = words[:-1]
    if len(words) > 1 and words[0] == "news":
        words = words[1:]
    return "-".join(words)


def host_of(url):
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:]+)", (url or "").lower())
    if not m:
        return ""
    h = m.group(1)
    return h[4:] if h.startswith("www.") else h


LATIN_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said"},
    "fr": {"le", "la", "les", "des", "et", "est", "une", "dans", "pour", "que", "du", "sur"},
    "es": {"el", "los", "las", "del", "y", "en", "que", "una", "por", "con", "para", "se"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "auf", "den", "zu"},
}
SCRIPTS = [("hi", 0x900, 0x97F), ("bn", 0x980, 0x9FF), ("ta", 0xB80, 0xBFF), ("ru", 0x400, 0x4FF),
           ("ar", 0x600, 0x6FF), ("zh", 0x4E00, 0x9FFF), ("ja", 0x3040, 0x30FF), ("ko", 0xAC00, 0xD7AF)]


def language_of(obj, text, tokens):
    """The given language, else the dominant script, else stop words (common/language.cpp, simplified)."""
    given = field(obj, "language")
    if given:
        return text_of(given).lower()[:2]
    counts = collections.Counter()
    for ch in text:
        cp = ord(ch)
        if ch.isascii():
            if ch.isalpha():
                counts["latin"] += 1
            continue
        for code, lo, hi in SCRIPTS:
            if lo <= cp <= hi:
                counts[code] += 1
                break
        else:
            if 0xC0 <= cp <= 0x24F:
                counts["latin"] += 1
    if not counts:
        return "und"
    top = counts.most_common(1)[0][0]
    if top != "latin":
        return top
    scores = {code: sum(1 for t in tokens if t in words) for code, words in LATIN_WORDS.items()}
    best = max(scores, key=lambda c: (scores[c], c == "en"))
    return best if scores[best] > 0 else "en"


def author_count(v):
    if v is None:
        return 0
    if isinstance(v, list):
        return sum(author_count(x) for x in v)
    s = text_of(v).strip()
    if not s or s.startswith("http"):
        return 0 if not s else 1
    s = re.sub(r"^(by|from)\s+", "", s, flags=re.I)
    parts = [p for p in re.split(r",|;|\s+and\s+|\s+&\s+|\|", s) if p.strip()]
    return max(1, len(parts))


def parse_date(v):
    s = text_of(v).strip()
    if not s:
        return None
    try:
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def quantiles(values):
    if not values:
        return []
    v = sorted(values)
    n = len(v)
    return [v[min(n - 1, int(round(q * (n - 1))))] for q in QUANTILES]


def fit_loglog(xs, ys):
    """Least squares of log y on log x: (slope, intercept)."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    n = len(lx)
    mx, my = sum(lx) / n, sum(ly) / n
    sxx = sum((a - mx) ** 2 for a in lx)
    sxy = sum((a - mx) * (b - my) for a, b in zip(lx, ly))
    slope = sxy / sxx
    return slope, my - slope * mx


def shares(counter, top, total):
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    head = items[:top]
    rest = items[top:]
    return {
        "top": [[k, c] for k, c in head],
        "other_count": sum(c for _, c in rest),
        "other_distinct": len(rest),
        "distinct": len(items),
        "total": total,
    }


def profile(paths, limit=None):
    vocab = collections.Counter()
    title_len, desc_len, body_len = [], [], []
    sections, sites, site_hosts, langs = (collections.Counter(), collections.Counter(),
                                          collections.defaultdict(collections.Counter), collections.Counter())
    authors_per = collections.Counter()
    author_names = set()
    days, hours, weekdays = collections.Counter(), collections.Counter(), collections.Counter()
    heaps = []
    next_heaps = 1000
    tokens_total = 0
    articles = 0
    skipped = collections.Counter()
    for path in paths:
        for raw in open_lines(path):
            if limit is not None and articles >= limit:
                break
            raw = raw.strip()
            if not raw:
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                skipped["malformed JSON"] += 1
                continue
            if not isinstance(obj, dict):
                skipped["not an object"] += 1
                continue
            site = text_of(field(obj, "site")).strip()
            title = text_of(field(obj, "title"))
            for sep in (" - ", " | ", " – ", " — "):
                if site and title.lower().endswith((sep + site).lower()):
                    title = title[: -len(sep + site)]
                    break
            desc = text_of(field(obj, "description"))
            body = CHARS_MARKER.sub("", text_of(field(obj, "body")))
            if not (title.strip() or desc.strip() or body.strip()):
                skipped["no text"] += 1
                continue
            articles += 1
            tt = TOKEN.findall(title.lower())
            dt = TOKEN.findall(desc.lower())
            bt = TOKEN.findall(body.lower())
            title_len.append(len(tt))
            desc_len.append(len(dt))
            body_len.append(len(bt))
            vocab.update(tt)
            vocab.update(dt)
            vocab.update(bt)
            tokens_total += len(tt) + len(dt) + len(bt)
            if tokens_total >= next_heaps:
                heaps.append([tokens_total, len(vocab)])
                next_heaps = int(next_heaps * 1.25) + 1
            url = text_of(field(obj, "url"))
            sections[section_of(obj, url) or "(none)"] += 1
            sites[site or "(none)"] += 1
            site_hosts[site or "(none)"][host_of(url)] += 1
            langs[language_of(obj, title + " " + desc, tt + dt)] += 1
            a = field(obj, "author")
            authors_per[min(author_count(a), 6)] += 1
            if a:
                author_names.add(text_of(a).strip().lower())
            d = parse_date(field(obj, "date"))
            if d is None:
                skipped["no date (article kept)"] += 1
            else:
                if d.tzinfo is not None:
                    d = d.astimezone(datetime.timezone.utc)
                days[d.date()] += 1
                hours[d.hour] += 1
                weekdays[d.weekday()] += 1
    heaps.append([tokens_total, len(vocab)])

    # Vocabulary: the head as counts by rank, the tail as a fitted power law.
    freqs = sorted(vocab.values(), reverse=True)
    head = freqs[:TOP_RANKS]
    tail = freqs[TOP_RANKS:]
    # Tail exponent: log count on log rank from the end of the table to the last
    # rank with a count of 3 (below that, counts are too coarse to fit).
    last = next((i for i, c in enumerate(freqs) if c < 3), len(freqs))
    lo = min(TOP_RANKS, max(1, last // 2))
    step = max(1, (last - lo) // 2000)
    xs = list(range(lo + 1, last + 1, step))
    slope, _ = fit_loglog(xs, [freqs[x - 1] for x in xs]) if len(xs) > 2 else (float("nan"), 0)
    # Heaps' law V = K n^beta over the second half of the curve (log scale).
    pts = [p for p in heaps if p[0] >= heaps[-1][0] / 1000]
    beta, log_k = fit_loglog([p[0] for p in pts], [p[1] for p in pts])

    span_days = []
    if days:
        d0, d1 = min(days), max(days)
        n = (d1 - d0).days + 1
        span_days = [days.get(d0 + datetime.timedelta(days=i), 0) for i in range(n)]
    wk_total = sum(weekdays.values()) or 1
    top_sites = shares(sites, 100, articles)
    for row in top_sites["top"]:
        host = site_hosts[row[0]].most_common(1)
        row.append(host[0][0] if host else "")

    return {
        "format": "byline-archive-profile/1",
        "source": [os.path.basename(p) for p in paths],
        "articles": articles,
        "skipped": dict(skipped),
        "tokenizer": "lowercased runs of letters, digits and combining marks",
        "lengths_words": {
            "quantiles": QUANTILES,
            "title": quantiles(title_len),
            "description": quantiles(desc_len),
            "body": quantiles(body_len),
            "mean": {"title": sum(title_len) / max(1, articles), "description": sum(desc_len) / max(1, articles),
                     "body": sum(body_len) / max(1, articles)},
        },
        "vocabulary": {
            "tokens": tokens_total,
            "distinct": len(vocab),
            "hapax": sum(1 for c in freqs if c == 1),
            "top_ranks": len(head),
            "top_counts": head,
            "tail_tokens": sum(tail),
            "tail_distinct": len(tail),
            "tail_fit": {"from_rank": lo + 1, "to_rank": last, "exponent": -slope},
            "heaps": {"K": math.exp(log_k), "beta": beta, "points": heaps},
        },
        "sections": shares(sections, 40, articles),
        "sites": top_sites,
        "languages": shares(langs, 20, articles),
        "authors_per_article": {str(k): authors_per[k] for k in sorted(authors_per)},
        "distinct_author_strings": len(author_names),
        "dates": {
            "first_day": min(days).isoformat() if days else None,
            "last_day": max(days).isoformat() if days else None,
            "per_day": span_days,
            "mean_per_day": articles / max(1, len(span_days)),
            "weekday_share": [weekdays[i] / wk_total for i in range(7)],
            "hour_utc_share": [hours[i] / wk_total for i in range(24)],
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL archives (.jsonl, .gz, .zst, or - for stdin)")
    ap.add_argument("--out", default="-", help="profile JSON (default stdout)")
    ap.add_argument("--limit", type=int, help="read at most this many articles")
    args = ap.parse_args()
    p = profile(args.inputs, args.limit)
    text = json.dumps(p, separators=(",", ":"), ensure_ascii=False)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(f"profile: {p['articles']} articles, {p['vocabulary']['tokens']} tokens, "
          f"{p['vocabulary']['distinct']} distinct, Heaps beta {p['vocabulary']['heaps']['beta']:.3f}, "
          f"tail exponent {p['vocabulary']['tail_fit']['exponent']:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
