#!/usr/bin/env bash
# Fails if any C++ file is not clang-format clean (Google style, .clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h' '*.h.in' | grep -v '\.h\.in$' || true)
if [ ${#files[@]} -eq 0 ]; then exit 0; fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "check-format: run: clang-format -i \$(git ls-files '*.cc' '*.h')" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files clean"
