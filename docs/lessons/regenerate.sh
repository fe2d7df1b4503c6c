#!/usr/bin/env bash
# Runs each lesson and writes its output into its page, docs/lessons/ID.md, between the lines
# <!-- OUTPUT:BEGIN --> and <!-- OUTPUT:END -->.
#
#   docs/lessons/regenerate.sh            every lesson `./lab lessons` lists, in its order
#   docs/lessons/regenerate.sh ID [ID...] only these
#
# Progress lines (stderr) are left out; a lesson that fails leaves its page as it was and the script
# goes on, then exits 1 naming the failures.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
lab="$root/lab"

if [ "$#" -gt 0 ]; then
  ids=("$@")
else
  read -r -d '' -a ids < <("$lab" lessons | awk 'NR > 1 && NF == 0 { exit } NR > 1 { print $1 }'; printf '\0') || true
fi

failed=()
for id in "${ids[@]}"; do
  page="$here/$id.md"
  if [ ! -f "$page" ]; then
    echo "regenerate: no page $page" >&2
    failed+=("$id")
    continue
  fi
  echo "regenerate: lab lesson $id ..." >&2
  output=$(mktemp)
  started=$(date +%s)
  if ! (cd "$root" && "$lab" lesson "$id" >"$output" 2>/dev/null); then
    echo "regenerate: lab lesson $id failed; $page left as it was" >&2
    failed+=("$id")
    rm -f "$output"
    continue
  fi
  echo "regenerate: $id took $(( $(date +%s) - started )) s" >&2
  updated=$(mktemp)
  awk -v out="$output" '
    /<!-- OUTPUT:BEGIN -->/ { print; print "```"; while ((getline line < out) > 0) print line; print "```"; skip = 1; next }
    /<!-- OUTPUT:END -->/   { skip = 0 }
    !skip                   { print }
  ' "$page" >"$updated"
  cat "$updated" >"$page"
  rm -f "$updated"
  rm -f "$output"
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "regenerate: failed: ${failed[*]}" >&2
  exit 1
fi
