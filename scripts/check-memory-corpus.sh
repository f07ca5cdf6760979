#!/usr/bin/env bash
# Checks the memory-safety golden corpus (test/corpus/memory/*.c) against C
# semantics as clang's sanitizers see it:
#
#   * every `no` case is compiled with AddressSanitizer + UBSan (plus the
#     pointer-compare/pointer-subtract checks) and run on its witness (scenario 0
#     of its driver, or the program alone when the entry is main and it needs no
#     inputs); the run must fail with a report of the kind in its `violation:`
#     header, at the line of that header (calls through NULL: the call site is
#     read with gdb; leaks: LeakSanitizer, no line: valid-memtrack must show up
#     with LeakSanitizer's usual roots (unreachable blocks), valid-memcleanup
#     with no roots at all (any block still allocated at exit));
#   * every `yes` case is run on all scenarios of its driver (with
#     --malloc-may-fail also under several allocation-failure patterns) and every
#     run must be clean;
#   * a `no` case marked `// sanitizer: none` (a violation no sanitizer sees) is
#     run on its witness and must run clean up to the end; it counts as
#     "not checked by a sanitizer".
#
# Drivers live in test/corpus/memory/drivers/NAME.driver.c (see harness.h there);
# an entry-main case without a driver is linked with drivers/main-wrap.c. Cases
# with --malloc-may-fail get drivers/alloc-wrap.h force-included so allocations
# can be made to fail. All runs use the pointer-compare/subtract checks, and yes
# runs check leaks (every block freed by exit) when memory-leak is a property.
#
# Usage: scripts/check-memory-corpus.sh [-v] [NAME ...]   (-v: show the run logs)
# Exit status: 0 when every case matches, 1 otherwise.
set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${MEMORY_CORPUS_DIR:-$ROOT/test/corpus/memory} # the override is for testing this script
DRV=$DIR/drivers
CC=${CC:-clang}
SAN="-fsanitize=address,undefined,pointer-compare,pointer-subtract -fno-sanitize-recover=all"
CFLAGS="-std=c11 -g -O0 -fno-omit-frame-pointer $SAN -Werror=implicit-function-declaration -Werror=int-conversion -Werror=incompatible-pointer-types"
ASAN_BASE="detect_invalid_pointer_pairs=2:detect_stack_use_after_return=1:malloc_fill_byte=190:max_malloc_fill_size=4096:symbolize=1"
LSAN_STRICT="use_globals=0:use_stacks=0:use_registers=0:use_tls=0" # every block still allocated at exit is reported
FAIL_MASKS="0 0x1 0x2 0x4 0x8 0x10 0x3 0xffffffff"
VERBOSE=0

# --- header --------------------------------------------------------------------

# header FILE KEY: the value of the leading `// KEY: value` comment line (empty if absent).
header() {
  awk -v key="$2" '
    !/^\/\// { exit }
    {
      line = $0
      sub(/^\/\/[ \t]*/, "", line)
      k = line; sub(/:.*/, "", k)
      if (k == key) { v = line; sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t]+$/, "", v); print v; exit }
    }' "$1"
}

# header_lines FILE: how many leading `//` lines there are.
header_lines() { awk '!/^\/\// { print NR - 1; found = 1; exit } END { if (!found) print NR }' "$1"; }

# --- classifying a run -----------------------------------------------------------

