#!/usr/bin/env bash
# Checks arc's C library models (src/frontends/c/models/libc.c) against the
# system C library: builds libc-differential.c, which includes the models
# renamed arc_* (by the header generated here), with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs it. Exits non-zero on any mismatch,
# sanitizer report or build failure.
#
# Usage: test/frontends/c/models/run.sh [ITERATIONS-PER-FUNCTION]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
models="$(cd "$here/../../../../src/frontends/c/models" && pwd)"

if command -v clang >/dev/null 2>&1; then
  cc=clang
elif command -v gcc >/dev/null 2>&1; then
  cc=gcc
else
  echo "run.sh: neither clang nor gcc is installed" >&2
  exit 2
fi

# Every function libc.c defines, each renamed arc_NAME in the harness.
names=(
  memcpy memmove memset memcmp memchr strlen strnlen strcpy strncpy strcmp strncmp
  strcat strncat strchr strrchr strstr strspn strcspn strdup
  abs labs llabs
  isdigit isalpha isalnum isspace isupper islower isxdigit isprint ispunct iscntrl isgraph isblank
  toupper tolower
)

# A function libc.c defines that is not in the list would clash with the C
# library's (or go untested): refuse it.
defined="$(sed -n 's/^[a-z][a-z_ ]*[ *]\([a-z_][a-z_0-9]*\)(.*{$/\1/p' "$models/libc.c" |
  grep -v '^__arc_' | sort)"
listed="$(printf '%s\n' "${names[@]}" | sort)"
if [ "$defined" != "$listed" ]; then
  echo "run.sh: the functions libc.c defines and the list here differ:" >&2
  diff <(echo "$defined") <(echo "$listed") >&2 || true
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for n in "${names[@]}"; do
  printf '#undef %s\n#define %s arc_%s\n' "$n" "$n" "$n"
done >"$tmp/arc-rename.h"
for n in "${names[@]}"; do printf '#undef %s\n' "$n"; done >"$tmp/arc-unrename.h"

# -O0: every access the models' source makes stays in the binary for ASan to
# check, as arc checks each of them (an optimiser drops reads whose value is
# unused, such as memcmp's after a difference).
"$cc" -std=c11 -Wall -Wextra -Werror -g -O0 -fno-omit-frame-pointer \
  -fsanitize=address,undefined -fno-sanitize-recover=all \
  -I"$tmp" -I"$models" "$here/libc-differential.c" -o "$tmp/differential"

echo "run.sh: built with $cc; running"
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$tmp/differential" "$@"
