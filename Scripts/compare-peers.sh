#!/usr/bin/env bash
# Compares folio with its peers on one corpus and prints two tables:
#   1. folio, SQLite FTS5, tantivy and ripgrep: index build, query latency on the same queries,
#      peak memory, index size (Benchmarks/peers/peers_table.py);
#   2. typing into folio and into `fzf --preview` through a pseudo-terminal: first paint, key to
#      settled screen, bytes per key (Benchmarks/peers/typing_latency.py).
# Installs what is missing (ripgrep and fzf with apt-get, tantivy with pip into .build-peers/venv)
# and builds folio and folio-bench in release mode under .build-peers/swift.
# See Benchmarks/peers/README.md for what each column means and how each peer is run.
set -euo pipefail

usage() {
    cat >&2 <<'EOF'
usage: Scripts/compare-peers.sh CORPUS [--queries FILE] [--typing-queries N] [--rg-budget SECONDS]
  CORPUS               a folder of article files (searched recursively)
  --queries FILE       one query a line (default: Benchmarks/queries.txt)
  --typing-queries N   queries typed into folio and fzf (default 5, spread over the list)
  --rg-budget SECONDS  stop starting ripgrep queries after this long (default 300; 0: no limit)
EOF
    exit "${1:-2}"
}

die() {
    echo "compare-peers: $*" >&2
    exit 2
}

log() { echo "compare-peers: $*" >&2; }

# The helpers import each other; no __pycache__ left in the checkout.
export PYTHONDONTWRITEBYTECODE=1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers=$root/Benchmarks/peers
corpus=""
queries=$root/Benchmarks/queries.txt
typing_queries=5
rg_budget=300
while [ $# -gt 0 ]; do
    case $1 in
        --queries) [ $# -ge 2 ] || usage; queries=$2; shift 2 ;;
        --typing-queries) [ $# -ge 2 ] || usage; typing_queries=$2; shift 2 ;;
        --rg-budget) [ $# -ge 2 ] || usage; rg_budget=$2; shift 2 ;;
        -h | --help) usage 0 ;;
        -*) echo "compare-peers: unknown option $1" >&2; usage ;;
        *) [ -z "$corpus" ] || usage; corpus=$1; shift ;;
    esac
done
[ -n "$corpus" ] || usage
[[ $typing_queries =~ ^[1-9][0-9]*$ ]] || die "--typing-queries wants a whole number of at least 1"
[[ $rg_budget =~ ^[0-9]+$ ]] || die "--rg-budget wants a whole number of seconds"
[ -d "$corpus" ] || die "no such corpus folder: $corpus"
[ -r "$queries" ] || die "cannot read the query list: $queries"
[ -n "$(find "$corpus" -type f -print -quit)" ] || die "no files in $corpus"
command -v python3 >/dev/null || die "python3 is needed (apt-get install python3)"
corpus=$(cd "$corpus" && pwd)
queries=$(cd "$(dirname "$queries")" && pwd)/$(basename "$queries")

work=$root/.build-peers
logs=$work/logs
# Each peer's raw figures (JSON) stay here after the run, replaced by the next run.
results=$work/results
rm -rf "$results"
mkdir -p "$logs" "$results"
load_start=$(cut -d' ' -f1 /proc/loadavg)

# Writes {"unavailable": REASON} to FILE, for a peer that could not run; the table shows the reason.
unavailable() {
    python3 -c 'import json, sys; print(json.dumps({"unavailable": sys.argv[1]}))' "$2" >"$1"
}

# Installs a Debian package unless COMMAND is already there (Scripts/apt-install.sh).
ensure_command() {
    local command=$1 package=$2
    command -v "$command" >/dev/null && return 0
    if [ "$(id -u)" -ne 0 ]; then
        log "$command is missing and installing $package needs root"
        return 1
    fi
    log "installing $package with apt-get"
    APT_LOG="$logs/apt.log" "$root/Scripts/apt-install.sh" "$package" && command -v "$command" >/dev/null && return 0
    log "apt-get install $package failed (see $logs/apt.log)"
    return 1
}

