#!/usr/bin/env bash
# Runs every test: .NET unit, component, host and browser tests, then the web workspace's tests.
# Installs Debian's chromium and ffmpeg first when run as root (browser and recording tests use them).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
need_dotnet_and_node
need_packages chromium:chromium ffprobe:ffmpeg

mkdir -p artifacts
log=artifacts/dotnet-test.log
status=0
# Build once; run the unit, component and host test modules in parallel; then each real-browser suite on its own.
dotnet build Convene.slnx -c Release 2>&1 | tee "$log" || status=$?
if [ "$status" -eq 0 ]; then
  dotnet test Convene.slnx -c Release --no-build -p:ConveneTests=fast "$@" 2>&1 | tee -a "$log" || status=$?
  for project in tests/Convene.Sfu.Browser.Tests tests/Convene.E2E.Tests; do
    dotnet test --project "$project" -c Release --no-build "$@" 2>&1 | tee -a "$log" || status=$?
  done
fi

if [ -f web/package.json ]; then
  (cd web && npm ci --no-audit --no-fund && npm test) 2>&1 | tee artifacts/web-test.log || status=$?
fi

# One closing line in the plain form CI reads, summed over the .NET test run.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
grep -E '^failed ' "$log" | sed 's/^/dotnet test /' || true
echo "dotnet: $passed passed, $failed failed, $skipped skipped"
exit $status
