#!/usr/bin/env bash
# The main job on the bundled sample archive: set up and build, index corpus/,
# describe the index and run a sample search. Usage: scripts/demo.sh [QUERY...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
db=build/demo-index
rm -rf "$db"
# The custom-fields export names its fields differently; it gets a mapping.
build/byline index --db "$db" corpus/jsonl/wire-2023-2025.jsonl corpus/pages corpus/bbc-style corpus/crawl
build/byline index --db "$db" --map "$(cat corpus/jsonl/custom-fields.map)" corpus/jsonl/custom-fields.jsonl
build/byline info --db "$db"
if (($#)); then
  build/byline search --db "$db" "$@"
else
  build/byline search --db "$db" --limit 3 monsoon
fi
echo "Browse it: build/byline serve --db $db   (then open http://127.0.0.1:8080/)" >&2
