#!/usr/bin/env bash
# The long run of the fuzz test of issue 14 (tests/cli/fuzz.rs): mutated copies
# of the example project, every read command on each, with no panic, no hang,
# exit code 0/1/2 only and no write allowed.
# Usage: benches/fuzz.sh [CASES] [SECONDS]
#   CASES    cases to try (default 2000)
#   SECONDS  start no new case after this many seconds (default: no limit)
# Environment: VEIKART_FUZZ_SEED (default: from the clock, printed, so each
# run explores new cases; set it to replay a run), VEIKART_FUZZ_COMMANDS
# (read commands per case, default all of them).
# Prints the figures: seed, cases tried, commands run, failures; and each kind
# of failure with the seed that replays it. Exit code 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export VEIKART_FUZZ_CASES="${1:-${VEIKART_FUZZ_CASES:-2000}}"
if [ -n "${2:-}" ]; then export VEIKART_FUZZ_SECONDS="$2"; fi
export VEIKART_FUZZ_SEED="${VEIKART_FUZZ_SEED:-$(printf '0x%x' "$(date +%s%N)")}"
export VEIKART_FUZZ_COMMANDS="${VEIKART_FUZZ_COMMANDS:-all}"
echo "fuzz: seed $VEIKART_FUZZ_SEED, up to $VEIKART_FUZZ_CASES cases, commands per case: $VEIKART_FUZZ_COMMANDS" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --release --test cli fuzz -- --nocapture --test-threads 1 >"$log" 2>&1
status=$?
# The failures, grouped by kind, each with its replay line (from the test's report).
sed -n '/the fuzz test found broken promises/,/^stack backtrace:\|^failures:$/p' "$log" | grep -v '^stack backtrace:\|^failures:$' || true
grep -o 'fuzz: seed .*' "$log" || { cat "$log"; echo "fuzz: the test did not run" >&2; exit 2; }
grep '^test result: ' "$log" || true
exit $status
