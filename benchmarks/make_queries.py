#!/usr/bin/env python3
"""Query sets for `byline bench` and benchmarks/fts5_peer.py, drawn from the data.

Reads JSONL archives (plain, .gz, or .zst through `zstdcat`) and writes
`category<TAB>query` lines in byline's query language (docs/query-language.md).
Everything random comes from one random.Random(seed), and every choice is made
over sorted lists, so the same inputs and seed always give the same file.

Vocabulary: lowercase ASCII words of 3+ letters (not numbers, not common
function words), from title + description + body. Words are put in document
frequency bands: among words found in at least 2 articles, the top 2% by
frequency are `frequent`, the next 18% `medium`, the rest `rare`. Each query
category takes its terms from the three bands in turn, so every category mixes
cheap and expensive terms the same way. Lowercase matters: byline stems
lowercase words only (Xapian's STEM_SOME), as a user typing them would get.

Categories (the same number of queries each):
  term, and (2-3 words from one article), or (2-3 words), phrase (two words
  adjacent in a real title), each again with a date window (`+date`: a day, a
  week as a range, or a month, around the article the words came from) and
  with a section filter (`+section`, the article's section key), plus
  and+date+section, and `facet`: broad queries where counting facets over all
  matches is the cost (a frequent word, a section alone, a month alone, a
  frequent word in a month).
Date windows and sections come from the article the words were drawn from, so
filtered queries match at least that article (when its date parses).

Usage:
  benchmarks/make_queries.py --out benchmarks/queries/newsapi.tsv --per-category 38 \\
      ../shared/corpora/newsapi-india-2022.jsonl.zst
  benchmarks/make_queries.py --out benchmarks/queries/corpus.tsv --per-category 6 \\
      --map "$(cat corpus/jsonl/custom-fields.map)" corpus/jsonl/*.jsonl
"""

import argparse
import datetime
import gzip
import html
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter

# Candidate field names, in the order byline's automatic mapping tries them
# (indexer/field_mapping.cpp); --map puts a dotted path in front.
FIELDS = {
    "title": ["title", "headline", "heading"],
    "date": ["date", "publishedAt", "published_at", "date_publish", "datePublished", "published", "pubDate",
             "publish_date", "published_date", "publication_date", "created_at", "time"],
    "section": ["section", "category", "categories", "categories_seen", "section_name", "desk"],
    "body": ["body", "content", "text", "articleBody", "article_body", "maintext", "full_text", "article"],
    "description": ["description", "summary", "subtitle", "standfirst", "dek", "abstract", "lead"],
    "url": ["url", "link", "canonical_url", "uri", "permalink"],
}
NOT_SECTIONS = {"news", "article", "articles", "story", "stories", "amp", "en", "hi", "live", "video", "videos",
                "photos", "www"}
STOPWORDS = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with you your yours yourself yourselves also said says would could one two new may like get got
near adj xor""".split())
WORD = re.compile(r"[A-Za-z]+")
MARKER = re.compile(r"\s*(…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def open_lines(path):
    """Lines of a JSONL file; .zst is read through zstdcat (Debian package zstd)."""
    if path.endswith(".zst"):
        proc = subprocess.Popen(["zstdcat", path], stdout=subprocess.PIPE)
        for raw in proc.stdout:
            yield raw.decode("utf-8", "replace")
        if proc.wait() != 0:
            sys.exit(f"make_queries: zstdcat failed on {path}")
    elif path.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            yield from f
    else:
        with open(path, encoding="utf-8", errors="replace") as f:
            yield from f


def find_path(record, path):
    node = record
    for key in path.split("."):
        while isinstance(node, list) and node:
            node = node[0]
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def scalar(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "value", "text"):
            if isinstance(value.get(key), str):
                return value[key]
    if isinstance(value, list):
        for element in value:
            text = scalar(element)
            if text.strip():
                return text
    return ""


def field(record, fields, name):
    for path in fields[name]:
        value = find_path(record, path)
        if value is None or value == "" or value == [] or value == {}:
            continue
        text = scalar(value)
        if text.strip():
            return text
    return ""


def section_key(label):
    """common/section.cpp's section_key, for ASCII labels."""
    words, word = [], ""
    for c in label:
        if "a" <= c <= "z" or "0" <= c <= "9" or ord(c) >= 0x80:
            word += c
        elif "A" <= c <= "Z":
            word += c.lower()
        elif c == "&":
            if word:
                words.append(word)
            word = ""
            words.append("and")
        else:
            if word:
                words.append(word)
            word = ""
    if word:
        words.append(word)
    if len(words) > 1 and words[-1] == "news":
        words.pop()
    if len(words) > 1 and words[0] == "news":
        words.pop(0)
    return "-".join(words)


