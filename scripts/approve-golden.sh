#!/usr/bin/env bash
# Regenerates and approves every golden file (tests/golden/approved/) with an
# existing build, exactly as tests/golden/golden_test.cc runs the CLI:
#   circa score samples/<name> --format <format> --width 100
#   circa score samples/<name> --format <format> --width 100 --lang <lang>
# (the second for table, md, csv, decision and html in nl and fr:
# <name>.<format>.<lang>.*)
# from the source tree, for every samples/<name>/ holding tender.yaml.
# Builds nothing. Read `git diff tests/golden/approved` before committing.
# Usage: scripts/approve-golden.sh [BUILD_DIR]   (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."

build="${1:-build/dev}"
circa="$build/engine/cli/circa"
if [ ! -x "$circa" ]; then
  echo "approve-golden: no circa executable at $circa; build first, e.g." >&2
  echo "  cmake --preset dev && cmake --build --preset dev --target circa" >&2
  exit 2
fi
circa="$(cd "$(dirname "$circa")" && pwd)/$(basename "$circa")"

approved=tests/golden/approved
formats=(table json md csv decision html)
mkdir -p "$approved"

declare -A keep=()
changed=0
for tender in samples/*/tender.yaml; do
  [ -f "$tender" ] || continue
  sample="$(basename "$(dirname "$tender")")"
  for variant in "${formats[@]}" table.nl table.fr md.nl md.fr csv.nl csv.fr \
      decision.nl decision.fr html.nl html.fr; do
    format="${variant%%.*}"
    lang=()
    if [ "$variant" != "$format" ]; then lang=(--lang "${variant#*.}"); fi
    file="$approved/$sample.$variant.approved.txt"
    # A money-based award (award:) has no HTML report.
    if [ "$format" = html ] && grep -q '^award:' "$tender"; then continue; fi
    keep["$file"]=1
    tmp="$(mktemp "$approved/.approve.XXXXXX")"
    if ! "$circa" score "samples/$sample" --format "$format" --width 100 \
        "${lang[@]}" >"$tmp" 2>"$tmp.err"; then
      echo "approve-golden: circa failed on samples/$sample ($format):" >&2
      cat "$tmp.err" >&2
      rm -f "$tmp" "$tmp.err"
      exit 1
    fi
    rm -f "$tmp.err"
    if [ -f "$file" ] && cmp -s "$tmp" "$file"; then
      rm -f "$tmp"
    else
      mv "$tmp" "$file"
      chmod 0644 "$file"
      echo "approved $file"
      changed=$((changed + 1))
    fi
    rm -f "$approved/$sample.$variant.unapproved.txt"
  done
done

# Approved files of samples that no longer exist would never be checked.
for file in "$approved"/*.approved.txt; do
  [ -f "$file" ] || continue
  if [ -z "${keep[$file]:-}" ]; then
    rm -f "$file" "${file%.approved.txt}.unapproved.txt"
    echo "removed $file (no such sample or format)"
    changed=$((changed + 1))
  fi
done

echo "approve-golden: ${#keep[@]} golden files, $changed changed"
