#!/usr/bin/env bash
# Validation of the 40x15 benchmark tree against Markdig's parse of the same 640 files, side by side:
# alternating isolated runs (one process per part, 300 warm-up and 500 measured validations each), N rounds.
# Prints every run and the ratio of the fastest runs (the machine is shared: the minimum is the least disturbed).
set -euo pipefail
rounds="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build -c Release "$root/bench/MilestonePlan.Benchmarks" -v q -nologo >/dev/null
dll="$root/bench/MilestonePlan.Benchmarks/bin/Release/net10.0/MilestonePlan.Benchmarks.dll"
declare -a markdig validate
for _ in $(seq "$rounds"); do
  for part in markdig-all validate; do
    line="$(dotnet "$dll" --isolated "$part")"
    echo "$line"
    ms="$(awk '{print $2}' <<<"$line")"
    if [ "$part" = markdig-all ]; then markdig+=("$ms"); else validate+=("$ms"); fi
  done
done
min() { printf '%s\n' "$@" | sort -g | head -1; }
m="$(min "${markdig[@]}")"; v="$(min "${validate[@]}")"
awk -v m="$m" -v v="$v" 'BEGIN { printf "fastest: markdig %.2f ms, validate %.2f ms, ratio %.2f\n", m, v, v / m }'