def section_from_url(url):
    """indexer/jsonl_reader.cpp's section_from_url: the first path segment when it looks like a section."""
    m = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*([^?#]*)", url.strip())
    if not m:
        return ""
    parts = [p for p in m.group(1).split("/") if p]
    if len(parts) < 2:
        return ""
    first = parts[0]
    if not (3 <= len(first) <= 24) or not re.fullmatch(r"[a-z-]+", first) or first in NOT_SECTIONS:
        return ""
    return first


def article_of(record, fields):
    """(title, text, day 'YYYY-MM-DD' or '', section key or '') as byline would index them (approximately)."""
    title = html.unescape(field(record, fields, "title"))
    body = MARKER.sub("", html.unescape(field(record, fields, "body")))
    description = html.unescape(field(record, fields, "description"))
    date = field(record, fields, "date")
    # byline files an article under its local day of publication: the date as written, before any offset.
    day = date[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", date) else ""
    section = field(record, fields, "section") or section_from_url(field(record, fields, "url"))
    return title, " ".join((title, description, body)), day, section_key(section)


def words_of(text):
    return [w for w in (m.lower() for m in WORD.findall(text)) if len(w) >= 3 and w not in STOPWORDS]


def load(paths, fields):
    docs, df = [], Counter()
    for path in paths:
        for line in open_lines(path):
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(record, dict):
                continue
            title, text, day, section = article_of(record, fields)
            words = sorted(set(words_of(text)))
            if not words:
                continue
            df.update(words)
            # Adjacent pairs of query words in the title, for phrases. Pairs around a dropped
            # word (a stopword or a number) are not adjacent and are not kept.
            tokens = [m.lower() for m in WORD.findall(title)]
            pairs = [(a, b) for a, b in zip(tokens, tokens[1:])
                     if len(a) >= 3 and len(b) >= 3 and a not in STOPWORDS and b not in STOPWORDS and a != b]
            docs.append({"words": words, "pairs": pairs, "day": day, "section": section})
    return docs, df


def bands(df):
    ranked = sorted((w for w, n in df.items() if n >= 2), key=lambda w: (-df[w], w))
    n = len(ranked)
    frequent = ranked[: max(1, n * 2 // 100)]
    medium = ranked[len(frequent): max(len(frequent) + 1, n * 20 // 100)]
    rare = ranked[len(frequent) + len(medium):]
    return {"frequent": set(frequent), "medium": set(medium), "rare": set(rare)}


class Maker:
    def __init__(self, docs, df, rng):
        self.docs, self.df, self.rng = docs, df, rng
        self.bands = bands(df)
        self.band_names = ["frequent", "medium", "rare"]
        self.turn = 0

    def next_band(self):
        band = self.band_names[self.turn % 3]
        self.turn += 1
        return band

    def doc_with(self, need, tries=2000):
        """A random article that satisfies need(doc) -> value (not None)."""
        for _ in range(tries):
            doc = self.docs[self.rng.randrange(len(self.docs))]
            value = need(doc)
            if value is not None:
                return doc, value
        return None, None

    def words_in(self, doc, band, k):
        """k words of doc: the first from `band`, the others from frequent/medium (so AND is not empty)."""
        first = [w for w in doc["words"] if w in self.bands[band]]
        if not first:
            return None
        picked = [self.rng.choice(first)]
        others = [w for w in doc["words"] if w not in picked and (w in self.bands["frequent"] or w in self.bands["medium"])]
        if len(others) < k - 1:
            return None
        picked += self.rng.sample(others, k - 1)
        return picked

    def date_window(self, day):
        d = datetime.date.fromisoformat(day)
        kind = self.rng.choice(["day", "week", "month"])
        if kind == "day":
            return f"date:{day}"
        if kind == "month":
            return f"date:{day[:7]}"
        start = d - datetime.timedelta(days=self.rng.randrange(7))
        return f"date:{start.isoformat()}..{(start + datetime.timedelta(days=6)).isoformat()}"

    def base(self, kind, need_day=False, need_section=False):
        """(words part of a query, article) for kind term/and/or/phrase."""
        band = self.next_band()

        def need(doc):
            if need_day and not doc["day"]:
                return None
            if need_section and not doc["section"]:
                return None
            if kind == "term":
                w = self.words_in(doc, band, 1)
                return w[0] if w else None
            if kind == "and":
                w = self.words_in(doc, band, self.rng.choice([2, 3]))
                return " ".join(w) if w else None
            if kind == "or":
                # OR of words from different articles: a union, as a user broadening a search.
                w = self.words_in(doc, band, 1)
                if not w:
                    return None
                extra = sorted(self.bands[self.rng.choice(self.band_names)])
                picks = w + self.rng.sample(extra, self.rng.choice([1, 2]))
                return " OR ".join(dict.fromkeys(picks)) if len(set(picks)) > 1 else None
            if kind == "phrase":
                pairs = [p for p in doc["pairs"] if p[0] in self.bands[band] or p[1] in self.bands[band]]
                if not pairs:
                    return None
                a, b = self.rng.choice(pairs)
                return f'"{a} {b}"'
            raise ValueError(kind)

        return self.doc_with(need)

    def make(self, category):
        parts = category.split("+")
        kind, filters = parts[0], parts[1:]
        if kind == "facet":
            return self.facet()
        doc, text = self.base(kind, need_day="date" in filters, need_section="section" in filters)
        if doc is None:
            return None
        if "date" in filters:
            text += " " + self.date_window(doc["day"])
        if "section" in filters:
            text += f" section:{doc['section']}"
        return text

    def facet(self):
        shape = self.rng.choice(["word", "section", "month", "word+month"])
        doc, _ = self.doc_with(lambda d: True if d["day"] and d["section"] else None)
        if doc is None:
            return None
        frequent = [w for w in doc["words"] if w in self.bands["frequent"]] or sorted(self.bands["frequent"])
        word = self.rng.choice(frequent)
        if shape == "word":
            return word
        if shape == "section":
            return f"section:{doc['section']}"
        if shape == "month":
            return f"date:{doc['day'][:7]}"
        return f"{word} date:{doc['day'][:7]}"


CATEGORIES = ["term", "and", "or", "phrase",
              "term+date", "and+date", "or+date", "phrase+date",
              "term+section", "and+section", "phrase+section",
              "and+date+section", "facet"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL files (.jsonl, .jsonl.gz, .jsonl.zst)")
    ap.add_argument("--out", required=True, help="query file to write (TSV)")
    ap.add_argument("--seed", type=int, default=20220601)
    ap.add_argument("--per-category", type=int, default=38)
    ap.add_argument("--map", default="", help="byline index --map spec, e.g. title=headline,date=when")
    args = ap.parse_args()

    fields = {k: list(v) for k, v in FIELDS.items()}
    for item in filter(None, (s.strip() for s in args.map.split(","))):
        name, _, path = item.partition("=")
        if name in fields and path:
            fields[name].insert(0, path)

    docs, df = load(args.inputs, fields)
    if not docs:
        sys.exit("make_queries: no articles read")
    rng = random.Random(args.seed)
    maker = Maker(docs, df, rng)
    lines, missing = [], Counter()
    for category in CATEGORIES:
        seen = set()
        for _ in range(args.per_category):
            for _attempt in range(20):
                query = maker.make(category)
                if query and query not in seen:
                    seen.add(query)
                    lines.append(f"{category}\t{query}")
                    break
            else:
                missing[category] += 1

    sizes = {b: len(maker.bands[b]) for b in maker.band_names}
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# byline bench query set: category<TAB>query (byline query language)\n")
        out.write(f"# made by benchmarks/make_queries.py --seed {args.seed} --per-category {args.per_category}"
                  f"{' --map ' + args.map if args.map else ''} from "
                  f"{', '.join(os.path.basename(p) for p in args.inputs)}\n")
        out.write(f"# {len(docs)} articles; vocabulary bands (document frequency): frequent {sizes['frequent']}, "
                  f"medium {sizes['medium']}, rare {sizes['rare']} words\n")
        if missing:
            out.write(f"# could not make: {dict(missing)}\n")
        out.write("\n".join(lines) + "\n")
    print(f"make_queries: wrote {len(lines)} queries to {args.out}"
          f"{'; could not make ' + str(dict(missing)) if missing else ''}", file=sys.stderr)


if __name__ == "__main__":
    main()
