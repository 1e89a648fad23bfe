#!/usr/bin/env bash
# Compares a no-op incremental `dotnet build` of a consumer project with and without the MilestonePlan
# package, on a generated docs tree of 40 milestones x 15 issues. Runs alternate (with, without, with, ...)
# so machine noise hits both sides alike; prints the median of each and the ratio.
#   usage: scripts/bench-incremental.sh [runs]      (default 10 runs of each)
set -euo pipefail
runs="${1:-10}"
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version="1.0.0-bench.$(date +%s)"

# Packed with the user's NuGet cache (the repository's own restore must not point at a folder deleted below);
# the consumers restore from a private cache so no stale copy of the package is used.
dotnet pack "$repo_root/nuget/MilestonePlan.Package.csproj" -c Release -o "$work/feed" -p:MilestonePlanVersion="$version" -nodeReuse:false >/dev/null
export NUGET_PACKAGES="$work/packages"

make_consumer() { # $1 folder, $2 "with" or "without"
  mkdir -p "$1/app"
  git -C "$1" init -q
  cat > "$1/nuget.config" <<XML
<configuration><packageSources><add key="bench" value="$work/feed" /></packageSources></configuration>
XML
  local reference=""
  [ "$2" = with ] && reference="<ItemGroup><PackageReference Include=\"MilestonePlan\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup>"
  cat > "$1/app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>$reference</Project>
XML
  echo 'namespace App; public class C { }' > "$1/app/C.cs"
  for m in $(seq 0 39); do
    local dir="$1/docs/03-build-notes/m$m"; mkdir -p "$dir"
    {
      printf '# M%s Implementation Plan\n\n## Overview\n\n**Milestone:** `m%s`\n**Implementation Plan Path:** `docs/03-build-notes/m%s/IMPLEMENTATION_PLAN.md`\n' "$m" "$m" "$m"
      printf '**Milestone Folder:** `docs/03-build-notes/m%s/`\n**Milestone Branch:** `milestone/m%s-bench`\n**Total Issues:** 15\n**Status:** In Progress\n\n' "$m" "$m"
      printf '### Phase 1: All\n\n| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |\n|---|---|---|---|---|---|---|---|\n'
      for i in $(seq -w 1 15); do
        dep="None"; [ "$i" != 01 ] && dep="#$(printf '%02d' $((10#$i - 1)))"
        printf '| #%s | %s-issue.md | Issue %s | P0 | %s | `feat/m%s-%s-issue` | `feat(m%s)` | S |\n' "$i" "$i" "$i" "$dep" "$m" "$i" "$m"
        printf -- '---\ntitle: "Issue %s"\npriority: P0\n---\n\n# Issue %s\n\n## Done Definition\n\nDone.\n\n## Acceptance Criteria\n\n- [ ] Works\n' "$i" "$i" > "$dir/$i-issue.md"
      done
      printf '\n## Tracking (agent-updated)\n\n### Completed Issues\n\n'
      for i in $(seq -w 1 15); do printf '* [ ] #%s — Issue %s\n' "$i" "$i"; done
      printf '\n### Current Phase\n\n* **Phase:** Phase 1: All\n* **Current Issue:** #01\n'
    } > "$dir/IMPLEMENTATION_PLAN.md"
  done
  dotnet build "$1/app/App.csproj" -nodeReuse:false >/dev/null   # restore + first build
}

make_consumer "$work/with" with
make_consumer "$work/without" without

time_build() { # prints milliseconds of one no-op build
  local start end
  start=$(date +%s%N)
  dotnet build "$1/app/App.csproj" --no-restore -nodeReuse:false >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

with=(); without=()
for _ in $(seq "$runs"); do
  with+=("$(time_build "$work/with")")
  without+=("$(time_build "$work/without")")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mw=$(median "${with[@]}"); mo=$(median "${without[@]}")
echo "no-op build with MilestonePlan:    median ${mw} ms  (${with[*]})"
echo "no-op build without MilestonePlan: median ${mo} ms  (${without[*]})"
awk -v a="$mw" -v b="$mo" 'BEGIN { printf "ratio with/without: %.3f\n", a / b }'
