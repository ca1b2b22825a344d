#!/usr/bin/env bash
# Builds one libFuzzer target into .build/fuzz/ and runs it: docs/fuzzing.md.
#   Tests/Fuzz/run.sh json|log|csv [RUNS] [more libFuzzer flags, e.g. -max_total_time=600]
# RUNS defaults to 1000000; 0 only builds. One process (no -jobs/-workers): the machine is shared.
# Inputs the fuzzer finds go to .build/fuzz/corpus/TARGET, crashes to .build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: Tests/Fuzz/run.sh json|log|csv [RUNS] [libFuzzer flags]}
runs=${2:-1000000}
shift $(( $# < 2 ? $# : 2 ))
case $target in
    json) file=JSONParserFuzz ;;
    log) file=LogReaderFuzz ;;
    csv) file=CSVReaderFuzz ;;
    *) echo "unknown target '$target': json, log or csv" >&2; exit 2 ;;
esac

out=.build/fuzz
swiftc=${SWIFTC:-swiftc}
# Coverage (-sanitize=fuzzer) and AddressSanitizer on everything the target runs, optimised as in
# a release build; line tables so that a crash report names the line.
flags=(-sanitize=fuzzer,address -use-ld=lld -O -gline-tables-only -parse-as-library -swift-version 6 -j 1 -I "$out/modules")
mkdir -p "$out/modules" "$out/corpus/$target" "$out/crashes"

# A module's static library is rebuilt when a file of it is newer than the library.
stale() { [ ! -f "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -print -quit)" ]; }

library() {  # library NAME SOURCES...
    local name=$1; shift
    echo "building $name (instrumented)" >&2
    "$swiftc" "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -emit-library -static -o "$out/lib$name.a" "$@"
}

if stale "$out/libEventLog.a" Sources/EventLog; then
    library EventLog $(find Sources/EventLog -name '*.swift' | sort)
fi
libraries=("$out/libEventLog.a")

if [ "$target" = csv ]; then
    # Clearance embeds seeds/ through a build plugin (Sources/EmbedSeeds); do what the plugin does:
    # build seed-embedder and let it write BuiltInSeedFiles.swift.
    if stale "$out/seeds/BuiltInSeedFiles.swift" seeds Sources/seed-embedder; then
        mkdir -p "$out/seeds"
        "$swiftc" -O -j 1 Sources/seed-embedder/main.swift -o "$out/seed-embedder"
        "$out/seed-embedder" seeds "$out/seeds/BuiltInSeedFiles.swift"
    fi
    if stale "$out/libClearance.a" Sources/Clearance "$out/seeds/BuiltInSeedFiles.swift" "$out/libEventLog.a"; then
        library Clearance $(find Sources/Clearance -name '*.swift' | sort) "$out/seeds/BuiltInSeedFiles.swift"
    fi
    libraries=("$out/libClearance.a" "${libraries[@]}")
fi

binary="$out/$target"
if stale "$binary" "Tests/Fuzz/$file.swift" "${libraries[@]}"; then
    echo "building $binary" >&2
    "$swiftc" "${flags[@]}" -module-name "$file" "Tests/Fuzz/$file.swift" "${libraries[@]}" -o "$binary"
fi
[ "$runs" = 0 ] && exit 0

# The log reader allocates an 8 MiB read buffer for each pass over the file (three or four per
# input); ASan's quarantine of freed memory makes that 7 times slower, so the log target runs
# without it (use-after-free goes undetected there; out-of-bounds and overflows do not).
if [ "$target" = log ]; then export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=0}; fi

# The first folder receives what the fuzzer finds; the second holds the committed seeds.
exec "$binary" "$out/corpus/$target" "Tests/Fuzz/Corpus/$target" -runs="$runs" -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$out/crashes/$target-" "$@"