# tantivy's Python package in a venv of its own, so nothing global changes.
venv=$work/venv
ensure_tantivy() {
    if [ ! -x "$venv/bin/python" ] && ! python3 -m venv "$venv" >>"$logs/pip.log" 2>&1; then
        echo "python3 -m venv failed (Debian: apt-get install python3-venv)"
        return 1
    fi
    "$venv/bin/python" -c 'import tantivy' 2>/dev/null && return 0
    log "installing tantivy with pip into $venv"
    if ! "$venv/bin/pip" install -q tantivy >>"$logs/pip.log" 2>&1; then
        echo "pip install tantivy failed (see $logs/pip.log)"
        return 1
    fi
}

# Runs one peer: its JSON goes to OUT, or a reason with the last line of its errors.
run_peer() {
    local name=$1 out=$2
    shift 2
    log "running $name"
    if ! "$@" >"$out" 2>"$logs/$name.err"; then
        unavailable "$out" "$name failed: $(tail -n 1 "$logs/$name.err")"
    fi
}

rg_ok=yes fzf_ok=yes
ensure_command rg ripgrep || rg_ok=no
ensure_command fzf fzf || fzf_ok=no
tantivy_problem=$(ensure_tantivy) || true

log "building folio and folio-bench (release) in $work/swift"
bin=""
build_problem=""
# As `make` builds folio (the Swift runtime linked in): memory figures are those of the installed binary.
release=(-c release --static-swift-stdlib --scratch-path "$work/swift")
if ! command -v swift >/dev/null; then
    build_problem="swift not found: folio cannot be built"
    log "$build_problem"
elif swift build "${release[@]}" --product folio >"$logs/build.log" 2>&1 &&
    swift build "${release[@]}" --product folio-bench >>"$logs/build.log" 2>&1; then
    bin=$(swift build "${release[@]}" --show-bin-path)
else
    build_problem="swift build failed (see $logs/build.log)"
    log "$build_problem"
fi

if [ -n "$bin" ]; then
    run_peer folio "$results/folio.json" \
        "$bin/folio-bench" "$corpus" --queries "$queries" --repeat 3 --json --no-fts5
    run_peer fts5 "$results/fts5.json" \
        "$bin/folio-bench" "$corpus" --queries "$queries" --repeat 3 --json --fts5-only
else
    unavailable "$results/folio.json" "$build_problem"
    unavailable "$results/fts5.json" "$build_problem"
fi
if [ -z "$tantivy_problem" ]; then
    run_peer tantivy "$results/tantivy.json" \
        "$venv/bin/python" "$peers/tantivy_bench.py" "$corpus" --queries "$queries" --passes 3 --builds 3
else
    unavailable "$results/tantivy.json" "$tantivy_problem"
fi
if [ "$rg_ok" = yes ]; then
    run_peer ripgrep "$results/ripgrep.json" \
        python3 "$peers/ripgrep_bench.py" "$corpus" --queries "$queries" --passes 3 --budget-seconds "$rg_budget"
else
    unavailable "$results/ripgrep.json" "rg missing and apt-get install ripgrep failed"
fi

# Each table's script exits 1 when one of its rows is "unavailable"; so does this script, at the end.
status=0
echo
python3 "$peers/peers_table.py" --corpus "$corpus" --queries "$queries" --load-start "$load_start" \
    --folio "$results/folio.json" --fts5 "$results/fts5.json" \
    --tantivy "$results/tantivy.json" --ripgrep "$results/ripgrep.json" || status=1

log "typing into folio and fzf through a pseudo-terminal"
typing=(python3 "$peers/typing_latency.py" "$corpus" --queries "$queries" --count "$typing_queries")
if [ -n "$bin" ]; then typing+=(--folio "$bin/folio"); else typing+=(--folio-unavailable "$build_problem"); fi
[ "$fzf_ok" = yes ] || typing+=(--fzf-unavailable "fzf missing and apt-get install fzf failed")
echo
"${typing[@]}" || status=1
exit "$status"
