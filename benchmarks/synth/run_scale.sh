#!/usr/bin/env bash
# The scale run of benchmarks/README.md ("Scale"): for each archive size, generate
# a synthetic archive, index it with `byline index` (its defaults: every core),
# draw a query set from that archive, and time it with `byline bench`, with and
# without facet counts. Prints the index table and the latency table at the end;
# every figure is also left in WORKDIR.
#
#   benchmarks/synth/run_scale.sh BUILD_DIR WORKDIR [SIZES...]   (default 100000 1000000 3000000)
#
# Each size's query set is drawn from an even sample of 100,000 of its own
# articles (every k-th line), so that date windows fall anywhere in that
# archive's span and the words of `and` queries come from one of its articles;
# the vocabulary bands are then those of a 100k sample at every size. Five single
# terms at each of the vocabulary ranks 10 ... 100k are appended (the same words
# at every size: the generator's words are fixed by rank).
# Disk: about 10 GB per million articles while the shards are merged.
set -euo pipefail

BUILD=${1:?usage: run_scale.sh BUILD_DIR WORKDIR [SIZES...]}
WORK=${2:?usage: run_scale.sh BUILD_DIR WORKDIR [SIZES...]}
shift 2
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000 3000000)

HERE=$(cd "$(dirname "$0")" && pwd)
PROFILE=$HERE/newsapi-2022.profile.json
SYNTH=$BUILD/benchmarks/byline_synth
BYLINE=$BUILD/byline
PY=/usr/bin/python3
mkdir -p "$WORK"

label() { # 100000 -> 100k, 1000000 -> 1m
  local n=$1
  if [ $((n % 1000000)) -eq 0 ]; then echo "$((n / 1000000))m"; else echo "$((n / 1000))k"; fi
}

rank_queries() {
  for rank in 10 100 1000 10000 100000; do
    local name=$rank
    [ "$rank" -ge 1000 ] && name=$((rank / 1000))k
    "$SYNTH" --words "$rank-$((rank + 4))" | sed "s/^/rank$name\t/"
  done
}

tables=()
for n in "${SIZES[@]}"; do
  t=$(label "$n")
  echo "== $t: generating" >&2
  "$SYNTH" --profile "$PROFILE" --count "$n" --seed 1 > "$WORK/synth-$t.jsonl"
  rm -rf "$WORK/synth-$t.db"
  echo "== $t: indexing (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  /usr/bin/time -v -o "$WORK/time-$t.txt" \
    "$BYLINE" index --db "$WORK/synth-$t.db" -q --summary-json "$WORK/synth-$t.jsonl" > "$WORK/index-$t.json"
  echo "   load after $(cut -d' ' -f1-3 /proc/loadavg)" >&2

  every=$(( n > 100000 ? n / 100000 : 1 ))
  awk -v k="$every" '(NR - 1) % k == 0' "$WORK/synth-$t.jsonl" > "$WORK/sample-$t.jsonl"
  "$PY" "$HERE/../make_queries.py" --out "$WORK/queries-$t.tsv" --per-category 20 "$WORK/sample-$t.jsonl"
  { echo "# single terms at known vocabulary ranks (byline_synth --words FROM-TO), 5 per rank"; rank_queries; } \
    >> "$WORK/queries-$t.tsv"
  rm "$WORK/sample-$t.jsonl"

  for mode in facets no-facets; do
    echo "== $t: bench --$mode (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    "$BYLINE" bench --db "$WORK/synth-$t.db" --queries "$WORK/queries-$t.tsv" --"$mode" --json \
      > "$WORK/bench-$t-$mode.json"
    tables+=("$t/$mode=$WORK/bench-$t-$mode.json")
  done
done

echo
echo "articles  JSONL_bytes  wall  user+sys_s  peak_RSS_kB  index_bytes"
for n in "${SIZES[@]}"; do
  t=$(label "$n")
  wall=$(grep "Elapsed (wall clock)" "$WORK/time-$t.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$WORK/time-$t.txt")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time-$t.txt")
  echo "$n  $(stat -c %s "$WORK/synth-$t.jsonl")  $wall  $cpu  $rss  $(du -sb "$WORK/synth-$t.db" | cut -f1)"
done
echo
"$PY" "$HERE/scale_table.py" "${tables[@]}"
