#!/usr/bin/python3
"""Real archive profile beside a synthetic archive's, side by side.

Profiles a generated JSONL sample with profile_archive.py (or reads a profile
already made) and prints the two: length percentiles, relative frequency at
vocabulary ranks, Heaps' curve (distinct words at the same token counts),
section, language and author-count shares, articles per day.

Usage:
  build-synth/benchmarks/byline_synth --profile benchmarks/synth/newsapi-2022.profile.json \\
      --count 321234 --seed 1 > /tmp/synth-sample.jsonl
  /usr/bin/python3 benchmarks/synth/compare_profiles.py \\
      --real benchmarks/synth/newsapi-2022.profile.json --synth /tmp/synth-sample.jsonl
"""

import argparse
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_archive  # noqa: E402


def load(path):
    if path.endswith(".profile.json"):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return profile_archive.profile([path])


def interp_heaps(points, n):
    """Distinct words at n tokens, log-log interpolation on the curve (None beyond it)."""
    if not points or n > points[-1][0] or n < points[0][0]:
        return None
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 <= n <= x1:
            if x1 == x0:
                return y1
            t = (math.log(n) - math.log(x0)) / (math.log(x1) - math.log(x0))
            return math.exp(math.log(y0) + t * (math.log(y1) - math.log(y0)))
    return points[-1][1]


def row(label, a, b, fmt="{:>12}"):
    def f(x):
        if x is None:
            return fmt.format("-")
        if isinstance(x, float):
            return fmt.format(f"{x:.4g}")
        return fmt.format(x)
    print(f"{label:<34}{f(a)}{f(b)}")


def share_map(shares):
    total = shares["total"] or 1
    m = {k: c / total for k, c, *rest in shares["top"]}
    m["(other)"] = shares["other_count"] / total
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--real", required=True, help="profile of the real archive (.profile.json) or the archive")
    ap.add_argument("--synth", required=True, help="synthetic JSONL (or its .profile.json)")
    args = ap.parse_args()
    real, syn = load(args.real), load(args.synth)

    print(f"{'':<34}{'real':>12}{'synthetic':>12}")
    row("articles", real["articles"], syn["articles"])
    q = real["lengths_words"]["quantiles"]
    for field in ("title", "description", "body"):
        for p in (0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
            i = min(range(len(q)), key=lambda j: abs(q[j] - p))
            row(f"{field} words p{int(p * 100)}", real["lengths_words"][field][i], syn["lengths_words"][field][i])
        row(f"{field} words mean", real["lengths_words"]["mean"][field], syn["lengths_words"]["mean"][field])
    rv, sv = real["vocabulary"], syn["vocabulary"]
    row("tokens", rv["tokens"], sv["tokens"])
    row("distinct words", rv["distinct"], sv["distinct"])
    row("hapax (words seen once)", rv["hapax"], sv["hapax"])
    row("tokens beyond rank 30k (share)", rv["tail_tokens"] / rv["tokens"], sv["tail_tokens"] / max(1, sv["tokens"]))
    for r in (1, 2, 10, 100, 1000, 10000, 30000):
        a = rv["top_counts"][r - 1] / rv["tokens"] * 1e6 if r <= len(rv["top_counts"]) else None
        b = sv["top_counts"][r - 1] / sv["tokens"] * 1e6 if r <= len(sv["top_counts"]) else None
        row(f"rank {r} frequency (per M tokens)", a, b)
    row("Heaps beta (fit)", rv["heaps"]["beta"], sv["heaps"]["beta"])
    n = 10000
    while n <= max(rv["tokens"], sv["tokens"]):
        row(f"distinct words at {n:,} tokens", interp_heaps(rv["heaps"]["points"], n),
            interp_heaps(sv["heaps"]["points"], n))
        n *= 10
    row("tail exponent (fit)", rv["tail_fit"]["exponent"], sv["tail_fit"]["exponent"])
    rs, ss = share_map(real["sections"]), share_map(syn["sections"])
    for k, _ in sorted(rs.items(), key=lambda kv: -kv[1])[:12]:
        row(f"section {k}", rs.get(k), ss.get(k, 0.0))
    row("distinct sections", real["sections"]["distinct"], syn["sections"]["distinct"])
    rl, sl = share_map(real["languages"]), share_map(syn["languages"])
    for k, _ in sorted(rl.items(), key=lambda kv: -kv[1])[:5]:
        row(f"language {k}", rl.get(k), sl.get(k, 0.0))
    rs, ss = share_map(real["sites"]), share_map(syn["sites"])
    for k, _ in sorted(rs.items(), key=lambda kv: -kv[1])[:4]:
        row(f"site {k}", rs.get(k), ss.get(k, 0.0))
    ra, sa = real["authors_per_article"], syn["authors_per_article"]
    for k in ("0", "1", "2", "3"):
        row(f"articles with {k} author(s)", ra.get(k, 0) / real["articles"], sa.get(k, 0) / max(1, syn["articles"]))
    rd, sd = real["dates"], syn["dates"]
    row("days", len(rd["per_day"]), len(sd["per_day"]))
    row("articles per day (mean)", rd["mean_per_day"], sd["mean_per_day"])
    for name, idx in (("first month", slice(0, 30)), ("last month", slice(-31, -1))):
        a = sum(rd["per_day"][idx]) / max(1, len(rd["per_day"][idx]))
        b = sum(sd["per_day"][idx]) / max(1, len(sd["per_day"][idx]))
        row(f"articles per day, {name}", a, b)
    row("weekday share Mon", rd["weekday_share"][0], sd["weekday_share"][0])
    row("weekday share Sun", rd["weekday_share"][6], sd["weekday_share"][6])


if __name__ == "__main__":
    main()
