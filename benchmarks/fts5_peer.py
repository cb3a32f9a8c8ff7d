#!/usr/bin/env python3
"""byline beside SQLite FTS5 on the same archive and the same queries, in one run.

What it does
  1. Builds (with --index, or when the file is missing) an SQLite FTS5 index of a
     JSONL archive: table `docs` (title, body) with the porter tokenizer over
     unicode61 (stemming), and a side table `meta` (rowid, day YYYYMMDD, section
     key) with B-tree indexes on day and on section. body = description + content
     without NewsAPI's "[+N chars]" marker; the section is computed as byline
     does (indexer/jsonl_reader.cpp, common/section.cpp); the day is the local
     day of publication as written. Reports articles/s and size. The build ends
     with FTS5's 'optimize' (one segment, the fastest to query), counted in the
     index time.
  2. Runs the query file through FTS5 in two modes, timing each query
     (`--repeat` times after `--warmup` untimed passes, in this process):
       top10   the 10 best by bm25(docs, 3.0, 1.0) (title weighted 3, as byline's
               title wdf), with the date and section filters, returning id, title
               and a snippet (byline returns snippets too);
       facets  top10 as above, plus total, section counts and month counts over
               all matches (one GROUP BY section, month over the matches).
  3. Runs `byline bench --json` on the same query file for the same two modes
     (--no-facets; --facets --date-facet month), both with --no-collapse,
     --no-suggest and --no-multi-select so that byline does the work FTS5 does
     (FTS5 neither collapses wire copies nor offers "did you mean", and counts
     sections over the matches, where byline's default counts a filtered
     section without its filter; --byline-defaults keeps byline's defaults
     instead), and prints byline's p50/p95/p99
     beside FTS5's with the ratio byline/FTS5 (below 1: byline is faster), per
     category and overall. Also how often the two engines agree on the total.

Query translation (byline query language -> FTS5): the subset make_queries.py
writes: words and "phrases" joined by AND (implicit) or OR, `date:` (a day,
month, year or A..B range of them) and `section:` filters. Every word is quoted
for FTS5 so that none is read as an operator. A query outside the subset is
reported and left out of both engines' comparison. Differences that remain:
byline does not stem words inside phrases or capitalised words (Xapian
STEM_SOME); FTS5's porter stems everything; tokenizers differ on apostrophes.

Usage (see benchmarks/README.md):
  benchmarks/fts5_peer.py --jsonl ../shared/corpora/newsapi-india-2022.jsonl.zst \\
      --queries benchmarks/queries/newsapi.tsv --byline build/byline --byline-db /tmp/newsapi-db
Python standard library only (sqlite3 with FTS5, as Debian's python3 has).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import sqlite3
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_queries  # noqa: E402  (field candidates, section keys, reading .zst)

# ---------------------------------------------------------------- statistics


def percentile(sorted_values, p):
    """Nearest rank, as byline bench (bench/latency_stats.h): the sample of rank ceil(p/100 * n)."""
    if not sorted_values:
        return 0.0
    n = len(sorted_values)
    rank = max(1, min(n, -(-int(round(p * n * 1000)) // 100000)))  # ceil(p*n/100) in integers
    return sorted_values[rank - 1]


def summary(latencies):
    s = sorted(latencies)
    return {"count": len(s), "p50_ms": percentile(s, 50), "p95_ms": percentile(s, 95), "p99_ms": percentile(s, 99),
            "max_ms": s[-1] if s else 0.0, "mean_ms": sum(s) / len(s) if s else 0.0}


# ---------------------------------------------------------------- indexing


def clean(text):
    return re.sub(r"\s+", " ", make_queries.html.unescape(text or "")).strip()


def byline_section(record, fields):
    label = make_queries.field(record, fields, "section")
    if not label.strip():
        label = make_queries.section_from_url(make_queries.field(record, fields, "url"))
    return make_queries.section_key(clean(label))


def day_of(date):
    # The day as written: byline files an article under its local day of publication.
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", date or "")
    return int(m.group(1) + m.group(2) + m.group(3)) if m else None


def build_fts5(jsonl, path):
    if os.path.exists(path):
        os.remove(path)
    fields = {k: list(v) for k, v in make_queries.FIELDS.items()}
    started = time.perf_counter()
    con = sqlite3.connect(path)
    con.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        PRAGMA cache_size = -262144;
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, day INTEGER, section TEXT);
    """)
    count = 0
    batch_docs, batch_meta = [], []

    def flush():
        con.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", batch_docs)
        con.executemany("INSERT INTO meta(rowid, id, day, section) VALUES (?, ?, ?, ?)", batch_meta)
        batch_docs.clear()
        batch_meta.clear()

    con.execute("BEGIN")
    for line in make_queries.open_lines(jsonl):
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict):
            continue
        title = clean(make_queries.field(record, fields, "title"))
        body = clean(make_queries.field(record, fields, "description") + " " +
                     make_queries.MARKER.sub("", make_queries.field(record, fields, "body")))
        if not title and not body:
            continue
        count += 1
        batch_docs.append((count, title, body))
        batch_meta.append((count, make_queries.field(record, fields, "url"),
                           day_of(make_queries.field(record, fields, "date")), byline_section(record, fields)))
        if len(batch_docs) >= 10000:
            flush()
    flush()
    con.execute("CREATE INDEX meta_day ON meta(day)")
    con.execute("CREATE INDEX meta_section ON meta(section)")
    con.execute("COMMIT")
    con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.commit()
    con.close()
    return count, time.perf_counter() - started


