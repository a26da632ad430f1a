#!/usr/bin/env bash
# Runs folio's test suite under the address sanitizer, then under the thread sanitizer (issue 6).
#
#   Scripts/sanitize.sh [--address-only|--thread-only] [--with-end-to-end] [SUITE...]
#
# SUITE is a test target or a `swift test --filter` pattern (FolioCoreTests,
# ReadingStateTests.ConcurrencyTests, ...); default: every test target. Builds go to .build-asan/ and
# .build-tsan/ (each a full build of the package and its dependencies: several minutes the first time).
#
# The tmux end-to-end suite (EndToEndTests) is skipped unless --with-end-to-end is given: it drives
# folio through tmux with waits tuned for a normal build, and under TSan (5-15x slower) those waits
# time out, so failures there would be timing, not sanitizer findings.
#
# Sanitizer reports are written to files (log_path), so a report from a child process the tests start
# (the folio binary, built with the same sanitizer) is caught too, not only the test runner's own.
# Exit status: 0 clean; 1 a test failed or any sanitizer report was written; 2 bad usage.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

sanitizers=(address thread)
end_to_end=0
suites=()
for argument in "$@"; do
    case $argument in
        --address-only) sanitizers=(address) ;;
        --thread-only) sanitizers=(thread) ;;
        --with-end-to-end) end_to_end=1 ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "sanitize.sh: unknown option $argument" >&2; exit 2 ;;
        *) suites+=("$argument") ;;
    esac
done

filters=()
for suite in "${suites[@]}"; do filters+=(--filter "$suite"); done
skips=()
[[ $end_to_end -eq 0 ]] && skips=(--skip EndToEndTests)

failed=0
for sanitizer in "${sanitizers[@]}"; do
    scratch=.build-$([[ $sanitizer == address ]] && echo asan || echo tsan)
    reports=$scratch/sanitizer-reports
    rm -rf "$reports"
    mkdir -p "$reports"
    log=$scratch/sanitize-test.log
    echo "sanitize.sh: swift test --sanitize=$sanitizer (${suites[*]:-all suites}${skips:+, without EndToEndTests})" >&2
    # detect_leaks=0: LeakSanitizer reports the Swift runtime's and Foundation's deliberate
    # process-lifetime caches (metadata, type caches) as leaks; use-after-free, overflows and
    # races are what this run is for. halt_on_error=0 lets TSan report every race, not only the first.
    ASAN_OPTIONS="detect_leaks=0:log_path=$root/$reports/asan:${ASAN_OPTIONS:-}" \
    TSAN_OPTIONS="halt_on_error=0:log_path=$root/$reports/tsan:${TSAN_OPTIONS:-}" \
        swift test --sanitize="$sanitizer" --scratch-path "$scratch" "${filters[@]}" "${skips[@]}" > "$log" 2>&1
    status=$?
    # Summaries of both test libraries (XCTest's "Executed N tests", swift-testing's "Test run with"),
    # and any failure or compiler error.
    grep -E "Executed [0-9]+ tests?, with|Test run with|error:|✘|failed" "$log" | grep -v "Executed 0 tests" | tail -n 20
    if [[ $status -ne 0 ]]; then
        echo "sanitize.sh: $sanitizer: swift test exited with $status (log: $log)" >&2
        failed=1
    fi
    if compgen -G "$reports/*" > /dev/null; then
        echo "sanitize.sh: $sanitizer: sanitizer reports:" >&2
        for report in "$reports"/*; do
            echo "--- $report" >&2
            head -n 60 "$report" >&2
        done
        failed=1
    else
        echo "sanitize.sh: $sanitizer: no sanitizer reports" >&2
    fi
done
exit $failed
