#!/bin/bash
# Issue 17 item 5: the project side by side with its peers, in one run on the same inputs.
#
#   SMPC=/path/to/smpc PY_EUM=/path/to/bdm_scholz_model.py bench/peers.sh [RUNS]
#
# SMPC    KTAB's smpc (KTAB 3b5b063, examples/smp), built by you with -O2; this script does not build it.
# PY_EUM  jmckib/bdm-scholz-expected-utility-model's bdm_scholz_model.py (55f63e9, the commit after e9d86fe: docstrings only, and run_model(num_rounds=)) made runnable on
#         Python 3 (print statements as calls, open mode 'r'), with ExampleActors.csv beside it.
# RUNS    replications per timing of the project's side (default 2000).
#
# KTAB: every example table of examples/smp/doc whose tables we keep (src/test/resources/tables/ktab),
# run by smpc --logmin --csv as KTAB's regression script runs it (with --savehist for the positions), and by `negotiate run --table`;
# compared: the turn count (KTAB's "Fractional change" lines against our states) and every actor's
# final position on every dimension at KTAB's printed precision (%5.1f: within 0.05); timed: KTAB's own "Elapsed
# time" and CPU time of the process, against the CPU time of one replication in `negotiate bench
# --table` (one thread). Python: the CPU time of one 10-round run of case A in the same process,
# against `negotiate bench` on scenarios/validation/case_a_eu_emissions.yaml, 10 rounds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-2000}"
jar="${JAR:-$root/target/negotiate.jar}"
tables="$root/src/test/resources/tables/ktab"
work="$(mktemp -d "${TMPDIR:-/tmp}/peers-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DnoSpark -DskipTests package)
echo "machine: $(nproc) cores, $(uname -srm), $(java -version 2>&1 | head -1)"

cpu_us_per_replication() { # the one-thread line of negotiate bench: CPU µs per replication
  sed -n 's/.*(CPU \([0-9.]*\) µs per replication.*/\1/p' | head -1
}

if [ -n "${SMPC:-}" ]; then
  echo
  echo "KTAB smpc ($SMPC) against negotiate run --table, default SMP options"
  printf '%-16s %6s %6s %9s %12s %12s %14s %9s\n' table turns ours positions ktab_elapsed ktab_cpu ours_cpu_per_run faster
  for c in dummyData_3Dim SOE-Pol-Comp dummyData_6Dim dummyData-a040 dummyData-a080; do
    d="$work/$c"; mkdir -p "$d"; cp "$tables/$c.csv" "$d/"
    # --savehist adds the position history to the log; KTAB logs to stdout, each line after a time stamp
    (cd "$d" && /usr/bin/time -f '%U %S' -o time.txt "$SMPC" --logmin --savehist --csv "$c.csv" \
        --connstr "Driver=QSQLITE;Database=$d/ktab" > stdout.txt 2>&1)
    log="$d/log.txt"
    sed 's/^.*INFO \[default\] //' "$d/stdout.txt" > "$log"
    turns=$(grep -c "Fractional change" "$log")
    elapsed=$(sed -n 's/^Elapsed time: \([0-9.]*\) seconds.*/\1/p' "$log" | tail -1)
    ktab_cpu=$(awk '{printf "%.3f", $1 + $2}' "$d/time.txt")
    java -jar "$jar" run --table "$d/$c.csv" --out "$d/out" > "$d/run.txt"
    folder="$(sed -n 's/^results: \(.*\)\/$/\1/p' "$d/run.txt")"
    states=$(awk -F, 'NR > 1 { if ($1 > m) m = $1 } END { print m }' "$folder/rounds.csv")
    # KTAB's last column of "NAME, DIM:" lines against our last state, both to 0.1
    python3 - "$log" "$folder/rounds.csv" "$d/$c.csv" > "$d/positions.txt" <<'PY'
import csv, re, sys
log, rounds, table = sys.argv[1:4]
rows = [r for r in csv.reader(open(table, encoding="utf-8"))][2:]
names = [r[0].strip() for r in rows if r and r[0].strip()]
dims = [h.strip() for h in next(x for i, x in enumerate(csv.reader(open(table, encoding="utf-8"))) if i == 1)[3::2] if h.strip()]
ktab = {}
for line in open(log, encoding="utf-8", errors="replace"):
    for n in names:
        for k in dims:
            # KTAB keeps the header's padding: "Act-1001,   XYZ Position:"
            m = re.match(re.escape(n) + r",\s*" + re.escape(k) + ":", line)
            if m:
                ktab[(n, k)] = line[m.end():].split()[-1]
last = {}
for r in csv.DictReader(open(rounds)):
    last[(r["actor"], r["issue"])] = (int(r["state"]), float(r["position"]))
ours = {}
for (a, i), (s, x) in last.items():
    ours.setdefault(a, []).append((i, s, x))
diff = 0
ids = list(dict.fromkeys(a for a, _ in last))
for n, a in zip(names, ids):
    per = sorted(ours[a], key=lambda t: list(dict.fromkeys(i for _, i in last)).index(t[0]))
    for k, (_, s, x) in zip(dims, per):
        # KTAB prints %5.1f of positions that are multiples of 0.01 (it rounds bargains to 1e-4 on
        # [0, 1]): a tie like 74.05 prints either way, so agreement is within half the last digit
        if (n, k) not in ktab or abs(x - float(ktab[(n, k)])) > 0.05 + 1e-6:
            diff += 1
print("%d/%d" % (len(names) * len(dims) - diff, len(names) * len(dims)))
PY
    positions=$(cat "$d/positions.txt")
    ours_us=$(java -jar "$jar" bench --table "$d/$c.csv" --runs "$runs" --threads 1 --parallel-only | cpu_us_per_replication)
    faster=$(awk -v k="$ktab_cpu" -v o="$ours_us" 'BEGIN { printf "%.0fx", k * 1e6 / o }')
    printf '%-16s %6s %6s %9s %11ss %11ss %13sµs %9s\n' "$c" "$turns" "$states" "$positions" "$elapsed" "$ktab_cpu" "$ours_us" "$faster"
  done
fi

if [ -n "${PY_EUM:-}" ]; then
  echo
  echo "Python replication of the expected utility model ($PY_EUM) against negotiate bench, case A, 10 rounds"
  py_s=$(cd "$(dirname "$PY_EUM")" && python3 - "$PY_EUM" <<'PY'
import contextlib, io, importlib.util, sys, time
spec = importlib.util.spec_from_file_location("bdm", sys.argv[1])
bdm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bdm)
runs, t0 = 0, time.process_time()
while time.process_time() - t0 < 20 or runs < 3:
    with contextlib.redirect_stdout(io.StringIO()):
        bdm.BDMScholzModel.from_csv_path("ExampleActors.csv").run_model(num_rounds=10)
    runs += 1
print("%.6f" % ((time.process_time() - t0) / runs))
PY
)
  ours_us=$(java -jar "$jar" bench "$root/scenarios/validation/case_a_eu_emissions.yaml" --rounds 10 --runs "$runs" \
      --threads 1 --parallel-only | cpu_us_per_replication)
  awk -v p="$py_s" -v o="$ours_us" 'BEGIN { printf "python %.1f ms CPU per run, negotiate %s µs CPU per replication: %.0fx\n", p * 1e3, o, p * 1e6 / o }'
fi
