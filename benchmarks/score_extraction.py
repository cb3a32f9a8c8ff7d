#!/usr/bin/env python3
"""Scores byline's HTML article extraction against shared/pages/truth.jsonl.

Runs the extractor over every page (by default the one-process driver
`byline_extract_driver --list -`, else `--cmd` once per page with {file} and
{url} substituted, e.g. --cmd 'byline extract --json --url {url} {file}') and
prints, per source and overall:

  body P/R/F1   over lowercase word 4-gram shingles (multisets), per page
                then averaged; CJK ideographs and kana count as one word each.
                A page without output counts as P = R = F1 = 0.
  contains      share of body_contains snippets found in the body, and
  not_contains  share of body_not_contains snippets absent from it
                (NFKC, case- and white-space-insensitive).
  title         exact match after white-space normalisation only (strict,
                the headline figure), and after NFKC, white-space and case
                normalisation (loose, in brackets after it).
  date          same calendar day, pages whose truth has a date; when both
                sides carry an offset the prediction is read in the truth's.
  authors       author-set F1 (normalised names), pages with truth authors.

Standard library only. Exit status 0 unless the extractor could not be run.
"""

import argparse
import collections
import datetime as dt
import glob
import gzip
import json
import os
import re
import shlex
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
TOKEN = re.compile(r"[%s]|[^\W%s]+" % (CJK, CJK))


def norm(text):
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def ws(text):
    return " ".join((text or "").split())


def tokens(text):
    return TOKEN.findall(unicodedata.normalize("NFKC", text or "").lower())


def shingles(text, n=4):
    toks = tokens(text)
    if len(toks) < n:
        return collections.Counter([tuple(toks)] if toks else [])
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def prf(pred, truth):
    p, t = shingles(pred), shingles(truth)
    if not p or not t:
        return (0.0, 0.0, 0.0) if t else (1.0, 1.0, 1.0)
    common = sum((p & t).values())
    precision, recall = common / sum(p.values()), common / sum(t.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def parse_iso(text):
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text[:10])
        except ValueError:
            return None


def same_day(pred, truth):
    p, t = parse_iso(pred), parse_iso(truth)
    if p is None or t is None:
        return False
    if p.tzinfo is not None and t.tzinfo is not None:
        p = p.astimezone(t.tzinfo)
    return p.date() == t.date()


def author_f1(pred, truth):
    p = {norm(a) for a in pred or [] if norm(a)}
    t = {norm(a) for a in truth or [] if norm(a)}
    if not t:
        return None
    common = len(p & t)
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(t)
    return 2 * precision * recall / (precision + recall)


def find_driver():
    # The most recently built one, so a fresh build is what gets scored.
    found = [p for p in glob.glob(os.path.join(REPO, "build*", "benchmarks", "byline_extract_driver"))
             if os.access(p, os.X_OK)]
    return max(found, key=os.path.getmtime) if found else None


