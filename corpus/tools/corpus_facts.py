#!/usr/bin/env python3
"""Independent facts about byline's sample archive (corpus/), computed from the
output files only (not from write_corpus.py's sources), with the Python
standard library only.

    python3 corpus/tools/corpus_facts.py           print the facts (Markdown)
    python3 corpus/tools/corpus_facts.py --check   validate the files and check
                                                   that corpus/README.md holds the
                                                   current facts; exit 1 if not
    python3 corpus/tools/corpus_facts.py --write   refresh the facts block in README

Validation: every JSONL line parses, every file is UTF-8, every date is valid,
every article has 3-6 paragraphs of 120-300 words, marker words appear in
boilerplate only.

Query semantics used for the example counts (a plain model of a search engine
without stemming): text = title + description + body; tokens = maximal runs of
Unicode word characters (letters, digits, combining marks), lower-cased, with a trailing "'s" dropped; a document
matches when it contains every query token. Documents = wire records after URL
replacement (the later record of a URL wins) + custom records + page articles
(boilerplate excluded) + bbc-style files.
"""

import datetime as dt
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(ROOT, "README.md")
BEGIN, END = "<!-- facts:begin -->", "<!-- facts:end -->"

MARKERS = {
    "prabhat": ["Varkalonia", "Quillmoor", "Zephyrine", "Golden Peacock Awards", "Thistlewick", "Zorbanex"],
    "bayside": ["Marigoldia", "Kelpford", "Orravine", "Snowlark"],
}
QUERIES = ["Bhoravali", "monsoon Kestrapur", "Tarang", "नलवानी"]
MONTHS = {m: i + 1 for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"])}
SHORT = {k[:3]: v for k, v in MONTHS.items()}

errors = []


def rel(path):
    return os.path.relpath(path, os.path.dirname(ROOT))


def read_utf8(path):
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{rel(path)}: not UTF-8 ({e})")
        return data.decode("utf-8", "replace")


def check_body(where, paras):
    words = sum(len(p.split()) for p in paras)
    if not 3 <= len(paras) <= 6:
        errors.append(f"{where}: {len(paras)} paragraphs")
    if not 120 <= words <= 300:
        errors.append(f"{where}: {words} words")
    return words


def load_wire():
    path = os.path.join(ROOT, "jsonl", "wire-2023-2025.jsonl")
    docs = []
    for n, line in enumerate(read_utf8(path).splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"wire line {n}: {e}")
            continue
        when = dt.datetime.fromisoformat(rec["publishedAt"].replace("Z", "+00:00"))
        if when.tzinfo is None:
            errors.append(f"wire line {n}: no offset")
        words = check_body(f"wire line {n}", rec["content"].split("\n\n"))
        docs.append({"format": "wire", "line": n, "url": rec["url"], "title": rec["title"],
                     "desc": rec["description"], "body": rec["content"], "section": rec["category"],
                     "when": when, "raw_date": rec["publishedAt"], "author": rec["author"],
                     "outlet": rec["source"]["name"], "words": words})
    return docs


def load_custom():
    path = os.path.join(ROOT, "jsonl", "custom-fields.jsonl")
    docs = []
    for n, line in enumerate(read_utf8(path).splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"custom line {n}: {e}")
            continue
        when = dt.datetime.fromisoformat(rec["when"])
        words = check_body(f"custom line {n}", rec["text"].split("\n\n"))
        docs.append({"format": "custom", "line": n, "url": rec["link"], "title": rec["headline"],
                     "desc": rec["summary"], "body": rec["text"], "section": rec["meta"]["desk"],
                     "when": when, "raw_date": rec["when"], "words": words})
    return docs


def blocks(lines):
    """Paragraphs of a text dump: runs of non-blank lines joined by spaces."""
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def load_pages():
    docs, boiler = [], defaultdict(list)
    for path in sorted(glob.glob(os.path.join(ROOT, "pages", "*.txt"))):
        text = read_utf8(path)
        lines = text.split("\n")
        name = os.path.basename(path)
        if name.startswith("prabhat-"):
            template = "prabhat"
            pub = next(i for i, l in enumerate(lines) if l.startswith("Published "))
            upd = next(i for i, l in enumerate(lines) if l.startswith("Updated "))
            m = re.match(r"Published (\d\d):(\d\d) IST, (\w+) (\d+)(?:st|nd|rd|th) (\d{4})$", lines[pub])
            when = dt.datetime(int(m[5]), MONTHS[m[3]], int(m[4]), int(m[1]), int(m[2]),
                               tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
            rep = next(i for i, l in enumerate(lines) if l.startswith("Reported by: "))
            title, desc = blocks(lines[pub + 1:rep])
            byline_line, caption = lines[rep], lines[rep + 1]
            if not caption.startswith(title + " | Image:"):
                errors.append(f"{name}: caption line")
            paras = blocks(lines[rep + 2:upd])
            section = ""
            article_lines = set(range(pub, upd + 1))
        else:
            template = "bayside"
            crumb = next(i for i, l in enumerate(lines) if l.startswith("Home > "))
            trend = next(i for i, l in enumerate(lines) if l == "Trending")
            region = [b for b in blocks(lines[crumb + 1:trend]) if not b.startswith("Also Read:")]
            title, desc, byline_line, caption = region[0], region[1], region[2], region[3]
            m = re.search(r"Updated: (\w{3}) (\d+), (\d{4}), (\d\d):(\d\d) (AM|PM) IST$", byline_line)
            hour = int(m[4]) % 12 + (12 if m[6] == "PM" else 0)
            when = dt.datetime(int(m[3]), SHORT[m[1]], int(m[2]), hour, int(m[5]),
                               tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
            paras = region[4:]
            section = lines[crumb].split(" > ")[1]
            article_lines = {i for i in range(crumb, trend) if not lines[i].startswith("Also Read:")}
        words = check_body(name, paras)
        boiler[template].append("\n".join(l for i, l in enumerate(lines) if i not in article_lines))
        docs.append({"format": "pages", "file": name, "template": template, "title": title, "desc": desc,
                     "body": "\n\n".join(paras), "section": section, "when": when,
                     "byline": byline_line, "words": words})
    return docs, boiler


def load_bbc():
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "bbc-style", "*", "*.txt"))):
        text = read_utf8(path)
        title, _, rest = text.partition("\n\n")
        paras = [p.strip() for p in rest.split("\n\n") if p.strip()]
        words = check_body(rel(path), paras)
        docs.append({"format": "bbc-style", "file": rel(path), "title": title.strip(), "desc": "",
                     "body": "\n\n".join(paras), "section": os.path.basename(os.path.dirname(path)),
                     "when": None, "words": words})
    return docs


