#!/usr/bin/env bash
# HTTP throughput and latency of `byline serve` on an index, with a query file
# of `byline bench` (category<TAB>query lines), beside `byline bench` on the
# same index and queries in the same run, so that what HTTP adds is a ratio of
# two figures taken together. Needs wrk (Debian package `wrk`).
#
# Usage: benchmarks/serve_load.sh DB QUERIES [SECONDS] [CONNECTIONS...]
#   e.g. benchmarks/serve_load.sh /tmp/newsapi.db benchmarks/queries/newsapi.tsv 20 1 2 8
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1 queries=$2 seconds=${3:-20}
shift $(($# < 3 ? $# : 3))
connections=("${@:-1 8}")
[ -x build/byline ] || { echo "serve_load: build first (scripts/setup.sh)" >&2; exit 2; }
command -v wrk > /dev/null || { echo "serve_load: needs wrk (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill "$server" 2> /dev/null || true; rm -rf "$work"' EXIT
# The queries, one a line, for wrk's script to cycle through.
grep -v '^#' "$queries" | grep -v '^[[:space:]]*$' | awk -F'\t' '{print (NF > 1 ? $2 : $1)}' > "$work/queries.txt"
cat > "$work/cycle.lua" <<LUA
local queries = {}
for line in io.lines("$work/queries.txt") do
  queries[#queries + 1] = line:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end)
end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/api/search?q=" .. queries[i])
end
LUA

echo "== environment"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "index: $db ($(du -sh "$db" | cut -f1)); queries: $queries ($(wc -l < "$work/queries.txt")); $seconds s per run"

echo "== in process: byline bench (one client, default request: top 10, section and date facets)"
build/byline bench --db "$db" --queries "$queries" --repeat 1 | grep -E '^(category|overall) '

build/byline serve --db "$db" --port 0 --quiet --threads 8 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" | cut -d: -f2)
[ -n "$port" ] || { cat "$work/serve.log" >&2; exit 1; }
for c in ${connections[*]}; do
  echo "== over HTTP: $c connection(s), wrk -t1 (each request one query of the file, in turn)"
  wrk -t1 -c"$c" -d"${seconds}s" --latency -s "$work/cycle.lua" "http://127.0.0.1:$port" |
    grep -E 'Requests/sec|Transfer/sec|^ +(50|90|99)%|Non-2xx|Socket errors'
done
