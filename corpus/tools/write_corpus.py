#!/usr/bin/env python3
"""Writes byline's bundled sample archive (corpus/) from the article sources in
corpus/tools/src/*.txt. Every article there is invented text written for this
project: outlets, towns, people and events are fictional.

Usage: python3 corpus/tools/write_corpus.py   (standard library only)

Source record format (one or more per file):

    @@ w001                       record id (w = wire JSONL, c = custom-field
    key: value                    JSONL, a/b = page templates, s = simple dump)
    ...
    ---
    First paragraph.

    Second paragraph.

Keys: outlet, section, author, date (ISO 8601 with offset), slug, title, desc,
folder (bbc-style), updated, copy_of (body taken from another record),
append (paragraph added to a copied body), url_of (re-publish under the URL of
another record), dateline (replaces the first word of a copied body).
The output is deterministic: running the script twice gives identical files.
"""

import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # corpus/

OUTLETS = {
    "Deccan Ledger": "deccanledger.example",
    "The Northern Courier": "northerncourier.example",
    "Coastline Times": "coastlinetimes.example",
    "Meridian Post": "meridianpost.example",
    "Samachar Sandesh": "samacharsandesh.example",
    "Le Veilleur": "leveilleur.example",
    "Harbour Street Journal": "harbourstreet.example",
    "Tokai Evening Review": "tokaireview.example",
    "Rhine Valley Gazette": "rhinegazette.example",
    "Konkan Signal": "konkansignal.example",
}

SECTION_SLUGS = {
    "India News": "india-news",
    "World": "world",
    "Business": "business",
    "Sports": "sports",
    "Technology": "technology",
    "Science": "science",
    "Entertainment": "entertainment",
    "Health": "health",
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def parse_sources():
    records = {}
    order = []
    for name in sorted(os.listdir(os.path.join(HERE, "src"))):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(HERE, "src", name), encoding="utf-8") as f:
            text = f.read()
        for chunk in re.split(r"^@@ ", text, flags=re.M)[1:]:
            head, _, body = chunk.partition("\n---\n")
            lines = head.split("\n")
            rid = lines[0].strip()
            rec = {"id": rid, "file": name}
            for line in lines[1:]:
                if not line.strip():
                    continue
                key, _, value = line.partition(":")
                rec[key.strip()] = value.strip()
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", body)]
            rec["paras"] = [p for p in paras if p]
            if rid in records:
                sys.exit(f"duplicate record id {rid} in {name}")
            records[rid] = rec
            order.append(rid)
    return records, order


def parse_date(value):
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def ordinal(day):
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}" + {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def url_for(rec):
    num = int(re.sub(r"\D", "", rec["id"]))
    host = OUTLETS[rec["outlet"]]
    return f"https://{host}/{SECTION_SLUGS[rec['section']]}/{rec['slug']}-{4100 + num}"


def resolve_body(rec, records):
    if "copy_of" in rec:
        paras = list(records[rec["copy_of"]]["paras"])
        if "dateline" in rec:  # "Kestrapur:" -> "KESTRAPUR:" style variations
            old, new = rec["dateline"].split("=>")
            paras[0] = paras[0].replace(old.strip(), new.strip(), 1)
        if "append" in rec:
            paras.append(rec["append"])
        return paras
    return rec["paras"]


