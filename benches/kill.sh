#!/usr/bin/env bash
# The long version of the kill test (tests/cli/kill.rs, issue 14): writers of
# every kind (`measure import` of 60 rows, `phase set`, `tech rm` with five
# assessments, `idea add`, `idea assess`) killed at random moments, each
# followed by the next write, then every file parsed, `check` run and the
# project searched for temporary files and half-done writes.
# Usage: benches/kill.sh [CASES [SEED]]   (default: 200 kills per kind, seed from the clock)
# Prints the figures: writers killed, how many mid-write, the seed, the time.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-200}
seed=${2:-$(date +%s)}
echo "kill test: $cases kills per kind of writer, seed $seed"
VEIKART_KILL_CASES=$cases VEIKART_KILL_SEED=$seed \
  cargo test --release --quiet --test cli kill:: -- --nocapture 2>&1 \
  | grep -E '^kill test:|panicked|FAILED|test result' || true
