#!/bin/bash
# Issue 17, targets 1 and 3: would a newer JVM's ahead-of-time cache make the short commands fast?
# Times commands through ./negotiate (JDK 17: C1, serial collector, its CDS archive) alternated with
# the same jar on a JDK 24 or later with an AOT cache (JEP 483: classes loaded and linked ahead;
# JEP 515 adds method profiles, used only where C2 runs), trained on the same CdsTraining run the
# launcher trains its CDS archive on. Nothing of this changes the tool: it is a measurement for the
# team's decision on the required stack (docs/performance.md, session 13).
#
#   bench/aot-cache.sh [N] [JDK]
#
# N    alternated runs of each command and JVM (default 5); prints every run and the medians.
# JDK  a JDK 24+ home (default /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail
n="${1:-5}"
jdk="${2:-/usr/lib/jvm/temurin-25-jdk-amd64}"
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$jdk/bin/java" ] || { echo "aot-cache.sh: no java in $jdk/bin (give a JDK 24+ home)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/aot-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
./negotiate --version >/dev/null # builds the jar and the JDK 17 archive when stale
jar="$root/target/negotiate.jar"
echo "machine: $(nproc) cores, $(uname -srm); JDK 17: $(java -version 2>&1 | head -1); other: $("$jdk/bin/java" -version 2>&1 | head -1); $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
flags="-Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)" in
  *"[always]"*|*"[madvise]"*) flags="$flags -XX:+UseTransparentHugePages" ;;
esac
# one-step training (JEP 514): the run's classes, linked, into the cache at exit
# shellcheck disable=SC2086 # flags are meant to split
"$jdk/bin/java" $flags -XX:AOTCacheOutput="$work/app.aot" -cp "$jar" org.negotiate.cli.CdsTraining "$root" "$work/train" >"$work/train.log" 2>&1 || true
[ -f "$work/app.aot" ] || { echo "aot-cache.sh: the training run made no cache; see:" >&2; cat "$work/train.log" >&2; exit 1; }
commands=(
  "odds scenarios/baseline.yaml"
  "odds scenarios/baseline.yaml --as-of 2024-08"
  "validate scenarios/baseline.yaml"
)
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
timed() { # the command's wall and CPU (user + system) into $1, or a failure
  local into="$1"; shift
  if { TIMEFORMAT="%R %U %S"; time "$@" >/dev/null 2>&1; } 2>"$into"; then return 0; fi
  echo "aot-cache.sh: failed: $* (run it alone to see why)" >&2; exit 1
}
for c in "${commands[@]}"; do
  a=() b=()
  for i in $(seq "$n"); do
    o="--out $work/results"
    case "$c" in validate*) o="" ;; esac
    # shellcheck disable=SC2086 # the command's words are meant to split
    timed "$work/t17" ./negotiate $c $o
    # AOTMode=on: an error, not a silent run without it, when the cache cannot be used
    # shellcheck disable=SC2086
    timed "$work/tnew" "$jdk/bin/java" $flags -XX:AOTMode=on -XX:AOTCache="$work/app.aot" -cp "$jar" org.negotiate.cli.Main $c $o
    a+=("$(awk '{printf "%.2f %.2f", $1, $2 + $3}' "$work/t17")")
    b+=("$(awk '{printf "%.2f %.2f", $1, $2 + $3}' "$work/tnew")")
    rm -rf "$work/results"
  done
  echo "$c:"
  echo "  JDK 17 + CDS (wall cpu):        ${a[*]}; median $(printf '%s\n' "${a[@]}" | cut -d' ' -f1 | median) s, cpu $(printf '%s\n' "${a[@]}" | cut -d' ' -f2 | median) s"
  echo "  JDK 24+ + AOT cache (wall cpu): ${b[*]}; median $(printf '%s\n' "${b[@]}" | cut -d' ' -f1 | median) s, cpu $(printf '%s\n' "${b[@]}" | cut -d' ' -f2 | median) s  [load $(cut -d' ' -f1 /proc/loadavg)]"
done