def write_wire(records, order):
    rows = []
    for rid in order:
        rec = records[rid]
        if not rid.startswith("w"):
            continue
        url = url_for(records[rec["url_of"]]) if "url_of" in rec else url_for(rec)
        when = parse_date(rec["date"])
        rows.append((when.astimezone(dt.timezone.utc), rid, {
            "source": {"id": None, "name": rec["outlet"]},
            "author": rec["author"],
            "title": rec["title"],
            "description": rec["desc"],
            "url": url,
            "publishedAt": rec["date"],
            "content": "\n\n".join(resolve_body(rec, records)),
            "category": rec["section"],
        }))
    rows.sort(key=lambda r: (r[0], r[1]))  # NewsAPI dumps come sorted by time
    path = os.path.join(ROOT, "jsonl", "wire-2023-2025.jsonl")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for _, _, row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def write_custom(records, order):
    # One scheme: flat headline/when/writer/text/link/summary, section nested
    # under meta.desk. See corpus/README.md for the --map value.
    rows = []
    for rid in order:
        rec = records[rid]
        if not rid.startswith("c"):
            continue
        rows.append({
            "headline": rec["title"],
            "summary": rec["desc"],
            "when": rec["date"],
            "writer": rec["author"],
            "link": f"https://konkansignal.example/{SECTION_SLUGS[rec['section']]}/{rec['slug']}",
            "meta": {"desk": rec["section"], "outlet": "Konkan Signal", "wordcount": sum(len(p.split()) for p in rec["paras"])},
            "text": "\n\n".join(rec["paras"]),
        })
    path = os.path.join(ROOT, "jsonl", "custom-fields.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def read_template(name):
    with open(os.path.join(HERE, "templates", name), encoding="utf-8") as f:
        return f.read()


def ist_time_a(when):
    return f"{when:%H:%M} IST, {MONTHS[when.month - 1]} {ordinal(when.day)} {when.year}"


def ist_time_b(when):
    return f"{when:%b} {when.day}, {when.year}, {when:%I:%M %p} IST"


def write_pages(records, order):
    outdir = os.path.join(ROOT, "pages")
    os.makedirs(outdir, exist_ok=True)
    for old in os.listdir(outdir):
        if old.endswith(".txt"):
            os.remove(os.path.join(outdir, old))
    menu_a, tail_a = read_template("prabhat_top.txt"), read_template("prabhat_bottom.txt")
    top_b, trend_b = read_template("bayside_top.txt"), read_template("bayside_bottom.txt")
    also_b = read_template("bayside_also_read.txt").strip()
    count = {"a": 0, "b": 0}
    for rid in order:
        rec = records[rid]
        kind = rid[0]
        if kind not in ("a", "b"):
            continue
        count[kind] += 1
        when = parse_date(rec["date"])
        updated = parse_date(rec.get("updated", rec["date"]))
        if kind == "a":
            parts = [menu_a.rstrip("\n"), "",
                     f"Published {ist_time_a(when)}", "", rec["title"], "", rec["desc"], "",
                     f"Reported by: {rec['author']}",
                     f"{rec['title']} | Image: {rec.get('image', 'Prabhat Live')}", ""]
            for p in rec["paras"]:
                parts += [p, ""]
            parts += [f"Updated {ist_time_a(updated)}", "", tail_a.rstrip("\n")]
            name = f"prabhat-{count[kind]:02d}-{rec['slug']}.txt"
        else:
            parts = [top_b.rstrip("\n"), "", f"Home > {rec['section']} > {rec['crumb']}", "",
                     rec["title"], "", rec["desc"], "",
                     f"By {rec['author']} | Updated: {ist_time_b(updated)}", "",
                     f"{rec.get('image', 'File photo')} | Photo: Bayside Bulletin", ""]
            for i, p in enumerate(rec["paras"]):
                parts += [p, ""]
                if i == 1:  # the "Also Read" box sits after the second paragraph
                    parts += [also_b, ""]
            parts += [trend_b.rstrip("\n")]
            name = f"bayside-{count[kind]:02d}-{rec['slug']}.txt"
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(parts) + "\n")
    return count


def write_simple(records, order):
    base = os.path.join(ROOT, "bbc-style")
    per_folder = {}
    for rid in order:
        rec = records[rid]
        if not rid.startswith("s"):
            continue
        folder = rec["folder"]
        per_folder[folder] = per_folder.get(folder, 0) + 1
        os.makedirs(os.path.join(base, folder), exist_ok=True)
        path = os.path.join(base, folder, f"{per_folder[folder]:03d}.txt")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(rec["title"] + "\n\n" + "\n\n".join(rec["paras"]) + "\n")
    return per_folder


def main():
    records, order = parse_sources()
    for rid in order:
        rec = records[rid]
        missing = [k for k in ("title", "date", "author", "section") if k not in rec and rid[0] != "s"]
        if missing and "copy_of" not in rec:
            sys.exit(f"{rid}: missing {missing}")
        if rid[0] == "w":
            if rec["outlet"] not in OUTLETS:
                sys.exit(f"{rid}: unknown outlet {rec['outlet']}")
            for ref in ("copy_of", "url_of"):
                if ref in rec and rec[ref] not in records:
                    sys.exit(f"{rid}: {ref} names unknown record {rec[ref]}")
    n_wire = write_wire(records, order)
    n_custom = write_custom(records, order)
    pages = write_pages(records, order)
    simple = write_simple(records, order)
    print(f"wire {n_wire}, custom {n_custom}, pages {pages}, bbc-style {simple}")


if __name__ == "__main__":
    main()