# Word characters: \w plus the combining marks of Devanagari (vowel signs,
# virama, nukta), which Python's \w leaves out but which belong to the word.
WORD = r"[\w\u0900-\u0963\u0966-\u097f]+"


def tokens(text):
    out = set()
    for t in re.findall(WORD + r"(?:'" + WORD + ")*", text.lower()):
        if t.endswith("'s"):
            t = t[:-2]
        out.update(re.findall(WORD, t))
    return out


def singular(word):
    """byline folds an English plural in a section key's last word (common/section.cpp)."""
    if len(word) < 4 or word in ("news", "series", "species") or not re.fullmatch(r"[a-z]+", word):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def section_key(label):
    words = [w for w in re.split(r"[^a-z0-9\u0080-\uffff]+", label.lower().replace("&", " and ")) if w]
    if len(words) > 1 and words[-1] == "news":
        words.pop()
    if words:
        words[-1] = singular(words[-1])
    return "-".join(words)


def similarity(a, b):
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / max(1, len(ta | tb))


def table(headers, rows):
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def facts():
    wire, custom = load_wire(), load_custom()
    pages, boiler = load_pages()
    bbc = load_bbc()
    out = []

    by_url = {}
    for d in wire:
        by_url[d["url"]] = d  # later line wins: replacement
    wire_unique = list(by_url.values())
    replaced = [u for u, c in Counter(d["url"] for d in wire).items() if c > 1]
    all_docs = wire_unique + custom + pages + bbc

    out.append("### Records per file\n")
    out.append(table(["file", "records", "documents after URL replacement"], [
        ["jsonl/wire-2023-2025.jsonl", len(wire), len(wire_unique)],
        ["jsonl/custom-fields.jsonl", len(custom), len(custom)],
        ["pages/prabhat-*.txt", sum(p["template"] == "prabhat" for p in pages), sum(p["template"] == "prabhat" for p in pages)],
        ["pages/bayside-*.txt", sum(p["template"] == "bayside" for p in pages), sum(p["template"] == "bayside" for p in pages)],
        ["bbc-style/*/NNN.txt", len(bbc), len(bbc)],
        ["**total**", len(wire) + len(custom) + len(pages) + len(bbc), len(all_docs)],
    ]))
    words = [d["words"] for d in wire + custom + pages + bbc]
    out.append(f"\nBody length: {min(words)}–{max(words)} words (whitespace-separated), "
               f"{sum(words)} words in all records.\n")

    out.append("### Documents per section and year (after URL replacement)\n")
    out.append("Year = the local (printed) date of publication. Pages of the Prabhat template print no "
               "section; bbc-style files have no date.\n")
    counts = defaultdict(Counter)
    years = ["2023", "2024", "2025", "none"]
    for d in all_docs:
        label = d["section"] or "(none printed)"
        key = section_key(d["section"]) if d["section"] else "-"
        y = str(d["when"].year) if d["when"] else "none"
        counts[(label, key, d["format"])][y] += 1
    rows = []
    for (label, key, fmt), c in sorted(counts.items()):
        rows.append([label, key, fmt] + [c[y] for y in years] + [sum(c.values())])
    tot = Counter()
    for c in counts.values():
        tot.update(c)
    rows.append(["**total**", "", ""] + [tot[y] for y in years] + [sum(tot.values())])
    out.append(table(["section label", "section key", "format"] + years + ["all"], rows))

    by_key = Counter()
    for d in all_docs:
        if d["section"]:
            by_key[section_key(d["section"])] += 1
    out.append("\nBy section key, all formats: " + ", ".join(f"{k} {v}" for k, v in sorted(by_key.items())) + ".\n")

    langs = Counter()
    for d in wire_unique:
        if re.search(r"[\u0900-\u097f]", d["title"]):
            langs["hi"] += 1
        elif d["outlet"] == "Le Veilleur":
            langs["fr"] += 1
        else:
            langs["en"] += 1
    out.append(f"Wire languages (after replacement): en {langs['en']}, hi {langs['hi']} (Devanagari, outlet "
               f"Samachar Sandesh), fr {langs['fr']} (outlet Le Veilleur). All other files are English.\n")

    out.append("### Local day differs from the UTC day\n")
    out.append("An article is filed under its local (printed) date. These records' UTC date is different:\n")
    rows = []
    for d in wire + custom + pages:
        utc = d["when"].astimezone(dt.timezone.utc)
        if utc.date() != d["when"].date():
            where = f"wire line {d['line']}" if d["format"] == "wire" else (
                f"custom line {d['line']}" if d["format"] == "custom" else f"pages/{d['file']}")
            rows.append([where, d.get("raw_date", d["when"].isoformat()), d["when"].date(), utc.date(),
                         d.get("url", d["title"])])
    out.append(table(["record", "published", "local day", "UTC day", "url / title"], rows))

    out.append("\n### Wire copies (one agency story carried by two outlets)\n")
    rows = []
    for i, a in enumerate(wire_unique):
        for b in wire_unique[i + 1:]:
            s = similarity(a["body"], b["body"])
            if s >= 0.8:
                rows.append([a["line"], b["line"], a["author"], f"{s:.2f}", a["url"], b["url"]])
    out.append(table(["line", "line", "author", "token Jaccard", "url A", "url B"], rows))

    out.append("\n### Replacement records (same URL published twice)\n")
    rows = []
    for u in replaced:
        ds = [d for d in wire if d["url"] == u]
        rows.append([", ".join(str(d["line"]) for d in ds), u, ds[-1]["title"]])
    out.append(table(["lines (last wins)", "url", "title of the surviving record"], rows))

    out.append("\n### Marker words (must not be indexed)\n")
    article_text = " ".join(d["title"] + " " + d["desc"] + " " + d["body"] for d in all_docs).lower()
    rows = []
    for template, words_ in MARKERS.items():
        for w in words_:
            in_articles = w.lower() in article_text
            pages_with = sum(w in b for b in boiler[template])
            if in_articles:
                errors.append(f"marker {w} appears in article text")
            if pages_with != len(boiler[template]):
                errors.append(f"marker {w} missing from some {template} boilerplate")
            rows.append([w, template, f"{pages_with}/{len(boiler[template])}", "yes" if in_articles else "no"])
    out.append(table(["marker", "template", "pages whose boilerplate has it", "in any article text"], rows))
    for template, texts in boiler.items():
        if len(set(texts)) != 1:
            errors.append(f"{template} boilerplate differs between pages")

    out.append("\n### Example queries\n")
    out.append("All query words must occur (no stemming; see the script's docstring).\n")
    rows = []
    toks = [tokens(d["title"] + " " + d["desc"] + " " + d["body"]) for d in all_docs]
    for q in QUERIES:
        qt = tokens(q)
        hits = [d for d, t in zip(all_docs, toks) if qt <= t]
        per = Counter(d["format"] for d in hits)
        variants = sorted({w for t in toks for w in t for x in qt if w != x and w.startswith(x)})
        rows.append([f"`{q}`", len(hits), ", ".join(f"{k} {v}" for k, v in sorted(per.items())),
                     ", ".join(variants) or "none"])
    out.append(table(["query", "documents", "by format", "other corpus words starting with a query word"], rows))
    return "\n".join(out) + "\n"


def main():
    text = facts()
    if errors:
        print("\n".join("error: " + e for e in errors), file=sys.stderr)
    if "--write" in sys.argv or "--check" in sys.argv:
        readme = open(README, encoding="utf-8").read()
        head, _, rest = readme.partition(BEGIN)
        _, _, tail = rest.partition(END)
        fresh = head + BEGIN + "\n" + text + END + tail
        if "--write" in sys.argv:
            open(README, "w", encoding="utf-8").write(fresh)
        elif fresh != readme:
            print("corpus/README.md facts are stale: run corpus/tools/corpus_facts.py --write", file=sys.stderr)
            return 1
    else:
        print(text, end="")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