def run_driver(driver, pages_dir, truth):
    listing = "".join("%s\t%s\n" % (os.path.join(pages_dir, t["file"]), t.get("url") or "") for t in truth)
    start = time.monotonic()
    proc = subprocess.run([driver, "--list", "-"], input=listing.encode(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit("driver failed (%d): %s" % (proc.returncode, proc.stderr.decode(errors="replace")))
    out = {}
    for line in proc.stdout.decode().splitlines():
        record = json.loads(line)
        out[os.path.relpath(record["file"], pages_dir)] = record
    return out, elapsed, proc.stderr.decode(errors="replace").strip()


def run_command(cmd, pages_dir, truth):
    out = {}
    start = time.monotonic()
    for t in truth:
        path = os.path.join(pages_dir, t["file"])
        args = [a.replace("{file}", path).replace("{url}", t.get("url") or "") for a in shlex.split(cmd)]
        proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
        try:
            out[t["file"]] = json.loads(proc.stdout.decode() or "{}")
        except json.JSONDecodeError:
            out[t["file"]] = {}
    return out, time.monotonic() - start, ""


class Tally:
    def __init__(self):
        self.body = []          # (P, R, F1)
        self.contains = [0, 0]  # hits, total
        self.not_contains = [0, 0]
        self.title = [0, 0]
        self.title_loose = 0
        self.date = [0, 0]
        self.authors = []

    def add(self, t, r):
        body = r.get("body") or ""
        nbody = norm(body)
        if t.get("body"):
            self.body.append(prf(body, t["body"]))
        for snippet in t.get("body_contains") or []:
            self.contains[0] += norm(snippet) in nbody
            self.contains[1] += 1
        for snippet in t.get("body_not_contains") or []:
            self.not_contains[0] += norm(snippet) not in nbody
            self.not_contains[1] += 1
        if t.get("title"):
            self.title[0] += ws(r.get("title")) == ws(t["title"])
            self.title_loose += norm(r.get("title")) == norm(t["title"])
            self.title[1] += 1
        if t.get("date"):
            self.date[0] += same_day(r.get("date"), t["date"])
            self.date[1] += 1
        f1 = author_f1(r.get("authors"), t.get("authors"))
        if f1 is not None:
            self.authors.append(f1)

    def row(self, name, pages):
        def mean(values, k):
            return "%.3f" % (sum(v[k] for v in values) / len(values)) if values else "  -  "

        def share(pair):
            return "%.3f" % (pair[0] / pair[1]) if pair[1] else "  -  "

        auth = "%.3f" % (sum(self.authors) / len(self.authors)) if self.authors else "  -  "
        loose = "%.3f" % (self.title_loose / self.title[1]) if self.title[1] else "  -  "
        return ("%-20s %5d | %s %s %s (%3d) | %s (%3d) %s (%3d) | %s [%s] (%3d) | %s (%3d) | %s (%3d)" % (
            name, pages, mean(self.body, 0), mean(self.body, 1), mean(self.body, 2), len(self.body),
            share(self.contains), self.contains[1], share(self.not_contains), self.not_contains[1],
            share(self.title), loose, self.title[1], share(self.date), self.date[1], auth, len(self.authors)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=os.path.join(REPO, "..", "shared", "pages"),
                        help="directory with truth.jsonl (default: ../shared/pages beside the repository)")
    parser.add_argument("--driver", help="byline_extract_driver executable (default: build*/benchmarks/)")
    parser.add_argument("--cmd", help="run this command per page instead of the driver ({file}, {url})")
    parser.add_argument("--source", action="append", help="only these sources (repeatable)")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest body F1")
    parser.add_argument("--details", action="store_true", help="list title/date/author misses")
    args = parser.parse_args()

    pages_dir = os.path.abspath(args.pages)
    truth_path = os.path.join(pages_dir, "truth.jsonl")
    if not os.path.exists(truth_path):
        sys.exit("%s absent: nothing to score" % truth_path)
    with open(truth_path, encoding="utf-8") as f:
        truth = [json.loads(line) for line in f if line.strip()]
    if args.source:
        truth = [t for t in truth if t["source"] in args.source]

    if args.cmd:
        results, elapsed, summary = run_command(args.cmd, pages_dir, truth)
        how = "command: " + args.cmd
    else:
        driver = args.driver or find_driver()
        if not driver:
            sys.exit("byline_extract_driver not found: build it (target byline_extract_driver) or pass --driver")
        results, elapsed, summary = run_driver(driver, pages_dir, truth)
        how = "driver: " + driver

    print("extraction scorer: %d pages from %s" % (len(truth), pages_dir))
    print(how)
    if summary:
        print(summary)
    print("wall time %.2f s, %.1f pages/s (including process start and I/O)" % (elapsed, len(truth) / max(elapsed, 1e-9)))
    print()
    print("%-20s %5s | %-5s %-5s %-5s %5s | %-11s %-11s | %-19s | %-11s | %-11s" % (
        "source", "pages", "bodyP", "bodyR", "bodyF", "(n)", "contains", "not_cont", "title [loose]", "date",
        "authors"))
    tallies = collections.OrderedDict()
    overall = Tally()
    counts = collections.Counter()
    skipped = collections.Counter()
    for t in truth:
        r = results.get(t["file"], {})
        if not r.get("body") and r.get("skip_reason"):
            skipped[r["skip_reason"].split(" (")[0]] += 1
        tallies.setdefault(t["source"], Tally()).add(t, r)
        overall.add(t, r)
        counts[t["source"]] += 1
    for source, tally in sorted(tallies.items()):
        print(tally.row(source, counts[source]))
    print(overall.row("overall", len(truth)))
    if skipped:
        print("\nno article from %d pages: %s" % (sum(skipped.values()),
                                                 ", ".join("%s %d" % kv for kv in skipped.most_common())))

    if args.worst:
        scored = []
        for t in truth:
            if t.get("body"):
                r = results.get(t["file"], {})
                scored.append((prf(r.get("body") or "", t["body"]), t["file"]))
        scored.sort(key=lambda x: x[0][2])
        print("\nworst body F1:")
        for (p, r_, f), name in scored[:args.worst]:
            print("  F1 %.3f  P %.3f  R %.3f  %s" % (f, p, r_, name))
    if args.details:
        print("\nmisses:")
        for t in truth:
            r = results.get(t["file"], {})
            prov = r.get("provenance") or {}
            if t.get("title") and ws(r.get("title")) != ws(t["title"]):
                print("  title  %s\n         got  %r [%s]\n         want %r" % (t["file"], r.get("title"), prov.get("title"), t["title"]))
            if t.get("date") and not same_day(r.get("date"), t["date"]):
                print("  date   %s got %r [%s] want %r" % (t["file"], r.get("date"), prov.get("published"), t["date"]))
            f1 = author_f1(r.get("authors"), t.get("authors"))
            if f1 is not None and f1 < 1:
                print("  author %s got %r [%s] want %r" % (t["file"], r.get("authors"), prov.get("authors"), t["authors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
