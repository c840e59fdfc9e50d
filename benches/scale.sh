#!/usr/bin/env bash
# Scale benchmark for SPEC §6 and issues 2, 4 and 6:
#  - a write (`idea add`, `idea assess`, `measure record`) touches one record:
#    its cost and the files it opens must not grow with the number of records
#    in the project (nor, for `measure record`, with the indicator's history);
#  - `check`, `report` and the checklist gate (`checklist --check --all`) are
#    linear in the project's bytes.
# Usage: benches/scale.sh [SIZES...]   (default: 100 1000 10000)
# Prints one row per project size. Needs bash, python3; uses strace if present
# to count the files a write opens (a count, so it does not depend on load),
# and taplo if present (`pip install taplo`) to time `taplo check` beside `check`.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)

cargo build --release --quiet
V="$PWD/target/release/veikart"
export VEIKART_TODAY=2026-11-23 NO_COLOR=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ns() { date +%s%N; }

# Mean wall time in microseconds of running "$@" $reps times.
mean_ms() {
  local reps=$1; shift
  local start end
  start=$(now_ns)
  for _ in $(seq "$reps"); do "$@" >/dev/null 2>&1; done
  end=$(now_ns)
  echo $(( (end - start) / reps / 1000 ))
}

# Files under the project a command opens (needs strace).
opens() {
  local root=$1; shift
  if command -v strace >/dev/null 2>&1; then
    strace -f -qq -e trace=openat,open -o "$work/trace" "$@" >/dev/null 2>&1 || true
    grep -c "\"$root" "$work/trace" || true
  else
    echo "-"
  fi
}

fmt='%-8s %-9s %-8s %-10s %-10s %-13s %-9s %-11s %-9s %s\n'
printf "$fmt" records bytes add_us add_opens assess_us assess_opens check_ms check_MB/s report_ms taplo_ms
for n in "${sizes[@]}"; do
  p="$work/p$n"
  "$V" init "$p" --name "Skala $n" -q
  python3 benches/gen_ideas.py "$p" "$n"
  bytes=$(du -sb "$p" | cut -f1)
  add_us=$(mean_ms 20 "$V" -C "$p" -q idea add "Ny idé for måling")
  add_opens=$(opens "$p" "$V" -C "$p" -q idea add "Ny idé for måling")
  assess_us=$(mean_ms 20 "$V" -C "$p" -q idea assess ide-nummer-000042 --feasibility 4 --benefit 5)
  assess_opens=$(opens "$p" "$V" -C "$p" -q idea assess ide-nummer-000042 --feasibility 3 --benefit 5)
  check_us=$(mean_ms 3 "$V" -C "$p" check)
  mbps=$(python3 -c "print(f'{$bytes / max($check_us, 1) :.1f}')")
  # `report` reads the project in the same one pass as `check`.
  report_us=$(mean_ms 3 "$V" -C "$p" report)
  # SPEC §6: `check` (which also validates every key) against `taplo check`
  # (which only parses) on the same files; `pip install taplo` provides it.
  taplo_ms="-"
  if command -v taplo >/dev/null 2>&1; then
    taplo_ms=$(( $(cd "$p" && mean_ms 3 taplo check) / 1000 ))
  fi
  printf "$fmt" "$n" "$bytes" "$add_us" "$add_opens" "$assess_us" "$assess_opens" "$((check_us / 1000))" "$mbps" "$((report_us / 1000))" "$taplo_ms"
done

# Measurements: 10 indicators with daily values (years of them at 10 000),
# one file each, as `measure record` writes them.
echo
fmt2='%-8s %-9s %-10s %-13s %-9s %-10s %s\n'
printf "$fmt2" values bytes record_us record_opens check_ms check_MB/s gate_ms
for n in "${sizes[@]}"; do
  p="$work/m$n"
  "$V" init "$p" --name "Målinger $n" -q
  python3 - "$p" "$n" <<'PY'
import datetime, os, sys
root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{root}/roles", exist_ok=True)
with open(f"{root}/roles/leder.toml", "w") as f:
    f.write('name = "Leder"\n')
os.makedirs(f"{root}/benefits", exist_ok=True)
with open(f"{root}/benefits/kortere-ventetid.toml", "w") as f:
    f.write('title = "Kortere ventetid"\ntype = "time"\nresponsible = "leder"\ncreated = 2020-01-01\n')
start = datetime.date(2020, 1, 1)
per = max(n // 10, 1)
for k in range(10):
    ind = f"indikator-{k}"
    os.makedirs(f"{root}/indicators", exist_ok=True)
    with open(f"{root}/indicators/{ind}.toml", "w") as f:
        f.write(f'name = "Indikator {k}"\nbenefit = "kortere-ventetid"\nunit = "min"\nbaseline = 60\n'
                f'baseline_date = 2019-12-01\ntarget = 1\nby = 2040-01-01\nfrequency = "weekly"\n'
                f'responsible = "leder"\n')
    os.makedirs(f"{root}/measurements/{ind}", exist_ok=True)
    for d in range(per):
        day = start + datetime.timedelta(days=d)
        with open(f"{root}/measurements/{ind}/{day.isoformat()}.toml", "w") as f:
            f.write(f"value = {50 - (d % 40)}\nby = \"Kari\"\n")
PY
  bytes=$(du -sb "$p" | cut -f1)
  record_us=$(mean_ms 1 "$V" -C "$p" -q measure record indikator-3 30 --date 2045-01-01)
  record_opens=$(opens "$p" "$V" -C "$p" -q measure record indikator-3 31 --date 2045-01-02)
  check_us=$(mean_ms 3 "$V" -C "$p" check)
  gate_us=$(mean_ms 3 "$V" -C "$p" checklist --check --all)
  mbps=$(python3 -c "print(f'{$bytes / max($check_us, 1) :.1f}')")
  printf "$fmt2" "$n" "$bytes" "$record_us" "$record_opens" "$((check_us / 1000))" "$mbps" "$((gate_us / 1000))"
done
