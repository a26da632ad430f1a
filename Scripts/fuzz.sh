#!/usr/bin/env bash
# Coverage-guided fuzzing of folio's article parser and query parser with libFuzzer (issue 6).
#
#   Scripts/fuzz.sh article|query [SECONDS]     (default 60 seconds)
#
# Compiles Fuzz/ArticleParserFuzzer.swift or Fuzz/QueryParserFuzzer.swift together with every
# source of FolioCore (it depends on nothing but the standard library, Foundation and libxml2, whose
# module map in Sources/CLibXML2 is on the include path, so its files compile as part of the fuzzer's
# one module) with `-sanitize=fuzzer,address`, into .build-fuzz/. The corpus folder
# .build-fuzz/corpus-NAME is seeded from Data/*.txt and the HTML and mail fixtures (article) or the
# lines of Benchmarks/queries.txt (query) and kept between runs, so coverage found once is not lost.
#
# Prints libFuzzer's summary. Exit status: 0 no crash; 1 a crash, leak or timeout (the input is left
# as .build-fuzz/crash-*, leak-*, timeout-* or oom-*; replay it with `.build-fuzz/fuzz-NAME FILE`);
# 2 bad usage or a failed build. The linker's "Cannot export local symbol" warnings are harmless.
set -euo pipefail

usage() { echo "usage: Scripts/fuzz.sh article|query [SECONDS]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
name=$1
seconds=${2:-60}
[[ $seconds =~ ^[0-9]+$ ]] || usage
case $name in
    article) source_file=Fuzz/ArticleParserFuzzer.swift ;;
    query) source_file=Fuzz/QueryParserFuzzer.swift ;;
    *) usage ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=.build-fuzz
binary=$out/fuzz-$name
corpus=$out/corpus-$name
mkdir -p "$out" "$corpus"

# Rebuild when the fuzzer or any FolioCore source is newer than the binary.
mapfile -t core_sources < <(find Sources/FolioCore -name '*.swift' | sort)
if [[ ! -x $binary ]] || [[ -n $(find "$source_file" Fuzz/FuzzChecks.swift Sources/CLibXML2 "${core_sources[@]}" -newer "$binary" -print -quit) ]]; then
    echo "fuzz.sh: building $binary (${#core_sources[@]} FolioCore sources)" >&2
    # libxml2 (FolioCore's HTML parser): its module map, and the header path pkg-config gives.
    read -r -a libxml_flags < <(pkg-config --cflags libxml-2.0)
    libxml_xcc=()
    for flag in "${libxml_flags[@]}"; do libxml_xcc+=(-Xcc "$flag"); done
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name FolioFuzz \
        -I Sources/CLibXML2 "${libxml_xcc[@]}" -lxml2 \
        "$source_file" Fuzz/FuzzChecks.swift "${core_sources[@]}" -o "$binary" 2> "$out/build-$name.log"; then
        grep -v "Cannot export local symbol" "$out/build-$name.log" >&2 || true
        echo "fuzz.sh: build failed" >&2
        exit 2
    fi
    # The linker's export warnings are noise; anything else (a compiler warning) is shown.
    grep -v -e "Cannot export local symbol" -e "^$" "$out/build-$name.log" >&2 || true
fi

# Seeds: the built-in articles, or one file per benchmark query (names by content, so reruns add nothing).
if [[ $name == article ]]; then
    cp -n Data/*.txt Tests/FolioCoreTests/Fixtures/html/* Tests/FolioCoreTests/Fixtures/mail/* "$corpus"/ 2> /dev/null || true
else
    index=0
    while IFS= read -r line || [[ -n $line ]]; do
        [[ -z $line ]] && continue
        printf '%s' "$line" > "$corpus/seed-$index"
        index=$((index + 1))
    done < Benchmarks/queries.txt
fi

echo "fuzz.sh: fuzzing $name for $seconds s; corpus $corpus ($(ls "$corpus" | wc -l) files)" >&2
status=0
# -max_len: articles up to 64 KiB (long lines, big headers), queries up to 4 KiB. -detect_leaks=0:
# LeakSanitizer's per-input scans were 70% of the time (27 runs/s on the article fuzzer), and what it
# finds is the Swift runtime's deliberate process-lifetime caches; memory errors are still caught by ASan.
max_len=$([[ $name == article ]] && echo 65536 || echo 4096)
# Artifacts (crash-*, timeout-*, ...) go to .build-fuzz/. libFuzzer's own output goes to a log,
# and its summary (the last lines: stats, "Done N runs", any crash report) is printed.
"$binary" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix="$out/" > "$out/fuzz-$name.log" 2>&1 || status=$?

log=$out/fuzz-$name.log
if [[ $status -ne 0 ]]; then
    # A crash: show the report (sanitizer or precondition message and stack) and the input's path.
    grep -v -e "^#[0-9]" "$log" | tail -n 60
    echo "fuzz.sh: $name fuzzer FAILED (exit $status); input: $(ls -t "$out"/{crash,leak,timeout,oom,slow-unit}-* 2> /dev/null | head -n 1)" >&2
    exit 1
fi
grep -E "^#[0-9]+[[:space:]]+INITED|^Done [0-9]+ runs|^stat::" "$log" | tail -n 12 || true
grep -E "^#[0-9]+" "$log" | tail -n 1 || true
echo "fuzz.sh: $name fuzzer: no crash in $seconds s (log: $log)"
