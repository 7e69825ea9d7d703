#!/usr/bin/env bash
# Builds sockaudit-fuzz with libFuzzer and AddressSanitizer into .build-fuzz and fuzzes one parser.
#   scripts/fuzz.sh PARSER SECONDS [extra libFuzzer flags]
# Crashes land in Fuzz/crashes/PARSER/; move a fixed one to Fuzz/regressions/PARSER/ so the test
# suite replays it. The working corpus grows in .build-fuzz/corpus/PARSER (seeded from Fuzz/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
parser=${1:?usage: scripts/fuzz.sh PARSER SECONDS}
seconds=${2:?usage: scripts/fuzz.sh PARSER SECONDS}
shift 2

swift build -c release --scratch-path .build-fuzz --product sockaudit-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER -Xcc -fsanitize=fuzzer-no-link,address

# FUZZ_CORPUS: another working corpus folder (a run with a different -max_len keeps its own).
work=${FUZZ_CORPUS:-.build-fuzz/corpus/$parser}
mkdir -p "$work" "Fuzz/crashes/$parser" "Fuzz/regressions/$parser"
# A crash must not leave swift-backtrace waiting on a terminal.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
    .build-fuzz/release/sockaudit-fuzz "$parser" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=5 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="Fuzz/crashes/$parser/" "$@" \
    "$work" "Fuzz/corpus/$parser" "Fuzz/regressions/$parser"
