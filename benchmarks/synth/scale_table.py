#!/usr/bin/python3
"""Per-category latency of `byline bench --json` runs at several archive sizes, side by side.

Usage:
  /usr/bin/python3 benchmarks/synth/scale_table.py 100k=/tmp/b-100k.json 1m=/tmp/b-1m.json [...]

Prints, per category and overall, for each run: p50/p95/p99 in ms and the median
number of matching articles (the `total` of the category's queries; exact with
facets, Xapian's estimate without), so the growth of latency can be read beside
the growth of the work.
"""

import json
import statistics
import sys


def main():
    runs = []
    for arg in sys.argv[1:]:
        label, _, path = arg.partition("=")
        with open(path, encoding="utf-8") as f:
            runs.append((label, json.load(f)))
    if not runs:
        sys.exit(__doc__)
    cats = sorted({c for _, d in runs for c in d["summary"]["by_category"]})
    print(f"{'category':<18}" + "".join(f"| {label:>14} p50    p95    p99  matches " for label, _ in runs))
    for cat in cats + ["overall"]:
        line = f"{cat:<18}"
        for _, d in runs:
            s = d["summary"]["overall"] if cat == "overall" else d["summary"]["by_category"].get(cat)
            totals = [q.get("total", 0) for q in d["queries"] if cat == "overall" or q["category"] == cat]
            med = statistics.median(totals) if totals else 0
            if s is None:
                line += f"| {'-':>14}" + " " * 36
            else:
                line += f"| {s['p50_ms']:>14.2f} {s['p95_ms']:>6.2f} {s['p99_ms']:>6.2f} {med:>8.0f} "
        print(line)

if __name__ == "__main__":
    main()
