#!/usr/bin/env bash
# Quick start 1: install what is missing, build circa, and score a bundled
# sample tender. Usage: scripts/demo.sh [SAMPLE_DIR] [circa score options]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh >&2
cmake --preset dev >/dev/null
cmake --build --preset dev --target circa >&2

sample="${1:-samples/office-furniture}"
shift || true
exec build/dev/engine/cli/circa score "$sample" "$@"
