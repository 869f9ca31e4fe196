#!/usr/bin/env bash
# Runs every benchmark that the build produced and prints one line per benchmark:
#   bench <name>: <value> <unit> (baseline <value> <unit>, ratio <baseline/value>)
# Builds nothing (`make bench` builds first). Usage: bash bench/run.sh [build dir]
#
# Raw samples, statistics and the environment go to <build dir>/bench-results.json; each
# benchmark's stderr goes to <build dir>/bench/results/<executable>.log.
#
# Environment knobs:
#   MLWATCH_BENCH_PAIRS=N     measured pairs per benchmark (default: each benchmark's own, >= 7)
#   MLWATCH_BENCH_CPU=N|none  CPU to pin to with taskset (default: the last CPU; none = no pinning)
set -euo pipefail

build_dir=${1:-build}
list="$build_dir/bench/benchmarks.txt"
if [[ ! -f "$list" ]]; then
    echo "bench/run.sh: $list not found; configure with -DMLWATCH_BUILD_BENCHMARKS=ON and build first" >&2
    exit 1
fi
results_dir="$build_dir/bench/results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

# Deterministic rendering and formatting (performance.md §7.1): offscreen raster, device pixel
# ratio 1, C locale, UTC; no debug chatter in the timed code.
export QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1 QT_ENABLE_HIGHDPI_SCALING=0
export LC_ALL=C.UTF-8 TZ=UTC QT_LOGGING_RULES='*.debug=false'

# One CPU for the whole run: no migrations between the two sides of a pair.
pin=()
cpu=${MLWATCH_BENCH_CPU:-}
if [[ "$cpu" != none ]] && command -v taskset >/dev/null 2>&1 && (( $(nproc) > 1 )); then
    cpu=${cpu:-$(( $(nproc) - 1 ))}
    pin=(taskset -c "$cpu")
else
    cpu=none
fi

args=()
if [[ -n "${MLWATCH_BENCH_PAIRS:-}" ]]; then
    args+=(--pairs "$MLWATCH_BENCH_PAIRS")
fi

status=0
json_files=()
while IFS= read -r exe; do
    [[ -n "$exe" ]] || continue
    name=$(basename "$exe")
    if [[ ! -x "$exe" ]]; then
        echo "bench $name: FAILED (not built: $exe)"
        status=1
        continue
    fi
    json="$results_dir/$name.json"
    log="$results_dir/$name.log"
    rc=0
    "${pin[@]}" "$exe" --json "$json" "${args[@]}" >"$results_dir/$name.out" 2>"$log" || rc=$?
    if (( rc != 0 )) || ! grep -q '^bench ' "$results_dir/$name.out"; then
        echo "bench $name: FAILED (exit $rc; see $log)"
        status=1
        continue
    fi
    grep '^bench ' "$results_dir/$name.out"
    [[ -s "$json" ]] && json_files+=("$json")
done <"$list"

# Assemble the per-benchmark objects into one document (plain bash: no jq needed).
out="$build_dir/bench-results.json"
{
    printf '{\n"schema": 1,\n"generated_utc": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf '"pinned_cpu": "%s",\n"pairs_override": "%s",\n"benchmarks": [\n' "$cpu" "${MLWATCH_BENCH_PAIRS:-}"
    first=1
    for f in "${json_files[@]}"; do
        (( first )) || printf ',\n'
        first=0
        cat "$f"
    done
    printf ']\n}\n'
} >"$out"

exit "$status"
