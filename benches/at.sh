#!/usr/bin/env bash
# `--at REV` (issue 15): reading the project as committed at a revision,
# from git's objects, costs at most twice reading it from the work tree.
# Builds a project of N ideas (default 10 000), commits it, and times
# `check` and `idea list` with and without `--at HEAD`.
# Usage: benches/at.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release --quiet
V="$PWD/target/release/veikart"
export VEIKART_TODAY=2026-11-23 NO_COLOR=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
p="$work/p"
"$V" init "$p" --name "Skala $n" -q
python3 benches/gen_ideas.py "$p" "$n"
git -C "$p" init -q
git -C "$p" add .
git -C "$p" -c user.name=B -c user.email=b@x commit -qm bench
mean_ms() {
  local reps=$1; shift
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$reps"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / reps / 1000000 ))
}
fmt='%-12s %-14s %-14s %s\n'
printf "$fmt" command worktree_ms at_HEAD_ms ratio
for cmd in "check" "idea list"; do
  # shellcheck disable=SC2086
  w=$(mean_ms 5 "$V" -C "$p" $cmd)
  # shellcheck disable=SC2086
  a=$(mean_ms 5 "$V" -C "$p" --at HEAD $cmd)
  printf "$fmt" "$cmd" "$w" "$a" "$(python3 -c "print(f'{$a / max($w, 1):.2f}')")"
done