# ---------------------------------------------------------------- query translation

TOKEN = re.compile(r'\s*(?:(section|date):("[^"]*"|\S+)|("[^"]*")|(\S+))')


def period(text):
    """(first, last) YYYYMMDD of a day, month or year."""
    parts = text.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return y * 10000 + 101, y * 10000 + 1231
    m = int(parts[1])
    if len(parts) == 2:
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
        return y * 10000 + m * 100 + 1, int(nxt.strftime("%Y%m%d"))
    d = y * 10000 + m * 100 + int(parts[2])
    return d, d


def translate(query):
    """byline query -> (FTS5 MATCH expression or None, [sql conditions], [params]). ValueError if unsupported."""
    terms, conditions, params, sections = [], [], [], []
    pos = 0
    while pos < len(query):
        m = TOKEN.match(query, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        prefix, value, phrase, word = m.groups()
        if prefix == "section":
            sections.append(make_queries.section_key(value.strip('"')))
        elif prefix == "date":
            if ".." in value:
                a, b = value.split("..")
                if not a or not b:
                    raise ValueError("open date range")
                lo, hi = period(a)[0], period(b)[1]
            else:
                lo, hi = period(value)
            conditions.append("m.day BETWEEN ? AND ?")
            params += [lo, hi]
        elif phrase:
            words = phrase.strip('"').split()
            terms.append('"' + " ".join(w.replace('"', '""') for w in words) + '"')
        elif word in ("OR", "AND"):
            terms.append(word)
        elif word is not None:
            if ":" in word or word.startswith(("-", "+", "(")) or word.endswith(("*", ")")) or word in ("NOT", "NEAR"):
                raise ValueError(f"not in the translated subset: {word}")
            terms.append('"' + word.replace('"', '""') + '"')
    if sections:
        conditions.append("m.section IN (%s)" % ",".join("?" * len(sections)))
        params += sections
    return (" ".join(terms) if terms else None), conditions, params


class Fts5:
    def __init__(self, path):
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.con.execute("PRAGMA cache_size = -262144")

    def top10(self, query):
        match, conditions, params = translate(query)
        where = " AND ".join(conditions)
        if match is None:
            # Filters only: no relevance, so the first 10 by rowid (byline: docid order). The ten are
            # chosen in `meta` first; joining `docs` before the LIMIT made SQLite read 56k rows for a month.
            sql = ("SELECT m.id, d.title, substr(d.body, 1, 200) FROM (SELECT m.rowid AS rowid, m.id AS id "
                   f"FROM meta m {'WHERE ' + where if where else ''} ORDER BY m.rowid LIMIT 10) m "
                   "JOIN docs d ON d.rowid = m.rowid")
            return self.con.execute(sql, params).fetchall()
        sql = ("SELECT m.id, highlight(docs, 0, '[', ']'), snippet(docs, 1, '[', ']', '…', 30) "
               "FROM docs JOIN meta m ON m.rowid = docs.rowid WHERE docs MATCH ? "
               f"{'AND ' + where if where else ''} ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10")
        return self.con.execute(sql, [match] + params).fetchall()

    def facets(self, query):
        match, conditions, params = translate(query)
        hits = self.top10(query)
        where = " AND ".join(conditions)
        if match is None:
            sql = f"SELECT m.section, m.day / 100, count(*) FROM meta m {'WHERE ' + where if where else ''} GROUP BY 1, 2"
            rows = self.con.execute(sql, params).fetchall()
        else:
            sql = ("SELECT m.section, m.day / 100, count(*) FROM docs JOIN meta m ON m.rowid = docs.rowid "
                   f"WHERE docs MATCH ? {'AND ' + where if where else ''} GROUP BY 1, 2")
            rows = self.con.execute(sql, [match] + params).fetchall()
        sections, months, total = {}, {}, 0
        for section, month, n in rows:
            total += n
            sections[section] = sections.get(section, 0) + n
            if month is not None:
                months[month] = months.get(month, 0) + n
        top_sections = sorted(sections.items(), key=lambda kv: (-kv[1], kv[0] or ""))[:20]
        return hits, total, top_sections, months


def time_fts5(fts, queries, mode, warmup, repeat):
    run = getattr(fts, mode)
    latencies = {i: [] for i in range(len(queries))}
    totals = {}
    for p in range(warmup + repeat):
        for i, (_, q) in enumerate(queries):
            started = time.perf_counter()
            result = run(q)
            elapsed = (time.perf_counter() - started) * 1000
            if p >= warmup:
                latencies[i].append(elapsed)
            if p == 0 and mode == "facets":
                totals[i] = result[1]
    return latencies, totals


# ---------------------------------------------------------------- byline


def run_byline(byline, db, query_file, extra, warmup, repeat):
    cmd = [byline, "bench", "--db", db, "--queries", query_file, "--json",
           "--warmup", str(warmup), "--repeat", str(repeat)] + extra
    print("running:", " ".join(shlex.quote(c) for c in cmd), file=sys.stderr)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "unknown"


def folder_size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def index_byline(byline, jsonl, db):
    if os.path.exists(db):
        sys.exit(f"fts5_peer: {db} exists; remove it or pass it as --byline-db")
    started = time.perf_counter()
    subprocess.run([byline, "index", "--quiet", "--db", db, jsonl], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


# ---------------------------------------------------------------- report


def by_category(queries, latencies):
    groups = {}
    for i, (category, _) in enumerate(queries):
        groups.setdefault(category, []).extend(latencies[i])
    groups["overall"] = [x for i in range(len(queries)) for x in latencies[i]]
    return {k: summary(v) for k, v in groups.items()}


def print_table(title, byline_stats, fts_stats):
    print(f"\n{title}")
    print(f"{'category':<18} {'runs':>4} | {'byline p50':>10} {'p95':>8} {'p99':>8} | {'FTS5 p50':>9} {'p95':>8} "
          f"{'p99':>8} | {'ratio p50':>9} {'p95':>6} {'p99':>6}")
    names = sorted(k for k in fts_stats if k != "overall") + ["overall"]
    for name in names:
        b, f = byline_stats.get(name), fts_stats[name]
        if not b:
            continue

        def ratio(key):
            return b[key] / f[key] if f[key] > 0 else float("inf")

        print(f"{name:<18} {f['count']:>4} | {b['p50_ms']:>10.3f} {b['p95_ms']:>8.3f} {b['p99_ms']:>8.3f} | "
              f"{f['p50_ms']:>9.3f} {f['p95_ms']:>8.3f} {f['p99_ms']:>8.3f} | "
              f"{ratio('p50_ms'):>9.2f} {ratio('p95_ms'):>6.2f} {ratio('p99_ms'):>6.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", required=True, help="the archive (JSONL, .gz or .zst)")
    ap.add_argument("--queries", required=True, help="query file (make_queries.py)")
    ap.add_argument("--byline", default="build/byline", help="the byline executable")
    ap.add_argument("--byline-db", help="an existing byline index of the same JSONL (else one is built in --workdir)")
    ap.add_argument("--fts5-db", help="FTS5 database file (default WORKDIR/fts5.sqlite; built if missing)")
    ap.add_argument("--workdir", default="/tmp/byline-fts5-peer")
    ap.add_argument("--index", action="store_true", help="(re)build the FTS5 index (and byline's, unless --byline-db)")
    ap.add_argument("--byline-defaults", action="store_true",
                    help="time byline with its defaults (wire copies collapsed, did-you-mean) instead of the same work as FTS5")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json-out", help="also write every figure to this JSON file")
    args = ap.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    fts_path = args.fts5_db or os.path.join(args.workdir, "fts5.sqlite")
    report = {"indexing": {}}

    if args.index or not os.path.exists(fts_path):
        print(f"indexing {args.jsonl} into FTS5 {fts_path} ...", file=sys.stderr)
        n, seconds = build_fts5(args.jsonl, fts_path)
        report["indexing"]["fts5"] = {"articles": n, "seconds": seconds, "articles_per_s": n / seconds}
    byline_db = args.byline_db
    if not byline_db:
        byline_db = os.path.join(args.workdir, "byline-db")
        if args.index or not os.path.exists(byline_db):
            if os.path.exists(byline_db):
                import shutil
                shutil.rmtree(byline_db)
            print(f"indexing {args.jsonl} into byline {byline_db} ...", file=sys.stderr)
            seconds = index_byline(args.byline, args.jsonl, byline_db)
            report["indexing"]["byline"] = {"seconds": seconds}

    # The queries both engines can run; the rest are reported and left out of both.
    with open(args.queries, encoding="utf-8") as f:
        raw = [line.rstrip("\r\n") for line in f]
    queries, skipped = [], []
    for line in raw:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        category, _, query = line.partition("\t") if "\t" in line else ("all", "", line)
        query = query.strip()
        try:
            translate(query)
            queries.append((category.strip() or "all", query))
        except ValueError as e:
            skipped.append((query, str(e)))
    common_file = os.path.join(args.workdir, "queries-common.tsv")
    with open(common_file, "w", encoding="utf-8") as f:
        f.write("".join(f"{c}\t{q}\n" for c, q in queries))

    load_before = loadavg()
    fts = Fts5(fts_path)
    fts_articles = fts.con.execute("SELECT count(*) FROM meta").fetchone()[0]
    results = {}
    same_work = [] if args.byline_defaults else ["--no-collapse", "--no-suggest", "--no-multi-select"]
    for mode, extra in (("top10", ["--no-facets"]), ("facets", ["--facets", "--date-facet", "month"])):
        b = run_byline(args.byline, byline_db, common_file, extra + same_work + ["--limit", "10"], args.warmup,
                       args.repeat)
        fts_lat, fts_totals = time_fts5(fts, queries, mode, args.warmup, args.repeat)
        b_lat = {i: q.get("latencies_ms", []) for i, q in enumerate(b["queries"])}
        results[mode] = {"byline": by_category(queries, b_lat), "fts5": by_category(queries, fts_lat),
                         "byline_env": b["environment"], "byline_failed": b["failed"]}
        if mode == "facets":
            agree = sum(1 for i, q in enumerate(b["queries"]) if "total" in q and q["total"] == fts_totals.get(i))
            near = sum(1 for i, q in enumerate(b["queries"]) if "total" in q and fts_totals.get(i) is not None and
                       abs(q["total"] - fts_totals[i]) <= 0.05 * max(q["total"], fts_totals[i], 1))
            results[mode]["totals_equal"] = agree
            results[mode]["totals_within_5pc"] = near

    load_after = loadavg()
    env = results["top10"]["byline_env"]
    print("byline beside SQLite FTS5 (same queries, same machine, one run)")
    print(f"machine:  {env['cpu']}, {env['cores']} cores; Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    print(f"byline:   {env['byline_version']} ({env['build_type']} build{'' if env['optimised'] else ', NOT OPTIMISED'}), "
          f"Xapian {env['xapian_version']}; index {byline_db}: {env['articles']} articles, "
          f"{env['index_bytes'] / 2**20:.1f} MiB")
    print(f"FTS5:     {fts_path}: {fts_articles} articles, {folder_size(fts_path) / 2**20:.1f} MiB "
          f"(porter unicode61; bm25 title weight 3; meta(day, section) B-tree indexes)")
    print(f"queries:  {len(queries)} from {args.queries} ({len(skipped)} outside the FTS5 subset, left out); "
          f"{args.warmup} warmup + {args.repeat} timed passes; 1 client each; warm cache")
    # Both engines share the machine with whatever else runs: a load average near the number of
    # cores means the figures are noisy (and the ratios less so, as each pair runs back to back).
    print(f"load:     1-minute load average {load_before} before the queries, {load_after} after")
    for name, ix in report["indexing"].items():
        if "articles_per_s" in ix:
            print(f"indexing: {name}: {ix['articles']} articles in {ix['seconds']:.1f} s = {ix['articles_per_s']:.0f} articles/s")
        else:
            print(f"indexing: {name}: {ix['seconds']:.1f} s = {env['articles'] / ix['seconds']:.0f} articles/s")
    print("latency in ms (nearest-rank percentiles); ratio = byline / FTS5 (below 1: byline faster)")
    print_table("top-10 (with the queries' date and section filters), no counts",
                results["top10"]["byline"], results["top10"]["fts5"])
    print_table("top-10 + total + section counts + month counts over all matches",
                results["facets"]["byline"], results["facets"]["fts5"])
    f = results["facets"]
    print(f"\ntotals: byline and FTS5 equal on {f['totals_equal']} of {len(queries)} queries, within 5% on "
          f"{f['totals_within_5pc']} (tokenizers and stemmers differ)")
    for q, why in skipped:
        print(f"left out: {q}: {why}")
    if args.json_out:
        report.update({"results": results, "queries": len(queries), "skipped": skipped,
                       "fts5": {"path": fts_path, "bytes": folder_size(fts_path), "articles": fts_articles}})
        with open(args.json_out, "w") as out:
            json.dump(report, out, indent=1)


if __name__ == "__main__":
    main()