# classify LOG RC: prints "<class> <detail>" for the first report in LOG.
classify() {
  local log=$1 rc=$2 m
  if grep -q 'ARC-DRIVER' "$log"; then
    echo "driver $(grep -m1 'ARC-DRIVER' "$log" | sed 's/^ARC-DRIVER: //')"
  elif grep -q 'ERROR: LeakSanitizer: detected memory leaks' "$log"; then
    echo "leak $(grep -m1 'SUMMARY: AddressSanitizer' "$log" | sed 's/^SUMMARY: AddressSanitizer: //')"
  elif m=$(grep -m1 -oE 'ERROR: AddressSanitizer: [a-zA-Z-]+' "$log"); then
    m=${m#ERROR: AddressSanitizer: }
    case $m in
      heap-buffer-overflow | stack-buffer-overflow | stack-buffer-underflow | global-buffer-overflow | \
        dynamic-stack-buffer-overflow | heap-use-after-free | stack-use-after-scope | stack-use-after-return | \
        use-after-poison)
        echo "deref $m" ;;
      attempting) # attempting double-free / attempting free on address which was not malloc()-ed
        echo "free $(grep -m1 -oE 'attempting (double-free|free on address which was not malloc\(\)-ed)' "$log")" ;;
      bad-free) echo "free bad-free" ;;
      invalid-pointer-pair) echo "compare invalid-pointer-pair" ;;
      SEGV)
        if grep -qE 'SEGV on unknown address (0x)?0+ \(pc (0x)?0+ ' "$log"; then
          echo "call SEGV-at-pc-0"
        else
          echo "deref SEGV-$(grep -m1 -oE 'caused by a [A-Z]+ memory access' "$log" | awk '{print $4}')"
        fi ;;
      *) echo "other asan-$m" ;;
    esac
  elif m=$(grep -m1 -oE 'runtime error: .*' "$log"); then
    case $m in
      *'out of bounds for type'*) echo "index ${m#runtime error: }" ;;
      *'load of null pointer'* | *'store to null pointer'* | *'member access within null pointer'* | \
        *'null pointer passed as argument'*)
        echo "deref ${m#runtime error: }" ;;
      *'offset'*'null pointer'* | *'pointer index expression'* | *'unsigned offset'*)
        echo "arith ${m#runtime error: }" ;;
      *) echo "other ${m#runtime error: }" ;;
    esac
  elif grep -qE "Assertion \`.*' failed" "$log"; then
    echo "assertion $(grep -m1 -oE "Assertion \`.*' failed" "$log")"
  elif [ "$rc" -ge 128 ]; then
    echo "other killed-by-signal-$((rc - 128))"
  elif grep -qE 'ERROR: |runtime error' "$log"; then
    echo "other $(grep -m1 -E 'ERROR: |runtime error' "$log")"
  else
    echo "clean exit-$rc"
  fi
}

# kind_accepts KIND CLASS: does a report of CLASS demonstrate a violation of KIND?
kind_accepts() {
  case "$1:$2" in
    valid-deref:deref | valid-deref:index) return 0 ;;
    valid-pointer-arith:arith | valid-pointer-arith:index) return 0 ;;
    valid-free:free | valid-pointer-compare:compare | valid-call:call | assertion:assertion) return 0 ;;
    valid-memtrack:leak | valid-memcleanup:leak) return 0 ;;
    library:deref | library:index) return 0 ;;
  esac
  return 1
}

# report_line LOG NAME CLASS: the line of NAME.c the report points at.
report_line() {
  local log=$1 name=$2 class=$3
  case $class in
    index | arith | other) grep -m1 -oE "/$name\.c:[0-9]+:[0-9]+: runtime error" "$log" | sed -E 's/.*\.c:([0-9]+):.*/\1/' ;;
    assertion) grep -m1 -oE "/$name\.c:[0-9]+: [^:]*: Assertion" "$log" | sed -E 's/.*\.c:([0-9]+): .*/\1/' ;;
    deref | free | compare)
      if grep -q 'runtime error' "$log"; then
        grep -m1 -oE "/$name\.c:[0-9]+:[0-9]+: runtime error" "$log" | sed -E 's/.*\.c:([0-9]+):.*/\1/'
      else
        sed -n '/ERROR: AddressSanitizer/,$p' "$log" | grep -m1 -oE "/$name\.c:[0-9]+" | sed -E 's/.*:([0-9]+)$/\1/'
      fi ;;
  esac
}

# --- checking one case -----------------------------------------------------------

check_one() {
  local file=$1 name expect args violation witness note sanitizer
  name=$(basename "$file" .c)
  work=$(mktemp -d) # removed by the caller
  expect=$(header "$file" expect)
  args=$(header "$file" args)
  violation=$(header "$file" violation)
  witness=$(header "$file" witness)
  note=$(header "$file" note)
  sanitizer=$(header "$file" sanitizer)

  bad() { echo "MISMATCH $name: $*"; }

  # Header checks.
  case $expect in
    yes | no) ;;
    # arc's answer is don't know (the reason header says why): there is no answer to replay.
    unknown) [ -n "$(header "$file" reason)" ] || bad "expect: unknown needs a reason"; echo "ok $name (don't know: nothing to replay)"; return ;;
    *) bad "expect must be yes, no or unknown, got '$expect'"; return ;;
  esac
  [ -n "$note" ] || { bad "no note"; return; }
  local keys
  keys=$(awk '!/^\/\// { exit } { k = $0; sub(/^\/\/[ \t]*/, "", k); sub(/:.*/, "", k); print k }' "$file")
  [ -z "$(sort <<<"$keys" | uniq -d)" ] || { bad "duplicate header key: $(sort <<<"$keys" | uniq -d | head -1)"; return; }
  for t in $keys; do
    case $t in expect | args | violation | witness | note | sanitizer | gap | reason) ;; *) bad "unknown header key '$t'"; return ;; esac
  done
  [ -n "$args" ] || { bad "no args"; return; }
  local fn=main model=LP64 may_fail=0 never_fails=0 props=() t
  set -- $args
  while [ $# -gt 0 ]; do
    t=$1; shift
    case $t in
      --function) fn=${1:-}; shift ;;
      --property)
        case ${1:-} in memory-safety | memory-leak | assertions | library) props+=("$1") ;; *) bad "unknown property '${1:-}'"; return ;; esac
        shift ;;
      --data-model)
        case ${1:-} in LP64 | ILP32) model=$1 ;; *) bad "bad data model '${1:-}'"; return ;; esac
        shift ;;
      --malloc-may-fail) may_fail=1 ;;
      --malloc-never-fails) never_fails=1 ;;
      *) bad "unknown option '$t' in args"; return ;;
    esac
  done
  [ ${#props[@]} -gt 0 ] || { bad "no --property"; return; }
  [ $((may_fail + never_fails)) -le 1 ] || { bad "both malloc flags"; return; }
  local hl body_allocates=0
  hl=$(header_lines "$file")
  if tail -n +"$((hl + 1))" "$file" | grep -qE '\b(malloc|calloc|realloc)[[:space:]]*\('; then body_allocates=1; fi
  if [ $body_allocates = 1 ] && [ $((may_fail + never_fails)) = 0 ]; then bad "allocates but has neither --malloc-may-fail nor --malloc-never-fails"; return; fi
  if [ $body_allocates = 0 ] && [ $((may_fail + never_fails)) = 1 ]; then bad "a malloc flag but no allocation"; return; fi
  grep -qE "^[^/]*\b$fn[[:space:]]*\(" <(tail -n +"$((hl + 1))" "$file") || { bad "no function $fn"; return; }
  local kind="" vline=""
  if [ "$expect" = no ]; then
    [ -n "$violation" ] || { bad "a no case needs 'violation'"; return; }
    [ -n "$witness" ] || { bad "a no case needs 'witness'"; return; }
    read -r kind vline <<<"$violation"
    local need
    case $kind in
      valid-deref | valid-free | valid-pointer-arith | valid-pointer-compare | valid-call) need=memory-safety ;;
      valid-memtrack | valid-memcleanup) need=memory-leak ;;
      assertion) need=assertions ;;
      library) need=library; [[ " ${props[*]} " == *" memory-safety "* ]] && need=memory-safety ;;
      *) bad "unknown violation kind '$kind'"; return ;;
    esac
    [[ " ${props[*]} " == *" $need "* ]] || { bad "violation $kind needs --property $need"; return; }
    [[ "$vline" =~ ^[0-9]+$ ]] && [ "$vline" -gt "$hl" ] && [ "$vline" -le "$(wc -l <"$file")" ] ||
      { bad "violation line '$vline' is not a program line"; return; }
  else
    [ -z "$violation" ] || { bad "a yes case has a violation header"; return; }
  fi
  case $sanitizer in
    "") ;;
    none | undefined) [ "$expect" = no ] || { bad "sanitizer: $sanitizer only for no cases"; return; } ;;
    *) bad "sanitizer: '$sanitizer'?"; return ;;
  esac

  # Build.
  local driver=$DRV/$name.driver.c m32="" scenarios=1
  [ "$model" = ILP32 ] && m32=-m32
  local case_flags=()
  [ $may_fail = 1 ] && case_flags+=(-include "$DRV/alloc-wrap.h")
  [ "$fn" = main ] && case_flags+=(-Dmain=arc_case_main)
  # offsetof by hand, `&((T *)0)->m`, reads nothing; UBSan's null check would stop at it
  # (arc's compiled replay does the same; ASan still stops at a real access through NULL).
  grep -qE '\(\s*\(\s*[A-Za-z_0-9 ]+\*\s*\)\s*(0|NULL)\s*\)\s*->' "$file" && case_flags+=(-fno-sanitize=null)
  if [ -f "$driver" ]; then
    scenarios=$(grep -m1 -oE '^#define ARC_SCENARIOS [0-9]+' "$driver" | awk '{print $3}')
    scenarios=${scenarios:-1}
  elif [ "$fn" != main ]; then
    bad "entry $fn needs a driver $driver"; return
  elif grep -q '__VERIFIER_nondet' "$file"; then
    bad "nondet inputs need a driver"; return
  fi
  local objs=("$work/case.o")
  if ! $CC $CFLAGS $m32 "${case_flags[@]}" -c "$file" -o "$work/case.o" 2>"$work/cc.log"; then
    bad "does not compile: $(grep -m1 error "$work/cc.log")"; [ $VERBOSE = 1 ] && cat "$work/cc.log"; return
  fi
  if [ -f "$driver" ]; then
    $CC $CFLAGS $m32 -I"$DRV" -c "$driver" -o "$work/driver.o" 2>"$work/cc.log" ||
      { bad "driver does not compile: $(grep -m1 error "$work/cc.log")"; return; }
    objs+=("$work/driver.o")
  else
    $CC $CFLAGS $m32 -c "$DRV/main-wrap.c" -o "$work/driver.o" 2>"$work/cc.log" || { bad "main-wrap.c"; return; }
    objs+=("$work/driver.o")
  fi
  if [ $may_fail = 1 ]; then
    $CC $CFLAGS $m32 -c "$DRV/alloc-wrap.c" -o "$work/alloc.o" 2>"$work/cc.log" || { bad "alloc-wrap.c"; return; }
    objs+=("$work/alloc.o")
  fi
  $CC $CFLAGS $m32 "${objs[@]}" -o "$work/bin" 2>"$work/cc.log" ||
    { bad "does not link: $(grep -m1 -E 'error|undefined' "$work/cc.log")"; return; }

  local leak_check=0
  [[ " ${props[*]} " == *" memory-leak "* ]] && leak_check=1

  # run K ASAN LSAN MASK: run scenario K; sets RUN_CLASS / RUN_DETAIL / RUN_LOG.
  run() {
    local k=$1 asan=$2 lsan=$3 mask=$4 rc
    RUN_LOG=$work/run.$k.${mask:-none}.log
    (
      export ASAN_OPTIONS=$asan LSAN_OPTIONS=$lsan UBSAN_OPTIONS=print_stacktrace=1
      if [ -n "$mask" ]; then export ARC_FAIL_MASK=$mask; else unset ARC_FAIL_MASK; fi
      timeout 30 "$work/bin" "$k"
      exit $?
    ) >"$RUN_LOG" 2>&1
    rc=$?
    local c
    c=$(classify "$RUN_LOG" "$rc")
    RUN_CLASS=${c%% *}
    RUN_DETAIL=${c#* }
    [ $VERBOSE = 1 ] && { echo "--- $name scenario $k mask ${mask:-none}: $c"; cat "$RUN_LOG"; }
  }

  if [ "$expect" = yes ]; then
    local asan lsan="" masks=("") runs=0 k mask
    if [ $leak_check = 1 ]; then asan="$ASAN_BASE:detect_leaks=1"; lsan=$LSAN_STRICT; else asan="$ASAN_BASE:detect_leaks=0"; fi
    [ $may_fail = 1 ] && read -r -a masks <<<"$FAIL_MASKS"
    for ((k = 0; k < scenarios; k++)); do
      for mask in "${masks[@]}"; do
        run "$k" "$asan" "$lsan" "$mask"
        runs=$((runs + 1))
        if [ "$RUN_CLASS" != clean ]; then
          bad "expected yes, but scenario $k${mask:+ (failing allocations $mask)} gives $RUN_CLASS: $RUN_DETAIL"
          return
        fi
      done
    done
    echo "ok       $name: yes, clean on $runs run(s)"
    return
  fi

  # A no case: run the witness (scenario 0).
  local asan lsan=""
  case $kind in
    valid-memtrack) asan="$ASAN_BASE:detect_leaks=1" ;;
    valid-memcleanup) asan="$ASAN_BASE:detect_leaks=1"; lsan=$LSAN_STRICT ;;
    *) asan="$ASAN_BASE:detect_leaks=0" ;;
  esac
  run 0 "$asan" "$lsan" ""
  if [ "$sanitizer" = undefined ]; then
    # arc ran past an unchecked memory error; the compiled program must stop at one.
    if [ "$RUN_CLASS" = clean ]; then
      bad "sanitizer: undefined, but the witness run is clean"
    else
      echo "ok       $name: no $kind $vline after undefined behaviour the sanitizers report ($RUN_CLASS)"
    fi
    return
  fi
  if [ "$sanitizer" = none ]; then
    if [ "$RUN_CLASS" = clean ]; then
      echo "unchecked $name: no $kind $vline (sanitizer: none; the witness run is otherwise clean)"
    else
      bad "sanitizer: none, but the witness run reports $RUN_CLASS: $RUN_DETAIL"
    fi
    return
  fi
  if ! kind_accepts "$kind" "$RUN_CLASS"; then
    bad "expected $kind, the witness run gives $RUN_CLASS: $RUN_DETAIL"
    return
  fi
  local got=""
  case $RUN_CLASS in
    leak) got=any ;;
    call)
      if ! command -v gdb >/dev/null; then got=any; else
      got=$(ASAN_OPTIONS="handle_segv=0:detect_leaks=0" timeout 60 gdb -q -batch -ex "run 0" \
        -ex 'info line *(*(void**)$sp - 1)' "$work/bin" 2>/dev/null |
        grep -m1 -oE "^Line [0-9]+ of \"[^\"]*/?$name\.c\"" | awk '{print $2}'); fi ;; # no gdb: line not checked
    *) got=$(report_line "$RUN_LOG" "$name" "$RUN_CLASS") ;;
  esac
  if [ "$got" != any ] && [ "$got" != "$vline" ]; then
    bad "expected $kind at line $vline, the report ($RUN_DETAIL) is at line '${got:-?}'"
    return
  fi
  [ "$got" = any ] && got="" # leak reports point at the allocation, not at the line
  echo "ok       $name: no, $kind ${vline} — $RUN_DETAIL${got:+ at line $got}"
}

# --- main ---------------------------------------------------------------------------

if [ "${1:-}" = --one ]; then
  VERBOSE=${3:-0}
  work=""
  check_one "$2"
  [ -n "$work" ] && rm -rf "$work"
  exit 0
fi
if [ "${1:-}" = -v ]; then VERBOSE=1; shift; fi

command -v "$CC" >/dev/null || { echo "check-memory-corpus: $CC not found" >&2; exit 2; }
files=()
if [ $# -gt 0 ]; then
  for n in "$@"; do files+=("$DIR/${n%.c}.c"); done
else
  files=("$DIR"/*.c)
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
jobs=${JOBS:-$(nproc 2>/dev/null || echo 4)}
[ $VERBOSE = 1 ] && jobs=1
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} bash -c \
  'f={}; n=$(basename "$f" .c); "$0" --one "$f" "$1" >"$2/$n.out" 2>&1' "${BASH_SOURCE[0]}" "$VERBOSE" "$OUT"

ok=0 unchecked=0 mismatch=0 yes=0 no=0
declare -A per_kind per_prop
for f in "${files[@]}"; do
  n=$(basename "$f" .c)
  cat "$OUT/$n.out"
  e=$(header "$f" expect)
  if [ "$e" = yes ]; then
    yes=$((yes + 1))
    for pr in $(header "$f" args | grep -oE -- '--property [a-z-]+' | awk '{print $2}'); do
      per_prop[$pr]=$((${per_prop[$pr]:-0} + 1))
    done
  fi
  if [ "$e" = no ]; then
    no=$((no + 1))
    k=$(header "$f" violation | awk '{print $1}')
    per_kind[$k]=$((${per_kind[$k]:-0} + 1))
  fi
  if grep -q '^MISMATCH' "$OUT/$n.out"; then
    mismatch=$((mismatch + 1))
  elif grep -q '^unchecked' "$OUT/$n.out"; then
    unchecked=$((unchecked + 1))
  elif grep -q '^ok' "$OUT/$n.out"; then
    ok=$((ok + 1))
  else
    echo "MISMATCH $n: the check printed nothing"
    mismatch=$((mismatch + 1))
  fi
done
kinds=""
for k in $(printf '%s\n' "${!per_kind[@]}" | sort); do kinds+=" $k=${per_kind[$k]}"; done
props=""
for k in $(printf '%s\n' "${!per_prop[@]}" | sort); do props+=" $k=${per_prop[$k]}"; done
echo
echo "memory corpus: ${#files[@]} cases ($yes yes, $no no)"
echo "memory corpus: no by violation kind:$kinds"
echo "memory corpus: yes by property checked:$props"
echo "memory corpus: $ok ok, $unchecked not checked by a sanitizer (sanitizer: none), $mismatch mismatches"
[ $mismatch -eq 0 ]
