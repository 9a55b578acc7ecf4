#!/bin/bash
# Issue 17: the whole commands, timed as a user runs them (through ./negotiate: its JVM flags and
# its Class Data Sharing archive), JVM start included.
#
#   bench/commands.sh [N] [ROOT]
#
# N     times each command is run (default 3); each line gives every run's wall and CPU time
#       (user + system), so the spread shows.
# ROOT  the checkout whose ./negotiate is timed (default: this one). To compare two builds, give
#       each its own checkout and alternate the two.
#
# The launcher builds the jar and its archive first if they are missing or stale; that first call is
# not timed. Results go to a temporary folder, removed at the end. The load average after each
# command shows whether the machine was quiet (on 2 cores, a load near 1-2 is the commands
# themselves).
set -euo pipefail
n="${1:-3}"
root="$(cd "${2:-$(dirname "$0")/..}" && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/commands-bench.XXXXXX")"
trap 'rm -rf "$out"' EXIT
cd "$root"
./negotiate --version >/dev/null
echo "machine: $(nproc) cores, $(uname -srm), $(java -version 2>&1 | head -1); $root at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
commands=(
  "odds scenarios/baseline.yaml"
  "validate scenarios/baseline.yaml"
  "run scenarios/baseline.yaml"
  "run --table src/test/resources/tables/ktab/dummyData_3Dim.csv"
  "run --table src/test/resources/tables/ktab/SOE-Pol-Comp.csv"
  "compare scenarios/baseline.yaml scenarios/whatif/election_pressure.yaml"
  "forecast scenarios/baseline.yaml"
  "odds scenarios/baseline.yaml --as-of 2024-08"
  "sensitivity scenarios/baseline.yaml"
)
for c in "${commands[@]}"; do
  line="$c:"
  for _ in $(seq "$n"); do
    # bash's own time (wall, then the command's user and system CPU): no package needed
    # shellcheck disable=SC2086 # the command's words are meant to split
    # validate writes nothing, so it takes no --out
    o="--out $out/results"
    case "$c" in validate*) o="" ;; esac
    if { TIMEFORMAT="%R %U %S"; time ./negotiate $c $o >/dev/null 2>&1; } 2>"$out/time"; then
      line="$line $(awk '{printf "%.2fs (cpu %.2fs)", $1, $2 + $3}' "$out/time")"
    else
      line="$line FAILED (run it alone to see why)"
    fi
  done
  echo "$line  [load $(cut -d' ' -f1 /proc/loadavg)]"
done
